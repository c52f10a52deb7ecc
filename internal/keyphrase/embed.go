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
	for s, r := range row {
		if r >= 0 {
			v, _ := e.Vectors.RowAt(int(r))
			touch |= v[0] | v[len(v)-1]
			has[s] = 2
		}
	}
	sc.touch = touch
	sv := grow(sc.sv, ns*dim)
	sc.sv = sv
	found := false
	for s, r := range row {
		if r < 0 {
			continue
		}
		x, scale := e.Vectors.RowAt(int(r))
		v := sv[s*dim : s*dim+dim : s*dim+dim]
		for j, q := range x[:dim] {
			v[j] = scale * float32(q)
		}
		found = true
	}
	if !found {
		return nil
	}
	// the document's and the lead's sums
	var D, L [dim]float32
	for s := range ns {
		if has[s] != 2 {
			continue
		}
		c := float32(wc[s])
		v := sv[s*dim : s*dim+dim : s*dim+dim]
		for j := range D {
			D[j] += c * v[j]
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
		v := sv[int(s)*dim : int(s)*dim+dim : int(s)*dim+dim]
		for j := range L {
			L[j] += v[j]
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
		v := sv[s*dim : s*dim+dim : s*dim+dim]
		var a, b, c float32
		for j, x := range v {
			a += x * D[j]
			b += x * L[j]
			c += x * x
		}
		dD[s], dL[s], sn[s] = a, b, c
	}
	out := grow(sc.emb, 3*len(cands))
	sc.emb = out
	var sum [dim]float32
	for i := range cands {
		if i%1024 == 1023 && doc.Err() != nil {
			return nil
		}
		ws := cands[i].words
		var a, b, nn float32
		k := 0
		for _, w := range ws {
			if has[w] == 2 {
				a += dD[w]
				b += dL[w]
				k++
			}
		}
		if k == 0 {
			continue
		}
		if k == 1 {
			for _, w := range ws {
				if has[w] == 2 {
					nn = sn[w]
				}
			}
		} else {
			sum = [dim]float32{}
			for _, w := range ws {
				if has[w] == 2 {
					v := sv[int(w)*dim : int(w)*dim+dim : int(w)*dim+dim]
					for j := range sum {
						sum[j] += v[j]
					}
				}
			}
			for _, x := range sum {
				nn += x * x
			}
		}
		n := math.Sqrt(float64(nn))
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

func norm(v []float32) float64 {
	var s float32
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(float64(s))
}
