package quotes

import (
	_ "embed"
	"math"
	"strings"
	"sync"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/text"
)

// endmodel.tsv holds the weights of a logistic model that tells where
// reported content that follows its cue ends inside its sentence (before
// ", which ...", "during the debate", "; the others ..."). It is trained by
// cmd/train/quotes on the annotated contents of the PolNeAR train split, in
// the format of filter.tsv.
//
//go:embed endmodel.tsv
var endModelTSV string

var (
	endModelOnce sync.Once
	endModel     *Filter
)

func getEndModel() *Filter {
	endModelOnce.Do(func() { endModel = ParseFilter(endModelTSV) })
	return endModel
}

// The end model's feature prefixes, hashed once.
var (
	eW           = pre("w=")
	ePos         = pre("pos=")
	ePrev        = pre("prev=")
	ePrevPos     = pre("prev-pos=")
	eWNext       = pre("w*next=")
	eWNextPos    = pre("w*next-pos=")
	eInQuote     = pre("in-quote")
	ePrevPosPos  = pre("prev-pos*pos=")
	eAhead       = pre("ahead=")
	eAheadW      = pre("ahead*w=")
	eSt          = pre("st=")
	eWSt         = pre("w*st=")
	ePosSt       = pre("pos*st=")
	eDist        = pre("dist=")
	eDistSt      = pre("dist*st=")
	eWNextPosSt  = pre("w*next-pos*st=")
	eVerbBefore  = pre("verb-before")
	eTemporalSt  = pre("temporal*st=")
	eNpDoneW     = pre("np-done*w=")
	eNpDonePos   = pre("np-done*pos=")
	eVerbBeforeW = pre("verb-before*w=")
	eCommasW     = pre("commas*w=")
)

func distBucket(n int) string { return distNames[distIndex(n)] }

// distNames are the buckets of distBucket, by distIndex.
var distNames = [...]string{"1", "2-3", "4-6", "7-10", "11-20", "21+"}

func distIndex(n int) int {
	switch {
	case n <= 1:
		return 0
	case n <= 3:
		return 1
	case n <= 6:
		return 2
	case n <= 10:
		return 3
	case n <= 20:
		return 4
	}
	return 5
}

// endFeatures adds to s the features of content that starts at token
// start ending right before token k.
func (x *extractor) endFeatures(start, k int, s *fsink) {
	verb, allNP := x.soFar(start, k)
	x.endFeaturesWith(start, k, verb, allNP, s)
}

// soFar tells whether content [start, k) holds a finite verb and whether
// it is all noun phrase.
func (x *extractor) soFar(start, k int) (verb, allNP bool) {
	allNP = true
	for i := start; i < k; i++ {
		verb = verb || x.finite(i)
		allNP = allNP && x.npOrOf(i)
	}
	return verb, allNP
}

func (x *extractor) finite(i int) bool {
	p := x.pos(i)
	return p == "VBD" || p == "VBZ" || p == "VBP" || p == "MD"
}

func (x *extractor) npOrOf(i int) bool { return x.isNPToken(i) || x.ltok(i) == "of" }

// endFeaturesWith is endFeatures with what soFar tells of [start, k).
func (x *extractor) endFeaturesWith(start, k int, verb, allNP bool, s *fsink) {
	x.endStatic(k, s)
	x.endDynamic(start, k, verb, allNP, s)
}

// endStatic adds the features of boundary k that do not depend on where
// the content starts.
func (x *extractor) endStatic(k int, s *fsink) {
	w, p := x.ltok(k), x.pos(k)
	s.addPre1(eW, w)
	s.addPre1(ePos, p)
	if prev := x.ltok(k - 1); !isWordTok(prev) {
		s.addPre1(ePrev, prev)
	} else {
		s.addPre1(ePrevPos, x.pos(k-1))
	}
	if !isWordTok(w) {
		s.addPre2(eWNext, w, x.ltok(k+1))
	}
	s.addPre2(eWNextPos, w, x.pos(k+1))
	if x.qAt(k) >= 0 {
		s.addPre(eInQuote)
	}
	if x.o.EndNPFeatures {
		s.addPre2(ePrevPosPos, x.pos(k-1), p)
	}
	if x.o.EndLookahead {
		a := x.ahead(k)
		s.addPre1(eAhead, a)
		s.addPre2(eAheadW, a, x.wordOrTag(k))
	}
}

// ahead tells what follows boundary k, past commas, conjunctions and
// adverbs: "verb" (", and refused to ...": the verb phrase goes on),
// "np-cue" ("and Democrats accused ...", ", Graham told ...": a new
// attribution), "np-verb" (a new clause; with Options.EndAheadAux also a
// finite auxiliary and a verb: ", but he has been raising"), "cue" (",
// said X") or "other"; with Options.EndAheadNP, past a comma or a
// conjunction, a noun phrase that ends the sentence ("np-end"), goes on
// in a list ("np-list") or takes a relative clause ("np-rel"), and at a
// preposition, a phrase that ends the sentence ("pp-end") or runs to a
// comma ("pp-comma").
func (x *extractor) ahead(k int) string {
	last := x.sentence(k).Last
	j := k
	for j < last && j-k < 3 && (x.tok(j) == "," || x.pos(j) == "CC" || x.pos(j) == "RB") {
		j++
	}
	if j >= last {
		return "other"
	}
	if x.coreCue(j) {
		return "cue"
	}
	if x.finite(j) || strings.HasPrefix(x.pos(j), "VB") {
		return "verb"
	}
	e := x.rightNP(j, last)
	if x.o.EndAheadNP && e == j && j == k && (x.pos(j) == "IN" || x.pos(j) == "TO") && x.ltok(j) != "that" {
		// "supported Sanders | in Virginia.": a phrase that ends the
		// sentence or a clause
		if e2 := x.rightNP(j+1, last); e2 > j+1 && e2-j <= 8 {
			switch {
			case e2 >= last-1 || x.tok(e2) == "." && x.qAt(e2) < 0:
				return "pp-end"
			case x.tok(e2) == ",":
				return "pp-comma"
			}
		}
		return "other"
	}
	if e == j || e-j > 8 {
		return "other"
	}
	aux := false // a finite auxiliary after the noun phrase (of a verb: "was slow" is no new clause here)
	for e < last && (x.pos(e) == "RB" || x.pos(e) == "MD" || strings.HasPrefix(x.pos(e), "VB") && inAuxLemmas(x.lemma(e))) {
		if x.coreCue(e) {
			break
		}
		aux = aux || x.finite(e)
		e++
	}
	if x.coreCue(e) {
		return "np-cue"
	}
	if x.finite(e) || aux && x.o.EndAheadAux && strings.HasPrefix(x.pos(e), "VB") {
		return "np-verb"
	}
	if x.o.EndAheadNP && !aux && j > k {
		// ", lawmakers, and thinkers": a list goes on; ", the Democratic
		// nominee.": an apposition ends the sentence; ", which ...": a
		// relative clause
		switch {
		case e >= last-1 || x.tok(e) == "." && x.qAt(e) < 0:
			return "np-end"
		case x.tok(e) == "," || x.pos(e) == "CC":
			return "np-list"
		case x.pos(e) == "WDT" || x.pos(e) == "WP":
			return "np-rel"
		}
	}
	return "other"
}

// coreCue: token i is a verb the lexicon holds as a one-word cue that is
// core or often annotated ("said", "told", "argued").
func (x *extractor) coreCue(i int) bool {
	if i < 0 || i >= len(x.toks) || !strings.HasPrefix(x.pos(i), "VB") {
		return false
	}
	lx := x.o.Lexicon
	if lx == nil {
		lx = getLexicon()
	}
	return headlineCue(lx, x.ltok(i))
}

// endDynamic adds the features of boundary k of content that starts at
// token start.
func (x *extractor) endDynamic(start, k int, verb, allNP bool, s *fsink) {
	st := stNames[x.startType(start, k)]
	w, p := x.ltok(k), x.pos(k)
	s.addPre1(eSt, st)
	s.addPre2(eWSt, w, st)
	s.addPre2(ePosSt, p, st)
	s.addPre1(eDist, distBucket(k-start))
	s.addPre2(eDistSt, distBucket(k-start), st)
	if !isWordTok(w) {
		s.addPre(eWNextPosSt, w, "*", x.pos(k+1), "*", st)
	}
	// a finite verb between the start and k: the content is a clause so far
	if verb {
		s.addPre(eVerbBefore)
	}
	if x.o.EndCueFeatures {
		if x.endCue >= 0 {
			// "called for X | on Friday" ends where "said that X on
			// Friday" goes on
			s.addPre1(&x.endCueW, x.wordOrTag(k))
			s.addPre1(&x.endCueSt, st)
		}
		if inTemporal(w) || x.pos(k) == "IN" && (inTemporal(x.ltok(k+1)) || inTemporal(x.ltok(k+2))) {
			s.addPre1(eTemporalSt, st)
		}
	}
	if x.o.EndCommas && (w == "," || p == "CC") {
		// "voters, lawmakers, and thinkers": a list goes on
		s.addPre2(eCommasW, commaBucket(x.commasIn(start, k)), w)
	}
	if x.o.EndNPFeatures {
		// "mocked the mayor | in a string of tweets": a noun phrase is
		// complete before an adjunct
		if allNP {
			s.addPre1(eNpDoneW, w)
			s.addPre1(eNpDonePos, p)
		}
		if verb {
			s.addPre1(eVerbBeforeW, w)
		}
	}
}

// commasIn counts the commas outside quotations in tokens [a, b).
func (x *extractor) commasIn(a, b int) int {
	if x.commasTo == nil {
		x.commasTo = make([]int32, len(x.toks)+1)
		for i := range x.toks {
			x.commasTo[i+1] = x.commasTo[i]
			if x.toks[i].Text == "," && x.qAt(i) < 0 {
				x.commasTo[i+1]++
			}
		}
	}
	return int(x.commasTo[b] - x.commasTo[a])
}

// commaBucket names a count of commas for the end model.
func commaBucket(n int) string {
	switch n {
	case 0:
		return "0"
	case 1:
		return "1"
	}
	return "2+"
}

// frontComma: token k is the first comma of content that starts at token
// start with a subordinating word or a preposition, after "that" or not
// ("that while X agreed, ...", "that under the law, ..."), within ten
// tokens of it.
func (x *extractor) frontComma(start, k int) bool {
	if x.tok(k) != "," {
		return false
	}
	a := start
	if x.ltok(a) == "that" {
		a++
	}
	if p := x.pos(a); p != "IN" && p != "WRB" || x.ltok(a) == "that" || k-a > 10 {
		return false
	}
	for i := a + 1; i < k; i++ {
		if x.tok(i) == "," {
			return false
		}
	}
	return true
}

// startType tells how content that starts at token start and ends
// before k begins, as an index into stNames: "that" (or another clause
// word), "quote", "to", "clause" (a finite verb within its first four
// tokens) or "np".
func (x *extractor) startType(start, k int) int {
	base, finite := x.startTypeOf(start)
	return startTypeAt(base, finite, k)
}

// startTypeOf is what startType reads of the content's start: the start
// type but for "clause" ("np" then), and the first token of the first four
// with a finite verb (-1 when none).
func (x *extractor) startTypeOf(start int) (base, finite int) {
	switch w := x.ltok(start); {
	case w == "that" || inClauseWord(w):
		return 0, -1
	case x.markKind(start) != 0:
		return 1, -1
	case x.pos(start) == "TO":
		return 2, -1
	}
	for i := start; i < start+4 && i < len(x.toks); i++ {
		if x.finite(i) {
			return 4, i
		}
	}
	return 4, -1
}

// startTypeAt is startType of content that ends before k from what
// startTypeOf tells of its start.
func startTypeAt(base, finite, k int) int {
	if base == 4 && finite >= 0 && finite < k {
		return 3
	}
	return base
}

// stNames are the start types of startType, by index.
var stNames = [...]string{"that", "quote", "to", "clause", "np"}

// cutEnd returns where content [start, end) that follows its cue ends:
// before the first token the end model scores at least
// Options.MinEndScore within maxReported tokens of start, else end.
func (x *extractor) cutEnd(start, end int) int {
	if x.o.MinEndScore <= 0 || !x.tagged {
		return end
	}
	if x.o.EndCueFeatures {
		// the dynamic features depend on the cue: no caching across cues
		defer x.setEndCue(-1)
	}
	m := x.o.EndModel
	if m == nil {
		m = getEndModel()
	}
	// prob() >= MinEndScore, without an exponential per boundary
	zMin := math.Log(x.o.MinEndScore / (1 - x.o.MinEndScore))
	b := m.endBound()
	base, finite := x.startTypeOf(start)
	verb, allNP := x.finite(start), x.npOrOf(start)
	// the scan stops maxReported tokens in: a "sentence" of thousands of
	// tokens (text without full stops) would make the article's cost
	// quadratic; clauseEnd bounds the content itself, past a quotation
	// only, whose tokens end nothing here
	limit := min(end, start+maxReported)
	from := start + 1
	if x.o.SubjectPronoun && inSubjectPronouns(x.ltok(start)) {
		// "announced she and her partner are ...": a subject pronoun
		// alone is no content
		from++
	}
	for k := from; k < limit; k++ {
		if k > start+1 {
			verb = verb || x.finite(k-1)
			allNP = allNP && x.npOrOf(k-1)
		}
		if x.qAt(k) >= 0 && x.qAt(k-1) == x.qAt(k) {
			continue // never inside a quotation
		}
		if x.o.EndFrontComma && x.ltok(start) == "that" && x.frontComma(start, k) {
			continue // "that while X agreed, Y ...": the clause goes on
		}
		sk := fsink{m: m, z: m.bias + x.endStaticScore(m, k)}
		if sk.sum()+x.endDynamicMax(b, startTypeAt(base, finite, k), start, k, verb, allNP) < zMin-boundSlack {
			continue // no weights of the dynamic features can reach zMin
		}
		x.endDynamic(start, k, verb, allNP, &sk)
		if sk.sum() >= zMin {
			return k
		}
	}
	return end
}

// inSubjectPronouns reports (lower-cased) pronouns that are only ever
// subjects.
func inSubjectPronouns(w string) bool {
	return w == "he" || w == "she" || w == "they" || w == "we" || w == "i"
}

// maxReported is the most tokens of reported content that follows its cue
// inside one sentence; the longest on PolNeAR train holds about 150.
const maxReported = 400

// boundSlack covers the rounding of a sum of weights in another order.
const boundSlack = 1e-6

// endBounds bound the dynamic part of a boundary's score: for each
// template of endDynamic that fires, the largest weight (at least 0) the
// end model gives a feature of it with the boundary's start type (the
// weight itself for st=, dist= and dist*st=, which name nothing else).
type endBounds struct {
	always   [len(distNames)][len(stNames)]float64 // st=, w*st=, pos*st=, dist=, dist*st=
	nonWord  [len(stNames)]float64                 // w*next-pos*st=
	cue      [len(stNames)]float64                 // cue*w=, cue*st=
	temporal [len(stNames)]float64                 // temporal*st=
	verb     float64                               // verb-before
	verbW    float64                               // verb-before*w=
	commas   float64                               // commas*w=
	npDone   float64                               // np-done*w=, np-done*pos=
}

// endTemplate is the name of a feature up to its first "=", the whole
// name when it has none.
func endTemplate(name string) string {
	if i := strings.IndexByte(name, '='); i >= 0 {
		return name[:i+1]
	}
	return name
}

// endBound returns f's endBounds, made on first use.
func (f *Filter) endBound() *endBounds {
	f.boundOnce.Do(func() {
		mx := map[string]float64{}   // by template
		mxSt := map[string]float64{} // by template and start type: "w*st=*that"
		for k, v := range f.w {
			t := endTemplate(k)
			mx[t] = max(mx[t], v)
			st := k[strings.LastIndexAny(k, "*=")+1:]
			mxSt[t+"*"+st] = max(mxSt[t+"*"+st], v)
		}
		b := &f.bound
		for si, st := range stNames {
			for di, d := range distNames {
				b.always[di][si] = f.w["st="+st] + mxSt["w*st=*"+st] + mxSt["pos*st=*"+st] + f.w["dist="+d] + f.w["dist*st="+d+"*"+st]
			}
			b.nonWord[si] = mxSt["w*next-pos*st=*"+st]
			b.cue[si] = mx["cue*w="] + mxSt["cue*st=*"+st]
			b.temporal[si] = mxSt["temporal*st=*"+st]
		}
		b.verb, b.verbW = mx["verb-before"], mx["verb-before*w="]
		b.npDone = mx["np-done*w="] + mx["np-done*pos="]
		b.commas = mx["commas*w="]
	})
	return &f.bound
}

// endDynamicMax is at least the sum of the weights endDynamic adds for
// boundary k of content that starts at token start, of start type si.
func (x *extractor) endDynamicMax(b *endBounds, si, start, k int, verb, allNP bool) float64 {
	z := b.always[distIndex(k-start)][si]
	w := x.ltok(k)
	if !isWordTok(w) {
		z += b.nonWord[si]
	}
	if verb {
		z += b.verb
	}
	if x.o.EndCueFeatures {
		if x.endCue >= 0 {
			z += b.cue[si]
		}
		if inTemporal(w) || x.pos(k) == "IN" && (inTemporal(x.ltok(k+1)) || inTemporal(x.ltok(k+2))) {
			z += b.temporal[si]
		}
	}
	if x.o.EndCommas && (w == "," || x.pos(k) == "CC") {
		z += b.commas
	}
	if x.o.EndNPFeatures {
		if allNP {
			z += b.npDone
		}
		if verb {
			z += b.verbW
		}
	}
	return z
}

// endStaticScore is the sum of the weights of the static features of
// boundary k in m, computed once per token and model.
func (x *extractor) endStaticScore(m *Filter, k int) float64 {
	if z, ok := x.endStatics.get(m, len(x.toks), k); ok {
		return z
	}
	sk := fsink{m: m}
	x.endStatic(k, &sk)
	return x.endStatics.set(k, sk.sum())
}

// Boundary is a possible end of content: the content starts at token
// Start and ends right before token Cut.
type Boundary struct {
	Start, Cut int
	Cue        int // the head token of the cue, -1 when unknown
}

// EndFeatures returns the features of each boundary for the end model, for
// training it.
func EndFeatures(doc *text.Document, ents []entity.Entity, bs []Boundary) [][]string {
	x := newExtractor(doc, ents, DefaultOptions)
	x.findQuoteMarks()
	out := make([][]string, len(bs))
	for i, b := range bs {
		var fs []string
		x.setEndCue(b.Cue)
		x.endFeatures(b.Start, b.Cut, &fsink{names: &fs})
		out[i] = fs
	}
	return out
}

// cueHead is the token of cue [first, last) whose lemma the end model
// reads: its first verb or noun, else its first token.
func (x *extractor) cueHead(first, last int) int {
	for i := first; i < last; i++ {
		if p := x.pos(i); strings.HasPrefix(p, "VB") && !inAuxLemmas(x.lemma(i)) || strings.HasPrefix(p, "NN") {
			return i
		}
	}
	return first
}

// CueHead is cueHead for training the end model: the head token of the
// cue that spans tokens [first, last).
func CueHead(doc *text.Document, first, last int) int {
	x := &extractor{doc: doc, toks: doc.Tokens}
	return x.cueHead(first, last)
}

// setEndCue makes token i (-1: none) the head of the cue whose content
// cutEnd ends, with the prefixes of the features that read its lemma.
func (x *extractor) setEndCue(i int) {
	x.endCue = i
	if i >= 0 {
		lem := x.lemma(i)
		x.endCueParts = [2][3]string{{"cue*w=", lem, "*"}, {"cue*st=", lem, "*"}}
		x.endCueW = hpre{hashParts("cue*w=", lem, "*"), &x.endCueParts[0]}
		x.endCueSt = hpre{hashParts("cue*st=", lem, "*"), &x.endCueParts[1]}
	}
}

// memo holds one score per token under one model, computed once each: a
// new model starts it afresh.
type memo struct {
	m *Filter
	v []float64 // NaN until computed
}

// get returns the score of token i under m and whether it is known,
// clearing the memo (sized n) when m is not its model.
func (c *memo) get(m *Filter, n, i int) (float64, bool) {
	if c.m != m {
		c.m = m
		if cap(c.v) >= n {
			c.v = c.v[:n]
		} else {
			c.v = make([]float64, n)
		}
		for k := range c.v {
			c.v[k] = math.NaN()
		}
	}
	z := c.v[i]
	return z, !math.IsNaN(z)
}

// set records the score of token i and returns it.
func (c *memo) set(i int, z float64) float64 {
	c.v[i] = z
	return z
}

// EndsFromStart returns, for content that starts at the first token of
// each span of starts (a content span as annotated) after the cue whose
// last span is cues[i], the span the end model reads: from the start to
// the end of its clause cut where the end model ends it (trimmed as the
// extractor trims content). It is for scoring end models (cmd/train/quotes
// -end-cv); a start or cue no token starts at gives an empty span.
func EndsFromStart(doc *text.Document, ents []entity.Entity, o Options, starts, cues []text.Span) []text.Span {
	x := newExtractor(doc, ents, o)
	defer x.release()
	x.findQuoteMarks()
	x.findCues()
	cueAt := cueTable(x.cues)
	out := make([]text.Span, len(starts))
	for i, sp := range starts {
		ga, _ := x.tokRange(sp)
		cf, cl := x.tokRange(cues[i])
		if ga < 0 || cf < 0 {
			continue
		}
		_, end := x.trim(ga, x.clauseEnd(ga, cueAt))
		x.setEndCue(x.cueHead(cf, cl))
		a, e := x.trim(ga, x.cutEnd(ga, end))
		x.setEndCue(-1)
		if a < e {
			out[i] = x.span(a, e)
		}
	}
	return out
}
