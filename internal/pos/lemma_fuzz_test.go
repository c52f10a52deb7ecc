package pos_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/pos"
)

// lemmaTags are the tags Lemma reads a word's form from.
var lemmaTags = []string{"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "RB", "RBR", "RBS", "CD", ""}

// FuzzLemma: Lemma never panics, whatever the word and tag. Seeds hold the
// short stems that reached index -1 ("ated" → "at": needsE read s[n-3]
// before it asked whether n == 2; a key-phrase fuzz run found it through
// the tagger).
func FuzzLemma(f *testing.F) {
	for _, w := range []string{"ated", "at", "ating", "ates", "ed", "ing", "s", "es", "ies", "ced", "ged", "ked", "led", "red",
		"zed", "sed", "ved", "ued", "uses", "oes", "000000000000000000", "\u2019s", "é", "aed", "cking", "ies", "ier", "iest"} {
		for _, tag := range []string{"VBD", "VBG", "VBZ", "NNS", "JJR"} {
			f.Add(w, tag)
		}
	}
	f.Fuzz(func(t *testing.T, w, tag string) {
		pos.Lemma(w, tag)
	})
}

// TestLemmaShortStems: every word of up to four letters from a small
// alphabet, with every tag, lemmatises without a panic (the -ate rule read
// before the start of "at").
func TestLemmaShortStems(t *testing.T) {
	const letters = "aeiouctsdgklrvzny"
	var words []string
	var grow func(w string)
	grow = func(w string) {
		words = append(words, w)
		if len(w) == 4 {
			return
		}
		for i := 0; i < len(letters); i++ {
			grow(w + letters[i:i+1])
		}
	}
	grow("")
	for _, w := range words {
		for _, suf := range []string{"", "ed", "ing", "s", "es", "er", "est"} {
			for _, tag := range lemmaTags {
				pos.Lemma(w+suf, tag)
			}
		}
	}
	if got := pos.Lemma("ated", "VBD"); got != "ate" && got != "at" {
		t.Errorf("Lemma(ated, VBD) = %q", got)
	}
}
