package timex

import (
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/nlptest"
)

// BenchmarkExtractCold: Extract on the pipeline's 600-word article with the caches
// and the TLB cold, thread CPU per call (nlptest.ColdCPU).
//
//	go test ./internal/timex -run '^$' -bench ExtractCold -benchmem -cpu 1
func BenchmarkExtractCold(b *testing.B) {
	doc := nlptest.Tagged(b, nlptest.BenchArticle(b))
	anchor := time.Date(2023, 9, 20, 10, 0, 0, 0, time.UTC)
	nlptest.ColdCPU(b, func() { Extract(doc, anchor) })
}
