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
	srv.stages = append(lightStages(), pipeline.Stage{
		Name: "test-hold", Order: 15, Always: true,
		Load: func() (pipeline.RunFunc, error) {
			return func(ctx context.Context, st *pipeline.State) error {
				if strings.Contains(st.Analysis.Text, holdMarker) {
					held <- struct{}{}
					select {
					case <-release:
					case <-ctx.Done():
						return ctx.Err()
					}
				}
				return nil
			}, nil
		},
	})
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
