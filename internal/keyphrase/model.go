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

// scoreRows sets p[i] to the probability that candidate i, whose features
// are row i of X, is a key phrase.
func (m *Model) scoreRows(X, p []float64) {
	m.flat.PredictRows(X, numFeatures, p)
	for i, z := range p {
		p[i] = 1 / (1 + math.Exp(-z))
	}
}
