package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/idle"
)

// badInputLimit is the article limit of the bad-input server: large enough
// for 1 MB on one line.
const badInputLimit = 1_200_000

// TestBadInput sends every kind of bad input the service must survive, over
// gRPC and over REST, checks the status code, the HTTP status and the
// ErrorInfo reason of each, and then that the server is still healthy. The
// same table is the "Limits and errors" section of the README.
func TestBadInput(t *testing.T) {
	ts := startServer(t, true, func(c *Config) { c.MaxArticleBytes = badInputLimit })
	ctx := ctxTimeout(t, 60*time.Second)
	text := func(s string) *articlev1.Article { return textArticle("", s) }
	html := func(s string) *articlev1.Article {
		return &articlev1.Article{Source: &articlev1.Article_Html{Html: s}}
	}
	url := func(s string) *articlev1.Article { return &articlev1.Article{Source: &articlev1.Article_Url{Url: s}} }
	jsonStr := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	oneLine := strings.Repeat("word ", 1<<20/5) // 1 MB, no line break
	para := "<p>Deep inside the page the mayor spoke about the new bridge over the river for a long time.</p>"
	nested := func(depth int) string {
		return strings.Repeat("<div>", depth) + para + strings.Repeat("</div>", depth)
	}
	malformed := `<p>The council met on Monday <b>to discuss <i>the bridge</p></div><<>> & &bogus; and the river, which floods each spring.<p>It voted <table><td>to build it <script>never closed`
	binary := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"

	tests := []struct {
		name string
		// gRPC request (nil: not expressible over gRPC) and REST body ("":
		// not expressible over REST).
		req      *articlev1.AnalyzeArticleRequest
		body     string
		code     codes.Code // gRPC
		httpCode int
		reason   string // "" for success
	}{
		{"empty text", &articlev1.AnalyzeArticleRequest{Article: text("")}, `{"article":{"text":""}}`, codes.InvalidArgument, 400, "EMPTY_ARTICLE"},
		{"whitespace only", &articlev1.AnalyzeArticleRequest{Article: text(" \t\r\n \u00a0\u2003 ")}, `{"article":{"text":" \t\r\n \u00a0\u2003 "}}`, codes.InvalidArgument, 400, "EMPTY_ARTICLE"},
		{"no source", &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Id: "x"}}, `{"article":{"id":"x"}}`, codes.InvalidArgument, 400, "EMPTY_ARTICLE"},
		{"no article", &articlev1.AnalyzeArticleRequest{}, `{}`, codes.InvalidArgument, 400, "MISSING_ARTICLE"},
		{"over the byte limit", &articlev1.AnalyzeArticleRequest{Article: text(strings.Repeat("a", badInputLimit+1))}, `{"article":{"text":"` + strings.Repeat("a", badInputLimit+1) + `"}}`, codes.ResourceExhausted, 413, "ARTICLE_TOO_LARGE"},
		{"invalid utf-8", &articlev1.AnalyzeArticleRequest{Article: text("Caf\xe9 au lait.")}, "{\"article\":{\"text\":\"Caf\xe9 au lait.\"}}", codes.InvalidArgument, 400, "INVALID_UTF8"},
		{"NUL", &articlev1.AnalyzeArticleRequest{Article: text("Hello\x00world.")}, `{"article":{"text":"Hello\u0000world."}}`, codes.InvalidArgument, 400, "CONTROL_CHARACTERS"},
		{"C0 control", &articlev1.AnalyzeArticleRequest{Article: text("Ring \x07 the bell \x1b[31m.")}, `{"article":{"text":"Ring \u0007 the bell."}}`, codes.InvalidArgument, 400, "CONTROL_CHARACTERS"},
		{"NUL in html", &articlev1.AnalyzeArticleRequest{Article: html("<p>a\x00b</p>")}, `{"article":{"html":"<p>a\u0000b</p>"}}`, codes.InvalidArgument, 400, "CONTROL_CHARACTERS"},
		{"binary data", &articlev1.AnalyzeArticleRequest{Article: text(binary)}, "", codes.InvalidArgument, 400, "INVALID_UTF8"},
		{"binary data, raw in JSON", nil, `{"article":{"text":"` + binary + `"}}`, codes.InvalidArgument, 400, "MALFORMED_REQUEST"},
		{"binary data, JSON-escaped", nil, `{"article":{"text":` + jsonStr(binary) + `}}`, codes.InvalidArgument, 400, "CONTROL_CHARACTERS"},
		{"tabs and CRLF are fine", &articlev1.AnalyzeArticleRequest{Article: text("Line one.\r\n\tLine two.")}, `{"article":{"text":"Line one.\r\n\tLine two."}}`, codes.OK, 200, ""},
		{"1 MB on one line", &articlev1.AnalyzeArticleRequest{Article: text(oneLine)}, `{"article":{"text":"` + oneLine + `"}}`, codes.OK, 200, ""},
		{"nested html, 300 levels", &articlev1.AnalyzeArticleRequest{Article: html(nested(300))}, `{"article":{"html":` + jsonStr(nested(300)) + `}}`, codes.OK, 200, ""},
		// the HTML parser refuses more than 512 open elements
		{"nested html, 20000 levels", &articlev1.AnalyzeArticleRequest{Article: html(nested(20000))}, `{"article":{"html":` + jsonStr(nested(20000)) + `}}`, codes.InvalidArgument, 400, "INVALID_HTML"},
		{"malformed html", &articlev1.AnalyzeArticleRequest{Article: html(malformed)}, `{"article":{"html":` + jsonStr(malformed) + `}}`, codes.OK, 200, ""},
		{"html with no text", &articlev1.AnalyzeArticleRequest{Article: html("<div><script>x()</script></div>")}, `{"article":{"html":"<div><script>x()</script></div>"}}`, codes.InvalidArgument, 400, "NO_ARTICLE_TEXT"},
		{"unknown feature number", &articlev1.AnalyzeArticleRequest{Article: text("Hi."), Features: []articlev1.Feature{42}}, `{"article":{"text":"Hi."},"features":[42]}`, codes.InvalidArgument, 400, "UNKNOWN_FEATURE"},
		{"unknown feature name", nil, `{"article":{"text":"Hi."},"features":["FEATURE_MAGIC"]}`, codes.InvalidArgument, 400, "MALFORMED_REQUEST"},
		{"unknown encoding number", &articlev1.AnalyzeArticleRequest{Article: text("Hi."), EncodingType: 7}, `{"article":{"text":"Hi."},"encodingType":7}`, codes.InvalidArgument, 400, "UNKNOWN_ENCODING_TYPE"},
		{"unknown encoding name", nil, `{"article":{"text":"Hi."},"encodingType":"ENCODING_TYPE_EBCDIC"}`, codes.InvalidArgument, 400, "MALFORMED_REQUEST"},
		{"two sources", nil, `{"article":{"text":"Hi.","html":"<p>Hi.</p>"}}`, codes.InvalidArgument, 400, "MULTIPLE_SOURCES"},
		{"file: url", &articlev1.AnalyzeArticleRequest{Article: url("file:///etc/passwd")}, `{"article":{"url":"file:///etc/passwd"}}`, codes.InvalidArgument, 400, "UNSUPPORTED_URL_SCHEME"},
		{"ftp: url", &articlev1.AnalyzeArticleRequest{Article: url("ftp://example.org/a.txt")}, `{"article":{"url":"ftp://example.org/a.txt"}}`, codes.InvalidArgument, 400, "UNSUPPORTED_URL_SCHEME"},
		{"gopher: url", &articlev1.AnalyzeArticleRequest{Article: url("gopher://example.org/1")}, `{"article":{"url":"gopher://example.org/1"}}`, codes.InvalidArgument, 400, "UNSUPPORTED_URL_SCHEME"},
		{"relative url", &articlev1.AnalyzeArticleRequest{Article: url("/news/1")}, `{"article":{"url":"/news/1"}}`, codes.InvalidArgument, 400, "INVALID_URL"},
		{"url without host", &articlev1.AnalyzeArticleRequest{Article: url("http:///news")}, `{"article":{"url":"http:///news"}}`, codes.InvalidArgument, 400, "INVALID_URL"},
		{"loopback url", &articlev1.AnalyzeArticleRequest{Article: url("http://127.0.0.1:1/")}, `{"article":{"url":"http://127.0.0.1:1/"}}`, codes.InvalidArgument, 400, "BLOCKED_ADDRESS"},
		{"bad language code", &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Text{Text: "Hi."}, LanguageCode: "english!"}}, `{"article":{"text":"Hi.","languageCode":"english!"}}`, codes.InvalidArgument, 400, "INVALID_LANGUAGE_CODE"},
		{"bad option", &articlev1.AnalyzeArticleRequest{Article: text("Hi."), Options: &articlev1.AnalysisOptions{SummarySentences: -1}}, `{"article":{"text":"Hi."},"options":{"summarySentences":-1}}`, codes.InvalidArgument, 400, "INVALID_OPTION"},
		{"malformed json", nil, `{"article":{"text":"Hi.`, codes.InvalidArgument, 400, "MALFORMED_REQUEST"},
		{"json of the wrong shape", nil, `{"article":"Hi."}`, codes.InvalidArgument, 400, "MALFORMED_REQUEST"},
		{"unknown field", nil, `{"article":{"text":"Hi."},"colour":"red"}`, codes.InvalidArgument, 400, "MALFORMED_REQUEST"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.req != nil {
				_, err := ts.client.AnalyzeArticle(ctx, tt.req, grpc.MaxCallRecvMsgSize(64<<20))
				st := status.Convert(err)
				if st.Code() != tt.code || reason(st) != tt.reason {
					t.Errorf("gRPC: got %v %q (%s), want %v %q", st.Code(), reason(st), st.Message(), tt.code, tt.reason)
				}
			}
			if tt.body != "" {
				resp := post(t, ts.base+"/v1/articles:analyze", tt.body)
				var e errorBody
				if tt.httpCode != 200 {
					if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
						t.Fatalf("REST %d: error body: %v", resp.StatusCode, err)
					}
				}
				if resp.StatusCode != tt.httpCode || e.reason() != tt.reason {
					t.Errorf("REST: got %d %q (%s), want %d %q", resp.StatusCode, e.reason(), e.Message, tt.httpCode, tt.reason)
				}
			}
		})
	}

	// REST only: the content type, and oversize batches on both sides.
	t.Run("wrong content type", func(t *testing.T) {
		for _, ct := range []string{"text/plain", "application/xml", "multipart/form-data; boundary=x", "application/octet-stream", "not a type"} {
			resp := post(t, ts.base+"/v1/articles:analyze", `{"article":{"text":"Hi."}}`, "Content-Type", ct)
			var e errorBody
			json.NewDecoder(resp.Body).Decode(&e)
			if resp.StatusCode != 415 || e.reason() != "UNSUPPORTED_MEDIA_TYPE" {
				t.Errorf("%s: got %d %q, want 415 UNSUPPORTED_MEDIA_TYPE", ct, resp.StatusCode, e.reason())
			}
		}
		for _, ct := range []string{"application/json", "application/json; charset=utf-8", "application/x-www-form-urlencoded"} {
			if resp := post(t, ts.base+"/v1/articles:analyze", `{"article":{"text":"Hi."}}`, "Content-Type", ct); resp.StatusCode != 200 {
				t.Errorf("%s: got %d, want 200", ct, resp.StatusCode)
			}
		}
	})
	t.Run("over-size batch", func(t *testing.T) {
		var reqs []*articlev1.AnalyzeArticleRequest
		for range 6 { // the limit is 5
			reqs = append(reqs, &articlev1.AnalyzeArticleRequest{Article: text("Hi.")})
		}
		_, err := ts.client.BatchAnalyzeArticles(ctx, &articlev1.BatchAnalyzeArticlesRequest{Requests: reqs})
		if st := status.Convert(err); st.Code() != codes.ResourceExhausted || reason(st) != "BATCH_TOO_LARGE" {
			t.Errorf("gRPC: %v %q", st.Code(), reason(st))
		}
		resp := post(t, ts.base+"/v1/articles:batchAnalyze", `{"requests":[`+strings.TrimSuffix(strings.Repeat(`{"article":{"text":"Hi."}},`, 6), ",")+`]}`)
		var e errorBody
		json.NewDecoder(resp.Body).Decode(&e)
		if resp.StatusCode != 413 || e.reason() != "BATCH_TOO_LARGE" {
			t.Errorf("REST: %d %q", resp.StatusCode, e.reason())
		}
	})

	// the server is healthy afterwards
	h, err := healthpb.NewHealthClient(ts.conn).Check(ctx, &healthpb.HealthCheckRequest{})
	if err != nil || h.GetStatus() != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("health after bad input: %v, %v", h, err)
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		resp, err := http.Get(ts.base + path)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s after bad input: %v %v", path, resp, err)
		}
		resp.Body.Close()
	}
	if r, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: text(article)}); err != nil || len(r.GetAnalysis().GetSentences()) != 3 {
		t.Fatalf("analysis after bad input: %v", err)
	}
}

// TestBidiStreamIdleTimeout: a bidirectional stream that never half-closes
// is ended with DEADLINE_EXCEEDED / STREAM_IDLE_TIMEOUT once it has no
// article in flight and no message for --stream-idle-timeout, and its
// goroutines are freed; a stream that keeps talking is not.
func TestBidiStreamIdleTimeout(t *testing.T) {
	const timeout = time.Second // ten times the busy stream's pauses, for loaded machines
	ts := mustStart(t, func(c *Config) { c.StreamIdleTimeout = timeout })
	ctx := ctxTimeout(t, 10*time.Second)
	if _, err := ts.client.GetCapabilities(ctx, &articlev1.GetCapabilitiesRequest{}); err != nil {
		t.Fatal(err) // connects, so the connection's goroutines are counted
	}
	before := runtime.NumGoroutine()

	// busy: one article every 100 ms for 1 s, then a half-close
	busy, err := ts.client.AnalyzeArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		if err := busy.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle(fmt.Sprint(i), "Still talking.")}); err != nil {
			t.Fatal(err)
		}
		if _, err := busy.Recv(); err != nil {
			t.Fatalf("busy stream ended after %d articles: %v", i, err)
		}
		time.Sleep(timeout / 10)
	}
	busy.CloseSend()
	if _, err := busy.Recv(); err != io.EOF {
		t.Fatalf("busy stream: %v, want EOF", err)
	}

	// an article in flight for longer than the timeout does not count as idle
	quiet, err := ts.client.AnalyzeArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := quiet.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle("slow", "Wait "+slowMarker)}); err != nil {
		t.Fatal(err)
	}
	<-ts.started
	time.Sleep(2 * timeout)
	close(ts.release)
	if r, err := quiet.Recv(); err != nil || r.GetArticleId() != "slow" {
		t.Fatalf("in-flight article cut by the idle timeout: %v", err)
	}
	// then silence: the server ends the stream
	start := time.Now()
	_, err = quiet.Recv()
	st := status.Convert(err)
	if st.Code() != codes.DeadlineExceeded || reason(st) != idle.Reason {
		t.Fatalf("idle stream: %v %q, want DeadlineExceeded %s", st.Code(), reason(st), idle.Reason)
	}
	if d := time.Since(start); d > 3*timeout {
		t.Errorf("idle stream ended after %v, timeout %v", d, timeout)
	}
	// no goroutine left behind
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+2 {
		t.Errorf("%d goroutines after the idle stream ended, %d before", n, before)
	}
}

// TestBidiSlowReader: a caller that sends many articles and reads no result
// stalls: the server stops reading once its bounded workers wait on flow
// control, so what it holds is bounded; when the caller reads, every result
// arrives.
func TestBidiSlowReader(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 60*time.Second)
	stream, err := ts.client.AnalyzeArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const total = 1000
	body := strings.Repeat("Slow readers hold the line. ", 140) // ~4 KB
	var sent atomic.Int64
	sendDone := make(chan error, 1)
	go func() {
		for i := range total {
			if err := stream.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle(fmt.Sprint(i), body),
				Features: []articlev1.Feature{articlev1.Feature_FEATURE_STATISTICS}}); err != nil {
				sendDone <- err
				return
			}
			sent.Add(1)
		}
		sendDone <- stream.CloseSend()
	}()
	// wait until sending stalls
	last := int64(-1)
	for sent.Load() != last {
		last = sent.Load()
		time.Sleep(300 * time.Millisecond)
	}
	if last >= total {
		t.Fatalf("all %d articles (%d MB) were taken while nothing was read: no back-pressure", total, total*len(body)>>20)
	}
	t.Logf("sending stalled after %d of %d articles (%.1f MB)", last, total, float64(last)*float64(len(body))/1e6)
	n := 0
	for {
		_, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if err := <-sendDone; err != nil {
		t.Fatal(err)
	}
	if n != total {
		t.Fatalf("got %d results, want %d", n, total)
	}
}
