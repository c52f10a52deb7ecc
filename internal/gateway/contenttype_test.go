package gateway

import "testing"

func TestJSONContentType(t *testing.T) {
	for ct, want := range map[string]bool{
		"": true, "application/json": true, "Application/JSON; charset=utf-8": true, "application/problem+json": true,
		"application/x-www-form-urlencoded": true, // curl -d
		"text/plain":                        false, "text/plain; charset=utf-8": false, "multipart/form-data; boundary=x": false,
		"application/xml": false, "application/octet-stream": false, "application/jsonx": false, ";;": false,
	} {
		if got := jsonContentType(ct); got != want {
			t.Errorf("jsonContentType(%q) = %v, want %v", ct, got, want)
		}
	}
}
