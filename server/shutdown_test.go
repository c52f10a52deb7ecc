package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// finishMarker marks an article that TestShutdownAnswersEveryCall lets
// finish after the shutdown began, before its timeout.
const finishMarker = "[[finish]]"

// TestShutdownAnswersEveryCall: at SIGTERM the server takes no new calls,
// lets those it has accepted go on, and answers every one of them: an
// analysis that ends within --shutdown-timeout has its answer; those still
// running or waiting for a slot a quarter of the timeout before it ends
// (at most 3 s) are stopped and answered UNAVAILABLE / 503, reason
// SHUTTING_DOWN, with a message that names the timeout and where the
// analysis was (unary gRPC and REST, the gRPC, NDJSON and SSE streams, the
// article of a batch, whose other articles keep their analyses); then the
// server exits within the timeout. At the timeout the connections had been
// closed under them: gRPC callers saw a bare transport error, REST callers
// a connection closed without an answer.
func TestShutdownAnswersEveryCall(t *testing.T) {
	const timeout = 2 * time.Second
	finish := make(chan struct{})
	finishing := make(chan struct{}, 1)
	ts := startServerWith(t, false, func(c *Config) {
		c.ShutdownTimeout, c.MaxInFlight, c.MaxQueue, c.MaxQueueWait = timeout, 7, 4, time.Minute
		c.StageBatch = 1 // one worker running the held stage for several analyses would hold them all
	}, func(stages []pipeline.Stage) []pipeline.Stage {
		return append(stages, holdStage("test-finish", 16, finishMarker, finishing, finish, false))
	})
	ctx := ctxTimeout(t, 30*time.Second)
	slow := "The council met on Tuesday. " + slowMarker
	type answer struct {
		name   string
		code   codes.Code // gRPC, or the HTTP status's
		http   int
		reason string
		msg    string
		stage  string
		retry  string        // RetryInfo's delay (REST: and the Retry-After header of a 503, "header 1")
		at     time.Duration // after the shutdown began
	}
	var mu sync.Mutex
	var answers []answer
	var t0 time.Time // set before the shutdown begins; read once calls end
	var wg sync.WaitGroup
	record := func(a answer) {
		mu.Lock()
		a.at = time.Since(t0)
		answers = append(answers, a)
		mu.Unlock()
	}
	fromStatus := func(name string, st *status.Status) answer {
		a := answer{name: name, code: st.Code(), msg: st.Message()}
		for _, d := range st.Details() {
			if ei, ok := d.(*errdetails.ErrorInfo); ok {
				a.reason, a.stage = ei.Reason, ei.Metadata["stage"]
			}
			if ri, ok := d.(*errdetails.RetryInfo); ok {
				a.retry = ri.GetRetryDelay().AsDuration().String()
			}
		}
		return a
	}
	fromJSON := func(name string, code int, e errorBody, stage string) answer {
		return answer{name: name, code: codes.Code(e.Code), http: code, reason: e.reason(), msg: e.Message, stage: stage}
	}
	t0 = time.Now().Add(time.Hour) // until the shutdown begins

	// five calls held in their analysis
	wg.Go(func() {
		_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("u", slow)})
		record(fromStatus("gRPC unary", status.Convert(err)))
	})
	wg.Go(func() {
		stream, err := ts.client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{Article: textArticle("s", slow)})
		for err == nil {
			_, err = stream.Recv()
		}
		record(fromStatus("gRPC stream", status.Convert(err)))
	})
	restCall := func(name, path, body string) {
		req, _ := http.NewRequest("POST", ts.base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		sse := strings.HasSuffix(name, "SSE")
		if sse {
			req.Header.Set("Accept", "text/event-stream")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Errorf("%s: %v", name, err) // the connection closed with no answer
			record(answer{name: name, msg: err.Error()})
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		var e errorBody
		if resp.StatusCode == 200 && sse {
			// the last event: "event: error", "data: {status}"
			ev := strings.Split(strings.TrimSpace(string(b)), "\n\n")
			last := ev[len(ev)-1]
			if i := strings.Index(last, "\ndata: "); strings.Contains(last, "event: error\n") && i >= 0 {
				json.Unmarshal([]byte(last[i+len("\ndata: "):]), &e)
			}
		} else if resp.StatusCode == 200 && strings.HasSuffix(path, ":streamAnalyze") {
			lines := strings.Split(strings.TrimSpace(string(b)), "\n")
			var last struct {
				Error *errorBody `json:"error"`
			}
			if json.Unmarshal([]byte(lines[len(lines)-1]), &last); last.Error != nil {
				e = *last.Error
			}
		} else if resp.StatusCode == 200 && strings.HasSuffix(path, ":batchAnalyze") {
			var batch struct {
				Results []struct {
					Analysis json.RawMessage `json:"analysis"`
					Error    *errorBody      `json:"error"`
				} `json:"results"`
			}
			json.Unmarshal(b, &batch)
			if len(batch.Results) != 2 || batch.Results[0].Analysis == nil || batch.Results[1].Error == nil {
				t.Errorf("batch at shutdown: %s; want the first article's analysis and the second's error", b)
				return
			}
			e = *batch.Results[1].Error
		} else {
			json.Unmarshal(b, &e)
		}
		stage, retry := "", ""
		for _, d := range e.Details {
			if d.Metadata != nil {
				stage = d.Metadata["stage"]
			}
			if d.RetryDelay != "" {
				retry = d.RetryDelay
			}
		}
		if resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "1" {
			retry += ", Retry-After " + resp.Header.Get("Retry-After")
		}
		a := fromJSON(name, resp.StatusCode, e, stage)
		a.retry = retry
		record(a)
	}
	article := `{"article":{"text":"` + slow + `"}}`
	wg.Go(func() { restCall("REST analyze", "/v1/articles:analyze", article) })
	wg.Go(func() { restCall("REST NDJSON stream", "/v1/articles:streamAnalyze", article) })
	wg.Go(func() { restCall("REST stream, SSE", "/v1/articles:streamAnalyze", article) })
	wg.Go(func() {
		restCall("REST batch", "/v1/articles:batchAnalyze", `{"requests":[{"article":{"text":"A quick one."}},`+article+`]}`)
	})
	for range 6 {
		select {
		case <-ts.started:
		case <-time.After(20 * time.Second):
			t.Fatal("the held calls did not start")
		}
	}
	// one that ends after the shutdown began, before its timeout
	wg.Go(func() {
		_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("f", "Done in time. "+finishMarker)})
		record(fromStatus("gRPC unary, ends in time", status.Convert(err)))
	})
	<-finishing
	// two waiting for a slot (the seven are taken): the first takes the one
	// that ends in time, the second still waits at the cut
	for _, name := range []string{"gRPC unary, queued first", "gRPC unary, queued"} {
		wg.Go(func() {
			_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("q", "Waiting. "+slowMarker)})
			record(fromStatus(name, status.Convert(err)))
		})
		time.Sleep(200 * time.Millisecond)
	}

	mu.Lock()
	t0 = time.Now()
	mu.Unlock()
	ts.stop() // as SIGTERM does
	<-ts.Server.shutdown
	time.Sleep(200 * time.Millisecond)
	// no new call is taken
	nctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	_, err := ts.client.AnalyzeArticle(nctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("n", "New.")})
	cancel()
	if status.Code(err) != codes.Unavailable {
		t.Errorf("a new gRPC call after the shutdown began: %v; want UNAVAILABLE", err)
	}
	if resp, err := http.Post(ts.base+"/v1/articles:analyze", "application/json", strings.NewReader(`{"article":{"text":"New."}}`)); err == nil {
		resp.Body.Close()
		t.Errorf("a new REST call after the shutdown began: %d; want the connection refused", resp.StatusCode)
	}
	time.Sleep(100 * time.Millisecond)
	close(finish)

	wg.Wait()
	var stopped time.Duration
	select {
	case err := <-ts.done:
		stopped = time.Since(t0)
		if err != nil {
			t.Errorf("Run: %v", err)
		}
		ts.done <- nil // for the cleanup
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop")
	}
	t.Logf("the server stopped %v after the shutdown began (timeout %v)", stopped.Round(time.Millisecond), timeout)
	if stopped > timeout+500*time.Millisecond {
		t.Errorf("the server stopped %v after the shutdown began; want within its timeout, %v", stopped, timeout)
	}
	cutAt := timeout - shutdownGrace(timeout)
	want := map[string]string{ // the stage each held call was in
		"gRPC unary": "test-gate", "gRPC stream": "test-gate", "REST analyze": "test-gate",
		"REST NDJSON stream": "test-gate", "REST stream, SSE": "test-gate", "REST batch": "test-gate", "gRPC unary, queued first": "test-gate",
		"gRPC unary, queued": pipeline.StageQueue,
	}
	for _, a := range answers {
		t.Logf("%-26s %v after the shutdown began: %v %d %s %q", a.name, a.at.Round(time.Millisecond), a.code, a.http, a.reason, a.msg)
		if a.name == "gRPC unary, ends in time" {
			if a.code != codes.OK || a.at > cutAt {
				t.Errorf("%s: %v after %v; want its answer before the cut at %v", a.name, a.code, a.at, cutAt)
			}
			continue
		}
		wantHTTP := 0
		if strings.HasPrefix(a.name, "REST") {
			wantHTTP = http.StatusServiceUnavailable
			if a.name != "REST analyze" {
				wantHTTP = 200 // the stream had begun; the batch keeps its first article
			}
		}
		if a.code != codes.Unavailable || a.http != wantHTTP || a.reason != "SHUTTING_DOWN" || a.stage != want[a.name] ||
			!strings.Contains(a.msg, "--shutdown-timeout, 2s") || !strings.Contains(a.msg, "send it again") {
			t.Errorf("%s: %v %d %s, stage %q, %q; want UNAVAILABLE %d SHUTTING_DOWN, stage %q, naming the timeout",
				a.name, a.code, a.http, a.reason, a.stage, a.msg, wantHTTP, want[a.name])
		}
		if a.retry != "1s" {
			t.Errorf("%s: retry %q; want RetryInfo 1s (and Retry-After: 1 on a 503)", a.name, a.retry)
		}
		if a.name == "gRPC unary, queued" {
			// the queued call is answered as soon as it is not expected to
			// start and finish before the cut (pipeline.Engine.Drain): the
			// seven analyses ahead of it have overrun their estimates
			// (milliseconds) by more than the time left before the cut
			if a.at > cutAt+100*time.Millisecond {
				t.Errorf("%s answered %v after the shutdown began; want by the cut, %v", a.name, a.at, cutAt)
			}
			continue
		}
		if a.at < cutAt-100*time.Millisecond || a.at > timeout {
			t.Errorf("%s answered %v after the shutdown began; want at the cut, %v, within the timeout %v", a.name, a.at, cutAt, timeout)
		}
	}
	if len(answers) != 9 {
		t.Errorf("%d calls answered; want 9", len(answers))
	}
}

// holdStage is a test stage that, for an article holding marker, signals
// reached and waits for release, or for the call's cancel unless deaf.
func holdStage(name string, order int, marker string, reached chan<- struct{}, release <-chan struct{}, deaf bool) pipeline.Stage {
	return pipeline.Stage{Name: name, Order: order, Always: true,
		Load: func() (pipeline.RunFunc, error) {
			return func(ctx context.Context, st *pipeline.State) error {
				if !strings.Contains(st.Analysis.Text, marker) {
					return nil
				}
				reached <- struct{}{}
				if deaf {
					<-release
					return nil
				}
				select {
				case <-release:
				case <-ctx.Done():
					return ctx.Err()
				}
				return nil
			}, nil
		}}
}
