//go:build !amd64

package sentiment

import "unsafe"

// axpy adds a × src to dst[:len(src)] (axpyGo).
func axpy(dst []float32, src []int8, a float32) { axpyGo(dst, src, a) }

// axpyBlock is axpy on the n elements at dst and src (the caller checks
// the bounds).
func axpyBlock(dst *float32, src *int8, n int, a float32) {
	axpyGo(unsafe.Slice(dst, n), unsafe.Slice(src, n), a)
}
