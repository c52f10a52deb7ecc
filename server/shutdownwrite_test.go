package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// holdMarker marks an article whose analysis TestShutdownWaitsForAnswersBeingWritten
// holds until the shutdown has begun.
const holdMarker = "Hold this analysis."

// TestShutdownWaitsForAnswersBeingWritten: calls accepted before the
// shutdown whose analyses end after it began, well before the cut, have
// their unary answers reach their callers whole, over gRPC and over REST:
// the server's exit waits for the answers written to the connections,
// until the shutdown timeout. Each caller reads through a proxy that
// passes the server's bytes at 128 kB/s; the answers are 560 kB over gRPC
// (a 128 kB article's tokens; the caller's flow-control window is 1 MB, so
// the server writes it whole at once) and 300 kB over REST (a 16 kB
// article's, in JSON): 4.4 s and 2.4 s at that pace, within the shutdown
// timeout, 10 s (the calls still running are stopped at 7.5 s).
//
// Before, gRPC's graceful stop closed the connection a second after the
// answer's last frame was in the socket's send queue, with most of the
// answer still in the queue: the caller's next window update reached a
// closed socket, which the kernel answered with a reset, dropping the
// queue (the caller: UNAVAILABLE, "error reading from server: unexpected
// EOF", the accepted work lost), and the server exited 1.2 s after the
// shutdown began.
func TestShutdownWaitsForAnswersBeingWritten(t *testing.T) {
	if testing.Short() {
		t.Skip("writes answers at 128 kB/s for 4 s")
	}
	const timeout = 10 * time.Second
	const rate = 128 << 10
	srv := quietServer(t, "--shutdown-timeout", timeout.String(), "--max-article-bytes", "1048576")
	held, release := make(chan struct{}, 2), make(chan struct{})
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()
	srv.stages = append(lightStages(), holdStage("test-hold", 15, holdMarker, held, release, false))
	sctx, stop := context.WithCancel(context.Background())
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Run(sctx) }()
	waitReady(t, srv)
	ctx := ctxTimeout(t, 60*time.Second)
	var wg sync.WaitGroup
	errs := make(chan string, 2)
	logs := make(chan string, 2)

	// gRPC through the proxy, with a window that takes the whole answer
	conn, err := grpc.NewClient(slowProxy(t, srv.GRPCAddr(), rate), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithInitialWindowSize(1<<20), grpc.WithInitialConnWindowSize(1<<20),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(64<<20)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	wg.Go(func() {
		resp, err := articlev1.NewArticleAnalysisServiceClient(conn).AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{
			Article: textArticle("g", holdMarker+" "+longArticle(128<<10)), Features: []articlev1.Feature{articlev1.Feature_FEATURE_SYNTAX}})
		if err != nil {
			st := status.Convert(err)
			errs <- fmt.Sprintf("gRPC unary: %v %s: %.300s; want the whole answer", st.Code(), reason(st), st.Message())
			return
		}
		logs <- fmt.Sprintf("gRPC unary: OK, %d tokens, %d bytes", len(resp.GetAnalysis().GetTokens()), proto.Size(resp))
		if len(resp.GetAnalysis().GetTokens()) < 10000 {
			errs <- fmt.Sprintf("gRPC unary: %d tokens; want the article's", len(resp.GetAnalysis().GetTokens()))
		}
	})

	// REST through the proxy
	wg.Go(func() {
		body, _ := json.Marshal(map[string]any{"article": map[string]string{"text": holdMarker + " " + longArticle(16<<10)}, "features": []string{"FEATURE_SYNTAX"}})
		req, _ := http.NewRequestWithContext(ctx, "POST", "http://"+slowProxy(t, srv.HTTPAddr(), rate)+"/v1/articles:analyze", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
		resp, err := client.Do(req)
		if err != nil {
			errs <- "REST unary: no answer: " + err.Error()
			return
		}
		defer resp.Body.Close()
		all, rerr := io.ReadAll(resp.Body)
		var v struct {
			Analysis struct{ Tokens []json.RawMessage }
		}
		perr := json.Unmarshal(all, &v)
		logs <- fmt.Sprintf("REST unary: %d, %d bytes (Content-Length %d), %d tokens, read error %v, JSON error %v",
			resp.StatusCode, len(all), resp.ContentLength, len(v.Analysis.Tokens), rerr, perr)
		if resp.StatusCode != 200 || rerr != nil || perr != nil || int64(len(all)) != resp.ContentLength || len(v.Analysis.Tokens) < 1000 {
			errs <- fmt.Sprintf("REST unary: %d, %d of %d bytes, %d tokens, read error %v, JSON error %v; want the whole answer",
				resp.StatusCode, len(all), resp.ContentLength, len(v.Analysis.Tokens), rerr, perr)
		}
	})

	for range 2 {
		select {
		case <-held:
		case <-time.After(30 * time.Second):
			t.Fatal("the analyses did not start")
		}
	}
	t0 := time.Now()
	stop() // as SIGTERM does
	<-srv.shutdown
	// the callers have the server's GOAWAY before the answers are written
	time.Sleep(300 * time.Millisecond)
	close(release)
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(timeout + 5*time.Second):
		t.Fatal("the server did not stop")
	}
	stopped := time.Since(t0)
	wg.Wait()
	close(errs)
	close(logs)
	for l := range logs {
		t.Log(l)
	}
	t.Logf("the server stopped %v after the shutdown began (timeout %v)", stopped.Round(time.Millisecond), timeout)
	for e := range errs {
		t.Error(e)
	}
	if stopped > timeout+time.Second {
		t.Errorf("the server stopped %v after the shutdown began; want within its timeout, %v", stopped, timeout)
	}
}

// busyMarker marks an article whose analysis TestShutdownEndsBusyStreams
// keeps busy past the shutdown timeout, deaf to its cancel.
const busyMarker = "Keep this analysis busy."

// TestShutdownEndsBusyStreams: a stream whose handler is busy between two
// messages and does not heed its cancel (as one marshalling megabytes of
// JSON under the race detector, seconds), ends at shutdown with its
// status all the same, before the connections close: the gRPC stream with
// UNAVAILABLE, SHUTTING_DOWN after the messages sent, the NDJSON and SSE
// streams with an error line or event SHUTTING_DOWN and a complete body.
// Before, the close at the timeout cut them: the gRPC caller got a bare
// transport error, the REST callers a body with no end after whole lines.
func TestShutdownEndsBusyStreams(t *testing.T) {
	const timeout = 2 * time.Second
	busy, release := make(chan struct{}, 3), make(chan struct{})
	ts := startServerWith(t, false, func(c *Config) { c.ShutdownTimeout = timeout }, func(stages []pipeline.Stage) []pipeline.Stage {
		return append(stages, holdStage("test-busy", 16, busyMarker, busy, release, true)) // deaf to ctx
	})
	t.Cleanup(func() { close(release) }) // before the server's cleanup
	ctx := ctxTimeout(t, 30*time.Second)
	text := "The council met on Tuesday. " + busyMarker
	var wg sync.WaitGroup
	type answer struct{ name, got, err string }
	answers := make(chan answer, 3)
	wg.Go(func() {
		stream, err := ts.client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{Article: textArticle("s", text)})
		n := 0
		for err == nil {
			if _, err = stream.Recv(); err == nil {
				n++
			}
		}
		st := status.Convert(err)
		a := answer{name: "gRPC stream", got: fmt.Sprintf("%d messages, then %v %s: %.300s", n, st.Code(), reason(st), st.Message())}
		if n == 0 || st.Code() != codes.Unavailable || reason(st) != "SHUTTING_DOWN" || !strings.Contains(st.Message(), "send the call again") {
			a.err = "want the messages sent, then UNAVAILABLE SHUTTING_DOWN"
		}
		answers <- a
	})
	for _, sse := range []bool{false, true} {
		wg.Go(func() {
			name := "REST NDJSON stream"
			req, _ := http.NewRequestWithContext(ctx, "POST", ts.base+"/v1/articles:streamAnalyze", strings.NewReader(`{"article":{"text":"`+text+`"}}`))
			req.Header.Set("Content-Type", "application/json")
			if sse {
				name = "REST SSE stream"
				req.Header.Set("Accept", "text/event-stream")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				answers <- answer{name: name, err: "no answer: " + err.Error()}
				return
			}
			defer resp.Body.Close()
			b, rerr := io.ReadAll(resp.Body)
			a := answer{name: name, got: fmt.Sprintf("%d, read error %v: %.600q", resp.StatusCode, rerr, b)}
			var parts []string // each line's JSON, or each event's data
			if sse {
				for _, ev := range strings.Split(strings.TrimSuffix(string(b), "\n\n"), "\n\n") {
					_, data, _ := strings.Cut(ev, "\ndata: ")
					parts = append(parts, data)
				}
			} else {
				parts = strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
			}
			for i, p := range parts {
				if !json.Valid([]byte(p)) {
					a.err = fmt.Sprintf("part %d broken: %.80q", i+1, p)
				}
			}
			last := parts[len(parts)-1]
			if resp.StatusCode != 200 || rerr != nil || len(parts) < 2 || !strings.Contains(last, `"SHUTTING_DOWN"`) || !strings.Contains(last, "send the call again") {
				a.err += "; want a complete body: the parts sent, then an error SHUTTING_DOWN"
			}
			answers <- a
		})
	}
	for range 3 {
		select {
		case <-busy:
		case <-time.After(20 * time.Second):
			t.Fatal("the analyses did not start")
		}
	}
	t0 := time.Now()
	ts.stop() // as SIGTERM does
	wg.Wait()
	at := time.Since(t0)
	close(answers)
	for a := range answers {
		t.Logf("%-18s %s", a.name, a.got)
		if a.err != "" {
			t.Errorf("%s: %s", a.name, a.err)
		}
	}
	if at > timeout {
		t.Errorf("the streams ended %v after the shutdown began; want before the connections close, %v", at, timeout)
	}
}
