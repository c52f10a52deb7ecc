package ner_test

import (
	"github.com/lector-nlp/lector/internal/cputime"
	"os"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

func benchText(b *testing.B) string {
	s, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(s)
}

// BenchmarkRecognize measures the recogniser alone on a tagged document.
func BenchmarkRecognize(b *testing.B) {
	t, r := models(b)
	doc := text.Analyze(benchText(b))
	t.Tag(doc)
	defer cputime.LockThread()()
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cputime.Thread()
	for i := 0; i < b.N; i++ {
		r.Recognize(doc)
	}
	report(b, len(doc.Tokens), cputime.Thread()-c0)
}

// BenchmarkPipeline measures tokenise + POS + NER on raw text.
func BenchmarkPipeline(b *testing.B) {
	t, r := models(b)
	s := benchText(b)
	n := len(text.Analyze(s).Tokens)
	defer cputime.LockThread()()
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cputime.Thread()
	for i := 0; i < b.N; i++ {
		doc := text.Analyze(s)
		t.Tag(doc)
		r.Recognize(doc)
	}
	report(b, n, cputime.Thread()-c0)
}

// report gives throughput per wall-clock second and per CPU-second of
// the benchmark's thread (the machine may be busy with other work).
func report(b *testing.B, tokens int, cpu time.Duration) {
	total := float64(tokens) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(total/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkLoad measures model load time (wall clock, and CPU time of
// the loading thread).
func BenchmarkLoad(b *testing.B) {
	defer cputime.LockThread()()
	c0 := cputime.Thread()
	for i := 0; i < b.N; i++ {
		if _, err := ner.Load(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cputime.Thread()-c0).Milliseconds())/float64(b.N), "cpu-ms/op")
}
