// Package category assigns news articles to topic categories, with a
// confidence per category.
//
// # Taxonomy
//
// Lector's news taxonomy has six categories (names as returned):
//
//	world               international affairs, conflicts, diplomacy, foreign elections
//	politics            domestic politics: parties, parliament, government policy
//	business            economy, companies, markets, trade, jobs
//	sport               all sports
//	science_technology  science, technology, the internet, space, health research
//	entertainment       film, music, television, books, celebrities, the arts
//
// More can be added (the model file lists its categories). The model is
// trained on two public data sets whose classes map onto the taxonomy:
//
//	BBC News (Greene & Cunningham 2006, 5 classes)   AG News (Zhang et al. 2015, 4 classes)
//	business      -> business                        World    -> world
//	entertainment -> entertainment                   Sports   -> sport
//	politics      -> politics                        Business -> business
//	sport         -> sport                           Sci/Tech -> science_technology
//	tech          -> science_technology
//
// World and politics overlap: AG's "World" is international news (much of
// it political), BBC's "politics" is UK domestic politics. We keep both:
// a story about a government at home comes out as politics, one about other
// countries' affairs as world; stories between the two get split
// confidence. No data set labels entertainment and world together, so the
// model learns each from one source only.
//
// # Model
//
// Features (Featurizer), hashed into 2^18 buckets, each kind weighted 1:
//   - lower-cased word unigrams and bigrams (digits folded to 0);
//   - the words of the title (the first line, when it is at most 300
//     bytes), in a namespace of their own;
//   - each word's clusters at three granularities (internal/wordclusters,
//     learnt from unlabelled Reuters news), a back-off for rare words.
//   - for each word with neither a vector nor clusters (a rare name, an odd
//     spelling), the character 3- to 5-grams of "<word>", as a block of
//     their own weighted 0.2 (fastText's subwords; AG +0.2 on every fold
//     seed, BBC unchanged).
//
// Counts are weighted 1+log(tf) and L2-normalised. To these come 100
// dense features: the sum of the document's word vectors, L2-normalised
// and weighted 6. The vectors are the pretrained GloVe 6B vectors of
// internal/wordvec (100,000 words, Wikipedia and Gigaword news), each
// divided by its largest component (the table's int8 row), so that words
// the labelled data never shows still count. Until session 8 they were
// learnt by skip-gram (TrainVectors) on 9.1 million words of unlabelled
// news (LoadUnlabelled): GloVe gives AG +0.1 on the tuning folds and +0.3
// on the three untuned fold seeds (experiments8_test.go). Only the first
// 3,000 words and 256 KB of a document are read.
//
// The vectors and the word clusters share one table (Vectors.WithClusters,
// Vectors.WithWordVec; 106,000 words, one 128-byte record each), so a word
// costs one look-up. The model file holds the clusters only; Load builds
// the table once from them and wordvec.Default(), in huge pages, and
// copies the model into huge pages; classify touches all weight rows
// before it sums them, so that their cache misses overlap. A 600-word
// article with the model out of the caches (BenchmarkClassify600Cold)
// costs about 150 us of CPU where separate tables in the binary's own
// 4 KB pages cost 510-530 us.
//
// Training (cmd/train/category) fits one-vs-rest logistic regressions on
// features scaled by naive-Bayes log-count ratios (NB-LR, after Wang &
// Manning's NBSVM, 2012; the dense features are not scaled) with AdaGrad,
// 8 epochs, L2 3e-4, BBC articles weighted 2.5 (AG has 2.6 times as many,
// much shorter, items); the ratios and a softmax temperature (fitted on
// cross-validated predictions) are folded into the weights; hashed
// weights are stored as int16 with one scale. Classify returns the
// softmax over the categories, sorted by confidence. cmd/eval/category
// prints k-fold cross-validated accuracy per data set, on the folds the
// settings were chosen on and on three fold seeds never used for tuning;
// experiments_test.go, experiments5_test.go, experiments8_test.go and
// experiments9_test.go (build tag catexp) record what was tried, most of
// it without gain (self-training, more word vectors, an MLP, vector
// clusters, subwords, more data; GloVe variants, clusters and
// augmentation; more buckets, BBC leads, length-group blocks). The shipped
// weights are the average of six models trained with their own shuffle
// seeds (TrainOptions.Bag, session 9): still one linear model, at no cost
// at run time; AG +0.33 on the tuning folds, +0.25 on the untuned ones and
// higher on each of seven fold seeds, BBC not lower on any; the
// temperature (1.3) is the single model's (log-loss 0.276 -> 0.273,
// calibration error 0.017 -> 0.020).
//
// Mixed into the linear model's scores, at weight 0.5, are the logits of a
// small network over four gated means of the GloVe vectors of the first
// 300 words (session 22, from session 21's TestGated21; see gated.go),
// its first layer folded into per-word rows for the 30,000 most frequent
// words, the rarer ones read from their vectors; the mix is divided by a
// further temperature of 1.5. 5-fold AG / BBC: seed 42 90.29 / 97.23 ->
// 90.16 / 97.56; untuned seeds 7, 11, 13 mean 90.09 / 97.41 -> 90.47 /
// 97.55 (AG +0.50, +0.32, +0.33, BBC higher on each); log-loss 0.273 ->
// 0.257. It costs 8.3 MB of model file and, on the pipeline's 600-word
// article, 1.13 -> 1.51 M instructions.
package category

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/hugemem"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordclusters"
	"github.com/lector-nlp/lector/internal/wordvec"
)

// Category names of the taxonomy.
const (
	World             = "world"
	Politics          = "politics"
	Business          = "business"
	Sport             = "sport"
	ScienceTechnology = "science_technology"
	Entertainment     = "entertainment"
)

// Names lists the categories of the taxonomy in model order.
var Names = []string{World, Politics, Business, Sport, ScienceTechnology, Entertainment}

// Category is one category with its confidence (probability).
type Category struct {
	Name       string
	Confidence float64
}

// modelData is the model file, embedded as a string and used in place.
//
//go:embed model/category.bin
var modelData string

// ModelPath is the path of the model file in this package.
const ModelPath = "model/category.bin"

// Magic starts every model file.
const Magic = "LECTORCAT5\n"

// maxTokens bounds the tokens looked at per document.
const maxTokens = 3000

// Classifier assigns categories. It is safe for concurrent use.
type Classifier struct {
	fz    Featurizer
	names []string
	bias  []float32
	w     []byte // int16 little-endian, bucket-major: w[b*n+c]
	// rows holds the weights of w as int16, rowStride apart (n <= 8;
	// else nil): a bucket's row is then in one cache line, where 12-byte
	// rows (6 categories) crossed one line in six, a second miss that
	// classify's summing loop waited for (cold pipeline article,
	// cachegrind: 1,922 -> 1,622 LL misses in classify; 4 MB where the
	// weights took 3)
	rows  []int16
	scale float32
	dw    []float32 // dense weights, feature-major: dw[j*n+c]
	// net is the gated network, folded (nil: none; see gated.go)
	net *FoldedNet
}

// Load returns a classifier over the embedded model. On Linux the model
// is copied once, on first use, into memory of its own backed by huge
// pages (hugemem.Copy; 4 MB outside the Go heap, shared by every Load): a
// document touches a few thousand places spread over the model, and with
// the 4 KB pages of the binary's own copy nearly each is a TLB miss when
// the model is out of the caches. Elsewhere it is used in place.
//
// A model on GloVe vectors (the shipped one) gets its word table built
// once, by the first Load, in huge pages (Vectors.WithWordVec: 15 MB
// with its index). A model with vectors of its own has its records also
// laid out in their index slots (Vectors.slots, made once): cold pipeline
// article, cachegrind, findAll 1,019 -> 735 LL misses, in one round of
// loads where the index and then the records were two.
func Load() (*Classifier, error) {
	hugeOnce.Do(func() { hugeModel = hugemem.Copy(modelData) })
	b := hugeModel
	if b == nil {
		b = unsafe.Slice(unsafe.StringData(modelData), len(modelData))
	}
	mergedMu.Lock()
	defer mergedMu.Unlock()
	c, err := decode(b, merged, true)
	if err != nil {
		return nil, err
	}
	if c.fz.WordVec != nil {
		merged = c.fz.Vectors
		return c, nil
	}
	if v := c.fz.Vectors; v != nil {
		slotsOnce.Do(func() { hugeSlots = v.slotted() })
		v.slots = hugeSlots
	}
	return c, nil
}

var (
	hugeOnce  sync.Once
	hugeModel []byte
	slotsOnce sync.Once
	hugeSlots []byte // of the embedded model's vectors (Vectors.slots)
	// the embedded model's word table with the GloVe vectors (built by
	// the first Load)
	mergedMu sync.Mutex
	merged   *Vectors
)

// LoadFS reads a model from fsys (a copy on the heap).
func LoadFS(fsys fs.FS, name string) (*Classifier, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("category: %w", err)
	}
	return Decode(b)
}

// header is the fixed part of a model file after Magic.
type header struct {
	NClass  uint32
	Bits    uint32
	Scale   float32
	Title   float32
	Cluster [3]float32
	Dense   float32 // weight of the word-vector features; 0: none
	Subword float32 // weight of the character n-grams of words without a record; 0: none
	Flags   uint32  // hdrTable | hdrWordVec
}

// Header flags.
const (
	hdrTable   = 1 // a word table (Vectors) follows the hashed weights
	hdrWordVec = 2 // the dense features are the GloVe vectors of wordvec.Default()
	hdrGated   = 4 // a folded gated network (FoldedNet) follows the dense weights
)

// Decode parses a model file; the weights are used in place, so b must
// not change afterwards (Decode never writes to it). A model with
// cluster features uses the embedded word clusters.
func Decode(b []byte) (*Classifier, error) { return decode(b, nil, false) }

// decode is Decode; a model on GloVe vectors takes merged as its word
// table when it is not nil, else builds it (Vectors.WithWordVec), in
// huge-page memory when huge is set.
func decode(b []byte, merged *Vectors, huge bool) (*Classifier, error) {
	if !bytes.HasPrefix(b, []byte(Magic)) {
		return nil, errors.New("category: not a model file")
	}
	r := bytes.NewReader(b[len(Magic):])
	var hdr header
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("category: %w", err)
	}
	if hdr.NClass == 0 || hdr.NClass > 64 || hdr.Bits == 0 || hdr.Bits > 26 {
		return nil, errors.New("category: bad header")
	}
	c := &Classifier{fz: Featurizer{Bits: uint(hdr.Bits), Title: hdr.Title, Cluster: hdr.Cluster, Dense: hdr.Dense, Subword: hdr.Subword}, scale: hdr.Scale}

	for i := 0; i < int(hdr.NClass); i++ {
		var l uint8
		if err := binary.Read(r, binary.LittleEndian, &l); err != nil {
			return nil, fmt.Errorf("category: %w", err)
		}
		name := make([]byte, l)
		if _, err := io.ReadFull(r, name); err != nil {
			return nil, fmt.Errorf("category: %w", err)
		}
		c.names = append(c.names, string(name))
	}
	c.bias = make([]float32, hdr.NClass)
	if err := binary.Read(r, binary.LittleEndian, c.bias); err != nil {
		return nil, fmt.Errorf("category: %w", err)
	}
	rest := b[len(b)-r.Len():]
	nw := 2 * (1 << hdr.Bits) * int(hdr.NClass)
	if len(rest) < nw {
		return nil, errors.New("category: truncated model")
	}
	c.w, rest = rest[:nw], rest[nw:]
	c.padRows()
	if hdr.Flags&hdrTable != 0 {
		v, tail, err := decodeVectors(rest)
		if err != nil {
			return nil, err
		}
		c.fz.Vectors, rest = v, tail
		if hdr.Flags&hdrWordVec != 0 {
			if v.Dim != 0 {
				return nil, errors.New("category: a model on GloVe vectors has vectors of its own")
			}
			c.fz.WordVec = wordvec.Default()
			if merged != nil {
				c.fz.Vectors = merged
			} else {
				c.fz.Vectors = v.WithWordVec(c.fz.WordVec, huge)
			}
		}
	}
	if dim := c.fz.DenseDim(); dim > 0 {
		if len(rest) < 4*dim*int(hdr.NClass) {
			return nil, errors.New("category: truncated dense weights")
		}
		c.dw = make([]float32, dim*int(hdr.NClass))
		for i := range c.dw {
			c.dw[i] = math.Float32frombits(binary.LittleEndian.Uint32(rest[4*i:]))
		}
		rest = rest[4*len(c.dw):]
	}
	if hdr.Flags&hdrGated != 0 {
		if c.fz.Vectors == nil || !c.fz.Vectors.glove {
			return nil, errors.New("category: a gated network without GloVe indices in the word table")
		}
		net, tail, err := decodeNet(rest, int(hdr.NClass))
		if err != nil {
			return nil, err
		}
		c.net, rest = net, tail
	}
	if len(rest) != 0 {
		return nil, errors.New("category: model has trailing bytes")
	}
	if hdr.Cluster != [3]float32{} && (c.fz.Vectors == nil || !c.fz.Vectors.clustered) {
		cl, err := wordclusters.Default()
		if err != nil {
			return nil, fmt.Errorf("category: %w", err)
		}
		c.fz.Clusters = cl
	}
	return c, nil
}

// Encode writes a model: the featurizer's settings, names, bias per class
// and 2^fz.Bits bucket-major float weights, quantised to int16; then the
// word table (fz.Vectors), if any; then, with dense features, their
// fz.DenseDim() feature-major weights, which follow the hashed ones in
// weights. The GloVe vectors of fz.WordVec are not written: a model that
// uses them reads wordvec.Default().
func Encode(w io.Writer, names []string, fz Featurizer, bias, weights []float32) error {
	return EncodeNet(w, names, fz, bias, weights, nil)
}

// EncodeNet is Encode with a folded gated network (nil: none) after the
// dense weights; it needs a word table with GloVe indices (fz.WordVec).
func EncodeNet(w io.Writer, names []string, fz Featurizer, bias, weights []float32, net *FoldedNet) error {
	nh := (1 << fz.Bits) * len(names)
	var dense []float32
	if dim := fz.DenseDim(); dim > 0 {
		if len(weights) != nh+dim*len(names) {
			return errors.New("category: weights do not match the features")
		}
		dense = weights[nh:]
	} else {
		fz.Dense = 0
	}
	var flags uint32
	if fz.Vectors != nil {
		flags |= hdrTable
	}
	if fz.WordVec != nil && fz.Dense != 0 {
		flags |= hdrWordVec
	}
	if net != nil {
		if len(net.more) > 0 {
			return errors.New("category: networks averaged (GatedOptions.Nets) are not encoded")
		}
		if flags&hdrWordVec == 0 {
			return errors.New("category: a gated network needs the GloVe word table")
		}
		flags |= hdrGated
	}
	weights = weights[:nh]
	maxAbs := float32(0)
	for _, v := range weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var buf bytes.Buffer
	buf.WriteString(Magic)
	binary.Write(&buf, binary.LittleEndian, header{uint32(len(names)), uint32(fz.Bits), scale, fz.Title, fz.Cluster, fz.Dense, fz.Subword, flags})
	for _, n := range names {
		buf.WriteByte(byte(len(n)))
		buf.WriteString(n)
	}
	binary.Write(&buf, binary.LittleEndian, bias)
	q := make([]int16, len(weights))
	for i, v := range weights {
		q[i] = int16(math.Round(float64(v / scale)))
	}
	binary.Write(&buf, binary.LittleEndian, q)
	if fz.Vectors != nil && fz.WordVec != nil {
		fz.Vectors.clustersOnly().encode(&buf)
	} else if fz.Vectors != nil {
		fz.Vectors.encode(&buf)
	}
	if dense != nil {
		binary.Write(&buf, binary.LittleEndian, dense)
	}
	if net != nil {
		net.encode(&buf)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// rowStride is the spacing of the buckets' rows in Classifier.rows.
const rowStride = 8

// padRows fills c.rows from c.w, in huge-page memory when there is some
// (see Classifier).
func (c *Classifier) padRows() {
	n := len(c.bias)
	if n > rowStride {
		return
	}
	nb := len(c.w) / (2 * n)
	rows := hugemem.Make[int16](c, nb*rowStride)
	if rows == nil {
		rows = make([]int16, nb*rowStride)
	}
	for b := 0; b < nb; b++ {
		for i := 0; i < n; i++ {
			rows[b*rowStride+i] = int16(binary.LittleEndian.Uint16(c.w[2*(b*n+i):]))
		}
	}
	c.rows = rows
}

// Names returns the categories of the model, in model order.
func (c *Classifier) Names() []string { return append([]string(nil), c.names...) }

// Classify returns every category with its probability, most likely first.
func (c *Classifier) Classify(doc *text.Document) []Category {
	sc := classPool.Get().(*classScratch)
	var words *[]int32
	if c.net != nil {
		words = &sc.words
	}
	sc.feats = c.fz.features(doc.Text, sc.feats[:0], words)
	out := c.classify(sc.feats, sc)
	classPool.Put(sc)
	return out
}

// classScratch is Classify's pooled scratch.
type classScratch struct {
	feats []Feature
	words []int32 // the gated network's input
	net   gatedScratch
	sink  uint32 // of the loads that only bring rows into the caches
}

var classPool = sync.Pool{New: func() any { return new(classScratch) }}

// Featurizer returns the feature settings of the model.
func (c *Classifier) Featurizer() Featurizer { return c.fz }

// ClassifyText tokenises s and classifies it.
func (c *Classifier) ClassifyText(s string) []Category { return c.Classify(text.Analyze(s)) }

func (c *Classifier) classify(feats []Feature, sc *classScratch) []Category {
	n := len(c.names)
	scores := make([]float64, n)
	for i := range scores {
		scores[i] = float64(c.bias[i])
	}
	if c.net != nil {
		sc.sink += c.net.touch(sc.words)
	}
	// Both touch every row first: with the model out of the caches these
	// are independent loads that the CPU overlaps by the dozen, where the
	// summing loop, longer per feature, waits on a few at a time (cold
	// article -20 % CPU).
	if c.rows != nil {
		c.classifyRows(feats, scores)
	} else {
		c.classifyBytes(feats, scores)
	}
	if c.net != nil {
		c.net.addLogits(sc.words, scores, &sc.net)
	}
	probs := Softmax(scores)
	out := make([]Category, n)
	for i, p := range probs {
		out[i] = Category{c.names[i], p}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Confidence > out[j].Confidence })
	return out
}

// classifyRows adds the weights of feats to scores, from c.rows.
func (c *Classifier) classifyRows(feats []Feature, scores []float64) {
	nb := 1 << c.fz.Bits
	n := len(scores)
	rows := c.rows
	var t int16
	for _, f := range feats {
		if int(f.Index) < nb {
			t += rows[int(f.Index)*rowStride]
		}
	}
	runtime.KeepAlive(t)
	scale := float64(c.scale)
	if n == 6 {
		classify6(feats, scores, rows, c.dw, nb, scale)
		return
	}
	for _, f := range feats {
		if int(f.Index) >= nb {
			addDense(scores, f.Value, c.dw[(int(f.Index)-nb)*n:])
			continue
		}
		q := (*[rowStride]int16)(rows[int(f.Index)*rowStride:])
		v := float64(f.Value) // (the products as classifyBytes makes them)
		for i := range scores {
			scores[i] += float64(v * float64(q[i&(rowStride-1)]) * scale)
		}
	}
}

// addDense adds a dense feature's weights, row, times v to scores.
func addDense(scores []float64, v float32, row []float32) {
	for i := range scores {
		scores[i] += float64(float64(v) * float64(row[i]))
	}
}

// classify6 is classifyRows' summing loop for six categories (the
// shipped taxonomy), with the sums in registers: the same products added
// in the same order. Each product is rounded (float64(...)) before it is
// added, here and in classifyRows, classifyBytes and addDense: where the
// compiler fuses a multiply and an add (GOAMD64=v3: the sums in
// registers here, not those in memory there; arm64) the loops would
// otherwise round differently (TestClassifyRowsBytes).
func classify6(feats []Feature, scores []float64, rows []int16, dw []float32, nb int, scale float64) {
	s := (*[6]float64)(scores)
	s0, s1, s2, s3, s4, s5 := s[0], s[1], s[2], s[3], s[4], s[5]
	for _, f := range feats {
		v := float64(f.Value)
		if int(f.Index) >= nb {
			row := (*[6]float32)(dw[(int(f.Index)-nb)*6:])
			s0 += float64(v * float64(row[0]))
			s1 += float64(v * float64(row[1]))
			s2 += float64(v * float64(row[2]))
			s3 += float64(v * float64(row[3]))
			s4 += float64(v * float64(row[4]))
			s5 += float64(v * float64(row[5]))
			continue
		}
		q := (*[rowStride]int16)(rows[int(f.Index)*rowStride:])
		s0 += float64(v * float64(q[0]) * scale)
		s1 += float64(v * float64(q[1]) * scale)
		s2 += float64(v * float64(q[2]) * scale)
		s3 += float64(v * float64(q[3]) * scale)
		s4 += float64(v * float64(q[4]) * scale)
		s5 += float64(v * float64(q[5]) * scale)
	}
	s[0], s[1], s[2], s[3], s[4], s[5] = s0, s1, s2, s3, s4, s5
}

// classifyBytes adds the weights of feats to scores, from c.w.
func (c *Classifier) classifyBytes(feats []Feature, scores []float64) {
	n := len(scores)
	nb := 1 << c.fz.Bits
	var t byte
	for _, f := range feats {
		if int(f.Index) < nb {
			t += c.w[2*int(f.Index)*n]
		}
	}
	runtime.KeepAlive(t)
	for _, f := range feats {
		if int(f.Index) >= nb {
			addDense(scores, f.Value, c.dw[(int(f.Index)-nb)*n:])
			continue
		}
		row := c.w[2*int(f.Index)*n : 2*(int(f.Index)*n+n)]
		row = row[:2*len(scores)]
		// the row's int16 read through array pointers: no bounds checks
		p := unsafe.Pointer(unsafe.SliceData(row))
		v, scale := float64(f.Value), float64(c.scale) // (same products)
		for i := range scores {
			q := int16(binary.LittleEndian.Uint16((*[2]byte)(unsafe.Add(p, 2*i))[:]))
			scores[i] += float64(v * float64(q) * scale)
		}
	}
}

// Softmax turns scores into probabilities in place and returns them.
func Softmax(s []float64) []float64 {
	m := math.Inf(-1)
	for _, v := range s {
		m = max(m, v)
	}
	sum := 0.0
	for i, v := range s {
		s[i] = math.Exp(v - m)
		sum += s[i]
	}
	for i := range s {
		s[i] /= sum
	}
	return s
}

// Feature is one hashed feature with its weight in the document.
type Feature struct {
	Index uint32
	Value float32
}

// Featurizer turns text into hashed features: lower-cased word unigrams
// and bigrams, and optionally the title's words in a namespace of their
// own and each word's clusters (internal/wordclusters), each kind with its
// own weight.
type Featurizer struct {
	Bits     uint
	Title    float32    // weight of title words (0: off)
	Cluster  [3]float32 // weight of the clusters per granularity (0: off)
	Clusters *wordclusters.Clusters
	// Vectors, when set with Dim > 0, add Vectors.Dim dense features
	// after the 2^Bits hashed ones: the sum of the document's word
	// vectors, L2-normalised and times Dense. A table of Dim 0 carries
	// clusters only.
	Vectors *Vectors
	Dense   float32
	// WordVec, when set, is where the vectors of Vectors come from
	// (Vectors.WithWordVec): a model file then holds the clusters only,
	// and Decode adds the vectors of wordvec.Default() again.
	WordVec *wordvec.Table
	// Subword, when set with a word table that carries the clusters
	// (Vectors.WithClusters), adds the character 3- to 5-grams of "<w>"
	// for each word w without a record in the table (rare names, odd
	// spellings), as a block of their own: 1+log(tf), L2-normalised and
	// times Subword.
	Subword float32
}

// DenseDim returns the number of dense features after the hashed ones.
func (fz *Featurizer) DenseDim() int {
	if fz.Dense == 0 || fz.Vectors == nil {
		return 0
	}
	return fz.Vectors.Dim
}

// maxScan bounds the bytes of text read for words: maxTokens words of
// news fit in far less, and the bound keeps a 1 MB input without words
// quick.
const maxScan = 256 << 10

// maxTitle is the longest first line taken as a title.
const maxTitle = 300

// Features returns the hashed features of doc, 1+log(tf) weighted, times
// the weight of their kind and L2-normalised, appended to out in order of
// first occurrence. Words are read from doc.Text (words, below), not from
// doc.Tokens, so that the model does not depend on the tokeniser it was
// trained with.
func (fz *Featurizer) Features(doc *text.Document, out []Feature) []Feature {
	return fz.features(doc.Text, out, nil)
}

// features is Features; when words is not nil, it also sets *words to
// the GloVe indices of those of the first gatedWords words that have one
// (the gated network's input).
func (fz *Featurizer) features(s string, out []Feature, words *[]int32) []Feature {
	if len(s) > maxScan {
		s = s[:maxScan]
	}
	ct := counterPool.Get().(*counter)
	ct.reset()
	titleEnd := strings.IndexByte(s, '\n')
	if titleEnd > maxTitle || fz.Title == 0 {
		titleEnd = -1
	}
	useVec := fz.Vectors != nil && fz.Vectors.Dim > 0 && fz.Dense != 0
	// lex: the clusters come with the vectors, one look-up per word
	lex := fz.Vectors != nil && fz.Vectors.clustered && fz.Cluster != [3]float32{}
	useCl := !lex && fz.Clusters != nil && fz.Cluster != [3]float32{}
	var acc []int32
	nvec := 0
	if useVec {
		acc = ct.acc(fz.Vectors.Dim)
	}
	subwords := lex && fz.Subword != 0
	nsub := 0
	glove := words != nil && lex && fz.Vectors.glove
	if words != nil {
		*words = (*words)[:0]
	}
	// The words are read and hashed first, their vector records looked
	// up in two tight loops (the table slots, then the records), and only
	// then counted: on a cold model the loads of one loop overlap instead
	// of each word waiting for its own.
	ct.scan(s, titleEnd)
	if lex {
		ct.sink += fz.Vectors.findAll(ct.toks)
	}

	var prev uint64
	off := uint32(0)
	for i := range ct.toks {
		t := &ct.toks[i]
		w := ct.wbuf[off:t.end]
		off = t.end
		h := t.h
		ct.add(bucket(h, fz.Bits), 1)
		if t.flags&tokNoPrev == 0 {
			ct.add(bucket(hashing.AddBytes(prev*hashing.Prime^0x9e37, w)^0x5bd1e995, fz.Bits), 1)
		}
		if t.flags&tokTitle != 0 {
			ct.add(bucket(hashing.AddBytes(titleSeed, w), fz.Bits), fz.Title)
		}
		switch {
		case lex:
			r := fz.Vectors.record(t.rec)
			if r == nil && subwords {
				nsub += fz.addSubwords(ct, w)
			}
			if r != nil {
				tail := r[fz.Vectors.Dim:]
				if glove && i < gatedWords {
					if g := binary.LittleEndian.Uint32(tail[recGlove:]); g != 0 {
						*words = append(*words, int32(g-1))
					}
				}
				if tail[recFlags]&flagClusters != 0 {
					fz.addClusters(ct, [3]uint16{
						binary.LittleEndian.Uint16(tail[recIDs:]),
						binary.LittleEndian.Uint16(tail[recIDs+2:]),
						binary.LittleEndian.Uint16(tail[recIDs+4:]),
					})
				}
				if useVec && tail[recFlags]&flagVec != 0 {
					ct.addVec(r[:len(acc)], acc)
					nvec++
				}
			}
		case useVec:
			if r := fz.Vectors.row(w); r != nil {
				for j, x := range r {
					acc[j] += int32(int8(x))
				}
				nvec++
			}
		}
		if useCl {
			ws := unsafe.String(&w[0], len(w))
			ids, ok := fz.Clusters.Lookup(wordclusters.KeyOf(ws, false))
			if !ok {
				ids, ok = fz.Clusters.Lookup(wordclusters.KeyOf(ws, true))
			}
			if ok {
				fz.addClusters(ct, ids)
			}
		}
		prev = h
	}
	if useVec {
		ct.flushVec(acc)
	}
	// the word features, then (in a block of their own) the subwords
	start := len(out)
	norm := 0.0
	for _, slot := range ct.order {
		e := &ct.slots[slot]
		if (e.key-1)&subwordFlag != 0 {
			continue
		}
		x := logTF(e.count) * e.mult
		out = append(out, Feature{e.key - 1, x})
		norm += float64(x * x)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := start; i < len(out); i++ {
			out[i].Value *= inv
		}
	}
	if nsub > 0 {
		start := len(out)
		norm := 0.0
		for _, slot := range ct.order {
			e := &ct.slots[slot]
			if (e.key-1)&subwordFlag == 0 {
				continue
			}
			x := logTF(e.count)
			out = append(out, Feature{(e.key - 1) &^ subwordFlag, x})
			norm += float64(x * x)
		}
		inv := fz.Subword / float32(math.Sqrt(norm))
		for i := start; i < len(out); i++ {
			out[i].Value *= inv
		}
	}
	if nvec > 0 {
		vn := 0.0
		for _, x := range acc {
			vn += float64(x) * float64(x)
		}
		if vn > 0 {
			inv := float64(fz.Dense) / math.Sqrt(vn)
			base := uint32(1) << fz.Bits
			for j, x := range acc {
				out = append(out, Feature{base + uint32(j), float32(float64(x) * inv)})
			}
		}
	}
	counterPool.Put(ct)
	return out
}

// addSubwords counts the character 3- to 5-grams of "<w>", their buckets
// marked with subwordFlag (a block of their own, apart from the words'
// features even in the same bucket), and returns how many it counted.
func (fz *Featurizer) addSubwords(ct *counter, w []byte) int {
	g := append(append(append(ct.gram[:0], '<'), w...), '>')
	ct.gram = g
	n := 0
	for k := 3; k <= 5 && k < len(g); k++ {
		for i := 0; i+k <= len(g); i++ {
			ct.add(bucket(hashing.AddBytes(subwordSeed, g[i:i+k])^0x77, fz.Bits)|subwordFlag, 1)
			n++
		}
	}
	return n
}

// subwordFlag marks a subword bucket in a counter (Bits is at most 26).
const subwordFlag = 1 << 30

// addClusters counts a word's cluster features.
func (fz *Featurizer) addClusters(ct *counter, ids [3]uint16) {
	for l, cw := range fz.Cluster {
		if cw != 0 {
			ct.add(bucket(hashing.Mix(uint64(l+1)<<32|uint64(ids[l])+clusterSeed), fz.Bits), cw)
		}
	}
}

// logTable holds 1+log(k) for small counts k.
var logTable = func() (t [64]float32) {
	for k := 1; k < len(t); k++ {
		t[k] = float32(1 + math.Log(float64(k)))
	}
	return t
}()

// logTF is 1+log(n), from a table for small counts.
func logTF(n float32) float32 {
	if k := int(n); uint(k) < uint(len(logTable)) {
		return logTable[k]
	}
	return logTFLarge(n)
}

// logTFLarge is logTF past the table (apart, so that logTF is inlined).
//
//go:noinline
func logTFLarge(n float32) float32 { return float32(1 + math.Log(float64(n))) }

// Seeds of the title and cluster namespaces.
const (
	titleSeed   = 0x1234567
	clusterSeed = 0xc1
	subwordSeed = 0xc4a5
)

// offsetIn returns the byte offset of sub, a substring of s, in s.
func offsetIn(s, sub string) int {
	return int(uintptr(unsafe.Pointer(unsafe.StringData(sub))) - uintptr(unsafe.Pointer(unsafe.StringData(s))))
}

// counter counts features in an open-addressing table, remembering the
// order in which they were first seen (so the output does not depend on
// map order). Pooled: a document's features are counted without
// allocating.
type counter struct {
	slots []cslot
	gram  []byte // a word between < and > (addSubwords)
	order []int32
	mask  uint32
	vec   []int32 // word-vector sum
	// the word-vector sum's recent additions, eight bytes at a time:
	// swE[k] holds the sums of bytes 8k, 8k+2, 8k+4, 8k+6 (biased by
	// +128) in 16-bit lanes, swO[k] those of the odd bytes; swN words.
	swE, swO [16]uint64
	swN      int32
	// the words of the document (scan): normalised, one after another
	// in wbuf, and what features reads of each in toks
	wbuf []byte
	toks []ctok
	sink uint32 // of the loads that only bring records into the caches
}

// ctok is one word of a document as features counts it.
type ctok struct {
	h     uint64 // hashing.AddBytes(hashing.Offset, word)
	end   uint32 // of the word in wbuf (it starts where the previous ends)
	rec   uint32 // 1 + its record in the vectors (findAll), 0 none
	flags uint8  // tokNoPrev, tokTitle
}

const (
	tokNoPrev = 1 << iota // no bigram with the previous word
	tokTitle              // in the title
)

// scan reads the words of s into c.wbuf and c.toks, up to maxTokens of
// them; titleEnd (or -1) is the end of the title line.
func (c *counter) scan(s string, titleEnd int) {
	c.wbuf, c.toks = c.wbuf[:0], c.toks[:0]
	noPrev := true
	words(s, func(tok string, gap bool) bool {
		if gap {
			noPrev = true
		}
		start := len(c.wbuf)
		// fast path: a word of ASCII letters and digits is normalised
		// (lower case, digits 0) and hashed in one loop; anything else
		// goes through normalise
		w, h := c.wbuf, uint64(hashing.Offset)
		for i := 0; i < len(tok); i++ {
			b := normASCII[tok[i]]
			if b == 0 {
				w = nil
				break
			}
			w = append(w, b)
			h = hashing.AddByte(h, b)
		}
		if w == nil {
			var ok bool
			w, ok = normalise(tok, c.wbuf)
			if !ok {
				c.wbuf = w[:start]
				noPrev = true
				return true
			}
			h = hashing.AddBytes(hashing.Offset, w[start:])
		}
		c.wbuf = w
		var fl uint8
		if noPrev {
			fl |= tokNoPrev
		}
		if titleEnd > 0 && offsetIn(s, tok) < titleEnd {
			fl |= tokTitle
		}
		c.toks = append(c.toks, ctok{h: h, end: uint32(len(w)), flags: fl})
		noPrev = false
		return len(c.toks) < maxTokens
	})
}

// addVec adds the int8 vector r to the word-vector sum acc (len(acc) ==
// len(r)): the first multiple of 8 bytes into the 16-bit lanes of swE and
// swO, two 64-bit additions per 8 bytes, flushed into acc every 255
// words (before a lane could overflow); the rest at once.
func (c *counter) addVec(r []byte, acc []int32) {
	n := min(len(r)/8, len(c.swE))
	// 8-byte reads through an array pointer: no bounds checks (k < n <=
	// len(r)/8), one load each
	p := unsafe.Pointer(unsafe.SliceData(r))
	e, o := &c.swE, &c.swO
	for k := 0; k < n; k++ {
		v := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, 8*k))[:]) ^ 0x8080808080808080
		e[k] += v & 0x00ff00ff00ff00ff
		o[k] += v >> 8 & 0x00ff00ff00ff00ff
	}
	for j := 8 * n; j < len(r); j++ {
		acc[j] += int32(int8(r[j]))
	}
	if c.swN++; c.swN == 255 {
		c.flushVec(acc)
	}
}

// flushVec adds the lanes of swE and swO into acc and clears them.
func (c *counter) flushVec(acc []int32) {
	if c.swN == 0 {
		return
	}
	n := min(len(acc)/8, len(c.swE))
	bias := 128 * c.swN
	for k := 0; k < n; k++ {
		e, o := c.swE[k], c.swO[k]
		for l := 0; l < 4; l++ {
			acc[8*k+2*l] += int32(e>>(16*l)&0xffff) - bias
			acc[8*k+2*l+1] += int32(o>>(16*l)&0xffff) - bias
		}
	}
	c.swE, c.swO, c.swN = [16]uint64{}, [16]uint64{}, 0
}

// cslot is one slot of a counter: a feature, its count and the weight of
// its kind, side by side (one cache line per look-up).
type cslot struct {
	key   uint32 // bucket+1; 0 = empty
	count float32
	mult  float32
}

// acc returns the zeroed word-vector accumulator.
func (c *counter) acc(dim int) []int32 {
	if cap(c.vec) < dim {
		c.vec = make([]int32, dim)
	}
	c.vec = c.vec[:dim]
	clear(c.vec)
	return c.vec
}

var counterPool = sync.Pool{New: func() any { return new(counter) }}

func (c *counter) reset() {
	if len(c.slots) == 0 {
		c.alloc(1024)
	} else {
		for _, slot := range c.order {
			c.slots[slot].key = 0
		}
	}
	c.order = c.order[:0]
}

func (c *counter) alloc(size int) {
	c.slots = make([]cslot, size)
	c.mask = uint32(size - 1)
}

// grow doubles the table, keeping the order of first occurrence.
func (c *counter) grow() {
	slots, order := c.slots, c.order
	c.alloc(2 * len(slots))
	c.order = make([]int32, 0, cap(order))
	for _, slot := range order {
		e := slots[slot]
		c.add(e.key-1, e.mult)
		c.slots[c.order[len(c.order)-1]].count = e.count
	}
}

func (c *counter) add(b uint32, mult float32) {
	k := b + 1
	j := (k * 0x9e3779b1) & c.mask
	for {
		e := &c.slots[j]
		switch e.key {
		case k:
			e.count++
			return
		case 0:
			if 2*(len(c.order)+1) > len(c.slots) {
				c.grow()
				c.add(b, mult)
				return
			}
			*e = cslot{k, 1, mult}
			c.order = append(c.order, int32(j))
			return
		}
		j = (j + 1) & c.mask
	}
}

// words calls f with each word of s: a run of letters, digits and marks,
// with inner apostrophes and periods ("don't", "U.S."); gap reports
// punctuation other than spaces, hyphens and quotes since the previous
// word (a bigram does not span it). ASCII takes a table look-up.
func words(s string, f func(w string, gap bool) bool) {
	start := -1
	gap := false
	for i := 0; i < len(s); {
		c := s[i]
		r, size := rune(c), 1
		var word bool
		if c < utf8.RuneSelf {
			word = asciiClass[c]&classWord != 0
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		}
		if !word && start >= 0 && (r == '\'' || r == '’' || r == '.') {
			// inner apostrophe or period: keep when a word character follows
			if j := i + size; j < len(s) {
				if nc := s[j]; nc < utf8.RuneSelf {
					if asciiClass[nc]&classWord != 0 {
						i = j
						continue
					}
				} else if nr, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsLetter(nr) || unicode.IsDigit(nr) {
					i = j
					continue
				}
			}
		}
		if word {
			if start < 0 {
				start = i
			}
			i += size
			// the rest of a run of ASCII word bytes at once (as the
			// loop would take them, one by one)
			for i < len(s) && s[i] < utf8.RuneSelf && asciiClass[s[i]]&classWord != 0 {
				i++
			}
			continue
		}
		if start >= 0 {
			if !f(s[start:i], gap) {
				return
			}
			start, gap = -1, false
		}
		if c < utf8.RuneSelf {
			if asciiClass[c]&classNoGap == 0 {
				gap = true
			}
		} else if !unicode.IsSpace(r) && r != '“' && r != '”' && r != '‘' && r != '’' {
			gap = true
		}
		i += size
	}
	if start >= 0 {
		f(s[start:], gap)
	}
}

// Classes of ASCII bytes for words.
const (
	classWord  = 1 << iota // letter or digit
	classNoGap             // space, hyphen or quote: does not break a bigram
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		r := rune(c)
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			t[c] |= classWord
		}
		if unicode.IsSpace(r) || r == '-' || r == '"' || r == '\'' {
			t[c] |= classNoGap
		}
	}
	return t
}()

// normASCII is what normalise makes of an ASCII letter or digit (lower
// case, 0), and 0 for any other byte.
var normASCII = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = '0'
	}
	return t
}()

// normalise lower-cases a token and folds digits to 0; tokens without a
// letter or digit are dropped.
func normalise(s string, buf []byte) ([]byte, bool) {
	ok := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
				ok = true
				buf = append(buf, c)
			case 'A' <= c && c <= 'Z':
				ok = true
				buf = append(buf, c+'a'-'A')
			case '0' <= c && c <= '9':
				ok = true
				buf = append(buf, '0')
			default:
				buf = append(buf, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r):
			ok = true
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case unicode.IsDigit(r):
			ok = true
			buf = append(buf, '0')
		case r == '’':
			// possessives: "Bush's" -> "bush", "'s"
			buf = append(buf, '\'')
		default:
			buf = utf8.AppendRune(buf, r)
		}
	}
	if n := len(buf); ok && n > 2 && buf[n-2] == '\'' && buf[n-1] == 's' {
		buf = buf[:n-2]
	}
	return buf, ok
}

func bucket(h uint64, bits uint) uint32 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return uint32(h >> (64 - bits))
}
