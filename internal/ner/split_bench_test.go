package ner_test

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/text"
)

// BenchmarkStageSplit splits the pipeline's pos and entities stages on its
// 600-word article into pos.Tag, ner.Recognize and entity.Resolve, and
// reports the minimum and median CPU time of each per article (the
// benchmark's thread) (the
// minimum is what the code costs when no neighbour takes the CPU). In
// "cold", 64 MB are written between articles, so the models start out of
// the caches, as they do in the pipeline after the other stages.
func BenchmarkStageSplit(b *testing.B) {
	for _, cold := range []bool{false, true} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			tg, r := models(b)
			s, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
			if err != nil {
				b.Fatal(err)
			}
			var junk []uint64
			if cold {
				junk = make([]uint64, 8<<20)
			}
			var tp, tn, te []time.Duration
			defer cputime.LockThread()()
			for b.Loop() {
				doc := text.Analyze(string(s))
				for j := range junk {
					junk[j]++
				}
				c0 := cputime.Thread()
				tg.Tag(doc)
				c1 := cputime.Thread()
				ms := r.Recognize(doc)
				c2 := cputime.Thread()
				entity.Resolve(doc, ms)
				c3 := cputime.Thread()
				tp, tn, te = append(tp, c1-c0), append(tn, c2-c1), append(te, c3-c2)
			}
			for _, p := range []struct {
				name string
				d    []time.Duration
			}{{"pos", tp}, {"ner", tn}, {"resolve", te}} {
				slices.Sort(p.d)
				b.ReportMetric(float64(p.d[0].Microseconds()), p.name+"-min-µs")
				b.ReportMetric(float64(p.d[len(p.d)/2].Microseconds()), p.name+"-med-µs")
			}
		})
	}
}
