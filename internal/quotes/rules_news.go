package quotes

import (
	"strings"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// Rules from reading BBC and Reuters news (session 10), run on the
// quotes the filter kept, in text order. Each is gated by its option.

// newsRules drops the quotes that are no speech and gives lone pronoun
// speakers the speaker they stand for.
func (x *extractor) newsRules(qs []Quote) []Quote {
	o := &x.o
	if !o.SeemCue && !o.NestedFirstPerson && !o.PronounSpeaker && !o.ExpectedTime && !o.ScheduledDiscuss && !o.PronounGender && !o.HeadlineSpeech && !o.AddedSpeaker && !o.FrontedCueEnd || !x.tagged {
		return qs
	}
	hl := 0 // tokens of the headline
	if o.HeadlineSpeech {
		hl = x.plainHeadline()
	}
	out := qs[:0]
	for i := range qs {
		// q is changed in place: out holds the quotes before it (a copy
		// taken by the pointers of the rules would go to the heap)
		q := &qs[i]
		if hl > 0 && !x.headlineSpeech(q, hl) {
			continue
		}
		if o.SeemCue && x.seemCue(q) {
			// PolNeAR marks "X appears to ..." as the writer's
			// attribution (no source): kept, with no speaker
			q.Speaker, q.SpeakerName, q.EntityIndex = text.Span{}, "", -1
		}
		if o.ExpectedTime && x.expectedTime(q) || o.ScheduledDiscuss && x.scheduledDiscuss(q) {
			continue
		}
		if o.NestedFirstPerson {
			x.nestedFirstPerson(q, out)
		}
		if o.PronounGender {
			x.pronounGender(q)
		}
		if o.AddedSpeaker && len(out) > 0 {
			x.addedSpeaker(q, &out[len(out)-1])
		}
		if o.PronounSpeaker {
			x.pronounSpeaker(q, out)
		}
		if o.FrontedCueEnd && i+1 < len(qs) {
			x.frontedCueEnd(q, &qs[i+1])
		}
		out = append(out, *q)
	}
	return out
}

// frontedCueEnd ends the content of q, whose cue is a participle that
// opens its sentence, before the comma after which the next quote's
// speaker and cue begin the main clause ("Highlighting the importance of
// the talks, the minister said ...": the content had run on over "the
// minister said" into what the minister said).
func (x *extractor) frontedCueEnd(q, next *Quote) {
	if next.Speaker.End <= next.Speaker.Start || next.Speaker.Start > next.Cue.Start ||
		next.Cue.Start <= q.Content.Start || next.Cue.Start >= q.Content.End || q.Cue.End > q.Content.Start {
		return
	}
	c, _ := x.tokRangeLoose(q.Cue)
	if c < 0 || x.pos(c) != "VBG" || x.doc.Sentences[x.tokSent[c]].First != c {
		return
	}
	sp, _ := x.tokRangeLoose(next.Speaker)
	if sp < 2 || x.tok(sp-1) != "," || x.toks[sp-2].Start < q.Content.Start || x.tokSent[sp] != x.tokSent[c] {
		return
	}
	q.Content.End = x.toks[sp-2].End
	if q.Kind == Mixed {
		// the quotation marks may have gone with the main clause
		a, b := x.tokRangeLoose(q.Content)
		for k := a; k < b; k++ {
			if x.qAt(k) >= 0 {
				return
			}
		}
		q.Kind = Indirect
	}
}

// cueLast returns the lower-cased last word of q's cue and its token, or
// "" and -1 when it has none.
func (x *extractor) cueLast(q *Quote) (string, int) {
	if q.Cue.End <= q.Cue.Start {
		return "", -1
	}
	_, b := x.tokRangeLoose(q.Cue)
	if b <= 0 {
		return "", -1
	}
	return x.ltok(b - 1), b - 1
}

// loneSpeaker returns the lower-cased word of a one-word speaker span,
// else "".
func (x *extractor) loneSpeaker(q *Quote) string {
	if q.Speaker.End <= q.Speaker.Start {
		return ""
	}
	a, b := x.tokRangeLoose(q.Speaker)
	if b-a != 1 {
		return ""
	}
	return x.ltok(a)
}

// seemCue: in "qualification for the World Cup appears to be beyond
// them" the World Cup says nothing: a subject of "appear" or "seem" that
// is a named thing (an event, a product, a law: not a person, an
// organisation or a place), or a singular common noun before a
// preposition and such a name ("a place in the Champions League final"),
// is no speaker. The quote stays, as PolNeAR
// marks "X appears to ..." as the writer's attribution with no source
// (dropping such quotes cost PolNeAR train 54 overlapping quotes; taking
// the speaker from every subject that is not a person or a group cost 6
// right speakers: "Voters seem to care", "That forecast seems accurate").
func (x *extractor) seemCue(q *Quote) bool {
	w, _ := x.cueLast(q)
	switch w {
	case "appear", "appears", "appeared", "appearing", "seem", "seems", "seemed", "seeming":
	default:
		return false
	}
	if q.EntityIndex < 0 {
		return false
	}
	switch x.ents[q.EntityIndex].Type {
	case ner.Person, ner.Org, ner.Location, ner.Nationality:
		return false
	}
	// the thing heads the subject ("the 2006 World Cup"), it does not
	// modify a noun that can hold a view ("the Republican candidate")
	a, b := x.tokRangeLoose(q.Speaker)
	for _, m := range x.ents[q.EntityIndex].Mentions {
		if m.Span.Start < q.Speaker.Start || m.Span.End > q.Speaker.End {
			continue
		}
		if m.Span.End == q.Speaker.End {
			// "the North Carolina Republican": a word for a person
			h := x.ltok(b - 1)
			for _, suf := range [...]string{"an", "ans", "crat", "crats", "ist", "ists", "ite", "ites"} {
				if strings.HasSuffix(h, suf) {
					return false
				}
			}
			return true
		}
		// "a place in the Champions League final": a singular thing
		// heads the subject before the preposition
		for k := a + 1; k < b && x.toks[k].End <= m.Span.Start; k++ {
			if x.pos(k) == "IN" {
				return x.pos(k-1) == "NN" && !isAgentNoun(x.ltok(k-1))
			}
		}
	}
	return false
}

// nestedFirstPerson: an unresolved "I" or "we" inside quotation marks is
// the speaker of those marks ("“... I think there is a lot of doom ...,”
// Smith said"): the quote that holds them, else the direct quote before
// them in the same or the previous paragraph (also when the marks were
// paired wrongly, see openingBefore).
func (x *extractor) nestedFirstPerson(q *Quote, before []Quote) {
	if q.EntityIndex >= 0 {
		return
	}
	switch x.loneSpeaker(q) {
	case "i", "we", "me", "us":
	default:
		return
	}
	a, _ := x.tokRangeLoose(q.Speaker)
	var d *direct
	for _, dd := range x.directs {
		if dd.open < a && a < dd.close {
			d = dd
			break
		}
	}
	open := -1
	if d != nil {
		open = d.open
	} else if open = x.openingBefore(a); open < 0 {
		return
	}
	if x.saidAfter(a) {
		return
	}
	src := (*Quote)(nil)
	if d != nil && d.q != nil && d.q.Speaker.End > d.q.Speaker.Start && !(d.q.Speaker.Start >= q.Speaker.Start && d.q.Speaker.End <= q.Speaker.End) {
		src = d.q
	} else {
		for k := len(before) - 1; k >= 0; k-- {
			p := &before[k]
			if p.Content.Start >= x.toks[open].Start || p.Speaker.End <= p.Speaker.Start {
				continue
			}
			if p.Kind == Direct || p.Kind == Mixed {
				pa, _ := x.tokRangeLoose(p.Content)
				if x.tokPara[open]-x.tokPara[pa] <= 1 {
					src = p
				}
			}
			break
		}
	}
	if src == nil || src.EntityIndex < 0 && src.SpeakerName == "" {
		return
	}
	q.SpeakerName, q.EntityIndex = src.SpeakerName, src.EntityIndex
}

// saidAfter tells whether a quotation mark after token a in its
// paragraph is followed by a reporting verb ("...," said Mourinho): the
// marks name their own speaker, one the extractor may have missed when
// the marks were paired wrongly.
func (x *extractor) saidAfter(a int) bool {
	for k := a + 1; k+1 < len(x.toks) && k-a < 120 && x.tokPara[k] == x.tokPara[a]; k++ {
		if x.markKind(k) == 0 {
			continue
		}
		switch x.ltok(k + 1) {
		case "said", "says", "added", "admitted", "insisted", "explained", "told", "stressed", "warned":
			return true
		}
	}
	return false
}

// openingBefore returns the quotation mark before token a in its
// paragraph when it is shaped as an opening one (a space before it, a
// word right after it) but the pairing closed a quote there: a quote
// continued over paragraphs the text ran together ("... the main topic.
// "This is ... I don't think ..."), else -1.
func (x *extractor) openingBefore(a int) int {
	for k := a - 1; k > 0 && x.tokPara[k] == x.tokPara[a]; k-- {
		if x.markKind(k) == 0 {
			continue
		}
		if x.tok(k) == "\"" && x.toks[k-1].End < x.toks[k].Start && x.toks[k+1].Start == x.toks[k].End && isCapital(x.tok(k+1)) {
			return k
		}
		return -1
	}
	return -1
}

// pronounGender: a lone "he" or "she" speaker that resolveSpeaker gave a
// person of the other gender (the nearest person, when no entity links
// the pronoun: "Mr Hale spoke ... “We will appeal,” she replied") takes
// the nearest person whose gender agrees or is unknown, else none. After
// the filter, which reads the speaker as resolveSpeaker left it (its
// model is trained on that).
func (x *extractor) pronounGender(q *Quote) {
	if q.EntityIndex < 0 {
		return
	}
	w := x.loneSpeaker(q)
	if w != "he" && w != "she" {
		return
	}
	g := x.ents[q.EntityIndex].Gender
	if g == 0 || (g == 'm') == (w == "he") {
		return
	}
	a, _ := x.tokRangeLoose(q.Speaker)
	q.EntityIndex = x.pronounPerson(a, x.mentionFrom(q.Speaker.Start), true)
	if q.EntityIndex >= 0 {
		q.SpeakerName = x.ents[q.EntityIndex].Name
	} else {
		q.SpeakerName = text.Unescape(x.doc.Text[q.Speaker.Start:q.Speaker.End])
	}
}

// pronounSpeaker: a lone "it" (or "they", "he", "she" inherited by a
// quote with no cue) that no entity resolves is not shown as the speaker's name when the quote before, in
// the same or the previous two paragraphs, has an entity: a statement
// continued over several quoted paragraphs ("In a statement, the Cabinet
// Office said ... “...” “...”") keeps its speaker. A quote with no cue
// that inherited a pronoun from a quote the filter dropped takes the
// earlier speaker's span too.
func (x *extractor) pronounSpeaker(q *Quote, before []Quote) {
	if q.EntityIndex >= 0 || len(before) == 0 {
		return
	}
	w := x.loneSpeaker(q)
	uncued := q.Cue.End <= q.Cue.Start && q.Kind == Direct
	switch {
	case w == "it":
	case uncued && (w == "they" || w == "he" || w == "she"):
	default:
		return // "They believe ..." after "union leaders warn" and "the Cabinet Office confirmed": not the last speaker
	}
	switch c, _ := x.cueLast(q); c {
	case "appear", "appears", "appeared", "seem", "seems", "seemed", "expected", "expect", "expects", "thought", "believed", "understood":
		return // "it seems certain", "it is expected that": no one
	}
	if x.passiveCue(q) {
		return
	}
	p := &before[len(before)-1]
	if p.EntityIndex < 0 {
		return
	}
	pa, _ := x.tokRangeLoose(p.Content)
	qa, _ := x.tokRangeLoose(q.Content)
	if x.tokPara[qa]-x.tokPara[pa] > 2 {
		return
	}
	person := x.ents[p.EntityIndex].Type == ner.Person
	if (w == "he" || w == "she") != person {
		return
	}
	if g := x.ents[p.EntityIndex].Gender; person && x.o.PronounGender && g != 0 && (g == 'm') != (w == "he") {
		return // "Mrs Okoro said ... “...”, he said": not hers
	}
	if uncued {
		q.Speaker = p.Speaker
	}
	q.SpeakerName, q.EntityIndex = p.SpeakerName, p.EntityIndex
}

// expectedTime: "the election, which is widely expected next May" has no
// speaker and says a time, not a statement: a passive cue ("is
// expected") with no speaker whose content is only a time.
func (x *extractor) expectedTime(q *Quote) bool {
	if q.Speaker.End > q.Speaker.Start || q.Kind != Indirect {
		return false
	}
	return x.passiveCue(q) && x.onlyTime(q)
}

// passiveCue tells whether q's cue is a past participle after a form of
// "be" ("is widely expected", "was thought", "is expected to"); "Asked
// later" is not.
func (x *extractor) passiveCue(q *Quote) bool {
	w, c := x.cueLast(q)
	if w == "to" && c > 0 && x.toks[c-1].Start >= q.Cue.Start {
		c-- // "is expected to"
	}
	if c < 0 || x.pos(c) != "VBN" {
		return false
	}
	k := c - 1
	for k >= 0 && c-k <= 2 && x.pos(k) == "RB" {
		k-- // "is widely expected"
	}
	if k < 0 {
		return false
	}
	switch x.ltok(k) {
	case "is", "are", "was", "were", "be", "been", "being", "'s", "'re":
		return true
	}
	return false
}

// onlyTime tells whether q's content holds time words only ("next May",
// "on Monday", "in 2006", "early next year").
func (x *extractor) onlyTime(q *Quote) bool {
	a, b := x.tokRangeLoose(q.Content)
	return x.timeOnly(a, b)
}

// timeOnly tells whether tokens [a, b) are time words only.
func (x *extractor) timeOnly(a, b int) bool {
	if a >= b {
		return false
	}
	seen := false
	for k := a; k < b; k++ {
		w := x.ltok(k)
		switch {
		case inTemporal(w) || w == "may":
			seen = true
		case x.pos(k) == "CD":
		case w == "next" || w == "last" || w == "this" || w == "early" || w == "late" || w == "mid" ||
			w == "the" || w == "in" || w == "on" || w == "by" || w == "at" || w == "." || w == ",":
		default:
			return false
		}
	}
	return seen || b-a == 1 && x.pos(a) == "CD"
}

// scheduledDiscuss: "the TUC is discussing the issue next Monday" is a
// meeting planned, not a statement: a form of "discuss" or "debate"
// whose content ends with a time to come ("next Monday", "tomorrow").
func (x *extractor) scheduledDiscuss(q *Quote) bool {
	w, _ := x.cueLast(q)
	if !strings.HasPrefix(w, "discuss") && !strings.HasPrefix(w, "debat") || q.Kind != Indirect {
		return false
	}
	a, b := x.tokRangeLoose(q.Content)
	for k := a; k < b; k++ {
		p := x.pos(k)
		if strings.HasPrefix(p, "VB") || p == "MD" {
			return false
		}
	}
	for k := max(a, b-3); k < b; k++ {
		switch x.ltok(k) {
		case "next", "tomorrow", "later":
			return true
		}
	}
	return false
}

// plainHeadline returns the number of tokens of the text's headline, or 0
// when it has none: a first paragraph of at most 20 tokens on one line,
// with more paragraphs after it, that ends with no full stop, question or
// exclamation mark, semicolon or colon (past closing quotation marks), as
// news sites write headlines ("Ferry firms seek fuel aid"). A
// first line that ends like a sentence is left to the rules.
func (x *extractor) plainHeadline() int {
	if len(x.doc.Paragraphs) < 2 || len(x.toks) == 0 || x.tokPara[0] != 0 {
		return 0
	}
	end := 0
	for end < len(x.toks) && x.tokPara[end] == 0 {
		end++
	}
	p := x.doc.Paragraphs[0]
	if end > 20 || strings.ContainsRune(x.doc.Text[p.Start:p.End], '\n') {
		return 0
	}
	// the line's last character past closing marks and brackets ("in
	// S.C." ends with an abbreviation's stop)
	line := strings.TrimRight(x.doc.Text[p.Start:p.End], " \t\r'\")\u2019\u201d")
	if line == "" || strings.ContainsAny(line[len(line)-1:], ".?!;:") || strings.HasSuffix(line, "\u2026") {
		return 0
	}
	return end
}

// headlineSpeech keeps a quote whose cue stands in a headline of hl
// tokens (plainHeadline) only when the headline reports speech: a finite
// reporting verb of the lexicon's core (not a passive), with a clause
// after it (a finite verb, an infinitive or a quotation: "Mayor says port
// must close", "Bank says slump 'over'"), or a name's colon before a
// clause or a quotation ("Brann: 'We did all we could'"). "Ferry firms seek
// fuel aid", "Council accused of late budget", "Union warns on pay of
// pilots" and "Profile: Ann Lee" are no quotes. "Rents fall says Dunmore
// Bank" (a name alone after a form of "say", with no comma) turns around:
// the name speaks.
func (x *extractor) headlineSpeech(q *Quote, hl int) bool {
	if q.Cue.End <= q.Cue.Start {
		return q.Content.Start >= x.toks[hl-1].End
	}
	if q.Cue.Start >= x.toks[hl-1].End {
		return true
	}
	c0, c1 := x.tokRangeLoose(q.Cue)
	a, b := x.tokRangeLoose(q.Content)
	if c0 >= c1 || a >= b {
		return false
	}
	w := x.ltok(c0)
	say := w == "says" || w == "say" || w == "said"
	clause, quoted := false, false
	for k := a; k < b; k++ {
		p := x.pos(k)
		// "Port losing trade, says Brann": a participle will do
		// for a form of "say"
		clause = clause || finiteTag(p) || p == "VB" && x.pos(k-1) == "TO" || say && strings.HasPrefix(p, "VB")
		// a headline's single marks may stay unpaired
		quoted = quoted || isMarkChar(x.tok(k))
	}
	if x.tok(c0) == ":" {
		return clause || quoted
	}
	if say && a == c1 && b == hl && c0 > 0 {
		n := a
		if inTitles(x.ltok(n)) {
			n++
		}
		if x.properName(n, b) {
			// "Rents fall says Dunmore Bank"
			st, en := x.trim(0, c0)
			if x.tok(en-1) == "," {
				en--
			}
			if st >= en {
				return false
			}
			q.Content, q.Speaker, q.EntityIndex, q.Kind = x.span(st, en), x.span(a, b), -1, Indirect
			if x.claimQuoted(q, st, en) {
				q.Kind = Mixed
			}
			x.resolveSpeaker(q, a, b)
			return true
		}
	}
	if !finiteTag(x.pos(c0)) || !x.coreVerb(w) || inObjectVerbs(w) && (x.ltok(c0+1) == "to" || strings.HasSuffix(w, "ed") && x.pos(c0+1) == "IN") {
		// "Warning over ...", "Council accused of ...", "Brann urged
		// to ...", "Parties warned over ...": a noun or a passive
		return false
	}
	return clause || quoted
}

// coreVerb tells whether w is one of the lexicon's core reporting verbs.
func (x *extractor) coreVerb(w string) bool {
	lx := x.o.Lexicon
	if lx == nil {
		lx = getLexicon()
	}
	cs, _ := lx.cuesHeads(w)
	for j := range cs {
		if cs[j].core {
			return true
		}
	}
	return false
}

// isMarkChar tells whether token t is a quotation mark character.
func isMarkChar(t string) bool {
	switch t {
	case "'", "\"", "\u2018", "\u2019", "\u201c", "\u201d", "``", "''":
		return true
	}
	return false
}

// addedSpeaker: "“...,” said Final Wars producer Ola Senn. “...,” he
// added.": a lone "he" or "she" whose cue is "added" or "adds" goes on
// with the speaker of the quote right before it (p, whose cue stands in
// the same or one of the two sentences before), when that speaker is a
// person (of the pronoun's gender, if known) or a spokesman, spokeswoman,
// official or source; the entity resolution had linked the pronoun to a
// name inside the quotation or to a person named earlier ("A Home Office
// spokesman said ... He added ..." had spoken for the committee's
// chairman named before).
func (x *extractor) addedSpeaker(q, p *Quote) {
	w := x.loneSpeaker(q)
	if w != "he" && w != "she" || p.Speaker.End <= p.Speaker.Start || p.Cue.End <= p.Cue.Start {
		return
	}
	switch c, _ := x.cueLast(q); c {
	case "added", "adds":
	default:
		return
	}
	if q.EntityIndex == p.EntityIndex && q.EntityIndex >= 0 {
		return
	}
	qc, _ := x.tokRangeLoose(q.Cue)
	pc, _ := x.tokRangeLoose(p.Cue)
	if pc < 0 || qc < 0 || pc >= qc || x.tokSent[qc]-x.tokSent[pc] > 2 {
		return
	}
	pa, pb := x.tokRangeLoose(p.Speaker)
	g := byte('m')
	if w == "she" {
		g = 'f'
	}
	switch {
	case p.EntityIndex >= 0 && x.ents[p.EntityIndex].Type == ner.Person:
		if pg := x.ents[p.EntityIndex].Gender; pg != 0 && pg != g {
			return
		}
		if pb-pa == 1 && x.loneSpeaker(p) != "" && inPersonalPronouns(x.loneSpeaker(p)) && x.loneSpeaker(p) != w {
			return // "she said ... he added"
		}
	case pb > pa && (p.EntityIndex < 0 || x.ents[p.EntityIndex].Type != ner.Person):
		switch h := x.ltok(pb - 1); h {
		case "spokesman", "spokesmen":
			if g != 'm' {
				return
			}
		case "spokeswoman", "spokeswomen":
			if g != 'f' {
				return
			}
		case "spokesperson", "official", "source":
		default:
			return
		}
	default:
		return
	}
	q.EntityIndex, q.SpeakerName = p.EntityIndex, p.SpeakerName
}
