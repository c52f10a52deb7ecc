// Package gbdt trains and applies small gradient-boosted decision-tree
// ensembles for binary classification (logistic loss, second-order leaf
// values, quantile-binned split search).
package gbdt

import (
	"math"
	"math/bits"
	"sort"
	"sync"
	"unsafe"
)

// Node is a tree node: an internal split (Feature >= 0) or a leaf (Feature < 0).
type Node struct {
	Feature   int     `json:"f"`
	Threshold float64 `json:"t,omitempty"` // go left when x[Feature] < Threshold
	Left      int     `json:"l,omitempty"`
	Right     int     `json:"r,omitempty"`
	Value     float64 `json:"v,omitempty"`
}

// Tree is a regression tree stored as a node array, root first.
type Tree []Node

// Ensemble is a sum of trees plus a base score, in logit space.
type Ensemble struct {
	Base  float64 `json:"base"`
	Trees []Tree  `json:"trees"`
}

// Predict returns the logit for x.
func (e *Ensemble) Predict(x []float64) float64 {
	z := e.Base
	for _, t := range e.Trees {
		i := 0
		for t[i].Feature >= 0 {
			if x[t[i].Feature] < t[i].Threshold {
				i = t[i].Left
			} else {
				i = t[i].Right
			}
		}
		z += t[i].Value
	}
	return z
}

// Options control training.
type Options struct {
	Trees     int
	Depth     int
	Rate      float64
	Lambda    float64 // L2 on leaf values
	MinHess   float64 // minimum hessian sum in a leaf
	Bins      int
	Subsample float64 // row fraction per tree (deterministic stride)
}

// Train fits an ensemble to rows X with 0/1 labels y and optional weights w.
func Train(X [][]float64, y, w []float64, o Options) *Ensemble {
	n := len(X)
	if n == 0 {
		return &Ensemble{}
	}
	d := len(X[0])
	if w == nil {
		w = make([]float64, n)
		for i := range w {
			w[i] = 1
		}
	}
	// bin edges per feature
	edges := make([][]float64, d)
	bins := make([][]uint8, d)
	for j := 0; j < d; j++ {
		vals := make([]float64, n)
		for i := range X {
			vals[i] = X[i][j]
		}
		sort.Float64s(vals)
		var e []float64
		for b := 1; b < o.Bins; b++ {
			v := vals[b*n/o.Bins]
			if len(e) == 0 || v > e[len(e)-1] {
				if v > vals[0] {
					e = append(e, v)
				}
			}
		}
		edges[j] = e
		bins[j] = make([]uint8, n)
		for i := range X {
			k := sort.Search(len(e), func(k int) bool { return e[k] > X[i][j] })
			bins[j][i] = uint8(k)
		}
	}
	var sp, sw float64
	for i := range y {
		sp += w[i] * y[i]
		sw += w[i]
	}
	p0 := math.Min(math.Max(sp/sw, 1e-6), 1-1e-6)
	ens := &Ensemble{Base: math.Log(p0 / (1 - p0))}
	F := make([]float64, n)
	for i := range F {
		F[i] = ens.Base
	}
	g := make([]float64, n)
	h := make([]float64, n)
	for t := 0; t < o.Trees; t++ {
		for i := range F {
			p := 1 / (1 + math.Exp(-F[i]))
			g[i] = w[i] * (p - y[i])
			h[i] = w[i] * math.Max(p*(1-p), 1e-6)
		}
		var rows []int
		stride := 1
		if o.Subsample > 0 && o.Subsample < 1 {
			stride = int(math.Round(1 / o.Subsample))
		}
		for i := t % stride; i < n; i += stride {
			rows = append(rows, i)
		}
		tree := Tree{}
		grow(&tree, rows, 0, o, g, h, bins, edges)
		// update all rows
		for i := range F {
			F[i] += o.Rate * evalBinned(tree, X[i])
		}
		for k := range tree {
			tree[k].Value *= o.Rate
		}
		ens.Trees = append(ens.Trees, tree)
	}
	return ens
}

func evalBinned(t Tree, x []float64) float64 {
	i := 0
	for t[i].Feature >= 0 {
		if x[t[i].Feature] < t[i].Threshold {
			i = t[i].Left
		} else {
			i = t[i].Right
		}
	}
	return t[i].Value
}

// grow adds the node for rows to the tree and returns its index.
func grow(t *Tree, rows []int, depth int, o Options, g, h []float64, bins [][]uint8, edges [][]float64) int {
	var G, H float64
	for _, i := range rows {
		G += g[i]
		H += h[i]
	}
	idx := len(*t)
	*t = append(*t, Node{Feature: -1, Value: -G / (H + o.Lambda)})
	if depth >= o.Depth || H < 2*o.MinHess {
		return idx
	}
	bestGain, bestF, bestB := 0.0, -1, 0
	parent := G * G / (H + o.Lambda)
	var hg, hh [256]float64
	for j := range bins {
		nb := len(edges[j]) + 1
		if nb < 2 {
			continue
		}
		for b := 0; b < nb; b++ {
			hg[b], hh[b] = 0, 0
		}
		bj := bins[j]
		for _, i := range rows {
			hg[bj[i]] += g[i]
			hh[bj[i]] += h[i]
		}
		var gl, hl float64
		for b := 0; b < nb-1; b++ {
			gl += hg[b]
			hl += hh[b]
			gr, hr := G-gl, H-hl
			if hl < o.MinHess || hr < o.MinHess {
				continue
			}
			gain := gl*gl/(hl+o.Lambda) + gr*gr/(hr+o.Lambda) - parent
			if gain > bestGain {
				bestGain, bestF, bestB = gain, j, b
			}
		}
	}
	if bestF < 0 {
		return idx
	}
	var left, right []int
	for _, i := range rows {
		if int(bins[bestF][i]) <= bestB {
			left = append(left, i)
		} else {
			right = append(right, i)
		}
	}
	// bins[b] = number of edges <= x, so bin <= bestB means x < edges[bestB]
	(*t)[idx].Feature = bestF
	(*t)[idx].Threshold = edges[bestF][bestB]
	l := grow(t, left, depth+1, o, g, h, bins, edges)
	r := grow(t, right, depth+1, o, g, h, bins, edges)
	(*t)[idx].Left, (*t)[idx].Right = l, r
	(*t)[idx].Value = 0
	return idx
}

// maxFlatDepth is the deepest ensemble Compile pads to complete trees
// (2^depth leaves per tree); deeper ones are walked node by node.
const maxFlatDepth = 10

// flatNode is an internal node of a complete tree: go right when
// !(x[feat] < thr), as Ensemble.Predict does.
type flatNode struct {
	thr  float64
	feat int32
}

// Flat is an Ensemble compiled for evaluation: every tree padded to a
// complete binary tree of the ensemble's depth, its internal nodes and its
// leaves in two flat arrays (children of node i at 2i+1 and 2i+2), so that
// a tree is walked with one comparison per level and no pointer chasing.
// Predict returns exactly what Ensemble.Predict returns: the same leaves,
// summed in the same order.
type Flat struct {
	e     *Ensemble // when the trees are too deep to pad
	base  float64
	depth int
	trees int
	nodes []flatNode // trees × (2^depth - 1)
	leaf  []float64  // trees × 2^depth

	// t4 holds the trees again when the ensemble has depth 4 and reads at
	// most 64 features: fixed-size arrays, walked without bounds checks.
	t4 []tree4
}

// tree4 is a complete tree of depth 4, mirrored and numbered from 1: the
// children of node i are 2i+1 when the row goes left (x[feat[i]] <
// threshold) and 2i when it goes right, so that a step is 2i plus the
// comparison. val[1..15] holds the order keys (key) of the internal nodes'
// thresholds and val[16..31] the bits of the leaves (val[0] and feat[0]
// are padding). A tree is read without bounds checks: every index a walk
// makes is in 1..31.
type tree4 struct {
	val  [32]uint64
	feat [16]uint8
}

// featOff is the offset of tree4.feat.
const featOff = 32 * 8

// key maps x to a key whose unsigned order is the order of the values, so
// that x < t exactly when key(x) < key(t) for any threshold t (not NaN):
// -0 and 0 have the same key, and NaN, never less than anything, the
// largest. The walks compare keys with a subtraction's borrow, which
// depends on nothing but the two keys (a SETcc of a float comparison
// writes a byte register and so waits for the register's last value,
// which tied the walks of rows4 to one another).
func key(x float64) uint64 {
	if x != x {
		return ^uint64(0)
	}
	u := math.Float64bits(x)
	m := uint64(int64(u) >> 63) // all ones when the sign is set
	return ((u ^ m) - m) | (^m & (1 << 63))
}

// next returns the node after node i (1-15) of t for the row keys in v.
func (t *tree4) next(v *[256]uint64, i int) int {
	p := unsafe.Pointer(t)
	_, lt := bits.Sub64(v[*(*uint8)(unsafe.Add(p, featOff+i))], *(*uint64)(unsafe.Add(p, 8*i)), 0)
	return 2*i + int(lt)
}

// at returns leaf i (16-31) of t.
func (t *tree4) at(i int) float64 {
	return *(*float64)(unsafe.Add(unsafe.Pointer(t), 8*i))
}

// walk returns the leaf of t for the row keys in v.
func (t *tree4) walk(v *[256]uint64) float64 {
	return t.at(t.next(v, t.next(v, t.next(v, t.next(v, 1)))))
}

// set4 fills t from the complete depth-4 tree of Flat (nodes 0-14,
// children of p at 2p+1 and 2p+2, leaves left to right): node p of level
// l is node 3*2^l-2-p of t, leaf q is val[31-q].
func (t *tree4) set4(nodes []flatNode, leaf []float64) {
	for p, n := range nodes {
		l := bits.Len(uint(p+1)) - 1
		m := 3<<l - 2 - p
		t.val[m], t.feat[m] = key(n.thr), uint8(n.feat)
	}
	for q, v := range leaf {
		t.val[31-q] = math.Float64bits(v)
	}
}

// keys sets v[:len(x)] to the keys of x.
func keys(v *[256]uint64, x []float64) {
	for j, y := range x[:min(len(x), len(v))] {
		v[j] = key(y)
	}
}

// Compile returns e compiled for fast evaluation.
func (e *Ensemble) Compile() *Flat {
	depth := 0
	for _, t := range e.Trees {
		depth = max(depth, treeDepth(t, 0))
	}
	f := &Flat{base: e.Base, depth: depth, trees: len(e.Trees)}
	if depth > maxFlatDepth {
		f.e = e
		return f
	}
	ni, nl := 1<<depth-1, 1<<depth
	f.nodes = make([]flatNode, f.trees*ni)
	f.leaf = make([]float64, f.trees*nl)
	maxFeat := 0
	for k, t := range e.Trees {
		f.fill(t, 0, 0, 0, f.nodes[k*ni:(k+1)*ni], f.leaf[k*nl:(k+1)*nl])
		for _, n := range t {
			maxFeat = max(maxFeat, n.Feature)
		}
	}
	if depth == 4 && maxFeat < 64 {
		f.t4 = make([]tree4, f.trees)
		for k := range f.t4 {
			f.t4[k].set4(f.nodes[k*ni:(k+1)*ni], f.leaf[k*nl:(k+1)*nl])
		}
	}
	return f
}

// predict4 is Predict for depth-4 trees: the row's keys go to a
// 256-value array, indexed by the byte of a feature without a bounds check.
func (f *Flat) predict4(x []float64) float64 {
	var v [256]uint64
	keys(&v, x)
	return walk4(f.t4, &v, f.base)
}

// walk4 returns z plus the leaves of one row's keys v in the trees ts,
// added in tree order, two trees walked side by side.
func walk4(ts []tree4, v *[256]uint64, z float64) float64 {
	k := 0
	for ; k+2 <= len(ts); k += 2 {
		a, b := &ts[k], &ts[k+1]
		i, j := a.next(v, 1), b.next(v, 1)
		i, j = a.next(v, i), b.next(v, j)
		i, j = a.next(v, i), b.next(v, j)
		i, j = a.next(v, i), b.next(v, j)
		z += a.at(i)
		z += b.at(j)
	}
	for ; k < len(ts); k++ {
		z += ts[k].walk(v)
	}
	return z
}

// keyPool holds the rows' keys of rows4, up to maxPooledKeys of them.
var keyPool sync.Pool // *[]uint64

const maxPooledKeys = 1 << 16

// rows4 is AddTrees for depth-4 trees: the rows' keys in a pooled
// array, then keyRows4.
func (f *Flat) rows4(X []float64, stride int, out []float64, from, to int) {
	n := len(out) * stride
	kp, _ := keyPool.Get().(*[]uint64)
	if kp == nil {
		kp = new([]uint64)
	}
	if cap(*kp) < n {
		*kp = make([]uint64, n)
	}
	K := (*kp)[:n]
	if n <= maxPooledKeys {
		defer keyPool.Put(kp)
	}
	for j, x := range X[:n] {
		K[j] = key(x)
	}
	f.keyRows4(K, stride, out, from, to)
}

// KeyRows turns the values of X into the order keys the trees compare
// and returns them, in X's own array (no second array for the rows to
// go through the cache): X must not be read as values afterwards. The
// keys are for AddKeyed.
func KeyRows(X []float64) []uint64 {
	K := unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(X))), len(X))
	for j, x := range X {
		K[j] = key(x)
	}
	return K
}

// unkey returns a value with key k: the value of k, or 0 for -0 and a
// NaN for any NaN (which compare as the values did).
func unkey(k uint64) float64 {
	switch {
	case k == ^uint64(0):
		return math.NaN()
	case k>>63 != 0:
		return math.Float64frombits(k &^ (1 << 63))
	}
	return math.Float64frombits(-k)
}

// AddKeyed is AddTrees for rows turned into keys by KeyRows: the same
// sums, bit for bit.
func (f *Flat) AddKeyed(K []uint64, stride int, out []float64, from, to int) {
	R := len(out)
	if R == 0 || from >= to {
		return
	}
	_ = K[R*stride-1]
	if f.t4 != nil && stride <= 64 {
		f.keyRows4(K, stride, out, from, to)
		return
	}
	X := make([]float64, R*stride)
	for j, k := range K[:R*stride] {
		X[j] = unkey(k)
	}
	f.AddTrees(X, stride, out, from, to)
}

// keyRows4 adds trees [from, to) of the depth-4 form to out for the rows
// of keys K (stride keys each), in blocks of trees small enough to stay
// in the first-level cache while every row goes through them.
func (f *Flat) keyRows4(K []uint64, stride int, out []float64, from, to int) {
	const block = 32
	// four rows at a time (then one), each through one tree after the
	// other: independent walks of the same tree's nodes
	var v0, v1, v2, v3 [256]uint64 // indexed by a byte: no bounds checks
	for t0 := from; t0 < to; t0 += block {
		ts := f.t4[t0:min(t0+block, to)]
		r := 0
		for ; r+4 <= len(out); r += 4 {
			copy(v0[:], K[r*stride:(r+1)*stride])
			copy(v1[:], K[(r+1)*stride:(r+2)*stride])
			copy(v2[:], K[(r+2)*stride:(r+3)*stride])
			copy(v3[:], K[(r+3)*stride:(r+4)*stride])
			o := out[r : r+4 : r+4]
			z0, z1, z2, z3 := o[0], o[1], o[2], o[3]
			for k := range ts {
				// tree4.next and tree4.at written out: each inlined call
				// left a no-op (its inline mark) in the loop, 16 a tree
				p := unsafe.Pointer(&ts[k])
				f, t := *(*uint8)(unsafe.Add(p, featOff+1)), *(*uint64)(unsafe.Add(p, 8))
				_, b0 := bits.Sub64(v0[f], t, 0)
				_, b1 := bits.Sub64(v1[f], t, 0)
				_, b2 := bits.Sub64(v2[f], t, 0)
				_, b3 := bits.Sub64(v3[f], t, 0)
				i0, i1, i2, i3 := 2+uintptr(b0), 2+uintptr(b1), 2+uintptr(b2), 2+uintptr(b3)
				_, b0 = bits.Sub64(v0[*(*uint8)(unsafe.Add(p, featOff+i0))], *(*uint64)(unsafe.Add(p, 8*i0)), 0)
				_, b1 = bits.Sub64(v1[*(*uint8)(unsafe.Add(p, featOff+i1))], *(*uint64)(unsafe.Add(p, 8*i1)), 0)
				_, b2 = bits.Sub64(v2[*(*uint8)(unsafe.Add(p, featOff+i2))], *(*uint64)(unsafe.Add(p, 8*i2)), 0)
				_, b3 = bits.Sub64(v3[*(*uint8)(unsafe.Add(p, featOff+i3))], *(*uint64)(unsafe.Add(p, 8*i3)), 0)
				i0, i1, i2, i3 = 2*i0+uintptr(b0), 2*i1+uintptr(b1), 2*i2+uintptr(b2), 2*i3+uintptr(b3)
				_, b0 = bits.Sub64(v0[*(*uint8)(unsafe.Add(p, featOff+i0))], *(*uint64)(unsafe.Add(p, 8*i0)), 0)
				_, b1 = bits.Sub64(v1[*(*uint8)(unsafe.Add(p, featOff+i1))], *(*uint64)(unsafe.Add(p, 8*i1)), 0)
				_, b2 = bits.Sub64(v2[*(*uint8)(unsafe.Add(p, featOff+i2))], *(*uint64)(unsafe.Add(p, 8*i2)), 0)
				_, b3 = bits.Sub64(v3[*(*uint8)(unsafe.Add(p, featOff+i3))], *(*uint64)(unsafe.Add(p, 8*i3)), 0)
				i0, i1, i2, i3 = 2*i0+uintptr(b0), 2*i1+uintptr(b1), 2*i2+uintptr(b2), 2*i3+uintptr(b3)
				_, b0 = bits.Sub64(v0[*(*uint8)(unsafe.Add(p, featOff+i0))], *(*uint64)(unsafe.Add(p, 8*i0)), 0)
				_, b1 = bits.Sub64(v1[*(*uint8)(unsafe.Add(p, featOff+i1))], *(*uint64)(unsafe.Add(p, 8*i1)), 0)
				_, b2 = bits.Sub64(v2[*(*uint8)(unsafe.Add(p, featOff+i2))], *(*uint64)(unsafe.Add(p, 8*i2)), 0)
				_, b3 = bits.Sub64(v3[*(*uint8)(unsafe.Add(p, featOff+i3))], *(*uint64)(unsafe.Add(p, 8*i3)), 0)
				i0, i1, i2, i3 = 2*i0+uintptr(b0), 2*i1+uintptr(b1), 2*i2+uintptr(b2), 2*i3+uintptr(b3)
				z0 += *(*float64)(unsafe.Add(p, 8*i0))
				z1 += *(*float64)(unsafe.Add(p, 8*i1))
				z2 += *(*float64)(unsafe.Add(p, 8*i2))
				z3 += *(*float64)(unsafe.Add(p, 8*i3))
			}
			o[0], o[1], o[2], o[3] = z0, z1, z2, z3
		}
		for ; r < len(out); r++ {
			copy(v0[:], K[r*stride:(r+1)*stride])
			out[r] = walk4(ts, &v0, out[r])
		}
	}
}

// treeDepth returns the number of splits on the longest path below node i.
func treeDepth(t Tree, i int) int {
	if t[i].Feature < 0 {
		return 0
	}
	return 1 + max(treeDepth(t, t[i].Left), treeDepth(t, t[i].Right))
}

// fill copies the subtree of node i of t to position p (at level) of the
// complete tree; a leaf above the last level becomes a split whose every
// descendant leaf carries its value.
func (f *Flat) fill(t Tree, i, p, level int, nodes []flatNode, leaf []float64) {
	if level == f.depth {
		leaf[p-len(nodes)] = t[i].Value
		return
	}
	l, r := i, i
	if n := t[i]; n.Feature >= 0 {
		nodes[p] = flatNode{thr: n.Threshold, feat: int32(n.Feature)}
		l, r = n.Left, n.Right
	} else {
		nodes[p] = flatNode{thr: math.Inf(1)}
	}
	f.fill(t, l, 2*p+1, level+1, nodes, leaf)
	f.fill(t, r, 2*p+2, level+1, nodes, leaf)
}

// Predict returns the logit for x, exactly as Ensemble.Predict does. It
// walks four trees at a time, so that the loads of one walk overlap with
// the others', and adds their leaves in tree order.
func (f *Flat) Predict(x []float64) float64 {
	if f.e != nil {
		return f.e.Predict(x)
	}
	if f.t4 != nil && len(x) <= 64 {
		return f.predict4(x)
	}
	z := f.base
	ni, nl := 1<<f.depth-1, 1<<f.depth
	k := 0
	for ; k+4 <= f.trees; k += 4 {
		n0 := f.nodes[k*ni : (k+1)*ni]
		n1 := f.nodes[(k+1)*ni : (k+2)*ni]
		n2 := f.nodes[(k+2)*ni : (k+3)*ni]
		n3 := f.nodes[(k+3)*ni : (k+4)*ni]
		i0, i1, i2, i3 := 0, 0, 0, 0
		for range f.depth {
			i0 = 2*i0 + 1 + right(x, &n0[i0])
			i1 = 2*i1 + 1 + right(x, &n1[i1])
			i2 = 2*i2 + 1 + right(x, &n2[i2])
			i3 = 2*i3 + 1 + right(x, &n3[i3])
		}
		l := f.leaf[k*nl : (k+4)*nl]
		z += l[i0-ni]
		z += l[nl+i1-ni]
		z += l[2*nl+i2-ni]
		z += l[3*nl+i3-ni]
	}
	for ; k < f.trees; k++ {
		nodes := f.nodes[k*ni : (k+1)*ni]
		i := 0
		for range f.depth {
			i = 2*i + 1 + right(x, &nodes[i])
		}
		z += f.leaf[k*nl+i-ni]
	}
	return z
}

// right returns 1 when x goes to the right child of n, else 0.
func right(x []float64, n *flatNode) int {
	if x[n.feat] < n.thr {
		return 0
	}
	return 1
}

// Base returns the base score (logit) every prediction starts from.
func (f *Flat) Base() float64 { return f.base }

// Trees returns the number of trees.
func (f *Flat) Trees() int { return f.trees }

// PredictRows sets out[r] to the logit of row r of X, whose rows are
// stride values each (len(out) rows). It returns exactly what Predict
// returns per row, faster for many rows.
func (f *Flat) PredictRows(X []float64, stride int, out []float64) {
	for r := range out {
		out[r] = f.base
	}
	f.AddTrees(X, stride, out, 0, f.trees)
}

// AddTrees adds to out[r] the leaves of trees from to to-1 for row r of X
// (rows of stride values), in tree order: starting from the base score,
// AddTrees(0, k) then AddTrees(k, Trees()) gives exactly PredictRows. It
// goes tree by tree, the trees' nodes staying in the first-level cache, and
// walks several rows at a time.
func (f *Flat) AddTrees(X []float64, stride int, out []float64, from, to int) {
	R := len(out)
	if R == 0 || from >= to {
		return
	}
	_ = X[R*stride-1]
	if f.e != nil {
		for r := range out {
			x := X[r*stride : (r+1)*stride]
			for _, t := range f.e.Trees[from:to] {
				out[r] += evalBinned(t, x)
			}
		}
		return
	}
	if f.t4 != nil && stride <= 64 {
		f.rows4(X, stride, out, from, to)
		return
	}
	ni, nl := 1<<f.depth-1, 1<<f.depth
	for k := from; k < to; k++ {
		nodes := f.nodes[k*ni : (k+1)*ni]
		leaf := f.leaf[k*nl : (k+1)*nl]
		r := 0
		for ; r+4 <= R; r += 4 {
			x0 := X[r*stride : (r+1)*stride]
			x1 := X[(r+1)*stride : (r+2)*stride]
			x2 := X[(r+2)*stride : (r+3)*stride]
			x3 := X[(r+3)*stride : (r+4)*stride]
			i0, i1, i2, i3 := 0, 0, 0, 0
			for range f.depth {
				i0 = 2*i0 + 1 + right(x0, &nodes[i0])
				i1 = 2*i1 + 1 + right(x1, &nodes[i1])
				i2 = 2*i2 + 1 + right(x2, &nodes[i2])
				i3 = 2*i3 + 1 + right(x3, &nodes[i3])
			}
			out[r] += leaf[i0-ni]
			out[r+1] += leaf[i1-ni]
			out[r+2] += leaf[i2-ni]
			out[r+3] += leaf[i3-ni]
		}
		for ; r < R; r++ {
			x := X[r*stride : (r+1)*stride]
			i := 0
			for range f.depth {
				i = 2*i + 1 + right(x, &nodes[i])
			}
			out[r] += leaf[i-ni]
		}
	}
}
