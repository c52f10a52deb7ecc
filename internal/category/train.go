package category

import (
	"bytes"
	"crypto/sha1"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/corpus"
	"github.com/lector-nlp/lector/internal/wordclusters"
	"github.com/lector-nlp/lector/internal/wordvec"
)

// Example is one labelled training document.
type Example struct {
	Source string // "ag" or "bbc"
	Label  int    // index into Names
	Text   string
	Feats  []Feature
	// Words are the GloVe indices of the words of the text the gated
	// network reads (Featurize; see gated.go).
	Words []int32
	// Extra are trained on along with the item and never tested on: the
	// AG-shaped lead of a BBC article (AddLeads).
	Extra []Example
}

// agClasses and bbcClasses map the data sets' classes to the taxonomy.
var (
	agClasses  = map[string]string{"1": World, "2": Sport, "3": Business, "4": ScienceTechnology}
	bbcClasses = map[string]string{"business": Business, "entertainment": Entertainment, "politics": Politics, "sport": Sport, "tech": ScienceTechnology}
)

// SourceLabels returns the taxonomy indices a data set uses.
func SourceLabels(source string) []int {
	m := agClasses
	if source == "bbc" {
		m = bbcClasses
	}
	var out []int
	for i, n := range Names {
		for _, v := range m {
			if v == n {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

func labelIndex(name string) int {
	for i, n := range Names {
		if n == name {
			return i
		}
	}
	panic("unknown category " + name)
}

// LoadAG reads AG News rows (class, title, description) from a CSV file.
func LoadAG(path string) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []Example
	for _, r := range rows {
		if len(r) != 3 {
			return nil, fmt.Errorf("%s: row with %d fields", path, len(r))
		}
		name, ok := agClasses[r[0]]
		if !ok {
			return nil, fmt.Errorf("%s: class %q", path, r[0])
		}
		desc := strings.ReplaceAll(r[2], `\n`, "\n")
		out = append(out, Example{Source: "ag", Label: labelIndex(name), Text: r[1] + "\n\n" + desc})
	}
	return out, nil
}

// LoadBBC reads the BBC articles (one folder per class), dropping exact
// duplicates.
func LoadBBC(dir string) ([]Example, error) {
	var out []Example
	seen := make(map[[20]byte]bool)
	classes := make([]string, 0, len(bbcClasses))
	for c := range bbcClasses {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		files, err := filepath.Glob(filepath.Join(dir, c, "*.txt"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no articles for %s", dir, c)
		}
		for _, fn := range files {
			b, err := os.ReadFile(fn)
			if err != nil {
				return nil, err
			}
			if !utf8.Valid(b) {
				b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
			}
			sum := sha1.Sum(b)
			if seen[sum] {
				continue
			}
			seen[sum] = true
			out = append(out, Example{Source: "bbc", Label: labelIndex(bbcClasses[c]), Text: string(b)})
		}
	}
	return out, nil
}

// Featurize computes the features of every example.
func Featurize(exs []Example, fz *Featurizer) {
	for i := range exs {
		exs[i].Feats = fz.features(exs[i].Text, nil, &exs[i].Words)
		Featurize(exs[i].Extra, fz)
	}
}

// AddLeads gives each BBC article an AG-shaped copy as an Extra item
// (Source "lead", same label): its title and first paragraph, and the
// paragraphs after it until the lead has at least minWords words. AG
// items are a title and a sentence or two; BBC's articles teach the
// combined model business, sport and technology at their full length
// only.
func AddLeads(exs []Example, minWords int) {
	for i := range exs {
		if exs[i].Source == "bbc" {
			exs[i].Extra = []Example{{Source: "lead", Label: exs[i].Label, Text: Lead(exs[i].Text, minWords)}}
		}
	}
}

// Lead returns the title (first non-empty line) of s and its first
// paragraph, and the paragraphs after it until there are at least
// minWords words after the title, as "title\n\nparagraphs".
func Lead(s string, minWords int) string {
	title, body := titleAndParagraphs(s)
	n := 0
	for i, p := range body {
		if n += len(strings.Fields(p)); n >= minWords {
			body = body[:i+1]
			break
		}
	}
	return title + "\n\n" + strings.Join(body, " ")
}

// titleAndParagraphs returns the first non-empty line of s and its other
// non-empty lines, trimmed.
func titleAndParagraphs(s string) (title string, paras []string) {
	for _, p := range strings.Split(s, "\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if title == "" {
			title = p
			continue
		}
		paras = append(paras, p)
	}
	return title, paras
}

// expandExtra returns exs followed by their Extra items (exs itself when
// none has any).
func expandExtra(exs []Example) []Example {
	out := exs
	for i, e := range exs {
		if len(e.Extra) == 0 {
			continue
		}
		if len(out) == len(exs) {
			out = append([]Example(nil), exs[:len(exs):len(exs)]...)
		}
		out = append(out, exs[i].Extra...)
	}
	return out
}

// TrainOptions are the hyper-parameters of Train.
type TrainOptions struct {
	Bits   uint
	Epochs int
	Rate   float64 // AdaGrad learning rate
	L2     float64 // L2 penalty per update
	Seed   int64
	// BBCWeight multiplies the updates of BBC examples (AG has 2.6 times
	// as many, shorter, items).
	BBCWeight float64
	// Self-training: when Unlabeled is set, the model trained on the
	// labelled data labels these documents, and those it is at least
	// PseudoMin sure of join the training data with weight PseudoWeight.
	Unlabeled    []Example
	PseudoMin    float64
	PseudoWeight float64
	// NBLR switches to TrainNBLR with smoothing NBAlpha.
	NBLR    bool
	NBAlpha float64
	// Dense is the number of dense features after the 2^Bits hashed
	// ones (indices 2^Bits ... 2^Bits+Dense-1); NB-LR does not scale them.
	Dense int
	// NBMix adds the naive-Bayes log-count ratios, times NBMix, to the
	// hashed NB-LR weights (an ensemble with naive Bayes, folded in).
	NBMix float64
	// FoldSeed draws the cross-validation folds (0: 42, the folds the
	// settings were chosen on).
	FoldSeed int64
	// Temperature divides the final weights and biases (calibration of
	// the softmax confidences; fitted on cross-validated predictions).
	Temperature float64
	// Bag, when above 1, trains that many models, each with its own
	// shuffle seed (Seed, Seed+1, ...), and averages their weights: still
	// one linear model, with less of the noise of where AdaGrad stops.
	Bag int
	// LeadWeight is the weight of the items' Extra leads (AddLeads).
	LeadWeight float64
	// Gated is the gated network mixed into the linear model
	// (Gated.Weight 0: none).
	Gated GatedOptions
}

// DefaultFeatures are the feature settings of the shipped model; Clusters
// is set by NewFeaturizer.
var DefaultFeatures = Featurizer{Bits: 18, Title: 1, Cluster: [3]float32{1, 1, 1}, Dense: 6, Subword: 0.2}

// LeadWords is the least number of words (after the title) of the leads
// AddLeads makes with -lead-weight; the shipped model uses no leads.
const LeadWords = 25

// DefaultSIF is the smoothing of the word-vector weights (SIFWeights) of
// the shipped model; 0: unweighted.
const DefaultSIF = 0

// NewFeaturizer returns a copy of DefaultFeatures with the embedded word
// clusters.
func NewFeaturizer() (*Featurizer, error) {
	fz := DefaultFeatures
	cl, err := wordclusters.Default()
	if err != nil {
		return nil, err
	}
	fz.Clusters = cl
	return &fz, nil
}

// DefaultTrainOptions are the settings used for the shipped model.
var DefaultTrainOptions = TrainOptions{Bits: 18, Epochs: 8, Rate: 0.5, L2: 3e-4, Seed: 1, BBCWeight: 2.5, NBLR: true, NBAlpha: 0.1, Temperature: 1.3, Bag: 6, Gated: DefaultGated}

// Train fits multinomial logistic regression with AdaGrad and returns the
// bias and bucket-major weights.
func Train(exs []Example, nclass int, o TrainOptions) (bias, w []float32) {
	nb := 1<<o.Bits + o.Dense
	w = make([]float32, nb*nclass)
	g2 := make([]float32, nb*nclass)
	bias = make([]float32, nclass)
	bg2 := make([]float64, nclass)
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(o.Seed))
	scores := make([]float64, nclass)
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, ei := range order {
			ex := &exs[ei]
			for c := range scores {
				scores[c] = float64(bias[c])
			}
			for _, f := range ex.Feats {
				row := w[int(f.Index)*nclass : int(f.Index)*nclass+nclass]
				for c, v := range row {
					scores[c] += float64(f.Value * v)
				}
			}
			Softmax(scores)
			wt := 1.0
			if ex.Source == "bbc" && o.BBCWeight > 0 {
				wt = o.BBCWeight
			}
			if ex.Source == "pseudo" {
				wt = o.PseudoWeight
			}
			if ex.Source == "lead" {
				wt = o.LeadWeight
			}
			for c := range scores {
				g := scores[c]
				if c == ex.Label {
					g--
				}
				g *= wt
				bg2[c] += g * g
				bias[c] -= float32(o.Rate * g / (math.Sqrt(bg2[c]) + 1e-8))
				for _, f := range ex.Feats {
					i := int(f.Index)*nclass + c
					gi := float32(g)*f.Value + float32(o.L2)*w[i]
					if gi == 0 {
						continue
					}
					g2[i] += gi * gi
					w[i] -= float32(o.Rate) * gi / float32(math.Sqrt(float64(g2[i]))+1e-8)
				}
			}
		}
	}
	return bias, w
}

// Predict returns the most likely label among allowed (all when nil) and
// the probabilities of every label.
func Predict(bias, w []float32, nclass int, feats []Feature, allowed []int) (int, []float64) {
	scores := make([]float64, nclass)
	for c := range scores {
		scores[c] = float64(bias[c])
	}
	for _, f := range feats {
		row := w[int(f.Index)*nclass : int(f.Index)*nclass+nclass]
		for c, v := range row {
			scores[c] += float64(f.Value * v)
		}
	}
	Softmax(scores)
	best := -1
	for c := range scores {
		if allowed != nil && !contains(allowed, c) {
			continue
		}
		if best < 0 || scores[c] > scores[best] {
			best = c
		}
	}
	return best, scores
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// CVResult holds cross-validated accuracy (%) per data set.
type CVResult struct {
	Restricted map[string]float64 // argmax over the data set's own classes
	Open       map[string]float64 // argmax over all categories
	N          map[string]int
	Folds      map[string][]float64 // own-class accuracy of each fold
	LogLoss    float64              // mean negative log-likelihood of the gold label (all items, open)
	BestT      float64              // the extra temperature that would minimise LogLoss
	ECE        float64              // expected calibration error of the top category (10 bins, open)
}

// Folds assigns each example one of k folds: per data set (Source), in
// the order of a shuffle seeded by seed, round robin.
func Folds(exs []Example, k int, seed int64) []int {
	fold := make([]int, len(exs))
	perSource := make(map[string][]int)
	for i, e := range exs {
		perSource[e.Source] = append(perSource[e.Source], i)
	}
	rng := rand.New(rand.NewSource(seed))
	srcs := make([]string, 0, len(perSource))
	for s := range perSource {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	for _, s := range srcs {
		idx := perSource[s]
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for j, i := range idx {
			fold[i] = j % k
		}
	}
	return fold
}

// Logits returns the raw scores of every category for features fs under
// the weights of Fit.
func Logits(bias, w []float32, fs []Feature) []float64 {
	lg := make([]float64, len(Names))
	for c := range lg {
		lg[c] = float64(bias[c])
	}
	for _, f := range fs {
		for c := range lg {
			lg[c] += float64(f.Value * w[int(f.Index)*len(Names)+c])
		}
	}
	return lg
}

// CrossValidate trains on k-1 folds and tests on the k-th, k times. Folds
// are drawn per data set after a seeded shuffle.
func CrossValidate(exs []Example, k int, o TrainOptions) CVResult {
	fs := o.FoldSeed
	if fs == 0 {
		fs = 42
	}
	fold := Folds(exs, k, fs)
	okR := make(map[string]int)
	okO := make(map[string]int)
	var logits [][]float64
	var gold []int
	n := make(map[string]int)
	folds := make(map[string][]float64)
	for f := 0; f < k; f++ {
		fn := make(map[string]int)
		fok := make(map[string]int)
		var train []Example
		var test []int
		for i, e := range exs {
			if fold[i] == f {
				test = append(test, i)
			} else {
				train = append(train, e)
			}
		}
		bias, w := Fit(train, o)
		net := FitNet(train, o)
		var sc gatedScratch
		for _, i := range test {
			e := exs[i]
			lg := Logits(bias, w, e.Feats)
			if net != nil {
				net.addLogits(e.Words, lg, &sc)
			}
			p, q := argmaxOf(lg, SourceLabels(e.Source)), argmaxOf(lg, nil)
			logits = append(logits, lg)
			gold = append(gold, e.Label)
			n[e.Source]++
			fn[e.Source]++
			if p == e.Label {
				okR[e.Source]++
				fok[e.Source]++
			}
			if q == e.Label {
				okO[e.Source]++
			}
		}
		for s, c := range fn {
			folds[s] = append(folds[s], 100*float64(fok[s])/float64(c))
		}
	}
	r := CVResult{Restricted: map[string]float64{}, Open: map[string]float64{}, N: n, Folds: folds}
	for s, c := range n {
		r.Restricted[s] = 100 * float64(okR[s]) / float64(c)
		r.Open[s] = 100 * float64(okO[s]) / float64(c)
	}
	nll := func(t float64) float64 {
		sum := 0.0
		for i, lg := range logits {
			x := make([]float64, len(lg))
			for c := range lg {
				x[c] = lg[c] / t
			}
			Softmax(x)
			sum -= math.Log(max(x[gold[i]], 1e-12))
		}
		return sum / float64(len(logits))
	}
	r.LogLoss, r.BestT = nll(1), 1
	// expected calibration error of the top category, 10 bins
	var conf, hit [10]float64
	var cnt [10]int
	for i, lg := range logits {
		x := Softmax(append([]float64(nil), lg...))
		top := 0
		for c := range x {
			if x[c] > x[top] {
				top = c
			}
		}
		b := min(int(x[top]*10), 9)
		conf[b] += x[top]
		cnt[b]++
		if top == gold[i] {
			hit[b]++
		}
	}
	for b := range cnt {
		r.ECE += math.Abs(hit[b]-conf[b]) / float64(len(logits))
	}
	best := r.LogLoss
	for t := 0.25; t <= 8; t *= 1.1 {
		if v := nll(t); v < best {
			best, r.BestT = v, t
		}
	}
	return r
}

// argmaxOf returns the index of the largest of lg among allowed (all
// when nil).
func argmaxOf(lg []float64, allowed []int) int {
	best := -1
	for c := range lg {
		if allowed != nil && !contains(allowed, c) {
			continue
		}
		if best < 0 || lg[c] > lg[best] {
			best = c
		}
	}
	return best
}

// FitNet trains the gated network on exs (their Words; see Featurize) and
// folds it with its weight in the mix (o.Gated.Weight over
// o.Gated.Temperature), or returns nil when o.Gated.Weight is 0.
func FitNet(exs []Example, o TrainOptions) *FoldedNet {
	if o.Gated.Weight == 0 {
		return nil
	}
	vecs := GatedVectors(wordvec.Default(), o.Gated.Vocab)
	wt := o.Gated.Weight
	if o.Gated.Temperature > 0 {
		wt /= o.Gated.Temperature
	}
	nets := max(1, o.Gated.Nets)
	var f *FoldedNet
	for i := 0; i < nets; i++ {
		og := o.Gated
		og.Seed += int64(i)
		g := TrainGated(exs, vecs, og).Fold(vecs, o.Gated.Folded, o.Gated.Vocab, wt/float64(nets))
		if f == nil {
			f = g
		} else {
			f.more = append(f.more, g)
		}
	}
	return f
}

// FormatCV renders a CVResult as one line.
func FormatCV(r CVResult) string {
	var parts []string
	srcs := make([]string, 0, len(r.N))
	for s := range r.N {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	for _, s := range srcs {
		parts = append(parts, s+" "+strconv.FormatFloat(r.Restricted[s], 'f', 2, 64)+" (open "+strconv.FormatFloat(r.Open[s], 'f', 2, 64)+", n="+strconv.Itoa(r.N[s])+")")
	}
	parts = append(parts, "log-loss "+strconv.FormatFloat(r.LogLoss, 'f', 3, 64)+" (best extra temperature "+strconv.FormatFloat(r.BestT, 'f', 2, 64)+")")
	return strings.Join(parts, "; ")
}

// Fit trains on exs, with self-training when o.Unlabeled is set.
func Fit(exs []Example, o TrainOptions) (bias, w []float32) {
	train := Train
	if o.NBLR {
		train = func(exs []Example, n int, o TrainOptions) ([]float32, []float32) { return TrainNBLR(exs, n, o) }
	}
	if o.Bag > 1 {
		train = bagged(train)
	}
	exs = expandExtra(exs)
	temp := o.Temperature
	if o.Gated.Weight != 0 && o.Gated.Temperature > 0 {
		temp *= o.Gated.Temperature
	}
	defer func() { applyTemperature(bias, w, temp) }()
	bias, w = train(exs, len(Names), o)
	if len(o.Unlabeled) == 0 {
		return bias, w
	}
	all := append([]Example(nil), exs...)
	for _, u := range o.Unlabeled {
		c, p := Predict(bias, w, len(Names), u.Feats, nil)
		if p[c] >= o.PseudoMin {
			u.Source, u.Label = "pseudo", c
			all = append(all, u)
		}
	}
	bias, w = train(all, len(Names), o)
	return bias, w
}

// bagged returns train averaging o.Bag models, trained with the seeds
// o.Seed, o.Seed+1, ...
func bagged(train func([]Example, int, TrainOptions) ([]float32, []float32)) func([]Example, int, TrainOptions) ([]float32, []float32) {
	return func(exs []Example, n int, o TrainOptions) (bias, w []float32) {
		for i := 0; i < o.Bag; i++ {
			oi := o
			oi.Seed = o.Seed + int64(i)
			b, wi := train(exs, n, oi)
			if i == 0 {
				bias, w = b, wi
				continue
			}
			for j, v := range b {
				bias[j] += v
			}
			for j, v := range wi {
				w[j] += v
			}
		}
		inv := 1 / float32(o.Bag)
		for j := range bias {
			bias[j] *= inv
		}
		for j := range w {
			w[j] *= inv
		}
		return bias, w
	}
}

func applyTemperature(bias, w []float32, t float64) {
	if t <= 0 || t == 1 {
		return
	}
	for i := range bias {
		bias[i] /= float32(t)
	}
	for i := range w {
		w[i] /= float32(t)
	}
}

// LoadCNNDM reads the stories of a CNN/DailyMail JSON-lines file
// (gzipped) as unlabelled examples.
func LoadCNNDM(path string, limit int) ([]Example, error) {
	raw, err := corpus.ReadGzip(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	var out []Example
	for len(out) < limit {
		var rec struct {
			Article string `json:"article"`
		}
		if err := dec.Decode(&rec); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, Example{Source: "unlabelled", Label: -1, Text: rec.Article})
	}
	return out, nil
}

// TrainNBLR fits one-vs-rest logistic regressions on naive-Bayes-scaled
// features (x * r_c, r_c the log-count ratio of class c; Wang & Manning
// 2012) and folds the scaling into the weights, so that the result scores
// like Train's.
func TrainNBLR(exs []Example, nclass int, o TrainOptions) (bias, w []float32) {
	nh := 1 << o.Bits
	nb := nh + o.Dense
	p := make([]float64, nb*nclass)
	tot := make([]float64, nclass)
	all := make([]float64, nb)
	allTot := 0.0
	for _, e := range exs {
		cw := 1.0
		if e.Source == "pseudo" {
			cw = o.PseudoWeight
		}
		if e.Source == "lead" {
			cw = o.LeadWeight
		}
		for _, f := range e.Feats {
			if int(f.Index) >= nh {
				continue
			}
			v := cw * float64(f.Value)
			p[int(f.Index)*nclass+e.Label] += v
			tot[e.Label] += v
			all[f.Index] += v
			allTot += v
		}
	}
	alpha := o.NBAlpha
	r := make([]float32, nb*nclass)
	for b := 0; b < nb; b++ {
		for c := 0; c < nclass; c++ {
			if b >= nh {
				r[b*nclass+c] = 1
				continue
			}
			pc := (p[b*nclass+c] + alpha) / (tot[c] + alpha*float64(nh))
			qc := (all[b] - p[b*nclass+c] + alpha) / (allTot - tot[c] + alpha*float64(nh))
			r[b*nclass+c] = float32(math.Log(pc / qc))
		}
	}
	w = make([]float32, nb*nclass)
	g2 := make([]float32, nb*nclass)
	bias = make([]float32, nclass)
	bg2 := make([]float64, nclass)
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(o.Seed))
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, ei := range order {
			ex := &exs[ei]
			wt := 1.0
			if ex.Source == "bbc" && o.BBCWeight > 0 {
				wt = o.BBCWeight
			}
			if ex.Source == "pseudo" {
				wt = o.PseudoWeight
			}
			if ex.Source == "lead" {
				wt = o.LeadWeight
			}
			for c := 0; c < nclass; c++ {
				s := float64(bias[c])
				for _, f := range ex.Feats {
					i := int(f.Index)*nclass + c
					s += float64(f.Value * r[i] * w[i])
				}
				y := 0.0
				if ex.Label == c {
					y = 1
				}
				g := (1/(1+math.Exp(-s)) - y) * wt
				bg2[c] += g * g
				bias[c] -= float32(o.Rate * g / (math.Sqrt(bg2[c]) + 1e-8))
				for _, f := range ex.Feats {
					i := int(f.Index)*nclass + c
					gi := float32(g)*f.Value*r[i] + float32(o.L2)*w[i]
					if gi == 0 {
						continue
					}
					g2[i] += gi * gi
					w[i] -= float32(o.Rate) * gi / float32(math.Sqrt(float64(g2[i]))+1e-8)
				}
			}
		}
	}
	for i := range w {
		w[i] *= r[i]
		if i < nh*nclass {
			// interpolate with the naive-Bayes log-count ratios
			w[i] += float32(o.NBMix) * r[i]
		}
	}
	return bias, w
}
