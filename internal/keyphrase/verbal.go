package keyphrase

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/text"
)

// A noun-phrase chunk that opens with a verb form reads as a clause cut
// short ("facing heavy fines", "after criticising the referee",
// "has imposed heavy fines"), not as a key phrase. The chunker
// keeps a leading participle because most are modifiers ("proposed
// amendments", "rising prices"); verbal tells the verbs apart by the word
// before them.

// verbalBefore are the words after which a word tagged VBG is a verb, not
// a modifier: conjunctions and prepositions of time and manner ("after
// criticising", "without raising"), not "of" or "despite" ("despite
// falling sales").
var verbalBefore = map[string]bool{
	"after": true, "before": true, "without": true, "while": true, "since": true,
	"when": true, "upon": true,
}

// auxiliaries are forms of "be" and "have": a participle after one is a
// verb ("was found guilty", "has initiated").
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"has": true, "have": true, "had": true, "having": true, "'s": true, "'re": true, "'ve": true, "'d": true,
}

// beForms are the forms of "be" among auxiliaries.
var beForms = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "'s": true, "'re": true,
}

// adjectival are participles of verbs that mostly go without an object
// ("prices are rising"): after a form of "be" a word tagged VBG among
// them modifies a noun ("the worry is falling investment"), while others
// open a clause ("is facing heavy fines"). The tagger tags both VBG.
// Verbs as often transitive are left out ("is increasing costs", "is
// leading talks", "is improving services").
var adjectival = map[string]bool{
	"rising": true, "falling": true, "growing": true, "declining": true, "mounting": true, "soaring": true,
	"worsening": true, "dwindling": true, "plunging": true, "surging": true, "slumping": true, "sagging": true,
	"booming": true, "lasting": true, "ageing": true, "aging": true, "spiralling": true, "spiraling": true,
	"emerging": true, "existing": true,
}

// catenatives are verbs whose object is a gerund clause ("stopped
// building superstores"); after another verb a word tagged VBG is more
// often a modifier of its object ("dominate gaming chart").
var catenatives = map[string]bool{
	"stop": true, "stops": true, "stopped": true, "keep": true, "keeps": true, "kept": true,
	"start": true, "starts": true, "started": true, "begin": true, "begins": true, "began": true,
	"continue": true, "continues": true, "continued": true, "avoid": true, "avoids": true, "avoided": true,
	"consider": true, "considers": true, "considered": true, "resume": true, "resumed": true,
	"finish": true, "finished": true, "quit": true, "risk": true, "risks": true, "risked": true,
}

// verbal reports whether c's occurrences all open with a word tagged VBG,
// VBN or VBD and most of them with a verb: a word tagged VBG after a
// catenative verb, a modal, "to" or one of verbalBefore, or any word after
// an auxiliary except a word tagged VBG among adjectival after a form of
// "be" ("is rising unemployment"). (Not after a comma: lists hold modifiers
// too, "cinemas, bowling alleys"; nor a word tagged VBD elsewhere: the
// tagger calls some modifiers so, "predefined templates".)
func verbal(doc *text.Document, ments []mention, c *candidate) bool {
	n, v := 0, 0
	for m := c.head; m >= 0; m = ments[m].next {
		n++
		t, ok := tokenStarting(doc, ments[m].span.Start)
		if !ok {
			continue
		}
		tag := doc.Tokens[t].POS
		if tag != "VBG" && tag != "VBN" && tag != "VBD" {
			return false // a noun phrase here: the phrase stands
		}
		if t == 0 {
			continue
		}
		prev := &doc.Tokens[t-1]
		pw := strings.ToLower(prev.Text)
		switch {
		case prev.POS == "POS":
			// a possessive, not "is" or "has": "the country's living
			// standards", "the firm's proposed merger"
		case tag == "VBG" && beForms[pw] && adjectival[strings.ToLower(doc.Tokens[t].Text)]:
			// a modifier as complement: "the problem is rising unemployment"
		case auxiliaries[pw]:
			v++
		case tag == "VBG" && (verbalBefore[pw] || catenatives[pw] || prev.POS == "TO" || prev.POS == "MD"):
			v++
		case tag == "VBG" && pw == "," && participleClause(doc, t, ments[m].span.End):
			v++
		}
	}
	return 2*v > n
}

// A role or description before a full name ("creator Matt Groening",
// "Valencia striker Ana Ortega") makes a phrase that repeats the
// name with words a reader does not look for: the name alone is shown.

// nameTail returns the index in c.words where a full name at its end
// starts, or 0 for none: at c's first occurrence, the last two words or
// more are tagged NNP and start with a capital, and the word before them
// is a common noun in lower case ("goalkeeper", "coach", "seed"), or c is
// three capitalised words opening with one of nameRoles (1: "Sir Alex
// Ferguson").
func nameTail(doc *text.Document, ments []mention, c *candidate) int {
	nw := len(c.words)
	if nw < 3 || c.first+nw > len(doc.Tokens) {
		return 0
	}
	toks := doc.Tokens[c.first : c.first+nw]
	if sp := ments[c.head].span; sp.Start != toks[0].Start || sp.End != toks[nw-1].End {
		return 0 // not one token a word
	}
	j := nw
	for j > 0 && toks[j-1].POS == "NNP" && capitalised(toks[j-1].Text) {
		j--
	}
	if j == 0 && nw == 3 && isRole(toks[0].Text) {
		if c.first > 0 && isArticle(doc.Tokens[c.first-1].Text) {
			return 0 // one name: "the Singer Sewing Company", "the Designer Outlet Centre"
		}
		return 1 // "Chancellor Gordon Brown", "Sir Digby Jones"
	}
	if nw-j < 2 || j == 0 {
		return 0
	}
	if p := toks[j-1]; (p.POS == "NN" || p.POS == "NNS") && !capitalised(p.Text) {
		return j
	}
	return 0
}

// isArticle reports whether w, in any case, is an article, which a role
// written as a title before a name ("Actor Nils Varga", "by Treasurer
// Ada Mahone", "its Chairman Ada Mahone") does not follow.
func isArticle(w string) bool {
	return strings.EqualFold(w, "the") || strings.EqualFold(w, "a") || strings.EqualFold(w, "an")
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// A headline is written in the present tense without articles, where
// the tagger takes the verb after a name for a plural noun ("Council
// picks Leeds", "Acme moves into ..."): a phrase found only in
// the headline, holding a lower-case word ending in "s" (or tagged VBG)
// right after a capitalised word, is a cut clause ("Okafor quits",
// "Lindqvist writing Netflix series": the names are tagged NN and NNS).

// headlineEnd returns the end of doc's first line when it reads as a
// headline set apart (no final stop, a blank line after it:
// text.HeadlineEnd), else 0. The title lines of KPCrowd and Inspec have
// no blank line after them: with any first line the rule took terms out
// of Inspec's sentence-case titles ("Hamiltonian dynamics"; 5-fold CV
// Inspec F1@5 3585 -> 3572 correct).
func headlineEnd(doc *text.Document) int { return text.HeadlineEnd(doc.Text) }

// headlineOnly returns the tokens of c's first occurrence when c has two
// words or more and every occurrence of it ends before hlEnd (in the
// headline, hlEnd > 0); otherwise nil.
func headlineOnly(doc *text.Document, ments []mention, c *candidate, hlEnd int) []text.Token {
	nw := len(c.words)
	if hlEnd == 0 || nw < 2 || c.first+nw > len(doc.Tokens) {
		return nil
	}
	for m := c.head; m >= 0; m = ments[m].next {
		if ments[m].span.End > hlEnd {
			return nil
		}
	}
	return doc.Tokens[c.first : c.first+nw]
}

// headlineVerb reports whether every occurrence of c ends before hlEnd
// (in the headline) and, at the first, a word after the first is in lower
// case, follows a capitalised word, and is tagged VBG, or NNS or VBZ and
// ends in "s", or c ends in a lower-case word tagged VBG after one tagged
// NNS.
func headlineVerb(doc *text.Document, ments []mention, c *candidate, hlEnd int) bool {
	toks := headlineOnly(doc, ments, c, hlEnd)
	if toks == nil {
		return false
	}
	nw := len(toks)
	if toks[nw-1].POS == "VBG" && toks[nw-2].POS == "NNS" && !capitalised(toks[nw-1].Text) {
		// a plural and a present participle closing a headline's phrase
		// are its subject and verb ("Home loan approvals rising",
		// "Oil prices falling"); the phrase without the verb stays
		return true
	}
	for k := 1; k < nw; k++ {
		w := toks[k].Text
		if !capitalised(w) && capitalised(toks[k-1].Text) && ((toks[k].POS == "NNS" || toks[k].POS == "VBZ") && strings.HasSuffix(w, "s") || toks[k].POS == "VBG") {
			return true
		}
	}
	return false
}

// The occasion of a report ("news conference", "telephone interview",
// "press release") says how the news was told, not what it is about.

// reportMedia and reportEvents are the Porter stems (docWords.stems) of
// the words of reportingEvent's phrases ("new" is the stem of "news":
// "new conference" goes too).
var (
	reportMedia = map[string]bool{"new": true, "press": true, "confer": true, "telephon": true, "phone": true,
		"radio": true, "televis": true, "tv": true}
	reportEvents = map[string]bool{"confer": true, "brief": true, "interview": true, "releas": true, "statement": true, "call": true}
)

// reportingEvent reports whether c is two words, a medium and an event of
// reporting ("news conference", "press briefing", "telephone interview").
func reportingEvent(dw *docWords, c *candidate) bool {
	return len(c.words) == 2 && reportMedia[dw.stems[c.words[0]]] && reportEvents[dw.stems[c.words[1]]]
}

// signOff reports whether c is a news agency's sign-off, the bureau a
// story came from with its telephone number ("-- Reuters Toronto Bureau
// 416 941-8100", "-- Wall Street bureau, 212-859-1736"): its last word is
// "bureau" or "desk", and it starts with "Reuters" or every occurrence is
// followed by a number (after a comma or not; "+1 415 ...").
func signOff(doc *text.Document, dw *docWords, ments []mention, c *candidate) bool {
	nw := len(c.words)
	if nw < 2 {
		return false
	}
	if last := dw.stems[c.words[nw-1]]; !strings.EqualFold(last, "bureau") && !strings.EqualFold(last, "desk") {
		return false
	}
	if strings.EqualFold(dw.stems[c.words[0]], "reuter") {
		return true
	}
	for m := c.head; m >= 0; m = ments[m].next {
		end := ments[m].span.End
		t, _ := tokenStarting(doc, end)
		if t < len(doc.Tokens) && doc.Tokens[t].Text == "," {
			t++
		}
		if t >= len(doc.Tokens) {
			return false
		}
		if w := doc.Tokens[t].Text; w == "" || w[0] != '+' && (w[0] < '0' || w[0] > '9') {
			return false
		}
	}
	return true
}

// clauseEnd reports whether most occurrences of c (two words or more) end
// in a lower-case word tagged VBG right after a capitalised word tagged
// NNP or NNPS, or hold one before a word not tagged NN: a name and its
// verb ("saw England playing Wales", "the Gunners winning the league",
// "Gunners facing Newcastle", "February knocking hopes"), not a key
// phrase; a participle before a singular noun is its modifier ("Balco
// doping scandal"). Not after a word
// opening its sentence ("Multiple shooting", "Sports betting": title
// case), an acronym ("PID tuning", "LR parsing") or an adjective of a
// name ("Hebbian learning"): Inspec's keys.
func clauseEnd(doc *text.Document, ments []mention, c *candidate) bool {
	nw := len(c.words)
	if nw < 2 {
		return false
	}
	n, v := 0, 0
	for m := c.head; m >= 0; m = ments[m].next {
		n++
		sp := ments[m].span
		a, ok := tokenStarting(doc, sp.Start)
		if !ok {
			continue
		}
		for t := a + 1; t < len(doc.Tokens) && doc.Tokens[t].End <= sp.End; t++ {
			if doc.Tokens[t].End != sp.End && (t+1 >= len(doc.Tokens) || doc.Tokens[t+1].POS == "NN") {
				continue // a modifier of a singular noun: "Balco doping scandal"
			}
			last, prev := &doc.Tokens[t], &doc.Tokens[t-1]
			if last.POS != "VBG" || !lowerWord(last.Text) || nounGerunds[last.Text] {
				continue
			}
			if t+1 < len(doc.Tokens) && doc.Tokens[t].End == sp.End {
				if p := doc.Tokens[t+1].POS; p == "VBZ" || p == "VBD" || p == "VBP" || p == "MD" {
					continue // the subject of a verb: "Wimbledon qualifying starts"
				}
			}
			if (prev.POS == "NNP" || prev.POS == "NNPS") && capitalised(prev.Text) && !sentenceStart(doc, t-1) && !acronymWord(prev.Text) && !adjectivalName(prev.Text) {
				v++
				break
			}
		}
	}
	return 2*v > n
}

// sentenceStart reports whether token t opens its sentence.
func sentenceStart(doc *text.Document, t int) bool {
	si, _ := slices.BinarySearchFunc(doc.Sentences, t, func(s text.Sentence, at int) int {
		if s.Last <= at {
			return -1
		}
		return 1
	})
	return si < len(doc.Sentences) && doc.Sentences[si].First == t
}

// acronymWord reports whether w is two letters or more, all upper case
// ("PID", "MPEG").
func acronymWord(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// adjectivalName reports whether w is an adjective formed from a name
// ("Hebbian", "Bayesian", "Euclidean").
func adjectivalName(w string) bool {
	return strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ean")
}

// lowerWord reports whether w is letters only, all lower case.
func lowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

// headlineBodyVerb reports whether every occurrence of c ends before hlEnd
// (in the headline) and a lower-case word after its first, after a noun,
// is a verb of the body: tagged NNS or VBZ and ending in "s", or tagged
// NN, VB or VBP after a plural, with its stem written as a finite verb
// (VB, VBD, VBP, VBZ) after the headline ("US woman sues" beside "she
// sued", "Trade gap narrows" beside "the gap narrowed", "Talks aim"
// beside "talks aimed at").
func headlineBodyVerb(doc *text.Document, dw *docWords, ments []mention, c *candidate, hlEnd int) bool {
	toks := headlineOnly(doc, ments, c, hlEnd)
	if toks == nil {
		return false
	}
	nw := len(toks)
	for k := 1; k < nw; k++ {
		w, p := &toks[k], &toks[k-1]
		if !lowerWord(w.Text) || !strings.HasPrefix(p.POS, "NN") {
			continue
		}
		s := (w.POS == "NNS" || w.POS == "VBZ") && strings.HasSuffix(w.Text, "s")
		bare := (w.POS == "NN" || w.POS == "VB" || w.POS == "VBP") && (p.POS == "NNS" || p.POS == "NNPS") && capitalised(p.Text) && !agentNoun(w.Text)
		if s && bodyVerb(doc, dw, c.words[k-1], c.words[k], strings.TrimSuffix(w.Text, "s"), hlEnd) ||
			bare && bodyVerb(doc, dw, -1, c.words[k], w.Text, hlEnd) {
			return true
		}
	}
	return false
}

// bodyVerb reports whether stem id w is written after offset from as a
// finite verb sharing all but the last letter of base with it ("sued" for
// "sue", "paid" for "pay"; not "donated" for "donation"), one or two words
// after stem id subj, its subject ("the trade gap narrowed", "the woman
// has sued"; not "cut 500 jobs" for "job cuts"). A base of one letter or
// none ("s" less its "s") is no verb.
func bodyVerb(doc *text.Document, dw *docWords, subj, w int32, base string, from int) bool {
	if len(base) < 2 {
		return false
	}
	for t := 1; t < len(doc.Tokens); t++ {
		tk := &doc.Tokens[t]
		if tk.Start < from || !strings.HasPrefix(strings.ToLower(tk.Text), base[:len(base)-1]) || len(tk.Text) > len(base)+2 ||
			dw.ids[t] != w && subj >= 0 {
			continue
		}
		near := subj < 0
		for j := max(0, t-4); j < t; j++ {
			near = near || dw.ids[j] == subj
		}
		if !near {
			continue
		}
		switch pw := strings.ToLower(doc.Tokens[t-1].Text); {
		case tk.POS == "VBD" || tk.POS == "VBP" || tk.POS == "VBZ",
			tk.POS == "VBN" && (pw == "has" || pw == "have" || pw == "had"):
			return true
		}
	}
	return false
}

// agentNoun reports whether w ends like a noun of an agent or an action
// ("producer", "editor", "election"), no verb.
func agentNoun(w string) bool {
	for _, suf := range []string{"er", "or", "ion", "ist", "ment"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// gerundName reports whether most occurrences of c open with a lower-case
// word tagged VBG before a capitalised word tagged NNP or NNPS: a verb and
// the name it takes as object ("suing Parmalat", "winning Wimbledon",
// "inserting Trojan code"), not a key phrase. Not an acronym ("using
// MATLAB" is rarer than "existing ATM networks"), nor after a participle
// mostly a modifier ("existing Aston models", adjectival).
func gerundName(doc *text.Document, ments []mention, c *candidate) bool {
	if len(c.words) < 2 {
		return false
	}
	return mostly(ments, c, func(sp text.Span) bool {
		t, ok := tokenStarting(doc, sp.Start)
		if !ok || t+1 >= len(doc.Tokens) {
			return false
		}
		g, o := &doc.Tokens[t], &doc.Tokens[t+1]
		return g.POS == "VBG" && lowerWord(g.Text) && !adjectival[g.Text] && (o.POS == "NNP" || o.POS == "NNPS") && capitalised(o.Text) && !acronymWord(o.Text)
	})
}

// nameRoles are titles and roles written capitalised before a full name
// ("Chancellor Gordon Brown", "Sir Alex Ferguson"): the name alone is
// shown. Not "president", "minister", "secretary", "senator", "governor",
// "former", "dame", "judge": with them 5-fold CV KPCrowd multi@5 452 -> 451,
// @10 728 -> 726, and dev fell (its crowd keys hold "President ...").
var nameRoles = map[string]bool{
	"sir": true, "chancellor": true, "chairman": true, "coach": true, "manager": true, "teenager": true,
	"unseeded": true, "captain": true, "striker": true, "director": true,
	// occupations written before a name, mostly a name the text gives
	// once ("Actor Nils Varga", "Treasurer Ada Mahone"; session 16)
	"treasurer": true, "actor": true, "actress": true, "singer": true, "rapper": true, "comedian": true,
	"presenter": true, "producer": true, "author": true, "novelist": true, "designer": true, "prosecutor": true,
	"analyst": true, "boss": true, "scrum-half": true, "fly-half": true, "flanker": true, "winger": true,
	"midfielder": true, "defender": true, "goalkeeper": true, "full-back": true, "drummer": true,
	"guitarist": true, "frontman": true, "chef": true, "playwright": true, "composer": true,
	"spokesman": true, "spokeswoman": true,
}

// roleCut reports whether most occurrences of c end in a capitalised word
// tagged NNP right before a capitalised word tagged NNP or NNPS, and c
// either ends in one of nameRoles ("chairman Sir", "Rovers manager Sir"
// before "Ned Oakes") or is two words opening with one ("Sir Ned",
// "Chancellor Hal" before "Oakes", "Brennan"): a role or a first name cut
// from the name it opens, which nameTail shows alone.
func roleCut(doc *text.Document, ments []mention, c *candidate) bool {
	nw := len(c.words)
	if c.first+nw > len(doc.Tokens) {
		return false
	}
	toks := doc.Tokens[c.first : c.first+nw]
	last := &toks[nw-1]
	switch {
	case last.POS == "NNP" && capitalised(last.Text) && isRole(last.Text):
	case nw == 2 && capitalised(toks[0].Text) && isRole(toks[0].Text) && last.POS == "NNP" && capitalised(last.Text):
	default:
		return false
	}
	return mostlyBefore(doc, ments, c, func(t int, o *text.Token) bool {
		return (o.POS == "NNP" || o.POS == "NNPS") && capitalised(o.Text) && o.Start-doc.Tokens[t].End <= 1
	})
}

// isRole reports whether w, in any case, is one of nameRoles, without
// allocating a lower-case copy (roleCut looks at every name chosen).
func isRole(w string) bool {
	var b [16]byte
	if len(w) > len(b) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return nameRoles[string(b[:len(w)])]
}

// nounGerunds are words in -ing mostly read as nouns of an activity or
// a trade after a name ("Wimbledon qualifying", "Grand National betting",
// "Christmas shopping", "Internet banking"): clauseEnd takes no verb there.
var nounGerunds = map[string]bool{
	"qualifying": true, "betting": true, "gambling": true, "racing": true, "trading": true, "shopping": true,
	"banking": true, "licensing": true, "boxing": true, "sailing": true, "swimming": true, "cycling": true,
	"skiing": true, "rowing": true, "funding": true, "spending": true, "lending": true, "borrowing": true,
	"marketing": true, "advertising": true, "broadcasting": true, "publishing": true, "housing": true,
	"training": true, "testing": true, "polling": true, "voting": true, "sentencing": true,
	"listing": true, "ranking": true, "bombing": true, "pricing": true,
	"computing": true, "networking": true, "engineering": true, "manufacturing": true, "mining": true,
	"farming": true, "fishing": true, "shipping": true, "printing": true, "recording": true, "screening": true,
	"restructuring": true, "clothing": true, "building": true, "hearing": true, "meeting": true, "ruling": true,
	"filming": true, "casting": true, "dubbing": true, "streaming": true, "gaming": true, "downloading": true,
	// events and documents, before a determiner too ("the metro shooting
	// this week")
	"shooting": true, "killing": true, "stabbing": true, "wedding": true, "opening": true, "ending": true,
	"warning": true, "briefing": true, "landing": true, "offering": true, "filing": true,
}

// headlinePredicates are the words a headline writes after its subject,
// with "is" left out, before a preposition: "Owen set for captaincy",
// "Okafor fit to face Leeds", "Rovers wary of Dunn"; the
// tagger takes them for nouns of a compound.
var headlinePredicates = map[string]bool{"set": true, "fit": true, "wary": true, "poised": true, "ready": true,
	"keen": true, "eager": true, "confident": true, "hopeful": true, "doubtful": true, "upbeat": true,
	"relieved": true, "determined": true, "uncertain": true, "unsure": true, "unhappy": true, "happy": true}

// headlineClause reports whether every occurrence of c is in the headline
// and, at its first, c opens a clause cut from the word before it: a
// lower-case word tagged VBG (not one of adjectival or nounGerunds)
// before another word, right after a quotation mark or after a plural
// inside c ("Man 'suing council'", "Pickers targeting orchards"), or a
// lower-case word in "s" tagged NNS or VBZ before another word right
// after a quotation mark or a capitalised word ("Acme 'sets date for
// merger'", "Coach backs Smith"), the verb of a headline and its object;
// or c ends in one of headlinePredicates after a capitalised word, before
// a preposition ("Owen set for captaincy").
// A headline writes a noun's modifiers first ("Rising costs", "Sunday
// trading rules", "new models pipeline", "a drugs test").
func headlineClause(doc *text.Document, ments []mention, c *candidate, hlEnd int) bool {
	toks := headlineOnly(doc, ments, c, hlEnd)
	if toks == nil {
		return false
	}
	var prev *text.Token // the token before c's first occurrence
	if c.first > 0 {
		prev = &doc.Tokens[c.first-1]
	}
	// an opening quotation mark: attached to c, not to the word before
	// it (the possessive of "Connors' rallying cry")
	quoted := false
	if prev != nil && prev.End == doc.Tokens[c.first].Start && (c.first < 2 || doc.Tokens[c.first-2].End < prev.Start) {
		switch prev.Text {
		case "'", "‘", "\"", "“", "`", "``":
			quoted = true
		}
	}
	if w := toks[0].Text; prev != nil && lowerWord(w) && strings.HasSuffix(w, "s") && (toks[0].POS == "NNS" || toks[0].POS == "VBZ") &&
		(quoted || capitalised(prev.Text) && isWordToken(prev.Text)) {
		return true
	}
	if nw := len(toks); headlinePredicates[toks[nw-1].Text] && capitalised(toks[nw-2].Text) {
		// "Owen set for ...", "Okafor fit to face ...", "Rovers wary
		// of ...": a name and what it is, before a preposition
		if n := c.first + nw; n < len(doc.Tokens) && doc.Tokens[n].End <= hlEnd && (doc.Tokens[n].POS == "IN" || doc.Tokens[n].POS == "TO") {
			return true
		}
	}
	for k := 0; k+1 < len(toks); k++ {
		w := toks[k].Text
		if toks[k].POS != "VBG" || !lowerWord(w) || adjectival[w] || nounGerunds[w] {
			continue
		}
		if k > 0 {
			if p := toks[k-1].POS; p == "NNS" || p == "NNPS" {
				return true
			}
			continue
		}
		if quoted {
			return true
		}
	}
	return false
}

// participleClause reports whether the word tagged VBG at token t, after
// a comma, opens a participle clause rather than an item of a list: it
// is in lower case, no participle of adjectival nor a noun of nounGerunds,
// and the phrase ending at end is not followed by a comma or a
// conjunction ("sales climbed, lifting revenue for the year"; not
// "cinemas, bowling alleys and pubs").
func participleClause(doc *text.Document, t, end int) bool {
	w := doc.Tokens[t].Text
	if !lowerWord(w) || adjectival[w] || nounGerunds[w] {
		return false
	}
	n, _ := tokenStarting(doc, end)
	if n >= len(doc.Tokens) {
		return true
	}
	switch strings.ToLower(doc.Tokens[n].Text) {
	case ",", "and", "or", "&", ";", "nor":
		return false
	}
	return true
}

// participleObject reports whether most occurrences of c (two words or
// more) end in a lower-case word tagged VBG after a noun, followed by
// what opens its object or completes the verb: a determiner, a
// possessive or personal pronoun, a number, "to", "that" or a particle
// ("an iPod topping the charts", "a statement saying that", "a scheme
// aiming to", "a career stretching back"): the noun and a reduced
// relative clause, not a key phrase. A noun of an activity in -ing
// (nounGerunds: "sports betting") and a participle of adjectival stay;
// one before a preposition is left ("citizens living in", "the Lords
// ruling on").
func participleObject(doc *text.Document, ments []mention, c *candidate) bool {
	if len(c.words) < 2 {
		return false
	}
	return mostly(ments, c, func(sp text.Span) bool {
		t, ok := tokenEnding(doc, sp.End)
		if !ok || t == 0 || t+1 >= len(doc.Tokens) {
			return false
		}
		g, prev, next := &doc.Tokens[t], &doc.Tokens[t-1], &doc.Tokens[t+1]
		if g.POS != "VBG" || !lowerWord(g.Text) || nounGerunds[g.Text] || adjectival[g.Text] || !isNoun(prev.POS) {
			return false
		}
		if timeAfter(doc, t+1) {
			// a time, not an object: "insider dealing this year", "bond
			// buying the same day"
			return false
		}
		switch next.POS {
		case "DT", "PRP$", "PRP", "CD", "TO", "RP":
			return true
		}
		switch strings.ToLower(next.Text) {
		case "that", "back", "over", "out", "up", "down", "away", "off":
			return true
		}
		return false
	})
}

// numberCut reports whether c ends in "number" and most of its
// occurrences are followed by a number ("world number one", "the UK
// number 1 single"): a rank cut from its figure, not a key phrase ("pin
// number" stays).
func numberCut(doc *text.Document, dw *docWords, ments []mention, c *candidate) bool {
	nw := len(c.words)
	if nw < 2 || dw.stems[c.words[nw-1]] != "number" {
		return false
	}
	return mostlyBefore(doc, ments, c, func(t int, o *text.Token) bool {
		return o.POS == "CD" || numberWords[strings.ToLower(o.Text)]
	})
}

// numberWords are the numbers written as words that follow a rank.
var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true}

// timeNouns are the nouns of a stretch of time that a determiner or a
// number before them makes an adverb ("this year", "the same day", "two
// weeks").
var timeNouns = map[string]bool{"year": true, "years": true, "week": true, "weeks": true, "month": true,
	"months": true, "day": true, "days": true, "morning": true, "afternoon": true, "evening": true, "night": true,
	"season": true, "summer": true, "winter": true, "spring": true, "autumn": true, "quarter": true,
	"weekend": true, "decade": true, "time": true, "half": true, "hour": true, "hours": true}

// timeAfter reports whether token t, a determiner or a number, opens a
// time ("this year", "the same day", "last week" is no determiner): one
// of timeNouns right after it or after "same", "next", "previous" or
// "following"; "a" or "an" opens an object ("following a long delay").
func timeAfter(doc *text.Document, t int) bool {
	if t >= len(doc.Tokens) || doc.Tokens[t].POS != "DT" && doc.Tokens[t].POS != "CD" {
		return false
	}
	if w := strings.ToLower(doc.Tokens[t].Text); w == "a" || w == "an" {
		return false // an object: "depot following a long delay"
	}
	k := t + 1
	if k < len(doc.Tokens) {
		switch strings.ToLower(doc.Tokens[k].Text) {
		case "same", "next", "previous", "following":
			k++
		}
	}
	return k < len(doc.Tokens) && timeNouns[strings.ToLower(doc.Tokens[k].Text)]
}

// weekdays are the days of the week, as written.
var weekdays = map[string]bool{"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true,
	"Friday": true, "Saturday": true, "Sunday": true}

// timePreps are the words before a weekday that make it a time ("on
// Friday", "until Monday", "last Tuesday").
var timePreps = map[string]bool{"on": true, "by": true, "until": true, "till": true, "since": true, "from": true,
	"last": true, "next": true, "this": true, "early": true, "late": true, "before": true, "after": true,
	"midnight": true}

// weekdayTime reports whether c (two words or more) opens with a weekday
// that most of its occurrences have after a preposition of time: the day
// says when, not what ("said on Friday acquisitions would slow", "the
// ferry board on Wednesday forecast higher fares"); "the Sunday trading
// laws" stays.
func weekdayTime(doc *text.Document, ments []mention, c *candidate) bool {
	if len(c.words) < 2 || c.first >= len(doc.Tokens) || !weekdays[doc.Tokens[c.first].Text] {
		return false
	}
	return mostly(ments, c, func(sp text.Span) bool {
		t, ok := tokenStarting(doc, sp.Start)
		return ok && t > 0 && timePreps[strings.ToLower(doc.Tokens[t-1].Text)]
	})
}

// mostly reports whether more than half of the occurrences of c satisfy
// f, given each occurrence's span.
func mostly(ments []mention, c *candidate, f func(sp text.Span) bool) bool {
	n, v := 0, 0
	for m := c.head; m >= 0; m = ments[m].next {
		n++
		if f(ments[m].span) {
			v++
		}
	}
	return 2*v > n
}

// mostlyBefore is mostly with f given the last token t of an occurrence
// and the token o right after it; an occurrence at the text's end, or not
// ending on a token, counts against.
func mostlyBefore(doc *text.Document, ments []mention, c *candidate, f func(t int, o *text.Token) bool) bool {
	return mostly(ments, c, func(sp text.Span) bool {
		t, ok := tokenEnding(doc, sp.End)
		return ok && t+1 < len(doc.Tokens) && f(t, &doc.Tokens[t+1])
	})
}

// tokenStarting finds the token of doc that starts at byte off (ok), or
// where one would (slices.BinarySearchFunc).
func tokenStarting(doc *text.Document, off int) (int, bool) {
	return slices.BinarySearchFunc(doc.Tokens, off, func(tk text.Token, at int) int { return tk.Start - at })
}

// tokenEnding finds the token of doc that ends at byte off (ok), or where
// one would.
func tokenEnding(doc *text.Document, off int) (int, bool) {
	return slices.BinarySearchFunc(doc.Tokens, off, func(tk text.Token, at int) int { return tk.End - at })
}

// headlineMoves are the verbs, in their base form, that a headline
// writes right after its subject in the present tense, which the tagger
// takes for a noun of a compound ("Fares slide", "Harbour output
// falls", "Landlord sues"): movements of a figure and a few verbs of
// news.
var headlineMoves = map[string]bool{"rise": true, "fall": true, "jump": true, "slide": true, "slip": true,
	"surge": true, "soar": true, "slump": true, "plunge": true, "tumble": true, "climb": true, "dip": true,
	"sink": true, "rally": true, "rebound": true, "recover": true, "ease": true, "edge": true, "grow": true,
	"shrink": true, "grind": true, "stall": true, "slow": true, "widen": true, "double": true,
	"halve": true, "sue": true, "hail": true, "launch": true, "back": true, "warn": true, "quit": true, "vow": true}

// headlineSubjectVerb reports whether every occurrence of c is in the
// headline and c ends in a lower-case word of headlineMoves in the
// present tense agreeing with the noun before it, its subject: a bare
// form after a plural ("Fares slide", "Ferry tolls rise"), a form in -s
// after a singular ("Harbour output falls", "Landlord sues") opening
// the headline or after a capitalised word or a possessive. A noun does
// not agree so, or follows another word: "fuel price rise", "more rate
// rises" stay.
func headlineSubjectVerb(doc *text.Document, ments []mention, c *candidate, hlEnd int) bool {
	toks := headlineOnly(doc, ments, c, hlEnd)
	if toks == nil {
		return false
	}
	nw := len(toks)
	v, p := toks[nw-1].Text, &toks[nw-2]
	if !lowerWord(v) || !strings.HasPrefix(p.POS, "NN") || !isWordToken(p.Text) {
		return false
	}
	plural := (p.POS == "NNS" || p.POS == "NNPS") && strings.HasSuffix(p.Text, "s")
	if headlineMoves[v] {
		return plural && verbBefore(doc, c.first+nw, hlEnd, v) // "Fares slide"
	}
	if plural || strings.HasSuffix(p.Text, "s") && !acronymWord(p.Text) || !strings.HasSuffix(v, "s") {
		return false
	}
	if c.first > 0 { // (the headline opens the text)
		// a form in -s is a plural noun as often ("more fare rises",
		// "to set toll rises"): only a subject opening the headline or
		// after a capitalised word or a possessive ("Quay Street
		// landlord sues", "Harbour board's chief quits")
		if pw := doc.Tokens[c.first-1].Text; !capitalised(pw) && !isClitic(pw) {
			return false
		}
	}
	base := v[:len(v)-1] // "falls", "slides"
	switch {
	case strings.HasSuffix(v, "ies"): // "rallies"
		base = v[:len(v)-3] + "y"
	case strings.HasSuffix(v, "es") && headlineMoves[v[:len(v)-2]]: // "launches"
		base = v[:len(v)-2]
	}
	return headlineMoves[base] && verbBefore(doc, c.first+nw, hlEnd, base)
}

// headlineObjects are the verbs of headlineMoves that take an object
// ("Landlord sues council", "Unions back strike").
var headlineObjects = map[string]bool{"sue": true, "hail": true, "launch": true, "back": true, "warn": true,
	"quit": true, "double": true, "halve": true, "grow": true}

// verbBefore reports whether a verb of headlineMoves (base, its base
// form) may stand before token n of the headline: at the headline's end,
// before a preposition, adverb, particle, figure or capitalised word
// ("Harbour output falls in March", "Fares slide 5%"), or before its
// object ("Landlord sues council"). After a verb of movement another
// lower-case word is the verb whose subject the phrase is ("Council tax
// rises worry pensioners", "Share price falls hit savers"), and so is
// one tagged as a verb after any ("Product launches lift sales").
func verbBefore(doc *text.Document, n, hlEnd int, base string) bool {
	if n >= len(doc.Tokens) || doc.Tokens[n].Start >= hlEnd || !lowerWord(doc.Tokens[n].Text) {
		return true
	}
	switch pos := doc.Tokens[n].POS; pos {
	case "IN", "TO", "RB", "RP", "CD":
		return true
	default:
		return headlineObjects[base] && !strings.HasPrefix(pos, "VB") && pos != "MD"
	}
}

// workKinds are the descriptions written before the title of a work
// ("the comedy Dance with the Wardens", "the animated movie Gull's
// Long Voyage").
var workKinds = map[string]bool{"film": true, "films": true, "movie": true, "comedy": true, "drama": true,
	"thriller": true, "musical": true, "sequel": true, "prequel": true, "documentary": true, "biopic": true,
	"cartoon": true, "sitcom": true, "series": true, "novel": true, "book": true, "album": true, "single": true,
	"song": true, "play": true, "opera": true, "ballet": true, "remake": true, "blockbuster": true,
	"romcom": true, "epic": true}

// titleContinues are the words that carry a title on past its first
// word ("Dance with the Wardens", "Keepers of the Light", "Salt and Tar").
var titleContinues = map[string]bool{"the": true, "of": true, "and": true, "a": true, "an": true, "with": true,
	"'s": true, "’s": true}

// workTitle reports whether c ends in one capitalised word after a
// description of a work (workKinds), in lower case or opening its
// sentence ("Comedy Dance with the Wardens topped the chart").
func workTitle(doc *text.Document, c *candidate) bool {
	nw := len(c.words)
	last, desc := &doc.Tokens[c.first+nw-1], &doc.Tokens[c.first+nw-2]
	if !capitalised(last.Text) {
		return false
	}
	if lowerWord(desc.Text) {
		return workKinds[desc.Text]
	}
	return sentenceStart(doc, c.first+nw-2) && workKinds[strings.ToLower(desc.Text)]
}

// titleTail returns 1 when c is a description of a work in lower case
// and a title of one word that titleCut does not find cut ("the thriller
// Fogbound opened ..."): the title is shown alone; else 0. A capitalised
// description opening a sentence is as often a name's first word
// ("Opera North", "Comedy Central"): it keeps its second word.
func titleTail(doc *text.Document, ments []mention, c *candidate) int {
	if len(c.words) != 2 || c.first+2 > len(doc.Tokens) || !lowerWord(doc.Tokens[c.first].Text) || !workTitle(doc, c) || titleCut(doc, ments, c) {
		return 0
	}
	return 1
}

// titleCut reports whether c ends in one capitalised word after a
// lower-case description of a work (workKinds) and most of its
// occurrences are followed by a word that carries a title on (one of
// titleContinues, or a capitalised word of the same sentence): the
// description and the first word of the title ("comedy Dance" of "the
// comedy Dance with the Wardens"), not a key phrase. A title of one word
// ("the thriller Fogbound opened ...") is shown alone (titleTail).
func titleCut(doc *text.Document, ments []mention, c *candidate) bool {
	nw := len(c.words)
	if nw < 2 || c.first+nw > len(doc.Tokens) {
		return false
	}
	if !workTitle(doc, c) {
		return false
	}
	return mostlyBefore(doc, ments, c, func(t int, o *text.Token) bool {
		w := strings.ToLower(o.Text)
		if t > 0 && !lowerWord(doc.Tokens[t-1].Text) {
			// a capitalised description opening the sentence: a name
			// with its possessive or in a list ("Comedy Central's new
			// show", "Opera North and the Halle"; a title goes on in
			// capitals: "Musical Salt and Tar")
			if isClitic(o.Text) || w == "and" && (t+2 >= len(doc.Tokens) || !capitalised(doc.Tokens[t+2].Text)) {
				return false
			}
		}
		return titleContinues[w] || capitalised(o.Text) && isWordToken(o.Text) && !sentenceStart(doc, t+1)
	})
}

// clockDay returns 2 when c opens with "midnight" or "noon" and a
// weekday ("a midnight Friday pay deadline"): a clock time, which the
// phrase after it ("pay deadline") is shown without; else 0.
func clockDay(doc *text.Document, c *candidate) int {
	if len(c.words) < 2 || c.first+1 >= len(doc.Tokens) || !weekdays[doc.Tokens[c.first+1].Text] {
		return 0
	}
	if w := doc.Tokens[c.first].Text; strings.EqualFold(w, "midnight") || strings.EqualFold(w, "noon") {
		return 2
	}
	return 0
}

// headlineWhole reports whether c, three words or more, is the whole
// headline and written nowhere else: a headline that the tagger chunks
// as one noun phrase is mostly a clause whose verb it took for a noun
// ("Harbour deal boosts Westmere", "Dockers sack chairman", "Strong
// demand lifts fares"); a key phrase is shorter, and the phrases inside
// it stay. A headline of capitalised words only is left.
func headlineWhole(doc *text.Document, ments []mention, c *candidate, hlEnd int) bool {
	toks := headlineOnly(doc, ments, c, hlEnd)
	if len(toks) < 3 || c.first != 0 {
		return false
	}
	n := c.first + len(toks)
	if n < len(doc.Tokens) && doc.Tokens[n].Start < hlEnd {
		return false
	}
	for _, tk := range toks[1:] {
		if !capitalised(tk.Text) {
			return !nounStack(toks)
		}
	}
	// every word capitalised: a name ("Westmere Harbour Trust", whose
	// parts would be shown in its place) as often as a headline in
	// title case or capitals, which the other rules read
	return false
}

// stackHeads are the nouns that end headlines made of nouns alone, with no
// verb ("Harbour contract row", "Ferry pay deal
// rethink", "Council tax rebate fears"): the news is a row, a plan or a
// fear about the nouns before.
var stackHeads = map[string]bool{"row": true, "rethink": true, "fear": true, "fears": true, "probe": true,
	"plea": true, "charges": true, "warning": true, "threat": true, "scare": true, "alert": true, "crisis": true,
	"inquiry": true, "chaos": true, "u-turn": true, "blow": true, "bid": true, "concern": true, "concerns": true,
	"setback": true, "talks": true, "plan": true, "plans": true, "dispute": true, "controversy": true,
	"shake-up": true, "overhaul": true, "review": true, "investigation": true, "inquest": true, "protest": true,
	"protests": true, "strike": true, "strikes": true, "deadline": true, "deadlock": true, "storm": true,
	"outcry": true, "backlash": true, "verdict": true, "hearing": true, "trial": true, "appeal": true}

// nounStack reports whether a headline's words (three or more, the
// first tagged a noun or an adjective) are nouns that modify the last,
// a noun of stackHeads: every word after the first lower case, tagged
// NN or JJ, and singular (no "s" ending but "ss": a plural or a verb in
// -s before the head is a clause's, "Harbour deal lifts Westmere",
// "pilots face fines"), with no -ing or -ed form.
func nounStack(toks []text.Token) bool {
	n := len(toks)
	if n < 3 || !stackHeads[toks[n-1].Text] || !strings.HasPrefix(toks[n-1].POS, "NN") {
		return false
	}
	for _, tk := range toks[1 : n-1] {
		w := tk.Text
		if capitalised(w) || tk.POS != "NN" && tk.POS != "JJ" || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") ||
			strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") {
			return false
		}
	}
	return true
}
