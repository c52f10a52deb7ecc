package ner

import (
	"strings"

	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

// Rules for the person names the model leaves unlabelled. The model was
// trained on Reuters copy, where a person is named in full before the
// surname stands alone; political news writes "Mr. Sessions defended ...",
// "Rice said ..." and "Sessions was grilled ..." with no first name in the
// sentence, and the model gives such a word no label.

// nameTitle reports whether w is a courtesy or professional title after
// which a capitalised word is a person's name ("Mr. Sessions", "Sen.
// Cotton", "President Trump"), even a word that is a common noun
// elsewhere: an honorific (text.Honorific) or one of nameTitles.
func nameTitle(w string) bool {
	if _, ok := text.Honorific(w); ok {
		return true
	}
	return in(nameTitles, w)
}

// nameTitles are nameTitle's titles besides the honorifics.
var nameTitles = set("sen.", "senator", "rep.",
	"representative", "congressman", "congresswoman", "gov.", "governor", "prof.", "professor", "president",
	"vice-president", "secretary", "speaker", "judge", "chancellor", "premier", "mayor",
	"gen.", "lt.", "col.", "colonel", "sgt.", "sergeant", "capt.", "captain", "adm.", "admiral",
	"rev.", "reverend", "pope", "ayatollah", "sheikh", "minister", "ambassador",
	"commissioner", "detective", "messrs.", "mme", "mme.", "herr", "prince", "princess", "king", "queen",
	"cardinal", "bishop", "archbishop", "emir", "sultan", "pope")

// notNames are capitalised words that follow a title without being a
// name ("President Elect", "Secretary General", "Governor's Office").
var notNames = set("general", "elect", "emeritus", "department", "ministry", "office", "committee", "council",
	"court", "house", "party", "street", "avenue", "road", "drive", "hotel", "building", "of", "justice", "christmas",
	"easter")

// sentenceAdverbs may stand between the subject and its verb ("Rice also
// said", "Sessions has since backed off").
var sentenceAdverbs = set("also", "then", "never", "now", "later", "again", "still", "recently", "previously",
	"reportedly", "allegedly", "once", "first", "initially", "since", "has", "had", "have", "is", "was",
	"himself", "herself", "repeatedly", "quickly", "immediately", "publicly", "privately", "often", "already",
	"ultimately", "eventually", "subsequently", "last", "clearly", "apparently", "even", "just", "only", "not")

// speakerNouns are common nouns that stand at the start of a sentence
// before "said" without naming anyone ("Officials said", "Police say").
var speakerNouns = set("officials", "official", "police", "analysts", "analyst", "critics", "sources", "source",
	"witnesses", "witness", "residents", "experts", "investors", "traders", "dealers", "prosecutors",
	"authorities", "lawmakers", "democrats", "republicans", "aides", "aide", "supporters", "opponents",
	"observers", "diplomats", "scientists", "researchers", "doctors", "reports", "reporters", "organizers",
	"organisers", "activists", "protesters", "protestors", "voters", "members", "leaders", "others", "some",
	"many", "most", "both", "neither", "people", "workers", "employees", "executives", "economists", "officers",
	"troops", "soldiers", "rebels", "militants", "insurgents", "spokesman", "spokeswoman", "spokesperson",
	"bankers", "brokers", "farmers", "students", "teachers", "parents", "families", "relatives", "friends",
	"neighbours", "neighbors", "polls", "surveys", "studies", "data", "figures", "statistics", "documents",
	"records", "court", "courts", "judges", "lawyers", "attorneys", "agents", "investigators", "detectives",
	"firefighters", "rescuers", "medics", "nurses", "staff", "sponsors", "donors", "allies", "rivals",
	"conservatives", "liberals", "progressives", "moderates", "republican", "democrat", "senators",
	"congressmen", "governors", "mayors", "ministers", "delegates", "negotiators", "mediators", "observers",
	"commentators", "pundits", "historians", "scholars", "academics", "economists", "strategists", "pollsters",
	"consumers", "customers", "users", "fans", "players", "coaches", "managers", "owners", "shareholders",
	"stockholders", "unions", "companies", "firms", "banks", "governments", "states", "countries", "nations",
	"everyone", "everybody", "nobody", "somebody", "someone", "anyone", "none", "each", "all", "few", "several",
	"insiders", "advisers", "advisors", "consultants", "regulators", "lawmaker", "legislators", "officers",
	"spokesmen", "spokeswomen", "defenders", "advocates", "campaigners", "environmentalists", "demonstrators",
	"survivors", "victims", "passengers", "drivers", "pilots", "crew", "guards", "inmates", "prisoners",
	"refugees", "migrants", "immigrants", "citizens", "taxpayers", "americans", "britons", "europeans",
	"economy", "government", "administration", "company", "report", "statement", "poll", "study", "survey",
	"paper", "newspaper", "magazine", "agency", "ministry", "network", "website", "television", "radio")

// isTitleCase reports whether a word starts with an upper-case ASCII
// letter followed by a lower-case one ("Sessions", "McConnell").
func isTitleCase(s string) bool {
	return len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z'
}

// nameWord reports whether token i may be (part of) a name the rules
// add: a title-case word no mention holds (the rules skip the sentences
// in capitals: capsSent).
func nameWord(toks []text.Token, taken []bool, i int) bool {
	return !taken[i] && isTitleCase(toks[i].Text)
}

// nameMentions adds the PERSON mentions the model missed to out (the
// model's mentions, which set taken). With evidence in the text: a
// title-case run after a personal title ("Mr. Sessions"), a known first
// name before a capitalised word ("Theresa May"), a transcript's speaker
// ("TAPPER:"), a sentence's first word before an apposition naming a role
// or an age ("Comey, a former FBI director,"), and a word the document
// uses as the surname of one of these or of a person named in full. In a
// text of at most shortText sentences, where no such evidence can be,
// also a sentence's first word, not a common word, before its finite verb
// ("Cruz took"), a speech verb ("Nunes said"), a possessive ("Hyten's
// job") or a colon ("Kaine: ...").
func (r *Recognizer) nameMentions(doc *text.Document, b *buffers, taken []bool, out []Mention) []Mention {
	toks := doc.Tokens
	n := len(out)
	// a word the rules find alone keeps the type the model gave a
	// mention of the document that holds it, when not a person's
	// ("WebTV uses" beside "WebTV Networks Inc.")
	// (the table is built at the first call: one pass over the mentions,
	// not one per rule firing, which was quadratic on a long article)
	others := false
	otherType := func(w string) (Type, bool) {
		if !others {
			others = true
			if b.others == nil {
				b.others = map[string]Type{}
			}
			clear(b.others)
			for _, m := range out[:n] {
				if m.Type == Org || m.Type == Location || m.Type == Misc {
					for k := m.First; k < m.Last; k++ {
						if _, ok := b.others[toks[k].Text]; !ok {
							b.others[toks[k].Text] = m.Type
						}
					}
				}
			}
		}
		t, ok := b.others[w]
		return t, ok
	}
	add := func(si, f, e int, titled bool) {
		typ := Person
		if !titled && e-f == 1 {
			if in(webOrgs, toks[f].Text) {
				typ = Org // "Twitter said"
			} else if t, ok := otherType(toks[f].Text); ok {
				typ = t
			}
		}
		out = append(out, Mention{Type: typ, First: f, Last: e, Sentence: si})
		for k := f; k < e; k++ {
			taken[k] = true
		}
	}
	// a mention the model typed otherwise right after a personal title
	// ("President Trump") is a person
	for k := range out[:n] {
		m := &out[k]
		if m.Type != Person && m.Type != Misc && m.First > 0 && isTitleCase(toks[m.First-1].Text) && mrTitle(toks[m.First-1].Text) {
			m.Type = Person
		}
	}
	// a title-case run after a personal title ("Mr. Sessions"); after a
	// title that is a common noun too ("King", "Professor", "Lord") not
	// a common word ("Lord Chief Justice", "King Cross")
	for si, s := range b.in.sents {
		if !b.prose(s) {
			continue
		}
		for i := s[0] + 1; i < s[1]; i++ {
			if !nameWord(toks, taken, i) || !(toks[i-1].Text != "" && toks[i-1].Text[0] >= 'A' && toks[i-1].Text[0] <= 'Z') || !nameTitle(toks[i-1].Text) {
				continue
			}
			if w := toks[i].Text; nameTitle(w) || in(notNames, w) || in(weekdays, w) || in(monthNames, w) && !in(mayOnly, w) {
				continue
			}
			if !courtesyTitle(toks[i-1].Text) && r.commonWord(toks[i].Text) {
				continue
			}
			e := i + 1
			for e < s[1] && e-i < 4 && nameWord(toks, taken, e) && !nameTitle(toks[e].Text) && !in(notNames, toks[e].Text) {
				e++
			}
			if e < s[1] && in(placeNouns, toks[e].Text) && toks[e].Text[0] >= 'a' {
				continue // "King Cross station", "Prince Albert hall"
			}
			add(si, i, e, true)
			i = e
		}
	}
	// a known first name before a capitalised word the model left
	// ("Theresa May")
	for si, s := range b.in.sents {
		if !b.prose(s) {
			continue
		}
		for i := s[0] + 1; i < s[1]; i++ {
			if !nameWord(toks, taken, i-1) || !nameWord(toks, taken, i) || r.gz.single(toks[i-1].Text)&gFirstName == 0 {
				continue
			}
			if w := toks[i].Text; nameTitle(w) || in(notNames, w) || in(weekdays, w) || in(monthNames, w) && !in(mayOnly, w) || r.gz.single(toks[i].Text)&(gCountry|gCity|gRegion|gOrg|gDemonym) != 0 {
				continue
			}
			e := i + 1
			for e < s[1] && e-i < 3 && nameWord(toks, taken, e) && !in(notNames, toks[e].Text) {
				e++
			}
			add(si, i-1, e, true)
			i = e
		}
	}
	// a transcript's speaker: "TAPPER: If you are saying ..."
	for si, s := range b.in.sents {
		if !b.prose(s) {
			continue
		}
		f := s[0]
		if f+2 >= s[1] || taken[f] || toks[f+1].Text != ":" || !allCaps(toks[f].Text) || b.ts[f+2].capsSent || isDigitWord(toks[f+2].Text) || lowerWords(toks[f+2:s[1]]) < 2 {
			continue
		}
		if l := lower(toks[f].Text); notSpeakers[l] || r.commonWord(l) || r.gz.single(toks[f].Text)&(gCountry|gCity|gRegion|gOrg|gDemonym) != 0 {
			continue
		}
		add(si, f, f+1, false)
	}
	// a sentence's first word before an apposition that names a person's
	// role or age ("Comey, a former FBI director,", "Manafort, 68,",
	// "Kaine, who"; not "Safeway, the third largest grocer,")
	for si, s := range b.in.sents {
		if !b.prose(s) {
			continue
		}
		f := b.firstWord(s)
		if f+3 >= s[1] || !nameWord(toks, taken, f) || toks[f+1].Text != "," || !nounTag(toks[f].POS) || !r.personApposition(toks[f+2:s[1]]) {
			continue
		}
		l := lower(toks[f].Text)
		if r.commonWord(toks[f].Text) || hyphenLower(toks[f].Text) || notSurname(l) {
			continue
		}
		if g := r.gz.single(toks[f].Text); g&(gCountry|gCity|gRegion|gOrg|gDemonym) != 0 {
			continue
		}
		add(si, f, f+1, false)
	}
	// the surnames of the persons named in full or after a title, and the
	// speakers of a transcript: the document's other uses of the word
	// alone are the person ("Hours later, Delacroix was back")
	if b.names == nil {
		b.names = map[string]bool{}
	}
	clear(b.names)
	for _, m := range out {
		if m.Type != Person || !(isTitleCase(toks[m.Last-1].Text) || allCaps(toks[m.Last-1].Text)) {
			continue
		}
		if m.Last-m.First > 1 || m.First > 0 && nameTitle(toks[m.First-1].Text) || allCaps(toks[m.First].Text) ||
			m.First+1 < len(toks) && toks[m.First+1].Text == "," {
			b.names[lower(toks[m.Last-1].Text)] = true
		}
	}
	for si, s := range b.in.sents {
		if !b.prose(s) {
			continue
		}
		if len(b.names) == 0 {
			break
		}
		for i := s[0]; i < s[1]; i++ {
			if !nameWord(toks, taken, i) || in(notNames, toks[i].Text) || !in(b.names, toks[i].Text) ||
				i+1 < s[1] && nameWord(toks, taken, i+1) || i > s[0] && nameWord(toks, taken, i-1) {
				continue
			}
			// a surname that is a month, used as a date ("Theresa May
			// ... the vote would come in May")
			if monthAsDate(toks, i, s[0], s[1]) {
				continue
			}
			// a common word at a sentence's start only as the subject
			// ("Major said", not "Major banks said")
			if i == s[0] && i+1 < s[1] && r.commonWord(toks[i].Text) && !finiteVerb(toks[i+1]) && !text.SpeechVerb(toks[i+1].Text) && toks[i+1].POS != "POS" {
				continue
			}
			add(si, i, i+1, false)
		}
	}
	// In a whole article a person is named in full (or after a title)
	// before the surname stands alone, and the rule above finds the
	// surname's other uses; a word no such evidence supports is rarely a
	// person there ("Napster offers", "Wireless is", "Blogs had"). A text
	// of a sentence or two (a headline, a quoted line, a sentence sent
	// alone) has no room for the evidence: there the rules below read the
	// grammar alone.
	if len(b.in.sents) > shortText {
		return out
	}
	// a sentence's first word before its verb
	for si, s := range b.in.sents {
		if !b.prose(s) {
			continue
		}
		f := b.firstWord(s)
		if f >= s[1]-1 || !nameWord(toks, taken, f) || nameWord(toks, taken, f+1) || !nounTag(toks[f].POS) {
			continue
		}
		v := f + 1
		for v < s[1]-1 && !finiteVerb(toks[v]) && (in(sentenceAdverbs, toks[v].Text) && (toks[v].POS == "RB" || toks[v].POS[0] == 'V') || lyAdverb(toks[v])) {
			v++
		}
		if vt := toks[v].Text; !finiteVerb(toks[v]) && !text.SpeechVerb(vt) && vt != ":" && toks[v].POS != "POS" {
			continue
		}
		l := lower(toks[f].Text)
		if toks[f].POS == "JJ" && !r.adjectiveName(l) || hyphenLower(toks[f].Text) || strings.IndexByte(l, '.') >= 0 || innerCaps(toks[f].Text) {
			continue
		}
		if notSurname(l) {
			continue
		}
		common := r.commonWord(toks[f].Text)
		// a plural of a common noun ("Eyewitnesses", "Newspapers")
		plural := r.commonPlural(l)
		switch {
		case plural:
			// "Newspapers said", "Sessions were held"
			continue
		case text.SpeechVerb(toks[v].Text) && !common && !(v+1 < s[1] && (toks[v+1].Text == "it" || toks[v+1].Text == "its")):
			// "Nunes said"; not a company's "X said it would"
		case finiteVerb(toks[v]) && !common && (!endsS(l) || singularVerb(toks[v]) || r.knownName(l)):
			// "Cruz took"; a word in -s the case table does not know
			// as a name only before a singular verb ("Sanders had",
			// not "Blogs had", "Calculators will")
		case v == f+1 && toks[v].POS == "POS" && len(toks[v].Text) > 1 && !common && !plural && !(v+2 < s[1] && isTitleCase(toks[v+1].Text) && isTitleCase(toks[v+2].Text)):
			// "Hyten's job"; not a title's "Howl's Moving Castle"
		case toks[v].Text == ":" && v == f+1 && !common && !plural && v+3 < s[1] && !isDigitWord(toks[v+1].Text) && !nameList(toks[v+1:s[1]]):
			// a speaker's line or a headline: "Kaine: “...”"; not a
			// list ("Subs: Wright, Pistone, Weir")
		default:
			continue
		}
		if g := r.gz.single(toks[f].Text); g&(gCountry|gCity|gRegion|gOrg|gDemonym) != 0 {
			continue
		}
		add(si, f, f+1, false)
	}
	return out
}

// shortText is the most sentences of a text in which the rules read a
// name from the grammar alone, without the document's evidence.
const shortText = 3

// knownName reports whether the case table knows the lower-cased word l
// as one written capitalised in running news ("sanders", "yates").
func (r *Recognizer) knownName(l string) bool {
	return r.caseNames != nil && r.caseNames.Bucket(wordclusters.LowerKey(l)) >= rareLowerBucket
}

// nameList reports whether ts, after a colon, is a list of names and no
// sentence ("Wright, Pistone, Weir"): two commas or more and fewer than
// two words in lower case.
func nameList(ts []text.Token) bool {
	commas := 0
	for _, t := range ts {
		if t.Text == "," {
			commas++
		}
	}
	return commas >= 2 && lowerWords(ts) < 2
}

// innerCaps reports whether a word has a capital inside it that no
// surname's prefix explains: a product's or a company's name ("RipGuard",
// "TimeWarner", "Thomson-CSF"), not "McIlroy", "DeVos", "Ocasio-Cortez".
func innerCaps(w string) bool {
	for i := 1; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			p := w[:i]
			if w[i-1] == '-' && i+1 < len(w) && w[i+1] >= 'a' && w[i+1] <= 'z' {
				continue // "Ocasio-Cortez"
			}
			switch p {
			case "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O'", "D'", "Fitz":
				continue
			}
			return true
		}
	}
	return false
}

// endsS reports whether a lower-cased word ends in a plural's s ("blogs";
// not "ross", "cyprus", "davis").
func endsS(l string) bool {
	n := len(l)
	return n > 3 && l[n-1] == 's' && l[n-2] != 's' && l[n-2] != 'u' && l[n-2] != 'i'
}

// courtesyTitle reports whether w is a title that comes only before a
// person's name: any capitalised word after one is the name ("Mr Prior",
// "Mrs. Price"); after the other titles only a word the case table does
// not make a common word.
func courtesyTitle(w string) bool { return text.NameOnlyHonorific(w) || in(courtesyTitles, w) }

// courtesyTitles are courtesyTitle's titles besides Mr, Mrs and Ms.
var courtesyTitles = set("dr.", "dr", "sen.", "rep.", "gov.", "prof.",
	"gen.", "lt.", "col.", "sgt.", "capt.", "adm.", "rev.", "messrs.", "mme", "mme.", "senator", "congressman",
	"congresswoman", "president")

// placeNouns after a title and a name make the name a place's or a
// prize's ("King Cross station", "Queen Elizabeth hospital").
var placeNouns = set("station", "hospital", "college", "school", "airport", "road", "street", "bridge", "park",
	"square", "stadium", "university", "hall", "prize", "award", "cup", "trophy", "centre", "center", "building",
	"house", "hotel", "estate", "island", "bay", "river", "lake", "mountain", "dock", "docks", "terminal", "line")

// roleNouns name a person's role or kin in an apposition after a name
// ("Comey, a former FBI director,").
var roleNouns = set("senator", "director", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
	"president", "minister", "secretary", "lawyer", "attorney", "analyst", "economist", "professor", "author",
	"actor", "actress", "singer", "player", "coach", "manager", "founder", "leader", "candidate", "governor",
	"mayor", "judge", "officer", "congressman", "congresswoman", "aide", "adviser", "advisor", "son", "daughter",
	"wife", "husband", "father", "mother", "widow", "student", "teacher", "doctor", "writer", "journalist",
	"reporter", "editor", "producer", "commissioner", "ambassador", "general", "colonel", "deputy", "partner",
	"official", "lawmaker", "representative", "businessman", "businesswoman", "ceo", "chief", "executive",
	"politician", "republican", "democrat", "striker", "midfielder", "defender", "goalkeeper", "captain",
	"champion", "veteran", "boss", "chancellor", "premier", "prosecutor", "activist", "musician", "rapper",
	"comedian", "presenter", "host", "star", "novelist", "poet", "artist", "designer", "scientist", "researcher")

// personApposition reports whether ts, after a name and a comma, starts
// an apposition naming a person: an age ("68,"), a relative pronoun of
// persons ("who", "whose") or a determiner's phrase holding a role noun
// before its comma ("a former FBI director,").
func (r *Recognizer) personApposition(ts []text.Token) bool {
	if len(ts) < 2 {
		return false
	}
	w := lower(ts[0].Text)
	switch {
	case isDigitWord(ts[0].Text):
		return ts[1].Text == "," && len(ts[0].Text) <= 3
	case w == "who" || w == "whose":
		return true
	case w != "a" && w != "an" && w != "the" && w != "his" && w != "her":
		return false
	}
	for k := 1; k < len(ts) && k < 9; k++ {
		if t := ts[k].Text; t == "," || t == "." || t == ";" {
			return false
		}
		if in(roleNouns, ts[k].Text) && (k+1 >= len(ts) || !nounTag(ts[k+1].POS) || ts[k+1].Text == ",") {
			return true
		}
	}
	return false
}

// webOrgs are companies younger than the case table's news that stand
// alone as the subject of a verb ("Twitter said", "Facebook can"): the
// rules type them ORGANIZATION.
var webOrgs = set("facebook", "twitter", "instagram", "youtube", "google", "amazon", "tesla", "uber", "lyft",
	"netflix", "snapchat", "whatsapp", "tiktok", "reddit", "linkedin", "spacex", "airbnb", "paypal", "wikileaks",
	"wikipedia", "huawei", "alibaba", "tencent", "baidu", "yahoo", "ebay", "spotify", "zoom", "microsoft", "apple",
	"nvidia", "openai", "samsung", "verizon", "comcast", "breitbart", "politico", "buzzfeed", "axios", "vox", "fox",
	"cnn", "msnbc", "nbc", "cbs", "abc", "pfizer", "moderna", "boeing", "exxon", "walmart", "starbucks", "nike")

// rareLowerBucket is the case-ratio bucket from which a word is written
// capitalised often enough in running news to be read as a name at the
// start of a sentence.
const rareLowerBucket = 5

// mrTitle reports whether w is a title that comes only before a person's
// name: Mr, Mrs, Ms (text.NameOnlyHonorific) and mrTitles.
func mrTitle(w string) bool { return text.NameOnlyHonorific(w) || in(mrTitles, w) }

// mrTitles are the political titles of mrTitle.
var mrTitles = set("sen.", "rep.", "gov.", "senator", "president")

// nounTag reports whether a part-of-speech tag is a noun's or an
// adjective's (the tagger's readings of an unknown capitalised word).
func nounTag(t string) bool {
	switch t {
	case "NNP", "NNPS", "NN", "NNS", "JJ":
		return true
	}
	return false
}

// finiteVerb reports whether t is tagged as a finite verb of a singular
// subject or a modal.
func finiteVerb(t text.Token) bool { return t.POS == "VBD" || t.POS == "VBZ" || t.POS == "MD" }

// commonWord reports whether w is written in lower case often enough in
// running news to be a common word ("Prices", "Attendance"), not a name;
// a word the case table does not know is taken for a name.
func (r *Recognizer) commonWord(w string) bool {
	if r.caseNames == nil {
		return false
	}
	cb := r.caseNames.Bucket(wordclusters.LowerKey(w))
	if cb == 0 {
		// an unknown word with a common noun's ending ("Deportation",
		// "Parenting", "Humility")
		l := lower(w)
		for _, suf := range nounEndings {
			if len(l) > len(suf)+2 && strings.HasSuffix(l, suf) {
				return true
			}
		}
	}
	return cb != 0 && cb < rareLowerBucket
}

var nounEndings = []string{"tion", "sion", "ing", "ity", "ness", "ment", "ism", "ure", "ance", "ence", "ship", "hood", "less", "ful", "ics", "ology", "water"}

// partyWords are capitalised words for parties and their members
// ("Tory claims"), not persons.
var partyWords = set("tory", "tories", "labour", "labor", "gop", "democrat", "democrats", "republican", "republicans",
	"conservative", "conservatives", "liberal", "liberals", "green", "greens", "nationalist", "nationalists",
	"unionist", "unionists", "socialist", "socialists", "communist", "communists", "lib", "dem", "dems")

// adjectiveName reports whether a sentence's first word the tagger read
// as an adjective may still be an unknown name ("Gorsuch"): it is not in
// the case table and has no adjective's ending ("Unsecured").
func (r *Recognizer) adjectiveName(l string) bool {
	if r.caseNames != nil && r.caseNames.Bucket(wordclusters.LowerKey(l)) != 0 {
		return false
	}
	for _, suf := range []string{"ed", "al", "ive", "ous", "ful", "less", "able", "ible", "ic", "ical", "ing", "ary", "ant", "ent"} {
		if strings.HasSuffix(l, suf) {
			return false
		}
	}
	return !strings.HasPrefix(l, "un")
}

// hyphenLower reports whether a lower-cased word has a hyphen (a compound
// such as "multi-layers", not a name).
func hyphenLower(w string) bool {
	i := strings.IndexByte(w, '-')
	return i >= 0 && (i+1 == len(w) || !(w[i+1] >= 'A' && w[i+1] <= 'Z'))
}

// commonPlural reports whether a lower-cased word is the plural of a
// common noun ("eyewitnesses", "sessions"; not "news" or "politics").
func (r *Recognizer) commonPlural(l string) bool {
	n := len(l)
	if n < 4 || l[n-1] != 's' || singularS[l] {
		return false
	}
	switch l[n-2] {
	case 's', 'u', 'i':
		return false // "Ross", "Cyprus", "Davis"
	}
	if strings.HasSuffix(l, "ics") {
		return false
	}
	if r.commonWord(l[:n-1]) || strings.HasSuffix(l, "ies") && r.commonWord(l[:n-3]+"y") {
		return true
	}
	for _, es := range []string{"ses", "xes", "zes", "ches", "shes"} {
		if strings.HasSuffix(l, es) {
			return r.commonWord(l[:n-2])
		}
	}
	return false
}

// singularS are nouns that end in s and take a singular verb.
var singularS = set("news", "series", "species", "means", "headquarters", "whereabouts", "measles", "mumps",
	"diabetes", "billiards", "aids", "alps", "andes", "philippines", "netherlands", "bahamas", "maldives")

// singularVerb reports whether t is a verb form of a singular subject
// ("has", "was", "says").
func singularVerb(t text.Token) bool {
	return t.POS == "VBZ" || t.Text == "was"
}

func isDigitWord(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// bodyHeads are the nouns that end the name of a body whose name joins
// two words with "and" ("the Transport and General Workers Union", "the
// Public and Commercial Services union", "the Food and Drug
// Administration").
var bodyHeads = set("union", "unions", "party", "association", "federation", "council", "society", "institute",
	"league", "alliance", "confederation", "congress", "administration", "agency", "commission", "department",
	"ministry", "office", "bureau", "board", "authority", "organisation", "organization", "foundation", "trust",
	"committee", "corporation", "company", "group", "network", "coalition", "movement", "front")

// joinAnd joins to an organisation mention ("General Workers Union") the
// capitalised words and "and" before it when "the" comes first and the
// name ends in a body's noun, or the lower-case noun follows it ("the
// Public and Commercial Services union"); a mention the model gave the
// first words ("Transport") goes. out holds the model's mentions in order.
func joinAnd(toks []text.Token, taken []bool, out []Mention) []Mention {
	drop := -1
	for k := range out {
		m := &out[k]
		f := m.First
		if m.Type != Org || f < 3 || toks[f-1].Text != "and" {
			continue
		}
		if !bodyHeads[lower(toks[m.Last-1].Text)] && !(m.Last < len(toks) && bodyHeads[toks[m.Last].Text]) {
			continue
		}
		g := f - 1
		for g > 0 && g > f-4 && isTitleCase(toks[g-1].Text) {
			g--
		}
		if g == f-1 || g == 0 || lower(toks[g-1].Text) != "the" || taken[g-1] || namesGroup(toks[g:f-1]) {
			continue
		}
		// the words before "and": free, or one mention of their own
		left := -1
		ok := true
		for i := g; i < f-1 && ok; i++ {
			if !taken[i] {
				continue
			}
			ok = k > 0 && out[k-1].First == g && out[k-1].Last == f-1 && out[k-1].Type == Org
			left = k - 1
		}
		if !ok {
			continue
		}
		if left >= 0 {
			out[left].Last = out[left].First // emptied: removed below
			drop = left
		}
		for i := g; i < f; i++ {
			taken[i] = true
		}
		m.First = g
	}
	if drop < 0 {
		return out
	}
	keep := out[:0]
	for _, m := range out {
		if m.Last > m.First {
			keep = append(keep, m)
		}
	}
	return keep
}

// allCaps reports whether w is three or more ASCII capitals.
func allCaps(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// notSpeakers are capitalised labels before a colon that name no one.
var notSpeakers = set("note", "update", "editor", "editors", "breaking", "watch", "read", "photos", "video", "related",
	"correction", "source", "sources", "question", "answer", "q", "a", "warning", "notice", "disclaimer", "subject",
	"re", "fwd", "ps", "tel", "fax", "email", "web", "www", "url", "copyright", "caption", "results", "result",
	"scores", "standings", "table", "teams", "team", "scorers", "attendance", "referee", "venue", "date", "time",
	"prices", "price", "close", "open", "high", "low", "volume", "total", "totals", "summary", "background", "full",
	"text", "quote", "statement", "transcript", "announcer", "host", "guest", "unidentified", "male", "female",
	"man", "woman", "crowd", "audience", "reporter", "anchor", "narrator", "voice", "all")

// lowerWords counts the words of ts that start with a lower-case letter.
func lowerWords(ts []text.Token) int {
	n := 0
	for _, t := range ts {
		if t.Text != "" && t.Text[0] >= 'a' && t.Text[0] <= 'z' {
			n++
		}
	}
	return n
}

// mayOnly is the month's name that is a surname too ("Theresa May").
var mayOnly = set("may")

// in reports whether the lower-cased s is in the set m, without
// allocating for a short ASCII word.
func in(m map[string]bool, s string) bool {
	var buf [24]byte
	if len(s) > len(buf) {
		return m[lower(s)]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		} else if c >= 0x80 {
			return m[lower(s)]
		}
		buf[i] = c
	}
	return m[string(buf[:len(s)])]
}

// prose reports whether the sentence of token range s is one the name
// rules read: not empty, not all in capitals.
func (b *buffers) prose(s [2]int) bool { return s[0] < s[1] && !b.ts[s[0]].capsSent }

// firstWord returns the first token of the sentence s past its leading
// tokens without letters (quotation marks, dashes, numbers: case class 4).
func (b *buffers) firstWord(s [2]int) int {
	f := s[0]
	for f < s[1] && b.ts[f].cased == 4 {
		f++
	}
	return f
}

// notSurname reports whether a lower-cased word standing first in a
// sentence is a word of another kind that reads like a name there: a day
// or month, a relative day, a speaker noun, a demonym, a title or a
// party word.
func notSurname(l string) bool {
	return weekdays[l] || monthNames[l] || relDays[l] || speakerNouns[l] || isDemonym(l) || nameTitle(l) || partyWords[l]
}

// lyAdverb reports whether t is an adverb in -ly, which may stand between
// a sentence's subject and its verb ("Brandt quietly dropped").
func lyAdverb(t text.Token) bool {
	return t.POS == "RB" && len(t.Text) > 4 && strings.HasSuffix(t.Text, "ly")
}
