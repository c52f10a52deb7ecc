package main

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// countingListener counts the connections it accepts.
type countingListener struct {
	net.Listener
	n atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.n.Add(1)
	}
	return c, err
}

// TestGatewayInMemory: the gateway reaches the gRPC server in memory, not
// through the gRPC listener, and the server still knows its calls as the
// gateway's: the gRPC log line of a REST call names the HTTP client the
// gateway passed on, its peer is the in-memory connection, and it is at
// debug level, so that at info a REST call logs one line (the access line).
func TestGatewayInMemory(t *testing.T) {
	cfg, err := ParseFlags([]string{"--grpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0"},
		func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	var logBuf lockedBuffer
	srv, err := New(cfg, slog.New(slog.NewJSONHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	lis := &countingListener{Listener: srv.grpcLis}
	srv.grpcLis = lis
	srv.stages = append(srv.stages, lightStages()...)
	runServer(t, srv)
	waitReady(t, srv)
	for i := range 3 {
		resp, err := http.Post("http://"+srv.HTTPAddr()+"/v1/articles:analyze", "application/json",
			strings.NewReader(`{"article":{"text":"The ferry left at noon. It was late."}}`))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !bytes.Contains(b, []byte(`"It was late."`)) {
			t.Fatalf("call %d: %d %s", i, resp.StatusCode, b)
		}
	}
	if n := lis.n.Load(); n != 0 {
		t.Errorf("the gRPC listener accepted %d connections; the gateway should not dial it", n)
	}
	calls := logLines(t, logBuf.String(), "finished call")
	if len(calls) != 3 {
		t.Fatalf("%d gRPC log lines, want 3", len(calls))
	}
	for _, rec := range calls {
		peer, _ := rec["peer.address"].(string)
		if rec["client"] != "ip:127.0.0.1" || !strings.HasPrefix(peer, "pipe:") {
			t.Errorf("gRPC log line: client %v, peer %v; want ip:127.0.0.1 through an in-memory pipe", rec["client"], peer)
		}
		if rec["level"] != "DEBUG" {
			t.Errorf("gRPC log line of a REST call at %v, want DEBUG (the access line logs the call)", rec["level"])
		}
	}
	time.Sleep(50 * time.Millisecond) // the gateway logs after it answered
	for _, rec := range logLines(t, logBuf.String(), "http request") {
		if rec["path"] == "/v1/articles:analyze" && rec["level"] != "INFO" {
			t.Errorf("access line at %v, want INFO", rec["level"])
		}
	}
}
