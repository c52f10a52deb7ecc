package ner

import (
	"slices"
	"testing"
)

// viterbiRef is the plain loop over preds that viterbi unrolls.
func viterbiRef(n int, em, trans, start []float32) []int {
	delta := make([]float32, n*nLabels)
	back := make([]uint8, n*nLabels)
	for y := 0; y < nLabels; y++ {
		delta[y] = em[y] + start[y] + mask[0][y]
	}
	for i := 1; i < n; i++ {
		for y := 0; y < nLabels; y++ {
			best, bi := negInf, uint8(0)
			for _, a := range preds[y] {
				if v := delta[(i-1)*nLabels+int(a)] + trans[int(a)*nLabels+y]; v > best {
					best, bi = v, a
				}
			}
			delta[i*nLabels+y] = best + em[i*nLabels+y]
			back[i*nLabels+y] = bi
		}
	}
	best, bi := negInf, 0
	for y := 0; y < nLabels; y++ {
		if canEnd(y) && delta[(n-1)*nLabels+y] > best {
			best, bi = delta[(n-1)*nLabels+y], y
		}
	}
	lab := make([]int, n)
	lab[n-1] = bi
	for i := n - 1; i > 0; i-- {
		lab[i-1] = int(back[i*nLabels+lab[i]])
	}
	return lab
}

// The unrolled Viterbi must pick the same path as the loop over preds,
// ties included (small integer scores make many ties).
func TestViterbiSameAsPreds(t *testing.T) {
	for y := 0; y < nLabels; y++ {
		var want []uint8
		if slices.Contains(starts[:], uint8(y)) {
			want = closed[:]
		} else {
			want = []uint8{uint8(1 + 4*ltype(y)), uint8(2 + 4*ltype(y))}
		}
		if !slices.Equal(preds[y], want) {
			t.Fatalf("preds[%d] = %v, want %v", y, preds[y], want)
		}
	}
	rng := uint64(7)
	next := func(k int) float32 {
		rng = rng*6364136223846793005 + 1442695040888963407
		return float32(int(rng>>33) % k)
	}
	for trial := 0; trial < 2000; trial++ {
		k := 3 + trial%20 // value range: small k, many ties
		n := 1 + trial%30
		em := make([]float32, n*nLabels)
		trans := make([]float32, nLabels*nLabels)
		start := make([]float32, nLabels)
		for i := range em {
			em[i] = next(k)
		}
		for i := range trans {
			trans[i] = next(k) - float32(k/2)
		}
		for i := range start {
			start[i] = next(k)
		}
		got := viterbi(n, em, trans, start, make([]uint8, n*nLabels), make([]float32, n*nLabels), nil)
		if want := viterbiRef(n, em, trans, start); !slices.Equal(got, want) {
			t.Fatalf("trial %d: viterbi %v, want %v", trial, got, want)
		}
	}
}

func TestCannotStartNumeric(t *testing.T) {
	for s, want := range map[string]bool{
		",": true, "(": true, "Paris": true, "minister": true, "September-October": true,
		"March": false, "may": false, "TWENTY": false, "last": false, "US$5": false, "$": false,
		"5": false, "1990s": false, "€": false, "£20": false, "": false, "naïve": false,
	} {
		if got := cannotStartNumeric(s); got != want {
			t.Errorf("cannotStartNumeric(%q) = %v, want %v", s, got, want)
		}
	}
}
