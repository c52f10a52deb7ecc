package main

import (
	"fmt"
	"html"
	"io/fs"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/lector-nlp/lector/internal/corpus"
	"github.com/lector-nlp/lector/internal/text"
)

// Word clusters from unlabelled news: PPMI co-occurrence vectors (window
// ±5, context words = the most frequent words), randomly projected to a few
// hundred dimensions, then spherical k-means. They let the classifier
// generalise from a training word to words used the same way.

// readCorpus returns the lower-cased token streams (one per article) of the
// Reuters-21578 and Reuters C50 texts under dataDir/unlabeled-news, plus
// extra texts.
func readCorpus(dataDir string, extra []string) [][]string {
	var texts []string
	base := filepath.Join(dataDir, "unlabeled-news")
	bodies, err := corpus.ReutersBodies(filepath.Join(base, "reuters21578"))
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range bodies {
		texts = append(texts, html.UnescapeString(string(b)))
	}
	filepath.WalkDir(filepath.Join(base, "reuters-c50"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			b, err := os.ReadFile(p)
			if err == nil {
				texts = append(texts, string(b))
			}
		}
		return nil
	})
	texts = append(texts, extra...)
	out := make([][]string, 0, len(texts))
	for _, t := range texts {
		toks := text.Analyze(t).Tokens
		ws := make([]string, 0, len(toks))
		for _, tk := range toks {
			ws = append(ws, normWord(tk.Text))
		}
		out = append(out, ws)
	}
	return out
}

func normWord(s string) string {
	if s != "" && unicode.IsDigit(rune(s[0])) {
		return "<num>"
	}
	return strings.ToLower(strings.ReplaceAll(s, "’", "'"))
}

// trainClusters returns word → cluster (0..k-1) for words seen at least
// minCount times.
func trainClusters(docs [][]string, k, minCount, nctx, dim int, logf func(string, ...any)) map[string]int {
	freq := map[string]int{}
	ntok := 0
	for _, d := range docs {
		for _, w := range d {
			freq[w]++
			ntok++
		}
	}
	vocab := frequentWords(freq, minCount)
	id := make(map[string]int, len(vocab))
	for i, w := range vocab {
		id[w] = i
	}
	nctx = min(nctx, len(vocab))
	V := len(vocab)
	logf("clusters: %d tokens, vocabulary %d, contexts %d", ntok, V, nctx)
	co := make([]float32, V*nctx)
	for _, d := range docs {
		ids := make([]int, len(d))
		for i, w := range d {
			if x, ok := id[w]; ok {
				ids[i] = x
			} else {
				ids[i] = -1
			}
		}
		for i, a := range ids {
			if a < 0 {
				continue
			}
			for j := max(0, i-5); j <= min(len(ids)-1, i+5); j++ {
				if j == i || ids[j] < 0 || ids[j] >= nctx {
					continue
				}
				co[a*nctx+ids[j]] += 1 / float32(abs(i-j))
			}
		}
	}
	// PPMI with context distribution smoothing (0.75)
	rowSum := make([]float64, V)
	ctxSum := make([]float64, nctx)
	var total float64
	for a := 0; a < V; a++ {
		for c := 0; c < nctx; c++ {
			v := float64(co[a*nctx+c])
			rowSum[a] += v
			ctxSum[c] += v
			total += v
		}
	}
	var ctxPow float64
	for c := range ctxSum {
		ctxSum[c] = math.Pow(ctxSum[c], 0.75)
		ctxPow += ctxSum[c]
	}
	// random projection matrix
	rng := rand.New(rand.NewPCG(11, 13))
	proj := make([]float32, nctx*dim)
	for i := range proj {
		proj[i] = float32(rng.NormFloat64())
	}
	vec := make([]float32, V*dim)
	for a := 0; a < V; a++ {
		if rowSum[a] == 0 {
			continue
		}
		out := vec[a*dim : (a+1)*dim]
		for c := 0; c < nctx; c++ {
			v := float64(co[a*nctx+c])
			if v == 0 {
				continue
			}
			pmi := math.Log(v * ctxPow / (rowSum[a] * ctxSum[c]))
			if pmi <= 0 {
				continue
			}
			p := proj[c*dim : (c+1)*dim]
			for j := range out {
				out[j] += float32(pmi) * p[j]
			}
		}
		normalize(out)
	}
	co = nil
	// spherical k-means, initialised with frequent words spread by stride
	cent := make([]float32, k*dim)
	for i := 0; i < k; i++ {
		copy(cent[i*dim:(i+1)*dim], vec[(i*V/k)*dim:])
	}
	assign := make([]int, V)
	for it := 0; it < 15; it++ {
		changed := 0
		for a := 0; a < V; a++ {
			v := vec[a*dim : (a+1)*dim]
			best, bs := 0, float32(-2)
			for c := 0; c < k; c++ {
				var s float32
				cc := cent[c*dim : (c+1)*dim]
				for j := range v {
					s += v[j] * cc[j]
				}
				if s > bs {
					best, bs = c, s
				}
			}
			if assign[a] != best {
				changed++
			}
			assign[a] = best
		}
		clear(cent)
		for a := 0; a < V; a++ {
			cc := cent[assign[a]*dim : (assign[a]+1)*dim]
			for j, x := range vec[a*dim : (a+1)*dim] {
				cc[j] += x
			}
		}
		for c := 0; c < k; c++ {
			normalize(cent[c*dim : (c+1)*dim])
		}
		logf("k-means iteration %d: %d changed", it+1, changed)
		if changed < V/500 {
			break
		}
	}
	out := make(map[string]int, V)
	for a, w := range vocab {
		out[w] = assign[a]
	}
	return out
}

func normalize(v []float32) {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return
	}
	s := float32(1 / math.Sqrt(n))
	for j := range v {
		v[j] *= s
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func readClusters(path string) map[string]int {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	out := map[string]int{}
	for _, line := range strings.Split(string(b), "\n") {
		w, c, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(c)
		if err == nil {
			out[w] = n
		}
	}
	return out
}

func writeClusters(path string, cl map[string]int) {
	var sb strings.Builder
	for w, c := range cl {
		fmt.Fprintf(&sb, "%s\t%d\n", w, c)
	}
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		log.Print(err)
	}
}

// frequentWords returns the words of freq seen at least minCount times,
// most frequent first, ties in byte order.
func frequentWords(freq map[string]int, minCount int) []string {
	var vocab []string
	for w, c := range freq {
		if c >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i]] != freq[vocab[j]] {
			return freq[vocab[i]] > freq[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	return vocab
}
