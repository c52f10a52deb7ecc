package category

import (
	"bytes"
	"math"
	"testing"
	"unsafe"

	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordvec"
)

// TestWithWordVec checks the table a model on GloVe vectors builds: the
// clusters of the clusters-only table kept, each GloVe word's int8 row as
// its vector under its normalised form, the more frequent of two words
// with one form winning, and words of neither without a record.
func TestWithWordVec(t *testing.T) {
	// two words with clusters ("london" also has a GloVe vector), the rest GloVe only
	cl := NewVectors(nil, nil, 0, nil).WithClusters([]string{"london", "zzqxwv"}, [][3]uint16{{1, 2, 3}, {4, 5, 6}})
	words := []string{"the", "London", "g8", "g7", "tax's"}
	vecs := make([]float32, len(words)*4)
	for i := range vecs {
		vecs[i] = float32(math.Sin(float64(3*i + 1)))
	}
	b, err := wordvec.Encode(words, vecs, 4)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := wordvec.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	v := cl.WithWordVec(wt, false)
	if v.Dim != 4 || !v.clustered {
		t.Fatalf("dim %d clustered %v", v.Dim, v.clustered)
	}
	row := func(i int) []byte {
		r, _ := wt.RowAt(i)
		return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(r))), len(r))
	}
	for _, c := range []struct {
		word string
		row  int // -1: no vector
		ids  [3]uint16
	}{
		{"the", 0, [3]uint16{}},
		{"london", 1, [3]uint16{1, 2, 3}},
		{"g0", 2, [3]uint16{}}, // g8 (more frequent) wins over g7
		{"tax", 4, [3]uint16{}},
		{"zzqxwv", -1, [3]uint16{4, 5, 6}},
	} {
		r := v.lookup([]byte(c.word))
		if r == nil {
			t.Errorf("%s: no record", c.word)
			continue
		}
		tail := r[v.Dim:]
		if c.row < 0 {
			if tail[recFlags]&flagVec != 0 {
				t.Errorf("%s: has a vector", c.word)
			}
		} else if tail[recFlags]&flagVec == 0 || !bytes.Equal(r[:v.Dim], row(c.row)) {
			t.Errorf("%s: vector %v, want row %d %v", c.word, r[:v.Dim], c.row, row(c.row))
		}
		hasIDs := tail[recFlags]&flagClusters != 0
		if hasIDs != (c.ids != [3]uint16{}) {
			t.Errorf("%s: clusters %v", c.word, hasIDs)
		}
	}
	if v.lookup([]byte("paris")) != nil {
		t.Error("paris has a record")
	}
	// Encode writes the clusters only; Decode adds wordvec.Default()'s vectors
	dv := wordvec.Default()
	fz := Featurizer{Bits: 4, Cluster: [3]float32{1, 1, 1}, Dense: 1, Vectors: cl.WithWordVec(dv, false), WordVec: dv}
	w := make([]float32, (1<<4)*2+wordvec.Dim*2)
	var buf bytes.Buffer
	if err := Encode(&buf, []string{"a", "b"}, fz, []float32{0, 0}, w); err != nil {
		t.Fatal(err)
	}
	c, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got := c.Featurizer()
	if got.WordVec != dv || got.Vectors.Dim != wordvec.Dim || len(c.dw) != 2*wordvec.Dim {
		t.Fatalf("decoded: WordVec %p, Dim %d, %d dense weights", got.WordVec, got.Vectors.Dim, len(c.dw))
	}
	if r := got.Vectors.lookup([]byte("zzqxwv")); r == nil || r[got.Vectors.Dim+recFlags] != flagClusters {
		t.Error("zzqxwv lost its clusters or has a vector")
	}
}

// TestShippedWordVec checks that the shipped model sums GloVe vectors: a
// text of words it has vectors for gets the dense block of their rows'
// sum, and the model file holds no vectors of its own.
func TestShippedWordVec(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	fz := c.Featurizer()
	if fz.WordVec == nil || fz.Vectors == nil || fz.Vectors.Dim != wordvec.Dim {
		t.Fatal("the shipped model does not use the GloVe vectors")
	}
	if n := fz.Vectors.Len(); n < 95000 || n > wordvec.Default().Len() {
		t.Errorf("%d words with vectors", n)
	}
	size := len(modelData)
	if n := c.net; n != nil {
		// the gated network's folded rows, gates and first layer
		size -= len(n.rows) + 4*len(n.gate) + len(n.w1q) + 4*(len(n.g)+len(n.w1s))
	}
	if size > 6<<20 {
		t.Errorf("model file of %d bytes (%d without the gated network): vectors copied into it?", len(modelData), size)
	}
	feats := fz.Features(&text.Document{Text: "Stocks fell as the central bank raised rates"}, nil)
	sum := make([]float64, wordvec.Dim)
	for _, w := range []string{"stocks", "fell", "as", "the", "central", "bank", "raised", "rates"} {
		row, _, ok := fz.WordVec.Row(w)
		if !ok {
			t.Fatalf("%s: not in GloVe", w)
		}
		for j, x := range row {
			sum[j] += float64(x)
		}
	}
	n := 0.0
	for _, x := range sum {
		n += x * x
	}
	nh := uint32(1) << fz.Bits
	got := 0
	for _, f := range feats {
		if f.Index < nh {
			continue
		}
		want := sum[f.Index-nh] / math.Sqrt(n) * float64(fz.Dense)
		if math.Abs(float64(f.Value)-want) > 1e-4 {
			t.Errorf("dense %d: %v, want %v", f.Index-nh, f.Value, want)
		}
		got++
	}
	if got != wordvec.Dim {
		t.Errorf("%d dense features", got)
	}
}
