package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/service"
)

// slowProxy forwards loopback connections to target, passing what the
// server sends at rate bytes per second (the caller's side at full speed),
// through sockets with small buffers on the proxy's side: a caller that
// reads slowly but steadily, as over a slow link. It stops with the test.
func slowProxy(t *testing.T, target string, rate int) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	small := func(network, address string, c syscall.RawConn) error {
		var serr error
		if err := c.Control(func(fd uintptr) {
			serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 16<<10)
		}); err != nil {
			return err
		}
		return serr
	}
	var conns sync.WaitGroup
	t.Cleanup(func() { l.Close(); conns.Wait() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			d := net.Dialer{Control: small}
			s, err := d.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			conns.Go(func() {
				io.Copy(s, c) // the caller's requests, at full speed
				s.(*net.TCPConn).CloseWrite()
			})
			conns.Go(func() {
				defer c.Close()
				defer s.Close()
				buf := make([]byte, 32<<10)
				next := time.Now()
				for {
					n, err := s.Read(buf)
					if n > 0 {
						if _, werr := c.Write(buf[:n]); werr != nil {
							return
						}
						// keep to the rate, with no credit for the time
						// the server sent nothing
						next = later(next, time.Now()).Add(time.Duration(n) * time.Second / time.Duration(rate))
						time.Sleep(time.Until(next))
					}
					if err != nil {
						return
					}
				}
			})
		}
	}()
	return l.Addr().String()
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// repeatSyntax sends the syntax part of a stream n times (n messages of
// the same size, as the parts of a full analysis are several large ones).
type repeatSyntax struct {
	service.Analyzer
	n int
}

func (r repeatSyntax) Analyze(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
	if emit == nil {
		return r.Analyzer.Analyze(ctx, req, nil)
	}
	return r.Analyzer.Analyze(ctx, req, func(ev pipeline.Event) error {
		if slices.Contains(ev.Parts, pipeline.PartSyntax) {
			for range r.n - 1 {
				if err := emit(pipeline.Event{Stage: ev.Stage, Parts: []pipeline.Part{pipeline.PartSyntax}, Features: ev.Features, Analysis: ev.Analysis}); err != nil {
					return err
				}
			}
		}
		return emit(ev)
	})
}

// TestShutdownSlowReader: at shutdown a caller that reads its answer
// slowly gets either the whole answer or a clear status, on every path.
// Each call reads through a proxy that passes the server's bytes at 1 MB/s;
// every answer is larger than what gets through in the shutdown timeout
// (3 s) and the socket buffers: a stream of twelve syntax messages of a
// 64 kB article (1.2 MB each in JSON; over gRPC, of a 128 kB article,
// 560 kB each), a unary answer of a 512 kB article (9.9 MB of JSON). The
// shutdown begins once the analyses are done and the answers are being
// written (the streams' callers are in their first syntax message).
//
//   - NDJSON and SSE: the stream writes no line it is not expected to get
//     through before the connections close, at the pace the caller reads
//     (service.Pacer), and ends with an error line / event UNAVAILABLE,
//     SHUTTING_DOWN and a complete chunked body: every line parses. Before,
//     the close cut a line in the middle: the body ended with no error,
//     the last line broken (Go: unexpected EOF). A stream still marshalling
//     its next line at the stream end of the shutdown (seconds for 1.2 MB
//     of JSON under the race detector) ends there, by a timer, with its
//     error line (service.ShutdownClock.AtStreamEnd): the test had been
//     skipped under -race, where the close cut such a body at a line.
//   - REST unary: the body has a Content-Length; cut at the close, the
//     caller reads fewer bytes (Go: unexpected EOF) and JSON that does not
//     parse: never a short 200 that parses.
//   - gRPC server stream: ends with status UNAVAILABLE, SHUTTING_DOWN after
//     the messages sent (at the latest at the stream end, whatever its
//     handler is doing). Before: a transport error (UNAVAILABLE, "error
//     reading from server: unexpected EOF") after a message cut in the
//     middle.
//   - gRPC bidirectional stream (eight 128 kB articles, the caller keeps
//     it open): the results sent, then UNAVAILABLE, SHUTTING_DOWN (the
//     drain's, naming the request_index to send from, or the pace's).
//   - gRPC unary: a message cut in the middle is never delivered; the
//     caller gets UNAVAILABLE from its transport (no SHUTTING_DOWN: the
//     server cannot add a status to a message begun).
func TestShutdownSlowReader(t *testing.T) {
	if testing.Short() {
		t.Skip("streams megabytes at 1 MB/s")
	}
	const timeout = 3 * time.Second
	const rate = 1 << 20
	srv := quietServer(t, "--shutdown-timeout", timeout.String(), "--max-article-bytes", "1048576")
	srv.stages = lightStages()
	srv.analyzer = func(a service.Analyzer) service.Analyzer { return repeatSyntax{Analyzer: a, n: 12} }
	sctx, stop := context.WithCancel(context.Background())
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Run(sctx) }()
	waitReady(t, srv)
	ctx := ctxTimeout(t, 60*time.Second)
	small, mid, large := longArticle(64<<10), longArticle(128<<10), longArticle(512<<10)
	features := []string{"FEATURE_SYNTAX"}

	type result struct {
		name string
		got  string // what the caller got, for the log
		err  string // "" when the caller got a whole answer or a clear status
	}
	var mu sync.Mutex
	var results []result
	var wg sync.WaitGroup
	started := make(chan struct{}, 8)
	report := func(r result) {
		mu.Lock()
		results = append(results, r)
		mu.Unlock()
	}

	// REST through the proxy
	rest := func(name, path, text string, sse bool) {
		wg.Go(func() {
			addr := slowProxy(t, srv.HTTPAddr(), rate)
			body, _ := json.Marshal(map[string]any{"article": map[string]string{"text": text}, "features": features})
			req, _ := http.NewRequestWithContext(ctx, "POST", "http://"+addr+path, bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			if sse {
				req.Header.Set("Accept", "text/event-stream")
			}
			client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
			resp, err := client.Do(req)
			if err != nil {
				started <- struct{}{}
				report(result{name, "", "no answer: " + err.Error()})
				return
			}
			defer resp.Body.Close()
			// the analysis is done once the caller is in its first large
			// message: what is left is writing the answer
			head := make([]byte, 256<<10)
			if path == "/v1/articles:analyze" {
				head = head[:1]
			}
			k, _ := io.ReadFull(resp.Body, head)
			started <- struct{}{}
			rest, rerr := io.ReadAll(resp.Body)
			all := append(head[:k], rest...)
			r := result{name: name, got: fmt.Sprintf("%d, %d bytes (Content-Length %d), read error %v", resp.StatusCode, len(all), resp.ContentLength, rerr)}
			switch {
			case resp.StatusCode != 200:
				r.err = "status " + resp.Status
			case path == "/v1/articles:analyze":
				// whole and parsing, or cut and not parsing, with a read error
				var v map[string]any
				perr := json.Unmarshal(all, &v)
				switch {
				case rerr == nil && perr == nil && int64(len(all)) == resp.ContentLength:
				case rerr != nil && perr != nil && resp.ContentLength > int64(len(all)):
					r.got += ", JSON: " + perr.Error()
				default:
					r.err = fmt.Sprintf("read error %v, JSON %v: want a whole answer, or a cut one that fails to read and parse", rerr, perr)
				}
			default:
				// a stream: each line or event parses, and it ends with
				// the completion or an error SHUTTING_DOWN
				var last string
				n := 0
				if sse {
					for _, ev := range strings.Split(strings.TrimSuffix(string(all), "\n\n"), "\n\n") {
						lines := strings.Split(ev, "\n")
						if len(lines) < 3 || !strings.HasPrefix(lines[1], "event: ") || !strings.HasPrefix(lines[2], "data: ") ||
							!json.Valid([]byte(strings.TrimPrefix(lines[2], "data: "))) {
							r.err = fmt.Sprintf("event %d broken: %.80q", n+1, ev)
							break
						}
						n++
						last = strings.TrimPrefix(lines[1], "event: ") + " " + strings.TrimPrefix(lines[2], "data: ")
					}
				} else {
					for _, line := range strings.Split(strings.TrimSuffix(string(all), "\n"), "\n") {
						if !json.Valid([]byte(line)) {
							r.err = fmt.Sprintf("line %d broken: %d bytes, %.80q", n+1, len(line), line)
							break
						}
						n++
						last = line
					}
				}
				r.got += fmt.Sprintf(", %d whole messages, the last %.400s", n, last)
				if r.err == "" && (rerr != nil || !strings.Contains(last, "SHUTTING_DOWN") && !strings.Contains(last, "completion")) {
					r.err = fmt.Sprintf("read error %v, last message %.200q: want a complete body ending with the completion or an error SHUTTING_DOWN", rerr, last)
				}
			}
			report(r)
		})
	}

	// gRPC through the proxy
	dial := func() articlev1.ArticleAnalysisServiceClient {
		conn, err := grpc.NewClient(slowProxy(t, srv.GRPCAddr(), rate), grpc.WithTransportCredentials(insecure.NewCredentials()),
			grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(64<<20)))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		return articlev1.NewArticleAnalysisServiceClient(conn)
	}
	fs := []articlev1.Feature{articlev1.Feature_FEATURE_SYNTAX}
	wait := func(n int) {
		for range n {
			select {
			case <-started:
			case <-time.After(30 * time.Second):
				t.Fatal("the calls did not start")
			}
		}
	}
	// the unary calls first (their analyses take longest), then the
	// streams; the shutdown begins once the streams have their first bytes
	rest("REST analyze", "/v1/articles:analyze", large, false)
	wg.Go(func() {
		client := dial()
		started <- struct{}{} // the unary answer is read whole: no first bytes to wait for
		resp, err := client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("u", large), Features: fs})
		st := status.Convert(err)
		r := result{name: "gRPC unary", got: fmt.Sprintf("%v %s: %.300s", st.Code(), reason(st), st.Message())}
		if err == nil {
			r.got = fmt.Sprintf("OK, %d tokens", len(resp.GetAnalysis().GetTokens()))
		} else if st.Code() != codes.Unavailable {
			r.err = "want the whole answer or UNAVAILABLE"
		}
		report(r)
	})
	wait(2)
	rest("REST NDJSON stream", "/v1/articles:streamAnalyze", small, false)
	rest("REST SSE stream", "/v1/articles:streamAnalyze", small, true)
	wg.Go(func() {
		client := dial()
		stream, err := client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{Article: textArticle("s", mid), Features: fs})
		n, signalled := 0, false
		for err == nil {
			if _, err = stream.Recv(); err == nil {
				n++
			}
			if !signalled && (n == 2 || err != nil) { // the source and the first syntax message: the analysis is done
				started <- struct{}{}
				signalled = true
			}
		}
		if !signalled {
			started <- struct{}{}
		}
		st := status.Convert(err)
		r := result{name: "gRPC stream", got: fmt.Sprintf("%d messages, then %v %s: %.300s", n, st.Code(), reason(st), st.Message())}
		if err != io.EOF && reason(st) != "SHUTTING_DOWN" {
			r.err = "the stream ended with no status of the server's: " + err.Error()
		}
		report(r)
	})
	// a bidirectional stream of eight 128 kB articles that the caller
	// keeps open: its results, 560 kB each, go out as they are done
	wg.Go(func() {
		client := dial()
		stream, err := client.AnalyzeArticles(ctx)
		for i := 0; err == nil && i < 8; i++ {
			err = stream.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle(fmt.Sprint(i), mid), Features: fs})
		}
		n, signalled := 0, false
		for err == nil {
			var r *articlev1.AnalyzeArticlesResponse
			if r, err = stream.Recv(); err == nil {
				n++
				if r.GetError() != nil {
					n += 1000 // an article's own error: counted apart
				}
			}
			if !signalled {
				started <- struct{}{}
				signalled = true
			}
		}
		st := status.Convert(err)
		r := result{name: "gRPC bidi stream", got: fmt.Sprintf("%d results (+1000 per error result), then %v %s: %.300s", n, st.Code(), reason(st), st.Message())}
		if err != io.EOF && reason(st) != "SHUTTING_DOWN" {
			r.err = "the stream ended with no status of the server's: " + err.Error()
		}
		report(r)
	})
	wait(4)
	t0 := time.Now()
	stop() // as SIGTERM does
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not stop")
	}
	t.Logf("the server stopped %v after the shutdown began", time.Since(t0).Round(time.Millisecond))
	wg.Wait()
	for _, r := range results {
		t.Logf("%-18s %s", r.name, r.got)
		if r.err != "" {
			t.Errorf("%s: %s", r.name, r.err)
		}
	}
}
