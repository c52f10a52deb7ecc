package corpus

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

func TestSpanIndex(t *testing.T) {
	s := "Anna Berg flew to Oslo. The Port of Oslo said so."
	doc := text.Analyze(s)
	x := NewSpanIndex(doc)
	at := func(sub string, nth int) (int, int) {
		i := -1
		for range nth + 1 {
			i += 1 + strings.Index(s[i+1:], sub)
		}
		return i, i + len(sub)
	}
	for _, c := range []struct {
		sub      string
		nth      int
		ok       bool
		words    string
		sentence int
	}{
		{"Anna Berg", 0, true, "Anna Berg", 0},
		{"Oslo", 0, true, "Oslo", 0},
		{"Port of Oslo", 0, true, "Port of Oslo", 1},
		{"Oslo", 1, true, "Oslo", 1},
		{"nna Berg", 0, false, "", 0}, // starts inside a token
		{"Anna Ber", 0, false, "", 0}, // ends inside a token
	} {
		a, b := at(c.sub, c.nth)
		f, l, sent, ok := x.Tokens(a, b)
		if ok != c.ok {
			t.Errorf("%q: ok = %v, want %v", c.sub, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		var ws []string
		for _, tk := range doc.Tokens[f:l] {
			ws = append(ws, tk.Text)
		}
		if got := strings.Join(ws, " "); got != c.words || sent != c.sentence {
			t.Errorf("%q: tokens %q in sentence %d, want %q in %d", c.sub, got, sent, c.words, c.sentence)
		}
	}
	if _, _, _, ok := x.Tokens(5, 5); ok {
		t.Error("an empty span has tokens")
	}
}
