package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/service"
)

// TestAdmissionLargeArticlesEveryPath sends large articles (600 kB of
// text: all the slots but one) at once through unary gRPC, the gRPC
// stream and the REST gateway, with news articles among them: every path
// goes through the engine's one limiter, so the large ones run one at a
// time, the news articles keep the slot they leave, and every call is
// answered (the queue wait is long, and the queue of large articles holds
// all six: the test is about the weights, not the shedding; with the
// default 3 MiB, once refused on a loaded machine, the sixth found the
// five others waiting, none started yet).
func TestAdmissionLargeArticlesEveryPath(t *testing.T) {
	srv := quietServer(t, "--max-in-flight", "4", "--max-queue", "16", "--max-queue-wait", "60s", "--max-queue-large-bytes", "8388608", "--log-level", "error")
	var mu sync.Mutex
	var large, small, maxLarge, smallBesideLarge int
	srv.stages = append(srv.stages, lightStages()...)
	srv.stages = append(srv.stages, pipeline.Stage{Name: "work", Order: 15, Always: true,
		Load: func() (pipeline.RunFunc, error) {
			return func(ctx context.Context, st *pipeline.State) error {
				big := len(st.Request.Content) > 300<<10
				mu.Lock()
				if big {
					large++
					maxLarge = max(maxLarge, large)
				} else {
					small++
					if large > 0 {
						smallBesideLarge++
					}
				}
				mu.Unlock()
				d := 20 * time.Millisecond
				if big {
					d = 200 * time.Millisecond
				}
				select {
				case <-time.After(d):
				case <-ctx.Done():
				}
				mu.Lock()
				if big {
					large--
				} else {
					small--
				}
				mu.Unlock()
				return ctx.Err()
			}, nil
		}})
	runServer(t, srv)
	client := readyClient(t, srv)
	bigText := strings.Repeat("The ferry left the harbour at noon and came back empty. ", 600<<10/56)
	smallText := "The council approved the tram line on Tuesday."
	article := func(s string) *articlev1.Article { return &articlev1.Article{Source: &articlev1.Article_Text{Text: s}} }
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	calls := map[string]func(text string) error{
		"unary": func(text string) error {
			_, err := client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: article(text)})
			return err
		},
		"stream": func(text string) error {
			s, err := client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{Article: article(text)})
			if err != nil {
				return err
			}
			for {
				if _, err := s.Recv(); err == io.EOF {
					return nil
				} else if err != nil {
					return err
				}
			}
		},
		"rest": func(text string) error {
			code, e, b := restCall(t, http.DefaultClient, "POST", "http://"+srv.HTTPAddr()+"/v1/articles:analyze",
				`{"article":{"text":"`+text+`"}}`)
			if code != 200 {
				t.Errorf("REST: %d %s %.200s", code, e.reason(), b)
			}
			return nil
		},
	}
	var wg, bigs sync.WaitGroup
	for path, call := range calls {
		for range 2 {
			bigs.Go(func() {
				if err := call(bigText); err != nil {
					t.Errorf("%s, large: %v", path, err)
				}
			})
		}
	}
	bigsDone := make(chan struct{})
	go func() { bigs.Wait(); close(bigsDone) }()
	// news articles on every path until the large ones are done
	for path, call := range calls {
		wg.Go(func() {
			for {
				select {
				case <-bigsDone:
					return
				default:
				}
				if err := call(smallText); err != nil {
					t.Errorf("%s, news: %v", path, err)
					return
				}
			}
		})
	}
	wg.Wait()
	t.Logf("large articles at once: at most %d; news analyses started beside a large one: %d", maxLarge, smallBesideLarge)
	if maxLarge != 1 {
		t.Errorf("%d large articles ran at once; want 1", maxLarge)
	}
	if smallBesideLarge == 0 {
		t.Errorf("no news article ran beside a large one; want the slot it leaves used")
	}
}

// TestAdmissionLargeQueueApart runs the real server with its default queues
// (four slots, four places for news articles, 3 MiB for the large ones'
// text) and four articles of the largest size, 1 MiB, sent at once over
// gRPC and REST: one runs, three wait, and they hold none of the news
// articles' places, so news articles from four callers on both paths go on
// in the slot the large ones leave and none is refused (with the large
// ones in the queue of four, one place was left and news articles were
// refused). A fifth large article, on either path, is refused at once:
// RESOURCE_EXHAUSTED / 429, reason OVERLOADED, with a retry hint and a
// message naming the large articles' queue. Then the server shuts down
// with the large ones still waiting: every one of them is analysed and
// answered before it stops.
func TestAdmissionLargeQueueApart(t *testing.T) {
	srv := quietServer(t, "--max-in-flight", "4", "--max-queue-wait", "60s", "--shutdown-timeout", "60s", "--log-level", "error")
	hold := make(chan struct{}) // the large analyses wait for it
	var holdOnce sync.Once
	defer holdOnce.Do(func() { close(hold) })
	var mu sync.Mutex
	largeStarted := 0
	srv.stages = append(srv.stages, lightStages()...)
	srv.stages = append(srv.stages, pipeline.Stage{Name: "work", Order: 15, Always: true,
		Load: func() (pipeline.RunFunc, error) {
			return func(ctx context.Context, st *pipeline.State) error {
				if len(st.Request.Content) <= pipeline.SlotBytes {
					select {
					case <-time.After(5 * time.Millisecond):
					case <-ctx.Done():
					}
					return ctx.Err()
				}
				mu.Lock()
				largeStarted++
				mu.Unlock()
				return holdUntil(ctx, hold)
			}, nil
		}})
	var eng *pipeline.Engine
	captureEngine(srv, &eng)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	runDone := make(chan error, 1)
	go func() { runDone <- srv.Run(ctx) }()
	client := readyClient(t, srv)
	rest := "http://" + srv.HTTPAddr() + "/v1/articles:analyze"
	cctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	sentence := "The ferry left the harbour at noon and came back empty. "
	bigText := strings.Repeat(sentence, 1<<20/len(sentence)+1)[:1<<20]
	smallText := "The council approved the tram line on Tuesday."
	article := func(s string) *articlev1.Article { return &articlev1.Article{Source: &articlev1.Article_Text{Text: s}} }
	grpcCall := func(text string) error {
		_, err := client.AnalyzeArticle(cctx, &articlev1.AnalyzeArticleRequest{Article: article(text)},
			grpc.MaxCallRecvMsgSize(64<<20))
		return err
	}
	restCallText := func(text string) (int, errorBody, http.Header) {
		req, _ := http.NewRequestWithContext(cctx, "POST", rest, strings.NewReader(`{"article":{"text":"`+text+`"}}`))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			return 0, errorBody{}, nil
		}
		defer resp.Body.Close()
		var e errorBody
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			json.Unmarshal(b, &e)
		}
		return resp.StatusCode, e, resp.Header
	}
	waitLoad := func(in, waiting int) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(2 * time.Millisecond) {
			i, w, _ := eng.Load()
			if i == in && w == waiting {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("engine Load() = %d slots, %d waiting; want %d, %d", i, w, in, waiting)
			}
		}
	}

	// four large articles: one runs (3 slots), three wait
	var large sync.WaitGroup
	for i := range 4 {
		large.Go(func() {
			if i%2 == 0 {
				if err := grpcCall(bigText); err != nil {
					t.Errorf("large article %d (gRPC): %v", i, err)
				}
				return
			}
			if code, e, _ := restCallText(bigText); code != 200 {
				t.Errorf("large article %d (REST): %d %s %s", i, code, e.reason(), e.Message)
			}
		})
		waitLoad(3, i)
	}

	// a fifth is refused at once, on either path
	t0 := time.Now()
	err := grpcCall(bigText)
	st := status.Convert(err)
	if st.Code() != codes.ResourceExhausted || reason(st) != "OVERLOADED" || !strings.Contains(st.Message(), "queue of large articles") {
		t.Errorf("fifth large article (gRPC): %v; want RESOURCE_EXHAUSTED, OVERLOADED, the large articles' queue", err)
	}
	hint := false
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.RetryInfo); ok && ri.GetRetryDelay().AsDuration() > 0 {
			hint = true
		}
	}
	if !hint {
		t.Errorf("fifth large article (gRPC): no retry hint in %v", st.Details())
	}
	code, e, h := restCallText(bigText)
	if code != http.StatusTooManyRequests || e.reason() != "OVERLOADED" || !strings.Contains(e.Message, "queue of large articles") ||
		h.Get("Retry-After") == "" {
		t.Errorf("fifth large article (REST): %d %s %q, Retry-After %q; want 429, OVERLOADED, the large articles' queue, a hint",
			code, e.reason(), e.Message, h.Get("Retry-After"))
	}
	if d := time.Since(t0); d > 5*time.Second {
		t.Errorf("the fifth large article was refused after %v; want at once", d)
	}

	// news articles from four callers keep flowing beside them
	var news sync.WaitGroup
	var newsOK, newsRefused atomic.Int64
	for c := range 4 {
		news.Go(func() {
			for range 25 {
				var err error
				if c%2 == 0 {
					err = grpcCall(smallText)
				} else if code, e, _ := restCallText(smallText); code != 200 {
					err = fmt.Errorf("%d %s %s", code, e.reason(), e.Message)
				}
				if err != nil {
					newsRefused.Add(1)
					t.Errorf("news article beside the large ones: %v", err)
					continue
				}
				newsOK.Add(1)
			}
		})
	}
	news.Wait()
	t.Logf("news articles beside 1 large running and 3 waiting: %d answered, %d refused", newsOK.Load(), newsRefused.Load())
	mu.Lock()
	if largeStarted != 1 {
		t.Errorf("%d large articles started; want 1 (the others wait)", largeStarted)
	}
	mu.Unlock()
	waitLoad(3, 3)

	// shut down with three large articles waiting: all are answered
	stop()
	time.Sleep(100 * time.Millisecond)
	holdOnce.Do(func() { close(hold) })
	large.Wait()
	select {
	case err := <-runDone:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not stop")
	}
	mu.Lock()
	if largeStarted != 4 {
		t.Errorf("%d large articles analysed; want 4", largeStarted)
	}
	mu.Unlock()
}

// TestAdmissionLargeRetryHintCold: a large article refused by a server
// that has not finished an analysis yet is told to come back when the one
// running should have ended (its text at the engine's cold per-byte
// estimate, 3 µs a byte: 3.1 s for 1 MiB), on gRPC (RetryInfo) and REST
// (Retry-After, whole seconds rounded up). It had the 50 ms floor, and
// callers that honoured it came back sixty times before a slot could free.
func TestAdmissionLargeRetryHintCold(t *testing.T) {
	srv := quietServer(t, "--max-in-flight", "4", "--max-queue-wait", "60s", "--log-level", "error")
	hold := make(chan struct{})
	defer close(hold)
	srv.stages = append(lightStages(), pipeline.Stage{Name: "work", Order: 15, Always: true,
		Load: func() (pipeline.RunFunc, error) {
			return func(ctx context.Context, st *pipeline.State) error {
				return holdUntil(ctx, hold)
			}, nil
		}})
	var eng *pipeline.Engine
	captureEngine(srv, &eng)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	go srv.Run(ctx)
	client := readyClient(t, srv)
	cctx, cancel := context.WithCancel(context.Background())
	defer cancel() // the large calls held end with the test

	sentence := "The ferry left the harbour at noon and came back empty. "
	bigText := strings.Repeat(sentence, 1<<20/len(sentence)+1)[:1<<20]
	call := func() error {
		_, err := client.AnalyzeArticle(cctx, &articlev1.AnalyzeArticleRequest{
			Article: &articlev1.Article{Source: &articlev1.Article_Text{Text: bigText}}})
		return err
	}
	t0 := time.Now()
	for i := range 4 { // one runs, three wait: the large articles' queue is full
		go call()
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(2 * time.Millisecond) {
			if in, w, _ := eng.Load(); in == 3 && w == i {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("large article %d did not start or wait", i)
			}
		}
	}
	const est = 3 * time.Microsecond * (1 << 20) // the running one's expected time
	st := status.Convert(call())
	hint := time.Duration(-1)
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.RetryInfo); ok {
			hint = ri.GetRetryDelay().AsDuration()
		}
	}
	// what is left of the running one's time, which started after t0
	lo, hi := max(est-time.Since(t0), est/8)-20*time.Millisecond, est+10*time.Millisecond
	if st.Code() != codes.ResourceExhausted || reason(st) != "OVERLOADED" || hint < lo || hint > hi {
		t.Errorf("fifth large article (gRPC): %v %s, retry hint %v; want RESOURCE_EXHAUSTED, OVERLOADED, %v-%v",
			st.Code(), reason(st), hint, lo.Round(time.Millisecond), hi)
	}
	req, _ := http.NewRequestWithContext(cctx, "POST", "http://"+srv.HTTPAddr()+"/v1/articles:analyze",
		strings.NewReader(`{"article":{"text":"`+bigText+`"}}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	// Retry-After rounds what is left up to whole seconds
	left := max(est-time.Since(t0), est/8)
	ra, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
	if resp.StatusCode != http.StatusTooManyRequests || time.Duration(ra)*time.Second < left || ra > 4 {
		t.Errorf("fifth large article (REST): %d, Retry-After %d; want 429, %v rounded up", resp.StatusCode, ra, left.Round(time.Millisecond))
	}
}

// captureEngine makes srv hand its engine to *eng as it starts.
func captureEngine(srv *Server, eng **pipeline.Engine) {
	srv.analyzer = func(a service.Analyzer) service.Analyzer {
		*eng = a.(*pipeline.Engine)
		return a
	}
}

// holdUntil waits for hold to close or ctx to end, and returns ctx's error.
func holdUntil(ctx context.Context, hold <-chan struct{}) error {
	select {
	case <-hold:
	case <-ctx.Done():
	}
	return ctx.Err()
}
