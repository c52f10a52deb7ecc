package main

import (
	"net"
	"sync"
	"time"
)

// openConns wraps a server's listener and keeps the connections it
// accepted that the server has not closed yet, so that a test's cleanup
// can let the server close those its caller closed before it stops the
// server. A connection the caller closes just as the shutdown begins is
// reset when the shutdown writes to it (an HTTP/2 GOAWAY), and a reset
// socket's send queue never reads empty: the server's lingerConn then held
// the shutdown for its whole timeout (5 s in most tests, 15 s by default),
// which made about half the time of this package's tests.
type openConns struct {
	net.Listener
	mu    sync.Mutex
	conns map[*trackedConn]bool
}

func trackConns(l net.Listener) *openConns {
	return &openConns{Listener: l, conns: map[*trackedConn]bool{}}
}

func (l *openConns) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return c, err
	}
	tc := &trackedConn{Conn: c, l: l}
	l.mu.Lock()
	l.conns[tc] = true
	l.mu.Unlock()
	return tc, nil
}

// settle waits up to d for the server to close the connections whose
// callers are done with them, and reports whether it did: with all, every
// connection (the gRPC ones: the test has closed its clients, which close
// their sockets a moment later); else each connection its caller has closed
// or reset (HTTP: the callers keep their idle keep-alive connections, and
// Go's client closes the others a moment after the body is closed).
func (l *openConns) settle(d time.Duration, all bool) bool {
	time.Sleep(10 * time.Millisecond)
	for end := time.Now().Add(d); ; time.Sleep(time.Millisecond) {
		n := 0
		l.mu.Lock()
		for c := range l.conns {
			if all || peerClosed(c.Conn) {
				n++
			}
		}
		l.mu.Unlock()
		if n == 0 {
			return true
		}
		if time.Now().After(end) {
			return false
		}
	}
}

type trackedConn struct {
	net.Conn
	l    *openConns
	once sync.Once
}

func (c *trackedConn) Close() error {
	c.once.Do(func() {
		c.l.mu.Lock()
		delete(c.l.conns, c)
		c.l.mu.Unlock()
	})
	return c.Conn.Close()
}

// NetConn returns the connection beneath (see service.Backlog).
func (c *trackedConn) NetConn() net.Conn { return c.Conn }

// settleConns is the cleanup step of the test servers, once the test's
// own connections are closed: the server closes its ends of them before
// its shutdown begins (see openConns). Waiting longer costs time, never a
// failure: a connection left then holds the shutdown as before.
func settleConns(tb interface{ Logf(string, ...any) }, grpcConns, httpConns *openConns) {
	if !grpcConns.settle(time.Second, true) {
		tb.Logf("a gRPC connection still open 1 s after the test closed its clients")
	}
	if !httpConns.settle(time.Second, false) {
		tb.Logf("an HTTP connection its caller closed still open after 1 s")
	}
}
