package vecmath

import "unsafe"

// Axpy is AxpyGo with 16 elements at a time in SSE2 registers (axpySSE2):
// the same product and sum per element, each rounded to float32 as the
// scalar instructions of AxpyGo round it (Go does not fuse them on
// amd64 v1), so the sums are bit-identical.
func Axpy(dst []float32, src []int8, a float32) {
	dst = dst[:len(src)]
	n := len(src) &^ 15
	if n > 0 {
		axpySSE2(&dst[0], &src[0], n, a)
	}
	for j := n; j < len(src); j++ {
		dst[j] += a * float32(src[j])
	}
}

// AxpyBlock is Axpy on the n elements at dst and src (the caller checks
// the bounds), without the slicing of a call of Axpy.
func AxpyBlock(dst *float32, src *int8, n int, a float32) {
	if n%16 == 0 {
		axpySSE2(dst, src, n, a)
		return
	}
	Axpy(unsafe.Slice(dst, n), unsafe.Slice(src, n), a)
}

// axpySSE2 adds a × src[j] to dst[j] for j < n (a multiple of 16).
//
//go:noescape
func axpySSE2(dst *float32, src *int8, n int, a float32)
