package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
)

// distinctArticles returns n different articles of about 600 words, cut
// from the paragraphs of the benchmark articles (written for the
// benchmarks): the first six are disjoint runs of paragraphs, the
// following ones take every other or every third paragraph in reverse order,
// so they share paragraphs with the first six but not their sequence.
func distinctArticles(tb testing.TB, n int) []string {
	tb.Helper()
	var pool []string
	for _, f := range []string{"bench_3000.txt", "bench_600.txt"} {
		for p := range strings.SplitSeq(readBenchArticle(tb, f), "\n\n") {
			if len(strings.Fields(p)) >= 10 { // no titles, bylines or headings
				pool = append(pool, strings.TrimSpace(p))
			}
		}
	}
	const words = 600
	var arts []string
	var cur []string
	w := 0
	flush := func() {
		arts = append(arts, strings.Join(cur, "\n\n"))
		cur, w = nil, 0
	}
	for _, p := range pool {
		cur = append(cur, p)
		if w += len(strings.Fields(p)); w >= words {
			flush()
		}
	}
	cur, w = nil, 0
	for stride := 2; len(arts) < n; stride++ {
		for i := len(pool) - 1 - stride%2; i >= 0 && w < words; i -= stride {
			cur = append(cur, pool[i])
			w += len(strings.Fields(pool[i]))
		}
		flush()
	}
	return arts[:n]
}

// stepState prepares one article for running stage by stage, as Analyze
// does before its first stage.
func stepState(e *Engine, req *Request) (*State, []*loadedStage) {
	r := *req
	r.SummarySentences = cmpOr(r.SummarySentences, DefaultSummarySentences)
	r.KeyPhraseCount = cmpOr(r.KeyPhraseCount, DefaultKeyPhraseCount)
	fs := cmpOr(r.Features, NewFeatureSet())
	st := &State{Request: &r, Features: fs, Analysis: &Analysis{}, Scratch: map[string]any{}}
	run, _ := e.plan(fs)
	return st, run
}

func cmpOr[T comparable](a, b T) T {
	var zero T
	if a != zero {
		return a
	}
	return b
}

// runArticleMajor runs every stage on one article, then every stage on the
// next: the order of Analyze.
func runArticleMajor(tb testing.TB, e *Engine, reqs []*Request) []*State {
	out := make([]*State, len(reqs))
	for i, req := range reqs {
		st, run := stepState(e, req)
		for _, s := range run {
			if err := runStage(context.Background(), s, st); err != nil {
				tb.Fatal(err)
			}
		}
		out[i] = st
	}
	return out
}

// runStageMajor runs the first stage on every article, then the second
// stage on every article, and so on.
func runStageMajor(tb testing.TB, e *Engine, reqs []*Request) []*State {
	sts := make([]*State, len(reqs))
	var run []*loadedStage
	for i, req := range reqs {
		sts[i], run = stepState(e, req)
	}
	for _, s := range run {
		for _, st := range sts {
			if err := runStage(context.Background(), s, st); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return sts
}

// BenchmarkStageMajor compares the two orders of running the stages on a
// batch of n different 600-word articles on one thread: article-major (each
// article through every stage, as Analyze does) and stage-major (each stage
// over every article of the batch, so that a stage's model tables are
// pulled into the caches once per batch rather than once per article). Each
// iteration runs one batch in each order, in turns, so that a change in
// the machine's load falls on both alike. It reports the thread CPU per
// article of a batch, for each order: median and first quartile, and the
// ratio of the medians (stage/article). In "cold", 64 MB are written before
// each batch (not timed), so that every batch starts with the models out
// of the caches; in "warm" nothing is, and only the batches' own work moves
// the caches. With n=1 the two orders are the same: the ratio shows the
// noise.
//
//	go test ./internal/pipeline -run '^$' -bench StageMajor -cpu 1 -benchtime 100x
func BenchmarkStageMajor(b *testing.B) {
	e := benchEngine(b)
	arts := distinctArticles(b, 8)
	reqs := make([]*Request, len(arts))
	for i, s := range arts {
		reqs[i] = benchRequest(s)
	}
	// both orders give every article the same analysis
	am, sm := runArticleMajor(b, e, reqs), runStageMajor(b, e, reqs)
	for i := range am {
		x, _ := json.Marshal(am[i].Analysis)
		y, _ := json.Marshal(sm[i].Analysis)
		if string(x) != string(y) {
			b.Fatalf("article %d: the two orders differ", i)
		}
	}
	for _, cold := range []bool{false, true} {
		for _, n := range []int{1, 2, 4, 8} {
			name := fmt.Sprintf("%s/n=%d", map[bool]string{false: "warm", true: "cold"}[cold], n)
			b.Run(name, func(b *testing.B) {
				var junk []uint64
				if cold {
					junk = make([]uint64, 8<<20)
				}
				defer cputime.LockThread()()
				var ds [2][]time.Duration // article-major, stage-major
				k := 0
				for b.Loop() {
					for m, run := range []func(testing.TB, *Engine, []*Request) []*State{runArticleMajor, runStageMajor} {
						for j := range junk {
							junk[j]++
						}
						// a different batch each time, rotating over the articles
						batch := make([]*Request, n)
						for j := range batch {
							batch[j] = reqs[(k+j)%len(reqs)]
						}
						k += n
						c0 := cputime.Thread()
						run(b, e, batch)
						ds[m] = append(ds[m], (cputime.Thread()-c0)/time.Duration(n))
					}
				}
				ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
				var med [2]float64
				for m, order := range []string{"article", "stage"} {
					slices.Sort(ds[m])
					med[m] = ms(ds[m][len(ds[m])/2])
					b.ReportMetric(med[m], order+"-med-cpu-ms")
					b.ReportMetric(ms(ds[m][len(ds[m])/4]), order+"-p25-cpu-ms")
				}
				b.ReportMetric(med[1]/med[0], "stage/article")
			})
		}
	}
}

// BenchmarkEngineCombining runs 8 callers at once, each analysing the
// different 600-word articles in turn through Analyze, as the server does
// at concurrency 8: with stage combining off (batch=1) and on (the
// default), with the default admission (2 analyses per CPU, the rest
// queued) and with 4 per CPU. The variants take turns in rounds of 100
// articles, so that a change in the machine's load falls on all of them
// alike. It reports each variant's process CPU per article (GC included,
// from cputime.Process), which is what the throughput of a busy machine
// follows, its articles/s, and the stage runs per article done by another
// goroutine (parked), and the latency of Analyze (p50, p99, max: queue
// wait included).
//
//	go test ./internal/pipeline -run '^$' -bench EngineCombining -cpu 2 -benchtime 20x
func BenchmarkEngineCombining(b *testing.B) {
	e := benchEngine(b)
	arts := distinctArticles(b, 8)
	type variant struct {
		name            string
		batch, inFlight int
		cpu, wall       time.Duration
		parked, n       int64
		lat             []time.Duration
	}
	procs := runtime.GOMAXPROCS(0)
	vs := []*variant{
		{name: "batch=1", batch: 1, inFlight: DefaultInFlightPerCPU * procs},
		{name: "batch=4", batch: DefaultStageBatch, inFlight: DefaultInFlightPerCPU * procs},
		{name: "batch=4,in-flight=4/cpu", batch: DefaultStageBatch, inFlight: 4 * procs},
	}
	oldBatch, oldLimit, oldQueue, oldWait := e.batch, e.adm.limit, e.adm.maxQueue, e.adm.maxWait
	defer func() { e.batch, e.adm.limit, e.adm.maxQueue, e.adm.maxWait = oldBatch, oldLimit, oldQueue, oldWait }()
	e.adm.maxWait = time.Minute // a busy machine must not fail the benchmark
	var mu sync.Mutex
	const callers, round = 8, 100
	for b.Loop() {
		for _, v := range vs {
			e.batch, e.adm.limit, e.adm.maxQueue = v.batch, v.inFlight, v.inFlight
			var next atomic.Int64
			cpu0, t0, parked0 := cputime.Process(), time.Now(), e.combined.Load()
			var wg sync.WaitGroup
			for range callers {
				wg.Go(func() {
					for k := next.Add(1); k <= round; k = next.Add(1) {
						t0 := time.Now()
						if _, err := e.Analyze(context.Background(), benchRequest(arts[k%int64(len(arts))]), nil); err != nil {
							b.Error(err)
							return
						}
						mu.Lock()
						v.lat = append(v.lat, time.Since(t0))
						mu.Unlock()
					}
				})
			}
			wg.Wait()
			v.cpu += cputime.Process() - cpu0
			v.wall += time.Since(t0)
			v.parked += e.combined.Load() - parked0
			v.n += round
		}
	}
	for _, v := range vs {
		b.ReportMetric(float64(v.cpu.Microseconds())/1000/float64(v.n), v.name+"-cpu-ms/op")
		b.ReportMetric(float64(v.n)/v.wall.Seconds(), v.name+"-articles/s")
		b.ReportMetric(float64(v.parked)/float64(v.n), v.name+"-parked/op")
		slices.Sort(v.lat)
		b.ReportMetric(float64(v.lat[len(v.lat)/2].Microseconds())/1000, v.name+"-p50-ms")
		b.ReportMetric(float64(v.lat[len(v.lat)*99/100].Microseconds())/1000, v.name+"-p99-ms")
		b.ReportMetric(float64(v.lat[len(v.lat)-1].Microseconds())/1000, v.name+"-max-ms")
	}
}
