package main

import (
	"strings"
	"testing"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// TestSentimentTone reads scores as the proto's Sentiment.score documents:
// above 0.25 positive, below -0.25 negative, otherwise neutral (the band
// itself included), and a neutral score with a large magnitude mixed.
func TestSentimentTone(t *testing.T) {
	for _, tt := range []struct {
		score, magnitude float64
		want             string
	}{
		{0.9, 0.9, "positive"},
		{0.2501, 0.3, "positive"},
		{0.25, 0.25, "neutral"},
		{0, 0, "neutral"},
		{-0.25, 0.25, "neutral"},
		{-0.2501, 0.3, "negative"},
		{-1, 1, "negative"},
		{0.1, 2.5, "mixed"},
	} {
		got := sentimentText(&articlev1.Sentiment{Score: tt.score, Magnitude: tt.magnitude})
		if !strings.HasSuffix(got, ", "+tt.want+")") {
			t.Errorf("score %v magnitude %v: %q, want %s", tt.score, tt.magnitude, got, tt.want)
		}
	}
}

// TestQuoteText: a quote split by its own attribution reads as its parts,
// joined by " … "; one without parts as its content.
func TestQuoteText(t *testing.T) {
	whole := &articlev1.Quote{Content: &articlev1.TextSpan{Content: `"A," she said. "B."`}}
	if got := quoteText(whole); got != `"A," she said. "B."` {
		t.Errorf("quoteText without parts = %q", got)
	}
	whole.ContentParts = []*articlev1.TextSpan{{Content: `"A,"`}, {Content: `"B."`}}
	if got := quoteText(whole); got != `"A," … "B."` {
		t.Errorf("quoteText with parts = %q; want %q", got, `"A," … "B."`)
	}
}
