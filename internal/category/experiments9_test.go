//go:build catexp

// Experiments of session 9 (issue #5) towards AG 92. Run from this
// directory, e.g.
//
//	XALLSEEDS=1 nice -n 5 go test -tags catexp -run TestBag -v -timeout 0 .
//
// 5-fold accuracy AG / BBC, own classes. The shipped model (session 8):
// seed 42 89.96 / 97.18; untuned seeds 7, 11, 13 89.88, 89.75, 89.89 /
// 96.99, 97.56, 97.23, mean 89.84 / 97.26.
//
//	TestBag, TestBagSeeds  seed bagging (the weights of k NB-LR models
//	              with their own shuffle seeds averaged: one linear model,
//	              no run-time cost): k 3 89.93 / 97.32; k 6 on seeds 42, 7,
//	              11, 13 90.29, 90.29, 89.93, 90.05 / 97.23, 97.32, 97.65,
//	              97.27 (untuned mean 90.09 / 97.41: +0.33 tuning, +0.25
//	              untuned, every seed up); k 10 90.16, 90.27, 89.95, 90.02
//	              / 97.18, 97.32, 97.60, 97.23 (untuned mean 90.08);
//	              bootstrap samples instead of seeds, k 6: 90.27 / 96.76
//	TestBagVariants (k 6, seed 42) epochs 12 90.09 / 96.90, epochs 5 90.25
//	              / 97.37, L2 1e-4 89.95 / 97.65, rate 1 90.12 / 96.76, NB
//	              alpha 0.05/0.1/0.2 mixed 90.02 / 97.27; TestBagTune L2
//	              5e-4 90.18 / 97.09
//	TestBagDense, TestBagDenseWeight (k 6, seed 42) members with the dense
//	              block scaled 0.5/1/1.67 (folded back into the weights)
//	              90.14 / 97.32; all scaled 0.67 90.16 / 97.27, 1.5 90.07 /
//	              97.46
//	TestSubspace  (k 6, seed 42) each member without a random 20 % / 40 %
//	              of the hashed buckets: 89.95 / 97.37, 89.93 / 97.60
//	TestBits, TestBitsSeeds  2^19 buckets: 90.32, 89.98, 89.96, 89.86 /
//	              97.37, 97.09, 97.65, 97.23 (untuned mean 89.93, +0.09);
//	              with bag 6 90.21, 90.25, 89.89, 89.89 (untuned 90.01,
//	              below bag 6 at 2^18); 2^20 90.12, 90.09, 89.77, 89.84
//	TestDomain    (seed 42) short (< 100 words, AG-like) and long items
//	              with dense blocks of their own 90.14 / 97.41; shared block
//	              plus one per length group 89.79; with a length-group
//	              indicator 90.07 / 89.86; TestDomainBag, the split with
//	              bag 6: 90.04, 90.12, 90.00, 89.95 / 97.56, 97.70, 97.56,
//	              97.74 (AG below bag 6 alone, BBC +0.3)
//	TestNBCount   (seed 42; code since removed) naive-Bayes counts
//	              binarised (Wang & Manning) 89.34 / 96.14 (bag 6: 89.34 /
//	              96.24); each item's values over their sum 89.66 / 97.18
//	TestAGBias    per-class offsets of the AG items' logits (bag 6, seed
//	              42), fitted on one half of the AG items and scored on the
//	              other: 90.18 -> 89.25 and 90.39 -> 90.36 (no gain for a
//	              source- or length-aware bias)
//	TestBBCLeads  (seed 42) each BBC training article's AG-shaped lead
//	              (title and first paragraph, 25+ words) as one more
//	              training item, weight 0.5 / 1 / 2: 90.23 / 97.32, 90.00 /
//	              97.56, 89.91 / 97.65; TestBBCLeadsBag, weight 0.5 with
//	              bag 6: 90.02, 90.39, 90.04, 90.36 / 97.37, 97.46, 97.51,
//	              97.18 (tuning seed +0.06, below bag 6 alone; untuned mean
//	              90.26)
//	TestDropout, TestDropout2 (seed 42; code since removed) each feature
//	              of an item dropped at each update with probability p (the
//	              others scaled by 1/(1-p)): p 0.2 90.02 / 97.23, 0.3 90.09 /
//	              97.13, 0.4 90.04 / 97.23, 0.4 with 12 epochs 90.20 /
//	              96.94, 0.5 with 16 epochs 89.82 / 97.09; 0.4 with bag 6
//	              90.00 / 97.32 (below bag 6 alone)
//	TestBBCChunks (bag 6, seed 42) every run of paragraphs of 25+ words of
//	              each BBC article with its title (7,726 items), weight 0.3:
//	              89.84 / 97.41; the lead only at 40+ words, weight 0.5:
//	              90.05 / 97.37
//	TestBagMoreSeeds  three more fold seeds, 17, 19, 23, never looked at
//	              before: shipped 90.00, 89.73, 89.95 / 97.18, 97.32, 97.27;
//	              bag 6 90.18, 90.05, 89.98 / 97.27, 97.46, 97.51 (+0.18
//	              AG, +0.15 BBC). Over the six untuned seeds bag 6 gains AG
//	              +0.22: real (every seed up) but below the +0.3 a shipped
//	              change must show, so at first the shipped model stayed a
//	              single one. It was shipped later in the session (8c8009d,
//	              DefaultTrainOptions.Bag 6: same size and speed) because AG
//	              and BBC rise on each of the seven fold seeds; -bag 1 gives
//	              the single model back

package category

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// bagFit averages the weights of k NB-LR models trained with other
// shuffle seeds (boot: each on a bootstrap sample of the training items):
// still one linear model.
func bagFit(o TrainOptions, k int, boot bool) func([]Example) scorer {
	return func(train []Example) scorer {
		rng := rand.New(rand.NewSource(99))
		fits := make([]func([]Example) ([]float32, []float32), k)
		for i := range fits {
			oo := o
			oo.Seed = o.Seed + int64(i)
			fits[i] = func(tr []Example) ([]float32, []float32) {
				if boot {
					sample := make([]Example, len(tr))
					for j := range sample {
						sample[j] = tr[rng.Intn(len(tr))]
					}
					tr = sample
				}
				return Fit(tr, oo)
			}
		}
		return avgFit(fits)(train)
	}
}

func TestBag(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	xmulti(t, "shipped", all, nblrFit(o), xseeds())
	for _, k := range []int{3, 6} {
		xmulti(t, fmt.Sprintf("seed bag %d", k), all, bagFit(o, k, false), xseeds())
	}
	xmulti(t, "bootstrap bag 6", all, bagFit(o, 6, true), xseeds())
}

func TestBagSeeds(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	for _, k := range []int{6, 10} {
		xmulti(t, fmt.Sprintf("seed bag %d", k), all, bagFit(o, k, false), xSeeds)
	}
}

// mixFit averages the weights of NB-LR models trained with each of opts.
func mixFit(opts []TrainOptions) func([]Example) scorer {
	fits := make([]func([]Example) ([]float32, []float32), len(opts))
	for i, oo := range opts {
		fits[i] = func(train []Example) ([]float32, []float32) { return Fit(train, oo) }
	}
	return avgFit(fits)
}

func TestBagVariants(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	seeds := func(o TrainOptions, k int) []TrainOptions {
		var out []TrainOptions
		for i := 0; i < k; i++ {
			oo := o
			oo.Seed = o.Seed + int64(i)
			out = append(out, oo)
		}
		return out
	}
	with := func(f func(*TrainOptions)) TrainOptions {
		oo := o
		f(&oo)
		return oo
	}
	for _, v := range []struct {
		name string
		opts []TrainOptions
	}{
		{"bag 6, epochs 12", seeds(with(func(o *TrainOptions) { o.Epochs = 12 }), 6)},
		{"bag 6, epochs 5", seeds(with(func(o *TrainOptions) { o.Epochs = 5 }), 6)},
		{"bag 6, l2 1e-4", seeds(with(func(o *TrainOptions) { o.L2 = 1e-4 }), 6)},
		{"bag 6, rate 1", seeds(with(func(o *TrainOptions) { o.Rate = 1 }), 6)},
		{"bag 6, alpha 0.05/0.1/0.2 x2", append(append(seeds(with(func(o *TrainOptions) { o.NBAlpha = 0.05 }), 2), seeds(o, 2)...), seeds(with(func(o *TrainOptions) { o.NBAlpha = 0.2 }), 2)...)},
	} {
		xmulti(t, v.name, all, mixFit(v.opts), xseeds())
	}
}

// scaleFit trains on copies of the items whose dense block (indices from
// nh) is scaled by s and folds s into the dense weights, so that the
// result scores the unscaled items.
func scaleFit(o TrainOptions, s float32) func([]Example) (bias, w []float32) {
	nh := uint32(1) << o.Bits
	return func(train []Example) ([]float32, []float32) {
		tr := make([]Example, len(train))
		for i, e := range train {
			f := append([]Feature(nil), e.Feats...)
			for j := range f {
				if f[j].Index >= nh {
					f[j].Value *= s
				}
			}
			e.Feats = f
			tr[i] = e
		}
		b, w := Fit(tr, o)
		for j := int(nh) * len(Names); j < len(w); j++ {
			w[j] *= s
		}
		return b, w
	}
}

// avgFit averages the weights of the fits.
func avgFit(fits []func([]Example) ([]float32, []float32)) func([]Example) scorer {
	return func(train []Example) scorer {
		var bias, w []float32
		for _, fit := range fits {
			b, ww := fit(train)
			if bias == nil {
				bias, w = b, ww
				continue
			}
			for j := range b {
				bias[j] += b[j]
			}
			for j := range ww {
				w[j] += ww[j]
			}
		}
		for j := range bias {
			bias[j] /= float32(len(fits))
		}
		for j := range w {
			w[j] /= float32(len(fits))
		}
		return linScorer(bias, w)
	}
}

func TestBagDense(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	var fits []func([]Example) ([]float32, []float32)
	for i, s := range []float32{0.5, 1, 1.67, 0.5, 1, 1.67} {
		oo := o
		oo.Seed = o.Seed + int64(i)
		fits = append(fits, scaleFit(oo, s))
	}
	xmulti(t, "bag 6: dense x 0.5/1/1.67, 2 seeds each", all, avgFit(fits), xseeds())
}

// bitsFeaturized returns the items featurized with 2^bits buckets and
// the single model's settings for them.
func (xs *xset) bitsFeaturized(bits uint) ([]Example, TrainOptions) {
	fz := xs.fz
	fz.Bits = bits
	all := append(append([]Example(nil), xs.ag...), xs.bbc...)
	Featurize(all, &fz)
	o := xbase()
	o.Bits = bits
	o.Dense = fz.DenseDim()
	return all, o
}

func TestBits(t *testing.T) {
	xs := xload(t)
	for _, bits := range []uint{20, 19} {
		all, o := xs.bitsFeaturized(bits)
		xmulti(t, fmt.Sprintf("bits %d", bits), all, nblrFit(o), xseeds())
	}
}

func TestBitsSeeds(t *testing.T) {
	xs := xload(t)
	for _, bits := range []uint{19, 20} {
		all, o := xs.bitsFeaturized(bits)
		xmulti(t, fmt.Sprintf("bits %d", bits), all, nblrFit(o), xSeeds)
		xmulti(t, fmt.Sprintf("bits %d, seed bag 6", bits), all, bagFit(o, 6, false), xSeeds)
	}
}

// withDomain gives short items (fewer than minWords words, AG-like) and
// long ones (BBC-like) dense blocks of their own: split moves the block,
// else it is copied after the shared one; bias adds an indicator of the
// length group (weight bw) as one more dense feature.
func withDomain(exs []Example, o TrainOptions, minWords int, split bool, bw float32) ([]Example, TrainOptions) {
	nh := uint32(1) << o.Bits
	dim := uint32(o.Dense)
	out := make([]Example, len(exs))
	for i, e := range exs {
		long := len(Tokens(e.Text)) >= minWords
		var f []Feature
		for _, x := range e.Feats {
			if x.Index < nh {
				f = append(f, x)
				continue
			}
			if !split {
				f = append(f, x)
			}
			j := x.Index - nh
			if long {
				j += dim
			}
			if !split {
				j += dim
			}
			f = append(f, Feature{nh + j, x.Value})
		}
		nd := 2 * dim
		if !split {
			nd = 3 * dim
		}
		if bw != 0 {
			g := uint32(0)
			if long {
				g = 1
			}
			f = append(f, Feature{nh + nd + g, bw})
		}
		e.Feats = f
		out[i] = e
	}
	oo := o
	oo.Dense = 2 * o.Dense
	if !split {
		oo.Dense = 3 * o.Dense
	}
	if bw != 0 {
		oo.Dense += 2
	}
	return out, oo
}

func TestDomain(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	short, long := 0, 0
	minBBC := 1 << 30
	for _, e := range all {
		n := len(Tokens(e.Text))
		if e.Source == "bbc" {
			minBBC = min(minBBC, n)
		} else if n >= 100 {
			long++
		} else {
			short++
		}
	}
	fmt.Printf("AG items of 100+ words: %d (others %d); shortest BBC article %d words\n", long, short, minBBC)
	for _, v := range []struct {
		split bool
		bw    float32
	}{{true, 0}, {false, 0}, {true, 1}, {false, 1}} {
		ex, oo := withDomain(all, o, 100, v.split, v.bw)
		xmulti(t, fmt.Sprintf("domain dense split %v bias %.0f", v.split, v.bw), ex, nblrFit(oo), xseeds())
	}
}

func TestDomainBag(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	ex, oo := withDomain(all, o, 100, true, 0)
	xmulti(t, "domain dense split, seed bag 6", ex, bagFit(oo, 6, false), xSeeds)
}

// subspaceFit trains on copies of the items with a random share p of the
// hashed buckets dropped (the same buckets for every item; member m's
// draw); the weights stay those of the full features.
func subspaceFit(o TrainOptions, m int, p float64) func([]Example) ([]float32, []float32) {
	nh := uint32(1) << o.Bits
	return func(train []Example) ([]float32, []float32) {
		rng := rand.New(rand.NewSource(int64(1000 + m)))
		drop := make([]bool, nh)
		for i := range drop {
			drop[i] = rng.Float64() < p
		}
		tr := make([]Example, len(train))
		for i, e := range train {
			var f []Feature
			for _, x := range e.Feats {
				if x.Index < nh && drop[x.Index] {
					continue
				}
				f = append(f, x)
			}
			e.Feats = f
			tr[i] = e
		}
		oo := o
		oo.Seed = o.Seed + int64(m)
		return Fit(tr, oo)
	}
}

func TestSubspace(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	for _, p := range []float64{0.2, 0.4} {
		var fits []func([]Example) ([]float32, []float32)
		for m := 0; m < 6; m++ {
			fits = append(fits, subspaceFit(o, m, p))
		}
		xmulti(t, fmt.Sprintf("subspace bag 6, drop %.1f", p), all, avgFit(fits), xseeds())
	}
}

func TestBagDenseWeight(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	for _, s := range []float32{0.67, 1.5} {
		var fits []func([]Example) ([]float32, []float32)
		for m := 0; m < 6; m++ {
			oo := o
			oo.Seed = o.Seed + int64(m)
			fits = append(fits, scaleFit(oo, s))
		}
		xmulti(t, fmt.Sprintf("bag 6, dense x %.2f", s), all, avgFit(fits), xseeds())
	}
}

// TestAGBias: per-class offsets for the AG items' logits (what a
// length- or source-aware bias could give), fitted by coordinate search
// on one half of the AG items' cross-validated logits and scored on the
// other half (and the other way round).
func TestAGBias(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	_, _, lg := xcv(all, 5, 42, bagFit(o, 6, false))
	var ag []int
	for i, e := range all {
		if e.Source == "ag" {
			ag = append(ag, i)
		}
	}
	cls := SourceLabels("ag")
	acc := func(idx []int, off []float64) float64 {
		ok := 0
		for _, i := range idx {
			best := -1
			for _, c := range cls {
				if best < 0 || lg[i][c]+off[c] > lg[i][best]+off[best] {
					best = c
				}
			}
			if best == all[i].Label {
				ok++
			}
		}
		return 100 * float64(ok) / float64(len(idx))
	}
	halves := [2][]int{}
	for j, i := range ag {
		halves[j%2] = append(halves[j%2], i)
	}
	for h := 0; h < 2; h++ {
		fitOn, testOn := halves[h], halves[1-h]
		off := make([]float64, len(Names))
		for round := 0; round < 3; round++ {
			for _, c := range cls {
				best, bv := off[c], acc(fitOn, off)
				for d := -1.0; d <= 1.0; d += 0.05 {
					off[c] = d
					if v := acc(fitOn, off); v > bv {
						best, bv = d, v
					}
				}
				off[c] = best
			}
		}
		fmt.Printf("half %d: offsets %.2f; fitted half %.2f -> %.2f, other half %.2f -> %.2f\n", h, off, acc(fitOn, make([]float64, len(Names))), acc(fitOn, off), acc(testOn, make([]float64, len(Names))), acc(testOn, off))
	}
}

func TestBagTune(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	for _, v := range []struct {
		name string
		f    func(*TrainOptions)
	}{
		{"bag 6, l2 5e-4", func(o *TrainOptions) { o.L2 = 5e-4 }},
		{"bag 6, rate 0.3", func(o *TrainOptions) { o.Rate = 0.3 }},
	} {
		oo := o
		v.f(&oo)
		xmulti(t, v.name, all, bagFit(oo, 6, false), xseeds())
	}
}

// leadFit trains on the training items plus, for each BBC one, its lead
// (Lead) with weight wt (Source "pseudo").
func leadFit(o TrainOptions, leads map[string]Example, wt float64, bag int) func([]Example) scorer {
	return func(train []Example) scorer {
		tr := append([]Example(nil), train...)
		for _, e := range train {
			if l, ok := leads[e.Text]; ok {
				tr = append(tr, l)
			}
		}
		oo := o
		oo.PseudoWeight = wt
		oo.Bag = bag
		b, w := Fit(tr, oo)
		return linScorer(b, w)
	}
}

func bbcLeads(xs *xset, minWords int) map[string]Example {
	var leads []Example
	for _, e := range xs.bbc {
		leads = append(leads, Example{Source: "pseudo", Label: e.Label, Text: Lead(e.Text, minWords)})
	}
	Featurize(leads, &xs.fz)
	m := map[string]Example{}
	for i, e := range xs.bbc {
		m[e.Text] = leads[i]
	}
	return m
}

func TestBBCLeads(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	fmt.Printf("lead of a BBC article: %q\n", Lead(xs.bbc[0].Text, 25)[:120])
	for _, mw := range []int{25} {
		leads := bbcLeads(xs, mw)
		for _, wt := range []float64{0.5, 1, 2} {
			xmulti(t, fmt.Sprintf("BBC leads (%d+ words), weight %.1f", mw, wt), all, leadFit(o, leads, wt, 1), xseeds())
		}
	}
}

func TestBBCLeadsBag(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	leads := bbcLeads(xs, 25)
	for _, wt := range []float64{0.5, 0.3} {
		xmulti(t, fmt.Sprintf("BBC leads (25+ words), weight %.1f, bag 6", wt), all, leadFit(o, leads, wt, 6), xSeeds)
	}
}

// bbcChunks returns AG-shaped pieces of a BBC article: its title and each
// run of paragraphs of at least minWords words.
func bbcChunks(s string, minWords int) []string {
	title, paras := titleAndParagraphs(s)
	var out, cur []string
	n := 0
	for _, p := range paras {
		cur = append(cur, p)
		if n += len(strings.Fields(p)); n >= minWords {
			out = append(out, title+"\n\n"+strings.Join(cur, " "))
			cur, n = nil, 0
		}
	}
	return out
}

func TestBBCChunks(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	for _, v := range []struct {
		min   int
		wt    float64
		lead1 bool
	}{{25, 0.3, false}, {40, 0.5, true}} {
		var extra []Example
		var owner []int
		for i, e := range xs.bbc {
			ch := bbcChunks(e.Text, v.min)
			if v.lead1 && len(ch) > 1 {
				ch = ch[:1]
			}
			for _, c := range ch {
				extra = append(extra, Example{Source: "pseudo", Label: e.Label, Text: c})
				owner = append(owner, i)
			}
		}
		Featurize(extra, &xs.fz)
		m := map[string][]Example{}
		for j, e := range extra {
			m[xs.bbc[owner[j]].Text] = append(m[xs.bbc[owner[j]].Text], e)
		}
		fit := func(train []Example) scorer {
			tr := append([]Example(nil), train...)
			for _, e := range train {
				tr = append(tr, m[e.Text]...)
			}
			oo := o
			oo.PseudoWeight = v.wt
			oo.Bag = 6
			b, w := Fit(tr, oo)
			return linScorer(b, w)
		}
		xmulti(t, fmt.Sprintf("BBC chunks (%d+ words, lead only %v, %d), weight %.1f, bag 6", v.min, v.lead1, len(extra), v.wt), all, fit, xseeds())
	}
}

// TestBagMoreSeeds: the shipped model and seed bag 6 on three more fold
// seeds (never looked at before this test).
func TestBagMoreSeeds(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	seeds := []int64{17, 19, 23}
	xmulti(t, "shipped", all, nblrFit(o), seeds)
	xmulti(t, "seed bag 6", all, bagFit(o, 6, false), seeds)
}
