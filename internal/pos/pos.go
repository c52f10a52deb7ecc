// Package pos tags tokens with Penn Treebank parts of speech (an averaged
// perceptron trained on the CoNLL-2003 POS column) and lemmatises them.
package pos

import (
	"bytes"
	_ "embed"
	"slices"
	"sync"

	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/perceptron"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

//go:embed model.bin.gz
var modelFile []byte

// Tagger assigns parts of speech. Safe for concurrent use.
type Tagger struct {
	m     *perceptron.Model
	vocab *perceptron.SumTable // common words: hashes, clusters, word-feature sums
	pool  sync.Pool
	tags  tagRows
	// cased[c][f] is the row of the key of tCased (restContextKeys) of
	// cased class c and first-token flag f, -1 if the model has none:
	// found once, not per token.
	cased [8][2]int32
}

// tagRows holds the model rows of the three tag features that depend on
// the previous two tags alone (tPrev, tPrev2, tPrevPrev2), by pair of
// tags, found once when the tagger is made: the greedy decode reads them
// instead of hashing and finding three keys per token.
type tagRows struct {
	n    int       // tag values: prev+3 and prev2+3 are in [0, n)
	rows []tagPair // [(prev+3)*n + prev2+3]
}

// tagPair holds the rows of the three features that a pair of previous
// tags has in the model, in tagFeatures' order: rows[:n].
type tagPair struct {
	rows [3]int32
	n    int32
}

func newTagRows(m *perceptron.Model) tagRows {
	n := m.NLabels + 3
	t := tagRows{n: n, rows: make([]tagPair, n*n)}
	for a := range n {
		for b := range n {
			keys := []uint64{f1(tPrev, uint64(a)), f1(tPrev2, uint64(b)), f2(tPrevPrev2, uint64(a), uint64(b))}
			p := &t.rows[a*n+b]
			p.n = int32(copy(p.rows[:], m.Find(keys, nil)))
		}
	}
	return t
}

// add appends to rows the rows of the tag features of previous tags prev
// and prev2, in tagFeatures' order.
func (t *tagRows) add(rows []int32, prev, prev2 int) []int32 {
	k := len(rows)
	if cap(rows)-k < 3 {
		rows = grow3(rows)
	}
	p := &t.rows[(prev+3)*t.n+prev2+3]
	*(*[3]int32)(rows[k : k+3]) = p.rows
	return rows[:k+int(p.n)]
}

// grow3 is add's rare path.
func grow3(rows []int32) []int32 { return slices.Grow(rows, 3) }

type buffers struct {
	vocab *perceptron.SumTable // the tagger's
	sink  uint64               // keeps Model.Touch's loads
	doc   *text.Document       // being tagged (nil in TagWords), for Err
	ws    []word
	tid   []int32  // each token's word (of ws' tokens: see tagWords): its index in tw
	keys  []uint64 // vocabulary keys of the words new to the document
	feats []uint64
	ends  []int   // end of each token's features, then of its rows
	rows  []int32 // rows of the context features of a window
	trows []int32 // rows of one token's features

	// The distinct words of the document (of the sentence in TagWords;
	// of a block of either past maxTypes words), their hashes and the
	// sums of their word features: tokens of one word share them.
	types typeTable
	tw    []word
	tstr  []string
	tkey  []uint64 // vocabKey of each word
	tsums []perceptron.Sums
	tpred []uint8 // the best tag of each word's sums
	tent  []int32 // each word's vocabulary entry, -1 if none
	// nbents holds, for each token of the window, the vocabulary entries
	// of its neighbours at asPrev, ... (-1: their keys are in feats).
	nbents [][4]int32
	tlem   []lemmaEntry
	fresh  []int32 // words whose sums are not made yet

	sums   perceptron.Sums // a token's, in tagWords
	pfeats []uint64        // tag features of guessed tags (see static)
	prows  []int32
	// pends[i] is the end in prows of the rows of the two word-tag
	// features (tPrevWord, tPrevNext) of token a+i of the window, found
	// with the previous tag guessed: ppv[i]+3 (see static).
	pends []int
	ppv   []uint8
}

// reset forgets the words of the previous document.
func (b *buffers) reset() {
	b.types.reset()
	b.forget()
}

// restart forgets the words of the document so far (see maxTypes),
// keeping the table's slots.
func (b *buffers) restart() {
	b.types.restart()
	b.forget()
}

// forget empties the tables of words but types.
func (b *buffers) forget() {
	clear(b.tstr)
	clear(b.tlem)
	b.tw, b.tstr, b.tsums, b.fresh, b.tkey = b.tw[:0], b.tstr[:0], b.tsums[:0], b.fresh[:0], b.tkey[:0]
	b.tlem, b.tent = b.tlem[:0], b.tent[:0]
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
	t := &Tagger{m: m, vocab: newVocab(m), tags: newTagRows(m)}
	for c := range t.cased {
		for f := range t.cased[c] {
			t.cased[c][f] = -1
			if rows := m.Find([]uint64{f2(tCased, uint64(c), uint64(f))}, nil); len(rows) == 1 {
				t.cased[c][f] = rows[0]
			}
		}
	}
	t.pool.New = func() any { return &buffers{vocab: t.vocab} }
	return t
}

// Vocabulary entries: the payload is a word's hashes w and suf3, the meta
// its cased class (4 bits), its best tag from the word features alone (8
// bits) and its cluster ids (cl, 41 bits); the sums are those of its word
// features (0) and of the keys it gives its neighbours (asPrev, asNext,
// asPrev2, asNext2: see neighbourKeys).
const (
	vocabPredShift = 4
	vocabClShift   = 12
)

// vocabKey is the key of word s in the vocabulary table.
func vocabKey(s string) uint64 { return perceptron.Mix(hashing.AddString(perceptron.Seed(31), s)) }

// newVocab sums the word features of the words of the clusters (common
// news words) for m, so that a document's word found there costs one
// look-up instead of one per feature (nil without clusters). Words whose
// sums do not fit the table's 16 bits are left out: they take the path of
// the other words, with the same result.
func newVocab(m *perceptron.Model) *perceptron.SumTable {
	if clusters == nil || m.NLabels > 255 {
		return nil
	}
	words, err := wordclusters.Words()
	if err != nil || len(words) == 0 {
		return nil
	}
	tab := perceptron.NewSumTable(m, 2, 5, len(words))
	if tab == nil {
		return nil
	}
	var feats []uint64
	var rows []int32
	for _, s := range words { // (each word once)
		k := vocabKey(s)
		w := hashWord(s)
		resolveCluster(s, &w)
		var sums [5]perceptron.Sums
		for v := range sums {
			switch v {
			case 0:
				feats = wordFeatures(s, w, feats[:0])
			default:
				feats = neighbourKeys(w, v, feats[:0])
			}
			rows = m.Find(feats, rows[:0])
			m.Add(&sums[v], rows)
		}
		meta := w.cased | uint64(m.Best(&sums[0]))<<vocabPredShift | w.cl<<vocabClShift
		tab.Put(k, meta, []uint64{w.w, w.suf3}, &sums[0], &sums[1], &sums[2], &sums[3], &sums[4])
	}
	return tab
}

// Model returns the underlying model.
func (t *Tagger) Model() *perceptron.Model { return t.m }

// Tag sets Token.POS and Token.Lemma of every token of doc, sentence by
// sentence. Once doc.Err is set it stops (checking between sentences and
// every window of a long one), leaving the rest untagged.
func (t *Tagger) Tag(doc *text.Document) {
	b := t.pool.Get().(*buffers)
	defer t.pool.Put(b)
	b.reset()
	b.doc = doc
	defer func() { b.doc = nil }()
	if len(doc.Sentences) == 0 && len(doc.Tokens) > 0 {
		t.tagWords(b, nil, doc.Tokens, nil)
	}
	for _, s := range doc.Sentences {
		if doc.Err() != nil {
			return
		}
		t.tagWords(b, nil, doc.Tokens[s.First:s.Last], nil)
	}
}

// maxTypes is how many distinct words the tables of buffers (types, tw,
// tsums ...: some 400 bytes a word) hold before they start over, between
// two windows: a document or a sentence of many distinct words (a table
// of figures) keeps those of a block of tokens rather than of the whole
// of it. The tables are caches (what they hold of a word depends on the
// word alone): the tags and lemmas are the same.
var maxTypes = 4096

// lemmaEntry is the last lemma made for a word of the document.
type lemmaEntry struct{ text, tag, lemma string }

// lemma returns Lemma(text, tag) for a token of word id (see prepare),
// made once for the tokens of a word with the same text and tag.
func (b *buffers) lemma(text, tag string, id int32) string {
	e := &b.tlem[id]
	if e.tag != tag || e.text != text {
		*e = lemmaEntry{text, tag, Lemma(text, tag)}
	}
	return e.lemma
}

// prepare sets ws[i] and tid[i] for the tokens i of words[from:to] (of
// toks[from:to], canonical, when words is nil), hashing each word new to
// the tables once.
func (b *buffers) prepare(words []string, toks []text.Token, ws []word, tid []int32, from, to int) {
	nf := len(b.fresh)
	for i := from; i < to; i++ {
		var s string
		if words != nil {
			s = words[i]
		} else {
			s = canon(toks[i].Text)
		}
		k := vocabKey(s) // (also the key of the word's table slot)
		id, ok := b.types.find(k, s, b.tstr)
		if !ok {
			b.tkey = append(b.tkey, k)
			b.tw = append(b.tw, word{})
			b.tstr = append(b.tstr, s)
			b.tlem = append(b.tlem, lemmaEntry{})
			b.tent = append(b.tent, -1)
			b.fresh = append(b.fresh, id)
		}
		tid[i] = id
	}
	fresh := b.fresh[nf:]
	if vocab := b.vocab; vocab != nil {
		// the look-ups in loops of their own: their loads overlap
		b.keys = b.keys[:0]
		for _, id := range fresh {
			b.keys = append(b.keys, b.tkey[id])
		}
		b.sink += vocab.TouchKeys(b.keys)
		for j, id := range fresh {
			e := vocab.Get(b.keys[j])
			b.tent[id] = e
			if e >= 0 {
				b.sink += vocab.Touch(e)
			}
		}
		for _, id := range fresh {
			if e := b.tent[id]; e >= 0 {
				meta := vocab.Meta(e)
				b.tw[id] = word{w: vocab.Payload(e, 0), suf3: vocab.Payload(e, 1), cased: meta & 15, cl: meta >> vocabClShift}
			}
		}
	}
	for _, id := range fresh {
		if b.tent[id] < 0 {
			b.tw[id] = hashWord(b.tstr[id])
		}
	}
	if clusters != nil {
		// the cluster lookups in a loop of their own: their loads overlap
		for _, id := range fresh {
			if b.tent[id] < 0 {
				resolveCluster(b.tstr[id], &b.tw[id])
			}
		}
	}
	for i := from; i < to; i++ {
		ws[i] = b.tw[tid[i]]
	}
}

// static finds the rows of the features of tokens a..z-1 that do not
// depend on the previous tags and sums the word features of the words
// new since the last call. All the rows are found first, so that the
// memory loads of many tokens overlap. The rows of token i's context
// features (but for the one of restContextKeys: see Tagger.cased) are
// left in b.rows[ends[i-a-1]:ends[i-a]], from start for i == a.
func (b *buffers) static(m *perceptron.Model, tags *tagRows, ws []word, tid []int32, a, z int) (ends []int, start int) {
	b.feats, b.ends = b.feats[:0], b.ends[:0]
	for _, id := range b.fresh {
		if b.tent[id] < 0 {
			b.feats = wordFeatures(b.tstr[id], b.tw[id], b.feats)
		}
		b.ends = append(b.ends, len(b.feats))
	}
	nw := len(b.ends)
	b.nbents = b.nbents[:0]
	for i := a; i < z; i++ {
		// the keys a neighbour of the vocabulary gives are in its entry
		nb := [4]int32{-1, -1, -1, -1} // asPrev, asNext, asPrev2, asNext2
		if i > 0 && b.tent[tid[i-1]] >= 0 {
			nb[0] = b.tent[tid[i-1]]
		} else {
			b.feats = prevWordKeys(ws, i, b.feats)
		}
		if i+1 < len(ws) && b.tent[tid[i+1]] >= 0 {
			nb[1] = b.tent[tid[i+1]]
		} else {
			b.feats = nextWordKeys(ws, i, b.feats)
		}
		if i > 1 && b.tent[tid[i-2]] >= 0 {
			nb[2] = b.tent[tid[i-2]]
		} else {
			b.feats = prev2Keys(ws, i, b.feats)
		}
		if i+2 < len(ws) && b.tent[tid[i+2]] >= 0 {
			nb[3] = b.tent[tid[i+2]]
		} else {
			b.feats = next2Keys(ws, i, b.feats)
		}
		b.nbents = append(b.nbents, nb)
		// (restContextKeys' row: from Tagger.cased in tagWords)
		b.ends = append(b.ends, len(b.feats))
	}
	b.sink += m.TouchKeys(b.feats)
	b.rows = m.FindRuns(b.feats, b.ends, b.rows[:0])
	b.sink += m.Touch(b.rows)
	b.tsums = slices.Grow(b.tsums, len(b.fresh))[:len(b.tw)]
	b.tpred = slices.Grow(b.tpred, len(b.fresh))[:len(b.tw)]
	start = 0
	for i, id := range b.fresh {
		end := b.ends[i]
		b.tsums[id] = perceptron.Sums{}
		if e := b.tent[id]; e >= 0 {
			b.vocab.AddSums(&b.tsums[id], e, 0)
			b.tpred[id] = uint8(b.vocab.Meta(e) >> vocabPredShift)
		} else {
			m.Add(&b.tsums[id], b.rows[start:end])
			b.tpred[id] = uint8(m.Best(&b.tsums[id]))
		}
		start = end
	}
	b.fresh = b.fresh[:0]
	// A token's tag features depend on the tags just chosen, so tagWords
	// finds their rows token by token, and a row out of the caches stalls
	// it. Guess each tag from the word sums alone and bring in the rows
	// of the tag features the guesses give, all loads overlapping.
	b.pfeats, b.pends, b.ppv = b.pfeats[:0], b.pends[:0], b.ppv[:0]
	for i := a; i < z; i++ {
		pv := uint64(2) // -1 + 3
		if i > 0 {
			pv = uint64(b.tpred[tid[i-1]]) + 3
		}
		n1 := hEnd
		if i+1 < len(ws) {
			n1 = ws[i+1].w
		}
		// (the other three tag features have few keys, soon in the
		// caches: fetching them ahead as well cost more than it saved)
		b.pfeats = append(b.pfeats, f2(tPrevWord, pv, ws[i].w), f2(tPrevNext, pv, n1))
		b.pends = append(b.pends, len(b.pfeats))
		b.ppv = append(b.ppv, uint8(pv))
	}
	b.sink += m.TouchKeys(b.pfeats)
	// (by token: tagWords takes a right guess's rows as they are)
	b.prows = m.FindRuns(b.pfeats, b.pends, b.prows[:0])
	// and the rows of the three tag-only features of the guesses (from
	// tagRows: no keys to find)
	for i := a; i < z; i++ {
		prev, prev2 := -1, -2
		if i > 0 {
			prev = int(b.tpred[tid[i-1]])
			prev2 = -1
		}
		if i > 1 {
			prev2 = int(b.tpred[tid[i-2]])
		}
		b.prows = tags.add(b.prows, prev, prev2)
	}
	b.sink += m.Touch(b.prows)
	return b.ends[nw:], start
}

// TagWords tags one sentence of tokens, appending the tags to out.
func (t *Tagger) TagWords(words []string, out []string) []string {
	b := t.pool.Get().(*buffers)
	b.reset()
	cw := make([]string, len(words))
	for i, w := range words {
		cw[i] = canon(w)
	}
	out = t.tagWords(b, cw, nil, out)
	t.pool.Put(b)
	return out
}

// window is how many tokens tagWords scores ahead: their static
// features are found and summed together, then tagged greedily.
const window = 256

// tagWords tags one sentence: words, appending the tags to out, or, with
// words nil, toks, setting their POS and Lemma a window at a time.
func (t *Tagger) tagWords(b *buffers, words []string, toks []text.Token, out []string) []string {
	n := len(words)
	if words == nil {
		n = len(toks)
	}
	// ws[j] and tid[j] are of token off+j: those of a window, the two
	// before it and the two after, made window by window (a cancelled
	// sentence of a megabyte stops before they are all made). The
	// features of tokens a..z-1 read ws up to z+1, and len(ws) only where
	// it is the sentence's end; off is 0 or a-2, so that i-off > 1 just
	// when i > 1, as static's tests of a sentence's first tokens read.
	ws, tid, off := b.ws[:0], b.tid[:0], 0
	defer func() { b.ws, b.tid = ws, tid }()
	wv, tv := words, toks // from token off
	prev, prev2 := -1, -2
	for a := 0; a < n; a += window {
		if a > 0 {
			if b.doc != nil && b.doc.Err() != nil {
				return out
			}
			k := a - 2 - off
			ws, tid = ws[:copy(ws, ws[k:])], tid[:copy(tid, tid[k:])]
			off = a - 2
			if words != nil {
				wv = words[off:]
			} else {
				tv = toks[off:]
			}
		}
		if len(b.tw) > maxTypes {
			// the tables start over (see maxTypes); the tokens this
			// window reads that were prepared already (the two before a
			// and those read ahead) are numbered in the new ones
			b.restart()
			b.prepare(wv, tv, ws, tid, 0, len(ws))
		}
		z := min(a+window, n)
		// the features of a token look two tokens ahead
		if ready, end := len(ws), min(z+2, n)-off; ready < end {
			ws, tid = slices.Grow(ws, end-ready)[:end], slices.Grow(tid, end-ready)[:end]
			b.prepare(wv, tv, ws, tid, ready, end)
		}
		ends, start := b.static(t.m, &t.tags, ws, tid, a-off, z-off)
		for i := a; i < z; i++ {
			r := i - off
			end := ends[i-a]
			b.trows = append(b.trows[:0], b.rows[start:end]...)
			start = end
			if cr := t.cased[ws[r].cased&7][firstFlag(i)]; cr >= 0 {
				b.trows = append(b.trows, cr)
			}
			// (tagFeatures: the rows of the three tag-only features
			// from tags, then the two with words found)
			b.trows = t.tags.add(b.trows, prev, prev2)
			if pv := uint64(prev + 3); pv == uint64(b.ppv[i-a]) {
				// (static found them, guessing this previous tag)
				ps := 0
				if i > a {
					ps = b.pends[i-a-1]
				}
				b.trows = append(b.trows, b.prows[ps:b.pends[i-a]]...)
			} else {
				n1 := hEnd
				if r+1 < len(ws) {
					n1 = ws[r+1].w
				}
				b.feats = append(b.feats[:0], f2(tPrevWord, pv, ws[r].w), f2(tPrevNext, pv, n1))
				b.trows = t.m.Find(b.feats, b.trows)
			}
			s := &b.sums
			if t.vocab != nil {
				// the word's sums, the neighbours' entries and the rows
				// summed at once
				t.vocab.AddAllTo(s, &b.tsums[tid[r]], b.nbents[i-a][:], asPrev, b.trows)
			} else {
				*s = b.tsums[tid[r]]
				t.m.Add(s, b.trows)
			}
			best := t.m.Best(s)
			if tag := t.m.Labels[best]; toks != nil {
				toks[i].POS = tag
				toks[i].Lemma = b.lemma(toks[i].Text, tag, tid[r])
			} else {
				out = append(out, tag)
			}
			prev2, prev = prev, best
		}
	}
	return out
}

// typeTable numbers the distinct words of a document: an open-addressing
// table of word ids keyed by the words' vocabKey, growing as words come.
type typeTable struct {
	slots []int32 // 1 + word id, 0 empty
	n     int     // words
	mask  uint64
	keys  []uint64 // of the words, to grow
}

// reset forgets the words (and a table grown large by a long document).
func (t *typeTable) reset() {
	if len(t.slots) == 0 || len(t.slots) > 4096 {
		t.slots = make([]int32, 1024)
	}
	clear(t.slots)
	t.n, t.mask, t.keys = 0, uint64(len(t.slots)-1), t.keys[:0]
}

// restart forgets the words, keeping the slots.
func (t *typeTable) restart() {
	clear(t.slots)
	t.n, t.keys = 0, t.keys[:0]
}

// find returns the id of word s of key k (words[id] is its text), and
// whether it was there; a new word gets the next id.
func (t *typeTable) find(k uint64, s string, words []string) (int32, bool) {
	j := k & t.mask
	for {
		v := t.slots[j]
		if v == 0 {
			break
		}
		if t.keys[v-1] == k && words[v-1] == s {
			return v - 1, true
		}
		j = (j + 1) & t.mask
	}
	id := int32(t.n)
	t.n++
	t.keys = append(t.keys, k)
	t.slots[j] = id + 1
	if 2*t.n > len(t.slots) {
		t.grow()
	}
	return id, false
}

func (t *typeTable) grow() {
	t.slots = make([]int32, 2*len(t.slots))
	t.mask = uint64(len(t.slots) - 1)
	for i, k := range t.keys {
		j := k & t.mask
		for t.slots[j] != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = int32(i) + 1
	}
}
