package main

// Tests of defects the session-11 review found in the audit's changes.

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// TestRESTHTMLWithinPageLimit: an HTML source within Limits.max_html_bytes
// (the page limit) is accepted over REST, as over gRPC. The REST body limit
// followed the article limit only, and a 4 MB page (page limit 5 MB) was
// refused with 413 REQUEST_TOO_LARGE.
func TestRESTHTMLWithinPageLimit(t *testing.T) {
	const art, page = 100_000, 400_000
	ts := mustStart(t, func(c *Config) { c.MaxArticleBytes = art; c.MaxPageBytes = page })
	para := "<p>" + strings.Repeat("The council met on Tuesday to talk about the road. ", 20) + "</p>\n"
	html := "<html><head><title>Road</title></head><body><article>" +
		strings.Repeat(para, page*9/10/len(para)) + "</article></body></html>"
	b, _ := json.Marshal(map[string]any{"article": map[string]string{"html": html}, "features": []string{"FEATURE_STATISTICS"}})
	resp := post(t, ts.base+"/v1/articles:analyze", string(b))
	if got, _ := io.ReadAll(resp.Body); resp.StatusCode == 413 {
		t.Errorf("HTML of %d bytes (page limit %d): %d %.300s", len(html), page, resp.StatusCode, got)
	}
}

// TestRESTGzipBombBatch: a small gzip batch body that expands far past
// what JSON text compresses to is refused once it has expanded gzipMaxRatio
// times, not decompressed up to the batch body limit (before: a 400 KB
// body grew to 212 MB and the server's resident memory doubled).
func TestRESTGzipBombBatch(t *testing.T) {
	ts := mustStart(t, func(c *Config) { c.MaxArticleBytes, c.MaxPageBytes, c.MaxBatch = 100_000, 100_000, 100 })
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write([]byte(`{"requests":[`))
	art := []byte(`{"article":{"text":"` + strings.Repeat("a", 99_000) + `"}}`)
	for i := range 100 {
		if i > 0 {
			w.Write([]byte(","))
		}
		w.Write(art)
	}
	w.Write([]byte(`]}`))
	w.Close()
	resp := post(t, ts.base+"/v1/articles:batchAnalyze", buf.String(), "Content-Encoding", "gzip")
	var e errorBody
	json.NewDecoder(resp.Body).Decode(&e)
	if resp.StatusCode != 413 || e.reason() != "REQUEST_TOO_LARGE" || !strings.Contains(e.Message, "expands") {
		t.Errorf("gzip bomb of %d bytes (10 MB of JSON): %d %q %q", buf.Len(), resp.StatusCode, e.reason(), e.Message)
	}
}
