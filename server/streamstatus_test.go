package main

import (
	"bufio"
	"encoding/json"
	"strings"
	"testing"
	"time"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// TestRESTStreamErrorStatus: an error that ends the NDJSON stream of
// streamAnalyze before its first message gets the same HTTP status and
// headers as the same error on analyze and on the SSE stream: 413 for an
// article over the limit (the stream answered 429 Too Many Requests, which
// tells a client to retry the same article), and Retry-After with 429
// OVERLOADED (the stream's 429 had none).
func TestRESTStreamErrorStatus(t *testing.T) {
	ts := mustStart(t, func(c *Config) { c.MaxInFlight, c.MaxQueue = 1, -1 })
	ctx := ctxTimeout(t, 20*time.Second)
	type answer struct {
		status     int
		reason     string
		retryAfter string
	}
	call := func(path, body string, header ...string) answer {
		t.Helper()
		resp := post(t, ts.base+path, body, header...)
		line, _ := bufio.NewReader(resp.Body).ReadBytes('\n')
		var e struct {
			errorBody
			Error *errorBody `json:"error"` // NDJSON wraps it
		}
		if err := json.Unmarshal(line, &e); err != nil {
			t.Fatalf("%s: %d %q: %v", path, resp.StatusCode, line, err)
		}
		if e.Error != nil {
			e.errorBody = *e.Error
		}
		return answer{resp.StatusCode, e.reason(), resp.Header.Get("Retry-After")}
	}
	paths := []struct {
		name, path string
		header     []string
	}{
		{"analyze", "/v1/articles:analyze", nil},
		{"SSE", "/v1/articles:streamAnalyze", []string{"Accept", "text/event-stream"}},
		{"NDJSON", "/v1/articles:streamAnalyze", nil},
	}

	big := `{"article":{"text":"` + strings.Repeat("Long text. ", 500) + `"}}`
	for _, p := range paths {
		if got := call(p.path, big, p.header...); got.status != 413 || got.reason != "ARTICLE_TOO_LARGE" {
			t.Errorf("%s, article over the limit: %+v, want 413 ARTICLE_TOO_LARGE", p.name, got)
		}
	}

	// the one slot busy, no queue: OVERLOADED with a retry hint
	slow := make(chan error, 1)
	go func() {
		_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Wait "+slowMarker)})
		slow <- err
	}()
	<-ts.started
	for _, p := range paths {
		got := call(p.path, `{"article":{"text":"The council met on Monday."}}`, p.header...)
		if got.status != 429 || got.reason != "OVERLOADED" || got.retryAfter == "" {
			t.Errorf("%s, server busy: %+v, want 429 OVERLOADED with Retry-After", p.name, got)
		}
	}
	close(ts.release)
	if err := <-slow; err != nil {
		t.Fatal(err)
	}
}
