//go:build catexp

// Experiments of session 3 (issue #5) towards AG 92: none beat the shipped
// model. Run from this directory, e.g.
//
//	nice -n 5 go test -tags catexp -run TestSeeds -v -timeout 0 . [-xvec /tmp/vec/prefix]
//
// Results, 5-fold AG / BBC accuracy on fold seed 42 (shipped 89.62 / 97.23;
// on the untuned seeds 7, 11, 13 the shipped model averages 89.34 / 97.12):
//
//	TestSelf      self-training on 30k AG-shaped unlabelled leads (CNN/DM,
//	              Reuters), per-class top 1000 / 3000 at p >= 0.9: 89.12 / 96.47, 89.25 / 96.24
//	TestMLP(Mix)  ReLU MLP on the word-vector sum alone 85.3-85.8 (linear
//	              82.8); mixed into the NB-LR logits at any weight: 89.29-89.59
//	TestClean     decoding AG's broken entities (#39; &lt;): 89.39 / 97.18
//	TestMaxPool   max-pooled word vectors as a second dense block: 89.48 / 97.27
//	TestTopical   word vectors smoothed over the documents they occur in: 89.46 (seed 7: 89.52)
//	TestSeeds     skip-gram window 8, min count 4 (44,407 words): mean of seeds
//	              7, 11, 13 89.29 / 97.10 (shipped vectors: 89.34 / 97.12)
//	TestTwoVectors both vector sets, two dense blocks: 89.23 (seed 7: 89.39)
//
// Also without gain (code since removed): k-means clusters of the word
// vectors (256, 1024) as hashed features 89.36; weight averaging 89.45;
// not training BBC politics as a negative of world (and AG world of
// politics) 89.61.
//
// TestErr writes the AG errors to the temp dir: 108 of the 581 errors
// (1.9 % of AG) are made at p >= 0.95, mostly sports stories that AG
// labels World (e.g. BBC-style "Football: ..." headlines).

package category

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/corpus"
)

var (
	xData = flag.String("xdata", "../../../shared/data", "data dir")
	xVec  = flag.String("xvec", "", "vector cache prefix (empty: the shipped model's)")
	xFold = flag.Int64("xfold", 42, "fold seed")
)

type xset struct {
	ag, bbc []Example
	fz      Featurizer
}

func xload(t *testing.T) *xset {
	ag, err := LoadAG(filepath.Join(*xData, "ag-news", "train-part.csv"))
	if err != nil {
		t.Fatal(err)
	}
	bbc, err := LoadBBC(filepath.Join(*xData, "bbc-news", "bbc"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	fz := c.Featurizer()
	if *xVec != "" {
		fz.Vectors = xreadVec(t, *xVec)
	}
	return &xset{ag, bbc, fz}
}

// featurized returns AG and BBC together, featurized, and the default
// training options with the dense block of the loaded vectors.
func (xs *xset) featurized() ([]Example, TrainOptions) {
	all := append(append([]Example(nil), xs.ag...), xs.bbc...)
	Featurize(all, &xs.fz)
	o := xbase()
	if xs.fz.Vectors != nil && xs.fz.Dense != 0 {
		o.Dense = xs.fz.Vectors.Dim
	}
	return all, o
}

// xbase is the training settings every experiment starts from: the
// shipped ones with a single model (Bag 0) and without the gated network,
// as when the recorded figures were taken; experiments that bag say so.
func xbase() TrainOptions {
	o := DefaultTrainOptions
	o.Bag = 0
	o.Gated = GatedOptions{} // the linear model alone (session 22 added the network)
	return o
}

func xreadVec(t *testing.T, prefix string) *Vectors {
	words, v := xreadRaw(t, prefix)
	return NewVectors(words, v, len(v)/len(words), nil)
}

func xreadRaw(t *testing.T, prefix string) ([]string, []float32) {
	vb, err := os.ReadFile(prefix + ".vocab")
	if err != nil {
		t.Fatal(err)
	}
	fb, err := os.ReadFile(prefix + ".f32")
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Split(string(vb), "\n")
	v := make([]float32, len(fb)/4)
	binary.Read(bytes.NewReader(fb), binary.LittleEndian, v)
	return words, v
}

// scorer returns logits for an example.
type scorer func(e *Example) []float64

// xcv runs k-fold CV with fit and returns the per-source accuracy (own
// classes), per-fold AG accuracy, and the logits.
func xcv(exs []Example, k int, seed int64, fit func(train []Example) scorer) (map[string]float64, []float64, [][]float64) {
	fold := Folds(exs, k, seed)
	ok := map[string]int{}
	n := map[string]int{}
	logits := make([][]float64, len(exs))
	var agf []float64
	for f := 0; f < k; f++ {
		var train []Example
		for i, e := range exs {
			if fold[i] != f {
				train = append(train, e)
			}
		}
		sc := fit(train)
		fo, fn := 0, 0
		for i := range exs {
			if fold[i] != f {
				continue
			}
			e := &exs[i]
			lg := sc(e)
			logits[i] = lg
			allowed := SourceLabels(e.Source)
			best := -1
			for _, c := range allowed {
				if best < 0 || lg[c] > lg[best] {
					best = c
				}
			}
			n[e.Source]++
			if best == e.Label {
				ok[e.Source]++
			}
			if e.Source == "ag" {
				fn++
				if best == e.Label {
					fo++
				}
			}
		}
		agf = append(agf, 100*float64(fo)/float64(fn))
	}
	acc := map[string]float64{}
	for s := range n {
		acc[s] = 100 * float64(ok[s]) / float64(n[s])
	}
	return acc, agf, logits
}

func sd(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	s := 0.0
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return math.Sqrt(s / float64(len(x)-1))
}

func linScorer(bias, w []float32) scorer {
	return func(e *Example) []float64 { return Logits(bias, w, e.Feats) }
}

func nblrFit(o TrainOptions) func([]Example) scorer {
	return func(train []Example) scorer {
		b, w := Fit(train, o)
		return linScorer(b, w)
	}
}

func xreport(t *testing.T, name string, exs []Example, fit func([]Example) scorer) [][]float64 {
	acc, agf, lg := xcv(exs, 5, *xFold, fit)
	msg := fmt.Sprintf("%-40s AG %.2f ± %.2f  BBC %.2f  ll %.3f", name, acc["ag"], sd(agf), acc["bbc"], xll(exs, lg))
	t.Log(msg)
	fmt.Println(msg)
	return lg
}

func xll(exs []Example, lg [][]float64) float64 {
	s := 0.0
	for i, e := range exs {
		p := Softmax(append([]float64(nil), lg[i]...))
		s -= math.Log(max(p[e.Label], 1e-12))
	}
	return s / float64(len(exs))
}

// xpool returns short unlabelled news items shaped like AG's (a title or
// lead sentence, then a sentence or two).
func xpool(t *testing.T, maxSent int) []Example {
	var out []Example
	b, err := corpus.ReadGzip(filepath.Join(*xData, "cnn-dailymail", "dev.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	for {
		var rec struct {
			Article string `json:"article"`
		}
		if err := dec.Decode(&rec); err != nil {
			break
		}
		a := rec.Article
		if i := strings.Index(a, "-rrb- --"); i >= 0 && i < 200 {
			a = a[i+8:]
		} else if i := strings.Index(a, ") --"); i >= 0 && i < 200 {
			a = a[i+4:]
		}
		ss := strings.SplitAfter(a, " . ")
		if len(ss) > maxSent {
			ss = ss[:maxSent]
		}
		out = append(out, Example{Source: "pseudo", Label: -1, Text: strings.Join(ss, "")})
	}
	ncnn := len(out)
	els, err := corpus.ReutersElements(filepath.Join(*xData, "unlabeled-news", "reuters21578"), "TEXT")
	if err != nil {
		t.Fatal(err)
	}
	reT := regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
	reB := regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
	for _, e := range els {
		tm, bm := reT.FindSubmatch(e), reB.FindSubmatch(e)
		if tm == nil || bm == nil {
			continue
		}
		body := html.UnescapeString(latin1(bm[1]))
		body = strings.Join(strings.Fields(body), " ")
		ss := strings.SplitAfter(body, ". ")
		if len(ss) > maxSent-1 {
			ss = ss[:maxSent-1]
		}
		title := html.UnescapeString(latin1(tm[1]))
		out = append(out, Example{Source: "pseudo", Label: -1, Text: title + "\n\n" + strings.Join(ss, "")})
	}
	nr := len(out) - ncnn
	c50, _ := filepath.Glob(filepath.Join(*xData, "unlabeled-news", "reuters-c50", "C50*", "*", "*.txt"))
	for _, fn := range c50 {
		b, _ := os.ReadFile(fn)
		ls := strings.SplitN(string(b), "\n", maxSent+1)
		if len(ls) > maxSent {
			ls = ls[:maxSent]
		}
		out = append(out, Example{Source: "pseudo", Label: -1, Text: strings.Join(ls, "\n")})
	}
	fmt.Printf("pool: %d cnn/dm, %d reuters21578, %d c50\n", ncnn, nr, len(out)-ncnn-nr)
	return out
}

// selfFit trains, labels the pool, keeps up to perClass most confident
// items per class with p >= pmin, and retrains with them at weight pw.
func selfFit(o TrainOptions, pool []Example, pmin float64, perClass int, pw float64, classes []int) func([]Example) scorer {
	return func(train []Example) scorer {
		b, w := Fit(train, o)
		type cand struct {
			i int
			p float64
		}
		by := make([][]cand, len(Names))
		for i := range pool {
			lg := linScorer(b, w)(&pool[i])
			best := -1
			for _, c := range classes {
				if best < 0 || lg[c] > lg[best] {
					best = c
				}
			}
			p := Softmax(lg)
			if p[best] >= pmin {
				by[best] = append(by[best], cand{i, p[best]})
			}
		}
		all := append([]Example(nil), train...)
		for c := range by {
			sort.Slice(by[c], func(i, j int) bool { return by[c][i].p > by[c][j].p })
			if len(by[c]) > perClass {
				by[c] = by[c][:perClass]
			}
			for _, x := range by[c] {
				e := pool[x.i]
				e.Label = c
				all = append(all, e)
			}
		}
		o2 := o
		o2.PseudoWeight = pw
		b, w = Fit(all, o2)
		return linScorer(b, w)
	}
}

func TestSelf(t *testing.T) {
	xs := xload(t)
	all := append(append([]Example(nil), xs.ag...), xs.bbc...)
	Featurize(all, &xs.fz)
	pool := xpool(t, 3)
	Featurize(pool, &xs.fz)
	o := xbase()
	o.Dense = xs.fz.Vectors.Dim
	agc := SourceLabels("ag")
	var allc []int
	for i := range Names {
		allc = append(allc, i)
	}
	for _, v := range []struct {
		pmin float64
		per  int
		pw   float64
		cls  []int
	}{{0.9, 1000, 0.5, agc}, {0.9, 3000, 0.5, agc}, {0.8, 3000, 1, agc}, {0.9, 1000, 0.5, allc}} {
		xreport(t, fmt.Sprintf("self pmin %.2f per %d pw %.1f ncls %d", v.pmin, v.per, v.pw, len(v.cls)), all, selfFit(o, pool, v.pmin, v.per, v.pw, v.cls))
	}
}

// dense returns the dense part of e's features.
func denseOf(e *Example, nh uint32, dim int) []float32 {
	x := make([]float32, dim)
	for _, f := range e.Feats {
		if f.Index >= nh {
			x[f.Index-nh] = f.Value
		}
	}
	return x
}

// mlpFit trains a one-hidden-layer ReLU network on the dense features.
func mlpFit(dim, hidden, epochs int, rate, l2, bbcW float64) func([]Example) scorer {
	nh := uint32(1) << DefaultFeatures.Bits
	nc := len(Names)
	return func(train []Example) scorer {
		rng := rand.New(rand.NewSource(3))
		w1 := make([]float32, hidden*dim)
		b1 := make([]float32, hidden)
		w2 := make([]float32, nc*hidden)
		b2 := make([]float32, nc)
		for i := range w1 {
			w1[i] = float32(rng.NormFloat64() * math.Sqrt(2/float64(dim)))
		}
		for i := range w2 {
			w2[i] = float32(rng.NormFloat64() * math.Sqrt(1/float64(hidden)))
		}
		xs := make([][]float32, len(train))
		for i := range train {
			xs[i] = denseOf(&train[i], nh, dim)
		}
		h := make([]float32, hidden)
		gh := make([]float32, hidden)
		out := make([]float64, nc)
		fwd := func(x []float32) {
			for j := 0; j < hidden; j++ {
				s := b1[j]
				r := w1[j*dim : j*dim+dim]
				for k, v := range x {
					s += r[k] * v
				}
				h[j] = max(s, 0)
			}
			for c := 0; c < nc; c++ {
				s := b2[c]
				r := w2[c*hidden : c*hidden+hidden]
				for j, v := range h {
					s += r[j] * v
				}
				out[c] = float64(s)
			}
		}
		order := rng.Perm(len(train))
		for ep := 0; ep < epochs; ep++ {
			lr := float32(rate * (1 - float64(ep)/float64(epochs)))
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, i := range order {
				x := xs[i]
				fwd(x)
				// restrict the softmax to the source's classes
				allowed := SourceLabels(train[i].Source)
				m := math.Inf(-1)
				for _, c := range allowed {
					m = max(m, out[c])
				}
				sum := 0.0
				p := make([]float64, nc)
				for _, c := range allowed {
					p[c] = math.Exp(out[c] - m)
					sum += p[c]
				}
				wt := float32(1)
				if train[i].Source == "bbc" {
					wt = float32(bbcW)
				}
				clear(gh)
				for _, c := range allowed {
					g := float32(p[c] / sum)
					if c == train[i].Label {
						g--
					}
					g *= wt * lr
					r := w2[c*hidden : c*hidden+hidden]
					for j := range r {
						gh[j] += g * r[j]
						r[j] -= g*h[j] + lr*float32(l2)*r[j]
					}
					b2[c] -= g
				}
				for j := 0; j < hidden; j++ {
					if h[j] <= 0 {
						continue
					}
					r := w1[j*dim : j*dim+dim]
					for k, v := range x {
						r[k] -= gh[j]*v + lr*float32(l2)*r[k]
					}
					b1[j] -= gh[j]
				}
			}
		}
		return func(e *Example) []float64 {
			fwd(denseOf(e, nh, dim))
			return append([]float64(nil), out...)
		}
	}
}

func TestMLP(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	dim := o.Dense
	base := xreport(t, "base", all, nblrFit(o))
	for _, v := range []struct {
		h, ep int
		rate  float64
	}{{256, 20, 0.05}, {512, 30, 0.05}} {
		m := xreport(t, fmt.Sprintf("mlp h %d ep %d rate %.2f", v.h, v.ep, v.rate), all, mlpFit(dim, v.h, v.ep, v.rate, 1e-5, 1))
		for _, lam := range []float64{0.25, 0.5, 1} {
			xmix(t, fmt.Sprintf("  mix λ=%.2f", lam), all, base, m, lam)
		}
	}
}

// xmix reports the accuracy of base + lam*other logits (log-softmaxed).
func xmix(t *testing.T, name string, exs []Example, a, b [][]float64, lam float64) {
	ok, n := map[string]int{}, map[string]int{}
	lgs := make([][]float64, len(exs))
	for i, e := range exs {
		pa := logSoftmax(a[i])
		pb := logSoftmax(b[i])
		lg := make([]float64, len(pa))
		for c := range lg {
			lg[c] = pa[c] + lam*pb[c]
		}
		lgs[i] = lg
		best := -1
		for _, c := range SourceLabels(e.Source) {
			if best < 0 || lg[c] > lg[best] {
				best = c
			}
		}
		n[e.Source]++
		if best == e.Label {
			ok[e.Source]++
		}
	}
	msg := fmt.Sprintf("%-40s AG %.2f  BBC %.2f  ll %.3f", name, 100*float64(ok["ag"])/float64(n["ag"]), 100*float64(ok["bbc"])/float64(n["bbc"]), xll(exs, lgs))
	fmt.Println(msg)
}

func logSoftmax(x []float64) []float64 {
	p := Softmax(append([]float64(nil), x...))
	for i := range p {
		p[i] = math.Log(max(p[i], 1e-12))
	}
	return p
}

func TestErr(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	lg := xreport(t, "base", all, nblrFit(o))
	conf := map[[2]int]int{}
	f, _ := os.Create(filepath.Join(os.TempDir(), "category-errors.txt"))
	defer f.Close()
	for i, e := range all {
		if e.Source != "ag" {
			continue
		}
		best := -1
		for _, c := range SourceLabels("ag") {
			if best < 0 || lg[i][c] > lg[i][best] {
				best = c
			}
		}
		conf[[2]int{e.Label, best}]++
		if best != e.Label {
			p := Softmax(append([]float64(nil), lg[i]...))
			fmt.Fprintf(f, "%s -> %s (%.2f)\t%s\n", Names[e.Label], Names[best], p[best], strings.ReplaceAll(e.Text, "\n", " | "))
		}
	}
	for _, a := range SourceLabels("ag") {
		fmt.Printf("%-20s", Names[a])
		for _, b := range SourceLabels("ag") {
			fmt.Printf(" %5d", conf[[2]int{a, b}])
		}
		fmt.Println()
	}
}

func TestMLPMix(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	dim := o.Dense
	base := xreport(t, "base", all, nblrFit(o))
	m := xreport(t, "mlp h 256 ep 10 rate 0.05", all, mlpFit(dim, 256, 10, 0.05, 1e-5, 1))
	for _, T := range []float64{2, 4} {
		mt := make([][]float64, len(m))
		for i := range m {
			mt[i] = make([]float64, len(m[i]))
			for c := range m[i] {
				mt[i][c] = m[i][c] / T
			}
		}
		for _, lam := range []float64{0.1, 0.2, 0.35, 0.5} {
			xmix(t, fmt.Sprintf("  T %.0f mix λ=%.2f", T, lam), all, base, mt, lam)
		}
	}
}

var xClean = strings.NewReplacer(" #39;", "'", "#39;", "'", " #36;", " $", "#36;", "$", "#151;", " - ", "&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", "\"", `\$`, "$")

func TestClean(t *testing.T) {
	xs := xload(t)
	for i := range xs.ag {
		xs.ag[i].Text = xClean.Replace(xs.ag[i].Text)
	}
	all, o := xs.featurized()
	xreport(t, "clean", all, nblrFit(o))
}

// addMaxPool appends the element-wise max (and -min) of the word vectors,
// L2-normalised and times wt, after the existing dense block.
func addMaxPool(exs []Example, v *Vectors, wt float32, withMin bool) {
	nh := uint32(1) << DefaultFeatures.Bits
	dim := v.Dim
	for i := range exs {
		mx := make([]float32, dim)
		mn := make([]float32, dim)
		for j := range mx {
			mx[j], mn[j] = -1e9, 1e9
		}
		n := 0
		for _, w := range Tokens(exs[i].Text) {
			r := v.row([]byte(w))
			if r == nil {
				continue
			}
			n++
			for j, x := range r {
				f := float32(int8(x))
				mx[j] = max(mx[j], f)
				mn[j] = min(mn[j], f)
			}
			if n >= maxTokens {
				break
			}
		}
		if n == 0 {
			continue
		}
		vec := mx
		if withMin {
			vec = append(mx, mn...)
		}
		s := 0.0
		for _, x := range vec {
			s += float64(x * x)
		}
		inv := wt / float32(math.Sqrt(s))
		for j, x := range vec {
			exs[i].Feats = append(exs[i].Feats, Feature{nh + uint32(dim+j), x * inv})
		}
	}
}

func TestMaxPool(t *testing.T) {
	xs := xload(t)
	all := append(append([]Example(nil), xs.ag...), xs.bbc...)
	for _, v := range []struct {
		wt      float32
		withMin bool
	}{{3, false}, {6, false}, {4, true}} {
		Featurize(all, &xs.fz)
		addMaxPool(all, xs.fz.Vectors, v.wt, v.withMin)
		o := xbase()
		o.Dense = 2 * xs.fz.Vectors.Dim
		if v.withMin {
			o.Dense = 3 * xs.fz.Vectors.Dim
		}
		xreport(t, fmt.Sprintf("maxpool wt %.0f min %v", v.wt, v.withMin), all, nblrFit(o))
	}
}

var xDense = flag.Float64("xdense", 6, "dense weight")

func TestSeeds(t *testing.T) {
	xs := xload(t)
	xs.fz.Dense = float32(*xDense)
	all, o := xs.featurized()
	var ag, bbc []float64
	for _, seed := range []int64{42, 7, 11, 13} {
		acc, agf, _ := xcv(all, 5, seed, nblrFit(o))
		fmt.Printf("vec %q dense %.1f seed %d: AG %.2f ± %.2f BBC %.2f\n", *xVec, *xDense, seed, acc["ag"], sd(agf), acc["bbc"])
		ag, bbc = append(ag, acc["ag"]), append(bbc, acc["bbc"])
	}
	m := func(x []float64) float64 {
		s := 0.0
		for _, v := range x {
			s += v
		}
		return s / float64(len(x))
	}
	fmt.Printf("vec %q dense %.1f MEAN AG %.2f BBC %.2f; untuned AG %.2f BBC %.2f\n", *xVec, *xDense, m(ag), m(bbc), m(ag[1:]), m(bbc[1:]))
}

// topical returns, for each word, the mean of the (normalised) vector sums
// of the unlabelled documents it occurs in, plus beta times its own unit vector.
func topical(t *testing.T, words []string, v []float32, beta float32) []float32 {
	dim := len(v) / len(words)
	id := make(map[string]int, len(words))
	unit := make([]float32, len(v))
	for i, w := range words {
		id[w] = i
		s := 0.0
		for _, x := range v[i*dim : i*dim+dim] {
			s += float64(x * x)
		}
		inv := float32(1 / math.Sqrt(max(s, 1e-12)))
		for j := 0; j < dim; j++ {
			unit[i*dim+j] = v[i*dim+j] * inv
		}
	}
	texts, err := LoadUnlabelled(*xData)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]float32, len(v))
	d := make([]float32, dim)
	for _, s := range texts {
		toks := Tokens(s)
		clear(d)
		var ids []int
		for _, w := range toks {
			if i, ok := id[w]; ok {
				ids = append(ids, i)
				for j := 0; j < dim; j++ {
					d[j] += unit[i*dim+j]
				}
			}
		}
		n := 0.0
		for _, x := range d {
			n += float64(x * x)
		}
		if n == 0 {
			continue
		}
		inv := float32(1 / math.Sqrt(n))
		for _, i := range ids {
			for j := 0; j < dim; j++ {
				out[i*dim+j] += d[j] * inv
			}
		}
	}
	for i := range words {
		r := out[i*dim : i*dim+dim]
		n := 0.0
		for _, x := range r {
			n += float64(x * x)
		}
		inv := float32(1 / math.Sqrt(max(n, 1e-12)))
		for j := range r {
			r[j] = r[j]*inv + beta*unit[i*dim+j]
		}
	}
	return out
}

func TestTopical(t *testing.T) {
	xs := xload(t)
	prefix := *xVec
	if prefix == "" {
		prefix = "/tmp/catexp/v100"
	}
	words, v := xreadRaw(t, prefix)
	all := append(append([]Example(nil), xs.ag...), xs.bbc...)
	for _, beta := range []float32{1, 0} {
		tv := topical(t, words, v, beta)
		xs.fz.Vectors = NewVectors(words, tv, len(v)/len(words), nil)
		Featurize(all, &xs.fz)
		o := xbase()
		o.Dense = xs.fz.Vectors.Dim
		for _, seed := range []int64{42, 7} {
			acc, agf, _ := xcv(all, 5, seed, nblrFit(o))
			fmt.Printf("topical beta %.1f seed %d: AG %.2f ± %.2f BBC %.2f\n", beta, seed, acc["ag"], sd(agf), acc["bbc"])
		}
	}
}

// TestTwoVectors adds the sum of a second set of word vectors (-xvec2) as
// a second dense block.
func TestTwoVectors(t *testing.T) {
	xs := xload(t)
	v2 := xreadVec(t, *xVec2)
	nh := uint32(1) << DefaultFeatures.Bits
	all := append(append([]Example(nil), xs.ag...), xs.bbc...)
	Featurize(all, &xs.fz)
	dim := xs.fz.Vectors.Dim
	for i := range all {
		sum := make([]float64, v2.Dim)
		for _, w := range Tokens(all[i].Text) {
			if r := v2.row([]byte(w)); r != nil {
				for j, x := range r {
					sum[j] += float64(int8(x))
				}
			}
		}
		n := 0.0
		for _, x := range sum {
			n += x * x
		}
		if n == 0 {
			continue
		}
		inv := float64(xs.fz.Dense) / math.Sqrt(n)
		for j, x := range sum {
			all[i].Feats = append(all[i].Feats, Feature{nh + uint32(dim+j), float32(x * inv)})
		}
	}
	o := xbase()
	o.Dense = dim + v2.Dim
	for _, seed := range []int64{42, 7} {
		acc, agf, _ := xcv(all, 5, seed, nblrFit(o))
		fmt.Printf("two vector sets, seed %d: AG %.2f ± %.2f BBC %.2f\n", seed, acc["ag"], sd(agf), acc["bbc"])
	}
}

var xVec2 = flag.String("xvec2", "/tmp/catv2/w8e5", "second vector cache prefix (TestTwoVectors)")
