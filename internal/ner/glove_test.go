package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lector-nlp/lector/internal/wordclusters"
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
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Officials in Paris said the river flooded on Monday .")
	in := input{words: words, sents: [][2]int{{0, len(words)}}}
	for range words {
		in.pos = append(in.pos, "NN")
	}
	with := prepare(&in, r.cl, r.gv, sharedCase(), nil, nil, new(wordTable))
	without := prepare(&in, nil, r.gv, sharedCase(), nil, nil, new(wordTable))
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

// The GloVe clusters belong to each model: loading a second model with
// other clusters leaves the first one's labels as they were, and a model
// without FGlove has none. Before, the table was one per process (set by
// every LoadFS and Train), so the first model then labelled the words
// outside its vocabulary with the second one's clusters.
func TestGlovePerModel(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the model three times")
	}
	files := fstest.MapFS{}
	for _, name := range []string{"meta.txt", "pass1.bin.gz", "pass2.bin.gz", "glove.bin.gz"} {
		b, err := modelFS.ReadFile("model/" + name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = &fstest.MapFile{Data: b}
	}
	g, err := readGlove(files["glove.bin.gz"].Data, wordvec.Default().Len())
	if err != nil {
		t.Fatal(err)
	}
	// other clusters: every id moved to the next one of its level
	other := &gloveTable{ids: slices.Clone(g.ids)}
	for i, id := range other.ids {
		other.ids[i] = uint16((int(id) + 1) % gloveK[i%gloveLevels])
	}
	var buf bytes.Buffer
	if err := writeGlove(&buf, other); err != nil {
		t.Fatal(err)
	}
	otherFiles := maps.Clone(files)
	otherFiles["glove.bin.gz"] = &fstest.MapFile{Data: buf.Bytes()}
	var groups int
	if _, err := fmt.Sscanf(string(files["meta.txt"].Data), "groups=%d", &groups); err != nil || groups&FGlove == 0 {
		t.Fatalf("meta.txt %q: groups %d, %v", files["meta.txt"].Data, groups, err)
	}
	noGlove := maps.Clone(files)
	noGlove["meta.txt"] = &fstest.MapFile{Data: fmt.Appendf(nil, "groups=%d\n", groups&^FGlove)}
	delete(noGlove, "glove.bin.gz")

	// sentences around GloVe words outside the model's vocabulary (whose
	// clusters are looked up per document)
	vocab, err := wordclusters.Words()
	if err != nil {
		t.Fatal(err)
	}
	inVocab := map[string]bool{}
	for _, w := range vocab {
		inVocab[strings.ToLower(w)] = true
	}
	tab := wordvec.Default()
	var words, tags [][]string
	for i := 20000; i < tab.Len() && len(words) < 150; i += 331 {
		w := tab.Word(i)
		if len(w) < 4 || inVocab[w] || strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			continue
		}
		name := strings.ToUpper(w[:1]) + w[1:]
		switch len(words) % 3 {
		case 0:
			words = append(words, []string{name, "said", "the", "talks", "would", "resume", "."})
			tags = append(tags, []string{"NNP", "VBD", "DT", "NNS", "MD", "VB", "."})
		case 1:
			words = append(words, []string{"Police", "in", name, "arrested", "two", "men", "."})
			tags = append(tags, []string{"NNS", "IN", "NNP", "VBD", "CD", "NNS", "."})
		default:
			words = append(words, []string{"Shares", "of", name, "rose", "after", "the", "deal", "."})
			tags = append(tags, []string{"NNS", "IN", "NNP", "VBD", "IN", "DT", "NN", "."})
		}
	}
	if len(words) < 50 {
		t.Fatalf("only %d sentences", len(words))
	}

	r1, err := LoadFS(files)
	if err != nil {
		t.Fatal(err)
	}
	before := r1.LabelSentences(words, tags)
	r2, err := LoadFS(otherFiles)
	if err != nil {
		t.Fatal(err)
	}
	changed := r2.LabelSentences(words, tags)
	if reflect.DeepEqual(changed, before) {
		t.Fatal("other GloVe clusters changed no label: the test cannot tell")
	}
	r3, err := LoadFS(noGlove)
	if err != nil {
		t.Fatal(err)
	}
	if r3.gv != nil {
		t.Error("a model without FGlove has GloVe clusters")
	}
	after := r1.LabelSentences(words, tags)
	for i := range before {
		if !slices.Equal(after[i], before[i]) {
			t.Errorf("%v: labels %v after loading other models, %v before", words[i], after[i], before[i])
		}
	}
	if again := r2.LabelSentences(words, tags); !reflect.DeepEqual(again, changed) {
		t.Error("the second model's labels changed after loading a third")
	}
}
