package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
)

// The benchmark articles are news stories written for these benchmarks
// (not taken from any dataset): about 150, 600 and 3,000 words.
var benchArticles = []struct{ name, file string }{
	{"150w", "bench_150.txt"},
	{"600w", "bench_600.txt"},
	{"3000w", "bench_3000.txt"},
}

// readBenchArticle returns the text of a benchmark article.
func readBenchArticle(tb testing.TB, file string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

var (
	benchEngineOnce sync.Once
	benchEngineVal  *Engine
	benchEngineErr  error
)

// benchEngine returns one engine with every registered stage, loaded once
// per test binary (loading takes a few hundred milliseconds).
func benchEngine(tb testing.TB) *Engine {
	tb.Helper()
	benchEngineOnce.Do(func() { benchEngineVal, benchEngineErr = New(Config{}) })
	if benchEngineErr != nil {
		tb.Fatal(benchEngineErr)
	}
	return benchEngineVal
}

// benchRequest is a text request for all features, anchored so that the
// time expressions resolve.
func benchRequest(s string) *Request {
	return &Request{Source: SourceText, Content: s, Features: NewFeatureSet(),
		PublishTime: time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC)}
}

// BenchmarkPipeline runs every stage (all features) on each benchmark
// article and reports tokens/s, words/s and articles/s on one core (the
// loop is sequential), the process CPU time per article (cpu-ms/op, GC
// included; steadier than wall time when the machine is shared) and
// allocations per article.
//
//	go test ./internal/pipeline -run '^$' -bench Pipeline -benchmem
func BenchmarkPipeline(b *testing.B) {
	e := benchEngine(b)
	for _, art := range benchArticles {
		b.Run(art.name, func(b *testing.B) {
			s := readBenchArticle(b, art.file)
			words := len(strings.Fields(s))
			req := benchRequest(s)
			res, err := e.Analyze(context.Background(), req, nil)
			if err != nil {
				b.Fatal(err)
			}
			if len(res.Analysis.Notices) > 0 {
				b.Logf("notices: %+v", res.Analysis.Notices)
			}
			tokens := len(res.Analysis.Tokens)
			b.ReportAllocs()
			b.SetBytes(int64(len(s)))
			n := 0
			cpu0 := cputime.Process()
			for b.Loop() {
				if _, err := e.Analyze(context.Background(), req, nil); err != nil {
					b.Fatal(err)
				}
				n++
			}
			cpu := cputime.Process() - cpu0
			sec := b.Elapsed().Seconds()
			b.ReportMetric(float64(n*tokens)/sec, "tokens/s")
			b.ReportMetric(float64(n*words)/sec, "words/s")
			b.ReportMetric(float64(n)/sec, "articles/s")
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(n), "cpu-ms/op")
		})
	}
}

// BenchmarkPipelineParallel runs the 600-word article on every core at
// once (b.RunParallel), the engine's throughput without the service.
func BenchmarkPipelineParallel(b *testing.B) {
	e := benchEngine(b)
	s := readBenchArticle(b, "bench_600.txt")
	words := len(strings.Fields(s))
	req := benchRequest(s)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := e.Analyze(context.Background(), req, nil); err != nil {
				b.Error(err)
				return
			}
		}
	})
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N*words)/sec, "words/s")
	b.ReportMetric(float64(b.N)/sec, "articles/s")
}

// BenchmarkStages times each stage on the 600-word article: the per-stage
// timings of the engine averaged over the loop, as ns/article per stage.
func BenchmarkStages(b *testing.B) {
	e := benchEngine(b)
	req := benchRequest(readBenchArticle(b, "bench_600.txt"))
	sum := map[string]time.Duration{}
	n := 0
	for b.Loop() {
		res, err := e.Analyze(context.Background(), req, nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range res.Timings {
			sum[t.Stage] += t.Duration
		}
		n++
	}
	for stage, d := range sum {
		b.ReportMetric(float64(d.Nanoseconds())/float64(n), stage+"-ns/op")
	}
}

// BenchmarkPipelineCPU runs every stage on the 600-word article and
// reports the CPU time of each analysis on the calling thread (the engine
// runs the stages there): its minimum, first quartile and median, which a
// busy machine shifts much less than the mean. In "cold", 64 MB are
// written between articles, so that the models start out of the caches
// and the TLB, as they do in a server where other requests' stages ran in
// between (the per-stage figures of BenchmarkStages are close to cold
// ones, not to warm ones).
//
//	go test ./internal/pipeline -run '^$' -bench PipelineCPU -cpu 1 -benchtime 300x
func BenchmarkPipelineCPU(b *testing.B) {
	e := benchEngine(b)
	req := benchRequest(readBenchArticle(b, "bench_600.txt"))
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
			defer cputime.LockThread()()
			var ds []time.Duration
			for b.Loop() {
				for j := range junk {
					junk[j]++
				}
				c0 := cputime.Thread()
				if _, err := e.Analyze(context.Background(), req, nil); err != nil {
					b.Fatal(err)
				}
				ds = append(ds, cputime.Thread()-c0)
			}
			slices.Sort(ds)
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
			b.ReportMetric(ms(ds[0]), "min-cpu-ms")
			b.ReportMetric(ms(ds[len(ds)/4]), "p25-cpu-ms")
			b.ReportMetric(ms(ds[len(ds)/2]), "med-cpu-ms")
		})
	}
}
