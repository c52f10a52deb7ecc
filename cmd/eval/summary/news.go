package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lector-nlp/lector/internal/summary"
	"github.com/lector-nlp/lector/internal/text"
)

// newsSample returns every step-th BBC article (all categories) and every
// step-th Reuters C50 article (train and test), sorted by path.
func newsSample(data string, bbcStep, reutersStep int) []string {
	var bbc, reu []string
	b, _ := filepath.Glob(filepath.Join(data, "bbc-news", "bbc", "*", "*.txt"))
	r1, _ := filepath.Glob(filepath.Join(data, "unlabeled-news", "reuters-c50", "C50*", "*", "*.txt"))
	sort.Strings(b)
	sort.Strings(r1)
	for i := 0; i < len(b); i += bbcStep {
		bbc = append(bbc, b[i])
	}
	for i := 0; i < len(r1); i += reutersStep {
		reu = append(reu, r1[i])
	}
	return append(bbc, reu...)
}

// newsDefects counts, on real articles, how often the 3-sentence summary
// holds the headline line (a first line without a final stop before a
// blank line), opens with a sentence that starts with a connective or a
// pronoun (summary.Dangling), or holds such a sentence without the
// sentence before it. With show it prints each defective summary.
func newsDefects(s *summary.Summarizer, files []string, show bool) {
	var n, head, open, any, sents, mid, bare, quest int
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		src := string(b)
		doc := text.Analyze(src)
		idx := s.Summarize(doc, 3)
		n++
		sents += len(idx)
		hl := headline(src)
		chosen := map[int]bool{}
		for _, i := range idx {
			chosen[i] = true
		}
		for k, i := range idx {
			sn := doc.Sentences[i]
			st := strings.TrimSpace(src[sn.Start:sn.End])
			if len(files) < 10 && show {
				fmt.Printf("%s [%d] %s\n", f, i, st)
			}
			if hl != "" && strings.Contains(st, hl) {
				head++
				if show {
					fmt.Printf("HEAD %s: %q\n", f, st)
				}
			}
			if oddQuotes(lowTokens(doc, i)) {
				mid++
				if show {
					fmt.Printf("QUOT %s (%d): %q\n", f, k, st)
				}
			}
			if bareQuote(lowTokens(doc, i)) {
				bare++
				if show {
					fmt.Printf("BARE %s (%d): %q\n", f, k, st)
				}
			}
			if strings.HasSuffix(strings.TrimRight(st, `"”' `), "?") {
				quest++
				if show {
					fmt.Printf("QUES %s (%d): %q\n", f, k, st)
				}
			}
			// (the first sentence after a headline leans on nothing)
			afterHead := i == 1 && hl != "" && strings.Contains(doc.Text[doc.Sentences[0].Start:doc.Sentences[0].End], hl)
			if i > 0 && !chosen[i-1] && !afterHead && summary.Dangling(lowTokens(doc, i)) {
				any++
				if k == 0 {
					open++
				}
				if show {
					fmt.Printf("DANG %s (%d): %q\n", f, k, st)
				}
			}
		}
	}
	fmt.Printf("real news: %d articles (%d summary sentences): headline in summary %d, dangling opener first %d, dangling without its preceding sentence %d, part of a longer quotation (odd quotation marks) %d, a whole quotation without its speaker %d, questions %d\n",
		n, sents, head, open, any, mid, bare, quest)
}

// oddQuotes reports whether tokens hold an odd number of quotation marks.
func oddQuotes(toks []string) bool {
	n := 0
	for _, t := range toks {
		switch t {
		case `"`, "“", "”", "``", "''":
			n++
		}
	}
	return n%2 == 1
}

func lowTokens(doc *text.Document, i int) []string {
	sn := doc.Sentences[i]
	out := make([]string, 0, sn.Last-sn.First)
	for _, t := range doc.Tokens[sn.First:sn.Last] {
		out = append(out, strings.ToLower(t.Text))
	}
	return out
}

// headline returns the text's first line when it is a headline: no final
// stop, a blank line after it.
func headline(src string) string {
	nl := strings.IndexByte(src, '\n')
	if nl < 0 {
		return ""
	}
	first := strings.TrimSpace(src[:nl])
	rest := strings.TrimLeft(src[nl+1:], " \t\r")
	if first == "" || !strings.HasPrefix(rest, "\n") || strings.ContainsAny(first[len(first)-1:], ".!?") {
		return ""
	}
	return first
}

// bareQuote reports whether tokens are one whole quotation (a quotation
// mark first and last, an even number of them) with no "said", "says" or
// "told".
func bareQuote(toks []string) bool {
	q := func(t string) bool {
		switch t {
		case `"`, "“", "”", "``", "''":
			return true
		}
		return false
	}
	if len(toks) < 2 || !q(toks[0]) || !q(toks[len(toks)-1]) || oddQuotes(toks) {
		return false
	}
	for _, t := range toks {
		if t == "said" || t == "says" || t == "told" {
			return false
		}
	}
	return true
}
