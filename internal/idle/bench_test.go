package idle

import (
	"context"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/tap"
)

// BenchmarkUnaryTimeouts is what the read timeout adds to a unary call: the
// tap's context and timer, the interceptor that stops it, the stream's end
// (the transport cancels the stream context). Compare -benchmem with
// Timeouts{} (off).
//
//	go test ./internal/idle -run XXX -bench Timeouts -benchmem
func BenchmarkUnaryTimeouts(b *testing.B) {
	for _, tc := range []struct {
		name string
		t    Timeouts
	}{{"off", Timeouts{}}, {"read+write", Timeouts{Read: time.Minute, Write: 30 * time.Second}}} {
		b.Run(tc.name, func(b *testing.B) {
			info := &tap.Info{FullMethodName: "/x.Y/Z"}
			unary := tc.t.UnaryServerInterceptor()
			handler := func(ctx context.Context, req any) (any, error) { return req, nil }
			b.ReportAllocs()
			for b.Loop() {
				stream, end := context.WithCancel(context.Background()) // as the transport's
				ctx, _ := tc.t.TapHandle(stream, info)
				_, _ = unary(ctx, nil, &grpc.UnaryServerInfo{}, handler)
				end()
			}
		})
	}
}

// BenchmarkStreamSendTimeout is what the write timeout adds to each message
// a stream sends.
func BenchmarkStreamSendTimeout(b *testing.B) {
	tt := Timeouts{Write: 30 * time.Second}
	ctx, _ := tt.TapHandle(context.Background(), &tap.Info{FullMethodName: "/x.Y/Z"})
	s := &callStream{ServerStream: nopStream{ctx: ctx}, t: tt, c: callOf(ctx), read: true}
	b.ReportAllocs()
	for b.Loop() {
		_ = s.SendMsg(nil)
	}
}

type nopStream struct {
	grpc.ServerStream // nil: only Context, SendMsg and RecvMsg are called
	ctx               context.Context
}

func (s nopStream) Context() context.Context { return s.ctx }
func (nopStream) SendMsg(any) error          { return nil }
func (nopStream) RecvMsg(any) error          { return nil }
