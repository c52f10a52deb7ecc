package category

import (
	"bytes"
	"math"
	"math/rand"
	"testing"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/wordvec"
)

// TestFoldMatchesNet: the folded network's logits are the trained
// network's, up to the int8 rows (a trained-looking random network over
// the first 2,000 GloVe words, the first 1,000 folded, the others from
// their vectors), repeated words counted as often as they occur.
func TestFoldMatchesNet(t *testing.T) {
	vecs := GatedVectors(wordvec.Default(), 2000)
	rng := rand.New(rand.NewSource(3))
	n := newGatedNet(4, 64, wordvec.Dim, len(Names), rng)
	for i := range n.g {
		n.g[i] = rng.NormFloat64() * 0.5
	}
	for i := range n.b1 {
		n.b1[i] = rng.NormFloat64() * 0.1
	}
	f := n.Fold(vecs, 1000, 2000, 1)
	var sc gatedScratch
	worst := 0.0
	for trial := 0; trial < 50; trial++ {
		rows := make([]int32, 1+rng.Intn(300))
		for i := range rows {
			rows[i] = int32(rng.Intn(300)) // many repeats
			if rng.Intn(5) == 0 {
				rows[i] = int32(1000 + rng.Intn(1000)) // not folded
			}
		}
		want := n.Logits(vecs, rows)
		got := make([]float64, len(Names))
		f.addLogits(append(rows, 5000, 2001), got, &sc) // past the vocabulary: skipped
		for c := range got {
			worst = max(worst, math.Abs(got[c]-want[c]))
		}
	}
	if worst > 0.02 {
		t.Errorf("folded logits differ from the network's by up to %.4f", worst)
	}
	t.Logf("largest difference %.5f", worst)
	got := []float64{1, 2, 3, 4, 5, 6}
	f.addLogits(nil, got, &sc)
	if got[0] != 1 || got[5] != 6 {
		t.Errorf("no words: scores changed to %v", got)
	}
}

// TestEncodeNetRoundTrip: a model with a network decodes to the same
// network.
func TestEncodeNetRoundTrip(t *testing.T) {
	vecs := GatedVectors(wordvec.Default(), 100)
	n := newGatedNet(2, 8, wordvec.Dim, len(Names), rand.New(rand.NewSource(1)))
	f := n.Fold(vecs, 100, 300, 0.5)
	fz := Featurizer{Bits: 4, Dense: 1, WordVec: wordvec.Default()}
	fz.Vectors = NewVectors(nil, nil, 0, nil).WithWordVec(fz.WordVec, false)
	w := make([]float32, (16+fz.DenseDim())*len(Names))
	var buf bytes.Buffer
	if err := EncodeNet(&buf, Names, fz, make([]float32, len(Names)), w, f); err != nil {
		t.Fatal(err)
	}
	c, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	g := c.net
	if g == nil || g.K != 2 || g.H != 8 || g.weight != 0.5 || g.read != 300 || !bytes.Equal(int8Bytes(g.w1q), int8Bytes(f.w1q)) || g.g[len(g.g)-1] != f.g[len(f.g)-1] || g.w1s[0] != f.w1s[0] || !bytes.Equal(int8Bytes(g.rows), int8Bytes(f.rows)) || g.gate[len(g.gate)-1] != f.gate[len(f.gate)-1] || g.w2[len(g.w2)-1] != f.w2[len(f.w2)-1] {
		t.Fatal("network not decoded as encoded")
	}
}

func int8Bytes(x []int8) []byte {
	b := make([]byte, len(x))
	for i, v := range x {
		b[i] = byte(v)
	}
	return b
}

// BenchmarkGatedNet: the folded network over 300 words, 2 % of them past
// the 30,000 folded rows.
func BenchmarkGatedNet(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	vecs := GatedVectors(wordvec.Default(), 30000)
	f := newGatedNet(4, 64, wordvec.Dim, len(Names), rng).Fold(vecs, 30000, 100000, 0.5)
	rows := make([]int32, 300)
	for i := range rows {
		rows[i] = int32(rng.Intn(150) * rng.Intn(200))
		if i%50 == 0 {
			rows[i] = int32(30000 + rng.Intn(70000))
		}
	}
	var sc gatedScratch
	scores := make([]float64, len(Names))
	b.ReportAllocs()
	defer cputime.LockThread()()
	t0 := cputime.Thread()
	n := 0
	for b.Loop() {
		f.addLogits(rows, scores, &sc)
		n++
	}
	b.ReportMetric(float64((cputime.Thread()-t0).Nanoseconds())/float64(n), "cpu-ns/op")
}

// TestShippedNet: the shipped model has its network; it reads the words
// of an article (some past its folded rows), on its own it finds the
// article's category, and it moves the linear model's scores.
func TestShippedNet(t *testing.T) {
	c := mustLoad(t)
	if c.net == nil {
		t.Fatal("the shipped model has no gated network")
	}
	for _, a := range articles {
		sc := new(classScratch)
		feats := c.fz.features(a.text, nil, &sc.words)
		if len(sc.words) < 50 {
			t.Fatalf("the network reads %d words of a %d-byte article", len(sc.words), len(a.text))
		}
		net := make([]float64, len(Names))
		c.net.addLogits(sc.words, net, &sc.net)
		if got := Names[argmaxOf(net, nil)]; got != a.want {
			t.Errorf("%q: the network alone says %s (%.2f), want %s", firstLine(a.text), got, net, a.want)
		}
		with := c.classify(feats, sc)
		plain := *c
		plain.net = nil
		without := plain.classify(feats, sc)
		if with[0].Confidence == without[0].Confidence {
			t.Errorf("%q: the network does not change the confidence (%.4f)", firstLine(a.text), with[0].Confidence)
		}
	}
	rare := 0
	sc := new(classScratch)
	for _, a := range articles {
		c.fz.features(a.text, nil, &sc.words)
		for _, r := range sc.words {
			if int(r) >= c.net.vocab() && int(r) < c.net.read {
				rare++
			}
		}
	}
	if rare == 0 {
		t.Error("no word of the test articles is past the folded rows: the test does not run that path")
	}
}
