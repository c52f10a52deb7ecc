package category

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/text"
)

// BenchmarkClassify600 classifies the pipeline's 600-word benchmark
// article and reports the CPU time per call of the benchmark's thread
// (robust to other processes on the machine).
func BenchmarkClassify600(b *testing.B) {
	c := mustLoad(b)
	src, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Skip(err)
	}
	doc := text.Analyze(string(src))
	defer cputime.LockThread()()
	b.ReportAllocs()
	c.Classify(doc)
	t0 := cputime.Thread()
	n := 0
	for b.Loop() {
		c.Classify(doc)
		n++
	}
	b.ReportMetric(float64((cputime.Thread()-t0).Nanoseconds())/float64(n), "cpu-ns/op")
}

// BenchmarkClassify600Cold is BenchmarkClassify600 with 64 MB written
// between calls, so that the model starts out of the caches and the TLB
// as in a busy server (see the pipeline's BenchmarkPipelineCPU); it
// reports the minimum and median CPU time per call.
//
//	go test ./internal/category -run '^$' -bench Classify600Cold -cpu 1 -benchtime 200x -count 5
func BenchmarkClassify600Cold(b *testing.B) {
	c := mustLoad(b)
	src, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Skip(err)
	}
	doc := text.Analyze(string(src))
	junk := make([]uint64, 8<<20)
	defer cputime.LockThread()()
	c.Classify(doc)
	var ds []time.Duration
	for b.Loop() {
		for j := range junk {
			junk[j]++
		}
		t0 := cputime.Thread()
		c.Classify(doc)
		ds = append(ds, cputime.Thread()-t0)
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[0].Nanoseconds()), "min-cpu-ns/op")
	b.ReportMetric(float64(ds[len(ds)/2].Nanoseconds()), "med-cpu-ns/op")
}
