package main

import (
	"encoding/json"
	"testing"
)

// TestGrpcTimeoutHeaderRange: the gateway holds the Grpc-Timeout header to
// what its INVALID_TIMEOUT message and gRPC's protocol say: a positive
// whole number of at most 8 digits and a unit. "0S" (what a client that
// counts its remaining time down sends at the end) ran the call with no
// deadline at all, up to the server's 60 s, and 9-digit values were taken;
// both are now 400 INVALID_TIMEOUT, on every API route and stream format.
func TestGrpcTimeoutHeaderRange(t *testing.T) {
	ts := mustStart(t, nil)
	body := `{"article":{"text":"The council met on Monday."}}`
	routes := []struct {
		name, path string
		header     []string
	}{
		{"analyze", "/v1/articles:analyze", nil},
		{"NDJSON", "/v1/articles:streamAnalyze", nil},
		{"SSE", "/v1/articles:streamAnalyze", []string{"Accept", "text/event-stream"}},
		{"batch", "/v1/articles:batchAnalyze", nil},
	}
	for _, tc := range []struct {
		value string
		ok    bool
	}{{"0S", false}, {"0m", false}, {"000n", false}, {"123456789S", false}, {"30S", true}, {"99999999m", true}, {"00000030S", true}} {
		for _, r := range routes {
			b := body
			if r.name == "batch" {
				b = `{"requests":[` + body + `]}`
			}
			resp := post(t, ts.base+r.path, b, append([]string{"Grpc-Timeout", tc.value}, r.header...)...)
			if tc.ok {
				if resp.StatusCode != 200 {
					t.Errorf("%s, Grpc-Timeout %s: %d, want 200", r.name, tc.value, resp.StatusCode)
				}
				continue
			}
			var e errorBody
			json.NewDecoder(resp.Body).Decode(&e)
			if resp.StatusCode != 400 || e.reason() != "INVALID_TIMEOUT" {
				t.Errorf("%s, Grpc-Timeout %s: %d %q, want 400 INVALID_TIMEOUT", r.name, tc.value, resp.StatusCode, e.reason())
			}
		}
	}
}
