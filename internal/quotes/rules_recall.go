package quotes

import (
	"strings"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// Rules from the misses of the cross-fitted PolNeAR train split (session
// 11). Each is gated by its option.

// frontedAdverbial reports whether the phrase before the comma that ends
// right before the subject starting at token np is an adverbial fronted
// before it ("In 2012, X pleaded guilty to ...", "Courted by many, X said
// that ...", "When asked, X said ..."): no content of the cue after the
// subject, when something follows the cue. A clause there ("The plan is
// dead, X said on Friday") is, and so is all before the comma when nothing
// follows the cue ("Despite the cuts, growth is strong, analysts said").
func (x *extractor) frontedAdverbial(np int) bool {
	if !x.o.FrontedAdverbial || x.tok(np-1) != "," {
		return false
	}
	st := x.clauseStart(np - 1)
	if st >= np-1 || x.qAt(st) >= 0 {
		return false
	}
	switch p := x.pos(st); p {
	case "IN":
		w := x.ltok(st)
		return w != "that" && w != "if" && w != "whether"
	case "TO", "VBG", "VBN", "WRB":
		return true
	case "VBD":
		// "Asked about X, Y said": a participle the tagger read as a past
		// tense, with no subject before it
		return x.ltok(st) == "asked" || x.ltok(st) == "pressed" || x.ltok(st) == "questioned"
	}
	return false
}

// frontedAdverb reports whether the phrase before the comma that ends
// right before the subject starting at token np is an adverb or a time
// fronted before it ("Shortly afterward, X said on ... that",
// "Tuesday on a radio show, X said ...", "Friday, as the parade passed,
// X reported ..."): it opens with an adverb of time or manner or a time
// word and holds no finite verb outside a subordinate clause. Such a
// phrase is no content of the cue after the subject (FrontedAdverb).
func (x *extractor) frontedAdverb(np int) bool {
	if !x.o.FrontedAdverb || x.tok(np-1) != "," {
		return false
	}
	st := x.clauseStart(np - 1)
	if st >= np-1 || np-1-st > 20 || x.qAt(st) >= 0 {
		return false
	}
	w := x.ltok(st)
	switch {
	case x.pos(st) == "RB" && w != "not" && w != "so" && w != "too" && w != "very":
	case isTemporal(w) && isCapital(x.tok(st)) && !x.timeSurname(w):
	case w == "yesterday" || w == "today" || w == "tonight" || w == "earlier" || w == "later":
	default:
		return false
	}
	sub := false
	for k := st; k < np-1; k++ {
		switch x.ltok(k) {
		case "as", "when", "while", "after", "before", "because", "since", "if", "although", "though", "until", "where", "which", "who", "that":
			sub = true
		}
		if finiteTag(x.pos(k)) && !sub {
			return false
		}
	}
	return true
}

// adjunctThat returns the "that" that starts what a cue says past an
// adjunct opening at token a right after it ("said on Thursday during a
// visit to a school in Leeds, England, that ..."): at most 20 tokens on,
// over commas, with no verb before it and no finite verb right after it
// (a relative "that": "in the report that was filed"), or a (LongAdjunct).
func (x *extractor) adjunctThat(a, limit int) int {
	if !x.o.LongAdjunct {
		return a
	}
	for k := a; k < limit && k-a <= 20; k++ {
		if x.qAt(k) >= 0 || strings.HasPrefix(x.pos(k), "VB") || x.pos(k) == "MD" || x.tok(k) == ";" || x.tok(k) == ":" {
			return a
		}
		if x.ltok(k) == "that" {
			if k == a || finiteTag(x.pos(k+1)) || strings.HasPrefix(x.pos(k+1), "VB") || k+1 >= limit {
				return a
			}
			return k
		}
	}
	return a
}

// invertsSpeech reports the verbs of saying that stand before their
// speaker after what was said ("..., said X", "” added X").
//
//go:noinline
func invertsSpeech(w string) bool {
	switch w {
	case "said", "says", "say", "added", "adds", "explained", "explains", "wrote", "writes",
		"asked", "asks", "noted", "notes", "insisted", "insists", "argued", "argues",
		"warned", "warns", "replied", "replies", "responded", "declared", "declares",
		"stated", "states", "claimed", "claims", "recalled", "recalls", "observed", "remarked",
		"conceded", "concedes", "continued", "continues", "concluded", "predicted", "complained",
		"acknowledged", "admitted", "announced", "reported", "reports", "suggested", "suggests",
		"maintained", "contended", "cautioned", "countered", "boasted", "joked", "quipped",
		"laughed", "mused", "sighed", "exclaimed", "wondered", "recounted", "agreed", "tweeted",
		"stressed", "emphasized", "emphasised", "asserted", "alleged", "charged", "opined",
		"offered", "confirmed", "retorted", "shouted", "yelled", "told", "promised", "pointed",
		"according", "answered", "commented", "began", "went", "volunteered", "predicts", "thought",
		"believes", "believed", "thinks", "guessed", "estimated", "estimates", "speculated", "reasoned":
		return true
	}
	return false
}

// finiteTag reports the tags of a finite verb.
func finiteTag(p string) bool { return p == "VBD" || p == "VBZ" || p == "VBP" || p == "MD" }

// reducedRelative returns the start of a name or pronoun that follows a
// common noun inside the subject [a, b) of a cue ("the discrepancies
// Mercury (blamed)", "the problems he (cited)"): the subject of a relative
// clause with no "that", whose object is the noun before. It returns a
// when there is none.
func (x *extractor) reducedRelative(a, b int) int {
	for k := a + 1; k < b; k++ {
		p, q := x.pos(k-1), x.pos(k)
		if p != "NN" && p != "NNS" || isAgentNoun(x.ltok(k-1)) || isCapital(x.tok(k-1)) {
			// "Republican senators Lindsey Graham and ...": a noun of
			// people names the speaker with the name
			continue
		}
		if q == "PRP" && inPersonalPronouns(x.ltok(k)) || (q == "NNP" || q == "NNPS") && x.ltok(k-1) != "&" {
			// "company Mercury" is a name with its kind: only a plural
			// noun or a pronoun after a noun opens a relative clause
			if q == "PRP" || p == "NNS" {
				return k
			}
		}
	}
	return a
}

// passiveTarget reports whether cue c is a passive verb of judging with
// no agent ("were blamed on", "was criticised for", "was told"): its
// subject is who is judged or told, not who speaks.
func (x *extractor) passiveTarget(c cue) bool {
	v := x.agentlessPassive(c)
	return v >= 0 && passiveJudging(x.ltok(v))
}

// passiveMessage reports whether cue c is a passive verb of uttering
// with no agent ("Fears had been expressed that ...", "concerns were
// raised"): its subject is what was said, not who said it.
func (x *extractor) passiveMessage(c cue) bool {
	v := x.agentlessPassive(c)
	return v >= 0 && passiveUttering(x.ltok(v))
}

// agentlessPassive returns the participle of cue c when c is a passive
// (a form of "be" and adverbs before the participle) with no "by" within
// three tokens after it, or -1.
func (x *extractor) agentlessPassive(c cue) int {
	if x.pos(c.first) != "VBN" && !(x.pos(c.first+1) == "VBN" && c.last > c.first+1) {
		return -1
	}
	v := c.first
	if x.pos(v) != "VBN" {
		v++
	}
	// a form of "be" before the participle, past adverbs
	k := v - 1
	for k >= 0 && x.pos(k) == "RB" {
		k--
	}
	switch x.ltok(k) {
	case "was", "were", "is", "are", "be", "been", "being", "’s", "'s":
	default:
		return -1
	}
	for e := c.last; e < len(x.toks) && e < c.last+3; e++ {
		if x.ltok(e) == "by" {
			return -1
		}
	}
	return v
}

// passiveUttering tells the verbs whose passive subject is the message
// ("fears were expressed", "doubts have been raised"); not "said" or
// "reported", whose subject speaks when an infinitive follows ("X was
// reported to have called ...", as PolNeAR marks it).
func passiveUttering(w string) bool {
	switch w {
	case "expressed", "voiced", "raised", "aired":
		return true
	}
	return false
}

//go:noinline
func passiveJudging(w string) bool {
	switch w {
	case "blamed", "criticized", "criticised", "accused", "praised", "attributed", "credited",
		"condemned", "denounced", "hailed", "blasted", "slammed", "attacked", "faulted", "urged",
		"told", "warned", "described", "called", "seen", "viewed", "considered", "regarded",
		"labeled", "labelled", "branded", "dubbed", "expected", "rebuked", "chided", "scolded",
		"lambasted", "ridiculed", "mocked", "censured", "reprimanded", "applauded", "commended":
		return true
	}
	return false
}

// polls reads "in" before a poll or a survey as a cue whose source is the
// poll: "In a CNN poll released Monday, 50 percent chose X" (what follows
// the comma), "X leads Y in the latest polls" (the clause before).
func (x *extractor) polls() {
	if !x.o.PollPrep || !x.tagged {
		return
	}
	cueAt := cueTable(x.cues)
	for i := 0; i+1 < len(x.toks); i++ {
		if x.cancelled(i) {
			return
		}
		if x.ltok(i) != "in" || x.qAt(i) >= 0 || cueAt.has(i) {
			continue
		}
		s := x.sentence(i)
		// the poll's noun phrase: determiners, names, numbers, adjectives
		e := i + 1
		head := -1
		for e < s.Last && e-i <= 10 {
			w, p := x.ltok(e), x.pos(e)
			if w == "poll" || w == "polls" || w == "survey" || w == "surveys" || w == "polling" {
				head = e
				e++
				if x.ltok(e) == "poll" || x.ltok(e) == "polls" {
					head = e
					e++
				}
				break
			}
			if p == "DT" || p == "JJ" || p == "JJS" || p == "NNP" || p == "NNPS" || p == "NN" || p == "CD" || p == "POS" || p == "HYPH" || w == "/" || w == "-" || w == "’s" {
				e++
				continue
			}
			break
		}
		if head < 0 {
			continue
		}
		var ca, cb int
		if i == s.First || i == s.First+1 && x.pos(s.First) == "CC" {
			// "In a CNN poll released Monday, ...": the clause after the comma
			k := e
			for k < s.Last && k-e < 12 && x.tok(k) != "," {
				k++
			}
			if x.tok(k) != "," {
				continue
			}
			ca, cb = x.trim(k+1, x.clauseEnd(k+1, cueAt))
		} else {
			if inTrustNouns(x.ltok(i - 1)) {
				continue // "had little faith in opinion polls"
			}
			ca, cb = x.trim(x.clauseStart(i), i)
			if cueAt.within(ca, cb) {
				continue // "He said X in the latest poll": the cue's
			}
			for k := cb - 1; k > ca; k-- {
				// "While X leads in Iowa, she trails Y in the polls"
				if x.tok(k) == "," && k+1 < cb {
					if p := x.pos(ca); p == "IN" || p == "WRB" {
						ca = k + 1
					}
					break
				}
			}
		}
		if cb-ca < 3 {
			continue
		}
		q := x.newQuote(Quote{Content: x.span(ca, cb), Cue: x.span(i, i+1), Speaker: x.span(i+1, e), EntityIndex: -1, Kind: Indirect})
		if x.claimQuoted(q, ca, cb) {
			q.Kind = Mixed
		}
		x.resolveSpeaker(q, i+1, e)
		x.add(q, "poll", cueInfo{words: x.oneWord("in")})
	}
}

// inTrustNouns reports the words after which "in" takes its object
// ("faith in", "interest in"), not a source.
//
//go:noinline
func inTrustNouns(w string) bool {
	switch w {
	case "faith", "confidence", "trust", "belief", "interest", "part", "participate", "participated",
		"participating", "included", "involved", "respondents", "questions", "question", "asked":
		return true
	}
	return false
}

// within reports whether a cue starts in tokens [a, b).
func (t cueTable) within(a, b int) bool {
	for _, c := range t {
		if c.first >= a && c.first < b {
			return true
		}
	}
	return false
}

// quoteBeforeAdjunct reports whether what follows cue c ([a, b), a
// quote closing right before its subject) is no content: a subordinate
// clause ("“Really,” she added when ...") or a hearer and an adjunct
// ("“A,” X told Reuters in an interview").
func (x *extractor) quoteBeforeAdjunct(c cue, a, b int, s text.Sentence) bool {
	if !x.o.QuoteBefore || a >= b {
		return false
	}
	switch x.ltok(a) {
	case "when", "as", "while", "after", "before", "because", "since", "although", "though", "if", "until":
		return true
	}
	if !inObjectVerbs(x.ltok(c.last - 1)) {
		return false
	}
	e := x.rightNP(a, s.Last)
	if e == a {
		return false
	}
	return e >= b || x.pos(e) == "IN" && x.ltok(e) != "that" || x.tok(e) == "," || x.tok(e) == "." || x.pos(e) == "WRB"
}

// isDash reports a dash token that sets off a parenthesis.
func isDash(w string) bool { return w == "—" || w == "–" || w == "--" }

// parentheticalSubject reads the subject of cue c when a parenthesis set
// off by commas or dashes ends right before it at token j ("Jason Sims —
// a teacher from Ames — says", "Six papers in Ohio, including the Blade,
// said"): it returns the noun phrase before the opening mark and the
// mark. Not when a noun phrase ends the clause after the cue ("..., the
// unions, said Smith."), which is inverted.
func (x *extractor) parentheticalSubject(c cue, j int, s text.Sentence) (int, int, bool) {
	closeTok := x.tok(j - 1)
	if closeTok != "," && !isDash(closeTok) {
		return 0, 0, false
	}
	if x.o.ParenNoParticiple && x.pos(c.first) == "VBG" {
		// "Rain flooded the valley on Sunday, prompting officials to
		// act, saying ...": a participle after a comma continues the
		// clause before, it has no subject of its own there
		return 0, 0, false
	}
	if np := x.rightNP(c.last, s.Last); np > c.last && (np >= s.Last-1 || x.tok(np) == "," || x.tok(np) == ".") && !(x.o.TellSpeaker && isTell(x.ltok(c.first))) {
		return 0, 0, false
	}
	for p := j - 2; p > s.First && j-p < 30; p-- {
		t := x.tok(p)
		if x.qAt(p) >= 0 || t == ";" || t == ":" || finiteTag(x.pos(p)) && !x.relativeBefore(p, j) {
			return 0, 0, false
		}
		if t == closeTok || closeTok == "," && isDash(t) {
			if p == j-2 {
				return 0, 0, false
			}
			st := x.leftNP(p, s.First)
			if x.o.SpeakerPrep {
				st = x.prepHead(st, s.First)
			}
			if st >= p || x.pos(st) == "CD" && !(x.o.NumberSubject && x.countedSubject(st, x.headEnd(st, p))) {
				return 0, 0, false
			}
			return st, p, true
		}
	}
	return 0, 0, false
}

// percentSubject returns the start of a share of people polled that ends
// at token j ("Twenty-four percent", "55 percent of all voters", "About 4
// in 10"), or j when there is none.
func (x *extractor) percentSubject(j, first int) int {
	st := x.leftNP(j, first)
	if x.pos(j-1) == "CD" && x.ltok(j-2) == "in" && x.pos(j-3) == "CD" {
		// "4 in 10", "six in 10"
		st = j - 3
	} else {
		// "55 percent of all voters": back over "of" and the share
		if k := st - 1; k > first && x.ltok(k) == "of" {
			if s2 := x.leftNP(k, first); s2 < k {
				st = s2
			}
		}
		pct := false
		for k := st; k < j; k++ {
			if w := x.ltok(k); w == "percent" || w == "%" || w == "majority" {
				pct = true
			}
		}
		if !pct || st >= j {
			return j
		}
	}
	for st > first && (x.ltok(st-1) == "about" || x.ltok(st-1) == "some" || x.ltok(st-1) == "nearly" || x.ltok(st-1) == "almost" || x.ltok(st-1) == "only" || x.ltok(st-1) == "just") {
		st--
	}
	if st > first && x.pos(st-1) == "$" {
		return j
	}
	return st
}

// clauseSubject returns the noun phrase before the first verb of the
// clause in [first, limit): "Clinton's right-hand woman (rallied)",
// "Trump, meanwhile, (was)".
func (x *extractor) clauseSubject(first, limit int) (int, int, bool) {
	for k := first; k < limit; k++ {
		if x.qAt(k) >= 0 || x.tok(k) == "," && k == first {
			continue
		}
		if !finiteTag(x.pos(k)) {
			continue
		}
		j := k
		for j > first && x.pos(j-1) == "RB" {
			j--
		}
		if x.tok(j-1) == "," && x.pos(j-2) == "RB" && x.tok(j-3) == "," {
			j -= 3 // ", meanwhile,"
		}
		st := x.leftNP(j, first)
		if st < j && x.pos(st) != "CD" && !(j-st == 1 && x.pos(st) == "PRP" && !inPersonalPronouns(x.ltok(st))) {
			return st, j, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// participleBetween reports whether another participle clause (", VBG")
// opens in [a, b): in "Heavy rain flooded the valley, prompting the
// mayor to act, saying ..." the rain does not speak, and who does is
// not clear.
func (x *extractor) participleBetween(a, b int) bool {
	for k := a; k+1 < b; k++ {
		if x.tok(k) == "," && x.pos(k+1) == "VBG" && x.qAt(k) < 0 {
			return true
		}
	}
	return false
}

// frontedParticipleSubject returns the subject of the clause after a
// phrase fronted before it that cue c, a participle, heads ("After
// thanking the crowd, he touted ...", "Having announced ..., Judge Berman
// proceeded", "Despite challenging X, Cruz said ...").
func (x *extractor) frontedParticipleSubject(c cue, s text.Sentence) (int, int, bool) {
	if p := x.pos(c.first); p != "VBG" && p != "VBN" {
		return 0, 0, false
	}
	for k := s.First; k < c.first; k++ {
		switch p := x.pos(k); {
		case p == "IN" || p == "RB" || p == "CC" || p == "TO" || p == "WRB" || x.ltok(k) == "having":
		default:
			return 0, 0, false
		}
	}
	if c.first-s.First > 3 {
		return 0, 0, false
	}
	for k := c.last; k < s.Last-1; k++ {
		if x.qAt(k) >= 0 {
			continue
		}
		if x.tok(k) == "," {
			if f, l, ok := x.mainSubject(k+1, s.Last-1); ok {
				return f, l, true
			}
			return x.clauseSubject(k+1, s.Last)
		}
	}
	return 0, 0, false
}

// headEnd returns the end of the head noun phrase of [st, b), before a
// place ("Four papers" in "Four papers in Ohio").
func (x *extractor) headEnd(st, b int) int {
	if !x.o.ParentheticalSubject {
		return b
	}
	e := st
	for e < b && !isPlacePrep(x.ltok(e)) {
		e++
	}
	return e
}

// inBlameVerbs reports the verbs that lay a thing on someone ("blamed on",
// "attributed to"): in a relative clause with no "that" their object is
// the noun before, and what follows is no statement.
//
//go:noinline
func inBlameVerbs(w string) bool {
	switch w {
	case "blamed", "blames", "blame", "attributed", "attributes", "attribute", "pinned", "pins", "credited", "credits":
		return true
	}
	return false
}

// nounSubject returns the speaker of noun cue c that has no owner: the
// name or pronoun right before it when it is a verb the tagger read as a
// noun ("Viguerie notes that", "Sanders responds that", "groups note
// that", "did note that"), else the subject of the clause that holds it
// ("Trump has raised questions about ...", "X stirred controversy with an
// assertion that ...").
func (x *extractor) nounSubject(c cue, s text.Sentence) (int, int, bool) {
	j := c.first
	for j > s.First && (x.pos(j-1) == "RB" || x.pos(j-1) == "MD" || x.ltok(j-1) == "did" || x.ltok(j-1) == "does" || x.ltok(j-1) == "do") {
		j--
	}
	if x.o.NounSubjectMore && j > s.First {
		if x.tok(j-1) == "," {
			// "The mayor's deputy, Jane Doe, plans to ..."
			if st, ok := x.appositiveSubject(j-1, s.First); ok {
				return st, j - 1, true
			}
		}
		// "But some note that ...": a quantifier standing for people
		switch x.ltok(j - 1) {
		case "some", "many", "others", "most", "few", "several":
			if j-1 == s.First || x.pos(j-2) == "CC" && j-2 == s.First {
				return j - 1, j, true
			}
		}
	}
	switch p := x.pos(j - 1); {
	case j > s.First && (p == "NNP" || p == "NNPS" || p == "NNS" || p == "PRP" && inPersonalPronouns(x.ltok(j-1))):
		if st := x.leftNP(j, s.First); st < j && x.pos(st) != "CD" {
			return st, j, true
		}
		return 0, 0, false
	}
	if c.first-s.First < 2 || inHearsayNouns(x.ltok(c.first)) {
		// "Daiwa denied speculation that ...": no one in the clause
		return 0, 0, false
	}
	if x.o.NounReceiver && x.receivedNoun(c, s) {
		// "The coach faced criticism that ...", "The bank received
		// complaints that ...": the subject hears the talk
		return 0, 0, false
	}
	if f, l, ok := x.mainSubject(s.First, c.first); ok {
		return f, l, true
	}
	return x.clauseSubject(s.First, c.first)
}

// receivedNoun reports whether the verb nearest before noun cue c, in
// its clause, is one whose subject takes in or answers talk rather than
// saying it ("faced criticism", "received complaints", "fielded
// questions", "heard testimony").
func (x *extractor) receivedNoun(c cue, s text.Sentence) bool {
	for k := c.first - 1; k >= s.First && c.first-k <= 6; k-- {
		if t := x.tok(k); t == "," || t == ";" || t == ":" || x.qAt(k) >= 0 {
			return false
		}
		if p := x.pos(k); len(p) >= 2 && p[:2] == "VB" {
			return receivingVerb(x.lemma(k)) || receivingVerb(x.ltok(k))
		}
	}
	return false
}

// receivingVerb reports the verbs (lemmas and past forms) whose subject
// is the hearer of the talk a noun after them names. Not "drew" ("drew
// attention to", and PolNeAR names the subject of "drew criticism for"
// as its source) nor "answered" ("struggled to answer a question on":
// the subject is annotated too).
//
//go:noinline
func receivingVerb(w string) bool {
	switch w {
	case "face", "faced", "faces", "facing", "receive", "received", "get", "got", "gotten",
		"attract", "attracted", "field", "fielded", "hear", "heard",
		"endure", "endured", "weather", "weathered", "encounter", "encountered",
		"address", "addressed", "dodge", "dodged", "deflect", "deflected",
		"dispel", "dispelled", "allay", "allayed", "ignore", "ignored", "heed", "heeded",
		"rebuff", "rebuffed", "dismiss", "dismissed", "reject", "rejected", "deny", "denied",
		"rebut", "rebutted", "refute", "refuted", "counter", "countered", "shrug", "shrugged":
		return true
	}
	return false
}

// inHearsayNouns reports nouns of talk that has no author in its clause
// ("denied speculation that", "dismissed rumours of").
func inHearsayNouns(w string) bool {
	switch w {
	case "speculation", "rumours", "rumors", "rumour", "rumor", "reports", "talk", "gossip":
		return true
	}
	return false
}

// adjunctToEnd reports whether tokens [i, limit) are a phrase with no
// verb, clause word or quote running to the end of the sentence ("on
// Monday.", "in an interview in Lisbon.").
func (x *extractor) adjunctToEnd(i, limit int) bool {
	for k := i; k < limit; k++ {
		w := x.ltok(k)
		if x.qAt(k) >= 0 || w == "that" || w == "," || w == ";" || w == ":" || x.pos(k) == "MD" || strings.HasPrefix(x.pos(k), "VB") || x.pos(k) == "WRB" || x.pos(k) == "WDT" {
			return false
		}
		if k-i > 12 {
			return false
		}
	}
	return true
}

// properName reports whether tokens [a, b) are a proper name: capitalised
// words tagged NNP or NNPS ("Rita Moss").
func (x *extractor) properName(a, b int) bool {
	if a >= b || b-a > 5 {
		return false
	}
	for k := a; k < b; k++ {
		if p := x.pos(k); p != "NNP" && p != "NNPS" || !isCapital(x.tok(k)) {
			return false
		}
	}
	return true
}

// inAdjunctPrep reports the prepositions that open a phrase of time,
// place or occasion after a hearer ("told reporters on Monday", "in an
// interview", "outside the court"), not the topic ("told him about").
func inAdjunctPrep(w string) bool {
	switch w {
	case "on", "in", "at", "during", "after", "before", "outside", "inside", "from", "late", "early", "earlier", "last", "this":
		return true
	}
	return false
}

// openingSubject: "Mr Hobb, who is on the board and was part of the
// review, said on Friday: ...", "Analysts, however, said ...": the
// sentence opens with a noun phrase and a comma, and the cue (after
// token j-1, a comma) follows the comma that closes what the parenthesis
// says of it, verbs and all: the opening noun phrase [first, end) speaks.
// Not when a noun phrase ends the sentence after the cue ("..., X, told
// Reuters.": what is said comes before), when the noun phrase is a time
// ("This week, ..."), when a semicolon or colon breaks the parenthesis,
// or when a finite verb stands in it before any relative pronoun or
// subordinating word, or after a comma that follows one (it is the main
// clause's).
func (x *extractor) openingSubject(c cue, j int, s text.Sentence) (int, int, bool) {
	if j-1 <= s.First || x.tok(j-1) != "," || x.pos(c.first) == "VBG" {
		// "..., adding that": a participle after a comma continues the
		// clause before (participle)
		return 0, 0, false
	}
	st := s.First
	if x.pos(st) == "CC" {
		st++
	}
	e := x.rightNP(st, j-1)
	if e <= st || x.qAt(st) >= 0 || x.timeOnly(st, e) || x.pos(st) == "CD" && !x.countedSubject(st, e) {
		return 0, 0, false
	}
	k := e
	if x.tok(k) == "(" {
		// "Lena Voss (corrects from Lina Voss), ..."
		for k < j-1 && k-e < 10 && x.tok(k) != ")" {
			k++
		}
		k++
	}
	if k >= j-2 || x.tok(k) != "," || strings.HasSuffix(x.ltok(k+1), "-based") || x.ltok(k+2) == "-based" || strings.HasSuffix(x.ltok(k+2), "-based") {
		// "The Dunmore, Ore.-based firm": a place, no noun
		// phrase before its parenthesis
		return 0, 0, false
	}
	sub := false // a relative pronoun or a subordinating word opened a clause inside
	for i := k + 1; i < j-1; i++ {
		if x.tok(i) == ";" || x.tok(i) == ":" {
			return 0, 0, false
		}
		if inSubordinators(x.ltok(i)) {
			sub = true
		} else if x.tok(i) == "," {
			sub = false // "X, which has won fans, would also be absent, said Y"
		} else if finiteTag(x.pos(i)) && !sub {
			// "Some traders, mostly small ones, are wary of it, said
			// X": a verb of the main clause, what is said
			return 0, 0, false
		}
	}
	if np := x.rightNP(c.last, s.Last); np >= s.Last-1 || np > c.last && (x.tok(np) == "," || x.tok(np) == ".") {
		return 0, 0, false
	}
	if x.o.AppositiveName && x.properName(k+1, j-1) && !(x.o.PlaceSubject && x.placeName(k+1, j-1)) {
		// "The chairman of the party, Ola Senn, said": the name between
		// the commas speaks
		return k + 1, j - 1, true
	}
	return st, e, true
}

// inSubordinators are the words that open a relative or subordinate
// clause inside a parenthesis ("who was", "after X was sacked").
func inSubordinators(w string) bool {
	switch w {
	case "who", "whom", "whose", "which", "that", "what", "when", "where", "before", "after", "as", "if",
		"because", "since", "while", "until", "though", "although", "once", "whether":
		return true
	}
	return false
}

// invertedNoComma: the subject rule read "... that have educational
// elements said Mr Owen." as elements saying "Mr Owen"; when what follows
// the cue (content) is a name alone to the sentence's end (a title and
// proper nouns, or a person's mention) and the words before the cue hold
// a finite verb, the writer left out the comma of an inverted
// attribution. It returns the start of the clause before the cue and the
// start of the name.
func (x *extractor) invertedNoComma(c cue, s text.Sentence, content [2]int) (int, int, bool) {
	if c.last != c.first+1 || !invertsSpeech(x.ltok(c.first)) || x.pos(c.first) != "VBD" && x.pos(c.first) != "VBZ" {
		return 0, 0, false
	}
	a, b := x.trim(content[0], content[1])
	if a != c.last || a >= b || b < s.Last-1 {
		return 0, 0, false
	}
	n := a
	if inTitles(x.ltok(n)) {
		n++
	}
	if !x.properName(n, b) {
		return 0, 0, false
	}
	st := x.clauseStart(c.first)
	if x.qAt(st) >= 0 {
		return 0, 0, false
	}
	for k := st; k < c.first-1; k++ {
		// a base form outside an infinitive too: the tagger reads
		// "bakeries now sell" so
		if finiteTag(x.pos(k)) || x.pos(k) == "VB" && k > st && x.pos(k-1) != "TO" && x.pos(k-1) != "MD" {
			return st, a, true
		}
	}
	return 0, 0, false
}

// inTitles are the titles written before a name: the honorifics
// (text.Honorific) and a professor's.
func inTitles(w string) bool {
	if _, ok := text.Honorific(w); ok {
		return true
	}
	return w == "prof" || w == "prof." || w == "professor"
}

// ownerPronoun: mention s is a possessive pronoun that opens more words
// of the speaker span sp, a noun and a person's name ("his coach Peter
// Stanley"): the owner does not speak, the person named does. ("his team",
// "her campaign" still stand for their owner, as PolNeAR marks them.)
func (x *extractor) ownerPronoun(s, sp text.Span) bool {
	if !x.tagged {
		return false
	}
	i := x.tokAt(s.Start)
	if x.pos(i) != "PRP$" || x.toks[i].End != s.End || s.End >= sp.End || i+1 >= len(x.toks) || !strings.HasPrefix(x.pos(i+1), "NN") {
		return false
	}
	for k := i + 1; k < len(x.toks) && x.toks[k].End <= sp.End; k++ {
		if x.entTypeAt(k) == ner.Person {
			return true
		}
	}
	return false
}

// placeName tells whether tokens [a, b) are a place's mention: "Calif."
// between commas after a town ("of Sebastopol, Calif., reported") is no
// appositive name of the speaker.
func (x *extractor) placeName(a, b int) bool {
	for k := a; k < b; k++ {
		if x.entTypeAt(k) != ner.Location {
			return false
		}
	}
	return a < b
}

// cityState: the subject [a, j) is a state after a town and a comma ("A
// spokesman for the bank in Dunmore, Pa. said"): the noun phrase before
// the town speaks; it returns its start, or a.
func (x *extractor) cityState(a, j int, s text.Sentence) int {
	if j-a > 2 || a-3 <= s.First || x.tok(a-1) != "," {
		return a
	}
	// the state: a place's mention or an abbreviation ("N.Y.", "Calif.")
	if !x.placeName(a, j) && !(j-a == 1 && isCapital(x.tok(a)) && strings.HasSuffix(x.tok(a), ".")) {
		return a
	}
	if !x.stateAfterTown(x.toks[a].Start, j) {
		return a
	}
	k := a - 2 // the town
	for k-1 > s.First && a-2-k < 2 && x.pos(k-1) == "NNP" && isCapital(x.tok(k-1)) {
		k--
	}
	if !isCapital(x.tok(k)) || k-1 <= s.First || !isPlacePrep(x.ltok(k-1)) && x.ltok(k-1) != "of" {
		return a
	}
	st := x.leftNP(k-1, s.First)
	if st >= k-1 {
		return a
	}
	if x.o.SpeakerPrep {
		st = x.prepHead(st, s.First)
	}
	return st
}

// stateAfterTown: the words from byte offset start to token end (a
// mention, or the speaker's last words) follow a town and a comma and are
// a state ("in Dunmore, Pa. said", "of Harlow, Idaho, said"), whatever
// type the recogniser gave them: a place's mention followed by a comma, or
// one abbreviation ("N.Y.", "Calif."). The town is a place's mention, or
// ends an organisation's ("Holt Associates of Sebastopol").
func (x *extractor) stateAfterTown(start, end int) bool {
	i := x.tokAt(start)
	if i < 3 || end-i > 2 || x.tok(i-1) != "," {
		return false
	}
	town := x.entTypeAt(i-2) == ner.Location || x.entTypeAt(i-2) == ner.Org && x.pos(i-3) == "IN"
	abbr := end-i == 1 && isCapital(x.tok(i)) && strings.HasSuffix(x.tok(i), ".") && strings.Count(x.tok(i), ".") <= 2
	return town && (abbr || x.placeName(i, end) && x.tok(end) == ",")
}

// afterRelative: mention s stands after ", which", ", who", ", whom" or
// ", whose" inside the speaker span sp: in the relative clause, not the
// noun phrase that speaks.
func (x *extractor) afterRelative(s, sp text.Span) bool {
	if !x.tagged {
		return false
	}
	a := x.tokAt(sp.Start)
	for k := x.tokAt(s.Start) - 1; k > a; k-- {
		switch x.ltok(k) {
		case "which", "who", "whom", "whose":
			return x.tok(k-1) == ","
		}
	}
	return false
}

// basedModifier: mention s lies inside a token such as "UK-based".
func (x *extractor) basedModifier(s text.Span) bool {
	i := x.tokAt(s.Start)
	return i < len(x.toks) && x.toks[i].End > s.End && strings.HasSuffix(x.ltok(i), "-based")
}

// inPlaceAdverbs are the adverbs of place that may follow a noun ("staff
// abroad who ...", "officials there who ...").
func inPlaceAdverbs(w string) bool {
	switch w {
	case "abroad", "overseas", "there", "here", "nationwide", "locally", "elsewhere", "worldwide":
		return true
	}
	return false
}

// inPeriod are the periods of "last week", "this month".
func inPeriod(w string) bool {
	return w == "week" || w == "month" || w == "year" || w == "weekend"
}

// inSeason reports the seasons ("last summer").
func inSeason(w string) bool {
	return w == "spring" || w == "summer" || w == "autumn" || w == "fall" || w == "winter"
}
