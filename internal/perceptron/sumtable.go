package perceptron

import "runtime"

// SumTable maps keys (the words of a vocabulary) to a caller's payload and
// precomputed sums of model rows (say the features of the word alone, and
// those it gives its neighbours), so that a word of the table costs one
// look-up instead of one per feature. The sums are kept in 16-bit lanes,
// one per label, without the bias, and the number of rows summed in the
// last (padding) lane; AddSums adds them to a Sums exactly as Add adds the
// rows they came from. Read-only once built; safe for concurrent use.
type SumTable struct {
	m      *Model
	slots  []uint64 // fingerprint<<32 | entry+1, 0 = empty
	mask   uint64
	data   []uint64 // entries of stride words: meta, payload, vecs × pw lanes
	extra  int      // payload words
	vecs   int      // sums per entry
	stride int
	pad    uint64 // the padding lanes of a vector's last word
	n      int    // entries
}

// NewSumTable returns an empty table of up to n entries of extra payload
// words and vecs sums each, for sums of m's rows, or nil when m has no
// padding lane (a multiple of 4 labels) to keep the row counts in.
func NewSumTable(m *Model, extra, vecs, n int) *SumTable {
	m.index()
	if m.NLabels%4 == 0 {
		return nil
	}
	stride := 1 + extra + vecs*m.pw
	if stride > 8 {
		stride = (stride + 7) &^ 7 // whole cache lines
	}
	size := 1
	for size < 2*n {
		size <<= 1
	}
	t := &SumTable{m: m, extra: extra, vecs: vecs, stride: stride, mask: uint64(size - 1)}
	t.pad = ^uint64(0) << (16 * (m.NLabels % 4))
	if t.slots = makeHuge[uint64](m, size); t.slots == nil {
		t.slots = make([]uint64, size)
	}
	if t.data = makeHuge[uint64](m, n*stride); t.data == nil {
		t.data = make([]uint64, n*stride)
	}
	return t
}

// Len returns the number of entries.
func (t *SumTable) Len() int { return t.n }

// Put adds key k (not yet in the table) with meta, payload (extra words)
// and the sums sums (vecs of them), which must have been summed from zero.
// It returns false, adding nothing, when the table is full, a Sums summed
// more than 65535 rows or a label's sum does not fit 16 bits.
func (t *SumTable) Put(k, meta uint64, payload []uint64, sums ...*Sums) bool {
	if t.n*t.stride >= len(t.data) || len(sums) != t.vecs {
		return false
	}
	m := t.m
	e := t.data[t.n*t.stride : (t.n+1)*t.stride]
	for i, s := range sums {
		if s.rows > 0xffff {
			clear(e)
			return false
		}
		lanes := e[1+t.extra+i*m.pw : 1+t.extra+(i+1)*m.pw]
		bias := int64(packBias * s.rows)
		for w := range lanes {
			lo, hi := s.wide[2*w], s.wide[2*w+1]
			vs := [4]int64{int64(lo&0xffffffff) - bias, int64(hi&0xffffffff) - bias, int64(lo>>32) - bias, int64(hi>>32) - bias}
			var word uint64
			for j, v := range vs {
				if 4*w+j >= m.NLabels {
					break // padding lanes stay 0
				}
				if v != int64(int16(v)) {
					clear(e)
					return false
				}
				word |= uint64(uint16(v)) << (16 * j)
			}
			lanes[w] = word
		}
		lanes[m.pw-1] |= uint64(s.rows) << 48
	}
	e[0] = meta
	copy(e[1:1+t.extra], payload)
	fp := uint64(fingerprint(k))
	j := k & t.mask
	for t.slots[j] != 0 {
		j = (j + 1) & t.mask
	}
	t.slots[j] = fp<<32 | uint64(t.n+1)
	t.n++
	runtime.KeepAlive(t.m)
	return true
}

// Get returns the entry of key k, or -1.
func (t *SumTable) Get(k uint64) int32 {
	fp := uint64(fingerprint(k))
	j := k & t.mask
	for {
		s := t.slots[j]
		if s>>32 == fp {
			runtime.KeepAlive(t.m)
			return int32(uint32(s)) - 1
		}
		if s == 0 {
			runtime.KeepAlive(t.m)
			return -1
		}
		j = (j + 1) & t.mask
	}
}

// Meta returns the meta given to Put for entry e.
func (t *SumTable) Meta(e int32) uint64 {
	v := t.data[int(e)*t.stride]
	runtime.KeepAlive(t.m)
	return v
}

// Payload returns the payload word i of entry e.
func (t *SumTable) Payload(e int32, i int) uint64 {
	v := t.data[int(e)*t.stride+1+i]
	runtime.KeepAlive(t.m)
	return v
}

// Touch loads every cache line of entry e and returns a checksum of them
// to keep (see Model.Touch): touching many entries in one tight loop lets
// their memory loads overlap.
func (t *SumTable) Touch(e int32) uint64 {
	o := int(e) * t.stride
	d := t.data[o : o+t.stride]
	var x uint64
	for i := 0; i < len(d); i += 8 {
		x += d[i]
	}
	runtime.KeepAlive(t.m)
	return x
}

// AddSums adds the sums v of entry e to s: the same lanes as Model.Add
// of the rows they were summed from.
func (t *SumTable) AddSums(s *Sums, e int32, v int) {
	pw := t.m.pw
	o := int(e)*t.stride + 1 + t.extra + v*pw
	lanes := t.data[o : o+pw]
	rows := int(lanes[pw-1] >> 48)
	if s.rows += rows; s.rows > maxFeats {
		panic("perceptron: too many features")
	}
	bias := uint32(packBias * rows)
	for w, x := range lanes {
		if w == pw-1 {
			x &^= t.pad
		}
		l0 := uint64(uint32(int32(int16(x))) + bias)
		l1 := uint64(uint32(int32(int16(x>>16))) + bias)
		l2 := uint64(uint32(int32(int16(x>>32))) + bias)
		l3 := uint64(uint32(int32(int16(x>>48))) + bias)
		s.wide[2*w] += l0 | l2<<32
		s.wide[2*w+1] += l1 | l3<<32
	}
	runtime.KeepAlive(t.m)
}
