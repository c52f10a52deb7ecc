package sentiment

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"testing/fstest"
	"unsafe"

	"github.com/lector-nlp/lector/internal/text"
)

// tinyExamples makes labelled targets from sentences written for the test.
func tinyExamples(t *testing.T) []Example {
	t.Helper()
	type ex struct {
		s, target string
		label     int
	}
	raw := []ex{
		{"Voters praised Senator Hale for her honest and brave reforms.", "Senator Hale", Positive},
		{"Critics accused Senator Hale of lying about the budget.", "Senator Hale", Negative},
		{"Senator Hale will visit the port on Tuesday.", "Senator Hale", Neutral},
		{"The mayor thanked Doctor Imre for his generous help.", "Doctor Imre", Positive},
		{"Police arrested Doctor Imre after the fraud scandal.", "Doctor Imre", Negative},
		{"Doctor Imre spoke to reporters in the capital.", "Doctor Imre", Neutral},
		{"Fans cheered Coach Brandt after the great win.", "Coach Brandt", Positive},
		{"The board fired Coach Brandt over the corrupt deal.", "Coach Brandt", Negative},
		{"Coach Brandt arrived at the stadium.", "Coach Brandt", Neutral},
	}
	var exs []Example
	for _, r := range raw {
		doc := text.Analyze(r.s)
		exs = append(exs, Example{Doc: doc, Mentions: spansOf(r.s, r.target), Label: r.label})
	}
	return exs
}

// TestTrainDenseRoundTrip trains a small model with word vectors and the
// dense network, writes it and reads it back: the read model must give the
// same probabilities (the trained model is quantised as the file is).
func TestTrainDenseRoundTrip(t *testing.T) {
	for _, gate := range []bool{false, true} {
		t.Run(fmt.Sprint("gate=", gate), func(t *testing.T) { trainDenseRoundTrip(t, gate) })
	}
}

// trainDenseRoundTrip is TestTrainDenseRoundTrip with the network's gates
// (tied) or without; a read model's gates come from its word records.
func trainDenseRoundTrip(t *testing.T, gate bool) {
	exs := tinyExamples(t)
	cfg := DefaultConfig()
	cfg.Dense.Gate, cfg.Dense.TieGates, cfg.Dense.DistGate = gate, gate, gate
	cfg.TargetBits, cfg.SentenceBits, cfg.Seeds = 12, 12, 2
	cfg.LexMinCount = 1
	words := []string{"praised", "honest", "brave", "thanked", "generous", "cheered", "great",
		"accused", "lying", "arrested", "fraud", "scandal", "fired", "corrupt", "visit", "spoke", "arrived"}
	cfg.VecDim = 8
	rng := rand.New(rand.NewPCG(1, 2))
	for range words {
		for j := 0; j < cfg.VecDim; j++ {
			cfg.Vecs = append(cfg.Vecs, float32(rng.NormFloat64()))
		}
	}
	cfg.VecWords = words
	cfg.DenseConfig(8, 30, 4, 0.01, 0, 0)
	cfg.DenseWeight = 0.5
	m := Train(exs, cfg, nil)
	if m.fd == nil {
		t.Fatal("no dense network trained")
	}
	var buf bytes.Buffer
	if err := m.WriteFile(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := LoadFS(fstest.MapFS{"m.gz": {Data: buf.Bytes()}}, "m.gz")
	if err != nil {
		t.Fatal(err)
	}
	if m2.fd == nil || m2.denseW != m.denseW || len(m2.vkeys) != len(words) {
		t.Fatalf("dense network not read back: %v %v %d", m2.fd != nil, m2.denseW, len(m2.vkeys))
	}
	if gate && (m.fd.gateRows() != 4 || m2.fd.gateRows() != 4 || m2.fd.recs == nil || m.fd.recs != nil || len(m2.fd.dfac) != 4*numDistBuckets) {
		t.Fatalf("gates: %d rows trained, %d read, in records %v", m.fd.gateRows(), m2.fd.gateRows(), m2.fd.recs != nil)
	}
	correct := 0
	for _, ex := range exs {
		p, q := m.TargetProbs(ex.Doc, ex.Mentions), m2.TargetProbs(ex.Doc, ex.Mentions)
		for c := range p {
			if math.Abs(p[c]-q[c]) > 1e-12 {
				t.Errorf("probabilities %v after reading, %v before", q, p)
				break
			}
		}
		best := 0
		for c := range q {
			if q[c] > q[best] {
				best = c
			}
		}
		if best == ex.Label {
			correct++
		}
	}
	if correct < len(exs)-2 {
		t.Errorf("%d of %d training targets right", correct, len(exs))
	}
}

// TestFold checks that the folded network scores a target as the network
// over the mean blocks of the word vectors does, with 3, 5 and 6 blocks.
func TestFold(t *testing.T) {
	for _, blocks := range []int{3, 5, 6, -6} {
		gated := blocks < 0 // with gates (dense.gate)
		blocks = max(blocks, -blocks)
		rng := rand.New(rand.NewPCG(3, 4))
		words := []string{"the", "minister", "praised", "brave", "reforms", "critics", "attacked", "plan"}
		const dim, hid = 6, 5
		var vecs []float32
		for range words {
			for j := 0; j < dim; j++ {
				vecs = append(vecs, float32(rng.NormFloat64()))
			}
		}
		vt := newVecTable(vecs, dim)
		in := blocks * dim
		n := &dense{in: in, hid: hid, w1: make([]float32, in*hid), b1: make([]float32, hid), w2: make([]float32, numClasses*hid)}
		for _, ws := range [][]float32{n.w1, n.b1, n.w2, n.b2[:]} {
			for i := range ws {
				ws[i] = float32(rng.NormFloat64())
			}
		}
		if gated {
			n.gate = make([]float32, 4*dim)
			n.gkind = tiedGates
			for i := range n.gate {
				n.gate[i] = float32(0.3 * rng.NormFloat64())
			}
			n.dgate = make([]float32, 4*numDistBuckets)
			for i := range n.dgate {
				n.dgate[i] = float32(0.5 * rng.NormFloat64())
			}
		}
		f := n.fold(vt)
		if f.blocks != blocks {
			t.Fatalf("folded %d blocks, want %d", f.blocks, blocks)
		}
		var keys []uint64
		for _, w := range words {
			keys = append(keys, lowerHash(w, 0))
		}
		table := wordTable(nil, nil, nil, keys, f.scale)
		doc := text.Analyze("The minister praised Ada Lind for brave reforms, but critics attacked the plan.")
		toks := doc.Tokens
		var s sentence
		s.prepare(toks, table)
		a, b := 3, 5 // Ada Lind
		masked := make([]bool, len(toks))
		masked[a], masked[a+1] = true, true
		x := make([]float32, in)
		s.denseInput(x, a, b, masked, vt)
		if gated {
			ents := s.poolEntries(nil, a, b, masked, blocks)
			plain := append([]float32(nil), x...)
			gatedInput(x, ents, vt, n, make([]float32, len(ents)), make([]float32, blocks))
			if slices.Equal(plain, x) {
				t.Errorf("gates do not change the means")
			}
		}
		if blocks >= 5 {
			// the clause ends at the comma: "critics attacked the plan" is
			// in the right mean, not in the right clause mean
			l, r := s.clause(a, b)
			if l != 0 || toks[r].Text != "," {
				t.Errorf("clause [%d, %d) of %q", l, r, doc.Text)
			}
		}
		var want, got [numClasses]float64
		n.logits(x, make([]float32, hid), &want, 1)
		f.logits(&s, a, b, masked, make([]float32, blocks*hid), &got, 1)
		for c := range want {
			if math.Abs(want[c]-got[c]) > 0.05*(1+math.Abs(want[c])) {
				t.Errorf("%d blocks (gated %v): folded logits %v, unfolded %v", blocks, gated, got, want)
				break
			}
		}
	}
}

// TestMergeDense checks that joined networks score as the mean of theirs.
func TestMergeDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var ns []*dense
	for _, hid := range []int{3, 4} {
		n := &dense{in: 6, hid: hid, w1: make([]float32, 6*hid), b1: make([]float32, hid), w2: make([]float32, numClasses*hid)}
		for _, ws := range [][]float32{n.w1, n.b1, n.w2, n.b2[:]} {
			for i := range ws {
				ws[i] = float32(rng.NormFloat64())
			}
		}
		ns = append(ns, n)
	}
	x := []float32{0.5, -1, 2, 0, 1, -0.3}
	var want [numClasses]float64
	for _, n := range ns {
		n.logits(x, make([]float32, n.hid), &want, 0.5)
	}
	m := mergeDense(ns)
	var got [numClasses]float64
	m.logits(x, make([]float32, m.hid), &got, 1)
	for c := range want {
		if math.Abs(want[c]-got[c]) > 1e-4 {
			t.Fatalf("merged logits %v, mean of the networks' %v", got, want)
		}
	}
}

// TestF16 checks the half-precision gate weights over the gates' range.
func TestF16(t *testing.T) {
	for z := -float64(gateLimit); z <= gateLimit; z += 0.01 {
		x := float32(math.Exp(z))
		y := fromF16(toF16(x))
		if math.Abs(float64(y-x)) > 1e-3*float64(x) {
			t.Fatalf("e^%.2f = %g comes back as %g", z, x, y)
		}
	}
	if fromF16(toF16(0)) != 0 || fromF16(toF16(1)) != 1 {
		t.Errorf("0 and 1 do not come back")
	}
	if unsafe.Sizeof(wordRec{}) != 64 {
		t.Errorf("word record of %d bytes, want 64", unsafe.Sizeof(wordRec{}))
	}
}
