package gateway

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

func TestAcceptsEventStream(t *testing.T) {
	tests := []struct {
		accept []string
		want   bool
	}{
		{nil, false},
		{[]string{"application/json"}, false},
		{[]string{"text/event-stream"}, true},
		{[]string{"application/json, Text/Event-Stream;q=0.9"}, true},
		{[]string{"text/html", "text/event-stream"}, true},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("POST", "/", nil)
		for _, a := range tt.accept {
			r.Header.Add("Accept", a)
		}
		if got := acceptsEventStream(r); got != tt.want {
			t.Errorf("Accept %q: got %v", tt.accept, got)
		}
	}
}

func TestCORS(t *testing.T) {
	g := &Gateway{cfg: Config{CORSOrigins: []string{"https://ok.example"}}}
	h := g.withCORS(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(299) }))
	do := func(method, origin string, preflight bool) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, "/v1/articles:analyze", nil)
		if origin != "" {
			r.Header.Set("Origin", origin)
		}
		if preflight {
			r.Header.Set("Access-Control-Request-Method", "POST")
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	if w := do("OPTIONS", "https://ok.example", true); w.Code != 204 || w.Header().Get("Access-Control-Allow-Origin") != "https://ok.example" {
		t.Errorf("allowed preflight: %d %v", w.Code, w.Header())
	}
	if w := do("OPTIONS", "https://no.example", true); w.Code != 403 || w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("refused preflight: %d %v", w.Code, w.Header())
	}
	if w := do("POST", "https://no.example", false); w.Code != 299 || w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("foreign simple request: %d %v", w.Code, w.Header())
	}
	if w := do("POST", "", false); w.Code != 299 || w.Header().Get("Vary") != "" {
		t.Errorf("same-origin request: %d %v", w.Code, w.Header())
	}
	any := &Gateway{cfg: Config{CORSOrigins: []string{"*"}}}
	w := httptest.NewRecorder()
	r := httptest.NewRequest("OPTIONS", "/v1/capabilities", nil)
	r.Header.Set("Origin", "https://any.example")
	r.Header.Set("Access-Control-Request-Method", "GET")
	any.withCORS(http.NotFoundHandler()).ServeHTTP(w, r)
	if w.Code != 204 {
		t.Errorf("wildcard preflight: %d", w.Code)
	}
}

func TestAnnotate(t *testing.T) {
	ctx := context.WithValue(context.Background(), requestIDKey, "rid")
	tests := []struct {
		err    error
		code   codes.Code
		reason string
	}{
		{status.Error(codes.InvalidArgument, "http: request body too large"), codes.ResourceExhausted, "REQUEST_TOO_LARGE"},
		{status.Error(codes.InvalidArgument, `proto: (line 1:30): error parsing "url", oneof article.v1.Article.source is already set`), codes.InvalidArgument, "MULTIPLE_SOURCES"},
		{status.Error(codes.InvalidArgument, "unexpected EOF"), codes.InvalidArgument, "MALFORMED_REQUEST"},
		{status.Error(codes.Unavailable, "connection refused"), codes.Unavailable, "UNAVAILABLE"},
		{errors.New("plain"), codes.Unknown, "UNKNOWN"},
		{status.Error(codes.DeadlineExceeded, "context deadline exceeded"), codes.DeadlineExceeded, "DEADLINE_EXCEEDED"},
		{status.Error(codes.NotFound, "Not Found"), codes.NotFound, "NOT_FOUND"},
		{status.Error(codes.Canceled, "context canceled"), codes.Canceled, "CANCELLED"},
		{status.Error(codes.FailedPrecondition, "x"), codes.FailedPrecondition, "FAILED_PRECONDITION"},
		{status.Error(codes.InvalidArgument, "invalid grpc-timeout: abc"), codes.InvalidArgument, "INVALID_TIMEOUT"},
		{status.Error(codes.InvalidArgument, "proto: (line 1:20): invalid UTF-8 in string"), codes.InvalidArgument, "INVALID_UTF8"},
	}
	for _, tt := range tests {
		st := annotate(ctx, tt.err)
		if st.Code() != tt.code || reasonOf(st) != tt.reason {
			t.Errorf("%v: got %v %q", tt.err, st.Code(), reasonOf(st))
		}
	}
	// the messages say what to fix, not what the decoder or the transport said
	for in, want := range map[string]string{
		"invalid grpc-timeout: abc":                   "the Grpc-Timeout header is not a timeout",
		"proto: (line 1:20): invalid UTF-8 in string": "the request body is not valid UTF-8 at line 1:20 (",
	} {
		if got := annotate(ctx, status.Error(codes.InvalidArgument, in)).Message(); !strings.HasPrefix(got, want) {
			t.Errorf("%q: message %q, want %q...", in, got, want)
		}
	}
	if got := annotate(ctx, status.Error(codes.DeadlineExceeded, "stream terminated by RST_STREAM with error code: CANCEL")).Message(); strings.Contains(got, "RST_STREAM") {
		t.Errorf("deadline: message %q names the transport", got)
	}
	// a status that has details already is left alone
	st := annotate(ctx, annotate(ctx, status.Error(codes.InvalidArgument, "x")).Err())
	if len(st.Details()) != 2 {
		t.Errorf("details = %v", st.Details())
	}
}

func TestEventName(t *testing.T) {
	msg := &articlev1.StreamAnalyzeArticleResponse{Result: &articlev1.StreamAnalyzeArticleResponse_KeyPhrases{KeyPhrases: &articlev1.KeyPhrasesResult{}}}
	if got := eventName(msg); got != "keyPhrases" {
		t.Errorf("eventName = %q", got)
	}
	var b strings.Builder
	rec := httptest.NewRecorder()
	if err := writeEvent(rec, http.NewResponseController(rec), 3, "syntax", []byte("{\"a\":1}")); err != nil {
		t.Fatal(err)
	}
	b.WriteString(rec.Body.String())
	if b.String() != "id: 3\nevent: syntax\ndata: {\"a\":1}\n\n" || !rec.Flushed {
		t.Errorf("event = %q, flushed %v", b.String(), rec.Flushed)
	}
}
