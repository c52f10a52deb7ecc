package keyphrase

import (
	"fmt"
	"testing"
)

// TestStrIndex: strings are numbered in order of first addition, as a
// map would number them, through the table's growth and after a reset.
func TestStrIndex(t *testing.T) {
	var x strIndex
	for _, n := range []int{0, 10, 5000} {
		x.reset(n / 4)
		var list []string
		m := map[string]int32{}
		for i := 0; i < 3*n; i++ {
			s := fmt.Sprint(i*7919%(n+1), "w")
			h := strHash(s)
			k, slot := x.find(list, s, h)
			want, ok := m[s]
			if !ok {
				want = -1
			}
			if k != want {
				t.Fatalf("n=%d: find(%q) = %d, want %d", n, s, k, want)
			}
			if k < 0 {
				m[s] = int32(len(list))
				list = append(list, s)
				x.add(list, slot, h)
			}
		}
		if len(list) != len(m) || 2*x.n > len(x.slots) {
			t.Fatalf("n=%d: %d strings, %d distinct, %d slots", n, len(list), len(m), len(x.slots))
		}
	}
}
