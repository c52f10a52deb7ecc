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
// Lower-cased word unigrams and bigrams (digits folded to 0) are hashed
// into 2^18 buckets, weighted 1+log(tf) and L2-normalised. Training
// (cmd/train/category) fits one-vs-rest logistic regressions on features
// scaled by naive-Bayes log-count ratios (NB-LR, after Wang & Manning's
// NBSVM, 2012) with AdaGrad, 8 epochs, L2 3e-4, BBC articles weighted 2.5
// (AG has 2.6 times as many, much shorter, items); the ratios and a
// softmax temperature of 1.15 (fitted on cross-validated predictions) are
// folded into the weights, which are stored as int16 with one scale.
// Classify returns the softmax over the categories, sorted by confidence.
// cmd/eval/category prints k-fold cross-validated accuracy per data set.
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
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/text"
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
const Magic = "LECTORCAT1\n"

// maxTokens bounds the tokens looked at per document.
const maxTokens = 3000

// Classifier assigns categories. It is safe for concurrent use.
type Classifier struct {
	names []string
	bits  uint
	bias  []float32
	w     []byte // int16 little-endian, bucket-major: w[b*n+c]
	scale float32
}

// Load returns a classifier over the embedded model, used in place.
func Load() (*Classifier, error) {
	return Decode(unsafe.Slice(unsafe.StringData(modelData), len(modelData)))
}

// LoadFS reads a model from fsys (a copy on the heap).
func LoadFS(fsys fs.FS, name string) (*Classifier, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("category: %w", err)
	}
	return Decode(b)
}

// Decode parses a model file; the weights are used in place, so b must
// not change afterwards (Decode never writes to it).
func Decode(b []byte) (*Classifier, error) {
	if !bytes.HasPrefix(b, []byte(Magic)) {
		return nil, errors.New("category: not a model file")
	}
	r := bytes.NewReader(b[len(Magic):])
	var hdr struct {
		NClass uint32
		Bits   uint32
		Scale  float32
	}
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil {
		return nil, fmt.Errorf("category: %w", err)
	}
	if hdr.NClass == 0 || hdr.NClass > 64 || hdr.Bits == 0 || hdr.Bits > 26 {
		return nil, errors.New("category: bad header")
	}
	c := &Classifier{bits: uint(hdr.Bits), scale: hdr.Scale}
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
	if len(rest) != 2*(1<<hdr.Bits)*int(hdr.NClass) {
		return nil, errors.New("category: truncated model")
	}
	c.w = rest
	return c, nil
}

// Encode writes a model: names, 2^bits buckets, bias per class and
// bucket-major float weights, quantised to int16.
func Encode(w io.Writer, names []string, bits uint, bias, weights []float32) error {
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
	binary.Write(&buf, binary.LittleEndian, struct {
		NClass uint32
		Bits   uint32
		Scale  float32
	}{uint32(len(names)), uint32(bits), scale})
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
	_, err := w.Write(buf.Bytes())
	return err
}

// Names returns the categories of the model, in model order.
func (c *Classifier) Names() []string { return append([]string(nil), c.names...) }

// Classify returns every category with its probability, most likely first.
func (c *Classifier) Classify(doc *text.Document) []Category {
	feats := Features(doc, c.bits, nil)
	return c.classify(feats)
}

// ClassifyText tokenises s and classifies it.
func (c *Classifier) ClassifyText(s string) []Category { return c.Classify(text.Analyze(s)) }

func (c *Classifier) classify(feats []Feature) []Category {
	n := len(c.names)
	scores := make([]float64, n)
	for i := range scores {
		scores[i] = float64(c.bias[i])
	}
	for _, f := range feats {
		row := c.w[2*int(f.Index)*n : 2*(int(f.Index)*n+n)]
		for i := range scores {
			q := int16(binary.LittleEndian.Uint16(row[2*i:]))
			scores[i] += float64(f.Value) * float64(q) * float64(c.scale)
		}
	}
	probs := Softmax(scores)
	out := make([]Category, n)
	for i, p := range probs {
		out[i] = Category{c.names[i], p}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Confidence > out[j].Confidence })
	return out
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

// Features returns the hashed unigram and bigram features of doc in a
// table of 2^bits buckets, 1+log(tf) weighted and L2-normalised, appended
// to out. Words are read from doc.Text by words (below), not from
// doc.Tokens, so that the model does not depend on the tokeniser it was
// trained with.
func Features(doc *text.Document, bits uint, out []Feature) []Feature {
	counts := make(map[uint32]float32, len(doc.Text)/3)
	var prev uint64
	havePrev := false
	var buf []byte
	n := 0
	words(doc.Text, func(tok string, gap bool) bool {
		if gap {
			havePrev = false
		}
		w, ok := normalise(tok, buf[:0])
		buf = w
		if !ok {
			havePrev = false
			return true
		}
		h := hashing.AddBytes(hashing.Offset, w)
		counts[bucket(h, bits)]++
		if havePrev {
			counts[bucket(hashing.AddBytes(prev*hashing.Prime^0x9e37, w)^0x5bd1e995, bits)]++
		}
		prev, havePrev = h, true
		n++
		return n < maxTokens
	})
	start := len(out)
	norm := 0.0
	for k, v := range counts {
		x := float32(1 + math.Log(float64(v)))
		out = append(out, Feature{k, x})
		norm += float64(x * x)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := start; i < len(out); i++ {
			out[i].Value *= inv
		}
	}
	sort.Slice(out[start:], func(i, j int) bool { return out[start+i].Index < out[start+j].Index })
	return out
}

// words calls f with each word of s: a run of letters, digits and marks,
// with inner apostrophes and periods ("don't", "U.S."); gap reports
// punctuation other than spaces, hyphens and quotes since the previous
// word (a bigram does not span it).
func words(s string, f func(w string, gap bool) bool) {
	start := -1
	gap := false
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if !word && start >= 0 && (r == '\'' || r == '’' || r == '.') {
			// inner apostrophe or period: keep when a word character follows
			if j := i + utf8.RuneLen(r); j < len(s) {
				nr, _ := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(nr) || unicode.IsDigit(nr) {
					continue
				}
			}
		}
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !f(s[start:i], gap) {
				return
			}
			start, gap = -1, false
		}
		if !unicode.IsSpace(r) && r != '-' && r != '"' && r != '\'' && r != '“' && r != '”' && r != '‘' && r != '’' {
			gap = true
		}
	}
	if start >= 0 {
		f(s[start:], gap)
	}
}

// normalise lower-cases a token and folds digits to 0; tokens without a
// letter or digit are dropped.
func normalise(s string, buf []byte) ([]byte, bool) {
	ok := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			ok = true
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case unicode.IsDigit(r):
			ok = true
			buf = append(buf, '0')
		case r == '\'' || r == '’':
			// possessives: "Bush's" -> "bush", "'s"
			buf = append(buf, '\'')
		default:
			buf = utf8.AppendRune(buf, r)
		}
	}
	if ok && strings.HasSuffix(string(buf), "'s") && len(buf) > 2 {
		buf = buf[:len(buf)-2]
	}
	return buf, ok
}

func bucket(h uint64, bits uint) uint32 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return uint32(h >> (64 - bits))
}
