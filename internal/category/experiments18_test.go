//go:build catexp

// Experiments of session 18 (issue #5) towards AG 92: none gained enough
// to ship. Run from this directory, e.g.
//
//	XSEEDS=42 nice -n 5 go test -tags catexp -run 'TestPostHoc$' -v -timeout 0 .
//	XCONFIRM=1 XNOSPEC=1 XSEEDS=7,11,13 nice -n 5 go test -tags catexp -run 'TestPostHoc$' -v -timeout 0 .
//	XSEEDS=42 XPAIRS=title:0.3:0,skip:0.3:60 nice -n 5 go test -tags catexp -run 'TestPairs$' -v -timeout 0 .
//
// 5-fold accuracy AG / BBC (own classes), every variant on top of the
// shipped setting (bag 6; 90.29 / 97.23 on the tuning fold seed 42,
// reproduced here). AG confusion on seed 42 (held-out predictions, gold
// row): business -> science_technology 115, science_technology ->
// business 122, world -> business 75, science_technology -> world 53,
// business -> world 47, world -> sport 46, world -> science_technology 33
// (544 errors in all; the business / technology pair is 237 of them).
//
//	TestPostHoc, kNN   the shipped model's log-probabilities plus lambda
//	                   times the log of a k-nearest-neighbour vote over the
//	                   training items (similarity-weighted class shares).
//	                   kNN alone (k 20): dense (the model's GloVe block,
//	                   cosine) 86.48 / 94.64, sparse (the hashed features
//	                   times idf of the training fold, cosine) 87.09 /
//	                   94.83. Mixed, seed 42, k 5-40, lambda 0.1-0.5: dense
//	                   89.36-90.25 / 96.90-97.56 (never above the base on
//	                   AG); sparse 89.96-90.46 / 97.04-97.65, best k 10
//	                   lambda 0.2 90.46 / 97.46 (+0.17 / +0.23; a grid of
//	                   32 cells, so near its noise). On the untuned fold
//	                   seeds 7, 11, 13 (base 90.29, 89.93, 90.05 / 97.32, 97.65, 97.27,
//	                   mean 90.09 / 97.41), sparse k 10 lambda 0.2: 90.39,
//	                   90.07, 90.07 / 97.32, 97.65, 97.65, mean 90.18 /
//	                   97.54 (+0.09 / +0.13: every seed up or level, but
//	                   small, below the +0.3 a shipped change must show);
//	                   the best untuned cells (sparse k 10 lambda 0.3 90.30,
//	                   dense k 20 lambda 0.2 90.17) are no better. kNN alone
//	                   on the untuned seeds: dense 86.27-86.39, sparse
//	                   86.91-87.04. Shipping it would also cost a store of
//	                   the 7,727 training items' sparse vectors and a
//	                   search over them per article.
//	TestPostHoc, specialist  a bag-6 NB-LR trained on the business and
//	                   science_technology items only, its logit difference
//	                   added (times mu) when the main model's top two are
//	                   that pair (2,031 of 7,727 items): mu 0.25 / 0.5 90.27
//	                   / 97.27, mu 1 90.20, mu 2 90.16 (no gain)
//	TestPairs          second-order word features as a block of their own:
//	                   unordered pairs of the title's distinct words
//	                   (3+ letters, 12 words at most), weight 0.3 90.04 /
//	                   97.18, 0.6 89.77 / 96.80; skip-bigrams "w1 _ w3" of
//	                   the first 60 words, weight 0.3 90.14 / 97.23
//	TestIDF            hashed features times idf^p (idf from the training
//	                   fold, the block's norm kept): p 0.5 89.84 / 96.94,
//	                   p 1 89.84 / 96.43 (NB-LR's log-count ratios already
//	                   weigh the words)
//	TestTitleWeight    the title namespace weighted 0.5: 89.96 / 97.27; 2:
//	                   90.20 / 97.32 (1, shipped, stays best)
//	TestViews          title and description as views of their own at test
//	                   time: the shipped model scores the item whole, its
//	                   title alone and its body alone, logits mixed whole +
//	                   a*title + b*body: a 0.25 89.84 / 96.99, a 0.5 89.46 /
//	                   95.86, b 0.25 89.98 / 97.18, b 0.5 89.73 / 96.99, both
//	                   0.25 90.34 / 96.85 (BBC -0.4), both 0.5 90.02 / 96.43,
//	                   a -0.25 88.91 / 97.09
//
// The NB-SVM log-count-ratio scaling suggested with these is the shipped
// model already (TrainNBLR).

package category

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/hashing"
)

// x18seeds are the fold seeds of XSEEDS (default 42, the tuning seed).
func x18seeds() []int64 {
	s := os.Getenv("XSEEDS")
	if s == "" {
		return []int64{42}
	}
	var out []int64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		if err == nil {
			out = append(out, v)
		}
	}
	return out
}

// denseRep returns the dense (word-vector) block of e's features,
// unit-normalised (nil when none).
func denseRep(e *Example, nh uint32, dim int) []float32 {
	v := make([]float32, dim)
	ok := false
	for _, f := range e.Feats {
		if f.Index >= nh {
			v[f.Index-nh] = f.Value
			ok = true
		}
	}
	if !ok {
		return nil
	}
	n := 0.0
	for _, x := range v {
		n += float64(x * x)
	}
	inv := float32(1 / math.Sqrt(n))
	for j := range v {
		v[j] *= inv
	}
	return v
}

// sparseRep returns the hashed features of e times idf, unit-normalised.
func sparseRep(e *Example, nh uint32, idf []float32) []Feature {
	var out []Feature
	n := 0.0
	for _, f := range e.Feats {
		if f.Index >= nh {
			continue
		}
		x := f.Value * idf[f.Index]
		out = append(out, Feature{f.Index, x})
		n += float64(x * x)
	}
	if n > 0 {
		inv := float32(1 / math.Sqrt(n))
		for i := range out {
			out[i].Value *= inv
		}
	}
	return out
}

// knnVote returns, for each k of ks, the class shares (sum of the
// similarities of the k nearest training items per class, over their
// total) given sims[i] the similarity to train[i].
func knnVote(sims []float32, train []Example, ks []int) [][]float64 {
	idx := make([]int, len(sims))
	for i := range idx {
		idx[i] = i
	}
	maxK := 0
	for _, k := range ks {
		maxK = max(maxK, k)
	}
	// partial selection of the maxK largest
	sort.Slice(idx, func(a, b int) bool { return sims[idx[a]] > sims[idx[b]] })
	out := make([][]float64, len(ks))
	for j, k := range ks {
		p := make([]float64, len(Names))
		tot := 0.0
		for _, i := range idx[:min(k, len(idx))] {
			s := math.Max(float64(sims[i]), 0)
			p[train[i].Label] += s
			tot += s
		}
		for c := range p {
			p[c] = (p[c] + 0.01) / (tot + 0.01*float64(len(p)))
		}
		out[j] = p
	}
	return out
}

// argmaxOwn is the best class of lg among e's source's own classes.
func argmaxOwn(e *Example, lg []float64) int {
	best := -1
	for _, c := range SourceLabels(e.Source) {
		if best < 0 || lg[c] > lg[best] {
			best = c
		}
	}
	return best
}

// top2Own returns the two best classes of lg among e's own classes.
func top2Own(e *Example, lg []float64) (int, int) {
	a, b := -1, -1
	for _, c := range SourceLabels(e.Source) {
		switch {
		case a < 0 || lg[c] > lg[a]:
			a, b = c, a
		case b < 0 || lg[c] > lg[b]:
			b = c
		}
	}
	return a, b
}

// tally counts right answers per source for one variant.
type tally struct{ ok, n map[string]int }

func newTally() *tally { return &tally{map[string]int{}, map[string]int{}} }

func (t *tally) add(e *Example, pred int) {
	t.n[e.Source]++
	if pred == e.Label {
		t.ok[e.Source]++
	}
}

func (t *tally) acc(s string) float64 { return 100 * float64(t.ok[s]) / float64(t.n[s]) }

// TestPostHoc: the shipped model (bag 6) per fold, and on top of it
// (1) a k-nearest-neighbour vote over the training items (dense: the
// model's word-vector block, cosine; sparse: the hashed features times
// idf, cosine), log-linear mix with weight lambda; (2) a specialist for
// the main confusion pair (the same NB-LR, bag 6, trained on the items of
// those two classes only), its logit difference added with weight mu
// when the main model's top two are the pair.
func TestPostHoc(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	o.Bag = 6
	nh := uint32(1) << o.Bits
	dim := o.Dense
	ks := []int{5, 10, 20, 40}
	lams := []float64{0.1, 0.2, 0.3, 0.5}
	if os.Getenv("XCONFIRM") != "" {
		// the confirmation grid on the untuned seeds
		ks, lams = []int{10, 20}, []float64{0.1, 0.2, 0.3}
	}
	noSpec := os.Getenv("XNOSPEC") != ""
	mus := []float64{0.25, 0.5, 1, 2}
	pairA, pairB := 2, 4 // business, science_technology
	if v := os.Getenv("XPAIR"); v != "" {
		fmt.Sscanf(v, "%d,%d", &pairA, &pairB)
	}
	skipKNN := os.Getenv("XNOKNN") != ""
	for _, seed := range x18seeds() {
		fold := Folds(all, 5, seed)
		base := newTally()
		conf := map[[2]int]int{}
		knnD := map[string]*tally{}
		knnS := map[string]*tally{}
		knnOnlyD, knnOnlyS := newTally(), newTally()
		spec := map[float64]*tally{}
		specOn := 0
		for f := 0; f < 5; f++ {
			var train []Example
			var test []int
			for i, e := range all {
				if fold[i] == f {
					test = append(test, i)
				} else {
					train = append(train, e)
				}
			}
			bias, w := Fit(train, o)
			var pairTrain []Example
			for _, e := range train {
				if e.Label == pairA || e.Label == pairB {
					pairTrain = append(pairTrain, e)
				}
			}
			var sb, sw []float32
			if !noSpec {
				sb, sw = Fit(pairTrain, o)
			}
			var trD [][]float32
			var trS [][]Feature
			if !skipKNN {
				df := make([]float32, nh)
				for _, e := range train {
					for _, ft := range e.Feats {
						if ft.Index < nh {
							df[ft.Index]++
						}
					}
				}
				idf := make([]float32, nh)
				for b := range idf {
					idf[b] = float32(math.Log(float64(len(train)+1) / float64(df[b]+1)))
				}
				trD = make([][]float32, len(train))
				trS = make([][]Feature, len(train))
				for i := range train {
					trD[i] = denseRep(&train[i], nh, dim)
					trS[i] = sparseRep(&train[i], nh, idf)
				}
				// test items' sparse reps use the same idf
				scatter := make([]float32, nh)
				for _, ti := range test {
					e := &all[ti]
					lg := Logits(bias, w, e.Feats)
					ls := logSoftmax(lg)
					qd := denseRep(e, nh, dim)
					qs := sparseRep(e, nh, idf)
					for _, ft := range qs {
						scatter[ft.Index] = ft.Value
					}
					simD := make([]float32, len(train))
					simS := make([]float32, len(train))
					for i := range train {
						if qd != nil && trD[i] != nil {
							s := float32(0)
							for j, x := range qd {
								s += x * trD[i][j]
							}
							simD[i] = s
						}
						s := float32(0)
						for _, ft := range trS[i] {
							s += ft.Value * scatter[ft.Index]
						}
						simS[i] = s
					}
					for _, ft := range qs {
						scatter[ft.Index] = 0
					}
					vd := knnVote(simD, train, ks)
					vs := knnVote(simS, train, ks)
					for j, k := range ks {
						for _, lam := range lams {
							key := fmt.Sprintf("k%d l%.2f", k, lam)
							for _, rep := range []struct {
								m map[string]*tally
								v []float64
							}{{knnD, vd[j]}, {knnS, vs[j]}} {
								mix := make([]float64, len(ls))
								for c := range ls {
									mix[c] = ls[c] + lam*math.Log(rep.v[c])
								}
								if rep.m[key] == nil {
									rep.m[key] = newTally()
								}
								rep.m[key].add(e, argmaxOwn(e, mix))
							}
						}
						if k == 20 {
							knnOnlyD.add(e, argmaxOwn(e, vd[j]))
							knnOnlyS.add(e, argmaxOwn(e, vs[j]))
						}
					}
				}
			}
			for _, ti := range test {
				e := &all[ti]
				lg := Logits(bias, w, e.Feats)
				p := argmaxOwn(e, lg)
				base.add(e, p)
				if e.Source == "ag" {
					conf[[2]int{e.Label, p}]++
				}
				a, b := top2Own(e, lg)
				on := (a == pairA && b == pairB) || (a == pairB && b == pairA)
				if on {
					specOn++
				}
				if noSpec {
					continue
				}
				sl := Logits(sb, sw, e.Feats)
				for _, mu := range mus {
					if spec[mu] == nil {
						spec[mu] = newTally()
					}
					q := p
					if on {
						d := (lg[pairA] - lg[pairB]) + mu*(sl[pairA]-sl[pairB])
						q = pairB
						if d > 0 {
							q = pairA
						}
					}
					spec[mu].add(e, q)
				}
			}
		}
		fmt.Printf("seed %d: base %.2f / %.2f\n", seed, base.acc("ag"), base.acc("bbc"))
		fmt.Printf("AG confusion (gold row, predicted column; %v):\n", Names[:5])
		for g := 0; g < 5; g++ {
			var row []string
			for p := 0; p < 5; p++ {
				row = append(row, fmt.Sprintf("%5d", conf[[2]int{g, p}]))
			}
			fmt.Printf("  %-18s %s\n", Names[g], strings.Join(row, ""))
		}
		if !skipKNN {
			fmt.Printf("  kNN alone (k 20): dense %.2f / %.2f, sparse %.2f / %.2f\n", knnOnlyD.acc("ag"), knnOnlyD.acc("bbc"), knnOnlyS.acc("ag"), knnOnlyS.acc("bbc"))
			for j, k := range ks {
				_ = j
				for _, lam := range lams {
					key := fmt.Sprintf("k%d l%.2f", k, lam)
					fmt.Printf("  knn %-10s dense %.2f / %.2f   sparse %.2f / %.2f\n", key, knnD[key].acc("ag"), knnD[key].acc("bbc"), knnS[key].acc("ag"), knnS[key].acc("bbc"))
				}
			}
		}
		if noSpec {
			continue
		}
		fmt.Printf("  specialist %s vs %s applied to %d items\n", Names[pairA], Names[pairB], specOn)
		for _, mu := range mus {
			fmt.Printf("  specialist mu %.2f: %.2f / %.2f\n", mu, spec[mu].acc("ag"), spec[mu].acc("bbc"))
		}
	}
}

// addPairs appends, as a block of its own (1+log tf, L2-normalised, times
// wt), second-order word features of each item: mode "title", the
// unordered pairs of the distinct title words (first line, at most 12
// words, words of 3+ letters); "skip", the ordered pairs of words two
// apart ("w1 _ w3") among the first maxWords words; "lead", unordered
// pairs of distinct words of 4+ letters among the first maxWords words.
func addPairs(exs []Example, bits uint, mode string, wt float32, maxWords int) {
	nh := uint32(1) << bits
	for i := range exs {
		e := &exs[i]
		var toks []string
		switch mode {
		case "title":
			line, _, _ := strings.Cut(e.Text, "\n")
			if len(line) > maxTitle {
				continue
			}
			for _, w := range Tokens(line) {
				if len(w) >= 3 && !slicesContains(toks, w) {
					toks = append(toks, w)
				}
				if len(toks) == 12 {
					break
				}
			}
		default:
			toks = Tokens(e.Text)
			if len(toks) > maxWords {
				toks = toks[:maxWords]
			}
		}
		counts := map[uint32]float32{}
		var order []uint32
		put := func(a, b string) {
			h := bucket(hashing.AddBytes(hashing.AddBytes(0x5a17, []byte(a))*hashing.Prime^0x2f, []byte(b))^0x3c, bits)
			if _, ok := counts[h]; !ok {
				order = append(order, h)
			}
			counts[h]++
		}
		switch mode {
		case "title":
			for x := 0; x < len(toks); x++ {
				for y := x + 1; y < len(toks); y++ {
					a, b := toks[x], toks[y]
					if b < a {
						a, b = b, a
					}
					put(a, b)
				}
			}
		case "skip":
			for x := 0; x+2 < len(toks); x++ {
				put(toks[x], toks[x+2])
			}
		case "lead":
			var ws []string
			for _, w := range toks {
				if len(w) >= 4 && !slicesContains(ws, w) {
					ws = append(ws, w)
				}
			}
			for x := 0; x < len(ws); x++ {
				for y := x + 1; y < len(ws); y++ {
					a, b := ws[x], ws[y]
					if b < a {
						a, b = b, a
					}
					put(a, b)
				}
			}
		}
		nrm := logTFNorm2(order, counts)
		if nrm == 0 {
			continue
		}
		inv := wt / float32(math.Sqrt(nrm))
		var extra []Feature
		for _, h := range order {
			extra = append(extra, Feature{h, logTF(counts[h]) * inv})
		}
		hashed, dense := splitDense(e.Feats, nh)
		e.Feats = append(append(hashed, extra...), dense...)
	}
}

func slicesContains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// TestPairs: second-order word features (addPairs), bag 6, on the fold
// seeds of XSEEDS; XPAIRS lists the variants as mode:weight:maxWords.
func TestPairs(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	o.Bag = 6
	variants := os.Getenv("XPAIRS")
	if variants == "" {
		variants = "none:0:0,title:0.3:0,title:0.6:0,skip:0.3:60"
	}
	for _, v := range strings.Split(variants, ",") {
		p := strings.Split(v, ":")
		wt, _ := strconv.ParseFloat(p[1], 32)
		mw, _ := strconv.Atoi(p[2])
		exs := all
		if p[0] != "none" {
			exs = make([]Example, len(all))
			for i, e := range all {
				e.Feats = append([]Feature(nil), e.Feats...)
				exs[i] = e
			}
			addPairs(exs, o.Bits, p[0], float32(wt), mw)
		}
		xmulti(t, v, exs, nblrFit(o), x18seeds())
	}
}

// idfFit trains the shipped setting on items whose hashed features are
// scaled by idf^pow (idf = 1 + log((N+1)/(df+1)), df counted on the
// training items of the fold) and then L2-normalised back to their
// former norm; the test items are scaled by the same table.
func idfFit(o TrainOptions, pow float64) func([]Example) scorer {
	nh := uint32(1) << o.Bits
	return func(train []Example) scorer {
		df := make([]float32, nh)
		for _, e := range train {
			for _, f := range e.Feats {
				if f.Index < nh {
					df[f.Index]++
				}
			}
		}
		idf := make([]float32, nh)
		n := float64(len(train))
		for b := range idf {
			idf[b] = float32(math.Pow(1+math.Log((n+1)/(float64(df[b])+1)), pow))
		}
		tr := make([]Example, len(train))
		for i, e := range train {
			e.Feats = idfScale(e.Feats, nh, idf)
			tr[i] = e
		}
		b, w := Fit(tr, o)
		return func(e *Example) []float64 { return Logits(b, w, idfScale(e.Feats, nh, idf)) }
	}
}

func idfScale(fs []Feature, nh uint32, idf []float32) []Feature {
	out := make([]Feature, len(fs))
	n0, n1 := 0.0, 0.0
	for i, f := range fs {
		out[i] = f
		if f.Index < nh {
			n0 += float64(f.Value * f.Value)
			out[i].Value *= idf[f.Index]
			n1 += float64(out[i].Value * out[i].Value)
		}
	}
	if n1 > 0 {
		s := float32(math.Sqrt(n0 / n1))
		for i := range out {
			if out[i].Index < nh {
				out[i].Value *= s
			}
		}
	}
	return out
}

// TestIDF: hashed features scaled by idf^pow (XPOW, comma-separated).
func TestIDF(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	o.Bag = 6
	pows := os.Getenv("XPOW")
	if pows == "" {
		pows = "0.5,1"
	}
	for _, p := range strings.Split(pows, ",") {
		pow, _ := strconv.ParseFloat(p, 64)
		xmulti(t, "idf^"+p, all, idfFit(o, pow), x18seeds())
	}
}

// TestTitleWeight: the title namespace weighted XTITLE (comma-separated)
// instead of 1, bag 6.
func TestTitleWeight(t *testing.T) {
	xs := xload(t)
	ws := os.Getenv("XTITLE")
	if ws == "" {
		ws = "0.5,2"
	}
	for _, p := range strings.Split(ws, ",") {
		v, _ := strconv.ParseFloat(p, 32)
		xs.fz.Title = float32(v)
		all, o := xs.featurized()
		o.Bag = 6
		xmulti(t, "title weight "+p, all, nblrFit(o), x18seeds())
	}
}

// TestViews: the shipped model (bag 6) scores each held-out item whole,
// its title (first line) alone and its body alone; the logits mixed as
// whole + a*title + b*body.
func TestViews(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	o.Bag = 6
	title := make([][]Feature, len(all))
	body := make([][]Feature, len(all))
	for i, e := range all {
		tl, rest, _ := strings.Cut(e.Text, "\n")
		title[i] = xs.fz.features(tl+"\n", nil, nil)
		body[i] = xs.fz.features(strings.TrimLeft(rest, "\n"), nil, nil)
	}
	grid := [][2]float64{{0, 0}, {0.25, 0}, {0.5, 0}, {0, 0.25}, {0, 0.5}, {0.25, 0.25}, {0.5, 0.5}, {-0.25, 0}}
	for _, seed := range x18seeds() {
		fold := Folds(all, 5, seed)
		ts := make([]*tally, len(grid))
		for j := range ts {
			ts[j] = newTally()
		}
		for f := 0; f < 5; f++ {
			var train []Example
			for i, e := range all {
				if fold[i] != f {
					train = append(train, e)
				}
			}
			b, w := Fit(train, o)
			for i := range all {
				if fold[i] != f {
					continue
				}
				e := &all[i]
				lf := Logits(b, w, e.Feats)
				lt := Logits(b, w, title[i])
				lb := Logits(b, w, body[i])
				for j, g := range grid {
					mix := make([]float64, len(lf))
					for c := range mix {
						mix[c] = lf[c] + g[0]*lt[c] + g[1]*lb[c]
					}
					ts[j].add(e, argmaxOwn(e, mix))
				}
			}
		}
		for j, g := range grid {
			fmt.Printf("seed %d views title %.2f body %.2f: %.2f / %.2f\n", seed, g[0], g[1], ts[j].acc("ag"), ts[j].acc("bbc"))
		}
	}
}
