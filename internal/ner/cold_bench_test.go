package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
)

// BenchmarkRecognizeCold: Recognize on the pipeline's 600-word article
// with the caches and the TLB cold, thread CPU per call (nlptest.ColdCPU).
//
//	go test ./internal/ner -run '^$' -bench RecognizeCold -benchmem -cpu 1
func BenchmarkRecognizeCold(b *testing.B) {
	doc := nlptest.Tagged(b, nlptest.BenchArticle(b))
	_, r := nlptest.Models(b)
	r.Recognize(doc)
	nlptest.ColdCPU(b, func() { r.Recognize(doc) })
}
