package keyphrase

import (
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
)

// BenchmarkExtractCold: Extract on the pipeline's 600-word article with the caches
// and the TLB cold, thread CPU per call (nlptest.ColdCPU).
//
//	go test ./internal/keyphrase -run '^$' -bench ExtractCold -benchmem -cpu 1
func BenchmarkExtractCold(b *testing.B) {
	doc := nlptest.Tagged(b, nlptest.BenchArticle(b))
	e, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	e.Extract(doc, 10)
	nlptest.ColdCPU(b, func() { e.Extract(doc, 10) })
}
