package wordvec

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func cosine(a, b []float32) float64 {
	var ab, aa, bb float64
	for i := range a {
		ab += float64(a[i] * b[i])
		aa += float64(a[i] * a[i])
		bb += float64(b[i] * b[i])
	}
	return ab / math.Sqrt(aa*bb)
}

func TestDefault(t *testing.T) {
	tb := Default()
	if tb.Len() != 100000 || tb.Dim() != Dim {
		t.Fatalf("%d words × %d, want 100000 × %d", tb.Len(), tb.Dim(), Dim)
	}
	if tb.Word(0) != "the" {
		t.Errorf("most frequent word %q, want the", tb.Word(0))
	}
	// Every word finds its own row: no two keys collide in the index.
	for i := 0; i < tb.Len(); i++ {
		if got := tb.Index(tb.Word(i)); got != i {
			t.Fatalf("Index(%q) = %d, want %d", tb.Word(i), got, i)
		}
	}
	for _, w := range []string{"", "qzxvbnmwq", "Zzyzxqt’s", "\xff\xfe"} {
		if tb.Index(w) != -1 || tb.Vector(w) != nil {
			t.Errorf("%q found", w)
		}
	}
}

func TestCase(t *testing.T) {
	tb := Default()
	for _, pair := range [][2]string{{"The", "the"}, {"PARIS", "paris"}, {"’", "'"}} {
		a, b := tb.Index(pair[0]), tb.Index(pair[1])
		if a < 0 || a != b {
			t.Errorf("Index(%q) = %d, Index(%q) = %d", pair[0], a, pair[1], b)
		}
	}
	for in, want := range map[string]string{"Éclair": "éclair", "O’Brien": "o'brien", "": "", "\xff": ""} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// The vectors carry meaning: related words lie closer than unrelated ones.
func TestNeighbours(t *testing.T) {
	tb := Default()
	for _, c := range []struct{ w, near, far string }{
		{"paris", "france", "football"},
		{"minister", "government", "banana"},
		{"goal", "match", "parliament"},
		{"shares", "stocks", "poetry"},
		{"excellent", "good", "missile"},
	} {
		v, n, f := tb.Vector(c.w), tb.Vector(c.near), tb.Vector(c.far)
		if v == nil || n == nil || f == nil {
			t.Fatalf("missing one of %v", c)
		}
		if cn, cf := cosine(v, n), cosine(v, f); cn < cf+0.2 {
			t.Errorf("cos(%s, %s) = %.2f not well above cos(%s, %s) = %.2f", c.w, c.near, cn, c.w, c.far, cf)
		}
	}
}

// Look-ups do not allocate, not even for words longer than any in the table.
func TestIndexAllocs(t *testing.T) {
	tb := Default()
	long := strings.Repeat("Ab", 100)
	if n := testing.AllocsPerRun(50, func() {
		tb.Index("Minister")
		tb.Index(long)
		tb.Index("Zürich")
	}); n != 0 {
		t.Errorf("%v allocations per look-up round", n)
	}
	if tb.Index(long) != -1 {
		t.Error("a 200-byte word found")
	}
}

func TestAddToShort(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("AddTo into a short dst did not panic")
		}
	}()
	Default().AddTo(make([]float32, 10, Dim), "iran", 1)
}

func TestAddTo(t *testing.T) {
	tb := Default()
	dst := make([]float32, Dim)
	if tb.AddTo(dst, "qzxvbnmwq", 1) {
		t.Fatal("unknown word added")
	}
	for _, x := range dst {
		if x != 0 {
			t.Fatal("unknown word changed dst")
		}
	}
	if !tb.AddTo(dst, "Iran", 2) || !tb.AddTo(dst, "iran", -1) {
		t.Fatal("iran not found")
	}
	v := tb.Vector("iran")
	for j := range v {
		if math.Abs(float64(dst[j]-v[j])) > 1e-5 {
			t.Fatalf("dst[%d] = %g, want %g", j, dst[j], v[j])
		}
	}
}

func TestRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const dim = 7
	words := []string{"alpha", "Beta", "beta", "", "gamma", "δέλτα"}
	vecs := make([]float32, len(words)*dim)
	for i := range vecs {
		vecs[i] = float32(r.NormFloat64())
	}
	b, err := Encode(words, vecs, dim)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	// "beta" repeats "Beta" once normalised and "" is skipped.
	if tb.Len() != 4 {
		t.Fatalf("%d words, want 4", tb.Len())
	}
	for i, w := range words {
		if i == 2 || w == "" {
			continue
		}
		row, scale, ok := tb.Row(w)
		if !ok {
			t.Fatalf("%q missing", w)
		}
		for j, x := range row {
			if d := math.Abs(float64(scale*float32(x) - vecs[i*dim+j])); d > float64(scale)/2+1e-6 {
				t.Errorf("%q[%d] off by %g (scale %g)", w, j, d, scale)
			}
		}
	}
	if got := tb.Word(3); got != "δέλτα" {
		t.Errorf("Word(3) = %q", got)
	}
	for _, bad := range [][]byte{nil, []byte("LWV2" + strings.Repeat("\x00", 12)), b[:len(b)/2]} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("Decode(%d bytes) accepted", len(bad))
		}
	}
	if _, err := Encode(words, vecs[:5], dim); err == nil {
		t.Error("Encode accepted ragged vectors")
	}
}

func BenchmarkRow(b *testing.B) {
	tb := Default()
	words := strings.Fields("The Iranian defence minister said on Wednesday that the talks with Russia " +
		"were constructive and that both countries would expand military cooperation qzxv")
	b.ReportAllocs()
	b.ResetTimer()
	found := 0
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			if _, _, ok := tb.Row(w); ok {
				found++
			}
		}
	}
	b.ReportMetric(float64(b.N*len(words))/b.Elapsed().Seconds(), "words/s")
}
