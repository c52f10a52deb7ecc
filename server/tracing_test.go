package main

import (
	"context"
	"encoding/hex"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	collectorpb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// collector is a fake OTLP/gRPC trace collector.
type collector struct {
	collectorpb.UnimplementedTraceServiceServer
	mu    sync.Mutex
	spans []*tracepb.Span
}

func (c *collector) Export(ctx context.Context, req *collectorpb.ExportTraceServiceRequest) (*collectorpb.ExportTraceServiceResponse, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, rs := range req.GetResourceSpans() {
		for _, ss := range rs.GetScopeSpans() {
			c.spans = append(c.spans, ss.GetSpans()...)
		}
	}
	return &collectorpb.ExportTraceServiceResponse{}, nil
}

// TestTracing: with --otlp-endpoint, each call sends a span, each article
// a lector.analyze span and each stage a child span, in the caller's trace
// (W3C traceparent over gRPC metadata and over HTTP through the gateway).
func TestTracing(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	col := &collector{}
	gs := grpc.NewServer()
	collectorpb.RegisterTraceServiceServer(gs, col)
	go gs.Serve(lis)
	defer gs.Stop()

	ts := mustStart(t, func(c *Config) { c.OTLPEndpoint, c.OTLPInsecure = lis.Addr().String(), true })
	ctx := ctxTimeout(t, 10*time.Second)
	const grpcTrace, restTrace = "4bf92f3577b34da6a3ce929d0e0e4736", "0af7651916cd43dd8448eb211c80319c"
	gctx := metadata.AppendToOutgoingContext(ctx, "traceparent", "00-"+grpcTrace+"-00f067aa0ba902b7-01")
	if _, err := ts.client.AnalyzeArticle(gctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Traced over gRPC.")}); err != nil {
		t.Fatal(err)
	}
	resp := post(t, ts.base+"/v1/articles:analyze", `{"article":{"text":"Traced over REST."}}`, "Traceparent", "00-"+restTrace+"-b7ad6b7169203331-01")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("REST %d", resp.StatusCode)
	}
	ts.stop() // flushes the spans
	if err := <-ts.done; err != nil {
		t.Fatal(err)
	}
	ts.done <- nil

	col.mu.Lock()
	defer col.mu.Unlock()
	byTrace := map[string]map[string]bool{}
	for _, s := range col.spans {
		id := hex.EncodeToString(s.GetTraceId())
		if byTrace[id] == nil {
			byTrace[id] = map[string]bool{}
		}
		byTrace[id][s.GetName()] = true
	}
	for _, id := range []string{grpcTrace, restTrace} {
		names := byTrace[id]
		for _, want := range []string{"article.v1.ArticleAnalysisService/AnalyzeArticle", "lector.analyze", "lector.stage source", "lector.stage text", "lector.stage statistics"} {
			if !names[want] {
				t.Errorf("trace %s lacks span %q; has %v", id, want, names)
			}
		}
	}
}
