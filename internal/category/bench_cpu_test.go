package category

import (
	"os"
	"runtime"
	"syscall"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

func threadCPU() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

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
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	c.Classify(doc)
	t0 := threadCPU()
	n := 0
	for b.Loop() {
		c.Classify(doc)
		n++
	}
	b.ReportMetric(float64(threadCPU()-t0)/float64(n), "cpu-ns/op")
}
