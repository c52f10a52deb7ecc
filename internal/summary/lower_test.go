package summary

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

// TestLowerAll checks lowerAll against strings.ToLower on ASCII texts with
// and without capitals, texts outside ASCII and a reused buffer.
func TestLowerAll(t *testing.T) {
	words := []string{"The", "minister", "SAID", "", "a", "Z", "@Ab", "Ürgen", "straße", "ÉTÉ", "x2Y", "[", "McDonald's", "a", "QQ"}
	var toks []text.Token
	for _, w := range words {
		toks = append(toks, text.Token{Text: w})
	}
	low := []string{"stale", "values"}
	for range 2 {
		low = lowerAll(toks, low)
		if len(low) != len(words) {
			t.Fatalf("%d texts, want %d", len(low), len(words))
		}
		for i, w := range words {
			if low[i] != strings.ToLower(w) {
				t.Errorf("lowerAll(%q) = %q, want %q", w, low[i], strings.ToLower(w))
			}
		}
	}
	for _, w := range words {
		want := 0
		if strings.ToLower(w) != w {
			want = 1
		}
		for i := 0; i < len(w); i++ {
			if w[i] >= 0x80 {
				want = 2
			}
		}
		if got := asciiCase(w); got != want {
			t.Errorf("asciiCase(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestIsStopword checks the bit-set shortcut against the stopword map.
func TestIsStopword(t *testing.T) {
	words := []string{"minister", "said", "the", "ourselves", "n't", "'s", "ties", "thee", "trade", "mr", "mz", "about", "abort", "governments"}
	for w := range stopwords {
		words = append(words, w, w+"s", strings.ToUpper(w[:1])+w[1:])
	}
	for _, w := range words {
		if len(w) < 2 {
			continue
		}
		if got, want := isStopword(w), stopwords[w]; got != want {
			t.Errorf("isStopword(%q) = %v, want %v", w, got, want)
		}
	}
}
