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
			switch r.IntN(5) {
			case 4: // neighbours of 1 (keys differing in their last bits)
				v[i] = math.Float64frombits(math.Float64bits(1) + uint64(r.IntN(5)) - 2)
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

// TestPackedSortFallback checks that the packed sort gives way to the
// radix sort when keys differ only in the bits its indices take, and
// sorts exactly when they do not.
func TestPackedSortFallback(t *testing.T) {
	near := []float64{1, math.Nextafter(1, 2), -5, 1, math.Nextafter(1, 0), 3}
	far := []float64{1, 2, -5, 1, 0.5, 3}
	for _, c := range []struct {
		v  []float64
		ok bool
	}{{near, false}, {far, true}} {
		k := make([]uint64, len(c.v))
		var and, or uint64 = ^uint64(0), 0
		for i, x := range c.v {
			k[i] = descKey(x)
			and &= k[i]
			or |= k[i]
		}
		got, ok := new(scratch).packedSort(k, and^or)
		if ok != c.ok {
			t.Errorf("%v: packed sort %v, want %v", c.v, ok, c.ok)
		}
		if want := sortedByValue(c.v); ok && !slices.Equal(got, want) {
			t.Errorf("%v: packed sort %v, want %v", c.v, got, want)
		}
		if got, want := byValue(c.v), sortedByValue(c.v); !slices.Equal(got, want) {
			t.Errorf("%v: byValue %v, want %v", c.v, got, want)
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
