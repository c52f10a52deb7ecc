package pos_test

import (
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

// figuresText is a results table of n bytes: distinct figures in one
// sentence, the most tokens and distinct words per byte.
func figuresText(n int) string {
	var b strings.Builder
	b.WriteString("The counts were ")
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strconv.Itoa(1000 + i*7))
		b.WriteString(", ")
	}
	b.WriteString("and 9.\n")
	return b.String()
}

// proseText is n bytes of sentences of the tagger's vocabulary words,
// invented names and figures, drawn with a fixed seed.
func proseText(tb testing.TB, n int) string {
	words, err := wordclusters.Words()
	if err != nil || len(words) == 0 {
		tb.Skip("no vocabulary", err)
	}
	r := rand.New(rand.NewPCG(7, 11))
	var b strings.Builder
	for b.Len() < n {
		k := 5 + r.IntN(30)
		for j := range k {
			if j > 0 {
				b.WriteByte(' ')
			}
			switch x := r.IntN(40); {
			case x == 0:
				b.WriteString("Vel" + strconv.Itoa(r.IntN(100000)) + "a")
			case x == 1:
				b.WriteString(strconv.Itoa(r.IntN(1000000)))
			case x == 2:
				b.WriteString(",")
			default:
				w := words[r.IntN(len(words))]
				if j == 0 && len(w) > 0 && w[0] >= 'a' && w[0] <= 'z' {
					w = string(w[0]-32) + w[1:]
				}
				b.WriteString(w)
			}
		}
		b.WriteString(". ")
		if r.IntN(8) == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// heapOf returns the bytes f allocates and the peak of live heap objects
// above what was live before it (sampled every 200 us, collector at 10 %).
func heapOf(f func()) (alloc, peak uint64) {
	runtime.GC()
	runtime.GC()
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var top atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			if v := read(); v > top.Load() {
				top.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(200 * time.Microsecond):
			}
		}
	}()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	f()
	runtime.ReadMemStats(&m1)
	if v := read(); v > top.Load() {
		top.Store(v)
	}
	close(done)
	<-stopped
	return m1.TotalAlloc - m0.TotalAlloc, top.Load() - min(base, top.Load())
}

// TestTagHeapLarge bounds the bytes a cold Tag allocates (an upper bound
// on its peak) for a 512 kB table of figures (one sentence of 135k
// tokens, most of them distinct words) and 1 MB of prose: the tables of
// the distinct words of the document (296 bytes of sums each) and the
// per-token buffers of the sentence took 190 MB and 116 MB; now they hold
// a block of maxTypes words and a window of tokens.
func TestTagHeapLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("1.5 MB of text")
	}
	if raceSlowdown > 1 {
		t.Skip("the race detector's allocations")
	}
	tg := load(t)
	for _, c := range []struct {
		name string
		doc  *text.Document
	}{
		{"512 kB figures", text.Analyze(figuresText(512 << 10))},
		{"1 MB prose", text.Analyze(proseText(t, 1<<20))},
	} {
		alloc, peak := heapOf(func() { tg.Tag(c.doc) })
		t.Logf("%s (%d tokens, %d sentences): %d kB allocated, peak +%d kB", c.name, len(c.doc.Tokens), len(c.doc.Sentences), alloc>>10, peak>>10)
		if alloc > 24<<20 {
			t.Errorf("Tag of %s (%d tokens) allocated %d MB; want at most 24 MB", c.name, len(c.doc.Tokens), alloc>>20)
		}
	}
}

// TestTagBlocksSame: the tags and lemmas of a large varied document
// (prose, a table of figures in one sentence, sentences of more than a
// window) are those of each sentence tagged as a document of its own with
// tables that never start over, whatever the size of the tables' blocks.
func TestTagBlocksSame(t *testing.T) {
	tg := load(t)
	src := proseText(t, 96<<10) + " " + figuresText(40<<10) + " " +
		strings.Repeat("the port authority of a small coastal town said its cranes would be replaced, ", 40) + "and so on. " +
		proseText(t, 32<<10)
	doc := text.Analyze(src)
	long := 0
	for _, s := range doc.Sentences {
		long = max(long, s.Last-s.First)
	}
	if long < 3000 {
		t.Fatalf("longest sentence %d tokens: the document is not the one meant", long)
	}
	// the reference: each sentence alone, tables that never start over
	restore := pos.SetMaxTypes(1 << 30)
	want := make([]text.Token, len(doc.Tokens))
	for _, s := range doc.Sentences {
		one := &text.Document{Text: src, Tokens: slices.Clone(doc.Tokens[s.First:s.Last])}
		one.Sentences = []text.Sentence{{Start: s.Start, End: s.End, First: 0, Last: len(one.Tokens)}}
		tg.Tag(one)
		copy(want[s.First:], one.Tokens)
	}
	restore()
	for _, n := range []int{0, 1, 5, 300, 4096} {
		func() {
			defer pos.SetMaxTypes(n)()
			got := text.Analyze(src)
			tg.Tag(got)
			bad := 0
			for i := range got.Tokens {
				if got.Tokens[i] != want[i] {
					if bad++; bad <= 3 {
						t.Errorf("tables of %d words: token %d %+v, want %+v", n, i, got.Tokens[i], want[i])
					}
				}
			}
			if bad > 0 {
				t.Errorf("tables of %d words: %d of %d tokens differ", n, bad, len(got.Tokens))
			}
		}()
	}
	if want[0].POS == "" || want[len(want)-1].POS == "" {
		t.Fatal("untagged tokens")
	}
}
