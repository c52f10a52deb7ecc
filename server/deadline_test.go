package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// TestDeadlineMessages: a call that runs out of time says which limit ran
// out (the server's --request-timeout or the caller's own deadline), how
// long it ran and which stage was running, over gRPC and REST (504), in
// its message and in its ErrorInfo metadata. The test stage holds a
// [[slow]] article until its context ends.
func TestDeadlineMessages(t *testing.T) {
	const limit = 300 * time.Millisecond
	ts := mustStart(t, func(c *Config) { c.RequestTimeout = limit })
	slow := &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Wait for it. "+slowMarker)}
	const caller = 2 * time.Second // long enough for the answer to beat it on a loaded machine

	check := func(t *testing.T, msg string, md map[string]string, wantLimit string, atLeast time.Duration) {
		t.Helper()
		if md["limit"] != wantLimit || md["stage"] != "test-gate" {
			t.Errorf("metadata %v: want limit %q, stage test-gate", md, wantLimit)
		}
		el, err := time.ParseDuration(md["elapsed"])
		if err != nil || el < atLeast {
			t.Errorf("elapsed %q: want a duration of at least %v", md["elapsed"], atLeast)
		}
		wantText := map[string]string{"server": "--request-timeout, 300ms", "caller": "the call's own deadline"}[wantLimit]
		for _, want := range []string{wantText, `"test-gate" stage`, "after " + md["elapsed"]} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q does not say %q", msg, want)
			}
		}
	}
	grpcCall := func(t *testing.T, ctx context.Context, wantLimit string, atLeast time.Duration) {
		start := time.Now()
		_, err := ts.client.AnalyzeArticle(ctx, slow)
		st := status.Convert(err)
		if st.Code() != codes.DeadlineExceeded {
			t.Fatalf("err = %v, want DEADLINE_EXCEEDED", err)
		}
		md := metadataOf(st)
		t.Logf("after %v: %s %v", time.Since(start).Round(time.Millisecond), st.Message(), md)
		check(t, st.Message(), md, wantLimit, atLeast)
	}
	restCall := func(t *testing.T, header http.Header, wantLimit string, atLeast time.Duration) {
		req, _ := http.NewRequest("POST", ts.base+"/v1/articles:analyze", strings.NewReader(`{"article":{"text":"Wait for it. `+slowMarker+`"}}`))
		req.Header = header
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var e struct {
			Message string
			Details []struct {
				Reason   string
				Metadata map[string]string
			}
		}
		if err := json.Unmarshal(b, &e); err != nil || resp.StatusCode != http.StatusGatewayTimeout || len(e.Details) == 0 || e.Details[0].Reason != "DEADLINE_EXCEEDED" {
			t.Fatalf("%d %s (%v): want 504 with a JSON status, reason DEADLINE_EXCEEDED", resp.StatusCode, b, err)
		}
		t.Logf("%d %s", resp.StatusCode, b)
		check(t, e.Message, e.Details[0].Metadata, wantLimit, atLeast)
	}

	t.Run("server limit gRPC", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background()) // no deadline: the server's applies
		defer cancel()
		grpcCall(t, ctx, "server", limit)
	})
	t.Run("server limit REST", func(t *testing.T) {
		restCall(t, http.Header{"Content-Type": {"application/json"}}, "server", limit)
	})
	t.Run("server limit gRPC stream", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		stream, err := ts.client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{Article: slow.Article})
		if err != nil {
			t.Fatal(err)
		}
		for err == nil {
			_, err = stream.Recv()
		}
		st := status.Convert(err)
		if st.Code() != codes.DeadlineExceeded {
			t.Fatalf("err = %v, want DEADLINE_EXCEEDED", err)
		}
		md := metadataOf(st)
		check(t, st.Message(), md, "server", limit)
	})
	// The caller's own deadline: the analysis runs to it (it is never cut
	// short of the caller's time), so the server's status and the caller's
	// library race at the deadline: either answer is DEADLINE_EXCEEDED, and
	// the server's, when it wins, names the caller's deadline.
	t.Run("caller deadline gRPC", func(t *testing.T) {
		start := time.Now()
		_, err := ts.client.AnalyzeArticle(ctxTimeout(t, caller), slow)
		st := status.Convert(err)
		if st.Code() != codes.DeadlineExceeded {
			t.Fatalf("err = %v, want DEADLINE_EXCEEDED", err)
		}
		if d := time.Since(start); d < caller-20*time.Millisecond {
			t.Errorf("the call ended after %v, before its deadline of %v", d, caller)
		}
		if md := metadataOf(st); md != nil {
			check(t, st.Message(), md, "caller", caller/2)
		}
	})
	t.Run("caller deadline REST", func(t *testing.T) {
		req, _ := http.NewRequest("POST", ts.base+"/v1/articles:analyze", strings.NewReader(`{"article":{"text":"Wait for it. `+slowMarker+`"}}`))
		req.Header = http.Header{"Content-Type": {"application/json"}, "Grpc-Timeout": {"1S"}}
		start := time.Now()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if d := time.Since(start); d < time.Second-20*time.Millisecond {
			t.Errorf("the call ended after %v, before its deadline of 1s", d)
		}
		if resp.StatusCode != http.StatusGatewayTimeout || !strings.Contains(string(b), "deadline") || !strings.Contains(string(b), "DEADLINE_EXCEEDED") {
			t.Errorf("%d %s: want 504 DEADLINE_EXCEEDED saying the deadline ran out", resp.StatusCode, b)
		}
		if strings.Contains(string(b), "RST_STREAM") || strings.Contains(string(b), "context deadline exceeded") {
			t.Errorf("%s: the message quotes the transport", b)
		}
	})
}

// TestDeadlineInQueue: a call whose time runs out while it waits for an
// analysis slot says so (stage "queue").
func TestDeadlineInQueue(t *testing.T) {
	const limit = 300 * time.Millisecond
	ts := mustStart(t, func(c *Config) {
		c.RequestTimeout, c.MaxInFlight, c.MaxQueue, c.MaxQueueWait = limit, 1, 1, 10*time.Second
	})
	held := make(chan error, 1)
	go func() {
		_, err := ts.client.AnalyzeArticle(ctxTimeout(t, 20*time.Second), &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Hold the slot. "+slowMarker)})
		held <- err
	}()
	<-ts.started
	ctx, cancel := context.WithCancel(context.Background()) // the server's limit applies
	defer cancel()
	_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", article)})
	st := status.Convert(err)
	md := metadataOf(st)
	if st.Code() != codes.DeadlineExceeded || md["stage"] != "queue" || md["limit"] != "server" || !strings.Contains(st.Message(), "waited for an analysis slot") {
		t.Fatalf("err = %v %v, want DEADLINE_EXCEEDED in the queue, the server's limit", err, md)
	}
	close(ts.release)
	if err := <-held; err != nil {
		t.Fatal(err)
	}
}

// TestDeadlineBidiStream: a bidirectional stream whose caller set a
// deadline, with an article still being analysed when it comes, half-closed
// or open. The article must not be dropped while the stream ends OK (4 of 6
// were after 81cb919, which stopped the analysis early): the caller gets
// the article's DEADLINE_EXCEEDED result, saying the deadline ran out, or the
// stream's DEADLINE_EXCEEDED, never an OK end without the result.
func TestDeadlineBidiStream(t *testing.T) {
	const streams = 3 // of each kind
	ts := mustStart(t, func(c *Config) { c.MaxInFlight = 2 * streams })
	const deadline = 2 * time.Second
	errs := make(chan string, 2*streams)
	for i := range 2 * streams {
		halfClose := i%2 == 0
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), deadline)
			defer cancel()
			stream, err := ts.client.AnalyzeArticles(ctx)
			if err != nil {
				errs <- err.Error()
				return
			}
			if err := stream.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle(strconv.Itoa(i), "Held. "+slowMarker)}); err != nil {
				errs <- err.Error()
				return
			}
			if halfClose {
				stream.CloseSend()
			}
			results := 0
			for {
				r, err := stream.Recv()
				switch {
				case err == io.EOF && results == 0:
					errs <- "the stream ended OK without the article's result"
					return
				case err != nil && err != io.EOF && status.Code(err) != codes.DeadlineExceeded:
					errs <- "stream: " + err.Error()
					return
				case err != nil:
					errs <- ""
					return
				}
				results++
				if st := r.GetError(); st == nil || codes.Code(st.Code) != codes.DeadlineExceeded || !strings.Contains(st.Message, "deadline") || !strings.Contains(st.Message, "ran out") {
					errs <- "result: " + r.String() + ", want DEADLINE_EXCEEDED saying the deadline ran out"
					return
				}
			}
		}()
	}
	for range 2 * streams {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

// metadataOf returns the ErrorInfo metadata of a status (nil: none).
func metadataOf(st *status.Status) map[string]string {
	for _, d := range st.Details() {
		if ei, ok := d.(*errdetails.ErrorInfo); ok {
			return ei.Metadata
		}
	}
	return nil
}
