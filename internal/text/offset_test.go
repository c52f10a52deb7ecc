package text

import (
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// naiveConvert counts units rune by rune; the reference for OffsetMap.
func naiveConvert(s string, byteOff int, enc Encoding) int {
	n := 0
	for i, r := range s {
		if i >= byteOff {
			break
		}
		switch enc {
		case UTF8:
			n += utf8.RuneLen(r)
			if r == utf8.RuneError {
				// invalid bytes decode one at a time
				_, size := utf8.DecodeRuneInString(s[i:])
				n += size - utf8.RuneLen(r)
			}
		case UTF16:
			n += len(utf16.Encode([]rune{r}))
		case UTF32:
			n++
		}
	}
	return n
}

func TestOffsetMap(t *testing.T) {
	tests := []struct {
		name string
		s    string
		off  int
		u16  int
		u32  int
	}{
		{"empty", "", 0, 0, 0},
		{"ascii start", "Tehran", 0, 0, 0},
		{"ascii middle", "Tehran", 3, 3, 3},
		{"ascii end", "Tehran", 6, 6, 6},
		{"latin-1 before", "café au lait", 3, 3, 3},
		{"latin-1 after", "café au lait", 5, 4, 4},
		{"latin-1 end", "café au lait", len("café au lait"), 12, 12},
		{"cjk", "日本語 text", len("日本"), 2, 2},
		{"cjk after space", "日本語 text", len("日本語 "), 4, 4},
		{"curly quote", "Iran’s army", len("Iran’"), 5, 5},
		{"curly quote end", "Iran’s army", len("Iran’s army"), 11, 11},
		{"emoji surrogate pair", "a😀b", len("a😀"), 3, 2},
		{"emoji end", "a😀b", len("a😀b"), 4, 3},
		{"emoji before", "a😀b", 1, 1, 1},
		{"two emoji", "😀😀x", len("😀😀"), 4, 2},
		{"astral math", "x𝔸y𝔹z", len("x𝔸y𝔹"), 6, 4},
		{"mixed", "é😀日a", len("é😀日"), 4, 3},
		{"inside rune maps to its start", "a😀b", 2, 1, 1},
		{"inside rune last byte", "a😀b", 4, 1, 1},
		{"negative clamps", "abc", -3, 0, 0},
		{"past end clamps", "a😀", 99, 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewOffsetMap(tt.s)
			if got := m.Convert(tt.off, UTF16); got != tt.u16 {
				t.Errorf("UTF16: Convert(%d) = %d, want %d", tt.off, got, tt.u16)
			}
			if got := m.Convert(tt.off, UTF32); got != tt.u32 {
				t.Errorf("UTF32: Convert(%d) = %d, want %d", tt.off, got, tt.u32)
			}
			want8 := min(max(tt.off, 0), len(tt.s))
			if got := m.Convert(tt.off, UTF8); got != want8 {
				t.Errorf("UTF8: Convert(%d) = %d, want %d", tt.off, got, want8)
			}
		})
	}
}

func TestOffsetMapLen(t *testing.T) {
	s := "Shoigu met Ashtiani 😀 in Tehran’s centre"
	m := NewOffsetMap(s)
	if got, want := m.Len(UTF16), len(utf16.Encode([]rune(s))); got != want {
		t.Errorf("Len(UTF16) = %d, want %d", got, want)
	}
	if got, want := m.Len(UTF32), utf8.RuneCountInString(s); got != want {
		t.Errorf("Len(UTF32) = %d, want %d", got, want)
	}
	if got := m.Len(UTF8); got != len(s) {
		t.Errorf("Len(UTF8) = %d, want %d", got, len(s))
	}
}

func FuzzOffsetMap(f *testing.F) {
	for _, s := range []string{"", "abc", "café", "a😀b", "日本語", "\xff\xfeab", "x𝔸y𝔹z’s", "\xf0\x9f\x98"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := NewOffsetMap(s)
		prev16, prev32 := 0, 0
		for i := range s { // every rune boundary (invalid bytes are one rune each)
			for _, enc := range []Encoding{UTF8, UTF16, UTF32} {
				if got, want := m.Convert(i, enc), naiveConvert(s, i, enc); got != want {
					t.Fatalf("%q: Convert(%d, %v) = %d, want %d", s, i, enc, got, want)
				}
			}
			u16, u32 := m.Convert(i, UTF16), m.Convert(i, UTF32)
			if u16 < prev16 || u32 < prev32 {
				t.Fatalf("%q: not monotone at %d", s, i)
			}
			prev16, prev32 = u16, u32
		}
		for _, enc := range []Encoding{UTF8, UTF16, UTF32} {
			if got, want := m.Convert(len(s), enc), naiveConvert(s, len(s)+1, enc); got != want {
				t.Fatalf("%q: Convert(end, %v) = %d, want %d", s, enc, got, want)
			}
		}
		// any byte offset, even inside a rune, stays within bounds and monotone
		last := 0
		for i := 0; i <= len(s); i++ {
			u := m.Convert(i, UTF16)
			if u < last || u > m.Len(UTF16) {
				t.Fatalf("%q: Convert(%d, UTF16) = %d out of order", s, i, u)
			}
			last = u
		}
	})
}

func BenchmarkOffsetMap(b *testing.B) {
	s := ""
	for range 200 {
		s += "Iran’s defence minister met his Russian counterpart 😀 in Tehran. "
	}
	b.ReportAllocs()
	for b.Loop() {
		m := NewOffsetMap(s)
		for i := 0; i < len(s); i += 97 {
			m.Convert(i, UTF16)
		}
	}
}
