package idle

import (
	"context"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc/peer"
)

// Listener counts the bytes each of its connections writes, so that the
// write timeout can tell a caller that reads slowly from one that stopped
// reading: grpc-go's SendMsg hands a message to the transport once the
// one before it is (nearly) on the wire, so a send waits as long as the
// previous message takes at the caller's pace, several seconds for a
// syntax message of a few MB over a slow link, while the caller reads
// all along. Serve the gRPC server on it and set Timeouts.Conns.
type Listener struct {
	net.Listener
	conns sync.Map // remote address -> *countConn
}

// NewListener wraps l.
func NewListener(l net.Listener) *Listener { return &Listener{Listener: l} }

// Accept returns the next connection, counted.
func (l *Listener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return c, err
	}
	cc := &countConn{Conn: c, l: l, key: c.RemoteAddr().String()}
	l.conns.Store(cc.key, cc)
	return cc, nil
}

// of returns the connection of a call's context (nil: not one of l's).
func (l *Listener) of(ctx context.Context) *countConn {
	if l == nil {
		return nil
	}
	p, ok := peer.FromContext(ctx)
	if !ok || p.Addr == nil {
		return nil
	}
	c, _ := l.conns.Load(p.Addr.String())
	cc, _ := c.(*countConn)
	return cc
}

// Conn returns the connection of a call's context (nil: not one of l's),
// which counts the bytes written to it (Written).
func (l *Listener) Conn(ctx context.Context) interface {
	net.Conn
	Written() int64
} {
	if c := l.of(ctx); c != nil {
		return c
	}
	return nil
}

type countConn struct {
	net.Conn
	l     *Listener
	key   string
	wrote atomic.Int64 // when it last wrote a byte (monotonic, since epoch)
	bytes atomic.Int64 // bytes written
	once  sync.Once
}

// epoch is the origin of countConn.wrote.
var epoch = time.Now()

func (c *countConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	if n > 0 {
		c.wrote.Store(int64(time.Since(epoch)))
		c.bytes.Add(int64(n))
	}
	return n, err
}

// lastWrite is when c last wrote a byte (zero time: never).
func (c *countConn) lastWrite() time.Time {
	return epoch.Add(time.Duration(c.wrote.Load()))
}

// Written returns the bytes written to c.
func (c *countConn) Written() int64 { return c.bytes.Load() }

// NetConn returns the connection c counts.
func (c *countConn) NetConn() net.Conn { return c.Conn }

func (c *countConn) Close() error {
	c.once.Do(func() { c.l.conns.CompareAndDelete(c.key, c) })
	return c.Conn.Close()
}
