package nlptest

import (
	"os"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
)

// BenchArticle returns the pipeline's 600-word benchmark article
// (internal/pipeline/testdata/bench_600.txt), read from a package directory
// beside internal/pipeline; the benchmark is skipped when it is not there.
func BenchArticle(b *testing.B) string {
	src, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Skip(err)
	}
	return string(src)
}

// ColdCPU runs f in b's loop with the CPU caches and the TLB pushed out
// before each call (32 MB written), as in a busy server where other stages
// ran in between, and reports the minimum and median thread CPU per call
// (min-cpu-us, med-cpu-us), which a busy machine shifts much less than the
// mean. LECTOR_BENCH_WARM=1 leaves out the writes, for the warm cost.
func ColdCPU(b *testing.B, f func()) { ColdCPUAfter(b, nil, f) }

// ColdCPUAfter is ColdCPU with touch (unless nil) run, untimed, after the
// caches are pushed out and before each call of f: what f finds in the
// caches in the server, such as the document a previous stage just wrote.
func ColdCPUAfter(b *testing.B, touch, f func()) {
	var junk []uint64
	if os.Getenv("LECTOR_BENCH_WARM") == "" {
		junk = make([]uint64, 4<<20)
	}
	defer cputime.LockThread()()
	var ds []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		for j := range junk {
			junk[j]++
		}
		if touch != nil {
			touch()
		}
		c0 := cputime.Thread()
		f()
		ds = append(ds, cputime.Thread()-c0)
	}
	runtime.KeepAlive(junk)
	slices.Sort(ds)
	b.ReportMetric(float64(ds[0].Nanoseconds())/1e3, "min-cpu-us")
	b.ReportMetric(float64(ds[len(ds)/2].Nanoseconds())/1e3, "med-cpu-us")
}
