package sentiment

import (
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/text"
)

// Feature templates. Each feature is a hash of (template, word or words,
// extra) into a fixed-size weight table, so extraction allocates nothing.
const (
	tBias uint64 = iota + 1
	tWord
	tSideDist // unused: hurt on dev
	tSide
	tNeg
	tQuote
	tStem
	tSideStem
	tBigram
	tSideBigram // unused: hurt on dev
	tAdj
	tAdjBigram
	tTargetPron
	tTargetQuote
	tTargetStart
	tLen
	tSideNeg
	tTargetWord // the target's words
	tLex
	tSideLex
	tVal
	tValSum
	tClus
	tClusAdj
	tClusBigram
	tVerbR
	tVerbL
	tClause    // unused: the clause's words did not help (5-fold CV)
	tVerbVal   // valence and learnt polarity of the verb next to the target, by role
	tWin       // unused: words by side and distance bucket did not help
	tEnts      // unused: other proper nouns by side did not help
	tClauseLex // valence sums and learnt polarity counts of the target's clause
	tQuoteVal  // unused: valence sums inside and outside quotation did not help
	tChar      // unused: character 3-grams of the context words by side did not help (5-fold CV)
)

// token flags
const (
	fPunct uint8 = 1 << iota
	fBreak       // ends a negation scope: , . ; : ! ? ( )
	fQuoteOpen
	fQuoteClose
	fQuoteToggle
	fNegCue
	fPron
	fContrast // but, however, although, ...
)

// sentence holds the per-token values shared by every feature of one
// sentence: word and stem hashes, flags, negation scope, quotation.
type sentence struct {
	word  []uint64
	stem  []uint64
	flag  []uint8
	neg   []bool
	quote []bool
	lex   []int8    // lexicon class of the word (-1, 0, +1)
	val   []int8    // general lexicon valence × 10 (-40..40), 0 if none
	clus  []uint64  // word cluster + 1, 0 if none
	lemma []uint64  // lemma hash of verbs (from Token.Lemma or the word), 0 for non-verbs
	vbn   []bool    // past participle
	vec   []int32   // word vector row + 1, 0 if none
	vsc   []float32 // scale of the word's folded row
	// the hashes of the features of a context word that do not depend on
	// the target, or their first half (see featIn), made once per
	// sentence (non-punctuation tokens only): feat(tWord, word, 0),
	// feat(tStem, stem, 0), featIn(tSide, word), featIn(tSideStem, stem),
	// and feat(tBigram, previous word, word), the previous word skipping
	// punctuation other than breaks (as sentenceFeatures does; a target's
	// bigram, when it has one, is the same; 0 for skipped tokens)
	fWord, fStem, inSide, inSideStem, fBigram []uint64
	sink                                      uint64 // keeps wordMap.touch's loads
}

var (
	hBe = fnv64("be")
	hBy = fnv64("by")
)

var (
	hNum   = fnv64("<num>")
	hStart = fnv64("<s>")
	hEnd   = fnv64("</s>")
)

func fnv64(s string) uint64 { return hashing.String(s) }

// lowerHash is the FNV-1a hash of the lower-cased word (first n runes
// when n > 0), computed without allocating. Curly apostrophes are folded
// to straight ones.
func lowerHash(s string, n int) uint64 {
	h := uint64(hashing.Offset)
	k := 0
	for _, r := range s {
		if n > 0 && k == n {
			break
		}
		k++
		if r == '’' || r == '‘' {
			r = '\''
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			h = hashing.AddByte(h, byte(r))
			continue
		}
		var b [4]byte
		m := utf8.EncodeRune(b[:], unicode.ToLower(r))
		h = hashing.AddBytes(h, b[:m])
	}
	return h
}

// stemRunes is the length of a word's stem in runes.
const stemRunes = 5

// wordStemHash returns lowerHash(s, 0) and the stem hash: lowerHash(s,
// 5) when s has more than 5 runes, else the word hash, in one pass (the
// FNV-1a state after 5 runes is the stem's hash); either way,
// lowerHash(s, stemRunes). ASCII bytes are hashed without decoding.
func wordStemHash(s string) (word, stem uint64) {
	h := uint64(hashing.Offset)
	k := 0
	for i := 0; i < len(s); {
		if k == stemRunes {
			stem = h
		}
		k++
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = hashing.AddByte(h, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == '’' || r == '‘' {
			h = hashing.AddByte(h, '\'')
			continue
		}
		var b [4]byte
		m := utf8.EncodeRune(b[:], unicode.ToLower(r))
		h = hashing.AddBytes(h, b[:m])
	}
	if k <= stemRunes {
		stem = h
	}
	return h, stem
}

// disabled templates (ablation during training experiments only); a
// disabled feature collapses into a constant.
var disabled [64]bool

// Disable turns feature templates off by number (for ablation experiments).
func Disable(ts ...int) {
	for _, t := range ts {
		disabled[t] = true
		anyDisabled = true
	}
}

// anyDisabled says some template is disabled: a loaded model's word
// records (made with all templates on) are then not used.
var anyDisabled bool

func feat(t, a, b uint64) uint64 {
	if disabled[t] {
		return 0
	}
	return hashing.Mix(hashing.Mix(t*0x9E3779B97F4A7C15^a) ^ b)
}

// featIn is the first half of feat(t, a, b), which featOut completes:
// featOut(t, featIn(t, a), b) == feat(t, a, b).
func featIn(t, a uint64) uint64 {
	return hashing.Mix(t*0x9E3779B97F4A7C15 ^ a)
}

func featOut(t, in, b uint64) uint64 {
	if disabled[t] {
		return 0
	}
	return hashing.Mix(in ^ b)
}

// wordInfo is everything prepare looks up for a word hash, in one map
// entry: its polarity in the learnt and the general lexicons, its cluster
// (plus one; 0: none) and the flags of the closed word lists below.
type wordInfo struct {
	lex, val int8
	clus     uint16
	flag     uint8   // fNegCue, fPron, fContrast
	vec      int32   // row of the word vector plus one; 0: none
	vsc      float32 // scale of the folded row (folded.scale)
}

// closedWords holds the flags of the closed word lists; closedTable is
// its wordMap.
var (
	closedWords = map[uint64]wordInfo{}
	closedTable *wordMap
)

func init() {
	for fl, ws := range map[uint8][]string{
		fNegCue: {"not", "no", "never", "n't", "nor", "without", "nothing",
			"neither", "none", "cannot", "hardly", "barely", "nobody", "lack", "lacks", "lacked", "failed", "fails"},
		fContrast: {"but", "however", "although", "though", "while", "whereas", "yet", "despite"},
		fPron: {"he", "she", "him", "her", "his", "hers", "they", "them", "their",
			"it", "its", "i", "me", "my", "we", "us", "our", "you", "your", "himself", "herself", "themselves"},
	} {
		for _, w := range ws {
			h := fnv64(w)
			wi := closedWords[h]
			wi.flag |= fl
			closedWords[h] = wi
		}
	}
	closedTable = newWordMap(closedWords)
}

// wordTable merges the lexicons and clusters with the closed word lists,
// so that prepare finds all of a word's values with one look-up; vsc
// holds the scales of the folded rows of vecs (nil: none yet).
func wordTable(lex, val map[uint64]int8, clus map[uint64]uint16, vecs []uint64, vsc []float32) *wordMap {
	t := make(map[uint64]wordInfo, len(closedWords)+len(lex)+len(val)+len(clus)+len(vecs))
	for h, wi := range closedWords {
		t[h] = wi
	}
	for h, v := range lex {
		wi := t[h]
		wi.lex = v
		t[h] = wi
	}
	for h, v := range val {
		wi := t[h]
		wi.val = v
		t[h] = wi
	}
	for h, c := range clus {
		wi := t[h]
		wi.clus = c + 1
		t[h] = wi
	}
	for r, h := range vecs {
		wi := t[h]
		if wi.vec == 0 {
			wi.vec = int32(r + 1)
			if r < len(vsc) {
				wi.vsc = vsc[r]
			}
			t[h] = wi
		}
	}
	return newWordMap(t)
}

func isDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// prepare computes the per-token values of toks into s, reusing its slices;
// words is a wordTable (nil: the closed word lists only).
func (s *sentence) prepare(toks []text.Token, words *wordMap) {
	if words == nil {
		words = closedTable
	}
	s.grow(len(toks))
	s.fill(toks, words, false)
}

// grow gives s's slices n elements, reusing them.
func (s *sentence) grow(n int) {
	s.word = grow(s.word, n)
	s.stem = grow(s.stem, n)
	s.flag = growU8(s.flag, n)
	s.neg = growB(s.neg, n)
	s.quote = growB(s.quote, n)
	s.lex = growI8(s.lex, n)
	s.val = growI8(s.val, n)
	s.clus = grow(s.clus, n)
	s.lemma = grow(s.lemma, n)
	s.vbn = growB(s.vbn, n)
	s.vec = growI32(s.vec, n)
	s.vsc = growF32(s.vsc, n)
	s.fWord = grow(s.fWord, n)
	s.fStem = grow(s.fStem, n)
	s.inSide = grow(s.inSide, n)
	s.inSideStem = grow(s.inSideStem, n)
	s.fBigram = grow(s.fBigram, n)
}

// fill computes the per-token values of toks into s, whose slices have
// len(toks) elements. With recWords (the model's word records hold the
// word and stem features of the words with a vector row: Model.skipRec),
// fWord, fStem and inSideStem are left zero for those words, which the
// features then take from their records.
func (s *sentence) fill(toks []text.Token, words *wordMap, recWords bool) {
	n := len(toks)
	for i, t := range toks {
		var fl uint8
		r, size := utf8.DecodeRuneInString(t.Text)
		if size == len(t.Text) && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			fl |= fPunct
			switch r {
			case ',', '.', ';', ':', '!', '?', '(', ')', '—', '–':
				fl |= fBreak
			case '“':
				fl |= fQuoteOpen
			case '”':
				fl |= fQuoteClose
			case '"':
				fl |= fQuoteToggle
			}
		}
		switch {
		case isDigit(t.Text):
			s.word[i] = hNum
			s.stem[i] = hNum
		default:
			s.word[i], s.stem[i] = wordStemHash(t.Text)
		}
		// "don't" split as don ' t by a simple tokeniser
		if i >= 2 && (t.Text == "t" || t.Text == "T") && (toks[i-1].Text == "'" || toks[i-1].Text == "’") && toks[i-1].Start == toks[i-2].End {
			fl |= fNegCue
		}
		s.flag[i] = fl
		s.lemma[i] = 0
		s.vbn[i] = false
		if len(t.POS) >= 2 && t.POS[0] == 'V' && t.POS[1] == 'B' {
			if t.Lemma != "" {
				s.lemma[i] = lowerHash(t.Lemma, 0)
			} else {
				s.lemma[i] = s.word[i]
			}
			s.vbn[i] = t.POS == "VBN"
		}
	}
	// the word table in a loop of its own: its look-ups miss the cache on
	// a cold article, and a short loop keeps many of them in flight
	s.sink += words.touch(s.word)
	for i, h := range s.word {
		wi := words.get(h)
		s.flag[i] |= wi.flag
		s.lex[i] = wi.lex
		s.val[i] = wi.val
		s.clus[i] = uint64(wi.clus)
		s.vec[i] = wi.vec
		s.vsc[i] = wi.vsc
	}
	for i, t := range toks {
		if s.val[i] == 0 && t.Lemma != "" && t.Lemma != t.Text { // a lemma equal to the word has its values
			h := s.lemma[i] // a verb's lemma is hashed already
			if h == 0 {
				h = lowerHash(t.Lemma, 0)
			}
			if h != s.word[i] { // else the same values ("The", "the")
				s.val[i] = words.get(h).val
			}
		}
	}
	prev := hStart
	for i, w := range s.word {
		if fl := s.flag[i]; fl&fPunct != 0 {
			s.fWord[i], s.fStem[i], s.inSide[i], s.inSideStem[i], s.fBigram[i] = 0, 0, 0, 0, 0
			if fl&fBreak != 0 {
				s.fBigram[i] = feat(tBigram, prev, w)
				prev = w
			}
			continue
		}
		s.fBigram[i] = feat(tBigram, prev, w)
		prev = w
		s.inSide[i] = featIn(tSide, w) // (also for a record: across a contrast word)
		if recWords && s.vec[i] != 0 {
			s.fWord[i], s.fStem[i], s.inSideStem[i] = 0, 0, 0
			continue
		}
		st := s.stem[i]
		s.fWord[i] = feat(tWord, w, 0)
		s.fStem[i] = feat(tStem, st, 0)
		s.inSideStem[i] = featIn(tSideStem, st)
	}
	// negation scope: up to 4 tokens after a cue, stopped by a break
	scope := 0
	for i := 0; i < n; i++ {
		s.neg[i] = scope > 0
		if scope > 0 {
			scope--
		}
		if s.flag[i]&fBreak != 0 {
			scope = 0
		}
		if s.flag[i]&fNegCue != 0 {
			scope = 4
		}
	}
	// quotation
	in := false
	for i := 0; i < n; i++ {
		fl := s.flag[i]
		switch {
		case fl&fQuoteOpen != 0:
			in = true
			s.quote[i] = false
			continue
		case fl&fQuoteClose != 0:
			in = false
		case fl&fQuoteToggle != 0:
			in = !in
			s.quote[i] = false
			continue
		}
		s.quote[i] = in
	}
}

// view points s at the tokens [i, j) of all (no copy); s must not be
// prepared afterwards (it would write into all).
func (s *sentence) view(all *sentence, i, j int) {
	s.word, s.stem, s.flag = all.word[i:j:j], all.stem[i:j:j], all.flag[i:j:j]
	s.neg, s.quote = all.neg[i:j:j], all.quote[i:j:j]
	s.lex, s.val, s.clus = all.lex[i:j:j], all.val[i:j:j], all.clus[i:j:j]
	s.lemma, s.vbn = all.lemma[i:j:j], all.vbn[i:j:j]
	s.vec, s.vsc = all.vec[i:j:j], all.vsc[i:j:j]
	s.fWord, s.fStem = all.fWord[i:j:j], all.fStem[i:j:j]
	s.inSide, s.inSideStem = all.inSide[i:j:j], all.inSideStem[i:j:j]
	s.fBigram = all.fBigram[i:j:j]
}

func grow(b []uint64, n int) []uint64 {
	if cap(b) < n {
		return make([]uint64, n)
	}
	return b[:n]
}
func growU8(b []uint8, n int) []uint8 {
	if cap(b) < n {
		return make([]uint8, n)
	}
	return b[:n]
}
func growI8(b []int8, n int) []int8 {
	if cap(b) < n {
		return make([]int8, n)
	}
	return b[:n]
}
func growI32(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	return b[:n]
}
func growF32(b []float32, n int) []float32 {
	if cap(b) < n {
		return make([]float32, n)
	}
	return b[:n]
}
func growB(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	return b[:n]
}

func lenBucket(n int) uint64 {
	switch {
	case n < 10:
		return 0
	case n < 20:
		return 1
	case n < 35:
		return 2
	default:
		return 3
	}
}

// sentenceFeatures appends the target-independent features of s.
func (s *sentence) sentenceFeatures(out []uint64) []uint64 {
	out, _ = s.sentenceFeats(out, nil, false)
	return out
}

// sentenceFeats is sentenceFeatures, but the word and stem features of a
// word with a record in recs (the sentence table's records, see wordRec;
// nil: none) are not appended: their weights are summed into acc (the
// stem's only when the stem is the word, unless stems: the records hold
// the stems' weights).
func (s *sentence) sentenceFeats(out []uint64, recs []wordRec, stems bool) (_ []uint64, acc [numClasses]int32) {
	n := len(s.word)
	out = append(out, feat(tBias, 0, 0), feat(tLen, lenBucket(n), 0))
	prev := hStart
	vp, vn := 0, 0
	for i := 0; i < n; i++ {
		w := s.word[i]
		if s.flag[i]&fPunct != 0 && s.flag[i]&fBreak == 0 {
			continue
		}
		out = append(out, s.fBigram[i])
		prev = w
		if s.flag[i]&fPunct != 0 {
			continue
		}
		if r := s.vec[i]; r != 0 && recs != nil {
			rec := &recs[r-1]
			acc[0] += int32(rec.sWord[0])
			acc[1] += int32(rec.sWord[1])
			acc[2] += int32(rec.sWord[2])
			if stems || s.stem[i] == w {
				acc[0] += int32(rec.sStem[0])
				acc[1] += int32(rec.sStem[1])
				acc[2] += int32(rec.sStem[2])
			} else {
				out = append(out, s.fStem[i])
			}
		} else {
			out = append(out, s.fWord[i], s.fStem[i])
		}
		if c := s.clus[i]; c != 0 {
			out = append(out, feat(tClus, c, 0))
			if s.neg[i] {
				out = append(out, feat(tClus, c, 1))
			}
		}
		if s.neg[i] {
			out = append(out, feat(tNeg, w, 0))
		}
		if s.quote[i] {
			out = append(out, feat(tQuote, w, 0))
		}
		if s.lex[i] != 0 {
			l := uint64(s.lex[i] + 2)
			if s.neg[i] {
				l += 4
			}
			out = append(out, feat(tLex, l, 0))
		}
		if v := s.val[i]; v != 0 {
			if s.neg[i] {
				v = -v
			}
			out = append(out, feat(tVal, valBin(v), 0))
			if v > 0 {
				vp += int(v)
			} else {
				vn -= int(v)
			}
		}
	}
	out = append(out, feat(tValSum, sumBin(vp), 0), feat(tValSum, sumBin(vn), 1))
	return append(out, feat(tBigram, prev, hEnd)), acc
}

// targetFeatures appends the features of the target at tokens [a, b);
// tokens with masked[i] set (the target and other mentions of the same
// entity) are not used as context words.
func (s *sentence) targetFeatures(out []uint64, a, b int, masked []bool) []uint64 {
	out, _ = s.targetFeats(out, a, b, masked, nil, false)
	return out
}

// targetFeats is targetFeatures, but the word, stem and side features of
// a context word with a record in recs (the target table's records, see
// wordRec; nil: none) are not appended: their weights are summed into
// acc (the stem's only when the stem is the word, unless stems: the
// records hold the stems' weights).
func (s *sentence) targetFeats(out []uint64, a, b int, masked []bool, recs []wordRec, stems bool) (_ []uint64, acc [numClasses]int32) {
	n := len(s.word)
	out = append(out, feat(tBias, 0, 0), feat(tLen, lenBucket(n), 0))
	if b-a == 1 && s.flag[a]&fPron != 0 {
		out = append(out, feat(tTargetPron, s.word[a], 0))
	}
	if s.quote[a] {
		out = append(out, feat(tTargetQuote, 0, 0))
	}
	// the target's own words and its last word (a prior per name or
	// title: +1 point macro-F1 in 5-fold CV on train)
	for i := a; i < b; i++ {
		if s.flag[i]&fPunct == 0 {
			out = append(out, feat(tTargetWord, s.word[i], 0))
		}
	}
	out = append(out, feat(tTargetWord, s.word[b-1], 1))
	startBucket := uint64(3)
	if a == 0 {
		startBucket = 0
	} else if a <= 3 {
		startBucket = 1
	} else if a <= 8 {
		startBucket = 2
	}
	out = append(out, feat(tTargetStart, startBucket, 0))

	// words adjacent to the target, skipping masked tokens but not punctuation
	adj := func(i int) uint64 {
		if i < 0 {
			return hStart
		}
		if i >= n {
			return hEnd
		}
		return s.word[i]
	}
	out = append(out,
		feat(tAdj, 1, adj(a-1)), feat(tAdj, 2, adj(a-2)), feat(tAdj, 3, adj(b)), feat(tAdj, 4, adj(b+1)),
		feat(tAdjBigram, 1, adj(a-2)*31+adj(a-1)), feat(tAdjBigram, 2, adj(b)*31+adj(b+1)))

	// the verb after the target (the target as subject; passive when a
	// form of be is followed by a participle) and the verb before it (the
	// target as object, or as agent after "by")
	for i, steps := b, 0; i < n && steps < 8; i, steps = i+1, steps+1 {
		if s.flag[i]&fBreak != 0 {
			break
		}
		if s.lemma[i] == 0 {
			continue
		}
		v, passive := s.lemma[i], uint64(0)
		if v == hBe {
			for j := i + 1; j < n && j <= i+3; j++ {
				if s.vbn[j] {
					v, passive = s.lemma[j], 1
					break
				}
			}
		}
		neg := uint64(0)
		if s.neg[i] {
			neg = 2
		}
		out = append(out, feat(tVerbR, v, passive+neg))
		vi := i
		if passive == 1 {
			for j := i + 1; j < n && j <= i+3; j++ {
				if s.vbn[j] {
					vi = j
					break
				}
			}
		}
		out = s.verbVal(out, vi, passive+neg)
		break
	}
	for i, steps := a-1, 0; i >= 0 && steps < 6; i, steps = i-1, steps+1 {
		if s.flag[i]&fBreak != 0 {
			break
		}
		if s.lemma[i] == 0 {
			continue
		}
		kind := uint64(0)
		if a > 0 && s.word[a-1] == hBy && s.vbn[i] {
			kind = 1
		}
		out = append(out, feat(tVerbL, s.lemma[i], kind))
		neg := uint64(0)
		if s.neg[i] {
			neg = 2
		}
		out = s.verbVal(out, i, 4+kind+neg)
		break
	}
	cadj := func(i int) uint64 {
		if i < 0 || i >= n {
			return 1 << 20
		}
		return s.clus[i]
	}
	out = append(out, feat(tClusAdj, 1, cadj(a-1)), feat(tClusAdj, 2, cadj(b)), feat(tClusAdj, 3, cadj(b+1)),
		feat(tClusAdj, 4, cadj(b)<<21|cadj(b+1)))
	var lexSum [2][4]int    // side × (neg, pos, negated neg, negated pos)
	var valSum [2][2][2]int // side × near × (pos, neg)
	// contrast markers between a word and the target ("X praised A but
	// attacked B") make the word speak less of the target
	cl, cr := -1, n
	for i := a - 1; i >= 0; i-- {
		if s.flag[i]&fContrast != 0 {
			cl = i
			break
		}
	}
	for i := b; i < n; i++ {
		if s.flag[i]&fContrast != 0 {
			cr = i
			break
		}
	}
	prev := hStart
	prevSide := uint64(0)
	for i := 0; i < n; i++ {
		if masked[i] {
			prev = 0
			continue
		}
		w := s.word[i]
		var side uint64 // 0 left, 1 right
		d := a - i
		if i >= b {
			side, d = 1, i-b+1
		}
		if s.flag[i]&fPunct != 0 && s.flag[i]&fBreak == 0 {
			continue
		}
		if prev != 0 && prevSide == side {
			out = append(out, s.fBigram[i]) // feat(tBigram, prev, w)
		}
		prev, prevSide = w, side
		if s.flag[i]&fPunct != 0 {
			continue
		}
		across := uint64(0)
		if i < cl || i > cr {
			across = 1
		}
		if c := s.clus[i]; c != 0 {
			near := uint64(0)
			if d <= 3 {
				near = 1
			}
			neg := uint64(0)
			if s.neg[i] {
				neg = 1
			}
			out = append(out, feat(tClus, c, side*4+near*2+neg), feat(tClus, c, 8+side))
		}
		if r := s.vec[i]; r != 0 && recs != nil {
			rec := &recs[r-1]
			acc[0] += int32(rec.tWord[0])
			acc[1] += int32(rec.tWord[1])
			acc[2] += int32(rec.tWord[2])
			if across == 0 {
				q := &rec.tSide[side]
				acc[0] += int32(q[0])
				acc[1] += int32(q[1])
				acc[2] += int32(q[2])
			} else {
				out = append(out, featOut(tSide, s.inSide[i], side+2))
			}
			if stems || s.stem[i] == w {
				q := &rec.tSideStem[side]
				acc[0] += int32(rec.tStem[0]) + int32(q[0])
				acc[1] += int32(rec.tStem[1]) + int32(q[1])
				acc[2] += int32(rec.tStem[2]) + int32(q[2])
			} else {
				out = append(out, s.fStem[i], featOut(tSideStem, s.inSideStem[i], side))
			}
		} else {
			out = append(out,
				s.fWord[i],
				featOut(tSide, s.inSide[i], side+2*across),
				s.fStem[i],
				featOut(tSideStem, s.inSideStem[i], side))
		}
		if s.neg[i] {
			out = append(out, feat(tNeg, w, 0), feat(tSideNeg, w, side))
		}
		if s.quote[i] {
			out = append(out, feat(tQuote, w, 0))
		}
		if s.lex[i] != 0 {
			k := 0
			if s.lex[i] > 0 {
				k = 1
			}
			if s.neg[i] {
				k += 2
			}
			lexSum[side][k]++
			near := uint64(0)
			if d <= 5 {
				near = 1
			}
			out = append(out, feat(tSideLex, uint64(k), side*2+near))
		}
		if v := s.val[i]; v != 0 {
			if s.neg[i] {
				v = -v
			}
			near := uint64(0)
			if d <= 4 {
				near = 1
			}
			if across == 1 {
				out = append(out, feat(tVal, valBin(v), 16+side))
				continue
			}
			out = append(out, feat(tVal, valBin(v), side*2+near), feat(tVal, valBin(v), 8))
			if v > 0 {
				valSum[side][near][0] += int(v)
			} else {
				valSum[side][near][1] -= int(v)
			}
		}
	}
	for side := range valSum {
		for near := range valSum[side] {
			for k, v := range valSum[side][near] {
				out = append(out, feat(tValSum, sumBin(v), uint64(side*4+near*2+k)))
			}
		}
	}
	out = append(out, feat(tValSum, sumBin(valSum[0][0][0]+valSum[0][1][0]+valSum[1][0][0]+valSum[1][1][0]), 100),
		feat(tValSum, sumBin(valSum[0][0][1]+valSum[0][1][1]+valSum[1][0][1]+valSum[1][1][1]), 101))
	for side := range lexSum {
		for k, c := range lexSum[side] {
			if c > 0 {
				if c > 3 {
					c = 3
				}
				out = append(out, feat(tLex, uint64(side*4+k), uint64(c)))
			}
		}
	}
	out = s.clauseFeatures(out, a, b, masked)
	return out, acc
}

// verbVal appends the valence bin and the learnt polarity of the verb at
// token i in the given role (0-3 after the target: active/passive, negated;
// 4-7 before it: object/agent, negated).
func (s *sentence) verbVal(out []uint64, i int, role uint64) []uint64 {
	if v := s.val[i]; v != 0 {
		out = append(out, feat(tVerbVal, valBin(v), role))
	} else {
		out = append(out, feat(tVerbVal, 9, role))
	}
	if l := s.lex[i]; l != 0 {
		out = append(out, feat(tVerbVal, 20+uint64(l+1), role))
	}
	return out
}

// clauseFeatures appends the valence sums and learnt polarity counts of
// the target's clause: the tokens around [a, b) up to a break, a contrast
// word or a quotation mark.
func (s *sentence) clauseFeatures(out []uint64, a, b int, masked []bool) []uint64 {
	l, r := s.clause(a, b)
	var vp, vn, lp, ln int
	for i := l; i < r; i++ {
		if masked[i] || s.flag[i]&fPunct != 0 {
			continue
		}
		v := s.val[i]
		if s.neg[i] {
			v = -v
		}
		if v > 0 {
			vp += int(v)
		} else {
			vn -= int(v)
		}
		switch x := s.lex[i]; {
		case x > 0 && !s.neg[i], x < 0 && s.neg[i]:
			lp++
		case x != 0:
			ln++
		}
	}
	out = append(out, feat(tClauseLex, sumBin(vp), 0), feat(tClauseLex, sumBin(vn), 1),
		feat(tClauseLex, uint64(min(lp, 3)), 2), feat(tClauseLex, uint64(min(ln, 3)), 3),
		feat(tClauseLex, uint64(min(lp, 2)*3+min(ln, 2)), 4))
	return out
}

// valBin buckets a valence × 10.
func valBin(v int8) uint64 {
	switch {
	case v <= -25:
		return 0
	case v <= -15:
		return 1
	case v < 0:
		return 2
	case v < 15:
		return 3
	case v < 25:
		return 4
	default:
		return 5
	}
}

// sumBin buckets a sum of |valence| × 10.
func sumBin(v int) uint64 {
	switch {
	case v == 0:
		return 0
	case v < 15:
		return 1
	case v < 30:
		return 2
	case v < 50:
		return 3
	default:
		return 4
	}
}
