package sentiment

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
)

// benchText is a made-up news report (written for the tests).
const benchText = `The prime minister of Norland, Elsa Varga, on Monday dismissed the opposition's plan as a reckless gamble that would wreck the economy.
Opposition leader Tomas Reyes said the government had failed families and accused Elsa Varga of hiding the true cost of her reforms.
Economists at the central bank welcomed the budget, calling it a careful and credible step towards lower inflation.
The two leaders will meet in the capital on Thursday, officials said.
Supporters praised Reyes for his energy, but critics called his proposals naive and dangerous.
Varga, who won a landslide victory three years ago, remains popular in rural districts, according to a recent poll.
`

func benchDoc() *text.Document {
	d := text.Analyze(strings.Repeat(benchText, 20))
	tagger.Tag(d)
	return d
}

func BenchmarkSentences(b *testing.B) {
	m := mustLoad(b)
	doc := benchDoc()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		dc := *doc // a new document each time: no per-document cache
		m.Sentences(&dc)
	}
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkTarget(b *testing.B) {
	m := mustLoad(b)
	doc := benchDoc()
	var ms []text.Span
	for _, name := range []string{"Elsa Varga", "Varga"} {
		ms = append(ms, spansOf(doc.Text, name)...)
	}
	// tokens of the sentences that hold a mention, i.e. the text scored
	ntok := 0
	for _, s := range doc.Sentences {
		for _, sp := range ms {
			if sp.Start >= s.Start && sp.Start < s.End {
				ntok += s.Last - s.First
				break
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		dc := *doc // a new document each time: no per-document cache
		m.Target(&dc, ms)
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkArticle does what the pipeline's sentiment stage does on an
// article of about 600 words: sentence scores, the document score and the
// score of each entity. It reports CPU time per article (cpu-ns/article),
// which says more than wall time on a busy machine.
func BenchmarkArticle(b *testing.B) {
	m := mustLoad(b)
	d := text.Analyze(strings.Repeat(benchText, 5))
	tagger.Tag(d)
	var ents [][]text.Span
	for _, names := range [][]string{{"Elsa Varga", "Varga"}, {"Tomas Reyes", "Reyes"}, {"Norland"}} {
		var ms []text.Span
		for _, n := range names {
			ms = append(ms, spansOf(d.Text, n)...)
		}
		ents = append(ents, ms)
	}
	unlock := cputime.LockThread()
	defer unlock()
	b.ReportAllocs()
	start := cputime.Thread()
	for b.Loop() {
		dc := *d // a new document each time, as in the server
		m.Document(&dc, m.Sentences(&dc))
		for _, ms := range ents {
			m.Target(&dc, ms)
		}
	}
	b.ReportMetric(float64((cputime.Thread()-start).Nanoseconds())/float64(b.N), "cpu-ns/article")
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/(cputime.Thread()-start).Seconds(), "tokens/cpu-s")
}

// BenchmarkArticle600 does what the pipeline's sentiment stage does on
// the pipeline's 600-word benchmark article (its named entities, mentions
// grouped by text), with, in "cold", 64 MB written between articles so that the model
// starts out of the caches and the TLB as in a busy server (see the
// pipeline's BenchmarkPipelineCPU) in "cold"; it reports the minimum and
// median CPU time per article.
func BenchmarkArticle600(b *testing.B) {
	m := mustLoad(b)
	raw, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Skip(err)
	}
	d, mentions := nlptest.Mentions(b, string(raw))
	byText := map[string][]text.Span{}
	var names []string
	for _, mn := range mentions {
		if byText[mn.Text] == nil {
			names = append(names, mn.Text)
		}
		byText[mn.Text] = append(byText[mn.Text], text.Span{Start: mn.Start, End: mn.End})
	}
	for _, cold := range []bool{false, true} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			var junk []uint64
			if cold {
				junk = make([]uint64, 8<<20)
			}
			unlock := cputime.LockThread()
			defer unlock()
			b.ReportAllocs()
			var ds []time.Duration
			for b.Loop() {
				for j := range junk {
					junk[j]++
				}
				dc := *d // a new document each time, as in the server
				c0 := cputime.Thread()
				m.Document(&dc, m.Sentences(&dc))
				for _, n := range names {
					m.Target(&dc, byText[n])
				}
				ds = append(ds, cputime.Thread()-c0)
			}
			slices.Sort(ds)
			b.ReportMetric(float64(len(names)), "entities")
			b.ReportMetric(float64(ds[0].Nanoseconds()), "min-cpu-ns/article")
			b.ReportMetric(float64(ds[len(ds)/2].Nanoseconds()), "med-cpu-ns/article")
		})
	}
}
