package strindex

import (
	"fmt"
	"testing"
)

// TestIndex: strings are numbered in order of first addition, as a map
// would number them, through the table's growth and after a reset.
func TestIndex(t *testing.T) {
	var x Index
	for _, n := range []int{0, 10, 5000} {
		x.Reset(n / 4)
		var list []string
		m := map[string]int32{}
		for i := 0; i < 3*n; i++ {
			s := fmt.Sprint(i*7919%(n+1), "w")
			h := Hash(s)
			k, slot := x.Find(list, s, h)
			want, ok := m[s]
			if !ok {
				want = -1
			}
			if k != want {
				t.Fatalf("n=%d: Find(%q) = %d, want %d", n, s, k, want)
			}
			if k < 0 {
				m[s] = int32(len(list))
				list = append(list, s)
				x.Add(list, slot, h)
			}
		}
		if len(list) != len(m) || 2*x.n > len(x.slots) {
			t.Fatalf("n=%d: %d strings, %d distinct, %d slots", n, len(list), len(m), len(x.slots))
		}
	}
}

// TestSlots: a power of two of at least 64 and twice n, empty, in the
// old array when it is big enough.
func TestSlots(t *testing.T) {
	s := Slots[int32](nil, 100)
	if len(s) != 256 {
		t.Fatalf("len %d, want 256", len(s))
	}
	s[7] = 3
	r := Slots(s, 40)
	if len(r) != 128 || &r[0] != &s[0] || r[7] != 0 {
		t.Fatalf("len %d, same array %v, slot 7 = %d", len(r), &r[0] == &s[0], r[7])
	}
	if n := len(Slots[uint64](nil, 0)); n != 64 {
		t.Fatalf("len %d, want 64", n)
	}
}
