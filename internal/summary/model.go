package summary

import (
	"slices"

	"github.com/lector-nlp/lector/internal/keyphrase/gbdt"
)

// Model scores sentences with gradient-boosted trees: the logit that a
// sentence belongs to the greedy ROUGE oracle summary.
type Model struct {
	Features []string `json:"features"`
	// Block skips a sentence that shares a word trigram with one already chosen.
	Block bool           `json:"block"`
	Boost *gbdt.Ensemble `json:"boost"`

	flat *gbdt.Flat // Boost compiled for scoring (same values); nil until compiled
}

// Fit trains a scorer on sentence feature vectors X with 0/1 oracle labels y.
func Fit(X [][]float64, y []float64, o gbdt.Options) *Model {
	return &Model{Features: featureNames, Block: true, Boost: gbdt.Train(X, y, nil, o)}
}

// check reports whether m was trained on this package's features.
func (m *Model) check() bool {
	return m.Boost != nil && slices.Equal(m.Features, featureNames)
}

// Score returns the model's logit for one feature vector.
func (m *Model) Score(f []float64) float64 {
	if m.flat != nil {
		return m.flat.Predict(f)
	}
	return m.Boost.Predict(f)
}
