package main

// Tests of the defects the session-11 audit of the public service found,
// each through the real server on loopback.

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// asciiJSON writes s as a JSON string with every non-ASCII character
// escaped, as Python's json.dumps does by default (ensure_ascii).
func asciiJSON(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x80:
			b.WriteRune(r)
		case r > 0xffff:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// TestRESTBodyFitsEscapedArticle: an article within --max-article-bytes is
// accepted over REST whatever the caller's JSON encoder escapes. The body
// limit was twice the article limit, and a Russian article of 90 % of the
// limit sent by an ASCII-only encoder (three bytes of JSON per byte of
// text) was refused with 413 REQUEST_TOO_LARGE. A body over the limit is
// still refused, and the message says the limit.
func TestRESTBodyFitsEscapedArticle(t *testing.T) {
	const limit = 200_000
	ts := mustStart(t, func(c *Config) { c.MaxArticleBytes = limit; c.MaxPageBytes = limit }) // the body limit follows the page limit too
	unit := "Министр заявил в понедельник, что налоги вырастут. 🚋 "
	text := strings.Repeat(unit, limit*9/10/len(unit))
	body := `{"article":{"text":` + asciiJSON(text) + `},"features":["FEATURE_STATISTICS"]}`
	if len(body) < 2*limit+64<<10 {
		t.Fatalf("body %d bytes: not over the old limit, the test shows nothing", len(body))
	}
	resp := post(t, ts.base+"/v1/articles:analyze", body)
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("article of %d bytes (limit %d) in a %d-byte body: %d %s", len(text), limit, len(body), resp.StatusCode, b)
	}
	// over the article limit: the article's own error, not the body's
	over := strings.Repeat(unit, limit*11/10/len(unit))
	resp = post(t, ts.base+"/v1/articles:analyze", `{"article":{"text":`+asciiJSON(over)+`}}`)
	var e errorBody
	json.NewDecoder(resp.Body).Decode(&e)
	if resp.StatusCode != 413 || e.reason() != "ARTICLE_TOO_LARGE" {
		t.Errorf("article over the limit: %d %q %s", resp.StatusCode, e.reason(), e.Message)
	}
	// a body no article explains: REQUEST_TOO_LARGE, with the limit in the message
	resp = post(t, ts.base+"/v1/articles:analyze", `{"article":{"text":"`+strings.Repeat("w", 4*limit)+`"}}`)
	e = errorBody{}
	json.NewDecoder(resp.Body).Decode(&e)
	if resp.StatusCode != 413 || e.reason() != "REQUEST_TOO_LARGE" || !strings.Contains(e.Message, fmt.Sprint(3*limit+64<<10)) {
		t.Errorf("body over the limit: %d %q %q", resp.StatusCode, e.reason(), e.Message)
	}
}

// TestLanguageCodeCase: BCP-47 tags are case-insensitive; a hint of "EN"
// or "en-gb" is English, and "und" (undetermined) is no hint. The engine compared the hint as sent, so such an
// article lost every English-only analysis (a notice "entities are
// available for English only" and no entities).
func TestLanguageCodeCase(t *testing.T) {
	ts := mustStartFull(t)
	ctx := ctxTimeout(t, 60*time.Second)
	const text = "Chancellor Angela Merkel met President Emmanuel Macron in Berlin on Monday."
	analyse := func(code string) *articlev1.Analysis {
		t.Helper()
		a := textArticle("", text)
		a.LanguageCode = code
		r, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: a,
			Features: []articlev1.Feature{articlev1.Feature_FEATURE_ENTITIES}})
		if err != nil {
			t.Fatalf("%q: %v", code, err)
		}
		return r.GetAnalysis()
	}
	want := len(analyse("en").GetEntities())
	if want == 0 {
		t.Fatal("no entities with the hint en")
	}
	for _, code := range []string{"EN", "En", "en-gb", "EN-US", "en-Latn-gb", "und", "UND"} {
		a := analyse(code)
		if len(a.GetEntities()) != want || len(a.GetNotices()) != 0 {
			t.Errorf("hint %q: %d entities (want %d), notices %v", code, len(a.GetEntities()), want, a.GetNotices())
		}
	}
	// another language is still believed
	if a := analyse("FR"); len(a.GetEntities()) != 0 || len(a.GetNotices()) != 1 {
		t.Errorf("hint FR: %d entities, notices %v", len(a.GetEntities()), a.GetNotices())
	}
}

// TestBatchErrorFieldPath: the field violation of a batch item names the
// item ("requests[1].article.html") for errors the engine raises after
// validation too (HTML with no text, a page that cannot be fetched), not
// only for those of validation; it read "article.html".
func TestBatchErrorFieldPath(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 30*time.Second)
	reqs := []*articlev1.AnalyzeArticleRequest{
		{Article: textArticle("a", "A good article.")},
		{Article: &articlev1.Article{Id: "b", Source: &articlev1.Article_Html{Html: "<div><script>x()</script></div>"}}},
		{Article: &articlev1.Article{Id: "c", Source: &articlev1.Article_Url{Url: "http://127.0.0.1:1/"}}},
		{Article: textArticle("d", "")},
	}
	r, err := ts.client.BatchAnalyzeArticles(ctx, &articlev1.BatchAnalyzeArticlesRequest{Requests: reqs})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ reason, field string }{{}, {"NO_ARTICLE_TEXT", "requests[1].article.html"},
		{"BLOCKED_ADDRESS", "requests[2].article.url"}, {"EMPTY_ARTICLE", "requests[3].article.text"}}
	for i, res := range r.GetResults() {
		st := status.FromProto(res.GetError())
		if got := fieldOf(st); reason(st) != want[i].reason || got != want[i].field {
			t.Errorf("item %d: %q at %q, want %q at %q (%s)", i, reason(st), got, want[i].reason, want[i].field, st.Message())
		}
	}
	// a single call keeps the plain path
	_, err = ts.client.AnalyzeArticle(ctx, reqs[1])
	if st := status.Convert(err); fieldOf(st) != "article.html" {
		t.Errorf("unary: field %q", fieldOf(st))
	}
}

// TestFetchMessages: a URL that cannot be analysed gets a message that
// says what is wrong with the page, not only the reason in words
// ("fetching the article failed: unsupported content type" did not say
// which type; "fetch failed" did not say that the site redirected in a
// loop or refused the connection). A blocked address is named by its kind,
// never by the address a name resolved to.
func TestFetchMessages(t *testing.T) {
	site := http.NewServeMux()
	site.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	site.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	site.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	site.HandleFunc("/file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	site.HandleFunc("/controls", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("The mayor\x00 spoke on Monday.\x07 The council\x1b voted.\x7f"))
	})
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	ts := mustStart(t, func(c *Config) { c.FetchAllow = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")} })
	ctx := ctxTimeout(t, 30*time.Second)
	tests := []struct {
		url    string
		code   codes.Code
		reason string
		msg    string // in the message
	}{
		{srv.URL + "/pdf", codes.InvalidArgument, "UNSUPPORTED_CONTENT_TYPE", `"application/pdf"`},
		{srv.URL + "/gone", codes.FailedPrecondition, "FETCH_FAILED", "410 Gone"},
		{srv.URL + "/loop", codes.FailedPrecondition, "FETCH_FAILED", "redirected more than 5 times"},
		{srv.URL + "/file", codes.InvalidArgument, "INVALID_URL", `redirected to a URL that is not followed: scheme "file"`},
		{"http://127.0.0.1:1/", codes.FailedPrecondition, "FETCH_FAILED", "refused the connection"},
		{"http://no-such-host.invalid/", codes.FailedPrecondition, "FETCH_FAILED", "no-such-host.invalid was not found"},
		{"http://[::1]:1/", codes.InvalidArgument, "BLOCKED_ADDRESS", "a loopback address"},
		{"http://169.254.169.254/latest/meta-data/", codes.InvalidArgument, "BLOCKED_ADDRESS", "link-local"},
	}
	for _, tt := range tests {
		_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{
			Article: &articlev1.Article{Source: &articlev1.Article_Url{Url: tt.url}}})
		st := status.Convert(err)
		if st.Code() != tt.code || reason(st) != tt.reason || !strings.Contains(st.Message(), tt.msg) {
			t.Errorf("%s: %v %q %q, want %v %q with %q", tt.url, st.Code(), reason(st), st.Message(), tt.code, tt.reason, tt.msg)
		}
	}
	// control characters of a fetched page are blanked, not analysed and
	// sent back in the JSON
	resp := post(t, ts.base+"/v1/articles:analyze", `{"article":{"url":"`+srv.URL+`/controls"}}`)
	var out struct {
		Analysis struct {
			Text string `json:"text"`
		} `json:"analysis"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != 200 {
		t.Fatalf("page with controls: %d %v", resp.StatusCode, err)
	}
	if out.Analysis.Text != "The mayor  spoke on Monday.  The council  voted. " {
		t.Errorf("page with controls: text %q", out.Analysis.Text)
	}
}

// TestRESTErrorDetails: the errors the gateway raises itself have the
// details and HTTP status every other error has: a reason in upper snake
// case (it was "DEADLINEEXCEEDED", "NOTFOUND"), the request id on an
// NDJSON stream's closing error (it had "details":[]), 405 with Allow for
// a known path with the wrong method (it was 501 Not Implemented), and
// messages that tell the caller what to fix, without the decoder's
// "proto:" prefix. No gRPC header leaks into the HTTP answer.
func TestRESTErrorDetails(t *testing.T) {
	ts := mustStart(t, nil)

	t.Run("ndjson stream cut by its deadline", func(t *testing.T) {
		resp := post(t, ts.base+"/v1/articles:streamAnalyze", `{"article":{"text":"Wait `+slowMarker+`"}}`,
			"Grpc-Timeout", "300m", "X-Request-Id", "cut-stream-1")
		if resp.StatusCode != 200 || resp.Header.Get("Grpcgateway-Content-Type") != "" {
			t.Fatalf("status %d, headers %v", resp.StatusCode, resp.Header)
		}
		var last string
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			last = sc.Text()
		}
		var line struct {
			Error *errorBody `json:"error"`
		}
		if err := json.Unmarshal([]byte(last), &line); err != nil || line.Error == nil {
			t.Fatalf("last line %q: %v", last, err)
		}
		if line.Error.Code != int(codes.DeadlineExceeded) || line.Error.reason() != "DEADLINE_EXCEEDED" || !strings.Contains(last, "cut-stream-1") {
			t.Errorf("closing error %s", last)
		}
	})
	t.Run("unary deadline", func(t *testing.T) {
		resp := post(t, ts.base+"/v1/articles:analyze", `{"article":{"text":"Wait `+slowMarker+`"}}`, "Grpc-Timeout", "200m")
		var e errorBody
		json.NewDecoder(resp.Body).Decode(&e)
		if resp.StatusCode != 504 || e.reason() != "DEADLINE_EXCEEDED" {
			t.Errorf("%d %q", resp.StatusCode, e.reason())
		}
	})
	t.Run("wrong method", func(t *testing.T) {
		for path, allow := range map[string]string{"/v1/articles:analyze": "POST", "/v1/articles:batchAnalyze": "POST", "/v1/capabilities": "GET"} {
			method := "GET"
			if allow == "GET" {
				method = "DELETE"
			}
			req, _ := http.NewRequest(method, ts.base+path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var e errorBody
			json.NewDecoder(resp.Body).Decode(&e)
			resp.Body.Close()
			if resp.StatusCode != 405 || resp.Header.Get("Allow") != allow || e.reason() != "METHOD_NOT_ALLOWED" {
				t.Errorf("%s %s: %d Allow %q %q", method, path, resp.StatusCode, resp.Header.Get("Allow"), e.reason())
			}
		}
	})
	t.Run("unknown path", func(t *testing.T) {
		resp := post(t, ts.base+"/v1/articles:summarize", `{}`)
		var e errorBody
		json.NewDecoder(resp.Body).Decode(&e)
		if resp.StatusCode != 404 || e.reason() != "NOT_FOUND" || !strings.Contains(e.Message, "/openapi.json") {
			t.Errorf("%d %q %q", resp.StatusCode, e.reason(), e.Message)
		}
	})
	t.Run("malformed bodies", func(t *testing.T) {
		for _, tt := range []struct{ body, want string }{
			{`{"article":`, "ends before its JSON is complete"},
			{`{"article":{"text":"Hi.","publishTime":"2023-13-45"}}`, `"2023-13-45"; publishTime takes RFC 3339`},
			{`{"article":{"text":"Hi.","publishTime":"yesterday"}}`, `"yesterday"; publishTime takes RFC 3339`},
			{`{"article":{"text":"Hi."},"colour":"red"}`, `unknown field "colour"`},
			{`{"article":{"text":"Hi."},"features":["ENTITIES"]}`, "written in full"},
			// the second request was ignored
			{`{"article":{"text":"Hi."}}{"article":{"text":"Ho."}}`, "more after its JSON object"},
			{`{"article":{"text":"Hi."}} and more`, "more after its JSON object"},
		} {
			resp := post(t, ts.base+"/v1/articles:analyze", tt.body)
			var e errorBody
			json.NewDecoder(resp.Body).Decode(&e)
			if resp.StatusCode != 400 || e.reason() != "MALFORMED_REQUEST" || !strings.Contains(e.Message, tt.want) || strings.Contains(e.Message, "proto:") {
				t.Errorf("%s: %d %q %q, want %q", tt.body, resp.StatusCode, e.reason(), e.Message, tt.want)
			}
		}
	})
	t.Run("byte order mark", func(t *testing.T) {
		for _, path := range []string{"/v1/articles:analyze", "/v1/articles:streamAnalyze"} {
			if resp := post(t, ts.base+path, "\ufeff"+`{"article":{"text":"Hi."}}`+"\n"); resp.StatusCode != 200 {
				b, _ := io.ReadAll(resp.Body)
				t.Errorf("%s: %d %s", path, resp.StatusCode, b)
			}
		}
	})
	t.Run("cors exposes Retry-After", func(t *testing.T) {
		r := post(t, ts.base+"/v1/articles:analyze", `{"article":{"text":"Hi."}}`, "Origin", "https://app.example")
		if !strings.Contains(r.Header.Get("Access-Control-Expose-Headers"), "Retry-After") {
			t.Errorf("Expose-Headers %q", r.Header.Get("Access-Control-Expose-Headers"))
		}
		if r.Header.Get("Grpcgateway-Content-Type") != "" {
			t.Errorf("gRPC content type leaked: %v", r.Header)
		}
	})
}

// fieldOf returns the field of a status's first field violation.
func fieldOf(st *status.Status) string {
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok && len(br.GetFieldViolations()) > 0 {
			return br.GetFieldViolations()[0].GetField()
		}
	}
	return ""
}

// TestControlCharactersInFields: the title and the id are held to the
// article's rule on control characters. A title with NUL or an escape
// sequence was analysed (it feeds the summary and the categories) and
// echoed in the answer, and reached terminals through cmd/lector.
func TestControlCharactersInFields(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 30*time.Second)
	for _, tt := range []struct {
		a     *articlev1.Article
		field string
	}{
		{&articlev1.Article{Title: "Head\x00line", Source: &articlev1.Article_Text{Text: "The council met."}}, "article.title"},
		{&articlev1.Article{Title: "Red \x1b[31mtitle", Source: &articlev1.Article_Text{Text: "The council met."}}, "article.title"},
		{&articlev1.Article{Id: "a\x7fb", Source: &articlev1.Article_Text{Text: "The council met."}}, "article.id"},
	} {
		_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: tt.a})
		if st := status.Convert(err); st.Code() != codes.InvalidArgument || reason(st) != "CONTROL_CHARACTERS" || fieldOf(st) != tt.field {
			t.Errorf("%q %q: %v %q at %q", tt.a.Id, tt.a.Title, st.Code(), reason(st), fieldOf(st))
		}
	}
	resp := post(t, ts.base+"/v1/articles:analyze", `{"article":{"title":"Tab\tand\r\nnew line are fine","text":"The council met."}}`)
	if resp.StatusCode != 200 {
		t.Errorf("title with tab and CRLF: %d", resp.StatusCode)
	}
}

// TestRESTSlowBody: a REST caller that sends its body slowly (a byte at a
// time) is answered 408 REQUEST_BODY_TIMEOUT and its connection closed
// after --read-timeout; before, it held the connection, a goroutine and the
// body's buffer for as long as it kept dripping. A body that flows faster
// than 16 KiB/s takes as long as it needs, and a response that streams for
// longer than the read timeout is not cut.
func TestRESTSlowBody(t *testing.T) {
	const timeout = 500 * time.Millisecond
	ts := mustStart(t, func(c *Config) { c.ReadTimeout = timeout; c.MaxArticleBytes = 1 << 20 })
	addr := strings.TrimPrefix(ts.base, "http://")
	send := func(path string, body []byte, header string, chunk int, pause time.Duration) (string, time.Duration) {
		t.Helper()
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n%sContent-Length: %d\r\n\r\n", path, header, len(body))
		start := time.Now()
		go func() {
			for i := 0; i < len(body); i += chunk {
				if _, err := c.Write(body[i:min(i+chunk, len(body))]); err != nil {
					return
				}
				time.Sleep(pause)
			}
		}()
		c.SetReadDeadline(time.Now().Add(20 * time.Second))
		b, _ := io.ReadAll(c) // until the server closes
		return string(b), time.Since(start)
	}
	drip := []byte(`{"article":{"text":"` + strings.Repeat("a", 200) + `"}}`)
	for _, path := range []string{"/v1/articles:analyze", "/v1/articles:streamAnalyze"} {
		out, took := send(path, drip, "", 1, 100*time.Millisecond)
		if !strings.HasPrefix(out, "HTTP/1.1 408 ") || !strings.Contains(out, "REQUEST_BODY_TIMEOUT") {
			t.Errorf("%s, dripped body: %.200q", path, out)
		}
		if took > 4*timeout+time.Second {
			t.Errorf("%s, dripped body: closed after %v (read timeout %v)", path, took, timeout)
		}
	}
	// 96 KB at about 80 KB/s: over the read timeout, but flowing
	steady := []byte(`{"article":{"text":"` + strings.Repeat("Steady words. ", 7000) + `"},"features":["FEATURE_STATISTICS"]}`)
	if out, took := send("/v1/articles:analyze", steady, "Connection: close\r\n", 8<<10, 100*time.Millisecond); !strings.HasPrefix(out, "HTTP/1.1 200 ") || took < timeout {
		t.Errorf("steady body (%v): %.200q", took, out)
	}
	// an answer that streams for longer than the read timeout
	go func() {
		<-ts.started
		time.Sleep(3 * timeout)
		close(ts.release)
	}()
	resp := post(t, ts.base+"/v1/articles:streamAnalyze", `{"article":{"text":"Hold on `+slowMarker+`"}}`, "Accept", "text/event-stream")
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(b), "event: completion") {
		t.Errorf("long stream: %d %.300q", resp.StatusCode, b)
	}
}

// TestHTMLSourceLimit: an HTML source is held to the page limit
// (--max-page-bytes), as a page fetched by its URL is, and its text to the
// article limit after extraction. The article limit was applied to the
// HTML itself: a news page of a few hundred KB, mostly scripts, with a
// short article, was refused (ARTICLE_TOO_LARGE) over gRPC and REST while
// the same page given by its URL was analysed.
func TestHTMLSourceLimit(t *testing.T) {
	const article, page = 64 << 10, 400 << 10
	ts := mustStart(t, func(c *Config) { c.MaxArticleBytes, c.MaxPageBytes = article, page })
	ctx := ctxTimeout(t, 30*time.Second)
	doc := func(script, text int) string {
		return "<html><head><title>Harbour tram</title><script>var state = \"" + strings.Repeat("s", script) +
			"\";</script></head><body><nav>Home</nav><article><h1>Harbour tram</h1><p>" +
			strings.Repeat("The council approved the harbour tram on Monday after a long debate. ", text/70+1) +
			"</p></article></body></html>"
	}
	html := func(s string) *articlev1.AnalyzeArticleRequest {
		return &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Html{Html: s}},
			Features: []articlev1.Feature{articlev1.Feature_FEATURE_STATISTICS}}
	}
	heavy := doc(3*article, 2000) // 192 KB of script, 2 KB of article
	r, err := ts.client.AnalyzeArticle(ctx, html(heavy))
	if err != nil || !strings.Contains(r.GetAnalysis().GetText(), "harbour tram on Monday") {
		t.Fatalf("page of %d bytes over gRPC: %v", len(heavy), err)
	}
	b, _ := json.Marshal(map[string]any{"article": map[string]any{"html": heavy}, "features": []string{"FEATURE_STATISTICS"}})
	if resp := post(t, ts.base+"/v1/articles:analyze", string(b)); resp.StatusCode != 200 {
		t.Errorf("page of %d bytes over REST: %d", len(heavy), resp.StatusCode)
	}
	for name, tt := range map[string]struct {
		html string
		msg  string
	}{
		"page over the page limit":    {doc(page, 2000), "for a page"},
		"text over the article limit": {doc(0, 2*article), "article text"},
	} {
		_, err := ts.client.AnalyzeArticle(ctx, html(tt.html))
		if st := status.Convert(err); st.Code() != codes.ResourceExhausted || reason(st) != "ARTICLE_TOO_LARGE" || !strings.Contains(st.Message(), tt.msg) {
			t.Errorf("%s: %v %q %q", name, st.Code(), reason(st), st.Message())
		}
	}
	// GetCapabilities reports both limits
	caps, err := ts.client.GetCapabilities(ctx, &articlev1.GetCapabilitiesRequest{})
	if l := caps.GetLimits(); err != nil || l.GetMaxArticleBytes() != article || l.GetMaxHtmlBytes() != page {
		t.Errorf("limits %v: %v", l, err)
	}
	// text is held to the article limit as before
	_, err = ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", strings.Repeat("w", article+1))})
	if st := status.Convert(err); reason(st) != "ARTICLE_TOO_LARGE" || !strings.Contains(st.Message(), "the article is") {
		t.Errorf("text over the limit: %q %q", reason(st), st.Message())
	}
}

// rawCodec sends []byte as they are, to put a message that is not valid
// protobuf on the wire.
type rawCodec struct{}

func (rawCodec) Name() string { return "proto" }
func (rawCodec) Marshal(v any) ([]byte, error) {
	if b, ok := v.([]byte); ok {
		return b, nil
	}
	return proto.Marshal(v.(proto.Message))
}
func (rawCodec) Unmarshal(b []byte, v any) error { return proto.Unmarshal(b, v.(proto.Message)) }

// TestMalformedProtobuf: a request that is not valid protobuf is the
// caller's error, INVALID_ARGUMENT / MALFORMED_REQUEST, not INTERNAL
// ("grpc: failed to unmarshal the received message"); on the
// bidirectional stream it fails that message only. It ended the stream at
// once, and the results of the articles sent before it were lost.
func TestMalformedProtobuf(t *testing.T) {
	ts := mustStart(t, func(c *Config) { c.MaxConcurrency = 8 })
	ctx := ctxTimeout(t, 30*time.Second)
	garbage := []byte{0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01} // field 1 with a length past the end
	for _, method := range []string{"AnalyzeArticle", "BatchAnalyzeArticles"} {
		err := ts.conn.Invoke(ctx, "/article.v1.ArticleAnalysisService/"+method, garbage, &articlev1.AnalyzeArticleResponse{}, grpc.ForceCodec(rawCodec{}))
		if st := status.Convert(err); st.Code() != codes.InvalidArgument || reason(st) != "MALFORMED_REQUEST" {
			t.Errorf("%s: %v %q %q", method, st.Code(), reason(st), st.Message())
		}
	}
	stream, err := ts.conn.NewStream(ctx, &grpc.StreamDesc{ServerStreams: true, ClientStreams: true},
		"/article.v1.ArticleAnalysisService/AnalyzeArticles", grpc.ForceCodec(rawCodec{}))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		msg := garbage
		if i != 3 {
			msg, _ = proto.Marshal(&articlev1.AnalyzeArticlesRequest{Article: textArticle(fmt.Sprint(i), "Article number "+fmt.Sprint(i)+". "+slowMarker)})
		}
		if err := stream.SendMsg(msg); err != nil {
			t.Fatal(err)
		}
	}
	stream.CloseSend()
	go func() { // articles are in flight when the bad message arrives
		for range 2 {
			<-ts.started
		}
		time.Sleep(200 * time.Millisecond)
		close(ts.release)
	}()
	got := map[int64]string{}
	for {
		var r articlev1.AnalyzeArticlesResponse
		err := stream.RecvMsg(&r)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("stream ended after %d results: %v", len(got), err)
		}
		got[r.GetRequestIndex()] = r.GetArticleId() + " " + reason(status.FromProto(r.GetError()))
	}
	want := map[int64]string{0: "0 ", 1: "1 ", 2: "2 ", 3: " MALFORMED_REQUEST", 4: "4 ", 5: "5 "}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("results %v, want %v", got, want)
	}
}

// TestAccessLogReason: the access log line of a REST call that failed
// names the reason, so an operator reading the info lines can tell an
// empty article from an overloaded server without the debug gRPC line; a
// stream that failed after its first event, logged with status 200, too.
func TestAccessLogReason(t *testing.T) {
	srv, buf, _ := startLogged(t, nil)
	base := "http://" + srv.HTTPAddr()
	post(t, base+"/v1/articles:analyze", `{"article":{"text":""}}`, "X-Request-Id", "log-empty")
	post(t, base+"/v1/articles:analyze", `{"article":{"text":"Hi."}}`, "X-Request-Id", "log-ok")
	post(t, base+"/v1/articles:analyze", `{"article":{"text":"Hi."}}`, "X-Request-Id", "log-type", "Content-Type", "text/plain")
	resp := post(t, base+"/v1/articles:streamAnalyze", `{"article":{"text":"Hi."}}`, "X-Request-Id", "log-cut", "Grpc-Timeout", "1n")
	io.Copy(io.Discard, resp.Body)
	want := map[string]string{"log-empty": "EMPTY_ARTICLE", "log-ok": "", "log-type": "UNSUPPORTED_MEDIA_TYPE", "log-cut": "DEADLINE_EXCEEDED"}
	got := map[string]string{}
	for _, line := range strings.Split(buf.String(), "\n") {
		var l struct {
			Msg       string `json:"msg"`
			RequestID string `json:"request_id"`
			Reason    string `json:"reason"`
		}
		if json.Unmarshal([]byte(line), &l) == nil && l.Msg == "http request" {
			got[l.RequestID] = l.Reason
		}
	}
	for id, r := range want {
		if g, ok := got[id]; !ok || g != r {
			t.Errorf("%s: reason %q (logged %v), want %q", id, g, ok, r)
		}
	}
}

// TestRESTContentEncoding: a gzip request body is read (it failed as
// "invalid character '\x1f'"), held to the body limit after decompression;
// another Content-Encoding is refused with 415 rather than ignored (a
// plain body that claimed "br" was read as if it had not).
func TestRESTContentEncoding(t *testing.T) {
	ts := mustStart(t, nil)
	gz := func(s string) string {
		var b strings.Builder
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.String()
	}
	body := `{"article":{"text":"The council met on Monday. It voted for the bridge."},"features":["FEATURE_STATISTICS"]}`
	plain := post(t, ts.base+"/v1/articles:analyze", body)
	want, _ := io.ReadAll(plain.Body)
	for _, enc := range []string{"gzip", "x-gzip", "GZIP"} {
		resp := post(t, ts.base+"/v1/articles:analyze", gz(body), "Content-Encoding", enc)
		got, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 || string(got) != string(want) {
			t.Errorf("%s: %d %.200s", enc, resp.StatusCode, got)
		}
	}
	resp := post(t, ts.base+"/v1/articles:streamAnalyze", gz(body), "Content-Encoding", "gzip", "Accept", "text/event-stream")
	if b, _ := io.ReadAll(resp.Body); resp.StatusCode != 200 || !strings.Contains(string(b), "event: completion") {
		t.Errorf("gzip SSE: %d %.200s", resp.StatusCode, b)
	}
	for name, tt := range map[string]struct {
		body, enc string
		status    int
		reason    string
	}{
		"brotli":         {body, "br", 415, "UNSUPPORTED_MEDIA_TYPE"},
		"not gzip":       {body, "gzip", 415, "UNSUPPORTED_MEDIA_TYPE"},
		"gzip bomb":      {gz(`{"article":{"text":"` + strings.Repeat("a", 20<<20) + `"}}`), "gzip", 413, "REQUEST_TOO_LARGE"}, // over 3 x the 5 MB page limit
		"identity":       {body, "identity", 200, ""},
		"truncated gzip": {gz(body)[:20], "gzip", 400, "MALFORMED_REQUEST"},
	} {
		resp := post(t, ts.base+"/v1/articles:analyze", tt.body, "Content-Encoding", tt.enc)
		var e errorBody
		json.NewDecoder(resp.Body).Decode(&e)
		if resp.StatusCode != tt.status || e.reason() != tt.reason {
			t.Errorf("%s: %d %q %q", name, resp.StatusCode, e.reason(), e.Message)
		}
	}
}
