//go:build diag

// Session 22, content bounds: TestBoundScore scores a split with the
// models diagArticles reads (with -crossfit, those of the folds that did
// not see an article), overlap and exact, so that a rule on the bounds of
// content can be read against -set Name=false in seconds before the
// models are retrained:
//
//	go test -tags diag ./internal/quotes -run TestBoundScore -v -args -split train -crossfit DIR [-set Name=false]
package quotes

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

var boundParts = flag.Bool("parts", false, "TestBoundScore scores exact on the parts of a quote its attribution splits (Parts, what the service returns) rather than its content less its cue and speaker")

func TestBoundScore(t *testing.T) {
	arts, _ := diagArticles(t)
	var gold, pred, hit, exact int
	for _, d := range arts {
		qs := ExtractWith(d.doc, d.ents, d.o)
		pw := make([]map[int]bool, len(qs))
		for k, q := range qs {
			pw[k] = polnear.Words(d.doc, []text.Span{q.Content})
		}
		cw := make([]map[int]bool, len(qs))
		for k, q := range qs {
			cw[k] = polnear.ContentWords(d.doc, q.Content, q.Cue, q.Speaker)
			if ps := Parts(d.doc, q); *boundParts && ps != nil {
				cw[k] = polnear.Words(d.doc, ps)
			}
		}
		var gw []map[int]bool
		for _, at := range d.art.Attributions {
			if w := polnear.Words(d.doc, at.Content); len(w) > 0 {
				gw = append(gw, w)
			}
		}
		gold += len(gw)
		pred += len(qs)
		for _, g := range polnear.MatchOverlap(pw, gw) {
			if g >= 0 {
				hit++
			}
		}
		for _, g := range polnear.MatchExact(cw, gw) {
			if g >= 0 {
				exact++
			}
		}
	}
	f := func(n int) (p, r, f1 float64) {
		p, r = float64(n)/float64(max(pred, 1)), float64(n)/float64(max(gold, 1))
		return p, r, 2 * p * r / max(p+r, 1e-9)
	}
	p, r, f1 := f(hit)
	_, _, ef := f(exact)
	t.Logf("%d annotated, %d found, %d overlap (P %.4f R %.4f F1 %.4f), %d exact (F1 %.4f)", gold, pred, hit, p, r, f1, exact, ef)
}

// TestBoundNear sorts the found contents that overlap an annotated one
// but are not equal to it by how their ends differ: at the start and at
// the end, the words read but not annotated (+) or annotated but not read
// (-), named by the first such word (or its tag) and how many there are.
func TestBoundNear(t *testing.T) {
	arts, _ := diagArticles(t)
	starts, ends := map[string]int{}, map[string]int{}
	shown := 0
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		qs := ExtractWith(d.doc, d.ents, d.o)
		pw := make([]map[int]bool, len(qs))
		for k, q := range qs {
			pw[k] = polnear.ContentWords(d.doc, q.Content, q.Cue, q.Speaker)
		}
		var gw []map[int]bool
		var gs []polnear.Attribution
		for _, at := range d.art.Attributions {
			if w := polnear.Words(d.doc, at.Content); len(w) > 0 {
				gw = append(gw, w)
				gs = append(gs, at)
			}
		}
		for k, g := range polnear.MatchOverlap(pw, gw) {
			if g < 0 {
				continue
			}
			w, gg := pw[k], gw[g]
			if len(w) == len(gg) && shares(w, gg) == len(gg) {
				continue
			}
			lo := func(m map[int]bool) (a, b int) {
				a, b = 1<<30, -1
				for i := range m {
					a, b = min(a, i), max(b, i)
				}
				return a, b
			}
			wa, wb := lo(w)
			ga, gb := lo(gg)
			name := func(i int) string {
				l := x.ltok(i)
				switch l {
				case "that", "and", "but", "as", "when", "while", "because", "after", "if", "in", "on", "at", "for", "with", "by", "to", "who", "which", "said", "says", "according":
					return l
				}
				return x.pos(i)
			}
			cnt := func(n int) string {
				switch {
				case n == 1:
					return "1"
				case n <= 3:
					return "2-3"
				case n <= 8:
					return "4-8"
				}
				return "9+"
			}
			// words are token indices of word tokens
			count := func(a, b int) int { // word tokens in [a, b]
				n := 0
				for i := a; i <= b; i++ {
					if w[i] || gg[i] {
						n++
					}
				}
				return n
			}
			sk, ek := "same", "same"
			switch {
			case wa < ga:
				sk = "+" + name(wa) + " " + cnt(count(wa, ga-1))
			case wa > ga:
				sk = "-" + name(ga) + " " + cnt(count(ga, wa-1))
			}
			switch {
			case wb > gb:
				ek = "+" + name(gb+1) + " " + cnt(count(gb+1, wb))
			case wb < gb:
				ek = "-" + name(wb+1) + " " + cnt(count(wb+1, gb))
			}
			if sk == "same" && ek == "same" {
				ek = "gaps"
			}
			starts[sk]++
			ends[ek]++
			if *diagMissKind != "" && (sk == *diagMissKind || ek == *diagMissKind) && shown < *diagExamples {
				shown++
				t.Logf("[%s | %s] cue %q\n  annotated: %s\n  read:      %s", sk, ek, d.doc.Text[qs[k].Cue.Start:qs[k].Cue.End], extent(d.doc, gs[g].Content), d.doc.Text[qs[k].Content.Start:qs[k].Content.End])
			}
		}
	}
	diagCounts(t, "starts of near contents", starts)
	diagCounts(t, "ends of near contents", ends)
}

// TestBoundCueTo counts the candidates whose cue ends in "to" right
// before their content by where the annotated content they overlap
// starts: at the "to", at the content's start, elsewhere.
func TestBoundCueTo(t *testing.T) {
	arts, _ := diagArticles(t)
	c := map[string]int{}
	shown := 0
	for _, d := range arts {
		all := d.o
		all.MinScore = 0
		x := newExtractor(d.doc, d.ents, all)
		x.run()
		for _, q := range x.quotes {
			cf, cl := x.tokRange(q.Cue)
			a, _ := x.tokRange(q.Content)
			if cf < 0 || a < 0 || cl != a || x.ltok(cl-1) != "to" {
				continue
			}
			w := polnear.Words(d.doc, []text.Span{q.Content})
			key := "none"
			for _, at := range d.art.Attributions {
				g := polnear.Words(d.doc, at.Content)
				if !polnear.Overlaps(w, g) {
					continue
				}
				ga, _ := x.tokRange(at.Content[0])
				switch {
				case ga == cl-1:
					key = "at to"
				case ga == a:
					key = "at content"
				default:
					key = "elsewhere"
				}
			}
			n := x.pos(a)
			if x.markKind(a) != 0 {
				n = "QUOTE " + x.pos(a+1)
			}
			k := fmt.Sprintf("%d-word cue, next %s: %s", cl-cf, n, key)
			c[k]++
			if k == *diagMissKind && shown < *diagExamples {
				shown++
				t.Logf("[%s] cue %q content %q\n  in: %s", k, d.doc.Text[q.Cue.Start:q.Cue.End], d.doc.Text[q.Content.Start:q.Content.End], sentenceAround(d.doc, q.Cue))
			}
		}
	}
	diagCounts(t, "cues ending in to", c)
}

// TestBoundRaising counts the candidates of a raising cue ("seemed to",
// "is expected to", "is seen as") whose speaker stands right before the
// cue, by where the annotated content they overlap starts: at the
// speaker (PolNeAR's "X seemed to ...") or at the content.
func TestBoundRaising(t *testing.T) {
	arts, _ := diagArticles(t)
	c := map[string]int{}
	shown := 0
	for _, d := range arts {
		all := d.o
		all.MinScore = 0
		x := newExtractor(d.doc, d.ents, all)
		x.run()
		for _, q := range x.quotes {
			cf, cl := x.tokRange(q.Cue)
			a, _ := x.tokRange(q.Content)
			sf, sl := x.tokRange(q.Speaker)
			if cf < 0 || a < cl || sf < 0 {
				continue
			}
			h := x.cueHead(cf, cl)
			lem := x.lemma(h)
			passive := x.pos(h) == "VBN" && h > cf && inBeForms(x.ltok(h-1))
			if !(lem == "seem" || lem == "appear" || passive) {
				continue
			}
			w := polnear.Words(d.doc, []text.Span{q.Content})
			key := "none"
			for _, at := range d.art.Attributions {
				g := polnear.Words(d.doc, at.Content)
				if !polnear.Overlaps(w, g) {
					continue
				}
				ga, _ := x.tokRange(at.Content[0])
				switch {
				case ga == sf:
					key = "at speaker"
				case ga == a:
					key = "at content"
				default:
					key = "elsewhere"
				}
			}
			form := lem
			if passive {
				form = "passive " + lem
			}
			k := fmt.Sprintf("%s +%s adj %v: %s", form, x.ltok(cl), sl == cf || sl+1 == cf, key)
			c[k]++
			if strings.Contains(k, *diagMissKind) && *diagMissKind != "" && shown < *diagExamples {
				shown++
				t.Logf("[%s] cue %q speaker %q content %q\n  in: %s", k, d.doc.Text[q.Cue.Start:q.Cue.End], d.doc.Text[q.Speaker.Start:q.Speaker.End], d.doc.Text[q.Content.Start:q.Content.End], sentenceAround(d.doc, q.Cue))
			}
		}
	}
	diagCounts(t, "raising cues", c)
}

// TestBoundQuoteClose counts the annotated contents that follow their cue
// and open with a quotation that closes inside the sentence by what
// follows the close (a preposition, a comma, other) and whether the
// content ends at the close or runs on.
func TestBoundQuoteClose(t *testing.T) {
	arts, _ := diagArticles(t)
	c := map[string]int{}
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		for _, at := range d.art.Attributions {
			if len(at.Content) != 1 || len(at.Cue) == 0 || at.Cue[len(at.Cue)-1].End > at.Content[0].Start {
				continue
			}
			ga, gb := x.tokRange(at.Content[0])
			if ga < 0 || x.markKind(ga) == 0 {
				continue
			}
			q := x.qAt(ga)
			if q < 0 || x.directs[q].open != ga {
				continue
			}
			cl := x.directs[q].close
			last := x.sentence(ga).Last
			if cl+2 >= last {
				continue
			}
			_, gb = x.trim(ga, gb)
			next := x.pos(cl + 1)
			if next != "IN" && next != "," {
				next = "other"
			}
			key := "runs on"
			switch {
			case gb <= cl:
				key = "ends inside"
			case gb == cl+1:
				key = "ends at the close"
			}
			c[next+": "+key]++
		}
	}
	diagCounts(t, "contents opening with a quotation that closes inside the sentence", c)
}
