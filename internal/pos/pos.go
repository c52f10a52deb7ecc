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
	}
	ws := b.ws[:len(words)]
	prepare(words, ws)
	prev, prev2 := -1, -2
	for i := range words {
		b.feats = features(words, ws, i, prev, prev2, b.feats[:0])
		sc := b.scores
		for j := range sc {
			sc[j] = 0
		}
		t.m.Score(b.feats, sc)
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
