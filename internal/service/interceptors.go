package service

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/lector-nlp/lector/internal/pipeline"
)

// An Option configures ServerOptions.
type Option func(*options)

type options struct {
	clientOf func(context.Context) string
	relayed  func(context.Context) bool
	cut      context.Context // see WithShutdownCut
	timeout  time.Duration
	clock    *ShutdownClock // see WithShutdownClock
}

// WithShutdownClock paces the server streams at shutdown (see Pacer): a
// stream sends no message that is not expected to get through before
// the connections close, and ends with UNAVAILABLE, SHUTTING_DOWN
// (StreamCutStatus) instead, where the close had cut a message in the
// middle and left the caller a transport error.
func WithShutdownClock(c *ShutdownClock) Option {
	return func(o *options) { o.clock = c }
}

// WithShutdownCut stops every call still running when cut is done: its
// analyses stop at once (within 50 ms; those waiting for a slot leave the
// queue) and it is answered UNAVAILABLE, reason SHUTTING_DOWN, with a
// message that names the server's shutdown timeout (timeout,
// --shutdown-timeout), how long the call ran and where its analysis was;
// a batch keeps the articles analysed, as at the server's own time limit.
// The server cuts its calls so, a little before its shutdown timeout runs
// out, instead of closing their connections, which callers saw as a reset
// with no status (REST: a connection closed with no answer).
func WithShutdownCut(cut context.Context, timeout time.Duration) Option {
	return func(o *options) { o.cut, o.timeout = cut, timeout }
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
			unaryDefaultDeadline(defaultTimeout, o.cut, o.timeout),
		),
		grpc.ChainStreamInterceptor(
			streamRequestID,
			logging.StreamServerInterceptor(interceptorLogger(log, o.relayed), logOpts...),
			recovery.StreamServerInterceptor(recoverOpt),
			streamDefaultDeadline(defaultTimeout, o.cut, o.timeout, o.clock),
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

func unaryDefaultDeadline(d time.Duration, cut context.Context, timeout time.Duration) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		ctx, cancel := callDeadline(ctx, d)
		defer cancel()
		ctx, stop := withCut(ctx, cut, timeout)
		defer stop()
		return handler(ctx, req)
	}
}

func streamDefaultDeadline(d time.Duration, cut context.Context, timeout time.Duration, clock *ShutdownClock) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		limit := d
		if info.IsClientStream {
			limit = 0 // bidirectional streams get no default deadline (the idle timeout bounds them)
		}
		ctx, cancel := callDeadline(ss.Context(), limit)
		defer cancel()
		ctx, stop := withCut(ctx, cut, timeout)
		defer stop()
		var stream grpc.ServerStream = &wrappedStream{ServerStream: ss, ctx: ctx}
		if clock != nil && info.IsServerStream {
			p := NewPacer(clock)
			p.Results = info.IsClientStream
			if clock.ConnOf != nil {
				if c := clock.ConnOf(ctx); c != nil {
					p.Taken = connTaken(c)
				}
			}
			ps := &pacedStream{ServerStream: stream, p: p}
			if clock.StreamEnd > 0 {
				return endAtStreamEnd(srv, ps, clock, handler)
			}
			stream = ps
		}
		return handler(srv, stream)
	}
}

// endAtStreamEnd runs handler on ps in a goroutine of its own and returns
// its result, or, if it is still going at the stream end of the shutdown
// (see ShutdownClock.AtStreamEnd), ends the stream there with
// StreamCutStatus, which grpc-go writes as soon as this returns: the
// handler, whatever it was doing (converting or marshalling a message,
// analysing), sends nothing more, and its context is cancelled. A panic
// of the handler is raised again here, for the recovery interceptor.
func endAtStreamEnd(srv any, ps *pacedStream, clock *ShutdownClock, handler grpc.StreamHandler) error {
	type result struct {
		err      error
		panicked any
	}
	res := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				res <- result{panicked: handlerPanic{p, string(debug.Stack())}}
			}
		}()
		res <- result{err: handler(srv, ps)}
	}()
	ended := make(chan struct{})
	stop := clock.AtStreamEnd(func() { close(ended) })
	defer stop()
	var r result
	select {
	case r = <-res:
	case <-ended:
		err := ps.end()
		select {
		case r = <-res: // it returned while a message was being sent
		default:
			return err
		}
	}
	if r.panicked != nil {
		panic(r.panicked)
	}
	return r.err
}

// handlerPanic is a panic of a stream's handler, raised again by
// endAtStreamEnd with the stack where it was raised first.
type handlerPanic struct {
	v     any
	stack string
}

func (p handlerPanic) Error() string {
	return fmt.Sprint(p.v) + "\nin the handler's goroutine:\n" + p.stack
}

// withCut returns ctx, cancelled with the cause shutdownCut once cut is
// done (see WithShutdownCut); with no cut, ctx itself.
func withCut(ctx, cut context.Context, timeout time.Duration) (context.Context, func()) {
	if cut == nil {
		return ctx, func() {}
	}
	ctx, cancel := context.WithCancelCause(context.WithValue(ctx, shutdownTimeoutKey{}, timeout))
	stop := context.AfterFunc(cut, func() { cancel(shutdownCut{timeout}) })
	return ctx, func() {
		stop()
		cancel(nil)
	}
}

// shutdownCut is the cause of a call's end when the server, shutting down,
// stopped the calls still running before its shutdown timeout ran out.
type shutdownCut struct{ timeout time.Duration }

func (e shutdownCut) Error() string {
	return "the server is shutting down and its shutdown timeout of " + e.timeout.String() + " ran out"
}

// shutdownMessage says that the server stopped the call at its shutdown
// timeout, how long the call ran and where its analysis was (stage:
// pipeline.Error.Stage), with the same facts as ErrorInfo metadata.
func shutdownMessage(ctx context.Context, c shutdownCut, stage string) (string, map[string]string) {
	md := map[string]string{"timeout": c.timeout.String()}
	var b strings.Builder
	b.WriteString("the server is shutting down: it finishes the calls it has accepted within its shutdown timeout (--shutdown-timeout, " +
		c.timeout.String() + "), and this one had not finished when that ran out")
	callFacts(ctx, stage, md, &b, ", after ", [3]string{", waiting for an analysis slot",
		", waiting for a slot to fetch its URL", ", fetching the article's URL"})
	b.WriteString("; nothing of its analysis was kept: send it again (to another server, or to this one once it has restarted)")
	return b.String(), md
}

// shutdownTimeoutKey holds the server's shutdown timeout in a call's
// context (see withCut), for the message of a call refused while the
// server drains (drainMessage).
type shutdownTimeoutKey struct{}

// drainMessage says that the server, shutting down, did not start the call
// because it was not expected to finish before the cut (why: the engine's
// reason, pipeline.Draining), with its shutdown timeout, how long the call
// waited and where (stage), with the same facts as ErrorInfo metadata.
func drainMessage(ctx context.Context, why, stage string) (string, map[string]string) {
	md := map[string]string{}
	var b strings.Builder
	b.WriteString("the server is shutting down: it finishes the calls it has accepted that it expects to finish within its shutdown timeout")
	if d, ok := ctx.Value(shutdownTimeoutKey{}).(time.Duration); ok {
		md["timeout"] = d.String()
		b.WriteString(" (--shutdown-timeout, " + d.String() + ")")
	}
	b.WriteString(", and did not start this one")
	callFacts(ctx, stage, md, &b, ", after ", [3]string{", waiting for an analysis slot",
		", waiting for a slot to fetch its URL", ", fetching the article's URL"})
	b.WriteString(": " + why + "; nothing of it was analysed: send it again now (to another server, or to this one once it has restarted)")
	return b.String(), md
}

// ShutdownRetryDelay is the RetryInfo of every SHUTTING_DOWN answer (REST:
// Retry-After: 1): the call may be sent again at once to another server;
// this one takes no more calls (its listeners are closed and its readiness
// says so), and a second lets a load balancer see that before the retry.
const ShutdownRetryDelay = time.Second

// ShutdownRetryInfo is the RetryInfo of a SHUTTING_DOWN answer (see
// ShutdownRetryDelay).
func ShutdownRetryInfo() *errdetails.RetryInfo {
	return &errdetails.RetryInfo{RetryDelay: durationpb.New(ShutdownRetryDelay)}
}

// callDeadline notes when the call started and bounds its context, so that
// a call that runs out of time can say which limit ran out (deadlineMessage):
//
//   - a call with a deadline of its own keeps it to the end: the analysis is
//     never cut short of the time the caller gave it. The context's cause
//     names the caller's deadline; whether the server's status, which says
//     what was running, or grpc-go's reset at the same instant reaches the
//     caller first is a race (the caller's library then reports its own
//     "context deadline exceeded"; over REST the gateway says the
//     Grpc-Timeout ran out). An earlier version stopped 1/20 of the budget
//     early to win that race, and so failed calls that would have
//     succeeded in their last 5 %;
//   - a call with none gets the server's limit d (--request-timeout; zero:
//     none).
func callDeadline(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	start := time.Now()
	ctx = context.WithValue(ctx, callStartKey{}, start)
	if dl, ok := ctx.Deadline(); ok {
		return context.WithDeadlineCause(ctx, dl, callerDeadline{budget: dl.Sub(start)})
	}
	if d > 0 {
		return context.WithTimeoutCause(ctx, d, serverTimeout{d})
	}
	return ctx, func() {}
}

type callStartKey struct{}

// serverTimeout is the cause of a call's end when the server's own time
// limit, for calls that set no deadline, ran out.
type serverTimeout struct{ limit time.Duration }

func (e serverTimeout) Error() string {
	return "the server's time limit of " + e.limit.String() + " per call ran out"
}

// callerDeadline is the cause of a call's end when the caller's deadline
// ran out.
type callerDeadline struct{ budget time.Duration }

func (e callerDeadline) Error() string { return "the call's deadline ran out" }

// deadlineMessage says which limit a call that ran out of time hit, how
// long it ran, and where the analysis was (stage: pipeline.Error.Stage),
// with the same facts as ErrorInfo metadata.
func deadlineMessage(ctx context.Context, stage string) (string, map[string]string) {
	md := map[string]string{}
	var b strings.Builder
	switch c := context.Cause(ctx).(type) {
	case serverTimeout:
		md["limit"], md["timeout"] = "server", c.limit.String()
		b.WriteString("the server's time limit for a call (--request-timeout, " + c.limit.String() + "; the call set no deadline of its own) ran out")
	case callerDeadline:
		md["limit"], md["timeout"] = "caller", roundDuration(c.budget)
		b.WriteString("the call's own deadline (" + roundDuration(c.budget) + " after the server received it) ran out")
	default:
		b.WriteString("the call's deadline ran out")
	}
	callFacts(ctx, stage, md, &b, " after ", [3]string{", while the article waited for an analysis slot (the server is busy)",
		", while the article waited for a slot to fetch its URL (the server is busy)", ", while the article's URL was being fetched"})
	switch context.Cause(ctx).(type) {
	case serverTimeout:
		b.WriteString("; set a longer deadline on the call (REST: the Grpc-Timeout header, e.g. \"120S\"), or send a shorter article or fewer features")
	case callerDeadline:
		b.WriteString("; set a longer deadline on the call")
	}
	return b.String(), md
}

// callFacts writes how long the call ran (after "after", into md's
// "elapsed") and where its analysis was (md's "stage"; waiting says it for
// the queue, the fetch queue and the fetch, in that order) into b.
func callFacts(ctx context.Context, stage string, md map[string]string, b *strings.Builder, after string, waiting [3]string) {
	if start, ok := ctx.Value(callStartKey{}).(time.Time); ok {
		el := roundDuration(time.Since(start))
		md["elapsed"] = el
		b.WriteString(after + el)
	}
	if stage != "" {
		md["stage"] = stage
	}
	switch stage {
	case "":
	case pipeline.StageQueue:
		b.WriteString(waiting[0])
	case pipeline.StageFetchQueue:
		b.WriteString(waiting[1])
	case pipeline.StageFetch:
		b.WriteString(waiting[2])
	default:
		b.WriteString(", in the " + strconv.Quote(stage) + " stage of the analysis")
	}
}

// roundDuration writes d to the millisecond (to the microsecond under 1 ms).
func roundDuration(d time.Duration) string {
	if d < time.Millisecond {
		return d.Round(time.Microsecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// wrappedStream replaces the context of a server stream.
type wrappedStream struct {
	grpc.ServerStream
	ctx context.Context
}

func (w *wrappedStream) Context() context.Context { return w.ctx }
