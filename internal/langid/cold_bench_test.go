package langid

import (
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
)

// BenchmarkDetectCold: Detect on the pipeline's 600-word article with the caches
// and the TLB cold, thread CPU per call (nlptest.ColdCPU).
//
//	go test ./internal/langid -run '^$' -bench DetectCold -benchmem -cpu 1
func BenchmarkDetectCold(b *testing.B) {
	s := nlptest.BenchArticle(b)
	d, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	nlptest.ColdCPU(b, func() { d.Detect(s) })
}
