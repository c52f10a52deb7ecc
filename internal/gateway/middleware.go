package gateway

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"google.golang.org/grpc/status"

	"github.com/lector-nlp/lector/internal/ratelimit"
	"github.com/lector-nlp/lector/internal/service"
)

type ctxKey int

const (
	requestIDKey ctxKey = iota
	clientKey
	bodyLimitKey
	callKey
)

// call is what the access log learns about a request from the handlers:
// the ErrorInfo reason of its error, if it failed; and the status of an
// error that ends an NDJSON stream (streamStatus).
type call struct {
	start  time.Time
	cut    atomic.Bool // its stream ended at shutdown (see streamStatus.Write)
	reason string
	st     *status.Status
	answer *pooledAnswer // an analyze answer whose buffers go back to the pool at the end
}

// noteReason records the reason of the error a request ends with, for its
// access log line.
func noteReason(ctx context.Context, st *status.Status) {
	if c, ok := ctx.Value(callKey).(*call); ok {
		c.reason = reasonOf(st)
	}
}

// forwardedFor is the metadata key that carries the client's address to
// the gRPC server.
const forwardedFor = "x-forwarded-for"

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// clientAddr returns the address of the HTTP client, resolved through the
// trusted proxies.
func clientAddr(ctx context.Context) netip.Addr {
	a, _ := ctx.Value(clientKey).(netip.Addr)
	return a
}

// clientString is the client's address for logs, "" when unknown.
func clientString(ctx context.Context) string {
	if a := clientAddr(ctx); a.IsValid() {
		return a.String()
	}
	return ""
}

// withRequestID gives every request an id: the caller's X-Request-Id when it
// is well formed, a new one otherwise. It is echoed in the response and
// passed to the gRPC server. It also resolves the client's address.
func (g *Gateway) withRequestID(next http.Handler) http.Handler {
	clients := ratelimit.Clients{TrustedProxies: g.cfg.TrustedProxies}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(service.RequestIDHeader)
		if !service.ValidRequestID(id) {
			id = service.NewRequestID()
		}
		w.Header().Set("X-Request-Id", id)
		ctx := context.WithValue(r.Context(), requestIDKey, id)
		if ap, err := netip.ParseAddrPort(r.RemoteAddr); err == nil {
			ctx = context.WithValue(ctx, clientKey, clients.Resolve(ap.Addr(), r.Header.Values("X-Forwarded-For")))
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// statusWriter records the status code for the access log. It keeps
// http.Flusher working for streams through Unwrap.
type statusWriter struct {
	http.ResponseWriter
	code  int
	bytes int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (g *Gateway) withAccessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		c := &call{start: start}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), callKey, c)))
		if c.answer != nil {
			c.answer.release()
		}
		lvl := slog.LevelInfo
		if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
			lvl = slog.LevelDebug
		}
		if !g.log.Enabled(r.Context(), lvl) {
			return // its fields took 7 of a REST call's allocations (the load test runs the server at warn)
		}
		attrs := []any{"method", r.Method, "path", r.URL.Path, "status", sw.code, "bytes", sw.bytes,
			"duration", time.Since(start), "request_id", requestID(r.Context()), "client", clientString(r.Context())}
		if c.reason != "" {
			// why it failed, on the line an operator reads (a stream that
			// failed after its first event has status 200)
			attrs = append(attrs, "reason", c.reason)
		}
		g.log.Log(r.Context(), lvl, "http request", attrs...)
	})
}

// corsAllowHeaders are the request headers a browser may send: with
// Content-Encoding a page can send a gzip body, as other callers can
// (without it the preflight of such a request failed).
var corsAllowHeaders = "Content-Type, Content-Encoding, Accept, Authorization, X-Api-Key, X-Request-Id, Grpc-Timeout, Traceparent, Tracestate"

// corsExposeHeaders are the response headers a browser lets the page read
// besides the safelisted ones: the request id, and when to retry after 429
// or 503 (without it a page could not honour Retry-After).
var corsExposeHeaders = "X-Request-Id, Retry-After"

// withCORS answers preflight requests and adds CORS headers for the
// allowed origins. Requests from other origins get no CORS headers, so
// browsers block them; preflights from them get 403.
func (g *Gateway) withCORS(next http.Handler) http.Handler {
	any := slices.Contains(g.cfg.CORSOrigins, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Add("Vary", "Origin")
		allowed := any || slices.Contains(g.cfg.CORSOrigins, origin)
		preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
		if preflight {
			w.Header().Add("Vary", "Access-Control-Request-Method")
			w.Header().Add("Vary", "Access-Control-Request-Headers")
			if !allowed {
				http.Error(w, "origin not allowed", http.StatusForbidden)
				return
			}
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			h.Set("Access-Control-Allow-Headers", corsAllowHeaders)
			h.Set("Access-Control-Max-Age", strconv.Itoa(600))
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if allowed {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Expose-Headers", corsExposeHeaders)
		}
		next.ServeHTTP(w, r)
	})
}

// withBodyLimit caps request bodies: a batch may carry MaxBatchBodyBytes,
// anything else MaxBodyBytes. A larger body fails decoding, which the error
// handler reports as RESOURCE_EXHAUSTED with the reason REQUEST_TOO_LARGE.
func (g *Gateway) withBodyLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := g.cfg.MaxBodyBytes
		if strings.HasSuffix(r.URL.Path, ":batchAnalyze") {
			limit = g.cfg.MaxBatchBodyBytes
		}
		if limit > 0 && r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
			r = r.WithContext(context.WithValue(r.Context(), bodyLimitKey, limit)) // for the error message
		}
		next.ServeHTTP(w, r)
	})
}

// withWriteDeadline gives each write of an API response WriteTimeout to
// go through: a caller that stops reading (a stream read slowly, or not
// at all) fails the write once the socket buffers are full and the
// deadline passes, which ends the handler and cancels its gRPC call, so
// the analysis it held stops and its memory is freed, instead of waiting
// for the caller until the call's deadline.
func (g *Gateway) withWriteDeadline(next http.Handler) http.Handler {
	d := g.cfg.WriteTimeout
	if d <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/v1/") {
			next.ServeHTTP(w, r)
			return
		}
		rc := http.NewResponseController(w)
		defer rc.SetWriteDeadline(time.Time{}) // a kept-alive connection starts afresh
		next.ServeHTTP(&deadlineWriter{ResponseWriter: w, rc: rc, d: d}, r)
	})
}

// deadlineWriter sets the write deadline before each write and flush.
type deadlineWriter struct {
	http.ResponseWriter
	rc *http.ResponseController
	d  time.Duration
}

// writeChunk is the most one write deadline covers: a large write (an
// NDJSON line of several MB) goes out in chunks, each with its own
// deadline, so a caller that reads slowly but steadily is not cut; one
// deadline for the whole line cut a caller reading 512 kB/s 1.6 s into a
// 3.9 MB syntax line under a 1 s write timeout.
const writeChunk = 64 << 10

func (w *deadlineWriter) Write(b []byte) (int, error) {
	n := 0
	for {
		chunk := b[n:min(len(b), n+writeChunk)]
		_ = w.rc.SetWriteDeadline(time.Now().Add(w.d))
		m, err := w.ResponseWriter.Write(chunk)
		n += m
		if err != nil || n >= len(b) {
			return n, err
		}
	}
}

func (w *deadlineWriter) Flush() {
	_ = w.rc.SetWriteDeadline(time.Now().Add(w.d))
	_ = w.rc.Flush()
}

func (w *deadlineWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// bodyReadRate is the slowest rate at which a request body earns more time
// to arrive under Config.ReadTimeout, in bytes per second.
const bodyReadRate = 16 << 10

// withReadDeadline gives a request body Config.ReadTimeout to arrive, plus
// one second per bodyReadRate bytes received: a body that keeps flowing at
// that rate or faster never runs out of time, one sent a byte at a time
// does after about ReadTimeout. The deadline is the connection's read
// deadline (http.Server's ReadTimeout cannot be used: on HTTP/1.1 it would
// also cancel the context of a response still streaming when it passes);
// it is cleared once the body has been read.
func (g *Gateway) withReadDeadline(next http.Handler) http.Handler {
	d := g.cfg.ReadTimeout
	if d <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody || r.ProtoMajor > 1 {
			// HTTP/2 streams share the connection: no per-request deadline
			next.ServeHTTP(w, r)
			return
		}
		rc := http.NewResponseController(w)
		body := &deadlineBody{ReadCloser: r.Body, rc: rc, start: time.Now(), d: d, size: r.ContentLength}
		if body.set() != nil {
			next.ServeHTTP(w, r) // the connection does not take deadlines
			return
		}
		defer body.clear()
		r.Body = body
		next.ServeHTTP(w, r)
	})
}

// deadlineBody moves the connection's read deadline as the body arrives,
// and clears it at the end of the body.
type deadlineBody struct {
	io.ReadCloser
	rc    *http.ResponseController
	start time.Time
	d     time.Duration
	n     int64
	size  int64 // Content-Length, -1 when unknown
	done  bool
}

func (b *deadlineBody) set() error {
	return b.rc.SetReadDeadline(b.start.Add(b.d + time.Duration(b.n)*time.Second/bodyReadRate))
}

func (b *deadlineBody) clear() {
	if !b.done {
		b.done = true
		_ = b.rc.SetReadDeadline(time.Time{})
	}
}

func (b *deadlineBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n += int64(n)
	switch {
	case err == io.EOF, b.size >= 0 && b.n >= b.size:
		// the end of the body (a decoder may stop before it reads EOF)
		b.clear()
	case err != nil:
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			// the deadline stays: the server's own reads of what is left
			// of the body (to reuse the connection) fail at once, and the
			// connection is closed instead of waiting for the slow caller
			b.done = true
			err = errBodyTimeout
		}
	case !b.done:
		_ = b.set()
	}
	return n, err
}

// errBodyTimeout is the error of a body that did not arrive in time; the
// error handler answers it with 408 and the reason REQUEST_BODY_TIMEOUT.
var errBodyTimeout = errors.New("the request body did not arrive in time")
