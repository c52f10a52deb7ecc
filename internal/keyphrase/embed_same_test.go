package keyphrase

import (
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordvec"
)

// embedPlain is embed as first written: one stem at a time, each float32
// sum in stem and component order. embed must give the same bits.
func embedPlain(e *Extractor, doc *text.Document, dw *docWords, cands []candidate, wc []int) []float64 {
	const dim = wordvec.Dim
	ns := len(dw.stems)
	want := make([]bool, ns)
	for i := range cands {
		for _, w := range cands[i].words {
			want[w] = true
		}
	}
	row := make([]int, ns)
	for s := range row {
		row[s] = -1
	}
	for t, info := range dw.info {
		if s := info.stem; want[s] && row[s] < 0 {
			row[s] = e.Vectors.Index(dw.texts[t])
		}
	}
	var D, L [dim]float32
	for s := range ns {
		if row[s] < 0 {
			continue
		}
		x, scale := e.Vectors.RowAt(row[s])
		c := float32(wc[s]) * scale
		for j, q := range x {
			D[j] += c * float32(q)
		}
	}
	end := 0
	if k := min(leadSentences, len(doc.Sentences)); k > 0 {
		end = doc.Sentences[k-1].Last
	}
	for _, s := range dw.ids[:end] {
		if row[s] < 0 {
			continue
		}
		x, scale := e.Vectors.RowAt(row[s])
		for j, q := range x {
			L[j] += scale * float32(q)
		}
	}
	nD, nL := norm(D[:]), norm(L[:])
	dD, dL, sn := make([]float32, ns), make([]float32, ns), make([]float32, ns)
	for s := range ns {
		if row[s] < 0 {
			continue
		}
		x, scale := e.Vectors.RowAt(row[s])
		var a, b float32
		var c int32
		for j, q := range x {
			f := float32(q)
			a += f * D[j]
			b += f * L[j]
			c += int32(q) * int32(q)
		}
		dD[s], dL[s], sn[s] = scale*a, scale*b, scale*scale*float32(c)
	}
	out := make([]float64, 3*len(cands))
	for i := range cands {
		ws := cands[i].words
		var a, b, nn float32
		k := 0
		for p, w := range ws {
			if row[w] < 0 {
				continue
			}
			a += dD[w]
			b += dL[w]
			nn += sn[w]
			k++
			x, sx := e.Vectors.RowAt(row[w])
			for _, v := range ws[p+1:] {
				if row[v] >= 0 {
					y, sy := e.Vectors.RowAt(row[v])
					var d int32
					for j := range x {
						d += int32(x[j]) * int32(y[j])
					}
					nn += 2 * sx * sy * float32(d)
				}
			}
		}
		if k == 0 {
			continue
		}
		n := math.Sqrt(float64(max(nn, 0)))
		if n > 0 && nD > 0 {
			out[3*i] = float64(a) / (n * nD)
		}
		if n > 0 && nL > 0 {
			out[3*i+1] = float64(b) / (n * nL)
		}
		out[3*i+2] = float64(k) / float64(len(ws))
	}
	return out
}

// TestEmbedSameBits: embed's features are bit for bit those of the plain
// loops, on texts written for the test (cased, lower-cased, upper-cased,
// with repeated and unknown words) and the pipeline's benchmark articles.
func TestEmbedSameBits(t *testing.T) {
	e, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{storm, strings.ToLower(storm), article, strings.ToUpper(article),
		"Storm storm STORM storms. Storm surge surge storm surge.",
		"Qwxzv plorf. Blargh zint qwxzv.", "The the the.",
		"Carbon border tax. Tax border carbon. The carbon border tax tax border carbon is a border tax on carbon.",
		"Émigré café naïve résumé. Café émigré crème brûlée at the café."}
	if !testing.Short() {
		for _, f := range []string{"bench_150.txt", "bench_600.txt", "bench_3000.txt"} {
			if b, err := os.ReadFile("../pipeline/testdata/" + f); err == nil {
				texts = append(texts, string(b))
			}
		}
	}
	compared := 0
	for ti, s := range texts {
		doc := nlptest.Tagged(t, s)
		dw := newDocWords(doc, e)
		cands, _ := candidates(doc, dw)
		wc := make([]int, len(dw.stems))
		for _, s := range dw.ids[:len(doc.Tokens)] {
			wc[s]++
		}
		got := e.embed(doc, dw, cands, wc)
		want := embedPlain(e, doc, dw, cands, wc)
		if got == nil {
			got = make([]float64, len(want))
		}
		if len(got) != len(want) {
			t.Fatalf("text %d: %d values, want %d", ti, len(got), len(want))
		}
		for i := range want {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Errorf("text %d, candidate %d, value %d: %v, want %v", ti, i/3, i%3, got[i], want[i])
			}
		}
		compared += len(want)
		dw.release()
	}
	if compared < 300 {
		t.Errorf("only %d values compared", compared)
	}
}

// TestEmbedKernels: the batched loops give the plain loops' bits on random
// rows (every int8 value, -128 too) and weights of many magnitudes.
func TestEmbedKernels(t *testing.T) {
	const dim = wordvec.Dim
	r := rand.New(rand.NewPCG(1, 2))
	randRow := func() *[dim]int8 {
		x := new([dim]int8)
		for j := range x {
			x[j] = int8(r.IntN(256) - 128)
		}
		return x
	}
	randF := func() float32 {
		return float32(r.NormFloat64() * math.Pow(10, float64(r.IntN(9)-4)))
	}
	same := func(a, b float32) bool { return math.Float32bits(a) == math.Float32bits(b) }
	for n := range 2000 {
		var D, L, P [dim]float32
		for j := range D {
			D[j], L[j] = randF(), randF()
		}
		P = D
		xs := [4]*[dim]int8{randRow(), randRow(), randRow(), randRow()}
		cs := [4]float32{randF(), randF(), randF(), randF()}
		addRows4(&D, xs[0], xs[1], xs[2], xs[3], cs[0], cs[1], cs[2], cs[3])
		for k := range 4 {
			for j, q := range xs[k] {
				P[j] += cs[k] * float32(q)
			}
		}
		for j := range D {
			if !same(D[j], P[j]) {
				t.Fatalf("case %d: addRows4 component %d: %v, want %v", n, j, D[j], P[j])
			}
		}
		a0, b0, c0, a1, b1, c1 := dots2(&D, &L, xs[0], xs[1])
		for k, got := range [][3]float64{{float64(a0), float64(b0), float64(c0)}, {float64(a1), float64(b1), float64(c1)}} {
			var a, b float32
			var c int32
			for j, q := range xs[k] {
				f := float32(q)
				a += f * D[j]
				b += f * L[j]
				c += int32(q) * int32(q)
			}
			a2, b2, c2 := dots1(&D, &L, xs[k])
			if !same(float32(got[0]), a) || !same(float32(got[1]), b) || int32(got[2]) != c ||
				!same(a2, a) || !same(b2, b) || c2 != c {
				t.Fatalf("case %d, row %d: dots2 %v, dots1 %v %v %v, want %v %v %v", n, k, got, a2, b2, c2, a, b, c)
			}
		}
		var d int32
		for j := range xs[2] {
			d += int32(xs[2][j]) * int32(xs[3][j])
		}
		if got := dot8(xs[2], xs[3]); got != d {
			t.Fatalf("case %d: dot8 %d, want %d", n, got, d)
		}
	}
}
