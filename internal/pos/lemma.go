package pos

import "strings"

// Irregular forms, written for this package: inflected form -> lemma.
var irregularVerbs = map[string]string{}
var irregularNouns = map[string]string{}

func init() {
	// base, past, participle (and extra forms) of irregular English verbs
	verbs := `be was were been being am is are 's 're 'm
have had had has having 've 'd
do did done does doing
go went gone goes
say said said says
make made made
get got gotten gets
know knew known
think thought thought
take took taken
see saw seen
come came come
give gave given
find found found
tell told told
become became become
leave left left
feel felt felt
bring brought brought
begin began begun
keep kept kept
hold held held
write wrote written
stand stood stood
hear heard heard
let let let
mean meant meant
set set set
meet met met
run ran run
pay paid paid
sit sat sat
speak spoke spoken
lie lay lain
lead led led
read read read
grow grew grown
lose lost lost
fall fell fallen
send sent sent
build built built
understand understood understood
draw drew drawn
break broke broken
spend spent spent
cut cut cut
rise rose risen
drive drove driven
buy bought bought
wear wore worn
choose chose chosen
seek sought sought
throw threw thrown
catch caught caught
deal dealt dealt
win won won
forget forgot forgotten
sell sold sold
fight fought fought
teach taught taught
eat ate eaten
sing sang sung
shoot shot shot
hit hit hit
put put put
fly flew flown
beat beat beaten
hang hung hung
hide hid hidden
flee fled fled
ride rode ridden
shake shook shaken
steal stole stolen
strike struck struck
swim swam swum
wake woke woken
bear bore borne
bet bet bet
bind bound bound
bite bit bitten
blow blew blown
burst burst burst
cast cast cast
cost cost cost
dig dug dug
feed fed fed
forbid forbade forbidden
forgive forgave forgiven
freeze froze frozen
hurt hurt hurt
lay laid laid
lend lent lent
light lit lit
quit quit quit
ring rang rung
shed shed shed
shine shone shone
shut shut shut
sink sank sunk
sleep slept slept
slide slid slid
split split split
spread spread spread
spring sprang sprung
stick stuck stuck
sting stung stung
swear swore sworn
sweep swept swept
swing swung swung
tear tore torn
undertake undertook undertaken
upset upset upset
withdraw withdrew withdrawn
overcome overcame overcome
arise arose arisen
awake awoke awoken
forecast forecast forecast
broadcast broadcast broadcast
overtake overtook overtaken
outbid outbid outbid
rebuild rebuilt rebuilt
mislead misled misled
foresee foresaw foreseen
oversee oversaw overseen
bleed bled bled
breed bred bred
speed sped sped
creep crept crept
weep wept wept
leap leapt leapt
kneel knelt knelt
dwell dwelt dwelt
cling clung clung
fling flung flung
sling slung slung
spin spun spun
stink stank stunk
stride strode stridden
strive strove striven
string strung strung
swell swelled swollen
tread trod trodden
weave wove woven
wind wound wound
wring wrung wrung
sew sewed sewn
sow sowed sown
show showed shown
mistake mistook mistaken
withhold withheld withheld
uphold upheld upheld
override overrode overridden
overrun overran overrun
overthrow overthrew overthrown
undo undid undone
undergo underwent undergone
withstand withstood withstood
rewrite rewrote rewritten
underwrite underwrote underwritten
foretell foretold foretold
slay slew slain
will would
can could
shall should
may might`
	for _, line := range strings.Split(verbs, "\n") {
		f := strings.Fields(line)
		for _, form := range f[1:] {
			if _, ok := irregularVerbs[form]; !ok {
				irregularVerbs[form] = f[0]
			}
		}
	}
	nouns := `man men
woman women
child children
person people
foot feet
tooth teeth
mouse mice
goose geese
ox oxen
crisis crises
analysis analyses
thesis theses
hypothesis hypotheses
diagnosis diagnoses
prognosis prognoses
synthesis syntheses
parenthesis parentheses
emphasis emphases
oasis oases
neurosis neuroses
criterion criteria
phenomenon phenomena
medium media
datum data
index indices
life lives
wife wives
knife knives
leaf leaves
half halves
shelf shelves
thief thieves
wolf wolves
loaf loaves
self selves
calf calves
chief chiefs
series series
species species
sheep sheep
fish fish
deer deer
aircraft aircraft
news news
headquarters headquarters
means means
economics economics
politics politics
physics physics
mathematics mathematics
athletics athletics
gymnastics gymnastics
clothes clothes
outskirts outskirts
innings innings
earnings earnings
movie movies
cookie cookies
zombie zombies
rookie rookies
calorie calories
brownie brownies
prairie prairies
goalie goalies
birdie birdies
sortie sorties
police police
fungus fungi
cactus cacti
nucleus nuclei
stimulus stimuli
appendix appendices
matrix matrices
vertex vertices
bus buses
gas gases
lens lenses
tax taxes
box boxes
virus viruses
status statuses
bonus bonuses
campus campuses
census censuses
focus focuses
process processes
business businesses
address addresses
loss losses
boss bosses
class classes
glass glasses
pass passes
access accesses
kiss kisses
success successes
witness witnesses
congress congresses
alumnus alumni
memorandum memoranda
curriculum curricula
stadium stadiums
referendum referendums
potato potatoes
tomato tomatoes
hero heroes
echo echoes
veto vetoes`
	for _, line := range strings.Split(nouns, "\n") {
		f := strings.Fields(line)
		irregularNouns[f[1]] = f[0]
	}
}

// Lemma returns the dictionary form of word given its Penn Treebank tag.
// Proper nouns keep their spelling; other words are lower-cased.
func Lemma(word, tag string) string {
	if tag == "NNP" || tag == "NNPS" {
		return word
	}
	w := lowerASCII(word)
	switch {
	case strings.HasPrefix(tag, "VB"):
		if tag == "VB" || tag == "VBP" {
			switch w {
			case "am", "are", "'re", "'m", "ai":
				return "be"
			case "'ve":
				return "have"
			}
			return w
		}
		if l, ok := irregularVerbs[w]; ok {
			return l
		}
		return verbStem(w, tag)
	case tag == "NNS":
		if l, ok := irregularNouns[w]; ok {
			return l
		}
		return nounStem(w)
	case tag == "MD":
		if l, ok := irregularVerbs[w]; ok {
			return l
		}
		if w == "wo" {
			return "will"
		}
		if w == "ca" {
			return "can"
		}
	case tag == "JJR" || tag == "RBR" || tag == "JJS" || tag == "RBS":
		return adjStem(w, tag)
	case tag == "PRP" || tag == "PRP$":
		return w
	}
	if w == "n't" {
		return "not"
	}
	return w
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func nounStem(w string) string {
	n := len(w)
	switch {
	case n <= 3:
		if n >= 2 && isVowel(w[n-2]) {
			return w // gas, bus, us, yes (a tagger's NNS)
		}
		return strings.TrimSuffix(w, "s")
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "tzes"):
		if l, ok := stemExceptions[w[:n-2]]; ok { // aches, niches, quizzes
			return l
		}
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "uses"):
		return usesStem(w)
	case strings.HasSuffix(w, "iases"): // biases, aliases
		return w[:n-2]
	case strings.HasSuffix(w, "oes"):
		// volcanoes, torpedoes; one syllable takes e: toes, foes, woes, shoes
		s := w[:n-2]
		if l, ok := stemExceptions[s]; ok {
			return l
		}
		if !hasVowel(s[:len(s)-1]) {
			return w[:n-1]
		}
		return s
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}

// usesStem returns the singular of w, a plural noun in -uses: -us
// (bonuses, viruses, campuses, caucuses, surpluses) unless a vowel other
// than i, or b, f or m, comes before the us or the word is short (houses,
// causes, abuses, fuses, muses, uses, excuses, recluses). The -use
// singular is a prefix of w and costs no allocation.
func usesStem(w string) string {
	s := w[:len(w)-2]
	if l, ok := stemExceptions[s]; ok {
		return l
	}
	n := len(s)
	if n <= 3 || strings.HasSuffix(s, "xcus") || strings.HasSuffix(s, "clus") {
		return w[:n+1]
	}
	switch c := s[n-3]; {
	case c == 'b' || c == 'f' || c == 'm' || isVowel(c) && c != 'i':
		return w[:n+1]
	}
	return s
}

// doubled reports whether w ends in a doubled consonant that the suffix
// created (stopped -> stop), leaving ll, ss, ff, zz alone except where
// undoubleL or undoubledStems says otherwise.
func doubled(w string) bool {
	n := len(w)
	if n < 3 || w[n-1] != w[n-2] || isVowel(w[n-1]) {
		return false
	}
	switch w {
	case "add", "ebb", "err", "egg", "purr", "butt", "inn", "odd":
		return false
	}
	switch w[n-1] {
	case 'l':
		return undoubleL(w)
	case 's', 'f', 'z':
		return false
	}
	return true
}

// undoubleL reports whether the ll of w (a stem ending in ll) is the
// British doubling of a final l of more than one syllable (travelled ->
// travel, controlled -> control, signalled -> signal), not the ll of a
// word (kill, called, spelled, fulfilled, recalled, installed).
func undoubleL(w string) bool {
	n := len(w)
	if n < 5 || w[n-3] == 'i' || !isVowel(w[n-3]) || vowelAt(w, n-4) {
		return false // fill, still, fulfill; fuelled is in stemExceptions
	}
	if !hasVowel(w[:n-3]) {
		return false // one syllable: call, roll, smell, quell
	}
	for _, k := range keepLL {
		if strings.HasSuffix(w, k) {
			return false
		}
	}
	return true
}

// keepLL are words of more than one syllable that end in ll themselves.
var keepLL = []string{"recall", "install", "stall", "befall", "thrall", "appall", "retell", "resell", "foretell",
	"misspell", "outsell", "upsell", "enroll", "unroll", "downfall", "overall", "farewell"}

// vowelAt reports whether w[i] is a vowel letter (a u after q or g is
// read as part of the consonant: quote, guide).
func vowelAt(w string, i int) bool {
	if i < 0 || i >= len(w) || !isVowel(w[i]) {
		return false
	}
	return !(w[i] == 'u' && i > 0 && (w[i-1] == 'q' || w[i-1] == 'g') && i+1 < len(w) && isVowel(w[i+1]))
}

func hasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		if vowelAt(s, i) || s[i] == 'y' && i > 0 {
			return true
		}
	}
	return false
}

// stemExceptions maps a stem left by -ed, -ing or -es that the rules
// below would get wrong to its lemma.
var stemExceptions = map[string]string{
	// a doubled s or z after a short vowel (focussed, quizzed)
	"focuss": "focus", "buss": "bus", "gass": "gas", "quizz": "quiz", "whizz": "whiz",
	// words that end in s or in a vowel and take no e
	"focus": "focus", "caucus": "caucus", "bus": "bus", "gas": "gas", "bias": "bias", "alias": "alias", "canvas": "canvas", "nonplus": "nonplus",
	"ski": "ski", "sk": "ski", "echo": "echo", "veto": "veto", "torpedo": "torpedo", "embargo": "embargo",
	"radio": "radio", "video": "video", "lasso": "lasso", "ach": "ache", "cach": "cache", "headach": "headache",
	"nich": "niche", "moustach": "moustache", "mustach": "mustache", "avalanch": "avalanche",
	// -oe, -ye
	"to": "toe", "ho": "hoe", "cano": "canoe", "obo": "oboe", "sho": "shoe", "tipto": "tiptoe", "dy": "dye", "ey": "eye",
	// an e after a pattern that usually has none
	"creat": "create", "recreat": "recreate", "procreat": "procreate", "complet": "complete", "compet": "compete",
	"delet": "delete", "deplet": "deplete", "secret": "secrete", "excret": "excrete", "interfer": "interfere",
	"persever": "persevere", "rever": "revere", "adher": "adhere", "coher": "cohere", "postpon": "postpone",
	"condon": "condone", "aton": "atone", "inton": "intone", "dethron": "dethrone", "enthron": "enthrone",
	"telephon": "telephone", "breath": "breathe", "bath": "bathe", "loath": "loathe", "sooth": "soothe",
	"seeth": "seethe", "cloth": "clothe", "teeth": "teethe", "sheath": "sheathe", "hing": "hinge",
	"bing": "binge", "cring": "cringe", "fring": "fringe", "imping": "impinge", "infring": "infringe",
	"ting": "tinge", "twing": "twinge", "whing": "whinge", "spong": "sponge", "loung": "lounge",
	"expedit": "expedite", "persuad": "persuade", "dissuad": "dissuade", "typ": "type", "styl": "style",
	"rhym": "rhyme", "hyp": "hype", "fuell": "fuel", "duell": "duel", "gaug": "gauge", "oblig": "oblige", "exud": "exude",
	// no e after a pattern that usually has one
	"debut": "debut", "input": "input", "output": "output", "pivot": "pivot", "pilot": "pilot", "open": "open",
	"edit": "edit", "exit": "exit", "omit": "omit", "gossip": "gossip", "worship": "worship", "sugar": "sugar",
	"collar": "collar", "murmur": "murmur", "orphan": "orphan", "solicit": "solicit", "elicit": "elicit",
	"combat": "combat", "boycott": "boycott", "bivouack": "bivouac", "rerout": "reroute", "arc": "arc", "sync": "sync",
	"nitpick": "nitpick", "handpick": "handpick", "unpick": "unpick", "frolick": "frolic", "wick": "wick",
}

// needsE reports whether a stem probably lost a final e (making -> make).
func needsE(s string) bool {
	n := len(s)
	if n < 2 {
		return false
	}
	last := s[n-1]
	switch last {
	case 'v', 'u':
		return true
	case 's': // praised, closed, caused, lapsed, nursed (a doubled s is kept: passed)
		return s[n-2] != 's'
	case 'z':
		return s[n-2] != 'z' && s[n-2] != 't' // seized, criticized; buzzed, waltzed
	case 'c':
		// a c before e or i is soft, and -ic verbs take k (panicked), so
		// -ced and -cing are -ce: danced, policed, voiced, juiced
		return true
	case 'l':
		// settled, handled, struggled; no e after r, w or a vowel (curl, howl, sail)
		if !vowelAt(s, n-2) && s[n-2] != 'l' && s[n-2] != 'r' && s[n-2] != 'w' {
			return true
		}
	case 'r':
		if !vowelAt(s, n-2) && s[n-2] != 'r' { // centred, massacred
			return true
		}
	case 'k':
		// a single vowel before k spells a long vowel (joked, liked); short ones are ck
		if vowelAt(s, n-2) && !vowelAt(s, n-3) {
			return true
		}
	case 'g':
		switch {
		case strings.HasSuffix(s, "rg"), strings.HasSuffix(s, "dg"), strings.HasSuffix(s, "lg"):
			return true
		case vowelAt(s, n-2) && s[n-2] != 'o', strings.HasSuffix(s, "eng"), strings.HasSuffix(s, "ung"), strings.HasSuffix(s, "chang"), strings.HasSuffix(s, "rang"):
			// a single g after a vowel is -ge, since short-vowel verbs
			// double it (engaged, obliged, gouged; tagged, hugged), but not
			// -og, which is a polysyllable (cataloged, dialoged)
			return true
		}
		// (arranged, changed, plunged, lunged, ranged, avenged; banged, longed, hanged keep none)
	}
	if strings.HasSuffix(s, "at") {
		// -ate, with no e after a digraph (treat, eat, float)
		return n == 2 || s[n-3] != 'e' && s[n-3] != 'o' && s[n-3] != 'a'
	}
	if strings.HasSuffix(s, "com") || strings.HasSuffix(s, "ven") && n > 4 && !vowelAt(s, n-4) {
		return true // welcome, overcome; intervene, convene
	}
	// consonant-vowel-consonant ending: make, hope, vote, use
	if n >= 2 && !vowelAt(s, n-1) && last != 'w' && last != 'x' && last != 'y' && vowelAt(s, n-2) && !vowelAt(s, n-3) {
		if n <= 4 && (n == 2 || !vowelAt(s, 0)) {
			return true // (open, edit, exit take none; evade does, below)
		}
		switch s[n-2:] {
		case "ot", "ut", "in", "id", "ir", "ur", "ar", "ud", "ib", "ad", "od", "ap", "am", "im", "um", "em",
			"ol", "il", "ul", "ed":
			return true
		case "or":
			// ignored, restored, explored, adored, scored; honored, monitored
			for _, k := range [...]string{"gnor", "stor", "plor", "ador", "scor"} {
				if strings.HasSuffix(s, k) {
					return true
				}
			}
		case "it":
			// invited, united, excited, recited; visited, edited, limited, solicited
			for _, k := range [...]string{"vit", "nit", "xcit", "ecit", "ncit"} {
				if strings.HasSuffix(s, k) {
					return true
				}
			}
		}
	}
	return false
}

// restoreE returns stem, or stem with the e that the suffix took away,
// with an exception lookup first. w is the whole word and suf the suffix
// that was cut: when suf begins with e the stem plus e is a prefix of w
// and costs no allocation.
func restoreE(w, stem string, ownE bool) string {
	if l, ok := stemExceptions[stem]; ok {
		return l
	}
	if strings.HasSuffix(stem, "ick") && len(stem) > 5 && hasVowel(stem[:len(stem)-3]) {
		// panicked, mimicked, trafficked -> panic (kick, stick keep their ck)
		switch {
		case strings.HasSuffix(stem, "kick"), strings.HasSuffix(stem, "stick"), strings.HasSuffix(stem, "trick"),
			strings.HasSuffix(stem, "click"), strings.HasSuffix(stem, "flick"), strings.HasSuffix(stem, "brick"):
		default:
			return stem[:len(stem)-1]
		}
	}
	if doubled(stem) {
		return stem[:len(stem)-1]
	}
	if strings.HasSuffix(stem, "e") || !needsE(stem) {
		return stem
	}
	if ownE {
		return w[:len(stem)+1]
	}
	return stem + "e"
}

func verbStem(w, tag string) string {
	n := len(w)
	switch tag {
	case "VBZ":
		switch {
		case strings.HasSuffix(w, "ies") && n > 4:
			return w[:n-3] + "y"
		case strings.HasSuffix(w, "oes"):
			// goes, echoes, vetoes; toes, canoes, shoes
			s := w[:n-2]
			if l, ok := stemExceptions[s]; ok {
				return l
			}
			return s
		case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
			strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "tzes"):
			s := w[:n-2]
			if l, ok := stemExceptions[s]; ok {
				return l
			}
			return s
		case strings.HasSuffix(w, "ses") && n > 4:
			// focuses, buses, biases; causes, uses, releases
			if l, ok := stemExceptions[w[:n-2]]; ok {
				return l
			}
			return w[:n-1]
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
			return w[:n-1]
		}
	case "VBD", "VBN":
		switch {
		case strings.HasSuffix(w, "ied") && n == 4:
			return w[:3] // died, tied, lied
		case strings.HasSuffix(w, "ied") && n > 4:
			if w == "skied" {
				return "ski"
			}
			return w[:n-3] + "y"
		case strings.HasSuffix(w, "eed"):
			switch w {
			case "need", "speed", "bleed", "breed", "feed", "heed", "seed", "weed", "proceed", "exceed", "succeed":
				return w
			}
			return w[:n-1]
		case strings.HasSuffix(w, "ed") && n > 3:
			return restoreE(w, w[:n-2], true)
		}
	case "VBG":
		if strings.HasSuffix(w, "ing") && n > 4 {
			s := w[:n-3]
			if strings.HasSuffix(s, "y") && len(s) == 2 { // dying -> die
				return s[:1] + "ie"
			}
			return restoreE(w, s, false)
		}
	}
	return w
}

var irregularAdj = map[string]string{
	"better": "good", "best": "good", "worse": "bad", "worst": "bad", "more": "much", "most": "much",
	"less": "little", "least": "little", "further": "far", "farther": "far", "furthest": "far", "elder": "old", "eldest": "old",
}

func adjStem(w, tag string) string {
	if l, ok := irregularAdj[w]; ok {
		return l
	}
	n := len(w)
	suf := "er"
	if tag == "JJS" || tag == "RBS" {
		suf = "est"
	}
	if !strings.HasSuffix(w, suf) || n <= len(suf)+2 {
		return w
	}
	s := w[:n-len(suf)]
	switch {
	case strings.HasSuffix(s, "i"):
		return s[:len(s)-1] + "y"
	case doubled(s):
		return s[:len(s)-1]
	case needsE(s) && !strings.HasSuffix(s, "ng"):
		return s + "e"
	}
	return s
}
