package pos_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
)

// BenchmarkTagCold: Tag on the pipeline's 600-word article with the caches
// and the TLB cold, thread CPU per call (nlptest.ColdCPU); the article is
// tokenised once, and its tags are cleared before each call.
//
//	go test ./internal/pos -run '^$' -bench TagCold -benchmem -cpu 1
func BenchmarkTagCold(b *testing.B) {
	tg := load(b)
	doc := text.Analyze(nlptest.BenchArticle(b))
	nlptest.ColdCPU(b, func() { tg.Tag(doc) })
}
