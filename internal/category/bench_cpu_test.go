package category

import (
	"os"
	"testing"

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
