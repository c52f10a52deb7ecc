package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
)

// BenchmarkResolveCold: Resolve on the pipeline's 600-word article with the
// caches and the TLB cold, thread CPU per call (nlptest.ColdCPU).
// "models" pushes everything out of the caches but then reads the
// document and the mentions again before the call, as the pipeline's
// earlier stages (the recogniser just before) leave them: the cold part
// is then Resolve's own tables and code, as in the server.
//
//	go test ./internal/entity -run '^$' -bench ResolveCold -benchmem -cpu 1
func BenchmarkResolveCold(b *testing.B) {
	doc, ms := nlptest.Mentions(b, nlptest.BenchArticle(b))
	b.Run("all", func(b *testing.B) {
		nlptest.ColdCPU(b, func() { entity.Resolve(doc, ms) })
	})
	b.Run("models", func(b *testing.B) {
		nlptest.ColdCPUAfter(b, func() { touchDoc(doc, ms) }, func() { entity.Resolve(doc, ms) })
	})
}

var sink int

// touchDoc reads what the stages before Resolve leave in the caches.
func touchDoc(doc *text.Document, ms []ner.Mention) {
	s := 0
	for i := 0; i < len(doc.Text); i += 64 {
		s += int(doc.Text[i])
	}
	for _, t := range doc.Tokens {
		s += t.Start + len(t.POS)
	}
	for _, st := range doc.Sentences {
		s += st.First
	}
	for _, m := range ms {
		s += m.First
	}
	sink += s
}
