package keyphrase

import (
	"math"

	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordvec"
)

// leadSentences is how many first sentences make the lead whose mean word
// vector the embLead feature compares candidates with (in news, the
// headline and the first sentence; in an abstract, the title and the
// first sentence).
const leadSentences = 2

// embed returns three values per candidate, in candidate order: the
// cosine of the sum of its words' vectors with the document's (the
// vectors of every token of a candidate word), the cosine with the lead's,
// and the fraction of its words that have a vector (EmbedRank, Bennani-Smires
// et al. 2018, with GloVe words). A stem's vector is that of its first
// token text the table holds. nil when no candidate word has a vector or
// once doc.Err is set.
func (e *Extractor) embed(doc *text.Document, dw *docWords, cands []candidate, wc []int) []float64 {
	const dim = wordvec.Dim
	ns := len(dw.stems)
	sc := &dw.scr
	has := grow(sc.hasVec, ns) // 1: wanted, 2: has a vector
	sc.hasVec = has
	for i := range cands {
		for _, w := range cands[i].words {
			has[w] = 1
		}
	}
	// A stem's row: that of its first text the table holds. The look-ups
	// come first, each independent of the others, and then the rows, so
	// that the cache misses of a cold table overlap.
	row := grow(sc.row, ns)
	sc.row = row
	for s := range row {
		row[s] = -1
	}
	for t, info := range dw.info {
		if s := info.stem; has[s] == 1 && row[s] < 0 {
			row[s] = int32(e.Vectors.Index(dw.texts[t]))
		}
	}
	var touch int8
	found := false
	for s, r := range row {
		if r >= 0 {
			v, _ := e.Vectors.RowAt(int(r))
			touch |= v[0] | v[len(v)-1]
			has[s] = 2
			found = true
		}
	}
	sc.touch = touch
	if !found {
		return nil
	}
	// the document's and the lead's sums
	var D, L [dim]float32
	for s := range ns {
		if has[s] != 2 {
			continue
		}
		x, scale := e.Vectors.RowAt(int(row[s]))
		c := float32(wc[s]) * scale
		for j, q := range x[:dim] {
			D[j] += c * float32(q)
		}
	}
	end := 0
	if k := min(leadSentences, len(doc.Sentences)); k > 0 {
		end = doc.Sentences[k-1].Last
	}
	for _, s := range dw.ids[:end] {
		if has[s] != 2 {
			continue
		}
		x, scale := e.Vectors.RowAt(int(row[s]))
		for j, q := range x[:dim] {
			L[j] += scale * float32(q)
		}
	}
	nD, nL := norm(D[:]), norm(L[:])
	// each stem's dot products with both, and its squared norm
	dD, dL, sn := grow(sc.dD, ns), grow(sc.dL, ns), grow(sc.sn, ns)
	sc.dD, sc.dL, sc.sn = dD, dL, sn
	for s := range ns {
		if has[s] != 2 {
			continue
		}
		x, scale := e.Vectors.RowAt(int(row[s]))
		var a, b float32
		var c int32
		for j, q := range x[:dim] {
			f := float32(q)
			a += f * D[j]
			b += f * L[j]
			c += int32(q) * int32(q)
		}
		dD[s], dL[s], sn[s] = scale*a, scale*b, scale*scale*float32(c)
	}
	out := grow(sc.emb, 3*len(cands))
	sc.emb = out
	for i := range cands {
		if i%1024 == 1023 && doc.Err() != nil {
			return nil
		}
		ws := cands[i].words
		var a, b, nn float32
		k := 0
		for p, w := range ws {
			if has[w] != 2 {
				continue
			}
			a += dD[w]
			b += dL[w]
			nn += sn[w]
			k++
			// |sum|^2: twice the products of each pair of word vectors
			x, sx := e.Vectors.RowAt(int(row[w]))
			for _, v := range ws[p+1:] {
				if has[v] == 2 {
					y, sy := e.Vectors.RowAt(int(row[v]))
					nn += 2 * sx * sy * float32(dot8(x, y))
				}
			}
		}
		if k == 0 {
			continue
		}
		n := math.Sqrt(float64(max(nn, 0)))
		if n > 0 && nD > 0 {
			out[3*i] = float64(a) / (n * nD)
		}
		if n > 0 && nL > 0 {
			out[3*i+1] = float64(b) / (n * nL)
		}
		out[3*i+2] = float64(k) / float64(len(ws))
	}
	return out
}

// dot8 is the dot product of two rows of equal length.
func dot8(x, y []int8) int32 {
	y = y[:len(x)]
	var s int32
	for j, q := range x {
		s += int32(q) * int32(y[j])
	}
	return s
}

func norm(v []float32) float64 {
	var s float32
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(float64(s))
}
