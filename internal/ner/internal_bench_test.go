package ner

import (
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

var tcpu = cputime.Thread

func BenchmarkStages(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	r, _ := Load()
	tg, _ := pos.Load()
	s, _ := os.ReadFile("testdata/bench.txt")
	doc := text.Analyze(string(s))
	tg.Tag(doc)
	bf := new(buffers)
	for _, t := range doc.Tokens {
		bf.in.words = append(bf.in.words, t.Text)
		bf.in.pos = append(bf.in.pos, t.POS)
	}
	for _, s := range doc.Sentences {
		bf.in.sents = append(bf.in.sents, [2]int{s.First, s.Last})
	}
	var tp, t1, t2, t3 time.Duration
	for i := 0; i < b.N; i++ {
		c0 := tcpu()
		bf.ts = prepare(&bf.in, r.cl, r.gv, r.cs, r.gz, bf.ts, &bf.wt)
		c1 := tcpu()
		r.decode(bf, r.m1, r.groups&^FSecondPass, nil)
		c2 := tcpu()
		secondPass(bf.ts, bf.labels, &bf.wt)
		c3 := tcpu()
		r.decode(bf, r.m2, r.groups, nil)
		c4 := tcpu()
		tp += c1 - c0
		t1 += c2 - c1
		t2 += c3 - c2
		t3 += c4 - c3
	}
	n := float64(len(doc.Tokens) * b.N)
	b.ReportMetric(float64(tp.Nanoseconds())/n, "ns/tok-prepare")
	b.ReportMetric(float64(t1.Nanoseconds())/n, "ns/tok-pass1")
	b.ReportMetric(float64(t2.Nanoseconds())/n, "ns/tok-second")
	b.ReportMetric(float64(t3.Nanoseconds())/n, "ns/tok-pass2")
}

func BenchmarkDecodeParts(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	r, _ := Load()
	tg, _ := pos.Load()
	s, _ := os.ReadFile("testdata/bench.txt")
	doc := text.Analyze(string(s))
	tg.Tag(doc)
	bf := new(buffers)
	for _, t := range doc.Tokens {
		bf.in.words = append(bf.in.words, t.Text)
		bf.in.pos = append(bf.in.pos, t.POS)
	}
	for _, s := range doc.Sentences {
		bf.in.sents = append(bf.in.sents, [2]int{s.First, s.Last})
	}
	bf.ts = prepare(&bf.in, r.cl, r.gv, r.cs, r.gz, bf.ts, &bf.wt)
	r.decode(bf, r.m1, r.groups&^FSecondPass, nil)
	var tf, ts, tv time.Duration
	nf := 0
	em := make([]float32, len(bf.ts)*nLabels)
	for i := 0; i < b.N; i++ {
		c0 := tcpu()
		var all [][]uint64
		for j := range bf.ts {
			f := features(bf.ts, j, r.groups&^FSecondPass, nil)
			all = append(all, f)
			nf += len(f)
		}
		c1 := tcpu()
		for j, f := range all {
			r.m1.Score(f, em[j*nLabels:(j+1)*nLabels])
		}
		c2 := tcpu()
		bf.labels = bf.labels[:0]
		for _, s := range bf.in.sents {
			bf.labels = viterbi(s[1]-s[0], em[s[0]*nLabels:s[1]*nLabels], r.m1.Trans, r.m1.Start, bf.back, bf.delta, bf.labels)
		}
		c3 := tcpu()
		tf += c1 - c0
		ts += c2 - c1
		tv += c3 - c2
	}
	n := float64(len(doc.Tokens) * b.N)
	b.ReportMetric(float64(nf)/n, "feats/tok")
	b.ReportMetric(float64(tf.Nanoseconds())/n, "ns/tok-feats")
	b.ReportMetric(float64(ts.Nanoseconds())/n, "ns/tok-score")
	b.ReportMetric(float64(tv.Nanoseconds())/n, "ns/tok-viterbi")
}
