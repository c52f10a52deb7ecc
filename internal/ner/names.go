package ner

import (
	"slices"
	"strings"

	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

// Rules for the person names the model leaves unlabelled. The model was
// trained on Reuters copy, where a person is named in full before the
// surname stands alone; political news writes "Mr. Sessions defended ...",
// "Rice said ..." and "Sessions was grilled ..." with no first name in the
// sentence, and the model gives such a word no label.

// nameTitles are the courtesy and professional titles after which a
// capitalised word is a person's name ("Mr. Sessions", "Sen. Cotton",
// "President Trump"), even a word that is a common noun elsewhere.
var nameTitles = set("mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "sen.", "senator", "rep.",
	"representative", "congressman", "congresswoman", "gov.", "governor", "prof.", "professor", "president",
	"vice-president", "secretary", "speaker", "judge", "chancellor", "premier", "mayor",
	"gen.", "lt.", "col.", "colonel", "sgt.", "sergeant", "capt.", "captain", "adm.", "admiral",
	"rev.", "reverend", "sir", "dame", "lord", "lady", "pope", "ayatollah", "sheikh", "minister", "ambassador",
	"commissioner", "detective", "messrs.", "mme", "mme.", "herr", "prince", "princess", "king", "queen",
	"cardinal", "bishop", "archbishop", "emir", "sultan", "pope")

// notNames are capitalised words that follow a title without being a
// name ("President Elect", "Secretary General", "Governor's Office").
var notNames = set("general", "elect", "emeritus", "department", "ministry", "office", "committee", "council",
	"court", "house", "party", "street", "avenue", "road", "drive", "hotel", "building", "of", "justice", "christmas",
	"easter")

// sayVerbs are verbs whose subject is a speaker: a capitalised word at the
// start of a sentence before one of them names someone ("Rice said").
var sayVerbs = set("said", "says", "say", "told", "tells", "added", "adds", "argued", "argues", "wrote", "writes",
	"insisted", "insists", "explained", "explains", "noted", "claimed", "warned", "warns",
	"asked", "asks", "replied", "replies", "tweeted", "tweets", "acknowledged", "acknowledges", "admitted",
	"admits", "denied", "denies", "declared", "declares", "stated", "testified", "testifies",
	"recalled", "recalls", "announced", "announces", "suggested", "suggests", "urged", "urges", "vowed", "vows",
	"responded", "responds", "countered", "counters", "conceded", "concedes", "contended", "contends")

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
// model's mentions, which set taken): a title-case run after a personal
// title ("Mr. Sessions"), a title-case word the document uses elsewhere
// as the surname of a person named in full, and a sentence's first word
// before a verb when the word is not a common one ("Mateen was born",
// "Rice said"; for common words only before a speech verb, and not a
// speaker noun such as "Officials").
func (r *Recognizer) nameMentions(doc *text.Document, b *buffers, taken []bool, out []Mention) []Mention {
	toks := doc.Tokens
	n := len(out)
	// a word the rules find alone keeps the type the model gave a
	// mention of the document that holds it, when not a person's
	// ("WebTV uses" beside "WebTV Networks Inc.")
	otherType := func(w string) (Type, bool) {
		for _, m := range out[:n] {
			if m.Type == Org || m.Type == Location || m.Type == Misc {
				for k := m.First; k < m.Last; k++ {
					if toks[k].Text == w {
						return m.Type, true
					}
				}
			}
		}
		return "", false
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
		if m.Type != Person && m.Type != Misc && m.First > 0 && isTitleCase(toks[m.First-1].Text) && in(mrTitles, toks[m.First-1].Text) {
			m.Type = Person
		}
	}
	for si, s := range b.in.sents {
		if s[0] >= s[1] || b.ts[s[0]].capsSent {
			continue
		}
		for i := s[0] + 1; i < s[1]; i++ {
			if !nameWord(toks, taken, i) || !(toks[i-1].Text != "" && toks[i-1].Text[0] >= 'A' && toks[i-1].Text[0] <= 'Z') || !in(nameTitles, toks[i-1].Text) {
				continue
			}
			if w := toks[i].Text; in(nameTitles, w) || in(notNames, w) || in(weekdays, w) || in(monthNames, w) && !in(mayOnly, w) {
				continue
			}
			e := i + 1
			for e < s[1] && e-i < 4 && nameWord(toks, taken, e) && !in(nameTitles, toks[e].Text) && !in(notNames, toks[e].Text) {
				e++
			}
			add(si, i, e, true)
			i = e
		}
	}
	// a known first name before a capitalised word the model left
	// ("Theresa May")
	for si, s := range b.in.sents {
		if s[0] >= s[1] || b.ts[s[0]].capsSent {
			continue
		}
		for i := s[0] + 1; i < s[1]; i++ {
			if !nameWord(toks, taken, i-1) || !nameWord(toks, taken, i) || r.gz.single(toks[i-1].Text)&gFirstName == 0 {
				continue
			}
			if w := toks[i].Text; in(nameTitles, w) || in(notNames, w) || in(weekdays, w) || in(monthNames, w) && !in(mayOnly, w) || r.gz.single(toks[i].Text)&(gCountry|gCity|gRegion|gOrg|gDemonym) != 0 {
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
	// surnames of the persons named in full
	b.names = b.names[:0]
	for _, m := range out {
		if m.Type == Person && m.Last-m.First > 1 && isTitleCase(toks[m.Last-1].Text) {
			b.names = append(b.names, toks[m.Last-1].Text)
		}
	}
	for si, s := range b.in.sents {
		if s[0] >= s[1] || b.ts[s[0]].capsSent {
			continue
		}
		if len(b.names) == 0 {
			break
		}
		for i := s[0]; i < s[1]; i++ {
			if nameWord(toks, taken, i) && slices.Contains(b.names, toks[i].Text) && !in(notNames, toks[i].Text) &&
				(i+1 >= s[1] || !nameWord(toks, taken, i+1)) && (i == s[0] || !nameWord(toks, taken, i-1)) {
				add(si, i, i+1, false)
			}
		}
	}
	// a sentence's first word before its verb
	for si, s := range b.in.sents {
		if s[0] >= s[1] || b.ts[s[0]].capsSent {
			continue
		}
		f := s[0]
		for f < s[1] && b.ts[f].cased == 4 {
			f++
		}
		if f >= s[1]-1 || !nameWord(toks, taken, f) || nameWord(toks, taken, f+1) || !nounTag(toks[f].POS) {
			continue
		}
		v := f + 1
		for v < s[1]-1 && !finiteVerb(toks[v]) && in(sentenceAdverbs, toks[v].Text) && (toks[v].POS == "RB" || toks[v].POS[0] == 'V') {
			v++
		}
		if vt := toks[v].Text; !finiteVerb(toks[v]) && !in(sayVerbs, vt) && vt != "," && vt != ":" && vt != "and" && toks[v].POS != "POS" {
			continue
		}
		l := lower(toks[f].Text)
		if toks[f].POS == "JJ" && !r.adjectiveName(l) || hyphenLower(toks[f].Text) {
			continue
		}
		if weekdays[l] || monthNames[l] || relDays[l] || speakerNouns[l] || isDemonym(l) || nameTitles[l] || partyWords[l] {
			continue
		}
		common := r.commonWord(toks[f].Text)
		// a plural of a common noun ("Eyewitnesses", "Newspapers")
		plural := r.commonPlural(l)
		switch {
		case plural:
			// "Newspapers said"; but a plural before a singular verb
			// names someone ("Sessions has", "Sessions was")
			if !singularVerb(toks[v]) {
				continue
			}
		case in(sayVerbs, toks[v].Text):
		case finiteVerb(toks[v]) && !common:
		case toks[v].Text == "," && v == f+1 && !common && v+1 < s[1] && (in(appositionStarts, toks[v+1].Text) || isDigitWord(toks[v+1].Text)):
			// "Comey, a Republican, ..."
		case v == f+1 && toks[v].POS == "POS" && len(toks[v].Text) > 1 && !common && !plural:
			// "Hyten's job"
		case v == f+1 && toks[v].Text == "and" && !common && !plural && v+1 < s[1] && isTitleCase(toks[v+1].Text) &&
			r.gz.single(toks[v+1].Text)&(gCountry|gCity|gRegion|gOrg|gDemonym) == 0:
			// "Begich and Landrieu are ..."
		case toks[v].Text == ":" && v == f+1 && !common && !plural && v+3 < s[1] && !isDigitWord(toks[v+1].Text):
			// a speaker's line or a headline: "Kaine: “...”"
		default:
			continue
		}
		if g := r.gz.single(toks[f].Text); g&(gCountry|gCity|gRegion|gOrg|gDemonym) != 0 {
			continue
		}
		add(si, f, f+1, false)
	}
	// a transcript's speaker: "TAPPER: If you are saying ..."
	for si, s := range b.in.sents {
		if s[0] >= s[1] || b.ts[s[0]].capsSent {
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
	// a capitalised word inside a sentence as the subject of a verb
	// ("... that Putin has been loath", "said Sessions is")
	for si, s := range b.in.sents {
		if s[0] >= s[1] || b.ts[s[0]].capsSent {
			continue
		}
		f := s[0]
		for f < s[1] && b.ts[f].cased == 4 {
			f++
		}
		for i := f + 1; i < s[1]-1; i++ {
			if !nameWord(toks, taken, i) || nameWord(toks, taken, i-1) || nameWord(toks, taken, i+1) || !nounTag(toks[i].POS) {
				continue
			}
			if taken[i-1] || taken[i+1] {
				continue // "Donald Trump Jr.", "Pennsylvania Avenue"
			}
			if p := toks[i-1].Text; p == "-" || p == "." || isQuote(p) || p == "(" {
				continue
			}
			v := i + 1
			for v < s[1]-1 && !finiteVerb(toks[v]) && in(sentenceAdverbs, toks[v].Text) && (toks[v].POS == "RB" || toks[v].POS[0] == 'V') {
				v++
			}
			if !finiteVerb(toks[v]) && !in(sayVerbs, toks[v].Text) {
				continue
			}
			l := lower(toks[i].Text)
			if weekdays[l] || monthNames[l] || relDays[l] || isDemonym(l) || nameTitles[l] || hyphenLower(toks[i].Text) {
				continue
			}
			if plural := r.commonPlural(l); plural && !singularVerb(toks[v]) || !plural && r.commonWord(l) {
				// a common word; but a plural before a singular verb
				// names someone ("that Sessions is")
				continue
			}
			if nameSuffixes[l] || partyWords[l] || strings.HasSuffix(l, ".") {
				continue
			}
			if g := r.gz.single(toks[i].Text); g&(gCountry|gCity|gRegion|gOrg|gDemonym) != 0 {
				continue
			}
			add(si, i, i+1, false)
		}
	}
	return out
}

// nameSuffixes follow a name without being one.
var nameSuffixes = set("jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "esq.", "phd", "md")

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

// mrTitles are the titles that come only before a person's name.
var mrTitles = set("mr.", "mr", "mrs.", "mrs", "ms.", "ms", "sen.", "rep.", "gov.", "senator", "president")

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
		if g == f-1 || g == 0 || lower(toks[g-1].Text) != "the" || taken[g-1] {
			continue
		}
		// the words before "and": free, or one mention of their own
		left := -1
		ok := true
		for i := g; i < f-1 && ok; i++ {
			if !taken[i] {
				continue
			}
			ok = k > 0 && out[k-1].First == g && out[k-1].Last == f-1 && out[k-1].Type != Person
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

// appositionStarts begin an apposition or an aside after a name and a
// comma ("Comey, a Republican,", "Manafort, 68,", "Putin, it seems,").
var appositionStarts = set("a", "an", "the", "who", "whose", "it", "he", "she", "his", "her", "now", "then", "once",
	"himself", "herself", "however", "meanwhile", "too", "though")

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
