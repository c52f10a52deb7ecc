package ner

import (
	"bytes"
	"slices"
	"testing"
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
	h, err := readGlove(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(g.ids, h.ids) {
		t.Fatalf("read %v, wrote %v", h.ids, g.ids)
	}
}
