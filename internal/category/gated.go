package category

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"math/rand"
	"unsafe"

	"github.com/lector-nlp/lector/internal/wordvec"

	"github.com/lector-nlp/lector/internal/vecmath"
)

// The gated network (session 22; found in session 21, TestGated21): a
// small network over K gated means of the unit GloVe vectors of the first
// gatedWords words of a document (word w weighs exp(g_k · v_w) in block k,
// g_k learnt; the recipe of internal/sentiment's network), one ReLU layer,
// logits over the categories; its logits, times GatedOptions.Weight, are
// added to the linear model's scores (a product of the two models'
// probabilities, the network's to the power Weight), and the mix is
// divided by GatedOptions.Temperature.
//
// The means are linear in the vectors, so the first layer is folded into
// a per-word table (as internal/sentiment does): each of the Folded most
// frequent GloVe words keeps its K × H first-layer products (int8, one
// scale per word) and its K gate weights exp(g_k · v_w); such a word
// costs a few additions (axpy, SSE2) and no matrix product. The rarer
// words up to Vocab (all of wordvec's 100,000; 2.2 % of the words of AG
// and BBC) are read from their GloVe vectors at run time: their gates
// computed, their gated sums kept per block and multiplied by the first
// layer (int8) once per document. Folding all 100,000 would take 28 MB;
// reading only the 30,000 folded words loses the gain (below).
//
// 5-fold AG / BBC, one network, Weight 0.5, against the linear model
// alone (seed 42: 90.29 / 97.23; untuned seeds 7, 11, 13: 90.29, 89.93,
// 90.05 / 97.32, 97.65, 97.27, mean 90.09 / 97.41):
//
//	Vocab 100,000 (shipped)  seed 42 90.16 / 97.56 (-0.13 / +0.33); untuned 90.79, 90.25, 90.38
//	                         (mean 90.47, +0.38) / 97.51, 97.74, 97.41 (mean 97.55, +0.14)
//	Vocab 30,000             seed 42 90.20 / 97.41 (-0.09 / +0.18); untuned 90.27, 90.21, 90.34
//	                         (mean 90.27, +0.18) / 97.27, 97.56, 97.18 (mean 97.34, -0.07)
//	Vocab 30,000, weights    seed 42 90.27 / 97.27 (-0.02 / +0.04); untuned 90.30, 90.23, 90.32
//	averaged over the last   (mean 90.28, +0.19) / 97.27, 97.51, 97.32 (mean 97.37, -0.04)
//	4 epochs (Average 4)
//
// The mix is sharper than either model: cross-validated log-loss 0.300
// with the linear model's temperature alone, 0.257 with Temperature 1.5
// (its best extra temperature then 1.04).

// gatedWords is how many words of a document the network reads (words
// without a row count too).
const gatedWords = 300

// gateLimit bounds a gate's exponent (as in internal/sentiment), in
// training as in the folded table.
const gateLimit = 8

// GatedOptions are the hyper-parameters of the gated network.
type GatedOptions struct {
	Blocks, Hidden int
	Epochs, Batch  int
	Rate, L2       float64 // Adam step size; L2 penalty on the layers' weights
	Vocab          int     // most frequent GloVe words read
	Folded         int     // of those, the most frequent with a folded row (the rest: from their vectors at run time)
	Weight         float64 // weight of its logits in the mix; 0: no network
	// Temperature divides the mixed scores (the linear model's weights,
	// on top of TrainOptions.Temperature, and the network's weight): the
	// mix is sharper than either model (fitted on cross-validated
	// predictions; argmax unchanged).
	Temperature float64
	// Average, when above 0, makes the network the mean of its weights
	// after every step of the last Average epochs (stochastic weight
	// averaging, Izmailov et al. 2018) instead of the last step's.
	Average int
	// Nets, when above 1, averages the logits of that many networks
	// (seeds Seed, Seed+1, ...): cross-validation only, EncodeNet does
	// not write them.
	Nets int
	Seed int64
}

// DefaultGated are the settings of the shipped network (TestGated21's).
var DefaultGated = GatedOptions{Blocks: 4, Hidden: 64, Epochs: 8, Batch: 32, Rate: 0.003, L2: 1e-4, Vocab: 100000, Folded: 30000, Weight: 0.5, Temperature: 1.5, Seed: 1}

// GatedNet is the network as trained (float64, not folded).
type GatedNet struct {
	K, H, D, C int
	g          []float64 // K*D gate vectors
	w1         []float64 // H*(K*D)
	b1         []float64
	w2         []float64 // C*H
	b2         []float64
}

// GatedVectors returns the unit-length GloVe vectors of the first n words
// of t (row-major), the inputs of the network.
func GatedVectors(t *wordvec.Table, n int) []float32 {
	n = min(n, t.Len())
	D := t.Dim()
	out := make([]float32, n*D)
	for i := 0; i < n; i++ {
		row, sc := t.RowAt(i)
		v := out[i*D : (i+1)*D]
		nn := 0.0
		for k, x := range row {
			v[k] = float32(x) * sc
			nn += float64(v[k] * v[k])
		}
		if nn == 0 {
			continue
		}
		inv := float32(1 / math.Sqrt(nn))
		for k := range v {
			v[k] *= inv
		}
	}
	return out
}

// gatedRows returns e's word rows below vocab.
func gatedRows(e *Example, vocab int) []int32 {
	var out []int32
	for _, r := range e.Words {
		if int(r) < vocab {
			out = append(out, r)
		}
	}
	return out
}

func newGatedNet(K, H, D, C int, rng *rand.Rand) *GatedNet {
	n := &GatedNet{K: K, H: H, D: D, C: C, g: make([]float64, K*D), w1: make([]float64, H*K*D), b1: make([]float64, H), w2: make([]float64, C*H), b2: make([]float64, C)}
	s1 := math.Sqrt(2 / float64(K*D))
	for i := range n.w1 {
		n.w1[i] = rng.NormFloat64() * s1
	}
	s2 := math.Sqrt(1 / float64(H))
	for i := range n.w2 {
		n.w2[i] = rng.NormFloat64() * s2
	}
	for i := range n.g {
		n.g[i] = rng.NormFloat64() * 0.01
	}
	return n
}

// forward returns the block means, the words' weights per block (nil
// where the exponent was clamped: no gradient), hidden and logits.
func (n *GatedNet) forward(vecs []float32, rows []int32) (m, pw [][]float64, clamped [][]bool, h, lg []float64) {
	D := n.D
	m = make([][]float64, n.K)
	pw = make([][]float64, n.K)
	clamped = make([][]bool, n.K)
	for k := 0; k < n.K; k++ {
		gk := n.g[k*D : (k+1)*D]
		sc := make([]float64, len(rows))
		cl := make([]bool, len(rows))
		mx := math.Inf(-1)
		for j, r := range rows {
			v := vecs[int(r)*D : int(r)*D+D]
			s := 0.0
			for d, x := range v {
				s += gk[d] * float64(x)
			}
			if s > gateLimit || s < -gateLimit {
				s = max(-gateLimit, min(gateLimit, s))
				cl[j] = true
			}
			sc[j] = s
			mx = max(mx, s)
		}
		tot := 0.0
		for j := range sc {
			sc[j] = math.Exp(sc[j] - mx)
			tot += sc[j]
		}
		mk := make([]float64, D)
		for j, r := range rows {
			sc[j] /= tot
			v := vecs[int(r)*D : int(r)*D+D]
			for d, x := range v {
				mk[d] += sc[j] * float64(x)
			}
		}
		m[k], pw[k], clamped[k] = mk, sc, cl
	}
	h = make([]float64, n.H)
	for u := 0; u < n.H; u++ {
		s := n.b1[u]
		row := n.w1[u*n.K*D : (u+1)*n.K*D]
		for k := 0; k < n.K; k++ {
			for d, x := range m[k] {
				s += row[k*D+d] * x
			}
		}
		h[u] = max(s, 0)
	}
	lg = make([]float64, n.C)
	for c := 0; c < n.C; c++ {
		s := n.b2[c]
		for u, x := range h {
			s += n.w2[c*n.H+u] * x
		}
		lg[c] = s
	}
	return
}

// Logits returns the network's logits for a document's word rows (zeros
// when it has none).
func (n *GatedNet) Logits(vecs []float32, rows []int32) []float64 {
	if len(rows) == 0 {
		return make([]float64, n.C)
	}
	_, _, _, _, lg := n.forward(vecs, rows)
	return lg
}

// adam is Adam over one parameter slice.
type adam struct{ m, v []float64 }

func (a *adam) step(p, g []float64, lr float64, t int) {
	if a.m == nil {
		a.m, a.v = make([]float64, len(p)), make([]float64, len(p))
	}
	b1, b2 := 0.9, 0.999
	c1, c2 := 1-math.Pow(b1, float64(t)), 1-math.Pow(b2, float64(t))
	for i := range p {
		a.m[i] = b1*a.m[i] + (1-b1)*g[i]
		a.v[i] = b2*a.v[i] + (1-b2)*g[i]*g[i]
		p[i] -= lr * (a.m[i] / c1) / (math.Sqrt(a.v[i]/c2) + 1e-8)
	}
}

// TrainGated trains the network on exs (their Words below o.Vocab; vecs
// from GatedVectors) with softmax cross-entropy, Adam, mini-batches; all
// items weigh 1 (as in TestGated21).
func TrainGated(exs []Example, vecs []float32, o GatedOptions) *GatedNet {
	type doc struct {
		rows  []int32
		label int
	}
	var docs []doc
	for i := range exs {
		if r := gatedRows(&exs[i], o.Vocab); len(r) > 0 {
			docs = append(docs, doc{r, exs[i].Label})
		}
	}
	rng := rand.New(rand.NewSource(o.Seed))
	n := newGatedNet(o.Blocks, o.Hidden, wordvec.Dim, len(Names), rng)
	D := n.D
	gg, gw1, gb1, gw2, gb2 := make([]float64, len(n.g)), make([]float64, len(n.w1)), make([]float64, len(n.b1)), make([]float64, len(n.w2)), make([]float64, len(n.b2))
	var ag, aw1, ab1, aw2, ab2 adam
	order := rng.Perm(len(docs))
	step := 0
	var avg *GatedNet
	navg := 0
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for s := 0; s < len(order); s += o.Batch {
			clear(gg)
			clear(gw1)
			clear(gb1)
			clear(gw2)
			clear(gb2)
			for _, di := range order[s:min(s+o.Batch, len(order))] {
				d := &docs[di]
				m, pw, cl, h, lg := n.forward(vecs, d.rows)
				p := Softmax(lg)
				dl := p
				dl[d.label]--
				dh := make([]float64, n.H)
				for c := range dl {
					gb2[c] += dl[c]
					for u, x := range h {
						gw2[c*n.H+u] += dl[c] * x
						dh[u] += dl[c] * n.w2[c*n.H+u]
					}
				}
				dm := make([]float64, n.K*D)
				for u := range dh {
					if h[u] <= 0 {
						continue
					}
					gb1[u] += dh[u]
					row := n.w1[u*n.K*D : (u+1)*n.K*D]
					grow := gw1[u*n.K*D : (u+1)*n.K*D]
					for k := 0; k < n.K; k++ {
						for dd, x := range m[k] {
							grow[k*D+dd] += dh[u] * x
							dm[k*D+dd] += dh[u] * row[k*D+dd]
						}
					}
				}
				// gates: dL/dg_k = sum_w p_w (dm_k . (v_w - m_k)) v_w
				for k := 0; k < n.K; k++ {
					dmk := dm[k*D : (k+1)*D]
					dmm := 0.0
					for dd, x := range m[k] {
						dmm += dmk[dd] * x
					}
					gk := gg[k*D : (k+1)*D]
					for j, r := range d.rows {
						if cl[k][j] {
							continue
						}
						v := vecs[int(r)*D : int(r)*D+D]
						dv := 0.0
						for dd, x := range v {
							dv += dmk[dd] * float64(x)
						}
						c := pw[k][j] * (dv - dmm)
						for dd, x := range v {
							gk[dd] += c * float64(x)
						}
					}
				}
			}
			for i := range gw1 {
				gw1[i] += o.L2 * n.w1[i]
			}
			for i := range gw2 {
				gw2[i] += o.L2 * n.w2[i]
			}
			step++
			ag.step(n.g, gg, o.Rate, step)
			aw1.step(n.w1, gw1, o.Rate, step)
			ab1.step(n.b1, gb1, o.Rate, step)
			aw2.step(n.w2, gw2, o.Rate, step)
			ab2.step(n.b2, gb2, o.Rate, step)
			if o.Average > 0 && ep >= o.Epochs-o.Average {
				if avg == nil {
					avg = &GatedNet{K: n.K, H: n.H, D: n.D, C: n.C, g: make([]float64, len(n.g)), w1: make([]float64, len(n.w1)), b1: make([]float64, len(n.b1)), w2: make([]float64, len(n.w2)), b2: make([]float64, len(n.b2))}
				}
				navg++
				for _, p := range [][2][]float64{{avg.g, n.g}, {avg.w1, n.w1}, {avg.b1, n.b1}, {avg.w2, n.w2}, {avg.b2, n.b2}} {
					for i, x := range p[1] {
						p[0][i] += (x - p[0][i]) / float64(navg)
					}
				}
			}
		}
	}
	if avg != nil {
		return avg
	}
	return n
}

// FoldedNet is a GatedNet with its gates and first layer folded into one
// row per word (the first len(scale) GloVe words).
type FoldedNet struct {
	K, H   int
	gate   []float32 // per word: K gate weights exp(g_k · v_w), then its row's scale
	rows   []int8    // per word: K blocks of H first-layer products, int8 times the scale
	b1     []float32
	w2     []float32 // C*H
	b2     []float32
	weight float32      // of the logits in the mix
	more   []*FoldedNet // further networks whose logits are added (GatedOptions.Nets)
	// the words past the folded rows, up to read: from their vectors in
	// wv, the gates g (K*D) and the first layer w1q (K*D rows of H,
	// int8, times w1s per row)
	read int
	D    int
	g    []float32
	w1q  []int8
	w1s  []float32
	wv   *wordvec.Table
}

// Fold folds n over the first folded rows of vecs (GatedVectors; one row
// per word); the words after them, up to read, are computed from their
// vectors in wordvec.Default() at run time.
func (n *GatedNet) Fold(vecs []float32, folded, read int, weight float64) *FoldedNet {
	D, K, H := n.D, n.K, n.H
	V := min(folded, len(vecs)/D)
	f := &FoldedNet{K: K, H: H, gate: make([]float32, V*(K+1)), rows: make([]int8, V*K*H), weight: float32(weight)}
	f.read, f.D, f.g, f.wv = max(read, V), D, toF32(n.g), wordvec.Default()
	f.w1q, f.w1s = make([]int8, K*D*H), make([]float32, K*D)
	for j := 0; j < K*D; j++ {
		mx := 0.0
		for u := 0; u < H; u++ {
			mx = max(mx, math.Abs(n.w1[u*K*D+j]))
		}
		sc := mx / 127
		if sc == 0 {
			sc = 1
		}
		f.w1s[j] = float32(sc)
		for u := 0; u < H; u++ {
			f.w1q[j*H+u] = int8(math.Round(n.w1[u*K*D+j] / sc))
		}
	}
	f.b1 = toF32(n.b1)
	f.w2 = toF32(n.w2)
	f.b2 = toF32(n.b2)
	proj := make([]float64, K*H)
	for r := 0; r < V; r++ {
		v := vecs[r*D : (r+1)*D]
		mx := 0.0
		for k := 0; k < K; k++ {
			s := 0.0
			for d, x := range v {
				s += n.g[k*D+d] * float64(x)
			}
			f.gate[r*(K+1)+k] = float32(math.Exp(max(-gateLimit, min(gateLimit, s))))
			for u := 0; u < H; u++ {
				w := n.w1[u*K*D+k*D : u*K*D+(k+1)*D]
				a := 0.0
				for d, x := range v {
					a += w[d] * float64(x)
				}
				proj[k*H+u] = a
				mx = max(mx, math.Abs(a))
			}
		}
		sc := mx / 127
		if sc == 0 {
			sc = 1
		}
		f.gate[r*(K+1)+K] = float32(sc)
		for i, x := range proj {
			f.rows[r*K*H+i] = int8(math.Round(x / sc))
		}
	}
	return f
}

func toF32(x []float64) []float32 {
	out := make([]float32, len(x))
	for i, v := range x {
		out[i] = float32(v)
	}
	return out
}

// vocab is the number of words with a row.
func (f *FoldedNet) vocab() int { return len(f.gate) / (f.K + 1) }

// touch reads a byte of each cache line of the gates and rows of words
// and returns their sum, to keep the loads: on a cold model the loads of
// this short loop overlap (with those of the linear model's weights,
// which classify touches next), where addLogits' longer loop waits on a
// few at a time.
func (f *FoldedNet) touch(words []int32) uint32 {
	K, H := f.K, f.H
	V := f.vocab()
	var x uint32
	for _, r := range words {
		if int(r) >= V {
			continue
		}
		x += math.Float32bits(f.gate[int(r)*(K+1)])
		row := f.rows[int(r)*K*H : (int(r)+1)*K*H]
		for o := 0; o < len(row); o += 64 {
			x += uint32(row[o])
		}
	}
	return x
}

// gatedScratch is the network's per-document scratch.
type gatedScratch struct {
	acc  []float32 // K*H
	h    []float32
	seen []uint32 // open-addressing set of rows+1 (counts in cnt)
	cnt  []float32
	list []int32   // slots in use
	mr   []float32 // K*D: the gated sums of the words past the folded rows
	v    []float32 // D
}

// addLogits adds weight × the network's logits for a document's word
// rows (GloVe indices; those past the vocabulary are skipped) to scores.
// A word's row is added once, times its count.
func (f *FoldedNet) addLogits(rows []int32, scores []float64, sc *gatedScratch) {
	for _, g := range f.more {
		g.addLogits(rows, scores, sc)
	}
	K, H := f.K, f.H
	V := f.vocab()
	if len(sc.seen) == 0 {
		sc.seen = make([]uint32, 1024)
		sc.cnt = make([]float32, 1024)
	}
	if len(sc.acc) < K*H {
		sc.acc = make([]float32, K*H)
		sc.h = make([]float32, H)
	}
	mask := uint32(len(sc.seen) - 1)
	sc.list = sc.list[:0]
	var wsum [8]float32
	rare := false
	for _, r := range rows {
		if int(r) >= V {
			if int(r) < f.read {
				if !rare {
					f.startRare(sc)
					rare = true
				}
				f.addRare(int(r), sc, &wsum)
			}
			continue
		}
		k := uint32(r) + 1
		j := (k * 0x9e3779b1) & mask
		for sc.seen[j] != 0 && sc.seen[j] != k {
			j = (j + 1) & mask
		}
		if sc.seen[j] == 0 {
			sc.seen[j] = k
			sc.cnt[j] = 0
			sc.list = append(sc.list, int32(j))
		}
		sc.cnt[j]++
	}
	if len(sc.list) == 0 && !rare {
		return
	}
	acc := sc.acc[:K*H]
	clear(acc)
	if rare {
		f.rareLayer(sc, acc)
	}
	for _, j := range sc.list {
		r := int(sc.seen[j] - 1)
		sc.seen[j] = 0
		n := sc.cnt[j]
		g := f.gate[r*(K+1) : (r+1)*(K+1)]
		s := g[K] * n
		row := f.rows[r*K*H : (r+1)*K*H]
		for k := 0; k < K; k++ {
			wsum[k&7] += n * g[k]
			vecmath.Axpy(acc[k*H:(k+1)*H], row[k*H:(k+1)*H], s*g[k])
		}
	}
	h := sc.h[:H]
	copy(h, f.b1)
	for k := 0; k < K; k++ {
		inv := 1 / wsum[k&7]
		a := acc[k*H : (k+1)*H]
		for u := range h {
			h[u] += a[u] * inv
		}
	}
	w := float64(f.weight)
	for c := range scores {
		s := f.b2[c]
		row := f.w2[c*H : (c+1)*H]
		for u, x := range h {
			if x > 0 {
				s += row[u] * x
			}
		}
		scores[c] += w * float64(s)
	}
}

// startRare clears the sums of the words past the folded rows.
func (f *FoldedNet) startRare(sc *gatedScratch) {
	if len(sc.mr) < f.K*f.D {
		sc.mr = make([]float32, f.K*f.D)
		sc.v = make([]float32, f.D)
	}
	clear(sc.mr[:f.K*f.D])
}

// addRare adds GloVe word r (past the folded rows) to the gated sums of
// sc.mr and its gate weights to wsum: its unit vector, each block's gate
// exp(g_k · v) from it.
func (f *FoldedNet) addRare(r int, sc *gatedScratch, wsum *[8]float32) {
	D := f.D
	row, _ := f.wv.RowAt(r)
	v := sc.v[:D]
	nn := float32(0)
	for d, x := range row {
		v[d] = float32(x)
		nn += v[d] * v[d]
	}
	if nn == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(float64(nn)))
	for d := range v {
		v[d] *= inv
	}
	for k := 0; k < f.K; k++ {
		gk := f.g[k*D : (k+1)*D]
		s := float32(0)
		for d, x := range v {
			s += gk[d] * x
		}
		e := float32(math.Exp(float64(max(-gateLimit, min(gateLimit, s)))))
		wsum[k&7] += e
		m := sc.mr[k*D : (k+1)*D]
		for d, x := range v {
			m[d] += e * x
		}
	}
}

// rareLayer adds the first layer's products with the gated sums of the
// words past the folded rows (sc.mr) to acc.
func (f *FoldedNet) rareLayer(sc *gatedScratch, acc []float32) {
	K, H, D := f.K, f.H, f.D
	for k := 0; k < K; k++ {
		a := acc[k*H : (k+1)*H]
		for d, x := range sc.mr[k*D : (k+1)*D] {
			if x == 0 {
				continue
			}
			j := k*D + d
			vecmath.Axpy(a, f.w1q[j*H:(j+1)*H], x*f.w1s[j])
		}
	}
}

// netHeader is the fixed part of an encoded FoldedNet.
type netHeader struct {
	K, H, V, D, Read uint32
	Weight           float32
}

// encode appends the network: header, b1, w2, b2, gates and scales
// (float32), rows (int8).
func (f *FoldedNet) encode(buf *bytes.Buffer) {
	binary.Write(buf, binary.LittleEndian, netHeader{uint32(f.K), uint32(f.H), uint32(f.vocab()), uint32(f.D), uint32(f.read), f.weight})
	binary.Write(buf, binary.LittleEndian, f.b1)
	binary.Write(buf, binary.LittleEndian, f.w2)
	binary.Write(buf, binary.LittleEndian, f.b2)
	binary.Write(buf, binary.LittleEndian, f.gate)
	binary.Write(buf, binary.LittleEndian, f.g)
	binary.Write(buf, binary.LittleEndian, f.w1s)
	binary.Write(buf, binary.LittleEndian, f.rows)
	binary.Write(buf, binary.LittleEndian, f.w1q)
}

// decodeNet reads a network written by encode for nclass categories; its
// rows are used in place. It returns what follows.
func decodeNet(b []byte, nclass int) (*FoldedNet, []byte, error) {
	var h netHeader
	hs := binary.Size(h)
	if len(b) < hs {
		return nil, nil, errors.New("category: truncated network")
	}
	binary.Read(bytes.NewReader(b[:hs]), binary.LittleEndian, &h)
	K, H, V, D, read := int(h.K), int(h.H), int(h.V), int(h.D), int(h.Read)
	if K < 1 || K > 8 || H < 1 || H > 1024 || V < 1 || V > 1<<22 || D != wordvec.Dim || read < V || read > wordvec.Default().Len() {
		return nil, nil, errors.New("category: bad network")
	}
	b = b[hs:]
	nf := H + nclass*H + nclass + V*(K+1) + 2*K*D
	if len(b) < 4*nf+V*K*H+K*D*H {
		return nil, nil, errors.New("category: truncated network")
	}
	fs := make([]float32, nf)
	for i := range fs {
		fs[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	b = b[4*nf:]
	f := &FoldedNet{K: K, H: H, D: D, read: read, weight: h.Weight, wv: wordvec.Default()}
	f.b1, fs = fs[:H], fs[H:]
	f.w2, fs = fs[:nclass*H], fs[nclass*H:]
	f.b2, fs = fs[:nclass], fs[nclass:]
	f.gate, fs = fs[:V*(K+1)], fs[V*(K+1):]
	f.g, f.w1s = fs[:K*D], fs[K*D:]
	i8 := unsafe.Slice((*int8)(unsafe.Pointer(unsafe.SliceData(b))), V*K*H+K*D*H)
	f.rows, f.w1q = i8[:V*K*H], i8[V*K*H:]
	return f, b[V*K*H+K*D*H:], nil
}
