package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// heapMB is the live heap after a collection, in MB.
func heapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// metricValue returns the value of one series of /metrics ("" if absent).
func metricValue(t *testing.T, base, series string) string {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), series+" "); ok {
			return v
		}
	}
	return ""
}

// TestRESTSlowStreamReader: a REST caller asks for the NDJSON stream of a
// 1 MB article with its tokens (about 20 MB of JSON) and then reads
// nothing, from a socket with a 4 KB receive buffer. While it stalls the
// server answers other calls promptly and holds a bounded amount of memory
// that does not grow (flow control stops the stream: the gateway holds at
// most a gRPC window of it); once a write has waited --write-timeout the
// stream is cut, the caller gets no more than what was already in the
// socket buffers, and the memory is released.
func TestRESTSlowStreamReader(t *testing.T) {
	if testing.Short() {
		t.Skip("streams a 1 MB article")
	}
	const writeTimeout = time.Second
	srv, log, client := startLogged(t, func(c *Config) { c.MaxArticleBytes, c.WriteTimeout = 1<<20, writeTimeout })
	base := "http://" + srv.HTTPAddr()
	body, err := json.Marshal(map[string]any{"article": map[string]string{"text": longArticle(1 << 20)},
		"features": []string{"FEATURE_SYNTAX", "FEATURE_STATISTICS"}})
	if err != nil {
		t.Fatal(err)
	}
	// the size of the whole stream, read at once
	resp := post(t, base+"/v1/articles:streamAnalyze", string(body))
	full, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("reading the stream at once: %d %v", resp.StatusCode, err)
	}
	// the gRPC client connects now, not during the measurement
	if _, err := client.AnalyzeArticle(ctxTimeout(t, 10*time.Second), &articlev1.AnalyzeArticleRequest{Article: textArticle("", article)}); err != nil {
		t.Fatal(err)
	}
	http.DefaultClient.CloseIdleConnections()
	time.Sleep(20 * time.Millisecond)
	before := heapMB()
	goroutines := runtime.NumGoroutine()
	logged := func(msg, key, value string) bool {
		n := 0
		for _, rec := range logLines(t, log.String(), msg) {
			if rec[key] == value {
				n++
			}
		}
		return n >= 2 // the first one is the stream read at once
	}

	d := net.Dialer{Control: func(network, address string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) { serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4<<10) })
		if err != nil {
			return err
		}
		return serr
	}}
	conn, err := d.Dial("tcp", srv.HTTPAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/articles:streamAnalyze HTTP/1.1\r\nHost: lector\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(body))
	if _, err := conn.Write(body); err != nil {
		t.Fatal(err)
	}
	head := make([]byte, 512)
	conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	if _, err := io.ReadFull(conn, head); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(head), "HTTP/1.1 200") {
		t.Fatalf("response: %q", head)
	}
	// now the caller stops reading; the analysis goes on until flow
	// control stops it or it ends
	start := time.Now()
	time.Sleep(writeTimeout * 3 / 10)
	held := heapMB()
	ctx := ctxTimeout(t, 10*time.Second)
	t0 := time.Now()
	if _, err := client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", article)}); err != nil {
		t.Errorf("gRPC call during the stall: %v", err)
	}
	if code, _, b := restCall(t, http.DefaultClient, "POST", base+"/v1/articles:analyze", `{"article":{"text":"Still serving."}}`); code != 200 {
		t.Errorf("REST call during the stall: %d %s", code, b)
	}
	if code, _, _ := restCall(t, http.DefaultClient, "GET", base+"/healthz", ""); code != 200 {
		t.Errorf("/healthz during the stall: %d", code)
	}
	served := time.Since(t0)
	time.Sleep(time.Until(start.Add(writeTimeout * 7 / 10)))
	later := heapMB()
	fullMB := float64(full) / (1 << 20)
	t.Logf("stream of %.1f MB; heap %.1f MB before, %.1f MB and %.1f MB at +%v and +%v of the stall; other calls served in %v",
		fullMB, before, held, later, writeTimeout*3/10, writeTimeout*7/10, served.Round(time.Millisecond))
	if served > 2*time.Second {
		t.Errorf("other calls took %v during the stall", served)
	}
	if later > held+8 {
		t.Errorf("the heap grows while the stream stalls: %.1f MB → %.1f MB", held, later)
	}
	// what is held: the message being written, the gateway's gRPC window
	// and the socket buffers; never more than twice the whole stream
	if later > before+2*fullMB {
		t.Errorf("the stalled stream holds %.1f MB (the whole stream is %.1f MB)", later-before, fullMB)
	}
	// the write deadline cuts the stream
	for !logged("http request", "path", "/v1/articles:streamAnalyze") {
		if time.Since(start) > writeTimeout+10*time.Second {
			t.Fatalf("the stalled stream is still open %v after the caller stopped reading (write timeout %v)", time.Since(start), writeTimeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cut := time.Since(start)
	if cut < writeTimeout/2 {
		t.Errorf("cut after %v, before the write timeout", cut)
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	rest, err := io.Copy(io.Discard, conn)
	t.Logf("the stream was cut %v after the caller stopped reading (write timeout %v); the caller then read %.1f MB more of %.1f MB and %v",
		cut.Round(time.Millisecond), writeTimeout, float64(rest)/(1<<20), float64(full)/(1<<20), err)
	if rest >= full/2 {
		t.Errorf("after the cut the caller still read %d of %d bytes: the stream was buffered, not cut", rest, full)
	}
	conn.Close()
	http.DefaultClient.CloseIdleConnections()
	after := heapMB()
	for i := 0; i < 100 && runtime.NumGoroutine() > goroutines+2; i++ {
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("heap after the cut: %.1f MB; goroutines %d (before %d)", after, runtime.NumGoroutine(), goroutines)
	if after > before+16 {
		t.Errorf("%.1f MB still held after the stream was cut (%.1f MB before)", after, before)
	}
	if n := runtime.NumGoroutine(); n > goroutines+2 {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines after the cut, %d before:\n%s", n, goroutines, buf[:runtime.Stack(buf, true)])
	}
}

// TestGRPCSlowStreamReader: a gRPC caller with 64 KB flow-control windows
// streams the analysis of a 1 MB article with its tokens and reads
// nothing. The analysis does not wait for it: the only analysis slot of
// the server frees up and other calls are served; when the caller reads,
// every part and the completion arrive.
func TestGRPCSlowStreamReader(t *testing.T) {
	if testing.Short() {
		t.Skip("streams a 1 MB article")
	}
	ts := mustStart(t, func(c *Config) { c.MaxArticleBytes, c.MaxInFlight, c.MaxQueue = 1<<20, 1, -1 })
	conn, err := grpc.NewClient(ts.GRPCAddr(), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithInitialWindowSize(64<<10), grpc.WithInitialConnWindowSize(64<<10),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(64<<20)))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx := ctxTimeout(t, 30*time.Second)
	stream, err := articlev1.NewArticleAnalysisServiceClient(conn).StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{
		Article:  textArticle("big", longArticle(1<<20)),
		Features: []articlev1.Feature{articlev1.Feature_FEATURE_SYNTAX, articlev1.Feature_FEATURE_STATISTICS}})
	if err != nil {
		t.Fatal(err)
	}
	// the caller reads the first part, so the stream's analysis holds the
	// one slot (a call sent first could otherwise take it and the stream be
	// refused), then reads nothing; another caller wants the slot: it is
	// refused while the stream's analysis runs, then served
	first, err := stream.Recv()
	if err != nil {
		t.Fatalf("first part: %v", err)
	}
	parts := []string{eventName(first)}
	small := func() error {
		_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", article)})
		return err
	}
	start := time.Now()
	busy := time.Duration(0)
	for time.Since(start) < 3*time.Second {
		if err := small(); status.Code(err) == codes.ResourceExhausted {
			busy = time.Since(start)
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	if busy == 0 {
		t.Log("the stream's analysis was not seen holding the slot")
	}
	for {
		err := small()
		if err == nil {
			break
		}
		if time.Since(start) > 10*time.Second {
			t.Fatalf("the stalled stream holds the analysis slot: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("the slot was taken at +%v and served another call at +%v after the stalled stream began",
		busy.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	for {
		m, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("after %v: %v", parts, err)
		}
		parts = append(parts, eventName(m))
	}
	if got := strings.Join(parts, " "); got != "source syntax statistics completion" {
		t.Errorf("parts %s", got)
	}
}

// eventName names the part a stream message carries.
func eventName(m *articlev1.StreamAnalyzeArticleResponse) string {
	switch m.GetResult().(type) {
	case *articlev1.StreamAnalyzeArticleResponse_Source:
		return "source"
	case *articlev1.StreamAnalyzeArticleResponse_Syntax:
		return "syntax"
	case *articlev1.StreamAnalyzeArticleResponse_Statistics:
		return "statistics"
	case *articlev1.StreamAnalyzeArticleResponse_Completion:
		return "completion"
	}
	return fmt.Sprintf("%T", m.GetResult())
}
