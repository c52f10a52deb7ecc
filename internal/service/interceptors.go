package service

import (
	"context"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// An Option configures ServerOptions.
type Option func(*options)

type options struct {
	clientOf func(context.Context) string
	relayed  func(context.Context) bool
}

// WithClient names the client of each call on its log line ("client"),
// as clientOf finds it (the per-client limits' view: ratelimit.Clients).
func WithClient(clientOf func(context.Context) string) Option {
	return func(o *options) { o.clientOf = clientOf }
}

// WithRelayed names the calls another layer already logs (the REST
// gateway's own calls, whose HTTP access line carries the same request
// id): their call line is logged at debug instead of info, so that a REST
// call makes one line at info. Warnings and errors keep their level.
func WithRelayed(relayed func(context.Context) bool) Option {
	return func(o *options) { o.relayed = relayed }
}

// ServerOptions returns the codec (Codec) and the interceptor chain of the
// gRPC server, outermost first: request ids, request logs, panic recovery and a default deadline
// for calls that set none (defaultTimeout; zero means none). Bidirectional
// streams get no default deadline.
func ServerOptions(log *slog.Logger, defaultTimeout time.Duration, opt ...Option) []grpc.ServerOption {
	var o options
	for _, f := range opt {
		f(&o)
	}
	logOpts := []logging.Option{
		logging.WithLogOnEvents(logging.FinishCall),
		logging.WithFieldsFromContext(func(ctx context.Context) logging.Fields {
			var f logging.Fields
			if id := RequestID(ctx); id != "" {
				f = append(f, "request_id", id)
			}
			if o.clientOf != nil {
				f = append(f, "client", o.clientOf(ctx))
			}
			return f
		}),
	}
	recoverOpt := recovery.WithRecoveryHandlerContext(func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in handler", "panic", p, "request_id", RequestID(ctx), "stack", string(debug.Stack()))
		st := status.New(codes.Internal, "internal error; the server logged the details under request id "+RequestID(ctx))
		if d, err := st.WithDetails(&errdetails.ErrorInfo{Reason: "INTERNAL", Domain: ErrorDomain}); err == nil {
			st = d
		}
		return st.Err()
	})
	return []grpc.ServerOption{
		grpc.ForceServerCodecV2(Codec()),
		grpc.ChainUnaryInterceptor(
			unaryRequestID,
			logging.UnaryServerInterceptor(interceptorLogger(log, o.relayed), logOpts...),
			recovery.UnaryServerInterceptor(recoverOpt),
			unaryDefaultDeadline(defaultTimeout),
		),
		grpc.ChainStreamInterceptor(
			streamRequestID,
			logging.StreamServerInterceptor(interceptorLogger(log, o.relayed), logOpts...),
			recovery.StreamServerInterceptor(recoverOpt),
			streamDefaultDeadline(defaultTimeout),
		),
	}
}

// interceptorLogger adapts slog to the middleware's logger; info lines of
// relayed calls go to debug.
func interceptorLogger(l *slog.Logger, relayed func(context.Context) bool) logging.Logger {
	return logging.LoggerFunc(func(ctx context.Context, lvl logging.Level, msg string, fields ...any) {
		if lvl == logging.LevelInfo && relayed != nil && relayed(ctx) {
			lvl = logging.LevelDebug
		}
		l.Log(ctx, slog.Level(lvl), msg, fields...)
	})
}

// requestID takes the caller's request id from the metadata (the gateway
// sets one) or makes one, and returns it to the caller in the header.
func requestID(ctx context.Context) (context.Context, string) {
	id := ""
	if md, ok := metadata.FromIncomingContext(ctx); ok {
		if v := md.Get(RequestIDHeader); len(v) > 0 && ValidRequestID(v[0]) {
			id = v[0]
		}
	}
	if id == "" {
		id = NewRequestID()
	}
	return WithRequestID(ctx, id), id
}

func unaryRequestID(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	ctx, id := requestID(ctx)
	_ = grpc.SetHeader(ctx, metadata.Pairs(RequestIDHeader, id))
	return handler(ctx, req)
}

func streamRequestID(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
	ctx, id := requestID(ss.Context())
	_ = ss.SetHeader(metadata.Pairs(RequestIDHeader, id))
	return handler(srv, &wrappedStream{ServerStream: ss, ctx: ctx})
}

func unaryDefaultDeadline(d time.Duration) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if _, ok := ctx.Deadline(); !ok && d > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, d)
			defer cancel()
		}
		return handler(ctx, req)
	}
}

func streamDefaultDeadline(d time.Duration) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		if _, ok := ss.Context().Deadline(); ok || d <= 0 || info.IsClientStream {
			return handler(srv, ss)
		}
		ctx, cancel := context.WithTimeout(ss.Context(), d)
		defer cancel()
		return handler(srv, &wrappedStream{ServerStream: ss, ctx: ctx})
	}
}

// wrappedStream replaces the context of a server stream.
type wrappedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrappedStream) Context() context.Context { return w.ctx }
