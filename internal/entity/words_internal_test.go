package entity

import (
	"strings"
	"testing"
)

// TestPronounGender checks the switch against the pronouns table, in all
// casings, and a few words that are no pronouns.
func TestPronounGender(t *testing.T) {
	for w, g := range pronouns {
		for _, s := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if got, ok := pronounGender(s); !ok || got != g {
				t.Errorf("pronounGender(%q) = %q, %v; want %q", s, got, ok, g)
			}
		}
	}
	for _, s := range []string{"them", "the", "h", "hiss", "itselfs", "théy", "", "hEr", "somethinglonger"} {
		g, ok := pronouns[strings.ToLower(s)]
		if got, gotOK := pronounGender(s); got != g || gotOK != ok {
			t.Errorf("pronounGender(%q) = %q, %v; want %q, %v", s, got, gotOK, g, ok)
		}
	}
}

// TestLowerASCII checks lowerASCII against strings.ToLower on every
// ASCII byte at every position of a word and on texts that are not all
// ASCII.
func TestLowerASCII(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		for pos := 0; pos < 19; pos++ {
			b := []byte("Hello, World: AZaz@[`{ 0123")
			b[pos] = byte(c)
			s := string(b)
			if got, ok := lowerASCII(s); !ok || got != strings.ToLower(s) {
				t.Errorf("lowerASCII(%q) = %q, %v; want %q", s, got, ok, strings.ToLower(s))
			}
		}
	}
	for _, s := range []string{"Café Society", "naïve", "ÀB", "AB\u2019s and more text here", "\x80"} {
		if _, ok := lowerASCII(s); ok {
			t.Errorf("lowerASCII(%q): ok, want not ASCII", s)
		}
	}
	if got, ok := lowerASCII(""); !ok || got != "" {
		t.Errorf("lowerASCII(\"\") = %q, %v", got, ok)
	}
}

// spelledInitialsAre spells out a word in capitals inside the name, and
// only for an acronym written in capitals.
func TestSpelledInitialsAre(t *testing.T) {
	for _, c := range []struct {
		name, acr string
		want      bool
	}{
		{"UK Independence Party", "UKIP", true},
		{"US Anti-Doping Agency", "USADA", true},
		{"Construcciones Aeronauticas SA", "CASA", true},
		{"JP McManus", "JPMorgan", false}, // not in capitals only
		{"JP McManus", "JPM", true},
		{"World Trade Organisation", "WTO", false}, // no word in capitals: initialsAre's
		{"UK Independence Party", "UIP", false},
	} {
		if got := spelledInitialsAre(c.name, c.acr); got != c.want {
			t.Errorf("spelledInitialsAre(%q, %q) = %v, want %v", c.name, c.acr, got, c.want)
		}
	}
}
