package summary

import (
	"math"
	"math/rand"

	"github.com/lector-nlp/lector/internal/keyphrase/gbdt"
)

// Model scores sentences (a logit) for membership of the greedy ROUGE
// oracle summary: gradient-boosted trees when Boost is set (the shipped
// model), otherwise a logistic regression.
type Model struct {
	Features []string  `json:"features"`
	Mean     []float64 `json:"mean"`
	Std      []float64 `json:"std"`
	Weights  []float64 `json:"weights"`
	// Block skips a sentence that shares a word trigram with one already chosen.
	Block bool `json:"block"`
	// Boost, when set, replaces the linear scorer: a tree ensemble over the
	// raw feature values.
	Boost *gbdt.Ensemble `json:"boost,omitempty"`
}

// FitBoost trains a gradient-boosted tree scorer.
func FitBoost(X [][]float64, y []float64, o gbdt.Options) *Model {
	d := NumFeatures
	m := &Model{Features: featureNames, Mean: make([]float64, d), Std: make([]float64, d), Weights: make([]float64, d), Block: true}
	for j := range m.Std {
		m.Std[j] = 1
	}
	m.Boost = gbdt.Train(X, y, nil, o)
	return m
}

// Score returns the model's logit for one feature vector.
func (m *Model) Score(f []float64) float64 {
	if m.Boost != nil {
		return m.Boost.Predict(f)
	}
	z := 0.0
	for j, v := range f {
		z += m.Weights[j] * (v - m.Mean[j]) / m.Std[j]
	}
	return z
}

// Fit trains a logistic regression on feature vectors X with 0/1 labels y by
// mini-batch gradient descent with L2 regularisation.
func Fit(X [][]float64, y []float64, l2 float64, epochs int, seed int64) *Model {
	d := NumFeatures
	m := &Model{Features: featureNames, Mean: make([]float64, d), Std: make([]float64, d), Weights: make([]float64, d), Block: true}
	n := float64(len(X))
	for _, f := range X {
		for j, v := range f {
			m.Mean[j] += v / n
		}
	}
	for _, f := range X {
		for j, v := range f {
			m.Std[j] += (v - m.Mean[j]) * (v - m.Mean[j]) / n
		}
	}
	for j := range m.Std {
		m.Std[j] = math.Sqrt(m.Std[j])
		if m.Std[j] < 1e-9 {
			// a constant column: keep it as the intercept
			m.Std[j] = 1
			m.Mean[j] = 0
		}
	}
	Z := make([][]float64, len(X))
	for i, f := range X {
		Z[i] = make([]float64, d)
		for j, v := range f {
			Z[i][j] = (v - m.Mean[j]) / m.Std[j]
		}
	}
	rng := rand.New(rand.NewSource(seed))
	idx := rng.Perm(len(X))
	w := m.Weights
	// Adam
	mom := make([]float64, d)
	vel := make([]float64, d)
	g := make([]float64, d)
	const batch = 256
	lr, b1, b2 := 0.01, 0.9, 0.999
	step := 0
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		for s := 0; s < len(idx); s += batch {
			for j := range g {
				g[j] = 0
			}
			end := min(s+batch, len(idx))
			for _, i := range idx[s:end] {
				z := 0.0
				for j, v := range Z[i] {
					z += w[j] * v
				}
				p := 1 / (1 + math.Exp(-z))
				r := p - y[i]
				for j, v := range Z[i] {
					g[j] += r * v
				}
			}
			step++
			bs := float64(end - s)
			for j := range w {
				gj := g[j]/bs + l2*w[j]
				mom[j] = b1*mom[j] + (1-b1)*gj
				vel[j] = b2*vel[j] + (1-b2)*gj*gj
				mh := mom[j] / (1 - math.Pow(b1, float64(step)))
				vh := vel[j] / (1 - math.Pow(b2, float64(step)))
				w[j] -= lr * mh / (math.Sqrt(vh) + 1e-8)
			}
		}
	}
	return m
}
