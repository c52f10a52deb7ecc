package sentiment

import (
	"math"
	"math/rand/v2"
)

// vecTable holds word vectors learnt from unlabelled news (skip-gram),
// unit length, times sqrt(dim), quantised to int8 with one scale. A word's
// row is found through the model's word table (wordInfo.vec).
type vecTable struct {
	dim   int
	scale float32
	rows  []int8 // n × dim
}

func newVecTable(vecs []float32, dim int) *vecTable {
	n := len(vecs) / dim
	unit := make([]float32, len(vecs))
	var mx float32
	sd := float32(math.Sqrt(float64(dim)))
	for i := 0; i < n; i++ {
		r := vecs[i*dim : i*dim+dim]
		var ss float64
		for _, x := range r {
			ss += float64(x * x)
		}
		inv := float32(1/math.Sqrt(max(ss, 1e-12))) * sd
		for j, x := range r {
			u := x * inv
			unit[i*dim+j] = u
			mx = max(mx, float32(math.Abs(float64(u))))
		}
	}
	vt := &vecTable{dim: dim, scale: mx / 127, rows: make([]int8, len(vecs))}
	if vt.scale == 0 {
		vt.scale = 1
	}
	for i, u := range unit {
		vt.rows[i] = int8(math.Round(float64(u / vt.scale)))
	}
	return vt
}

// dense is a feed-forward network over pooled word vectors of the
// target's context (see denseInput), one ReLU hidden layer and three
// outputs. The model holds it folded (see folded).
type dense struct {
	in, hid int
	w1      []float32 // hid × in
	b1      []float32
	w2      []float32 // 3 × hid
	b2      [numClasses]float32
}

// densePools is the number of dim-wide blocks of the dense network's
// input: the distance-weighted mean of each side, the mean within three
// tokens, then (when 7) the maximum and minimum of each side.
var densePools = 3

// SetDensePools sets the pooled blocks of the dense network's input (3:
// the means only; 7: means, maxima and minima). For experiments.
func SetDensePools(n int) { densePools = n }

// denseInput writes the pooled context vectors of the target at [a, b)
// into x (len densePools × dim).
func (s *sentence) denseInput(x []float32, a, b int, masked []bool, vt *vecTable) {
	d := vt.dim
	clear(x)
	var wsum [2]float32
	var cnt [2]int
	near := 0
	avg := [2][]float32{x[0:d], x[d : 2*d]}
	nr := x[2*d : 3*d]
	pools := len(x) / d
	var mxs, mns [2][]float32
	if pools == 7 {
		mxs = [2][]float32{x[3*d : 4*d], x[4*d : 5*d]}
		mns = [2][]float32{x[5*d : 6*d], x[6*d : 7*d]}
	}
	for i := range s.word {
		r := s.vec[i]
		if r == 0 || masked[i] || s.flag[i]&fPunct != 0 {
			continue
		}
		v := vt.rows[int(r-1)*d : int(r)*d]
		side, dist := 0, a-i
		if i >= b {
			side, dist = 1, i-b+1
		}
		w := 1 / float32(dist)
		wsum[side] += w
		av := avg[side]
		for j, q := range v {
			av[j] += w * float32(q)
		}
		if pools == 7 {
			mx, mn := mxs[side], mns[side]
			first := cnt[side] == 0
			for j, q := range v {
				f := float32(q)
				if first || f > mx[j] {
					mx[j] = f
				}
				if first || f < mn[j] {
					mn[j] = f
				}
			}
		}
		cnt[side]++
		if dist <= 3 {
			near++
			for j, q := range v {
				nr[j] += float32(q)
			}
		}
	}
	for side := range avg {
		if wsum[side] > 0 {
			inv := vt.scale / wsum[side]
			for j := range avg[side] {
				avg[side][j] *= inv
			}
		}
		if pools == 7 {
			for j := range mxs[side] {
				mxs[side][j] *= vt.scale
				mns[side][j] *= vt.scale
			}
		}
	}
	if near > 0 {
		inv := vt.scale / float32(near)
		for j := range nr {
			nr[j] *= inv
		}
	}
}

// logits adds weight × the network's output for input x to z; h is
// scratch of length hid.
func (n *dense) logits(x, h []float32, z *[numClasses]float64, weight float64) {
	n.hidden(x, h)
	o := n.b2
	for c := 0; c < numClasses; c++ {
		w := n.w2[c*n.hid : (c+1)*n.hid]
		var acc float32
		for j, v := range h {
			acc += v * w[j]
		}
		o[c] += acc
	}
	for c := range o {
		z[c] += weight * float64(o[c])
	}
}

func (n *dense) hidden(x, h []float32) {
	for j := range h {
		w := n.w1[j*n.in : (j+1)*n.in : (j+1)*n.in]
		acc := n.b1[j]
		for i, v := range x {
			acc += v * w[i]
		}
		if acc < 0 {
			acc = 0
		}
		h[j] = acc
	}
}

// denseConfig holds the dense network's training hyper-parameters.
type denseConfig struct {
	Nets    int // networks trained from different initialisations and joined (mergeDense)
	Hidden  int
	Epochs  int
	Rate    float64 // Adam step size
	Dropout float64 // input and hidden dropout
	L2      float64
	Batch   int
}

// trainDense trains the dense network on the inputs xs (one row of in per
// example) with class-weighted cross-entropy, mini-batch Adam and dropout.
func trainDense(xs []float32, in int, ps []prepared, cw [numClasses]float64, dc denseConfig, seed uint64, logf func(string, ...any)) *dense {
	H := dc.Hidden
	n := &dense{in: in, hid: H, w1: make([]float32, H*in), b1: make([]float32, H), w2: make([]float32, numClasses*H)}
	rng := rand.New(rand.NewPCG(seed, 13))
	l1 := math.Sqrt(6 / float64(in+H))
	for i := range n.w1 {
		n.w1[i] = float32((rng.Float64()*2 - 1) * l1)
	}
	l2 := math.Sqrt(6 / float64(H+numClasses))
	for i := range n.w2 {
		n.w2[i] = float32((rng.Float64()*2 - 1) * l2)
	}
	// parameters as one slice view for Adam
	type param struct{ w, g, m, v []float32 }
	mk := func(w []float32) *param {
		return &param{w: w, g: make([]float32, len(w)), m: make([]float32, len(w)), v: make([]float32, len(w))}
	}
	b2 := n.b2[:]
	params := []*param{mk(n.w1), mk(n.b1), mk(n.w2), mk(b2)}
	pw1, pb1, pw2, pb2 := params[0], params[1], params[2], params[3]
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	x := make([]float32, in)
	h := make([]float32, H)
	gh := make([]float32, H)
	keepIn := make([]float32, in)
	step := 0
	const beta1, beta2, eps = 0.9, 0.999, 1e-8
	batch := max(1, dc.Batch)
	for ep := 0; ep < dc.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var loss float64
		for bs := 0; bs < len(order); bs += batch {
			be := min(len(order), bs+batch)
			for _, p := range params {
				clear(p.g)
			}
			for _, idx := range order[bs:be] {
				p := &ps[idx]
				copy(x, xs[idx*in:(idx+1)*in])
				if dc.Dropout > 0 {
					inv := float32(1 / (1 - dc.Dropout))
					for i := range x {
						if rng.Float64() < dc.Dropout {
							keepIn[i] = 0
						} else {
							keepIn[i] = inv
						}
						x[i] *= keepIn[i]
					}
				}
				n.hidden(x, h)
				if dc.Dropout > 0 {
					inv := float32(1 / (1 - dc.Dropout))
					for j := range h {
						if rng.Float64() < dc.Dropout {
							h[j] = 0
						} else {
							h[j] *= inv
						}
					}
				}
				var o [numClasses]float64
				for c := 0; c < numClasses; c++ {
					acc := n.b2[c]
					for j, v := range h {
						acc += v * n.w2[c*H+j]
					}
					o[c] = float64(acc)
				}
				pr := softmax(o)
				ew := cw[p.label] * p.weight
				loss -= ew * math.Log(math.Max(pr[p.label], 1e-12))
				var g [numClasses]float32
				for c := range g {
					y := 0.0
					if c == p.label {
						y = 1
					}
					g[c] = float32(ew * (pr[c] - y))
				}
				clear(gh)
				for c := 0; c < numClasses; c++ {
					pb2.g[c] += g[c]
					for j, v := range h {
						pw2.g[c*H+j] += g[c] * v
						gh[j] += g[c] * n.w2[c*H+j]
					}
				}
				for j := range gh {
					if h[j] <= 0 {
						continue
					}
					gj := gh[j]
					pb1.g[j] += gj
					row := pw1.g[j*in : (j+1)*in]
					for i, v := range x {
						row[i] += gj * v
					}
				}
			}
			step++
			lr := dc.Rate * math.Sqrt(1-math.Pow(beta2, float64(step))) / (1 - math.Pow(beta1, float64(step)))
			scale := float32(1 / float64(be-bs))
			for pi, p := range params {
				for i := range p.w {
					g := p.g[i] * scale
					if pi == 0 || pi == 2 {
						g += float32(dc.L2) * p.w[i]
					}
					p.m[i] = beta1*p.m[i] + (1-beta1)*g
					p.v[i] = beta2*p.v[i] + (1-beta2)*g*g
					p.w[i] -= float32(lr) * p.m[i] / (float32(math.Sqrt(float64(p.v[i]))) + eps)
				}
			}
		}
		logf("dense epoch %d loss %.4f", ep+1, loss/float64(len(ps)))
	}
	copy(n.b2[:], b2)
	return n
}

// folded is the dense network with its first layer folded into the word
// table: the means of the input are linear in the word vectors, so each
// word keeps, instead of its vector, the first layer's product with it
// for each of the three mean blocks (3 × hid values, int8 with one
// scale per word), and a target costs a few additions per context word.
type folded struct {
	hid   int
	scale []float32 // per row
	rows  []int8    // n × 3·hid: left mean, right mean, near mean blocks
	b1    []float32
	w2    []float32 // 3 × hid
	b2    [numClasses]float32
}

// fold folds n's first layer into the rows of vt (n must have 3 pools).
func (n *dense) fold(vt *vecTable) *folded {
	d, H := vt.dim, n.hid
	rows := len(vt.rows) / d
	f := &folded{hid: H, scale: make([]float32, rows), rows: make([]int8, rows*3*H), b1: n.b1, w2: n.w2, b2: n.b2}
	proj := make([]float32, 3*H)
	for r := 0; r < rows; r++ {
		v := vt.rows[r*d : (r+1)*d]
		var mx float32
		for k := 0; k < 3; k++ {
			for j := 0; j < H; j++ {
				w := n.w1[j*n.in+k*d : j*n.in+(k+1)*d]
				var acc float32
				for i, q := range v {
					acc += w[i] * float32(q)
				}
				acc *= vt.scale
				proj[k*H+j] = acc
				mx = max(mx, float32(math.Abs(float64(acc))))
			}
		}
		sc := mx / 127
		if sc == 0 {
			sc = 1
		}
		f.scale[r] = sc
		for i, x := range proj {
			f.rows[r*3*H+i] = int8(math.Round(float64(x / sc)))
		}
	}
	return f
}

// logits adds weight × the network's output for the target at [a, b) of
// s to z; acc is scratch of length 3·hid.
func (f *folded) logits(s *sentence, a, b int, masked []bool, acc []float32, z *[numClasses]float64, weight float64) {
	H := f.hid
	clear(acc)
	var wsum [2]float32
	near := 0
	for i := range s.word {
		r := s.vec[i]
		if r == 0 || masked[i] || s.flag[i]&fPunct != 0 {
			continue
		}
		row := f.rows[int(r-1)*3*H : int(r)*3*H]
		side, dist := 0, a-i
		if i >= b {
			side, dist = 1, i-b+1
		}
		w := 1 / float32(dist)
		wsum[side] += w
		sc := f.scale[r-1]
		dst := acc[side*H : side*H+H]
		src := row[side*H : side*H+H]
		ws := w * sc
		for j, q := range src {
			dst[j] += ws * float32(q)
		}
		if dist <= 3 {
			near++
			dst, src = acc[2*H:3*H], row[2*H:3*H]
			for j, q := range src {
				dst[j] += sc * float32(q)
			}
		}
	}
	var k [3]float32
	for side := range wsum {
		if wsum[side] > 0 {
			k[side] = 1 / wsum[side]
		}
	}
	if near > 0 {
		k[2] = 1 / float32(near)
	}
	o := f.b2
	for j := 0; j < H; j++ {
		x := f.b1[j] + acc[j]*k[0] + acc[H+j]*k[1] + acc[2*H+j]*k[2]
		if x <= 0 {
			continue
		}
		o[0] += x * f.w2[j]
		o[1] += x * f.w2[H+j]
		o[2] += x * f.w2[2*H+j]
	}
	for c := range o {
		z[c] += weight * float64(o[c])
	}
}
