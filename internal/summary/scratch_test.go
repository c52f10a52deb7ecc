package summary

import (
	"strconv"
	"strings"
	"testing"
)

// TestPutScratchKeepsNoWords: a pooled scratch holds no word of the
// document it served (the words point into the document's text, which the
// pool would keep alive), also in the trigram buffers, whose last use may
// be shorter than an earlier one.
func TestPutScratchKeepsNoWords(t *testing.T) {
	sc := &scratch{}
	long := strings.Fields("the council voted on tuesday to extend the bus network before the winter storms came")
	short := strings.Fields("the mayor said so")
	sc.trigrams(long)
	sc.trigrams(short)
	putScratch(sc)
	for i, w := range sc.triWords[:cap(sc.triWords)] {
		if w != "" {
			t.Fatalf("triWords[%d] = %q after putScratch", i, w)
		}
	}
	for i, tg := range sc.triBuf[:cap(sc.triBuf)] {
		if tg.w != [3]string{} {
			t.Fatalf("triBuf[%d] = %q after putScratch", i, tg.w)
		}
	}
}

// TestPutScratchBoundsTrigrams: a sentence of every word of a long text
// (no sentence breaks) leaves no trigram buffers of its size in the pool.
func TestPutScratchBoundsTrigrams(t *testing.T) {
	sc := &scratch{}
	huge := make([]string, 20000)
	for i := range huge {
		huge[i] = "w" + strconv.Itoa(i) // every trigram new to the set
	}
	sc.tri.reset()
	for _, tg := range sc.trigrams(huge) {
		sc.tri.add(&tg)
	}
	putScratch(sc)
	if c := max(cap(sc.triWords), cap(sc.triBuf), cap(sc.tri.list), len(sc.tri.slots)/4); c > maxPooledTrigrams {
		t.Errorf("pooled trigram buffers of %d entries, want at most %d", c, maxPooledTrigrams)
	}
}
