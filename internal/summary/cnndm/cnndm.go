// Package cnndm reads the lower-cased, PTB-tokenised CNN/DailyMail stories
// (See et al. 2017 format) and computes greedy ROUGE oracle labels. It is used
// by the summary training and evaluation commands.
package cnndm

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/lector-nlp/lector/internal/corpus"
	"github.com/lector-nlp/lector/internal/summary"
	"github.com/lector-nlp/lector/internal/summary/rouge"
)

// Story is one article split into sentences, with its reference highlights.
type Story struct {
	ID        string
	Sentences [][]string // token texts of each sentence
	Reference []string   // highlight lines

	sentRouge [][]string // ROUGE tokens of each sentence
	refRouge  [][]string
}

// Read loads a .jsonl.gz file of stories.
func Read(path string) ([]*Story, error) {
	raw, err := corpus.ReadGzip(path)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []*Story
	for sc.Scan() {
		var rec struct {
			Idx       string   `json:"idx"`
			Article   string   `json:"article"`
			Reference []string `json:"reference"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, err
		}
		s := &Story{ID: rec.Idx, Sentences: Split(rec.Article), Reference: rec.Reference}
		for _, t := range s.Sentences {
			s.sentRouge = append(s.sentRouge, rouge.Tokens(strings.Join(t, " ")))
		}
		for _, r := range rec.Reference {
			s.refRouge = append(s.refRouge, rouge.Tokens(r))
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

// Split splits a tokenised article into sentences on ". ! ?" tokens, keeping
// a closing quote with the sentence it ends.
func Split(article string) [][]string {
	toks := strings.Fields(article)
	var out [][]string
	start := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t != "." && t != "!" && t != "?" {
			continue
		}
		end := i + 1
		for end < len(toks) && (toks[end] == "''" || toks[end] == "'") {
			end++
		}
		out = append(out, toks[start:end])
		start = end
		i = end - 1
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

// Score returns the ROUGE scores of the chosen sentences.
func (s *Story) Score(chosen []int) rouge.Scores {
	c := make([][]string, len(chosen))
	for k, i := range chosen {
		c[k] = s.sentRouge[i]
	}
	return rouge.ScoreTokens(c, s.refRouge)
}

// Oracle returns the greedy oracle: sentences added one at a time while the
// mean of ROUGE-1 and ROUGE-2 F1 improves, at most max of them.
func (s *Story) Oracle(max int) []int {
	var chosen []int
	var refFlat []string
	for _, r := range s.refRouge {
		refFlat = append(refFlat, r...)
	}
	best := 0.0
	for len(chosen) < max {
		bi := -1
		for i := range s.Sentences {
			if slices.Contains(chosen, i) {
				continue
			}
			var flat []string
			for _, j := range chosen {
				flat = append(flat, s.sentRouge[j]...)
			}
			flat = append(flat, s.sentRouge[i]...)
			r1, r2 := rouge.R12(flat, refFlat)
			if v := r1 + r2; v > best {
				best, bi = v, i
			}
		}
		if bi < 0 {
			break
		}
		chosen = append(chosen, bi)
	}
	return chosen
}

// Example holds a story's sentence features and oracle labels.
type Example struct {
	Story    *Story
	Features [][]float64
	Labels   []float64
	Oracle   []int
}

// Lead returns the first n sentence indices.
func Lead(s *Story, n int) []int {
	var out []int
	for i := 0; i < n && i < len(s.Sentences); i++ {
		out = append(out, i)
	}
	return out
}

// Mean accumulates ROUGE scores.
type Mean struct {
	Sum rouge.Scores
	N   int
}

// Add adds one document's scores.
func (m *Mean) Add(s rouge.Scores) {
	m.Sum.R1 += s.R1
	m.Sum.R2 += s.R2
	m.Sum.RL += s.RL
	m.N++
}

// String prints the means ×100.
func (m *Mean) String() string {
	n := float64(max(m.N, 1))
	return fmt.Sprintf("%6.2f %6.2f %6.2f", 100*m.Sum.R1/n, 100*m.Sum.R2/n, 100*m.Sum.RL/n)
}

// Prepare computes features and oracle labels of every story in parallel.
func Prepare(stories []*Story) []Example {
	exs := make([]Example, len(stories))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				s := stories[i]
				lab := make([]float64, len(s.Sentences))
				or := s.Oracle(3)
				for _, j := range or {
					lab[j] = 1
				}
				exs[i] = Example{Story: s, Features: summary.Features(s.Sentences), Labels: lab, Oracle: or}
			}
		}()
	}
	for i := range stories {
		next <- i
	}
	close(next)
	wg.Wait()
	return exs
}

// Result holds the mean ROUGE of LEAD-3, the learned scorer and the oracle.
type Result struct {
	Lead, Model, Oracle Mean
}

// CrossValidate trains on k-1 folds (story i is in fold i mod k) and scores
// the held-out fold, for every fold; fit trains a model on sentence features.
func CrossValidate(exs []Example, k int, fit func(X [][]float64, y []float64) *summary.Model) Result {
	var r Result
	for f := 0; f < k; f++ {
		var X [][]float64
		var y []float64
		for i, e := range exs {
			if i%k != f {
				X = append(X, e.Features...)
				y = append(y, e.Labels...)
			}
		}
		s := summary.New(fit(X, y))
		for i, e := range exs {
			if i%k != f {
				continue
			}
			r.Lead.Add(e.Story.Score(Lead(e.Story, 3)))
			r.Model.Add(e.Story.Score(s.Select(e.Story.Sentences, 3)))
			r.Oracle.Add(e.Story.Score(e.Oracle))
		}
	}
	return r
}
