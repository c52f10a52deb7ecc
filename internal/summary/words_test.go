package summary

import (
	"fmt"
	"testing"
)

// TestWordIndex: words get ids in order of first addition, as a map
// would give them, through the table's growth and after a reset.
func TestWordIndex(t *testing.T) {
	var x wordIndex
	for _, n := range []int{0, 10, 5000} {
		x.reset(n / 4)
		var list []string
		m := map[string]int32{}
		for i := 0; i < 3*n; i++ {
			w := fmt.Sprint(i*7919%(n+1), "w")
			h := wordHash(w)
			id, slot := x.find(list, w, h)
			want, ok := m[w]
			if !ok {
				want = -1
			}
			if id != want {
				t.Fatalf("n=%d: find(%q) = %d, want %d", n, w, id, want)
			}
			if id < 0 {
				m[w] = int32(len(list))
				list = append(list, w)
				x.add(list, slot, h)
			}
		}
		if len(list) != len(m) || 2*x.n > len(x.slots) {
			t.Fatalf("n=%d: %d words, %d distinct, %d slots", n, len(list), len(m), len(x.slots))
		}
	}
}
