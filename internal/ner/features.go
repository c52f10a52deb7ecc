package ner

import (
	"github.com/lector-nlp/lector/internal/hashing"
	p "github.com/lector-nlp/lector/internal/perceptron"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

// Feature templates.
const (
	tBias = iota + 1
	tWord
	tLower
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tShape
	tShapeM1
	tShapeP1
	tShapeM1S
	tShapeSP1
	tPre
	tSuf
	tPOS
	tPOSM1
	tPOSP1
	tPOSPair
	tBigramM1
	tBigramP1
	tFirstShape
	tCapsSentShape
	tCapsSentLower
	tCl0
	tCl1
	tCl2
	tClM1
	tClP1
	tGaz
	tGazM1
	tGazP1
	tDocCase
	tDocPrev
	tDocPrevShape
	tWordShape
	tClShape
	_ // retired templates keep their numbers (the model's keys depend on them)
	tPOSWord
	_
	_
	_
	tCaseR
	tCaseR2
	tClM1f
	tClP1f
	tClM2
	tClP2
	tClBiM1
	tClBiP1
	tDocPrevM1
	tDocPrevP1
	tDocFirst
	tGv0
	tGv1
	tGv2
	tGvShape
	tGvM1
	tGvP1
	tGvM1f
	tGvP1f
)

// Feature groups that can be switched off to measure their gain.
const (
	FClusters = 1 << iota
	FGazetteer
	FDocCase
	FSecondPass
	// FSelective re-decodes in the second pass only the sentences where
	// a word's type elsewhere in the document disagrees with its first-pass
	// label (a run-time switch; the model is the same).
	FSelective
	FCase          // how often the word is capitalised in unlabelled news
	FClusters2     // finer cluster context: ±1 fine ids, ±2 coarse ids, bigrams
	FDocNeighbours // second pass: the document types of the neighbouring words
	FFirstMention  // second pass: the type of the word's first mention in running text
	FGlove         // k-means clusters of the GloVe vectors (glove.go): the word's, the neighbours'
	FGloveFine     // with FGlove: the neighbours' finest GloVe clusters too (not kept: -0.07 F1 on train splits)

	// FDefault is the set the shipped model uses; FCase, FClusters2 and
	// FDocNeighbours were measured and gave no dev gain. FGlove (session 8)
	// gave +0.16 to +0.78 F1 on four held-out tenths of train.
	FDefault = FClusters | FGazetteer | FDocCase | FSecondPass | FSelective | FFirstMention | FGlove
)

// tok holds the per-token values the templates combine.
type tok struct {
	word      string
	wh, lh    uint64 // cased, lower-cased word
	sh        uint64 // shape
	pos       uint64
	cl        [wordclusters.Levels]uint16
	hasCl     bool
	gv        [gloveLevels]uint16 // GloVe clusters (gloveOf), finest first
	hasGv     bool
	gaz       uint64 // gazetteer hits: hashed (kind, position) set, 0 = none
	gaz2      uint64
	cased     uint8  // 1 title, 2 caps, 3 lower, 4 other
	first     bool   // sentence-initial (after leading punctuation)
	capsSent  bool   // the sentence is all upper case (headline)
	docCase   uint8  // how this word is written elsewhere in the document
	docPrev   uint8  // second pass: type given to this word elsewhere (0 none)
	docFirst  uint8  // second pass: type of the word's first mention in running text (0 none)
	lab1      uint8  // second pass: this token's first-pass label
	caseB     uint8  // case-ratio bucket of the word in unlabelled news (0 unknown)
	ent       int32  // the word's vocabulary entry (see vocab), -1 if none
	gk        uint16 // with gKnown: the gazetteer kinds of the word alone (from the vocabulary)
	noNum     bool   // the vocabulary says cannotStartNumeric(word)
	sentStart int
	sentEnd   int
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

func hashLower(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = hashing.AddByte(h, lowerByte(s[i]))
	}
	return h
}

// normDigits hashes s with digits mapped to 0.
func hashNorm(h uint64, s string, lower bool) uint64 {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			c = '0'
		} else if lower {
			c = lowerByte(c)
		}
		h = hashing.AddByte(h, c)
	}
	return h
}

func shapeHash(s string) uint64 {
	h := p.Seed(0)
	var last byte
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var k byte
		switch {
		case c >= 'A' && c <= 'Z':
			k = 'X'
		case c >= 'a' && c <= 'z':
			k = 'x'
		case c >= '0' && c <= '9':
			k = 'd'
		case c >= 0x80:
			if c < 0xC0 {
				continue // continuation byte
			}
			k = 'u'
		default:
			k = c
		}
		if k == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = k
		h = p.AddUint(h, uint64(k))
	}
	return h
}

var (
	hBOS  = p.AddString(p.Seed(98), "<s>")
	hBOS2 = p.AddString(p.Seed(98), "<s2>")
	hEOS  = p.AddString(p.Seed(98), "</s>")
	hEOS2 = p.AddString(p.Seed(98), "</s2>")
)

// f1 and f2 make the key of template t with one or two values.
func f1(t int, v uint64) uint64 { return p.Mix(v ^ uint64(t)*0x9E3779B97F4A7C15) }
func f2(t int, a, b uint64) uint64 {
	return p.Mix((a*0xC2B2AE3D27D4EB4F + b) ^ uint64(t)*0x9E3779B97F4A7C15)
}

// features appends the keys of token i of ts (a document's tokens).
func features(ts []tok, i int, groups int, out []uint64) []uint64 {
	t := &ts[i]
	lm1, lm2, lp1, lp2 := hBOS, hBOS2, hEOS, hEOS2
	sm1, sp1, pm1, pp1 := hBOS, hEOS, hBOS, hEOS
	var tm1, tp1 *tok
	if i-1 >= t.sentStart {
		tm1 = &ts[i-1]
		lm1, sm1, pm1 = tm1.lh, tm1.sh, tm1.pos
		if i-2 >= t.sentStart {
			lm2 = ts[i-2].lh
		}
	}
	if i+1 < t.sentEnd {
		tp1 = &ts[i+1]
		lp1, sp1, pp1 = tp1.lh, tp1.sh, tp1.pos
		if i+2 < t.sentEnd {
			lp2 = ts[i+2].lh
		}
	}
	out = append(out,
		f1(tBias, 0),
		f1(tWord, t.wh),
		f1(tLower, t.lh),
		f1(tLowerM1, lm1),
		f1(tLowerP1, lp1),
		f1(tLowerM2, lm2),
		f1(tLowerP2, lp2),
		f1(tShape, t.sh),
		f1(tShapeM1, sm1),
		f1(tShapeP1, sp1),
		f2(tShapeM1S, sm1, t.sh),
		f2(tShapeSP1, t.sh, sp1),
		f1(tPOS, t.pos),
		f1(tPOSM1, pm1),
		f1(tPOSP1, pp1),
		f2(tPOSPair, t.pos, pp1),
		f2(tBigramM1, lm1, t.lh),
		f2(tBigramP1, t.lh, lp1),
		f2(tWordShape, t.lh, t.sh),
		f2(tPOSWord, t.pos, t.lh),
	)
	out = formKeys(t, out)
	first := b2u(t.first)
	if groups&FClusters != 0 {
		if t.hasCl {
			out = append(out,
				f1(tCl0, uint64(t.cl[0])),
				f1(tCl1, uint64(t.cl[1])),
				f1(tCl2, uint64(t.cl[2])),
				f2(tClShape, uint64(t.cl[0]), uint64(t.cased)),
			)
		}
		if tm1 != nil && tm1.hasCl {
			out = append(out, f1(tClM1, uint64(tm1.cl[1])))
		}
		if tp1 != nil && tp1.hasCl {
			out = append(out, f1(tClP1, uint64(tp1.cl[1])))
		}
		if groups&FClusters2 != 0 {
			c := uint64(1 << 16)
			if t.hasCl {
				c = uint64(t.cl[1])
			}
			if tm1 != nil && tm1.hasCl {
				out = append(out, f1(tClM1f, uint64(tm1.cl[0])), f2(tClBiM1, uint64(tm1.cl[1]), c))
			}
			if tp1 != nil && tp1.hasCl {
				out = append(out, f1(tClP1f, uint64(tp1.cl[0])), f2(tClBiP1, c, uint64(tp1.cl[1])))
			}
			if i-2 >= t.sentStart && ts[i-2].hasCl {
				out = append(out, f1(tClM2, uint64(ts[i-2].cl[2])))
			}
			if i+2 < t.sentEnd && ts[i+2].hasCl {
				out = append(out, f1(tClP2, uint64(ts[i+2].cl[2])))
			}
		}
	}
	if groups&FGlove != 0 {
		out = gloveKeys(t, out)
		if tm1 != nil && tm1.hasGv {
			out = append(out, f1(tGvM1, uint64(tm1.gv[1])))
			if groups&FGloveFine != 0 {
				out = append(out, f1(tGvM1f, uint64(tm1.gv[0])))
			}
		}
		if tp1 != nil && tp1.hasGv {
			out = append(out, f1(tGvP1, uint64(tp1.gv[1])))
			if groups&FGloveFine != 0 {
				out = append(out, f1(tGvP1f, uint64(tp1.gv[0])))
			}
		}
	}
	if groups&FGazetteer != 0 {
		if t.gaz != 0 {
			out = append(out, f2(tGaz, t.gaz, uint64(t.cased)))
		}
		if t.gaz2 != 0 {
			out = append(out, f2(tGaz, t.gaz2, uint64(t.cased)))
		}
		if tm1 != nil && tm1.gaz != 0 {
			out = append(out, f1(tGazM1, tm1.gaz))
		}
		if tp1 != nil && tp1.gaz != 0 {
			out = append(out, f1(tGazP1, tp1.gaz))
		}
	}
	if groups&FCase != 0 && t.cased != 4 {
		out = append(out, f2(tCaseR, uint64(t.caseB), first*2+b2u(t.capsSent)), f2(tCaseR2, uint64(t.caseB), uint64(t.cased)))
	}
	if groups&FDocCase != 0 && t.docCase != 0 {
		out = append(out, f2(tDocCase, uint64(t.docCase), uint64(t.cased)*2+first))
	}
	if groups&FSecondPass != 0 {
		out = docFeatures(ts, i, groups, out)
	}
	return out
}

// formKeys appends the keys of token t's form: its prefixes and suffixes
// of 1 to 4 bytes, its case at its position, and in an all-caps sentence
// its shape and lower case.
func formKeys(t *tok, out []uint64) []uint64 {
	return positionKeys(t, affixKeys(t.word, out))
}

// affixKeys appends the keys of the prefixes and suffixes of 1 to 4 bytes
// of w.
func affixKeys(w string, out []uint64) []uint64 {
	h := p.Seed(tPre)
	for k := 0; k < 4 && k < len(w); k++ {
		h = p.AddUint(h, uint64(lowerByte(w[k])))
		out = append(out, p.Mix(h))
	}
	h = p.Seed(tSuf)
	for k := 1; k <= 4 && k <= len(w); k++ {
		h = p.AddUint(h, uint64(lowerByte(w[len(w)-k])))
		out = append(out, p.Mix(h))
	}
	return out
}

// positionKeys appends the keys of token t's case at its position and,
// in an all-caps sentence, of its shape and lower case.
func positionKeys(t *tok, out []uint64) []uint64 {
	out = append(out, f2(tFirstShape, b2u(t.first), uint64(t.cased)))
	if t.capsSent {
		out = append(out, f1(tCapsSentShape, t.sh), f1(tCapsSentLower, t.lh))
	}
	return out
}

// docFeatures appends the second-pass features of token i (none in the
// first pass, where docPrev is 0).
func docFeatures(ts []tok, i, groups int, out []uint64) []uint64 {
	t := &ts[i]
	if t.docPrev != 0 {
		out = append(out, f1(tDocPrev, uint64(t.docPrev)), f2(tDocPrevShape, uint64(t.docPrev), uint64(t.cased)))
	}
	if groups&FFirstMention != 0 && t.docFirst != 0 {
		out = append(out, f2(tDocFirst, uint64(t.docFirst), uint64(t.docPrev)))
	}
	if groups&FDocNeighbours != 0 {
		if i-1 >= t.sentStart && ts[i-1].docPrev != 0 {
			out = append(out, f2(tDocPrevM1, uint64(ts[i-1].docPrev), uint64(t.docPrev)))
		}
		if i+1 < t.sentEnd && ts[i+1].docPrev != 0 {
			out = append(out, f2(tDocPrevP1, uint64(t.docPrev), uint64(ts[i+1].docPrev)))
		}
	}
	return out
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// unigramKey is everything unigramFeatures reads of a token: tokens with
// equal keys have the same unigram features.
type unigramKey struct {
	word           string
	pos, gaz, gaz2 uint64
	first, caps    bool
	docCase        uint8
}

func keyOf(t *tok) unigramKey {
	return unigramKey{word: t.word, pos: t.pos, gaz: t.gaz, gaz2: t.gaz2, first: t.first, caps: t.capsSent, docCase: t.docCase}
}

// unigramFeatures appends the keys of features that depend on the token
// alone (its word, tag, gazetteer match, position flags and document
// case), not on its neighbours; with contextFeatures, the same keys as
// features (without docFeatures).
func unigramFeatures(t *tok, groups int, out []uint64) []uint64 {
	return tokenFeatures(t, groups, wordFeatures(t, groups, out))
}

// wordFeatures appends the keys of the unigram features that depend on
// the word's text alone (the same for each of its tokens).
func wordFeatures(t *tok, groups int, out []uint64) []uint64 {
	out = append(out,
		f1(tBias, 0),
		f1(tWord, t.wh),
		f1(tLower, t.lh),
		f1(tShape, t.sh),
		f2(tWordShape, t.lh, t.sh),
	)
	out = affixKeys(t.word, out)
	if groups&FClusters != 0 && t.hasCl {
		out = append(out,
			f1(tCl0, uint64(t.cl[0])),
			f1(tCl1, uint64(t.cl[1])),
			f1(tCl2, uint64(t.cl[2])),
			f2(tClShape, uint64(t.cl[0]), uint64(t.cased)),
		)
	}
	if groups&FGlove != 0 {
		out = gloveKeys(t, out)
	}
	return out
}

// gloveKeys appends the keys of t's GloVe clusters (FGlove).
func gloveKeys(t *tok, out []uint64) []uint64 {
	if !t.hasGv {
		return out
	}
	return append(out,
		f1(tGv0, uint64(t.gv[0])),
		f1(tGv1, uint64(t.gv[1])),
		f1(tGv2, uint64(t.gv[2])),
		f2(tGvShape, uint64(t.gv[1]), uint64(t.cased)),
	)
}

// tokenFeatures appends the keys of the unigram features that depend on
// more than the word: its tag, position, gazetteer match and document
// case.
func tokenFeatures(t *tok, groups int, out []uint64) []uint64 {
	out = append(out,
		f1(tPOS, t.pos),
		f2(tPOSWord, t.pos, t.lh),
	)
	out = positionKeys(t, out)
	first := b2u(t.first)
	if groups&FGazetteer != 0 {
		if t.gaz != 0 {
			out = append(out, f2(tGaz, t.gaz, uint64(t.cased)))
		}
		if t.gaz2 != 0 {
			out = append(out, f2(tGaz, t.gaz2, uint64(t.cased)))
		}
	}
	if groups&FCase != 0 && t.cased != 4 {
		out = append(out, f2(tCaseR, uint64(t.caseB), first*2+b2u(t.capsSent)), f2(tCaseR2, uint64(t.caseB), uint64(t.cased)))
	}
	if groups&FDocCase != 0 && t.docCase != 0 {
		out = append(out, f2(tDocCase, uint64(t.docCase), uint64(t.cased)*2+first))
	}
	return out
}

// contextFeatures appends the keys of token i that involve its
// neighbours (and, with FSecondPass, docFeatures).
func contextFeatures(ts []tok, i int, groups int, out []uint64) []uint64 {
	out = prevWordKeys(ts, i, groups, out)
	out = nextWordKeys(ts, i, groups, out)
	return pairFeatures(ts, i, groups, out)
}

// prevWordKeys appends the keys of token i that depend on the previous
// word alone (or on the sentence start): what a word gives the token
// after it.
func prevWordKeys(ts []tok, i int, groups int, out []uint64) []uint64 {
	if i-1 < ts[i].sentStart {
		return append(out, f1(tLowerM1, hBOS), f1(tShapeM1, hBOS))
	}
	tm1 := &ts[i-1]
	out = append(out, f1(tLowerM1, tm1.lh), f1(tShapeM1, tm1.sh))
	if groups&FClusters != 0 && tm1.hasCl {
		out = append(out, f1(tClM1, uint64(tm1.cl[1])))
	}
	if groups&FGlove != 0 && tm1.hasGv {
		out = append(out, f1(tGvM1, uint64(tm1.gv[1])))
		if groups&FGloveFine != 0 {
			out = append(out, f1(tGvM1f, uint64(tm1.gv[0])))
		}
	}
	return out
}

// nextWordKeys appends the keys of token i that depend on the next word
// alone (or on the sentence end): what a word gives the token before it.
func nextWordKeys(ts []tok, i int, groups int, out []uint64) []uint64 {
	if i+1 >= ts[i].sentEnd {
		return append(out, f1(tLowerP1, hEOS), f1(tShapeP1, hEOS))
	}
	tp1 := &ts[i+1]
	out = append(out, f1(tLowerP1, tp1.lh), f1(tShapeP1, tp1.sh))
	if groups&FClusters != 0 && tp1.hasCl {
		out = append(out, f1(tClP1, uint64(tp1.cl[1])))
	}
	if groups&FGlove != 0 && tp1.hasGv {
		out = append(out, f1(tGvP1, uint64(tp1.gv[1])))
		if groups&FGloveFine != 0 {
			out = append(out, f1(tGvP1f, uint64(tp1.gv[0])))
		}
	}
	return out
}

// pairFeatures appends the keys of token i that involve its neighbours
// but for prevWordKeys and nextWordKeys (and, with FSecondPass,
// docFeatures).
func pairFeatures(ts []tok, i int, groups int, out []uint64) []uint64 {
	t := &ts[i]
	lm1, lm2, lp1, lp2 := hBOS, hBOS2, hEOS, hEOS2
	sm1, sp1, pm1, pp1 := hBOS, hEOS, hBOS, hEOS
	var tm1, tp1 *tok
	if i-1 >= t.sentStart {
		tm1 = &ts[i-1]
		lm1, sm1, pm1 = tm1.lh, tm1.sh, tm1.pos
		if i-2 >= t.sentStart {
			lm2 = ts[i-2].lh
		}
	}
	if i+1 < t.sentEnd {
		tp1 = &ts[i+1]
		lp1, sp1, pp1 = tp1.lh, tp1.sh, tp1.pos
		if i+2 < t.sentEnd {
			lp2 = ts[i+2].lh
		}
	}
	out = append(out,
		f1(tLowerM2, lm2),
		f1(tLowerP2, lp2),
		f2(tShapeM1S, sm1, t.sh),
		f2(tShapeSP1, t.sh, sp1),
		f1(tPOSM1, pm1),
		f1(tPOSP1, pp1),
		f2(tPOSPair, t.pos, pp1),
		f2(tBigramM1, lm1, t.lh),
		f2(tBigramP1, t.lh, lp1),
	)
	if groups&FClusters != 0 && groups&FClusters2 != 0 {
		c := uint64(1 << 16)
		if t.hasCl {
			c = uint64(t.cl[1])
		}
		if tm1 != nil && tm1.hasCl {
			out = append(out, f1(tClM1f, uint64(tm1.cl[0])), f2(tClBiM1, uint64(tm1.cl[1]), c))
		}
		if tp1 != nil && tp1.hasCl {
			out = append(out, f1(tClP1f, uint64(tp1.cl[0])), f2(tClBiP1, c, uint64(tp1.cl[1])))
		}
		if i-2 >= t.sentStart && ts[i-2].hasCl {
			out = append(out, f1(tClM2, uint64(ts[i-2].cl[2])))
		}
		if i+2 < t.sentEnd && ts[i+2].hasCl {
			out = append(out, f1(tClP2, uint64(ts[i+2].cl[2])))
		}
	}
	if groups&FGazetteer != 0 {
		if tm1 != nil && tm1.gaz != 0 {
			out = append(out, f1(tGazM1, tm1.gaz))
		}
		if tp1 != nil && tp1.gaz != 0 {
			out = append(out, f1(tGazP1, tp1.gaz))
		}
	}
	if groups&FSecondPass != 0 {
		out = docFeatures(ts, i, groups, out)
	}
	return out
}

// neighbourKeys appends the keys word w gives the token after it (prev)
// or before it (see prevWordKeys, nextWordKeys).
func neighbourKeys(w *tok, groups int, prev bool, out []uint64) []uint64 {
	ts := [2]tok{*w, *w}
	ts[0].sentStart, ts[0].sentEnd = 0, 2
	ts[1].sentStart, ts[1].sentEnd = 0, 2
	if prev {
		return prevWordKeys(ts[:], 1, groups, out)
	}
	return nextWordKeys(ts[:], 0, groups, out)
}
