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
	sink  uint64         // keeps Model.Touch's loads
	doc   *text.Document // being tagged (nil in TagWords), for Err
	words []string
	ws    []word
	feats []uint64
	ends  []int   // end of each token's features, then of its rows
	rows  []int32 // rows of the static features of a sentence
	trows []int32 // rows of one token's tag features
	sums  *[window]perceptron.Sums
	tags  []string
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
	t.pool.New = func() any { return new(buffers) }
	return t
}

// Model returns the underlying model.
func (t *Tagger) Model() *perceptron.Model { return t.m }

// Tag sets Token.POS and Token.Lemma of every token of doc, sentence by
// sentence. Once doc.Err is set it stops (checking between sentences and
// every checkEvery tokens of a long one), leaving the rest untagged.
func (t *Tagger) Tag(doc *text.Document) {
	b := t.pool.Get().(*buffers)
	defer t.pool.Put(b)
	b.doc = doc
	defer func() { b.doc = nil }()
	tag := func(first, last int) {
		toks := doc.Tokens[first:last]
		b.words = b.words[:0]
		for _, tk := range toks {
			b.words = append(b.words, canon(tk.Text))
		}
		b.tags = t.tagWords(b, b.words, b.tags[:0])
		for i := range b.tags {
			toks[i].POS = b.tags[i]
			toks[i].Lemma = Lemma(toks[i].Text, b.tags[i])
		}
	}
	if len(doc.Sentences) == 0 && len(doc.Tokens) > 0 {
		tag(0, len(doc.Tokens))
	}
	for _, s := range doc.Sentences {
		if doc.Err() != nil {
			return
		}
		tag(s.First, s.Last)
	}
}

// static sums the features of tokens a..z-1 that do not depend on the
// previous tags. Their rows are found for all the tokens first, so that
// the memory loads of many tokens overlap.
func (b *buffers) static(m *perceptron.Model, words []string, ws []word, a, z int) []perceptron.Sums {
	b.feats, b.ends = b.feats[:0], b.ends[:0]
	for i := a; i < z; i++ {
		b.feats = staticFeatures(words, ws, i, b.feats)
		b.ends = append(b.ends, len(b.feats))
	}
	b.sink += m.TouchKeys(b.feats)
	b.rows = b.rows[:0]
	start := 0
	for i, end := range b.ends {
		b.rows = m.Find(b.feats[start:end], b.rows)
		b.ends[i], start = len(b.rows), end
	}
	b.sink += m.Touch(b.rows)
	if b.sums == nil {
		b.sums = new([window]perceptron.Sums)
	}
	sums := b.sums[:z-a]
	start = 0
	for i, end := range b.ends {
		sums[i] = perceptron.Sums{}
		m.Add(&sums[i], b.rows[start:end])
		start = end
	}
	return sums
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

// window is how many tokens tagWords scores ahead: their static
// features are found and summed together, then tagged greedily.
const window = 256

func (t *Tagger) tagWords(b *buffers, words []string, out []string) []string {
	if cap(b.ws) < len(words) {
		b.ws = make([]word, len(words)*2)
	}
	ws := b.ws[:len(words)]
	prev, prev2 := -1, -2
	ready := 0 // ws[:ready] are prepared
	for a := 0; a < len(words); a += window {
		if a > 0 && b.doc != nil && b.doc.Err() != nil {
			return out
		}
		z := min(a+window, len(words))
		// the features of a token look two tokens ahead
		if end := min(z+2, len(words)); ready < end {
			prepare(words[ready:end], ws[ready:end])
			ready = end
		}
		sums := b.static(t.m, words, ws, a, z)
		for i := a; i < z; i++ {
			s := &sums[i-a]
			b.feats = tagFeatures(ws, i, prev, prev2, b.feats[:0])
			b.trows = t.m.Find(b.feats, b.trows[:0])
			t.m.Add(s, b.trows)
			best := t.m.Best(s)
			out = append(out, t.m.Labels[best])
			prev2, prev = prev, best
		}
	}
	return out
}
