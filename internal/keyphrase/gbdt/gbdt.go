// Package gbdt trains and applies small gradient-boosted decision-tree
// ensembles for binary classification (logistic loss, second-order leaf
// values, quantile-binned split search).
package gbdt

import (
	"math"
	"sort"
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
