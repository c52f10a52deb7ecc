package text

import (
	"os"
	"testing"
)

func benchText(b *testing.B) string {
	data, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

// BenchmarkAnalyze tokenises and sentence-splits a 600-word news article.
func BenchmarkAnalyze(b *testing.B) {
	s := benchText(b)
	n := len(Analyze(s).Tokens)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(s)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkTokenize(b *testing.B) {
	s := benchText(b)
	n := len(Tokenize(s))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(s)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkSplitSentences(b *testing.B) {
	s := benchText(b)
	toks := Tokenize(s)
	b.ReportAllocs()
	for b.Loop() {
		SplitSentences(s, toks)
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
