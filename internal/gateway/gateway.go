// Package gateway serves Lector's JSON API over HTTP: the grpc-gateway
// handlers (calling the gRPC server through a gRPC connection, so
// interceptors and streaming work; in memory through a Pipe when the
// server is in the same process),
// Server-Sent Events for streamAnalyze, CORS, request ids, body limits,
// the OpenAPI document, health and readiness, and the page at /.
package gateway

import (
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/encoding/protojson"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/gen/openapi"
	"github.com/lector-nlp/lector/internal/service"
	"github.com/lector-nlp/lector/internal/web"
)

// Config configures a Gateway.
type Config struct {
	// GRPCAddr is the address of the gRPC server to dial, such as "127.0.0.1:50051".
	GRPCAddr string
	// MaxBodyBytes limits the body of a request for one article.
	MaxBodyBytes int64
	// MaxBatchBodyBytes limits the body of a batch request.
	MaxBatchBodyBytes int64
	// MaxMsgBytes is the largest gRPC message the gateway sends.
	MaxMsgBytes int
	// CORSOrigins lists the origins allowed to call the API from a browser;
	// "*" allows any.
	CORSOrigins []string
	// Ready reports whether the server is ready to serve; nil means always.
	Ready func() bool
	// Logger receives the access log.
	Logger *slog.Logger
	// DialTLS, when set, is the TLS configuration of the connection to the
	// gRPC server; nil dials in plaintext.
	DialTLS *tls.Config
	// Routes are further handlers by pattern, such as "GET /metrics".
	Routes map[string]http.Handler
	// TrustedProxies are the reverse proxies in front of the gateway whose
	// X-Forwarded-For is believed (ratelimit.Clients.Resolve). The client
	// address found is logged and passed to the gRPC server as the only
	// x-forwarded-for address, whatever the caller sent.
	TrustedProxies []netip.Prefix
	// WriteTimeout bounds each write of an API response (streams
	// included): a caller that reads nothing for that long loses its call.
	// Zero means no bound.
	WriteTimeout time.Duration
	// ReadTimeout bounds the time a caller takes to send a request body:
	// ReadTimeout, plus one second per bodyReadRate bytes of it. A caller
	// that sends slower is answered 408 and its connection closed (a body
	// sent a byte at a time held a connection, a goroutine and its buffer
	// for ever: the server has only a ReadHeaderTimeout). Zero means no
	// bound.
	ReadTimeout time.Duration
	// Shutdown, when set, is the server's shutdown clock: once the
	// shutdown has begun, an NDJSON or SSE stream writes no message that
	// is not expected to get through before the server closes its
	// connections, at the pace the caller reads, and ends with an error
	// line or event, UNAVAILABLE, SHUTTING_DOWN, instead (see
	// service.Pacer): the close had cut a line in the middle.
	Shutdown *service.ShutdownClock
	// Dialer, when set, makes the connections to the gRPC server (the
	// server tells its gateway's connections from others' with it:
	// ratelimit.Relays). A server in the same process serves a Pipe and
	// dials it here, so REST calls do not cross TCP loopback.
	Dialer func(ctx context.Context, addr string) (net.Conn, error)
}

// Gateway is the HTTP side of Lector.
type Gateway struct {
	cfg     Config
	log     *slog.Logger
	conn    *grpc.ClientConn
	client  articlev1.ArticleAnalysisServiceClient
	mux     *runtime.ServeMux
	handler http.Handler
}

// marshaler writes camelCase JSON with default values (so offsets of 0 and
// empty lists are present) and rejects unknown fields.
// It writes messages with the fast encoder of jsonenc.go.
var marshaler = &fastJSON{JSONPb: &runtime.JSONPb{
	MarshalOptions:   protojson.MarshalOptions{EmitDefaultValues: true},
	UnmarshalOptions: protojson.UnmarshalOptions{DiscardUnknown: false},
}}

// New dials the gRPC server and returns the gateway. The connection is
// made lazily; Close releases it.
func New(ctx context.Context, cfg Config) (*Gateway, error) {
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	msg := cfg.MaxMsgBytes
	if msg <= 0 {
		msg = 4 << 20
	}
	creds := insecure.NewCredentials()
	if cfg.DialTLS != nil {
		creds = credentials.NewTLS(cfg.DialTLS)
	}
	dialOpts := []grpc.DialOption{
		grpc.WithTransportCredentials(creds),
		grpc.WithDefaultCallOptions(grpc.MaxCallSendMsgSize(msg), grpc.MaxCallRecvMsgSize(math.MaxInt32),
			// analyze answers stay in wire format, written to JSON from it (rawjson.go)
			grpc.ForceCodecV2(newRawCodec())),
		grpc.WithStreamInterceptor(endCutStreams),
	}
	if cfg.Dialer != nil {
		dialOpts = append(dialOpts, grpc.WithContextDialer(cfg.Dialer))
	}
	conn, err := grpc.NewClient(cfg.GRPCAddr, dialOpts...)
	if err != nil {
		return nil, fmt.Errorf("gateway: dial %s: %w", cfg.GRPCAddr, err)
	}
	g := &Gateway{cfg: cfg, log: log, conn: conn, client: articlev1.NewArticleAnalysisServiceClient(conn)}
	g.mux = runtime.NewServeMux(
		runtime.WithMarshalerOption(runtime.MIMEWildcard, marshaler),
		runtime.WithMetadata(func(ctx context.Context, r *http.Request) metadata.MD {
			// These replace whatever the caller sent under the same keys
			// (the gateway's own x-forwarded-for included).
			md := metadata.Pairs(service.RequestIDHeader, requestID(ctx))
			if c := clientAddr(ctx); c.IsValid() {
				md.Set(forwardedFor, c.String())
			}
			return md
		}),
		runtime.WithOutgoingHeaderMatcher(func(key string) (string, bool) {
			if strings.EqualFold(key, service.RequestIDHeader) {
				return "", false // the gateway sets X-Request-Id itself
			}
			if strings.EqualFold(key, "content-type") {
				return "", false // the gRPC answer's own (application/grpc+proto), not the caller's business
			}
			return runtime.DefaultHeaderMatcher(key)
		}),
		runtime.WithForwardResponseRewriter(rewriteAnswer),
		// a unary answer says its length (it is written whole): a client
		// knows the body is complete, and a large one is not chunked
		runtime.WithWriteContentLength(),
		runtime.WithErrorHandler(errorHandler),
		// a POST with a form content type (curl -d's) to a GET route was
		// served as the GET; every other wrong method is 405
		runtime.WithDisablePathLengthFallback(),
		runtime.WithStreamErrorHandler(streamErrorHandler),
		runtime.WithIncomingHeaderMatcher(func(key string) (string, bool) {
			switch strings.ToLower(key) {
			case "x-api-key", "traceparent", "tracestate": // API keys and W3C trace context; Authorization passes by default
				return strings.ToLower(key), true
			}
			return runtime.DefaultHeaderMatcher(key)
		}),
	)
	if err := articlev1.RegisterArticleAnalysisServiceHandler(ctx, g.mux, conn); err != nil {
		conn.Close()
		return nil, fmt.Errorf("gateway: register: %w", err)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/articles:streamAnalyze", g.serveStream)
	mux.Handle("/v1/", g.mux)
	mux.HandleFunc("GET /openapi.json", serveOpenAPI)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if cfg.Ready != nil && !cfg.Ready() {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "not ready")
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("/", web.Handler()) // the page and its assets; not "GET /", which would overlap /v1/
	for pattern, h := range cfg.Routes {
		mux.Handle(pattern, h)
	}
	g.handler = g.withRequestID(g.withAccessLog(g.withCORS(g.withContentType(g.withBodyLimit(g.withReadDeadline(g.withWriteDeadline(withOneValue(mux))))))))
	return g, nil
}

// ServeHTTP serves the gateway.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) { g.handler.ServeHTTP(w, r) }

// Close closes the connection to the gRPC server.
func (g *Gateway) Close() error { return g.conn.Close() }

// serveStream answers streamAnalyze: Server-Sent Events when the caller
// accepts text/event-stream, the gateway's newline-delimited JSON otherwise.
func (g *Gateway) serveStream(w http.ResponseWriter, r *http.Request) {
	if acceptsEventStream(r) {
		g.serveSSE(w, r)
		return
	}
	ss := &streamStatus{ResponseWriter: w, r: r, p: g.pacer(r)}
	stop := g.cfg.Shutdown.AtStreamEnd(ss.endNow)
	g.mux.ServeHTTP(ss, r)
	stop()
	ss.mu.Lock()
	st := ss.end.ended()
	ss.mu.Unlock()
	if st != nil {
		noteReason(r.Context(), st)
	}
}

// pacer returns the pacer of a stream answering r (see Config.Shutdown):
// with the send queue of r's connection when the server gave it
// (ConnContext) and the system tells it, for HTTP/1.x: such a connection
// carries one answer at a time, so what the caller has taken of this one
// is what it wrote less the queue (an HTTP/2 connection's queue holds
// other streams' bytes too: paced from the writes alone).
func (g *Gateway) pacer(r *http.Request) *service.Pacer {
	p := service.NewPacer(g.cfg.Shutdown)
	if c, ok := r.Context().Value(connKey{}).(net.Conn); ok && g.cfg.Shutdown != nil && r.ProtoMajor == 1 {
		p.Taken = func() (int64, int, bool) {
			q, ok := service.Backlog(c)
			return p.Written() - int64(q), q, ok
		}
		// the kernel sends the socket's buffer on after the close (the
		// caller sends nothing more); half of SO_SNDBUF, which counts
		// the kernel's bookkeeping too
		p.Keeps = func() int {
			b, _ := service.SendBuffer(c)
			return b / 2
		}
	}
	return p
}

// connKey holds a request's connection in its context (see ConnContext).
type connKey struct{}

// ConnContext is the http.Server's ConnContext that gives the gateway the
// connection of each request, whose send queue paces the streams at
// shutdown (see Config.Shutdown).
func ConnContext(ctx context.Context, c net.Conn) context.Context {
	return context.WithValue(ctx, connKey{}, c)
}

func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openapi.JSON)
}
