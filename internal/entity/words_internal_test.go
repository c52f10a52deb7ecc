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
