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
		name         string
		mode         int
		lead, clause bool
		qq, pq       float64
		strict       bool
		gap          float64
	}
	vs := []v{
		{"before", 0, false, false, 0, 0, false, 1},
		{"strict pair+clause+q gap 1", 1, false, true, 10, 1, true, 1},
		{"strict pair+clause+q gap 0.5", 1, false, true, 10, 1, true, 0.5},
		{"strict pair+clause+q gap inf", 1, false, true, 10, 1, true, 100},
		{"pair+clause+q gap 1", 1, false, true, 10, 1, false, 1},
		{"pair+clause+q gap 0.5", 1, false, true, 10, 1, false, 0.5},
	}
	for _, p := range vs {
		restore := summary.SetSelection(p.mode, p.lead, p.clause, p.qq, p.pq)
		restoreStrict := summary.SetLeanStrict(p.strict)
		restoreGap := summary.SetPairGap(p.gap)
		var m [k]cnndm.Mean
		var all cnndm.Mean
		for i, e := range exs {
			sc := e.Story.Score(models[i%k].Select(e.Story.Sentences, 3))
			m[i%k].Add(sc)
			all.Add(sc)
		}
		restore()
		restoreStrict()
		restoreGap()
		n := float64(all.N)
		fmt.Printf("%-30s %.3f %.3f %.3f  folds", p.name, 100*all.Sum.R1/n, 100*all.Sum.R2/n, 100*all.Sum.RL/n)
		for f := range m {
			fmt.Printf(" [%s]", m[f].String())
		}
		fmt.Println()
	}
}
