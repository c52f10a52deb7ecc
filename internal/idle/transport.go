package idle

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/tap"
)

// Timeouts bounds how long a gRPC call waits on its caller in the
// transport, where a deadline that an interceptor sets does not reach:
// grpc-go reads a unary call's request message before any interceptor
// runs, and reads and writes every call's messages with the stream's own
// context, which only the caller's grpc-timeout bounds. Without them a
// caller with no deadline of its own held a call (a goroutine, and the
// partial message or the unsent answer) for as long as its connection
// lived; keepalive does not end it, as such a caller answers pings.
//
// Read bounds the time from a unary or server-streaming call's headers
// until its whole request message is in: a message sent a byte at a time,
// or half a message, fails the call. Client-streaming and bidirectional
// calls are not timed: they may wait between messages as long as they
// like, and StreamServerInterceptor's idle timeout ends those that wait
// too long (a stream whose next message is still arriving is idle).
//
// Write bounds the time one message of a stream waits in SendMsg for a
// caller that does not read (flow control); the call is then cut and its
// work cancelled. With Conns, the wait counts from the last byte its
// connection wrote: a caller that reads a large message slowly but
// steadily is not cut (SendMsg waits while the message before it goes out
// at the caller's pace). A unary answer is handed to the transport whole,
// so no goroutine waits for it.
//
// The timers end the context the transport reads and writes the stream
// with: the one the tap (TapHandle, installed with grpc.InTapHandle)
// returns, the only hook that runs before the request is read. The read
// then fails with DEADLINE_EXCEEDED, whose status grpc-go writes itself
// ("context deadline exceeded"); the server's log says why.
type Timeouts struct {
	Read, Write time.Duration // <= 0: none
	Log         *slog.Logger  // a line per call ended by a timeout; may be nil
	// Conns, when set, is the listener the calls come in on: a send then
	// waits Write from the last byte its connection wrote, not from its
	// start, so a caller that reads slowly but steadily is not cut.
	Conns *Listener
}

var (
	errReadTimeout  = errors.New("the request message did not arrive in time")
	errWriteTimeout = errors.New("the caller did not read a response message in time")
)

// callCtx is a stream's context in the transport: cancelable by the
// timeouts, its Err reports context.DeadlineExceeded when one ended it
// (the transport turns a context's error into the call's status and
// understands only DeadlineExceeded and Canceled). Its children see
// context.Canceled and the timeout as cause.
type callCtx struct {
	context.Context // a context.WithCancelCause of the stream's
	cancel          context.CancelCauseFunc
	read            *time.Timer // nil: not timed
	unhook          func() bool // removes the stream end's stop of read
	conn            *countConn  // nil: not counted
}

type callKey struct{}

func (c *callCtx) Err() error {
	err := c.Context.Err()
	if err != nil && timedOut(c.Context) {
		return context.DeadlineExceeded
	}
	return err
}

func (c *callCtx) Value(key any) any {
	if key == (callKey{}) {
		return c
	}
	return c.Context.Value(key)
}

// timedOut reports whether a timeout ended ctx.
func timedOut(ctx context.Context) bool {
	cause := context.Cause(ctx)
	return cause == errReadTimeout || cause == errWriteTimeout
}

func callOf(ctx context.Context) *callCtx {
	c, _ := ctx.Value(callKey{}).(*callCtx)
	return c
}

// TapHandle gives a new stream its context and starts its read timer
// (grpc.InTapHandle). It runs on the connection's reader, so it does no
// more than that.
func (t Timeouts) TapHandle(ctx context.Context, info *tap.Info) (context.Context, error) {
	if t.Read <= 0 && t.Write <= 0 {
		return ctx, nil
	}
	inner, cancel := context.WithCancelCause(ctx)
	c := &callCtx{Context: inner, cancel: cancel}
	if t.Write > 0 {
		c.conn = t.Conns.of(ctx)
	}
	if t.Read > 0 {
		method := info.FullMethodName
		c.read = time.AfterFunc(t.Read, func() { t.end(c, errReadTimeout, method, t.Read) })
		// the stream's end (the transport cancels its context) stops it
		// (received removes the hook: run at every stream's end, it cost
		// a goroutine per call; BenchmarkUnaryTimeouts 3.4-4.9 µs a call
		// with it, 1.5-2.1 µs without, 0.3 µs with the timeouts off)
		c.unhook = context.AfterFunc(inner, func() { c.read.Stop() })
	}
	return c, nil
}

// end cancels the call of c for the timeout cause (of d) and logs it.
func (t Timeouts) end(c *callCtx, cause error, method string, d time.Duration) {
	if c.Context.Err() != nil {
		return // already over
	}
	c.cancel(cause)
	if t.Log != nil {
		var from string
		if p, ok := peer.FromContext(c); ok && p.Addr != nil {
			from = p.Addr.String()
		}
		flag := "--grpc-read-timeout"
		if cause == errWriteTimeout {
			flag = "--write-timeout"
		}
		t.Log.Warn("gRPC call cut: "+cause.Error(), "method", method, "peer", from, flag, d.String())
	}
}

// received stops the read timer of the call of ctx: its message is in.
func received(ctx context.Context) {
	if c := callOf(ctx); c != nil && c.read != nil {
		c.read.Stop()
		c.unhook()
	}
}

// UnaryServerInterceptor stops the read timer: a unary call's interceptors
// run once its message is in.
func (t Timeouts) UnaryServerInterceptor() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		received(ctx)
		return handler(ctx, req)
	}
}

// StreamServerInterceptor stops the read timer of a server-streaming call
// once its request is in (or its read failed), and at once for
// client-streaming calls; it times each SendMsg. A read or send ended by a
// timeout returns DEADLINE_EXCEEDED with a message that says why, for the
// call's log line and metrics (grpc-go has already answered the caller).
func (t Timeouts) StreamServerInterceptor() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		c := callOf(ss.Context())
		if c == nil {
			return handler(srv, ss)
		}
		if info.IsClientStream {
			received(ss.Context())
		}
		defer received(ss.Context())
		return handler(srv, &callStream{ServerStream: ss, t: t, c: c, method: info.FullMethod, read: info.IsClientStream})
	}
}

// callStream stops the call's read timer after its first read and times
// its sends.
type callStream struct {
	grpc.ServerStream
	t      Timeouts
	c      *callCtx
	method string
	read   bool // the read timer is stopped
}

func (s *callStream) RecvMsg(m any) error {
	err := s.ServerStream.RecvMsg(m)
	if !s.read {
		s.read = true
		received(s.Context())
	}
	if err != nil && context.Cause(s.c.Context) == errReadTimeout {
		return status.Error(codes.DeadlineExceeded, "the request message did not arrive within "+s.t.Read.String()+" of the call's start (--grpc-read-timeout)")
	}
	return err
}

func (s *callStream) SendMsg(m any) error {
	if s.t.Write <= 0 {
		return s.ServerStream.SendMsg(m)
	}
	w := &sendTimer{s: s, start: time.Now()}
	w.mu.Lock()
	w.timer = time.AfterFunc(s.t.Write, w.fire)
	w.mu.Unlock()
	err := s.ServerStream.SendMsg(m)
	w.mu.Lock()
	w.done = true
	w.timer.Stop()
	w.mu.Unlock()
	if err != nil && context.Cause(s.c.Context) == errWriteTimeout {
		return status.Error(codes.DeadlineExceeded, "the caller did not read a response message for "+s.t.Write.String()+" (--write-timeout)")
	}
	return err
}

// sendTimer ends a call whose send has waited the write timeout since it
// began or since its connection last wrote a byte, whichever is later.
type sendTimer struct {
	s     *callStream
	start time.Time
	mu    sync.Mutex
	timer *time.Timer
	done  bool // the send is over
}

func (w *sendTimer) fire() {
	w.mu.Lock()
	if w.done {
		w.mu.Unlock()
		return
	}
	if c := w.s.c.conn; c != nil {
		last := c.lastWrite()
		if last.Before(w.start) {
			last = w.start
		}
		if left := w.s.t.Write - time.Since(last); left > 0 {
			// the caller is reading: wait on from its last byte
			w.timer.Reset(left)
			w.mu.Unlock()
			return
		}
	}
	w.mu.Unlock()
	w.s.t.end(w.s.c, errWriteTimeout, w.s.method, w.s.t.Write)
}
