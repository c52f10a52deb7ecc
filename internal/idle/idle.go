// Package idle ends client-streaming gRPC calls whose caller has gone
// quiet: a stream with no request in flight and no message either way for
// the idle timeout ends with DEADLINE_EXCEEDED and the reason
// STREAM_IDLE_TIMEOUT. Without it a bidirectional stream that never
// half-closes holds its goroutines and buffers for ever; keepalive pings
// detect a dead peer, not a live one that stopped talking. Timeouts bounds
// the waits on a caller below the handler: for the request message of a
// unary or server-streaming call, and for a stream's caller to read.
package idle

import (
	"context"
	"sync"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Reason is the ErrorInfo reason of a stream ended for idleness.
const Reason = "STREAM_IDLE_TIMEOUT"

// StreamServerInterceptor ends client-streaming calls (bidirectional ones
// included) that are idle for d: every received request has been answered
// by at least as many sent responses and nothing was sent or received for
// d. Server-streaming calls have a deadline instead. d <= 0 disables it.
// domain is the ErrorInfo domain.
func StreamServerInterceptor(d time.Duration, domain string) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		if d <= 0 || !info.IsClientStream {
			return handler(srv, ss)
		}
		w := &stream{ServerStream: ss, last: time.Now()}
		done := make(chan error, 1)
		go func() { done <- handler(srv, w) }()
		t := time.NewTimer(d)
		defer t.Stop()
		for {
			select {
			case err := <-done:
				return err
			case <-ss.Context().Done():
				// the caller went away; the handler sees the same context
				return <-done
			case <-t.C:
				if wait := w.idleFor(d); wait > 0 {
					t.Reset(wait)
					continue
				}
				// Returning ends the call: gRPC writes the status and
				// cancels the stream's context, which unblocks the
				// handler's Recv; w refuses its later sends.
				st := status.New(codes.DeadlineExceeded, "the stream was idle for "+d.String()+" with no request in flight; send requests or close the stream")
				if det, err := st.WithDetails(&errdetails.ErrorInfo{Reason: Reason, Domain: domain}); err == nil {
					st = det
				}
				return st.Err()
			}
		}
	}
}

// stream records the activity of a server stream.
type stream struct {
	grpc.ServerStream
	mu      sync.Mutex
	last    time.Time
	recv    int64
	sent    int64
	sending int // sends in progress
	closed  bool
}

// idleFor returns 0 and closes the stream to further sends when it has
// been idle for d, or how long to wait before asking again.
func (s *stream) idleFor(d time.Duration) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.recv > s.sent || s.sending > 0 {
		return d // work or a send in flight: not idle
	}
	if wait := d - time.Since(s.last); wait > 0 {
		return wait
	}
	s.closed = true
	return 0
}

// SendMsg sends unless the stream was closed for idleness. The lock is not
// held while sending (a send may wait on a slow reader); a send in
// progress keeps the stream from being closed.
func (s *stream) SendMsg(m any) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return status.Error(codes.DeadlineExceeded, "stream closed for idleness")
	}
	s.sending++
	s.mu.Unlock()
	err := s.ServerStream.SendMsg(m)
	s.mu.Lock()
	s.sending--
	s.sent++
	s.last = time.Now()
	s.mu.Unlock()
	return err
}

func (s *stream) RecvMsg(m any) error {
	err := s.ServerStream.RecvMsg(m)
	s.mu.Lock()
	if err == nil {
		s.recv++
	}
	s.last = time.Now()
	s.mu.Unlock()
	return err
}

// Context is the stream's context.
func (s *stream) Context() context.Context { return s.ServerStream.Context() }
