package category

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unsafe"

	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/hugemem"
	"github.com/lector-nlp/lector/internal/wordvec"
)

// Vectors maps words (as normalise leaves them) to unit-length word
// vectors, stored as int8 with one scale, and optionally to their word
// clusters (WithClusters), so that one look-up per word serves both. The
// shipped model's vectors are the pretrained GloVe vectors of
// internal/wordvec (WithWordVec; until session 8 they were learnt by
// TrainVectors on unlabelled news), so words that the labelled data never
// shows still pull a document towards the topics of their neighbours.
//
// The table is an open-addressing index of 8-byte slots (the upper 32 bits
// of the word's 64-bit key, record number+1) over records of stride bytes
// (a multiple of 64, aligned so in the model file): the int8 vector, the
// three cluster ids, flags and the 64-bit key. A word costs a cold
// document two or three cache lines, where separate vector and cluster
// tables cost five to eight.
type Vectors struct {
	Dim    int
	n      int    // records
	index  []byte // per slot: uint32 key>>32, uint32 record+1 (0: empty)
	recs   []byte // n records of stride bytes
	stride int
	scale  float32 // value of one int8 step
	mask   uint64
	// clustered: the records carry the words' clusters (WithClusters).
	clustered bool
	// glove: the records carry the words' GloVe indices (recGlove)
	glove bool
	// slots, when not nil, holds each record in the index slot that
	// points to it (stride bytes a slot, zero where the index is empty;
	// see slotted): a word's look-up then reads its record's two lines,
	// which findAll loads together, where it read an index line and then
	// the record's. Record numbers (find, record) are then slot numbers.
	slots []byte
}

// Record layout after the Dim vector bytes.
const (
	recIDs   = 0 // 3 × uint16 cluster ids
	recFlags = 6 // flagVec | flagClusters
	recKey   = 8 // uint64 key
	recTail  = 16
	// recGlove (uint32: 1 + the word's GloVe index, 0 none) follows in
	// tables with room for it (Vectors.glove; WithWordVec sets it): the
	// gated network's row of the word
	recGlove = 16

	flagVec      = 1
	flagClusters = 2
)

// wordKey is the table key of a word; never 0.
func wordKey(w []byte) uint64 { return hashing.Mix(hashing.AddBytes(hashing.Offset, w)) | 1 }

// NewVectors builds a table from words and their row-major vectors,
// normalising each to unit length and then multiplying it by its weight
// (all 1 when weights is nil).
func NewVectors(words []string, vecs []float32, dim int, weights []float32) *Vectors {
	unit := make([]float32, len(words)*dim)
	maxAbs := float32(0)
	for i := range words {
		r := vecs[i*dim : i*dim+dim]
		n := 0.0
		for _, x := range r {
			n += float64(x * x)
		}
		inv := float32(1 / math.Sqrt(max(n, 1e-12)))
		if weights != nil {
			inv *= weights[i]
		}
		for j, x := range r {
			unit[i*dim+j] = x * inv
			maxAbs = max(maxAbs, float32(math.Abs(float64(x*inv))))
		}
	}
	scale := maxAbs / 127
	es := make([]lexEntry, len(words))
	for i, w := range words {
		q := make([]byte, dim)
		for j, x := range unit[i*dim : i*dim+dim] {
			q[j] = byte(int8(math.Round(float64(x / scale))))
		}
		es[i] = lexEntry{key: wordKey([]byte(w)), vec: q}
	}
	return buildVectors(dim, scale, es, false, false)
}

// recStride is the record size of vectors of dim bytes: a multiple of 64,
// or 16 for a table without vectors (clusters only).
func recStride(dim int) int {
	if dim == 0 {
		return recTail
	}
	return (dim + recTail + 63) / 64 * 64
}

// lexEntry is one word of a table being built.
type lexEntry struct {
	key    uint64
	vec    []byte // int8; nil: none
	ids    [3]uint16
	hasIDs bool
	glove  uint32 // 1 + GloVe index; 0 none
}

func buildVectors(dim int, scale float32, es []lexEntry, clustered, huge bool) *Vectors {
	stride := recStride(dim)
	size := 1
	for size < 2*len(es) {
		size *= 2
	}
	v := &Vectors{Dim: dim, n: len(es), stride: stride, scale: scale, mask: uint64(size - 1), clustered: clustered}
	v.glove = dim > 0 && stride >= dim+recGlove+4
	if huge {
		v.index = hugemem.Make[byte, struct{}](nil, 8*size)
		v.recs = hugemem.Make[byte, struct{}](nil, stride*len(es))
	}
	if v.index == nil || v.recs == nil {
		v.index = make([]byte, 8*size)
		v.recs = make([]byte, stride*len(es))
	}
	for i, e := range es {
		r := v.recs[i*stride : (i+1)*stride]
		var fl byte
		if e.vec != nil {
			copy(r, e.vec)
			fl |= flagVec
		}
		if e.hasIDs {
			for l, id := range e.ids {
				binary.LittleEndian.PutUint16(r[dim+recIDs+2*l:], id)
			}
			fl |= flagClusters
		}
		r[dim+recFlags] = fl
		binary.LittleEndian.PutUint64(r[dim+recKey:], e.key)
		if v.glove {
			binary.LittleEndian.PutUint32(r[dim+recGlove:], e.glove)
		}
		j := e.key & v.mask
		for binary.LittleEndian.Uint32(v.index[8*j+4:]) != 0 {
			j = (j + 1) & v.mask
		}
		binary.LittleEndian.PutUint32(v.index[8*j:], uint32(e.key>>32))
		binary.LittleEndian.PutUint32(v.index[8*j+4:], uint32(i+1))
	}
	return v
}

// entries returns the table's words as entries to build from.
func (v *Vectors) entries() []lexEntry { return v.appendEntries(make([]lexEntry, 0, v.n)) }

// appendEntries appends the table's words to es as entries to build from.
func (v *Vectors) appendEntries(es []lexEntry) []lexEntry {
	for i := 0; i < v.n; i++ {
		r := v.recs[i*v.stride : (i+1)*v.stride]
		e := lexEntry{key: binary.LittleEndian.Uint64(r[v.Dim+recKey:])}
		fl := r[v.Dim+recFlags]
		if fl&flagVec != 0 {
			e.vec = r[:v.Dim]
		}
		if v.glove {
			e.glove = binary.LittleEndian.Uint32(r[v.Dim+recGlove:])
		}
		if fl&flagClusters != 0 {
			e.hasIDs = true
			for l := range e.ids {
				e.ids[l] = binary.LittleEndian.Uint16(r[v.Dim+recIDs+2*l:])
			}
		}
		es = append(es, e)
	}
	return es
}

// WithClusters returns a table with the words' clusters added: words and
// ids are the entries of a wordclusters table (as ReadClusterWords
// returns them). A normalised (lower-case) word takes the clusters of its
// own entry, else of its title-case entry ("Paris" for paris), as
// wordclusters' Lookup(KeyOf(w, false)) then Lookup(KeyOf(w, true)) do;
// words under neither entry get none.
func (v *Vectors) WithClusters(words []string, ids [][3]uint16) *Vectors {
	es := v.entries()
	for i := range es {
		es[i].hasIDs = false
	}
	at := make(map[uint64]int, len(es))
	for i, e := range es {
		at[e.key] = i
	}
	set := func(w string, id [3]uint16, weak bool) {
		k := wordKey([]byte(w))
		i, ok := at[k]
		if !ok {
			i = len(es)
			es = append(es, lexEntry{key: k})
			at[k] = i
		}
		if weak && es[i].hasIDs {
			return
		}
		es[i].ids, es[i].hasIDs = id, true
	}
	// own entries first: they win over title-case ones
	for i, w := range words {
		if !hasUpperASCII(w) {
			set(w, ids[i], false)
		}
	}
	for i, w := range words {
		if n, ok := titleBase(w); ok {
			set(n, ids[i], true)
		}
	}
	return buildVectors(v.Dim, v.scale, es, true, false)
}

// clustersOnly returns the table's words that have clusters, without
// vectors (Dim 0).
func (v *Vectors) clustersOnly() *Vectors {
	var es []lexEntry
	for _, e := range v.entries() {
		if e.hasIDs {
			e.vec = nil
			es = append(es, e)
		}
	}
	return buildVectors(0, 0, es, v.clustered, false)
}

// WithWordVec returns a table of t.Dim() with the words of v, which has
// no vectors (Dim 0: its clusters), and the words of t with t's int8
// rows as their vectors: each word's GloVe vector divided by its largest
// component (times 127), so that in a sum every word counts alike. A
// GloVe word is keyed by its normalised form (normalise: lower case,
// digits 0, a final 's dropped), the more frequent of two with the same
// form winning. The new table's memory is in huge pages when huge is set
// (and there are some; it then lives as long as the process).
func (v *Vectors) WithWordVec(t *wordvec.Table, huge bool) *Vectors {
	// one allocation for all (4 MB, garbage once the table is built)
	es := v.appendEntries(make([]lexEntry, 0, v.n+t.Len()))
	var buf []byte
	for i := 0; i < t.Len(); i++ {
		w, ok := normalise(t.Word(i), buf[:0])
		buf = w
		if !ok {
			continue
		}
		k := wordKey(w)
		r, _ := t.RowAt(i)
		row := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(r))), len(r))
		// a word of v (its entry is es[j-1]) takes the vector; the
		// others get an entry of their own. A form already taken by a
		// more frequent word gets a second entry that no look-up reaches
		// (buildVectors places it after the first in its probe sequence).
		if j := v.find(k); j != 0 && es[j-1].key == k {
			if es[j-1].vec == nil {
				es[j-1].vec, es[j-1].glove = row, uint32(i+1)
			}
			continue
		}
		es = append(es, lexEntry{key: k, vec: row, glove: uint32(i + 1)})
	}
	return buildVectors(t.Dim(), 1.0/127, es, v.clustered, huge)
}

func hasUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// titleBase returns the word whose title-case form (KeyOf(n, true): the
// first byte upper-cased if a-z, later A-Z lower-cased) is w: w with its
// first byte lower-cased, when w starts with A-Z and has no other ASCII
// capital.
func titleBase(w string) (string, bool) {
	if w == "" || w[0] < 'A' || w[0] > 'Z' || hasUpperASCII(w[1:]) {
		return "", false
	}
	return string(w[0]+'a'-'A') + w[1:], true
}

// lookup returns the record of word w, or nil.
func (v *Vectors) lookup(w []byte) []byte {
	return v.record(v.find(wordKey(w)))
}

// slotted returns the slots of v (see Vectors) in huge-page memory
// that lives as long as the process, or nil when there is none.
func (v *Vectors) slotted() []byte {
	size := int(v.mask + 1)
	mem := hugemem.Make[byte, struct{}](nil, size*v.stride)
	if mem == nil {
		return nil
	}
	for j := 0; j < size; j++ {
		if r := int(binary.LittleEndian.Uint32(v.index[8*j+4:])); r != 0 {
			copy(mem[j*v.stride:(j+1)*v.stride], v.recs[(r-1)*v.stride:r*v.stride])
		}
	}
	return mem
}

// find returns 1 + the record of key k, or 0: the first slot from k's
// with the upper half of k or empty (the records' keys are never 0).
func (v *Vectors) find(k uint64) uint32 {
	j := k & v.mask
	if v.slots != nil {
		for o := v.Dim + recKey; ; j = (j + 1) & v.mask {
			key := binary.LittleEndian.Uint64(v.slots[int(j)*v.stride+o:])
			if key == 0 {
				return 0
			}
			if uint32(key>>32) == uint32(k>>32) {
				return uint32(j) + 1
			}
		}
	}
	for {
		s := v.index[8*j : 8*j+8]
		r := binary.LittleEndian.Uint32(s[4:])
		if r == 0 || binary.LittleEndian.Uint32(s) == uint32(k>>32) {
			return r
		}
		j = (j + 1) & v.mask
	}
}

// record returns record r-1, or nil when r is 0.
func (v *Vectors) record(r uint32) []byte {
	if r == 0 {
		return nil
	}
	if v.slots != nil {
		return v.slots[int(r-1)*v.stride : int(r)*v.stride]
	}
	return v.recs[int(r-1)*v.stride : int(r)*v.stride]
}

// findAll sets the rec of every word of toks, in two loops: the first
// loads their first index slots, the second finds their records and loads
// the two ends of each (vector start, flags), so that on a cold table
// the loads of a loop overlap. It returns a sum of the loaded bytes, to
// keep the loads.
func (v *Vectors) findAll(toks []ctok) uint32 {
	sink := uint32(0)
	if v.slots != nil {
		// the two lines of each word's first slot, then the look-ups
		o := v.Dim + recKey
		for i := range toks {
			j := int((hashing.Mix(toks[i].h) | 1) & v.mask)
			sink += uint32(v.slots[j*v.stride]) + uint32(v.slots[j*v.stride+o])
		}
		for i := range toks {
			toks[i].rec = v.find(hashing.Mix(toks[i].h) | 1)
		}
		return sink
	}
	for i := range toks {
		k := hashing.Mix(toks[i].h) | 1
		sink += uint32(v.index[8*(k&v.mask)+4])
	}
	for i := range toks {
		r := v.find(hashing.Mix(toks[i].h) | 1)
		toks[i].rec = r
		if r != 0 {
			o := int(r-1) * v.stride
			sink += uint32(v.recs[o]) + uint32(v.recs[o+v.Dim+recFlags])
		}
	}
	return sink
}

// row returns the int8 vector of word w, or nil.
func (v *Vectors) row(w []byte) []byte {
	r := v.lookup(w)
	if r == nil || r[v.Dim+recFlags]&flagVec == 0 {
		return nil
	}
	return r[:v.Dim]
}

// Len returns the number of words with a vector.
func (v *Vectors) Len() int {
	n := 0
	for i := 0; i < v.n; i++ {
		if v.recs[i*v.stride+v.Dim+recFlags]&flagVec != 0 {
			n++
		}
	}
	return n
}

// vecHeader is the fixed part of an encoded table.
type vecHeader struct {
	Dim, N, Slots, Stride, Flags, Pad uint32
	Scale                             float32
}

// encode appends the table: header, zero padding up to a multiple of 128
// bytes from the start of buf (the records stay cache-line aligned in a
// model file used in place from aligned memory), index, records.
func (v *Vectors) encode(buf *bytes.Buffer) {
	h := vecHeader{uint32(v.Dim), uint32(v.n), uint32(v.mask + 1), uint32(v.stride), 0, 0, v.scale}
	if v.clustered {
		h.Flags = 1
	}
	end := buf.Len() + binary.Size(h)
	h.Pad = uint32((128 - end%128) % 128)
	binary.Write(buf, binary.LittleEndian, h)
	buf.Write(make([]byte, h.Pad))
	buf.Write(v.index)
	buf.Write(v.recs)
}

// decodeVectors reads a table written by encode, in place, and returns
// what follows it.
func decodeVectors(b []byte) (*Vectors, []byte, error) {
	var h vecHeader
	hs := binary.Size(h)
	if len(b) < hs {
		return nil, nil, errors.New("category: truncated vectors")
	}
	binary.Read(bytes.NewReader(b[:hs]), binary.LittleEndian, &h)
	dim, n, size, stride := int(h.Dim), int(h.N), int(h.Slots), int(h.Stride)
	if dim < 0 || dim > 1024 || size&(size-1) != 0 || size < n || stride < dim+recTail || len(b) < hs+int(h.Pad)+8*size+n*stride {
		return nil, nil, errors.New("category: bad vectors")
	}
	b = b[hs+int(h.Pad):]
	v := &Vectors{Dim: dim, n: n, stride: stride, scale: h.Scale, mask: uint64(size - 1), clustered: h.Flags&1 != 0}
	v.glove = dim > 0 && stride >= dim+recGlove+4
	v.index, b = b[:8*size], b[8*size:]
	v.recs, b = b[:n*stride], b[n*stride:]
	return v, b, nil
}

// ReadClusterWords reads the words and cluster ids of a wordclusters
// table file (clusters.txt.gz: word, tab, three ids per line), for
// WithClusters.
func ReadClusterWords(r io.Reader) ([]string, [][3]uint16, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, nil, err
	}
	var words []string
	var ids [][3]uint16
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 4 {
			return nil, nil, fmt.Errorf("category: bad cluster line %q", sc.Text())
		}
		var id [3]uint16
		for l := range id {
			x, err := strconv.Atoi(f[l+1])
			if err != nil {
				return nil, nil, err
			}
			id[l] = uint16(x)
		}
		words = append(words, f[0])
		ids = append(ids, id)
	}
	return words, ids, sc.Err()
}

// SIFWeights returns a/(a+p(w)) for each word, p its relative frequency
// in docs: the smooth inverse frequency of Arora et al. (2017), which
// lets rare, topical words outweigh frequent ones in a sum of vectors.
func SIFWeights(words []string, docs [][]string, a float64) []float32 {
	count := make(map[string]int, len(words))
	for _, w := range words {
		count[w] = 0
	}
	total := 0
	for _, d := range docs {
		for _, w := range d {
			if _, ok := count[w]; ok {
				count[w]++
			}
			total++
		}
	}
	out := make([]float32, len(words))
	for i, w := range words {
		out[i] = float32(a / (a + float64(count[w])/float64(total)))
	}
	return out
}
