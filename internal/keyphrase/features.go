package keyphrase

import (
	"math"
	"sort"
	"strings"

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
}

// numFeatures is the length of a feature vector.
var numFeatures = len(featureNames)

// features returns one feature vector per candidate.
func (e *Extractor) features(doc *text.Document, cands []*candidate, stems []string) [][]float64 {
	N := float64(max(len(doc.Tokens), 1))
	// document frequencies of stems
	wc := make(map[string]int)
	for _, s := range stems {
		wc[s]++
	}
	pr := positionRank(cands, stems, doc)
	out := make([][]float64, len(cands))
	tfidf := make([]float64, len(cands))
	prs := make([]float64, len(cands))
	maxPR := 0.0
	for i, c := range cands {
		for _, w := range c.words {
			prs[i] += pr[w]
		}
		maxPR = math.Max(maxPR, prs[i])
	}
	// how many other candidates contain each one, and how many it contains
	super := make(map[string]int)
	sub := make(map[string]int)
	keys := make(map[string]bool, len(cands))
	for _, c := range cands {
		keys[c.key] = true
	}
	for _, c := range cands {
		for a := 0; a < len(c.words); a++ {
			for b := a + 1; b <= len(c.words); b++ {
				if b-a == len(c.words) {
					continue
				}
				k := strings.Join(c.words[a:b], " ")
				if keys[k] {
					super[k] += len(c.mentions)
					sub[c.key]++
				}
			}
		}
	}
	for i, c := range cands {
		f := make([]float64, numFeatures)
		n := float64(len(c.mentions))
		f[0] = math.Log1p(n)
		f[1] = float64(c.first) / N
		if c.firstSen == 0 {
			f[2] = 1
		}
		f[3] = math.Log1p(float64(c.firstSen))
		f[4+min(len(c.words), 4)-1] = 1
		sum, mx, mn := 0.0, 0.0, math.Inf(1)
		unknown := 0.0
		for _, w := range c.words {
			idf, known := e.idf(w)
			if !known {
				unknown = 1
			}
			sum += idf
			mx = math.Max(mx, idf)
			mn = math.Min(mn, idf)
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
		f[23] = math.Log(N)
		f[24] = math.Log1p(float64(wc[c.words[len(c.words)-1]]))
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
		f[28], _ = e.idf(c.words[len(c.words)-1])
		f[29] = math.Log1p(float64(super[c.key]))
		f[30] = math.Log1p(float64(sub[c.key]))
		f[31] = 1
		out[i] = f
	}
	rankInto(out, tfidf, 12)
	rankInto(out, prs, 14)
	return out
}

// rankInto stores in column col each value's rank (0 best) divided by the count.
func rankInto(out [][]float64, v []float64, col int) {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] > v[idx[b]] })
	for r, i := range idx {
		out[i][col] = math.Log1p(float64(r))
	}
}

// positionRank runs a position-biased PageRank (Florescu & Caragea 2017) over
// the stems of candidate words: edges join stems that occur within a window
// of the candidate-word sequence, and the teleport vector favours early words.
func positionRank(cands []*candidate, stems []string, doc *text.Document) map[string]float64 {
	inCand := make(map[string]bool)
	for _, c := range cands {
		for _, w := range c.words {
			inCand[w] = true
		}
	}
	id := make(map[string]int)
	var seq []int
	var bias []float64
	for i, s := range stems {
		if !inCand[s] || stopwords[s] {
			continue
		}
		k, ok := id[s]
		if !ok {
			k = len(id)
			id[s] = k
			bias = append(bias, 0)
		}
		seq = append(seq, k)
		bias[k] += 1 / float64(i+1)
	}
	n := len(id)
	if n == 0 {
		return nil
	}
	const window = 10
	type edge struct {
		a, b int32
	}
	weights := make(map[edge]float64)
	for i, a := range seq {
		for j := i + 1; j < len(seq) && j < i+window; j++ {
			if b := seq[j]; b != a {
				weights[edge{int32(a), int32(b)}]++
				weights[edge{int32(b), int32(a)}]++
			}
		}
	}
	// compressed rows: start[i]..start[i+1] index nbr/wt
	start := make([]int, n+1)
	for e := range weights {
		start[e.a+1]++
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	nbr := make([]int32, len(weights))
	wt := make([]float64, len(weights))
	fill := append([]int(nil), start[:n]...)
	out := make([]float64, n)
	// visit edges in a fixed order so that scores do not depend on map order
	edges := make([]edge, 0, len(weights))
	for e := range weights {
		edges = append(edges, e)
	}
	sort.Slice(edges, func(i, j int) bool {
		return edges[i].a < edges[j].a || edges[i].a == edges[j].a && edges[i].b < edges[j].b
	})
	for _, e := range edges {
		w := weights[e]
		k := fill[e.a]
		fill[e.a]++
		nbr[k], wt[k] = e.b, w
		out[e.a] += w
	}
	bs := 0.0
	for _, b := range bias {
		bs += b
	}
	for i := range bias {
		bias[i] /= bs
	}
	const d = 0.85
	score := make([]float64, n)
	next := make([]float64, n)
	for i := range score {
		score[i] = 1 / float64(n)
	}
	for it := 0; it < 30; it++ {
		for i := range next {
			next[i] = (1 - d) * bias[i]
		}
		for i := 0; i < n; i++ {
			if out[i] == 0 {
				continue
			}
			f := d * score[i] / out[i]
			for k := start[i]; k < start[i+1]; k++ {
				next[nbr[k]] += f * wt[k]
			}
		}
		score, next = next, score
	}
	res := make(map[string]float64, n)
	for s, k := range id {
		res[s] = score[k]
	}
	return res
}
