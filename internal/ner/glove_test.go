package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/wordvec"
)

// kmeans must separate two well-apart groups of unit vectors.
func TestKMeansGroups(t *testing.T) {
	const d = 4
	var x []float32
	for i := range 20 {
		e := float32(i%5) * 0.01
		if i%2 == 0 {
			x = append(x, 1, e, 0, 0)
		} else {
			x = append(x, 0, 0, 1, e)
		}
	}
	w := make([]float32, 20)
	for i := range w {
		w[i] = 1
	}
	assign := make([]int, 20)
	kmeans(x, w, d, 2, 5, assign)
	for i := range assign {
		if (assign[i] == assign[0]) != (i%2 == 0) {
			t.Fatalf("point %d in cluster %d, point 0 in %d", i, assign[i], assign[0])
		}
	}
}

func TestGloveFileRoundTrip(t *testing.T) {
	g := &gloveTable{ids: []uint16{1, 2, 3, 1023, 255, 63}}
	var buf bytes.Buffer
	if err := writeGlove(&buf, g); err != nil {
		t.Fatal(err)
	}
	h, err := readGlove(buf.Bytes(), 2)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(g.ids, h.ids) {
		t.Fatalf("read %v, wrote %v", h.ids, g.ids)
	}
}

// A damaged glove.bin.gz is refused: a flipped bit anywhere (gzip's CRC,
// checked only when the stream is read to its end), a truncated file, a
// table of another row count or with ids beyond a level's k. (Before, most
// flipped bits and a cut-off gzip trailer were read as other clusters.)
func TestReadGloveDamaged(t *testing.T) {
	b, err := os.ReadFile("model/glove.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	rows := wordvec.Default().Len()
	g, err := readGlove(b, rows)
	if err != nil {
		t.Fatal(err)
	}
	for p := 10; p < len(b); p += max(len(b)/150, 1) {
		c := slices.Clone(b)
		c[p] ^= 0x10
		if _, err := readGlove(c, rows); err == nil {
			t.Errorf("byte %d of %d flipped: read without error", p, len(b))
		}
	}
	for _, n := range []int{len(b) - 1, len(b) - 4, len(b) - 8, len(b) / 2} {
		if _, err := readGlove(b[:n], rows); err == nil {
			t.Errorf("cut to %d of %d bytes: read without error", n, len(b))
		}
	}
	if _, err := readGlove(b, rows-1); err == nil {
		t.Error("read as a table of another row count")
	}
	for lev, k := range gloveK {
		h := &gloveTable{ids: slices.Clone(g.ids)}
		h.ids[gloveLevels+lev] = uint16(k)
		var buf bytes.Buffer
		if err := writeGlove(&buf, h); err != nil {
			t.Fatal(err)
		}
		if _, err := readGlove(buf.Bytes(), rows); err == nil {
			t.Errorf("level %d id %d read without error", lev, k)
		}
	}
	// data after the ids
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	binary.Write(zw, binary.LittleEndian, uint32(6))
	binary.Write(zw, binary.LittleEndian, g.ids[:7])
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := readGlove(buf.Bytes(), 2); err == nil {
		t.Error("read with an id after the 2 rows")
	}
}

// The GloVe clusters of a word do not depend on the word clusters: a model
// trained with FGlove but without FClusters sees them too (before, prepare
// looked them up only with word clusters, so such a model silently had no
// GloVe features).
func TestGloveWithoutClusters(t *testing.T) {
	r, err := Load() // (sets the GloVe table)
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Officials in Paris said the river flooded on Monday .")
	in := input{words: words, sents: [][2]int{{0, len(words)}}}
	for range words {
		in.pos = append(in.pos, "NN")
	}
	with := prepare(&in, r.cl, sharedCase(), nil, nil, new(wordTable))
	without := prepare(&in, nil, sharedCase(), nil, nil, new(wordTable))
	known := 0
	for i := range with {
		if with[i].hasGv != without[i].hasGv || with[i].gv != without[i].gv {
			t.Errorf("%q: GloVe clusters %v %v with word clusters, %v %v without",
				words[i], with[i].gv, with[i].hasGv, without[i].gv, without[i].hasGv)
		}
		if without[i].hasCl {
			t.Errorf("%q: word clusters without a table", words[i])
		}
		if with[i].hasGv {
			known++
		}
	}
	if known < len(words)-2 {
		t.Errorf("only %d of %d words with GloVe clusters", known, len(words))
	}
}
