package ner

import (
	"math"
	"slices"

	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/text"

	p "github.com/lector-nlp/lector/internal/perceptron"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

// Base types the statistical model predicts, in label order.
var baseTypes = []string{"PER", "ORG", "LOC", "MISC"}

// Labels: O, then B, I, L, U for each base type.
func labelNames() []string {
	ls := []string{"O"}
	for _, t := range baseTypes {
		ls = append(ls, "B-"+t, "I-"+t, "L-"+t, "U-"+t)
	}
	return ls
}

const nLabels = 17

// label helpers: id = 1 + type*4 + pos with pos 0 B, 1 I, 2 L, 3 U.
func lpos(l int) int  { return (l - 1) % 4 }
func ltype(l int) int { return (l - 1) / 4 }

// allowed reports whether label b may follow label a (-1 = start).
func allowed(a, b int) bool {
	openA := a > 0 && (lpos(a) == 0 || lpos(a) == 1) // inside an entity
	if b == 0 {
		return !openA
	}
	switch lpos(b) {
	case 0, 3: // B, U start entities
		return !openA
	default: // I, L continue one
		return openA && ltype(a) == ltype(b)
	}
}

// canEnd reports whether a sentence may end with label l.
func canEnd(l int) bool { return l == 0 || lpos(l) == 2 || lpos(l) == 3 }

var negInf = float32(math.Inf(-1))

// mask[a+1][b] is 0 when b may follow a, -inf otherwise.
var mask [nLabels + 1][nLabels]float32

// preds[b] lists the labels that may precede b.
var preds [nLabels][]uint8

func init() {
	for a := -1; a < nLabels; a++ {
		for b := 0; b < nLabels; b++ {
			if !allowed(a, b) {
				mask[a+1][b] = negInf
			} else if a >= 0 {
				preds[b] = append(preds[b], uint8(a))
			}
		}
	}
}

// closed lists, in increasing order, the labels after which an entity
// may start (O, L-*, U-*): the predecessors of O, B-* and U-*. The
// predecessors of I-t and L-t are B-t and I-t.
var closed = [9]uint8{0, 3, 4, 7, 8, 11, 12, 15, 16}

// starts lists the labels whose predecessors are the closed labels.
var starts = [9]uint8{0, 1, 4, 5, 8, 9, 12, 13, 16}

// viterbi finds the best label sequence for n tokens given emission
// scores em[i*nLabels+y], transitions trans[a*nLabels+b] and start[b].
// back and delta are scratch of size n*nLabels.
//
// It visits the allowed transitions (see preds) in the same order as a
// loop over preds, so ties are broken the same way.
func viterbi(n int, em, trans, start []float32, back []uint8, delta []float32, out []int) []int {
	var tr trellis
	tr.init(trans, start)
	return tr.viterbi(n, em, back, delta, out)
}

// trellis holds a model's transitions as viterbi reads them, gathered
// once per model rather than once per sentence.
type trellis struct {
	start []float32
	// tc[j][k]: transition from closed[k] to starts[j]
	tc [9][9]float32
	// tmax[j]: the largest transition into starts[j] from a closed label
	// but O (see the bound in viterbi)
	tmax [9]float32
	// to[t]: B-t->I-t, I-t->I-t, B-t->L-t, I-t->L-t
	to [4][4]float32
}

func (tr *trellis) init(trans, start []float32) {
	tr.start = start
	for k, a := range closed {
		for j, y := range starts {
			tr.tc[j][k] = trans[int(a)*nLabels+int(y)]
		}
	}
	for j := range tr.tc {
		m := tr.tc[j][1]
		for k := 2; k < len(closed); k++ {
			if tr.tc[j][k] > m {
				m = tr.tc[j][k]
			}
		}
		tr.tmax[j] = m
	}
	for t := 0; t < 4; t++ {
		b, i, l := 1+4*t, 2+4*t, 3+4*t
		tr.to[t] = [4]float32{trans[b*nLabels+i], trans[i*nLabels+i], trans[b*nLabels+l], trans[i*nLabels+l]}
	}
}

// viterbi is viterbi with tr's transitions (forward, then finish).
// delta needs only two rows (see forward).
func (tr *trellis) viterbi(n int, em []float32, back []uint8, delta []float32, out []int) []int {
	if n == 0 {
		return out
	}
	tr.forward(0, n, em, back, delta)
	return tr.finish(n, back, delta, out)
}

// forward runs the Viterbi steps of tokens [k, k+m) of a sentence, so
// that a long sentence can be scored and stepped a block at a time: em
// holds the scores of those m tokens, back the back pointers of the
// sentence from its first token, and delta two rows, the scores of token
// i in row i&1 (token k-1's are there when k > 0). The step from one
// token to the next is written out label by label (closed, starts, and
// the I and L of each type), with no loops or bounds checks.
func (tr *trellis) forward(k, m int, em []float32, back []uint8, delta []float32) {
	if m <= 0 {
		return
	}
	_ = em[m*nLabels-1]
	_ = back[(k+m)*nLabels-1]
	if k == 0 {
		start := tr.start[:nLabels]
		d := (*[nLabels]float32)(delta[:nLabels])
		e := (*[nLabels]float32)(em[:nLabels])
		for y := 0; y < nLabels; y++ {
			d[y] = e[y] + start[y] + mask[0][y]
		}
	}
	for i := max(k, 1); i < k+m; i++ {
		prev := (*[nLabels]float32)(delta[((i-1)&1)*nLabels:])
		cur := (*[nLabels]float32)(delta[(i&1)*nLabels:])
		e := (*[nLabels]float32)(em[(i-k)*nLabels:])
		bk := (*[nLabels]uint8)(back[i*nLabels:])
		pc := [9]float32{prev[0], prev[3], prev[4], prev[7], prev[8], prev[11], prev[12], prev[15], prev[16]}
		// pmax: the best closed label but O. When coming from O scores at
		// least pmax+tmax[j], no other closed label scores more (sums
		// round monotonically), and O, first in closed order, wins as in
		// bestClosed: most tokens outside names take this path.
		pmax := pc[1]
		if pc[2] > pmax {
			pmax = pc[2]
		}
		if pc[3] > pmax {
			pmax = pc[3]
		}
		if pc[4] > pmax {
			pmax = pc[4]
		}
		if pc[5] > pmax {
			pmax = pc[5]
		}
		if pc[6] > pmax {
			pmax = pc[6]
		}
		if pc[7] > pmax {
			pmax = pc[7]
		}
		if pc[8] > pmax {
			pmax = pc[8]
		}
		if v0 := pc[0] + tr.tc[0][0]; v0 >= pmax+tr.tmax[0] {
			cur[0], bk[0] = v0+e[0], 0
		} else {
			best, bi := bestClosed(&pc, &tr.tc[0])
			cur[0], bk[0] = best+e[0], bi
		}
		if v0 := pc[0] + tr.tc[1][0]; v0 >= pmax+tr.tmax[1] {
			cur[1], bk[1] = v0+e[1], 0
		} else {
			best, bi := bestClosed(&pc, &tr.tc[1])
			cur[1], bk[1] = best+e[1], bi
		}
		if v0 := pc[0] + tr.tc[2][0]; v0 >= pmax+tr.tmax[2] {
			cur[4], bk[4] = v0+e[4], 0
		} else {
			best, bi := bestClosed(&pc, &tr.tc[2])
			cur[4], bk[4] = best+e[4], bi
		}
		if v0 := pc[0] + tr.tc[3][0]; v0 >= pmax+tr.tmax[3] {
			cur[5], bk[5] = v0+e[5], 0
		} else {
			best, bi := bestClosed(&pc, &tr.tc[3])
			cur[5], bk[5] = best+e[5], bi
		}
		if v0 := pc[0] + tr.tc[4][0]; v0 >= pmax+tr.tmax[4] {
			cur[8], bk[8] = v0+e[8], 0
		} else {
			best, bi := bestClosed(&pc, &tr.tc[4])
			cur[8], bk[8] = best+e[8], bi
		}
		if v0 := pc[0] + tr.tc[5][0]; v0 >= pmax+tr.tmax[5] {
			cur[9], bk[9] = v0+e[9], 0
		} else {
			best, bi := bestClosed(&pc, &tr.tc[5])
			cur[9], bk[9] = best+e[9], bi
		}
		if v0 := pc[0] + tr.tc[6][0]; v0 >= pmax+tr.tmax[6] {
			cur[12], bk[12] = v0+e[12], 0
		} else {
			best, bi := bestClosed(&pc, &tr.tc[6])
			cur[12], bk[12] = best+e[12], bi
		}
		if v0 := pc[0] + tr.tc[7][0]; v0 >= pmax+tr.tmax[7] {
			cur[13], bk[13] = v0+e[13], 0
		} else {
			best, bi := bestClosed(&pc, &tr.tc[7])
			cur[13], bk[13] = best+e[13], bi
		}
		if v0 := pc[0] + tr.tc[8][0]; v0 >= pmax+tr.tmax[8] {
			cur[16], bk[16] = v0+e[16], 0
		} else {
			best, bi := bestClosed(&pc, &tr.tc[8])
			cur[16], bk[16] = best+e[16], bi
		}
		// I-0 and L-0 come from B-0 or I-0
		{
			pb, pi := prev[1], prev[2]
			best, bi := negInf, uint8(0)
			if v := pb + tr.to[0][0]; v > best {
				best, bi = v, 1
			}
			if v := pi + tr.to[0][1]; v > best {
				best, bi = v, 2
			}
			cur[2], bk[2] = best+e[2], bi
			best, bi = negInf, 0
			if v := pb + tr.to[0][2]; v > best {
				best, bi = v, 1
			}
			if v := pi + tr.to[0][3]; v > best {
				best, bi = v, 2
			}
			cur[3], bk[3] = best+e[3], bi
		}
		// I-1 and L-1 come from B-1 or I-1
		{
			pb, pi := prev[5], prev[6]
			best, bi := negInf, uint8(0)
			if v := pb + tr.to[1][0]; v > best {
				best, bi = v, 5
			}
			if v := pi + tr.to[1][1]; v > best {
				best, bi = v, 6
			}
			cur[6], bk[6] = best+e[6], bi
			best, bi = negInf, 0
			if v := pb + tr.to[1][2]; v > best {
				best, bi = v, 5
			}
			if v := pi + tr.to[1][3]; v > best {
				best, bi = v, 6
			}
			cur[7], bk[7] = best+e[7], bi
		}
		// I-2 and L-2 come from B-2 or I-2
		{
			pb, pi := prev[9], prev[10]
			best, bi := negInf, uint8(0)
			if v := pb + tr.to[2][0]; v > best {
				best, bi = v, 9
			}
			if v := pi + tr.to[2][1]; v > best {
				best, bi = v, 10
			}
			cur[10], bk[10] = best+e[10], bi
			best, bi = negInf, 0
			if v := pb + tr.to[2][2]; v > best {
				best, bi = v, 9
			}
			if v := pi + tr.to[2][3]; v > best {
				best, bi = v, 10
			}
			cur[11], bk[11] = best+e[11], bi
		}
		// I-3 and L-3 come from B-3 or I-3
		{
			pb, pi := prev[13], prev[14]
			best, bi := negInf, uint8(0)
			if v := pb + tr.to[3][0]; v > best {
				best, bi = v, 13
			}
			if v := pi + tr.to[3][1]; v > best {
				best, bi = v, 14
			}
			cur[14], bk[14] = best+e[14], bi
			best, bi = negInf, 0
			if v := pb + tr.to[3][2]; v > best {
				best, bi = v, 13
			}
			if v := pi + tr.to[3][3]; v > best {
				best, bi = v, 14
			}
			cur[15], bk[15] = best+e[15], bi
		}
	}
}

// finish appends to out the best labels of the n tokens of a sentence
// that forward has run.
func (tr *trellis) finish(n int, back []uint8, delta []float32, out []int) []int {
	if n == 0 {
		return out
	}
	last := delta[((n-1)&1)*nLabels : ((n-1)&1+1)*nLabels]
	best, bi := negInf, 0
	for y := 0; y < nLabels; y++ {
		if canEnd(y) && last[y] > best {
			best, bi = last[y], y
		}
	}
	base := len(out)
	for i := 0; i < n; i++ {
		out = append(out, 0)
	}
	lab := out[base:]
	lab[n-1] = bi
	for i := n - 1; i > 0; i-- {
		lab[i-1] = int(back[i*nLabels+lab[i]])
	}
	return out
}

// bestClosed returns the best of pc[k]+t[k] over the closed predecessors
// (strictly greater wins, so the first best in closed order) and its label.
func bestClosed(pc, t *[9]float32) (float32, uint8) {
	best, bi := negInf, uint8(0)
	if v := pc[0] + t[0]; v > best {
		best, bi = v, 0
	}
	if v := pc[1] + t[1]; v > best {
		best, bi = v, 3
	}
	if v := pc[2] + t[2]; v > best {
		best, bi = v, 4
	}
	if v := pc[3] + t[3]; v > best {
		best, bi = v, 7
	}
	if v := pc[4] + t[4]; v > best {
		best, bi = v, 8
	}
	if v := pc[5] + t[5]; v > best {
		best, bi = v, 11
	}
	if v := pc[6] + t[6]; v > best {
		best, bi = v, 12
	}
	if v := pc[7] + t[7]; v > best {
		best, bi = v, 15
	}
	if v := pc[8] + t[8]; v > best {
		best, bi = v, 16
	}
	return best, bi
}

// input is one document prepared for labelling.
type input struct {
	words []string // canonical forms
	pos   []string
	sents [][2]int // token ranges

	ents    []uint64       // prepare's scratch: vocabulary entries
	sink    uint64         // keeps SumTable.Touch's loads
	doc     *text.Document // for Err (nil: never cancelled)
	work    int            // tokens handled since doc.Err was last consulted
	stopped bool           // doc.Err was set: stop, the result is discarded
}

// checkEvery is how many tokens of work the recogniser does between two
// looks at doc.Err (well under a millisecond).
const checkEvery = 2048

// done reports whether the document was cancelled; n is the number of
// tokens handled since the last call.
func (in *input) done(n int) bool {
	if in.work += n; in.work >= checkEvery {
		return in.check()
	}
	return in.stopped
}

// check is done's look at doc.Err (done itself stays small enough to be
// inlined in the per-token loops).
func (in *input) check() bool {
	in.work = 0
	if in.doc != nil {
		in.stopped = in.stopped || in.doc.Err() != nil
	}
	return in.stopped
}

// prepare fills ts with the per-token values of in.
func prepare(in *input, cl *wordclusters.Clusters, gv *gloveTable, cs *wordclusters.Case, gz *gazetteer, ts []tok, wt *wordTable) []tok {
	return prepareVocab(in, cl, gv, cs, gz, nil, ts, wt)
}

// prepareVocab is prepare taking the hashes and clusters of the words of
// vocab (optional) from there.
func prepareVocab(in *input, cl *wordclusters.Clusters, gv *gloveTable, cs *wordclusters.Case, gz *gazetteer, vocab *fastModel, ts []tok, wt *wordTable) []tok {
	ts = slices.Grow(ts[:0], len(in.words))
	in.ents = slices.Grow(in.ents[:0], len(in.words))
	if vocab != nil && vocab.nv == 0 {
		vocab = nil
	}
	if vocab != nil {
		// the look-ups in a loop of their own: their loads overlap
		for _, w := range in.words {
			if in.done(1) {
				return ts
			}
			in.ents = append(in.ents, vocabKey(w))
		}
		// in blocks, looking at the context between them: on a 1 MB
		// article the look-ups of all its words take ~20 ms
		for a := 0; a < len(in.ents); a += checkEvery {
			b := min(a+checkEvery, len(in.ents))
			if a > 0 && in.check() {
				return ts
			}
			in.sink += vocab.touchVocab(in.ents[a:b])
			for i, k := range in.ents[a:b] {
				e := vocab.entry(k)
				in.ents[a+i] = uint64(uint32(e))
				if e >= 0 {
					in.sink += vocab.touchEntry(e)
				}
			}
		}
	}
	for _, s := range in.sents {
		if in.done(s[1] - s[0]) {
			return ts
		}
		caps := true
		letters := 0
		for i := s[0]; i < s[1]; i++ {
			w := in.words[i]
			for j := 0; j < len(w); j++ {
				c := w[j]
				if c >= 'a' && c <= 'z' {
					caps = false
				} else if c >= 'A' && c <= 'Z' {
					letters++
				}
			}
		}
		caps = caps && letters > 3
		seenWord := false
		for i := s[0]; i < s[1]; i++ {
			if in.done(1) {
				return ts
			}
			w := in.words[i]
			t := tok{
				word:      w,
				pos:       p.AddString(p.Seed(3), in.pos[i]),
				capsSent:  caps,
				sentStart: s[0],
				sentEnd:   s[1],
				ent:       -1,
			}
			if vocab != nil {
				t.ent = int32(uint32(in.ents[i]))
			}
			if t.ent >= 0 {
				vocab.setWord(&t, t.ent)
			} else {
				wordValues(&t)
			}
			if !seenWord && t.cased != 4 {
				t.first = true
				seenWord = true
			}
			if cs != nil {
				t.caseB = cs.Bucket(wordclusters.LowerKey(w))
			}
			ts = append(ts, t)
		}
	}
	if cl != nil || gv != nil {
		// the cluster lookups in a loop of their own: their loads overlap
		for i := range ts {
			if in.done(1) {
				return ts
			}
			if t := &ts[i]; t.ent < 0 {
				clusterOf(t, cl, gv)
			}
		}
	}
	if gz != nil {
		gz.mark(ts)
	}
	docCase(ts, wt)
	return ts
}

// wordValues sets the values of t that depend on its word alone, but for
// its clusters (clusterOf).
func wordValues(t *tok) {
	w := t.word
	t.wh = hashNorm(p.Seed(1), w, false)
	t.lh = hashNorm(p.Seed(2), w, true)
	t.sh = shapeHash(w)
	t.cased = p.CasedClass(w)
}

// clusterOf sets the clusters of t's word (wordValues first): the word
// clusters of cl and the GloVe ones of gv (FGlove), each if not nil.
func clusterOf(t *tok, cl *wordclusters.Clusters, gv *gloveTable) {
	if cl != nil {
		t.cl, t.hasCl = cl.Lookup(wordclusters.KeyOf(t.word, false))
		if !t.hasCl && t.cased != 3 {
			// headline caps or sentence-initial: try other casings
			t.cl, t.hasCl = cl.Lookup(wordclusters.KeyOf(t.word, true))
		}
	}
	gloveOf(t, gv)
}

// vocabKey is the key of word w in the vocabulary table.
func vocabKey(w string) uint64 { return p.Mix(hashing.AddString(p.Seed(32), w)) }

// wordTable is a per-document open-addressing table from a word's
// lower-case hash to what the document says about it: how it is written
// (docCase) or, in a table of its own, the first-pass types of its
// capitalised occurrences (secondPass). Each is sized for the tokens it
// holds, so that little memory is cleared per document.
type wordTable struct {
	keys   []uint64
	cases  []uint8    // bit 1 lower case, bit 2 capitalised (outside sentence starts)
	counts [][6]int32 // second pass: first-pass types of capitalised occurrences
	mask   uint64
}

// reset empties the table for n keys at most, with counts or cases.
func (w *wordTable) reset(n int, counts bool) {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	if cap(w.keys) < size {
		w.keys = make([]uint64, size)
	}
	w.keys = w.keys[:size]
	clear(w.keys)
	if counts {
		if cap(w.counts) < size {
			w.counts = make([][6]int32, size)
		}
		w.counts = w.counts[:size]
		clear(w.counts)
	} else {
		if cap(w.cases) < size {
			w.cases = make([]uint8, size)
		}
		w.cases = w.cases[:size]
		clear(w.cases)
	}
	w.mask = uint64(size - 1)
}

// get returns the entry of key k (0 is mapped to 1), adding it.
func (w *wordTable) get(k uint64) int {
	k |= 1
	j := (k ^ k>>29) & w.mask
	for {
		if w.keys[j] == k {
			return int(j)
		}
		if w.keys[j] == 0 {
			w.keys[j] = k
			return int(j)
		}
		j = (j + 1) & w.mask
	}
}

// docCase records, for each capitalised word, how it is written elsewhere
// in the document outside sentence starts and headlines: bit 1 lower case,
// bit 2 capitalised, 4 nowhere else.
func docCase(ts []tok, wt *wordTable) {
	n := 0
	for i := range ts {
		if ts[i].cased != 4 {
			n++
		}
	}
	wt.reset(n, false)
	for i := range ts {
		t := &ts[i]
		if t.first || t.capsSent {
			continue
		}
		switch t.cased {
		case 3:
			wt.cases[wt.get(t.lh)] |= 1
		case 1, 2:
			wt.cases[wt.get(t.lh)] |= 2
		}
	}
	for i := range ts {
		t := &ts[i]
		if t.cased == 3 || t.cased == 4 {
			continue
		}
		t.docCase = wt.cases[wt.get(t.lh)]
		if t.docCase == 0 {
			t.docCase = 4
		}
	}
}

// secondPass sets docPrev from the first-pass labels: for each
// capitalised word, the type most often given to its other capitalised
// occurrences in the document (5 = outside any entity).
func secondPass(ts []tok, labels []int, wt *wordTable) {
	typ := func(l int) int {
		if l == 0 {
			return 5
		}
		return ltype(l) + 1
	}
	n := 0
	for i := range ts {
		if t := &ts[i]; t.cased == 1 || t.cased == 2 {
			n++
		}
	}
	wt.reset(n, true)
	for i := range ts {
		t := &ts[i]
		if t.cased != 1 && t.cased != 2 {
			continue
		}
		e := &wt.counts[wt.get(t.lh)]
		e[typ(labels[i])]++
		if e[0] == 0 && !t.first && !t.capsSent {
			e[0] = int32(i + 1) // first mention in running text
		}
	}
	for i := range ts {
		t := &ts[i]
		t.docPrev, t.docFirst = 0, 0
		t.lab1 = uint8(labels[i])
		if t.cased != 1 && t.cased != 2 {
			continue
		}
		c := wt.counts[wt.get(t.lh)]
		if f := int(c[0]) - 1; f >= 0 && f != i {
			t.docFirst = uint8(typ(labels[f]))
		}
		c[typ(labels[i])]--
		best, bn := 0, int32(0)
		for k := 1; k <= 5; k++ {
			if c[k] > bn {
				best, bn = k, c[k]
			}
		}
		t.docPrev = uint8(best)
	}
}
