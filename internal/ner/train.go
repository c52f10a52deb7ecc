package ner

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/lector-nlp/lector/internal/conll"
	"github.com/lector-nlp/lector/internal/perceptron"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

// TrainOptions tunes Train.
type TrainOptions struct {
	Epochs     int
	Groups     int // feature groups (F* bits)
	Folds      int // jack-knife folds for the second pass
	FoldEpochs int
	Seeds      int     // final models average the weights of this many shuffles
	Prune      float32 // final models leave out features whose weights are all below this
	Seed       uint64
	Log        func(string, ...any)
	// GloveCache, when set, is a file keeping the GloVe clusters (FGlove)
	// between runs: read if it exists, else written after k-means.
	GloveCache string
	// Dev, when set, is scored after each epoch of the final passes.
	Dev []conll.Document
}

type tdoc struct {
	in     input
	ts     []tok
	gold   []int
	rows   []int32
	offs   []int // rows of token i: rows[offs[i]:offs[i+1]]
	labels []int
}

func bilou(tags []string) []int {
	out := make([]int, len(tags))
	for _, s := range conll.Spans(tags) {
		ti := -1
		for k, t := range baseTypes {
			if t == s.Type {
				ti = k
			}
		}
		if ti < 0 {
			continue
		}
		base := 1 + ti*4
		if s.End-s.Start == 1 {
			out[s.Start] = base + 3
			continue
		}
		out[s.Start] = base
		for j := s.Start + 1; j < s.End-1; j++ {
			out[j] = base + 1
		}
		out[s.End-1] = base + 2
	}
	return out
}

func makeDoc(d conll.Document) *tdoc {
	td := &tdoc{}
	for _, s := range d.Sentences {
		st := len(td.in.words)
		for j, w := range s.Words {
			td.in.words = append(td.in.words, canon(w))
			td.in.pos = append(td.in.pos, s.POS[j])
		}
		td.in.sents = append(td.in.sents, [2]int{st, len(td.in.words)})
		td.gold = append(td.gold, bilou(s.Tags)...)
	}
	return td
}

// Train trains a recogniser on CoNLL documents whose POS column holds
// predicted (not gold) tags.
func Train(docs []conll.Document, opt TrainOptions) (*Recognizer, error) {
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	var cl *wordclusters.Clusters
	if opt.Groups&FClusters != 0 {
		var err error
		if cl, err = wordclusters.Default(); err != nil {
			return nil, err
		}
		logf("clusters: %d words", cl.Len())
	}
	var gv *gloveTable // (this model's own: see Recognizer.gv)
	if opt.Groups&FGlove != 0 {
		var err error
		if gv, err = cachedGlove(opt.GloveCache); err != nil {
			return nil, err
		}
		logf("GloVe clusters: %d words", len(gv.ids)/gloveLevels)
	}
	var cs *wordclusters.Case
	if opt.Groups&FCase != 0 {
		cs = sharedCase()
	}
	var gz *gazetteer
	if opt.Groups&FGazetteer != 0 {
		gz = sharedGazetteer()
	}
	tds := make([]*tdoc, len(docs))
	for i, d := range docs {
		tds[i] = makeDoc(d)
		tds[i].ts = prepare(&tds[i].in, cl, gv, cs, gz, nil, new(wordTable))
	}
	g1 := opt.Groups &^ (FSecondPass | FSelective)
	scoreDev := func(m1, m2 *perceptron.Model) string {
		if len(opt.Dev) == 0 {
			return ""
		}
		r := newRecognizer(m1, m2, nil, nil, opt.Groups, cl, gv)
		if m2 == nil {
			r.groups = g1
		}
		c := Evaluate(r, opt.Dev)
		_, _, f := c.PRF("")
		return fmt.Sprintf("dev F1 %.2f", f)
	}
	prune := max(opt.Prune, 0.001)
	m1 := trainSeeds(tds, g1, opt.Epochs, opt.Seed, opt.Seeds, prune, logf, func(m *perceptron.Model) string { return scoreDev(m, nil) })
	var m2 *perceptron.Model
	if opt.Groups&FSecondPass != 0 {
		k := max(opt.Folds, 2)
		for f := 0; f < k; f++ {
			var tr, held []*tdoc
			for i, d := range tds {
				if i%k == f {
					held = append(held, d)
				} else {
					tr = append(tr, d)
				}
			}
			mf := trainPass(tr, g1, opt.FoldEpochs, opt.Seed+uint64(f)+1, func(string, ...any) {}, nil).Model(0.001)
			rf := newRecognizer(mf, nil, nil, nil, g1, cl, gv)
			b := new(buffers)
			for _, d := range held {
				b.in = d.in
				b.ts = append(b.ts[:0], d.ts...)
				b.labels = b.labels[:0]
				rf.decode(b, mf, g1, nil)
				secondPass(d.ts, b.labels, &b.wt)
			}
			logf("fold %d/%d done", f+1, k)
		}
		m2 = trainSeeds(tds, opt.Groups, opt.Epochs, opt.Seed+100, opt.Seeds, prune, logf, func(m *perceptron.Model) string { return scoreDev(m1, m) })
	}
	return newRecognizer(m1, m2, nil, nil, opt.Groups, cl, gv), nil
}

// trainSeeds trains one pass with n shuffles and averages their weights
// (the feature rows are the same: they are indexed in document order).
func trainSeeds(tds []*tdoc, groups, epochs int, seed uint64, n int, prune float32, logf func(string, ...any), dev func(*perceptron.Model) string) *perceptron.Model {
	if n <= 1 {
		tr := trainPass(tds, groups, epochs, seed, logf, dev)
		return tr.Model(prune)
	}
	var sum []float32
	var last *perceptron.Trainer
	for k := 0; k < n; k++ {
		tr := trainPass(tds, groups, epochs, seed+uint64(k)*7919, logf, dev)
		avg := tr.Averaged()
		if sum == nil {
			sum = avg
		} else {
			for i, v := range avg {
				sum[i] += v
			}
		}
		last = tr
	}
	for i := range sum {
		sum[i] /= float32(n)
	}
	m := last.ModelFrom(sum, prune)
	if dev != nil {
		logf("average of %d shuffles: %s", n, dev(m))
	}
	return m
}

func trainPass(tds []*tdoc, groups, epochs int, seed uint64, logf func(string, ...any), dev func(*perceptron.Model) string) *perceptron.Trainer {
	tr := perceptron.NewTrainer(labelNames())
	var feats []uint64
	for _, d := range tds {
		d.rows = d.rows[:0]
		d.offs = append(d.offs[:0], 0)
		for i := range d.ts {
			feats = features(d.ts, i, groups, feats[:0])
			for _, f := range feats {
				d.rows = append(d.rows, tr.Index(f, true))
			}
			d.offs = append(d.offs, len(d.rows))
		}
	}
	logf("features: %d", tr.Len())
	order := append([]*tdoc(nil), tds...)
	rng := rand.New(rand.NewPCG(seed, 3))
	var em, delta []float32
	var back []uint8
	var pred []int
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for _, d := range order {
			for _, s := range d.in.sents {
				n := s[1] - s[0]
				if cap(em) < n*nLabels {
					em = make([]float32, n*nLabels*2)
					delta = make([]float32, n*nLabels*2)
					back = make([]uint8, n*nLabels*2)
				}
				e := em[:n*nLabels]
				for i := range e {
					e[i] = 0
				}
				for i := 0; i < n; i++ {
					t := s[0] + i
					tr.Score(d.rows[d.offs[t]:d.offs[t+1]], e[i*nLabels:(i+1)*nLabels])
				}
				pred = viterbi(n, e, tr.TransView(), tr.StartView(), back, delta, pred[:0])
				tr.Tick()
				gold := d.gold[s[0]:s[1]]
				prevG, prevP := -1, -1
				for i := 0; i < n; i++ {
					g, p := gold[i], pred[i]
					if g != p {
						t := s[0] + i
						rows := d.rows[d.offs[t]:d.offs[t+1]]
						tr.Update(rows, g, 1)
						tr.Update(rows, p, -1)
						errs++
					}
					if g != p || prevG != prevP {
						tr.UpdateTrans(prevG, g, 1)
						tr.UpdateTrans(prevP, p, -1)
					}
					prevG, prevP = g, p
				}
				total += n
			}
		}
		msg := ""
		if dev != nil && ep == epochs-1 {
			msg = dev(tr.Model(0))
		}
		logf("epoch %d: %d token errors of %d %s", ep+1, errs, total, msg)
	}
	return tr
}

// Evaluate labels docs (with their POS column as given) and returns
// conlleval counts.
func Evaluate(r *Recognizer, docs []conll.Document) *conll.Counts {
	c := conll.NewCounts()
	for _, d := range docs {
		var words, tags [][]string
		for _, s := range d.Sentences {
			words = append(words, s.Words)
			tags = append(tags, s.POS)
		}
		pred := r.LabelSentences(words, tags)
		for i, s := range d.Sentences {
			c.Add(conll.Spans(s.Tags), conll.Spans(pred[i]))
		}
	}
	return c
}

// WriteModel writes the model files into dir (meta.txt, pass1.bin.gz,
// pass2.bin.gz).
func (r *Recognizer) WriteModel(dir string) error {
	if err := os.WriteFile(filepath.Join(dir, "meta.txt"), fmt.Appendf(nil, "groups=%d\n", r.groups), 0o644); err != nil {
		return err
	}
	write := func(name string, m *perceptron.Model) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		if err := m.Write(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	if err := write("pass1.bin.gz", r.m1); err != nil {
		return err
	}
	if g := r.gv; g != nil && r.groups&FGlove != 0 {
		f, err := os.Create(filepath.Join(dir, "glove.bin.gz"))
		if err != nil {
			return err
		}
		if err := writeGlove(f, g); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	} else {
		os.Remove(filepath.Join(dir, "glove.bin.gz"))
	}
	if r.m2 != nil {
		return write("pass2.bin.gz", r.m2)
	}
	os.Remove(filepath.Join(dir, "pass2.bin.gz"))
	return nil
}
