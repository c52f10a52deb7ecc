package wordclusters

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Tokenize splits raw text into CoNLL-like tokens for clustering:
// whitespace, then leading and trailing punctuation, then 's and n't.
func Tokenize(s string, out []string) []string {
	for _, f := range strings.Fields(s) {
		var tail []string
		for len(f) > 0 && isPunct(f[0]) {
			out = append(out, f[:1])
			f = f[1:]
		}
		for len(f) > 0 && isPunct(f[len(f)-1]) {
			// keep the final period of an abbreviation like U.S.
			if f[len(f)-1] == '.' && strings.Count(f, ".") > 1 {
				break
			}
			tail = append(tail, f[len(f)-1:])
			f = f[:len(f)-1]
		}
		if len(f) > 0 {
			lf := strings.ToLower(f)
			switch {
			case strings.HasSuffix(lf, "n't") && len(f) > 3:
				out = append(out, f[:len(f)-3], f[len(f)-3:])
			case (strings.HasSuffix(lf, "'s") || strings.HasSuffix(lf, "'d") || strings.HasSuffix(lf, "'m")) && len(f) > 2:
				out = append(out, f[:len(f)-2], f[len(f)-2:])
			case (strings.HasSuffix(lf, "'re") || strings.HasSuffix(lf, "'ve") || strings.HasSuffix(lf, "'ll")) && len(f) > 3:
				out = append(out, f[:len(f)-3], f[len(f)-3:])
			default:
				out = append(out, f)
			}
		}
		for i := len(tail) - 1; i >= 0; i-- {
			out = append(out, tail[i])
		}
	}
	return out
}

func isPunct(c byte) bool {
	return c < 128 && !unicode.IsLetter(rune(c)) && !unicode.IsDigit(rune(c))
}

// Norm maps digits to 0 so that numbers share clusters.
func Norm(w string) string {
	if strings.IndexAny(w, "0123456789") < 0 {
		return w
	}
	b := []byte(w)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// Options tunes Build.
type Options struct {
	MinCount   int   // vocabulary words seen at least this often
	MaxWords   int   // vocabulary cap
	Contexts   int   // context words (most frequent, lower-cased)
	K          []int // cluster counts, finest first
	Iterations int
	Log        func(format string, args ...any)
}

// Build clusters the words of sentences (each a token list) and returns,
// for each vocabulary word, its cluster id at each granularity of opt.K.
// Vectors are positive PMI counts of the words at offsets -2..2, randomly
// projected; clusters come from spherical k-means, coarser levels from
// clustering the finer centroids.
func Build(sents [][]string, opt Options) map[string][]uint16 {
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	wc := map[string]int{}
	lc := map[string]int{}
	total := 0
	for _, s := range sents {
		for _, w := range s {
			wc[w]++
			lc[strings.ToLower(w)]++
			total++
		}
	}
	vocab := make([]string, 0, len(wc))
	for w, c := range wc {
		if c >= opt.MinCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if wc[vocab[i]] != wc[vocab[j]] {
			return wc[vocab[i]] > wc[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	if len(vocab) > opt.MaxWords {
		vocab = vocab[:opt.MaxWords]
	}
	vid := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		vid[w] = int32(i)
	}
	ctxw := make([]string, 0, len(lc))
	for w := range lc {
		ctxw = append(ctxw, w)
	}
	sort.Slice(ctxw, func(i, j int) bool {
		if lc[ctxw[i]] != lc[ctxw[j]] {
			return lc[ctxw[i]] > lc[ctxw[j]]
		}
		return ctxw[i] < ctxw[j]
	})
	if len(ctxw) > opt.Contexts {
		ctxw = ctxw[:opt.Contexts]
	}
	cid := make(map[string]int32, len(ctxw))
	for i, w := range ctxw {
		cid[w] = int32(i)
	}
	nctx := int32(len(ctxw)) + 1 // last = other
	logf("tokens %d, vocabulary %d, contexts %d", total, len(vocab), nctx)
	// pairs word*ctxDims + ctx
	offs := []int{-2, -1, 1, 2}
	dims := int64(nctx) * int64(len(offs))
	var pairs []uint64
	for _, s := range sents {
		ids := make([]int32, len(s)+4)
		for i := range ids {
			ids[i] = nctx - 1
		}
		for i, w := range s {
			if c, ok := cid[strings.ToLower(w)]; ok {
				ids[i+2] = c
			}
		}
		for i, w := range s {
			v, ok := vid[w]
			if !ok {
				continue
			}
			for k, o := range offs {
				c := ids[i+2+o]
				pairs = append(pairs, uint64(int64(v)*dims+int64(k)*int64(nctx)+int64(c)))
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i] < pairs[j] })
	logf("pairs %d", len(pairs))
	// marginals
	ctxCount := make([]float64, dims)
	wordCount := make([]float64, len(vocab))
	for _, p := range pairs {
		ctxCount[p%uint64(dims)]++
		wordCount[p/uint64(dims)]++
	}
	var ctxTot float64
	for i := range ctxCount {
		ctxCount[i] = math.Pow(ctxCount[i], 0.75)
		ctxTot += ctxCount[i]
	}
	// sparse PPMI rows
	type entry struct {
		d int32
		v float32
	}
	rows := make([][]entry, len(vocab))
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		p := pairs[i]
		w, c := p/uint64(dims), p%uint64(dims)
		cnt := float64(j - i)
		pmi := math.Log(cnt * ctxTot / (wordCount[w] * ctxCount[c]))
		if pmi > 0 && c%uint64(nctx) != uint64(nctx-1) {
			rows[w] = append(rows[w], entry{int32(c), float32(pmi)})
		}
		i = j
	}
	pairs = nil
	for _, r := range rows {
		var s float64
		for _, e := range r {
			s += float64(e.v) * float64(e.v)
		}
		if s > 0 {
			n := float32(1 / math.Sqrt(s))
			for k := range r {
				r[k].v *= n
			}
		}
	}
	logf("vectors done")
	D := int(dims)
	out := make(map[string][]uint16, len(vocab))
	for _, w := range vocab {
		out[w] = make([]uint16, len(opt.K))
	}
	// level 0: sparse spherical k-means over the words
	sp := make([][]int32, len(rows))
	sv := make([][]float32, len(rows))
	for i, r := range rows {
		for _, e := range r {
			sp[i] = append(sp[i], e.d)
			sv[i] = append(sv[i], e.v)
		}
	}
	assign, cents := kmeansSparse(sp, sv, wordCount, D, opt.K[0], opt.Iterations, 1, logf)
	for i, w := range vocab {
		out[w][0] = uint16(assign[i])
	}
	// coarser levels cluster the centroids (dense rows of D)
	weights := make([]float64, opt.K[0])
	for i, c := range assign {
		weights[c] += wordCount[i]
	}
	for lvl := 1; lvl < len(opt.K); lvl++ {
		k := opt.K[lvl]
		n := len(cents) / D
		sp = make([][]int32, n)
		sv = make([][]float32, n)
		for c := 0; c < n; c++ {
			for d := 0; d < D; d++ {
				if v := cents[d*n+c]; v != 0 {
					sp[c] = append(sp[c], int32(d))
					sv[c] = append(sv[c], v)
				}
			}
		}
		a, nc := kmeansSparse(sp, sv, weights, D, k, opt.Iterations, uint64(lvl+1), logf)
		nw := make([]float64, k)
		for c, x := range a {
			nw[x] += weights[c]
		}
		for i := range assign {
			assign[i] = a[assign[i]]
		}
		for i, w := range vocab {
			out[w][lvl] = uint16(assign[i])
		}
		cents, weights = nc, nw
	}
	return out
}

// kmeansSparse runs spherical k-means over unit rows given as sparse
// (index, value) lists. Centroids are returned dimension-major: c[d*k+j].
func kmeansSparse(idx [][]int32, val [][]float32, weights []float64, D, k, iters int, seed uint64, logf func(string, ...any)) ([]int, []float32) {
	n := len(idx)
	rng := rand.New(rand.NewPCG(seed, 7))
	cents := make([]float32, D*k)
	perm := rng.Perm(n)
	for c := 0; c < k; c++ {
		p := perm[c%n]
		if c < k/2 {
			p = c % n // the most frequent words seed half the clusters
		}
		for j, d := range idx[p] {
			cents[int(d)*k+c] = val[p][j]
		}
	}
	assign := make([]int, n)
	workers := 2
	for it := 0; it < iters; it++ {
		var wg sync.WaitGroup
		changed := make([]int, workers)
		for g := 0; g < workers; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				s := make([]float32, k)
				for i := g; i < n; i += workers {
					for c := range s {
						s[c] = 0
					}
					for j, d := range idx[i] {
						v := val[i][j]
						row := cents[int(d)*k : int(d+1)*k]
						for c, x := range row {
							s[c] += v * x
						}
					}
					best := 0
					for c, x := range s {
						if x > s[best] {
							best = c
						}
					}
					if assign[i] != best {
						changed[g]++
					}
					assign[i] = best
				}
			}(g)
		}
		wg.Wait()
		for i := range cents {
			cents[i] = 0
		}
		counts := make([]int, k)
		for i, c := range assign {
			wt := float32(math.Log1p(weights[i]))
			for j, d := range idx[i] {
				cents[int(d)*k+c] += wt * val[i][j]
			}
			counts[c]++
		}
		norms := make([]float64, k)
		for d := 0; d < D; d++ {
			for c, x := range cents[d*k : (d+1)*k] {
				norms[c] += float64(x) * float64(x)
			}
		}
		for c := 0; c < k; c++ {
			if counts[c] == 0 {
				p := rng.IntN(n)
				for j, d := range idx[p] {
					cents[int(d)*k+c] = val[p][j]
				}
				norms[c] = 1
			}
		}
		for d := 0; d < D; d++ {
			row := cents[d*k : (d+1)*k]
			for c := range row {
				if norms[c] > 0 {
					row[c] /= float32(math.Sqrt(norms[c]))
				}
			}
		}
		logf("k=%d iteration %d changed %d", k, it, changed[0]+changed[1])
	}
	return assign, cents
}
