//go:build catexp

// Experiments of session 21 (issue #5) towards AG 92: none passed the bar
// (+0.3 AG on the tuning fold seed 42 and on the mean of the untuned
// seeds 7, 11, 13, BBC not lower), nothing shipped. Run from this
// directory, e.g.
//
//	XCACHE=/tmp/c21 XSEEDS=42,7,11,13 nice -n 10 go test -tags catexp -run 'TestBase21$' -v -timeout 0 .
//	XCACHE=/tmp/c21 XSEEDS=42 XPERSRC=1 XLEAD=1 XALPHA=0.01 XLU=0.01 nice -n 10 go test -tags catexp -run 'TestEM21$' -v -timeout 0 .
//	XCACHE=/tmp/c21 XSEEDS=42,7,11,13 XNETS=3 nice -n 10 go test -tags catexp -run 'TestGated21$' -v -timeout 0 .
//
// 5-fold accuracy AG / BBC (own classes). The shipped setting (bag 6),
// held-out logits cached per fold seed by TestBase21: seed 42 (tuning)
// 90.29 / 97.23; untuned seeds 7, 11, 13: 90.29, 89.93, 90.05 / 97.32,
// 97.65, 97.27 (mean 90.09 / 97.41), as cmd/eval/category prints.
//
//	TestRobust21   (code in 3293791) noise-robust losses in the NB-LR (bag 6, in place of
//	               the shipped loss), against AG's ~2 % mislabelled items:
//	               label smoothing eps 0.05 90.05 / 97.32, eps 0.1 90.02 /
//	               97.37; generalised cross-entropy (Zhang & Sabuncu 2018,
//	               per one-vs-rest class, gradient times p_t^q) q 0.3
//	               90.23 / 97.32, q 0.7 90.07 / 97.27. Untuned seeds, q
//	               0.3: 90.32, 89.95, 90.04 / 97.27, 97.60, 97.27 (mean
//	               90.10 / 97.38: +0.01 / -0.03).
//	TestEM21       semi-supervised EM with multinomial naive Bayes (Nigam
//	               et al. 2000) over the hashed features, 20,000 unlabelled
//	               news documents (LoadUnlabelled), 4 EM rounds, its
//	               log-posteriors mixed (lambda) into the shipped model's.
//	               One NB over both data sets: NB alone 79.20 / 63.80 (the
//	               sources confound the classes: politics and
//	               entertainment are BBC-only), EM alone 49-54 (collapses),
//	               every mix lower on both. As an upper bound, one NB per
//	               data set (test items scored by their own source's NB,
//	               which Classify could not do), unlabelled leads
//	               (Lead(s, 25)), alpha 0.01: NB alone 87.25 / 96.47, EM
//	               lambda_u 0.01 / 0.03 / 0.1 alone 87.36 / 87.02 / 85.54;
//	               mixes (lambda 0.1-0.3) 89.77-90.12 on AG, every one below
//	               the base (best: EM lambda_u 0.1 mix 0.1 90.12 / 97.46;
//	               NB without EM 0.1 90.05 / 97.41). Untuned seeds, per
//	               source, lambda_u 0.01, mix 0.1: 90.14, 90.05, 89.98 /
//	               97.37, 97.46, 97.13 (mean 90.06 / 97.32: -0.03 / -0.09);
//	               NB without EM 90.18, 90.11, 89.98 (mean 90.09 / 97.35).
//	               With alpha 0.1 EM collapses (alone 55-57).
//	TestGated21    the sentiment model's recipe: a network over K 4 gated
//	               means of the unit GloVe vectors of the first 300 words
//	               (word w weighs exp(g_k . v_w) in block k, g_k learnt),
//	               one ReLU layer of 64, softmax over the six categories,
//	               Adam 0.003, 8 epochs, batch 32; alone it is far better
//	               than session 3's MLP over the vector sum (85.3-85.8):
//	               89.02 / 95.91 (one net), 88.84 / 95.86 (three nets
//	               averaged); its log-probabilities mixed into the shipped
//	               model's, seed 42, one net: lambda 0.1 90.36 / 97.32,
//	               0.2 90.30, 0.3 90.21, 0.5 90.23 / 97.60; three nets:
//	               0.1 90.34 / 97.32, 0.2 90.20, 0.3 90.30, 0.5 90.30 /
//	               97.46 (+0.05 at best: fails the bar on the tuning seed).
//	               Untuned seeds, three nets, AG (7, 11, 13; mean, change)
//	               and BBC mean: lambda 0.1 90.39, 90.11, 90.18 (90.23,
//	               +0.14) / 97.46; 0.2 90.52, 90.20, 90.27 (90.33, +0.24) /
//	               97.65; 0.3 90.66, 90.32, 90.38 (90.45, +0.36) / 97.67;
//	               0.5 90.77, 90.36, 90.46 (90.53, +0.44) / 97.59 (BBC
//	               never lower on a seed). Alone on the untuned seeds
//	               89.30, 89.16, 88.96. So: a steady +0.4 on every untuned
//	               seed and nothing on the seed the shipped settings were
//	               tuned on (whose base is the highest of the four); below
//	               the bar, not shipped. Larger weights, seed 42: 0.7 90.23
//	               / 97.41, 1 90.21 / 97.23, 1.5 90.09 / 97.13; untuned: 0.7
//	               90.68, 90.34, 90.50 (90.51, +0.42) / 97.48 (seed 11
//	               -0.14), 1 90.45 (+0.36) / 97.38. The net's forward pass
//	               (float64, unfolded, 300 words) costs about 220 us on
//	               the loaded machine (BenchmarkGated21): shipping it would
//	               need the sentiment model's folding of the first layer
//	               into the word table, or float32 and fewer words.
//	               Shipped in session 22, folded (one network, weight
//	               0.5; gated.go has its figures).
//	TestGatedFeat21 the gated means of a net learnt on the training fold
//	               appended to the shipped features as a dense block
//	               (each mean L2-normalised, times gw), bag-6 NB-LR: gw 2
//	               90.18 / 97.60, gw 4 90.05 / 97.84 (BBC up, AG down).

package category

import (
	"encoding/gob"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/wordvec"
)

// x21env reads a float list from the environment (def when unset).
func x21env(name string, def []float64) []float64 {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	var out []float64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err == nil {
			out = append(out, v)
		}
	}
	return out
}

// x21cache is where the shipped model's held-out logits per fold seed are
// kept between runs.
var x21cache = func() string {
	if d := os.Getenv("XCACHE"); d != "" {
		return d
	}
	return os.TempDir()
}()

// x21base returns the held-out logits of the shipped setting (bag 6) on
// the 5 folds of seed, computed once and cached.
func x21base(t *testing.T, all []Example, o TrainOptions, seed int64) [][]float64 {
	fn := fmt.Sprintf("%s/cat21-base-%d.gob", x21cache, seed)
	if f, err := os.Open(fn); err == nil {
		defer f.Close()
		var lg [][]float64
		if err := gob.NewDecoder(f).Decode(&lg); err == nil && len(lg) == len(all) {
			return lg
		}
	}
	o.Bag = 6
	lg := x21cv(all, seed, func(train []Example) scorer { b, w := Fit(train, o); return linScorer(b, w) })
	f, err := os.Create(fn)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := gob.NewEncoder(f).Encode(lg); err != nil {
		t.Fatal(err)
	}
	return lg
}

// x21cv returns the held-out logits of fit on the 5 folds of seed.
func x21cv(all []Example, seed int64, fit func(train []Example) scorer) [][]float64 {
	fold := Folds(all, 5, seed)
	lg := make([][]float64, len(all))
	for f := 0; f < 5; f++ {
		var train []Example
		for i, e := range all {
			if fold[i] != f {
				train = append(train, e)
			}
		}
		sc := fit(train)
		for i := range all {
			if fold[i] == f {
				lg[i] = sc(&all[i])
			}
		}
	}
	return lg
}

// x21acc is the own-class accuracy per source of logits lg.
func x21acc(all []Example, lg [][]float64) (ag, bbc float64) {
	t := newTally()
	for i := range all {
		t.add(&all[i], argmaxOwn(&all[i], lg[i]))
	}
	return t.acc("ag"), t.acc("bbc")
}

// x21mix returns log-softmax(a) + lam * log-softmax(b) per item.
func x21mix(a, b [][]float64, lam float64) [][]float64 {
	out := make([][]float64, len(a))
	for i := range a {
		la, lb := logSoftmax(a[i]), logSoftmax(b[i])
		m := make([]float64, len(la))
		for c := range m {
			m[c] = la[c] + lam*lb[c]
		}
		out[i] = m
	}
	return out
}

// x21report prints, per seed, the base, the other model alone and mixes.
func x21report(name string, all []Example, seed int64, base, other [][]float64, lams []float64) {
	ba, bb := x21acc(all, base)
	oa, ob := x21acc(all, other)
	fmt.Printf("%s seed %d: base %.2f / %.2f; alone %.2f / %.2f\n", name, seed, ba, bb, oa, ob)
	for _, lam := range lams {
		ma, mb := x21acc(all, x21mix(base, other, lam))
		fmt.Printf("  %s seed %d lam %.2f: %.2f / %.2f (%+.2f / %+.2f)\n", name, seed, lam, ma, mb, ma-ba, mb-bb)
	}
	_ = math.Inf
}

func TestBase21(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	for _, seed := range x18seeds() {
		lg := x21base(t, all, o, seed)
		a, b := x21acc(all, lg)
		fmt.Printf("base seed %d: %.2f / %.2f\n", seed, a, b)
	}
}

// ---------------------------------------------------------------------
// (c) Noise-robust losses for the NB-LR: label smoothing (targets 1-eps
// and eps/5) and the generalised cross-entropy of Zhang & Sabuncu (2018),
// per one-vs-rest class: the logistic gradient times p_t^q, p_t the
// probability the model gives the item's binary target (items the model
// finds unlikely, such as mislabelled ones, weigh less).

// (c) The noise-robust losses (TestRobust21 and its copy of TrainNBLR with
// label smoothing and a GCE gradient) are recorded above; they lost AG and
// their code, a copy of the shipped trainer's loop, was left out after the
// session: git show 3293791:internal/category/experiments21_test.go.

// ---------------------------------------------------------------------
// (b) Semi-supervised EM with multinomial naive Bayes (Nigam, McCallum,
// Thrun & Mitchell 2000) over the hashed features of the labelled fold and
// of the unlabelled news (LoadUnlabelled), unlabelled documents weighted
// lambda_u; its log-posteriors are mixed into the shipped model's.

type mnb21 struct {
	logp  []float64 // bucket-major log theta
	prior []float64
}

func (m *mnb21) logits(fs []Feature, nh uint32) []float64 {
	nc := len(m.prior)
	lg := append([]float64(nil), m.prior...)
	for _, f := range fs {
		if f.Index >= nh {
			continue
		}
		row := m.logp[int(f.Index)*nc : int(f.Index)*nc+nc]
		for c := range lg {
			lg[c] += float64(f.Value) * row[c]
		}
	}
	return lg
}

// fitMNB21 fits naive Bayes on labelled exs and soft-labelled unl (post
// per item, weight lu).
func fitMNB21(exs []Example, unl [][]Feature, post [][]float64, lu, alpha float64, nh uint32) *mnb21 {
	nc := len(Names)
	cnt := make([]float64, int(nh)*nc)
	tot := make([]float64, nc)
	docs := make([]float64, nc)
	for _, e := range exs {
		docs[e.Label]++
		for _, f := range e.Feats {
			if f.Index < nh {
				cnt[int(f.Index)*nc+e.Label] += float64(f.Value)
				tot[e.Label] += float64(f.Value)
			}
		}
	}
	for i, fs := range unl {
		for c := 0; c < nc; c++ {
			pw := lu * post[i][c]
			if pw < 1e-4 {
				continue
			}
			docs[c] += pw
			for _, f := range fs {
				cnt[int(f.Index)*nc+c] += pw * float64(f.Value)
				tot[c] += pw * float64(f.Value)
			}
		}
	}
	m := &mnb21{logp: make([]float64, len(cnt)), prior: make([]float64, nc)}
	nd := 0.0
	for _, d := range docs {
		nd += d
	}
	for c := 0; c < nc; c++ {
		m.prior[c] = math.Log((docs[c] + 1) / (nd + float64(nc)))
		den := math.Log(tot[c] + alpha*float64(nh))
		for b := 0; b < int(nh); b++ {
			m.logp[b*nc+c] = math.Log(cnt[b*nc+c]+alpha) - den
		}
	}
	return m
}

func TestEM21(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	nh := uint32(1) << o.Bits
	texts, err := LoadUnlabelled(*xData)
	if err != nil {
		t.Fatal(err)
	}
	maxU := 20000
	if v := os.Getenv("XMAXU"); v != "" {
		maxU, _ = strconv.Atoi(v)
	}
	rng := rand.New(rand.NewSource(5))
	rng.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
	texts = texts[:min(maxU, len(texts))]
	lead := os.Getenv("XLEAD") != ""
	uex := make([]Example, len(texts))
	for i, s := range texts {
		if lead {
			s = Lead(s, LeadWords)
		}
		uex[i] = Example{Source: "unlabelled", Label: -1, Text: s}
	}
	Featurize(uex, &xs.fz)
	unl := make([][]Feature, len(uex))
	for i := range uex {
		for _, f := range uex[i].Feats {
			if f.Index < nh {
				unl[i] = append(unl[i], f)
			}
		}
	}
	fmt.Printf("%d unlabelled documents (lead %v)\n", len(unl), lead)
	lus := x21env("XLU", []float64{0.1, 0.3, 1})
	alpha := x21env("XALPHA", []float64{0.1})[0]
	iters := 4
	perSrc := os.Getenv("XPERSRC") != ""
	lams := x21env("XLAMS", []float64{0.1, 0.2, 0.3, 0.5, 1})
	for _, seed := range x18seeds() {
		base := x21base(t, all, o, seed)
		fold := Folds(all, 5, seed)
		res := map[string][][]float64{}
		for f := 0; f < 5; f++ {
			var train []Example
			for i, e := range all {
				if fold[i] != f {
					train = append(train, e)
				}
			}
			srcs := []string{""}
			if perSrc {
				srcs = []string{"ag", "bbc"}
			}
			for _, src := range srcs {
				var tr []Example
				for _, e := range train {
					if src == "" || e.Source == src {
						tr = append(tr, e)
					}
				}
				var allowed []int
				if src != "" {
					allowed = SourceLabels(src)
				}
				restrict := func(lg []float64) []float64 {
					if allowed != nil {
						for c := range lg {
							if !contains(allowed, c) {
								lg[c] = -1e9
							}
						}
					}
					return lg
				}
				m0 := fitMNB21(tr, nil, nil, 0, alpha, nh)
				put := func(key string, m *mnb21) {
					if res[key] == nil {
						res[key] = make([][]float64, len(all))
					}
					for i := range all {
						if fold[i] == f && (src == "" || all[i].Source == src) {
							res[key][i] = restrict(m.logits(all[i].Feats, nh))
						}
					}
				}
				put("nb", m0)
				for _, lu := range lus {
					m := m0
					post := make([][]float64, len(unl))
					for it := 0; it < iters; it++ {
						for i, fs := range unl {
							post[i] = Softmax(restrict(m.logits(fs, nh)))
						}
						m = fitMNB21(tr, unl, post, lu, alpha, nh)
					}
					put(fmt.Sprintf("em lu %.2f", lu), m)
				}
			}
		}
		x21report("nb", all, seed, base, res["nb"], lams)
		for _, lu := range lus {
			k := fmt.Sprintf("em lu %.2f", lu)
			x21report(k, all, seed, base, res[k], lams)
		}
	}
}

// ---------------------------------------------------------------------
// (a) The sentiment model's recipe: a small network over K gated means of
// the document's GloVe vectors (word w weighs exp(g_k . v_w) in block k,
// g_k learnt), one ReLU layer, softmax over the six categories; its
// log-probabilities mixed into the shipped model's.

type gdoc21 struct {
	rows  []int32 // indices into the vector table
	label int
	wt    float64
}

type gnet21 struct {
	K, H, D, C int
	g          []float64 // K*D
	w1         []float64 // H*(K*D)
	b1         []float64
	w2         []float64 // C*H
	b2         []float64
}

func newGnet21(K, H, D, C int, rng *rand.Rand) *gnet21 {
	n := &gnet21{K: K, H: H, D: D, C: C, g: make([]float64, K*D), w1: make([]float64, H*K*D), b1: make([]float64, H), w2: make([]float64, C*H), b2: make([]float64, C)}
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

// forward returns the block means, their weights, hidden and logits.
func (n *gnet21) forward(vecs []float32, rows []int32) (m [][]float64, pw [][]float64, h, lg []float64) {
	D := n.D
	m = make([][]float64, n.K)
	pw = make([][]float64, n.K)
	for k := 0; k < n.K; k++ {
		gk := n.g[k*D : (k+1)*D]
		sc := make([]float64, len(rows))
		mx := math.Inf(-1)
		for j, r := range rows {
			v := vecs[int(r)*D : int(r)*D+D]
			s := 0.0
			for d, x := range v {
				s += gk[d] * float64(x)
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
		m[k], pw[k] = mk, sc
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

// adam21 is Adam over one parameter slice.
type adam21 struct{ m, v []float64 }

func (a *adam21) step(p, g []float64, lr float64, t int) {
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

func trainGnet21(docs []gdoc21, vecs []float32, K, H, epochs int, lr, l2 float64, seed int64) *gnet21 {
	rng := rand.New(rand.NewSource(seed))
	n := newGnet21(K, H, wordvec.Dim, len(Names), rng)
	D := n.D
	gg, gw1, gb1, gw2, gb2 := make([]float64, len(n.g)), make([]float64, len(n.w1)), make([]float64, len(n.b1)), make([]float64, len(n.w2)), make([]float64, len(n.b2))
	var ag, aw1, ab1, aw2, ab2 adam21
	order := rng.Perm(len(docs))
	batch := 32
	step := 0
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for s := 0; s < len(order); s += batch {
			clear(gg)
			clear(gw1)
			clear(gb1)
			clear(gw2)
			clear(gb2)
			for _, di := range order[s:min(s+batch, len(order))] {
				d := &docs[di]
				if len(d.rows) == 0 {
					continue
				}
				m, pw, h, lg := n.forward(vecs, d.rows)
				p := Softmax(lg)
				dl := make([]float64, n.C)
				for c := range p {
					dl[c] = p[c] * d.wt
				}
				dl[d.label] -= d.wt
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
				gw1[i] += l2 * n.w1[i]
			}
			for i := range gw2 {
				gw2[i] += l2 * n.w2[i]
			}
			step++
			ag.step(n.g, gg, lr, step)
			aw1.step(n.w1, gw1, lr, step)
			ab1.step(n.b1, gb1, lr, step)
			aw2.step(n.w2, gw2, lr, step)
			ab2.step(n.b2, gb2, lr, step)
		}
	}
	return n
}

// gdocs21 maps each example's first maxW words to rows of the GloVe
// table (unit-length vectors in vecs, built on first use).
func gdocs21(exs []Example, maxW int, bbcW float64) ([]gdoc21, []float32) {
	t := wordvec.Default()
	D := t.Dim()
	idx := map[int]int32{}
	var vecs []float32
	out := make([]gdoc21, len(exs))
	for i, e := range exs {
		d := gdoc21{label: e.Label, wt: 1}
		if e.Source == "bbc" {
			d.wt = bbcW
		}
		n := 0
		words(e.Text, func(tok string, gap bool) bool {
			n++
			j := t.Index(gloveKey(tok))
			if j < 0 {
				return n < maxW
			}
			r, ok := idx[j]
			if !ok {
				row, sc := t.RowAt(j)
				v := make([]float32, D)
				nn := 0.0
				for k, x := range row {
					v[k] = float32(x) * sc
					nn += float64(v[k] * v[k])
				}
				for k := range v {
					v[k] /= float32(math.Sqrt(nn))
				}
				r = int32(len(vecs) / D)
				idx[j] = r
				vecs = append(vecs, v...)
			}
			d.rows = append(d.rows, r)
			return n < maxW
		})
		out[i] = d
	}
	return out, vecs
}

func TestGated21(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	K := int(x21env("XK", []float64{4})[0])
	H := int(x21env("XH", []float64{64})[0])
	ep := int(x21env("XEP", []float64{8})[0])
	lr := x21env("XLR", []float64{0.003})[0]
	l2 := x21env("XL2", []float64{1e-4})[0]
	maxW := int(x21env("XMAXW", []float64{300})[0])
	nets := int(x21env("XNETS", []float64{1})[0])
	docs, vecs := gdocs21(all, maxW, 1)
	lams := x21env("XLAMS", []float64{0.1, 0.2, 0.3, 0.5})
	for _, seed := range x18seeds() {
		base := x21base(t, all, o, seed)
		fold := Folds(all, 5, seed)
		lg := make([][]float64, len(all))
		for f := 0; f < 5; f++ {
			var train []gdoc21
			for i := range all {
				if fold[i] != f {
					train = append(train, docs[i])
				}
			}
			for s := 0; s < nets; s++ {
				n := trainGnet21(train, vecs, K, H, ep, lr, l2, int64(1+s))
				for i := range all {
					if fold[i] == f {
						_, _, _, l := n.forward(vecs, docs[i].rows)
						if len(docs[i].rows) == 0 {
							l = make([]float64, len(Names))
						}
						ls := logSoftmax(l)
						if lg[i] == nil {
							lg[i] = make([]float64, len(ls))
						}
						for c := range ls {
							lg[i][c] += ls[c] / float64(nets)
						}
					}
				}
			}
		}
		x21report(fmt.Sprintf("gated K%d H%d ep%d lr%g", K, H, ep, lr), all, seed, base, lg, lams)
	}
}

// TestGatedFeat21: the gated means of a network learnt on the training
// fold (TestGated21's) appended to the shipped features as a dense block
// (each mean L2-normalised, times XGW), then the shipped bag-6 NB-LR.
func TestGatedFeat21(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	K := int(x21env("XK", []float64{4})[0])
	H := int(x21env("XH", []float64{64})[0])
	ep := int(x21env("XEP", []float64{8})[0])
	lr := x21env("XLR", []float64{0.003})[0]
	l2 := x21env("XL2", []float64{1e-4})[0]
	maxW := int(x21env("XMAXW", []float64{300})[0])
	gws := x21env("XGW", []float64{2, 4})
	docs, vecs := gdocs21(all, maxW, 1)
	nh := uint32(1) << o.Bits
	for _, seed := range x18seeds() {
		base := x21base(t, all, o, seed)
		ba, bb := x21acc(all, base)
		fold := Folds(all, 5, seed)
		res := make([][][]float64, len(gws))
		for j := range res {
			res[j] = make([][]float64, len(all))
		}
		for f := 0; f < 5; f++ {
			var train []gdoc21
			for i := range all {
				if fold[i] != f {
					train = append(train, docs[i])
				}
			}
			n := trainGnet21(train, vecs, K, H, ep, lr, l2, 1)
			for j, gw := range gws {
				ex := make([]Example, len(all))
				for i := range all {
					e := all[i]
					fs := append([]Feature(nil), e.Feats...)
					if len(docs[i].rows) > 0 {
						m, _, _, _ := n.forward(vecs, docs[i].rows)
						for k := range m {
							nn := 0.0
							for _, x := range m[k] {
								nn += x * x
							}
							for d, x := range m[k] {
								fs = append(fs, Feature{nh + uint32(o.Dense+k*n.D+d), float32(x / math.Sqrt(nn) * gw)})
							}
						}
					}
					e.Feats = fs
					ex[i] = e
				}
				ob := o
				ob.Bag = 6
				ob.Dense = o.Dense + K*n.D
				var tr []Example
				for i := range ex {
					if fold[i] != f {
						tr = append(tr, ex[i])
					}
				}
				b, w := Fit(tr, ob)
				for i := range ex {
					if fold[i] == f {
						res[j][i] = Logits(b, w, ex[i].Feats)
					}
				}
			}
		}
		for j, gw := range gws {
			a, bc := x21acc(all, res[j])
			fmt.Printf("gatedfeat seed %d K%d gw %.1f: %.2f / %.2f (%+.2f / %+.2f)\n", seed, K, gw, a, bc, a-ba, bc-bb)
		}
	}
}

// BenchmarkGated21: the forward pass of TestGated21's net (float64, not
// folded) over the 300 words it reads of an article.
func BenchmarkGated21(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	n := newGnet21(4, 64, wordvec.Dim, len(Names), rng)
	vecs := make([]float32, 5000*wordvec.Dim)
	for i := range vecs {
		vecs[i] = float32(rng.NormFloat64() * 0.1)
	}
	rows := make([]int32, 300)
	for i := range rows {
		rows[i] = int32(rng.Intn(5000))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n.forward(vecs, rows)
	}
}
