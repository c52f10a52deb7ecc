package main

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

// The filter's labels: the annotated content goes to a candidate the
// result can keep (not to one it drops whatever its score, though that
// one comes first), a candidate with the right place and the wrong
// bounds is a negative at half weight, one elsewhere a full negative.
func TestFilterLabels(t *testing.T) {
	const s = "The harbour master said the new ferry would sail in April. Rivals said nothing about the fares."
	span := func(sub string) text.Span {
		i := strings.Index(s, sub)
		if i < 0 {
			t.Fatalf("%q not in the text", sub)
		}
		return text.Span{Start: i, End: i + len(sub)}
	}
	gold := "the new ferry would sail in April"
	p := prepared{
		art: polnear.Article{Text: s, Attributions: []polnear.Attribution{{
			Source: []text.Span{span("The harbour master")}, Cue: []text.Span{span("said")}, Content: []text.Span{span(gold)},
		}}},
		doc: text.Analyze(s),
	}
	cand := func(content string, dropped bool) quotes.Candidate {
		return quotes.Candidate{Quote: quotes.Quote{Content: span(content)}, Dropped: dropped}
	}
	cs := []quotes.Candidate{
		cand(gold, true),       // dropped by the result whatever its score
		cand(gold, false),      // the right one
		cand("the new", false), // the right place, the wrong bounds
		cand("nothing about the fares", false),
	}
	defer func(l string, w float64) { filterLabels, partWeight = l, w }(filterLabels, partWeight)
	filterLabels, partWeight = "optimal", 0.5
	ys, wts := filterLabelsOf(p, cs)
	want := []struct{ y, w float64 }{{0, 0.5}, {1, 1}, {0, 0.5}, {0, 1}}
	for i, w := range want {
		if ys[i] != w.y || wts[i] != w.w {
			t.Errorf("optimal: candidate %d: label %v weight %v, want %v %v", i, ys[i], wts[i], w.y, w.w)
		}
	}
	// the greedy matching in text order gives the content to the first
	// candidate, which the result drops
	filterLabels, partWeight = "greedy", 1
	ys, wts = filterLabelsOf(p, cs)
	want = []struct{ y, w float64 }{{1, 1}, {0, 1}, {0, 1}, {0, 1}}
	for i, w := range want {
		if ys[i] != w.y || wts[i] != w.w {
			t.Errorf("greedy: candidate %d: label %v weight %v, want %v %v", i, ys[i], wts[i], w.y, w.w)
		}
	}
	// deduplication weighs the two with the same words against each
	// other, not the one with a part of them
	if got := dedupPairs(p, cs); len(got) != 1 || got[0] != [2]int{0, 1} {
		t.Errorf("dedup pairs %v, want [[0 1]]", got)
	}
}
