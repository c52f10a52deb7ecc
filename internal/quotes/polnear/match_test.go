package polnear

import (
	"math/rand/v2"
	"testing"
)

// bruteMax is the most total positive weight of any one-to-one matching.
func bruteMax(w [][]int64, i int, used []bool) int64 {
	if i == len(w) {
		return 0
	}
	best := bruteMax(w, i+1, used) // row i unpaired
	for j := range w[i] {
		if !used[j] && w[i][j] > 0 {
			used[j] = true
			best = max(best, w[i][j]+bruteMax(w, i+1, used))
			used[j] = false
		}
	}
	return best
}

func TestMaxMatchBrute(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		n, m := r.IntN(6), 1+r.IntN(6)
		w := make([][]int64, n)
		for i := range w {
			w[i] = make([]int64, m)
			for j := range w[i] {
				if r.IntN(2) == 0 {
					w[i][j] = int64(r.IntN(10)) - 2
				}
			}
		}
		got := MaxMatch(w)
		var sum int64
		seen := map[int]bool{}
		for i, j := range got {
			if j < 0 {
				continue
			}
			if seen[j] || w[i][j] <= 0 {
				t.Fatalf("%v: bad matching %v", w, got)
			}
			seen[j] = true
			sum += w[i][j]
		}
		if want := bruteMax(w, 0, make([]bool, m)); sum != want {
			t.Fatalf("%v: matching %v weighs %d, best is %d", w, got, sum, want)
		}
	}
}

func set(ks ...int) map[int]bool {
	s := map[int]bool{}
	for _, k := range ks {
		s[k] = true
	}
	return s
}

// A first prediction overlapping two annotations takes, in text order, the
// one the second prediction alone overlaps; the optimal matching pairs both.
func TestMatchOverlapBeatsGreedy(t *testing.T) {
	gold := []map[int]bool{set(1, 2, 3, 4), set(5, 6, 7, 8)}
	pred := []map[int]bool{set(3, 4, 5, 6), set(1, 2, 3)}
	got := MatchOverlap(pred, gold)
	if got[0] != 1 || got[1] != 0 {
		t.Fatalf("got %v, want [1 0]", got)
	}
	// among matchings with as many pairs, the one sharing more words
	gold = []map[int]bool{set(1, 2, 3, 4)}
	pred = []map[int]bool{set(1, 2), set(1, 2, 3, 4, 5)}
	if got := MatchOverlap(pred, gold); got[0] != -1 || got[1] != 0 {
		t.Fatalf("got %v, want [-1 0]", got)
	}
	if got := MatchExact([]map[int]bool{set(1, 2), set(3)}, []map[int]bool{set(3), set(1, 2), set(1, 2)}); got[0] < 1 || got[1] != 0 {
		t.Fatalf("exact: got %v", got)
	}
}
