package perceptron

import (
	"runtime"

	"github.com/lector-nlp/lector/internal/hugemem"
)

// SumTable maps keys (the words of a vocabulary) to a caller's payload and
// precomputed sums of model rows (say the features of the word alone, and
// those it gives its neighbours), so that a word of the table costs one
// look-up instead of one per feature. The sums are kept as Add sums its
// packed rows, with the bias (packBias per row), in 16-bit lanes, one per
// label, and the number of rows summed in the last (padding) lane; AddSums
// widens them into a Sums as Add does, with the same result. Read-only
// once built; safe for concurrent use.
type SumTable struct {
	m      *Model
	slots  []uint64 // fingerprint<<32 | entry+1, 0 = empty
	mask   uint64
	data   []uint64 // entries of stride words: meta, payload, vecs × pw lanes
	extra  int      // payload words
	vecs   int      // sums per entry
	stride int
	n      int // entries
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
	if t.slots = hugemem.Make[uint64](m, size); t.slots == nil {
		t.slots = make([]uint64, size)
	}
	if t.data = hugemem.Make[uint64](m, n*stride); t.data == nil {
		t.data = make([]uint64, n*stride)
	}
	return t
}

// Len returns the number of entries.
func (t *SumTable) Len() int { return t.n }

// Put adds key k (not yet in the table) with meta, payload (extra words)
// and the sums sums (vecs of them), which must have been summed from zero.
// It returns false, adding nothing, when the table is full or a label's
// biased sum does not fit 16 bits (it always does for up to 16 rows).
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
		for w := range lanes {
			lo, hi := s.wide[2*w], s.wide[2*w+1]
			vs := [4]uint64{lo & 0xffffffff, hi & 0xffffffff, lo >> 32, hi >> 32}
			var word uint64
			for j, v := range vs {
				if 4*w+j >= m.NLabels {
					break // padding lanes stay 0
				}
				if v > 0xffff {
					clear(e)
					return false
				}
				word |= v << (16 * j)
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

// TouchKeys loads the first table slot of each of keys and returns a
// checksum of them to keep (see Model.TouchKeys): Gets of the same keys
// then find their slots in the caches.
func (t *SumTable) TouchKeys(keys []uint64) uint64 {
	slots, mask := t.slots, t.mask
	var x uint64
	for _, k := range keys {
		x += slots[k&mask]
	}
	runtime.KeepAlive(t.m)
	return x
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
	if s.rows += int(t.data[o+pw-1] >> 48); s.rows > maxFeats {
		panic("perceptron: too many features")
	}
	// (the padding lanes, the row count among them, add what they hold
	// to padding lanes, which no label reads; their carries go up, into
	// padding lanes or out of the word)
	offs := [1]int{o}
	t.m.addMixed(t.data, offs[:], nil, s.wide[:2*pw])
	runtime.KeepAlive(t.m)
}

// AddAll adds to s the sums first+k of each entry ents[k] that is not
// negative, then the model's rows (from Find): the same as AddSums of
// each entry and Model.Add of rows, but the entries and the rows are
// summed together in the packed 16-bit lanes, up to packMax rows at a
// time, and widened into s once per such group instead of once per
// entry and once per packMax rows.
func (t *SumTable) AddAll(s *Sums, ents []int32, first int, rows []int32) {
	if !t.addAll12(s, s, ents, first, rows) {
		t.addAll(s, ents, first, rows)
	}
}

// AddAllTo sets dst to base plus what AddAll(base, ents, first, rows)
// would add, leaving base as it is (dst may be base). Only the lanes of
// t's model are set: what a dst of a wider model held past them is left.
func (t *SumTable) AddAllTo(dst, base *Sums, ents []int32, first int, rows []int32) {
	if t.addAll12(dst, base, ents, first, rows) {
		return
	}
	if dst != base {
		*dst = *base
	}
	t.addAll(dst, ents, first, rows)
}

// addAll12 is AddAllTo in assembly (addEnts12) for a model of 12 packed
// words whose entries and rows hold at most packMax rows; it returns
// false, changing nothing, otherwise.
func (t *SumTable) addAll12(dst, base *Sums, ents []int32, first int, rows []int32) bool {
	m := t.m
	if m.pw != 12 || !m.aligned || len(m.packed) == 0 || len(t.data) == 0 || len(ents)+len(rows) == 0 {
		return false
	}
	var ep, rp *int32
	if len(ents) > 0 {
		ep = &ents[0]
	}
	if len(rows) > 0 {
		rp = &rows[0]
	}
	total, ok := addEnts12(&t.data[0], ep, len(ents), t.stride, 1+t.extra+first*12, len(t.data), &m.packed[0], rp, len(rows), len(m.packed)/12, (*[24]uint64)(base.wide[:24]), (*[24]uint64)(dst.wide[:24]))
	if total < 0 {
		panic("perceptron: entry or row out of range")
	}
	if !ok {
		return false
	}
	if dst.rows = base.rows + total + len(rows); dst.rows > maxFeats {
		panic("perceptron: too many features")
	}
	runtime.KeepAlive(m)
	return true
}

// addAll is AddAll in Go.
func (t *SumTable) addAll(s *Sums, ents []int32, first int, rows []int32) {
	m := t.m
	pw := m.pw
	wide := s.wide[:2*pw]
	var offs [packMax]int
	no, n, total := 0, 0, 0 // entries in offs, the rows they hold, all their rows
	for k, e := range ents {
		if e < 0 {
			continue
		}
		o := int(e)*t.stride + 1 + t.extra + (first+k)*pw
		r := int(t.data[o+pw-1] >> 48)
		if r == 0 {
			continue // (all its lanes are 0)
		}
		if no > 0 && n+r > packMax {
			// (an entry of more than packMax rows, whose lanes fit 16
			// bits, is widened alone)
			m.addMixed(t.data, offs[:no], nil, wide)
			no, n = 0, 0
		}
		offs[no] = o
		no, n, total = no+1, n+r, total+r
	}
	if s.rows += total + len(rows); s.rows > maxFeats {
		panic("perceptron: too many features")
	}
	for no > 0 || len(rows) > 0 {
		c := min(len(rows), max(packMax-n, 0))
		m.addMixed(t.data, offs[:no], rows[:c], wide)
		rows = rows[c:]
		no, n = 0, 0
	}
	runtime.KeepAlive(m)
}
