package polnear

import (
	"math"

	"github.com/lector-nlp/lector/internal/text"
)

// MaxMatch returns a one-to-one matching of the rows of w to its columns
// that has the most total weight, pairing only row and column of positive
// weight: out[i] is the column of row i, or -1. It is the Hungarian
// method, O(n²m) for n rows and m columns (a document's few dozen quotes
// take microseconds). All rows must have the same length.
func MaxMatch(w [][]int64) []int {
	n := len(w)
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	if n == 0 || len(w[0]) == 0 {
		return out
	}
	m := len(w[0])
	// the method below wants rows <= columns: solve the transpose if not
	if n > m {
		t := make([][]int64, m)
		for j := range t {
			t[j] = make([]int64, n)
			for i := range n {
				t[j][i] = w[i][j]
			}
		}
		for j, i := range MaxMatch(t) {
			if i >= 0 {
				out[i] = j
			}
		}
		return out
	}
	// minimise the cost -w over a complete matching of the rows; pairs of
	// weight <= 0 cost 0, as leaving them unpaired does, and are dropped
	// at the end
	cost := func(i, j int) int64 { return -max(w[i][j], 0) }
	const inf = math.MaxInt64 / 4
	u := make([]int64, n+1)
	v := make([]int64, m+1)
	p := make([]int, m+1) // p[j]: the row (1-based) column j is matched to
	way := make([]int, m+1)
	minv := make([]int64, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j], used[j] = inf, false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], int64(inf), 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := cost(i0-1, j-1) - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	for j := 1; j <= m; j++ {
		if i := p[j] - 1; i >= 0 && w[i][j-1] > 0 {
			out[i] = j - 1
		}
	}
	return out
}

// overlapWeight is the weight of an overlapping pair in MatchOverlap: one
// more pair always outweighs any number of shared words.
const overlapWeight = 1 << 32

// MatchOverlap matches predicted and annotated word sets one to one so that
// the most pairs overlap (see Overlaps) and, among such matchings, they
// share the most words. out[i] is the annotated set of predicted set i, or
// -1. Empty sets match nothing.
func MatchOverlap(pred, gold []map[int]bool) []int {
	return MaxMatch(weights(pred, gold, func(p, g map[int]bool) int64 {
		if len(p) == 0 || len(g) == 0 || !Overlaps(p, g) {
			return 0
		}
		return overlapWeight + int64(shared(p, g))
	}))
}

// MatchExact matches predicted and annotated word sets one to one so that
// the most pairs are equal. out[i] is the annotated set of predicted set i,
// or -1.
func MatchExact(pred, gold []map[int]bool) []int {
	return MaxMatch(weights(pred, gold, func(p, g map[int]bool) int64 {
		if len(p) == 0 || len(p) != len(g) || shared(p, g) != len(p) {
			return 0
		}
		return 1
	}))
}

// MatchedOptimal is Matched with the optimal one-to-one matching of
// MatchOverlap instead of the greedy one in text order.
func MatchedOptimal(doc *text.Document, a Article, contents []text.Span) []bool {
	gold := make([]map[int]bool, len(a.Attributions))
	for i, at := range a.Attributions {
		gold[i] = Words(doc, at.Content)
	}
	pred := make([]map[int]bool, len(contents))
	for i, c := range contents {
		pred[i] = Words(doc, []text.Span{c})
	}
	out := make([]bool, len(contents))
	for i, g := range MatchOverlap(pred, gold) {
		out[i] = g >= 0
	}
	return out
}

// SpeakerOK reports whether a found speaker is right for the annotated
// source spans: its span overlaps one of them, or one of them overlaps a
// mention of the entity it was resolved to (mentions; nil when none).
func SpeakerOK(speaker text.Span, mentions []text.Span, src []text.Span) bool {
	for _, s := range src {
		if speaker.End > 0 && speaker.Start < s.End && s.Start < speaker.End {
			return true
		}
		for _, m := range mentions {
			if m.Start < s.End && s.Start < m.End {
				return true
			}
		}
	}
	return false
}

func weights(pred, gold []map[int]bool, w func(p, g map[int]bool) int64) [][]int64 {
	out := make([][]int64, len(pred))
	for i, p := range pred {
		out[i] = make([]int64, len(gold))
		for j, g := range gold {
			out[i][j] = w(p, g)
		}
	}
	return out
}

func shared(a, b map[int]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

// ContentWords returns the word tokens a found quote's content is scored
// on: its span's words less those of its own cue and speaker when the cue
// lies inside it ("“A,” he said, “B.”" says A … B).
func ContentWords(doc *text.Document, content, cue, speaker text.Span) map[int]bool {
	w := Words(doc, []text.Span{content})
	if cue.End > content.Start && cue.Start < content.End {
		for k := range Words(doc, []text.Span{cue, speaker}) {
			delete(w, k)
		}
	}
	return w
}

// CueHits counts the found cues (a quote's cue each, uncued quotes left
// out) that an optimal one-to-one matching pairs with an annotated cue
// they overlap.
func CueHits(cues []text.Span, gold []Attribution) int {
	w := make([][]int64, 0, len(cues))
	for _, c := range cues {
		row := make([]int64, len(gold))
		for gi, g := range gold {
			for _, s := range g.Cue {
				if s.Start < c.End && c.Start < s.End {
					row[gi] = 1
				}
			}
		}
		w = append(w, row)
	}
	n := 0
	for _, gi := range MaxMatch(w) {
		if gi >= 0 {
			n++
		}
	}
	return n
}
