package keyphrase

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// sortedByValue is byValue as a comparison sort: largest first, ties in
// index order.
func sortedByValue(v []float64) []int {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(v[b], v[a]) })
	return idx
}

func TestByValueMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	special := []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), 1, -1, 0.5, 1e-300, -1e-300}
	for trial := range 2000 {
		n := r.IntN(300)
		v := make([]float64, n)
		for i := range v {
			switch r.IntN(4) {
			case 0:
				v[i] = special[r.IntN(len(special))]
			case 1:
				v[i] = float64(r.IntN(5)) // ties
			default:
				v[i] = r.NormFloat64() * math.Pow(10, float64(r.IntN(20)-10))
			}
		}
		if got, want := byValue(v), sortedByValue(v); !slices.Equal(got, want) {
			t.Fatalf("trial %d, values %v: got %v, want %v", trial, v, got, want)
		}
	}
}

func TestLog1pInt(t *testing.T) {
	for k := -2; k < 5000; k++ {
		if got, want := log1pInt(k), math.Log1p(float64(k)); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("log1pInt(%d) = %v, want %v", k, got, want)
		}
	}
}
