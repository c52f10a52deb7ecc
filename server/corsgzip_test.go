package main

import (
	"net/http"
	"strings"
	"testing"
)

// TestCORSPreflightRequestHeaders: the preflight of every API route allows
// each request header the API reads that is not CORS-safelisted, so a page
// on an allowed origin can send what a curl or gRPC caller can: a gzip body
// (Content-Encoding, which the gateway accepts), a deadline (Grpc-Timeout),
// a request id and an API key. Content-Encoding was missing, so a browser
// refused to send a gzip request body at all.
func TestCORSPreflightRequestHeaders(t *testing.T) {
	ts := mustStart(t, nil)
	headers := []string{"content-type", "content-encoding", "grpc-timeout", "x-request-id", "authorization", "x-api-key"}
	for _, route := range []struct{ method, path string }{
		{"POST", "/v1/articles:analyze"}, {"POST", "/v1/articles:streamAnalyze"},
		{"POST", "/v1/articles:batchAnalyze"}, {"GET", "/v1/capabilities"},
	} {
		req, _ := http.NewRequest("OPTIONS", ts.base+route.path, nil)
		req.Header.Set("Origin", "https://app.example")
		req.Header.Set("Access-Control-Request-Method", route.method)
		req.Header.Set("Access-Control-Request-Headers", strings.Join(headers, ","))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		allowed := map[string]bool{}
		for _, h := range strings.Split(resp.Header.Get("Access-Control-Allow-Headers"), ",") {
			allowed[strings.ToLower(strings.TrimSpace(h))] = true
		}
		if resp.StatusCode != http.StatusNoContent || !strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), route.method) {
			t.Errorf("%s %s preflight: %d, methods %q", route.method, route.path, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Methods"))
		}
		for _, h := range headers {
			if !allowed[h] {
				t.Errorf("%s %s preflight: %s not in Access-Control-Allow-Headers %q", route.method, route.path, h, resp.Header.Get("Access-Control-Allow-Headers"))
			}
		}
	}
}
