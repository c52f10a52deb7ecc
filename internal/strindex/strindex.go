// Package strindex finds a document's strings by their number in a list:
// an open-addressing table, at most half full, whose slots hold a number
// plus one in the low 32 bits and the top 32 bits of the string's hash
// (0: empty), so that a probe compares a string only when the hashes
// agree. Kept in an analyser's pooled scratch, it is a few kilobytes for
// an article, where a Go map spreads over several times that, and costs
// fewer instructions a look-up. Key phrases (token texts, stems) and the
// summary (content words) use it.
package strindex

import "hash/maphash"

// Index is the table; the zero Index is ready after Reset.
type Index struct {
	slots []uint64
	n     int
}

var seed = maphash.MakeSeed()

// Hash is the hash of s that Find and Add take.
func Hash(s string) uint64 { return maphash.String(seed, s) }

// Reset empties x, sized for about n strings.
func (x *Index) Reset(n int) {
	x.slots = Slots(x.slots, n)
	x.n = 0
}

// Slots returns an empty open-addressing table for about n keys: a power
// of two of at least 64 slots and twice n, in s's array when it has room.
func Slots[T any](s []T, n int) []T {
	size := 64
	for size < 2*n {
		size <<= 1
	}
	if cap(s) >= size {
		s = s[:size]
		clear(s)
		return s
	}
	return make([]T, size)
}

// Find returns the number of s (hash h) in list, or -1 and the slot
// where to add it.
func (x *Index) Find(list []string, s string, h uint64) (int32, int) {
	mask := len(x.slots) - 1
	tag := h &^ (1<<32 - 1)
	for i := int(h) & mask; ; i = (i + 1) & mask {
		v := x.slots[i]
		if v == 0 {
			return -1, i
		}
		if v&^(1<<32-1) == tag && list[uint32(v)-1] == s {
			return int32(uint32(v)) - 1, i
		}
	}
}

// Add records the last string of list (hash h) in slot (from Find), and
// grows the table to stay at most half full.
func (x *Index) Add(list []string, slot int, h uint64) {
	x.slots[slot] = h&^(1<<32-1) | uint64(len(list))
	x.n++
	if 2*x.n > len(x.slots) {
		// twice the size, in the same array when it has room (the
		// strings are re-entered from list, not from the old slots)
		x.slots = Slots(x.slots, len(x.slots))
		mask := len(x.slots) - 1
		for k, s := range list {
			h := Hash(s)
			i := int(h) & mask
			for x.slots[i] != 0 {
				i = (i + 1) & mask
			}
			x.slots[i] = h&^(1<<32-1) | uint64(k+1)
		}
	}
}
