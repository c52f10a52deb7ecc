package service

import (
	"context"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/protoadapt"
)

// ShutdownClock is the server's shutdown as the answers being written see
// it: once it has begun, the time the server closes its connections (its
// shutdown timeout after the signal). A stream checks it before each
// message it writes (see Pacer). The zero clock and a nil one never begin.
type ShutdownClock struct {
	// Timeout is the server's shutdown timeout (--shutdown-timeout), for
	// the messages.
	Timeout time.Duration
	// ConnOf, when set, returns the connection of a gRPC call's context
	// (nil: not known), whose bytes and send queue pace its stream (see
	// Backlog).
	ConnOf func(context.Context) ConnWriter
	// StreamEnd, when positive, is the time before the connections close
	// at which a stream still going is ended with its status (see
	// AtStreamEnd).
	StreamEnd time.Duration
	end       atomic.Int64 // Unix nanoseconds; 0 until Begin
	once      sync.Once
	began     sync.Once
	begun     chan struct{} // closed by Begin
}

// Begin records that the shutdown has begun and that the connections
// close at end.
func (c *ShutdownClock) Begin(end time.Time) {
	c.end.Store(end.UnixNano())
	c.began.Do(func() { close(c.begunCh()) })
}

func (c *ShutdownClock) begunCh() chan struct{} {
	c.once.Do(func() { c.begun = make(chan struct{}) })
	return c.begun
}

// AtStreamEnd calls f, in a goroutine of its own, StreamEnd before the
// connections close, once the shutdown has begun, unless stop is called
// first (f may have begun when stop returns: f and the stream it ends
// share a lock). A nil clock, or one without StreamEnd, never calls f.
//
// A stream checks the time left before each message it writes (see
// Pacer), but what it does between messages (marshal one, seconds for
// megabytes of JSON under the race detector; wait for the next part of
// the analysis) is not timed: the close came while a stream marshalled,
// and cut its body at a line, with no status. At StreamEnd a stream that
// is not writing a message ends with UNAVAILABLE, SHUTTING_DOWN whatever
// it is doing.
func (c *ShutdownClock) AtStreamEnd(f func()) (stop func()) {
	if c == nil || c.StreamEnd <= 0 {
		return func() {}
	}
	quit := make(chan struct{})
	go func() {
		select {
		case <-quit:
			return
		case <-c.begunCh():
		}
		end, _ := c.End()
		t := time.NewTimer(time.Until(end.Add(-c.StreamEnd)))
		defer t.Stop()
		select {
		case <-quit:
		case <-t.C:
			f()
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(quit) }) }
}

// End returns the time the connections close, once the shutdown has begun.
func (c *ShutdownClock) End() (time.Time, bool) {
	if c == nil {
		return time.Time{}, false
	}
	ns := c.end.Load()
	if ns == 0 {
		return time.Time{}, false
	}
	return time.Unix(0, ns), true
}

// A Pacer keeps the pace at which one caller takes a streamed answer, so
// that at shutdown a stream sends no message it is not expected to get
// through before the connections close: a message cut in the middle
// leaves the caller a broken connection with no status (gRPC: a bare
// transport error; REST: a chunked body with no end, after whole NDJSON
// lines that parse), while a stream that stops between messages ends with
// UNAVAILABLE, SHUTTING_DOWN (see StreamCutStatus). Not safe for
// concurrent use: one writer per stream.
//
// With Taken (the bytes written to the connection less its send queue,
// known on Linux: see Backlog) the pace is the bytes the caller took over
// the time it set the pace (the queue was not empty, or a write waited),
// and a message must reach the caller, queue and all, before the close,
// but for what the socket keeps sending after it (Keeps: HTTP/1.x).
// Without it (the gateway's in-memory gRPC connection, other systems), the
// pace is measured between the ends of two
// writes that waited for the caller: at each the socket's buffers are
// full, so the bytes written in between are about the bytes the caller
// took. (The writes alone mislead: a write of megabytes that the buffers
// mostly took in at once put a caller reading 1 MB/s at 9 MB/s, and the
// buffers grow as the kernel tunes them.)
//
// Until the pace is known every message is sent (a message large enough
// to be still on its way at the close is then cut). The prediction is
// pacingSafety times the time at that pace of the message and of the
// status that would end the stream after it (pacingStatusBytes), plus
// pacingSlack: a message is sent only if it is expected to be through with
// room to spare, as a clear status serves a caller better than a message
// that may be cut (and a stream that lacks a message is to be sent again
// anyway).
type Pacer struct {
	// Taken, when set, returns the bytes the caller has taken (its
	// acknowledged bytes) and those written that it has not taken yet
	// (false: not known).
	Taken func() (taken int64, queued int, ok bool)
	// Keeps, when set, returns the bytes of the send queue that still
	// reach the caller after the connection is closed: an HTTP/1.x
	// connection's socket buffer, which the kernel sends on after the
	// close (the caller sends nothing more; a gRPC caller's flow-control
	// frames make the closed socket reset, and the queue is lost).
	Keeps   func() int
	clock   *ShutdownClock
	written int64 // bytes written
	Sent    int   // messages written
	// Results: the stream's messages are the results of the articles a
	// bidirectional stream sent (the status says to send again those whose
	// results did not come, not the call)
	Results bool

	// with Taken: the last sample, whether the caller set the pace since
	// (the queue was not empty, or a write waited), and the bytes taken
	// and the time over the intervals it did
	at         time.Time
	took       int64
	queued     int
	busy       bool
	takenBytes int64
	takenTime  time.Duration
	// without: the end of the first write that waited, and written then
	mark      time.Time
	markBytes int64

	rate float64 // bytes per second; 0: unknown
}

// Pacing constants (see Pacer).
const (
	pacingSafety      = 2
	pacingStatusBytes = 2 << 10               // the status that would end the stream after the message
	pacingSlack       = 20 * time.Millisecond // for the scheduler
	pacingBlocked     = 2 * time.Millisecond  // a write that took longer waited for the caller
	pacingWindow      = 20 * time.Millisecond // the least time the pace is measured over
)

// NewPacer returns a pacer for one stream (clock may be nil: never paced).
func NewPacer(clock *ShutdownClock) *Pacer { return &Pacer{clock: clock} }

// Wrote counts a write of n bytes that has just ended and took d.
func (p *Pacer) Wrote(n int, d time.Duration) {
	p.written += int64(n)
	if p.clock == nil {
		return
	}
	if p.Taken != nil {
		if tk, q, ok := p.Taken(); ok {
			p.sample(tk, q, d >= pacingBlocked)
			return
		}
	}
	if d < pacingBlocked {
		return
	}
	now := time.Now()
	if p.mark.IsZero() {
		p.mark, p.markBytes = now, p.written
		return
	}
	if el := now.Sub(p.mark); el >= pacingWindow {
		p.rate = float64(p.written-p.markBytes) / el.Seconds()
	}
}

// sample counts the bytes taken tk and the queue q now; waited: a write
// that has just ended waited for the caller.
func (p *Pacer) sample(tk int64, q int, waited bool) {
	now := time.Now()
	if p.at.IsZero() {
		p.at, p.took, p.queued, p.busy = now, tk, q, q > 0 || waited
		return
	}
	p.busy = p.busy || waited || p.queued > 0
	dt := now.Sub(p.at)
	if dt < pacingWindow {
		return // too short to measure: the next sample covers it
	}
	if p.busy { // the caller, not the stream, set the pace
		p.takenBytes += tk - p.took
		p.takenTime += dt
		if p.takenTime >= pacingWindow {
			p.rate = float64(p.takenBytes) / p.takenTime.Seconds()
		}
	}
	p.at, p.took, p.queued, p.busy = now, tk, q, q > 0
}

// Written returns the bytes written.
func (p *Pacer) Written() int64 { return p.written }

// Rate returns the caller's pace in bytes per second (0: unknown).
func (p *Pacer) Rate() float64 { return p.rate }

// Fits reports whether a message of n bytes, after pending bytes the
// stream has queued and not yet written, is expected to be through
// before the connections close (always, before the shutdown begins); left
// is the time until they close.
func (p *Pacer) Fits(n, pending int) (ok bool, left time.Duration) {
	end, shutting := p.clock.End()
	if !shutting {
		return true, 0
	}
	left = time.Until(end)
	keeps := 0
	if p.Taken != nil {
		if tk, q, ok := p.Taken(); ok {
			p.sample(tk, q, false)
			pending += q
			if p.Keeps != nil {
				keeps = p.Keeps()
			}
		}
	}
	if p.rate <= 0 {
		return left > 0, left
	}
	must := max(n+pending+pacingStatusBytes-keeps, 0) // the bytes that must reach the caller before the close
	need := time.Duration(pacingSafety * float64(must) / p.rate * float64(time.Second))
	return need+pacingSlack <= left, left
}

// StreamCutStatus is the status that ends a stream which sent no more
// messages at shutdown because the next one, of n bytes, was not expected
// to be through before the connections close, left from now, at the pace
// the caller took the stream (see Pacer): UNAVAILABLE, SHUTTING_DOWN, with
// the shutdown timeout, the messages sent, the time the call ran since
// start (when known) and stage "answer" (ErrorInfo metadata), a RetryInfo
// and the request id.
func StreamCutStatus(ctx context.Context, p *Pacer, n int, left time.Duration, start time.Time) *status.Status {
	timeout := p.clock.Timeout
	md := map[string]string{"timeout": timeout.String(), "stage": "answer", "sent": fmt.Sprint(p.Sent)}
	elapsed := ""
	if !start.IsZero() {
		md["elapsed"] = roundDuration(time.Since(start))
		elapsed = " after " + md["elapsed"]
	}
	why := fmt.Sprintf("with too little time left for the next one, %d bytes", n)
	switch r := p.Rate(); {
	case n <= 0: // see ShutdownClock.AtStreamEnd
		why = "as the next one was not ready to be sent in time"
	case r > 0:
		why = fmt.Sprintf("as at the pace the caller takes it, about %.0f kB/s, the next one, %d bytes, would not have been through by then", r/1000, n)
	}
	again := "the rest of its answer was not sent: send the call again"
	if p.Results {
		again = "the results not sent were dropped: send the articles whose results did not come again"
	}
	msg := fmt.Sprintf("the server is shutting down and closes its connections in %s (--shutdown-timeout, %s): this stream ended%s "+
		"with %d messages sent, %s; %s (to another server, or to this one once it has restarted)",
		roundDuration(max(left, 0)), timeout, elapsed, p.Sent, why, again)
	st := status.New(codes.Unavailable, msg)
	details := []protoadapt.MessageV1{&errdetails.ErrorInfo{Reason: "SHUTTING_DOWN", Domain: ErrorDomain, Metadata: md}, ShutdownRetryInfo()}
	if id := RequestID(ctx); id != "" {
		details = append(details, &errdetails.RequestInfo{RequestId: id})
	}
	if d, err := st.WithDetails(details...); err == nil {
		st = d
	}
	return st
}

// pacedStream is a server stream whose sends stop at shutdown before a
// message that is not expected to get through before the connections
// close (see Pacer): the send fails with StreamCutStatus, which the
// handler returns. grpc-go queues a message whole once the stream's write
// quota is not used up, and the next send waits until it is: so the
// message sent before may still be pending. The size of a message (a walk
// of it) is taken from the shutdown on; the pace is kept from the bytes
// of the connection (Pacer.Taken) all along, or else from the shutdown on.
type pacedStream struct {
	grpc.ServerStream
	p    *Pacer
	last int // bytes of the last message sent since the shutdown began

	// mu is held by a send, and by end; once ended (see
	// ShutdownClock.AtStreamEnd) the call has returned its status, and a
	// send fails with it without touching the stream
	mu    sync.Mutex
	ended error
}

// end ends the stream at the stream end of the shutdown: it waits for a
// message being sent (expected to be through in time: see Pacer), and
// returns the status the call ends with.
func (s *pacedStream) end() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	left := time.Duration(0)
	if end, ok := s.p.clock.End(); ok {
		left = time.Until(end)
	}
	start, _ := s.Context().Value(callStartKey{}).(time.Time)
	s.ended = StreamCutStatus(s.Context(), s.p, 0, left, start).Err()
	return s.ended
}

func (s *pacedStream) SendMsg(m any) error {
	pm, ok := m.(proto.Message)
	if _, shutting := s.p.clock.End(); !ok || !shutting {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.ended != nil {
			return s.ended
		}
		t := time.Now()
		err := s.ServerStream.SendMsg(m)
		if s.p.Taken != nil {
			s.p.Wrote(0, time.Since(t))
		}
		if err == nil {
			s.p.Sent++
		}
		return err
	}
	// the message is marshalled first, outside the lock (the stream end
	// does not wait for it), so that the time left is judged once it is
	// ready to go: a message judged to fit and then marshalled for a
	// second under the race detector was cut at the close
	n := proto.Size(pm)
	var msg any = m
	if prep := new(grpc.PreparedMsg); prep.Encode(s.ServerStream, m) == nil {
		msg = prep
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended != nil {
		return s.ended
	}
	if ok, left := s.p.Fits(n, s.last); !ok {
		start, _ := s.Context().Value(callStartKey{}).(time.Time)
		return StreamCutStatus(s.Context(), s.p, n, left, start).Err()
	}
	t := time.Now()
	err := s.ServerStream.SendMsg(msg)
	s.p.Wrote(n, time.Since(t))
	s.last = n
	if err == nil {
		s.p.Sent++
	}
	return err
}

// ConnWriter is a connection that counts the bytes written to it.
type ConnWriter interface {
	net.Conn
	Written() int64
}

// connTaken returns the Pacer.Taken of a connection that counts its bytes:
// its bytes written less its send queue.
func connTaken(c ConnWriter) func() (int64, int, bool) {
	return func() (int64, int, bool) {
		q, ok := Backlog(c)
		return c.Written() - int64(q), q, ok
	}
}
