package entity

import (
	"slices"
	"strings"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// subjectVerbs stand in for POS tags when the document is not tagged,
// besides the verbs of saying (text.SpeechVerb): verbs, auxiliaries and
// adverbs that follow a subject, and present forms of saying that are
// plural nouns too ("notes", "claims").
var subjectVerbs = set("notes", "hailed", "hails", "voiced", "voices", "denounced", "denounces", "is", "was",
	"has", "had", "will", "would", "held", "holds", "believes", "believed", "called", "calls", "claims",
	"underlined", "expressed", "described", "met", "visited", "can", "could", "may", "might", "should", "did",
	"does", "went", "also", "too", "then", "later")

// isSubject reports whether the tokens [first, last) stand as the subject
// of a clause: a verb follows them (after an optional apposition).
func (r *resolver) isSubject(first, last int) bool {
	if first >= len(r.doc.Tokens) {
		return false
	}
	sent := r.doc.Sentences[r.sentOf(first)]
	j := last
	if r.tok(j) == "," && first > sent.First && r.tok(first-1) == "," && j+1 < sent.Last && r.verbAt(j+1, sent.Last) {
		// the name is an apposition to the subject: "The party's
		// leader, Peter Vance, has said" (not "Ann Lee, an analyst at
		// Gartner, said")
		return true
	}
	if r.tok(j) == "," {
		// skip an apposition or ", too,"
		k := j + 1
		for k < sent.Last && k-j < 12 && r.tok(k) != "," {
			k++
		}
		if r.tok(k) == "," {
			j = k + 1
		}
	}
	if j >= sent.Last {
		return false
	}
	return r.verbAt(j, sent.Last)
}

// invertedSubject reports whether the name at token first is the subject
// of a verb of saying written before it right after a quotation: `"...,"
// said producer Ola Senn`, `"...," says the firm's chief Ann Lee` (the
// verb right after the quotation's closing mark, before or after its
// comma, then at most five lower-case words, possessives or determiners).
func (r *resolver) invertedSubject(first int) bool {
	k := first - 1
	for n := 0; n < 5 && k > 0 && (startsLowerWord(r.tok(k)) || r.tok(k) == "'s" || r.tok(k) == "’s") && !text.SpeechVerb(r.tok(k)); n++ {
		k--
	}
	if k <= 0 || !text.SpeechVerb(r.tok(k)) || !startsLowerWord(r.tok(k)) {
		return false
	}
	p := r.tok(k - 1)
	return text.IsDoubleQuote(p) || p == "," && text.IsDoubleQuote(r.tok(k-2))
}

// speakerGoesOn returns the mention of the person who speaks the
// quotation that closes right before the pronoun i of gender g, itself the
// subject of a verb of saying (`"...," he added`), when a name after a
// verb of saying opened that quotation (`"...," said Ola Senn. "...," he
// added`: invertedSpeaker); nil otherwise.
func (r *resolver) speakerGoesOn(i int, g byte, seen []*ment) *ment {
	if i < 2 || !text.SpeechVerb(r.tok(i+1)) || !text.IsDoubleQuote(r.tok(i-1)) || r.quoted(i) {
		return nil
	}
	// the opening mark of the quotation that closes at i-1
	open := -1
	for k := i - 2; k >= 0 && i-k < 200; k-- {
		if text.IsDoubleQuote(r.tok(k)) {
			open = k
			break
		}
	}
	if open < 2 {
		return nil
	}
	for k := len(seen) - 1; k >= 0; k-- {
		m := seen[k]
		if m.last > open {
			continue
		}
		if open-m.last > 2 || m.kind != Proper || m.c.typ != ner.Person || m.c.gender != 0 && m.c.gender != g || !r.invertedSpeaker(m) {
			return nil
		}
		return m
	}
	return nil
}

// invertedSpeaker reports whether the name m follows a verb of saying
// after a quotation and ends its clause (invertedSubject): `"...," said
// Ann Lee.`, not `"...," said Ann Lee's lawyer`.
func (r *resolver) invertedSpeaker(m *ment) bool {
	if m.kind != Proper || !r.invertedSubject(m.first) {
		return false
	}
	switch r.tok(m.last) {
	case ",", ".", ";", "":
		return true
	}
	return false
}

// verbAt reports whether token j, before end (its sentence's), is a verb
// (or an adverb before one) that a subject stands before; without POS
// tags, one of subjectVerbs.
func (r *resolver) verbAt(j, end int) bool {
	t := r.doc.Tokens[j]
	if strings.HasPrefix(t.POS, "VB") || t.POS == "MD" || (t.POS == "RB" && j+1 < end && strings.HasPrefix(r.doc.Tokens[j+1].POS, "VB")) {
		return true
	}
	return t.POS == "" && (subjectVerbs[lower(t.Text)] || text.SpeechVerb(t.Text))
}

// pronouns links he/his/she/her to a person: agreeing in gender, mentioned
// in the same sentence before the pronoun or in the three sentences before
// it, preferring subjects and then the most recent mention. it/its and
// they/their go to organisations and countries (thingPronoun).
func (r *resolver) pronouns() {
	var added []*ment
	ms := r.ments // sorted by position
	mi := 0
	var seen []*ment
	toks := r.doc.Tokens
	for i := 0; i < len(toks); i++ {
		if i = nextPronoun(toks, i); i == len(toks) {
			break
		}
		if r.cancelled(i) {
			return
		}
		w := toks[i].Text // (not the whole token copied)
		if n := len(w); n < 2 || n > 10 || !pronounStart[w[0]] {
			continue
		}
		g, ok := pronounGender(w)
		if !ok || r.inMent[i] {
			continue
		}
		// the mentions before i, caught up at pronouns only (the same
		// order as token by token: seen is read at pronouns only)
		for mi < len(ms) && ms[mi].first < i {
			seen = append(seen, ms[mi])
			mi++
		}
		sent := r.sentOf(i)
		if g == 'n' || g == 'p' {
			if c := r.thingPronoun(i, g, seen); c != nil {
				m := r.newMent(ment{span: r.span(i, i+1), kind: Pronoun, first: i, last: i + 1, sent: sent, c: c})
				m.subject = r.isSubject(i, i+1)
				c.ments = append(c.ments, *m)
				added = append(added, m)
				seen = append(seen, m)
			}
			continue
		}
		var best *ment
		bestScore := 0.0
		// "For his part, Shoigu ...": the pronoun points forward
		if r.ltok(i-1) == "for" && r.ltok(i+1) == "part" {
			for _, m := range ms[mi:] {
				if m.sent != sent {
					break
				}
				if m.c.typ == ner.Person && (m.c.gender == 0 || m.c.gender == g) {
					best = m
					break
				}
			}
		}
		if best == nil {
			// `"...," said Ola Senn. "...," he added`: the speaker goes on
			best = r.speakerGoesOn(i, g, seen)
		}
		forward := best != nil
		subj := -1 // whether i is a subject (1) or not (0), read at the first candidate across quotation marks
		open := -2 // the quotation mark nearest before i (openingMark), -1 for none
		// `His lawyer, Ann Lee, said: "He was living on welfare ..."`:
		// the speaker of a quotation says "I", not "he": no mention of
		// the speaker's entity is the pronoun's (the speaker may be a
		// pronoun that points to a name sentences before: `He said:`;
		// or a name after the verb right before the quotation opens:
		// `"...," said Ann Lee. "He ..."`)
		var speaker *cluster
		if r.quoted(i) && !forward {
			for k := len(seen) - 1; k >= 0 && sent-seen[k].sent <= 3; k-- {
				m := seen[k]
				if o := r.openingMark(i, &open); m.c.typ == ner.Person && !r.quoted(m.first) &&
					(r.introduces(m, o) || o >= m.last && o-m.last <= 2 && r.invertedSpeaker(m)) {
					speaker = m.c
					break
				}
			}
		}
		for k := len(seen) - 1; k >= 0 && !forward; k-- {
			m := seen[k]
			d := sent - m.sent
			if d > 3 {
				break
			}
			c := m.c
			if c.typ != ner.Person || (c.gender != 0 && c.gender != g) {
				continue
			}
			if d == 0 && r.quoted(i) != r.quoted(m.first) {
				// a subject does not point across quotation marks: in
				// `"He cared only for himself," he said` the second "he"
				// is the speaker, the first someone else (a pronoun
				// outside the quote that is the subject, or one inside
				// when the name outside is the subject: not `"keeping
				// his legacy alive"` after "replace Peel")
				if subj < 0 {
					subj = 0
					if r.isSubject(i, i+1) {
						subj = 1
					}
				}
				if !r.quoted(i) && subj == 1 || r.quoted(i) && m.subject {
					continue
				}
			}
			if d > 0 && !r.quoted(i) && r.quoted(m.first) && r.closedBefore(m, i) {
				// `"... Ferguson knows it. I will stay," he said`: the
				// pronoun after the quotation speaks it
				if subj < 0 {
					subj = 0
					if r.isSubject(i, i+1) {
						subj = 1
					}
				}
				if subj == 1 {
					continue
				}
			}
			// `"...," he said`: the quotations after it are his
			if c == speaker || d > 0 && r.quoted(i) && !r.quoted(m.first) && r.speakerMention(m) {
				continue
			}
			score := 4.0 - float64(d)
			if m.subject {
				score += 1.5
			}
			if m.kind == Proper {
				score += 0.3
			}
			// "Shoigu hailed ... his" in the same clause: the nearest
			// subject of the same sentence is very likely
			if d == 0 && m.subject {
				score += 0.5
			}
			// a mention right before ("said Ashtiani, who ... he")
			score -= float64(i-m.last) * 0.001
			if best == nil || score > bestScore {
				best, bestScore = m, score
			}
		}
		if best == nil {
			continue
		}
		c := best.c
		if c.gender == 0 {
			c.gender = g
		}
		m := r.newMent(ment{span: r.span(i, i+1), kind: Pronoun, first: i, last: i + 1, sent: sent, c: c})
		m.subject = r.isSubject(i, i+1)
		c.ments = append(c.ments, *m)
		added = append(added, m)
		seen = append(seen, m)
	}
	r.ments = append(r.ments, added...)
	slices.SortStableFunc(r.ments, byFirst)
}

// introduces reports whether mention m is the subject of a verb of
// saying that introduces, after a colon or a comma, the quotation that
// holds the pronoun (its opening mark open, see openingMark): the
// quotation opens after m in its sentence, at most 12 tokens on, and a
// verb of saying stands between them.
func (r *resolver) introduces(m *ment, open int) bool {
	if !m.subject || open < m.last || open-m.last > 12 || open == 0 {
		return false
	}
	if t := r.tok(open - 1); t != ":" && t != "," {
		return false
	}
	if r.sentOf(open) != m.sent {
		return false // the verb of saying is another sentence's
	}
	for k := m.last; k < open; k++ {
		if text.SpeechVerb(r.doc.Tokens[k].Text) {
			return true
		}
	}
	return false
}

// openingMark returns the quotation mark nearest before token i, at most
// 400 tokens back, -1 if none: read once per pronoun into *open (-2 until
// then).
func (r *resolver) openingMark(i int, open *int) int {
	if *open == -2 {
		*open = -1
		for k := i - 1; k >= 0 && i-k < 400; k-- {
			if text.IsDoubleQuote(r.doc.Tokens[k].Text) {
				*open = k
				break
			}
		}
	}
	return *open
}

// closedBefore reports whether mention m stands in the quotation that
// closes right before token i (its closing mark one or two tokens before
// i: `," he said`), with no narration between (the quotation may run on
// over sentences and marks that open it again).
func (r *resolver) closedBefore(m *ment, i int) bool {
	c := -1
	for k := i - 1; k >= i-2 && k >= m.last; k-- {
		if text.IsDoubleQuote(r.doc.Tokens[k].Text) {
			c = k
			break
		}
	}
	if c < 0 || c-m.last > 400 {
		return false
	}
	for k := m.last; k < c; k++ {
		if !r.quoted(k) && !text.IsDoubleQuote(r.doc.Tokens[k].Text) {
			return false // narration between: another quotation
		}
	}
	return true
}

// speakerMention reports whether mention m, outside quotation marks, is
// the subject of a verb of saying right after it that a quotation stands
// beside: `"...," he said`, `"...," Ann Lee said`, `he said: "..."`, or a
// name after such a verb (`"...," said Ann Lee`). The quotations after it
// are its speaker's, who says "I" in them.
func (r *resolver) speakerMention(m *ment) bool {
	if r.invertedSpeaker(m) {
		return true // `"...," said Ann Lee.`
	}
	if !m.subject || m.last >= len(r.doc.Tokens) || !text.SpeechVerb(r.doc.Tokens[m.last].Text) {
		return false
	}
	for k := m.first - 1; k >= 0 && k >= m.first-2; k-- {
		if text.IsDoubleQuote(r.doc.Tokens[k].Text) {
			return true // the quotation closes before the speaker
		}
	}
	for k := m.last + 1; k < len(r.doc.Tokens) && k <= m.last+2; k++ {
		if text.IsDoubleQuote(r.doc.Tokens[k].Text) {
			return true // it opens after the verb
		}
	}
	return false
}

// spaceBefore reports whether token j starts the text or follows a space.
func (r *resolver) spaceBefore(j int) bool {
	st := r.doc.Tokens[j].Start
	return st == 0 || r.doc.Text[st-1] == ' ' || r.doc.Text[st-1] == '\n' || r.doc.Text[st-1] == '\t'
}

// spaceAfter reports whether token j ends the text or a space follows it.
func (r *resolver) spaceAfter(j int) bool {
	e := r.doc.Tokens[j].End
	return e >= len(r.doc.Text) || r.doc.Text[e] == ' ' || r.doc.Text[e] == '\n' || r.doc.Text[e] == '\t'
}

// quoted reports whether token k stands inside double quotation marks:
// after an opening mark of its paragraph that no mark has closed yet (a
// straight mark opens and closes in turn). A quote running over several
// paragraphs opens again in each.
func (r *resolver) quoted(k int) bool {
	if r.inQuote == nil {
		toks := r.doc.Tokens
		r.inQuote = make([]bool, len(toks))
		open, p := false, 0
		paras := r.doc.Paragraphs
		for j := range toks {
			for p < len(paras) && toks[j].Start >= paras[p].End {
				p++
				open = false
			}
			switch w := toks[j].Text; {
			case w == "\u201c" || w == "``":
				open = true
			case w == "\u201d" || w == "''":
				open = false
			case w == `"`:
				// a straight mark opens before a word it touches after a
				// space (`said: "It`, `ends. "These`: a quotation run on
				// after a sentence of its own), closes after one, else
				// toggles
				switch before, after := r.spaceBefore(j), r.spaceAfter(j); {
				case before && !after:
					open = true
				case !before && after:
					open = false
				default:
					open = !open
				}
			default:
				r.inQuote[j] = open
			}
		}
	}
	return r.inQuote[k]
}

// nextPronoun returns the first token from i on that may be a pronoun (2
// to 10 bytes, a first letter of pronounStart) or whose index is a
// multiple of checkEvery (pronouns' looks at the context), len(toks) if
// none: the scan of pronouns, in a loop of its own that keeps its few
// values in registers.
func nextPronoun(toks []text.Token, i int) int {
	for ; i < len(toks); i++ {
		w := toks[i].Text
		if n := len(w); n >= 2 && n <= 10 && pronounStart[w[0]] || i&(checkEvery-1) == 0 {
			return i
		}
	}
	return i
}

// pronounGender is pronouns[lower(s)] for an ASCII s, without a map
// look-up (a string switch); non-ASCII words are no pronouns.
func pronounGender(s string) (byte, bool) {
	var buf [10]byte
	if len(s) > len(buf) {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return 0, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(s)]) {
	case "he", "him", "his", "himself":
		return 'm', true
	case "she", "her", "hers", "herself":
		return 'f', true
	case "it", "its", "itself":
		return 'n', true
	case "they", "their", "themselves":
		return 'p', true
	}
	return 0, false
}

// pronounStart holds the first letters of the pronouns.
var pronounStart = func() (t [256]bool) {
	for p := range pronouns {
		t[p[0]] = true
		t[p[0]-'a'+'A'] = true
	}
	return t
}()

// agentVerbs follow an "it" that stands for an organisation or a country
// ("it said", "it announced"); other uses of "it" ("it is likely") are
// left alone.
var agentVerbs = set("said", "says", "told", "added", "adds", "announced", "announces", "reported", "reports",
	"plans", "planned", "expects", "expected", "posted", "agreed", "agrees", "wants", "wanted", "hopes",
	"hoped", "denied", "denies", "confirmed", "confirms", "rejected", "rejects", "urged", "urges", "accused",
	"accuses", "warned", "warns", "launched", "signed", "sold", "bought", "acquired", "employs", "owns",
	"demanded", "demands", "insisted", "insists", "stressed", "noted", "vowed", "pledged", "threatened",
	"blamed", "condemned", "welcomed", "welcomes", "stated", "declined", "refused", "argued", "claimed",
	"claims", "cut", "raised", "hired", "fired", "invested", "filed", "sued", "won", "lost", "joined", "left")

// thingPronoun finds the organisation or country that it/its (g 'n') or
// they/their/them (g 'p') at token i stands for, among the mentions seen
// of this sentence and the one before. The evidence must be good: "it"
// only as the subject of an agentive verb, they/their only for a plural
// name ("the Democrats", "Iranians") with no plural noun nor coordination
// in between, and one candidate clearly ahead of the others: those of the
// pronoun's sentence when there are any, subjects first; otherwise nothing
// is linked.
func (r *resolver) thingPronoun(i int, g byte, seen []*ment) *cluster {
	l := r.ltok(i)
	sent := r.sentOf(i)
	if l == "it" {
		j := i + 1
		if a := r.ltok(j); a == "also" || a == "then" || a == "later" || a == "previously" || a == "has" || a == "had" {
			j++
		}
		if !agentVerbs[r.ltok(j)] {
			// "Acme said on Tuesday (that) it would ...": the subject of
			// the reporting verb just before
			return r.reportedIt(i, seen)
		}
	}
	type cand struct {
		c     *cluster
		score float64
		d     int
	}
	var cands []cand
	nearest := true
	for k := len(seen) - 1; k >= 0; k-- {
		m := seen[k]
		d := sent - m.sent
		if d > 1 {
			break
		}
		if g == 'n' && nearest && m.c.typ != ner.Person && m.c.typ != ner.Nationality {
			// the nearest name that could own "its" must be a candidate:
			// "Russia insisted that Pyongyang stop its ...", "Europe's
			// borders ... its weakest countries"
			nearest = false
			if !r.thingAntecedent(m, g, i) {
				return nil
			}
			if r.nounBetween(m.last, i) {
				return nil
			}
		}
		if !r.thingAntecedent(m, g, i) {
			continue
		}
		score := 2.0 - float64(d)
		if m.subject {
			score += 1.5
		}
		if m.kind == Proper {
			score += 0.3
		}
		score -= float64(i-m.last) * 0.001
		found := false
		for x := range cands {
			if cands[x].c == m.c {
				cands[x].score = max(cands[x].score, score)
				found = true
			}
		}
		if !found {
			cands = append(cands, cand{m.c, score, d})
		}
	}
	if len(cands) == 0 {
		return nil
	}
	// the sentence of the pronoun first, the one before only when it has
	// no candidate (as Hobbs's search does)
	if cands[0].d == 0 {
		k := 0
		for k < len(cands) && cands[k].d == 0 {
			k++
		}
		cands = cands[:k]
	}
	best := 0
	for x := range cands {
		if cands[x].score > cands[best].score {
			best = x
		}
	}
	for x := range cands {
		if x != best && cands[best].score-cands[x].score < 0.5 {
			return nil // two about as likely: leave it
		}
	}
	return cands[best].c
}

// thingAntecedent reports whether mention m can be what the pronoun at
// token i (g 'n' singular, 'p' plural) stands for.
func (r *resolver) thingAntecedent(m *ment, g byte, i int) bool {
	c := m.c
	if g == 'n' {
		return c.typ == ner.Org || c.typ == ner.Location && c.country
	}
	if c.typ != ner.Org && c.typ != ner.Nationality && c.typ != ner.Misc {
		return false
	}
	// a plural name, not one of a coordination ("Iranians and Russians");
	// an organisation only as one plural word ("the Democrats", not
	// "Board of Governors")
	w := r.tok(m.last - 1)
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return false
	}
	if c.typ == ner.Org && len(c.toks) > 1 {
		return false
	}
	if l := r.ltok(m.last); l == "and" || l == "or" || l == "," {
		return false
	}
	if l := r.ltok(m.first - 1); l == "and" || l == "or" {
		return false
	}
	// no other plural noun or name in between that they could stand for;
	// this needs the tags
	for k := m.last; k < i; k++ {
		p := r.doc.Tokens[k].POS
		if p == "" {
			return false
		}
		if p == "NNS" || p == "NNPS" {
			return false
		}
	}
	return true
}

// reportVerbs introduce what an organisation said ("Acme said it ...").
var reportVerbs = set("said", "says", "added", "announced", "stated", "confirmed", "warned", "insisted",
	"argued", "claimed", "denied", "explained", "noted", "reported")

// reportedIt links "it" at token i to the organisation or country that is
// the subject of a reporting verb a few words before in the same sentence
// ("Acme said on Tuesday it would cut jobs"), when no other name comes in
// between.
func (r *resolver) reportedIt(i int, seen []*ment) *cluster {
	sent := r.doc.Sentences[r.sentOf(i)]
	for k := i - 1; k >= sent.First && k >= i-6; k-- {
		if !reportVerbs[r.ltok(k)] {
			continue
		}
		for x := len(seen) - 1; x >= 0; x-- {
			m := seen[x]
			if m.last > k {
				if m.kind != Pronoun && m.first > k {
					return nil // a name between the verb and "it"
				}
				continue
			}
			if m.last == k && r.thingAntecedent(m, 'n', i) {
				return m.c
			}
			return nil
		}
		return nil
	}
	return nil
}

// nounBetween reports a common noun between tokens from and i of the
// pronoun's sentence that "its" could as well stand for: a singular noun
// that is a subject or a possessor ("the piece used its", "the
// government's determination to further its"), outside the mentions.
func (r *resolver) nounBetween(from, i int) bool {
	sent := r.doc.Sentences[r.sentOf(i)]
	from = max(from, sent.First)
	for k := from; k < i; k++ {
		if r.doc.Tokens[k].POS != "NN" || r.inMent[k] {
			continue
		}
		if r.possessiveAt(k+1) > 0 {
			return true
		}
		if k+1 < i && strings.HasPrefix(r.doc.Tokens[k+1].POS, "VB") && !r.inMent[k+1] {
			return true
		}
	}
	return false
}
