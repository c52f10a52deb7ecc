package main

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// TestRESTContentLength: a unary REST answer (analyze, batch,
// capabilities) carries its Content-Length, whatever its size (they were
// chunked above a few kB, so a client could not tell a cut answer from a
// whole one but by parsing it); the streams carry none.
func TestRESTContentLength(t *testing.T) {
	ts := mustStart(t, func(c *Config) { c.MaxArticleBytes = 1 << 20 })
	long := strings.Repeat("The council met on Tuesday and approved the tram line. ", 2000) // ~110 kB
	for _, c := range []struct {
		name, method, path, body string
		header                   []string
		length                   bool
	}{
		{"analyze", "POST", "/v1/articles:analyze", `{"article":{"text":"The council met."}}`, nil, true},
		{"analyze, long", "POST", "/v1/articles:analyze", `{"article":{"text":"` + long + `"}}`, nil, true},
		{"batch", "POST", "/v1/articles:batchAnalyze", `{"requests":[{"article":{"text":"` + long + `"}}]}`, nil, true},
		{"capabilities", "GET", "/v1/capabilities", "", nil, true},
		{"NDJSON stream", "POST", "/v1/articles:streamAnalyze", `{"article":{"text":"` + long + `"}}`, nil, false},
		{"SSE stream", "POST", "/v1/articles:streamAnalyze", `{"article":{"text":"` + long + `"}}`, []string{"Accept", "text/event-stream"}, false},
	} {
		req, err := http.NewRequest(c.method, ts.base+c.path, strings.NewReader(c.body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(c.header); i += 2 {
			req.Header.Set(c.header[i], c.header[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %d %v", c.name, resp.StatusCode, err)
		}
		if c.length && (resp.ContentLength != int64(len(b)) || len(resp.TransferEncoding) > 0) {
			t.Errorf("%s: Content-Length %d, Transfer-Encoding %v, for %d bytes; want the length", c.name, resp.ContentLength, resp.TransferEncoding, len(b))
		}
		if !c.length && resp.ContentLength != -1 {
			t.Errorf("%s: Content-Length %s; want none (a stream)", c.name, strconv.FormatInt(resp.ContentLength, 10))
		}
	}
}
