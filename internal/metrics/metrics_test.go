package metrics

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/test/bufconn"

	"github.com/lector-nlp/lector/internal/pipeline"
)

type fakeEngine struct {
	res *pipeline.Result
	err error
}

func (f *fakeEngine) Analyze(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
	return f.res, f.err
}

func (f *fakeEngine) Capabilities() []pipeline.FeatureInfo { return nil }

// TestEngineMetrics: each analysis counts its outcome (and, for an error,
// its kind), the bytes of its source by kind, its duration, and one
// observation per stage under the stage's name.
func TestEngineMetrics(t *testing.T) {
	m := New()
	ok := m.Engine(&fakeEngine{res: &pipeline.Result{Analysis: &pipeline.Analysis{},
		Timings: []pipeline.StageTiming{{Stage: "text", Duration: 2 * time.Millisecond}, {Stage: "entities", Duration: 30 * time.Millisecond}}}})
	bad := m.Engine(&fakeEngine{err: &pipeline.Error{Kind: pipeline.KindTooLarge, Reason: "ARTICLE_TOO_LARGE"}})
	cancelled := m.Engine(&fakeEngine{err: context.Canceled})
	ctx := context.Background()
	for _, c := range []struct {
		e   Analyzer
		req *pipeline.Request
	}{
		{ok, &pipeline.Request{Source: pipeline.SourceText, Content: "twelve bytes"}},
		{ok, &pipeline.Request{Source: pipeline.SourceHTML, Content: "<p>Hi.</p>"}},
		{bad, &pipeline.Request{Source: pipeline.SourceText, Content: "four"}},
		{cancelled, &pipeline.Request{Source: pipeline.SourceURL, Content: "https://example.com/a"}},
	} {
		c.e.Analyze(ctx, c.req, nil)
	}
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"ok articles", value(t, m.articles.WithLabelValues("ok", "")), 2},
		{"too large", value(t, m.articles.WithLabelValues("error", pipeline.KindTooLarge.String())), 1},
		{"cancelled", value(t, m.articles.WithLabelValues("error", pipeline.KindCanceled.String())), 1},
		{"text bytes", value(t, m.bytes.WithLabelValues("text")), 16},
		{"html bytes", value(t, m.bytes.WithLabelValues("html")), 10},
		{"url bytes", value(t, m.bytes.WithLabelValues("url")), 21},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	exposition := scrape(t, m)
	for _, want := range []string{
		`lector_stage_duration_seconds_count{stage="text"} 2`,
		`lector_stage_duration_seconds_count{stage="entities"} 2`,
		`lector_stage_duration_seconds_bucket{stage="entities",le="0.0390625"} 2`, // 30 ms falls in the 39 ms bucket
		`lector_stage_duration_seconds_bucket{stage="entities",le="0.015625"} 0`,
		`lector_analysis_duration_seconds_count 4`,
	} {
		if !strings.Contains(exposition, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(exposition, `stage="statistics"`) {
		t.Error("a stage that never ran has a series")
	}
}

// value reads a counter or a gauge.
func value(t *testing.T, c prometheus.Metric) float64 {
	t.Helper()
	var d dto.Metric
	if err := c.Write(&d); err != nil {
		t.Fatal(err)
	}
	if d.Counter != nil {
		return d.Counter.GetValue()
	}
	return d.Gauge.GetValue()
}

// scrape returns what the metrics handler serves.
func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b, _ := io.ReadAll(rec.Body)
	if rec.Code != 200 {
		t.Fatalf("/metrics: %d", rec.Code)
	}
	return string(b)
}

// TestGRPCMetrics: real calls through the interceptors are counted by
// method, type and code, timed, and streams are gauged while open.
func TestGRPCMetrics(t *testing.T) {
	m := New()
	lis := bufconn.Listen(1 << 20)
	gs := grpc.NewServer(grpc.ChainUnaryInterceptor(m.UnaryServerInterceptor()), grpc.ChainStreamInterceptor(m.StreamServerInterceptor()))
	hs := health.NewServer()
	healthpb.RegisterHealthServer(gs, hs)
	m.InitializeMetrics(gs)
	go gs.Serve(lis)
	defer gs.Stop()
	conn, err := grpc.NewClient("passthrough:///bufnet", grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	client := healthpb.NewHealthClient(conn)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	before := scrape(t, m)
	if !strings.Contains(before, `grpc_server_handled_total{grpc_code="OK",grpc_method="Check",grpc_service="grpc.health.v1.Health",grpc_type="unary"} 0`) {
		t.Error("the series of Check are not initialised at zero")
	}
	if _, err := client.Check(ctx, &healthpb.HealthCheckRequest{}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Check(ctx, &healthpb.HealthCheckRequest{Service: "no.such.Service"}); err == nil {
		t.Fatal("an unknown service was healthy")
	}
	wctx, wcancel := context.WithCancel(ctx)
	w, err := client.Watch(wctx, &healthpb.HealthCheckRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Recv(); err != nil {
		t.Fatal(err)
	}
	streams := `lector_streams_in_flight{grpc_method="/grpc.health.v1.Health/Watch"}`
	if got := scrape(t, m); !strings.Contains(got, streams+" 1") {
		t.Errorf("open stream not gauged: %s", grep(got, "streams_in_flight"))
	}
	wcancel()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(scrape(t, m), streams+" 0") {
		if time.Now().After(deadline) {
			t.Fatal("the closed stream is still gauged")
		}
		time.Sleep(5 * time.Millisecond)
	}
	got := scrape(t, m)
	for _, want := range []string{
		`grpc_server_handled_total{grpc_code="OK",grpc_method="Check",grpc_service="grpc.health.v1.Health",grpc_type="unary"} 1`,
		`grpc_server_handled_total{grpc_code="NotFound",grpc_method="Check",grpc_service="grpc.health.v1.Health",grpc_type="unary"} 1`,
		`grpc_server_handled_total{grpc_code="Canceled",grpc_method="Watch",grpc_service="grpc.health.v1.Health",grpc_type="server_stream"} 1`,
		`grpc_server_handling_seconds_count{grpc_method="Check",grpc_service="grpc.health.v1.Health",grpc_type="unary"} 2`,
		`grpc_server_started_total{grpc_method="Watch",grpc_service="grpc.health.v1.Health",grpc_type="server_stream"} 1`,
		`go_goroutines `, `process_cpu_seconds_total `,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/metrics lacks %s\n%s", want, grep(got, "grpc_server_handled_total"))
		}
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatal("timed out")
	}
}

func grep(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
