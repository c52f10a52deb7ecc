package idle

import (
	"context"
	"errors"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/tap"
)

// TestReadTimeoutContext: the tap's context ends when the read timeout
// passes with no message in; it then reports DeadlineExceeded (what the
// transport turns into the call's status) and its children carry the
// cause. A unary call whose interceptors ran (its message is in) and a
// call whose stream ended keep their contexts.
func TestReadTimeoutContext(t *testing.T) {
	const d = 50 * time.Millisecond
	tt := Timeouts{Read: d}
	info := &tap.Info{FullMethodName: "/x.Y/Z"}

	ctx, err := tt.TapHandle(context.Background(), info)
	if err != nil {
		t.Fatal(err)
	}
	child, cancel := context.WithCancel(ctx)
	defer cancel()
	select {
	case <-child.Done():
	case <-time.After(2 * time.Second):
		t.Fatal("the read timeout did not end the call")
	}
	if !errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Errorf("the stream context's error %v, want DeadlineExceeded", ctx.Err())
	}
	if context.Cause(child) != errReadTimeout {
		t.Errorf("a child's cause %v", context.Cause(child))
	}

	// the message is in: the unary interceptor stops the timer
	ctx, _ = tt.TapHandle(context.Background(), info)
	_, err = tt.UnaryServerInterceptor()(ctx, nil, &grpc.UnaryServerInfo{}, func(ctx context.Context, _ any) (any, error) {
		time.Sleep(3 * d)
		return nil, ctx.Err()
	})
	if err != nil {
		t.Errorf("a unary call whose message came in time: %v", err)
	}

	// the stream ended (the transport cancels its context): no timer left
	parent, end := context.WithCancel(context.Background())
	ctx, _ = tt.TapHandle(parent, info)
	end()
	time.Sleep(2 * d)
	if context.Cause(ctx) != context.Canceled || !errors.Is(ctx.Err(), context.Canceled) {
		t.Errorf("an ended stream: err %v, cause %v", ctx.Err(), context.Cause(ctx))
	}

	// no timeouts: the stream's own context
	base := context.Background()
	if ctx, _ := (Timeouts{}).TapHandle(base, info); ctx != base {
		t.Error("Timeouts{} replaced the stream's context")
	}
}

// TestWriteTimeoutStream: a send that waits longer than the write timeout
// ends the call's context and fails with DEADLINE_EXCEEDED; quick sends
// and the first read of a server stream are untouched.
func TestWriteTimeoutStream(t *testing.T) {
	const d = 50 * time.Millisecond
	tt := Timeouts{Read: time.Minute, Write: d}
	ctx, _ := tt.TapHandle(context.Background(), &tap.Info{FullMethodName: "/x.Y/Z"})
	in := make(chan error, 1)
	in <- nil
	sendOK := make(chan struct{}, 1)
	sendOK <- struct{}{} // the first send goes at once, the second waits
	fs := &fakeStream{ctx: ctx, in: in, sendOK: sendOK}
	err := tt.StreamServerInterceptor()(nil, fs, &grpc.StreamServerInfo{IsServerStream: true}, func(_ any, ss grpc.ServerStream) error {
		if err := ss.RecvMsg(nil); err != nil {
			return err
		}
		if err := ss.SendMsg(nil); err != nil {
			t.Errorf("a quick send: %v", err)
		}
		return ss.SendMsg(nil)
	})
	if status.Code(err) != codes.DeadlineExceeded {
		t.Errorf("a send the caller does not take: %v, want DEADLINE_EXCEEDED", err)
	}
	if context.Cause(ctx) != errWriteTimeout {
		t.Errorf("cause %v", context.Cause(ctx))
	}
}
