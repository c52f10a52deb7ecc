package sentiment

import "unsafe"

// axpy is axpyGo with 16 elements at a time in SSE2 registers (axpySSE2):
// the same product and sum per element, each rounded to float32 as the
// scalar instructions of axpyGo round it (Go does not fuse them on
// amd64 v1), so the sums are bit-identical; the network's first layer was
// 0.36 M of the pipeline's 18.3 M instructions per article.
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

// axpyBlock is axpy on the n elements at dst and src (the caller checks
// the bounds): logits' rows, without the slicing of a call of axpy.
func axpyBlock(dst *float32, src *int8, n int, a float32) {
	if n%16 == 0 {
		axpySSE2(dst, src, n, a)
		return
	}
	axpy(unsafe.Slice(dst, n), unsafe.Slice(src, n), a)
}

// axpySSE2 adds a × src[j] to dst[j] for j < n (a multiple of 16).
//
//go:noescape
func axpySSE2(dst *float32, src *int8, n int, a float32)
