package quotes

import (
	"math"
	"strconv"
	"testing"

	"github.com/lector-nlp/lector/internal/wordvec"
)

// vecPart is the share of the cue model's score that the word vector of
// word adds, as a verb (class 0) or a noun (class 1).
func vecPart(t *testing.T, class int, word string) float64 {
	t.Helper()
	w := getCueModel().vecWeights()[class]
	if w == nil {
		t.Fatalf("the embedded cue model has no vector weights of class %d", class)
	}
	row, _, ok := wordvec.Default().Row(word)
	if !ok {
		t.Fatalf("no vector of %q", word)
	}
	return dotUnit(w, row)
}

// dotUnit is the dot product of a weight vector with the unit vector.
func TestDotUnit(t *testing.T) {
	for _, n := range []int{0, 1, 3, 4, 7, 100} {
		w, row := make([]float64, n), make([]int8, n)
		want, sq := 0.0, 0.0
		for k := range row {
			w[k], row[k] = float64(k%7)-2.5, int8(k*37%255-127)
			want += w[k] * float64(row[k])
			sq += float64(row[k]) * float64(row[k])
		}
		if sq > 0 {
			want /= math.Sqrt(sq)
		}
		if got := dotUnit(w, row); math.Abs(got-want) > 1e-9 {
			t.Errorf("%d components: %v, want %v", n, got, want)
		}
	}
}

// The cue model's vector weights, learned from the PolNeAR train split,
// favour words of speech and belief over words of other actions, so that a
// reporting verb or noun the train split never had still scores as one.
func TestCueVectors(t *testing.T) {
	for _, c := range []struct {
		class      int
		cue, other []string
	}{
		{0, []string{"assert", "declare", "insist", "contend", "believe"}, []string{"cook", "swim", "paint", "arrive", "sleep"}},
		{1, []string{"assertion", "claim", "belief", "statement", "criticism"}, []string{"kitchen", "bicycle", "weather", "river", "shirt"}},
	} {
		lo := math.Inf(1)
		for _, w := range c.cue {
			lo = min(lo, vecPart(t, c.class, w))
		}
		for _, w := range c.other {
			if s := vecPart(t, c.class, w); s >= lo {
				t.Errorf("class %d: %q scores %.3f, at least the least speech word's %.3f", c.class, w, s, lo)
			}
		}
	}
}

// The cue model's score of a token is that of its named features plus the
// dot product of its vector, as CueTokens gives them for training.
func TestCueVectorScore(t *testing.T) {
	m := getCueModel()
	checked := 0
	for _, x := range fastPathDocs(t) {
		x.cueScores = memo{} // scores of this model, computed afresh
		for _, tc := range CueTokens(x.doc, x.ents, DefaultOptions) {
			if len(tc.Vecs) == 0 {
				continue
			}
			z := m.bias
			for _, k := range tc.Features {
				z += m.w[k]
			}
			for _, v := range tc.Vecs {
				for k, f := range v.Vec {
					z += m.w[v.Key+strconv.Itoa(k)] * float64(f)
				}
			}
			want := 1 / (1 + math.Exp(-z))
			if got := x.cueScore(m, tc.Token); math.Abs(got-want) > 1e-5 {
				t.Errorf("cue score of %q: %v, named %v", x.tok(tc.Token), got, want)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d tokens with vectors", checked)
	}
}
