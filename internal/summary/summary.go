// Package summary builds extractive summaries: it scores every sentence with
// a small learned model (gradient-boosted trees over position, length,
// centrality, overlap with the lead, key-term density, quotes ...) trained on
// greedy ROUGE-oracle labels of CNN/DailyMail stories, and returns the best
// sentences in article order, skipping sentences that repeat a word trigram
// of one already chosen. Features are computed on lower-cased tokens, so
// cased article text and the lower-cased training data look alike.
package summary

import (
	"cmp"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"unsafe"

	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/text"
)

//go:embed model.json
var modelFS embed.FS

// Summarizer picks summary sentences. It is safe for concurrent use.
type Summarizer struct {
	m *Model
}

// Load reads the embedded model.
func Load() (*Summarizer, error) {
	return LoadFS(modelFS, "model.json")
}

// LoadFS reads a model from fsys.
func LoadFS(fsys fs.FS, name string) (*Summarizer, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("summary: %w", err)
	}
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("summary: decoding model: %w", err)
	}
	if !m.check() {
		return nil, fmt.Errorf("summary: model does not match the %d features of this version", NumFeatures)
	}
	return New(&m), nil
}

// New returns a Summarizer that uses m. It compiles m's trees into the
// flat form that scores faster (with the same values); m must not change
// afterwards.
func New(m *Model) *Summarizer {
	if m.flat == nil && m.Boost != nil {
		m.flat = m.Boost.Compile()
	}
	return &Summarizer{m: m}
}

// cancelEvery is how many sentences Summarize handles between two looks
// at doc.Err: well under a millisecond of work.
const cancelEvery = 256

// Summarize returns the indices of the n best sentences of doc, ascending.
// It returns every sentence when the document has n or fewer, and nil when
// n <= 0. Once doc.Err is not nil (the request was cancelled) it stops
// early and returns nil.
//
// A headline is never a summary sentence: when the text's first line is a
// headline (no final stop, a blank line after it) that sentence is left
// out, and the others are scored as an article without it.
func (s *Summarizer) Summarize(doc *text.Document, n int) []int {
	return s.SummarizeTitled(doc, n, "")
}

// SummarizeTitled is Summarize for an article whose title (the caller's,
// "" for none) is known: a first sentence that reads as the title is a
// headline too.
func (s *Summarizer) SummarizeTitled(doc *text.Document, n int, title string) []int {
	if n <= 0 || doc.Err() != nil {
		return nil
	}
	stop := func() bool { return doc.Err() != nil }
	sc := getScratch()
	defer putScratch(sc)
	sents := zeroed(sc.sents, len(doc.Sentences))
	sc.sents = sents
	low := lowerAll(doc.Tokens, sc.low)
	sc.low = low
	for i := range doc.Sentences {
		if i%cancelEvery == cancelEvery-1 && stop() {
			return nil
		}
		sn := doc.Sentences[i]
		sents[i] = low[sn.First:sn.Last:sn.Last]
	}
	if len(sents) > 1 && headlineSentence(doc, title) {
		out := s.selectStop(sents[1:], n, stop, sc)
		for k := range out {
			out[k]++
		}
		return out
	}
	return s.selectStop(sents, n, stop, sc)
}

// lowerAll returns strings.ToLower of every token text, in low's array
// when it is large enough, with one allocation for the texts that have
// ASCII capitals (the others are the token texts themselves, or, outside
// ASCII, strings.ToLower's).
func lowerAll(toks []text.Token, low []string) []string {
	low = zeroed(low, len(toks))
	// the case c of each text (asciiCase) in low for now, as caseMark[c:]
	n := 0
	for k := range toks {
		c := asciiCase(toks[k].Text)
		low[k] = caseMark[c:]
		if c == 1 {
			n += len(toks[k].Text)
		}
	}
	// one array for the texts with capitals, written once and then only
	// read (as the strings' bytes): its capacity is exactly theirs
	buf := make([]byte, 0, n)
	for k := range toks {
		t := toks[k].Text
		switch len(caseMark) - len(low[k]) {
		case 0:
			low[k] = t
		case 2:
			low[k] = strings.ToLower(t)
		default:
			o := len(buf)
			buf = buf[:o+len(t)]
			b := buf[o:]
			for i := range b {
				c := t[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b[i] = c
			}
			low[k] = unsafe.String(&b[0], len(b))
		}
	}
	return low
}

// caseMark[c:] marks case c in lowerAll.
const caseMark = "xx"

// asciiCase is 0 for an ASCII text without capitals, 1 for an ASCII text
// with some, 2 for a text that is not ASCII.
func asciiCase(t string) int {
	var or, upper byte
	for i := 0; i < len(t); i++ {
		c := t[i]
		or |= c
		if c-'A' < 26 {
			upper = 1
		}
	}
	if or >= 0x80 {
		return 2
	}
	return int(upper)
}

// Select is Summarize on sentences given as lower-cased token texts.
func (s *Summarizer) Select(sents [][]string, n int) []int {
	return s.selectStop(sents, n, nil, nil)
}

// selectStop is Select that gives up, returning nil, once stop (when not
// nil) reports true; it asks every cancelEvery sentences. Its buffers are
// sc's when sc is not nil.
func (s *Summarizer) selectStop(sents [][]string, n int, stop func() bool, sc *scratch) []int {
	if n <= 0 {
		return nil
	}
	if len(sents) <= n {
		out := make([]int, len(sents))
		for i := range out {
			out[i] = i
		}
		return out
	}
	if sc == nil {
		sc = &scratch{}
	}
	feats := features(sents, stop, sc)
	if feats == nil {
		return nil
	}
	order := zeroed(sc.order, len(sents))
	scores := zeroed(sc.scores, len(sents))
	sc.order, sc.scores = order, scores
	for a := 0; a < len(feats); a += cancelEvery {
		if stop != nil && a > 0 && stop() {
			return nil
		}
		b := min(a+cancelEvery, len(feats))
		s.m.scoreRows(feats[a:b], scores[a:b])
	}
	for i := range order {
		order[i] = i
	}
	penalise(sents, scores, sc.quoted)
	// scores are sums of finite leaves: never NaN, so this stable order is
	// sort.SliceStable's by scores[a] > scores[b]
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
	var chosen []int
	tri := &sc.tri
	tri.reset()
	for pass := 0; pass < 2 && len(chosen) < n; pass++ {
		for k, i := range order {
			if len(chosen) == n {
				break
			}
			if stop != nil && k%cancelEvery == cancelEvery-1 && stop() {
				return nil // a repetitive text can block thousands of candidates
			}
			if slices.Contains(chosen, i) {
				continue
			}
			ts := sc.trigrams(sents[i])
			if pass == 0 && s.m.Block {
				dup := false
				for t := range ts {
					if tri.has(&ts[t]) {
						dup = true
						break
					}
				}
				if dup {
					continue
				}
			}
			chosen = append(chosen, i)
			for t := range ts {
				tri.add(&ts[t])
			}
		}
	}
	sort.Ints(chosen)
	return chosen
}

// trigram is three consecutive words of a sentence; it stands for the
// text w[0]+" "+w[1]+" "+w[2], and two trigrams are the same when their
// texts are (as in a map of the joined strings, without joining them).
type trigram struct {
	w [3]string
	h uint64 // FNV-1a of the text
}

// same reports whether t and u stand for the same text.
func (t *trigram) same(u *trigram) bool {
	if t.h != u.h {
		return false
	}
	if t.w == u.w {
		return true
	}
	// different words read the same only when some hold a space
	return t.w[0]+" "+t.w[1]+" "+t.w[2] == u.w[0]+" "+u.w[1]+" "+u.w[2]
}

// trigrams returns the trigrams of the words of s (the tokens that are
// words, isWord), in sc's buffers: good until the next call. The buffers
// keep the length of their longest use (a shorter one leaves words of an
// earlier sentence past its end), so that putScratch clears every word.
func (sc *scratch) trigrams(s []string) []trigram {
	w := sc.triWords[:0]
	for _, t := range s {
		if isWord(t) {
			w = append(w, t)
		}
	}
	if len(w) > len(sc.triWords) {
		sc.triWords = w // (a new array when append moved it: the old one is dropped)
	}
	out := sc.triBuf[:0]
	for i := 0; i+3 <= len(w); i++ {
		h := hashing.AddString(hashing.Offset, w[i])
		h = hashing.AddByte(h, ' ')
		h = hashing.AddString(h, w[i+1])
		h = hashing.AddByte(h, ' ')
		h = hashing.AddString(h, w[i+2])
		out = append(out, trigram{w: [3]string{w[i], w[i+1], w[i+2]}, h: h})
	}
	if len(out) > len(sc.triBuf) {
		sc.triBuf = out
	}
	return out
}

// triSet is a set of trigrams: an open-addressing table of indices plus
// one into its list, at most a quarter full.
type triSet struct {
	slots []int32
	list  []trigram
}

func (x *triSet) reset() {
	clear(x.list)
	x.list = x.list[:0]
	if len(x.slots) == 0 {
		x.slots = make([]int32, 256)
	}
	clear(x.slots)
}

// find returns the slot of t: where it is, or the empty one where it
// would go.
func (x *triSet) find(t *trigram) int {
	mask := len(x.slots) - 1
	for i := int(hashing.Mix(t.h)) & mask; ; i = (i + 1) & mask {
		v := x.slots[i]
		if v == 0 || x.list[v-1].same(t) {
			return i
		}
	}
}

func (x *triSet) has(t *trigram) bool { return x.slots[x.find(t)] != 0 }

func (x *triSet) add(t *trigram) {
	i := x.find(t)
	if x.slots[i] != 0 {
		return
	}
	x.list = append(x.list, *t)
	x.slots[i] = int32(len(x.list))
	if 4*len(x.list) > len(x.slots) {
		x.slots = make([]int32, 2*len(x.slots))
		mask := len(x.slots) - 1
		for k := range x.list {
			i := int(hashing.Mix(x.list[k].h)) & mask
			for x.slots[i] != 0 {
				i = (i + 1) & mask
			}
			x.slots[i] = int32(k + 1)
		}
	}
}
