package quotes_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/quotes"
)

// BenchmarkExtractCold: Extract on the pipeline's 600-word article with the caches
// and the TLB cold, thread CPU per call (nlptest.ColdCPU).
//
//	go test ./internal/quotes -run '^$' -bench ExtractCold -benchmem -cpu 1
func BenchmarkExtractCold(b *testing.B) {
	doc, ents, _ := pipeline(b, nlptest.BenchArticle(b))
	nlptest.ColdCPU(b, func() { quotes.Extract(doc, ents) })
}
