package quotes

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// uncued gives the direct quotes that no cue claimed the speaker of the
// quote before them, or joins them to it when they continue it.
func (x *extractor) uncued() {
	var prev *Quote
	prevEnd := -1
	for di, d := range x.directs {
		if x.cancelledEvery(di, 8) {
			return
		}
		if d.used {
			if d.q != nil {
				prev, prevEnd = d.q, d.close
			}
			continue
		}
		if d.close-d.open-1 < x.o.MinUncuedTokens {
			continue
		}
		near := d.open-prevEnd <= 6 || prevEnd+1 < d.open && x.tokSent[d.open-1] == x.tokSent[prevEnd+1] && d.open-prevEnd <= 30
		if prev != nil && x.o.MergeContinued && prev.Kind == Direct && near && x.tokPara[d.open] == x.tokPara[prevEnd] {
			prev.Content.End = x.toks[d.close].End
			prevEnd = d.close
			d.used = true
			continue
		}
		q := x.newQuote(Quote{Content: x.span(d.open, d.close+1), EntityIndex: -1, Kind: Direct})
		// "“...,” NP VERB": any verb after the quote names the speaker
		rule := "uncued"
		if a, b, v := x.dashBefore(d.open); v >= 0 {
			rule = "dash"
			// "Carla Sanchez ― “...”": a byline opening the paragraph
			q.Cue = x.span(v, v+1)
			q.Speaker = x.span(a, b)
			x.resolveSpeaker(q, a, b)
		} else if a, b, v := x.dashAfter(d.close + 1); v >= 0 {
			rule = "dash"
			// "“...” ― Carla Sanchez": a byline after the quote
			q.Cue = x.span(v, v+1)
			q.Speaker = x.span(a, b)
			x.resolveSpeaker(q, a, b)
		} else if a, b, v := x.verbAfter(d.close + 1); v >= 0 {
			rule = "verb-after"
			q.Cue = x.span(v, v+1)
			q.Speaker = x.span(a, b)
			x.resolveSpeaker(q, a, b)
		} else if !x.startsSentence(d.open) && d.close-d.open-1 < x.o.MinPartialTokens {
			// a partial quote that no cue claimed: a scare quote or a title
			continue
		} else if prev != nil && x.o.InheritSpeaker && x.tokPara[d.open]-x.tokPara[prevEnd] <= x.o.UncuedParagraphs {
			rule = "inherit"
			q.Speaker, q.SpeakerName, q.EntityIndex = prev.Speaker, prev.SpeakerName, prev.EntityIndex
		} else if m, ok := x.personBefore(d.open); ok {
			rule = "person-before"
			q.Speaker = m
			a, b := x.tokRange(m)
			x.resolveSpeaker(q, a, b)
		}
		d.used, d.q = true, q
		x.add(q, rule, cueInfo{words: x.oneWord(x.doc.Text[q.Cue.Start:q.Cue.End])})
		prev, prevEnd = q, d.close
	}
}

// sorted orders the quotes (and their metas) by the start of their
// content, stably, and returns them.
func (x *extractor) sorted() []*Quote {
	qs, ms := x.quotes, x.metas
	moved := false
	if len(qs) > 64 {
		// many quotes (a long document): no quadratic insertion sort
		type qm struct {
			q *Quote
			m meta
		}
		ps := make([]qm, len(qs))
		for i := range qs {
			ps[i] = qm{qs[i], ms[i]}
		}
		slices.SortStableFunc(ps, func(a, b qm) int { return cmp.Compare(a.q.Content.Start, b.q.Content.Start) })
		for i := range ps {
			moved = moved || qs[i] != ps[i].q
			qs[i], ms[i] = ps[i].q, ps[i].m
		}
	} else {
		// an insertion sort (stable): the few quotes are nearly in order
		for i := 1; i < len(qs); i++ {
			if qs[i-1].Content.Start <= qs[i].Content.Start {
				continue
			}
			q, m := qs[i], ms[i]
			j := i
			for j > 0 && qs[j-1].Content.Start > q.Content.Start {
				qs[j], ms[j] = qs[j-1], ms[j-1]
				j--
			}
			qs[j], ms[j] = q, m
			moved = true
		}
	}
	if moved {
		x.nested = nil // made for the old order
	}
	return qs
}

// nestedAt is "inner" or "outer" when the i-th sorted quote nests, as
// nesting found.
func (x *extractor) nestedAt(i int) string {
	if i < len(x.nested) {
		return x.nested[i]
	}
	return ""
}

// result returns the quotes in text order, less those the filter scores
// below Options.MinScore.
func (x *extractor) result() []Quote {
	f := x.o.Filter
	if f == nil && x.o.MinScore > 0 {
		f = getFilter()
	}
	out := make([]Quote, 0, len(x.quotes))
	var scores []float64
	if x.o.MinScore > 0 {
		x.nesting()
	}
	for i, q := range x.sorted() {
		if x.cancelledEvery(i, 32) {
			return out
		}
		bare := x.bareContent(q, x.metas[i])
		if bare == bareTell || bare == bareFigure || x.resultObject(q) || x.seenEvent(q) {
			continue
		}
		sc := 1.0
		// "NAME: ..." at a paragraph start is a transcript line and
		// "“...” ― NAME" a byline: kept
		// "X's remarks that ...", "her claim that ...": a noun of speech,
		// its owner and a clause (possessives) with PossessiveKeep
		if r := x.metas[i].rule; x.o.MinScore > 0 && r != "colon" && r != "dash" && !(r == "possessive" && x.o.PossessiveKeep) {
			fs := featSink{m: f, z: f.bias}
			x.features(i, &fs)
			if sc = 1 / (1 + math.Exp(-fs.sum())); sc < x.o.MinScore || bare == bareLearned && sc < x.o.MinBareScore {
				continue
			}
		}
		out = append(out, *q)
		if x.o.ExpletiveIt && q.Speaker.End-q.Speaker.Start == 2 && strings.EqualFold(x.doc.Text[q.Speaker.Start:q.Speaker.End], "it") && x.passiveCue(q) {
			// "It is believed that ...": no one is named (cleared last:
			// the filter and the quotes after it read the quote as found)
			last := &out[len(out)-1]
			last.Speaker, last.SpeakerName, last.EntityIndex = text.Span{}, "", -1
		}
		scores = append(scores, sc)
	}
	if x.o.Dedup {
		out = x.dedup(out, scores)
	}
	return x.newsRules(out)
}

// The kinds of bare content bareContent finds.
const (
	bareNone    = iota
	bareLearned // after a cue only the cue model found
	bareTell    // after a form of "tell"
	bareFigure  // a figure: "reported a loss of 43 cents a share", "declined one percent"
)

// bareContent tells whether q reads a bare noun phrase (no verb, no
// quotation mark, no "that", "to" or question word first) after a cue
// that seldom takes one, and which: a cue only the cue model found
// ("shocked Wall Street", "slashed their estimates"; kept when the
// filter scores it at least MinBareScore), or with TellHearer a form of
// "tell", whose object is its hearer ("told Reuters by telephone").
func (x *extractor) bareContent(q *Quote, m meta) int {
	o := &x.o
	if o.MinBareScore <= 0 && !o.TellHearer && !o.FigureContent || q.Kind != Indirect || !x.tagged {
		return bareNone
	}
	kind := bareNone
	switch {
	case m.cue.learned && !m.cue.noun && o.MinBareScore > 0:
		kind = bareLearned
	case o.TellHearer && len(m.cue.words) > 0 && isTell(m.cue.words[len(m.cue.words)-1]):
		kind = bareTell
	case o.FigureContent:
		kind = bareFigure
	default:
		return bareNone
	}
	a, b := x.tokRangeLoose(q.Content)
	if a >= b || inClauseStart(x.ltok(a)) {
		return bareNone
	}
	figure := false
	for k := a; k < b; k++ {
		p := x.pos(k)
		if strings.HasPrefix(p, "VB") || p == "MD" || x.markKind(k) != 0 {
			return bareNone
		}
		figure = figure || p == "$" || x.ltok(k) == "%" || x.ltok(k) == "percent" || x.ltok(k) == "cents"
	}
	if kind == bareFigure && !figure {
		return bareNone
	}
	return kind
}

func isTell(w string) bool {
	switch w {
	case "tell", "tells", "told", "telling":
		return true
	}
	return false
}

// inClauseStart tells whether w opens a clause or an infinitive.
func inClauseStart(w string) bool {
	switch w {
	case "that", "to", "whether", "if", "how", "why", "what", "who", "whom", "which", "when", "where":
		return true
	}
	return false
}

// dedup drops a quote whose content shares at least half of its tokens,
// and half of the other's, with a quote the filter scores higher: two
// cues read the same words ("X reports that Y announced that ..." says
// one thing here, not two).
func (x *extractor) dedup(qs []Quote, scores []float64) []Quote {
	drop := make([]bool, len(qs))
	for i := range qs {
		ai, bi := x.tokRangeLoose(qs[i].Content)
		for j := i + 1; j < len(qs) && qs[j].Content.Start < qs[i].Content.End; j++ {
			aj, bj := x.tokRangeLoose(qs[j].Content)
			n := min(bi, bj) - max(ai, aj)
			if 2*n < bi-ai || 2*n < bj-aj {
				continue
			}
			if scores[j] > scores[i] {
				drop[i] = true
			} else {
				drop[j] = true
			}
		}
	}
	out := qs[:0]
	for i, q := range qs {
		if !drop[i] {
			out = append(out, q)
		}
	}
	return out
}

// tokRangeLoose returns the tokens [a, b) that a span covers.
func (x *extractor) tokRangeLoose(sp text.Span) (int, int) {
	return x.tokAt(sp.Start), x.tokAt(sp.End-1) + 1
}

// verbAfter reads "NP VERB" right after a closing quotation mark (and an
// optional comma): the speaker range and the verb index, else v = -1.
func (x *extractor) verbAfter(i int) (a, b, v int) {
	if i <= 0 || i >= len(x.toks) {
		return 0, 0, -1
	}
	// "…,” NP VERB" or "…?” NP VERB", in the same paragraph
	before := i - 2
	if x.tok(i-1) == "'" && x.tok(i-2) == "'" {
		before = i - 3 // the closing mark is ''
	}
	if b := x.tok(before); b != "," && b != "?" && b != "!" && x.tok(i) != "," || x.tokPara[i] != x.tokPara[i-1] {
		return 0, 0, -1
	}
	if x.tok(i) == "," {
		i++
	}
	if i >= len(x.toks) || x.qAt(i) >= 0 {
		return 0, 0, -1
	}
	s := x.sentence(i)
	e := x.rightNP(i, s.Last)
	if e == i {
		return 0, 0, -1
	}
	if p := x.pos(e); strings.HasPrefix(p, "VBD") || p == "VBZ" {
		return i, e, e
	}
	return 0, 0, -1
}

// startsSentence: the quote opens its sentence or paragraph, or follows a
// colon.
func (x *extractor) startsSentence(open int) bool {
	if open == 0 || x.tokPara[open-1] != x.tokPara[open] {
		return true
	}
	if x.sentence(open).First == open {
		return true
	}
	t := x.tok(open - 1)
	return t == ":" || t == "." || t == "?" || t == "!"
}

// personBefore finds the last person mentioned in the paragraph of the
// quote or the one before it.
func (x *extractor) personBefore(open int) (text.Span, bool) {
	start := x.toks[open].Start
	for i := x.mentionFrom(start) - 1; i >= 0; i-- {
		m := x.mentions[i]
		a, _ := x.tokRange(m.span.Span)
		if a < 0 || x.tokPara[open]-x.tokPara[a] > 1 {
			break
		}
		if x.ents[m.ent].Type == ner.Person && m.span.Kind == entity.Proper {
			return m.span.Span, true
		}
	}
	return text.Span{}, false
}

// dashBefore reads "Name ―" opening the paragraph right before the
// opening quotation mark at token open.
func (x *extractor) dashBefore(open int) (a, b, v int) {
	v = open - 1
	if v < 1 || x.tokPara[v] != x.tokPara[open] {
		return 0, 0, -1
	}
	switch x.tok(v) {
	case "―", "—", "–", "--":
	default:
		return 0, 0, -1
	}
	a = v
	for a > 0 && x.tokPara[a-1] == x.tokPara[v] && isCapital(x.tok(a-1)) && v-a < 5 {
		a--
	}
	if a == v || !x.firstOfPara(a) {
		return 0, 0, -1
	}
	return a, v, v
}

// dashAfter reads "― Name" right after a closing quotation mark.
func (x *extractor) dashAfter(i int) (a, b, v int) {
	if i >= len(x.toks) || i == 0 || x.tokPara[i] != x.tokPara[i-1] {
		return 0, 0, -1
	}
	switch x.tok(i) {
	case "―", "—", "–", "-", "--":
	default:
		return 0, 0, -1
	}
	e := i + 1
	for e < len(x.toks) && x.tokPara[e] == x.tokPara[i] && isCapital(x.tok(e)) && e-i <= 5 {
		e++
	}
	if e == i+1 {
		return 0, 0, -1
	}
	return i + 1, e, i
}
