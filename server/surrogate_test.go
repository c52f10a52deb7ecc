package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestLoneSurrogateInJSON: a JSON string with half of a UTF-16 surrogate
// pair ("\ud83d" with no low half: what JavaScript's JSON.stringify writes
// for a text cut inside an emoji) is refused with 400 INVALID_UTF8 and a
// message that says what is wrong and where. It was "the request body ends
// before its JSON is complete" (protojson's "unexpected EOF") for the
// article's text, and "invalid escape code" quoting the next field for the
// title.
func TestLoneSurrogateInJSON(t *testing.T) {
	ts := mustStart(t, nil)
	for _, tc := range []struct{ path, body, at string }{
		{"/v1/articles:analyze", `{"article":{"text":"Smile \ud83d"}}`, "line 1:27"},
		{"/v1/articles:analyze", `{"article":{"text":"Smile \ude00 now"}}`, "line 1:27"},
		{"/v1/articles:analyze", `{"article":{"title":"\ud83d","text":"Hi."}}`, "line 1:22"},
		{"/v1/articles:analyze", `{"article":{"text":"A \ud83d\u0041"}}`, "line 1:23"},
		{"/v1/articles:streamAnalyze", "{\"article\":\n {\"text\":\"Smile \\ud83d\"}}", "line 2:17"},
		{"/v1/articles:batchAnalyze", `{"requests":[{"article":{"text":"Smile \ud83d"}}]}`, "line 1:40"},
	} {
		resp := post(t, ts.base+tc.path, tc.body)
		var e errorBody
		json.NewDecoder(resp.Body).Decode(&e)
		if resp.StatusCode != 400 || e.reason() != "INVALID_UTF8" || !strings.Contains(e.Message, "surrogate") || !strings.Contains(e.Message, tc.at) {
			t.Errorf("%s %s: %d %q %q, want 400 INVALID_UTF8 saying surrogate at %s", tc.path, tc.body, resp.StatusCode, e.reason(), e.Message, tc.at)
		}
	}
	// escaped backslashes and whole pairs are fine
	for _, body := range []string{`{"article":{"text":"A path C:\\ud83d and \ud83d\ude00."},"features":["FEATURE_STATISTICS"]}`} {
		if resp := post(t, ts.base+"/v1/articles:analyze", body); resp.StatusCode != 200 {
			t.Errorf("%s: %d, want 200", body, resp.StatusCode)
		}
	}
}
