package text

import (
	"sort"
	"unicode/utf8"
)

// Encoding is a unit in which text offsets are counted.
type Encoding int

// The offset encodings. Byte offsets (UTF8) are the native ones; UTF16
// counts UTF-16 code units (a character outside the Basic Multilingual
// Plane counts two, as in JavaScript and Java), UTF32 counts code points.
const (
	UTF8 Encoding = iota
	UTF16
	UTF32
)

// String returns the name of the encoding.
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "UTF8"
	case UTF16:
		return "UTF16"
	case UTF32:
		return "UTF32"
	}
	return "Encoding(?)"
}

// OffsetMap converts byte offsets of one string into UTF-16 or UTF-32
// offsets. It is immutable after construction and safe for concurrent use.
//
// For pure ASCII text it stores nothing and converts in O(1); otherwise it
// keeps one checkpoint per non-ASCII rune and converts in O(log n).
type OffsetMap struct {
	n int // length of the string in bytes
	// cps lists the non-ASCII runes in order. For each, byte is the offset
	// just after the rune and u16/u32 the unit counts of s[:byte].
	cps []checkpoint
}

type checkpoint struct {
	byte, u16, u32 int32
}

// NewOffsetMap builds the offset map of s, which must be shorter than 2 GiB.
func NewOffsetMap(s string) *OffsetMap {
	m := &OffsetMap{n: len(s)}
	lead := 0 // lead bytes of multi-byte runes: the usual number of checkpoints
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xC0 {
			lead++
		}
	}
	if lead > 0 {
		m.cps = make([]checkpoint, 0, lead)
	}
	u16, u32 := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			u16++
			u32++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		u32++
		if r >= 0x10000 {
			u16 += 2
		} else {
			u16++
		}
		m.cps = append(m.cps, checkpoint{int32(i), int32(u16), int32(u32)})
	}
	return m
}

// Len returns the length of the mapped string in the given encoding.
func (m *OffsetMap) Len(enc Encoding) int { return m.Convert(m.n, enc) }

// Convert returns the offset in enc of the byte offset byteOff. byteOff
// should lie on a rune boundary; an offset inside a multi-byte rune maps to
// the start of that rune. Offsets are clamped to [0, len(s)].
func (m *OffsetMap) Convert(byteOff int, enc Encoding) int {
	if byteOff < 0 {
		byteOff = 0
	}
	if byteOff > m.n {
		byteOff = m.n
	}
	if enc == UTF8 || len(m.cps) == 0 {
		return byteOff
	}
	// the last checkpoint at or before byteOff
	k := sort.Search(len(m.cps), func(i int) bool { return int(m.cps[i].byte) > byteOff }) - 1
	var b, u int
	if k >= 0 {
		cp := m.cps[k]
		b = int(cp.byte)
		if enc == UTF16 {
			u = int(cp.u16)
		} else {
			u = int(cp.u32)
		}
	}
	// between checkpoint k and k+1 every byte is one ASCII character,
	// except inside the next non-ASCII rune itself.
	if k+1 < len(m.cps) {
		next := m.cps[k+1]
		// start of the next non-ASCII rune: its end minus its size; the
		// run of ASCII before it is (u32 difference - 1) bytes long.
		runStart := b + int(next.u32) - int(u32Of(m, k)) - 1
		if byteOff > runStart {
			byteOff = runStart
		}
	}
	return u + (byteOff - b)
}

func u32Of(m *OffsetMap, k int) int32 {
	if k < 0 {
		return 0
	}
	return m.cps[k].u32
}
