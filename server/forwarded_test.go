package main

import (
	"bufio"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// logLines returns the JSON log records with message msg.
func logLines(t *testing.T, log, msg string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(log))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("a log line is not JSON: %q", sc.Text())
		}
		if rec["msg"] == msg {
			out = append(out, rec)
		}
	}
	return out
}

// TestForwardedForSpoofing: a caller cannot escape its per-client rate
// limit by sending X-Forwarded-For (or Grpc-Metadata-X-Forwarded-For)
// through the REST gateway, nor x-forwarded-for metadata over gRPC from
// loopback; with --trusted-proxies, the proxy's X-Forwarded-For names the
// client, for the limits and in the access log.
func TestForwardedForSpoofing(t *testing.T) {
	const body = `{"article":{"text":"Who is calling?"}}`
	grpcXFF := func(client articlev1.ArticleAnalysisServiceClient, xff string) error {
		ctx := metadata.AppendToOutgoingContext(ctxTimeout(t, 10*time.Second), "x-forwarded-for", xff)
		_, err := client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Who is calling?")})
		return err
	}
	rateLimited := func(err error) bool {
		st := status.Convert(err)
		return st.Code() == codes.ResourceExhausted && reason(st) == "RATE_LIMITED"
	}

	t.Run("no trusted proxies", func(t *testing.T) {
		srv, log, client := startLogged(t, func(c *Config) { c.RateLimit, c.RateBurst = 1, 1 })
		url := "http://" + srv.HTTPAddr() + "/v1/articles:analyze"
		if code, _, b := restCall(t, http.DefaultClient, "POST", url, body, "X-Forwarded-For", "198.51.100.1"); code != 200 {
			t.Fatalf("first call: %d %s", code, b)
		}
		for _, h := range [][]string{
			{"X-Forwarded-For", "198.51.100.2"},
			{"X-Forwarded-For", "198.51.100.3, 198.51.100.4"},
			{"Grpc-Metadata-X-Forwarded-For", "198.51.100.5"},
			{"X-Forwarded-For", "garbage"},
		} {
			if code, e, _ := restCall(t, http.DefaultClient, "POST", url, body, h...); code != 429 || e.reason() != "RATE_LIMITED" {
				t.Errorf("REST with %s: %s: %d %q; want 429 RATE_LIMITED (the same client)", h[0], h[1], code, e.reason())
			}
		}
		if err := grpcXFF(client, "198.51.100.6"); !rateLimited(err) {
			t.Errorf("gRPC from loopback with x-forwarded-for: %v; want RATE_LIMITED (the same client)", err)
		}
		for _, rec := range logLines(t, log.String(), "http request") {
			if rec["path"] == "/v1/articles:analyze" && rec["client"] != "127.0.0.1" {
				t.Errorf("access log names the client %v, want 127.0.0.1", rec["client"])
			}
		}
		for _, rec := range logLines(t, log.String(), "finished call") {
			if rec["grpc.method"] == "AnalyzeArticle" && rec["client"] != "ip:127.0.0.1" {
				t.Errorf("gRPC log names the client %v, want ip:127.0.0.1", rec["client"])
			}
		}
	})

	// The proxy connects from 127.0.0.2, the only trusted address; the
	// gateway's own connection to the gRPC server is an in-memory pipe that
	// stands for 127.0.0.1, so the gRPC server must know it as the
	// gateway's (ratelimit.Relays.DialPipe) to believe the client it names.
	t.Run("trusted proxy", func(t *testing.T) {
		srv, log, direct := startLogged(t, func(c *Config) {
			c.RateLimit, c.RateBurst = 1, 1
			c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}
		})
		dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.2")}}
		proxy := &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext}}
		url := "http://" + srv.HTTPAddr() + "/v1/articles:analyze"
		for _, xff := range []string{"198.51.100.1", "203.0.113.9, 198.51.100.2", "198.51.100.3, 127.0.0.2"} {
			if code, _, b := restCall(t, proxy, "POST", url, body, "X-Forwarded-For", xff); code != 200 {
				t.Errorf("REST from %s, a client of its own: %d %s", xff, code, b)
			}
		}
		if code, e, _ := restCall(t, proxy, "POST", url, body, "X-Forwarded-For", "198.51.100.1"); code != 429 || e.reason() != "RATE_LIMITED" {
			t.Errorf("REST from 198.51.100.1 again: %d %q; want 429 RATE_LIMITED", code, e.reason())
		}
		// 127.0.0.1 is not trusted: its header names nobody
		if code, _, b := restCall(t, http.DefaultClient, "POST", url, body, "X-Forwarded-For", "198.51.100.4"); code != 200 {
			t.Errorf("REST from 127.0.0.1: %d %s", code, b)
		}
		if code, e, _ := restCall(t, http.DefaultClient, "POST", url, body, "X-Forwarded-For", "198.51.100.5"); code != 429 || e.reason() != "RATE_LIMITED" {
			t.Errorf("REST from untrusted 127.0.0.1 with another X-Forwarded-For: %d %q; want 429", code, e.reason())
		}
		conn, err := grpc.NewClient(srv.GRPCAddr(), grpc.WithTransportCredentials(insecure.NewCredentials()),
			grpc.WithContextDialer(func(ctx context.Context, addr string) (net.Conn, error) { return dialer.DialContext(ctx, "tcp", addr) }))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		viaProxy := articlev1.NewArticleAnalysisServiceClient(conn)
		if err := grpcXFF(viaProxy, "198.51.100.7"); err != nil {
			t.Errorf("gRPC from a trusted proxy for a new client: %v", err)
		}
		if err := grpcXFF(viaProxy, "198.51.100.7"); !rateLimited(err) {
			t.Errorf("gRPC from a trusted proxy for the same client again: %v; want RATE_LIMITED", err)
		}
		if err := grpcXFF(direct, "198.51.100.8"); !rateLimited(err) {
			t.Errorf("gRPC from untrusted 127.0.0.1 naming a new client: %v; want RATE_LIMITED (127.0.0.1's bucket)", err)
		}
		var clients []string
		for _, rec := range logLines(t, log.String(), "http request") {
			if rec["path"] == "/v1/articles:analyze" {
				clients = append(clients, rec["client"].(string))
			}
		}
		if want := "198.51.100.1 198.51.100.2 198.51.100.3 198.51.100.1 127.0.0.1 127.0.0.1"; strings.Join(clients, " ") != want {
			t.Errorf("access log clients %v, want %s", clients, want)
		}
		grpcClients := map[string]bool{}
		for _, rec := range logLines(t, log.String(), "finished call") {
			if rec["grpc.method"] == "AnalyzeArticle" {
				grpcClients[rec["client"].(string)] = true
			}
		}
		for _, want := range []string{"ip:198.51.100.1", "ip:198.51.100.2", "ip:198.51.100.3", "ip:198.51.100.7", "ip:127.0.0.1"} {
			if !grpcClients[want] {
				t.Errorf("gRPC log lacks client %s: %v", want, grpcClients)
			}
		}
		if grpcClients["ip:198.51.100.8"] || grpcClients["ip:198.51.100.4"] {
			t.Errorf("gRPC log names a client an untrusted caller made up: %v", grpcClients)
		}
	})
}

// TestRequestIDs: every call gets a request id, echoed to the caller
// (X-Request-Id over REST, x-request-id header metadata over gRPC), taken
// from the caller when well formed, and found on the JSON log lines of the
// gateway and of the gRPC server for the same call.
func TestRequestIDs(t *testing.T) {
	srv, log, client := startLogged(t, nil)
	base := "http://" + srv.HTTPAddr()

	// REST, the caller's id
	resp := post(t, base+"/v1/articles:analyze", `{"article":{"text":"Ids travel."}}`, "X-Request-Id", "caller-id.42")
	resp.Body.Close()
	if got := resp.Header.Get("X-Request-Id"); got != "caller-id.42" {
		t.Errorf("REST echoed %q, want the caller's id", got)
	}
	// REST, an unusable id is replaced
	resp = post(t, base+"/v1/articles:analyze", `{"article":{"text":"Ids travel."}}`, "X-Request-Id", "bad id\twith spaces")
	resp.Body.Close()
	made := resp.Header.Get("X-Request-Id")
	if made == "" || strings.ContainsAny(made, " \t") {
		t.Errorf("REST with a malformed id echoed %q, want a new one", made)
	}
	// REST, an error answer has one too
	resp = post(t, base+"/v1/articles:analyze", `{"article":{"text":""}}`)
	resp.Body.Close()
	if resp.StatusCode != 400 || resp.Header.Get("X-Request-Id") == "" {
		t.Errorf("REST error: %d with X-Request-Id %q", resp.StatusCode, resp.Header.Get("X-Request-Id"))
	}

	// gRPC, the caller's id and a new one
	var hdr metadata.MD
	ctx := metadata.AppendToOutgoingContext(ctxTimeout(t, 10*time.Second), "x-request-id", "grpc-caller-7")
	if _, err := client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Ids travel.")}, grpc.Header(&hdr)); err != nil {
		t.Fatal(err)
	}
	if got := hdr.Get("x-request-id"); len(got) != 1 || got[0] != "grpc-caller-7" {
		t.Errorf("gRPC echoed %v, want [grpc-caller-7]", got)
	}
	hdr = nil
	_, err := client.AnalyzeArticle(ctxTimeout(t, 10*time.Second), &articlev1.AnalyzeArticleRequest{}, grpc.Header(&hdr))
	if status.Code(err) != codes.InvalidArgument {
		t.Fatalf("empty request: %v", err)
	}
	grpcMade := hdr.Get("x-request-id")
	if len(grpcMade) != 1 || grpcMade[0] == "" {
		t.Errorf("gRPC error without a request id: %v", grpcMade)
	}

	// the logs: the same id on the gateway's and the server's lines
	time.Sleep(50 * time.Millisecond) // the gateway logs after it answered
	ids := func(msg string) map[string]bool {
		m := map[string]bool{}
		for _, rec := range logLines(t, log.String(), msg) {
			if id, _ := rec["request_id"].(string); id != "" {
				m[id] = true
			}
		}
		return m
	}
	httpIDs, grpcIDs := ids("http request"), ids("finished call")
	for _, id := range []string{"caller-id.42", made} {
		if !httpIDs[id] || !grpcIDs[id] {
			t.Errorf("request id %q: on the access log %v, on the gRPC log %v", id, httpIDs[id], grpcIDs[id])
		}
	}
	for _, id := range []string{"grpc-caller-7", grpcMade[0]} {
		if !grpcIDs[id] {
			t.Errorf("gRPC request id %q not on the gRPC log", id)
		}
	}
	for _, rec := range logLines(t, log.String(), "finished call") {
		if rec["request_id"] == "grpc-caller-7" && rec["level"] != "INFO" {
			t.Errorf("log line of a direct gRPC call at %v, want INFO", rec["level"])
		}
	}
}
