package main

import (
	"bufio"
	"crypto/tls"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/http2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/tlsconf/tlstest"
)

// TestMaxConnsGRPC fills --max-conns on the gRPC listener with two
// clients, each with a call in progress: a third client's call must fail
// at once with UNAVAILABLE naming the cause (not wait for its deadline),
// and the calls in progress must finish. Once they have, the connections
// are idle, and a new client is served in place of the longest idle one,
// whose client reconnects on its next call.
func TestMaxConnsGRPC(t *testing.T) {
	ts := mustStart(t, func(c *Config) { c.MaxConns = 2 })
	req := &articlev1.AnalyzeArticleRequest{Article: textArticle("", article)}
	slow := &articlev1.AnalyzeArticleRequest{Article: textArticle("", "Held. "+slowMarker)}
	newClient := func() articlev1.ArticleAnalysisServiceClient {
		conn, err := grpc.NewClient(ts.GRPCAddr(), grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		return articlev1.NewArticleAnalysisServiceClient(conn)
	}
	held := make(chan error, 2)
	holders := []articlev1.ArticleAnalysisServiceClient{newClient(), newClient()}
	for _, c := range holders {
		go func() {
			_, err := c.AnalyzeArticle(ctxTimeout(t, 30*time.Second), slow)
			held <- err
		}()
		<-ts.started
	}
	waitOpen(t, ts.Server, "gRPC", 2)

	client := newClient()
	const deadline = 20 * time.Second
	start := time.Now()
	_, err := client.AnalyzeArticle(ctxTimeout(t, deadline), req)
	took := time.Since(start)
	if status.Code(err) != codes.Unavailable || !strings.Contains(err.Error(), "too many connections") {
		t.Fatalf("over the limit: err = %v, want UNAVAILABLE naming too many connections", err)
	}
	if took > deadline/4 {
		t.Errorf("the refused call took %s: it waited instead of failing at once", took)
	}
	t.Logf("refused in %s: %v", took, err)

	// the calls in progress are not affected
	close(ts.release)
	for range holders {
		if err := <-held; err != nil {
			t.Fatalf("a call in progress failed: %v", err)
		}
	}
	// both connections are idle now: the longest idle makes room
	if _, err := client.AnalyzeArticle(ctxTimeout(t, deadline), req, grpc.WaitForReady(true)); err != nil {
		t.Fatalf("with idle connections at the limit: %v", err)
	}
	for i, c := range holders {
		if _, err := c.AnalyzeArticle(ctxTimeout(t, deadline), req); err != nil {
			t.Errorf("holder %d calling again: %v", i, err)
		}
	}
}

// TestMaxConnsHTTP fills --max-conns on the HTTP listener with raw
// connections that send nothing: a new connection's request gets 503 with a
// JSON error (reason TOO_MANY_CONNECTIONS) and Retry-After at once. Then,
// with one call in progress and one idle keep-alive connection at the
// limit, a new connection is served in place of the idle one, and the call
// in progress is not affected.
func TestMaxConnsHTTP(t *testing.T) {
	ts := mustStart(t, func(c *Config) { c.MaxConns = 2 })
	body := `{"article":{"text":"The council met on Monday."}}`
	var raws []net.Conn
	for range 2 {
		raw, err := net.Dial("tcp", ts.HTTPAddr())
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		raws = append(raws, raw)
	}
	waitOpen(t, ts.Server, "HTTP", 2)

	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 20 * time.Second}
	start := time.Now()
	resp, err := fresh.Post(ts.base+"/v1/articles:analyze", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatalf("over the limit: %v (want a 503 answer)", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var e errorBody
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("body %q: %v", b, err)
	}
	if resp.StatusCode != http.StatusServiceUnavailable || e.reason() != "TOO_MANY_CONNECTIONS" || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("over the limit: %d %s Retry-After %q, want 503 TOO_MANY_CONNECTIONS with Retry-After", resp.StatusCode, b, resp.Header.Get("Retry-After"))
	}
	if took := time.Since(start); took > fresh.Timeout/4 {
		t.Errorf("the refusal took %s", took)
	}
	for _, r := range raws {
		r.Close()
	}
	waitOpen(t, ts.Server, "HTTP", 0)

	// a call in progress and an idle keep-alive connection
	slowDone := make(chan int, 1)
	go func() {
		c := &http.Client{Transport: &http.Transport{}}
		resp, err := c.Post(ts.base+"/v1/articles:analyze", "application/json", strings.NewReader(`{"article":{"text":"Wait. `+slowMarker+`"}}`))
		if err != nil {
			t.Errorf("the call in progress: %v", err)
			slowDone <- 0
			return
		}
		io.Copy(io.Discard, resp.Body) // read to the end: the connection stays open, idle
		resp.Body.Close()
		slowDone <- resp.StatusCode
	}()
	<-ts.started
	keep := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
	defer keep.CloseIdleConnections()
	if code, _, _ := restCall(t, keep, "POST", ts.base+"/v1/articles:analyze", body); code != 200 {
		t.Fatalf("keep-alive call: %d", code)
	}
	waitOpen(t, ts.Server, "HTTP", 2)
	// the server marks the connection idle just after its answer went out
	for deadline := time.Now().Add(10 * time.Second); ts.connLimit("HTTP").idle.(*idleConns).count() != 1; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the keep-alive connection is not idle")
		}
	}
	resp, err = fresh.Post(ts.base+"/v1/articles:analyze", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("at the limit with an idle keep-alive connection: %d, want 200 (the idle one closed to make room)", resp.StatusCode)
	}
	close(ts.release)
	if code := <-slowDone; code != 200 {
		t.Fatalf("the call in progress: %d, want 200", code)
	}
	// the client of the closed idle connection calls again on a new one
	waitOpen(t, ts.Server, "HTTP", 1) // the slow call's, once the fresh one has closed
	if code, _, _ := restCall(t, keep, "POST", ts.base+"/v1/articles:analyze", body); code != 200 {
		t.Fatalf("keep-alive client after its idle connection was closed: %d", code)
	}
}

// holdGRPC starts a call on a new gRPC connection that holds its place
// (a slow article, until ts.release) and returns when it is in progress;
// the call's error comes on the channel.
func holdGRPC(t *testing.T, ts *testServer, creds grpc.DialOption) <-chan error {
	t.Helper()
	conn, err := grpc.NewClient(ts.GRPCAddr(), creds)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	held := make(chan error, 1)
	go func() {
		_, err := articlev1.NewArticleAnalysisServiceClient(conn).AnalyzeArticle(ctxTimeout(t, 30*time.Second),
			&articlev1.AnalyzeArticleRequest{Article: textArticle("", "Held. "+slowMarker)})
		held <- err
	}()
	<-ts.started
	return held
}

// waitOpen waits until the named listener of s counts n open connections.
func waitOpen(t *testing.T, s *Server, name string, n int64) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if l := s.connLimit(name); l != nil && l.open.Load() == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: %d connections open, want %d", name, s.connLimit(name).open.Load(), n)
		}
	}
}

// TestMaxConnsTLS: under TLS the limit sits below the handshake, so a
// refused connection is closed: the client fails at once (a failed
// handshake), it does not hang.
func TestMaxConnsTLS(t *testing.T) {
	certs, err := tlstest.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ts := mustStart(t, func(c *Config) { c.TLSCert, c.TLSKey, c.MaxConns = certs.ServerCert, certs.ServerKey, 1 })
	creds := grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{RootCAs: certs.Pool}))
	// HTTP: a connection that has sent no request is not idle, it holds its place
	raw, err := net.Dial("tcp", ts.HTTPAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// gRPC: a call in progress holds its connection's place
	held := holdGRPC(t, ts, creds)
	waitOpen(t, ts.Server, "HTTP", 1)
	waitOpen(t, ts.Server, "gRPC", 1)

	const timeout = 20 * time.Second
	client := &http.Client{Timeout: timeout, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: certs.Pool}}}
	start := time.Now()
	if resp, err := client.Get("https://" + ts.HTTPAddr() + "/healthz"); err == nil {
		resp.Body.Close()
		t.Fatalf("HTTPS over the limit: %d, want a failed connection", resp.StatusCode)
	}
	if took := time.Since(start); took > timeout/4 {
		t.Errorf("HTTPS refusal took %v", took)
	}
	conn, err := grpc.NewClient(ts.GRPCAddr(), creds)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start = time.Now()
	_, err = articlev1.NewArticleAnalysisServiceClient(conn).AnalyzeArticle(ctxTimeout(t, timeout), &articlev1.AnalyzeArticleRequest{Article: textArticle("", article)})
	if status.Code(err) != codes.Unavailable {
		t.Fatalf("gRPC over TLS over the limit: %v, want UNAVAILABLE", err)
	}
	if took := time.Since(start); took > timeout/4 {
		t.Errorf("gRPC refusal took %v", took)
	}
	t.Logf("gRPC over TLS refused: %v", err)
	close(ts.release)
	if err := <-held; err != nil {
		t.Fatalf("the call in progress: %v", err)
	}
}

// TestMaxConnsRefusalFrameSize: the gRPC refusal reads the client's frames
// with a framer of its own, and a frame header claims up to 16 MB that the
// framer allocated before reading a byte of it: a client past the limit
// sending the preface and one such header cost the server 16 MB for up to
// the linger time, in each of the 64 refusals at once (1 GB). The refusal
// announces no SETTINGS_MAX_FRAME_SIZE, so a frame over the protocol's
// 16 KB default is the client's error and ends the refusal.
func TestMaxConnsRefusalFrameSize(t *testing.T) {
	ts := mustStart(t, func(c *Config) { c.MaxConns = 1 })
	held := holdGRPC(t, ts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	waitOpen(t, ts.Server, "gRPC", 1)

	const conns = 4
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range conns {
		c, err := net.Dial("tcp", ts.GRPCAddr())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		// the preface, then a DATA frame header of 16 MB - 1 and no payload
		if _, err := c.Write(append([]byte(http2.ClientPreface), 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 1)); err != nil {
			t.Fatal(err)
		}
		// the refusal ends (at once, or at its linger time) and closes
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		if _, err := io.Copy(io.Discard, c); err != nil {
			t.Fatalf("the refused connection was not closed: %v", err)
		}
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > conns<<20 {
		t.Errorf("%d refused connections each announcing a 16 MB frame made the server allocate %d MB, want < %d MB",
			conns, got>>20, conns)
	}
	close(ts.release)
	if err := <-held; err != nil {
		t.Fatalf("the call in progress: %v", err)
	}
}

// TestMaxConnsIdleRequestArriving: the HTTP server marks a keep-alive
// connection active only once a request's head has been read; in between
// it is idle. A connection whose request is arriving is not the one closed
// to make room: the new connection is refused instead, and the request in
// progress is answered (the client of a POST lost to the close would not
// retry it).
func TestMaxConnsIdleRequestArriving(t *testing.T) {
	ts := mustStart(t, func(c *Config) { c.MaxConns = 2 })
	held := make(chan int, 1)
	go func() {
		c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
		resp, err := c.Post(ts.base+"/v1/articles:analyze", "application/json", strings.NewReader(`{"article":{"text":"Wait. `+slowMarker+`"}}`))
		if err != nil {
			t.Errorf("the call in progress: %v", err)
			held <- 0
			return
		}
		resp.Body.Close()
		held <- resp.StatusCode
	}()
	<-ts.started

	raw, err := net.Dial("tcp", ts.HTTPAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetDeadline(time.Now().Add(20 * time.Second))
	br := bufio.NewReader(raw)
	get := func() {
		t.Helper()
		req, _ := http.NewRequest("GET", ts.base+"/healthz", nil)
		if err := req.Write(raw); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(br, req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	get()
	ic := ts.connLimit("HTTP").idle.(*idleConns)
	for deadline := time.Now().Add(10 * time.Second); ic.count() != 1; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the keep-alive connection is not idle")
		}
	}
	// the next request's first line: the server reads it, the connection
	// stays idle until the head is complete
	var conn *limitedConn
	ic.mu.Lock()
	for c := range ic.since {
		conn = limitedOf(c) // beneath the server's lingerConn
	}
	ic.mu.Unlock()
	read := conn.lastRead.Load()
	body := `{"article":{"text":"The council met on Monday."}}`
	if _, err := io.WriteString(raw, "POST /v1/articles:analyze HTTP/1.1\r\n"); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); conn.lastRead.Load() == read; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the server did not read the request line")
		}
	}
	if ic.count() != 1 {
		t.Fatalf("%d idle connections, want the one with a request arriving", ic.count())
	}

	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 20 * time.Second}
	resp, err := fresh.Get(ts.base + "/healthz")
	if err != nil {
		t.Fatalf("a new connection at the limit: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("a new connection at the limit with a request arriving on the only idle one: %d, want 503", resp.StatusCode)
	}

	// the rest of the request arrives and is answered
	if _, err := io.WriteString(raw, "Host: x\r\nContent-Type: application/json\r\nContent-Length: "+strconv.Itoa(len(body))+"\r\n\r\n"+body); err != nil {
		t.Fatalf("the request arriving: %v", err)
	}
	resp, err = http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("the request arriving on the idle connection was lost: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("the request arriving on the idle connection: %d, want 200", resp.StatusCode)
	}
	close(ts.release)
	if code := <-held; code != 200 {
		t.Fatalf("the call in progress: %d", code)
	}
}

// TestEvictTLSDoesNotBlock: closing an idle HTTPS connection to make room
// must not wait on the client. tls.Conn.Close first writes a close_notify
// alert, waiting up to 5 s for room in the send buffer, and evict runs in
// the listener's Accept: a client that stopped reading (its buffers full)
// held every new connection of the listener for 5 s at each eviction.
// Here the connection is a pipe, whose writes wait for the reader.
func TestEvictTLSDoesNotBlock(t *testing.T) {
	certs, err := tlstest.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cert, err := tls.LoadX509KeyPair(certs.ServerCert, certs.ServerKey)
	if err != nil {
		t.Fatal(err)
	}
	l := &connLimit{max: 1}
	srvSide, cliSide := net.Pipe()
	defer cliSide.Close()
	lc := l.opened(srvSide)
	l.open.Add(1)
	srv := tls.Server(lc, &tls.Config{Certificates: []tls.Certificate{cert}})
	cli := tls.Client(cliSide, &tls.Config{RootCAs: certs.Pool, ServerName: "localhost"})
	hs := make(chan error, 1)
	go func() { hs <- cli.Handshake() }()
	if err := srv.Handshake(); err != nil {
		t.Fatal(err)
	}
	if err := <-hs; err != nil {
		t.Fatal(err)
	}
	// the client reads no more
	ic := newIdleConns()
	ic.track(srv, http.StateIdle)
	start := time.Now()
	if !ic.evict() {
		t.Fatal("the idle connection was not evicted")
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("evicting an idle TLS connection whose client reads nothing took %v", took.Round(time.Millisecond))
	}
	if n := l.open.Load(); n != 0 {
		t.Errorf("%d connections counted open after the eviction, want 0", n)
	}
}
