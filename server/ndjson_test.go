package main

import (
	"bufio"
	"encoding/json"
	"net/http"
	"slices"
	"testing"
)

// TestRESTStreamContentType: the NDJSON stream of streamAnalyze says what
// it is, application/x-ndjson (it said application/json, and a client that
// parses a JSON body whole failed at its second line), whether or not the
// caller asks for it; each of its lines is one JSON object, the last the
// completion. The SSE stream keeps text/event-stream; unary answers and
// an error before the stream's first line (one JSON object, with the
// error's own status) keep application/json.
func TestRESTStreamContentType(t *testing.T) {
	ts := mustStart(t, nil)
	const article = `{"article":{"text":"The council met on Tuesday. It approved the tram line."}}`
	for _, accept := range []string{"", "application/x-ndjson", "application/json", "*/*"} {
		var header []string
		if accept != "" {
			header = []string{"Accept", accept}
		}
		resp := post(t, ts.base+"/v1/articles:streamAnalyze", article, header...)
		if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || ct != "application/x-ndjson" {
			t.Errorf("stream, Accept %q: %d %q; want 200 application/x-ndjson", accept, resp.StatusCode, ct)
		}
		lines := bufio.NewScanner(resp.Body)
		lines.Buffer(nil, 1<<20)
		n, last := 0, ""
		for lines.Scan() {
			var line struct {
				Result map[string]json.RawMessage `json:"result"`
			}
			if err := json.Unmarshal(lines.Bytes(), &line); err != nil || len(line.Result) != 1 {
				t.Fatalf("stream, Accept %q: line %d %q is not one result: %v", accept, n, lines.Bytes(), err)
			}
			for k := range line.Result {
				last = k
			}
			n++
		}
		if lines.Err() != nil || n < 3 || last != "completion" {
			t.Errorf("stream, Accept %q: %d lines, the last %q (%v); want 3 or more, the last the completion", accept, n, last, lines.Err())
		}
	}
	for _, c := range []struct {
		name, path, body string
		header           []string
		status           int
		ct               string
	}{
		{"SSE", "/v1/articles:streamAnalyze", article, []string{"Accept", "text/event-stream"}, 200, "text/event-stream"},
		{"unary", "/v1/articles:analyze", article, nil, 200, "application/json"},
		{"stream, empty article", "/v1/articles:streamAnalyze", `{"article":{"text":""}}`, nil, 400, "application/json"},
		{"batch", "/v1/articles:batchAnalyze", `{"requests":[` + article + `]}`, nil, 200, "application/json"},
	} {
		resp := post(t, ts.base+c.path, c.body, c.header...)
		if ct := resp.Header.Get("Content-Type"); resp.StatusCode != c.status || ct != c.ct {
			t.Errorf("%s: %d %q; want %d %q", c.name, resp.StatusCode, ct, c.status, c.ct)
		}
	}
}

// TestOpenAPIStreamProduces: the served OpenAPI document says what the
// stream sends (NDJSON or SSE), as the server does; the unary call stays
// application/json (the document's default).
func TestOpenAPIStreamProduces(t *testing.T) {
	ts := mustStart(t, nil)
	resp, err := http.Get(ts.base + "/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc struct {
		Produces []string `json:"produces"`
		Paths    map[string]map[string]struct {
			Produces []string `json:"produces"`
		} `json:"paths"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Paths["/v1/articles:streamAnalyze"]["post"].Produces; !slices.Equal(got, []string{"application/x-ndjson", "text/event-stream"}) {
		t.Errorf("streamAnalyze produces %q; want application/x-ndjson and text/event-stream", got)
	}
	if got := doc.Paths["/v1/articles:analyze"]["post"].Produces; len(got) != 0 || !slices.Equal(doc.Produces, []string{"application/json"}) {
		t.Errorf("analyze produces %q, the document %q; want the document's application/json", got, doc.Produces)
	}
}
