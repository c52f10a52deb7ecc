package ner

import (
	"math"

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

// viterbi finds the best label sequence for n tokens given emission
// scores em[i*nLabels+y], transitions trans[a*nLabels+b] and start[b].
// back and delta are scratch of size n*nLabels.
func viterbi(n int, em, trans, start []float32, back []uint8, delta []float32, out []int) []int {
	if n == 0 {
		return out
	}
	for y := 0; y < nLabels; y++ {
		delta[y] = em[y] + start[y] + mask[0][y]
	}
	for i := 1; i < n; i++ {
		prev := delta[(i-1)*nLabels : i*nLabels]
		cur := delta[i*nLabels : (i+1)*nLabels]
		e := em[i*nLabels : (i+1)*nLabels]
		bk := back[i*nLabels : (i+1)*nLabels]
		for y := 0; y < nLabels; y++ {
			best, bi := negInf, uint8(0)
			for _, a := range preds[y] {
				v := prev[a] + trans[int(a)*nLabels+y]
				if v > best {
					best, bi = v, a
				}
			}
			cur[y] = best + e[y]
			bk[y] = bi
		}
	}
	last := delta[(n-1)*nLabels : n*nLabels]
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

// input is one document prepared for labelling.
type input struct {
	words []string // canonical forms
	pos   []string
	sents [][2]int // token ranges
}

// prepare fills ts with the per-token values of in.
func prepare(in *input, cl *wordclusters.Clusters, cs *wordclusters.Case, gz *gazetteer, ts []tok, wt *wordTable) []tok {
	ts = ts[:0]
	for _, s := range in.sents {
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
			w := in.words[i]
			t := tok{
				word:      w,
				wh:        hashNorm(p.Seed(1), w, false),
				lh:        hashNorm(p.Seed(2), w, true),
				sh:        shapeHash(w),
				pos:       p.AddString(p.Seed(3), in.pos[i]),
				cased:     p.CasedClass(w),
				capsSent:  caps,
				sentStart: s[0],
				sentEnd:   s[1],
			}
			if !seenWord && t.cased != 4 {
				t.first = true
				seenWord = true
			}
			if cs != nil {
				t.caseB = cs.Bucket(wordclusters.LowerKey(w))
			}
			if cl != nil {
				t.cl, t.hasCl = cl.Lookup(wordclusters.KeyOf(w, false))
				if !t.hasCl && t.cased != 3 {
					// headline caps or sentence-initial: try other casings
					t.cl, t.hasCl = cl.Lookup(wordclusters.KeyOf(w, true))
				}
			}
			ts = append(ts, t)
		}
	}
	if gz != nil {
		gz.mark(ts)
	}
	docCase(ts, wt)
	return ts
}

// wordTable is a per-document open-addressing table from a word's
// lower-case hash to what the document says about it.
type wordTable struct {
	keys []uint64
	vals []wordInfo
	mask uint64
}

type wordInfo struct {
	cases  uint8    // bit 1 lower case, bit 2 capitalised (outside sentence starts)
	counts [6]int32 // second pass: first-pass types of capitalised occurrences
}

func (w *wordTable) reset(n int) {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	if cap(w.keys) < size {
		w.keys = make([]uint64, size)
		w.vals = make([]wordInfo, size)
	}
	w.keys, w.vals = w.keys[:size], w.vals[:size]
	clear(w.keys)
	clear(w.vals)
	w.mask = uint64(size - 1)
}

// get returns the entry of key k (0 is mapped to 1), adding it.
func (w *wordTable) get(k uint64) *wordInfo {
	k |= 1
	j := (k ^ k>>29) & w.mask
	for {
		if w.keys[j] == k {
			return &w.vals[j]
		}
		if w.keys[j] == 0 {
			w.keys[j] = k
			return &w.vals[j]
		}
		j = (j + 1) & w.mask
	}
}

// docCase records, for each capitalised word, how it is written elsewhere
// in the document outside sentence starts and headlines: bit 1 lower case,
// bit 2 capitalised, 4 nowhere else.
func docCase(ts []tok, wt *wordTable) {
	wt.reset(len(ts))
	for i := range ts {
		t := &ts[i]
		if t.first || t.capsSent {
			continue
		}
		switch t.cased {
		case 3:
			wt.get(t.lh).cases |= 1
		case 1, 2:
			wt.get(t.lh).cases |= 2
		}
	}
	for i := range ts {
		t := &ts[i]
		if t.cased == 3 || t.cased == 4 {
			continue
		}
		t.docCase = wt.get(t.lh).cases
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
	wt.reset(len(ts))
	for i := range ts {
		t := &ts[i]
		if t.cased != 1 && t.cased != 2 {
			continue
		}
		e := wt.get(t.lh)
		e.counts[typ(labels[i])]++
		if e.counts[0] == 0 && !t.first && !t.capsSent {
			e.counts[0] = int32(i + 1) // first mention in running text
		}
	}
	for i := range ts {
		t := &ts[i]
		t.docPrev, t.docFirst = 0, 0
		t.lab1 = uint8(labels[i])
		if t.cased != 1 && t.cased != 2 {
			continue
		}
		c := wt.get(t.lh).counts
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
