package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"runtime"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"
	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// h2client is a raw HTTP/2 client of the gRPC port, to send what a gRPC
// client library never does: a request message a byte at a time, many
// streams that each hold half a message. It reads every frame the server
// sends, acknowledges its SETTINGS and PINGs (a live peer, which keepalive
// does not close) and records how each stream ends.
type h2client struct {
	t    *testing.T
	conn net.Conn
	fr   *http2.Framer
	wmu  sync.Mutex // the framer's writes and the encoder
	enc  *hpack.Encoder
	hbuf bytes.Buffer
	next uint32

	mu       sync.Mutex
	settings map[http2.SettingID]uint32 // the server's
	connWin  int64                      // what the server lets us send on the connection
	win      map[uint32]int64           // and on each stream
	got      map[uint32]int64           // DATA bytes received per stream
	ends     map[uint32]h2end
	closed   error // the connection ended
	changed  chan struct{}
}

// h2end is how a stream ended: trailers (or a trailers-only answer) and/or
// RST_STREAM.
type h2end struct {
	status, message string
	rst             bool
	rstCode         http2.ErrCode
	at              time.Time
}

func dialH2(t *testing.T, addr string) *h2client {
	t.Helper()
	return dialH2Window(t, addr, 1<<30)
}

// dialH2Window connects with flow-control windows of window bytes for what
// the server sends (stream and connection; at least 65535 on the
// connection): a caller that reads no more than that.
func dialH2Window(t *testing.T, addr string, window uint32) *h2client {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	c := &h2client{t: t, conn: conn, next: 1, settings: map[http2.SettingID]uint32{}, connWin: 65535,
		win: map[uint32]int64{}, got: map[uint32]int64{}, ends: map[uint32]h2end{}, changed: make(chan struct{}, 1)}
	c.fr = http2.NewFramer(conn, conn)
	c.fr.ReadMetaHeaders = hpack.NewDecoder(4096, nil)
	c.enc = hpack.NewEncoder(&c.hbuf)
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.Write([]byte(http2.ClientPreface)); err != nil {
		t.Fatal(err)
	}
	if err := c.fr.WriteSettings(http2.Setting{ID: http2.SettingInitialWindowSize, Val: window}); err != nil {
		t.Fatal(err)
	}
	if window > 65535 {
		if err := c.fr.WriteWindowUpdate(0, window-65535); err != nil {
			t.Fatal(err)
		}
	}
	go c.read()
	// wait for the server's SETTINGS
	c.wait(5*time.Second, func() bool { return len(c.settings) > 0 })
	return c
}

func (c *h2client) read() {
	for {
		f, err := c.fr.ReadFrame()
		if err != nil {
			c.mu.Lock()
			c.closed = err
			c.mu.Unlock()
			c.signal()
			return
		}
		// answers first, without c.mu (open and send take wmu, then mu)
		switch f := f.(type) {
		case *http2.SettingsFrame:
			if !f.IsAck() {
				c.wmu.Lock()
				c.fr.WriteSettingsAck()
				c.wmu.Unlock()
			}
		case *http2.PingFrame:
			if !f.IsAck() {
				c.wmu.Lock()
				c.fr.WritePing(true, f.Data)
				c.wmu.Unlock()
			}
		}
		c.mu.Lock()
		switch f := f.(type) {
		case *http2.SettingsFrame:
			if !f.IsAck() {
				f.ForeachSetting(func(s http2.Setting) error { c.settings[s.ID] = s.Val; return nil })
				if _, ok := c.settings[http2.SettingInitialWindowSize]; !ok {
					c.settings[http2.SettingInitialWindowSize] = 65535
				}
			}
		case *http2.WindowUpdateFrame:
			if f.StreamID == 0 {
				c.connWin += int64(f.Increment)
			} else {
				c.win[f.StreamID] += int64(f.Increment)
			}
		case *http2.MetaHeadersFrame:
			e := c.ends[f.StreamID]
			for _, hf := range f.Fields {
				switch hf.Name {
				case "grpc-status":
					e.status = hf.Value
				case "grpc-message":
					e.message = hf.Value
				}
			}
			if f.StreamEnded() {
				e.at = time.Now()
			}
			c.ends[f.StreamID] = e
		case *http2.DataFrame:
			c.got[f.StreamID] += int64(len(f.Data()))
		case *http2.RSTStreamFrame:
			e := c.ends[f.StreamID]
			e.rst, e.rstCode = true, f.ErrCode
			if e.at.IsZero() {
				e.at = time.Now()
			}
			c.ends[f.StreamID] = e
		case *http2.GoAwayFrame:
			c.closed = fmt.Errorf("GOAWAY %v %q", f.ErrCode, f.DebugData())
		}
		c.mu.Unlock()
		c.signal()
	}
}

func (c *h2client) signal() {
	select {
	case c.changed <- struct{}{}:
	default:
	}
}

// wait polls cond (called with c.mu held) until it holds or d passes.
func (c *h2client) wait(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for {
		c.mu.Lock()
		ok := cond()
		c.mu.Unlock()
		if ok {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		select {
		case <-c.changed:
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// open starts a call of method (a full method name) and returns its stream.
func (c *h2client) open(method string) uint32 {
	c.t.Helper()
	c.wmu.Lock()
	defer c.wmu.Unlock()
	id := c.next
	c.next += 2
	c.hbuf.Reset()
	for _, hf := range [][2]string{{":method", "POST"}, {":scheme", "http"}, {":path", method}, {":authority", "lector"},
		{"content-type", "application/grpc"}, {"te", "trailers"}} {
		c.enc.WriteField(hpack.HeaderField{Name: hf[0], Value: hf[1]})
	}
	if err := c.fr.WriteHeaders(http2.HeadersFrameParam{StreamID: id, BlockFragment: c.hbuf.Bytes(), EndHeaders: true}); err != nil {
		c.t.Fatal(err)
	}
	c.mu.Lock()
	c.win[id] += int64(c.settings[http2.SettingInitialWindowSize])
	c.mu.Unlock()
	return id
}

// send writes b on stream id, within the server's flow-control windows;
// it returns how much it sent before the windows closed (or d passed).
func (c *h2client) send(id uint32, b []byte, end bool, d time.Duration) int {
	c.t.Helper()
	deadline := time.Now().Add(d)
	sent := 0
	for sent < len(b) || (end && sent == 0 && len(b) == 0) {
		var n int64
		c.wait(time.Until(deadline), func() bool {
			n = min(c.connWin, c.win[id], 16384, int64(len(b)-sent))
			return n > 0 || len(b) == 0
		})
		if n <= 0 && len(b) > 0 {
			return sent
		}
		c.mu.Lock()
		c.connWin -= n
		c.win[id] -= n
		c.mu.Unlock()
		c.wmu.Lock()
		err := c.fr.WriteData(id, end && sent+int(n) == len(b), b[sent:sent+int(n)])
		c.wmu.Unlock()
		if err != nil {
			c.t.Fatalf("writing stream %d: %v", id, err)
		}
		sent += int(n)
		if len(b) == 0 {
			break
		}
	}
	return sent
}

// ended returns how stream id ended, if it did.
func (c *h2client) ended(id uint32) (h2end, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.ends[id]
	return e, ok && !e.at.IsZero()
}

// grpcPrefix is the five bytes before a gRPC message: not compressed, its length.
func grpcPrefix(n int) []byte {
	p := make([]byte, 5)
	binary.BigEndian.PutUint32(p[1:], uint32(n))
	return p
}

// requestMessage is an AnalyzeArticleRequest (or StreamAnalyzeArticleRequest,
// the same fields) for text, with its gRPC prefix.
func requestMessage(t *testing.T, text string) []byte {
	b, err := proto.Marshal(&articlev1.AnalyzeArticleRequest{Article: textArticle("", text)})
	if err != nil {
		t.Fatal(err)
	}
	return append(grpcPrefix(len(b)), b...)
}

// trickle sends b on stream id a byte every gap until stop is closed or b
// is sent (ending the stream after its last byte).
func (c *h2client) trickle(id uint32, b []byte, gap time.Duration, stop <-chan struct{}) {
	for i := range b {
		select {
		case <-stop:
			return
		case <-time.After(gap):
		}
		c.wmu.Lock()
		err := c.fr.WriteData(id, i == len(b)-1, b[i:i+1])
		c.wmu.Unlock()
		if err != nil {
			return
		}
	}
}

// TestGRPCRequestReadTimeout: gRPC calls whose caller sends its request
// message a byte at a time, with no deadline of its own, and calls that
// hold half a message, end with DEADLINE_EXCEEDED once --grpc-read-timeout
// has passed since they began, and release their goroutines. A unary and
// a server-streaming call whose message came in time but whose analysis
// outlasts the read timeout are not cut; neither is a bidirectional stream
// that waits between articles (--stream-idle-timeout bounds it).
//
// Before the read timeout, grpc-go bounded none of it: it reads a unary
// call's message before any interceptor runs, with the stream's own
// context, which --request-timeout (set by an interceptor) does not reach;
// the trickled calls were still open at three times the timeout and their
// goroutines held.
func TestGRPCRequestReadTimeout(t *testing.T) {
	const timeout = 600 * time.Millisecond
	ts := mustStart(t, func(c *Config) { c.GRPCReadTimeout = timeout })
	c := dialH2(t, ts.GRPCAddr())
	goroutines := runtime.NumGoroutine()
	start := time.Now()

	msg := requestMessage(t, article)
	stop := make(chan struct{})
	defer close(stop)
	unary := c.open(articlev1.ArticleAnalysisService_AnalyzeArticle_FullMethodName)
	go c.trickle(unary, msg, 50*time.Millisecond, stop)
	streaming := c.open(articlev1.ArticleAnalysisService_StreamAnalyzeArticle_FullMethodName)
	go c.trickle(streaming, msg, 50*time.Millisecond, stop)
	// half messages: the prefix says 4 kB, 1 kB comes
	const held = 50
	var halves []uint32
	for range held {
		id := c.open(articlev1.ArticleAnalysisService_AnalyzeArticle_FullMethodName)
		c.send(id, append(grpcPrefix(4096), make([]byte, 1024)...), false, time.Second)
		halves = append(halves, id)
	}
	// headers only
	bare := c.open(articlev1.ArticleAnalysisService_StreamAnalyzeArticle_FullMethodName)
	// a bidirectional stream that opens and waits for its articles
	bidi := c.open(articlev1.ArticleAnalysisService_AnalyzeArticles_FullMethodName)

	time.Sleep(timeout / 3)
	during := runtime.NumGoroutine()
	all := append([]uint32{unary, streaming, bare}, halves...)
	c.wait(3*timeout, func() bool {
		for _, id := range all {
			if e, ok := c.ends[id]; !ok || e.at.IsZero() {
				return false
			}
		}
		return true
	})
	for _, tc := range []struct {
		name string
		id   uint32
	}{{"unary, trickled", unary}, {"server-streaming, trickled", streaming}, {"server-streaming, no message", bare}, {"unary, half a message", halves[0]}} {
		e, ok := c.ended(tc.id)
		if !ok {
			t.Errorf("%s: still open %v after it began (read timeout %v)", tc.name, time.Since(start).Round(time.Millisecond), timeout)
			continue
		}
		after := e.at.Sub(start)
		t.Logf("%s: ended after %v: grpc-status %s %q, RST_STREAM %v", tc.name, after.Round(time.Millisecond), e.status, e.message, e.rst)
		if e.status != "4" { // DEADLINE_EXCEEDED
			t.Errorf("%s: grpc-status %s %q, want 4 (DEADLINE_EXCEEDED)", tc.name, e.status, e.message)
		}
		if after < timeout*9/10 {
			t.Errorf("%s: ended after %v, before the read timeout %v", tc.name, after, timeout)
		}
	}
	n := 0
	for _, id := range halves {
		if _, ok := c.ended(id); ok {
			n++
		}
	}
	if n != held {
		t.Errorf("%d of %d calls holding half a message ended", n, held)
	}
	if _, ok := c.ended(bidi); ok {
		t.Error("the bidirectional stream waiting for its first article was cut by the read timeout")
	}
	for i := 0; i < 100 && runtime.NumGoroutine() > goroutines+10; i++ {
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("server goroutines: %d before, %d with %d calls waiting for their message, %d after they ended",
		goroutines, during, held+3, runtime.NumGoroutine())
	if runtime.NumGoroutine() > goroutines+10 {
		t.Errorf("%d goroutines after the calls ended, %d before", runtime.NumGoroutine(), goroutines)
	}

	// the bidirectional stream still works after waiting
	c.send(bidi, requestMessage(t, article), true, time.Second)
	if !c.wait(10*time.Second, func() bool { e, ok := c.ends[bidi]; return ok && !e.at.IsZero() }) {
		t.Fatal("the bidirectional stream did not end after its article")
	}
	if e, _ := c.ended(bidi); e.status != "0" {
		t.Errorf("the bidirectional stream: grpc-status %s %q", e.status, e.message)
	}
}

// TestGRPCReadTimeoutSparesSlowAnalyses: the read timeout ends when the
// request message is in; an analysis that runs longer is not cut by it,
// unary or streamed.
func TestGRPCReadTimeoutSparesSlowAnalyses(t *testing.T) {
	const timeout = 300 * time.Millisecond
	ts := mustStart(t, func(c *Config) { c.GRPCReadTimeout = timeout })
	errs := make(chan error, 2)
	go func() {
		_, err := ts.client.AnalyzeArticle(ctxTimeout(t, 20*time.Second), &articlev1.AnalyzeArticleRequest{Article: textArticle("", article+" "+slowMarker)})
		errs <- err
	}()
	go func() {
		st, err := ts.client.StreamAnalyzeArticle(ctxTimeout(t, 20*time.Second), &articlev1.StreamAnalyzeArticleRequest{Article: textArticle("", article+" "+slowMarker)})
		if err == nil {
			for err == nil {
				_, err = st.Recv()
			}
			if err == io.EOF {
				err = nil
			}
		}
		errs <- err
	}()
	for range 2 {
		select {
		case <-ts.started:
		case <-time.After(10 * time.Second):
			t.Fatal("the analyses did not start")
		}
	}
	time.Sleep(3 * timeout)
	close(ts.release)
	for range 2 {
		if err := <-errs; err != nil {
			t.Errorf("an analysis longer than the read timeout: %v", err)
		}
	}
}
