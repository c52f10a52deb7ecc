// Package rouge scores summaries against references with ROUGE-1, ROUGE-2 and
// summary-level ROUGE-L F1, following ROUGE-1.5.5 run with Porter stemming
// (-m) and no stopword removal: text is lower-cased, every run of characters
// other than [a-z0-9] separates tokens, and tokens longer than three
// characters are Porter-stemmed. ROUGE-L is the summary-level union-LCS
// variant (one reference highlight or summary sentence per line), with hit
// counts clipped by token frequencies as in Google's rouge-score.
package rouge

import (
	"strings"

	"github.com/lector-nlp/lector/internal/keyphrase/porter"
)

// Scores holds F1 values in [0, 1].
type Scores struct {
	R1, R2, RL float64
}

// Tokens lower-cases s, splits it on non-alphanumeric characters and stems
// tokens longer than three characters.
func Tokens(s string) []string {
	s = strings.ToLower(s)
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		alnum := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9')
		if alnum {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			w := s[start:i]
			if len(w) > 3 {
				w = porter.Stem(w)
			}
			out = append(out, w)
			start = -1
		}
	}
	return out
}

// Score compares candidate sentences with reference sentences.
func Score(candidate, reference []string) Scores {
	c := make([][]string, len(candidate))
	r := make([][]string, len(reference))
	for i, s := range candidate {
		c[i] = Tokens(s)
	}
	for i, s := range reference {
		r[i] = Tokens(s)
	}
	return ScoreTokens(c, r)
}

// ScoreTokens is Score on sentences already split by Tokens.
func ScoreTokens(candidate, reference [][]string) Scores {
	var cf, rf []string
	for _, s := range candidate {
		cf = append(cf, s...)
	}
	for _, s := range reference {
		rf = append(rf, s...)
	}
	return Scores{
		R1: ngramF1(cf, rf, 1),
		R2: ngramF1(cf, rf, 2),
		RL: lcsF1(candidate, reference, len(cf), len(rf)),
	}
}

func ngrams(toks []string, n int) map[string]int {
	m := make(map[string]int)
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m
}

func f1(hits, nc, nr int) float64 {
	if hits == 0 || nc == 0 || nr == 0 {
		return 0
	}
	p := float64(hits) / float64(nc)
	r := float64(hits) / float64(nr)
	return 2 * p * r / (p + r)
}

func ngramF1(c, r []string, n int) float64 {
	cm, rm := ngrams(c, n), ngrams(r, n)
	hits, nc, nr := 0, 0, 0
	for g, k := range cm {
		nc += k
		hits += min(k, rm[g])
	}
	for _, k := range rm {
		nr += k
	}
	return f1(hits, nc, nr)
}

// lcsF1 is the summary-level ROUGE-L: for each reference sentence the union
// of its LCS positions with every candidate sentence, hits clipped by the
// remaining token counts of the candidate and the reference.
func lcsF1(cand, ref [][]string, nc, nr int) float64 {
	if nc == 0 || nr == 0 {
		return 0
	}
	cc := make(map[string]int)
	rc := make(map[string]int)
	for _, s := range cand {
		for _, t := range s {
			cc[t]++
		}
	}
	for _, s := range ref {
		for _, t := range s {
			rc[t]++
		}
	}
	hits := 0
	for _, r := range ref {
		union := make(map[int]bool)
		for _, c := range cand {
			for _, i := range lcsIndices(r, c) {
				union[i] = true
			}
		}
		for i := range r {
			if !union[i] {
				continue
			}
			t := r[i]
			if cc[t] > 0 && rc[t] > 0 {
				hits++
				cc[t]--
				rc[t]--
			}
		}
	}
	return f1(hits, nc, nr)
}

// lcsIndices returns the indices in a of one longest common subsequence of a and b.
func lcsIndices(a, b []string) []int {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return nil
	}
	t := make([]int32, (n+1)*(m+1))
	w := m + 1
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			if a[i-1] == b[j-1] {
				t[i*w+j] = t[(i-1)*w+j-1] + 1
			} else {
				t[i*w+j] = max(t[(i-1)*w+j], t[i*w+j-1])
			}
		}
	}
	var idx []int
	i, j := n, m
	for i > 0 && j > 0 {
		switch {
		case a[i-1] == b[j-1]:
			idx = append(idx, i-1)
			i--
			j--
		case t[(i-1)*w+j] >= t[i*w+j-1]:
			i--
		default:
			j--
		}
	}
	return idx
}

// R12 returns ROUGE-1 and ROUGE-2 F1 of flat token lists (no ROUGE-L), for
// oracle searches.
func R12(cand, ref []string) (r1, r2 float64) {
	return ngramF1(cand, ref, 1), ngramF1(cand, ref, 2)
}
