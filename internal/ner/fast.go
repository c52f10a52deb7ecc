package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"runtime"
	"slices"

	"github.com/lector-nlp/lector/internal/hugemem"
	"github.com/lector-nlp/lector/internal/perceptron"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

// rawModel is a model file's features as written (perceptron.Model.Write):
// keys in increasing order, nLabels 16-bit weights per key, and the scale
// of one weight step.
type rawModel struct {
	keys  []uint64
	w     []int16
	scale float32
}

// readRaw reads the features of a model file (the format of
// perceptron.Read, which does not give them out).
func readRaw(b []byte) (*rawModel, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	get := func(v any) error { return binary.Read(br, binary.LittleEndian, v) }
	mg := make([]byte, 5)
	if _, err := io.ReadFull(br, mg); err != nil || string(mg) != "LPCM1" {
		return nil, errors.New("ner: not a model file")
	}
	var n uint32
	if err := get(&n); err != nil {
		return nil, err
	}
	if n != nLabels {
		return nil, errors.New("ner: model of another label set")
	}
	for range n {
		var l uint16
		if err := get(&l); err != nil {
			return nil, err
		}
		if _, err := br.Discard(int(l)); err != nil {
			return nil, err
		}
	}
	for range 2 { // transitions, start weights
		var c uint32
		if err := get(&c); err != nil {
			return nil, err
		}
		if _, err := br.Discard(4 * int(c)); err != nil {
			return nil, err
		}
	}
	var nf uint32
	m := &rawModel{}
	if err := get(&nf); err != nil {
		return nil, err
	}
	if err := get(&m.scale); err != nil {
		return nil, err
	}
	m.keys = make([]uint64, nf)
	var prev uint64
	for i := range m.keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		prev += d
		m.keys[i] = prev
	}
	m.w = make([]int16, int(nf)*nLabels)
	if err := get(m.w); err != nil {
		return nil, err
	}
	return m, nil
}

// rawOf returns the features of m as its file holds them.
func rawOf(m *perceptron.Model) *rawModel {
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		panic(err) // (a bytes.Buffer does not fail)
	}
	raw, err := readRaw(buf.Bytes())
	if err != nil {
		panic(err)
	}
	return raw
}

// The packed rows of fastModel are those of the perceptron package: the
// 16-bit weights requantised to 12 bits, biased by packBias, in 16-bit
// lanes, four labels a word, so that up to packMax rows add in the lanes
// without overflow; the bias is taken off the exact sums at the end.
const (
	packShift = 4
	packBias  = 2048
	packMax   = 16
	fw        = (nLabels + 3) / 4 // words of a packed row of one pass: 5
	slotW     = 8                 // words of a key slot: a cache line
	vocW      = 16                // words of a vocabulary entry: two cache lines
	lanes02   = 0x0000ffff0000ffff
)

func quant12(v int16) uint64 {
	q := (int32(v) + 1<<(packShift-1)) >> packShift
	return uint64(max(min(q, packBias-1), -(packBias-1)) + packBias)
}

// fastModel holds both passes' weights for labelFast, laid out so that
// the first pass, which labels every token, reads one cache line per
// feature key and two per vocabulary word, and the second pass's weights,
// which few sentences need, are read only for those.
//
// The key table is the perceptron's (the same size, fingerprints and
// insertion order as the joined model's, so a key finds the same row, or
// none, as there), but each slot is a cache line that holds the first
// model's packed row itself: the header fp<<32 | b (b: the second model's
// row in b, 0 = none, a row of zero weights), then fw words of lanes.
type fastModel struct {
	slots  []uint64
	mask   uint64
	bloom  []uint64 // a filter of the keys (see maybe): most keys of a document are not there
	bmask  uint64
	b      []uint64 // the second model's packed rows, slotW words each
	s1, s2 float32  // the score of one summed step of the first and second model

	// The vocabulary (common words, see newVocab): the perceptron
	// SumTable's slots (fp<<32 | entry+1), and per entry, in va, the
	// first model's sums of the word's wordFeatures (vector 0) and of the
	// keys it gives the token after it (1) and before it (2), fw words
	// each, then the word's lower-case hash; in vb the second model's.
	// The last word of each vector holds in lane 3 the rows summed; that
	// of vector 0 in va holds in lane 1 the word's shape (an index of
	// shapes) and in lane 2 its case, gazetteer kinds and no-numeric mark.
	vslots []uint64
	vmask  uint64
	va, vb []uint64
	shapes []uint64
	nv     int
}

// newFast builds the tables of models a (first pass) and b (second pass).
func newFast(a, b *rawModel, cl *wordclusters.Clusters, gv *gloveTable, gz *gazetteer, groups int) *fastModel {
	f := &fastModel{s1: a.scale * (1 << packShift), s2: b.scale * (1 << packShift)}
	// the keys of both, in increasing order (perceptron.Join)
	n := 0
	for i, j := 0, 0; i < len(a.keys) || j < len(b.keys); n++ {
		switch {
		case j >= len(b.keys) || i < len(a.keys) && a.keys[i] < b.keys[j]:
			i++
		case i >= len(a.keys) || b.keys[j] < a.keys[i]:
			j++
		default:
			i, j = i+1, j+1
		}
	}
	size := 1
	for size < n*3/2+1 {
		size <<= 1
	}
	f.mask = uint64(size - 1)
	if f.slots = hugemem.Make[uint64](f, size*slotW); f.slots == nil {
		f.slots = make([]uint64, size*slotW)
	}
	nb := len(b.keys) + 1
	if f.b = hugemem.Make[uint64](f, nb*slotW); f.b == nil {
		f.b = make([]uint64, nb*slotW)
	}
	pack(f.b[:fw], nil)
	bw := 1
	for bw*64 < n*19/2 { // (about 9.5 bits a key: some 5 % false positives)
		bw <<= 1
	}
	f.bloom, f.bmask = make([]uint64, bw), uint64(bw-1)
	nb = 1
	for i, j := 0, 0; i < len(a.keys) || j < len(b.keys); {
		var k uint64
		var ra, rb []int16
		switch {
		case j >= len(b.keys) || i < len(a.keys) && a.keys[i] < b.keys[j]:
			k, ra = a.keys[i], a.w[i*nLabels:(i+1)*nLabels]
			i++
		case i >= len(a.keys) || b.keys[j] < a.keys[i]:
			k, rb = b.keys[j], b.w[j*nLabels:(j+1)*nLabels]
			j++
		default:
			k, ra, rb = a.keys[i], a.w[i*nLabels:(i+1)*nLabels], b.w[j*nLabels:(j+1)*nLabels]
			i, j = i+1, j+1
		}
		s := k & f.mask
		for f.slots[s*slotW] != 0 {
			s = (s + 1) & f.mask
		}
		h := uint64(fingerprint(k)) << 32
		if rb != nil {
			pack(f.b[nb*slotW:nb*slotW+fw], rb)
			h |= uint64(nb)
			nb++
		}
		f.slots[s*slotW] = h
		pack(f.slots[s*slotW+1:s*slotW+1+fw], ra)
		f.bloom[k>>16&f.bmask] |= bloomBits(k)
	}
	f.b = f.b[:nb*slotW]
	if cl != nil {
		f.vocab(cl, gv, gz, groups)
	}
	return f
}

func fingerprint(k uint64) uint32 { return uint32(k>>32) | 1 }

// pack writes the packed lanes of weights w (nil: zeros) to row.
func pack(row []uint64, w []int16) {
	for l := range nLabels {
		v := uint64(packBias)
		if w != nil {
			v = quant12(w[l])
		}
		row[l/4] |= v << (16 * (l % 4))
	}
}

// bloomBits returns the bits of key k in its word of the filter (k>>16,
// the bits the key table's index leaves out).
func bloomBits(k uint64) uint64 {
	return 1<<(k>>40&63) | 1<<(k>>58)
}

// maybe reports whether key k may be in the table: false for most keys
// that are not, true for all that are. The filter (32 KB) takes far
// fewer cache lines than the slots of a document's keys.
func (f *fastModel) maybe(k uint64) bool {
	m := bloomBits(k)
	return f.bloom[k>>16&f.bmask]&m == m
}

// find returns the slot of key k, or -1.
func (f *fastModel) find(k uint64) int32 {
	j, fp := k&f.mask, uint64(fingerprint(k))
	if !f.maybe(k) {
		return -1
	}
	for {
		h := f.slots[j*slotW]
		if h>>32 == fp {
			return int32(j)
		}
		if h == 0 {
			return -1
		}
		j = (j + 1) & f.mask
	}
}

// touchKeys loads the filter's words of keys, then the first slot of
// each key the filter lets through, and returns a checksum of them to
// keep: the loads of many keys overlap, and findRuns then finds the
// slots in the caches. The keys the filter leaves out become 0 (no key
// is 0), which findRuns skips.
func (f *fastModel) touchKeys(keys []uint64) uint64 {
	slots, mask, bloom, bmask := f.slots, f.mask, f.bloom, f.bmask
	var x uint64
	for _, k := range keys {
		x += bloom[k>>16&bmask]
	}
	for i, k := range keys {
		m := bloomBits(k)
		pass := uint64(0)
		if bloom[k>>16&bmask]&m == m {
			pass = 1
		}
		k &= -pass
		keys[i] = k
		// (a key left out loads slot 0, which stays in the caches)
		x += slots[(k&mask)*slotW]
	}
	runtime.KeepAlive(f)
	return x
}

// findRuns is perceptron.Model.FindRuns of the key table: the slots of
// the keys of run i (keys[ends[i-1]:ends[i]]) are appended to slots, and
// ends[i] becomes their end there. Keys 0 (see touchKeys) are skipped.
func (f *fastModel) findRuns(keys []uint64, ends []int, out []int32) []int32 {
	n := len(out)
	out = slices.Grow(out, len(keys))[:n+len(keys)]
	o := out[n:]
	tab, mask := f.slots, f.mask
	k, start := 0, 0
	for i, end := range ends {
		for _, key := range keys[start:end] {
			j, fp := key&mask, uint64(fingerprint(key))
			r := int32(-1)
			if key != 0 {
				for {
					h := tab[j*slotW]
					if h>>32 == fp {
						r = int32(j)
						break
					}
					if h == 0 {
						break
					}
					j = (j + 1) & mask
				}
			}
			o[k] = r
			k += int(^uint32(r) >> 31)
		}
		ends[i], start = n+k, end
	}
	runtime.KeepAlive(f)
	return out[:n+k]
}

// sums is an exact running sum of one pass's rows: w[2q] holds lanes 0
// and 2 of packed word q, w[2q+1] lanes 1 and 3, as 32-bit sums; rows
// counts the rows summed (each adds packBias to every lane).
type sums struct {
	w    [2 * fw]uint64
	rows int
}

// widen adds the packed sum l of at most packMax rows to s.
func (s *sums) widen(l0, l1, l2, l3, l4 uint64) {
	s.w[0] += l0 & lanes02
	s.w[1] += l0 >> 16 & lanes02
	s.w[2] += l1 & lanes02
	s.w[3] += l1 >> 16 & lanes02
	s.w[4] += l2 & lanes02
	s.w[5] += l2 >> 16 & lanes02
	s.w[6] += l3 & lanes02
	s.w[7] += l3 >> 16 & lanes02
	s.w[8] += l4 & lanes02
	s.w[9] += l4 >> 16 & lanes02
}

// addRows adds to s the rows of slots (first pass, pass 0) or their
// second model's rows (pass 1), packMax at a time.
func (f *fastModel) addRows(s *sums, slots []int32, pass int) {
	s.rows += len(slots)
	tab := f.slots
	for len(slots) > 0 {
		c := min(len(slots), packMax)
		var l0, l1, l2, l3, l4 uint64
		if pass == 0 {
			for _, j := range slots[:c] {
				o := int(j)*slotW + 1
				row := (*[fw]uint64)(tab[o : o+fw])
				l0 += row[0]
				l1 += row[1]
				l2 += row[2]
				l3 += row[3]
				l4 += row[4]
			}
		} else {
			b := f.b
			for _, j := range slots[:c] {
				o := int(uint32(tab[int(j)*slotW])) * slotW
				row := (*[fw]uint64)(b[o : o+fw])
				l0 += row[0]
				l1 += row[1]
				l2 += row[2]
				l3 += row[3]
				l4 += row[4]
			}
		}
		s.widen(l0, l1, l2, l3, l4)
		slots = slots[c:]
	}
	runtime.KeepAlive(f)
}

// addEntries adds to s vector first+k of each vocabulary entry ents[k]
// that is not negative (pass 0: va, 1: vb), then the rows of slots, in
// packed sums of at most packMax rows.
func (f *fastModel) addEntries(s *sums, ents []int32, first int, slots []int32, pass int) {
	d := f.va
	if pass == 1 {
		d = f.vb
	}
	var l0, l1, l2, l3, l4 uint64
	n := 0
	for k, e := range ents {
		if e < 0 {
			continue
		}
		o := int(e)*vocW + (first+k)*fw
		v := (*[fw]uint64)(d[o : o+fw])
		r := int(v[4] >> 48)
		if n+r > packMax {
			s.widen(l0, l1, l2, l3, l4)
			l0, l1, l2, l3, l4, n = 0, 0, 0, 0, 0, 0
		}
		// (lanes 1-3 of the last word are not labels: what they add
		// carries up and out of the word, never into lane 0)
		l0 += v[0]
		l1 += v[1]
		l2 += v[2]
		l3 += v[3]
		l4 += v[4] & 0xffff
		n += r
		s.rows += r
	}
	if n > 0 && n+len(slots) > packMax {
		s.widen(l0, l1, l2, l3, l4)
		l0, l1, l2, l3, l4, n = 0, 0, 0, 0, 0, 0
	}
	if len(slots) > 0 && len(slots) <= packMax-n {
		// the common case: the rows join the entries' packed sum
		s.rows += len(slots)
		tab := f.slots
		if pass == 0 {
			for _, j := range slots {
				o := int(j)*slotW + 1
				row := (*[fw]uint64)(tab[o : o+fw])
				l0 += row[0]
				l1 += row[1]
				l2 += row[2]
				l3 += row[3]
				l4 += row[4]
			}
		} else {
			b := f.b
			for _, j := range slots {
				o := int(uint32(tab[int(j)*slotW])) * slotW
				row := (*[fw]uint64)(b[o : o+fw])
				l0 += row[0]
				l1 += row[1]
				l2 += row[2]
				l3 += row[3]
				l4 += row[4]
			}
		}
		slots = nil
		n = 1
	}
	if n > 0 {
		s.widen(l0, l1, l2, l3, l4)
	}
	if len(slots) > 0 {
		f.addRows(s, slots, pass)
	}
	runtime.KeepAlive(f)
}

// scores writes the scores of s to out: each label's exact sum (less the
// bias) times sc, as perceptron.Model.AddTo adds it to zero scores.
func (s *sums) scores(sc float32, out []float32) {
	bias := int64(packBias * s.rows)
	o := (*[nLabels]float32)(out[:nLabels])
	for q := range 4 {
		lo, hi := s.w[2*q], s.w[2*q+1]
		o[4*q] = float32(int32(int64(lo&0xffffffff)-bias)) * sc
		o[4*q+1] = float32(int32(int64(hi&0xffffffff)-bias)) * sc
		o[4*q+2] = float32(int32(int64(lo>>32)-bias)) * sc
		o[4*q+3] = float32(int32(int64(hi>>32)-bias)) * sc
	}
	o[16] = float32(int32(int64(s.w[8]&0xffffffff)-bias)) * sc
}

// lane returns the biased sum of label l (packBias per row added).
func (s *sums) lane(l int) uint64 {
	q := l / 4
	v := s.w[2*q+l%2]
	if l%4 >= 2 {
		v >>= 32
	}
	return v & 0xffffffff
}

// vocab builds the vocabulary tables (see newVocab, whose table this is:
// the same entries, slots and keys).
func (f *fastModel) vocab(cl *wordclusters.Clusters, gv *gloveTable, gz *gazetteer, groups int) {
	words, err := wordclusters.Words()
	if err != nil || len(words) == 0 {
		return
	}
	size := 1
	for size < 2*len(words) {
		size <<= 1
	}
	f.vmask = uint64(size - 1)
	if f.vslots = hugemem.Make[uint64](f, size); f.vslots == nil {
		f.vslots = make([]uint64, size)
	}
	if f.va = hugemem.Make[uint64](f, len(words)*vocW); f.va == nil {
		f.va = make([]uint64, len(words)*vocW)
	}
	if f.vb = hugemem.Make[uint64](f, len(words)*vocW); f.vb == nil {
		f.vb = make([]uint64, len(words)*vocW)
	}
	shapes := map[uint64]uint64{}
	var feats []uint64
	var rows []int32
	for _, w := range words {
		t := tok{word: w}
		wordValues(&t)
		clusterOf(&t, cl, gv)
		var ea, eb [vocW]uint64
		ok := true
		for v := range 3 {
			switch v {
			case 0:
				feats = wordFeatures(&t, groups, feats[:0])
			default:
				feats = neighbourKeys(&t, groups, v == 1, feats[:0])
			}
			rows = rows[:0]
			for _, k := range feats {
				if j := f.find(k); j >= 0 {
					rows = append(rows, j)
				}
			}
			var sa, sb sums
			f.addRows(&sa, rows, 0)
			f.addRows(&sb, rows, 1)
			for l := range nLabels {
				a, b := sa.lane(l), sb.lane(l)
				ok = ok && a <= 0xffff && b <= 0xffff
				ea[v*fw+l/4] |= a << (16 * (l % 4))
				eb[v*fw+l/4] |= b << (16 * (l % 4))
			}
			ok = ok && len(rows) <= 0xffff
			ea[v*fw+fw-1] |= uint64(len(rows)) << 48
			eb[v*fw+fw-1] |= uint64(len(rows)) << 48
		}
		if !ok {
			continue // (as SumTable.Put refuses it)
		}
		si, seen := shapes[t.sh]
		if !seen {
			si = uint64(len(f.shapes))
			if si > 0xffff {
				continue
			}
			shapes[t.sh] = si
			f.shapes = append(f.shapes, t.sh)
		}
		meta := uint64(t.cased) | b2u(cannotStartNumeric(w))<<3
		if gz != nil {
			meta |= uint64(gz.single(w)) << 4
		}
		ea[fw-1] |= si<<16 | meta<<32
		ea[vocW-1] = t.lh
		e := f.nv
		copy(f.va[e*vocW:], ea[:])
		copy(f.vb[e*vocW:], eb[:])
		k := vocabKey(w)
		j := k & f.vmask
		for f.vslots[j] != 0 {
			j = (j + 1) & f.vmask
		}
		f.vslots[j] = uint64(fingerprint(k))<<32 | uint64(e+1)
		f.nv++
	}
}

// touchVocab loads the first slot of each of keys (see touchKeys).
func (f *fastModel) touchVocab(keys []uint64) uint64 {
	slots, mask := f.vslots, f.vmask
	var x uint64
	for _, k := range keys {
		x += slots[k&mask]
	}
	runtime.KeepAlive(f)
	return x
}

// entry returns the vocabulary entry of key k, or -1.
func (f *fastModel) entry(k uint64) int32 {
	fp := uint64(fingerprint(k))
	j := k & f.vmask
	for {
		s := f.vslots[j]
		if s>>32 == fp {
			runtime.KeepAlive(f)
			return int32(uint32(s)) - 1
		}
		if s == 0 {
			runtime.KeepAlive(f)
			return -1
		}
		j = (j + 1) & f.vmask
	}
}

// touchEntry loads both cache lines of entry e's first-pass part.
func (f *fastModel) touchEntry(e int32) uint64 {
	o := int(e) * vocW
	x := f.va[o] + f.va[o+8]
	runtime.KeepAlive(f)
	return x
}

// setWord sets the values of t that come from its vocabulary entry e.
func (f *fastModel) setWord(t *tok, e int32) {
	o := int(e) * vocW
	v := (*[vocW]uint64)(f.va[o : o+vocW])
	t.lh = v[vocW-1]
	t.wh = t.lh // (wordFeatures' keys are in the entry; uniTable hashes it)
	meta := v[fw-1]
	t.sh = f.shapes[uint16(meta>>16)]
	t.cased = uint8(meta>>32) & 7
	t.noNum = meta>>35&1 != 0
	t.gk = uint16(meta>>36)&(gPrefix<<1-1) | gKnown
	runtime.KeepAlive(f)
}
