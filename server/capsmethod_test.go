package main

import (
	"encoding/json"
	"testing"
)

// TestCapabilitiesPostRefused: POST on /v1/capabilities (a GET route) is
// 405 with Allow: GET and METHOD_NOT_ALLOWED whatever the body's content
// type. With curl -d's form content type it was answered 200 as a GET
// (grpc-gateway's path-length fallback), with JSON 405.
func TestCapabilitiesPostRefused(t *testing.T) {
	ts := mustStart(t, nil)
	for _, ct := range []string{"application/json", "application/x-www-form-urlencoded"} {
		resp := post(t, ts.base+"/v1/capabilities", `{}`, "Content-Type", ct)
		var e errorBody
		json.NewDecoder(resp.Body).Decode(&e)
		if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET" || e.reason() != "METHOD_NOT_ALLOWED" {
			t.Errorf("POST /v1/capabilities, %s: %d Allow %q %q, want 405 Allow GET METHOD_NOT_ALLOWED", ct, resp.StatusCode, resp.Header.Get("Allow"), e.reason())
		}
	}
}
