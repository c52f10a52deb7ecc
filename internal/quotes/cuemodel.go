package quotes

import (
	"cmp"
	_ "embed"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordclusters"
	"github.com/lector-nlp/lector/internal/wordvec"
)

// cuemodel.tsv holds the weights of a logistic model that tells whether a
// verb outside the lexicon is a cue of attribution ("believes",
// "is questioning", "concluded"), from the verb's lemma, its tag, the words
// around it and its subject. It is trained by cmd/train/quotes on the
// PolNeAR train split, in the format of filter.tsv.
//
//go:embed cuemodel.tsv
var cueModelTSV string

var (
	cueModelOnce sync.Once
	cueModel     *Filter
)

func getCueModel() *Filter {
	cueModelOnce.Do(func() { cueModel = ParseFilter(cueModelTSV) })
	return cueModel
}

// inAuxLemmas reports verbs that are never a cue on their own.
//
//go:noinline
func inAuxLemmas(w string) bool {
	switch w {
	case "be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should",
		"must", "get", "let", "'s", "’s", "'re", "’re", "'m":
		return true
	}
	return false
}

// cueCandidate: token i may be a learned cue (a content verb outside a
// direct quote).
func (x *extractor) cueCandidate(i int) bool {
	if x.qAt(i) >= 0 {
		return false
	}
	p := x.cuePos(i)
	if x.o.NounCues && !strings.HasPrefix(p, "VB") && x.nounCandidate(i) {
		return true
	}
	if !strings.HasPrefix(p, "VB") {
		return false
	}
	return !inAuxLemmas(x.lemma(i))
}

// nounCandidate: token i is a noun that may name what someone said or
// thinks ("his claim that", "her decision to", "criticism of"): a common
// noun followed by a complement, or owned by a possessive.
func (x *extractor) nounCandidate(i int) bool {
	if p := x.pos(i); p != "NN" && p != "NNS" {
		return p == "JJ" && x.o.AdjectiveCues && x.adjectiveCandidate(i)
	}
	switch x.ltok((i + 1)) {
	case "that", "to", "of", "about", "on", "for", "over", "against", "with", ":":
		return true
	}
	p := x.pos(i - 1)
	return p == "PRP$" || p == "POS"
}

// lemma is token i's lemma, lower-cased, in American spelling: the models
// learnt their lemmas from American news (PolNeAR), so a British
// "criticised" (lemma criticise) reads the weights of criticize.
func (x *extractor) lemma(i int) string {
	if i < 0 || i >= len(x.toks) {
		return ""
	}
	if l := x.toks[i].Lemma; l != "" {
		return americanLemma(lower(l))
	}
	return lower(x.toks[i].Text)
}

// americanLemma writes a British -ise / -yse verb lemma as -ize / -yze
// (criticise, apologise, realise, analyse), except the verbs American
// spelling also writes with -ise (advise, promise, surprise, raise ...).
func americanLemma(l string) string {
	n := len(l)
	if n < 6 || l[n-2:] != "se" || (l[n-3] != 'i' && l[n-3] != 'y') {
		return l
	}
	if l[n-3] == 'y' {
		if strings.HasSuffix(l, "lyse") {
			return l[:n-2] + "ze" // analyse, paralyse, catalyse
		}
		return l
	}
	if _, keep := iseVerbs[l]; keep || strings.HasSuffix(l, "wise") {
		return l
	}
	for _, suf := range iseStems {
		if strings.HasSuffix(l, suf) {
			return l
		}
	}
	return l[:n-2] + "ze"
}

// iseVerbs are the -ise words American spelling keeps (their compounds
// by iseStems).
var iseVerbs = map[string]struct{}{
	"advise": {}, "advertise": {}, "apprise": {}, "arise": {}, "chastise": {}, "circumcise": {},
	"comprise": {}, "compromise": {}, "concise": {}, "despise": {}, "devise": {}, "disguise": {},
	"enterprise": {}, "excise": {}, "exercise": {}, "expertise": {}, "franchise": {}, "improvise": {},
	"incise": {}, "merchandise": {}, "premise": {}, "precise": {}, "promise": {}, "surmise": {},
	"surprise": {}, "televise": {}, "supervise": {}, "revise": {}, "demise": {}, "treatise": {},
	"reprise": {}, "paradise": {}, "porpoise": {}, "tortoise": {}, "valise": {}, "chemise": {},
	"mortise": {}, "sunrise": {}, "uprise": {}, "exorcise": {},
}

// iseStems end -ise words that are no -ize verbs: vowel + ise (raise,
// praise, poise, noise, cruise, bruise, guise) and -chise (enfranchise).
var iseStems = []string{"aise", "eise", "oise", "uise", "chise"}

// entTypes maps each token to the type of the entity mention that holds
// it ("" when none), made on first use.
func (x *extractor) entTypeAt(i int) ner.Type {
	if x.entTypes == nil {
		x.entTypes = zeroed(x.bufs.entTypes, len(x.toks))
		// tokRange of each mention, its search walked once over the
		// tokens: the mentions are in order of their starts
		lo := 0
		for _, m := range x.mentions {
			sp := m.span.Span
			for lo < len(x.toks) && x.toks[lo].Start < sp.Start {
				lo++
			}
			if lo >= len(x.toks) || x.toks[lo].Start != sp.Start {
				continue // not aligned to a token
			}
			for k := lo; k < len(x.toks) && x.toks[k].End <= sp.End; k++ {
				x.entTypes[k] = x.ents[m.ent].Type
			}
		}
	}
	if i < 0 || i >= len(x.toks) {
		return ""
	}
	return x.entTypes[i]
}

// The cue model's feature prefixes, hashed once.
var (
	cLem         = pre("lem=")
	cLemPos      = pre("lem*pos=")
	cPos         = pre("pos=")
	cSuf3        = pre("suf3=")
	cN1pos       = pre("n1pos=")
	cN1          = pre("n1=")
	cLemN1       = pre("lem*n1=")
	cThatNear    = pre("that-near")
	cQuoteNear   = pre("quote-near")
	cN2That      = pre("n2=that")
	cAux         = pre("aux=")
	cAuxPos      = pre("aux*pos=")
	cSubjPos     = pre("subj-pos=")
	cSubjNoun    = pre("subj-noun=")
	cSubj        = pre("subj=")
	cNoun        = pre("noun")
	cNounPrevPos = pre("noun-prev-pos=")
	cNounN1      = pre("noun*n1=")
	cNounLemN1   = pre("noun-lem*n1=")
	cNounN2pos   = pre("noun-n2pos=")
	cPrev        = pre("prev=")
	cAfterQuote  = pre("after-quote")
	cSentEnd     = pre("sent-end")
)

// cueFeatures adds the features of token i as a learned cue to s.
func (x *extractor) cueFeatures(i int, s *fsink) {
	w, lem, p := x.ltok(i), x.lemma(i), x.cuePos(i)
	s.addPre1(cLem, lem)
	s.addPre2(cLemPos, lem, p)
	s.addPre1(cPos, p)
	if len(w) > 3 {
		s.addPre1(cSuf3, w[len(w)-3:])
	}
	if x.o.ClusterCues {
		x.clusterFeatures(i, lem, p, s)
	}
	// what follows
	n1, n2 := x.ltok(i+1), x.ltok(i+2)
	s.addPre1(cN1pos, x.pos(i+1))
	if x.markKind(i+1) != 0 {
		n1 = "<q>"
	}
	if n1 == "that" || n1 == "<q>" || n1 == "," || n1 == ":" || n1 == "to" || n1 == "about" || n1 == "if" || n1 == "whether" || n1 == "." || n1 == "for" || n1 == "on" || n1 == "of" || n1 == "in" || n1 == "with" || n1 == "by" {
		s.addPre1(cN1, n1)
		s.addPre2(cLemN1, lem, n1)
	}
	subj := ""
	for k := i + 1; k <= i+4 && k < len(x.toks); k++ {
		t := x.ltok(k)
		if t == "that" || t == "whether" || t == "if" {
			s.addPre(cThatNear)
			break
		}
		if x.markKind(k) != 0 {
			s.addPre(cQuoteNear)
			break
		}
		if t == "." || t == ";" {
			break
		}
	}
	if n2 == "that" && n1 != "that" {
		s.addPre(cN2That)
	}
	// what precedes: skip adverbs and auxiliaries to the subject
	j := i - 1
	sn := x.sentence(i)
	aux := ""
	for j >= sn.First && (x.pos(j) == "RB" || x.pos(j) == "MD" || inAuxLemmas(x.lemma(j)) && strings.HasPrefix(x.pos(j), "VB")) {
		if aux == "" && strings.HasPrefix(x.pos(j), "VB") {
			aux = x.lemma(j)
		}
		j--
	}
	if aux != "" {
		s.addPre1(cAux, aux)
		s.addPre2(cAuxPos, aux, p)
	}
	if j < sn.First {
		subj = "start"
	} else {
		t := x.ltok(j)
		switch {
		case x.pos(j) == "PRP":
			if inPersonalPronouns(t) && t != "it" && t != "you" {
				subj = "pron"
			} else {
				subj = t
			}
		case x.entTypeAt(j) != "":
			subj = string(x.entTypeAt(j))
		case x.qAt(j) >= 0:
			subj = "quote"
		case t == ",":
			subj = "comma"
		default:
			s.addPre1(cSubjPos, x.pos(j))
		}
		if x.pos(j) == "NN" || x.pos(j) == "NNS" {
			s.addPre1(cSubjNoun, x.lemma(j))
		}
	}
	if subj != "" {
		s.addPre1(cSubj, subj)
		if x.o.CueShape {
			s.addPre2(cLemSubj, lem, subj)
		}
	}
	if x.o.NounCues && !strings.HasPrefix(p, "VB") {
		// a noun: what owns it and what follows it
		s.addPre(cNoun)
		s.addPre1(cNounPrevPos, x.pos(i-1))
		s.addPre1(cNounN1, x.ltok(i+1))
		s.addPre2(cNounLemN1, lem, x.ltok(i+1))
		s.addPre1(cNounN2pos, x.pos(i+2))
	}
	s.addPre1(cPrev, x.ltok(i-1))
	if x.qAt(i-1) >= 0 || x.qAt(i-2) >= 0 && x.tok(i-1) == "," {
		s.addPre(cAfterQuote)
	}
	if i == sn.Last-1 || x.tok(i+1) == "." && i+2 >= sn.Last {
		s.addPre(cSentEnd)
	}
	if x.o.CueShape {
		x.cueShapeFeatures(i, lem, p, sn, s)
	}
}

// cpre is the prefix of the cue model's features whose names start with
// a, outside the filter's array of prefixes.
func cpre(a string) *hpre { return &hpre{hashParts(a), &[3]string{a}} }

var (
	cObj       = cpre("obj=")
	cLemObj    = cpre("lem*obj=")
	cObjEnt    = cpre("obj-ent=")
	cObjHead   = cpre("obj-head=")
	cSentQuote = cpre("sent-quote")
	cLemThat   = cpre("lem*that-near=")
	cPlace     = cpre("place=")
	cNeg       = cpre("neg")
	cLemSubj   = cpre("lem*subj=")
)

// cueShapeFeatures adds what the word takes after it (a "that" clause, a
// clause with no "that", an infinitive, a quotation, a noun phrase and
// the entity type of its head, a preposition), alone and with the lemma,
// whether its sentence holds a quotation mark, where in the sentence it
// stands and whether it is negated.
func (x *extractor) cueShapeFeatures(i int, lem, p string, sn text.Sentence, s *fsink) {
	k := i + 1
	for k < sn.Last && (x.pos(k) == "RP" || x.pos(k) == "RB") {
		k++
	}
	shape, head := "", -1
	switch t, pk := x.ltok(k), x.pos(k); {
	case k >= sn.Last || t == "." || t == ";" || t == "!" || t == "?":
		shape = "end"
	case x.markKind(k) != 0:
		shape = "quote"
	case t == "that":
		shape = "that"
	case t == "to" && strings.HasPrefix(x.pos(k+1), "VB"):
		shape = "inf"
	case t == "whether" || t == "if" || pk == "WDT" || pk == "WP" || pk == "WRB":
		shape = "wh"
	case t == "," || t == ":" || t == "(" || t == "--":
		shape = t
	case pk == "IN" || pk == "TO":
		shape = "prep"
	case strings.HasPrefix(pk, "VB") || pk == "MD":
		shape = "verb"
	case npOpenTag(pk):
		e := k
		for e < sn.Last && e < k+8 {
			pe := x.pos(e)
			if npOpenTag(pe) || pe == "POS" || pe == "HYPH" {
				if strings.HasPrefix(pe, "NN") || pe == "PRP" || pe == "CD" {
					head = e
				}
				e++
				continue
			}
			break
		}
		if pe := x.pos(e); pe == "MD" || pe == "VBD" || pe == "VBZ" || pe == "VBP" {
			shape = "clause"
		} else {
			shape = "np"
		}
	default:
		shape = "other"
	}
	s.addPre1(cObj, shape)
	s.addPre2(cLemObj, lem, shape)
	if x.o.CueObjEntity {
		x.cueObjEntity(i, k, p, shape, sn, s)
	}
	if head >= 0 {
		if et := x.entTypeAt(head); et != "" {
			s.addPre1(cObjEnt, string(et))
		} else if x.pos(head) == "PRP" {
			s.addPre1(cObjEnt, "pron")
		}
		if shape == "np" {
			s.addPre1(cObjHead, x.lemma(head))
		}
	}
	if x.sentHasMark(i, sn) {
		s.addPre(cSentQuote)
	}
	for k := i + 1; k <= i+4 && k < sn.Last; k++ {
		if t := x.ltok(k); t == "that" || t == "whether" || t == "if" {
			s.addPre1(cLemThat, lem)
			break
		}
	}
	place := "0"
	switch n := i - sn.First; {
	case n >= 12:
		place = "12+"
	case n >= 6:
		place = "6"
	case n >= 3:
		place = "3"
	case n >= 1:
		place = "1"
	}
	s.addPre1(cPlace, place)
	for j := i - 1; j >= sn.First && j >= i-3; j-- {
		if t := x.ltok(j); t == "not" || t == "n't" || t == "never" {
			s.addPre(cNeg)
			break
		}
	}
}

var (
	cPobjEnt     = cpre("pobj-ent=")
	cPobjEntPrep = cpre("pobj-ent*prep=")
	cOwner       = cpre("owner=")
)

// cueObjEntity adds, with Options.CueObjEntity, who a word of stance is
// about or whose it is: the entity type of the object of the preposition
// after it ("attacks on Mrs. Clinton", "would vote for Sanders", "support
// for the union"), alone and with the preposition, and for a noun the
// entity type of its possessive owner ("Trump's decision to", "his
// support for": "pron"). k is the first token after the word past
// particles and adverbs, p its tag as the cue model reads it (cuePos),
// shape what cueShapeFeatures read there.
func (x *extractor) cueObjEntity(i, k int, p, shape string, sn text.Sentence, s *fsink) {
	if shape == "prep" {
		et := "none"
		for e := k + 1; e < sn.Last && e <= k+5; e++ {
			pe := x.pos(e)
			if t := x.entTypeAt(e); t != "" {
				et = string(t)
				break
			}
			if pe == "PRP" {
				et = "pron"
				break
			}
			if !npOpenTag(pe) && pe != "POS" && pe != "HYPH" {
				break
			}
		}
		s.addPre1(cPobjEnt, et)
		s.addPre2(cPobjEntPrep, x.ltok(k), et)
	}
	if strings.HasPrefix(p, "VB") {
		return
	}
	j := i - 1
	for j > sn.First && j > i-3 && (x.pos(j) == "JJ" || x.pos(j) == "NN") {
		j-- // "his strong support", "Trump's campaign promise"
	}
	switch x.pos(j) {
	case "PRP$":
		s.addPre1(cOwner, "pron")
	case "POS":
		if et := x.entTypeAt(j - 1); et != "" {
			s.addPre1(cOwner, string(et))
		} else {
			s.addPre1(cOwner, "other")
		}
	}
}

// npOpenTag reports the tags a noun phrase after a cue opens with
// (cueShapeFeatures; inside it a possessive and a hyphen too).
func npOpenTag(p string) bool {
	switch p {
	case "DT", "PDT", "PRP$", "PRP", "JJ", "JJR", "JJS", "CD", "$":
		return true
	}
	return strings.HasPrefix(p, "NN")
}

// sentHasMark reports whether sentence sn, which holds token i, holds a
// quotation mark; each sentence is read once (a text with no full stops
// is one long sentence).
func (x *extractor) sentHasMark(i int, sn text.Sentence) bool {
	if len(x.doc.Sentences) == 0 || i < 0 || i >= len(x.tokSent) {
		return false
	}
	si := x.tokSent[i]
	if x.sentMarks == nil {
		x.sentMarks = zeroed(x.bufs.sentMarks, len(x.doc.Sentences))
	}
	if x.sentMarks[si] == 0 {
		x.sentMarks[si] = -1
		for k := sn.First; k < sn.Last; k++ {
			if x.markKind(k) != 0 {
				x.sentMarks[si] = 1
				break
			}
		}
	}
	return x.sentMarks[si] == 1
}

// cueScore is the model's probability that token i is a cue.
func (x *extractor) cueScore(m *Filter, i int) float64 {
	if sc, ok := x.cueScores.get(m, len(x.toks), i); ok {
		return sc
	}
	sk := fsink{m: m, z: m.bias}
	x.cueFeatures(i, &sk)
	if x.o.VecCues {
		sk.z += x.vecDot(m, x.vecClass(i), i)
	}
	return x.cueScores.set(i, sk.prob())
}

// The models' word-vector weights are named vecKeys[class] and the
// component's index: the cue model's for a verb and for a noun, and the
// filter's for the cue's head.
var vecKeys = [...]string{"vec=V", "vec=N", "vec=F"}

const vecFilter = 2

// vecClass is the class of the cue model's vector weights of token i: 0
// for a verb, 1 for a noun.
func (x *extractor) vecClass(i int) int {
	if strings.HasPrefix(x.cuePos(i), "VB") {
		return 0
	}
	return 1
}

// cueRow is the word vector of token i's lemma, else of the word, from
// package wordvec.
func (x *extractor) cueRow(i int) ([]int8, bool) {
	t := wordvec.Default()
	row, _, ok := t.Row(x.lemma(i))
	if !ok {
		row, _, ok = t.Row(x.ltok(i))
	}
	return row, ok && len(row) > 0
}

// vecDot is dotUnit of the word vector of token i (cueRow) with m's
// weights of class c, 0 when either is missing. The vectors of lemmas and
// their dot products are kept in x.bufs.rows: an article says "say" many
// times, and each look-up in the large vector table misses the caches.
func (x *extractor) vecDot(m *Filter, c, i int) float64 {
	w := m.vecWeights()[c]
	if w == nil {
		return 0
	}
	lem := x.lemma(i)
	if x.bufs == nil || lem == "" {
		if row, ok := x.cueRow(i); ok {
			return dotUnit(w, row)
		}
		return 0
	}
	r, h := &x.bufs.rows, rowSlot(lem)
	if r.row[h] == nil || r.key[h] != lem {
		row, _, ok := wordvec.Default().Row(lem)
		if !ok || len(row) == 0 {
			if row, ok := x.cueRow(i); ok { // the word's own vector: not kept
				return dotUnit(w, row)
			}
			return 0
		}
		r.key[h], r.row[h], r.dm[h] = lem, row, [len(vecKeys)]*Filter{}
	}
	if r.dm[h][c] != m {
		r.dot[h][c], r.dm[h][c] = dotUnit(w, r.row[h]), m
	}
	return r.dot[h][c]
}

// dotUnit is the dot product of w with row scaled to unit length (0 for a
// row of zeros): the models see unit vectors, so that rare words with long
// vectors weigh no more than common ones. One pass, four sums at a time.
func dotUnit(w []float64, row []int8) float64 {
	w = w[:len(row)]
	var d0, d1, d2, d3 float64
	var n0, n1 int32
	k := 0
	for ; k+4 <= len(row); k += 4 {
		r0, r1, r2, r3 := int32(row[k]), int32(row[k+1]), int32(row[k+2]), int32(row[k+3])
		d0 += w[k] * float64(r0)
		d1 += w[k+1] * float64(r1)
		d2 += w[k+2] * float64(r2)
		d3 += w[k+3] * float64(r3)
		n0 += r0*r0 + r1*r1
		n1 += r2*r2 + r3*r3
	}
	for ; k < len(row); k++ {
		r := int32(row[k])
		d0 += w[k] * float64(r)
		n0 += r * r
	}
	n := n0 + n1
	if n == 0 {
		return 0
	}
	return (d0 + d1 + d2 + d3) / math.Sqrt(float64(n))
}

// rowInv is the inverse of row's length, 0 for a row of zeros.
func rowInv(row []int8) float64 {
	var n int32
	for _, r := range row {
		n += int32(r) * int32(r)
	}
	if n == 0 {
		return 0
	}
	return 1 / math.Sqrt(float64(n))
}

// unitVec is row scaled to unit length as float32, for training; nil for
// a row of zeros.
func unitVec(row []int8) []float32 {
	inv := rowInv(row)
	if inv == 0 {
		return nil
	}
	v := make([]float32, len(row))
	for k, r := range row {
		v[k] = float32(float64(r) * inv)
	}
	return v
}

// vecWeights returns the model's word-vector weights per class, nil for a
// class the model has none of.
func (f *Filter) vecWeights() *[len(vecKeys)][]float64 {
	f.vecOnce.Do(func() {
		for c, key := range vecKeys {
			var w []float64
			for k := 0; k < wordvec.Dim; k++ {
				v, ok := f.w[key+strconv.Itoa(k)]
				if !ok {
					continue
				}
				if w == nil {
					w = make([]float64, wordvec.Dim)
				}
				w[k] = v
			}
			f.vec[c] = w
		}
	})
	return &f.vec
}

// learnedCues adds the tokens outside the lexicon's cues that the cue
// model scores at least Options.MinCueScore.
func (x *extractor) learnedCues() {
	if x.o.MinCueScore <= 0 || !x.tagged {
		return
	}
	m := x.o.CueModel
	if m == nil {
		m = getCueModel()
	}
	taken := make([]bool, len(x.toks))
	for _, c := range x.cues {
		for k := c.first; k < c.last; k++ {
			taken[k] = true
		}
	}
	lexCues := len(x.cues) // the lexicon's, in order of first token
	for i := range x.toks {
		if x.cancelledEvery(i, 256) {
			break
		}
		if taken[i] || !x.cueCandidate(i) || x.hyphenHalf(i) {
			continue
		}
		noun := !strings.HasPrefix(x.cuePos(i), "VB")
		if noun && x.o.MinNounScore <= 0 {
			continue
		}
		if x.o.CueShape && !noun && x.ltok(i+1) == "by" && taken[min(i+2, len(taken)-1)] && x.pos(i+2) == "VBG" {
			// "opened by saying ...": the lexicon's participle is the cue
			continue
		}
		if x.o.GerundSubject && !noun && x.gerundSubject(i, 1) {
			continue
		}
		sc := x.cueScore(m, i)
		if sc < x.o.MinCueScore || noun && sc < x.o.MinNounScore {
			continue
		}
		x.cues = append(x.cues, cue{first: i, last: i + 1, info: cueInfo{words: x.oneWord(x.ltok(i)), learned: true, score: sc, noun: noun}})
	}
	if len(x.cues) > lexCues {
		mergeCues(x.cues, lexCues)
	}
}

// mergeCues orders cs by first token, stably, when cs[:n] and cs[n:] are
// each in order (the lexicon's cues, then the learned ones): a merge from
// the back, with no stable sort's code to load.
func mergeCues(cs []cue, n int) {
	sorted := func(s []cue) bool {
		for i := 1; i < len(s); i++ {
			if s[i].first < s[i-1].first {
				return false
			}
		}
		return true
	}
	if !sorted(cs[:n]) || !sorted(cs[n:]) {
		sortCues(cs)
		return
	}
	tail := slices.Clone(cs[n:])
	i, j := n-1, len(tail)-1
	for k := len(cs) - 1; j >= 0; k-- {
		// on a tie the lexicon's cue, earlier in cs, stays first
		if i >= 0 && cs[i].first > tail[j].first {
			cs[k] = cs[i]
			i--
		} else {
			cs[k] = tail[j]
			j--
		}
	}
}

func sortCues(cs []cue) {
	slices.SortStableFunc(cs, func(a, b cue) int { return cmp.Compare(a.first, b.first) })
}

// TokenCue is a token that may be a learned cue, with its features, for
// training the cue model.
type TokenCue struct {
	Token    int
	Features []string
	Vecs     []CueVec // with Options.VecCues, the word vectors the model sees
}

// CueVec is a unit word vector the cue model sees; the weight of component
// k is named Key and k.
type CueVec struct {
	Key string
	Vec []float32
}

// CueTokens returns the tokens of doc that the cue model scores (verbs
// other than auxiliaries, outside direct quotes) with their features.
func CueTokens(doc *text.Document, ents []entity.Entity, o Options) []TokenCue {
	x := newExtractor(doc, ents, o)
	x.findQuoteMarks()
	var out []TokenCue
	for i := range x.toks {
		if !x.cueCandidate(i) {
			continue
		}
		var fs []string
		x.cueFeatures(i, &fsink{names: &fs})
		tc := TokenCue{Token: i, Features: fs}
		if o.VecCues {
			if row, ok := x.cueRow(i); ok {
				if v := unitVec(row); v != nil {
					tc.Vecs = []CueVec{{vecKeys[x.vecClass(i)], v}}
				}
			}
		}
		out = append(out, tc)
	}
	return out
}

// clusterFeatures adds the word clusters of token i and of its lemma at
// every level, alone and with the tag, so that a cue rare in train
// ("backed", "is casting") shares weight with the words that cluster with
// it.
func (x *extractor) clusterFeatures(i int, lem, p string, s *fsink) {
	cl, err := wordclusters.Default()
	if err != nil || cl == nil {
		return
	}
	for k, w := range [2]string{x.ltok(i), lem} {
		c, ok := cl.Lookup(wordclusters.KeyOf(w, false))
		if !ok {
			continue
		}
		pre := [2][wordclusters.Levels]string{{"cl0=", "cl1=", "cl2="}, {"lcl0=", "lcl1=", "lcl2="}}[k]
		for l := 0; l < wordclusters.Levels; l++ {
			v := strconv.Itoa(int(c[l]))
			s.add(pre[l], v)
			s.add(pre[l], v, "*", p)
		}
	}
}
