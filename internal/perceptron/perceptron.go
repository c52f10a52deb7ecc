// Package perceptron holds the linear models behind the tagger and the
// entity recogniser: hashed features, an averaged-perceptron trainer and a
// compact read-only model with an open-addressing feature table.
package perceptron

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"unsafe"

	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/hugemem"
)

// Seed starts a feature hash (64-bit FNV-1a, see internal/hashing) for
// template id t.
func Seed(t uint64) uint64 { return (hashing.Offset ^ t) * hashing.Prime }

// AddString hashes s into h.
func AddString(h uint64, s string) uint64 { return hashing.AddString(h, s) }

// AddBytes hashes b into h.
func AddBytes(h uint64, b []byte) uint64 { return hashing.AddBytes(h, b) }

// AddUint hashes v into h: its low and its high 32 bits as two FNV-1a
// steps of a full word each (not bytewise, which hashing does not offer).
func AddUint(h, v uint64) uint64 {
	h = (h ^ v) * hashing.Prime
	return (h ^ v>>32) * hashing.Prime
}

// Mix finalises a hash so that nearby keys spread over a table.
func Mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	if h == 0 {
		h = 1
	}
	return h
}

// Model is a trained, read-only linear model: for each known feature a row
// of NLabels weights. Safe for concurrent use.
type Model struct {
	NLabels int
	Labels  []string
	slots   []slot // open addressing, fingerprint 0 = empty
	keys    []uint64
	mask    uint64
	w       []int16   // quantised weights, NLabels per row
	scale   float32   // weight = w * scale
	lscale  []float32 // per-label scales of a joined model (nil: scale)
	// packed holds the weights requantised to 12 bits in 16-bit lanes,
	// biased by +2048, four labels per word, pw words per row: Score adds
	// four labels with one 64-bit addition.
	packed []uint64
	pw     int
	// aligned is whether packed starts on 16 bytes (an allocation of
	// that size does, on the heap or from hugemem): addEnts12 needs it.
	aligned bool
	once    sync.Once // builds slots and packed on first use
	// Trans[i*NLabels+j] is the weight of label j following label i;
	// Start[j] the weight of label j at the start of a sequence.
	Trans []float32
	Start []float32
}

// slot holds a key's fingerprint (its high 32 bits, never 0) and its row.
type slot struct {
	fp  uint32
	row uint32
}

func fingerprint(k uint64) uint32 { return uint32(k>>32) | 1 }

// NewModel builds a model from feature keys and their weight rows.
func NewModel(labels []string, keys []uint64, w []float32, trans, start []float32) *Model {
	var maxAbs float32
	for _, v := range w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	q := make([]int16, len(w))
	for i, v := range w {
		q[i] = int16(math.Round(float64(v / scale)))
	}
	return newModel(labels, keys, q, scale, trans, start)
}

func newModel(labels []string, keys []uint64, q []int16, scale float32, trans, start []float32) *Model {
	n := len(labels)
	return &Model{NLabels: n, Labels: labels, w: q, scale: scale, Trans: trans, Start: start, keys: keys}
}

// index builds the lookup table and the packed weights (once, on first
// use, so that a model only read for Join costs nothing more).
func (m *Model) index() {
	m.once.Do(func() {
		if m.NLabels > maxLabels {
			panic("perceptron: too many labels")
		}
		size := 1
		for size < len(m.keys)*3/2+1 {
			size <<= 1
		}
		m.pack()
		if m.slots = hugemem.Make[slot](m, size); m.slots == nil {
			m.slots = make([]slot, size)
		}
		m.mask = uint64(size - 1)
		for i, k := range m.keys {
			j := k & m.mask
			for m.slots[j].fp != 0 {
				j = (j + 1) & m.mask
			}
			m.slots[j] = slot{fingerprint(k), uint32(i)}
		}
	})
}

// Features returns the number of features in the model.
func (m *Model) Features() int { return len(m.w) / max(m.NLabels, 1) }

// find returns the row of feature key k, or -1.
func (m *Model) find(k uint64) int32 {
	j := k & m.mask
	fp := fingerprint(k)
	for {
		s := m.slots[j]
		if s.fp == fp {
			return int32(s.row)
		}
		if s.fp == 0 {
			return -1
		}
		j = (j + 1) & m.mask
	}
}

const (
	packShift = 4    // int16 weight >> packShift = 12-bit lane value
	packBias  = 2048 // lanes hold value + packBias
	packMax   = 16   // rows added before the lanes could overflow
	maxLabels = 72
	maxFeats  = 1 << 20 // rows Score adds before its 32-bit sums could overflow
)

func (m *Model) pack() {
	n := m.NLabels
	if n == 0 {
		return
	}
	m.pw = (n + 3) / 4
	rows := len(m.w) / n
	if m.packed = hugemem.Make[uint64](m, rows*m.pw); m.packed == nil {
		m.packed = make([]uint64, rows*m.pw)
	}
	m.aligned = uintptr(unsafe.Pointer(unsafe.SliceData(m.packed)))%16 == 0
	for r := 0; r < rows; r++ {
		for i := 0; i < n; i++ {
			v := quant12(m.w[r*n+i])
			m.packed[r*m.pw+i/4] |= uint64(v+packBias) << (16 * (i % 4))
		}
		for i := n; i < m.pw*4; i++ {
			m.packed[r*m.pw+i/4] |= packBias << (16 * (i % 4))
		}
	}
}

// quant12 requantises a 16-bit weight to the 12 bits Score adds.
func quant12(v int16) int32 {
	q := (int32(v) + 1<<(packShift-1)) >> packShift
	return max(min(q, packBias-1), -(packBias - 1))
}

// Sums is an exact running sum of model rows (see Find, Add and AddTo):
// a caller can add the rows of the features that do not depend on earlier
// decisions once, copy the Sums, and add the rest later. The zero value
// is empty.
type Sums struct {
	// wide[2w] holds lanes 0 and 2 of packed word w, wide[2w+1] lanes 1
	// and 3, as 32-bit sums (exact for up to maxFeats rows).
	wide [2 * maxWords]uint64
	rows int
}

// Find appends to rows the row of each feature key of feats that the
// model knows. The loads of different keys overlap, so finding the rows
// of many features in one call is cheaper than one at a time.
func (m *Model) Find(feats []uint64, rows []int32) []int32 {
	m.index()
	n := len(rows)
	rows = slices.Grow(rows, len(feats))[:n+len(feats)]
	out := rows[n:]
	slots, mask := m.slots, m.mask
	k := 0
	for _, f := range feats {
		r := probe(slots, mask, f)
		out[k] = r
		k += int(^uint32(r) >> 31) // keep r >= 0
	}
	runtime.KeepAlive(m) // slots may be outside the heap (hugemem.Make)
	return rows[:n+k]
}

// FindRuns is Find of runs of keys in one call: the keys of run i are
// feats[ends[i-1]:ends[i]] (from 0 for i = 0); their rows are appended
// to rows, and ends[i] becomes the end of run i's rows in rows.
func (m *Model) FindRuns(feats []uint64, ends []int, rows []int32) []int32 {
	m.index()
	n := len(rows)
	rows = slices.Grow(rows, len(feats))[:n+len(feats)]
	out := rows[n:]
	slots, mask := m.slots, m.mask
	k, start := 0, 0
	for i, end := range ends {
		for _, f := range feats[start:end] {
			r := probe(slots, mask, f)
			out[k] = r
			k += int(^uint32(r) >> 31) // keep r >= 0
		}
		ends[i], start = n+k, end
	}
	runtime.KeepAlive(m)
	return rows[:n+k]
}

// probe returns the row of key f in slots, or -1.
func probe(slots []slot, mask, f uint64) int32 {
	j, fp := f&mask, fingerprint(f)
	for {
		s := slots[j]
		if s.fp == fp {
			return int32(s.row)
		}
		if s.fp == 0 {
			return -1
		}
		j = (j + 1) & mask
	}
}

// TouchKeys loads the first table slot of each key of feats and returns
// a checksum of them to keep (see Touch): a Find of the same keys then
// finds the slots in the caches.
func (m *Model) TouchKeys(feats []uint64) uint64 {
	m.index()
	slots, mask := m.slots, m.mask
	var x uint64
	for _, f := range feats {
		x += uint64(slots[f&mask].fp)
	}
	runtime.KeepAlive(m)
	return x
}

// Touch loads the first and the last word of each of rows (their cache
// lines) and returns a checksum of them, which the caller keeps somewhere
// so that the loads are not optimised away. Touching the rows of many
// features in one tight loop lets their memory loads overlap before Add
// needs them, when the model is not in the caches.
func (m *Model) Touch(rows []int32) uint64 {
	p, pw := m.packed, m.pw
	var x uint64
	for _, r := range rows {
		o := int(r) * pw
		x += p[o] ^ p[o+pw-1]
	}
	runtime.KeepAlive(m)
	return x
}

// Add adds the rows (from Find) to s.
func (m *Model) Add(s *Sums, rows []int32) {
	if s.rows += len(rows); s.rows > maxFeats {
		panic("perceptron: too many features")
	}
	for len(rows) > 0 {
		c := min(len(rows), packMax)
		m.addRows(rows[:c], s.wide[:2*m.pw])
		rows = rows[c:]
	}
	runtime.KeepAlive(m)
}

// AddTo adds the weights summed in s to scores.
func (m *Model) AddTo(s *Sums, scores []float32) {
	n := m.NLabels
	bias := int64(packBias * s.rows)
	scores = scores[:n]
	// label 4w+j's exact sum is lane j of packed word w, less the bias:
	// lanes 0 and 2 are the halves of wide[2w], 1 and 3 those of
	// wide[2w+1]. Four labels at a time, written out (no array of sums
	// in between, no bounds checks in the loop).
	full := n / 4
	if ls := m.lscale; ls != nil {
		ls = ls[:n]
		for w := 0; w < full; w++ {
			lo, hi := s.wide[2*w], s.wide[2*w+1]
			o, l := (*[4]float32)(scores[4*w:4*w+4]), (*[4]float32)(ls[4*w:4*w+4])
			o[0] += float32(int32(int64(lo&0xffffffff)-bias)) * l[0]
			o[1] += float32(int32(int64(hi&0xffffffff)-bias)) * l[1]
			o[2] += float32(int32(int64(lo>>32)-bias)) * l[2]
			o[3] += float32(int32(int64(hi>>32)-bias)) * l[3]
		}
		if full < m.pw {
			w := full
			v := lanes(s, w, bias)
			for j := range n - 4*w {
				scores[4*w+j] += float32(v[j]) * ls[4*w+j]
			}
		}
		return
	}
	sc := m.scale * (1 << packShift)
	for w := 0; w < full; w++ {
		lo, hi := s.wide[2*w], s.wide[2*w+1]
		o := (*[4]float32)(scores[4*w : 4*w+4])
		o[0] += float32(int32(int64(lo&0xffffffff)-bias)) * sc
		o[1] += float32(int32(int64(hi&0xffffffff)-bias)) * sc
		o[2] += float32(int32(int64(lo>>32)-bias)) * sc
		o[3] += float32(int32(int64(hi>>32)-bias)) * sc
	}
	if full < m.pw {
		w := full
		v := lanes(s, w, bias)
		for j := range n - 4*w {
			scores[4*w+j] += float32(v[j]) * sc
		}
	}
}

// lanes returns the exact sums of the four labels of packed word w of s.
func lanes(s *Sums, w int, bias int64) [4]int32 {
	lo, hi := s.wide[2*w], s.wide[2*w+1]
	return [4]int32{
		int32(int64(lo&0xffffffff) - bias),
		int32(int64(hi&0xffffffff) - bias),
		int32(int64(lo>>32) - bias),
		int32(int64(hi>>32) - bias),
	}
}

// Best returns the label with the highest score in s, the first of equal
// ones: the argmax of AddTo into zero scores. It compares the exact
// integer sums, which order the labels as their float scores do while
// the sums are far below 2^24 (float32 keeps them apart); otherwise, and
// for a joined model, it compares the float scores.
func (m *Model) Best(s *Sums) int {
	n := m.NLabels
	if m.lscale != nil || s.rows >= 1<<12 { // 4096 rows of ±2047 < 2^23
		var sc [maxLabels]float32
		m.AddTo(s, sc[:n])
		best := 0
		for i, v := range sc[:n] {
			if v > sc[best] {
				best = i
			}
		}
		return best
	}
	// Every lane holds its label's sum plus the same bias, packBias per
	// row, below 2^24: comparing the lanes as they are orders the labels
	// as their sums do.
	return bestLanes(s.wide[:2*m.pw], n)
}

// bestLanesGo returns the first label of the largest of the n lanes (sums
// of labels, below 2^24) of the packed words whose wide lanes are ws:
// Best's exact path, and bestLanes where there is no assembly. Each lane
// becomes the key sum<<8 | 255-label, so that the largest key is the
// largest sum and, of equal sums, the first label; max compiles to
// conditional moves, where comparing the sums one by one mispredicted a
// branch at each new best.
func bestLanesGo(ws []uint64, n int) int {
	var best uint64
	full := n / 4
	l := uint64(255) // (255 less the word's first label)
	for w := 0; w < full; w++ {
		lo, hi := ws[2*w], ws[2*w+1]
		best = max(best, uint64(uint32(lo))<<8|l, uint64(uint32(hi))<<8|(l-1), lo>>32<<8|(l-2), hi>>32<<8|(l-3))
		l -= 4
	}
	if k := n - 4*full; k > 0 {
		lo, hi := ws[2*full], ws[2*full+1]
		vs := [4]uint64{lo & 0xffffffff, hi & 0xffffffff, lo >> 32, hi >> 32}
		for j, v := range vs[:k] {
			best = max(best, v<<8|(l-uint64(j)))
		}
	}
	return 255 - int(best&0xff)
}

// Score adds the weights of feats (Mixed keys) to scores.
//
// The lookups run in two phases (find the rows of up to 64 features, then
// add the rows) so that the memory loads of different features overlap.
// Rows are added four 16-bit lanes at a time in registers, up to packMax
// rows before the lanes are widened into 32-bit lanes; the bias is taken
// off once at the end. The sums are exact, so the order does not matter.
func (m *Model) Score(feats []uint64, scores []float32) {
	m.index()
	var s Sums
	var buf [64]int32
	for len(feats) > 0 {
		k := min(len(feats), len(buf))
		rows := m.Find(feats[:k], buf[:0])
		m.Add(&s, rows)
		feats = feats[k:]
	}
	m.AddTo(&s, scores)
}

const maxWords = (maxLabels + 3) / 4

// lanes02 selects lanes 0 and 2 of a packed word.
const lanes02 = 0x0000ffff0000ffff

// addRows adds the packed rows rs (at most packMax) to wide. The widths
// of the shipped models (17 labels: 5 words, 34: 9, 45: 12) have a
// kernel that keeps every word's sum in a register.
func (m *Model) addRows(rs []int32, wide []uint64) {
	m.addMixed(nil, nil, rs, wide)
}

// addMixed adds to wide the packed words at offsets offs of d (sums of a
// SumTable) and the packed rows rs, as one packed sum widened once: the
// rows they hold together must be at most packMax, so that no 16-bit lane
// overflows.
func (m *Model) addMixed(d []uint64, offs []int, rs []int32, wide []uint64) {
	pw := m.pw
	p := m.packed
	switch pw {
	case 5:
		add5(d, offs, p, rs, wide)
		return
	case 9:
		add9(d, offs, p, rs, wide)
		return
	case 12:
		add12(d, offs, p, rs, wide)
		return
	}
	q := 0
	for ; q+4 <= pw; q += 4 {
		var l0, l1, l2, l3 uint64
		for _, o := range offs {
			row := (*[4]uint64)(d[o+q:])
			l0 += row[0]
			l1 += row[1]
			l2 += row[2]
			l3 += row[3]
		}
		for _, r := range rs {
			row := (*[4]uint64)(p[int(r)*pw+q:])
			l0 += row[0]
			l1 += row[1]
			l2 += row[2]
			l3 += row[3]
		}
		w := (*[8]uint64)(wide[2*q:])
		w[0] += l0 & lanes02
		w[1] += l0 >> 16 & lanes02
		w[2] += l1 & lanes02
		w[3] += l1 >> 16 & lanes02
		w[4] += l2 & lanes02
		w[5] += l2 >> 16 & lanes02
		w[6] += l3 & lanes02
		w[7] += l3 >> 16 & lanes02
	}
	for ; q < pw; q++ {
		var l uint64
		for _, o := range offs {
			l += d[o+q]
		}
		for _, r := range rs {
			l += p[int(r)*pw+q]
		}
		wide[2*q] += l & lanes02
		wide[2*q+1] += l >> 16 & lanes02
	}
}

// add5 is addMixed for rows of 5 words, all words in one pass.
func add5(d []uint64, offs []int, p []uint64, rs []int32, wide []uint64) {
	var l0, l1, l2, l3, l4 uint64
	for _, o := range offs {
		row := (*[5]uint64)(d[o : o+5])
		l0 += row[0]
		l1 += row[1]
		l2 += row[2]
		l3 += row[3]
		l4 += row[4]
	}
	for _, r := range rs {
		o := int(r) * 5
		row := (*[5]uint64)(p[o : o+5])
		l0 += row[0]
		l1 += row[1]
		l2 += row[2]
		l3 += row[3]
		l4 += row[4]
	}
	w := (*[10]uint64)(wide[:10])
	w[0] += l0 & lanes02
	w[1] += l0 >> 16 & lanes02
	w[2] += l1 & lanes02
	w[3] += l1 >> 16 & lanes02
	w[4] += l2 & lanes02
	w[5] += l2 >> 16 & lanes02
	w[6] += l3 & lanes02
	w[7] += l3 >> 16 & lanes02
	w[8] += l4 & lanes02
	w[9] += l4 >> 16 & lanes02
}

// add9 is addMixed for rows of 9 words, all words in one pass.
func add9(d []uint64, offs []int, p []uint64, rs []int32, wide []uint64) {
	var l0, l1, l2, l3, l4, l5, l6, l7, l8 uint64
	for _, o := range offs {
		row := (*[9]uint64)(d[o : o+9])
		l0 += row[0]
		l1 += row[1]
		l2 += row[2]
		l3 += row[3]
		l4 += row[4]
		l5 += row[5]
		l6 += row[6]
		l7 += row[7]
		l8 += row[8]
	}
	for _, r := range rs {
		o := int(r) * 9
		row := (*[9]uint64)(p[o : o+9])
		l0 += row[0]
		l1 += row[1]
		l2 += row[2]
		l3 += row[3]
		l4 += row[4]
		l5 += row[5]
		l6 += row[6]
		l7 += row[7]
		l8 += row[8]
	}
	w := (*[18]uint64)(wide[:18])
	w[0] += l0 & lanes02
	w[1] += l0 >> 16 & lanes02
	w[2] += l1 & lanes02
	w[3] += l1 >> 16 & lanes02
	w[4] += l2 & lanes02
	w[5] += l2 >> 16 & lanes02
	w[6] += l3 & lanes02
	w[7] += l3 >> 16 & lanes02
	w[8] += l4 & lanes02
	w[9] += l4 >> 16 & lanes02
	w[10] += l5 & lanes02
	w[11] += l5 >> 16 & lanes02
	w[12] += l6 & lanes02
	w[13] += l6 >> 16 & lanes02
	w[14] += l7 & lanes02
	w[15] += l7 >> 16 & lanes02
	w[16] += l8 & lanes02
	w[17] += l8 >> 16 & lanes02
}

// sortedRows returns the row numbers of keys in increasing key order.
func sortedRows(keys []uint64) []int32 {
	rows := make([]int32, len(keys))
	for i := range rows {
		rows[i] = int32(i)
	}
	sort.Slice(rows, func(x, y int) bool { return keys[rows[x]] < keys[rows[y]] })
	return rows
}

// Join returns a read-only model whose rows are the rows of a followed by
// the rows of b (labels of a, then labels of b), so that one lookup per
// feature scores both. Features missing from one model get zeros there.
// The result is for Score only (it cannot be written).
func Join(a, b *Model) *Model {
	na, nb := a.NLabels, b.NLabels
	n := na + nb
	ka, kb := sortedRows(a.keys), sortedRows(b.keys)
	keys := make([]uint64, 0, max(len(ka), len(kb)))
	var w []int16
	for i, j := 0, 0; i < len(ka) || j < len(kb); {
		var k uint64
		switch {
		case j >= len(kb) || i < len(ka) && a.keys[ka[i]] < b.keys[kb[j]]:
			k = a.keys[ka[i]]
		default:
			k = b.keys[kb[j]]
		}
		base := len(w)
		w = append(w, make([]int16, n)...)
		row := w[base:]
		if i < len(ka) && a.keys[ka[i]] == k {
			copy(row, a.w[int(ka[i])*na:int(ka[i]+1)*na])
			i++
		}
		if j < len(kb) && b.keys[kb[j]] == k {
			copy(row[na:], b.w[int(kb[j])*nb:int(kb[j]+1)*nb])
			j++
		}
		keys = append(keys, k)
	}
	labels := append(append([]string(nil), a.Labels...), b.Labels...)
	m := newModel(labels, keys, w, 1, nil, nil)
	m.lscale = make([]float32, n)
	for i := range m.lscale {
		if i < na {
			m.lscale[i] = a.scale * (1 << packShift)
		} else {
			m.lscale[i] = b.scale * (1 << packShift)
		}
	}
	return m
}

const magic = "LPCM1"

// Write writes the model, gzipped, with weights quantised to 16 bits.
func (m *Model) Write(w io.Writer) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	put := func(v any) { binary.Write(bw, binary.LittleEndian, v) }
	bw.WriteString(magic)
	put(uint32(m.NLabels))
	for _, l := range m.Labels {
		put(uint16(len(l)))
		bw.WriteString(l)
	}
	putF := func(fs []float32) {
		put(uint32(len(fs)))
		put(fs)
	}
	putF(m.Trans)
	putF(m.Start)
	// collect features in key order (better compression, deterministic)
	type kr struct {
		k uint64
		r int32
	}
	var ks []kr
	for r, k := range m.keys {
		ks = append(ks, kr{k, int32(r)})
	}
	sort.Slice(ks, func(a, b int) bool { return ks[a].k < ks[b].k })
	scale := m.scale
	put(uint32(len(ks)))
	put(scale)
	var prev uint64
	buf := make([]byte, binary.MaxVarintLen64)
	for _, e := range ks {
		n := binary.PutUvarint(buf, e.k-prev)
		bw.Write(buf[:n])
		prev = e.k
	}
	q := make([]int16, m.NLabels)
	for _, e := range ks {
		copy(q, m.w[int(e.r)*m.NLabels:int(e.r+1)*m.NLabels])
		put(q)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read reads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	get := func(v any) error { return binary.Read(br, binary.LittleEndian, v) }
	mg := make([]byte, len(magic))
	if _, err := io.ReadFull(br, mg); err != nil || string(mg) != magic {
		return nil, errors.New("perceptron: not a model file")
	}
	var n uint32
	if err := get(&n); err != nil {
		return nil, err
	}
	if n > 1000 {
		return nil, fmt.Errorf("perceptron: bad label count %d", n)
	}
	labels := make([]string, n)
	for i := range labels {
		var l uint16
		get(&l)
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, err
		}
		labels[i] = string(b)
	}
	getF := func() ([]float32, error) {
		var c uint32
		if err := get(&c); err != nil {
			return nil, err
		}
		fs := make([]float32, c)
		return fs, get(fs)
	}
	trans, err := getF()
	if err != nil {
		return nil, err
	}
	start, err := getF()
	if err != nil {
		return nil, err
	}
	var nf uint32
	var scale float32
	get(&nf)
	if err := get(&scale); err != nil {
		return nil, err
	}
	keys := make([]uint64, nf)
	var prev uint64
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		prev += d
		keys[i] = prev
	}
	q := make([]int16, int(nf)*int(n))
	if err := get(q); err != nil {
		return nil, err
	}
	return newModel(labels, keys, q, scale, trans, start), nil
}

// Prune returns a copy of m without the features whose weights are all
// below minAbs in magnitude.
func (m *Model) Prune(minAbs float32) *Model {
	n := m.NLabels
	q := int32(math.Round(float64(minAbs / m.scale)))
	var keys []uint64
	var w []int16
	for r, k := range m.keys {
		row := m.w[r*n : (r+1)*n]
		keep := false
		for _, v := range row {
			if int32(v) >= q || int32(v) <= -q {
				keep = true
				break
			}
		}
		if keep {
			keys = append(keys, k)
			w = append(w, row...)
		}
	}
	return newModel(m.Labels, keys, w, m.scale, m.Trans, m.Start)
}

// Prepare builds the lookup table now rather than on the first Score.
func (m *Model) Prepare() { m.index() }
