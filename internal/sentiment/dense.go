package sentiment

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/lector-nlp/lector/internal/vecmath"
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
	return newVecTableNorm(vecs, dim, false)
}

// newVecTableNorm is newVecTable; with raw, the vectors keep their
// lengths (scaled so that their mean length is sqrt(dim)).
func newVecTableNorm(vecs []float32, dim int, raw bool) *vecTable {
	n := len(vecs) / dim
	var meanLen float64
	if raw {
		for i := 0; i < n; i++ {
			var ss float64
			for _, x := range vecs[i*dim : i*dim+dim] {
				ss += float64(x * x)
			}
			meanLen += math.Sqrt(ss) / float64(n)
		}
	}
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
		if raw {
			inv = float32(1/max(meanLen, 1e-12)) * sd
		}
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
	// gate (blocks × dim; nil: none) weighs each word in its mean block
	// by exp(gate[blk] · its vector) on top of its weight there (see
	// gatedInput): a learnt importance of words per block.
	gate  []float32
	gkind []int32 // per block: its row of gate (blocks may share one)
	// dgate (gate rows × numDistBuckets; nil: none) is added to the gate
	// logits by the word's distance from the target
	dgate []float32
}

// tiedGates is the gate row of each of 6 blocks when the two sides
// share gates (sides, near, clauses, the target's words).
var tiedGates = []int32{0, 0, 1, 2, 2, 3}

// poolEntry is a word of a target's context in one mean block: its
// vector row, the block and its weight there (see contextBlocks).
type poolEntry struct {
	row int32
	blk int32
	w   float32
	db  int32 // distance bucket (distBucket)
}

// numDistBuckets is the number of distance buckets of the gates' distance
// factors.
const numDistBuckets = 8

// distBucket returns the bucket of a distance from the target in tokens
// (0: its own words; 1, 2, 3, 4-5, 6-8, 9-12, 13 and more).
func distBucket(d int) int32 {
	return distBuckets[min(d, len(distBuckets)-1)]
}

var distBuckets = [14]int32{0, 1, 2, 3, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7}

// tokenDist is the distance of token i from the target at [a, b).
func tokenDist(i, a, b int) int {
	switch {
	case i < a:
		return a - i
	case i >= b:
		return i - b + 1
	}
	return 0
}

// poolEntries appends the entries of the mean blocks of the target at
// [a, b) to out.
func (s *sentence) poolEntries(out []poolEntry, a, b int, masked []bool, blocks int) []poolEntry {
	s.contextBlocks(a, b, masked, blocks, func(i, blk int, w float32) {
		out = append(out, poolEntry{row: s.vec[i] - 1, blk: int32(blk), w: w, db: distBucket(tokenDist(i, a, b))})
	})
	return out
}

// gateLimit bounds the gate logits.
const gateLimit = 8

// gatedInput writes the gated mean blocks of ents into x (len blocks ×
// dim): word e weighs e.w × exp(gate[e.blk] · v) in its block. ew
// (len(ents)) receives each entry's share of its block and ws (blocks)
// each block's sum of weights.
func gatedInput(x []float32, ents []poolEntry, vt *vecTable, n *dense, ew, ws []float32) {
	d := vt.dim
	gate, gkind, dgate := n.gate, n.gkind, n.dgate
	clear(x)
	clear(ws)
	for k, e := range ents {
		v := vt.rows[int(e.row)*d : int(e.row+1)*d]
		gk := int(gkind[e.blk])
		g := gate[gk*d : (gk+1)*d]
		var z float32
		for j, q := range v {
			z += g[j] * float32(q)
		}
		z *= vt.scale
		z = max(-gateLimit, min(gateLimit, z))
		if dgate != nil {
			// clamped apart, as folded keeps them apart
			z += max(-gateLimit, min(gateLimit, dgate[gk*numDistBuckets+int(e.db)]))
		}
		w := e.w * float32(math.Exp(float64(z)))
		ew[k] = w
		ws[e.blk] += w
		dst := x[int(e.blk)*d : int(e.blk+1)*d]
		for j, q := range v {
			dst[j] += w * float32(q)
		}
	}
	for blk := range ws {
		if ws[blk] > 0 {
			inv := vt.scale / ws[blk]
			dst := x[blk*d : (blk+1)*d]
			for j := range dst {
				dst[j] *= inv
			}
		}
	}
	for k, e := range ents {
		ew[k] /= ws[e.blk]
	}
}

// contextBlocks calls fn for each word i with a vector that enters a
// mean block of the target at [a, b), with the block and the word's
// weight in it: context words (not masked, not punctuation) in block 0
// (left) and 1 (right) weighted by 1 / distance and in block 2 when
// within three tokens; with 5 blocks or more, in 3 (left) and 4 (right)
// when in the target's clause (up to a break, a contrast word or a
// quotation mark); with 6, the target's own words in block 5. All but
// blocks 0 and 1 are unweighted.
func (s *sentence) contextBlocks(a, b int, masked []bool, blocks int, fn func(i, blk int, w float32)) {
	l, r := 0, len(s.word)
	if blocks > 3 {
		l, r = s.clause(a, b)
	}
	for i := range s.word {
		if blocks > 5 && i >= a && i < b && s.vec[i] != 0 {
			fn(i, 5, 1)
		}
		if s.vec[i] == 0 || masked[i] || s.flag[i]&fPunct != 0 {
			continue
		}
		side, dist := 0, a-i
		if i >= b {
			side, dist = 1, i-b+1
		}
		fn(i, side, 1/float32(dist))
		if dist <= 3 {
			fn(i, 2, 1)
		}
		if blocks > 3 && i >= l && i < r {
			fn(i, 3+side, 1)
		}
	}
}

// clause returns the tokens [l, r) around the target at [a, b) up to a
// break, a contrast word or a quotation mark.
func (s *sentence) clause(a, b int) (int, int) {
	stop := func(i int) bool {
		return s.flag[i]&(fBreak|fContrast|fQuoteOpen|fQuoteClose|fQuoteToggle) != 0
	}
	l := a
	for l > 0 && !stop(l-1) {
		l--
	}
	r := b
	for r < len(s.word) && !stop(r) {
		r++
	}
	return l, r
}

// denseInput writes the mean blocks of the context vectors of the target
// at [a, b) into x (len blocks × dim).
func (s *sentence) denseInput(x []float32, a, b int, masked []bool, vt *vecTable) {
	d := vt.dim
	clear(x)
	blocks := len(x) / d
	var wsum [8]float32
	s.contextBlocks(a, b, masked, blocks, func(i, blk int, w float32) {
		r := s.vec[i]
		v := vt.rows[int(r-1)*d : int(r)*d]
		wsum[blk] += w
		dst := x[blk*d : (blk+1)*d]
		for j, q := range v {
			dst[j] += w * float32(q)
		}
	})
	for blk := 0; blk < blocks; blk++ {
		if wsum[blk] > 0 {
			inv := vt.scale / wsum[blk]
			dst := x[blk*d : (blk+1)*d]
			for j := range dst {
				dst[j] *= inv
			}
		}
	}
}

func vtDim(vt *vecTable) int {
	if vt == nil {
		return 1
	}
	return vt.dim
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
	Blocks  int // dim-wide mean blocks of the input (see contextBlocks): 3; 5 with the target's clause; 6 with the target's words
	Hidden  int
	Epochs  int
	Rate    float64 // Adam step size
	Dropout float64 // input and hidden dropout
	L2      float64
	Batch   int
	// Smooth is label smoothing: the target distribution gives
	// Smooth/3 to every class and 1-Smooth more to the gold one.
	Smooth float64
	// SWA averages the weights at the end of the last SWA epochs
	// (0 or 1: the last epoch's weights).
	SWA int
	// BlockDrop drops whole mean blocks of the input (a context side, the
	// clause, the target's words) with this probability in training.
	BlockDrop float64
	// RawVecs keeps the lengths of the word vectors (else unit length).
	RawVecs bool
	// Gate learns a gate per block that weighs each word by exp(gate ·
	// its vector) in the block's mean (see gatedInput).
	Gate bool
	// DistGate adds a learnt term per distance bucket (and gate row) to
	// the gate logits.
	DistGate bool
	// TieGates has the two sides share their gates (4 gates: sides,
	// near, clauses, the target's words).
	TieGates bool
}

// trainDense trains the dense network on the inputs xs (one row of in per
// example) with class-weighted cross-entropy, mini-batch Adam and dropout.
//
// With dc.Gate, the inputs are made from ents (the pool entries of each
// example, ents[i]) and vt with the network's gates (gatedInput), which
// are learnt with the rest (from zero: plain means).
func trainDense(xs []float32, in int, ps []prepared, cw [numClasses]float64, dc denseConfig, seed uint64, ents [][]poolEntry, vt *vecTable, logf func(string, ...any)) *dense {
	H := dc.Hidden
	n := &dense{in: in, hid: H, w1: make([]float32, H*in), b1: make([]float32, H), w2: make([]float32, numClasses*H)}
	gated := dc.Gate && ents != nil && vt != nil
	if gated {
		blocks := in / vt.dim
		n.gkind = make([]int32, blocks)
		for k := range n.gkind {
			n.gkind[k] = int32(k)
			if dc.TieGates && blocks == len(tiedGates) {
				n.gkind[k] = tiedGates[k]
			}
		}
		n.gate = make([]float32, (int(slices.Max(n.gkind))+1)*vt.dim)
		if dc.DistGate {
			n.dgate = make([]float32, len(n.gate)/vt.dim*numDistBuckets)
		}
	}
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
	var pg, pd *param
	var share, gx, xg []float32
	ws := make([]float32, in/max(1, vtDim(vt)))
	if gated {
		pg = mk(n.gate)
		params = append(params, pg)
		if n.dgate != nil {
			pd = mk(n.dgate)
			params = append(params, pd)
		}
		gx = make([]float32, in)
		xg = make([]float32, len(ws))
	}
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	x := make([]float32, in)
	h := make([]float32, H)
	gh := make([]float32, H)
	keepIn := make([]float32, in)
	blocks := max(3, dc.Blocks)
	bdim := in / blocks
	keepBlk := make([]float32, blocks)
	var swa [][]float32 // sums of the weights at the end of the averaged epochs
	nswa := 0
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
				if gated {
					if cap(share) < len(ents[idx]) {
						share = make([]float32, len(ents[idx]))
					}
					share = share[:len(ents[idx])]
					gatedInput(x, ents[idx], vt, n, share, ws)
				} else {
					copy(x, xs[idx*in:(idx+1)*in])
				}
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
				if dc.BlockDrop > 0 {
					inv := float32(1 / (1 - dc.BlockDrop))
					for k := range keepBlk {
						keepBlk[k] = inv
						if rng.Float64() < dc.BlockDrop {
							keepBlk[k] = 0
						}
					}
					for i := range x {
						x[i] *= keepBlk[i/bdim]
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
					y := dc.Smooth / numClasses
					if c == p.label {
						y += 1 - dc.Smooth
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
				if gated {
					clear(gx)
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
					if gated {
						w := n.w1[j*in : (j+1)*in]
						for i, wv := range w {
							gx[i] += gj * wv
						}
					}
				}
				if gated {
					// back through the dropouts to the means, then the gates
					d := vt.dim
					for i := range gx {
						if dc.Dropout > 0 {
							gx[i] *= keepIn[i]
						}
						if dc.BlockDrop > 0 {
							gx[i] *= keepBlk[i/bdim]
						}
					}
					// x holds the dropped-out means: remake the plain ones
					gatedInput(x, ents[idx], vt, n, share, ws)
					for blk := range xg {
						var a float32
						for j, v := range x[blk*d : (blk+1)*d] {
							a += v * gx[blk*d+j]
						}
						xg[blk] = a
					}
					for k, e := range ents[idx] {
						v := vt.rows[int(e.row)*d : int(e.row+1)*d]
						gb := gx[int(e.blk)*d : int(e.blk+1)*d]
						var a float32
						for j, q := range v {
							a += gb[j] * float32(q)
						}
						dz := share[k] * (a*vt.scale - xg[e.blk])
						gk := int(n.gkind[e.blk])
						if pd != nil {
							pd.g[gk*numDistBuckets+int(e.db)] += dz
						}
						gg := pg.g[gk*d : (gk+1)*d]
						dz *= vt.scale
						for j, q := range v {
							gg[j] += dz * float32(q)
						}
					}
				}
			}
			step++
			lr := dc.Rate * math.Sqrt(1-math.Pow(beta2, float64(step))) / (1 - math.Pow(beta1, float64(step)))
			scale := float32(1 / float64(be-bs))
			for pi, p := range params {
				for i := range p.w {
					g := p.g[i] * scale
					if pi == 0 || pi == 2 || pi == 4 {
						g += float32(dc.L2) * p.w[i]
					}
					p.m[i] = beta1*p.m[i] + (1-beta1)*g
					p.v[i] = beta2*p.v[i] + (1-beta2)*g*g
					p.w[i] -= float32(lr) * p.m[i] / (float32(math.Sqrt(float64(p.v[i]))) + eps)
				}
			}
		}
		logf("dense epoch %d loss %.4f", ep+1, loss/float64(len(ps)))
		if dc.SWA > 1 && ep >= dc.Epochs-dc.SWA {
			if swa == nil {
				for _, p := range params {
					swa = append(swa, make([]float32, len(p.w)))
				}
			}
			for pi, p := range params {
				for i, v := range p.w {
					swa[pi][i] += v
				}
			}
			nswa++
		}
	}
	if nswa > 0 {
		for pi, p := range params {
			for i := range p.w {
				p.w[i] = swa[pi][i] / float32(nswa)
			}
		}
	}
	copy(n.b2[:], b2)
	return n
}

// folded is the dense network with its first layer folded into the word
// table: the means of the input are linear in the word vectors, so each
// word keeps, instead of its vector, the first layer's product with it
// for each mean block (blocks × hid values, int8 with one scale per
// word), and a target costs a few additions per context word.
//
// In memory the blocks of a row are laid out in the order of blockOrder,
// so that the blocks a context word adds to share a cache line (a row of
// 6 × 32 int8 is three 64-byte lines: left side and left clause, right
// side and right clause, near and the target's words); the model file
// keeps them in block order. The row's scale is also kept in the word
// table, next to the row number, so a cold word costs fewer cache lines.
type folded struct {
	hid, blocks int
	scale       []float32 // per row
	rows        []int8    // n × blocks·hid, blocks at pos (see contextBlocks)
	pos         [8]int    // memory place of each block of a row
	b1          []float32
	w2          []float32 // 3 × hid
	b2          [numClasses]float32
	gate        []float32 // per row and gate row: the word's gate weight (nil: none; see dense.gate)
	gkind       []int32   // per block: its gate row
	dfac        []float32 // per gate row and distance bucket: exp(dense.dgate) (nil: none)
	recs        []wordRec // the model's word records when they hold the gates (else nil: gate)
}

// wordGates sets gs[k] to the gate weight of word row r in block k (at
// dist tokens from the target; see dense.gate), from the word records
// when they hold the gates.
func (f *folded) wordGates(r, dist int, gs *[8]float32) {
	if f.recs != nil {
		g := &f.recs[r].gate
		for k, gk := range f.gkind {
			gs[k&7] = fromF16(g[gk%maxRecGates])
		}
	} else {
		ng := f.gateRows()
		for k, gk := range f.gkind {
			gs[k&7] = f.gate[r*ng+int(gk)]
		}
	}
	if f.dfac != nil {
		db := int(distBucket(dist))
		for k, gk := range f.gkind {
			gs[k&7] *= f.dfac[int(gk)*numDistBuckets+db]
		}
	}
}

// gateRows is the number of gates per word (0: none).
func (f *folded) gateRows() int {
	if f.gate == nil {
		return 0
	}
	return len(f.gate) / len(f.scale)
}

// toF16 returns the IEEE half-precision bits nearest x, a gate weight
// (positive, within e^±gateLimit; 0 and the sign are not kept).
func toF16(x float32) uint16 {
	b := math.Float32bits(x) &^ (1 << 31)
	if b == 0 {
		return 0
	}
	e := int(b>>23) - 127 + 15
	m := b&0x7fffff + 0x1000 // rounded to 10 bits
	if m&0x800000 != 0 {
		e++
		m = 0
	}
	e = max(1, min(30, e))
	return uint16(e)<<10 | uint16(m>>13)
}

// fromF16 is the float32 of half-precision bits made by toF16.
func fromF16(h uint16) float32 {
	if h == 0 {
		return 0
	}
	return math.Float32frombits((uint32(h>>10)+112)<<23 | uint32(h&0x3ff)<<13)
}

// blockOrder is the memory order of the first 6 blocks of a row (see
// folded); further blocks keep their places.
var blockOrder = [6]int{0, 3, 1, 4, 2, 5}

// layout moves the blocks of f's rows (in block order) to their memory
// places and sets f.pos.
func (f *folded) layout() {
	for k := range f.pos {
		f.pos[k] = k
	}
	if f.blocks < len(blockOrder) {
		return
	}
	for i, k := range blockOrder {
		f.pos[k] = i
	}
	H, K := f.hid, f.blocks
	tmp := make([]int8, K*H)
	for r := 0; r < len(f.rows)/(K*H); r++ {
		row := f.rows[r*K*H : (r+1)*K*H]
		for k := 0; k < K; k++ {
			copy(tmp[f.pos[k]*H:(f.pos[k]+1)*H], row[k*H:(k+1)*H])
		}
		copy(row, tmp)
	}
}

// blockRow returns block k of row r.
func (f *folded) blockRow(r, k int) []int8 {
	o := r*f.blocks*f.hid + f.pos[k]*f.hid
	return f.rows[o : o+f.hid]
}

// fold folds n's first layer into the rows of vt (n's input must be mean
// blocks of vt's vectors).
func (n *dense) fold(vt *vecTable) *folded {
	d, H := vt.dim, n.hid
	K := n.in / d
	rows := len(vt.rows) / d
	f := &folded{hid: H, blocks: K, scale: make([]float32, rows), rows: make([]int8, rows*K*H), b1: n.b1, w2: n.w2, b2: n.b2}
	proj := make([]float32, K*H)
	for r := 0; r < rows; r++ {
		v := vt.rows[r*d : (r+1)*d]
		var mx float32
		for k := 0; k < K; k++ {
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
			f.rows[r*K*H+i] = int8(math.Round(float64(x / sc)))
		}
	}
	if n.gate != nil {
		NG := len(n.gate) / d
		f.gate, f.gkind = make([]float32, rows*NG), n.gkind
		for r := 0; r < rows; r++ {
			v := vt.rows[r*d : (r+1)*d]
			for k := 0; k < NG; k++ {
				g := n.gate[k*d : (k+1)*d]
				var z float32
				for i, q := range v {
					z += g[i] * float32(q)
				}
				z *= vt.scale
				z = max(-gateLimit, min(gateLimit, z))
				f.gate[r*NG+k] = fromF16(toF16(float32(math.Exp(float64(z)))))
			}
		}
		if n.dgate != nil {
			f.dfac = make([]float32, len(n.dgate))
			for i, z := range n.dgate {
				f.dfac[i] = float32(math.Exp(float64(max(-gateLimit, min(gateLimit, z)))))
			}
		}
	}
	f.layout()
	return f
}

// touch reads the line of each word's side block of the rows of s's
// words (the target at [a, b)) and returns a sum of what it read, to keep
// the loads: on a cold article the rows miss the cache, and the adding
// loop of logits is too long to keep many misses in flight, so the model
// reads them first, in a short loop, before the linear model's weights
// (whose misses then overlap these).
func (f *folded) touch(s *sentence, a, b int) uint32 {
	H, K := f.hid, f.blocks
	var x uint32
	for i, v := range s.vec {
		if v == 0 {
			continue
		}
		blk := 0
		if i >= b {
			blk = 1
		} else if i >= a {
			blk = K - 1
		}
		x += uint32(f.rows[int(v-1)*K*H+f.pos[blk]*H])
	}
	return x
}

// logits adds weight × the network's output for the target at [a, b) of
// s to z; acc is scratch of length blocks·hid.
func (f *folded) logits(s *sentence, a, b int, masked []bool, acc []float32, z *[numClasses]float64, weight float64) {
	H, K := f.hid, f.blocks
	clear(acc)
	var wsum [8]float32
	// contextBlocks written out: no call per word and block; a row's
	// block added by axpyBlock (the bounds checked here: acc has K blocks
	// of H, and a block's last element is in f.rows)
	acc = acc[:K*H]
	add := func(i, r, blk int, w float32) {
		wsum[blk] += w
		o := r*K*H + f.pos[blk]*H
		_ = f.rows[o+H-1]
		vecmath.AxpyBlock(&acc[blk*H], &f.rows[o], H, w*s.vsc[i])
	}
	l, rc := 0, len(s.word)
	if K > 3 {
		l, rc = s.clause(a, b)
	}
	// gate weights: from the word's record (gt, half precision) in a
	// loaded model, else set per word in gs by wordGates
	gated := f.gate != nil && len(f.gkind) == K
	fast := gated && f.recs != nil && f.dfac == nil
	var gk [8]int32
	copy(gk[:], f.gkind)
	gs := [8]float32{1, 1, 1, 1, 1, 1, 1, 1}
	var gt *[maxRecGates]uint16
	gw := func(blk int) float32 {
		if gt != nil {
			return fromF16(gt[gk[blk&7]%maxRecGates])
		}
		return gs[blk&7]
	}
	for i, v := range s.vec {
		if v == 0 {
			continue
		}
		r := int(v - 1)
		in := i >= a && i < b
		skip := masked[i] || s.flag[i]&fPunct != 0
		if skip && (!in || K <= 5) {
			continue
		}
		if fast {
			gt = &f.recs[r].gate
		} else if gated {
			f.wordGates(r, tokenDist(i, a, b), &gs)
		}
		if in {
			if K > 5 {
				add(i, r, 5, 1*gw(5))
			}
			if masked[i] {
				continue
			}
		}
		if skip {
			continue
		}
		side, dist := 0, a-i
		if i >= b {
			side, dist = 1, i-b+1
		}
		add(i, r, side, 1/float32(dist)*gw(side))
		if dist <= 3 {
			add(i, r, 2, 1*gw(2))
		}
		if K > 3 && i >= l && i < rc {
			add(i, r, 3+side, 1*gw(3+side))
		}
	}
	var k [8]float32
	for blk := 0; blk < K; blk++ {
		if wsum[blk] > 0 {
			k[blk] = 1 / wsum[blk]
		}
	}
	o := f.b2
	if K == 6 && len(f.b1) == H && len(f.w2) == 3*H && len(acc) == 6*H {
		// the shipped network, without bounds checks; the same sums in
		// the same order as below
		b1 := f.b1
		a0, a1, a2 := acc[:H], acc[H:2*H], acc[2*H:3*H]
		a3, a4, a5 := acc[3*H:4*H], acc[4*H:5*H], acc[5*H:6*H]
		w0, w1, w2 := f.w2[:H], f.w2[H:2*H], f.w2[2*H:3*H]
		k0, k1, k2, k3, k4, k5 := k[0], k[1], k[2], k[3], k[4], k[5]
		for j, b := range b1 {
			x := b
			x += a0[j] * k0
			x += a1[j] * k1
			x += a2[j] * k2
			x += a3[j] * k3
			x += a4[j] * k4
			x += a5[j] * k5
			if x <= 0 {
				continue
			}
			o[0] += x * w0[j]
			o[1] += x * w1[j]
			o[2] += x * w2[j]
		}
	} else {
		for j := 0; j < H; j++ {
			x := f.b1[j]
			for blk := 0; blk < K; blk++ {
				x += acc[blk*H+j] * k[blk]
			}
			if x <= 0 {
				continue
			}
			o[0] += x * f.w2[j]
			o[1] += x * f.w2[H+j]
			o[2] += x * f.w2[2*H+j]
		}
	}
	for c := range o {
		z[c] += weight * float64(o[c])
	}
}
