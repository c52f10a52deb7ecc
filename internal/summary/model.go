package summary

import (
	"slices"
	"unsafe"

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

// scoreRows sets out[i] to Score(rows[i]). Rows that lie one after the
// other in memory, NumFeatures values each (as features makes them), are
// scored together, tree block by tree block, and turned into the trees'
// keys in place for it (gbdt.KeyRows, gbdt.Flat.AddKeyed: the same values
// as Score): such rows must not be read afterwards.
func (m *Model) scoreRows(rows [][]float64, out []float64) {
	if m.flat != nil && len(rows) > 0 && contiguous(rows) {
		K := gbdt.KeyRows(unsafe.Slice(&rows[0][0], len(rows)*NumFeatures))
		for i := range out {
			out[i] = m.flat.Base()
		}
		m.flat.AddKeyed(K, NumFeatures, out, 0, m.flat.Trees())
		return
	}
	for i, f := range rows {
		out[i] = m.Score(f)
	}
}

// contiguous reports whether each row has NumFeatures values and starts
// where the one before ends.
func contiguous(rows [][]float64) bool {
	for i, r := range rows {
		if len(r) != NumFeatures {
			return false
		}
		if i > 0 && &rows[i-1][0] != (*float64)(unsafe.Add(unsafe.Pointer(&r[0]), -NumFeatures*8)) {
			return false
		}
	}
	return true
}
