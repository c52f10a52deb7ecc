// Package sentiment scores the sentiment of sentences, of a whole article,
// and towards one entity (target-dependent sentiment: how the text speaks
// of that entity).
//
// Both levels use multinomial logistic regression (negative, neutral,
// positive) over hashed sparse features (no transformer), trained on
// NewsMTSC (political news, Hamborg & Donnay 2021) by cmd/train/sentiment
// with AdaGrad, balanced class weights and the weights of 10 shuffled runs
// averaged:
//
//   - The target model sees the words of the mention's sentence with the
//     mentions of the entity masked: words, words by side (left/right of
//     the target; apart when a contrast word such as "but" stands
//     between), bigrams, 5-letter stems, the words right next to the
//     mention, the verb after the mention (the target as subject; passive
//     when a form of "be" is followed by a participle) and before it (as
//     object or as agent after "by"), with the lexicon valence of that
//     verb by role, negation scope, quotation, counts of lexicon words by
//     side and distance and in the target's clause (up to a break, a
//     contrast word or a quotation mark): a polarity lexicon learnt from
//     the training labels by log ratios (cross-fitted in training), and the
//     VADER valence lexicon (read at training time from the pinned npm
//     package, see model/NOTICE.md), looked up by word, then by lemma, and
//     the target's own words (a prior per name or title). Its scores are
//     mixed (0.65 : 0.35) with those of a small dense network (one ReLU
//     layer of 32 units) over the word vectors of the target's context: the
//     distance-weighted mean of the vectors on each side, their mean
//     within three tokens, and the mean on each side within the target's
//     clause (up to a break, a contrast word or a quotation mark; these two
//     gave +0.7 points macro-F1 in 5-fold CV on the training sentences
//     with several targets), and the mean vector of the target's own words
//     (+1.2 points in 5-fold CV, +1.8 on sentences with several targets).
//     Each mean is gated: a word weighs exp(g_k · v) times its weight in
//     block k, g_k learnt with the network (a learnt importance of words;
//     5-fold CV on train, mean of 3 seeds, +0.6 points). The vectors are
//     pretrained GloVe 6B (internal/wordvec: Wikipedia and Gigaword news,
//     100 dimensions) of the 20,000 most frequent words of the unlabelled
//     news (until session 7: skip-gram vectors of the category model,
//     learnt on that small corpus; GloVe gave +0.7 points in CV, +1.4 on
//     sentences with several targets). The means are linear
//     in the vectors, so the first layer is folded into the word table
//     (each word keeps its 6 × 32 products, int8, and its 6 gate weights,
//     half precision, in its word record) and a target costs a few
//     additions per context word: the model holds no vectors. A class
//     offset (-0.1 to positive, tuned for macro-F1 by 5-fold
//     cross-validation on train) is added to the mixed scores.
//   - The sentence model sees the same words without a target (words,
//     bigrams, stems, negation, quotation, lexicon valences); it is trained
//     on the same sentences with each target's label. News has no labelled
//     sentence-level data here, so a sentence's score is how it speaks, on
//     average, of the people in it.
//
// The verb features use Token.POS and Token.Lemma when the tagger has run
// (the pipeline tags before this stage); without tags they are absent and
// dev macro-F1 is about a point lower.
//
// Cost: most of a cold article (models out of the caches and the TLB, as
// in a busy server) is memory: the word table, the hashed weights and the
// folded word rows, read at random. So the linear weights stay int16 in
// memory (as in the file); the tables and rows of a loaded model ask for
// transparent huge pages (internal/hugemem); the word table is an
// open-addressing table with one cache line per look-up (wordMap); the
// look-ups run in short loops of their own so that many misses are in
// flight at once; a sentence's word values are kept per document (a
// pooled scratch knows the document by a weak pointer), so the sentence
// scores and every entity that a sentence mentions share them; and the
// blocks of a folded row that a context word adds to share a cache line.
// Together (BenchmarkArticle600: the pipeline's 600-word article, 50
// entities, 759 tokens, CPU min of 300, same window): cold 513-554 ->
// 350-375 us, warm 251-258 -> 175-176 us. Then, since a cold article's
// CPU grows with the distinct cache lines it reads: the word-only
// features of the words with a vector row come from one 64-byte record
// per word (wordRec), and the two tables' weights are joined so that a
// feature both models read is one line (joinTables): 5,097 -> 2,987
// distinct lines per article (word table 427, linear weights 1,681,
// folded rows 563, records 316); cold min 351-386 -> 296-381 us (median
// of 8 alternated runs 360 -> 316), warm 158-167 -> 144-151 us.
//
// Sentences, Target and TargetProbs expect doc's tokens not to change
// between calls on the same *text.Document (see docCache).
//
// Sentences, Target and TargetProbs check doc.Err() once per sentence and
// return early (with partial results) when the document's context is done.
//
// A sentence's or an entity's score in [-1, 1] reads as a class by the band
// ClassBand: above it positive, below its negative negative, otherwise
// neutral, and that reading is the model's most probable class (see
// ScoreOf). Its sign is the sign of P(positive) - P(negative). Sentence
// magnitude is |score|. The document score is the mean of sentence scores
// weighted by sentence length in tokens, and its magnitude the sum of the
// sentences' magnitudes (as Google Cloud NL does): read by the same band it
// is no class of the model's, only the leaning of the whole (an article
// with as much praise as blame reads neutral with a large magnitude). An
// entity's score is ScoreOf the mean class probabilities over the
// sentences that mention it (mentions in one sentence share one context,
// so they are scored once per sentence, the first being the target and all
// masked), and its magnitude the sum of the magnitudes of those sentences'
// scores.
package sentiment

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"
	"sync"
	"weak"

	"github.com/lector-nlp/lector/internal/hugemem"
	"github.com/lector-nlp/lector/internal/text"
)

// Score is a sentiment score in [-1, 1] with a magnitude >= 0.
type Score struct {
	Score     float64
	Magnitude float64
}

// Class indices of Probs.
const (
	Negative = 0
	Neutral  = 1
	Positive = 2
)

const numClasses = 3

//go:embed model/sentiment.bin.gz
var modelFS embed.FS

// Model is a trained sentiment model. It is safe for concurrent use.
type Model struct {
	target table
	sent   table
	lex    map[uint64]int8   // polarity lexicon learnt from the training labels
	val    map[uint64]int8   // general valence lexicon (VADER), valence × 10
	clus   map[uint64]uint16 // word clusters learnt from unlabelled news
	words  *wordMap          // lex, val, clus and the closed word lists merged for prepare
	vkeys  []uint64          // word hash of each row of fd
	stems  []uint64          // per row of vkeys: the stem hash of its word (wordStemHash; nil: not known)
	fd     *folded           // network over the context's word vectors, first layer folded into the word rows (nil: none)
	recs   []wordRec         // per row of vkeys: its word's weights in both tables (nil: none; see wordRec)
	denseW float32           // weight of the network's logits against the linear model's
	pool   sync.Pool
	// recStems says that recs hold the weights of their words' stems
	// (else of the words themselves; see wordRec)
	recStems bool

	nets []*dense  // the networks before folding (training experiments: Config.KeepNets)
	vt   *vecTable // their word vectors
}

// int16s returns n zeroed int16 for a table of a model being read, in
// huge-page memory that lives as long as m when there is some (hugemem).
func (m *Model) int16s(n int) []int16 {
	if q := hugemem.Make[int16](m, n); q != nil {
		return q
	}
	return make([]int16, n)
}

// int8s is int16s for int8.
func (m *Model) int8s(n int) []int8 {
	if q := hugemem.Make[int8](m, n); q != nil {
		return q
	}
	return make([]int8, n)
}

// moveWords moves the slots of the word table into huge-page memory when
// there is some.
func (m *Model) moveWords() {
	if slots := hugemem.Make[wordSlot](m, len(m.words.slots)); slots != nil {
		copy(slots, m.words.slots)
		m.words.slots = slots
	}
}

// table is a hashed weight table: weight of feature f for class c is
// w[(f&mask)*3+c] in training, then q[(f&qmask)*qStride+c] × scale
// (int16: half the memory a cold article touches, and the model file's
// precision).
type table struct {
	bits  uint8
	off   [numClasses]float32 // class offsets added to the scores (tuned by cross-validation on train)
	w     []float32           // training weights (nil once quantised)
	q     []int16             // quantised weights, qStride apart (see joinTables)
	qbits uint8               // index bits of q: bits, or more when q is a view of joint weights
	scale float32
}

// qStride is the spacing of the features' weights in table.q: a loaded
// model keeps the weights of both tables in one slice, each feature
// index holding the target table's three weights, then the sentence
// table's (joinTables), 16 bytes, four to a cache line.
const qStride = 8

// joinTables gives the target and sentence tables of m (index bits tb
// and sb, read from the file into q by readModel) their views of the
// joint weights q and fills in the repeated weights: at index j (bits:
// the larger of tb and sb), the target weights of j's low tb bits, then
// (at numClasses+1) the sentence weights of its low sb bits, qStride
// apart. A feature that both models read (a context word's bigram, stem
// or word: most of an article's features) then costs one cache line
// where it cost two (distinct lines per 600-word article 3,893 -> 2,994).
// The sentence weights are repeated 1<<(tb-sb) times: 8 MB for the
// shipped 2^19 and 2^18 (6 MB before, with their huge pages rounded up).
func (m *Model) joinTables(q []int16, tb, sb uint8) {
	bits := max(tb, sb)
	tmask, smask := 1<<tb-1, 1<<sb-1
	for j := 1 << min(tb, sb); j < 1<<bits; j++ {
		d := q[j*qStride : j*qStride+qStride : j*qStride+qStride]
		if j > tmask {
			t := q[(j&tmask)*qStride:]
			d[0], d[1], d[2] = t[0], t[1], t[2]
		}
		if j > smask {
			s := q[(j&smask)*qStride:]
			d[4], d[5], d[6] = s[4], s[5], s[6]
		}
	}
	m.target.q, m.target.qbits = q, bits
	m.sent.q, m.sent.qbits = q[numClasses+1:], bits
}

func (t *table) qmask() uint64 { return 1<<t.qbits - 1 }

// quantise replaces the training weights by int16 ones with one scale.
func (t *table) quantise() {
	var mx float32
	for _, v := range t.w {
		if a := float32(math.Abs(float64(v))); a > mx {
			mx = a
		}
	}
	t.scale = mx / 32767
	if t.scale == 0 {
		t.scale = 1
	}
	t.qbits = t.bits
	t.q = make([]int16, len(t.w)/numClasses*qStride)
	for i, v := range t.w {
		t.q[i/numClasses*qStride+i%numClasses] = int16(math.Round(float64(v / t.scale)))
	}
	t.w = nil
}

func (t *table) mask() uint64 { return 1<<t.bits - 1 }

// touch loads the weights of feats (quantised tables) and returns a sum
// of what it read, to keep the loads: scores then finds them in the
// caches.
func (t *table) touch(feats []uint64) uint32 {
	if t.q == nil {
		return 0
	}
	mask := t.qmask()
	tq := t.q
	var x uint32
	for _, f := range feats {
		x += uint32(tq[(f&mask)*qStride])
	}
	return x
}

type scratch struct {
	s      sentence
	view   sentence // a sentence of doc (see docSentence)
	doc    docCache
	feats  []uint64
	ends   []int               // of the sentences' features in feats (Sentences)
	accs   [][numClasses]int32 // the sentences' record weights (Sentences)
	sink   uint32              // keeps table.touch's loads
	masked []bool
	h      []float32
	x      []float32
}

// Load reads the embedded model.
func Load() (*Model, error) {
	return LoadFS(modelFS, "model/sentiment.bin.gz")
}

// LoadFS reads a model file (gzip-compressed) from fsys.
func LoadFS(fsys fs.FS, name string) (*Model, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("sentiment: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("sentiment: %s: %w", name, err)
	}
	m, err := readModel(zr)
	if err != nil {
		return nil, fmt.Errorf("sentiment: %s: %w", name, err)
	}
	return m, nil
}

func newModel(targetBits, sentBits uint8, lex, val map[uint64]int8, clus map[uint64]uint16, vkeys []uint64) *Model {
	m := &Model{
		target: table{bits: targetBits},
		sent:   table{bits: sentBits},
		lex:    lex,
		val:    val,
		clus:   clus,
		words:  wordTable(lex, val, clus, vkeys, nil),
		vkeys:  vkeys,
	}
	m.initPool()
	return m
}

func (m *Model) initPool() {
	m.pool.New = func() any { return &scratch{} }
}

// probs returns the softmax of the table's scores for feats.
func (t *table) probs(feats []uint64) [numClasses]float64 {
	return t.probsAcc(feats, [numClasses]int32{})
}

// probsAcc is probs with the weights in acc added (see scoresAcc).
func (t *table) probsAcc(feats []uint64, acc [numClasses]int32) [numClasses]float64 {
	z := t.scoresAcc(feats, acc)
	for c := range z {
		z[c] += float64(t.off[c])
	}
	return softmax(z)
}

// scores returns the table's class scores for feats, without the offsets.
func (t *table) scores(feats []uint64) [numClasses]float64 {
	return t.scoresAcc(feats, [numClasses]int32{})
}

// scoresAcc is scores with the quantised weights in acc (word records)
// added to those of feats (acc must be zero for training weights).
func (t *table) scoresAcc(feats []uint64, acc [numClasses]int32) [numClasses]float64 {
	var z [numClasses]float64
	mask := t.mask()
	if t.w == nil {
		// sums in registers and the table in a local: the loop is short,
		// so the cache misses of a cold article overlap
		mask := t.qmask()
		a0, a1, a2 := acc[0], acc[1], acc[2]
		tq := t.q
		for _, f := range feats {
			i := (f & mask) * qStride
			q := tq[i : i+numClasses : i+numClasses]
			a0 += int32(q[0])
			a1 += int32(q[1])
			a2 += int32(q[2])
		}
		sc := float64(t.scale)
		return [numClasses]float64{float64(a0) * sc, float64(a1) * sc, float64(a2) * sc}
	}
	for _, f := range feats {
		i := (f & mask) * numClasses
		w := t.w[i : i+numClasses : i+numClasses]
		z[0] += float64(w[0])
		z[1] += float64(w[1])
		z[2] += float64(w[2])
	}
	return z
}

func softmax(z [numClasses]float64) [numClasses]float64 {
	mx := math.Max(z[0], math.Max(z[1], z[2]))
	var sum float64
	for i := range z {
		z[i] = math.Exp(z[i] - mx)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
	return z
}

// ClassBand is the score above which a score reads as positive (and below
// whose negative as negative): the reading is the most probable class.
const ClassBand = 0.25

// ScoreOf maps class probabilities (negative, neutral, positive) to a
// score whose reading by ClassBand is the most probable class, as the
// scores of a public API are read: d = P(positive) - P(negative) gives the
// sign, and |d| is measured against b = 3 P(neutral) - 1, the |d| at which
// a polar class overtakes neutral. While neutral is the most probable class
// (|d| <= b) the score is ClassBand (|d| / b)², near 0 for a clearly
// neutral or balanced target; beyond it 1 - (1 - ClassBand) (1 - x)² with x
// the share of the way from the boundary to |d| = 1. The squares keep the
// two sides apart, so that other bands read nearly the same classes: the
// entities of NewsMTSC train sentences read through the API (go run
// ./cmd/eval/sentiment -pipeline -variants -train; in-sample) have macro-F1
// 0.956 to 0.963 at bands 0.05 to 0.35, where P(positive) - P(negative)
// read 0.74 to 0.93 (0.93 at 0.25); on dev (held out) 0.69-0.71 (mt) and
// 0.72-0.73 (rw) at those bands, where it read 0.53-0.69 and 0.58-0.71.
// The sign alone reads nearly nothing as neutral either way.
//
// P(positive) = P(negative) (no leaning either way; with P(neutral) below
// 1/3 a tie of the two polar classes) scores 0, and so do probabilities
// with a NaN; probabilities that do not sum to 1 still give a score in
// [-1, 1].
func ScoreOf(p [3]float64) float64 {
	d := p[Positive] - p[Negative]
	ad := math.Abs(d)
	b := 3*p[Neutral] - 1
	if d == 0 || math.IsNaN(d) || math.IsNaN(b) {
		return 0
	}
	var h float64
	if b > 0 && ad <= b {
		x := ad / b
		h = ClassBand * x * x
	} else {
		b = max(b, 0)
		x := 1.0 // (b >= 1 only when p does not sum to 1)
		if b < 1 {
			x = min(1, (ad-b)/(1-b))
		}
		y := 1 - x
		h = 1 - (1-ClassBand)*y*y
	}
	if d < 0 {
		return -h
	}
	return h
}

func toScore(p [numClasses]float64) Score {
	s := ScoreOf(p)
	return Score{Score: s, Magnitude: math.Abs(s)}
}

// Sentences scores every sentence of doc, one Score per doc.Sentences entry.
// When doc's context is done (doc.Err), it stops and the remaining scores
// are zero.
func (m *Model) Sentences(doc *text.Document) []Score {
	out := make([]Score, len(doc.Sentences))
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	// The features of a batch of sentences are made first and their
	// weights loaded in one loop (table.touch), then each sentence scored:
	// on a cold table the loads of many sentences overlap.
	for a := 0; a < len(doc.Sentences); a += sentenceBatch {
		z := min(a+sentenceBatch, len(doc.Sentences))
		sc.feats, sc.ends, sc.accs = sc.feats[:0], sc.ends[:0], sc.accs[:0]
		recs := m.wordRecs()
		for i := a; i < z; i++ {
			if doc.Err() != nil {
				z = i
				break
			}
			var acc [numClasses]int32
			if doc.Sentences[i].Last > doc.Sentences[i].First {
				sc.feats, acc = m.docSentence(sc, doc, i).sentenceFeats(sc.feats, recs, m.recStems)
			}
			sc.ends = append(sc.ends, len(sc.feats))
			sc.accs = append(sc.accs, acc)
		}
		sc.sink += m.sent.touch(sc.feats)
		start := 0
		for i := a; i < z; i++ {
			end := sc.ends[i-a]
			if doc.Sentences[i].Last <= doc.Sentences[i].First {
				out[i] = toScore([numClasses]float64{0, 1, 0})
			} else {
				out[i] = toScore(m.sent.probsAcc(sc.feats[start:end], sc.accs[i-a]))
			}
			start = end
		}
		if z < len(doc.Sentences) && doc.Err() != nil {
			break
		}
	}
	return out
}

// sentenceBatch is how many sentences Sentences prepares before scoring.
const sentenceBatch = 32

// docCache holds the per-token values (see sentence) of the sentences of
// one document that were scored, so that a sentence that several entities
// share (and the sentence scores before them, as in the pipeline) is
// looked up once: the word table and the hashes cost most of a cold
// article. The document is known by a weak pointer (the cache keeps no
// document alive) and its token slice: a document whose tokens are
// changed in place (say, tagged) between two calls would be scored with
// the values of the first call, so such a change must come with a new
// *text.Document (the pipeline tags before this stage and changes no
// token after).
type docCache struct {
	ref   weak.Pointer[text.Document]
	tok0  *text.Token
	ntok  int
	nsent int
	all   sentence // per token of the document
	done  []bool   // per sentence: prepared in all
}

// maxCacheTokens bounds the documents docCache keeps (a pooled scratch
// keeps its slices): longer ones are prepared sentence by sentence.
const maxCacheTokens = 1 << 16

// docSentence returns sentence si of doc prepared, from sc's cache of doc.
func (m *Model) docSentence(sc *scratch, doc *text.Document, si int) *sentence {
	sent := doc.Sentences[si]
	toks := doc.Tokens[sent.First:sent.Last]
	if len(doc.Tokens) > maxCacheTokens {
		sc.s.grow(len(toks))
		sc.s.fill(toks, m.words, m.skipRec())
		return &sc.s
	}
	c := &sc.doc
	// (c.ref.Value() is doc only when c.ref was made of doc: cheaper than
	// weak.Make(doc), which looks the object's handle up, on every call)
	if c.ref.Value() != doc || c.tok0 != &doc.Tokens[0] || c.ntok != len(doc.Tokens) || c.nsent != len(doc.Sentences) {
		c.ref, c.tok0, c.ntok, c.nsent = weak.Make(doc), &doc.Tokens[0], len(doc.Tokens), len(doc.Sentences)
		c.all.grow(len(doc.Tokens))
		c.done = growB(c.done, len(doc.Sentences))
		clear(c.done)
	}
	if !c.done[si] {
		var v sentence
		v.view(&c.all, sent.First, sent.Last)
		v.fill(toks, m.words, m.skipRec())
		sc.sink += uint32(v.sink)
		c.done[si] = true
	}
	sc.view.view(&c.all, sent.First, sent.Last)
	return &sc.view
}

// SentenceProbs returns the class probabilities (negative, neutral,
// positive) of the sentence made of toks.
func (m *Model) SentenceProbs(toks []text.Token) [3]float64 {
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	return m.sentenceProbs(sc, toks)
}

func (m *Model) sentenceProbs(sc *scratch, toks []text.Token) [numClasses]float64 {
	if len(toks) == 0 {
		return [numClasses]float64{0, 1, 0}
	}
	sc.s.grow(len(toks))
	sc.s.fill(toks, m.words, m.skipRec())
	return m.sentenceScores(sc, &sc.s)
}

// sentenceScores returns the class probabilities of the prepared sentence s.
func (m *Model) sentenceScores(sc *scratch, s *sentence) [numClasses]float64 {
	var acc [numClasses]int32
	sc.feats, acc = s.sentenceFeats(sc.feats[:0], m.wordRecs(), m.recStems)
	return m.sent.probsAcc(sc.feats, acc)
}

// Document aggregates sentence scores (from Sentences) into the article's
// score: the mean weighted by sentence length in tokens, and the sum of
// magnitudes.
func (m *Model) Document(doc *text.Document, sentences []Score) Score {
	var sum, wsum, mag float64
	for i, s := range sentences {
		w := 1.0
		if i < len(doc.Sentences) {
			w = float64(doc.Sentences[i].Last - doc.Sentences[i].First)
		}
		sum += w * s.Score
		wsum += w
		mag += s.Magnitude
	}
	if wsum == 0 {
		return Score{}
	}
	return Score{Score: clamp(sum / wsum), Magnitude: mag}
}

func clamp(x float64) float64 {
	return math.Max(-1, math.Min(1, x))
}

// Target scores how doc speaks of the entity whose mentions are the byte
// spans in mentions.
func (m *Model) Target(doc *text.Document, mentions []text.Span) Score {
	var sum [numClasses]float64
	var mag float64
	n := 0
	m.eachTarget(doc, mentions, func(p [numClasses]float64) {
		for c := range p {
			sum[c] += p[c]
		}
		mag += math.Abs(ScoreOf(p))
		n++
	})
	if n == 0 {
		return Score{}
	}
	for c := range sum {
		sum[c] /= float64(n)
	}
	return Score{Score: ScoreOf(sum), Magnitude: mag}
}

// TargetProbs returns the mean class probabilities (negative, neutral,
// positive) over the sentences that mention the entity.
func (m *Model) TargetProbs(doc *text.Document, mentions []text.Span) [3]float64 {
	var sum [numClasses]float64
	n := 0
	m.eachTarget(doc, mentions, func(p [numClasses]float64) {
		for c := range p {
			sum[c] += p[c]
		}
		n++
	})
	if n == 0 {
		return [numClasses]float64{0, 1, 0}
	}
	for c := range sum {
		sum[c] /= float64(n)
	}
	return sum
}

// eachTarget calls fn with the class probabilities of each sentence that
// holds a mention, the first mention of the sentence being the target and
// the others masked. It stops early when doc's context is done.
func (m *Model) eachTarget(doc *text.Document, mentions []text.Span, fn func([numClasses]float64)) {
	if len(mentions) == 0 || len(doc.Sentences) == 0 {
		return
	}
	ms := mentions
	if !sort.SliceIsSorted(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start }) {
		ms = append([]text.Span(nil), mentions...)
		sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	}
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	si := 0
	for k := 0; k < len(ms); {
		if doc.Err() != nil {
			return
		}
		sp := ms[k]
		if si < len(doc.Sentences) && doc.Sentences[si].End <= sp.Start {
			// the sentence of the mention, searched: stepping from the
			// first sentence for every entity cost entities × sentences
			rest := doc.Sentences[si:]
			si += sort.Search(len(rest), func(i int) bool { return rest[i].End > sp.Start })
		}
		if si == len(doc.Sentences) {
			break
		}
		sent := doc.Sentences[si]
		toks := doc.Tokens[sent.First:sent.Last]
		sc.masked = growB(sc.masked, len(toks))
		clear(sc.masked)
		a, b := -1, -1
		for ; k < len(ms) && ms[k].Start < sent.End; k++ {
			x, y := tokenRange(toks, ms[k])
			if x < 0 {
				continue
			}
			if a < 0 {
				a, b = x, y
			}
			for i := x; i < y; i++ {
				sc.masked[i] = true
			}
		}
		if a < 0 {
			continue
		}
		if n := len(toks); n > maxTargetTokens {
			// a sentence of more tokens than any news sentence (a text
			// without full stops): the target is read in a window of
			// maxTargetTokens tokens around it, prepared apart; reading
			// the whole sentence for each of its entities cost entities ×
			// tokens (118 s of CPU for 1 MB of names without a full stop)
			lo := min(max(0, a-maxTargetTokens/2), n-maxTargetTokens)
			hi := max(lo+maxTargetTokens, b)
			copy(sc.masked, sc.masked[lo:hi])
			sc.masked = sc.masked[:hi-lo]
			sc.s.grow(hi - lo)
			sc.s.fill(toks[lo:hi], m.words, m.skipRec())
			fn(m.targetProbs(sc, &sc.s, a-lo, b-lo))
			continue
		}
		fn(m.targetProbs(sc, m.docSentence(sc, doc, si), a, b))
	}
}

// maxTargetTokens bounds the tokens of a sentence read for a target.
// News sentences have some 10 to 100; the longest of the NewsMTSC splits
// (798 words, in train) is still read whole: at 256, its target's scores
// changed.
const maxTargetTokens = 1024

// tokenRange returns the tokens of toks that overlap sp, or -1, -1.
func tokenRange(toks []text.Token, sp text.Span) (int, int) {
	a := sort.Search(len(toks), func(i int) bool { return toks[i].End > sp.Start })
	b := a
	for b < len(toks) && toks[b].Start < sp.End {
		b++
	}
	if a == b {
		return -1, -1
	}
	return a, b
}

// targetProbs returns the class probabilities of the target at tokens
// [a, b) of the prepared sentence s (sc.masked: the entity's mentions).
func (m *Model) targetProbs(sc *scratch, s *sentence, a, b int) [numClasses]float64 {
	var acc [numClasses]int32
	sc.feats, acc = s.targetFeats(sc.feats[:0], a, b, sc.masked, m.wordRecs(), m.recStems)
	if m.fd == nil {
		return m.target.probsAcc(sc.feats, acc)
	}
	// mix the linear model's scores with the dense network's
	sc.sink += m.fd.touch(s, a, b)
	z := m.target.scoresAcc(sc.feats, acc)
	dw := float64(m.denseW)
	for c := range z {
		z[c] = (1-dw)*z[c] + float64(m.target.off[c])
	}
	n := m.fd.blocks * m.fd.hid
	if cap(sc.x) < n {
		sc.x = make([]float32, n)
	}
	m.fd.logits(s, a, b, sc.masked, sc.x[:n], &z, dw)
	return softmax(z)
}

// model file: "LSNT6", target bits, sentence bits, two lexicons (the
// learnt one, then the general one) each as a size (uint32) and entries
// (uint64 word hash, int8), the word clusters as a size (uint32) and
// entries (uint64 word hash, uint16), then each table as three float32
// class offsets, a float32 scale and int16 quantised weights; then the
// number of word rows of the dense network (uint32; 0: none), and if any
// its hidden units (uint32), its mean blocks (uint32), the rows' word
// hashes (uint64), their words' stem hashes (uint64; see wordRec), their
// scales (float32 each) and int8 rows (blocks ×
// hidden each: the first layer times the word's vector, per mean block),
// the network's weight in the mix and its float32 weights (b1, w2, b2),
// then its gates per word (uint32 gate rows per word, 0: none; if any,
// the gate row of each block, one byte each, per word row its gate
// weights, IEEE half-precision each: see dense.gate, then the number of
// distance buckets, uint32, 0 or numDistBuckets, and the distance factors
// of each gate row, float32); little-endian.
const magic = "LSNT7"

// magic6 is the previous format: no gates; magic5 the one before: no
// stem hashes; magic4 the one before: no block count either (3 blocks).
const (
	magic6 = "LSNT6"
	magic5 = "LSNT5"
	magic4 = "LSNT4"
)

func (m *Model) writeTo(w io.Writer) error {
	var buf bytes.Buffer
	buf.WriteString(magic)
	buf.WriteByte(m.target.bits)
	buf.WriteByte(m.sent.bits)
	for _, lex := range []map[uint64]int8{m.lex, m.val} {
		keys := make([]uint64, 0, len(lex))
		for k := range lex {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		putU32(&buf, uint32(len(keys)))
		for _, k := range keys {
			putU64(&buf, k)
			buf.WriteByte(byte(lex[k]))
		}
	}
	ckeys := make([]uint64, 0, len(m.clus))
	for k := range m.clus {
		ckeys = append(ckeys, k)
	}
	sort.Slice(ckeys, func(i, j int) bool { return ckeys[i] < ckeys[j] })
	putU32(&buf, uint32(len(ckeys)))
	for _, k := range ckeys {
		putU64(&buf, k)
		c := m.clus[k]
		buf.WriteByte(byte(c))
		buf.WriteByte(byte(c >> 8))
	}
	for _, t := range []*table{&m.target, &m.sent} {
		if t.w != nil {
			t.quantise()
		}
		for _, o := range t.off {
			putU32(&buf, math.Float32bits(o))
		}
		putU32(&buf, math.Float32bits(t.scale))
		for j := 0; j < 1<<t.bits; j++ {
			for _, q := range t.q[j*qStride : j*qStride+numClasses] {
				buf.WriteByte(byte(uint16(q)))
				buf.WriteByte(byte(uint16(q) >> 8))
			}
		}
	}
	// the dense network, folded into its word rows
	putU32(&buf, uint32(len(m.vkeys)))
	if m.fd != nil {
		f := m.fd
		putU32(&buf, uint32(f.hid))
		putU32(&buf, uint32(f.blocks))
		for _, k := range m.vkeys {
			putU64(&buf, k)
		}
		if len(m.stems) != len(m.vkeys) {
			return fmt.Errorf("sentiment: the stems of the word rows are not known")
		}
		for _, k := range m.stems {
			putU64(&buf, k)
		}
		for _, sc := range f.scale {
			putU32(&buf, math.Float32bits(sc))
		}
		for r := range f.scale {
			for k := 0; k < f.blocks; k++ {
				for _, v := range f.blockRow(r, k) {
					buf.WriteByte(byte(v))
				}
			}
		}
		putU32(&buf, math.Float32bits(m.denseW))
		for _, ws := range [][]float32{f.b1, f.w2, f.b2[:]} {
			for _, v := range ws {
				putU32(&buf, math.Float32bits(v))
			}
		}
		ng := f.gateRows()
		putU32(&buf, uint32(ng))
		if ng > 0 {
			for _, k := range f.gkind {
				buf.WriteByte(byte(k))
			}
			for _, g := range f.gate {
				h := toF16(g)
				buf.WriteByte(byte(h))
				buf.WriteByte(byte(h >> 8))
			}
			nb := 0
			if f.dfac != nil {
				nb = numDistBuckets
			}
			putU32(&buf, uint32(nb))
			for _, v := range f.dfac {
				putU32(&buf, math.Float32bits(v))
			}
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteFile writes the model gzip-compressed to w.
func (m *Model) WriteFile(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := m.writeTo(zw); err != nil {
		return err
	}
	return zw.Close()
}

func readModel(r io.Reader) (_ *Model, err error) {
	br := bufio.NewReaderSize(r, 1<<16)
	head := make([]byte, len(magic)+2)
	version := 0
	if _, err := io.ReadFull(br, head); err == nil {
		switch string(head[:len(magic)]) {
		case magic:
			version = 7
		case magic6:
			version = 6
		case magic5:
			version = 5
		case magic4:
			version = 4
		}
	}
	if version == 0 {
		return nil, fmt.Errorf("not a sentiment model")
	}
	tb, sb := head[len(magic)], head[len(magic)+1]
	if tb > 26 || sb > 26 {
		return nil, fmt.Errorf("bad table size")
	}
	var b [9]byte
	var lexs [2]map[uint64]int8
	for j := range lexs {
		if _, err := io.ReadFull(br, b[:4]); err != nil {
			return nil, fmt.Errorf("truncated lexicon: %w", err)
		}
		nlex := int(getU32(b[:]))
		if nlex > 1<<22 {
			return nil, fmt.Errorf("bad lexicon size %d", nlex)
		}
		lex := make(map[uint64]int8, nlex)
		for i := 0; i < nlex; i++ {
			if _, err := io.ReadFull(br, b[:9]); err != nil {
				return nil, fmt.Errorf("truncated lexicon: %w", err)
			}
			lex[getU64(b[:])] = int8(b[8])
		}
		lexs[j] = lex
	}
	if _, err := io.ReadFull(br, b[:4]); err != nil {
		return nil, fmt.Errorf("truncated clusters: %w", err)
	}
	nclus := int(getU32(b[:]))
	if nclus > 1<<22 {
		return nil, fmt.Errorf("bad cluster count %d", nclus)
	}
	clus := make(map[uint64]uint16, nclus)
	var cb [10]byte
	for i := 0; i < nclus; i++ {
		if _, err := io.ReadFull(br, cb[:]); err != nil {
			return nil, fmt.Errorf("truncated clusters: %w", err)
		}
		clus[getU64(cb[:])] = uint16(cb[8]) | uint16(cb[9])<<8
	}
	m := newModel(tb, sb, lexs[0], lexs[1], clus, nil)
	buf := make([]byte, 6<<13)
	q := m.int16s((1 << max(tb, sb)) * qStride) // see joinTables
	for ti, t := range []*table{&m.target, &m.sent} {
		for c := range t.off {
			if _, err := io.ReadFull(br, b[:4]); err != nil {
				return nil, fmt.Errorf("truncated offsets: %w", err)
			}
			t.off[c] = math.Float32frombits(getU32(b[:]))
		}
		if _, err := io.ReadFull(br, b[:4]); err != nil {
			return nil, fmt.Errorf("truncated weights: %w", err)
		}
		t.scale = math.Float32frombits(getU32(b[:]))
		dst := q[ti*(numClasses+1):]
		for j := 0; j < 1<<t.bits; { // a feature's weights: 6 bytes in the file
			n := min(len(buf)/6, 1<<t.bits-j)
			if _, err := io.ReadFull(br, buf[:6*n]); err != nil {
				return nil, fmt.Errorf("truncated weights: %w", err)
			}
			for i := 0; i < n; i++ {
				d, p := dst[(j+i)*qStride:], buf[6*i:6*i+6]
				d[0] = int16(uint16(p[0]) | uint16(p[1])<<8)
				d[1] = int16(uint16(p[2]) | uint16(p[3])<<8)
				d[2] = int16(uint16(p[4]) | uint16(p[5])<<8)
			}
			j += n
		}
	}
	m.joinTables(q, tb, sb)
	if err := m.readDense(br, version); err != nil {
		return nil, err
	}
	m.moveWords()
	m.makeRecs()
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("trailing bytes")
	}
	return m, nil
}

// wordRec holds the weights of the features of a context word that
// depend on its word only, in both tables, so that a word costs one
// cache line where its features' hashed weights cost up to eight: cold,
// the CPU of an article is about 40 ns per distinct cache line it reads,
// and these features were most of its lines. There is a record per row
// of the word vectors (the words the network knows; s.vec), made at load
// from the quantised tables, so scores are the same integer sums. The
// stem features are those of the word's stem (Model.stems) when the model
// file has the stems (else of the word itself, which stand for the
// word's only when the stem is the word: 5 letters or fewer; recStems).
// With the stems in the records (format LSNT6: 160 KB more, 8 bytes a
// row), a word with a record reads no hashed weight but those of its
// bigram and of its side across a contrast word (pipeline article, cold,
// cachegrind: 3,884 -> 3,580 last-level misses per article).
type wordRec struct {
	sWord, sStem [numClasses]int16    // sentence table: feat(tWord, w, 0), feat(tStem, stem, 0)
	tWord, tStem [numClasses]int16    // target table: the same
	tSide        [2][numClasses]int16 // target table: featOut(tSide, featIn(tSide, w), side) (no contrast word between)
	tSideStem    [2][numClasses]int16 // target table: featOut(tSideStem, featIn(tSideStem, stem), side)
	// gate holds the word's gate weights of the dense network (IEEE
	// half-precision; folded.gate), read with the record's line
	gate [maxRecGates]uint16
	_    [8 - maxRecGates]int16 // to a cache line
}

// maxRecGates is the most gate rows a word record holds.
const maxRecGates = 6

// makeRecs makes the word records of a loaded model (see wordRec).
func (m *Model) makeRecs() {
	if len(m.vkeys) == 0 || m.target.q == nil || m.sent.q == nil {
		return
	}
	recs := hugemem.Make[wordRec](m, len(m.vkeys))
	if recs == nil {
		recs = make([]wordRec, len(m.vkeys))
	}
	get := func(t *table, f uint64) (q [numClasses]int16) {
		i := (f & t.qmask()) * qStride
		copy(q[:], t.q[i:i+numClasses])
		return q
	}
	stems := m.stems
	if len(stems) != len(m.vkeys) {
		stems = m.vkeys
	}
	for r, w := range m.vkeys {
		rec, st := &recs[r], stems[r]
		rec.sWord = get(&m.sent, feat(tWord, w, 0))
		rec.sStem = get(&m.sent, feat(tStem, st, 0))
		rec.tWord = get(&m.target, feat(tWord, w, 0))
		rec.tStem = get(&m.target, feat(tStem, st, 0))
		in, ins := featIn(tSide, w), featIn(tSideStem, st)
		for side := range rec.tSide {
			rec.tSide[side] = get(&m.target, featOut(tSide, in, uint64(side)))
			rec.tSideStem[side] = get(&m.target, featOut(tSideStem, ins, uint64(side)))
		}
	}
	if f := m.fd; f != nil && f.gate != nil && f.gateRows() <= maxRecGates {
		ng := f.gateRows()
		for r := range recs {
			for k := 0; k < ng; k++ {
				recs[r].gate[k] = toF16(f.gate[r*ng+k])
			}
		}
		f.recs = recs
	}
	m.recs, m.recStems = recs, len(m.stems) == len(m.vkeys)
}

// SetStemWords gives a model read from a file without stems (format
// LSNT5) the words of its word vector rows (the cmd/train/sentiment
// -vecwords list), so that it can be written with their stems (format
// LSNT6, see wordRec); the words must hash to the rows' words. The
// weights, and so the scores, do not change.
func (m *Model) SetStemWords(words []string) error {
	if len(words) != len(m.vkeys) {
		return fmt.Errorf("sentiment: %d words for %d word rows", len(words), len(m.vkeys))
	}
	stems := make([]uint64, len(words))
	for r, w := range words {
		if lowerHash(w, 0) != m.vkeys[r] {
			return fmt.Errorf("sentiment: word %d (%q) is not the word of row %d", r, w, r)
		}
		stems[r] = lowerHash(w, stemRunes)
	}
	m.stems = stems
	m.makeRecs()
	return nil
}

// skipRec says that the features of a word with a vector row come from
// its record but for its bigram and side (see sentence.fill).
func (m *Model) skipRec() bool { return m.wordRecs() != nil && m.recStems }

// wordRecs returns the word records to use (nil: none).
func (m *Model) wordRecs() []wordRec {
	if anyDisabled {
		return nil
	}
	return m.recs
}

// readDense reads the folded dense network (see writeTo) of a model
// file of the given format version.
func (m *Model) readDense(br *bufio.Reader, version int) error {
	var b [8]byte
	u32 := func() (uint32, error) {
		if _, err := io.ReadFull(br, b[:4]); err != nil {
			return 0, fmt.Errorf("truncated dense network: %w", err)
		}
		return getU32(b[:]), nil
	}
	n, err := u32()
	if err != nil || n == 0 {
		return err
	}
	hid, err := u32()
	if err != nil {
		return err
	}
	blocks := uint32(3)
	if version > 4 {
		if blocks, err = u32(); err != nil {
			return err
		}
	}
	if n > maxWordRows || hid == 0 || hid > 1024 || blocks == 0 || blocks > 8 {
		return fmt.Errorf("bad dense network %d × %d × %d", n, blocks, hid)
	}
	keys := make([]uint64, n)
	for i := range keys {
		if _, err := io.ReadFull(br, b[:8]); err != nil {
			return fmt.Errorf("truncated dense network: %w", err)
		}
		keys[i] = getU64(b[:])
	}
	var stems []uint64
	if version > 5 {
		stems = make([]uint64, n)
		for i := range stems {
			if _, err := io.ReadFull(br, b[:8]); err != nil {
				return fmt.Errorf("truncated dense network: %w", err)
			}
			stems[i] = getU64(b[:])
		}
	}
	H := int(hid)
	f := &folded{hid: H, blocks: int(blocks), scale: make([]float32, n), rows: m.int8s(int(n) * int(blocks) * H),
		b1: make([]float32, H), w2: make([]float32, numClasses*H)}
	for i := range f.scale {
		sc, err := u32()
		if err != nil {
			return err
		}
		f.scale[i] = math.Float32frombits(sc)
	}
	raw := make([]byte, len(f.rows))
	if _, err := io.ReadFull(br, raw); err != nil {
		return fmt.Errorf("truncated dense network: %w", err)
	}
	for i, v := range raw {
		f.rows[i] = int8(v)
	}
	f.layout()
	dw, err := u32()
	if err != nil {
		return err
	}
	for _, ws := range [][]float32{f.b1, f.w2, f.b2[:]} {
		for i := range ws {
			v, err := u32()
			if err != nil {
				return err
			}
			ws[i] = math.Float32frombits(v)
		}
	}
	if version > 6 {
		ng, err := u32()
		if err != nil {
			return err
		}
		if ng > 8 {
			return fmt.Errorf("bad dense network gates %d", ng)
		}
		if ng > 0 {
			kb := make([]byte, blocks)
			if _, err := io.ReadFull(br, kb); err != nil {
				return fmt.Errorf("truncated dense network gates: %w", err)
			}
			f.gkind = make([]int32, blocks)
			for k, v := range kb {
				if uint32(v) >= ng {
					return fmt.Errorf("bad gate row %d of block %d", v, k)
				}
				f.gkind[k] = int32(v)
			}
			gb := make([]byte, 2*int(n)*int(ng))
			if _, err := io.ReadFull(br, gb); err != nil {
				return fmt.Errorf("truncated dense network gates: %w", err)
			}
			f.gate = make([]float32, int(n)*int(ng))
			for i := range f.gate {
				f.gate[i] = fromF16(uint16(gb[2*i]) | uint16(gb[2*i+1])<<8)
			}
			nb, err := u32()
			if err != nil {
				return err
			}
			if nb != 0 && nb != numDistBuckets {
				return fmt.Errorf("bad gate distance buckets %d", nb)
			}
			if nb > 0 {
				f.dfac = make([]float32, ng*nb)
				for i := range f.dfac {
					v, err := u32()
					if err != nil {
						return err
					}
					f.dfac[i] = math.Float32frombits(v)
				}
			}
		}
	}
	m.vkeys, m.stems, m.fd, m.denseW = keys, stems, f, math.Float32frombits(dw)
	m.words = wordTable(m.lex, m.val, m.clus, keys, f.scale)
	return nil
}

func putU32(b *bytes.Buffer, v uint32) {
	b.Write([]byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)})
}

func putU64(b *bytes.Buffer, v uint64) {
	putU32(b, uint32(v))
	putU32(b, uint32(v>>32))
}

func getU32(p []byte) uint32 {
	return uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16 | uint32(p[3])<<24
}

func getU64(p []byte) uint64 {
	return uint64(getU32(p)) | uint64(getU32(p[4:]))<<32
}
