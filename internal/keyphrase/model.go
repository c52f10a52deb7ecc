package keyphrase

import (
	"math"
	"slices"

	"github.com/lector-nlp/lector/internal/keyphrase/gbdt"
)

// Model ranks candidate phrases with gradient-boosted trees.
type Model struct {
	Features []string       `json:"features"`
	Boost    *gbdt.Ensemble `json:"boost"`

	flat *gbdt.Flat // Boost compiled, set by New
}

// Fit trains a ranker on candidate feature vectors X with 0/1 labels y and
// row weights w.
func Fit(X [][]float64, y, w []float64, o gbdt.Options) *Model {
	return &Model{Features: featureNames, Boost: gbdt.Train(X, y, w, o)}
}

// check reports whether m was trained on this package's features.
func (m *Model) check() bool {
	return m.Boost != nil && slices.Equal(m.Features, featureNames)
}

// score returns the probability that a candidate is a key phrase.
func (m *Model) score(f []float64) float64 {
	return 1 / (1 + math.Exp(-m.flat.Predict(f)))
}
