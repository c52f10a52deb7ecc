package vecmath_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/lector-nlp/lector/internal/vecmath"
)

// TestAxpy checks that Axpy and AxpyBlock (assembly on amd64) give
// AxpyGo's sums bit for bit, on every length up to 80 and on extreme
// values.
func TestAxpy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	as := []float32{0, 1, -1, 0.37, -1e-3, 1e30, -3e-39, float32(math.Copysign(0, -1)), 1.0 / 3}
	for n := 0; n <= 80; n++ {
		for k := 0; k < 20; k++ {
			src := make([]int8, n)
			for i := range src {
				switch rng.IntN(8) {
				case 0:
					src[i] = -128
				case 1:
					src[i] = 127
				default:
					src[i] = int8(rng.IntN(256) - 128)
				}
			}
			a := as[k%len(as)]
			if k >= len(as) {
				a = float32(rng.NormFloat64())
			}
			want := make([]float32, n+3)
			for i := range want {
				want[i] = float32(rng.NormFloat64() * 10)
			}
			if k%5 == 4 && n > 0 {
				want[0] = float32(math.Copysign(0, -1))
			}
			got := append([]float32(nil), want...)
			blk := append([]float32(nil), want...)
			vecmath.AxpyGo(want, src, a)
			vecmath.Axpy(got, src, a)
			if n > 0 {
				vecmath.AxpyBlock(&blk[0], &src[0], n, a)
			} else {
				blk = want
			}
			for i := range want {
				if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
					t.Fatalf("n %d a %g: element %d is %g, want %g", n, a, i, got[i], want[i])
				}
				if math.Float32bits(blk[i]) != math.Float32bits(want[i]) {
					t.Fatalf("n %d a %g: axpyBlock's element %d is %g, want %g", n, a, i, blk[i], want[i])
				}
			}
		}
	}
}
