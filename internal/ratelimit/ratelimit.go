// Package ratelimit limits each client of the gRPC server (and so of the
// JSON gateway, which calls it): a token bucket of requests per second and
// a cap on concurrent streaming calls. Over a limit a call fails with
// RESOURCE_EXHAUSTED and the reason RATE_LIMITED (with a RetryInfo delay)
// or TOO_MANY_STREAMS. The client is the API key when the call has one
// (auth.ClientID), else the peer's IP address; calls the JSON gateway
// relays over loopback count for the address in their x-forwarded-for.
package ratelimit

import (
	"context"
	"math"
	"net"
	"strings"
	"sync"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/lector-nlp/lector/internal/auth"
)

// The ErrorInfo reasons.
const (
	ReasonRate    = "RATE_LIMITED"
	ReasonStreams = "TOO_MANY_STREAMS"
)

// Config configures a Limiter.
type Config struct {
	// Rate is the sustained requests per second of one client; 0 means no
	// rate limit.
	Rate float64
	// Burst is how many requests a client may make at once; 0 means
	// max(1, 2*Rate).
	Burst int
	// MaxStreams is how many streaming calls one client may have open at
	// once; 0 means no limit.
	MaxStreams int
	// Cost is the number of requests a unary call counts for (a batch of
	// ten articles may count ten); nil means 1.
	Cost func(req any) int
	// Exempt reports methods that are not limited (health checks).
	Exempt func(fullMethod string) bool
	// Domain is the ErrorInfo domain.
	Domain string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Limiter holds the state of every client.
type Limiter struct {
	cfg     Config
	mu      sync.Mutex
	clients map[string]*client
}

type client struct {
	tokens  float64
	last    time.Time
	streams int
}

// New returns a limiter.
func New(cfg Config) *Limiter {
	if cfg.Burst <= 0 {
		cfg.Burst = max(1, int(math.Ceil(2*cfg.Rate)))
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Limiter{cfg: cfg, clients: map[string]*client{}}
}

// maxClients bounds the state kept; above it, clients with a full bucket
// and no stream are forgotten (they are indistinguishable from new ones).
const maxClients = 10000

func (l *Limiter) get(id string, now time.Time) *client {
	c := l.clients[id]
	if c == nil {
		if len(l.clients) >= maxClients {
			l.sweep(now)
		}
		c = &client{tokens: float64(l.cfg.Burst), last: now}
		l.clients[id] = c
	}
	return c
}

func (l *Limiter) sweep(now time.Time) {
	for id, c := range l.clients {
		l.refill(c, now)
		if c.streams == 0 && c.tokens >= float64(l.cfg.Burst) {
			delete(l.clients, id)
		}
	}
}

func (l *Limiter) refill(c *client, now time.Time) {
	if dt := now.Sub(c.last).Seconds(); dt > 0 {
		c.tokens = min(float64(l.cfg.Burst), c.tokens+dt*l.cfg.Rate)
		c.last = now
	}
}

// Take takes n tokens of client id. It returns 0 when they were there, or
// how long until they will be (and takes nothing).
func (l *Limiter) Take(id string, n int) time.Duration {
	if l.cfg.Rate <= 0 {
		return 0
	}
	n = min(max(n, 1), l.cfg.Burst) // a cost above the burst could never pass
	now := l.cfg.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	c := l.get(id, now)
	l.refill(c, now)
	if c.tokens >= float64(n) {
		c.tokens -= float64(n)
		return 0
	}
	return time.Duration((float64(n) - c.tokens) / l.cfg.Rate * float64(time.Second))
}

// OpenStream counts a stream of client id; it returns false at the limit.
// Each true must be followed by one CloseStream.
func (l *Limiter) OpenStream(id string) bool {
	if l.cfg.MaxStreams <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	c := l.get(id, l.cfg.Now())
	if c.streams >= l.cfg.MaxStreams {
		return false
	}
	c.streams++
	return true
}

// CloseStream ends a stream counted by OpenStream.
func (l *Limiter) CloseStream(id string) {
	if l.cfg.MaxStreams <= 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if c := l.clients[id]; c != nil && c.streams > 0 {
		c.streams--
	}
}

// ClientOf returns the client of a call: its API key identity, else the
// peer's IP address; for a call relayed by the gateway over loopback, the
// last address of x-forwarded-for (the one the gateway itself appended).
func ClientOf(ctx context.Context) string {
	if id := auth.ClientID(ctx); id != "" {
		return id
	}
	var ip net.IP
	if p, ok := peer.FromContext(ctx); ok && p.Addr != nil {
		if ta, ok := p.Addr.(*net.TCPAddr); ok {
			ip = ta.IP
		} else if h, _, err := net.SplitHostPort(p.Addr.String()); err == nil {
			ip = net.ParseIP(h)
		}
	}
	if ip == nil || ip.IsLoopback() {
		if md, ok := metadata.FromIncomingContext(ctx); ok {
			if v := md.Get("x-forwarded-for"); len(v) > 0 {
				parts := strings.Split(v[len(v)-1], ",")
				if fwd := net.ParseIP(strings.TrimSpace(parts[len(parts)-1])); fwd != nil {
					return "ip:" + fwd.String()
				}
			}
		}
	}
	if ip == nil {
		return "ip:unknown"
	}
	return "ip:" + ip.String()
}

func (l *Limiter) rateError(wait time.Duration) error {
	st := status.New(codes.ResourceExhausted, "too many requests from this client; retry after "+wait.Round(time.Millisecond).String())
	if d, err := st.WithDetails(
		&errdetails.ErrorInfo{Reason: ReasonRate, Domain: l.cfg.Domain},
		&errdetails.RetryInfo{RetryDelay: durationpb.New(wait)},
	); err == nil {
		st = d
	}
	return st.Err()
}

func (l *Limiter) streamsError() error {
	st := status.New(codes.ResourceExhausted, "too many streams open from this client; close one first")
	if d, err := st.WithDetails(&errdetails.ErrorInfo{Reason: ReasonStreams, Domain: l.cfg.Domain}); err == nil {
		st = d
	}
	return st.Err()
}

func (l *Limiter) exempt(method string) bool { return l.cfg.Exempt != nil && l.cfg.Exempt(method) }

// UnaryServerInterceptor limits the request rate of unary calls.
func (l *Limiter) UnaryServerInterceptor() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if l.exempt(info.FullMethod) {
			return handler(ctx, req)
		}
		n := 1
		if l.cfg.Cost != nil {
			n = l.cfg.Cost(req)
		}
		if wait := l.Take(ClientOf(ctx), n); wait > 0 {
			return nil, l.rateError(wait)
		}
		return handler(ctx, req)
	}
}

// StreamServerInterceptor limits the streams open per client; opening a
// stream counts as a request, and so does each further message a client
// stream receives, which waits for its token (back-pressure rather than
// failure).
func (l *Limiter) StreamServerInterceptor() grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		if l.exempt(info.FullMethod) {
			return handler(srv, ss)
		}
		id := ClientOf(ss.Context())
		if wait := l.Take(id, 1); wait > 0 {
			return l.rateError(wait)
		}
		if !l.OpenStream(id) {
			return l.streamsError()
		}
		defer l.CloseStream(id)
		if info.IsClientStream && l.cfg.Rate > 0 {
			ss = &stream{ServerStream: ss, l: l, id: id}
		}
		return handler(srv, ss)
	}
}

type stream struct {
	grpc.ServerStream
	l        *Limiter
	id       string
	received int
}

func (s *stream) RecvMsg(m any) error {
	if s.received > 0 { // the first message was paid for by the call
		for {
			wait := s.l.Take(s.id, 1)
			if wait == 0 {
				break
			}
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-s.Context().Done():
				t.Stop()
				return s.Context().Err()
			}
		}
	}
	s.received++
	return s.ServerStream.RecvMsg(m)
}
