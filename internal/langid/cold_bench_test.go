package langid

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
)

// BenchmarkDetectCold runs the analyser on the pipeline's 600-word
// benchmark article with its model and buffers pushed out of the CPU caches
// and the TLB between calls (32 MB written), as in a busy server where other
// stages run in between, and reports the minimum and median thread CPU per
// call (LECTOR_BENCH_WARM=1: no writes, the warm cost).
func BenchmarkDetectCold(b *testing.B) {
	src, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Skip(err)
	}
	d, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	s := string(src)
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
		c0 := cputime.Thread()
		d.Detect(s)
		ds = append(ds, cputime.Thread()-c0)
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[0].Nanoseconds())/1e3, "min-cpu-us")
	b.ReportMetric(float64(ds[len(ds)/2].Nanoseconds())/1e3, "med-cpu-us")
}
