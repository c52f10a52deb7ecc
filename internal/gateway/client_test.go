package gateway

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

// TestClientAddr: the client of an HTTP request is its peer, unless the
// peer is a trusted proxy; then the nearest untrusted X-Forwarded-For hop.
func TestClientAddr(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	tests := []struct {
		name    string
		trusted []netip.Prefix
		remote  string
		xff     []string
		want    string
	}{
		{"no proxies, header ignored", nil, "192.0.2.1:5000", []string{"198.51.100.1"}, "192.0.2.1"},
		{"untrusted peer, header ignored", trusted, "192.0.2.1:5000", []string{"198.51.100.1"}, "192.0.2.1"},
		{"trusted peer", trusted, "10.0.0.2:5000", []string{"198.51.100.1"}, "198.51.100.1"},
		{"trusted chain", trusted, "10.0.0.2:5000", []string{"203.0.113.1, 198.51.100.1", "10.0.0.3"}, "198.51.100.1"},
		{"trusted peer, no header", trusted, "10.0.0.2:5000", nil, "10.0.0.2"},
		{"IPv6 peer", nil, "[2001:db8::5]:5000", nil, "2001:db8::5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &Gateway{cfg: Config{TrustedProxies: tt.trusted}}
			var got string
			h := g.withRequestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = clientString(r.Context()) }))
			r := httptest.NewRequest("GET", "/v1/x", nil)
			r.RemoteAddr = tt.remote
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			h.ServeHTTP(httptest.NewRecorder(), r)
			if got != tt.want {
				t.Errorf("client %q, want %q", got, tt.want)
			}
		})
	}
}
