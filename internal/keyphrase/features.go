package keyphrase

import (
	"github.com/lector-nlp/lector/internal/wordvec"
	"math"
	bits64 "math/bits"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/lector-nlp/lector/internal/text"
)

var featureNames = []string{
	"logCount", "firstPos", "inFirstSentence", "logFirstSentence",
	"len1", "len2", "len3", "len4+",
	"meanIDF", "maxIDF", "minIDF", "logTFIDF", "tfidfRank",
	"positionRank", "positionRankRank",
	"capital", "acronym", "proper", "plural", "maximal", "adjective", "digit",
	"spread", "logDocLen", "headCount", "wordCount",
	"unknownWord", "prMean", "headIDF", "logSuper", "logSub", "bias",
	"relCount", "relFirstSentence", "embDoc", "embLead", "embDocRank", "embKnown",
	"capitalShare",
}

// FeatureNames returns the names of the feature columns, in order.
func FeatureNames() []string { return slices.Clone(featureNames) }

// numFeatures is the length of a feature vector.
var numFeatures = len(featureNames)

// features returns the feature vectors of the candidates, numFeatures
// values each, one after the other, or nil once doc.Err is set.
func (e *Extractor) features(doc *text.Document, dw *docWords, cands []candidate) []float64 {
	N := float64(max(len(doc.Tokens), 1))
	logN := math.Log(N)
	ns := len(dw.stems)
	// document frequencies of stems
	sc := &dw.scr
	wc := grow(sc.wc, ns)
	sc.wc = wc
	// the tokens' stem ids, as candidates listed them
	for _, s := range dw.ids[:len(doc.Tokens)] {
		wc[s]++
	}
	pr := positionRank(doc, dw, cands)
	if pr == nil && doc.Err() != nil {
		return nil
	}
	// idf of every stem of a candidate, and whether the table knows it
	idf := grow(sc.idf, ns)
	known := grow(sc.known, ns) // 0 not looked up, 1 known, -1 unknown
	tfidf := grow(sc.tfidf, len(cands))
	prs := grow(sc.prs, len(cands))
	sc.idf, sc.known, sc.tfidf, sc.prs = idf, known, tfidf, prs
	maxPR := 0.0
	for i := range cands {
		for _, w := range cands[i].words {
			if pr != nil {
				prs[i] += pr[w]
			}
			if known[w] == 0 {
				if dw.known[w] != 0 && dw.ext == e {
					idf[w], known[w] = dw.idf[w], dw.known[w]
					continue
				}
				v, ok := e.idf(dw.stems[w])
				idf[w], known[w] = v, -1
				if ok {
					known[w] = 1
				}
			}
		}
		maxPR = math.Max(maxPR, prs[i])
	}
	// how many other candidates contain each one, and how many it contains
	byKey := &dw.byKey // candidate by words, from candidates
	super := grow(sc.super, len(cands))
	sub := grow(sc.sub, len(cands))
	sc.super, sc.sub = super, sub
	for i := range cands {
		c := &cands[i]
		for a := 0; a < len(c.words); a++ {
			for b := a + 1; b <= len(c.words); b++ {
				if b-a == len(c.words) {
					continue
				}
				if k, _ := byKey.find(cands, c.words[a:b]); k >= 0 {
					super[k] += int(c.mentions)
					sub[i]++
				}
			}
		}
	}
	maxMent := int32(1)
	for i := range cands {
		maxMent = max(maxMent, cands[i].mentions)
	}
	nsen := float64(max(len(doc.Sentences), 1))
	// the share of words written with a capital: 0 in a lower-cased text
	capShare, words := 0.0, 0
	for _, k := range dw.tok[:len(doc.Tokens)] {
		if w := &dw.info[k]; w.in {
			words++
			if w.capital {
				capShare++
			}
		}
	}
	if words > 0 {
		capShare /= float64(words)
	}
	var emb []float64
	if e.Vectors != nil && e.Vectors.Dim() == wordvec.Dim {
		emb = e.embed(doc, dw, cands, wc)
	}
	flat := getFloats(len(cands) * numFeatures)
	for i := range cands {
		if i%1024 == 1023 && doc.Err() != nil {
			return nil
		}
		c := &cands[i]
		f := flat[i*numFeatures : (i+1)*numFeatures : (i+1)*numFeatures]
		clear(f) // getFloats does not
		n := float64(c.mentions)
		f[0] = log1pInt(int(c.mentions))
		f[1] = float64(c.first) / N
		if c.firstSen == 0 {
			f[2] = 1
		}
		f[3] = log1pInt(c.firstSen)
		f[4+min(len(c.words), 4)-1] = 1
		sum, mx, mn := 0.0, 0.0, math.Inf(1)
		unknown := 0.0
		for _, w := range c.words {
			if known[w] < 0 {
				unknown = 1
			}
			sum += idf[w]
			mx = math.Max(mx, idf[w])
			mn = math.Min(mn, idf[w])
		}
		f[8] = sum / float64(len(c.words))
		f[9] = mx
		f[10] = mn
		tfidf[i] = n * f[8]
		f[11] = math.Log1p(tfidf[i])
		if maxPR > 0 {
			f[13] = prs[i] / maxPR
		}
		f[15] = float64(c.capital) / n
		if c.acronym {
			f[16] = 1
		}
		f[17] = float64(c.proper) / n
		f[18] = float64(c.plural) / n
		f[19] = float64(c.maximal) / n
		if c.adj {
			f[20] = 1
		}
		if c.digit {
			f[21] = 1
		}
		f[22] = float64(c.last-c.first) / N
		f[23] = logN
		hw := c.words[len(c.words)-1]
		f[24] = log1pInt(wc[hw])
		ws := 0.0
		for _, w := range c.words {
			ws += float64(wc[w])
		}
		f[25] = math.Log1p(ws / float64(len(c.words)))
		f[26] = unknown
		f[27] = prs[i] / float64(len(c.words))
		if maxPR > 0 {
			f[27] /= maxPR
		}
		f[28] = idf[hw]
		f[29] = log1pInt(super[i])
		f[30] = log1pInt(sub[i])
		f[31] = 1
		f[32] = n / float64(maxMent)
		f[33] = float64(c.firstSen) / nsen
		f[38] = capShare
		if emb != nil {
			f[34], f[35], f[37] = emb[3*i], emb[3*i+1], emb[3*i+2]
		}
	}
	sc.rankInto(flat, tfidf, 12)
	sc.rankInto(flat, prs, 14)
	if emb != nil {
		sim := grow(sc.sim, len(cands))
		sc.sim = sim
		for i := range sim {
			sim[i] = emb[3*i]
		}
		sc.rankInto(flat, sim, 36)
	}
	return flat
}

// log1pTable holds math.Log1p(k) for small k: most features are the
// log1p of a count or a rank.
var log1pTable = func() *[1024]float64 {
	var t [1024]float64
	for k := range t {
		t[k] = math.Log1p(float64(k))
	}
	return &t
}()

// log1pInt is math.Log1p(float64(k)), the same value.
func log1pInt(k int) float64 {
	if uint(k) < uint(len(log1pTable)) {
		return log1pTable[k]
	}
	return math.Log1p(float64(k))
}

// byValue returns the indices of v ordered by value, largest first, ties
// in index order (the order of a stable sort; -0 equals 0, NaN comes
// last). It is a radix sort of the values' order-preserving bit patterns,
// a byte at a time (stable, so ties keep their index order), skipping the
// bytes every value shares.
func byValue(v []float64) []int { return new(scratch).byValue(v) }

// byValue is byValue in sc's buffers: the result is good until the next
// call.
func (sc *scratch) byValue(v []float64) []int {
	n := len(v)
	keys := grow(sc.keys, 2*n)
	idx := grow(sc.idx, 2*n)
	sc.keys, sc.idx = keys, idx
	k, k2 := keys[:n], keys[n:]
	ix, ix2 := idx[:n], idx[n:]
	var and, or uint64 = ^uint64(0), 0
	for i, x := range v {
		k[i] = descKey(x)
		ix[i] = int32(i)
		and &= k[i]
		or |= k[i]
	}
	if out, ok := sc.packedSort(k, and^or); ok {
		return out
	}
	var count [256]int32
	for shift := uint(0); shift < 64; shift += 8 {
		if (and^or)>>shift&0xff == 0 {
			continue // every key has the same byte here
		}
		count = [256]int32{}
		for _, x := range k {
			count[x>>shift&0xff]++
		}
		sum := int32(0)
		for b, c := range count {
			count[b] = sum
			sum += c
		}
		for j, x := range k {
			b := x >> shift & 0xff
			p := count[b]
			count[b]++
			k2[p], ix2[p] = x, ix[j]
		}
		k, k2 = k2, k
		ix, ix2 = ix2, ix
	}
	out := grow(sc.bv, n)
	sc.bv = out
	for j, i := range ix {
		out[j] = int(i)
	}
	return out
}

// packedSort is byValue for the keys k (descKey of the values; diff has
// a bit set where two keys differ) as a sort of single uint64s: the bits
// below the keys' common leading bits, then the index in the lowest bits
// (ties thus in index order). When those low bits held key bits too, keys
// that differ only there would be ordered by index: packedSort checks
// that every two neighbours with the same upper bits have the same key,
// and reports false otherwise (and for more than 2^16 keys), for the
// radix sort.
func (sc *scratch) packedSort(k []uint64, diff uint64) ([]int, bool) {
	n := len(k)
	if n > 1<<16 {
		return nil, false
	}
	ib := uint(bits64.Len(uint(n))) // index bits
	c := uint(bits64.LeadingZeros64(diff))
	mask := uint64(1)<<ib - 1
	p := grow(sc.packed, n)
	sc.packed = p
	for i, x := range k {
		p[i] = (x<<c)&^mask | uint64(i)
	}
	slices.Sort(p)
	if c < ib { // key bits were dropped: check the neighbours
		for j := 1; j < n; j++ {
			if (p[j-1]^p[j])&^mask == 0 && k[p[j-1]&mask] != k[p[j]&mask] {
				return nil, false
			}
		}
	}
	out := grow(sc.bv, n)
	sc.bv = out
	for j, x := range p {
		out[j] = int(x & mask)
	}
	return out, true
}

// descKey maps x to a key whose increasing order is the decreasing order
// of the values (cmp.Compare's: -0 = 0, NaN below everything).
func descKey(x float64) uint64 {
	if x != x {
		return ^uint64(0)
	}
	if x == 0 {
		x = 0 // -0
	}
	u := math.Float64bits(x)
	if u>>63 != 0 {
		u = ^u
	} else {
		u |= 1 << 63
	}
	return ^u
}

// scratch holds the per-document buffers of features, positionRank and
// byValue, kept in docWords and so reused from one document to the next.
type scratch struct {
	wc, super, sub, bv                                      []int
	idf, tfidf, prs, out, bias, score, next, f, res         []float64
	known                                                   []int8
	inCand                                                  []bool
	node, stemOf, seq, occStart, occ, fill, start, cnt, ord []int32
	touched, pos, idx                                       []int32
	bits, keys, packed                                      []uint64
	p, q, sq                                                []float64
	sim, emb                                                []float64
	dD, dL, sn                                              []float32
	hasVec                                                  []int8
	row                                                     []int32
	touch                                                   int8
}

// rankInto stores in column col each value's rank (0 best) divided by the count.
func (sc *scratch) rankInto(X []float64, v []float64, col int) {
	for r, i := range sc.byValue(v) {
		X[i*numFeatures+col] = log1pInt(r)
	}
}

// positionRank runs a position-biased PageRank (Florescu & Caragea 2017) over
// the stems of candidate words: edges join stems that occur within a window
// of the candidate-word sequence, and the teleport vector favours early words.
// It returns the score of every stem id (0 for stems outside the graph), nil
// when the graph is empty or doc.Err is set.
func positionRank(doc *text.Document, dw *docWords, cands []candidate) []float64 {
	ns := len(dw.stems)
	sc := &dw.scr
	// inCand: the stem is in a candidate and not a stopword (looked up
	// once per stem, not per token)
	inCand := grow(sc.inCand, ns)
	sc.inCand = inCand
	for i := range cands {
		for _, w := range cands[i].words {
			inCand[w] = true
		}
	}
	for s, ok := range inCand {
		if ok && stopwords[dw.stems[s]] {
			inCand[s] = false
		}
	}
	// node ids in order of first occurrence
	node := grow(sc.node, ns)
	sc.node = node
	for i := range node {
		node[i] = -1
	}
	stemOf := sc.stemOf[:0] // node -> stem id
	seq := sc.seq[:0]
	bias := sc.bias[:0]
	for i, s := range dw.ids[:len(doc.Tokens)] { // the tokens' stem ids (candidates)
		if !inCand[s] {
			continue
		}
		k := node[s]
		if k < 0 {
			k = int32(len(stemOf))
			node[s] = k
			stemOf = append(stemOf, s)
			bias = append(bias, 0)
		}
		seq = append(seq, k)
		bias[k] += 1 / float64(i+1)
	}
	sc.stemOf, sc.seq, sc.bias = stemOf, seq, bias
	n := len(stemOf)
	if n == 0 {
		return nil
	}
	// Edge weights: co-occurrences of two nodes less than window apart in
	// seq, both ways. Rows are gathered node by node from its occurrences
	// (occStart/occ, a counting sort of seq) and kept in neighbour order.
	const window = prWindow
	occStart := grow(sc.occStart, n+1)
	sc.occStart = occStart
	for _, k := range seq {
		occStart[k+1]++
	}
	for k := 0; k < n; k++ {
		occStart[k+1] += occStart[k]
	}
	occ := grow(sc.occ, len(seq))
	fill := append(sc.fill[:0], occStart[:n]...)
	sc.occ, sc.fill = occ, fill
	for p, k := range seq {
		occ[fill[k]] = int32(p)
		fill[k]++
	}
	start := grow(sc.start, n+1)
	sc.start = start
	// at most 2(window-1) neighbours per position
	nbr := getInts(2 * (window - 1) * len(seq))
	wt := getFloats(2 * (window - 1) * len(seq))
	defer func() { putInts(nbr); putFloats(wt) }()
	e := 0            // edges so far
	en, ew := nbr, wt // (not the variables the deferred call reads)
	out := grow(sc.out, n)
	sc.out = out
	// A row is gathered in cnt (co-occurrences by neighbour) and read out
	// in increasing neighbour order, as the sums below must run: through a
	// bitmap of the neighbours when the graph is small, else by sorting.
	cnt := grow(sc.cnt, n)
	sc.cnt = cnt
	var bits []uint64
	if n <= 4096 {
		bits = grow(sc.bits, (n+63)/64)
		sc.bits = bits
	}
	touched := sc.touched[:0]
	defer func() { sc.touched = touched }()
	for a := 0; a < n; a++ {
		if a%4096 == 4095 && doc.Err() != nil {
			return nil
		}
		if bits != nil {
			var sum float64
			e, sum = bitmapRow(int32(a), occ[occStart[a]:occStart[a+1]], seq, bits, cnt, en, ew, e)
			out[a] = sum
			start[a+1] = int32(e)
			continue
		}
		touched = touched[:0]
		for _, p := range occ[occStart[a]:occStart[a+1]] {
			for j := max(int(p)-window+1, 0); j < len(seq) && j < int(p)+window; j++ {
				b := seq[j]
				if b == int32(a) {
					continue
				}
				if cnt[b] == 0 {
					touched = append(touched, b)
				}
				cnt[b]++
			}
		}
		// the row, in increasing neighbour order; its sum from 0 in that order
		sum := 0.0
		slices.Sort(touched)
		for _, b := range touched {
			w := float64(cnt[b])
			cnt[b] = 0
			en[e], ew[e] = b, w
			e++
			sum += w
		}
		out[a] = sum
		start[a+1] = int32(e)
	}
	nbr, wt = nbr[:e], wt[:e]
	bs := 0.0
	for _, b := range bias {
		bs += b
	}
	for i := range bias {
		bias[i] /= bs
	}
	// The fixed point of s = (1-d) bias + d W D⁻¹ s (W the symmetric
	// co-occurrence weights, D their row sums) is found by conjugate
	// gradients on the symmetric positive definite system
	// (I - d D^-½ W D^-½) y = (1-d) D^-½ bias, s = D^½ y, until the
	// residual in s, the change one PageRank iteration would make,
	// is below prEpsilon in L1. Nodes without neighbours keep (1-d) bias.
	const d = 0.85
	score := grow(sc.score, n)
	r := grow(sc.next, n)
	p := grow(sc.p, n)
	q := grow(sc.q, n)
	sq := grow(sc.sq, n)
	f := grow(sc.f, n)
	sc.score, sc.next, sc.p, sc.q, sc.f = score, r, p, q, f
	sc.sq = sq
	rr := 0.0
	for i, o := range out {
		if o > 0 {
			sq[i] = math.Sqrt(o)
			r[i] = (1 - d) * bias[i] / sq[i]
			p[i] = r[i]
			rr += r[i] * r[i]
		}
	}
	// the nodes by decreasing number of neighbours (a counting sort)
	ord := grow(sc.ord, n)
	sc.ord = ord
	{
		maxDeg := int32(0)
		for a := 0; a < n; a++ {
			maxDeg = max(maxDeg, start[a+1]-start[a])
		}
		pos := grow(sc.pos, int(maxDeg)+2)
		sc.pos = pos
		for a := 0; a < n; a++ {
			pos[maxDeg-(start[a+1]-start[a])+1]++
		}
		for i := 1; i < len(pos); i++ {
			pos[i] += pos[i-1]
		}
		for a := 0; a < n; a++ {
			k := maxDeg - (start[a+1] - start[a])
			ord[pos[k]] = int32(a)
			pos[k]++
		}
	}
	for it := 0; it < prIterations && rr > 0; it++ {
		if doc.Err() != nil {
			return nil
		}
		// q = A p
		for i, v := range p {
			if sq[i] > 0 {
				f[i] = v / sq[i]
			}
		}
		pullRows(f, q, ord, start, nbr, wt)
		pq := 0.0
		for i, v := range p {
			if sq[i] > 0 {
				q[i] = v - d*q[i]/sq[i]
				pq += v * q[i]
			}
		}
		if !(pq > 0) {
			break
		}
		alpha := rr / pq
		rr1, l1 := 0.0, 0.0
		for i := range p {
			score[i] += alpha * p[i]
			r[i] -= alpha * q[i]
			rr1 += r[i] * r[i]
			l1 += math.Abs(r[i]) * sq[i]
		}
		prIters.Add(1)
		if l1 < prEpsilon {
			break
		}
		beta := rr1 / rr
		rr = rr1
		for i := range p {
			p[i] = r[i] + beta*p[i]
		}
	}
	for i := range score {
		if sq[i] > 0 {
			score[i] *= sq[i]
		} else {
			score[i] = (1 - d) * bias[i]
		}
	}
	res := grow(sc.res, ns)
	sc.res = res
	for k, s := range stemOf {
		res[s] = score[k]
	}
	return res
}

// bitmapRow gathers the row of node a, whose occurrences in seq are
// occ: every node less than window positions from one of them, with the
// number of times it is (cnt, marked in bits), then writes the row out
// in increasing neighbour order to en and ew from e, leaving bits and
// cnt zero. It returns the new end e and the row's sum (from 0, in that
// order). A function of its own, so that its loops have registers for
// their pointers (inside positionRank they were read from the stack);
// the counts are read and written without bounds checks: every node in
// seq, a included, is less than len(cnt) <= 64 len(bits).
func bitmapRow(a int32, occ, seq []int32, bits []uint64, cnt, en []int32, ew []float64, e int) (int, float64) {
	const window = prWindow
	if len(cnt) > 64*len(bits) || int(a) >= len(cnt) {
		panic("keyphrase: bitmapRow: inconsistent buffers")
	}
	bp := unsafe.Pointer(unsafe.SliceData(bits))
	cp := unsafe.Pointer(unsafe.SliceData(cnt))
	// branch-free: setting a bit twice is harmless, and the node's own
	// occurrences (counted too) are taken out after the loop
	for _, p := range occ {
		for _, b := range seq[max(int(p)-window+1, 0):min(int(p)+window, len(seq))] {
			*(*uint64)(unsafe.Add(bp, uintptr(b>>6)*8)) |= 1 << (b & 63)
			*(*int32)(unsafe.Add(cp, uintptr(b)*4))++
		}
	}
	bits[a>>6] &^= 1 << (a & 63)
	cnt[a] = 0
	sum := 0.0
	for i, x := range bits {
		for x != 0 {
			b := int32(i*64 + bits64.TrailingZeros64(x))
			x &= x - 1
			w := float64(*(*int32)(unsafe.Add(cp, uintptr(b)*4)))
			*(*int32)(unsafe.Add(cp, uintptr(b)*4)) = 0
			en[e], ew[e] = b, w
			e++
			sum += w
		}
		bits[i] = 0
	}
	return e, sum
}

// pullRows sets next[b] to the sum of f[k] w(b, k) over the row of every
// node b, rows taken in the order ord (rows of about the same length
// together), four at a time: four independent chains of additions, each
// row's in its own order (the four rows' common length, then each one's
// rest). Nothing is bounds-checked in the loops: ord is a permutation of
// the nodes 0..len(ord)-1, len(start) = len(ord)+1, start is
// nondecreasing and at most len(nbr) = len(wt), and every neighbour in
// nbr is a node id, less than len(f) and len(next).
func pullRows(f, next []float64, ord, start, nbr []int32, wt []float64) {
	n := len(ord)
	if len(start) != n+1 || len(f) < n || len(next) < n || len(wt) != len(nbr) || n > 0 && int(start[n]) > len(nbr) {
		panic("keyphrase: pullRows: inconsistent graph")
	}
	fp := unsafe.Pointer(unsafe.SliceData(f))
	sp := unsafe.Pointer(unsafe.SliceData(start))
	np := unsafe.Pointer(unsafe.SliceData(nbr))
	wp := unsafe.Pointer(unsafe.SliceData(wt))
	// where the neighbours and the weights of row b start
	row := func(b int32) (unsafe.Pointer, unsafe.Pointer) {
		s := uintptr(i32At(sp, b))
		return unsafe.Add(np, s*4), unsafe.Add(wp, s*8)
	}
	length := func(b int32) int { return int(i32At(sp, b+1) - i32At(sp, b)) }
	j := 0
	for ; j+4 <= n; j += 4 {
		o := ord[j : j+4 : j+4]
		b0, b1, b2, b3 := o[0], o[1], o[2], o[3]
		l0, l1, l2, l3 := length(b0), length(b1), length(b2), length(b3)
		m := min(l0, l1, l2, l3)
		p0, q0 := row(b0)
		p1, q1 := row(b1)
		p2, q2 := row(b2)
		p3, q3 := row(b3)
		v0, v1, v2, v3 := dot4(fp, p0, p1, p2, p3, q0, q1, q2, q3, m)
		next[b0] = dot(fp, v0, unsafe.Add(p0, m*4), unsafe.Add(q0, m*8), l0-m)
		next[b1] = dot(fp, v1, unsafe.Add(p1, m*4), unsafe.Add(q1, m*8), l1-m)
		next[b2] = dot(fp, v2, unsafe.Add(p2, m*4), unsafe.Add(q2, m*8), l2-m)
		next[b3] = dot(fp, v3, unsafe.Add(p3, m*4), unsafe.Add(q3, m*8), l3-m)
	}
	for ; j < n; j++ {
		b := ord[j]
		p, q := row(b)
		next[b] = dot(fp, 0, p, q, length(b))
	}
}

// dot4 returns the four sums of f[c_r[i]] x_r[i] over i < m, in order, for
// the neighbours c_r and weights x_r at p_r and q_r (fp is f's data
// pointer): a function of its own, so that its loop has a register for
// each pointer.
func dot4(fp, p0, p1, p2, p3, q0, q1, q2, q3 unsafe.Pointer, m int) (v0, v1, v2, v3 float64) {
	for i := 0; i < m; i++ {
		v0 += fAt(fp, *(*int32)(unsafe.Add(p0, i*4))) * *(*float64)(unsafe.Add(q0, i*8))
		v1 += fAt(fp, *(*int32)(unsafe.Add(p1, i*4))) * *(*float64)(unsafe.Add(q1, i*8))
		v2 += fAt(fp, *(*int32)(unsafe.Add(p2, i*4))) * *(*float64)(unsafe.Add(q2, i*8))
		v3 += fAt(fp, *(*int32)(unsafe.Add(p3, i*4))) * *(*float64)(unsafe.Add(q3, i*8))
	}
	return
}

// dot returns v plus the sum of f[c[i]] x[i] over i < m, in order, for the
// neighbours c at p and the weights x at q.
func dot(fp unsafe.Pointer, v float64, p, q unsafe.Pointer, m int) float64 {
	for i := 0; i < m; i++ {
		v += fAt(fp, *(*int32)(unsafe.Add(p, i*4))) * *(*float64)(unsafe.Add(q, i*8))
	}
	return v
}

// i32At is s[k] for s's data pointer sp, without a bounds check: the
// caller knows that k indexes s.
func i32At(sp unsafe.Pointer, k int32) int32 {
	return *(*int32)(unsafe.Add(sp, uintptr(k)*4))
}

// fAt is f[k] for f's data pointer fp, without a bounds check: the caller
// knows that k indexes f.
func fAt(fp unsafe.Pointer, k int32) float64 {
	return *(*float64)(unsafe.Add(fp, uintptr(k)*8))
}

// prWindow is PositionRank's co-occurrence window: nodes less than
// prWindow positions apart in the sequence of candidate words are joined.
const prWindow = 10

// PageRank stops once one more power iteration would change the scores
// (which sum to at most 1) by less than prEpsilon in L1, or after
// prIterations. Conjugate gradients get there in 12 iterations on the
// 600-word article, where the power iteration took 24 (about 10 instead
// of 21 on BBC news articles); the eval figures (KPCrowd dev, Inspec
// test) are unchanged to the digit. prIters counts the iterations run,
// for the tests.
var (
	prIterations = 30
	prEpsilon    = 1e-5
	prIters      atomic.Int64
)

// Pools of the large per-document buffers (feature rows, graph edges), so
// that a steady stream of articles does not allocate them anew. Buffers
// over maxPooled values are left to the collector.
var (
	floatPool sync.Pool // *[]float64
	intPool   sync.Pool // *[]int32
)

const maxPooled = 1 << 20

// getFloats returns n values, from the pool when it has room for them:
// not zeros then, but what the last user left (the caller writes each
// before it reads it, so that memory it does not use is not touched).
func getFloats(n int) []float64 {
	if p, ok := floatPool.Get().(*[]float64); ok && cap(*p) >= n {
		return (*p)[:n]
	}
	return make([]float64, n)
}

func putFloats(b []float64) {
	if cap(b) <= maxPooled {
		floatPool.Put(&b)
	}
}

// getInts returns n values, from the pool when it has room for them (not
// zeros then: see getFloats).
func getInts(n int) []int32 {
	if p, ok := intPool.Get().(*[]int32); ok && cap(*p) >= n {
		return (*p)[:n]
	}
	return make([]int32, n)
}

func putInts(b []int32) {
	if cap(b) <= maxPooled {
		intPool.Put(&b)
	}
}
