package keyphrase

import (
	"math"
	"math/rand"

	"github.com/lector-nlp/lector/internal/keyphrase/gbdt"
)

// FitBoost trains a gradient-boosted tree ranker with row weights w.
func FitBoost(X [][]float64, y, w []float64, o gbdt.Options) *Model {
	d := numFeatures
	m := &Model{Features: featureNames, Mean: make([]float64, d), Std: make([]float64, d), Weights: make([]float64, d)}
	for j := range m.Std {
		m.Std[j] = 1
	}
	m.Boost = gbdt.Train(X, y, w, o)
	return m
}

// Model ranks candidate phrases: gradient-boosted trees when Boost is set
// (the shipped model), otherwise a logistic regression.
type Model struct {
	Features []string  `json:"features"`
	Mean     []float64 `json:"mean"`
	Std      []float64 `json:"std"`
	Weights  []float64 `json:"weights"`
	// Boost, when set, replaces the linear model: a tree ensemble over the
	// raw feature values.
	Boost *gbdt.Ensemble `json:"boost,omitempty"`
}

func (m *Model) score(f []float64) float64 {
	if m.Boost != nil {
		return 1 / (1 + math.Exp(-m.Boost.Predict(f)))
	}
	z := 0.0
	for j, v := range f {
		z += m.Weights[j] * (v - m.Mean[j]) / m.Std[j]
	}
	return 1 / (1 + math.Exp(-z))
}

// Fit trains the ranker on candidate feature vectors with 0/1 labels (Adam,
// mini-batches, L2 regularisation).
func Fit(X [][]float64, y []float64, l2 float64, epochs int, seed int64) *Model {
	d := numFeatures
	m := &Model{Features: featureNames, Mean: make([]float64, d), Std: make([]float64, d), Weights: make([]float64, d)}
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
			m.Std[j], m.Mean[j] = 1, 0
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
	mom, vel, g := make([]float64, d), make([]float64, d), make([]float64, d)
	const batch = 256
	lr, b1, b2 := 0.01, 0.9, 0.999
	step := 0
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		for s := 0; s < len(idx); s += batch {
			clear(g)
			end := min(s+batch, len(idx))
			for _, i := range idx[s:end] {
				z := 0.0
				for j, v := range Z[i] {
					z += w[j] * v
				}
				r := 1/(1+math.Exp(-z)) - y[i]
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
