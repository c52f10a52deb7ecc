//go:build !amd64

package vecmath

import "unsafe"

// Axpy adds a × src to dst[:len(src)] (AxpyGo).
func Axpy(dst []float32, src []int8, a float32) { AxpyGo(dst, src, a) }

// AxpyBlock is Axpy on the n elements at dst and src (the caller checks
// the bounds).
func AxpyBlock(dst *float32, src *int8, n int, a float32) {
	AxpyGo(unsafe.Slice(dst, n), unsafe.Slice(src, n), a)
}
