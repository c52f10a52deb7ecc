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
basis bases
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
		return strings.TrimSuffix(w, "s")
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}

// doubled reports whether w ends in a doubled consonant that the suffix
// created (stopped -> stop), leaving ll, ss, ff, zz alone.
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
	case 'l', 's', 'f', 'z':
		return false
	}
	return true
}

// needsE reports whether a stem probably lost a final e (making -> make).
func needsE(s string) bool {
	n := len(s)
	if n < 2 {
		return false
	}
	last := s[n-1]
	if strings.HasSuffix(s, "at") || strings.HasSuffix(s, "iz") || strings.HasSuffix(s, "us") ||
		strings.HasSuffix(s, "rg") || strings.HasSuffix(s, "dg") || strings.HasSuffix(s, "rc") ||
		strings.HasSuffix(s, "lv") || strings.HasSuffix(s, "rv") || strings.HasSuffix(s, "ag") && n > 4 {
		return true
	}
	if last == 'v' || last == 'c' && s[n-2] != 'i' || last == 'u' {
		return true
	}
	// consonant-vowel-consonant ending of a short stem: make, hope, vote, use
	if n >= 3 && !isVowel(last) && last != 'w' && last != 'x' && last != 'y' && isVowel(s[n-2]) && !isVowel(s[n-3]) {
		if n <= 4 {
			return true
		}
		switch {
		case strings.HasSuffix(s, "ot"), strings.HasSuffix(s, "at"), strings.HasSuffix(s, "ut"),
			strings.HasSuffix(s, "uc"), strings.HasSuffix(s, "in"), strings.HasSuffix(s, "id"),
			strings.HasSuffix(s, "ir"), strings.HasSuffix(s, "ur"), strings.HasSuffix(s, "os"), strings.HasSuffix(s, "as"):
			return true
		}
	}
	return false
}

func verbStem(w, tag string) string {
	n := len(w)
	switch tag {
	case "VBZ":
		switch {
		case strings.HasSuffix(w, "ies") && n > 4:
			return w[:n-3] + "y"
		case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
			strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "oes"):
			return w[:n-2]
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
			return w[:n-1]
		}
	case "VBD", "VBN":
		switch {
		case strings.HasSuffix(w, "ied") && n > 4:
			return w[:n-3] + "y"
		case strings.HasSuffix(w, "eed"):
			switch w {
			case "need", "speed", "bleed", "breed", "feed", "heed", "seed", "weed", "proceed", "exceed", "succeed":
				return w
			}
			return w[:n-1]
		case strings.HasSuffix(w, "ed") && n > 3:
			s := w[:n-2]
			if doubled(s) {
				return s[:len(s)-1]
			}
			if strings.HasSuffix(w, "eed") || strings.HasSuffix(s, "e") {
				return s
			}
			if needsE(s) {
				return s + "e"
			}
			return s
		}
	case "VBG":
		if strings.HasSuffix(w, "ing") && n > 4 {
			s := w[:n-3]
			if strings.HasSuffix(s, "y") && len(s) == 2 { // dying -> die
				return s[:1] + "ie"
			}
			if doubled(s) {
				return s[:len(s)-1]
			}
			if needsE(s) {
				return s + "e"
			}
			return s
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
