package summary_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/lector-nlp/lector/internal/keyphrase/gbdt"
	"github.com/lector-nlp/lector/internal/summary"
	"github.com/lector-nlp/lector/internal/summary/cnndm"
)

// TestPenaltySweep scores penalty settings with the 5-fold CV of
// cmd/eval/summary (each fold's model trained once, as the eval trains it).
// Set LECTOR_SUMMARY_SWEEP=1 to run it (a few minutes).
func TestPenaltySweep(t *testing.T) {
	if os.Getenv("LECTOR_SUMMARY_SWEEP") == "" {
		t.Skip("set LECTOR_SUMMARY_SWEEP=1")
	}
	stories, err := cnndm.Read("../../../shared/data/cnn-dailymail/dev.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	exs := cnndm.Prepare(stories)
	const k = 5
	models := make([]*summary.Summarizer, k)
	for f := 0; f < k; f++ {
		var X [][]float64
		var y []float64
		for i, e := range exs {
			if i%k != f {
				X = append(X, e.Features...)
				y = append(y, e.Labels...)
			}
		}
		models[f] = summary.New(summary.Fit(X, y, gbdt.Options{Trees: 200, Depth: 4, Rate: 0.1, Lambda: 1, MinHess: 10, Bins: 64, Subsample: 0.5}))
	}
	type v struct {
		d, c, q float64
		e       bool
		b       float64
	}
	vs := []v{{0.5, 0, 1, true, 0}, {0.5, 0, 1, true, 0.25}, {0.5, 0, 1, true, 0.5}, {0.5, 0, 1, true, 1}}
	for _, p := range vs {
		restore := summary.SetPenalties(p.d, p.c, p.q, p.e)
		restoreBare := summary.SetBareQuote(p.b)
		var m [k]cnndm.Mean
		var all cnndm.Mean
		for i, e := range exs {
			sc := e.Story.Score(models[i%k].Select(e.Story.Sentences, 3))
			m[i%k].Add(sc)
			all.Add(sc)
		}
		restore()
		restoreBare()
		fmt.Printf("dangling %.2f connective +%.2f midquote %.2f expletive it %v bare quote %.2f: %s  folds", p.d, p.c, p.q, p.e, p.b, all.String())
		for f := range m {
			fmt.Printf(" [%s]", m[f].String())
		}
		fmt.Println()
	}
}
