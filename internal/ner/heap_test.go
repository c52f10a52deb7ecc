package ner_test

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

// TestRecognizeHeapLarge bounds the memory the recogniser takes for a
// 1 MB article: the bytes a cold call allocates (collection off, so
// they are all live at the end: an upper bound on its peak), and what
// its buffers leave in the heap once news articles have run, with a
// collection after each (a cache that keeps them would fail). Its
// buffers were sized for the whole article: 435 MB allocated, about
// 290 MB at the peak, some 170 MB kept in the pool until the second
// collection; the keys, rows and scores are now kept for a block of
// tokens (about 55 MB allocated), and the buffers of a large document go
// to a pool of their own, which news articles do not take from.
func TestRecognizeHeapLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("1 MB article")
	}
	if raceSlowdown > 1 {
		t.Skip("the race detector's allocations")
	}
	tg, r := models(t)
	unit := "The council voted on Monday to extend the old road, and Ama Dembarra of Vandermolen Ltd said in Ghent that " +
		"Tolliver would pay $1.2 million by March. "
	doc := text.Analyze(strings.Repeat(unit, 1<<20/len(unit)))
	tg.Tag(doc)
	small := text.Analyze(strings.Repeat(unit, 20))
	tg.Tag(small)
	r.Recognize(small)
	// two collections empty the pools of the buffers of earlier calls
	runtime.GC()
	runtime.GC()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ms := r.Recognize(doc)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	runtime.KeepAlive(ms)
	ms = nil
	debug.SetGCPercent(100)
	// news articles go on, and the collector runs
	for range 3 {
		r.Recognize(small)
		runtime.GC()
	}
	var kept runtime.MemStats
	runtime.ReadMemStats(&kept)
	t.Logf("%d tokens: %d MB allocated by a cold call; heap %d MB before, %d MB after news articles",
		len(doc.Tokens), alloc>>20, before.HeapAlloc>>20, kept.HeapAlloc>>20)
	if alloc > 100<<20 {
		t.Errorf("Recognize of a %d-token article allocated %d MB; want at most 100 MB", len(doc.Tokens), alloc>>20)
	}
	if kept.HeapAlloc > before.HeapAlloc+16<<20 {
		t.Errorf("Recognize of a %d-token article left %d MB more in the heap after news articles; want at most 16 MB",
			len(doc.Tokens), (kept.HeapAlloc-before.HeapAlloc)>>20)
	}
}
