// Package conll reads CoNLL-2003 files (token POS chunk NER, IOB2) and
// scores entity spans the way conlleval does.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Sentence is one sentence: tokens with their POS and NER tags.
type Sentence struct {
	Words, POS, Tags []string
}

// Document is a -DOCSTART- delimited group of sentences.
type Document struct {
	Sentences []Sentence
}

// ReadFile reads a CoNLL-2003 file.
func ReadFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f)
}

// Read reads CoNLL-2003 documents.
func Read(r io.Reader) ([]Document, error) {
	var docs []Document
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			if len(docs) == 0 {
				docs = append(docs, Document{})
			}
			d := &docs[len(docs)-1]
			d.Sentences = append(d.Sentences, cur)
			cur = Sentence{}
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			flush()
			continue
		}
		f := strings.Fields(line)
		if f[0] == "-DOCSTART-" {
			flush()
			docs = append(docs, Document{})
			continue
		}
		if len(f) < 4 {
			return nil, fmt.Errorf("conll: bad line %q", line)
		}
		cur.Words = append(cur.Words, f[0])
		cur.POS = append(cur.POS, f[1])
		cur.Tags = append(cur.Tags, f[len(f)-1])
	}
	flush()
	return docs, sc.Err()
}

// Span is an entity span [Start, End) over a sentence's tokens.
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the entities of an IOB1/IOB2/BILOU tag sequence, as
// conlleval reads them.
func Spans(tags []string) []Span {
	var out []Span
	start, typ := -1, ""
	for i := 0; i <= len(tags); i++ {
		t := "O"
		if i < len(tags) {
			t = tags[i]
		}
		pre, ty := "O", ""
		if t != "O" && len(t) > 2 {
			pre, ty = t[:1], t[2:]
		}
		// does an open entity end before i?
		if start >= 0 && (pre == "O" || pre == "B" || pre == "U" || pre == "S" || ty != typ) {
			out = append(out, Span{start, i, typ})
			start = -1
		}
		if pre != "O" && start < 0 {
			start, typ = i, ty
		}
		if start >= 0 && (pre == "L" || pre == "E" || pre == "U" || pre == "S") {
			out = append(out, Span{start, i + 1, typ})
			start = -1
		}
	}
	return out
}

// Counts accumulates conlleval counts per type.
type Counts struct {
	Gold, Pred, Correct map[string]int
}

// NewCounts returns empty counts.
func NewCounts() *Counts {
	return &Counts{Gold: map[string]int{}, Pred: map[string]int{}, Correct: map[string]int{}}
}

// Add scores one sentence.
func (c *Counts) Add(gold, pred []Span) {
	g := map[Span]bool{}
	for _, s := range gold {
		g[s] = true
		c.Gold[s.Type]++
	}
	for _, s := range pred {
		c.Pred[s.Type]++
		if g[s] {
			c.Correct[s.Type]++
		}
	}
}

// PRF returns precision, recall and F1 (in percent) for type t ("" = all).
func (c *Counts) PRF(t string) (p, r, f float64) {
	sum := func(m map[string]int) int {
		if t != "" {
			return m[t]
		}
		n := 0
		for _, v := range m {
			n += v
		}
		return n
	}
	g, pr, co := sum(c.Gold), sum(c.Pred), sum(c.Correct)
	if pr > 0 {
		p = 100 * float64(co) / float64(pr)
	}
	if g > 0 {
		r = 100 * float64(co) / float64(g)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Report formats conlleval-style figures per type and overall.
func (c *Counts) Report() string {
	var types []string
	for t := range c.Gold {
		types = append(types, t)
	}
	for t := range c.Pred {
		if _, ok := c.Gold[t]; !ok {
			types = append(types, t)
		}
	}
	sort.Strings(types)
	var b strings.Builder
	p, r, f := c.PRF("")
	fmt.Fprintf(&b, "%-8s precision %6.2f%%  recall %6.2f%%  FB1 %6.2f  (gold %d, found %d, correct %d)\n",
		"overall", p, r, f, sum(c.Gold), sum(c.Pred), sum(c.Correct))
	for _, t := range types {
		p, r, f := c.PRF(t)
		fmt.Fprintf(&b, "%-8s precision %6.2f%%  recall %6.2f%%  FB1 %6.2f  (gold %d, found %d)\n", t, p, r, f, c.Gold[t], c.Pred[t])
	}
	return b.String()
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
