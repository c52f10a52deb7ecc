package quotes

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/hugemem"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// filter.tsv holds the weights of a logistic model that scores each
// candidate quote by how likely it is right. It is trained by
// cmd/train/quotes on the PolNeAR train split.
//
//go:embed filter.tsv
var filterTSV string

// Filter is a logistic model over the features of a candidate quote.
type Filter struct {
	w    map[string]float64
	h    weightTable // w by the hash of the key, for fsink
	bias float64

	boundOnce sync.Once
	bound     endBounds // for the end model, made on first use

	vecOnce sync.Once
	vec     [len(vecKeys)][]float64 // the cue model's weights of word vectors per class, made on first use
}

// hashed fills f.h from f.w.
func (f *Filter) hashed() *Filter {
	f.h = newWeightTable(len(f.w))
	for k, v := range f.w {
		f.h.put(hashParts(k), v)
	}
	return f
}

// weightTable maps feature hashes to weights by open addressing with
// linear probing: faster than a Go map for the many look-ups a document
// makes. A key and its weight share a slot, so that a look-up reads one
// cache line.
type weightTable struct {
	slots []wslot
	mask  uint64
	zero  float64 // the weight of hash 0
	n     int
}

type wslot struct {
	key uint64 // 0: empty
	val float64
}

// hugeArena holds the weight tables of the first models loaded: the three
// embedded models' tables (1.3 MB) sit in one 2 MB huge page, one TLB
// entry instead of ~330 4 KB pages, nearly each of which missed the TLB
// once the tables were out of the caches. Tables that no longer fit go on
// the Go heap.
var hugeArena hugemem.Arena

// newWeightTable returns a table for n weights, at most 3/4 full (linear
// probing then reads one or two slots, mostly in one cache line).
func newWeightTable(n int) weightTable {
	size := 16
	for 3*size < 4*n {
		size <<= 1
	}
	slots := hugemem.Alloc[wslot](&hugeArena, size)
	if slots == nil {
		slots = make([]wslot, size)
	}
	return weightTable{slots: slots, mask: uint64(size - 1)}
}

func (t *weightTable) put(h uint64, v float64) {
	if h == 0 {
		t.zero = v
		t.n++
		return
	}
	i := hashing.Mix(h) & t.mask
	for t.slots[i].key != 0 && t.slots[i].key != h {
		i = (i + 1) & t.mask
	}
	if t.slots[i].key == 0 {
		t.n++
	}
	t.slots[i] = wslot{h, v}
}

func (t *weightTable) get(h uint64) float64 {
	if h == 0 {
		return t.zero
	}
	for i := hashing.Mix(h) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		switch s.key {
		case h:
			return s.val
		case 0:
			return 0
		}
	}
}

// hashParts is the FNV-1a hash of the concatenated parts.
func hashParts(parts ...string) uint64 {
	h := uint64(hashing.Offset)
	for _, p := range parts {
		h = hashing.AddString(h, p)
	}
	return h
}

// fsink receives the features of a token model: it sums their weights in
// m, or, for training, collects their names. The hashes wait in buf and
// are looked up together (sum): the look-ups, mostly cache misses, then
// overlap instead of each waiting behind the hashing of the next feature.
// The weights are added in the order the features came, as one at a time.
type fsink struct {
	m     *Filter
	z     float64 // the sum of the weights of the features before buf
	names *[]string
	nb    int
	buf   [sinkBuf]uint64
}

// sinkBuf is how many feature hashes a sink holds before it sums them.
const sinkBuf = 48

func (s *fsink) push(h uint64) {
	if s.nb == sinkBuf {
		s.flush()
	}
	s.buf[s.nb] = h
	s.nb++
}

func (s *fsink) flush() {
	z := s.z
	for _, h := range s.buf[:s.nb] {
		z += s.m.h.get(h)
	}
	s.z, s.nb = z, 0
}

// sum returns the starting value plus the weights of the features added.
func (s *fsink) sum() float64 {
	s.flush()
	return s.z
}

func (s *fsink) add(parts ...string) {
	if s.names != nil {
		*s.names = append(*s.names, strings.Join(parts, ""))
		return
	}
	s.push(hashParts(parts...))
}

// hpre is the start of a feature name and its hash, for features that
// share a prefix across many boundaries.
type hpre struct {
	h     uint64
	parts *[3]string // joined only when a feature is named, for training
}

// addPre adds the feature named by p's prefix and the parts: the same
// hash as add of all of them.
func (s *fsink) addPre(p *hpre, parts ...string) {
	if s.names != nil {
		*s.names = append(*s.names, p.parts[0]+p.parts[1]+p.parts[2]+strings.Join(parts, ""))
		return
	}
	h := p.h
	for _, q := range parts {
		h = hashing.AddString(h, q)
	}
	s.push(h)
}

// addPre1 is addPre of one part, addPre2 of a, "*" and b: with no slice
// of parts to build, their many call sites are shorter.
func (s *fsink) addPre1(p *hpre, a string) {
	if s.names != nil {
		*s.names = append(*s.names, p.parts[0]+p.parts[1]+p.parts[2]+a)
		return
	}
	s.push(hashing.AddString(p.h, a))
}

func (s *fsink) addPre2(p *hpre, a, b string) {
	if s.names != nil {
		*s.names = append(*s.names, p.parts[0]+p.parts[1]+p.parts[2]+a+"*"+b)
		return
	}
	s.push(hashStar(p.h, a, b))
}

// hashStar hashes a, "*" and b into h.
func hashStar(h uint64, a, b string) uint64 {
	h = hashing.AddString(h, a)
	h = (h ^ '*') * hashing.Prime
	return hashing.AddString(h, b)
}

// featSink receives the features of a candidate quote: it sums their
// weights in m, or, for training, sets them in f. Like fsink, it looks the
// hashes up in batches (sum), adding in the order the features came.
type featSink struct {
	m  *Filter
	z  float64
	f  map[string]float64
	nb int
	h  [sinkBuf]uint64
	v  [sinkBuf]float64
}

func (s *featSink) push(h uint64, v float64) {
	if s.nb == sinkBuf {
		s.flush()
	}
	s.h[s.nb], s.v[s.nb] = h, v
	s.nb++
}

// flush adds w*v for each feature held; a binary feature has v = 1, and
// w*1 is w exactly.
func (s *featSink) flush() {
	z := s.z
	for i, h := range s.h[:s.nb] {
		z += s.m.h.get(h) * s.v[i]
	}
	s.z, s.nb = z, 0
}

// sum returns the starting value plus the weights of the features added.
func (s *featSink) sum() float64 {
	s.flush()
	return s.z
}

// on adds the binary feature named by the concatenated parts.
func (s *featSink) on(parts ...string) {
	if s.f != nil {
		s.f[strings.Join(parts, "")] = 1
		return
	}
	s.push(hashParts(parts...), 1)
}

// num adds a real-valued feature.
func (s *featSink) num(k string, v float64) {
	if s.f != nil {
		s.f[k] = v
		return
	}
	s.push(hashParts(k), v)
}

// onPre is on of the feature named by p's prefix and the parts: the same
// hash as on of all of them.
func (s *featSink) onPre(p *hpre, parts ...string) {
	if s.f != nil {
		s.f[p.parts[0]+p.parts[1]+p.parts[2]+strings.Join(parts, "")] = 1
		return
	}
	h := p.h
	for _, q := range parts {
		h = hashing.AddString(h, q)
	}
	s.push(h, 1)
}

// onPre1 is onPre of one part, onPre2 of a, "*" and b (as addPre1 and
// addPre2).
func (s *featSink) onPre1(p *hpre, a string) {
	if s.f != nil {
		s.f[p.parts[0]+p.parts[1]+p.parts[2]+a] = 1
		return
	}
	s.push(hashing.AddString(p.h, a), 1)
}

func (s *featSink) onPre2(p *hpre, a, b string) {
	if s.f != nil {
		s.f[p.parts[0]+p.parts[1]+p.parts[2]+a+"*"+b] = 1
		return
	}
	s.push(hashStar(p.h, a, b), 1)
}

// numPre is num of the feature named by p.
func (s *featSink) numPre(p *hpre, v float64) {
	if s.f != nil {
		s.f[p.parts[0]+p.parts[1]+p.parts[2]] = v
		return
	}
	s.push(p.h, v)
}

// prob is the model's probability for the features added.
func (s *fsink) prob() float64 { return 1 / (1 + math.Exp(-s.sum())) }

var (
	filterOnce sync.Once
	embedded   *Filter
)

func getFilter() *Filter {
	filterOnce.Do(func() { embedded = ParseFilter(filterTSV) })
	return embedded
}

// ParseFilter reads weights written by (*Filter).String.
func ParseFilter(tsv string) *Filter {
	f := &Filter{w: map[string]float64{}}
	for _, line := range strings.Split(tsv, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			continue
		}
		if k == "<bias>" {
			f.bias = x
		} else {
			f.w[k] = x
		}
	}
	return f.hashed()
}

// NewFilter makes a filter from weights.
func NewFilter(w map[string]float64, bias float64) *Filter {
	return (&Filter{w: w, bias: bias}).hashed()
}

// Score is the modelled probability that a candidate with these features
// is right.
func (f *Filter) Score(feats map[string]float64) float64 {
	if f == nil {
		return 1
	}
	z := f.bias
	for k, v := range feats {
		z += f.w[k] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// String writes the weights, one "feature<TAB>weight" a line.
func (f *Filter) String() string {
	keys := make([]string, 0, len(f.w))
	for k, v := range f.w {
		if v != 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "<bias>\t%.5f\n", f.bias)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%.5f\n", k, f.w[k])
	}
	return b.String()
}

// meta is what the extractor knows of a quote beyond the Quote itself.
type meta struct {
	rule string
	cue  cueInfo
}

// newQuote returns a pointer to a copy of q, from chunks of quotes made
// together (one allocation for many candidates; append within a chunk's
// capacity never moves the quotes before).
func (x *extractor) newQuote(q Quote) *Quote {
	if len(x.qchunk) == cap(x.qchunk) {
		x.qchunk = make([]Quote, 0, 16)
	}
	x.qchunk = append(x.qchunk, q)
	return &x.qchunk[len(x.qchunk)-1]
}

// oneWord returns []string{w}, cut from chunks of words made together.
func (x *extractor) oneWord(w string) []string {
	if len(x.wchunk) == cap(x.wchunk) {
		x.wchunk = make([]string, 0, 16)
	}
	x.wchunk = append(x.wchunk, w)
	n := len(x.wchunk)
	return x.wchunk[n-1 : n : n]
}

func (x *extractor) add(q *Quote, rule string, c cueInfo) {
	x.quotes = append(x.quotes, q)
	x.metas = append(x.metas, meta{rule: rule, cue: c})
}

// Candidate is a quote with the features the filter scores it by.
type Candidate struct {
	Quote    Quote
	Features map[string]float64
	// Dropped: the result drops the quote whatever its score (a bare
	// object of "tell", a figure, a result, an event seen)
	Dropped bool
	// Fixed: the result keeps the quote whatever its score (a transcript
	// line, a byline, a possessive with PossessiveKeep); it then wins
	// deduplication as a score of 1
	Fixed bool
}

// Candidates returns every quote the rules find, unfiltered, with its
// features, for training the filter.
func Candidates(doc *text.Document, ents []entity.Entity, o Options) []Candidate {
	o.MinScore = 0
	x := newExtractor(doc, ents, o)
	x.run()
	out := make([]Candidate, 0, len(x.quotes))
	x.nesting()
	for i, q := range x.sorted() {
		fs := featSink{f: make(map[string]float64, 32)}
		x.features(i, &fs)
		bare := x.bareContent(q, x.metas[i])
		r := x.metas[i].rule
		out = append(out, Candidate{Quote: *q, Features: fs.f,
			Dropped: bare == bareTell || bare == bareFigure || x.resultObject(q) || x.seenEvent(q),
			Fixed:   r == "colon" || r == "dash" || r == "possessive" && x.o.PossessiveKeep})
	}
	return out
}

// nesting marks the quotes whose content lies inside another quote's
// ("inner": "X reports that Y announced that ...") and those that hold
// another ("outer"), for the filter.
func (x *extractor) nesting() {
	if !x.o.NestFeature {
		return
	}
	qs := x.sorted()
	x.nested = make([]string, len(qs))
	for i, q := range qs {
		for j := i + 1; j < len(qs); j++ {
			r := qs[j]
			if r.Content.Start >= q.Content.End {
				break
			}
			if r.Content.End <= q.Content.End {
				x.nested[j] = "inner"
				if x.nested[i] == "" {
					x.nested[i] = "outer"
				}
			}
		}
	}
}

func bucket(n int) string {
	switch {
	case n <= 2:
		return "1-2"
	case n <= 5:
		return "3-5"
	case n <= 10:
		return "6-10"
	case n <= 20:
		return "11-20"
	case n <= 40:
		return "21-40"
	}
	return "41+"
}

// The filter's feature prefixes, hashed once.
var (
	fRule              = pre("rule=")
	fKind              = pre("kind=")
	fRuleKind          = pre("rule*kind=")
	fCue               = pre("cue=")
	fCueCore           = pre("cue-core")
	fCueLearned        = pre("cue-learned")
	fCueScore          = pre("cue-score")
	fCuePrecision      = pre("cue-precision")
	fCueRare           = pre("cue-rare")
	fCueRatio          = pre("cue-ratio")
	fContentFiniteVerb = pre("content-finite-verb")
	fRuleFinite        = pre("rule*finite=")
	fLen               = pre("len=")
	fKindLen           = pre("kind*len=")
	fFirst             = pre("first=")
	fFirstPos          = pre("first-pos=")
	fEndsInQuote       = pre("ends-in-quote")
	fStartsSentence    = pre("starts-sentence")
	fFirstSentence     = pre("first-sentence")
	fNest              = pre("nest=")
	fNestRule          = pre("nest*rule=")
	fCuePos            = pre("cue-pos=")
	fCueModel          = pre("cue-model")
	fCueModelGt        = pre("cue-model>")
	fContentBeforeCue  = pre("content-before-cue")
	fSpeakerNone       = pre("speaker=none")
	fSpeaker           = pre("speaker=")
	fRulePerson        = pre("rule*person=")
	fSpeakerHeadPos    = pre("speaker-head-pos=")
	fSpeakerPronoun    = pre("speaker=pronoun-")
	fSpeakerOther      = pre("speaker=other")
	fRuleFirstPos      = pre("rule*first-pos=")
	fRuleLen           = pre("rule*len=")
	fLast              = pre("last=")
	fLastPos           = pre("last-pos=")
	fNoSpeakerRule     = pre("no-speaker*rule=")
	fSpeakerPosRule    = pre("speaker-pos*rule=")
	fCueLemmaRule      = pre("cue-lemma*rule=")
	fGapBefore         = pre("gap-before=")
	fGapAfter          = pre("gap-after=")
	fSentOthers        = pre("sent-others=")
	fHasQuoteRule      = pre("has-quote*rule=")
	fFirstW            = pre("first-w=")
	fFirstWRule        = pre("first-w*rule=")
	fAfter             = pre("after=")
	fAfterRule         = pre("after*rule=")
	fLastAfter         = pre("last*after=")
	fCueNext           = pre("cue-next=")
	fCueNextRule       = pre("cue-next*rule=")
	fCueLemmaNext      = pre("cue-lemma*next=")
	fCuePrev           = pre("cue-prev=")
	fCueLemmaFirst     = pre("cue-lemma*first=")
	fCueLemmaSpeaker   = pre("cue-lemma*speaker=")
	fParaStartRule     = pre("para-start*rule=")
	fShape             = pre("shape=")
	fShapeRule         = pre("shape*rule=")
	fCueLemmaShape     = pre("cue-lemma*shape=")
	fCueSourceShape    = pre("cue-source*shape=")
)

// features describes the i-th candidate quote (of x.sorted) for the
// filter, to fs.
func (x *extractor) features(i int, fs *featSink) {
	q, m := x.quotes[i], x.metas[i]
	kind := q.Kind.String()
	fs.onPre1(fRule, m.rule)
	fs.onPre1(fKind, kind)
	fs.onPre2(fRuleKind, m.rule, kind)
	cue := cueText(x.doc.Text[q.Cue.Start:q.Cue.End])
	if cue != "" {
		fs.onPre1(fCue, cue)
	}
	if m.cue.core {
		fs.onPre(fCueCore)
	}
	if m.cue.learned {
		fs.onPre(fCueLearned)
		fs.numPre(fCueScore, m.cue.score)
	} else if m.cue.extracted >= 3 {
		fs.numPre(fCuePrecision, m.cue.precision())
	} else {
		fs.onPre(fCueRare)
	}
	fs.numPre(fCueRatio, m.cue.ratio)
	a, b := x.tokRange(q.Content)
	if a < 0 {
		a, b = x.tokAt(q.Content.Start), x.tokAt(q.Content.End-1)+1
	}
	words := 0
	for i := a; i < b; i++ {
		if isWordTok(x.tok(i)) {
			words++
		}
	}
	verb := false
	for i := a; i < b; i++ {
		if p := x.pos(i); p == "VBD" || p == "VBZ" || p == "VBP" || p == "MD" {
			verb = true
			break
		}
	}
	if verb {
		fs.onPre(fContentFiniteVerb)
		fs.onPre1(fRuleFinite, m.rule)
	}
	fs.onPre1(fLen, bucket(words))
	fs.onPre2(fKindLen, kind, bucket(words))
	if x.o.ShapeFeatures && a < b {
		x.shapeFeatures(q, m, a, b, fs)
	}
	if x.o.RichFeatures && a < b {
		x.richFeatures(q, m, a, b, words, fs)
	}
	if x.o.ContextFeatures && a < b {
		x.contextFeatures(q, m, a, b, fs)
	}
	if a < b {
		first := x.ltok(a)
		if first == "that" || x.markKind(a) != 0 {
			fs.onPre1(fFirst, first)
		}
		fs.onPre1(fFirstPos, x.pos(a))
		if x.qAt(b-1) >= 0 {
			fs.onPre(fEndsInQuote)
		}
		if x.sentence(a).First == a {
			fs.onPre(fStartsSentence)
		}
		if x.tokSent[a] == 0 {
			fs.onPre(fFirstSentence)
		}
	}
	if n := x.nestedAt(i); n != "" && x.o.NestFeature {
		fs.onPre1(fNest, n)
		fs.onPre2(fNestRule, n, m.rule)
	}
	if q.Cue.End > 0 {
		c0 := x.tokAt(q.Cue.Start)
		fs.onPre1(fCuePos, x.pos(c0))
		// the cue model's view of the cue verb in its context
		if x.o.CueFeature && x.tagged {
			v := -1
			for k := c0; k < len(x.toks) && x.toks[k].Start < q.Cue.End; k++ {
				if x.cueCandidate(k) {
					v = k
					break
				}
			}
			if v >= 0 {
				m := x.o.CueModel
				if m == nil {
					m = getCueModel()
				}
				sc := x.cueScore(m, v)
				fs.numPre(fCueModel, sc)
				fs.onPre1(fCueModelGt, strconv.Itoa(int(sc*5)))
			}
		}
		if q.Cue.Start >= q.Content.End {
			fs.onPre(fContentBeforeCue)
		}
	}
	switch {
	case q.Speaker.End == 0:
		fs.onPre(fSpeakerNone)
	case q.EntityIndex >= 0:
		fs.onPre1(fSpeaker, string(x.ents[q.EntityIndex].Type))
		if x.ents[q.EntityIndex].Type == ner.Person {
			fs.onPre1(fRulePerson, m.rule)
		}
	default:
		sp := lower(x.doc.Text[q.Speaker.Start:q.Speaker.End])
		if sa, sb := x.tokRange(q.Speaker); sa >= 0 && sb > sa {
			fs.onPre1(fSpeakerHeadPos, x.pos(sb-1))
		}
		if inPersonalPronouns(sp) {
			fs.onPre1(fSpeakerPronoun, sp)
		} else {
			fs.onPre(fSpeakerOther)
		}
	}
}

// richFeatures adds conjunctions of the rule with what the content looks
// like, and the candidates around the quote, for the filter.
func (x *extractor) richFeatures(q *Quote, m meta, a, b, words int, fs *featSink) {
	r := m.rule
	fs.onPre2(fRuleFirstPos, r, x.pos(a))
	fs.onPre2(fRuleLen, r, bucket(words))
	if t := x.tok(b - 1); !isWordTok(t) {
		fs.onPre1(fLast, t)
	} else {
		fs.onPre1(fLastPos, x.pos(b-1))
	}
	if q.Speaker.End == 0 {
		fs.onPre1(fNoSpeakerRule, r)
	} else if sa, sb := x.tokRange(q.Speaker); sa >= 0 && sb > sa {
		fs.onPre2(fSpeakerPosRule, x.pos(sb-1), r)
	}
	if q.Cue.End > 0 {
		c0 := x.tokAt(q.Cue.Start)
		fs.onPre2(fCueLemmaRule, x.lemma(c0), r)
		if x.o.VecFilter {
			x.cueVecFeature(c0, x.tokAt(q.Cue.End-1)+1, fs)
		}
		if q.Cue.Start >= q.Content.End {
			fs.onPre1(fGapBefore, distBucket(c0-b))
		} else if c0 < a {
			fs.onPre1(fGapAfter, distBucket(a-c0))
		}
	}
	// other candidates in the sentence
	if x.sentQuotes == nil {
		// tokSent is 0 for every token when there are no sentences
		x.sentQuotes = make([]int, len(x.doc.Sentences)+1)
		for _, o := range x.quotes {
			if oa := x.tokAt(o.Content.Start); o.Content.End > 0 && oa < len(x.toks) {
				x.sentQuotes[x.tokSent[oa]]++
			}
		}
	}
	fs.onPre1(fSentOthers, distBucket(x.sentQuotes[x.tokSent[a]]-1))
	hasQuote := false
	for i := a; i < b; i++ {
		if x.qAt(i) >= 0 {
			hasQuote = true
			break
		}
	}
	if hasQuote {
		fs.onPre1(fHasQuoteRule, r)
	}
}

// contentShape tells what the content [a, b) reads: "quote" (it holds
// quotation marks, wherever they stand), "clause" (a finite verb, or
// "whether", "if" or a question word first), "inf" ("to ..." first,
// after any adverbs: "not to raise taxes"), "np-verb" (a noun phrase
// with a non-finite verb: "a plan to raise the walls", "the plan that the
// council approved") or "np" (a bare noun phrase: "the decision", "the
// proposed cuts", "that decision"). "that" first opens a clause only when
// a finite verb follows; the one finite verb of a relative clause after a
// noun ("the plan that the council approved in May") leaves a noun phrase,
// a second one ("the plan that they approved was flawed") makes a clause.
func (x *extractor) contentShape(a, b int) string {
	s := a
	for s < b-1 && x.pos(s) == "RB" {
		s++ // "not to ...", "never to ..."
	}
	w := x.ltok(s)
	if w == "to" {
		return x.restShape(a, b, "inf")
	}
	nonFinite, rel := false, false
	finite := 0 // finite verbs, those after a relative word apart
	for k := a; k < b; k++ {
		if x.markKind(k) != 0 {
			return "quote"
		}
		switch p := x.pos(k); p {
		case "VBD", "VBZ", "VBP", "MD":
			if !rel {
				return x.restShape(k, b, "clause")
			}
			finite++
		case "VB":
			nonFinite = true
		case "VBG", "VBN":
			// a participle between a determiner or adjective and a noun
			// modifies the noun: "the proposed cuts"
			if pp := x.pos(k - 1); k == a || !(pp == "DT" || pp == "PRP$" || pp == "JJ") || !strings.HasPrefix(x.pos(k+1), "NN") {
				nonFinite = true
			}
		case "WDT", "WP", "IN":
			// after a noun, or a noun and a comma: "the plan, which ..."
			n := k - 1
			if x.pos(n) == "," && p != "IN" {
				n--
			}
			if n >= s && (p != "IN" || x.ltok(k) == "that") && strings.HasPrefix(x.pos(n), "NN") {
				rel = true
			}
		}
	}
	switch {
	case w != "that" && inClauseStart(w) || finite > 1:
		return "clause"
	case nonFinite || finite > 0:
		return "np-verb"
	}
	return "np"
}

// restShape is "quote" when the tokens [k, b) hold a quotation mark, else
// shape.
func (x *extractor) restShape(k, b int, shape string) string {
	for ; k < b; k++ {
		if x.markKind(k) != 0 {
			return "quote"
		}
	}
	return shape
}

// cueToks is the token range of q's cue: the tokens it spans, else
// (a span that does not start or end on a token's edge) the tokens it
// touches.
func (x *extractor) cueToks(q *Quote) (int, int) {
	c0, c1 := x.tokRange(q.Cue)
	if c0 < 0 || c1 <= c0 {
		c0, c1 = x.tokRangeLoose(q.Cue)
	}
	return c0, c1
}

// shapeFeatures adds the shape of the content [a, b) (contentShape) with
// the rule, the cue's lemma and where the cue came from: PolNeAR marks
// the noun phrase after some verbs ("criticized the plan", "backs the
// senator") and seldom after others ("welcomed the decision", "raised
// taxes"), so the filter learns which lemma and shape make an attribution.
func (x *extractor) shapeFeatures(q *Quote, m meta, a, b int, fs *featSink) {
	sh := x.contentShape(a, b)
	fs.onPre1(fShape, sh)
	fs.onPre2(fShapeRule, sh, m.rule)
	if q.Cue.End == 0 {
		return
	}
	c0, c1 := x.cueToks(q)
	// the cue's last verb, not a particle or preposition after it:
	// "criticize" of "has criticized", "point" of "pointed out"
	v := c1 - 1
	for k := v; k >= c0; k-- {
		if strings.HasPrefix(x.pos(k), "VB") {
			v = k
			break
		}
	}
	fs.onPre2(fCueLemmaShape, x.lemma(v), sh)
	src := "lexicon"
	switch {
	case m.cue.learned && m.cue.noun:
		src = "learned-noun"
	case m.cue.learned:
		src = "learned"
	case m.cue.core:
		src = "core"
	}
	fs.onPre2(fCueSourceShape, src, sh)
}

// cueVecFeature adds the word vector of the head of cue [first, last) to
// fs: the components of the unit vector as features "vec=F<k>" for
// training, else their dot product with the filter's weights.
func (x *extractor) cueVecFeature(first, last int, fs *featSink) {
	h := x.cueHead(first, last)
	if fs.f == nil {
		fs.z += x.vecDot(fs.m, vecFilter, h)
		return
	}
	if row, ok := x.cueRow(h); ok {
		if inv := rowInv(row); inv != 0 {
			for k, r := range row {
				fs.f[vecKeys[vecFilter]+strconv.Itoa(k)] = float64(r) * inv
			}
		}
	}
}

// cueText is the lower-cased words of s joined by single spaces: s itself
// when it is so already.
func cueText(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || 'A' <= c && c <= 'Z' || c != ' ' && (c <= ' ' || c == 0x7f) || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return strings.Join(strings.Fields(strings.ToLower(s)), " ")
		}
	}
	return s
}

func isWordTok(s string) bool {
	// a byte from 0x80 up starts or continues a rune above 0x7f (or an
	// invalid one, read as U+FFFD): a letter for this test
	for i := 0; i < len(s); i++ {
		if c := s[i]; c-'0' < 10 || c|0x20-'a' < 26 || c > 0x7f {
			return true
		}
	}
	return false
}

// tokAt returns the token that holds byte offset off (or the nearest
// after it).
func (x *extractor) tokAt(off int) int {
	return sort.Search(len(x.toks), func(i int) bool { return x.toks[i].End > off })
}

// wordOrTag is the lower-cased word of token i when it is a function word
// or punctuation (a closed class the filter can learn from), else its tag.
func (x *extractor) wordOrTag(i int) string {
	if i < 0 || i >= len(x.toks) {
		return "<none>"
	}
	if x.markKind(i) != 0 {
		return "<q>"
	}
	switch p := x.pos(i); p {
	case "IN", "TO", "DT", "CC", "WDT", "WP", "WRB", "PRP", "PRP$", "MD", "POS", "RP", "EX", "":
		return x.ltok(i)
	default:
		if !isWordTok(x.tok(i)) {
			return x.tok(i)
		}
		return p
	}
}

// contextFeatures adds what stands around the cue and the content: the
// words right after the cue and before it, the first word of the content
// and what follows its end, with the rule that made the quote.
func (x *extractor) contextFeatures(q *Quote, m meta, a, b int, fs *featSink) {
	r := m.rule
	first := x.wordOrTag(a)
	fs.onPre1(fFirstW, first)
	fs.onPre2(fFirstWRule, first, r)
	after := "<end>"
	if b < x.sentence(b-1).Last {
		after = x.wordOrTag(b)
	}
	fs.onPre1(fAfter, after)
	fs.onPre2(fAfterRule, after, r)
	fs.onPre2(fLastAfter, x.wordOrTag(b-1), after)
	if q.Cue.End > 0 {
		c0, c1 := x.cueToks(q)
		lem := x.lemma(c1 - 1)
		next := x.wordOrTag(c1)
		fs.onPre1(fCueNext, next)
		fs.onPre2(fCueNextRule, next, r)
		fs.onPre2(fCueLemmaNext, lem, next)
		fs.onPre1(fCuePrev, x.wordOrTag(c0-1))
		fs.onPre2(fCueLemmaFirst, lem, first)
		if q.EntityIndex >= 0 {
			fs.onPre2(fCueLemmaSpeaker, lem, string(x.ents[q.EntityIndex].Type))
		}
	}
	if x.firstOfPara(a) {
		fs.onPre1(fParaStartRule, r)
	}
}

// pre is the prefix of the features whose names start with a.
func pre(a string) *hpre {
	p := &prefixes[nPrefixes] // past len(prefixes): a panic at init
	nPrefixes++
	*p = hpre{hashParts(a), &[3]string{a}}
	return p
}

// prefixes holds the prefixes of pre side by side: the hashes an
// extraction reads (all of them for most articles) fill 26 cache lines,
// not 102 as prefixes of their own did; the extractor's calls pass a
// pointer, not the prefix's words.
var (
	prefixes  [104]hpre
	nPrefixes int
)
