package idle

import (
	"context"
	"errors"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// fakeStream is a server stream whose messages the test feeds: RecvMsg
// takes from in (an error ends the stream), SendMsg waits for a token on
// sendOK when it is not nil (a caller that reads slowly).
type fakeStream struct {
	grpc.ServerStream
	ctx    context.Context
	in     chan error
	sendOK chan struct{}
}

func (f *fakeStream) Context() context.Context { return f.ctx }

func (f *fakeStream) RecvMsg(m any) error {
	select {
	case err := <-f.in:
		return err
	case <-f.ctx.Done():
		return f.ctx.Err()
	}
}

func (f *fakeStream) SendMsg(m any) error {
	if f.sendOK != nil {
		select {
		case <-f.sendOK:
		case <-f.ctx.Done():
			return f.ctx.Err()
		}
	}
	return nil
}

// echo answers each request after delay, until the stream ends.
func echo(delay time.Duration) grpc.StreamHandler {
	return func(srv any, ss grpc.ServerStream) error {
		for {
			if err := ss.RecvMsg(nil); err != nil {
				return nil
			}
			time.Sleep(delay)
			if err := ss.SendMsg(nil); err != nil {
				return err
			}
		}
	}
}

func isIdleError(err error) bool {
	st := status.Convert(err)
	if st.Code() != codes.DeadlineExceeded {
		return false
	}
	for _, d := range st.Details() {
		if ei, ok := d.(*errdetails.ErrorInfo); ok && ei.Reason == Reason && ei.Domain == "test" {
			return true
		}
	}
	return false
}

// TestStreamServerInterceptor: a client stream is ended with
// DEADLINE_EXCEEDED / STREAM_IDLE_TIMEOUT only when nothing is in flight
// and nothing moved for the timeout.
func TestStreamServerInterceptor(t *testing.T) {
	const d = 60 * time.Millisecond
	tests := []struct {
		name     string
		timeout  time.Duration
		client   bool
		handler  grpc.StreamHandler
		drive    func(f *fakeStream) // what the caller does; runs while the call is open
		slow     bool                // sends wait for the test
		wantIdle bool
		minTime  time.Duration // the call must last at least this long
	}{
		{name: "silent stream ends", timeout: d, client: true, handler: echo(0), wantIdle: true, minTime: d},
		{name: "active stream lives", timeout: d, client: true, handler: echo(0), minTime: 5 * d,
			drive: func(f *fakeStream) {
				for range 10 {
					f.in <- nil
					time.Sleep(d / 2)
				}
				f.in <- errors.New("EOF")
			}},
		{name: "request in flight is not idle", timeout: d, client: true, handler: echo(4 * d), minTime: 4 * d,
			drive: func(f *fakeStream) { f.in <- nil }, wantIdle: true}, // answered after 4d, then idle
		{name: "send blocked on a slow reader is not idle", timeout: d, client: true, handler: echo(0), slow: true, minTime: 4 * d,
			drive: func(f *fakeStream) {
				f.in <- nil
				time.Sleep(4 * d)
				f.sendOK <- struct{}{}
			}, wantIdle: true},
		{name: "disabled", timeout: 0, client: true, handler: echo(0), minTime: 3 * d,
			drive: func(f *fakeStream) { time.Sleep(3 * d); f.in <- errors.New("EOF") }},
		{name: "server stream untouched", timeout: d, client: false, handler: echo(0), minTime: 3 * d,
			drive: func(f *fakeStream) { time.Sleep(3 * d); f.in <- errors.New("EOF") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			f := &fakeStream{ctx: ctx, in: make(chan error)}
			if tt.slow {
				f.sendOK = make(chan struct{})
			}
			ic := StreamServerInterceptor(tt.timeout, "test")
			start := time.Now()
			if tt.drive != nil {
				go tt.drive(f)
			}
			err := ic(nil, f, &grpc.StreamServerInfo{FullMethod: "/x.v1.S/M", IsClientStream: tt.client, IsServerStream: true}, tt.handler)
			took := time.Since(start)
			if isIdleError(err) != tt.wantIdle {
				t.Errorf("ended with %v after %v; want the idle error: %v", err, took, tt.wantIdle)
			}
			if took < tt.minTime {
				t.Errorf("ended after %v, before %v", took, tt.minTime)
			}
			if ctx.Err() != nil {
				t.Error("the call ran until the test's deadline")
			}
		})
	}
}

// TestSendAfterIdle: once a stream is closed for idleness, its sends fail.
func TestSendAfterIdle(t *testing.T) {
	s := &stream{ServerStream: &fakeStream{ctx: context.Background()}, last: time.Now().Add(-time.Hour)}
	if wait := s.idleFor(time.Minute); wait != 0 {
		t.Fatalf("an hour-old stream is not idle: wait %v", wait)
	}
	if err := s.SendMsg(nil); status.Code(err) != codes.DeadlineExceeded {
		t.Errorf("send after idle close: %v", err)
	}
}
