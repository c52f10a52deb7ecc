package service

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestControlChar compares controlChar, eight bytes at a time, with the
// byte-by-byte test: every byte value at every position of texts of 0 to
// 40 bytes, and random texts mixing ASCII, UTF-8, tabs and line breaks.
func TestControlChar(t *testing.T) {
	base := "Zoë said: «fine» — ok, the end of it.\tyes\r\n"
	for n := 0; n <= 40; n++ {
		s := []byte(strings.Repeat(base, 2)[:n])
		if got, want := controlChar(string(s)), controlCharBytes(string(s)); got != want {
			t.Fatalf("%q: %d, want %d", s, got, want)
		}
		for i := range n {
			keep := s[i]
			for c := range 256 {
				s[i] = byte(c)
				if got, want := controlChar(string(s)), controlCharBytes(string(s)); got != want {
					t.Fatalf("%q: %d, want %d", s, got, want)
				}
			}
			s[i] = keep
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "Z", " ", "\t", "\n", "\r", "é", "—", "\x00", "\x1f", "\x7f", "\x80", "~", "\x20", "\x19", "\xff"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(60) {
			p := pieces[rng.IntN(len(pieces))]
			if rng.IntN(4) > 0 && len(p) == 1 && p[0] < 0x20 || p == "\x7f" {
				p = "x" // keep most texts clean for long runs
			}
			b.WriteString(p)
		}
		s := b.String()
		if got, want := controlChar(s), controlCharBytes(s); got != want {
			t.Fatalf("%q: %d, want %d", s, got, want)
		}
	}
	if got := controlChar(strings.Repeat("clean text\n", 100) + "\x01"); got != 1100 {
		t.Errorf("control character at 1100: got %d", got)
	}
}
