package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/mem"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/service"
)

// replayAnalyzer answers every call with one stored result (the full
// analysis of the benchmark article), so that a benchmark of the server
// measures what the transports cost around an analysis, not the analysis.
type replayAnalyzer struct {
	service.Analyzer // Capabilities
	res              *pipeline.Result
}

func (r replayAnalyzer) Analyze(ctx context.Context, _ *pipeline.Request, _ func(pipeline.Event) error) (*pipeline.Result, error) {
	return r.res, ctx.Err()
}

// recordAnalyzer keeps the result of the last analysis.
type recordAnalyzer struct {
	service.Analyzer
	res *pipeline.Result
}

func (r *recordAnalyzer) Analyze(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
	res, err := r.Analyzer.Analyze(ctx, req, emit)
	r.res = res
	return res, err
}

var (
	benchOnce   sync.Once
	benchText   string
	benchResult *pipeline.Result
	benchErr    error
)

// benchAnalysis is the full analysis of the 600-word benchmark article
// (the load test's), made once by the real engine.
func benchAnalysis(tb testing.TB) (string, *pipeline.Result) {
	tb.Helper()
	benchOnce.Do(func() {
		b, err := os.ReadFile("../internal/pipeline/testdata/bench_600.txt")
		if err != nil {
			benchErr = err
			return
		}
		benchText = string(b)
		eng, err := pipeline.New(pipeline.Config{})
		if err != nil {
			benchErr = err
			return
		}
		// the request the service makes of the load test's
		rec := &recordAnalyzer{Analyzer: eng}
		_, benchErr = service.New(service.Config{Engine: rec}).AnalyzeArticle(context.Background(),
			&articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Text{Text: benchText}}})
		benchResult = rec.res
	})
	if benchErr != nil {
		tb.Fatal(benchErr)
	}
	return benchText, benchResult
}

// startReplayServer runs a server with the default configuration whose
// every analysis is the stored one.
func startReplayServer(b *testing.B) *Server {
	_, res := benchAnalysis(b)
	cfg, err := ParseFlags([]string{"--grpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--log-level", "warn"},
		func(string) (string, bool) { return "", false })
	if err != nil {
		b.Fatal(err)
	}
	srv, err := New(cfg, slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		b.Fatal(err)
	}
	srv.stages = lightStages()
	srv.analyzer = func(a service.Analyzer) service.Analyzer { return replayAnalyzer{Analyzer: a, res: res} }
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	b.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			b.Errorf("Run: %v", err)
		}
	})
	for deadline := time.Now().Add(20 * time.Second); !srv.ready.Load(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.Fatal("server not ready")
		}
	}
	return srv
}

// discardCodec is the proto codec, except that it does not decode an
// AnalyzeArticleResponse (as the load test's client checks most answers
// on the wire): the benchmark's client costs the same whatever the server does.
type discardCodec struct{ encoding.CodecV2 }

func (c discardCodec) Unmarshal(data mem.BufferSlice, v any) error {
	if _, ok := v.(*articlev1.AnalyzeArticleResponse); ok {
		if data.Len() == 0 {
			return io.ErrUnexpectedEOF
		}
		return nil
	}
	return c.CodecV2.Unmarshal(data, v)
}

// BenchmarkTransport: one AnalyzeArticle of the 600-word article, all
// features, through the real server (default flags, its middleware, the
// gateway's in-memory connection) with the analysis itself replayed:
// "rest" posts its JSON to /v1/articles:analyze over loopback HTTP/1.1 and
// reads the whole answer (about 150 kB of JSON); "grpc" calls the gRPC
// listener over loopback and takes the answer's bytes undecoded. "-c8"
// runs 8 callers at once. cpu-us/op is the process's CPU per call (client
// and server, garbage collection included), the figure to compare on a
// busy machine; B/op and allocs/op count the client's too.
func BenchmarkTransport(b *testing.B) {
	srv := startReplayServer(b)
	text, _ := benchAnalysis(b)
	body, err := json.Marshal(map[string]any{"article": map[string]any{"text": text}})
	if err != nil {
		b.Fatal(err)
	}
	url := "http://" + srv.HTTPAddr() + "/v1/articles:analyze"
	hc := &http.Client{Transport: &http.Transport{MaxIdleConns: 64, MaxIdleConnsPerHost: 64}}
	defer hc.CloseIdleConnections()
	rest := func(b *testing.B, buf *bytes.Buffer) {
		req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		_, err = buf.ReadFrom(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK || buf.Len() < 10000 {
			b.Fatalf("REST: %v %d %.300s", err, resp.StatusCode, buf.Bytes())
		}
	}
	conn, err := grpc.NewClient(srv.GRPCAddr(), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodecV2(discardCodec{encoding.GetCodecV2("proto")})))
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	client := articlev1.NewArticleAnalysisServiceClient(conn)
	req := &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Text{Text: text}}}
	grpcCall := func(b *testing.B, _ *bytes.Buffer) {
		if _, err := client.AnalyzeArticle(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct {
		name string
		call func(*testing.B, *bytes.Buffer)
	}{{"rest", rest}, {"grpc", grpcCall}} {
		b.Run(bc.name, func(b *testing.B) {
			var buf bytes.Buffer
			bc.call(b, &buf) // connect
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				bc.call(b, &buf)
			}
		})
		b.Run(bc.name+"-c8", func(b *testing.B) {
			b.ReportAllocs()
			b.SetParallelism(max(1, 8/runtime.GOMAXPROCS(0)))
			defer reportCPU(b)()
			b.RunParallel(func(pb *testing.PB) {
				var buf bytes.Buffer
				for pb.Next() {
					bc.call(b, &buf)
				}
			})
		})
	}
}

// reportCPU reports the process's CPU time per op: defer reportCPU(b)()
// before the loop.
func reportCPU(b *testing.B) func() {
	t0 := cputime.Process()
	return func() {
		b.ReportMetric(float64((cputime.Process()-t0).Microseconds())/float64(b.N), "cpu-us/op")
	}
}
