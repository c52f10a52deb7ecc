// Package reqlog logs the request messages of gRPC calls, article text
// included, at debug level. Lector never logs article text otherwise; the
// server installs these interceptors only with --log-article-text, for
// debugging.
package reqlog

import (
	"context"
	"log/slog"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// maxLogged bounds the logged JSON of one message.
const maxLogged = 64 << 10

func logMsg(ctx context.Context, log *slog.Logger, method string, m any, requestID func(context.Context) string) {
	if !log.Enabled(ctx, slog.LevelDebug) {
		return
	}
	pm, ok := m.(proto.Message)
	if !ok {
		return
	}
	b, err := protojson.Marshal(pm)
	if err != nil {
		return
	}
	truncated := len(b) > maxLogged
	if truncated {
		b = b[:maxLogged]
	}
	log.DebugContext(ctx, "request message", "method", method, "request_id", requestID(ctx), "message", string(b), "truncated", truncated)
}

// UnaryServerInterceptor logs each unary request.
func UnaryServerInterceptor(log *slog.Logger, requestID func(context.Context) string) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		logMsg(ctx, log, info.FullMethod, req, requestID)
		return handler(ctx, req)
	}
}

// StreamServerInterceptor logs each message a stream receives.
func StreamServerInterceptor(log *slog.Logger, requestID func(context.Context) string) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		return handler(srv, &stream{ServerStream: ss, log: log, method: info.FullMethod, requestID: requestID})
	}
}

type stream struct {
	grpc.ServerStream
	log       *slog.Logger
	method    string
	requestID func(context.Context) string
}

func (s *stream) RecvMsg(m any) error {
	err := s.ServerStream.RecvMsg(m)
	if err == nil {
		logMsg(s.Context(), s.log, s.method, m, s.requestID)
	}
	return err
}
