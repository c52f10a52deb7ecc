//go:build !amd64

package sentiment

// axpy adds a × src to dst[:len(src)] (axpyGo).
func axpy(dst []float32, src []int8, a float32) { axpyGo(dst, src, a) }
