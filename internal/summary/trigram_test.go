package summary

import (
	"math/rand"
	"testing"
)

// TestTriSet: the trigram set answers as a map of the joined texts does,
// words with spaces in them included ("a b"+" "+"c" reads as "a"+" "+"b c").
func TestTriSet(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	words := []string{"a", "b", "c", "a b", "b c", "the", "council", "voted", "c a", "x"}
	sent := func() []string {
		s := make([]string, 3+rng.Intn(12))
		for i := range s {
			s[i] = words[rng.Intn(len(words))]
			if rng.Intn(8) == 0 {
				s[i] = ","
			}
		}
		return s
	}
	sc := &scratch{}
	for round := 0; round < 50; round++ {
		sc.tri.reset()
		seen := map[string]bool{}
		for k := 0; k < 40; k++ {
			ts := sc.trigrams(sent())
			for i := range ts {
				want := seen[ts[i].w[0]+" "+ts[i].w[1]+" "+ts[i].w[2]]
				if got := sc.tri.has(&ts[i]); got != want {
					t.Fatalf("round %d: has(%q) = %v, want %v", round, ts[i].w, got, want)
				}
			}
			if k%2 == 0 {
				for i := range ts {
					sc.tri.add(&ts[i])
					seen[ts[i].w[0]+" "+ts[i].w[1]+" "+ts[i].w[2]] = true
				}
			}
		}
		if len(sc.tri.list) != len(seen) {
			t.Fatalf("round %d: %d trigrams kept, %d distinct texts", round, len(sc.tri.list), len(seen))
		}
	}
}
