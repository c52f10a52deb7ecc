package category

import (
	"bytes"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

// A word's clusters come from its own (lower-case) entry, else from its
// title-case one, as wordclusters' two look-ups give them; vectors and
// clusters survive Encode and Decode.
func TestWordTable(t *testing.T) {
	words := []string{"harbour", "lighthouse", "zebra"}
	vecs := make([]float32, 3*8)
	for i := range vecs {
		vecs[i] = float32(i%5) - 2
	}
	v := NewVectors(words, vecs, 8, nil)
	cw := []string{"Harbour", "harbour", "Oslo", "NATO", "Zebra"}
	ids := [][3]uint16{{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {4, 4, 4}, {5, 5, 5}}
	lex := v.WithClusters(cw, ids)
	want := map[string]struct {
		ids      [3]uint16
		cl, vec  bool
		inTable  bool
		vecEqual bool
	}{
		"harbour":    {[3]uint16{2, 2, 2}, true, true, true, true}, // own entry wins
		"oslo":       {[3]uint16{3, 3, 3}, true, false, true, false},
		"zebra":      {[3]uint16{5, 5, 5}, true, true, true, true},
		"lighthouse": {[3]uint16{}, false, true, true, true},
		"nato":       {[3]uint16{}, false, false, false, false}, // "NATO" is no title case
	}
	for w, x := range want {
		r := lex.lookup([]byte(w))
		if (r != nil) != x.inTable {
			t.Errorf("%s: in table %v, want %v", w, r != nil, x.inTable)
			continue
		}
		if r == nil {
			continue
		}
		fl := r[lex.Dim+recFlags]
		if (fl&flagClusters != 0) != x.cl || (fl&flagVec != 0) != x.vec {
			t.Errorf("%s: flags %b", w, fl)
		}
		if x.cl {
			var got [3]uint16
			for l := range got {
				got[l] = uint16(r[lex.Dim+recIDs+2*l]) | uint16(r[lex.Dim+recIDs+2*l+1])<<8
			}
			if got != x.ids {
				t.Errorf("%s: clusters %v, want %v", w, got, x.ids)
			}
		}
		if x.vecEqual && !bytes.Equal(lex.row([]byte(w)), v.row([]byte(w))) {
			t.Errorf("%s: vector changed", w)
		}
	}
	if lex.Len() != 3 {
		t.Errorf("Len %d, want 3", lex.Len())
	}

	// the merged table gives the features of the separate ones
	cl, err := wordclusters.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../wordclusters/clusters.txt.gz")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	all, allIDs, err := ReadClusterWords(f)
	if err != nil {
		t.Fatal(err)
	}
	sep := Featurizer{Bits: 18, Title: 1, Cluster: [3]float32{1, 1, 1}, Dense: 6, Vectors: v, Clusters: cl}
	one := sep
	one.Vectors, one.Clusters = v.WithClusters(all, allIDs), nil
	for _, s := range []string{
		"Harbour lighthouse repairs\n\nThe zebra crossing near the harbour in Oslo was repainted, NATO officials said on Monday.",
		"Shares of the bank rose 3.5 percent in London and Paris after the European Central Bank kept interest rates unchanged.",
		"The striker scored twice as Madrid beat Barcelona; the coach praised the defence.",
	} {
		a, b := sep.features(s, nil, nil), one.features(s, nil, nil)
		if !slices.Equal(a, b) {
			t.Errorf("features differ on %q", s)
		}
	}

	var buf bytes.Buffer
	w := make([]float32, (1<<4)*2+8*2)
	if err := Encode(&buf, []string{"a", "b"}, Featurizer{Bits: 4, Cluster: [3]float32{1, 1, 1}, Vectors: lex, Dense: 1}, []float32{0, 0}, w); err != nil {
		t.Fatal(err)
	}
	c, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got := c.Featurizer().Vectors
	if got == nil || !got.clustered || got.n != lex.n || !bytes.Equal(got.recs, lex.recs) || !bytes.Equal(got.index, lex.index) {
		t.Fatal("word table changed in Encode/Decode")
	}
	if c.Featurizer().Clusters != nil {
		t.Error("a model with merged clusters loads the separate ones")
	}
}

// addVec's lane sums give the plain int8 sums, over more words than a
// lane holds between flushes.
func TestAddVec(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, dim := range []int{4, 8, 100, 130} {
		var ct counter
		acc := make([]int32, dim)
		ref := make([]int32, dim)
		r := make([]byte, dim)
		for n := range 1000 {
			for j := range r {
				switch n % 3 {
				case 0:
					r[j] = byte(rng.IntN(256))
				case 1:
					r[j] = 0x80 // -128
				default:
					r[j] = 0x7f
				}
				ref[j] += int32(int8(r[j]))
			}
			ct.addVec(r, acc)
		}
		ct.flushVec(acc)
		if !slices.Equal(acc, ref) {
			t.Errorf("dim %d: sums differ", dim)
		}
	}
}

// A word the table does not know adds its character n-grams, a block of
// its own; a known word does not.
func TestSubwords(t *testing.T) {
	c := mustLoad(t)
	fz := c.Featurizer()
	if fz.Subword == 0 {
		t.Skip("model without subwords")
	}
	nh := uint32(1) << fz.Bits
	hashed := func(fz Featurizer, s string) []Feature {
		var out []Feature
		for _, f := range fz.features(s, nil, nil) {
			if f.Index < nh {
				out = append(out, f)
			}
		}
		return out
	}
	// "<zxqvbnmlk>": 9 + 8 + 7 n-grams of 3, 4 and 5 bytes, and the word
	odd := hashed(fz, "zxqvbnmlk")
	if len(odd) < 20 || len(odd) > 25 {
		t.Errorf("unknown word: %d hashed features, want about 25", len(odd))
	}
	sq := 0.0
	for _, f := range odd[1:] {
		sq += float64(f.Value * f.Value)
	}
	if w := float64(fz.Subword); math.Abs(sq-w*w) > 1e-4 {
		t.Errorf("subword block has norm² %.4f, want %.4f", sq, w*w)
	}
	if n := len(hashed(fz, "government")); n != 4 {
		t.Errorf("known word: %d hashed features, want 4 (word, 3 clusters)", n)
	}
	off := fz
	off.Subword = 0
	if n := len(hashed(off, "zxqvbnmlk")); n != 1 {
		t.Errorf("subwords off: %d hashed features, want 1", n)
	}
}

// TestSlottedVectors checks that the records laid out in their index
// slots (Load, for a model with vectors of its own; here the shipped
// model's table laid out so) are found as through the index: the same
// record for every word, and the same features.
func TestSlottedVectors(t *testing.T) {
	// a copy: the shared classifier of mustLoad keeps the shipped layout
	// for the tests and benchmarks after this one
	cc := *mustLoad(t)
	c := &cc
	plain0 := c.fz.Vectors
	if c.fz.Vectors == nil {
		t.Fatal("no word table")
	}
	plain := *c.fz.Vectors
	plain.slots = nil
	v := &plain
	if c.fz.Vectors.slots == nil {
		sv := plain
		if sv.slots = sv.slotted(); sv.slots == nil {
			t.Skip("no slotted vectors (no huge pages)")
		}
		v = &sv
		c.fz.Vectors = v
	}
	words := Tokens("The minister said on Tuesday that the bank's profits rose 12% to $3.4bn, " +
		"while Zqxjv Brandolini and the unions of Aberystwyth disagreed about the café's new résumé policy.")
	for i := 0; i < 2000; i++ {
		words = append(words, strconv.Itoa(i*7919), "w"+strconv.Itoa(i))
	}
	found := 0
	for _, w := range words {
		a, b := v.lookup([]byte(w)), plain.lookup([]byte(w))
		if !bytes.Equal(a, b) {
			t.Fatalf("%q: slotted record differs from the indexed one", w)
		}
		if a != nil {
			found++
		}
	}
	if found < 20 {
		t.Fatalf("only %d of %d words found", found, len(words))
	}
	fz := c.fz
	fz.Vectors = &plain
	doc := text.Analyze("Shares of the carmaker fell sharply after the chief executive warned of weaker demand in Europe.")
	got, want := c.fz.Features(doc, nil), fz.Features(doc, nil)
	if !slices.Equal(got, want) {
		t.Fatal("features differ with the slotted vectors")
	}
	if mustLoad(t).fz.Vectors != plain0 {
		t.Error("the shared classifier's word table was replaced")
	}
}
