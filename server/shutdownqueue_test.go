package main

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
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

// sleepMarker makes the test stage of TestShutdownRefusesQueuedCalls sleep
// for the milliseconds it names: "[[sleep:500]]".
var sleepMarker = regexp.MustCompile(`\[\[sleep:(\d+)\]\]`)

// sleepText is a text of n bytes that makes the test stage sleep ms
// milliseconds.
func sleepText(ms, n int) string {
	s := "Sleep " + "[[sleep:" + strconv.Itoa(ms) + "]]"
	return s + strings.Repeat(".", max(n-len(s), 0))
}

// TestShutdownRefusesQueuedCalls: a call waiting for an analysis slot when
// the shutdown begins is answered UNAVAILABLE / 503 SHUTTING_DOWN at once,
// with RetryInfo 1s (Retry-After: 1), when the queue's estimate says it
// cannot start and finish before the cut (a quarter of --shutdown-timeout
// before it ends), and waits to be analysed when it can. One slot; the
// engine's estimate is set by a first analysis of 500 ms (estimates grow
// with the size of the text: a text four times as long, 2 s). At the
// shutdown (2 s timeout: cut at 1.5 s) one analysis of 500 ms runs, and
// three calls wait: B, 500 ms (expected to end at about 1 s: served), C
// and D over REST, 2 s each (expected at about 3 s: refused at once).
// Before, C was started at about 1 s and stopped at the cut, and D waited
// for the cut: both answered at 1.5 s, after the time they could have
// used on another server.
func TestShutdownRefusesQueuedCalls(t *testing.T) {
	const timeout = 2 * time.Second
	const unit = 64 // bytes of the texts of 500 ms
	srv := quietServer(t, "--shutdown-timeout", timeout.String(), "--max-in-flight", "1", "--max-queue", "8", "--max-queue-wait", "1m")
	srv.stages = append(lightStages(), pipeline.Stage{Name: "test-sleep", Order: 16, Always: true,
		Load: func() (pipeline.RunFunc, error) {
			return func(ctx context.Context, st *pipeline.State) error {
				m := sleepMarker.FindStringSubmatch(st.Analysis.Text)
				if m == nil {
					return nil
				}
				ms, _ := strconv.Atoi(m[1])
				select {
				case <-time.After(time.Duration(ms) * time.Millisecond):
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			}, nil
		}})
	var eng *pipeline.Engine
	captureEngine(srv, &eng)
	sctx, stop := context.WithCancel(context.Background())
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Run(sctx) }()
	client := readyClient(t, srv)
	base := "http://" + srv.HTTPAddr()
	ctx := ctxTimeout(t, 30*time.Second)
	// the estimate: one analysis of 500 ms of a text of unit bytes
	if _, err := client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("w", sleepText(500, unit))}); err != nil {
		t.Fatal(err)
	}

	type answer struct {
		name, reason, stage, retry, msg string
		code                            codes.Code
		at                              time.Duration // after the shutdown began
	}
	var mu sync.Mutex
	var answers []answer
	t0 := time.Now().Add(time.Hour)
	record := func(a answer) {
		mu.Lock()
		a.at = time.Since(t0)
		answers = append(answers, a)
		mu.Unlock()
	}
	var wg sync.WaitGroup
	grpcCall := func(name, text string) {
		wg.Go(func() {
			_, err := client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle(name, text)})
			st := status.Convert(err)
			a := answer{name: name, code: st.Code(), msg: st.Message()}
			for _, d := range st.Details() {
				switch d := d.(type) {
				case *errdetails.ErrorInfo:
					a.reason, a.stage = d.Reason, d.Metadata["stage"]
				case *errdetails.RetryInfo:
					a.retry = d.GetRetryDelay().AsDuration().String()
				}
			}
			record(a)
		})
	}
	waiting := func(n int) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
			if _, w, _ := eng.Load(); w == n {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d calls did not come to wait", n)
			}
		}
	}
	grpcCall("A, running", sleepText(500, unit))
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		if in, _, _ := eng.Load(); in == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("A did not start")
		}
	}
	grpcCall("B, queued, 500 ms", sleepText(500, unit))
	waiting(1)
	grpcCall("C, queued, 2 s", sleepText(2000, 4*unit))
	waiting(2)
	wg.Go(func() {
		body := `{"article":{"text":"` + sleepText(2000, 4*unit) + `"}}`
		resp, err := http.Post(base+"/v1/articles:analyze", "application/json", strings.NewReader(body))
		if err != nil {
			t.Errorf("REST: %v", err)
			return
		}
		defer resp.Body.Close()
		var e errorBody
		json.NewDecoder(resp.Body).Decode(&e)
		a := answer{name: "D, queued, 2 s, REST", code: codes.Code(e.Code), reason: e.reason(), msg: e.Message, retry: "Retry-After " + resp.Header.Get("Retry-After")}
		if resp.StatusCode != http.StatusServiceUnavailable {
			a.msg = "HTTP " + resp.Status + " " + a.msg
		}
		for _, d := range e.Details {
			if d.Metadata != nil {
				a.stage = d.Metadata["stage"]
			}
			if d.RetryDelay != "" {
				a.retry += ", RetryInfo " + d.RetryDelay
			}
		}
		record(a)
	})
	waiting(3)

	mu.Lock()
	t0 = time.Now()
	mu.Unlock()
	stop() // as SIGTERM does
	wg.Wait()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop")
	}
	cut := timeout - shutdownGrace(timeout)
	if len(answers) != 4 {
		t.Fatalf("%d answers; want 4", len(answers))
	}
	for _, a := range answers {
		t.Logf("%-22s %v after the shutdown began: %v %s stage %q, retry %q: %q", a.name, a.at.Round(time.Millisecond), a.code, a.reason, a.stage, a.retry, a.msg)
		switch {
		case strings.HasPrefix(a.name, "A") || strings.HasPrefix(a.name, "B"):
			// expected to end before the cut: analysed
			if a.code != codes.OK || a.at > cut {
				t.Errorf("%s: %v after %v; want its analysis before the cut, %v", a.name, a.code, a.at, cut)
			}
		default:
			// not expected to end before the cut: refused at once
			want := "RetryInfo 1s"
			if strings.HasSuffix(a.name, "REST") {
				want = "Retry-After 1, RetryInfo 1s"
			} else {
				a.retry = "RetryInfo " + a.retry
			}
			if a.code != codes.Unavailable || a.reason != "SHUTTING_DOWN" || a.stage != pipeline.StageQueue || a.retry != want ||
				!strings.Contains(a.msg, "--shutdown-timeout, 2s") || !strings.Contains(a.msg, "expected to finish in") ||
				!strings.Contains(a.msg, "send it again") {
				t.Errorf("%s: %v %s stage %q, %s, %q; want UNAVAILABLE SHUTTING_DOWN, stage queue, %s, saying when it was expected to finish",
					a.name, a.code, a.reason, a.stage, a.retry, a.msg, want)
			}
			// at once: far sooner than the cut (a loaded machine may take
			// a few hundred milliseconds to answer)
			if a.at > cut/2 {
				t.Errorf("%s answered %v after the shutdown began; want at once, long before the cut at %v", a.name, a.at, cut)
			}
		}
	}
}
