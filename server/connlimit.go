package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"
	"google.golang.org/grpc/stats"
)

// DefaultMaxConns is the default of --max-conns: the most connections open
// at once on each listener (gRPC, HTTP). Far more than the server can use
// (it analyses 2 articles per CPU at once and queues as many; a gRPC client
// multiplexes its calls on one connection, a proxy pools its own), and it
// bounds what idle connections cost: measured on this server, 1000 idle
// gRPC connections (after one call each) added 34 MB of RSS, 1000 idle
// HTTP/1.1 keep-alive connections 5.6 MB, so a flood of connections costs
// at most about 40 MB, where unbounded it grew without end. Not a limit on
// calls: those are --max-in-flight, --max-queue and the per-client limits.
const DefaultMaxConns = 1024

// connLimit is a listener that keeps at most max connections open. A
// connection beyond it is accepted and refused at once, not left in the
// kernel's accept queue (netutil.LimitListener's way): there the client's
// connect succeeds and its request then hangs until its own timeout, with
// nothing to say why. The refusal is what the protocol understands:
//
//   - HTTP (plain): a 503 response with Retry-After and a JSON
//     google.rpc.Status body, reason TOO_MANY_CONNECTIONS, then close;
//   - gRPC (plain): its first call ends with UNAVAILABLE and the reason in
//     grpc-message, then a GOAWAY and close (see refuseGRPC);
//   - under TLS the listener sits below the handshake: the connection is
//     closed at once (the client sees a failed handshake, not a hang).
//
// At most refusers refusals write at once (each waits up to refuseLinger
// for the client to read its answer); beyond that a connection is closed
// without one, so a flood of connections costs no more than the limit.
// Calls in progress are never touched: only a connection with none (an
// idle HTTP keep-alive connection, a gRPC connection between calls), the
// longest idle, is closed to make room before a new one is refused (see
// idle).
type connLimit struct {
	net.Listener
	max     int
	refuse  func(net.Conn, time.Time) // writes the refusal; nil: close only
	log     *slog.Logger
	name    string // "gRPC" or "HTTP", for the log
	open    atomic.Int64
	writing atomic.Int64 // refusals in progress
	refused atomic.Int64 // since start
	logged  atomic.Int64 // when the last refusal was logged (unix ns)
	// idle, when set, are the connections with no call in progress: at the
	// limit the longest idle one is closed to make room before a new
	// connection is refused (as nginx reuses keep-alive connections when it
	// runs out): otherwise clients that keep their connections open between
	// calls (HTTP keep-alive for up to 2 min, gRPC for up to
	// --stream-idle-timeout) held every place and refused new callers.
	idle idleSet
}

// idleSet is a set of connections with no call in progress.
type idleSet interface {
	// evict closes the connection idle the longest; false: none is idle.
	evict() bool
}

// grpcIdle tracks the calls in progress on each connection of the gRPC
// listener, as a stats.Handler of the gRPC server (by the connection's
// remote address, which is its peer address in gRPC).
type grpcIdle struct {
	mu    sync.Mutex
	conns map[string]*grpcConn
}

type grpcConn struct {
	c      net.Conn
	active int       // calls in progress
	since  time.Time // when the last call ended, or the connection opened
}

func newGRPCIdle() *grpcIdle { return &grpcIdle{conns: map[string]*grpcConn{}} }

func (g *grpcIdle) add(c net.Conn) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.conns[c.RemoteAddr().String()] = &grpcConn{c: c, since: time.Now()}
}

func (g *grpcIdle) remove(c net.Conn) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if gc := g.conns[c.RemoteAddr().String()]; gc != nil && gc.c == c {
		delete(g.conns, c.RemoteAddr().String())
	}
}

// evict closes the gRPC connection with no call in progress that has been
// idle the longest. It is closed without a GOAWAY (grpc-go has no way to
// send one on a single connection): the client reconnects on its next
// call, and grpc-go retries a call that had not left it.
func (g *grpcIdle) evict() bool {
	g.mu.Lock()
	var oldest *grpcConn
	for _, gc := range g.conns {
		if gc.active == 0 && (oldest == nil || gc.since.Before(oldest.since)) {
			oldest = gc
		}
	}
	g.mu.Unlock()
	if oldest == nil {
		return false
	}
	oldest.c.Close() // removes it
	return true
}

type grpcConnKey struct{}

// TagConn, HandleConn, TagRPC and HandleRPC make grpcIdle a stats.Handler.
func (g *grpcIdle) TagConn(ctx context.Context, info *stats.ConnTagInfo) context.Context {
	if info.RemoteAddr == nil {
		return ctx
	}
	return context.WithValue(ctx, grpcConnKey{}, info.RemoteAddr.String())
}

func (g *grpcIdle) HandleConn(context.Context, stats.ConnStats) {}

func (g *grpcIdle) TagRPC(ctx context.Context, _ *stats.RPCTagInfo) context.Context { return ctx }

func (g *grpcIdle) HandleRPC(ctx context.Context, st stats.RPCStats) {
	var d int
	switch st.(type) {
	case *stats.Begin:
		d = 1
	case *stats.End:
		d = -1
	default:
		return
	}
	addr, _ := ctx.Value(grpcConnKey{}).(string)
	g.mu.Lock()
	defer g.mu.Unlock()
	if gc := g.conns[addr]; gc != nil {
		gc.active += d
		if gc.active == 0 {
			gc.since = time.Now()
		}
	}
}

// idleConns tracks the HTTP server's idle keep-alive connections
// (http.Server.ConnState).
type idleConns struct {
	mu    sync.Mutex
	since map[net.Conn]time.Time
}

func newIdleConns() *idleConns { return &idleConns{since: map[net.Conn]time.Time{}} }

// track is the http.Server's ConnState hook.
func (ic *idleConns) track(c net.Conn, st http.ConnState) {
	ic.mu.Lock()
	defer ic.mu.Unlock()
	if st == http.StateIdle {
		ic.since[c] = time.Now()
	} else {
		delete(ic.since, c)
	}
}

// count returns the number of idle connections.
func (ic *idleConns) count() int {
	ic.mu.Lock()
	defer ic.mu.Unlock()
	return len(ic.since)
}

// evict closes the connection idle the longest; false: none is idle. A
// connection whose next request is arriving (see arriving) is passed over:
// the server marks it active only once the request's head is read, and
// closed then the request was lost (a POST is not retried by clients).
func (ic *idleConns) evict() bool {
	ic.mu.Lock()
	var oldest net.Conn
	var at time.Time
	now := time.Now()
	for c, t := range ic.since {
		if arriving(c, t, now) {
			continue
		}
		if oldest == nil || t.Before(at) {
			oldest, at = c, t
		}
	}
	delete(ic.since, oldest)
	ic.mu.Unlock()
	if oldest == nil {
		return false
	}
	// The connection beneath TLS: tls.Conn.Close would first write a
	// close_notify alert, waiting up to 5 s for room in the send buffer of
	// a client that reads nothing, and this runs in Accept. The server's
	// goroutine of the connection sees it closed and ends.
	if lc := limitedOf(oldest); lc != nil {
		lc.Close()
	} else {
		oldest.Close()
	}
	return true
}

const (
	refusers     = 64
	refuseLinger = time.Second
	// refuseLogEvery spaces the log lines about refused connections.
	refuseLogEvery = 10 * time.Second
)

// limitConns wraps l to hold at most max connections open (max > 0).
func limitConns(l net.Listener, max int, name string, refuse func(net.Conn, time.Time), log *slog.Logger) *connLimit {
	return &connLimit{Listener: l, max: max, refuse: refuse, log: log, name: name}
}

// Accept returns the next connection within the limit; those beyond it are
// refused here and never reach the server.
func (l *connLimit) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if l.open.Add(1) <= int64(l.max) {
			return l.opened(c), nil
		}
		l.open.Add(-1)
		if l.idle != nil && l.idle.evict() {
			// an idle connection made room (its Close counted)
			l.open.Add(1)
			return l.opened(c), nil
		}
		l.refuseConn(c)
	}
}

// opened wraps a connection within the limit, and tells the gRPC idle set.
func (l *connLimit) opened(c net.Conn) *limitedConn {
	lc := &limitedConn{Conn: c, l: l}
	if g, ok := l.idle.(*grpcIdle); ok {
		g.add(lc)
	}
	return lc
}

func (l *connLimit) refuseConn(c net.Conn) {
	n := l.refused.Add(1)
	if now := time.Now().UnixNano(); now-l.logged.Load() >= int64(refuseLogEvery) {
		l.logged.Store(now)
		l.log.Warn("connection refused: too many connections (--max-conns)", "listener", l.name, "max_conns", l.max,
			"remote", c.RemoteAddr().String(), "refused_total", n)
	}
	if l.refuse == nil || l.writing.Add(1) > refusers {
		if l.refuse != nil {
			l.writing.Add(-1)
		}
		c.Close()
		return
	}
	go func() {
		defer l.writing.Add(-1)
		defer c.Close()
		end := time.Now().Add(refuseLinger)
		c.SetDeadline(end)
		l.refuse(c, end)
	}()
}

type limitedConn struct {
	net.Conn
	l        *connLimit
	once     sync.Once
	lastRead atomic.Int64 // when a Read last returned data (unix ns)
}

func (c *limitedConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if n > 0 {
		c.lastRead.Store(time.Now().UnixNano())
	}
	return n, err
}

// arrivingWindow is how long after the last bytes read a connection idle
// since before them is taken to have a call arriving (see arriving).
const arrivingWindow = time.Second

// arriving reports whether c, an HTTP connection idle since since, has
// read data since then, within arrivingWindow of now: its next request is
// arriving (the server marks it active only once the whole head is read),
// and closing it would lose the request. Older reads (HTTP/2 pings, window
// updates) do not keep a connection. c is a *limitedConn or a connection
// over one (a *tls.Conn).
//
// Not used for gRPC: there a call is counted (stats.Begin) within a frame
// of its arrival, and grpc-go clients ping after each answer (BDP), so
// every connection just past a call would look like one with a call
// arriving and keep its place for the window.
func arriving(c net.Conn, since, now time.Time) bool {
	lc := limitedOf(c)
	if lc == nil {
		return false
	}
	last := lc.lastRead.Load()
	return last > since.UnixNano() && now.UnixNano()-last < int64(arrivingWindow)
}

// limitedOf returns c's *limitedConn: c itself or the one beneath it (a
// *tls.Conn's NetConn); nil: none.
func limitedOf(c net.Conn) *limitedConn {
	for {
		if lc, ok := c.(*limitedConn); ok {
			return lc
		}
		nc, ok := c.(interface{ NetConn() net.Conn })
		if !ok {
			return nil
		}
		c = nc.NetConn()
	}
}

// NetConn returns the connection beneath (a *net.TCPConn), as
// tls.Conn.NetConn does.
func (c *limitedConn) NetConn() net.Conn { return c.Conn }

func (c *limitedConn) Close() error {
	c.once.Do(func() {
		c.l.open.Add(-1)
		if g, ok := c.l.idle.(*grpcIdle); ok {
			g.remove(c)
		}
	})
	return c.Conn.Close()
}

// tooManyConnsMsg is the message of a refused connection.
const tooManyConnsMsg = "the server has too many connections open; retry later, or reuse a connection"

// refuseHTTP answers a refused HTTP/1.1 connection with 503 and closes it.
// The request is read first (as far as it comes within the linger time):
// closing a socket with unread data resets the connection, and the client
// may then lose the answer. An HTTP/2 client (prior knowledge) gets no
// answer it understands, only the close.
func refuseHTTP(c net.Conn, end time.Time) {
	body := `{"code":14,"message":"` + tooManyConnsMsg + `","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"TOO_MANY_CONNECTIONS","domain":"lector"}]}`
	resp := "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\nConnection: close\r\n" +
		"Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
	readHead(c, end)
	c.Write([]byte(resp))
	lingerClose(c, end)
}

// refuseGRPC answers a refused HTTP/2 (gRPC) connection as a server does:
// its SETTINGS, then, to the first call, a trailers-only response with
// grpc-status UNAVAILABLE and the reason in grpc-message, then a GOAWAY.
// grpc-go fails the call at once with that message (a bare GOAWAY or close
// said only "the connection is draining" or "connection closed before
// server preface received") and reconnects for the next call.
func refuseGRPC(c net.Conn, end time.Time) {
	preface := make([]byte, len(http2.ClientPreface))
	if _, err := io.ReadFull(c, preface); err != nil || string(preface) != http2.ClientPreface {
		return
	}
	fr := http2.NewFramer(c, c)
	// The framer allocates a frame's payload from its header before reading
	// it, up to 16 MB by default: a client past the limit could make each
	// refusal hold that much. Our SETTINGS announce no larger frame size
	// than the protocol's initial one, so a larger frame is the client's
	// error (ReadFrame fails and the refusal ends).
	fr.SetMaxReadFrameSize(http2InitialMaxFrameSize)
	if fr.WriteSettings() != nil {
		return
	}
	var stream uint32
	for stream == 0 {
		f, err := fr.ReadFrame()
		if err != nil {
			return
		}
		switch f := f.(type) {
		case *http2.SettingsFrame:
			if !f.IsAck() && fr.WriteSettingsAck() != nil {
				return
			}
		case *http2.HeadersFrame:
			stream = f.StreamID
		}
	}
	var hb bytes.Buffer
	enc := hpack.NewEncoder(&hb)
	for _, h := range [][2]string{
		{":status", "200"}, {"content-type", "application/grpc"},
		{"grpc-status", "14"}, {"grpc-message", tooManyConnsMsg}, // the message needs no percent-encoding
	} {
		enc.WriteField(hpack.HeaderField{Name: h[0], Value: h[1]})
	}
	if fr.WriteHeaders(http2.HeadersFrameParam{StreamID: stream, BlockFragment: hb.Bytes(), EndStream: true, EndHeaders: true}) != nil {
		return
	}
	fr.WriteGoAway(stream, http2.ErrCodeNo, []byte("too many connections"))
	lingerClose(c, end)
}

// http2InitialMaxFrameSize is SETTINGS_MAX_FRAME_SIZE before the settings
// change it (RFC 9113, 6.5.2).
const http2InitialMaxFrameSize = 1 << 14

// readHead reads what the client sent until the end of its request head
// (a blank line) or a pause, so that the answer is not lost to a reset.
func readHead(c net.Conn, end time.Time) {
	buf := make([]byte, 4096)
	var seen []byte
	for len(seen) < 64<<10 {
		d := time.Now().Add(200 * time.Millisecond)
		if d.After(end) {
			d = end
		}
		c.SetReadDeadline(d)
		n, err := c.Read(buf)
		seen = append(seen, buf[:n]...)
		if err != nil || containsBlankLine(seen) {
			return
		}
	}
}

func containsBlankLine(b []byte) bool {
	for i := 0; i+3 < len(b); i++ {
		if b[i] == '\r' && b[i+1] == '\n' && b[i+2] == '\r' && b[i+3] == '\n' {
			return true
		}
	}
	return false
}

// lingerClose half-closes c and reads until the client closes or the
// deadline, so that the client reads the answer before the connection goes.
func lingerClose(c net.Conn, end time.Time) {
	c.SetReadDeadline(end)
	if tc, ok := c.(interface{ CloseWrite() error }); ok {
		tc.CloseWrite()
	}
	buf := make([]byte, 4096)
	for {
		if _, err := c.Read(buf); err != nil {
			return
		}
	}
}
