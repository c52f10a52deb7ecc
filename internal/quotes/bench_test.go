package quotes_test

import (
	"os"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/quotes"
)

// BenchmarkExtract600 extracts the quotes of the pipeline's 600-word bench
// article and reports the thread CPU time per article (steadier than wall
// time on a shared machine).
//
//	go test ./internal/quotes -run '^$' -bench Extract600 -cpu 1 -count 5
func BenchmarkExtract600(b *testing.B) {
	s, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Skipf("bench article: %v", err)
	}
	doc, ents, _ := pipeline(b, string(s))
	b.ReportAllocs()
	var cpu time.Duration
	for b.Loop() {
		cpu += cputime.Run(func() { quotes.Extract(doc, ents) })
	}
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-us/op")
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
}
