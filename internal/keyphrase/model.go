package keyphrase

import (
	"math"
	"slices"

	"github.com/lector-nlp/lector/internal/keyphrase/gbdt"
	"github.com/lector-nlp/lector/internal/text"
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

// Cascade: the first cascadeTrees trees score every candidate; only the
// cascadeKeep best by that partial score (at least cascadeFactor times the
// phrases asked for) go through the other trees, and the phrases are picked
// among them (all candidates are scored fully if they run out). This is a
// heuristic, not a bound: a candidate left out could in principle have
// ranked in. Tuned on the training and dev documents: on 2,580 tagged
// documents (KPCrowd train and dev, Inspec train and test, 80 five-story
// concatenations) the phrases and scores for n = 3 to 30 are those of full
// scoring in every case (100 trees kept 60 differed on 2 at n = 10). On a
// 600-word article it halved the tree walks of the 300-tree model. The
// model now has 100 trees (fewer than cascadeTrees), so every candidate is
// scored fully and the cascade is idle until a bigger model comes back.
var (
	cascadeTrees  = 150
	cascadeKeep   = 60
	cascadeFactor = 6
)

// rowChunk is how many candidates are scored between two looks at doc.Err.
const rowChunk = 1024

// addTrees adds trees [from, to) to the logits z of the rows of K (the
// feature rows as gbdt.KeyRows keys), and reports false once doc.Err is
// set.
func (m *Model) addTrees(doc *text.Document, K []uint64, z []float64, from, to int) bool {
	for a := 0; a < len(z); a += rowChunk {
		if a > 0 && doc.Err() != nil {
			return false
		}
		b := min(a+rowChunk, len(z))
		m.flat.AddKeyed(K[a*numFeatures:b*numFeatures], numFeatures, z[a:b], from, to)
	}
	return doc.Err() == nil
}

// scoreAll returns the probability that each of the nc candidates, whose
// features are the rows of K (as keys), is a key phrase, or nil once
// doc.Err is set.
func (m *Model) scoreAll(doc *text.Document, K []uint64, nc int) []float64 {
	z := make([]float64, nc)
	for i := range z {
		z[i] = m.flat.Base()
	}
	if !m.addTrees(doc, K, z, 0, m.flat.Trees()) {
		return nil
	}
	for i, v := range z {
		z[i] = prob(v)
	}
	return z
}

// rank scores the nc candidates for a top n: the best ones by the first
// trees get their exact probability, the others -1. It reports whether
// every candidate was scored, and returns nil once doc.Err is set.
func (m *Model) rank(doc *text.Document, K []uint64, nc, n int) (score []float64, all bool) {
	T := m.flat.Trees()
	keep := max(cascadeKeep, cascadeFactor*n)
	first := min(cascadeTrees, T)
	if nc <= keep || first >= T {
		return m.scoreAll(doc, K, nc), true
	}
	z := make([]float64, nc)
	for i := range z {
		z[i] = m.flat.Base()
	}
	if !m.addTrees(doc, K, z, 0, first) {
		return nil, false
	}
	top := byValue(z)[:keep]
	Ks := make([]uint64, keep*numFeatures)
	zs := make([]float64, keep)
	for j, i := range top {
		copy(Ks[j*numFeatures:(j+1)*numFeatures], K[i*numFeatures:(i+1)*numFeatures])
		zs[j] = z[i]
	}
	if !m.addTrees(doc, Ks, zs, first, T) {
		return nil, false
	}
	score = z
	for i := range score {
		score[i] = -1
	}
	for j, i := range top {
		score[i] = prob(zs[j])
	}
	return score, false
}

func prob(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
