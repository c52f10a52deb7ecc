package stats

import (
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
)

// BenchmarkComputeCold: Compute on the pipeline's 600-word article with the caches
// and the TLB cold, thread CPU per call (nlptest.ColdCPU).
//
//	go test ./internal/stats -run '^$' -bench ComputeCold -benchmem -cpu 1
func BenchmarkComputeCold(b *testing.B) {
	doc := nlptest.Tagged(b, nlptest.BenchArticle(b))
	nlptest.ColdCPU(b, func() { Compute(doc) })
}
