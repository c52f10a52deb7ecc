package main

import (
	"fmt"
	"io"
	"net"
	"runtime"
	"testing"
	"time"

	"golang.org/x/net/http2"
	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// heapAfterGC is the live heap in MB after two collections (the second
// empties the pools' victim caches, where grpc-go's freed buffers wait).
func heapAfterGC() float64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// TestGRPCTransportBounds measures, with a raw HTTP/2 client on loopback
// and the production limits (1 MB articles, batches of 100), what grpc-go
// bounds on the way in and what it does not:
//   - grpc-go advertises no SETTINGS_MAX_CONCURRENT_STREAMS by default (one
//     connection opened 300 streams, none refused, about a goroutine each);
//     the server now sends maxStreamsPerConn and refuses the streams beyond
//     it with REFUSED_STREAM;
//   - a message declared larger than the gRPC message limit is refused at
//     once with RESOURCE_EXHAUSTED (MaxRecvMsgSize bounds one message);
//   - a message within it is let in whole: once the prefix is read, grpc-go
//     opens the stream's window to the declared length, so each stream that
//     holds half a message holds up to the message limit (101 MB) in memory;
//   - the read timeout then ends every stream that has not sent its whole
//     message, and the memory is released (without it, held for ever).
func TestGRPCTransportBounds(t *testing.T) {
	if testing.Short() {
		t.Skip("holds 64 MB of partial messages")
	}
	readTimeout := 3 * time.Second
	if raceSlowdown > 1 {
		readTimeout = 15 * time.Second // pushing 64 MB takes about 4 s
	}
	ts := mustStart(t, func(c *Config) { c.MaxArticleBytes, c.MaxBatch, c.GRPCReadTimeout = 1<<20, 100, readTimeout })
	msgLimit, _, _ := ts.limits()
	heap0 := heapAfterGC()
	goroutines := runtime.NumGoroutine()
	c := dialH2(t, ts.GRPCAddr())
	start := time.Now()
	c.mu.Lock()
	mcs, limited := c.settings[http2.SettingMaxConcurrentStreams]
	t.Logf("server SETTINGS: MAX_CONCURRENT_STREAMS %v (sent: %v), INITIAL_WINDOW_SIZE %d, MAX_FRAME_SIZE %d, MAX_HEADER_LIST_SIZE %d; gRPC message limit %.1f MB",
		mcs, limited, c.settings[http2.SettingInitialWindowSize], c.settings[http2.SettingMaxFrameSize], c.settings[http2.SettingMaxHeaderListSize], float64(msgLimit)/(1<<20))
	c.mu.Unlock()

	if !limited || mcs != maxStreamsPerConn {
		t.Errorf("SETTINGS_MAX_CONCURRENT_STREAMS %d (sent: %v), want %d", mcs, limited, maxStreamsPerConn)
	}
	// a message over the limit
	over := c.open(articlev1.ArticleAnalysisService_BatchAnalyzeArticles_FullMethodName)
	c.send(over, grpcPrefix(msgLimit+1), false, time.Second)
	// two streams, each with 32 MB of a message declared 48 MB
	const declared, pushed = 48 << 20, 32 << 20
	var partial []uint32
	accepted := 0
	for range 2 {
		id := c.open(articlev1.ArticleAnalysisService_BatchAnalyzeArticles_FullMethodName)
		accepted += c.send(id, append(grpcPrefix(declared), make([]byte, pushed-5)...), false, 2*time.Second)
		partial = append(partial, id)
	}
	if !c.wait(2*time.Second, func() bool { e, ok := c.ends[over]; return ok && !e.at.IsZero() }) {
		t.Error("a message over the limit was not refused")
	} else if e, _ := c.ended(over); e.status != "8" {
		t.Errorf("a message over the limit: grpc-status %s %q, want 8 (RESOURCE_EXHAUSTED)", e.status, e.message)
	} else {
		t.Logf("a message declared %d bytes (limit %d): grpc-status %s %q", msgLimit+1, msgLimit, e.status, e.message)
	}
	// many streams on one connection (beside the two partial ones), each
	// waiting for its message
	const streams = 300
	var open []uint32
	for range streams {
		open = append(open, c.open(articlev1.ArticleAnalysisService_StreamAnalyzeArticle_FullMethodName))
	}
	refused := 0
	c.wait(time.Second, func() bool {
		refused = 0
		for _, id := range open {
			if e, ok := c.ends[id]; ok && e.rst && e.rstCode == http2.ErrCodeRefusedStream {
				refused++
			}
		}
		return refused >= streams+2-maxStreamsPerConn
	})
	if want := streams + 2 - maxStreamsPerConn; refused != want {
		t.Errorf("%d of %d streams refused, want %d (at most %d open at once, 2 holding partial messages)", refused, streams, want, maxStreamsPerConn)
	}
	held := heapAfterGC()
	during := runtime.NumGoroutine()
	elapsed := time.Since(start)
	t.Logf("%d more streams opened on one connection, %d refused (REFUSED_STREAM); 2 streams let in %.1f MB of %.1f MB pushed in %v; server heap %.1f MB -> %.1f MB, goroutines %d -> %d",
		streams, refused, float64(accepted)/(1<<20), float64(2*pushed)/(1<<20), elapsed.Round(time.Millisecond), heap0, held, goroutines, during)
	if elapsed > readTimeout {
		t.Fatalf("the measurement took %v, longer than the read timeout %v", elapsed, readTimeout)
	}
	if accepted < 2*pushed*9/10 {
		t.Errorf("grpc-go let in only %d of %d bytes of partial messages; flow control bounds them (update the doc comment)", accepted, 2*pushed)
	}
	// the read timeout ends them all and the memory goes
	all := append(open, partial...)
	if !c.wait(readTimeout+5*time.Second, func() bool {
		for _, id := range all {
			if e, ok := c.ends[id]; !ok || e.at.IsZero() {
				return false
			}
		}
		return true
	}) {
		t.Fatalf("streams waiting for their message still open %v after they began (read timeout %v)", time.Since(start), readTimeout)
	}
	for i := 0; i < 100 && runtime.NumGoroutine() > goroutines+10; i++ {
		time.Sleep(20 * time.Millisecond)
	}
	after := heapAfterGC()
	t.Logf("after the read timeout: every stream ended; heap %.1f MB, goroutines %d", after, runtime.NumGoroutine())
	if after > heap0+16 {
		t.Errorf("%.1f MB still held after the partial messages were dropped (%.1f MB before)", after, heap0)
	}
	if n := runtime.NumGoroutine(); n > goroutines+10 {
		t.Errorf("%d goroutines after the streams ended, %d before", n, goroutines)
	}
}

// TestGRPCSlowReaderCut: a gRPC caller asks for the stream of a long
// article's analysis with its tokens (several MB) and reads nothing (16 kB
// windows). The server buffers a bounded amount, the parts of one analysis
// at most (the service's buffer, grpc-go's 64 kB write quota and the
// message handed to the transport), and the analysis slot is freed; once
// one message has waited --write-timeout to be taken, the call is cut and
// its goroutines end. Before, the call's deadline did not reach a send
// blocked by flow control: the call waited for the caller as long as the
// connection lived, past --request-timeout, and when the caller read
// again, the stream completed.
func TestGRPCSlowReaderCut(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a 512 kB article")
	}
	const writeTimeout = time.Second
	ts := mustStart(t, func(c *Config) {
		c.MaxArticleBytes, c.RequestTimeout, c.WriteTimeout = 1<<20, writeTimeout, writeTimeout
	})
	b, err := proto.Marshal(&articlev1.StreamAnalyzeArticleRequest{Article: textArticle("big", longArticle(512<<10)),
		Features: []articlev1.Feature{articlev1.Feature_FEATURE_SYNTAX, articlev1.Feature_FEATURE_STATISTICS}})
	if err != nil {
		t.Fatal(err)
	}
	c := dialH2Window(t, ts.GRPCAddr(), 16<<10)
	call := func() {
		if _, err := ts.client.AnalyzeArticle(ctxTimeout(t, 10*time.Second), &articlev1.AnalyzeArticleRequest{Article: textArticle("", article)}); err != nil {
			t.Errorf("another call: %v", err)
		}
	}
	call() // the client's connection is up before the count
	time.Sleep(50 * time.Millisecond)
	heap0 := heapAfterGC()
	goroutines := runtime.NumGoroutine()
	id := c.open(articlev1.ArticleAnalysisService_StreamAnalyzeArticle_FullMethodName)
	start := time.Now()
	c.send(id, append(grpcPrefix(len(b)), b...), true, 5*time.Second)
	if !c.wait(10*time.Second, func() bool { return c.got[id] >= 16<<10 }) {
		t.Fatal("the server sent nothing")
	}
	// the analysis is done (its slot free) while the caller stalls
	call()
	time.Sleep(writeTimeout / 2)
	held, during := heapAfterGC(), runtime.NumGoroutine()
	for runtime.NumGoroutine() > goroutines && time.Since(start) < 3*writeTimeout {
		time.Sleep(20 * time.Millisecond)
	}
	freed := time.Since(start)
	after, left := heapAfterGC(), runtime.NumGoroutine()
	c.mu.Lock()
	got := c.got[id]
	c.mu.Unlock()
	t.Logf("the caller read %d bytes and stalled; server heap %.1f MB before, %.1f MB during the stall, %.1f MB at +%v; goroutines %d, %d, %d",
		got, heap0, held, after, freed.Round(time.Millisecond), goroutines, during, left)
	if left > goroutines {
		t.Errorf("the stalled call still holds %d goroutines %v after the caller stopped reading (write timeout %v, request timeout %v)",
			left-goroutines, time.Since(start).Round(time.Millisecond), writeTimeout, writeTimeout)
	}
	if held > heap0+64 {
		t.Errorf("the stalled stream holds %.1f MB", held-heap0)
	}
	// the caller reads again: the stream was cut, not completed
	c.wmu.Lock()
	c.fr.WriteWindowUpdate(0, 1<<30)
	c.fr.WriteWindowUpdate(id, 1<<30)
	c.wmu.Unlock()
	if !c.wait(10*time.Second, func() bool { e, ok := c.ends[id]; return ok && !e.at.IsZero() }) {
		t.Fatal("the stream did not end once the caller read again")
	}
	e, _ := c.ended(id)
	c.mu.Lock()
	got = c.got[id]
	c.mu.Unlock()
	t.Logf("reading again, the caller got %.1f MB and grpc-status %s %q, RST_STREAM %v", float64(got)/(1<<20), e.status, e.message, e.rst)
	if e.status == "0" {
		t.Error("the stalled stream completed: the server waited for the caller")
	}
}

// TestGRPCConnectionBounds: a connection that sends nothing, or half the
// HTTP/2 preface, is closed once the handshake timeout (here the shorter
// read timeout) has passed, and a live connection that answers pings but
// makes no call gets GOAWAY after the stream idle timeout; a gRPC client
// whose connection was closed for idleness calls again on a new one.
// Before, grpc-go closed the first two after its 120 s connection timeout
// (measured) and kept the third for ever (still open after 3 min 10 s,
// pinged every minute).
func TestGRPCConnectionBounds(t *testing.T) {
	const readTimeout, idleTimeout = 500 * time.Millisecond, 800 * time.Millisecond
	ts := mustStart(t, func(c *Config) { c.GRPCReadTimeout, c.StreamIdleTimeout = readTimeout, idleTimeout })
	if _, err := ts.client.GetCapabilities(ctxTimeout(t, 5*time.Second), &articlev1.GetCapabilitiesRequest{}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	closed := make(chan string, 2)
	for _, tc := range []struct{ name, send string }{{"silent", ""}, {"half a preface", http2.ClientPreface[:10]}} {
		conn, err := net.Dial("tcp", ts.GRPCAddr())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		conn.Write([]byte(tc.send))
		go func() {
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			_, err := io.Copy(io.Discard, conn)
			state := "closed by the server"
			if err != nil {
				state = "still open (" + err.Error() + ")"
			}
			closed <- fmt.Sprintf("%s: %s after %v", tc.name, state, time.Since(start).Round(10*time.Millisecond))
		}()
	}
	c := dialH2(t, ts.GRPCAddr())
	for range 2 {
		msg := <-closed
		t.Log(msg)
		if time.Since(start) > 3*readTimeout {
			t.Errorf("%s: not closed by the handshake timeout %v", msg, readTimeout)
		}
	}
	if !c.wait(3*idleTimeout, func() bool { return c.closed != nil }) {
		t.Errorf("a connection with no call still open %v after it began (stream idle timeout %v)", time.Since(start).Round(time.Millisecond), idleTimeout)
	} else {
		c.mu.Lock()
		t.Logf("a connection with no call: %v after %v", c.closed, time.Since(start).Round(10*time.Millisecond))
		c.mu.Unlock()
	}
	// the test's client was idle as long: it calls again
	if _, err := ts.client.GetCapabilities(ctxTimeout(t, 5*time.Second), &articlev1.GetCapabilitiesRequest{}); err != nil {
		t.Errorf("a call after the idle connection was closed: %v", err)
	}
}

// TestGRPCBidiSlowReaderCut: a bidirectional stream whose caller sends
// articles as fast as flow control lets it and reads no answer (16 kB
// windows). The server stops reading once the stream's articles in flight
// (--max-concurrency) wait to send their answers, so what it holds is
// bounded by the stream window; once an answer has waited --write-timeout
// the stream is cut (before, a send in progress kept it from the idle
// timeout, and it was held for as long as the connection lived).
func TestGRPCBidiSlowReaderCut(t *testing.T) {
	const writeTimeout = time.Second
	ts := mustStart(t, func(c *Config) { c.WriteTimeout = writeTimeout })
	c := dialH2Window(t, ts.GRPCAddr(), 16<<10)
	if _, err := ts.client.GetCapabilities(ctxTimeout(t, 5*time.Second), &articlev1.GetCapabilitiesRequest{}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	heap0, goroutines := heapAfterGC(), runtime.NumGoroutine()
	id := c.open(articlev1.ArticleAnalysisService_AnalyzeArticles_FullMethodName)
	start := time.Now()
	var sent, offered int
	for i := 0; i < 2000 && time.Since(start) < 2*writeTimeout/3; i++ {
		m := requestMessage(t, fmt.Sprintf("Article %d. %s", i, article))
		offered += len(m)
		n := c.send(id, m, false, 50*time.Millisecond)
		sent += n
		if n < len(m) {
			break // the server stopped reading
		}
	}
	held, during := heapAfterGC(), runtime.NumGoroutine()
	c.mu.Lock()
	got := c.got[id]
	c.mu.Unlock()
	t.Logf("the caller sent %.0f kB (the server let in %.0f kB) and read %d bytes of answers; server heap %.1f -> %.1f MB, goroutines %d -> %d",
		float64(offered)/1024, float64(sent)/1024, got, heap0, held, goroutines, during)
	if sent >= offered {
		t.Errorf("the server read all %d bytes of articles from a caller that reads no answer", offered)
	}
	for runtime.NumGoroutine() > goroutines && time.Since(start) < 5*writeTimeout {
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("goroutines back to %d at +%v", runtime.NumGoroutine(), time.Since(start).Round(10*time.Millisecond))
	if n := runtime.NumGoroutine(); n > goroutines {
		t.Errorf("the stalled stream still holds %d goroutines %v after it began (write timeout %v)", n-goroutines, time.Since(start).Round(time.Millisecond), writeTimeout)
	}
}
