package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// Modes of calling the server.
const (
	modeGRPC   = "grpc"   // unary AnalyzeArticle
	modeStream = "stream" // the bidirectional AnalyzeArticles stream
	modeREST   = "rest"   // POST /v1/articles:analyze
)

// target is what the drivers call.
type target struct {
	conns    []*grpc.ClientConn
	clients  []articlev1.ArticleAnalysisServiceClient
	http     *http.Client
	restURL  string
	article  string
	restBody []byte
	words    int
	timeout  time.Duration
	// streamInFlight is how many articles one bidi stream keeps in flight.
	streamInFlight int
	// minBackoff is the least a caller waits after RESOURCE_EXHAUSTED,
	// whatever the server's hint.
	minBackoff time.Duration
}

func (t *target) request(id string) *articlev1.AnalyzeArticleRequest {
	return &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Id: id, Source: &articlev1.Article_Text{Text: t.article}}}
}

func (t *target) client(i int) articlev1.ArticleAnalysisServiceClient {
	return t.clients[i%len(t.clients)]
}

// recorder collects latencies of successful calls and error counts.
type recorder struct {
	mu     sync.Mutex
	lat    []time.Duration
	errs   map[string]int
	ok     atomic.Int64
	failed atomic.Int64
}

func newRecorder() *recorder { return &recorder{errs: map[string]int{}} }

func (r *recorder) success(d time.Duration) {
	r.ok.Add(1)
	r.mu.Lock()
	r.lat = append(r.lat, d)
	r.mu.Unlock()
}

func (r *recorder) failure(code string) {
	r.failed.Add(1)
	r.mu.Lock()
	r.errs[code]++
	r.mu.Unlock()
}

// result is the outcome of one run.
type result struct {
	Mode        string
	Concurrency int
	Elapsed     time.Duration
	OK, Failed  int64
	Errors      map[string]int
	P50, P90    time.Duration
	P99, Max    time.Duration
	ArticlesPS  float64
	WordsPS     float64
	RSSKB       int64         // server VmRSS after the run; 0 when unknown
	CPUPerOK    time.Duration // server CPU time per successful article; 0 when unknown
	OwnCPUPerOK time.Duration // the load generator's own CPU time per successful article
	HWMKB       int64
	Load        string // uptime load averages at the end
}

func (r *recorder) result(mode string, conc, words int, elapsed time.Duration) result {
	r.mu.Lock()
	defer r.mu.Unlock()
	lat := slices.Clone(r.lat)
	slices.Sort(lat)
	res := result{Mode: mode, Concurrency: conc, Elapsed: elapsed, OK: r.ok.Load(), Failed: r.failed.Load(), Errors: map[string]int{}}
	for k, v := range r.errs {
		res.Errors[k] = v
	}
	res.P50, res.P90, res.P99 = quantile(lat, .50), quantile(lat, .90), quantile(lat, .99)
	if len(lat) > 0 {
		res.Max = lat[len(lat)-1]
	}
	res.ArticlesPS = float64(res.OK) / elapsed.Seconds()
	res.WordsPS = res.ArticlesPS * float64(words)
	return res
}

func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

// bound stops a run after a duration or a number of calls, whichever
// comes first (zero means no bound of that kind; one must be set).
type bound struct {
	deadline time.Time
	left     atomic.Int64 // calls still to start; < 0 when unbounded
}

func newBound(d time.Duration, n int) *bound {
	b := &bound{}
	if d > 0 {
		b.deadline = time.Now().Add(d)
	}
	if n > 0 {
		b.left.Store(int64(n))
	} else {
		b.left.Store(-1 << 62)
	}
	return b
}

// take reports whether another call may start.
func (b *bound) take() bool {
	if !b.deadline.IsZero() && time.Now().After(b.deadline) {
		return false
	}
	if b.left.Load() < -1<<61 {
		return true
	}
	return b.left.Add(-1) >= 0
}

// run drives mode at concurrency conc until b ends, and returns what it saw.
func (t *target) run(ctx context.Context, mode string, conc int, b *bound) result {
	rec := newRecorder()
	start := time.Now()
	var wg sync.WaitGroup
	switch mode {
	case modeStream:
		per := max(1, t.streamInFlight)
		for i, left := 0, conc; left > 0; i, left = i+1, left-per {
			n := min(per, left)
			wg.Go(func() { t.driveStream(ctx, i, n, b, rec) })
		}
	default:
		for i := range conc {
			wg.Go(func() {
				for b.take() && ctx.Err() == nil {
					t.call(ctx, mode, i, rec)
				}
			})
		}
	}
	wg.Wait()
	return rec.result(mode, conc, t.words, time.Since(start))
}

// call makes one unary gRPC or REST call and records it; after
// RESOURCE_EXHAUSTED it waits the server's retry hint.
func (t *target) call(ctx context.Context, mode string, worker int, rec *recorder) {
	t.callWith(ctx, mode, worker, rec, true)
}

func (t *target) callWith(ctx context.Context, mode string, worker int, rec *recorder, honourRetry bool) {
	cctx, cancel := context.WithTimeout(ctx, t.timeout)
	defer cancel()
	t0 := time.Now()
	switch mode {
	case modeGRPC:
		_, err := t.client(worker).AnalyzeArticle(cctx, t.request(""))
		if err != nil {
			rec.failure(status.Code(err).String())
			if d, shed := retryDelay(status.Convert(err)); shed && honourRetry {
				sleepCtx(ctx, max(d, t.minBackoff))
			}
			return
		}
	case modeREST:
		req, _ := http.NewRequestWithContext(cctx, http.MethodPost, t.restURL, bytes.NewReader(t.restBody))
		req.Header.Set("Content-Type", "application/json")
		resp, err := t.http.Do(req)
		if err != nil {
			rec.failure("transport")
			return
		}
		if resp.StatusCode != http.StatusOK {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
			rec.failure("HTTP " + strconv.Itoa(resp.StatusCode))
			if resp.StatusCode == http.StatusTooManyRequests && honourRetry {
				sleepCtx(ctx, max(restRetryDelay(resp.Header, body), t.minBackoff))
			}
			return
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			rec.failure("read body")
			return
		}
	}
	rec.success(time.Since(t0))
}

// driveStream keeps up to inFlight articles in flight on one bidi stream
// and records the time from sending each article to receiving its result.
func (t *target) driveStream(ctx context.Context, worker, inFlight int, b *bound, rec *recorder) {
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream, err := t.client(worker).AnalyzeArticles(sctx)
	if err != nil {
		rec.failure(status.Code(err).String())
		return
	}
	tokens := make(chan struct{}, inFlight)
	var mu sync.Mutex
	sent := map[string]time.Time{}
	recvDone := make(chan struct{})
	go func() {
		defer close(recvDone)
		for {
			resp, err := stream.Recv()
			if err != nil {
				if err != io.EOF && ctx.Err() == nil {
					rec.failure(status.Code(err).String())
				}
				return
			}
			mu.Lock()
			t0, ok := sent[resp.GetArticleId()]
			delete(sent, resp.GetArticleId())
			mu.Unlock()
			if e := resp.GetError(); e != nil {
				rec.failure(codeName(e.GetCode()))
				if d, shed := retryDelay(status.FromProto(e)); shed {
					d = max(d, t.minBackoff)
					// the article's place in flight stays taken for the
					// server's retry hint, as a unary caller waits
					time.AfterFunc(d, func() { <-tokens })
					continue
				}
			} else if ok {
				rec.success(time.Since(t0))
			}
			<-tokens
		}
	}()
	for n := 0; ; n++ {
		select {
		case tokens <- struct{}{}:
		case <-recvDone:
			return
		}
		if !b.take() || ctx.Err() != nil {
			break
		}
		id := strconv.Itoa(worker) + "-" + strconv.Itoa(n)
		mu.Lock()
		sent[id] = time.Now()
		mu.Unlock()
		if err := stream.Send(&articlev1.AnalyzeArticlesRequest{Article: &articlev1.Article{Id: id, Source: &articlev1.Article_Text{Text: t.article}}}); err != nil {
			break // Recv reports the error
		}
	}
	stream.CloseSend()
	<-recvDone
}

// retryDelay reports whether st is RESOURCE_EXHAUSTED and the delay to wait
// before the next call: its RetryInfo, or 100 ms.
func retryDelay(st *status.Status) (time.Duration, bool) {
	if st.Code() != codes.ResourceExhausted {
		return 0, false
	}
	d := 100 * time.Millisecond
	for _, det := range st.Details() {
		if ri, ok := det.(*errdetails.RetryInfo); ok {
			d = ri.GetRetryDelay().AsDuration()
		}
	}
	return d, true
}

// restRetryDelay is the wait after an HTTP 429: the RetryInfo of the
// google.rpc.Status body (the hint a gRPC caller gets), else Retry-After
// (whole seconds), else 100 ms.
func restRetryDelay(h http.Header, body []byte) time.Duration {
	var st struct {
		Details []struct {
			Type       string `json:"@type"`
			RetryDelay string `json:"retryDelay"`
		} `json:"details"`
	}
	if json.Unmarshal(body, &st) == nil {
		for _, d := range st.Details {
			if strings.HasSuffix(d.Type, "/google.rpc.RetryInfo") {
				if v, err := time.ParseDuration(d.RetryDelay); err == nil {
					return v
				}
			}
		}
	}
	if secs, err := strconv.Atoi(h.Get("Retry-After")); err == nil {
		return time.Duration(secs) * time.Second
	}
	return 100 * time.Millisecond
}

func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

func codeName(c int32) string { return codes.Code(c).String() }

// restBody is the JSON body of a REST analyze call.
func restBody(article string) []byte {
	b, _ := json.Marshal(map[string]any{"article": map[string]any{"text": article}})
	return b
}

// errorSummary formats error counts as "CODE×n, ...".
func errorSummary(m map[string]int) string {
	if len(m) == 0 {
		return "0"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s×%d", k, m[k])
	}
	return b.String()
}
