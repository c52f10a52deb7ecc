package timex

import (
	"strings"
	"testing"
)

// TestLexTable checks lookupLex against the lexicon map: every key, and
// near misses (each key cut short, with a letter more, with one letter
// changed) and the words of the news text.
func TestLexTable(t *testing.T) {
	words := map[string]bool{}
	for w := range lexicon {
		words[w] = true
		for i := 1; i < len(w); i++ {
			words[w[:i]] = true
			words[w[i:]] = true
		}
		for _, c := range "aesz" {
			words[w+string(c)] = true
			words[string(c)+w] = true
			for i := range w {
				words[w[:i]+string(c)+w[i+1:]] = true
			}
		}
		words[w+w] = true
	}
	for _, f := range strings.FieldsFunc(strings.ToLower(newsText), func(r rune) bool { return r < 'a' || r > 'z' }) {
		words[f] = true
	}
	found := 0
	for w := range words {
		want, wantOK := lexicon[w]
		if len(w) > lexKeyMax {
			if wantOK {
				t.Errorf("%q: a key longer than %d bytes", w, lexKeyMax)
			}
			continue
		}
		got, ok := lookupLex(lexKey([]byte(w)))
		if ok != wantOK || got != want {
			t.Errorf("lookupLex(%q) = %+v, %v; want %+v, %v", w, got, ok, want, wantOK)
		}
		if ok {
			found++
		}
	}
	if found != len(lexicon) {
		t.Errorf("found %d of the %d keys", found, len(lexicon))
	}
}

// TestLexKeys checks that lex finds the lexicon's words whatever the
// letters that came before in its buffer.
func TestLexKeys(t *testing.T) {
	var sb strings.Builder
	var keys []string
	for w := range lexicon {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			continue // never a piece of its own
		}
		keys = append(keys, w)
		sb.WriteString("Supercalifragilisticexpialidocious ")
		sb.WriteString(strings.ToUpper(w[:1]) + w[1:])
		sb.WriteString(" x ")
	}
	s := sb.String()
	ps := lex(s, nil, nil)
	k := 0
	for _, p := range ps {
		w := strings.ToLower(s[p.s:p.e])
		e, ok := lexicon[w]
		if ok && (p.c != e.c || p.v != int32(e.v) || p.pl != e.pl || (p.start == startYes) != e.start) {
			t.Errorf("%q: piece %+v, lexicon %+v", w, p, e)
		}
		if !ok && (p.c != cNone || p.start != startNo) {
			t.Errorf("%q: piece %+v, not in the lexicon", w, p)
		}
		if ok && w == keys[k] {
			k++
		}
	}
	if k != len(keys) {
		t.Errorf("lexed %d of the %d keys", k, len(keys))
	}
}
