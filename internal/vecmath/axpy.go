// Package vecmath holds the small vector kernels that the models' folded
// networks share (sentiment's and the categories' first layers): int8
// weight rows added, scaled, to float32 sums.
package vecmath

// AxpyGo adds a × src to dst[:len(src)], eight at a time (each element's
// product and sum as in the plain loop). Axpy is the same, in assembly on
// amd64, bit for bit.
func AxpyGo(dst []float32, src []int8, a float32) {
	dst = dst[:len(src)]
	for len(src) >= 8 {
		q := src[:8:8]
		d := dst[:8:8]
		d[0] += a * float32(q[0])
		d[1] += a * float32(q[1])
		d[2] += a * float32(q[2])
		d[3] += a * float32(q[3])
		d[4] += a * float32(q[4])
		d[5] += a * float32(q[5])
		d[6] += a * float32(q[6])
		d[7] += a * float32(q[7])
		src, dst = src[8:], dst[8:]
	}
	for j, q := range src {
		dst[j] += a * float32(q)
	}
}
