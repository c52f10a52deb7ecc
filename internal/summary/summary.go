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
	// dup reports whether sentence i repeats a trigram of those chosen
	dup := func(i int) bool {
		ts := sc.trigrams(sents[i])
		for t := range ts {
			if tri.has(&ts[t]) {
				return true
			}
		}
		return false
	}
	take := func(i int) {
		chosen = append(chosen, i)
		ts := sc.trigrams(sents[i])
		for t := range ts {
			tri.add(&ts[t])
		}
	}
	if forceLead && len(sents) > 0 {
		take(0)
	}
	// pass 0 blocks repeated trigrams and keeps a leaning sentence only
	// with the sentence before it; pass 1 fills what is left without the
	// trigram block, pass 2 without the leaning rule either. Each step
	// takes the best sentence allowed then (a leaning sentence passed
	// over is allowed once the sentence before it is chosen).
	for pass := 0; pass < 3 && len(chosen) < n; pass++ {
		for step := true; step && len(chosen) < n; {
			step = false
			for k, i := range order {
				if stop != nil && k%cancelEvery == cancelEvery-1 && stop() {
					return nil // a repetitive text can block thousands of candidates
				}
				if slices.Contains(chosen, i) {
					continue
				}
				if pass == 0 && s.m.Block && dup(i) {
					continue
				}
				if pass < 2 && leanMode != leanNone && i > 0 && lean(sents, i) && !slices.Contains(chosen, i-1) {
					// a sentence that leans on the one before it comes with
					// it (which must not lean on its own predecessor left
					// out, nor score far lower) or not at all
					j := i - 1
					if leanMode == leanSkip || len(chosen)+2 > n || (j > 0 && lean(sents, j) && !slices.Contains(chosen, j-1)) ||
						scores[j] < scores[i]-pairGap || (pass == 0 && s.m.Block && dup(j)) {
						continue
					}
					take(j)
				}
				take(i)
				step = true
				break
			}
		}
	}
	sort.Ints(chosen)
	return chosen
}

// The ways selectStop treats a sentence that leans on the one before it
// (lean), leanMode.
const (
	leanNone = iota // scored lower (penalise), nothing more
	leanPair        // chosen only together with the sentence before it
	leanSkip        // chosen only after the sentence before it
)

// leanMode is how selectStop treats a leaning sentence; a variable for
// the experiments of sweep_test.go. Session 19, CNN/DailyMail dev 5-fold
// CV (41.289 / 18.477 / 37.667 before, with the question penalties of
// context.go): leanPair 41.196 / 18.379 / 37.577 with every leaning kind,
// 41.225 / 18.426 / 37.610 with leanStrict (both without pairGap);
// leanSkip cost more (41.14 / 18.35 / 37.53). Shipped, every leaning kind
// with pairGap 1 (cmd/eval/summary): 41.29 / 18.48 / 37.67 -> 41.21 /
// 18.39 / 37.59 (LEAD-3 40.10 / 17.54 / 36.44); leanStrict with pairGap 1
// cost less (41.245 / 18.449 / 37.637 in the sweep) but leaves "It has
// ..." opening summaries. On 300 BBC + Reuters C50 articles summaries
// with a leaning sentence without the one before it 6 -> 0.
var leanMode = leanPair

// pairGap is how much lower than a leaning sentence's score (penalties
// included) the score of the sentence before it may be for the two to be
// chosen together: a sentence the model or the penalties rank far down (a
// promotion line, a quotation without its speaker) is not brought in for
// the sake of another.
var pairGap = 1.0

// forceLead makes the first sentence (after a headline) always a summary
// sentence; a variable for the experiments of sweep_test.go. Not kept:
// session 19, same CV, 41.29 / 18.48 -> 40.82 / 17.95 (lead left out of
// 67 of 300 BBC + Reuters C50 summaries, 66 with leanPair).
var forceLead = false

// lean reports whether sentence i (> 0) of sents leans on the sentence
// before it: it opens with a connective or a pronoun (openerKind).
func lean(sents [][]string, i int) bool {
	switch openerKind(sents[i]) {
	case openNone:
		return false
	case openPronoun:
		return !leanStrict
	}
	return true
}

// leanStrict leaves sentences that open with a personal pronoun ("He
// said ...") out of lean: the person is often named in the summary
// sentence before. A variable for the experiments of sweep_test.go.
var leanStrict = false

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
