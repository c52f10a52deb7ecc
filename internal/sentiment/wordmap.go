package sentiment

import (
	"math/bits"

	"github.com/lector-nlp/lector/internal/hashing"
)

// wordMap is the word table that prepare looks every token up in: an
// open-addressing hash table (linear probing, at most half full) of
// 16-byte slots, four to a cache line. A cold look-up touches about one
// line, where a Go map of this size touches more (directory, table,
// control word, slot): BenchmarkArticle600 cold 561-585 -> 527-554 us CPU
// (min, same window). Clusters (none in the shipped model) stay in a Go
// map.
type wordMap struct {
	mask  uint64
	slots []wordSlot
	clus  map[uint64]uint16 // word cluster plus one
	zero  wordInfo          // the values of word hash 0 (the empty key)
}

// wordSlot packs a wordInfo: key 0 is empty; info holds the vector row
// plus one (bits 0-19), the lexicon class plus one (20-21), the flags
// fNegCue, fPron and fContrast (22-24) and the valence (25-31, two's
// complement).
type wordSlot struct {
	key  uint64
	vsc  float32
	info uint32
}

const maxWordRows = 1<<20 - 1

func newWordMap(m map[uint64]wordInfo) *wordMap {
	n := 1 << bits.Len(uint(2*len(m)+8))
	w := &wordMap{mask: uint64(n - 1), slots: make([]wordSlot, n)}
	for h, wi := range m {
		if wi.clus != 0 {
			if w.clus == nil {
				w.clus = map[uint64]uint16{}
			}
			w.clus[h] = wi.clus
		}
		if h == 0 {
			w.zero = wi
			continue
		}
		info := uint32(wi.vec) | uint32(wi.lex+1)<<20 | uint32(wi.flag>>5)<<22 | uint32(uint8(wi.val)&0x7f)<<25
		for i := hashing.Mix(h) & w.mask; ; i = (i + 1) & w.mask {
			if w.slots[i].key == 0 {
				w.slots[i] = wordSlot{key: h, vsc: wi.vsc, info: info}
				break
			}
		}
	}
	return w
}

// touch loads the home slot of each word hash of hs and returns a sum of
// what it read, to keep the loads: in a loop without branches the cache
// misses of a cold table are all in flight at once, where get's probing
// loop (a branch on each slot's key) waits for each miss in turn.
func (w *wordMap) touch(hs []uint64) uint64 {
	var x uint64
	slots, mask := w.slots, w.mask
	for _, h := range hs {
		x += slots[hashing.Mix(h)&mask].key
	}
	return x
}

// get returns the values of word hash h (zero when the word is unknown).
func (w *wordMap) get(h uint64) wordInfo {
	if h == 0 {
		return w.zero
	}
	for i := hashing.Mix(h) & w.mask; ; i = (i + 1) & w.mask {
		s := &w.slots[i]
		if s.key == h {
			wi := wordInfo{
				vec:  int32(s.info & maxWordRows),
				lex:  int8(s.info>>20&3) - 1,
				flag: uint8(s.info>>22&7) << 5,
				val:  int8(uint8(s.info>>25)<<1) >> 1,
				vsc:  s.vsc,
			}
			if w.clus != nil {
				wi.clus = w.clus[h]
			}
			return wi
		}
		if s.key == 0 {
			return wordInfo{}
		}
	}
}
