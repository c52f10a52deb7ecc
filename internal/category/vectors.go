package category

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"

	"github.com/lector-nlp/lector/internal/hashing"
)

// Vectors maps words (as normalise leaves them) to unit-length word
// vectors, stored as int8 with one scale and looked up by word hash in an
// open-addressing table. The vectors are learnt by TrainVectors on
// unlabelled news, so words that the labelled data never shows still
// pull a document towards the topics of their neighbours.
type Vectors struct {
	Dim   int
	n     int     // words
	keys  []byte  // uint64 little-endian per slot; 0 = empty
	rows  []byte  // uint32 little-endian row per slot
	vecs  []byte  // int8, n × Dim
	scale float32 // value of one int8 step
	mask  uint64
}

// wordKey is the table key of a word; never 0.
func wordKey(w []byte) uint64 { return hashing.Mix(hashing.AddBytes(hashing.Offset, w)) | 1 }

// NewVectors builds a table from words and their row-major vectors,
// normalising each to unit length and then multiplying it by its weight
// (all 1 when weights is nil).
func NewVectors(words []string, vecs []float32, dim int, weights []float32) *Vectors {
	v := &Vectors{Dim: dim, n: len(words)}
	size := 1
	for size < 2*len(words) {
		size *= 2
	}
	v.mask = uint64(size - 1)
	v.keys = make([]byte, 8*size)
	v.rows = make([]byte, 4*size)
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
	v.scale = maxAbs / 127
	v.vecs = make([]byte, len(unit))
	for i, x := range unit {
		v.vecs[i] = byte(int8(math.Round(float64(x / v.scale))))
	}
	for i, w := range words {
		k := wordKey([]byte(w))
		j := k & v.mask
		for binary.LittleEndian.Uint64(v.keys[8*j:]) != 0 {
			j = (j + 1) & v.mask
		}
		binary.LittleEndian.PutUint64(v.keys[8*j:], k)
		binary.LittleEndian.PutUint32(v.rows[4*j:], uint32(i))
	}
	return v
}

// row returns the int8 vector of word w, or nil.
func (v *Vectors) row(w []byte) []byte {
	k := wordKey(w)
	j := k & v.mask
	for {
		kk := binary.LittleEndian.Uint64(v.keys[8*j:])
		if kk == k {
			r := int(binary.LittleEndian.Uint32(v.rows[4*j:]))
			return v.vecs[r*v.Dim : r*v.Dim+v.Dim]
		}
		if kk == 0 {
			return nil
		}
		j = (j + 1) & v.mask
	}
}

// Len returns the number of words.
func (v *Vectors) Len() int { return v.n }

// encode appends the table: dim, words, slots, scale, keys, rows, vectors.
func (v *Vectors) encode(buf *bytes.Buffer) {
	binary.Write(buf, binary.LittleEndian, [3]uint32{uint32(v.Dim), uint32(v.n), uint32(v.mask + 1)})
	binary.Write(buf, binary.LittleEndian, v.scale)
	buf.Write(v.keys)
	buf.Write(v.rows)
	buf.Write(v.vecs)
}

// decodeVectors reads a table written by encode, in place, and returns
// what follows it.
func decodeVectors(b []byte) (*Vectors, []byte, error) {
	if len(b) < 16 {
		return nil, nil, errors.New("category: truncated vectors")
	}
	dim := int(binary.LittleEndian.Uint32(b))
	n := int(binary.LittleEndian.Uint32(b[4:]))
	size := int(binary.LittleEndian.Uint32(b[8:]))
	scale := math.Float32frombits(binary.LittleEndian.Uint32(b[12:]))
	if dim <= 0 || dim > 1024 || size&(size-1) != 0 || size < n || len(b) < 16+12*size+n*dim {
		return nil, nil, errors.New("category: bad vectors")
	}
	b = b[16:]
	v := &Vectors{Dim: dim, n: n, scale: scale, mask: uint64(size - 1)}
	v.keys, b = b[:8*size], b[8*size:]
	v.rows, b = b[:4*size], b[4*size:]
	v.vecs, b = b[:n*dim], b[n*dim:]
	return v, b, nil
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
