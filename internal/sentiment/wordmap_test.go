package sentiment

import (
	"math/rand/v2"
	"testing"
)

// TestWordMap checks the packed word table against the Go map it is built
// from, on every entry and on unknown words.
func TestWordMap(t *testing.T) {
	if fNegCue != 1<<5 || fPron != 1<<6 || fContrast != 1<<7 {
		t.Fatal("the word flags no longer fit bits 5-7 (see wordSlot)")
	}
	rng := rand.New(rand.NewPCG(7, 8))
	src := map[uint64]wordInfo{0: {val: 3}}
	for i := 0; i < 5000; i++ {
		wi := wordInfo{
			lex:  int8(rng.IntN(3)) - 1,
			val:  int8(rng.IntN(81)) - 40,
			flag: []uint8{0, fNegCue, fPron, fContrast, fNegCue | fContrast}[rng.IntN(5)],
			vec:  int32(rng.IntN(maxWordRows + 1)),
			vsc:  rng.Float32(),
		}
		if i%7 == 0 {
			wi.clus = uint16(rng.IntN(500)) + 1
		}
		src[rng.Uint64()] = wi
	}
	w := newWordMap(src)
	for h, want := range src {
		if got := w.get(h); got != want {
			t.Fatalf("word %x: %+v, want %+v", h, got, want)
		}
	}
	for i := 0; i < 1000; i++ {
		h := rng.Uint64()
		if _, ok := src[h]; !ok && w.get(h) != (wordInfo{}) {
			t.Fatalf("unknown word %x: %+v", h, w.get(h))
		}
	}
	// the shipped model's table holds what the maps it is made of say
	m := mustLoad(t)
	for h, v := range m.val {
		if got := m.words.get(h).val; got != v {
			t.Fatalf("valence of %x: %d, want %d", h, got, v)
		}
	}
	for _, h := range m.vkeys {
		if wi := m.words.get(h); wi.vec == 0 || m.vkeys[wi.vec-1] != h {
			t.Fatalf("row of %x: %d", h, wi.vec)
		}
	}
}
