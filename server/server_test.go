package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	reflectionpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// Markers in an article's text that the test stage reacts to.
const (
	slowMarker  = "[[slow]]"  // the stage waits until the test releases it (or ctx ends)
	panicMarker = "[[panic]]" // the stage panics
)

// testServer is a running server on loopback ports.
type testServer struct {
	*Server
	client  articlev1.ArticleAnalysisServiceClient
	conn    *grpc.ClientConn
	base    string        // http://127.0.0.1:port
	release chan struct{} // closed to let slow articles go on
	started chan struct{} // receives when a slow article reaches the test stage
	stop    context.CancelFunc
	done    chan error // Run's result
}

// mustStart boots a server on 127.0.0.1:0 with the built-in stages (source,
// text, statistics) plus a test stage, and stops it when the test ends.
func mustStart(tb testing.TB, edit func(*Config)) *testServer {
	tb.Helper()
	return startServer(tb, false, edit)
}

// mustStartFull boots a server with every registered stage (all analysers)
// plus the test stage.
func mustStartFull(tb testing.TB) *testServer {
	tb.Helper()
	return startServer(tb, true, nil)
}

// runServer runs srv until the test ends, then stops it and checks that
// Run returned no error.
// lightStages are the pipeline's stages that read the article and count
// its words, without the models: for tests of the service around them.
func lightStages() []pipeline.Stage {
	var out []pipeline.Stage
	for _, s := range pipeline.Stages() {
		if s.Name == "source" || s.Name == "text" || s.Name == "statistics" {
			out = append(out, s)
		}
	}
	return out
}

// waitReady waits up to 20 s for srv to report ready.
// quietServer builds a server on loopback ports from flags (after the
// two listen addresses) with a discarded log; the caller runs it.
func quietServer(tb testing.TB, flags ...string) *Server {
	tb.Helper()
	cfg, err := ParseFlags(append([]string{"--grpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0"}, flags...),
		func(string) (string, bool) { return "", false })
	if err != nil {
		tb.Fatal(err)
	}
	srv, err := New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatal(err)
	}
	return srv
}

func waitReady(t *testing.T, srv *Server) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !srv.ready.Load(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("server not ready")
		}
	}
}

// readyClient dials srv's gRPC listener, closes the connection when the
// test ends, and waits for srv to report ready.
func readyClient(t *testing.T, srv *Server) articlev1.ArticleAnalysisServiceClient {
	t.Helper()
	conn, err := grpc.NewClient(srv.GRPCAddr(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	waitReady(t, srv)
	return articlev1.NewArticleAnalysisServiceClient(conn)
}

func runServer(t *testing.T, srv *Server) {
	grpcConns, httpConns := trackConns(srv.grpcLis), trackConns(srv.httpLis)
	srv.grpcLis, srv.httpLis = grpcConns, httpConns
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		settleConns(t, grpcConns, httpConns)
		stop()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
}

func startServer(tb testing.TB, full bool, edit func(*Config)) *testServer {
	tb.Helper()
	return startServerWith(tb, full, edit, nil)
}

// startServerWith is startServer with the stages passed through wrap (when
// not nil) before the server loads them.
func startServerWith(tb testing.TB, full bool, edit func(*Config), wrap func([]pipeline.Stage) []pipeline.Stage) *testServer {
	tb.Helper()
	cfg, err := ParseFlags([]string{"--grpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0",
		"--max-article-bytes", "4096", "--max-batch", "5", "--max-concurrency", "2",
		"--cors-origins", "https://app.example", "--shutdown-timeout", "5s"}, func(string) (string, bool) { return "", false })
	if err != nil {
		tb.Fatal(err)
	}
	if edit != nil {
		edit(&cfg)
	}
	log := slog.New(slog.NewJSONHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(testWriter{tb}, nil))
	}
	srv, err := New(cfg, log)
	if err != nil {
		tb.Fatal(err)
	}
	grpcConns, httpConns := trackConns(srv.grpcLis), trackConns(srv.httpLis)
	srv.grpcLis, srv.httpLis = grpcConns, httpConns
	ts := &testServer{Server: srv, release: make(chan struct{}), started: make(chan struct{}, 16), done: make(chan error, 1)}
	stages := lightStages()
	if full {
		stages = pipeline.Stages()
	}
	srv.stages = append(stages, pipeline.Stage{
		Name: "test-gate", Order: 15, Always: true,
		Load: func() (pipeline.RunFunc, error) {
			return func(ctx context.Context, st *pipeline.State) error {
				switch {
				case strings.Contains(st.Analysis.Text, panicMarker):
					panic("secret internal detail")
				case strings.Contains(st.Analysis.Text, slowMarker):
					ts.started <- struct{}{}
					select {
					case <-ts.release:
					case <-ctx.Done():
						return ctx.Err()
					}
				}
				return nil
			}, nil
		},
	})
	if wrap != nil {
		srv.stages = wrap(srv.stages)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts.stop = cancel
	go func() { ts.done <- srv.Run(ctx) }()
	ts.conn, err = grpc.NewClient(srv.GRPCAddr(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		tb.Fatal(err)
	}
	ts.client = articlev1.NewArticleAnalysisServiceClient(ts.conn)
	ts.base = "http://" + srv.HTTPAddr()
	// The server is ready within 2 s of start on an idle machine (measured
	// by cmd/loadtest, see the README); under `go test ./...` other
	// packages' tests load the same 2 cores, so the tests allow more.
	start := time.Now()
	deadline := start.Add(20 * time.Second)
	for !srv.ready.Load() {
		if time.Now().After(deadline) {
			tb.Fatal("server not ready within 20 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if d := time.Since(start); d > 2*time.Second {
		tb.Logf("server ready after %s (over 2 s: is the machine loaded?)", d)
	}
	tb.Cleanup(func() {
		ts.conn.Close()
		settleConns(tb, grpcConns, httpConns)
		cancel()
		select {
		case <-ts.release:
		default:
			close(ts.release)
		}
		select {
		case err := <-ts.done:
			if err != nil {
				tb.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			tb.Error("server did not stop")
		}
	})
	return ts
}

type testWriter struct{ tb testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.tb.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

const article = "The mayor of Springfield opened the new bridge on Monday. " +
	"\"It took us ten years,\" she said.\n\nTraffic is expected to ease by spring."

func textArticle(id, text string) *articlev1.Article {
	return &articlev1.Article{Id: id, Source: &articlev1.Article_Text{Text: text}}
}

// reason returns the ErrorInfo reason of a status.
func reason(st *status.Status) string {
	for _, d := range st.Details() {
		if ei, ok := d.(*errdetails.ErrorInfo); ok {
			return ei.Reason
		}
	}
	return ""
}

func ctxTimeout(tb testing.TB, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	tb.Cleanup(cancel)
	return ctx
}

func TestGRPCAnalyzeArticle(t *testing.T) {
	ts := mustStartFull(t)
	ctx := ctxTimeout(t, 10*time.Second)
	resp, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{
		Article:      textArticle("a1", article),
		EncodingType: articlev1.EncodingType_ENCODING_TYPE_UTF16,
	})
	if err != nil {
		t.Fatal(err)
	}
	a := resp.GetAnalysis()
	if len(a.GetSentences()) != 3 {
		t.Fatalf("got %d sentences, want 3: %v", len(a.GetSentences()), a.GetSentences())
	}
	s2 := a.GetSentences()[2].GetText()
	if s2.GetContent() != "Traffic is expected to ease by spring." || int(s2.GetBeginOffset()) != strings.Index(article, "Traffic") {
		t.Errorf("third sentence = %v", s2)
	}
	if st := a.GetStatistics(); st.GetWords() < 20 || st.GetParagraphs() != 2 || st.GetReadingTimeSeconds() <= 0 {
		t.Errorf("statistics = %v", st)
	}
	if len(a.GetTokens()) == 0 {
		t.Error("no tokens with all features requested")
	}
	for _, n := range a.GetNotices() {
		if n.GetReason() == "" || n.GetFeature() == articlev1.Feature_FEATURE_UNSPECIFIED {
			t.Errorf("bad notice %v", n)
		}
	}
}

func TestGRPCErrors(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 10*time.Second)
	tests := []struct {
		name   string
		req    *articlev1.AnalyzeArticleRequest
		code   codes.Code
		reason string
	}{
		{"empty", &articlev1.AnalyzeArticleRequest{Article: textArticle("", " \n ")}, codes.InvalidArgument, "EMPTY_ARTICLE"},
		{"invalid utf-8", &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Bad \xff\xfe bytes.")}, codes.InvalidArgument, "INVALID_UTF8"},
		{"too large", &articlev1.AnalyzeArticleRequest{Article: textArticle("", strings.Repeat("Long text. ", 500))}, codes.ResourceExhausted, "ARTICLE_TOO_LARGE"},
		{"unknown feature", &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Hi."), Features: []articlev1.Feature{42}}, codes.InvalidArgument, "UNKNOWN_FEATURE"},
		{"empty html", &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Html{Html: " "}}}, codes.InvalidArgument, "EMPTY_ARTICLE"},
		{"file url", &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Url{Url: "file:///etc/hosts"}}}, codes.InvalidArgument, "UNSUPPORTED_URL_SCHEME"},
		{"panic", &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Boom "+panicMarker)}, codes.Internal, "INTERNAL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ts.client.AnalyzeArticle(ctx, tt.req)
			st := status.Convert(err)
			if status.Code(err) != tt.code || reason(st) != tt.reason {
				t.Errorf("got %v %q (%v), want %v %q", status.Code(err), reason(st), err, tt.code, tt.reason)
			}
			if strings.Contains(st.Message(), "secret") {
				t.Errorf("internal detail leaked: %q", st.Message())
			}
		})
	}
	// the server still serves after a panic
	if _, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Still fine.")}); err != nil {
		t.Fatal(err)
	}
}

func TestGRPCDeadline(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 100*time.Millisecond)
	_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Wait "+slowMarker)})
	if status.Code(err) != codes.DeadlineExceeded {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
}

func TestGRPCStreamAnalyzeArticle(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 10*time.Second)
	stream, err := ts.client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{
		Article: textArticle("s1", article), Features: []articlev1.Feature{articlev1.Feature_FEATURE_STATISTICS},
	})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	var last *articlev1.StreamAnalyzeArticleResponse
	for {
		msg, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, fmt.Sprintf("%T", msg.GetResult()))
		last = msg
	}
	want := []string{"*articlev1.StreamAnalyzeArticleResponse_Source", "*articlev1.StreamAnalyzeArticleResponse_Syntax",
		"*articlev1.StreamAnalyzeArticleResponse_Statistics", "*articlev1.StreamAnalyzeArticleResponse_Completion"}
	if !slices.Equal(kinds, want) {
		t.Errorf("messages = %v, want %v", kinds, want)
	}
	c := last.GetCompletion()
	if len(c.GetStageTimings()) < 3 || c.GetTotalDuration() == nil {
		t.Errorf("completion = %v, want stage timings and a total", c)
	}
	// an invalid request fails the stream with the status
	stream, err = ts.client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{Article: textArticle("", "")})
	if err == nil {
		_, err = stream.Recv()
	}
	if st := status.Convert(err); st.Code() != codes.InvalidArgument || reason(st) != "EMPTY_ARTICLE" {
		t.Errorf("err = %v, want EMPTY_ARTICLE", err)
	}
}

func TestGRPCAnalyzeArticlesBidi(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 10*time.Second)
	stream, err := ts.client.AnalyzeArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		"a": "First article. It has two sentences.",
		"b": "", // bad
		"c": "Third article here.",
		"d": "Fourth one. Short. Very short.",
		"e": "Fifth and last.",
	}
	ids := []string{"a", "b", "c", "d", "e"}
	go func() {
		for _, id := range ids {
			if err := stream.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle(id, texts[id]),
				Features: []articlev1.Feature{articlev1.Feature_FEATURE_STATISTICS}}); err != nil {
				t.Error(err)
				return
			}
		}
		stream.CloseSend()
	}()
	got := recvByID(t, stream)
	if len(got) != len(ids) {
		t.Fatalf("got %d results, want %d", len(got), len(ids))
	}
	for i, id := range ids {
		r := got[id]
		if r.GetRequestIndex() != int64(i) {
			t.Errorf("%s: request index %d, want %d", id, r.GetRequestIndex(), i)
		}
		if id == "b" {
			if st := status.FromProto(r.GetError()); st.Code() != codes.InvalidArgument || reason(st) != "EMPTY_ARTICLE" {
				t.Errorf("b: error = %v", r.GetError())
			}
			continue
		}
		if r.GetAnalysis() == nil || r.GetAnalysis().GetSentences()[0].GetText().GetContent() == "" {
			t.Errorf("%s: no analysis: %v", id, r)
		}
	}
}

func TestGRPCBatchAndCapabilities(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 10*time.Second)
	resp, err := ts.client.BatchAnalyzeArticles(ctx, &articlev1.BatchAnalyzeArticlesRequest{Requests: []*articlev1.AnalyzeArticleRequest{
		{Article: textArticle("x", "One. Two.")},
		{Article: textArticle("y", "Bad \xc3 UTF-8.")},
		{Article: textArticle("z", "Three.")},
	}})
	if err != nil {
		t.Fatal(err)
	}
	rs := resp.GetResults()
	if len(rs) != 3 || rs[0].GetArticleId() != "x" || rs[1].GetArticleId() != "y" || rs[2].GetArticleId() != "z" {
		t.Fatalf("results out of order: %v", rs)
	}
	if len(rs[0].GetAnalysis().GetSentences()) != 2 || rs[2].GetAnalysis() == nil {
		t.Errorf("good items lack analyses: %v", rs)
	}
	if reason(status.FromProto(rs[1].GetError())) != "INVALID_UTF8" {
		t.Errorf("bad item: %v", rs[1])
	}
	// over the batch limit fails the call
	big := &articlev1.BatchAnalyzeArticlesRequest{}
	for range 6 {
		big.Requests = append(big.Requests, &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Hi.")})
	}
	if _, err := ts.client.BatchAnalyzeArticles(ctx, big); status.Code(err) != codes.ResourceExhausted {
		t.Errorf("over-size batch: %v", err)
	}

	caps, err := ts.client.GetCapabilities(ctx, &articlev1.GetCapabilitiesRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if l := caps.GetLimits(); l.GetMaxArticleBytes() != 4096 || l.GetMaxBatchSize() != 5 || l.GetMaxConcurrency() != 2 {
		t.Errorf("limits = %v", l)
	}
	if len(caps.GetFeatures()) != 10 {
		t.Errorf("features = %v, want all 10", caps.GetFeatures())
	}
	for _, f := range caps.GetFeatures() {
		if f.GetFeature() == articlev1.Feature_FEATURE_STATISTICS && !f.GetAvailable() {
			t.Error("statistics unavailable")
		}
	}
}

func TestReflectionAndHealth(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 10*time.Second)
	rc, err := reflectionpb.NewServerReflectionClient(ts.conn).ServerReflectionInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := rc.Send(&reflectionpb.ServerReflectionRequest{MessageRequest: &reflectionpb.ServerReflectionRequest_ListServices{}}); err != nil {
		t.Fatal(err)
	}
	r, err := rc.Recv()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range r.GetListServicesResponse().GetService() {
		names = append(names, s.GetName())
	}
	for _, want := range []string{"article.v1.ArticleAnalysisService", "grpc.health.v1.Health"} {
		if !slices.Contains(names, want) {
			t.Errorf("reflection lists %v, lacks %s", names, want)
		}
	}
	for _, svc := range []string{"", "article.v1.ArticleAnalysisService"} {
		h, err := healthpb.NewHealthClient(ts.conn).Check(ctx, &healthpb.HealthCheckRequest{Service: svc})
		if err != nil || h.GetStatus() != healthpb.HealthCheckResponse_SERVING {
			t.Errorf("health %q = %v, %v", svc, h, err)
		}
	}
	for _, path := range []string{"/healthz", "/readyz", "/openapi.json", "/"} {
		resp, err := http.Get(ts.base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("GET %s = %d", path, resp.StatusCode)
		}
	}
}

// post sends a JSON body and returns the response.
func post(t *testing.T, url, body string, header ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// errorBody is the JSON of a google.rpc.Status.
type errorBody struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Details []struct {
		Type            string            `json:"@type"`
		Reason          string            `json:"reason"`
		Domain          string            `json:"domain"`
		Metadata        map[string]string `json:"metadata"`
		RetryDelay      string            `json:"retryDelay"` // RetryInfo's
		FieldViolations []struct {
			Field string `json:"field"`
		} `json:"fieldViolations"`
	} `json:"details"`
}

func (e errorBody) reason() string {
	for _, d := range e.Details {
		if strings.HasSuffix(d.Type, "google.rpc.ErrorInfo") && d.Domain == "lector" {
			return d.Reason
		}
	}
	return ""
}

func TestRESTAnalyze(t *testing.T) {
	ts := mustStart(t, nil)
	body, _ := json.Marshal(map[string]any{"article": map[string]any{"text": "Zoë flew to Zürich. She liked it."}, "encodingType": "ENCODING_TYPE_UTF16"})
	resp := post(t, ts.base+"/v1/articles:analyze", string(body), "X-Request-Id", "my-request-1")
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("status %d: %s", resp.StatusCode, b)
	}
	if id := resp.Header.Get("X-Request-Id"); id != "my-request-1" {
		t.Errorf("X-Request-Id = %q", id)
	}
	var out struct {
		Analysis struct {
			Sentences []struct {
				Text struct {
					Content     string `json:"content"`
					BeginOffset *int   `json:"beginOffset"`
					Length      int    `json:"length"`
				} `json:"text"`
			} `json:"sentences"`
			Statistics struct {
				Words int `json:"words"`
			} `json:"statistics"`
		} `json:"analysis"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	ss := out.Analysis.Sentences
	if len(ss) != 2 || ss[0].Text.BeginOffset == nil || *ss[0].Text.BeginOffset != 0 {
		t.Fatalf("sentences = %+v (beginOffset 0 must be present)", ss)
	}
	if *ss[1].Text.BeginOffset != 20 || ss[1].Text.Length != 13 || ss[1].Text.Content != "She liked it." {
		t.Errorf("second sentence = %+v, want UTF-16 offset 20", ss[1].Text)
	}
	if out.Analysis.Statistics.Words != 7 {
		t.Errorf("words = %d", out.Analysis.Statistics.Words)
	}
}

func TestRESTErrors(t *testing.T) {
	ts := mustStart(t, nil)
	tests := []struct {
		name, path, body string
		status           int
		reason, field    string
	}{
		{"empty article", "/v1/articles:analyze", `{"article":{"text":"   "}}`, 400, "EMPTY_ARTICLE", "article.text"},
		{"too large", "/v1/articles:analyze", `{"article":{"text":"` + strings.Repeat("word ", 1000) + `"}}`, 413, "ARTICLE_TOO_LARGE", "article.text"},
		{"body too large", "/v1/articles:analyze", `{"article":{"text":"` + strings.Repeat("w", 16<<20) + `"}}`, 413, "REQUEST_TOO_LARGE", ""}, // over 3 x the 5 MB page limit
		{"malformed json", "/v1/articles:analyze", `{"article":`, 400, "MALFORMED_REQUEST", ""},
		{"unknown field", "/v1/articles:analyze", `{"article":{"text":"Hi."},"colour":"red"}`, 400, "MALFORMED_REQUEST", ""},
		{"unknown feature", "/v1/articles:analyze", `{"article":{"text":"Hi."},"features":["FEATURE_MAGIC"]}`, 400, "MALFORMED_REQUEST", ""},
		{"two sources", "/v1/articles:analyze", `{"article":{"text":"Hi.","url":"https://example.org/"}}`, 400, "MULTIPLE_SOURCES", "article"},
		{"bad url scheme", "/v1/articles:analyze", `{"article":{"url":"gopher://example.org/"}}`, 400, "UNSUPPORTED_URL_SCHEME", "article.url"},
		{"bad batch item field", "/v1/articles:batchAnalyze", `{"requests":[{"article":{"text":"ok"}}],"x":1}`, 400, "MALFORMED_REQUEST", ""},
		{"stream empty", "/v1/articles:streamAnalyze", `{"article":{"text":""}}`, 400, "EMPTY_ARTICLE", "article.text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := post(t, ts.base+tt.path, tt.body)
			var e errorBody
			if strings.HasSuffix(tt.path, ":streamAnalyze") {
				// a stream's error is one NDJSON line {"error": status}
				var line struct {
					Error errorBody `json:"error"`
				}
				if err := json.NewDecoder(resp.Body).Decode(&line); err != nil {
					t.Fatal(err)
				}
				e = line.Error
			} else if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.status || e.reason() != tt.reason {
				t.Errorf("got %d %q (%s), want %d %q", resp.StatusCode, e.reason(), e.Message, tt.status, tt.reason)
			}
			if tt.field != "" {
				found := false
				for _, d := range e.Details {
					for _, v := range d.FieldViolations {
						found = found || v.Field == tt.field
					}
				}
				if !found {
					t.Errorf("no field violation for %s: %+v", tt.field, e.Details)
				}
			}
		})
	}
	resp, err := http.Get(ts.base + "/v1/nothing")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("unknown path: %d", resp.StatusCode)
	}
}

func TestRESTBatchAndCapabilities(t *testing.T) {
	ts := mustStart(t, nil)
	resp := post(t, ts.base+"/v1/articles:batchAnalyze",
		`{"requests":[{"article":{"id":"one","text":"Good article."}},{"article":{"id":"two","text":""}},{"article":{"id":"three","text":"Also good."}}]}`)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	var out struct {
		Results []struct {
			ArticleID string          `json:"articleId"`
			Analysis  json.RawMessage `json:"analysis"`
			Error     *errorBody      `json:"error"`
		} `json:"results"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if len(out.Results) != 3 {
		t.Fatalf("results = %+v", out.Results)
	}
	for i, id := range []string{"one", "two", "three"} {
		r := out.Results[i]
		if r.ArticleID != id {
			t.Errorf("result %d is %q, want %q", i, r.ArticleID, id)
		}
		if bad := id == "two"; bad != (r.Error != nil) || bad == (r.Analysis != nil) {
			t.Errorf("result %s: analysis %s, error %+v", id, r.Analysis, r.Error)
		}
	}
	if out.Results[1].Error.reason() != "EMPTY_ARTICLE" || out.Results[1].Error.Code != int(codes.InvalidArgument) {
		t.Errorf("bad item error = %+v", out.Results[1].Error)
	}

	cr, err := http.Get(ts.base + "/v1/capabilities")
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Body.Close()
	var caps struct {
		Limits struct {
			MaxArticleBytes string `json:"maxArticleBytes"` // int64 is a JSON string
			MaxBatchSize    int    `json:"maxBatchSize"`
		} `json:"limits"`
	}
	if err := json.NewDecoder(cr.Body).Decode(&caps); err != nil {
		t.Fatal(err)
	}
	if caps.Limits.MaxArticleBytes != "4096" || caps.Limits.MaxBatchSize != 5 {
		t.Errorf("limits = %+v", caps.Limits)
	}
}

func TestRESTStreamNDJSON(t *testing.T) {
	ts := mustStart(t, nil)
	resp := post(t, ts.base+"/v1/articles:streamAnalyze", `{"article":{"text":"`+slowMarker+` One. Two."},"features":["FEATURE_STATISTICS"]}`)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	lines := bufio.NewScanner(resp.Body)
	var keys []string
	next := func() map[string]json.RawMessage {
		t.Helper()
		if !lines.Scan() {
			t.Fatalf("stream ended early: %v (got %v)", lines.Err(), keys)
		}
		var line struct {
			Result map[string]json.RawMessage `json:"result"`
		}
		if err := json.Unmarshal(lines.Bytes(), &line); err != nil {
			t.Fatalf("line %q: %v", lines.Bytes(), err)
		}
		for k := range line.Result {
			keys = append(keys, k)
		}
		return line.Result
	}
	// source and syntax arrive while a later stage is still running
	next()
	next()
	<-ts.started
	if !slices.Equal(keys, []string{"source", "syntax"}) {
		t.Errorf("early lines = %v", keys)
	}
	close(ts.release)
	next()
	last := next()
	if !slices.Equal(keys, []string{"source", "syntax", "statistics", "completion"}) {
		t.Errorf("lines = %v", keys)
	}
	if _, ok := last["completion"]; !ok {
		t.Error("no completion line")
	}
	if lines.Scan() {
		t.Errorf("extra line %q", lines.Text())
	}
}

func TestRESTStreamSSE(t *testing.T) {
	ts := mustStart(t, nil)
	resp := post(t, ts.base+"/v1/articles:streamAnalyze", `{"article":{"text":"`+slowMarker+` One. Two."},"features":["FEATURE_STATISTICS"]}`,
		"Accept", "text/event-stream")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	r := bufio.NewReader(resp.Body)
	var events []string
	readEvent := func() (string, string) {
		t.Helper()
		var name, data string
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				t.Fatalf("stream ended early after %v: %v", events, err)
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case line == "":
				events = append(events, name)
				return name, data
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data += strings.TrimPrefix(line, "data: ")
			}
		}
	}
	// the first events are flushed while the test stage still blocks
	readEvent()
	_, data := readEvent()
	<-ts.started
	if !slices.Equal(events, []string{"source", "syntax"}) {
		t.Errorf("early events = %v", events)
	}
	var syntax struct {
		Syntax struct {
			Sentences []json.RawMessage `json:"sentences"`
		} `json:"syntax"`
	}
	if err := json.Unmarshal([]byte(data), &syntax); err != nil || len(syntax.Syntax.Sentences) != 2 {
		t.Errorf("syntax event data %s: %v", data, err)
	}
	close(ts.release)
	readEvent()
	readEvent()
	if !slices.Equal(events, []string{"source", "syntax", "statistics", "completion"}) {
		t.Errorf("events = %v", events)
	}
	if rest, _ := io.ReadAll(r); len(strings.TrimSpace(string(rest))) != 0 {
		t.Errorf("data after completion: %q", rest)
	}
}

func TestCORS(t *testing.T) {
	ts := mustStart(t, nil)
	preflight := func(origin string) *http.Response {
		req, _ := http.NewRequest("OPTIONS", ts.base+"/v1/articles:analyze", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	resp := preflight("https://app.example")
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != "https://app.example" ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "POST") ||
		!strings.Contains(strings.ToLower(resp.Header.Get("Access-Control-Allow-Headers")), "content-type") {
		t.Errorf("allowed preflight: %d %v", resp.StatusCode, resp.Header)
	}
	resp = preflight("https://evil.example")
	if resp.StatusCode != http.StatusForbidden || resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("foreign preflight: %d %v", resp.StatusCode, resp.Header)
	}
	r := post(t, ts.base+"/v1/articles:analyze", `{"article":{"text":"Hi."}}`, "Origin", "https://app.example")
	if r.Header.Get("Access-Control-Allow-Origin") != "https://app.example" || !strings.Contains(r.Header.Get("Access-Control-Expose-Headers"), "X-Request-Id") {
		t.Errorf("simple request headers: %v", r.Header)
	}
}

func TestShutdownDrainsStream(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 10*time.Second)
	stream, err := ts.client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{
		Article: textArticle("", "In flight "+slowMarker), Features: []articlev1.Feature{articlev1.Feature_FEATURE_STATISTICS}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stream.Recv(); err != nil { // source
		t.Fatal(err)
	}
	<-ts.started
	ts.stop() // as SIGTERM does
	<-ts.Server.shutdown
	select {
	case err := <-ts.done:
		t.Fatalf("Run returned %v with a stream in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	// new calls are refused while the stream drains
	refused := false
	for end := time.Now().Add(2 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		resp, err := http.Get(ts.base + "/healthz")
		if err != nil {
			refused = true
			break
		}
		resp.Body.Close()
	}
	if !refused {
		t.Errorf("HTTP still accepts connections during shutdown")
	}
	close(ts.release)
	n := 0
	for {
		_, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("in-flight stream failed during graceful shutdown: %v", err)
		}
		n++
	}
	if n < 2 {
		t.Errorf("got %d more messages, want syntax, statistics and completion", n)
	}
	select {
	case err := <-ts.done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		ts.done <- nil // for the cleanup
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after the stream ended")
	}
}

func TestShutdownTimeoutCutsStream(t *testing.T) {
	ts := mustStart(t, func(c *Config) { c.ShutdownTimeout = 200 * time.Millisecond })
	ctx := ctxTimeout(t, 10*time.Second)
	stream, err := ts.client.AnalyzeArticles(ctx) // a bidi stream that never half-closes
	if err != nil {
		t.Fatal(err)
	}
	if err := stream.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle("x", "Stuck "+slowMarker)}); err != nil {
		t.Fatal(err)
	}
	<-ts.started
	start := time.Now()
	ts.stop()
	select {
	case err := <-ts.done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		ts.done <- nil
	case <-time.After(3 * time.Second):
		t.Fatal("Run did not return after the shutdown timeout")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("shutdown took %v with a 200ms timeout", d)
	}
	// the article in flight is answered UNAVAILABLE / SHUTTING_DOWN a
	// quarter of the timeout before it ends, then the stream ends so too
	r, err := stream.Recv()
	if st := status.FromProto(r.GetError()); err != nil || st.Code() != codes.Unavailable || reason(st) != "SHUTTING_DOWN" {
		t.Errorf("the article in flight: %v, %v; want its result UNAVAILABLE, SHUTTING_DOWN", r, err)
	}
	if _, err := stream.Recv(); status.Code(err) != codes.Unavailable {
		t.Errorf("the stuck stream after shutdown: %v; want it ended UNAVAILABLE", err)
	}
}

func TestParseFlagsEnv(t *testing.T) {
	env := map[string]string{"LECTOR_HTTP_ADDR": ":9999", "LECTOR_MAX_BATCH": "7", "LECTOR_CORS_ORIGINS": "https://a.example/, https://b.example"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	cfg, err := ParseFlags([]string{"--max-batch", "9"}, lookup)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.HTTPAddr != ":9999" || cfg.MaxBatch != 9 || cfg.GRPCAddr != ":50051" ||
		!slices.Equal(cfg.CORSOrigins, []string{"https://a.example", "https://b.example"}) {
		t.Errorf("cfg = %+v", cfg)
	}
	if len(cfg.TrustedProxies) != 0 {
		t.Errorf("trusted proxies by default: %v", cfg.TrustedProxies)
	}
	env["LECTOR_TRUSTED_PROXIES"] = "10.0.0.0/8, 192.0.2.7"
	if cfg, err = ParseFlags(nil, lookup); err != nil || fmt.Sprint(cfg.TrustedProxies) != "[10.0.0.0/8 192.0.2.7/32]" {
		t.Errorf("LECTOR_TRUSTED_PROXIES: %v %v", cfg.TrustedProxies, err)
	}
	if _, err := ParseFlags([]string{"--trusted-proxies", "proxy.example"}, lookup); err == nil || !strings.Contains(err.Error(), "--trusted-proxies") {
		t.Errorf("a host name as trusted proxy: %v", err)
	}
	env["LECTOR_MAX_BATCH"] = "many"
	if _, err := ParseFlags(nil, lookup); err == nil {
		t.Error("a bad environment value was accepted")
	}
}

// recvByID reads a bidirectional stream to its end and returns its
// results by article id; an error other than the end fails the test.
func recvByID(t *testing.T, stream articlev1.ArticleAnalysisService_AnalyzeArticlesClient) map[string]*articlev1.AnalyzeArticlesResponse {
	t.Helper()
	got := map[string]*articlev1.AnalyzeArticlesResponse{}
	for {
		r, err := stream.Recv()
		if err == io.EOF {
			return got
		}
		if err != nil {
			t.Fatalf("after %d results: %v", len(got), err)
		}
		got[r.GetArticleId()] = r
	}
}
