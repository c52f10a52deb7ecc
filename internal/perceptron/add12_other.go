//go:build !amd64

package perceptron

// add12 is add12Go (see add12_amd64.go).
func add12(d []uint64, offs []int, p []uint64, rs []int32, wide []uint64) {
	add12Go(d, offs, p, rs, wide)
}

// bestLanes is bestLanesGo (see add12_amd64.go).
func bestLanes(ws []uint64, n int) int { return bestLanesGo(ws, n) }

// addEnts12 adds nothing: AddAll's Go path (see add12_amd64.go).
func addEnts12(d *uint64, ents *int32, nents int, stride int, base int, nd int, p *uint64, rs *int32, nrs int, np int, src, dst *[24]uint64) (total int, ok bool) {
	return 0, false
}
