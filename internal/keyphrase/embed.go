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
//
// The loops work on several rows at once (addRows4, dots2) but keep each
// float32 sum's operands, expression shape and order, so the features are
// the same bits as one row at a time (embedPlain in the tests); only the
// int32 sums (exact) are reordered. Do not reassociate the float sums:
// the trained model's features would move.
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
	// the document's and the lead's sums, D four rows at a time (each
	// component's additions still in stem order)
	var D, L [dim]float32
	var bx [4]*[dim]int8
	var bc [4]float32
	nb := 0
	for s := range ns {
		if has[s] != 2 {
			continue
		}
		x, scale := e.Vectors.RowAt(int(row[s]))
		bx[nb], bc[nb] = (*[dim]int8)(x), float32(wc[s])*scale
		if nb++; nb == 4 {
			addRows4(&D, bx[0], bx[1], bx[2], bx[3], bc[0], bc[1], bc[2], bc[3])
			nb = 0
		}
	}
	for k := range nb {
		addRow(&D, bx[k], bc[k])
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
		addRow(&L, (*[dim]int8)(x), scale)
	}
	nD, nL := norm(D[:]), norm(L[:])
	// each stem's dot products with both, and its squared norm, two rows
	// at a time (each sum still in component order)
	dD, dL, sn := grow(sc.dD, ns), grow(sc.dL, ns), grow(sc.sn, ns)
	sc.dD, sc.dL, sc.sn = dD, dL, sn
	prev := -1 // a stem with a vector waiting for a second
	for s := range ns {
		if has[s] != 2 {
			continue
		}
		if prev < 0 {
			prev = s
			continue
		}
		x0, s0 := e.Vectors.RowAt(int(row[prev]))
		x1, s1 := e.Vectors.RowAt(int(row[s]))
		a0, b0, c0, a1, b1, c1 := dots2(&D, &L, (*[dim]int8)(x0), (*[dim]int8)(x1))
		dD[prev], dL[prev], sn[prev] = s0*a0, s0*b0, s0*s0*float32(c0)
		dD[s], dL[s], sn[s] = s1*a1, s1*b1, s1*s1*float32(c1)
		prev = -1
	}
	if prev >= 0 {
		x, scale := e.Vectors.RowAt(int(row[prev]))
		a, b, c := dots1(&D, &L, (*[dim]int8)(x))
		dD[prev], dL[prev], sn[prev] = scale*a, scale*b, scale*scale*float32(c)
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
					nn += 2 * sx * sy * float32(dot8((*[dim]int8)(x), (*[dim]int8)(y)))
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

// i8f[uint8(q)] is float32(q) for each int8 q: a load instead of a
// conversion.
var i8f = func() (t [256]float32) {
	for i := range t {
		t[i] = float32(int8(i))
	}
	return
}()

// addRow adds c × x to v, component by component.
func addRow(v *[wordvec.Dim]float32, x *[wordvec.Dim]int8, c float32) {
	for j, q := range x {
		v[j] += c * float32(q)
	}
}

// addRows4 adds c0 × x0, c1 × x1, c2 × x2 and c3 × x3 to v, in this order
// in each component: the sums addRow would give, one row after the other,
// with each component read and written once.
func addRows4(v *[wordvec.Dim]float32, x0, x1, x2, x3 *[wordvec.Dim]int8, c0, c1, c2, c3 float32) {
	for j := range v {
		d := v[j]
		d += c0 * i8f[uint8(x0[j])]
		d += c1 * i8f[uint8(x1[j])]
		d += c2 * i8f[uint8(x2[j])]
		d += c3 * i8f[uint8(x3[j])]
		v[j] = d
	}
}

// dots1 returns the dot products of x with D and with L (float32, in
// component order) and x's squared norm.
func dots1(D, L *[wordvec.Dim]float32, x *[wordvec.Dim]int8) (a, b float32, c int32) {
	for j, q := range x {
		f := float32(q)
		a += f * D[j]
		b += f * L[j]
		c += int32(q) * int32(q)
	}
	return
}

// dots2 is dots1 of x0 and of x1, together: each of the six sums as dots1
// adds it, with D and L read once for both rows.
func dots2(D, L *[wordvec.Dim]float32, x0, x1 *[wordvec.Dim]int8) (a0, b0 float32, c0 int32, a1, b1 float32, c1 int32) {
	for j := range D {
		d, l := D[j], L[j]
		q0, q1 := int32(x0[j]), int32(x1[j])
		f0, f1 := float32(q0), float32(q1)
		a0 += f0 * d
		b0 += f0 * l
		a1 += f1 * d
		b1 += f1 * l
		c0 += q0 * q0
		c1 += q1 * q1
	}
	return
}

// dot8 is the dot product of two rows (exact in int32, so summed in any
// order: four sums at once).
func dot8(x, y *[wordvec.Dim]int8) int32 {
	var s0, s1, s2, s3 int32
	for j := 0; j < len(x)-3; j += 4 {
		s0 += int32(x[j]) * int32(y[j])
		s1 += int32(x[j+1]) * int32(y[j+1])
		s2 += int32(x[j+2]) * int32(y[j+2])
		s3 += int32(x[j+3]) * int32(y[j+3])
	}
	for j := len(x) &^ 3; j < len(x); j++ {
		s0 += int32(x[j]) * int32(y[j])
	}
	return s0 + s1 + s2 + s3
}

func norm(v []float32) float64 {
	var s float32
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(float64(s))
}
