package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// TestPanicFailsOnlyItsItem: a panic inside one analyser fails that item of
// a batch, of a bidirectional stream and of a server stream with INTERNAL
// (no detail leaked), the other items succeed, and the server serves on.
func TestPanicFailsOnlyItsItem(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 10*time.Second)
	texts := []string{"First is fine.", "Second " + panicMarker, "Third is fine."}
	var reqs []*articlev1.AnalyzeArticleRequest
	for i, s := range texts {
		reqs = append(reqs, &articlev1.AnalyzeArticleRequest{Article: textArticle(fmt.Sprint(i), s)})
	}
	checkItem := func(where string, i int, a *articlev1.Analysis, e *status.Status) {
		t.Helper()
		if i == 1 {
			if e == nil || e.Code() != codes.Internal || reason(e) != "INTERNAL" || strings.Contains(e.Message(), "secret") {
				t.Errorf("%s item %d: %v, want INTERNAL without detail", where, i, e)
			}
			return
		}
		if e != nil || a == nil {
			t.Errorf("%s item %d: %v", where, i, e)
		}
	}
	// batch
	resp, err := ts.client.BatchAnalyzeArticles(ctx, &articlev1.BatchAnalyzeArticlesRequest{Requests: reqs})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range resp.GetResults() {
		var e *status.Status
		if r.GetError() != nil {
			e = status.FromProto(r.GetError())
		}
		checkItem("batch", i, r.GetAnalysis(), e)
	}
	// bidirectional stream
	stream, err := ts.client.AnalyzeArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range reqs {
		stream.Send(&articlev1.AnalyzeArticlesRequest{Article: r.GetArticle(), Features: []articlev1.Feature{articlev1.Feature_FEATURE_STATISTICS}})
		_ = i
	}
	stream.CloseSend()
	n := 0
	for {
		r, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("bidi stream failed as a whole: %v", err)
		}
		var e *status.Status
		if r.GetError() != nil {
			e = status.FromProto(r.GetError())
		}
		checkItem("bidi", int(r.GetRequestIndex()), r.GetAnalysis(), e)
		n++
	}
	if n != 3 {
		t.Errorf("bidi: %d results", n)
	}
	// server stream: the call ends with INTERNAL
	ss, err := ts.client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{Article: reqs[1].GetArticle()})
	if err != nil {
		t.Fatal(err)
	}
	for err == nil {
		_, err = ss.Recv()
	}
	if st := status.Convert(err); st.Code() != codes.Internal || strings.Contains(st.Message(), "secret") {
		t.Errorf("server stream: %v", err)
	}
	if h, err := healthpb.NewHealthClient(ts.conn).Check(ctx, &healthpb.HealthCheckRequest{}); err != nil || h.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("health after panics: %v", err)
	}
	if _, err := ts.client.AnalyzeArticle(ctx, reqs[0]); err != nil {
		t.Fatalf("after panics: %v", err)
	}
}

// cancelArticle is about 16 KB of news-like text written for this test,
// a long news article.
func cancelArticle(n int) string {
	para := "The city council of Harbourton voted on Tuesday to build a new bridge over the Aldwin river, said Mayor Ellen Park. " +
		"\"We waited ten years for this,\" she told reporters in the town hall. " +
		"The project will cost $40 million and open in March 2028, according to the plan.\n\n"
	return strings.Repeat(para, n/len(para)+1)
}

// TestCancelStopsWork cancels the analysis of an article with every
// analyser at points spread over its run and measures how long the
// analysis goes on after the cancel: the engine returns, and the process
// stops spending CPU, within 50 ms. The engine checks ctx between stages,
// so the bound is the longest stage of the article (see the report for
// 1 MB articles).
func TestCancelStopsWork(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	eng, err := pipeline.New(pipeline.Config{MaxTextBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	art := cancelArticle(16 << 10)
	req := &pipeline.Request{Source: pipeline.SourceText, Content: art}
	full := time.Hour
	for range 3 { // warm up; the fastest run sets the cancel points
		start := time.Now()
		if _, err := eng.Analyze(context.Background(), req, nil); err != nil {
			t.Fatal(err)
		}
		full = min(full, time.Since(start))
	}
	const points = 8
	var worst time.Duration
	var worstCPU time.Duration
	interrupted := 0
	cpuBound := 20 * time.Millisecond * raceSlowdown
	goroutines := 0 // before the last analysis began
	// analyze runs the analysis and cancels it after at; it reports when
	// the cancel was made, when the analysis returned and its error
	analyze := func(at time.Duration) (cancelled, end time.Time, aerr error) {
		// the garbage of the runs before is collected now, not in the
		// window measured after the cancel (a collection there read 21 ms
		// of CPU under a parallel go test ./...)
		runtime.GC()
		goroutines = runtime.NumGoroutine()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan time.Time, 1)
		var wg sync.WaitGroup
		wg.Go(func() {
			_, aerr = eng.Analyze(ctx, req, nil)
			done <- time.Now()
		})
		time.Sleep(at)
		cancel()
		cancelled = time.Now()
		select {
		case end = <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("the analysis did not stop within 5 s of cancel")
		}
		wg.Wait()
		return cancelled, end, aerr
	}
	for i := range points {
		// cancel points in the first half of the fastest run. On a busy
		// machine a sleep can overrun by tens of milliseconds, or the
		// load falls and later runs are faster than the warm-up, and the
		// cancel came after the end (3 of 8 interrupted under a parallel
		// go test, and again beside CI): such a point is tried again at
		// half its time, up to three times
		at := full * time.Duration(i) / (2 * points)
		cancelled, end, aerr := analyze(at)
		for retry := 0; retry < 3 && pipeline.KindOf(aerr) != pipeline.KindCanceled; retry++ {
			t.Logf("cancel at %v: the analysis had finished (%v); again at half", at, aerr)
			at /= 2
			cancelled, end, aerr = analyze(at)
		}
		if pipeline.KindOf(aerr) != pipeline.KindCanceled {
			t.Logf("cancel at %v: the analysis had finished (%v)", at, aerr)
			continue
		}
		interrupted++
		// CPU the process spends from 50 ms after the cancel on, over 100 ms.
		// The process also runs what earlier tests left behind (servers
		// closing, the runtime's scavenger): 35 ms of it came in the window
		// of a cancel made before the analysis began, once in CI. Work the
		// analysis left running keeps going, so a window over the bound is
		// measured again, up to twice, and the least counts.
		time.Sleep(max(0, 50*time.Millisecond-time.Since(cancelled)))
		var cpu time.Duration
		for w := 0; w < 3; w++ {
			c0 := cputime.Process()
			time.Sleep(100 * time.Millisecond)
			c := cputime.Process() - c0
			if w == 0 || c < cpu {
				cpu = c
			}
			if cpu <= cpuBound {
				break
			}
		}
		// and no goroutine of the analysis is left: the count is back to
		// what it was before it began
		if n := runtime.NumGoroutine(); n > goroutines {
			t.Errorf("cancel at %v: %d goroutines after the analysis returned, %d before it began", at, n, goroutines)
		}
		lat := max(0, end.Sub(cancelled))
		worst, worstCPU = max(worst, lat), max(worstCPU, cpu)
		t.Logf("cancel at %v of %v: analysis returned %v after the cancel; CPU from +50 ms over 100 ms: %v", at.Round(time.Millisecond), full.Round(time.Millisecond), lat.Round(time.Microsecond), cpu)
	}
	if interrupted < points/2 {
		t.Fatalf("only %d of %d cancels interrupted the analysis", interrupted, points)
	}
	// The criterion is CPU: on a loaded machine the goroutine may wait to
	// be scheduled after it stopped working, so wall time only catches a
	// stage that ignores the cancel altogether.
	t.Logf("worst: returned %v after a cancel; %v of CPU from +50 ms", worst, worstCPU)
	if worst > 250*time.Millisecond*raceSlowdown {
		t.Errorf("the analysis went on for %v after a cancel", worst)
	}
	if worstCPU > cpuBound {
		t.Errorf("the process spent %v of CPU in 100 ms from 50 ms after a cancel; want ~0", worstCPU)
	}
}

// TestShutdownUnderLoad: calls held in flight over gRPC and REST, plus
// clients sending as fast as they can, when shutdown begins. Every call the
// server accepted completes with its analysis; calls after shutdown began
// are refused (UNAVAILABLE or a refused connection), never cut half-way;
// Run returns nil.
func TestShutdownUnderLoad(t *testing.T) {
	// every held call needs a slot of its own (the default is 2 per CPU)
	ts := mustStart(t, func(c *Config) { c.MaxConcurrency, c.MaxInFlight = 4, 8 })
	ctx := ctxTimeout(t, 20*time.Second)
	const held = 4
	var wg sync.WaitGroup
	heldErr := make(chan error, 2*held)
	for i := range held {
		wg.Go(func() {
			r, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle(fmt.Sprint(i), "Held in flight. "+slowMarker)})
			if err == nil && len(r.GetAnalysis().GetSentences()) != 2 {
				err = fmt.Errorf("incomplete analysis: %v", r)
			}
			heldErr <- err
		})
	}
	for range held / 2 {
		wg.Go(func() {
			resp := post(t, ts.base+"/v1/articles:analyze", `{"article":{"text":"Held over REST. `+slowMarker+`"}}`)
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 || !strings.Contains(string(b), "Held over REST.") {
				heldErr <- fmt.Errorf("REST %d: %s", resp.StatusCode, b)
				return
			}
			heldErr <- nil
		})
	}
	for range held + held/2 {
		<-ts.started
	}
	// background load
	stopLoad := make(chan struct{})
	var loadWG sync.WaitGroup
	var mu sync.Mutex
	outcomes := map[string]int{}
	for range 4 {
		loadWG.Go(func() {
			for {
				select {
				case <-stopLoad:
					return
				default:
				}
				_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Load. More load.")})
				mu.Lock()
				outcomes[status.Code(err).String()]++
				mu.Unlock()
				if err != nil {
					time.Sleep(5 * time.Millisecond)
				}
			}
		})
	}
	time.Sleep(100 * time.Millisecond)
	ts.stop() // as SIGTERM does
	<-ts.Server.shutdown
	time.Sleep(200 * time.Millisecond)
	close(ts.release)
	wg.Wait()
	close(heldErr)
	for err := range heldErr {
		if err != nil {
			t.Errorf("an accepted call failed during shutdown: %v", err)
		}
	}
	select {
	case err := <-ts.done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		ts.done <- nil // for the cleanup
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
	}
	close(stopLoad)
	loadWG.Wait()
	t.Logf("background calls by outcome: %v", outcomes)
	for code, n := range outcomes {
		if code != "OK" && code != "Unavailable" {
			t.Errorf("%d background calls ended %s", n, code)
		}
	}
	if outcomes["OK"] == 0 {
		t.Error("no background call succeeded")
	}
}
