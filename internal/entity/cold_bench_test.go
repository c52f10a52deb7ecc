package entity_test

import (
	"os"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
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
		coldModels(b, func() { touchDoc(doc, ms) }, func() { entity.Resolve(doc, ms) })
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

// coldModels is nlptest.ColdCPU with touch run (untimed) after the caches
// are pushed out and before f.
func coldModels(b *testing.B, touch, f func()) {
	var junk []uint64
	if os.Getenv("LECTOR_BENCH_WARM") == "" {
		junk = make([]uint64, 4<<20)
	}
	defer cputime.LockThread()()
	var ds []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		for j := range junk {
			junk[j]++
		}
		touch()
		c0 := cputime.Thread()
		f()
		ds = append(ds, cputime.Thread()-c0)
	}
	runtime.KeepAlive(junk)
	slices.Sort(ds)
	b.ReportMetric(float64(ds[0].Nanoseconds())/1e3, "min-cpu-us")
	b.ReportMetric(float64(ds[len(ds)/2].Nanoseconds())/1e3, "med-cpu-us")
}
