package pos

import (
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/hashing"
	p "github.com/lector-nlp/lector/internal/perceptron"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

// Feature templates.
const (
	tBias = iota + 1
	tWord
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tShape
	tPrev
	tPrev2
	tPrevPrev2
	tPrevWord
	tWordM1
	tSufM1
	tWordM2
	tWordP1
	tSufP1
	tWordP2
	tCased
	tFirst
	tPrevNext
	tCl0
	tCl1
	tClP1
	tClM1
)

// word holds the per-token hashes the templates combine.
type word struct {
	cl    uint64 // word cluster ids (fine<<16 | coarse), 0 unknown
	w     uint64 // normalised word
	suf3  uint64
	shape uint64
	cased uint64
}

// canon maps typographic quotes and dashes to the ASCII forms of the
// training data. It returns s itself when nothing changes.
func canon(s string) string {
	switch s {
	case "\u201c", "\u201d", "\u201e", "``", "''", "\u00ab", "\u00bb":
		return "\""
	case "\u2018", "\u2019":
		return "'"
	case "\u2013", "\u2014":
		return "--"
	case "\u2026":
		return "..."
	}
	if len(s) > 2 && s[len(s)-1] != '\x00' {
		// 's written with a curly apostrophe
		if s == "\u2019s" || s == "\u2019S" {
			return "'s"
		}
	}
	return s
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

// normHash hashes the normalised form of s: numbers collapse to classes,
// letters are lower-cased.
func normHash(h uint64, s string) uint64 {
	nd := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			nd++
		}
	}
	if nd > 0 {
		if nd == 4 && len(s) == 4 {
			return p.AddString(h, "!YEAR")
		}
		if isDigit(s[0]) {
			// digits with punctuation: keep the shape (12.5, 1,000, 1996-08-22)
			for i := 0; i < len(s); i++ {
				c := s[i]
				if isDigit(c) {
					c = '0'
				}
				h = p.AddUint(h, uint64(lowerByte(c)))
			}
			return h
		}
	}
	for i := 0; i < len(s); i++ {
		h = hashing.AddByte(h, lowerByte(s[i]))
	}
	return h
}

// sufHash hashes the last n bytes (lower-cased) of s.
func sufHash(h uint64, s string, n int) uint64 {
	if n > len(s) {
		n = len(s)
	}
	for i := len(s) - n; i < len(s); i++ {
		h = hashing.AddByte(h, lowerByte(s[i]))
	}
	return h
}

func preHash(h uint64, s string, n int) uint64 {
	if n > len(s) {
		n = len(s)
	}
	for i := 0; i < n; i++ {
		h = hashing.AddByte(h, lowerByte(s[i]))
	}
	return h
}

// shapeHash hashes the compressed shape of s (Xx, XX, x, d, and punctuation).
func shapeHash(h uint64, s string) uint64 {
	var last byte
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		var k byte
		switch {
		case c >= 'A' && c <= 'Z':
			k = 'X'
		case c >= 'a' && c <= 'z':
			k = 'x'
		case isDigit(c):
			k = 'd'
		case c >= 0x80:
			r, sz := utf8.DecodeRuneInString(s[i:])
			i += sz
			k = 'u'
			if r >= 'À' && r <= 'Þ' {
				k = 'X'
			} else if r >= 'ß' && r <= 'ÿ' {
				k = 'x'
			}
			if k != last {
				h = p.AddUint(h, uint64(k))
				last = k
			}
			continue
		default:
			k = c
		}
		i++
		if k != last {
			h = p.AddUint(h, uint64(k))
			last = k
			n++
		}
	}
	return h
}

func prepare(words []string, ws []word) {
	for i, s := range words {
		ws[i] = hashWord(s)
	}
	if clusters == nil {
		return
	}
	// the cluster lookups in a loop of their own: their loads overlap
	for i, s := range words {
		resolveCluster(s, &ws[i])
	}
}

// hashWord returns the hashes of word s; its cl holds the word's cluster
// key until resolveCluster replaces it with the cluster ids.
func hashWord(s string) word {
	w := word{
		w:     normHash(p.Seed(0), s),
		suf3:  sufHash(p.Seed(0), s, 3),
		shape: shapeHash(p.Seed(0), s),
		cased: uint64(p.CasedClass(s)),
	}
	if clusters != nil {
		w.cl = wordclusters.KeyOf(s, false)
	}
	return w
}

// resolveCluster looks up the clusters of word s (w from hashWord).
func resolveCluster(s string, w *word) {
	c, ok := clusters.Lookup(w.cl)
	if !ok && w.cased != 3 {
		c, ok = clusters.Lookup(wordclusters.KeyOf(s, true))
	}
	w.cl = 0
	if ok {
		w.cl = uint64(c[0])<<16 | uint64(c[1]) | 1<<40
	}
}

// clusters are the word clusters learnt from unlabelled news (set by Load
// and Train).
var clusters *wordclusters.Clusters

// f1 and f2 make the key of template t with one or two values.
func f1(t int, v uint64) uint64 { return p.Mix(v ^ uint64(t)*0x9E3779B97F4A7C15) }
func f2(t int, a, b uint64) uint64 {
	return p.Mix((a*0xC2B2AE3D27D4EB4F + b) ^ uint64(t)*0x9E3779B97F4A7C15)
}

var (
	hStart  = p.AddString(p.Seed(99), "-START-")
	hStart2 = p.AddString(p.Seed(99), "-START2-")
	hEnd    = p.AddString(p.Seed(99), "-END-")
	hEnd2   = p.AddString(p.Seed(99), "-END2-")
)

// neighbours returns the hashes of the words two before and two after
// token i and the suffixes one before and one after, with the start and
// end markers outside the sentence.
func neighbours(ws []word, i int) (w1, w2, s1, n1, n2, sn1 uint64) {
	w1, w2, s1 = hStart, hStart2, hStart
	if i > 0 {
		w1, s1 = ws[i-1].w, ws[i-1].suf3
	}
	if i > 1 {
		w2 = ws[i-2].w
	}
	n1, n2, sn1 = hEnd, hEnd2, hEnd
	if i+1 < len(ws) {
		n1, sn1 = ws[i+1].w, ws[i+1].suf3
	}
	if i+2 < len(ws) {
		n2 = ws[i+2].w
	}
	return
}

// firstFlag is 1 for the first token of a sentence, else 0.
func firstFlag(i int) uint64 {
	if i == 0 {
		return 1
	}
	return 0
}

// features appends the feature keys of token i given the two previous
// tags (as label ids, -1/-2 at the start).
func features(words []string, ws []word, i, prev, prev2 int, out []uint64) []uint64 {
	s := words[i]
	cur := ws[i]
	w1, w2, s1, n1, n2, sn1 := neighbours(ws, i)
	pv, pv2 := uint64(prev+3), uint64(prev2+3)
	first := firstFlag(i)
	out = append(out,
		f1(tBias, 0),
		f1(tWord, cur.w),
		f1(tSuf1, sufHash(0, s, 1)),
		f1(tSuf2, sufHash(0, s, 2)),
		f1(tSuf3, cur.suf3),
		f1(tSuf4, sufHash(0, s, 4)),
		f1(tPre1, preHash(0, s, 1)),
		f1(tPre2, preHash(0, s, 2)),
		f1(tShape, cur.shape),
		f1(tPrev, pv),
		f1(tPrev2, pv2),
		f2(tPrevPrev2, pv, pv2),
		f2(tPrevWord, pv, cur.w),
		f1(tWordM1, w1),
		f1(tSufM1, s1),
		f1(tWordM2, w2),
		f1(tWordP1, n1),
		f1(tSufP1, sn1),
		f1(tWordP2, n2),
		f2(tCased, cur.cased, first),
		f2(tPrevNext, pv, n1),
	)
	if cur.cl != 0 {
		out = append(out, f1(tCl0, cur.cl>>16), f1(tCl1, cur.cl&0xffff))
	}
	if i+1 < len(ws) && ws[i+1].cl != 0 {
		out = append(out, f1(tClP1, ws[i+1].cl&0xffff))
	}
	if i > 0 && ws[i-1].cl != 0 {
		out = append(out, f1(tClM1, ws[i-1].cl&0xffff))
	}
	return out
}

// wordFeatures appends the keys of static features that depend on the
// word s alone (cur is its prepared hashes), the same for each of its
// tokens: with contextFeatures, the keys of features that do not depend on the
// previous tags.
func wordFeatures(s string, cur word, out []uint64) []uint64 {
	out = append(out,
		f1(tBias, 0),
		f1(tWord, cur.w),
		f1(tSuf1, sufHash(0, s, 1)),
		f1(tSuf2, sufHash(0, s, 2)),
		f1(tSuf3, cur.suf3),
		f1(tSuf4, sufHash(0, s, 4)),
		f1(tPre1, preHash(0, s, 1)),
		f1(tPre2, preHash(0, s, 2)),
		f1(tShape, cur.shape),
	)
	if cur.cl != 0 {
		out = append(out, f1(tCl0, cur.cl>>16), f1(tCl1, cur.cl&0xffff))
	}
	return out
}

// contextFeatures appends the keys of the static features of token i
// that involve its neighbours or its position.
func contextFeatures(ws []word, i int, out []uint64) []uint64 {
	out = prevWordKeys(ws, i, out)
	out = nextWordKeys(ws, i, out)
	out = prev2Keys(ws, i, out)
	out = next2Keys(ws, i, out)
	return restContextKeys(ws, i, out)
}

// prevWordKeys appends the keys of token i that depend on the previous
// word alone (or on the sentence start): what a word gives the token
// after it.
func prevWordKeys(ws []word, i int, out []uint64) []uint64 {
	if i == 0 {
		return append(out, f1(tWordM1, hStart), f1(tSufM1, hStart))
	}
	out = append(out, f1(tWordM1, ws[i-1].w), f1(tSufM1, ws[i-1].suf3))
	if ws[i-1].cl != 0 {
		out = append(out, f1(tClM1, ws[i-1].cl&0xffff))
	}
	return out
}

// nextWordKeys appends the keys of token i that depend on the next word
// alone (or on the sentence end): what a word gives the token before it.
func nextWordKeys(ws []word, i int, out []uint64) []uint64 {
	if i+1 >= len(ws) {
		return append(out, f1(tWordP1, hEnd), f1(tSufP1, hEnd))
	}
	out = append(out, f1(tWordP1, ws[i+1].w), f1(tSufP1, ws[i+1].suf3))
	if ws[i+1].cl != 0 {
		out = append(out, f1(tClP1, ws[i+1].cl&0xffff))
	}
	return out
}

// prev2Keys appends the key of token i that depends on the word two
// before it (or on the sentence start).
func prev2Keys(ws []word, i int, out []uint64) []uint64 {
	if i < 2 {
		return append(out, f1(tWordM2, hStart2))
	}
	return append(out, f1(tWordM2, ws[i-2].w))
}

// next2Keys appends the key of token i that depends on the word two
// after it (or on the sentence end).
func next2Keys(ws []word, i int, out []uint64) []uint64 {
	if i+2 >= len(ws) {
		return append(out, f1(tWordP2, hEnd2))
	}
	return append(out, f1(tWordP2, ws[i+2].w))
}

// restContextKeys appends the keys of contextFeatures but for
// prevWordKeys, nextWordKeys, prev2Keys and next2Keys: the case at the
// token's position.
func restContextKeys(ws []word, i int, out []uint64) []uint64 {
	return append(out, f2(tCased, ws[i].cased, firstFlag(i)))
}

// Neighbour offsets: the keys a word gives the token after it (see
// prevWordKeys), before it (nextWordKeys), two after it (prev2Keys) and
// two before it (next2Keys).
const (
	asPrev = iota + 1
	asNext
	asPrev2
	asNext2
)

// neighbourKeys appends the keys word w gives its neighbour at offset
// (asPrev, ...).
func neighbourKeys(w word, offset int, out []uint64) []uint64 {
	ws := [3]word{w, w, w}
	switch offset {
	case asPrev:
		return prevWordKeys(ws[:], 1, out)
	case asNext:
		return nextWordKeys(ws[:], 1, out)
	case asPrev2:
		return prev2Keys(ws[:], 2, out)
	}
	return next2Keys(ws[:], 0, out)
}

// tagFeatures appends the keys of token i that depend on the two
// previous tags (label ids, -1/-2 at the start).
func tagFeatures(ws []word, i, prev, prev2 int, out []uint64) []uint64 {
	n1 := hEnd
	if i+1 < len(ws) {
		n1 = ws[i+1].w
	}
	pv, pv2 := uint64(prev+3), uint64(prev2+3)
	return append(out,
		f1(tPrev, pv),
		f1(tPrev2, pv2),
		f2(tPrevPrev2, pv, pv2),
		f2(tPrevWord, pv, ws[i].w),
		f2(tPrevNext, pv, n1),
	)
}
