package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// TestShutdownDrainsRESTBody: a REST call whose body is still arriving when
// the server is told to stop (SIGTERM) was accepted and must be answered:
// the HTTP server waits for it, so the gateway's in-memory gRPC server must
// still take its call once the body is in. Before, both gRPC servers were
// stopped gracefully at once with the HTTP server, and the call's gRPC
// stream on the in-memory connection was refused (503 UNAVAILABLE).
func TestShutdownDrainsRESTBody(t *testing.T) {
	ts := mustStart(t, nil)
	body := `{"article":{"text":"Accepted before the stop. It must be answered."}}`
	c, err := net.Dial("tcp", ts.HTTPAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /v1/articles:analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:20])
	time.Sleep(200 * time.Millisecond) // the request is in the handler, reading its body
	ts.stop()                          // as SIGTERM does
	<-ts.Server.shutdown
	time.Sleep(300 * time.Millisecond)
	if _, err := io.WriteString(c, body[20:]); err != nil {
		t.Fatal(err)
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("no answer to an accepted call: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(b), "sentences") {
		t.Fatalf("accepted call answered %d during graceful shutdown: %.300s", resp.StatusCode, b)
	}
}

// throttledConn reads at most rate bytes a second: a caller on a slow link
// that reads everything the server sends, steadily.
type throttledConn struct {
	net.Conn
	rate int // bytes per second
}

func (c throttledConn) Read(p []byte) (int, error) {
	const tick = 20 * time.Millisecond
	p = p[:min(len(p), c.rate*int(tick)/int(time.Second))]
	n, err := c.Conn.Read(p)
	time.Sleep(time.Duration(n) * time.Second / time.Duration(c.rate))
	return n, err
}

// TestGRPCWriteTimeoutSparesSlowReader: --write-timeout cuts a stream whose
// caller stops reading, not one whose caller reads steadily over a slow
// link while a large message goes through. grpc-go's SendMsg hands a
// message to the transport once the previous one is (nearly) on the wire,
// so the wait in SendMsg is the time the previous message takes at the
// caller's pace: a syntax message of 1.1 MB at 512 kB/s waited longer
// than a 1 s write timeout and the stream was cut (DEADLINE_EXCEEDED
// "the caller did not read a response message for 1s") although its caller
// never stopped reading.
func TestGRPCWriteTimeoutSparesSlowReader(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a 256 kB article and reads it slowly")
	}
	const writeTimeout = time.Second
	ts := mustStart(t, func(c *Config) {
		c.MaxArticleBytes, c.RequestTimeout, c.WriteTimeout = 1<<20, time.Minute, writeTimeout
	})
	const rate = 512 << 10
	conn, err := grpc.NewClient(ts.GRPCAddr(), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithInitialWindowSize(64<<10), grpc.WithInitialConnWindowSize(64<<10), grpc.WithReadBufferSize(16<<10),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(1<<30)),
		grpc.WithContextDialer(func(ctx context.Context, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
			if err != nil {
				return nil, err
			}
			return throttledConn{c, rate}, nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	client := articlev1.NewArticleAnalysisServiceClient(conn)
	start := time.Now()
	stream, err := client.StreamAnalyzeArticle(ctxTimeout(t, time.Minute), &articlev1.StreamAnalyzeArticleRequest{
		Article:  textArticle("big", longArticle(256<<10)),
		Features: []articlev1.Feature{articlev1.Feature_FEATURE_SYNTAX, articlev1.Feature_FEATURE_STATISTICS}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	size := 0
	for {
		m, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("a caller reading %d kB/s steadily was cut after %v, having read %v (%.1f MB): %v",
				rate>>10, time.Since(start).Round(time.Millisecond), got, float64(size)/(1<<20), err)
		}
		got = append(got, eventName(m))
		size += proto.Size(m)
	}
	d := time.Since(start)
	t.Logf("read %v, %.1f MB in %v at %d kB/s (write timeout %v)", got, float64(size)/(1<<20), d.Round(time.Millisecond), rate>>10, writeTimeout)
	if d < writeTimeout+writeTimeout/2 {
		t.Errorf("the stream took %v: the test did not make the server wait on the caller longer than the write timeout", d)
	}
}

// TestRESTWriteTimeoutSparesSlowReader: as TestGRPCWriteTimeoutSparesSlowReader
// for a REST stream (NDJSON) read steadily at 512 kB/s: the syntax line of
// a 256 kB article (several MB of JSON) takes longer than the 1 s write
// timeout to go through, while the caller reads all along.
func TestRESTWriteTimeoutSparesSlowReader(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a 256 kB article and reads it slowly")
	}
	const writeTimeout = time.Second
	srv := quietServer(t, "--max-article-bytes", "1048576", "--request-timeout", "1m", "--write-timeout", writeTimeout.String())
	srv.stages = lightStages()
	// a socket send buffer of a slow link's size: on loopback the kernel
	// grows it to about 4 MB and wakes a blocked writer only once half of
	// it has drained, which alone outlasts a 1 s deadline at 512 kB/s
	srv.httpLis = sndbufListener{srv.httpLis}
	runServer(t, srv)
	for end := time.Now().Add(20 * time.Second); !srv.ready.Load(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("server not ready")
		}
	}
	const rate = 512 << 10
	client := &http.Client{Transport: &http.Transport{
		ReadBufferSize: 16 << 10,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			if tc, ok := c.(*net.TCPConn); ok {
				tc.SetReadBuffer(32 << 10)
			}
			return throttledConn{c, rate}, nil
		}}}
	b, _ := json.Marshal(map[string]any{"article": map[string]any{"text": longArticle(256 << 10)}, "features": []string{"FEATURE_SYNTAX", "FEATURE_STATISTICS"}})
	start := time.Now()
	resp, err := client.Post("http://"+srv.HTTPAddr()+"/v1/articles:streamAnalyze", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var keys []string
	size := 0
	lines := bufio.NewScanner(resp.Body)
	lines.Buffer(nil, 64<<20)
	for lines.Scan() {
		size += len(lines.Bytes())
		var line struct {
			Result map[string]json.RawMessage `json:"result"`
			Error  json.RawMessage            `json:"error"`
		}
		if err := json.Unmarshal(lines.Bytes(), &line); err != nil {
			t.Fatalf("line %.200q: %v", lines.Bytes(), err)
		}
		if line.Error != nil {
			t.Fatalf("a caller reading %d kB/s steadily got an error line after %v, having read %v: %s", rate>>10, time.Since(start).Round(time.Millisecond), keys, line.Error)
		}
		for k := range line.Result {
			keys = append(keys, k)
		}
	}
	d := time.Since(start)
	t.Logf("read %v, %.1f MB in %v (%v)", keys, float64(size)/(1<<20), d.Round(time.Millisecond), lines.Err())
	if !slices.Equal(keys, []string{"source", "syntax", "statistics", "completion"}) {
		t.Fatalf("a caller reading %d kB/s steadily was cut after %v, having read %v: %v", rate>>10, d.Round(time.Millisecond), keys, lines.Err())
	}
	if d < writeTimeout+writeTimeout/2 {
		t.Errorf("the stream took %v: the test did not make the server wait on the caller longer than the write timeout", d)
	}
}

// sndbufListener gives its connections a 64 kB socket send buffer.
type sndbufListener struct{ net.Listener }

func (l sndbufListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	raw := c
	if u, ok := c.(interface{ NetConn() net.Conn }); ok {
		raw = u.NetConn() // beneath the --max-conns limit
	}
	if tc, ok := raw.(*net.TCPConn); ok {
		tc.SetWriteBuffer(64 << 10)
	}
	return c, err
}

// TestIdleConnectionCallsAgain: a client that keeps one connection and
// calls about once per --stream-idle-timeout (here 300 ms; in production a
// client calling every 6 minutes against 5) finds its connection closed
// (GOAWAY max_idle) now and then, around the moment it calls; grpc-go
// reconnects, and no call may fail. Likewise REST calls, whose gateway
// connection is closed for idleness the same way.
func TestIdleConnectionCallsAgain(t *testing.T) {
	if testing.Short() {
		t.Skip("calls for 10 s")
	}
	const idle = 300 * time.Millisecond
	ts := mustStart(t, func(c *Config) { c.StreamIdleTimeout = idle })
	fails := 0
	for i := range 30 {
		// around the idle timeout: 0.8 to 1.2 of it
		time.Sleep(idle*8/10 + time.Duration(i%9)*idle/20)
		if _, err := ts.client.AnalyzeArticle(ctxTimeout(t, 5*time.Second), &articlev1.AnalyzeArticleRequest{Article: textArticle("", "One call. Then a pause.")}); err != nil {
			fails++
			t.Errorf("gRPC call %d: %v", i, err)
		}
		resp, err := http.Post(ts.base+"/v1/articles:analyze", "application/json", strings.NewReader(`{"article":{"text":"One call. Then a pause."}}`))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			fails++
			t.Errorf("REST call %d: %d", i, resp.StatusCode)
		}
	}
	t.Logf("60 calls around the idle timeout, %d failed", fails)
}
