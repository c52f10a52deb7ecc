//go:build diag

// The end model's errors by what stands at the wrong end, and the
// precision of boundary tests on the annotated contents (session 19):
//
//	go test -tags diag ./internal/quotes -run 'DiagnoseEnd(Classes|Patterns)' -v -args -split train -crossfit DIR [-end-class 'long , ' -examples 40]
package quotes

import (
	"flag"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

var diagEndClass = flag.String("end-class", "", "TestDiagnoseEndClasses prints examples of this class")

// TestDiagnoseEndClasses sorts the contents that follow their cue and that
// the quote of their cue reads with the annotated start but a wrong end
// (the quote before the filter) by what stands at the wrong end: for
// content read too long, the tokens right after the annotated end; for
// content read too short, the tokens where it was cut. Only the ends that
// lose the match (less than half the words shared) count in "lost".
func TestDiagnoseEndClasses(t *testing.T) {
	arts, _ := diagArticles(t)
	lost := map[string]int{}
	near := map[string]int{}
	coarse := map[string]int{}
	shown := 0
	for _, d := range arts {
		all := d.o
		all.MinScore = 0
		x := newExtractor(d.doc, d.ents, all)
		x.run()
		for _, at := range d.art.Attributions {
			if len(at.Content) != 1 || len(at.Cue) == 0 || at.Cue[len(at.Cue)-1].End > at.Content[0].Start {
				continue
			}
			var q *Quote
			for _, r := range x.quotes {
				if overlapsSpan(at.Cue, r.Cue) {
					q = r
					break
				}
			}
			if q == nil {
				continue
			}
			ga, gb := x.tokRange(at.Content[0])
			a, b := x.tokRange(q.Content)
			if ga < 0 || a < 0 {
				continue
			}
			_, gb = x.trim(ga, gb)
			if a != ga || b == gb {
				continue
			}
			rule := x.metaOf(q).rule
			st := stNames[x.startType(ga, min(b, gb))]
			var key string
			if b > gb {
				key = fmt.Sprintf("long %s | %s", x.endKey(gb), st)
			} else {
				key = fmt.Sprintf("short %s | %s", x.endKey(b), st)
			}
			key += " [" + rule + "]"
			g := polnear.Words(d.doc, at.Content)
			w := polnear.Words(d.doc, []text.Span{q.Content})
			if polnear.Overlaps(w, g) {
				near[key]++
			} else {
				lost[key]++
				f := strings.Fields(key)
				coarse[f[0]+" "+f[1]+" | "+st]++
				if *diagEndClass != "" && strings.Contains(key, *diagEndClass) && shown < *diagExamples {
					shown++
					sn := x.sentence(ga)
					t.Logf("%s cue %q\n  annotated: %s\n  read:      %s\n  in: %s", key, d.doc.Text[q.Cue.Start:q.Cue.End],
						extent(d.doc, at.Content), d.doc.Text[q.Content.Start:q.Content.End], d.doc.Text[x.toks[sn.First].Start:x.toks[sn.Last-1].End])
				}
			}
		}
	}
	diagCounts(t, "ends that lose the match, by their first token", coarse)
	diagCounts(t, "ends that lose the match", lost)
	diagCounts(t, "ends that keep it", near)
}

// endKey names boundary k by its token and what follows.
func (x *extractor) endKey(k int) string {
	w := x.ltok(k)
	switch {
	case w == "," || w == ";" || w == "--" || w == "—" || w == "(":
		n := x.ltok(k + 1)
		if x.pos(k+1) != "CC" && x.pos(k+1) != "IN" && x.pos(k+1) != "WDT" && x.pos(k+1) != "WP" && x.pos(k+1) != "TO" {
			n = x.pos(k + 1)
		}
		return w + " " + n + " " + x.ahead(k)
	case x.pos(k) == "CC":
		return w + " " + x.pos(k+1) + " " + x.ahead(k)
	case x.pos(k) == "IN" || x.pos(k) == "TO" || x.pos(k) == "WDT" || x.pos(k) == "WP":
		return w
	case x.qAt(k) >= 0:
		return "quote " + x.pos(k)
	}
	return x.pos(k)
}

// endPatterns are boundary tests whose precision TestDiagnoseEndPatterns
// reads on the annotated contents.
var endPatterns = map[string]func(x *extractor, start, k int) bool{
	"np-so-far, cc np finite": func(x *extractor, start, k int) bool {
		verb, _ := x.soFar(start, k)
		return !verb && x.ltok(start) != "that" && x.ccClause(k)
	},
	"np-so-far, cc np finite, st np": func(x *extractor, start, k int) bool {
		verb, _ := x.soFar(start, k)
		return !verb && x.startType(start, k) == 4 && x.ccClause(k)
	},
	"np-so-far, cc np finite, st to": func(x *extractor, start, k int) bool {
		verb, _ := x.soFar(start, k)
		return !verb && x.startType(start, k) == 2 && x.ccClause(k)
	},
	"clause, cc np finite": func(x *extractor, start, k int) bool {
		verb, _ := x.soFar(start, k)
		return verb && x.ccClause(k)
	},
	"np-so-far, comma which/who": func(x *extractor, start, k int) bool {
		verb, _ := x.soFar(start, k)
		return !verb && x.startType(start, k) == 4 && x.tok(k) == "," && (x.pos(k+1) == "WDT" || x.pos(k+1) == "WP")
	},
	"clause, comma which/who": func(x *extractor, start, k int) bool {
		verb, _ := x.soFar(start, k)
		return verb && x.tok(k) == "," && (x.pos(k+1) == "WDT" || x.pos(k+1) == "WP")
	},
	"np-so-far, comma VBG": func(x *extractor, start, k int) bool {
		verb, _ := x.soFar(start, k)
		return !verb && x.startType(start, k) == 4 && x.tok(k) == "," && x.pos(k+1) == "VBG"
	},
	"np-so-far, comma": func(x *extractor, start, k int) bool {
		verb, _ := x.soFar(start, k)
		return !verb && x.startType(start, k) == 4 && x.tok(k) == ","
	},
	"front comma": func(x *extractor, start, k int) bool {
		return x.frontComma(start, k)
	},
	"front comma after that": func(x *extractor, start, k int) bool {
		return x.ltok(start) == "that" && x.frontComma(start, k)
	},
	"one pronoun, prep": func(x *extractor, start, k int) bool {
		return k == start+1 && x.pos(start) == "PRP" && x.pos(k) == "IN"
	},
	"one token, prep": func(x *extractor, start, k int) bool {
		return k == start+1 && x.pos(k) == "IN" && x.ltok(k) != "of"
	},
}

// ccClause: boundary k is "and" or "but" (after a comma or not), a short
// noun phrase and a finite verb.
func (x *extractor) ccClause(k int) bool {
	j := k
	if x.tok(j) == "," {
		j++
	}
	if w := x.ltok(j); w != "and" && w != "but" {
		return false
	}
	j++
	last := x.sentence(k).Last
	e := x.rightNP(j, last)
	if e == j || e-j > 5 {
		return false
	}
	for e < last && (x.pos(e) == "RB") {
		e++
	}
	return x.finite(e)
}

func TestDiagnoseEndPatterns(t *testing.T) {
	arts, _ := diagArticles(t)
	inside, end, after := map[string]int{}, map[string]int{}, map[string]int{}
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		for _, at := range d.art.Attributions {
			if len(at.Content) != 1 || len(at.Cue) == 0 || at.Cue[len(at.Cue)-1].End > at.Content[0].Start {
				continue
			}
			ga, gb := x.tokRange(at.Content[0])
			if ga < 0 || gb <= ga {
				continue
			}
			_, gb = x.trim(ga, gb)
			last := x.sentence(ga).Last
			for name, f := range endPatterns {
				for k := ga + 1; k < last; k++ {
					if x.qAt(k) >= 0 && x.qAt(k-1) == x.qAt(k) {
						continue
					}
					if f(x, ga, k) {
						switch {
						case k < gb:
							inside[name]++
						case k == gb || k == gb+1 && x.tok(gb) == ",":
							end[name]++
						default:
							after[name]++
						}
						break
					}
				}
			}
		}
	}
	names := make([]string, 0, len(endPatterns))
	for name := range endPatterns {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Logf("%-40s first match inside %4d, at the end %4d, after it %4d", name, inside[name], end[name], after[name])
	}
}
