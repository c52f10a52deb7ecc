package ner

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"hash/maphash"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/lector-nlp/lector/internal/perceptron"
	"github.com/lector-nlp/lector/internal/wordclusters"
	"github.com/lector-nlp/lector/internal/wordvec"
)

//go:embed model
var modelFS embed.FS

// Recognizer finds named entities. Safe for concurrent use.
type Recognizer struct {
	m1, m2     *perceptron.Model // first pass; second pass with document features (optional)
	raw1, raw2 *rawModel         // their features as in the files (for fast)
	fast       *fastModel        // both passes' weights and the vocabulary, as labelFast reads them
	tr1        trellis           // m1's transitions as viterbi reads them
	tr2        trellis           // m2's (if any)
	groups     int
	cl         *wordclusters.Clusters
	gv         *gloveTable // this model's GloVe clusters (FGlove; else nil)
	cs         *wordclusters.Case
	caseNames  *wordclusters.Case // case ratios for the name rules (names.go)
	gz         *gazetteer
	pool       sync.Pool // buffers of documents of at most poolTokens
	large      sync.Pool // of larger ones
}

type buffers struct {
	sink   uint64 // keeps Model.Touch's loads
	in     input
	ts     []tok
	feats  []uint64
	rows   []int32  // rows of the context features of every token
	uni    uniTable // distinct tokens of the document
	uidx   []int32  // each token's entry in uni
	uents  []int32  // vocabulary entry of the entries of uni (-1 none)
	pents  []int32  // each token's previous word's vocabulary entry (-1: its keys are in feats)
	nents  []int32  // each token's next word's vocabulary entry (-1: its keys are in feats)
	ufeats []uint64 // unigram features of the entries of uni
	uends  []int
	urows  []int32
	usums  []sums
	ends   []int // end of each token's rows
	em     []float32
	em2    []float32
	delta  []float32
	back   []uint8
	labels []int
	only   []bool
	quiet  []bool          // tokens known not to start a numeric mention (cannotStartNumeric)
	names  map[string]bool // lower-cased surnames of the persons named in full (nameMentions)
	others map[string]Type // a word's type in the model's first non-person mention holding it (nameMentions)
	wt     wordTable
	block  int // tokens labelFast scores at a time; 0: blockTokens (tests set it)
}

// Load reads the embedded model.
func Load() (*Recognizer, error) {
	sub, err := fs.Sub(modelFS, "model")
	if err != nil {
		return nil, err
	}
	return LoadFS(sub)
}

// LoadFS reads a model from fsys (meta.txt, pass1.bin.gz, pass2.bin.gz and,
// with FGlove, glove.bin.gz).
func LoadFS(fsys fs.FS) (*Recognizer, error) {
	meta, err := fs.ReadFile(fsys, "meta.txt")
	if err != nil {
		return nil, err
	}
	groups := 0
	for _, line := range strings.Split(string(meta), "\n") {
		if v, ok := strings.CutPrefix(line, "groups="); ok {
			groups, err = strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				return nil, fmt.Errorf("ner: bad meta.txt: %w", err)
			}
		}
	}
	read := func(name string) (*perceptron.Model, *rawModel, error) {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, err
		}
		m, err := perceptron.Read(bytes.NewReader(b))
		if err != nil {
			return nil, nil, err
		}
		raw, err := readRaw(b)
		return m, raw, err
	}
	m1, raw1, err := read("pass1.bin.gz")
	if err != nil {
		return nil, err
	}
	var m2 *perceptron.Model
	var raw2 *rawModel
	if groups&FSecondPass != 0 {
		if m2, raw2, err = read("pass2.bin.gz"); err != nil {
			return nil, err
		}
	}
	var cl *wordclusters.Clusters
	if groups&FClusters != 0 {
		if cl, err = wordclusters.Default(); err != nil {
			return nil, err
		}
	}
	var gv *gloveTable
	if groups&FGlove != 0 {
		b, err := fs.ReadFile(fsys, "glove.bin.gz")
		if err != nil {
			return nil, err
		}
		if gv, err = readGlove(b, wordvec.Default().Len()); err != nil {
			return nil, err
		}
	}
	r := newRecognizer(m1, m2, raw1, raw2, groups, cl, gv)
	// build the tables the run time uses now, not on the first call
	if r.fast != nil {
		r.m2.Prepare()
	} else {
		r.m1.Prepare()
	}
	return r, nil
}

// newRecognizer makes a recogniser of the pass models with word clusters
// cl and GloVe clusters gv (kept only with FGlove), either nil if unused.
func newRecognizer(m1, m2 *perceptron.Model, raw1, raw2 *rawModel, groups int, cl *wordclusters.Clusters, gv *gloveTable) *Recognizer {
	if groups&FGlove == 0 {
		gv = nil // (no features read them)
	}
	r := &Recognizer{m1: m1, m2: m2, raw1: raw1, raw2: raw2, groups: groups, cl: cl, gv: gv}
	r.tr1.init(m1.Trans, m1.Start)
	if m2 != nil {
		r.tr2.init(m2.Trans, m2.Start)
	}
	if groups&FGazetteer != 0 {
		r.gz = sharedGazetteer()
	}
	if m2 != nil && groups&FClusters2 == 0 {
		if raw1 == nil || raw2 == nil { // (a model trained or pruned here)
			raw1, raw2 = rawOf(m1), rawOf(m2)
		}
		// (FClusters2 reads the clusters of vocabulary words, which
		// fastModel does not keep)
		r.raw1, r.raw2 = raw1, raw2
		r.fast = newFast(raw1, raw2, cl, gv, r.gz, groups&^(FSecondPass|FSelective))
	}
	if groups&FCase != 0 {
		r.cs = sharedCase()
	}
	r.caseNames = sharedCase()
	r.pool.New = func() any { return new(buffers) }
	return r
}

var (
	caseOnce sync.Once
	caseVal  *wordclusters.Case
)

// sharedCase loads the case ratios once (nil if they cannot be read).
func sharedCase() *wordclusters.Case {
	caseOnce.Do(func() { caseVal, _ = wordclusters.LoadCase() })
	return caseVal
}

var (
	gazOnce sync.Once
	gazVal  *gazetteer
)

func sharedGazetteer() *gazetteer {
	gazOnce.Do(func() { gazVal = newGazetteer() })
	return gazVal
}

// Pruned returns a recogniser whose models leave out the features with
// all weights below minAbs (to measure the size/accuracy trade-off).
func (r *Recognizer) Pruned(minAbs float32) *Recognizer {
	var m2 *perceptron.Model
	if r.m2 != nil {
		m2 = r.m2.Prune(minAbs)
	}
	return newRecognizer(r.m1.Prune(minAbs), m2, nil, nil, r.groups, r.cl, r.gv)
}

// Models returns the pass models (the second may be nil), for reporting.
func (r *Recognizer) Models() (*perceptron.Model, *perceptron.Model) { return r.m1, r.m2 }

// label runs the model(s) over b.in and leaves the label ids in b.labels.
//
// Once b.in.doc is cancelled it returns early (b.in.stopped set) with
// labels that are to be discarded.
func (r *Recognizer) label(b *buffers) {
	b.ts = prepareVocab(&b.in, r.cl, r.gv, r.cs, r.gz, r.fast, b.ts, &b.wt)
	groups := r.groups &^ (FSecondPass | FSelective)
	n := len(b.ts)
	b.labels = grow(b.labels, n, 2*blockTokens)
	if b.in.stopped {
		return
	}
	if r.fast != nil {
		r.labelFast(b, groups)
		return
	}
	r.decode(b, r.m1, groups, nil)
	if r.m2 != nil {
		secondPass(b.ts, b.labels, &b.wt)
		var only []bool
		if r.groups&FSelective != 0 {
			b.only = b.only[:0]
			for _, s := range b.in.sents {
				b.only = append(b.only, needsSecondPass(b.ts[s[0]:s[1]], r.groups&FFirstMention != 0))
			}
			only = b.only
		}
		r.decode(b, r.m2, r.groups, only)
	}
}

// blockTokens is the most tokens labelFast scores at a time: its keys,
// rows and scores are kept for one block, not for the whole document (a
// news article is one block; a 1 MB one, about 55). A sentence longer
// than a block is stepped through Viterbi a block at a time.
const blockTokens = 4096

// grow returns s with length n, made anew with room to spare (up to
// limit) when it is too short.
func grow[T any](s []T, n, limit int) []T {
	if cap(s) < n {
		s = make([]T, n, max(n, min(2*n, limit)))
	}
	return s[:n]
}

// labelFast runs both passes with one feature lookup per token: the
// first pass's scores from the first model's rows, and for the sentences
// the second pass re-decodes, the second model's rows of the same keys
// and its document features. The tokens are scored a block at a time
// (see blockRows); in a document of more than one block, the blocks the
// second pass needs are looked up again.
func (r *Recognizer) labelFast(b *buffers, groups int) {
	f := r.fast
	n := len(b.ts)
	sents := b.in.sents
	bt := cmp.Or(b.block, blockTokens)
	longest := 0
	for _, s := range sents {
		longest = max(longest, s[1]-s[0])
	}
	b.back = grow(b.back, longest*nLabels, 2*blockTokens*nLabels)
	b.delta = grow(b.delta, 2*nLabels, 2*nLabels)
	blk := min(n, bt)
	b.em = grow(b.em, blk*nLabels, bt*nLabels)
	b.em2 = grow(b.em2, blk*nLabels, bt*nLabels)
	si := 0
	for a := 0; a < n; a += bt {
		z := min(a+bt, n)
		if !r.blockRows(b, a, z, groups) {
			return
		}
		em := b.em[:(z-a)*nLabels]
		start := 0
		for j, end := range b.ends {
			if b.in.done(1) {
				return
			}
			s := b.usums[b.uidx[j]]
			// the neighbours' entries and the rows summed at once
			f.addEntries(&s, []int32{b.pents[j], b.nents[j]}, 1, b.rows[start:end], 0)
			start = end
			s.scores(f.s1, em[j*nLabels:(j+1)*nLabels])
		}
		if si = r.step(&r.tr1, b, a, z, si, em, nil); b.in.stopped {
			return
		}
	}
	secondPass(b.ts, b.labels, &b.wt)
	b.only = b.only[:0]
	for _, s := range sents {
		if b.in.done(s[1] - s[0]) {
			return
		}
		b.only = append(b.only, r.groups&FSelective == 0 || needsSecondPass(b.ts[s[0]:s[1]], r.groups&FFirstMention != 0))
	}
	si = 0
	for a := 0; a < n; a += bt {
		z := min(a+bt, n)
		em2 := b.em2[:(z-a)*nLabels]
		looked := n <= bt // (the first pass's rows are still there)
		for k := si; k < len(sents) && sents[k][0] < z; k++ {
			s := sents[k]
			lo, hi := max(s[0], a), min(s[1], z)
			if !b.only[k] || lo >= hi {
				continue
			}
			if !looked {
				if !r.blockRows(b, a, z, groups) {
					return
				}
				looked = true
			}
			if b.in.done(hi - lo) {
				return
			}
			for i := lo; i < hi; i++ {
				r.secondScores(b, i, i-a, em2[(i-a)*nLabels:(i-a+1)*nLabels])
			}
		}
		if si = r.step(&r.tr2, b, a, z, si, em2, b.only); b.in.stopped {
			return
		}
	}
}

// blockRows finds the rows of the keys of tokens [a, z) (a block): the
// features of a token alone (word, tag, ...) are summed once per
// distinct token of the block (b.usums, b.uidx), those with its
// neighbours per token (b.rows, b.ends, b.pents, b.nents). The slots of
// every token's keys are found first, so that the memory loads of many
// tokens overlap, then summed token by token. It returns false when the
// document was cancelled.
func (r *Recognizer) blockRows(b *buffers, a, z, groups int) bool {
	f := r.fast
	b.uni.reset(z - a)
	b.feats, b.ends = b.feats[:0], b.ends[:0]
	b.ufeats, b.uends, b.uidx, b.uents = b.ufeats[:0], b.uends[:0], b.uidx[:0], b.uents[:0]
	b.pents, b.nents = b.pents[:0], b.nents[:0]
	for i := a; i < z; i++ {
		if b.in.done(1) {
			return false
		}
		t := &b.ts[i]
		u, ok := b.uni.find(b.ts, i)
		if !ok {
			if t.ent >= 0 {
				b.ufeats = tokenFeatures(t, groups, b.ufeats)
			} else {
				b.ufeats = unigramFeatures(t, groups, b.ufeats)
			}
			b.uends = append(b.uends, len(b.ufeats))
			b.uents = append(b.uents, t.ent)
		}
		b.uidx = append(b.uidx, u)
		// the keys a neighbour of the vocabulary gives are in its entry
		pe, ne := int32(-1), int32(-1)
		if i-1 >= t.sentStart && b.ts[i-1].ent >= 0 {
			pe = b.ts[i-1].ent
		} else {
			b.feats = prevWordKeys(b.ts, i, groups, b.feats)
		}
		if i+1 < t.sentEnd && b.ts[i+1].ent >= 0 {
			ne = b.ts[i+1].ent
		} else {
			b.feats = nextWordKeys(b.ts, i, groups, b.feats)
		}
		b.pents, b.nents = append(b.pents, pe), append(b.nents, ne)
		b.feats = pairFeatures(b.ts, i, groups, b.feats)
		b.ends = append(b.ends, len(b.feats))
	}
	b.sink += f.touchKeys(b.ufeats) + f.touchKeys(b.feats)
	b.urows = f.findRuns(b.ufeats, b.uends, b.urows[:0])
	b.rows = f.findRuns(b.feats, b.ends, b.rows[:0])
	b.usums = slices.Grow(b.usums[:0], len(b.uends))[:len(b.uends)]
	start := 0
	for i, end := range b.uends {
		b.usums[i] = sums{}
		f.addEntries(&b.usums[i], b.uents[i:i+1], 0, b.urows[start:end], 0)
		start = end
	}
	return true
}

// step runs Viterbi with tr over the tokens [a, z) of the sentences from
// sents[si] on, whose scores em holds from token a, and writes the labels
// of the sentences that end by z; only, if not nil, marks the sentences
// to run. It returns the first sentence not finished (the one that goes
// on in the next block, if any).
func (r *Recognizer) step(tr *trellis, b *buffers, a, z, si int, em []float32, only []bool) int {
	sents := b.in.sents
	for ; si < len(sents) && sents[si][0] < z; si++ {
		s := sents[si]
		lo, hi := max(s[0], a), min(s[1], z)
		if only == nil || only[si] {
			if b.in.done(hi - lo) {
				return si
			}
			tr.forward(lo-s[0], hi-lo, em[(lo-a)*nLabels:(hi-a)*nLabels], b.back, b.delta)
			if hi == s[1] {
				tr.finish(s[1]-s[0], b.back, b.delta, b.labels[s[0]:s[0]])
			}
		}
		if hi < s[1] {
			break
		}
	}
	return si
}

// secondScores writes the second model's scores of token i, token j of
// its block, to em2: its rows of the token's keys (found by blockRows),
// then its document features.
func (r *Recognizer) secondScores(b *buffers, i, j int, em2 []float32) {
	f := r.fast
	u := b.uidx[j]
	ustart, cstart := 0, 0
	if u > 0 {
		ustart = b.uends[u-1]
	}
	if j > 0 {
		cstart = b.ends[j-1]
	}
	var s sums
	f.addEntries(&s, b.uents[u:u+1], 0, b.urows[ustart:b.uends[u]], 1)
	f.addEntries(&s, []int32{b.pents[j], b.nents[j]}, 1, b.rows[cstart:b.ends[j]], 1)
	s.scores(f.s2, em2)
	b.feats = docFeatures(b.ts, i, r.groups, b.feats[:0])
	if len(b.feats) > 0 {
		r.m2.Score(b.feats, em2)
	}
}

// needsSecondPass reports whether some word of the sentence got a type
// elsewhere in the document that disagrees with its first-pass label.
func needsSecondPass(ts []tok, first bool) bool {
	for i := range ts {
		t := &ts[i]
		if t.docPrev != 0 || t.docFirst != 0 {
			own := uint8(5)
			if t.lab1 != 0 {
				own = uint8(ltype(int(t.lab1)) + 1)
			}
			if t.docPrev != 0 && own != t.docPrev || first && t.docFirst != 0 && own != t.docFirst {
				return true
			}
		}
	}
	return false
}

// decode scores the tokens with m and runs Viterbi per sentence, writing
// b.labels; with only set, just the sentences marked true.
func (r *Recognizer) decode(b *buffers, m *perceptron.Model, groups int, only []bool) {
	n := len(b.ts)
	if cap(b.em) < n*nLabels {
		b.em = make([]float32, n*nLabels*2)
		b.delta = make([]float32, n*nLabels*2)
		b.back = make([]uint8, n*nLabels*2)
	}
	if len(b.labels) != n {
		b.labels = make([]int, n)
	}
	em := b.em[:n*nLabels]
	tr := &r.tr1
	if m == r.m2 {
		tr = &r.tr2
	}
	for si, s := range b.in.sents {
		if only != nil && !only[si] {
			continue
		}
		e := em[s[0]*nLabels : s[1]*nLabels]
		for i := range e {
			e[i] = 0
		}
		for i := s[0]; i < s[1]; i++ {
			b.feats = features(b.ts, i, groups, b.feats[:0])
			m.Score(b.feats, em[i*nLabels:(i+1)*nLabels])
		}
		tr.viterbi(s[1]-s[0], e, b.back, b.delta, b.labels[s[0]:s[0]])
	}
}

// poolTokens is the largest document whose buffers are pooled for the
// next call: a larger one (about 150 kB of text and more) gets buffers of
// its own, which go to a pool of their own, so that one very large article
// does not pin hundreds of megabytes in the pool news articles take from
// (a buffer taken and put back by every call is never dropped); the
// collector drops the large ones at its second cycle without a large call.
const poolTokens = 32 << 10

// get returns the buffers for a document of n tokens (see poolTokens).
func (r *Recognizer) get(n int) *buffers {
	if n > poolTokens {
		if b, ok := r.large.Get().(*buffers); ok {
			return b
		}
		return new(buffers)
	}
	return r.pool.Get().(*buffers)
}

// put returns b to its pool.
func (r *Recognizer) put(b *buffers) {
	if cap(b.ts) > poolTokens || cap(b.in.words) > poolTokens {
		r.large.Put(b)
		return
	}
	r.pool.Put(b)
}

// LabelSentences labels the sentences of one document given as tokens
// with their POS tags, and returns IOB2 tags (B-PER, I-ORG, O, ...).
// Used for evaluation on CoNLL data.
func (r *Recognizer) LabelSentences(words, tags [][]string) [][]string {
	n := 0
	for _, s := range words {
		n += len(s)
	}
	b := r.get(n)
	defer r.put(b)
	b.in = input{}
	for i, s := range words {
		st := len(b.in.words)
		for j, w := range s {
			b.in.words = append(b.in.words, canon(w))
			b.in.pos = append(b.in.pos, tags[i][j])
		}
		b.in.sents = append(b.in.sents, [2]int{st, len(b.in.words)})
	}
	r.label(b)
	out := make([][]string, len(words))
	k := 0
	names := labelNames()
	for i, s := range words {
		out[i] = make([]string, len(s))
		for j := range s {
			l := b.labels[k]
			k++
			if l == 0 {
				out[i][j] = "O"
				continue
			}
			pre := "I-"
			if lpos(l) == 0 || lpos(l) == 3 {
				pre = "B-"
			}
			out[i][j] = pre + names[l][2:]
		}
	}
	return out
}

// canon maps typographic quotes, apostrophes and dashes to the ASCII
// forms of the training data.
func canon(s string) string {
	if len(s) < 2 || s[0] < 0x80 && s[len(s)-1] < 0x80 {
		return s
	}
	switch s {
	case "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb":
		return "\""
	case "\u2018", "\u2019":
		return "'"
	case "\u2019s", "\u2019S":
		return "'s"
	case "\u2013", "\u2014":
		return "--"
	case "\u2026":
		return "..."
	}
	if strings.Contains(s, "\u2019") {
		return strings.ReplaceAll(s, "\u2019", "'")
	}
	return s
}

// uniTable finds the distinct tokens of a document (equal keyOf): an
// open-addressing table of their first tokens, keyed by a hash of the key.
type uniTable struct {
	slots []int32 // 1 + the entry's first token, 0 empty
	ents  []int32 // the entry of a slot
	n     int32   // entries
	mask  uint64
}

// uniSeed seeds the hash of the words with digits in uniTable.find: the
// probe order does not change the entries, which follow the tokens.
var uniSeed = maphash.MakeSeed()

// reset empties the table for a document of n tokens.
func (u *uniTable) reset(n int) {
	size := 64
	for size < 2*n {
		size <<= 1
	}
	if cap(u.slots) < size {
		u.slots, u.ents = make([]int32, size), make([]int32, size)
	}
	u.slots, u.ents = u.slots[:size], u.ents[:size]
	clear(u.slots)
	u.n, u.mask = 0, uint64(size-1)
}

// find returns the entry of token i, and whether it was there; a token
// of a new key gets the next entry.
func (u *uniTable) find(ts []tok, i int) (int32, bool) {
	t := &ts[i]
	h := t.wh*0x9E3779B97F4A7C15 ^ t.pos*0xC2B2AE3D27D4EB4F ^ t.gaz*0x165667B19E3779F9 ^ t.gaz2*0x27D4EB2F165667C5 ^
		uint64(b2u(t.first)|b2u(t.capsSent)<<1|uint64(t.docCase)<<2)
	if !t.noNum {
		// wh maps digits to 0: the distinct numbers of one shape would
		// share one probe chain (a 1 MB list of figures took 67 s)
		h ^= maphash.String(uniSeed, t.word)
	}
	j := perceptron.Mix(h) & u.mask
	for {
		s := u.slots[j]
		if s == 0 {
			u.slots[j], u.ents[j] = int32(i)+1, u.n
			u.n++
			return u.n - 1, false
		}
		if keyOf(&ts[s-1]) == keyOf(t) {
			return u.ents[j], true
		}
		j = (j + 1) & u.mask
	}
}
