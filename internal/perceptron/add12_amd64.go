package perceptron

// add12 is addMixed for rows of 12 words, in assembly (add12SSE2): the
// packed words are summed in six SSE2 registers, two words per addition,
// and widened there. In Go the twelve sums did not fit the registers: the
// compiler spilled and reloaded them around every row.
func add12(d []uint64, offs []int, p []uint64, rs []int32, wide []uint64) {
	w := (*[24]uint64)(wide[:24])
	var dp *uint64
	var op *int
	if len(offs) > 0 {
		for _, o := range offs {
			_ = d[o : o+12] // (the checks the assembly leaves out)
		}
		dp, op = &d[0], &offs[0]
	}
	var pp *uint64
	var rp *int32
	if len(rs) > 0 {
		var top uint32
		for _, r := range rs {
			top = max(top, uint32(r))
		}
		if int(top) >= len(p)/12 {
			panic("perceptron: row out of range")
		}
		pp, rp = &p[0], &rs[0]
	}
	add12SSE2(dp, op, len(offs), pp, rp, len(rs), w)
}

// add12SSE2 adds the 12 words at d[offs[i]:] for i < noffs and the rows
// p[12*rs[i]:] for i < nrs as one packed sum, and widens it into w (see
// addMixed).
//
//go:noescape
func add12SSE2(d *uint64, offs *int, noffs int, p *uint64, rs *int32, nrs int, w *[24]uint64)

// bestLanes is bestLanesGo in assembly (bestSSE2): the largest lane of
// the words found four lanes per comparison, then the first word that
// holds it, instead of a key made and compared per lane.
func bestLanes(ws []uint64, n int) int {
	nw := (n + 3) / 4
	if n < 1 || len(ws) < 2*nw {
		panic("perceptron: bestLanes: too few lanes")
	}
	m := lastLanes[n-4*(nw-1)]
	w, mask := bestSSE2(&ws[0], nw, m[0], m[1])
	// mask: the word's lanes equal to the largest, by position in its
	// 16 bytes: bit 0 label 4w, 1 label 4w+2, 2 label 4w+1, 3 label 4w+3
	// (a lane of the last word past n is 0: never before a label's)
	l := 4 * w
	switch {
	case mask&1 != 0:
	case mask&4 != 0:
		l++
	case mask&2 != 0:
		l += 2
	default:
		l += 3
	}
	return l
}

// lastLanes[k] keeps the lanes of labels 4w..4w+k-1 of a word's wide lanes
// (wide[2w], wide[2w+1]).
var lastLanes = [5][2]uint64{
	1: {0xffffffff, 0},
	2: {0xffffffff, 0xffffffff},
	3: {^uint64(0), 0xffffffff},
	4: {^uint64(0), ^uint64(0)},
}

// bestSSE2 returns, of the n packed words whose wide lanes are at ws (the
// last word's lanes and-ed with mlo, mhi), the first word w holding the
// largest lane value (below 2^24: the largest is found as floats, with
// one comparison per word), and which of its four 32-bit lanes, in
// memory order, hold it (a 4-bit mask).
//
//go:noescape
func bestSSE2(ws *uint64, n int, mlo, mhi uint64) (w, mask int)

// addEnts12 is SumTable.AddAllTo of a model of 12 packed words, for
// entries and rows of at most packMax rows in all, in assembly (p 16-byte
// aligned: the rows are added straight from memory): dst becomes src plus
// the 12 words at d[base+12k+stride*ents[k]:] of each ents[k] >= 0 and the
// rows p[12*rs[i]:], summed as one packed sum and widened once (dst may be
// src), and it returns the rows the entries hold (their last lanes) and
// true. With more than packMax rows in all it writes nothing and returns
// false, and for an entry or a row out of range (d holds nd words, p np
// rows) -1 and false.
//
//go:noescape
func addEnts12(d *uint64, ents *int32, nents int, stride int, base int, nd int, p *uint64, rs *int32, nrs int, np int, src, dst *[24]uint64) (total int, ok bool)
