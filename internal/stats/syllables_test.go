package stats

import (
	"strings"
	"testing"
	"unicode"
)

// syllablesRef is Syllables as first written (strings.ToLower, then a-z).
func syllablesRef(word string) int {
	w := strings.ToLower(word)
	var b []byte
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			b = append(b, c)
		}
	}
	if len(b) <= 3 {
		return 1
	}
	n := 0
	prevVowel := false
	for i, c := range b {
		v := isVowel(c) || (c == 'y' && i > 0)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	last := len(b) - 1
	s := string(b)
	switch {
	case b[last] == 'e' && !(b[last-1] == 'l' && !isVowel(b[last-2])) && !isVowel(b[last-1]):
		n--
	case strings.HasSuffix(s, "ed") && !strings.HasSuffix(s, "ted") && !strings.HasSuffix(s, "ded"):
		if !isVowel(b[last-2]) {
			n--
		}
	case strings.HasSuffix(s, "es") && !isVowel(b[last-2]) && !strings.ContainsRune("sxzhc", rune(b[last-2])):
		n--
	}
	return max(n, 1)
}

func isWordRef(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func TestSyllablesMatchReference(t *testing.T) {
	words := strings.Fields(`The Council APPROVED a 14-kilometre tram line; wanted walked hoped makes
		boxes table Tables Yesterday rhythm I'm don't x-ray Überstraße ÉCOLE naïve café KELVIN
		supercalifragilisticexpialidocious-and-then-some-more-letters 1990s -- ... "quoted" état
		3 ok`)
	words = append(words, "\u212Aelvin", "\u212A", "\xff\xfe", "bad\xffbytes", "ŞEHİR", "İstanbul")
	for _, w := range words {
		if got, want := Syllables(w), syllablesRef(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", w, got, want)
		}
		if got, want := isWord(w), isWordRef(w); got != want {
			t.Errorf("isWord(%q) = %v, want %v", w, got, want)
		}
	}
}
