package wordvec

import (
	"encoding/binary"
	"fmt"
	"math"
	"unsafe"
)

// Encode writes a table of words and their row-major float32 vectors (dim
// per word) in the format Decode reads. Words are normalised (Normalize);
// a word whose normalised form repeats an earlier one, or is empty, is
// skipped, so the first (most frequent) spelling wins. Each row is
// quantised to int8 with its own scale (its largest magnitude / 127).
func Encode(words []string, vecs []float32, dim int) ([]byte, error) {
	if dim <= 0 || len(vecs) != len(words)*dim {
		return nil, fmt.Errorf("%d words and %d values do not make rows of %d", len(words), len(vecs), dim)
	}
	type entry struct {
		word string
		k    uint64
		row  []float32
	}
	seen := map[uint64]bool{} // by the 40 key bits the index keeps
	var es []entry
	for i, w := range words {
		nw, ok := normalize(nil, w)
		if !ok {
			continue
		}
		k := key(nw)
		if seen[k&^rowMask] {
			continue // a repeat, or (2^-40 per pair) a colliding key
		}
		seen[k&^rowMask] = true
		es = append(es, entry{string(nw), k, vecs[i*dim : (i+1)*dim]})
	}
	n := len(es)
	if n > maxRows {
		return nil, fmt.Errorf("%d words: at most %d fit the index", n, maxRows)
	}
	slots := 1
	for slots < 2*n || slots < 2 {
		slots <<= 1
	}
	mask := uint64(slots - 1)
	index := make([]uint64, slots)
	for r, e := range es {
		i := e.k & mask
		for index[i] != 0 {
			i = (i + 1) & mask
		}
		index[i] = e.k&^rowMask | uint64(r)
	}
	b := make([]byte, 0, headerSize+slots*8+n*(8+dim)+n*8)
	b = append(b, "LWV1"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(n))
	b = binary.LittleEndian.AppendUint32(b, uint32(dim))
	b = binary.LittleEndian.AppendUint32(b, uint32(slots))
	for _, s := range index {
		b = binary.LittleEndian.AppendUint64(b, s)
	}
	scales := make([]float32, n)
	for r, e := range es {
		m := float32(0)
		for _, x := range e.row {
			m = max(m, float32(math.Abs(float64(x))))
		}
		scales[r] = m / 127
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(scales[r]))
	}
	for r, e := range es {
		for _, x := range e.row {
			q := int8(0)
			if scales[r] > 0 {
				q = int8(max(-127, min(127, math.Round(float64(x/scales[r])))))
			}
			b = append(b, byte(q))
		}
	}
	end := 0
	for _, e := range es {
		end += len(e.word)
		b = binary.LittleEndian.AppendUint32(b, uint32(end))
	}
	for _, e := range es {
		b = append(b, e.word...)
	}
	return b, nil
}

// unsafeInt8 views b as int8s without copying.
func unsafeInt8(b []byte) []int8 {
	return unsafe.Slice((*int8)(unsafe.Pointer(unsafe.SliceData(b))), len(b))
}
