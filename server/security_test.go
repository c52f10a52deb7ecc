package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	reflectionpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/tlsconf/tlstest"
)

func withKey(ctx context.Context, kv ...string) context.Context {
	return metadata.AppendToOutgoingContext(ctx, kv...)
}

func restCall(t *testing.T, client *http.Client, method, url, body string, header ...string) (int, errorBody, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var e errorBody
	if resp.StatusCode >= 400 {
		json.Unmarshal(b, &e)
	}
	return resp.StatusCode, e, b
}

// postHeader posts body and returns the response headers.
func postHeader(t *testing.T, url, body string, header ...string) http.Header {
	t.Helper()
	resp := post(t, url, body, header...)
	io.Copy(io.Discard, resp.Body)
	return resp.Header
}

// TestAPIKeys: with --api-keys-file, calls need a key (Bearer or
// x-api-key, over gRPC and HTTP); health, reflection, /healthz, /readyz,
// /metrics and the page stay open.
func TestAPIKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys")
	os.WriteFile(path, []byte("# test keys\nkey-one\nkey-two\n"), 0o600)
	ts := mustStart(t, func(c *Config) { c.APIKeysFile = path })
	ctx := ctxTimeout(t, 10*time.Second)
	req := &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Keys are checked.")}
	grpcTests := []struct {
		name   string
		ctx    context.Context
		code   codes.Code
		reason string
	}{
		{"no key", ctx, codes.Unauthenticated, "API_KEY_MISSING"},
		{"wrong key", withKey(ctx, "authorization", "Bearer key-three"), codes.Unauthenticated, "API_KEY_INVALID"},
		{"bearer", withKey(ctx, "authorization", "Bearer key-one"), codes.OK, ""},
		{"x-api-key", withKey(ctx, "x-api-key", "key-two"), codes.OK, ""},
	}
	for _, tt := range grpcTests {
		_, err := ts.client.AnalyzeArticle(tt.ctx, req)
		if st := status.Convert(err); st.Code() != tt.code || reason(st) != tt.reason {
			t.Errorf("gRPC %s: %v %q, want %v %q", tt.name, st.Code(), reason(st), tt.code, tt.reason)
		}
	}
	// streams too
	stream, err := ts.client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{Article: textArticle("", "Hi.")})
	if err == nil {
		_, err = stream.Recv()
	}
	if st := status.Convert(err); st.Code() != codes.Unauthenticated {
		t.Errorf("stream without key: %v", err)
	}
	if h, err := healthpb.NewHealthClient(ts.conn).Check(ctx, &healthpb.HealthCheckRequest{}); err != nil || h.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Errorf("health without key: %v", err)
	}
	rc, err := reflectionpb.NewServerReflectionClient(ts.conn).ServerReflectionInfo(ctx)
	if err == nil {
		err = rc.Send(&reflectionpb.ServerReflectionRequest{MessageRequest: &reflectionpb.ServerReflectionRequest_ListServices{}})
	}
	if err == nil {
		_, err = rc.Recv()
	}
	if err != nil {
		t.Errorf("reflection without key: %v", err)
	}

	body := `{"article":{"text":"Keys are checked."}}`
	restTests := []struct {
		name   string
		path   string
		header []string
		code   int
		reason string
	}{
		{"no key", "/v1/articles:analyze", nil, 401, "API_KEY_MISSING"},
		{"wrong key", "/v1/articles:analyze", []string{"X-Api-Key", "nope"}, 401, "API_KEY_INVALID"},
		{"x-api-key", "/v1/articles:analyze", []string{"X-Api-Key", "key-one"}, 200, ""},
		{"bearer", "/v1/articles:analyze", []string{"Authorization", "Bearer key-two"}, 200, ""},
		{"sse no key", "/v1/articles:streamAnalyze", []string{"Accept", "text/event-stream"}, 401, "API_KEY_MISSING"},
		{"sse key", "/v1/articles:streamAnalyze", []string{"Accept", "text/event-stream", "X-Api-Key", "key-one"}, 200, ""},
	}
	for _, tt := range restTests {
		code, e, _ := restCall(t, http.DefaultClient, "POST", ts.base+tt.path, body, tt.header...)
		if code != tt.code || e.reason() != tt.reason {
			t.Errorf("REST %s: %d %q, want %d %q", tt.name, code, e.reason(), tt.code, tt.reason)
		}
	}
	if h := postHeader(t, ts.base+"/v1/articles:analyze", body); h.Get("WWW-Authenticate") != `Bearer realm="lector"` {
		t.Errorf("401 without WWW-Authenticate: %v", h)
	}
	for _, p := range []string{"/healthz", "/readyz", "/metrics", "/", "/openapi.json"} {
		if code, _, _ := restCall(t, http.DefaultClient, "GET", ts.base+p, ""); code != 200 {
			t.Errorf("GET %s without key: %d", p, code)
		}
	}
	if code, _, _ := restCall(t, http.DefaultClient, "GET", ts.base+"/v1/capabilities", ""); code != 401 {
		t.Errorf("capabilities without key: %d", code)
	}
}

// TestMutualTLS: with --tls-cert, --tls-key and --tls-client-ca, gRPC and
// HTTP serve TLS only and need a client certificate; the gateway still
// reaches the gRPC server over loopback.
func TestMutualTLS(t *testing.T) {
	certs, err := tlstest.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ts := mustStart(t, func(c *Config) {
		c.TLSCert, c.TLSKey, c.TLSClientCA = certs.ServerCert, certs.ServerKey, certs.ClientCA
	})
	ctx := ctxTimeout(t, 10*time.Second)
	dial := func(cfg *tls.Config) error {
		creds := insecure.NewCredentials()
		if cfg != nil {
			creds = credentials.NewTLS(cfg)
		}
		conn, err := grpc.NewClient(ts.GRPCAddr(), grpc.WithTransportCredentials(creds))
		if err != nil {
			return err
		}
		defer conn.Close()
		_, err = articlev1.NewArticleAnalysisServiceClient(conn).AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Over TLS.")})
		return err
	}
	if err := dial(&tls.Config{RootCAs: certs.Pool, Certificates: []tls.Certificate{certs.Client}}); err != nil {
		t.Fatalf("gRPC with a client certificate: %v", err)
	}
	if err := dial(&tls.Config{RootCAs: certs.Pool}); err == nil {
		t.Error("gRPC without a client certificate was served")
	}
	if err := dial(nil); err == nil {
		t.Error("plaintext gRPC was served")
	}
	https := func(cfg *tls.Config) *http.Client {
		return &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: cfg}}
	}
	base := "https://" + ts.HTTPAddr()
	code, e, b := restCall(t, https(&tls.Config{RootCAs: certs.Pool, Certificates: []tls.Certificate{certs.Client}}), "POST", base+"/v1/articles:analyze", `{"article":{"text":"Through the gateway. Over TLS."}}`)
	if code != 200 || !strings.Contains(string(b), "Through the gateway.") {
		t.Fatalf("REST over mutual TLS: %d %s %s", code, e.reason(), b)
	}
	req, _ := http.NewRequest("GET", base+"/healthz", nil)
	if resp, err := https(&tls.Config{RootCAs: certs.Pool}).Do(req); err == nil {
		resp.Body.Close()
		t.Error("HTTPS without a client certificate was served")
	}
	if resp, err := http.Get("http://" + ts.HTTPAddr() + "/healthz"); err == nil {
		if resp.StatusCode == 200 {
			t.Error("plain HTTP was served")
		}
		resp.Body.Close()
	}
}

// TestTLS: server TLS alone; any client that trusts the CA is served, over
// gRPC and HTTPS (the gateway dials through TLS).
func TestTLS(t *testing.T) {
	certs, err := tlstest.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ts := mustStart(t, func(c *Config) { c.TLSCert, c.TLSKey = certs.ServerCert, certs.ServerKey })
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: certs.Pool}}}
	if code, e, b := restCall(t, client, "POST", "https://"+ts.HTTPAddr()+"/v1/articles:analyze", `{"article":{"text":"Over TLS."}}`); code != 200 {
		t.Fatalf("REST over TLS: %d %s %s", code, e.reason(), b)
	}
	if _, err := ParseFlags([]string{"--tls-client-ca", certs.ClientCA}, func(string) (string, bool) { return "", false }); err != nil {
		t.Fatal(err)
	}
	bad, err := New(Config{GRPCAddr: "127.0.0.1:0", HTTPAddr: "127.0.0.1:0", MaxArticleBytes: 100, MaxBatch: 1, MaxConcurrency: 1, TLSClientCA: certs.ClientCA}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if err := bad.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "--tls-cert") {
		t.Errorf("a client CA without a certificate: %v", err)
	}
}

// TestRateLimits: per-client token bucket and stream cap, with
// RESOURCE_EXHAUSTED and RATE_LIMITED / TOO_MANY_STREAMS; clients with
// other keys are not affected.
func TestRateLimits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys")
	os.WriteFile(path, []byte("alpha\nbeta\n"), 0o600)
	ts := mustStart(t, func(c *Config) {
		c.APIKeysFile, c.RateLimit, c.RateBurst, c.MaxStreamsPerClient = path, 1, 3, 1
	})
	ctx := ctxTimeout(t, 10*time.Second)
	alpha, beta := withKey(ctx, "x-api-key", "alpha"), withKey(ctx, "x-api-key", "beta")
	req := &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Limits apply.")}
	for i := range 3 {
		if _, err := ts.client.AnalyzeArticle(alpha, req); err != nil {
			t.Fatalf("request %d within the burst: %v", i, err)
		}
	}
	_, err := ts.client.AnalyzeArticle(alpha, req)
	st := status.Convert(err)
	if st.Code() != codes.ResourceExhausted || reason(st) != "RATE_LIMITED" {
		t.Fatalf("over the burst: %v", err)
	}
	hasRetry := false
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.RetryInfo); ok && ri.GetRetryDelay().AsDuration() > 0 {
			hasRetry = true
		}
	}
	if !hasRetry {
		t.Error("no RetryInfo")
	}
	if _, err := ts.client.AnalyzeArticle(beta, req); err != nil {
		t.Fatalf("another client: %v", err)
	}
	// a batch counts its articles: beta has 2 tokens left, a batch of 3 waits
	batch := &articlev1.BatchAnalyzeArticlesRequest{Requests: []*articlev1.AnalyzeArticleRequest{req, req, req}}
	if _, err := ts.client.BatchAnalyzeArticles(beta, batch); status.Code(err) != codes.ResourceExhausted {
		t.Errorf("batch of 3 with 2 tokens: %v", err)
	}
	// REST: 429 for the same client
	code, e, _ := restCall(t, http.DefaultClient, "POST", ts.base+"/v1/articles:analyze", `{"article":{"text":"Hi."}}`, "X-Api-Key", "alpha")
	if code != 429 || e.reason() != "RATE_LIMITED" {
		t.Errorf("REST over the limit: %d %q", code, e.reason())
	}
	if h := postHeader(t, ts.base+"/v1/articles:analyze", `{"article":{"text":"Hi."}}`, "X-Api-Key", "alpha"); h.Get("Retry-After") != "1" {
		t.Errorf("429 with Retry-After %q, want 1", h.Get("Retry-After"))
	}

	// one stream per client
	time.Sleep(1100 * time.Millisecond) // a token for beta
	s1, err := ts.client.StreamAnalyzeArticle(beta, &articlev1.StreamAnalyzeArticleRequest{Article: textArticle("", "Wait "+slowMarker)})
	if err != nil {
		t.Fatal(err)
	}
	<-ts.started
	time.Sleep(1100 * time.Millisecond) // another token
	s2, err := ts.client.StreamAnalyzeArticle(beta, &articlev1.StreamAnalyzeArticleRequest{Article: textArticle("", "Second.")})
	if err == nil {
		_, err = s2.Recv()
	}
	if st := status.Convert(err); st.Code() != codes.ResourceExhausted || reason(st) != "TOO_MANY_STREAMS" {
		t.Errorf("second stream: %v", err)
	}
	close(ts.release)
	for {
		if _, err := s1.Recv(); err != nil {
			if err != io.EOF {
				t.Errorf("first stream: %v", err)
			}
			break
		}
	}
	if h, err := healthpb.NewHealthClient(ts.conn).Check(beta, &healthpb.HealthCheckRequest{}); err != nil || h.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Errorf("health is not rate limited: %v", err)
	}
}

// TestMetrics: /metrics reports calls by RPC and code, latency histograms
// per RPC and per stage, articles, bytes and streams in flight.
func TestMetrics(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 10*time.Second)
	if _, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Twelve bytes")}); err != nil {
		t.Fatal(err)
	}
	ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", "")})
	post(t, ts.base+"/v1/articles:analyze", `{"article":{"html":"<p>An HTML article about the council and the bridge it voted to build.</p>"}}`)
	stream, err := ts.client.AnalyzeArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stream.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle("s", "In a stream.")})
	if _, err := stream.Recv(); err != nil {
		t.Fatal(err)
	}
	_, _, b := restCall(t, http.DefaultClient, "GET", ts.base+"/metrics", "")
	m := string(b)
	for _, want := range []string{
		`grpc_server_handled_total{grpc_code="OK",grpc_method="AnalyzeArticle",grpc_service="article.v1.ArticleAnalysisService",grpc_type="unary"} 2`,
		`grpc_server_handled_total{grpc_code="InvalidArgument",grpc_method="AnalyzeArticle",grpc_service="article.v1.ArticleAnalysisService",grpc_type="unary"} 1`,
		`grpc_server_handling_seconds_bucket{grpc_method="AnalyzeArticle"`,
		`grpc_server_handled_total{grpc_code="OK",grpc_method="BatchAnalyzeArticles"`, // initialised at zero
		`lector_streams_in_flight{grpc_method="/article.v1.ArticleAnalysisService/AnalyzeArticles"} 1`,
		`lector_stage_duration_seconds_count{stage="text"} 3`,
		`lector_stage_duration_seconds_count{stage="statistics"} 3`,
		`lector_articles_analysed_total{kind="",outcome="ok"} 3`,
		`lector_article_bytes_total{source="text"} 24`,
		`lector_article_bytes_total{source="html"}`,
		`lector_analysis_duration_seconds_count 3`,
		`go_goroutines`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	stream.CloseSend()
	stream.Recv()
}

// lockedBuffer is a log sink for several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startLogged boots a server (built-in stages plus a panicking one) whose
// debug-level JSON log goes to the returned buffer.
func startLogged(t *testing.T, edit func(*Config)) (*Server, *lockedBuffer, articlev1.ArticleAnalysisServiceClient) {
	t.Helper()
	cfg, err := ParseFlags([]string{"--grpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--log-level", "debug"}, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(&cfg)
	}
	buf := &lockedBuffer{}
	srv, err := New(cfg, slog.New(slog.NewJSONHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	srv.stages = append(srv.stages, lightStages()...)
	srv.stages = append(srv.stages, pipeline.Stage{Name: "test-panic", Order: 15, Always: true,
		Load: func() (pipeline.RunFunc, error) {
			return func(ctx context.Context, st *pipeline.State) error {
				if strings.Contains(st.Analysis.Text, panicMarker) {
					panic("stage panic")
				}
				return nil
			}, nil
		}})
	grpcConns, httpConns := trackConns(srv.grpcLis), trackConns(srv.httpLis)
	srv.grpcLis, srv.httpLis = grpcConns, httpConns
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	conn, err := grpc.NewClient(srv.GRPCAddr(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Close()
		settleConns(t, grpcConns, httpConns)
		cancel()
		<-done
	})
	for deadline := time.Now().Add(20 * time.Second); !srv.ready.Load(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("not ready")
		}
	}
	return srv, buf, articlev1.NewArticleAnalysisServiceClient(conn)
}

// TestArticleTextNotLogged: even at debug level, and for failing requests,
// no article text reaches the logs, over gRPC or REST, unless
// --log-article-text asks for it.
func TestArticleTextNotLogged(t *testing.T) {
	const secret = "Zanzibar-Quokka-7731"
	run := func(t *testing.T, edit func(*Config)) string {
		srv, buf, client := startLogged(t, edit)
		ctx := ctxTimeout(t, 10*time.Second)
		for _, text := range []string{"The " + secret + " story.", secret + "\x01bad", secret + " " + panicMarker, "   " + secret + strings.Repeat("x", 2<<20)} {
			client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("id-1", text)})
			body, _ := json.Marshal(map[string]any{"article": map[string]any{"text": text}})
			for _, path := range []string{"/v1/articles:analyze", "/v1/articles:streamAnalyze"} {
				restCall(t, http.DefaultClient, "POST", "http://"+srv.HTTPAddr()+path, string(body))
			}
			restCall(t, http.DefaultClient, "POST", "http://"+srv.HTTPAddr()+"/v1/articles:streamAnalyze", string(body), "Accept", "text/event-stream")
		}
		s, err := client.AnalyzeArticles(ctx)
		if err != nil {
			t.Fatal(err)
		}
		s.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle("b", "Bidi "+secret)})
		s.CloseSend()
		for {
			if _, err := s.Recv(); err != nil {
				break
			}
		}
		return buf.String()
	}
	log := run(t, nil)
	if !strings.Contains(log, "finished call") || !strings.Contains(log, "panic") {
		t.Fatalf("the log lacks the calls: %.2000s", log)
	}
	if strings.Contains(log, secret) {
		i := strings.Index(log, secret)
		t.Errorf("article text in the log: ...%s...", log[max(0, i-300):min(len(log), i+100)])
	}
	if log := run(t, func(c *Config) { c.LogArticleText = true }); !strings.Contains(log, secret) {
		t.Error("--log-article-text logged no article text")
	}
}
