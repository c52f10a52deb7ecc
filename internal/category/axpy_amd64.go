package category

// axpy adds a × src to dst (len(dst) == len(src)), 16 elements at a time
// in SSE2 registers (axpySSE2, a copy of internal/sentiment's): the same
// product and sum per element as axpyGo, each rounded to float32.
func axpy(dst []float32, src []int8, a float32) {
	dst = dst[:len(src)]
	n := len(src) &^ 15
	if n > 0 {
		axpySSE2(&dst[0], &src[0], n, a)
	}
	for j := n; j < len(src); j++ {
		dst[j] += a * float32(src[j])
	}
}

// axpySSE2 adds a × src[j] to dst[j] for j < n (a multiple of 16).
//
//go:noescape
func axpySSE2(dst *float32, src *int8, n int, a float32)
