package hashing

import (
	"hash/fnv"
	"testing"
)

// The models were trained on these values; they must never change.
func TestPinned(t *testing.T) {
	for _, s := range []string{"", "a", "Iran", "naïve", "<s>"} {
		f := fnv.New64a()
		f.Write([]byte(s))
		if got, want := String(s), f.Sum64(); got != want {
			t.Errorf("String(%q) = %#x, want %#x", s, got, want)
		}
		if got, want := AddBytes(Offset, []byte(s)), f.Sum64(); got != want {
			t.Errorf("AddBytes(%q) = %#x, want %#x", s, got, want)
		}
		h := uint64(Offset)
		for i := 0; i < len(s); i++ {
			h = AddByte(h, s[i])
		}
		if h != f.Sum64() {
			t.Errorf("AddByte chain(%q) = %#x, want %#x", s, h, f.Sum64())
		}
	}
	// splitmix64 of 0 is 0 and of 1 a published constant.
	if Mix(0) != 0 {
		t.Errorf("Mix(0) = %#x", Mix(0))
	}
	if got := Mix(1); got != 0x5692161d100b05e5 {
		t.Errorf("Mix(1) = %#x", got)
	}
}

func BenchmarkString(b *testing.B) {
	b.SetBytes(16)
	for b.Loop() {
		_ = String("constructiveness")
	}
}
