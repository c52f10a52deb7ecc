package category

import (
	"math"
	"math/rand/v2"
	"testing"
)

// classifyRows (classify6 for the shipped six categories, the generic
// loop for others) adds the same products in the same order as
// classifyBytes, bit for bit, on hashed and dense features of any value:
// also where the compiler may fuse a product and a sum (GOAMD64=v3,
// arm64), which the explicit roundings keep it from doing differently in
// the two loops.
func TestClassifyRowsBytes(t *testing.T) {
	c := mustLoad(t)
	if c.rows == nil {
		t.Skip("no padded rows")
	}
	nb := 1 << c.fz.Bits
	nd := len(c.dw) / len(c.bias)
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{len(c.bias), 3} { // (3: the generic loop on the first three categories)
		cc := *c
		cc.bias = c.bias[:n]
		if n != len(c.bias) {
			// the first three categories' weights, as both layouts hold them
			cc.w = make([]byte, 2*nb*n)
			rows := make([]int16, nb*rowStride)
			for b := 0; b < nb; b++ {
				copy(cc.w[2*b*n:2*(b+1)*n], c.w[2*b*len(c.bias):])
				copy(rows[b*rowStride:b*rowStride+n], c.rows[b*rowStride:])
			}
			cc.rows = rows
			cc.dw = make([]float32, nd*n)
			for j := 0; j < nd; j++ {
				copy(cc.dw[j*n:(j+1)*n], c.dw[j*len(c.bias):])
			}
		}
		for trial := 0; trial < 300; trial++ {
			feats := make([]Feature, rng.IntN(400))
			for i := range feats {
				idx := uint32(rng.IntN(nb))
				if nd > 0 && rng.IntN(4) == 0 {
					idx = uint32(nb + rng.IntN(nd))
				}
				feats[i] = Feature{idx, float32(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(5)-2)))}
			}
			a, b := make([]float64, n), make([]float64, n)
			for i := range a {
				a[i] = rng.NormFloat64()
				b[i] = a[i]
			}
			cc.classifyRows(feats, a)
			cc.classifyBytes(feats, b)
			for i := range a {
				if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
					t.Fatalf("%d categories, trial %d: score %d is %v from the rows, %v from the bytes", n, trial, i, a[i], b[i])
				}
			}
		}
	}
}
