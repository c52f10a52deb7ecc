package pos

import (
	"math/rand/v2"
	"sort"

	"github.com/lector-nlp/lector/internal/perceptron"
)

// Example is one training sentence.
type Example struct {
	Words, Tags []string
}

// Train trains a tagger with the averaged perceptron, greedy left to right.
func Train(exs []Example, epochs int, seed uint64, logf func(string, ...any)) *Tagger {
	return TrainPruned(exs, epochs, seed, 0.0005, logf)
}

// TrainPruned is Train leaving out features whose averaged weights are all
// below prune in magnitude.
func TrainPruned(exs []Example, epochs int, seed uint64, prune float32, logf func(string, ...any)) *Tagger {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if err := loadClusters(); err != nil {
		panic(err)
	}
	set := map[string]bool{}
	for _, e := range exs {
		for _, t := range e.Tags {
			set[t] = true
		}
	}
	var labels []string
	for t := range set {
		labels = append(labels, t)
	}
	sort.Strings(labels)
	lid := map[string]int{}
	for i, l := range labels {
		lid[l] = i
	}
	tr := perceptron.NewTrainer(labels)
	exs = append([]Example(nil), exs...)
	for i := range exs {
		cw := make([]string, len(exs[i].Words))
		for j, w := range exs[i].Words {
			cw[j] = canon(w)
		}
		exs[i].Words = cw
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	var ws []word
	var feats []uint64
	var rows []int32
	scores := make([]float32, len(labels))
	for ep := 0; ep < epochs; ep++ {
		correct, total := 0, 0
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		for _, e := range exs {
			if cap(ws) < len(e.Words) {
				ws = make([]word, len(e.Words)*2)
			}
			ws = ws[:len(e.Words)]
			prepare(e.Words, ws)
			prev, prev2 := -1, -2
			for i := range e.Words {
				feats = features(e.Words, ws, i, prev, prev2, feats[:0])
				rows = rows[:0]
				for _, f := range feats {
					rows = append(rows, tr.Index(f, true))
				}
				for j := range scores {
					scores[j] = 0
				}
				tr.Score(rows, scores)
				best := 0
				for j, v := range scores {
					if v > scores[best] {
						best = j
					}
				}
				gold := lid[e.Tags[i]]
				tr.Tick()
				if best != gold {
					tr.Update(rows, gold, 1)
					tr.Update(rows, best, -1)
				} else {
					correct++
				}
				total++
				// train on the predicted history, as at run time
				prev2, prev = prev, best
			}
		}
		logf("epoch %d: train accuracy %.2f%% (%d features)", ep+1, 100*float64(correct)/float64(total), tr.Len())
	}
	return New(tr.Model(prune))
}
