//go:build diag

package quotes

// Session 22: the annotated contents whose candidate the filter drops,
// with the best overlapping candidate's filter score, rule and cue source:
//
//	go test -tags diag ./internal/quotes -run TestFilterDropped -v -args -split train -crossfit DIR

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

func TestFilterDropped(t *testing.T) {
	arts, _ := diagArticles(t)
	b := map[string]int{}
	var ex []string
	for _, d := range arts {
		final := contentWords(d.doc, ExtractWith(d.doc, d.ents, d.o))
		all := d.o
		all.MinScore = 0
		x := newExtractor(d.doc, d.ents, all)
		x.run()
		x.nesting()
		f := d.o.Filter
		if f == nil {
			f = getFilter()
		}
		qs := x.sorted()
		for _, at := range d.art.Attributions {
			g := polnear.Words(d.doc, at.Content)
			if len(g) == 0 || len(at.Cue) == 0 || overlapsAny(final, g) {
				continue
			}
			best, bi := -1.0, -1
			for i, q := range qs {
				if !polnear.Overlaps(polnear.Words(d.doc, []text.Span{q.Content}), g) {
					continue
				}
				fs := featSink{m: f, z: f.bias}
				x.features(i, &fs)
				sc := 1 / (1 + math.Exp(-fs.sum()))
				if sc > best {
					best, bi = sc, i
				}
			}
			if bi < 0 {
				continue
			}
			m := x.metas[bi]
			src := "lexicon"
			if m.cue.learned {
				src = "learned"
				if m.cue.noun {
					src = "learned-noun"
				}
			}
			sb := fmt.Sprintf("%.1f", math.Floor(best*10)/10)
			if best >= d.o.MinScore {
				sb = "above"
			}
			b["score "+sb]++
			b["src "+src+" score "+sb]++
			b["rule "+m.rule+" score "+sb]++
			if len(ex) < 200 && best >= 0.2 {
				q := qs[bi]
				ex = append(ex, fmt.Sprintf("%.2f %s/%s cue %q cand %q gold %q", best, m.rule, src, d.doc.Text[q.Cue.Start:q.Cue.End], clip(d.doc.Text[q.Content.Start:q.Content.End]), clip(extent(d.doc, at.Content))))
			}
		}
	}
	diagCounts(t, "filter-dropped", b)
	t.Logf("examples:\n  %s", strings.Join(ex, "\n  "))
}

func clip(s string) string {
	if len(s) > 90 {
		return s[:90] + "..."
	}
	return s
}
