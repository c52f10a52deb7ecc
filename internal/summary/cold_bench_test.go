package summary

import (
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
)

// BenchmarkSummarizeCold: Summarize on the pipeline's 600-word article with the caches
// and the TLB cold, thread CPU per call (nlptest.ColdCPU).
//
//	go test ./internal/summary -run '^$' -bench SummarizeCold -benchmem -cpu 1
func BenchmarkSummarizeCold(b *testing.B) {
	doc := nlptest.Tagged(b, nlptest.BenchArticle(b))
	s, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	nlptest.ColdCPU(b, func() { s.Summarize(doc, 3) })
}
