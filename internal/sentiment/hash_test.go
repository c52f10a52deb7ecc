package sentiment

import (
	"testing"
	"unicode/utf8"
)

func TestWordStemHash(t *testing.T) {
	for _, s := range []string{"", "a", "Iran", "hello", "Hellos", "GOVERNMENT", "naïve", "Naïveté", "don’t", "‘quoted’",
		"ÉCOLE", "Straße", "İstanbul", "a\xffb", "\xff\xfe\xfdxyz", "日本語のテキスト", "12345", "ΑΘΗΝΑ"} {
		w, st := wordStemHash(s)
		want := lowerHash(s, 0)
		wantStem := want
		if utf8.RuneCountInString(s) > 5 {
			wantStem = lowerHash(s, 5)
		}
		if w != want || st != wantStem {
			t.Errorf("wordStemHash(%q) = %#x, %#x; want %#x, %#x", s, w, st, want, wantStem)
		}
	}
}
