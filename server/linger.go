package main

import (
	"net"
	"sync"
	"time"

	"github.com/lector-nlp/lector/internal/service"
)

// lingerListener hands out connections that, once the shutdown has begun,
// are closed only when what was written to them has reached the caller
// (see lingerConn): the answers the server has written in full but the
// caller has not taken yet are not lost at the close, nor at the exit.
type lingerListener struct {
	net.Listener
	l *lingering
}

func (l lingerListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return c, err
	}
	return &lingerConn{Conn: c, l: l.l}, nil
}

// lingering is the connections of the lingerListeners of one server being
// closed, and the shutdown they wait for.
type lingering struct {
	clock *service.ShutdownClock
	wg    sync.WaitGroup
}

// listen wraps l.
func (g *lingering) listen(l net.Listener) net.Listener { return lingerListener{Listener: l, l: g} }

// wait returns once every connection closed since the shutdown began is
// closed: at most until the connections close (the shutdown timeout).
func (g *lingering) wait() { g.wg.Wait() }

// A lingerConn is a connection whose Close, once the shutdown has begun,
// returns at once and closes the socket when its send queue is empty (the
// caller has acknowledged every byte), or when the connections close,
// the shutdown timeout after the signal, whichever comes first; before
// the shutdown, and where the send queue is not known (see
// service.Backlog), Close closes at once.
//
// A socket closed with bytes still queued sends them on, but a closed
// socket that receives data answers with a reset and drops its queue:
// gRPC's graceful stop closed a connection a second after the last frame
// of an answer was queued, while a caller that reads at 1 MB/s, with a
// 4 MB flow-control window, still had most of a 2 MB answer to take, and
// its next window update reset the connection (the caller: UNAVAILABLE,
// unexpected EOF, the answer lost). The same holds for an HTTP/2 caller,
// and for any caller once the process has exited in a container (its
// network namespace goes with it).
//
// The reads of the server (gRPC's reader) go on until the socket is
// closed, so the caller's frames meanwhile do not pile up unread.
type lingerConn struct {
	net.Conn
	l    *lingering
	once sync.Once
}

// NetConn returns the connection beneath (see service.Backlog).
func (c *lingerConn) NetConn() net.Conn { return c.Conn }

// lingerPoll is how often a closing connection checks its send queue.
const lingerPoll = 10 * time.Millisecond

func (c *lingerConn) Close() error {
	end, shutting := c.l.clock.End()
	if !shutting || !time.Now().Before(end) {
		return c.Conn.Close()
	}
	if q, ok := service.Backlog(c.Conn); !ok || q == 0 {
		return c.Conn.Close()
	}
	c.once.Do(func() {
		c.l.wg.Go(func() {
			for time.Now().Before(end) {
				if q, ok := service.Backlog(c.Conn); !ok || q == 0 {
					break
				}
				time.Sleep(min(lingerPoll, time.Until(end)))
			}
			c.Conn.Close()
		})
	})
	return nil
}
