package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/web"
)

// hostURL matches an address with a host name.
var hostURL = regexp.MustCompile(`(?i)(https?:)?//[a-z0-9][a-z0-9.-]*\.[a-z]{2,}`)

func get(t *testing.T, h http.Handler, method, path string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec.Result()
}

func body(t *testing.T, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestHandlerServesPageAndAssets(t *testing.T) {
	h := web.Handler()
	r := get(t, h, "GET", "/")
	if r.StatusCode != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
	page := body(t, r)
	for _, want := range []string{`href="/openapi.json"`, `src="/static/app.js"`, `href="/static/style.css"`,
		`<meta name="viewport"`, `id="article-view"`, `id="quotes"`, `<label for="article-body"`, `<label for="publish-date"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	csp := r.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "connect-src 'self';") || strings.Contains(csp, "unsafe") {
		t.Errorf("CSP = %q", csp)
	}
	for path, ctype := range map[string]string{"/static/app.js": "javascript", "/static/style.css": "text/css"} {
		r := get(t, h, "GET", path)
		if r.StatusCode != 200 || !strings.Contains(r.Header.Get("Content-Type"), ctype) {
			t.Errorf("GET %s: %d %q", path, r.StatusCode, r.Header.Get("Content-Type"))
		}
		// Everything the page loads comes from its own server.
		for _, u := range hostURL.FindAllString(body(t, r), -1) {
			if u != "https://example.com" {
				t.Errorf("%s refers to another site: %s", path, u)
			}
		}
	}
}

func TestHandlerRefusesOtherPathsAndMethods(t *testing.T) {
	h := web.Handler()
	for _, path := range []string{"/nope", "/static/", "/static/missing.js", "/index.htm", "/static/../web.go"} {
		if r := get(t, h, "GET", path); r.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, r.StatusCode)
		}
	}
	r := get(t, h, "POST", "/")
	if r.StatusCode != http.StatusMethodNotAllowed || r.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /: %d Allow=%q", r.StatusCode, r.Header.Get("Allow"))
	}
	if r := get(t, h, "HEAD", "/"); r.StatusCode != 200 {
		t.Errorf("HEAD /: %d", r.StatusCode)
	}
}

func TestAPIBase(t *testing.T) {
	h := web.New(web.Config{APIBase: "http://127.0.0.1:9999/"})
	r := get(t, h, "GET", "/")
	page := body(t, r)
	if !strings.Contains(page, `content="http://127.0.0.1:9999"`) || !strings.Contains(page, `href="http://127.0.0.1:9999/openapi.json"`) {
		t.Errorf("API base not in the page")
	}
	if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "connect-src 'self' http://127.0.0.1:9999;") {
		t.Errorf("CSP = %q", csp)
	}
	// A base that could break out of the attribute is escaped.
	page = body(t, get(t, web.New(web.Config{APIBase: `x"><script>alert(1)</script>`}), "GET", "/"))
	if strings.Contains(page, "<script>alert") {
		t.Error("API base not escaped")
	}
}

// TestScriptParses checks the page's script with node when node is
// installed, so a syntax error fails even where no browser is.
func TestScriptParses(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node")
	}
	if out, err := exec.Command(node, "--check", filepath.Join("static", "app.js")).CombinedOutput(); err != nil {
		t.Errorf("node --check static/app.js: %v\n%s", err, out)
	}
}

func TestHandlerRevalidates(t *testing.T) {
	h := web.Handler()
	for _, path := range []string{"/", "/static/app.js", "/static/style.css"} {
		r := get(t, h, "GET", path)
		tag := r.Header.Get("ETag")
		if r.StatusCode != 200 || tag == "" || r.Header.Get("Cache-Control") != "no-cache" {
			t.Fatalf("GET %s: %d, ETag %q, Cache-Control %q", path, r.StatusCode, tag, r.Header.Get("Cache-Control"))
		}
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("If-None-Match", tag)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
			t.Errorf("GET %s with its ETag: %d, %d bytes", path, rec.Code, rec.Body.Len())
		}
	}
}

// TestReasonsInPlainWords: every ErrorInfo reason the README's error table
// lists for the calls the page makes has a plain-words sentence in the
// page. The page had INVALID_CHARACTERS, a reason the server never sends,
// instead of CONTROL_CHARACTERS, and nothing for INVALID_HTML, so binary
// data or a page nested too deeply read "The server did not accept the
// article."
func TestReasonsInPlainWords(t *testing.T) {
	b, err := os.ReadFile("static/app.js")
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	start := strings.Index(js, "const REASONS = {")
	end := strings.Index(js[start:], "};")
	if start < 0 || end < 0 {
		t.Fatal("no REASONS table in app.js")
	}
	table := js[start : start+end]
	for _, r := range []string{"MISSING_ARTICLE", "EMPTY_ARTICLE", "ARTICLE_TOO_LARGE", "REQUEST_TOO_LARGE", "INVALID_UTF8",
		"CONTROL_CHARACTERS", "INVALID_HTML", "NO_ARTICLE_TEXT", "UNKNOWN_FEATURE", "UNKNOWN_ENCODING_TYPE", "MALFORMED_REQUEST",
		"MULTIPLE_SOURCES", "UNSUPPORTED_URL_SCHEME", "INVALID_URL", "BLOCKED_ADDRESS", "UNSUPPORTED_CONTENT_TYPE", "FETCH_FAILED",
		"FETCH_TIMEOUT", "INVALID_LANGUAGE_CODE", "INVALID_OPTION", "FIELD_TOO_LONG", "UNSUPPORTED_MEDIA_TYPE", "OVERLOADED",
		"API_KEY_MISSING", "API_KEY_INVALID", "RATE_LIMITED", "TOO_MANY_STREAMS", "INTERNAL", "DEADLINE_EXCEEDED"} {
		if !strings.Contains(table, "\n    "+r+": ") {
			t.Errorf("no plain-words sentence for %s", r)
		}
	}
}
