package summary

import (
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
