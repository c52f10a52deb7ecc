package perceptron

import "runtime"

// SumTable maps keys (the words of a vocabulary) to a caller's payload and
// a precomputed sum of model rows (the features of the word alone), so
// that a word of the table costs one look-up instead of one per feature.
// The sums are kept in 16-bit lanes, one per label, without the bias, and
// AddSums adds them to a Sums exactly as Add adds the rows they came from.
// Read-only once built; safe for concurrent use.
type SumTable struct {
	m      *Model
	slots  []uint64 // fingerprint<<32 | entry+1, 0 = empty
	mask   uint64
	data   []uint64 // entries of stride words: meta, payload, lanes
	extra  int      // payload words
	stride int
	n      int // entries
}

// metaBits is how many bits of an entry's first word are the caller's
// (the low 8 hold the number of rows summed).
const metaBits = 56

// NewSumTable returns an empty table of up to n entries of extra payload
// words each, for sums of m's rows.
func NewSumTable(m *Model, extra, n int) *SumTable {
	m.index()
	stride := 1 + extra + m.pw
	if stride > 8 {
		stride = (stride + 7) &^ 7 // whole cache lines
	}
	size := 1
	for size < 2*n {
		size <<= 1
	}
	t := &SumTable{m: m, extra: extra, stride: stride, mask: uint64(size - 1)}
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

// Put adds key k (not yet in the table) with meta (its low metaBits bits),
// payload (extra words) and the sums of s, which must have been summed
// from zero. It returns false, adding nothing, when the table is full, s
// summed more than 255 rows or a label's sum does not fit 16 bits.
func (t *SumTable) Put(k, meta uint64, payload []uint64, s *Sums) bool {
	if t.n*t.stride >= len(t.data) || s.rows > 255 {
		return false
	}
	m := t.m
	e := t.data[t.n*t.stride : (t.n+1)*t.stride]
	bias := int64(packBias * s.rows)
	for w := 0; w < m.pw; w++ {
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
		e[1+t.extra+w] = word
	}
	e[0] = meta<<(64-metaBits) | uint64(s.rows)
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

// Meta returns the meta bits given to Put for entry e.
func (t *SumTable) Meta(e int32) uint64 {
	v := t.data[int(e)*t.stride] >> (64 - metaBits)
	runtime.KeepAlive(t.m)
	return v
}

// Payload returns the payload word i of entry e.
func (t *SumTable) Payload(e int32, i int) uint64 {
	v := t.data[int(e)*t.stride+1+i]
	runtime.KeepAlive(t.m)
	return v
}

// Touch loads the first and the last word of entry e (its cache lines)
// and returns them for a checksum (see Model.Touch).
func (t *SumTable) Touch(e int32) uint64 {
	o := int(e) * t.stride
	v := t.data[o] ^ t.data[o+t.stride-1]
	runtime.KeepAlive(t.m)
	return v
}

// AddSums adds the sums of entry e to s: the same lanes as Model.Add of
// the rows they were summed from.
func (t *SumTable) AddSums(s *Sums, e int32) {
	o := int(e) * t.stride
	d := t.data[o : o+t.stride]
	rows := int(d[0] & 0xff)
	if s.rows += rows; s.rows > maxFeats {
		panic("perceptron: too many features")
	}
	bias := uint32(packBias * rows)
	lanes := d[1+t.extra:]
	pw := t.m.pw
	for w := 0; w < pw; w++ {
		v := lanes[w]
		l0 := uint64(uint32(int32(int16(v))) + bias)
		l1 := uint64(uint32(int32(int16(v>>16))) + bias)
		l2 := uint64(uint32(int32(int16(v>>32))) + bias)
		l3 := uint64(uint32(int32(int16(v>>48))) + bias)
		s.wide[2*w] += l0 | l2<<32
		s.wide[2*w+1] += l1 | l3<<32
	}
	runtime.KeepAlive(t.m)
}
