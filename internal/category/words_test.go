package category

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The ASCII fast paths of words and normalise give what the plain
// unicode versions below (the ones the model was first trained with) give.
func TestWordsMatchReference(t *testing.T) {
	pieces := []string{"The", " ", "U.S.", "don't", "Bush's", "’s", "co-op", "\"", "“", "”", "‘", "’", ".", ",", "...", "3.5", "1,200",
		"Zürich", "ÉCOLE", "naïve", "東京", "e\u0301", "\t", "\n\n", "--", "(", ")", "'", "x", "42", "\xff", "\u00a0", "İ", "ǅ"}
	rng := rand.New(rand.NewPCG(1, 2))
	type w struct {
		s   string
		gap bool
	}
	collect := func(fn func(string, func(string, bool) bool), s string) []w {
		var out []w
		fn(s, func(x string, gap bool) bool { out = append(out, w{x, gap}); return true })
		return out
	}
	for range 5000 {
		var sb strings.Builder
		for range 1 + rng.IntN(12) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := sb.String()
		got, want := collect(words, s), collect(wordsRef, s)
		if !slices.Equal(got, want) {
			t.Fatalf("words(%q) = %v, want %v", s, got, want)
		}
		for _, x := range got {
			g, gok := normalise(x.s, nil)
			r, rok := normaliseRef(x.s, nil)
			if string(g) != string(r) || gok != rok {
				t.Fatalf("normalise(%q) = %q %v, want %q %v", x.s, g, gok, r, rok)
			}
		}
	}
}

// words calls f with each word of s: a run of letters, digits and marks,
// with inner apostrophes and periods ("don't", "U.S."); gap reports
// punctuation other than spaces, hyphens and quotes since the previous
// word (a bigram does not span it).
func wordsRef(s string, f func(w string, gap bool) bool) {
	start := -1
	gap := false
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if !word && start >= 0 && (r == '\'' || r == '’' || r == '.') {
			// inner apostrophe or period: keep when a word character follows
			if j := i + utf8.RuneLen(r); j < len(s) {
				nr, _ := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(nr) || unicode.IsDigit(nr) {
					continue
				}
			}
		}
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !f(s[start:i], gap) {
				return
			}
			start, gap = -1, false
		}
		if !unicode.IsSpace(r) && r != '-' && r != '"' && r != '\'' && r != '“' && r != '”' && r != '‘' && r != '’' {
			gap = true
		}
	}
	if start >= 0 {
		f(s[start:], gap)
	}
}

// normalise lower-cases a token and folds digits to 0; tokens without a
// letter or digit are dropped.
func normaliseRef(s string, buf []byte) ([]byte, bool) {
	ok := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			ok = true
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case unicode.IsDigit(r):
			ok = true
			buf = append(buf, '0')
		case r == '\'' || r == '’':
			// possessives: "Bush's" -> "bush", "'s"
			buf = append(buf, '\'')
		default:
			buf = utf8.AppendRune(buf, r)
		}
	}
	if ok && strings.HasSuffix(string(buf), "'s") && len(buf) > 2 {
		buf = buf[:len(buf)-2]
	}
	return buf, ok
}
