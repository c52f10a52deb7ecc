package sentiment

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/lector-nlp/lector/internal/text"
)

// Example is one labelled target for training: the mentions of one entity
// in Doc (the first mention's sentence is the context) and its class
// (Negative, Neutral or Positive).
type Example struct {
	Doc      *text.Document
	Mentions []text.Span
	Label    int
	Weight   float64 // training weight (0: 1)
}

// Config holds the training hyper-parameters.
type Config struct {
	TargetBits, SentenceBits uint8   // log2 of the hashed table sizes
	Epochs                   int     // passes over the data
	Rate                     float64 // AdaGrad learning rate
	L2                       float64 // L2 penalty per update
	LexMinCount              int     // minimum examples of a lexicon word
	LexThreshold             float64 // minimum |log odds ratio| of a lexicon word
	LexFolds                 int     // cross-fitting folds for the lexicon features (0: none)
	NoLexicon                bool
	Valence                  map[string]float64 // general lexicon word → valence (-4..4), read at training time
	Clusters                 map[string]int     // word (lower-cased) → cluster, learnt from unlabelled text
	Seed                     uint64
	Average                  bool    // average the weights over epochs (after the first)
	Seeds                    int     // train this many shuffles and average their weights
	ClassWeightPower         float64 // class weight = (n / (3 n_c))^power; 0 = unweighted
	Dropout                  float64 // probability of dropping each feature in a training update
	// TargetOffset is added to the target model's class scores (log
	// probabilities up to a constant) after training; the default was
	// tuned for macro-F1 by 5-fold cross-validation on train (see the -cv
	// flag of cmd/train/sentiment), not on the dev sets.
	TargetOffset [numClasses]float64
	// VecWords and Vecs (row-major, VecDim wide) are word vectors learnt
	// from unlabelled news for the dense network (none: no dense network).
	VecWords    []string
	Vecs        []float32
	VecDim      int
	Dense       denseConfig
	DenseWeight float64
	// KeepNets keeps the dense networks unfolded in the model, for
	// Model.TargetParts (training experiments).
	KeepNets bool
}

// mergeDense joins networks side by side into one whose hidden layer is
// theirs together and whose output is the mean of theirs.
func mergeDense(ns []*dense) *dense {
	if len(ns) == 1 {
		return ns[0]
	}
	if ns[0].gate != nil {
		panic("sentiment: gated networks cannot be merged")
	}
	k := float32(len(ns))
	m := &dense{in: ns[0].in}
	for _, n := range ns {
		m.hid += n.hid
		m.w1 = append(m.w1, n.w1...)
		m.b1 = append(m.b1, n.b1...)
		for c := range m.b2 {
			m.b2[c] += n.b2[c] / k
		}
	}
	for c := 0; c < numClasses; c++ {
		for _, n := range ns {
			for _, w := range n.w2[c*n.hid : (c+1)*n.hid] {
				m.w2 = append(m.w2, w/k)
			}
		}
	}
	return m
}

// DenseConfig sets the dense network's hyper-parameters.
func (c *Config) DenseConfig(hidden, epochs, batch int, rate, dropout, l2 float64) {
	d := c.Dense
	d.Hidden, d.Epochs, d.Batch, d.Rate, d.Dropout, d.L2 = hidden, epochs, batch, rate, dropout, l2
	c.Dense = d
}

// DefaultConfig returns the hyper-parameters used for the shipped model.
func DefaultConfig() Config {
	return Config{
		TargetBits: 19, SentenceBits: 18,
		Epochs: 5, Rate: 0.01, L2: 1e-6, Seeds: 10, ClassWeightPower: 1,
		LexMinCount: 4, LexThreshold: 1.0, LexFolds: 5,
		TargetOffset: [numClasses]float64{Positive: -0.1},
		Seed:         1,
		DenseWeight:  0.35,
		Dense:        denseConfig{Blocks: 6, Hidden: 32, Epochs: 10, Batch: 16, Rate: 1e-3, Dropout: 0.2, Gate: true},
	}
}

type prepared struct {
	toks   []text.Token
	a, b   int
	masked []bool
	label  int
	weight float64
	tf, sf []uint64
}

func prepare(ex Example) (prepared, bool) {
	p := prepared{label: ex.Label, weight: ex.Weight}
	if p.weight == 0 {
		p.weight = 1
	}
	doc := ex.Doc
	sp := ex.Mentions[0]
	si := -1
	for i, s := range doc.Sentences {
		if s.End > sp.Start {
			si = i
			break
		}
	}
	if si < 0 {
		return p, false
	}
	s := doc.Sentences[si]
	p.toks = doc.Tokens[s.First:s.Last]
	p.masked = make([]bool, len(p.toks))
	p.a = -1
	for _, m := range ex.Mentions {
		if m.Start < s.Start || m.Start >= s.End {
			continue
		}
		x, y := tokenRange(p.toks, m)
		if x < 0 {
			continue
		}
		if p.a < 0 {
			p.a, p.b = x, y
		}
		for i := x; i < y; i++ {
			p.masked[i] = true
		}
	}
	return p, p.a >= 0
}

// buildLexicon learns word polarities from the examples in idx: words seen
// in at least minCount examples whose log ratio of (smoothed, class
// normalised) positive to negative rates exceeds thr.
func buildLexicon(ps []prepared, idx []int, minCount int, thr float64) map[uint64]int8 {
	type counts [numClasses]int
	cnt := map[uint64]*counts{}
	var total [numClasses]int
	var s sentence
	seen := map[uint64]bool{}
	for _, i := range idx {
		p := &ps[i]
		total[p.label]++
		s.prepare(p.toks, nil)
		clear(seen)
		for j, w := range s.word {
			if p.masked[j] || s.flag[j]&fPunct != 0 || seen[w] {
				continue
			}
			seen[w] = true
			c := cnt[w]
			if c == nil {
				c = &counts{}
				cnt[w] = c
			}
			c[p.label]++
		}
	}
	lex := map[uint64]int8{}
	for w, c := range cnt {
		n := c[0] + c[1] + c[2]
		if n < minCount {
			continue
		}
		rate := func(k int) float64 { return (float64(c[k]) + 0.5) / float64(total[k]+1) }
		neg := math.Log(rate(Negative) / ((rate(Neutral) + rate(Positive)) / 2))
		pos := math.Log(rate(Positive) / ((rate(Neutral) + rate(Negative)) / 2))
		switch {
		case neg > thr && neg > pos:
			lex[w] = -1
		case pos > thr && pos > neg:
			lex[w] = 1
		}
	}
	return lex
}

// Train trains a model on exs. logf, when not nil, receives progress.
func Train(exs []Example, cfg Config, logf func(string, ...any)) *Model {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	var ps []prepared
	for _, ex := range exs {
		if p, ok := prepare(ex); ok {
			ps = append(ps, p)
		}
	}
	all := make([]int, len(ps))
	for i := range all {
		all[i] = i
	}
	var lex map[uint64]int8
	if !cfg.NoLexicon {
		lex = buildLexicon(ps, all, cfg.LexMinCount, cfg.LexThreshold)
	}
	val := map[uint64]int8{}
	vw := make([]string, 0, len(cfg.Valence))
	for w := range cfg.Valence {
		vw = append(vw, w)
	}
	sort.Strings(vw) // words that lower-case alike: the same one wins every run
	for _, w := range vw {
		v := cfg.Valence[w]
		q := math.Round(v * 10)
		if q != 0 {
			val[lowerHash(w, 0)] = int8(max(-40, min(40, q)))
		}
	}
	clus := map[uint64]uint16{}
	for w, c := range cfg.Clusters {
		clus[lowerHash(w, 0)] = uint16(c)
	}
	var vkeys, stems []uint64
	for _, w := range cfg.VecWords {
		vkeys = append(vkeys, lowerHash(w, 0))
		stems = append(stems, lowerHash(w, stemRunes))
	}
	logf("examples %d, lexicon %d words, valence lexicon %d words, %d clustered words", len(ps), len(lex), len(val), len(clus))

	// features; lexicon features of training examples are cross-fitted
	// so that they are as noisy as on unseen text
	var vt *vecTable
	var xs []float32
	var ents [][]poolEntry
	in := 0
	if len(vkeys) > 0 {
		vt = newVecTableNorm(cfg.Vecs, cfg.VecDim, cfg.Dense.RawVecs)
		in = max(3, cfg.Dense.Blocks) * vt.dim
		xs = make([]float32, len(ps)*in)
		if cfg.Dense.Gate {
			ents = make([][]poolEntry, len(ps))
		}
	}
	featurize := func(i int, words *wordMap) {
		var s sentence
		p := &ps[i]
		s.prepare(p.toks, words)
		p.tf = s.targetFeatures(nil, p.a, p.b, p.masked)
		p.sf = s.sentenceFeatures(nil)
		if vt != nil {
			s.denseInput(xs[i*in:(i+1)*in], p.a, p.b, p.masked, vt)
			if ents != nil {
				ents[i] = s.poolEntries(nil, p.a, p.b, p.masked, in/vt.dim)
			}
		}
	}
	if cfg.LexFolds > 1 && lex != nil {
		for f := 0; f < cfg.LexFolds; f++ {
			var in, out []int
			for i := range ps {
				if i%cfg.LexFolds == f {
					out = append(out, i)
				} else {
					in = append(in, i)
				}
			}
			l := buildLexicon(ps, in, cfg.LexMinCount*(cfg.LexFolds-1)/cfg.LexFolds, cfg.LexThreshold)
			words := wordTable(l, val, clus, vkeys, nil)
			for _, i := range out {
				featurize(i, words)
			}
		}
	} else {
		words := wordTable(lex, val, clus, vkeys, nil)
		for i := range ps {
			featurize(i, words)
		}
	}

	m := newModel(cfg.TargetBits, cfg.SentenceBits, lex, val, clus, vkeys)
	m.stems = stems
	for _, t := range []*table{&m.target, &m.sent} {
		t.w = make([]float32, (1<<t.bits)*numClasses)
	}
	var freq [numClasses]float64
	for _, p := range ps {
		freq[p.label]++
	}
	var cw [numClasses]float64
	for c := range cw {
		cw[c] = math.Pow(float64(len(ps))/(numClasses*freq[c]), cfg.ClassWeightPower)
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 7))
	trainTable(&m.target, ps, all, func(p *prepared) []uint64 { return p.tf }, true, cw, cfg, rng, logf)
	trainTable(&m.sent, ps, all, func(p *prepared) []uint64 { return p.sf }, false, cw, cfg, rng, logf)
	for c, o := range cfg.TargetOffset {
		m.target.off[c] = float32(o)
	}
	// the model scores as it will once written and read
	m.target.quantise()
	m.sent.quantise()
	if vt != nil && cfg.DenseWeight > 0 {
		var dns []*dense
		for k := 0; k < max(1, cfg.Dense.Nets); k++ {
			dns = append(dns, trainDense(xs, in, ps, cw, cfg.Dense, cfg.Seed*1000+500+uint64(k), ents, vt, logf))
		}
		if cfg.KeepNets {
			m.nets, m.vt = dns, vt
		}
		m.fd = mergeDense(dns).fold(vt)
		m.denseW = float32(cfg.DenseWeight)
		m.words = wordTable(lex, val, clus, vkeys, m.fd.scale)
	}
	return m
}

// trainTable trains t on the examples idx of ps (features from get) with
// AdaGrad: cfg.Seeds runs of cfg.Epochs shuffled epochs, the weights
// averaged; exWeight says whether the examples' own weights count.
func trainTable(t *table, ps []prepared, idx []int, get func(*prepared) []uint64, exWeight bool, cw [numClasses]float64, cfg Config, rng *rand.Rand, logf func(string, ...any)) {
	final := make([]float64, len(t.w))
	nfinal := 0
	for run := 0; run < max(1, cfg.Seeds); run++ {
		clear(t.w)
		avg := make([]float64, len(t.w))
		navg := 0
		g2 := make([]float32, len(t.w))
		mask := t.mask()
		order := append([]int(nil), idx...)
		var kept []uint64
		for ep := 0; ep < cfg.Epochs; ep++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			var loss float64
			for _, i := range order {
				p := &ps[i]
				fs := get(p)
				if cfg.Dropout > 0 {
					kept = kept[:0]
					for _, f := range fs {
						if rng.Float64() >= cfg.Dropout {
							kept = append(kept, f)
						}
					}
					fs = kept
				}
				pr := t.probs(fs)
				ew := cw[p.label] * p.weight
				if !exWeight {
					ew = cw[p.label]
				}
				loss -= ew * math.Log(math.Max(pr[p.label], 1e-12))
				var g [numClasses]float64
				for c := range g {
					y := 0.0
					if c == p.label {
						y = 1
					}
					g[c] = ew * (pr[c] - y)
				}
				for _, f := range fs {
					k := (f & mask) * numClasses
					for c := 0; c < numClasses; c++ {
						gc := g[c] + cfg.L2*float64(t.w[k+uint64(c)])
						g2[k+uint64(c)] += float32(gc * gc)
						t.w[k+uint64(c)] -= float32(cfg.Rate * gc / (math.Sqrt(float64(g2[k+uint64(c)])) + 1e-8))
					}
				}
			}
			logf("epoch %d loss %.4f", ep+1, loss/float64(len(idx)))
			if cfg.Average && (ep > 0 || cfg.Epochs == 1) {
				for i, v := range t.w {
					avg[i] += float64(v)
				}
				navg++
			}
		}
		if navg > 0 {
			for i := range t.w {
				t.w[i] = float32(avg[i] / float64(navg))
			}
		}
		for i, v := range t.w {
			final[i] += float64(v)
		}
		nfinal++
	}
	for i := range t.w {
		t.w[i] = float32(final[i] / float64(nfinal))
	}
}
