// Package pos tags tokens with Penn Treebank parts of speech (an averaged
// perceptron trained on the CoNLL-2003 POS column) and lemmatises them.
package pos

import (
	"bytes"
	_ "embed"
	"sync"

	"github.com/lector-nlp/lector/internal/perceptron"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

//go:embed model.bin.gz
var modelFile []byte

// Tagger assigns parts of speech. Safe for concurrent use.
type Tagger struct {
	m    *perceptron.Model
	pool sync.Pool
}

type buffers struct {
	words  []string
	ws     []word
	feats  []uint64
	ends   []int   // end of each token's features, then of its rows
	rows   []int32 // rows of the static features of a sentence
	trows  []int32 // rows of one token's tag features
	sums   []perceptron.Sums
	scores []float32
	tags   []string
}

// Load reads the embedded model.
func Load() (*Tagger, error) {
	if err := loadClusters(); err != nil {
		return nil, err
	}
	m, err := perceptron.Read(bytes.NewReader(modelFile))
	if err != nil {
		return nil, err
	}
	m.Prepare()
	return New(m), nil
}

func loadClusters() error {
	c, err := wordclusters.Default()
	if err != nil {
		return err
	}
	clusters = c
	return nil
}

// New wraps a trained model.
func New(m *perceptron.Model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any { return &buffers{scores: make([]float32, m.NLabels)} }
	return t
}

// Model returns the underlying model.
func (t *Tagger) Model() *perceptron.Model { return t.m }

// Tag sets Token.POS and Token.Lemma of every token of doc, sentence by
// sentence.
func (t *Tagger) Tag(doc *text.Document) {
	b := t.pool.Get().(*buffers)
	tag := func(first, last int) {
		toks := doc.Tokens[first:last]
		b.words = b.words[:0]
		for _, tk := range toks {
			b.words = append(b.words, canon(tk.Text))
		}
		b.tags = t.tagWords(b, b.words, b.tags[:0])
		for i := range toks {
			toks[i].POS = b.tags[i]
			toks[i].Lemma = Lemma(toks[i].Text, b.tags[i])
		}
	}
	if len(doc.Sentences) == 0 && len(doc.Tokens) > 0 {
		tag(0, len(doc.Tokens))
	}
	for _, s := range doc.Sentences {
		tag(s.First, s.Last)
	}
	t.pool.Put(b)
}

// TagWords tags one sentence of tokens, appending the tags to out.
func (t *Tagger) TagWords(words []string, out []string) []string {
	b := t.pool.Get().(*buffers)
	cw := make([]string, len(words))
	for i, w := range words {
		cw[i] = canon(w)
	}
	out = t.tagWords(b, cw, out)
	t.pool.Put(b)
	return out
}

func (t *Tagger) tagWords(b *buffers, words []string, out []string) []string {
	if cap(b.ws) < len(words) {
		b.ws = make([]word, len(words)*2)
		b.sums = make([]perceptron.Sums, len(words)*2)
	}
	ws, sums := b.ws[:len(words)], b.sums[:len(words)]
	prepare(words, ws)
	// The features that do not depend on the previous tags are found for
	// the whole sentence first, so that their memory loads overlap, and
	// summed per token; the greedy pass then adds the tag features.
	b.feats = b.feats[:0]
	b.ends = b.ends[:0]
	for i := range words {
		b.feats = staticFeatures(words, ws, i, b.feats)
		b.ends = append(b.ends, len(b.feats))
	}
	b.rows = b.rows[:0]
	start := 0
	for i, end := range b.ends {
		b.rows = t.m.Find(b.feats[start:end], b.rows)
		b.ends[i], start = len(b.rows), end
	}
	start = 0
	for i, end := range b.ends {
		sums[i] = perceptron.Sums{}
		t.m.Add(&sums[i], b.rows[start:end])
		start = end
	}
	prev, prev2 := -1, -2
	for i := range words {
		b.feats = tagFeatures(ws, i, prev, prev2, b.feats[:0])
		b.trows = t.m.Find(b.feats, b.trows[:0])
		s := &sums[i]
		t.m.Add(s, b.trows)
		sc := b.scores
		for j := range sc {
			sc[j] = 0
		}
		t.m.AddTo(s, sc)
		best := 0
		for j, v := range sc {
			if v > sc[best] {
				best = j
			}
		}
		out = append(out, t.m.Labels[best])
		prev2, prev = prev, best
	}
	return out
}
