//go:build !amd64

package category

// axpy adds a × src to dst (axpyGo).
func axpy(dst []float32, src []int8, a float32) { axpyGo(dst, src, a) }
