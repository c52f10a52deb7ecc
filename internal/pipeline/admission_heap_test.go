package pipeline

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// heapArticle is an English news-like article of about n bytes, full of
// invented names (the recogniser's costly input), written for the tests.
func heapArticle(n int) string {
	return repeatTo(n, func(i int) string {
		return scaleEnglish(i) + scaleName(i) + " of " + scaleName(i*7+3) + " said on Monday. "
	})
}

// peakSampler samples the Go runtime's memory every millisecond and keeps
// the peaks of the heap objects and of the memory the runtime holds from
// the system and has not released (about the Go part of the resident
// size; the models' tables outside the Go heap come on top).
type peakSampler struct {
	stop       chan struct{}
	done       sync.WaitGroup
	heap, held atomic.Uint64
}

func startPeakSampler() *peakSampler {
	p := &peakSampler{stop: make(chan struct{})}
	samples := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	read := func() {
		metrics.Read(samples)
		h := samples[0].Value.Uint64()
		r := samples[1].Value.Uint64() - samples[2].Value.Uint64()
		if h > p.heap.Load() {
			p.heap.Store(h)
		}
		if r > p.held.Load() {
			p.held.Store(r)
		}
	}
	p.done.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			read()
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
		}
	})
	return p
}

func (p *peakSampler) end() (heap, held uint64) {
	close(p.stop)
	p.done.Wait()
	return p.heap.Load(), p.held.Load()
}

// serverGC sets the server's default collector settings (--gc-percent 200,
// --memory-limit 256 MiB) for the test and restores the previous ones.
func serverGC(tb testing.TB) {
	gc := debug.SetGCPercent(200)
	lim := debug.SetMemoryLimit(256 << 20)
	tb.Cleanup(func() { debug.SetGCPercent(gc); debug.SetMemoryLimit(lim) })
}

// withAdmission sets the slots, queue and wait of the shared engine for the
// test, and restores them.
// slotBytes 0 weighs every call one slot, as before the weights.
func withAdmission(tb testing.TB, e *Engine, limit, queue int, wait time.Duration, slotBytes int) {
	a := &e.adm
	a.mu.Lock()
	old := [4]int64{int64(a.limit), int64(a.maxQueue), int64(a.maxWait), int64(a.slotBytes)}
	a.limit, a.maxQueue, a.maxWait, a.slotBytes = limit, queue, wait, slotBytes
	a.mu.Unlock()
	tb.Cleanup(func() {
		a.mu.Lock()
		a.limit, a.maxQueue, a.maxWait, a.slotBytes = int(old[0]), int(old[1]), time.Duration(old[2]), int(old[3])
		a.mu.Unlock()
	})
}

// heapBudget is the budget: the whole server under 500 MB
// resident. The models' tables outside the Go heap and the program take
// about 150 MB of it (see --memory-limit's help).
const heapBudget = 500 << 20

// TestAdmissionHeapFourLargeArticles sends four 1 MB articles at once to
// an engine with the default four slots of a 2-core server and the
// server's collector settings, and fails when the Go memory held from the
// system (heap objects, free spans not yet released, stacks, runtime)
// peaks over the budget. Each 1 MB article weighs the most slots one call
// can take, so they run one at a time (before the weights, all four ran
// at once: 1.1 GB) and wait for each other with the default queue wait
// (see admission.waitFor; with a wait of MaxWait, all but the first were
// refused). Then four articles of one slot's bytes, of the shape that
// takes the most memory per byte (a list of figures, number-list in
// scale_test.go: many tokens), which run at once. Three of the 1 MB
// articles wait at once: the default queue of large articles holds as much
// (DefaultMaxQueueLargeBytes).
func TestAdmissionHeapFourLargeArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("four 1 MB articles: about 20 s of CPU")
	}
	if raceEnabled {
		t.Skip("the race detector's shadow memory")
	}
	serverGC(t)
	e := benchEngine(t) // one copy of the models
	slotBytes, size := SlotBytes, 1<<20
	if os.Getenv("LECTOR_HEAP_UNWEIGHTED") != "" { // the figure before the weights
		slotBytes = 0
	}
	if v := os.Getenv("LECTOR_HEAP_SIZE"); v != "" {
		size, _ = strconv.Atoi(v)
	}
	// the default queue wait: the large articles wait for each other
	// rather than being refused (they were, after 1 s, but the first)
	withAdmission(t, e, 4, 8, DefaultMaxWait, slotBytes)
	// (2000 distinct figures: the keyphrase extractor's cache of words
	// stops growing at 30000, and a list of distinct ones fills it for the
	// tests that come after)
	figures := "The counts were " + repeatTo(SlotBytes-64, func(i int) string { return strconv.Itoa(1000+i%2000) + ", " }) +
		"and more."
	// the largest article the server takes (--max-article-bytes, 1 MiB):
	// the default queue of large articles holds three of them
	// (DefaultMaxQueueLargeBytes), and heapArticle writes a little over
	for _, art := range []string{heapArticle(size)[:size], figures} {
		runtime.GC()
		debug.FreeOSMemory()
		p := startPeakSampler()
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		t0 := time.Now()
		for range 4 {
			wg.Go(func() {
				_, err := e.Analyze(context.Background(), benchRequest(art), nil)
				errs <- err
			})
		}
		wg.Wait()
		heap, held := p.end()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("4 x %d B at once, %v: peak heap objects %d MB, Go memory held %d MB (budget %d MB less the models' tables)",
			len(art), time.Since(t0).Round(time.Millisecond), heap>>20, held>>20, heapBudget>>20)
		if slotBytes > 0 && held > heapBudget-150<<20 {
			t.Errorf("Go memory peaked at %d MB with four %d B articles; the budget leaves %d MB", held>>20, len(art),
				(heapBudget-150<<20)>>20)
		}
	}
}

// TestAdmissionHeapBySize logs the peak Go heap of one article of each
// size, run alone with the server's collector settings: the figures behind
// admissionWeightBytes. LECTOR_HEAP_SIZES=65536,131072 picks the sizes.
func TestAdmissionHeapBySize(t *testing.T) {
	if testing.Short() || os.Getenv("LECTOR_HEAP_SIZES") == "" {
		t.Skip("a measurement: set LECTOR_HEAP_SIZES")
	}
	serverGC(t)
	e := benchEngine(t)
	var sizes []int
	for _, f := range splitComma(os.Getenv("LECTOR_HEAP_SIZES")) {
		n, err := strconv.Atoi(f)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, n)
	}
	for _, n := range sizes {
		art := heapArticle(n)
		runtime.GC()
		debug.FreeOSMemory()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		p := startPeakSampler()
		t0 := time.Now()
		if _, err := e.Analyze(context.Background(), benchRequest(art), nil); err != nil {
			t.Fatal(err)
		}
		d := time.Since(t0)
		heap, held := p.end()
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		fmt.Printf("size %7d B: %6v, peak heap objects %4d MB (%d MB before), Go memory held %4d MB; heap after GC %d MB\n",
			n, d.Round(time.Millisecond), heap>>20, base.HeapAlloc>>20, held>>20, after.HeapAlloc>>20)
	}
}

func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

// TestAdmissionHeapRetained checks what a 1 MB article leaves behind in the
// analysers' pools and caches while news articles keep coming (a buffer
// in a sync.Pool that is taken and put back by every article is never
// dropped by the collector): the Go heap after a collection, once news articles
// have run after the large one, on every P, against the same before it.
// LECTOR_HEAP_SIZE sets the large article's size (a 256 kB one left 57 MB in
// the pools after one collection, dropped at the second; none is kept while
// news articles run). LECTOR_HEAP_PROFILE=file writes the heap profile at
// the end.
func TestAdmissionHeapRetained(t *testing.T) {
	if testing.Short() {
		t.Skip("a 1 MB article")
	}
	if raceEnabled {
		t.Skip("the race detector drops pooled buffers at random")
	}
	e := benchEngine(t)
	small := heapArticle(8 << 10)
	// on every P at once, so that a buffer kept in any P's pool is taken
	news := func() uint64 {
		for range 5 {
			var wg sync.WaitGroup
			for range 2 * runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					for range 2 {
						if _, err := e.Analyze(context.Background(), benchRequest(small), nil); err != nil {
							t.Error(err)
						}
					}
				})
			}
			wg.Wait()
			runtime.GC()
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	before := news()
	size := 1 << 20
	if v := os.Getenv("LECTOR_HEAP_SIZE"); v != "" {
		size, _ = strconv.Atoi(v)
	}
	if _, err := e.Analyze(context.Background(), benchRequest(heapArticle(size)), nil); err != nil {
		t.Fatal(err)
	}
	after := news()
	if f := os.Getenv("LECTOR_HEAP_PROFILE"); f != "" {
		out, err := os.Create(f)
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if err := pprof.WriteHeapProfile(out); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("heap after news articles: %d kB before a %d B article, %d kB after it", before>>10, size, after>>10)
	if after > before+retainedBound {
		t.Errorf("a %d B article left %d MB in the heap while news articles run (bound %d MB)", size,
			(after-before)>>20, retainedBound>>20)
	}
}

// retainedBound is the most a 1 MB article may leave pinned in pools and
// caches.
const retainedBound = 16 << 20
