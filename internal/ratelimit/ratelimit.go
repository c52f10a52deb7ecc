// Package ratelimit limits each client of the gRPC server (and so of the
// JSON gateway, which calls it): a token bucket of requests per second and
// a cap on concurrent streaming calls. Over a limit a call fails with
// RESOURCE_EXHAUSTED and the reason RATE_LIMITED (with a RetryInfo delay)
// or TOO_MANY_STREAMS. The client is the API key when the call has one
// (auth.ClientID), else the peer's IP address; forwarding headers are
// believed only from the server's own gateway and from configured trusted
// proxies (see Clients).
package ratelimit

import (
	"context"
	"math"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
	// Clients works out whom a call comes from.
	Clients Clients
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

// Clients works out whom a call comes from. Forwarding headers are
// believed only from the server's own JSON gateway and from configured
// proxies, so a caller cannot pick its own identity (and a fresh token
// bucket per request) by sending an x-forwarded-for of its choice.
type Clients struct {
	// TrustedProxies are the reverse proxies and load balancers in front
	// of Lector. For a call from one of them the client is the last
	// address of x-forwarded-for (the X-Forwarded-For header over HTTP)
	// that is not itself a trusted proxy. Empty means none: the client is
	// the address that connected.
	TrustedProxies []netip.Prefix
	// Relay reports whether a peer is a connection of the server's own
	// JSON gateway; the gateway resolves the HTTP client with the same
	// TrustedProxies and passes it as the only x-forwarded-for address.
	// Nil means no peer is.
	Relay func(peer net.Addr) bool
}

// trusted reports whether a is a trusted proxy.
func (c Clients) trusted(a netip.Addr) bool {
	for _, p := range c.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// Resolve returns the client behind a connection from peer that carries
// the x-forwarded-for values xff (each a comma-separated list of hops,
// the nearest last): peer itself unless it is a trusted proxy; else the
// nearest hop that is not a trusted proxy (the hop before an unreadable
// one, or the farthest when all are trusted).
func (c Clients) Resolve(peer netip.Addr, xff []string) netip.Addr {
	client := peer.Unmap().WithZone("")
	if !c.trusted(client) {
		return client
	}
	var hops []string
	for _, v := range xff {
		hops = append(hops, strings.Split(v, ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		a, ok := parseHop(hops[i])
		if !ok {
			return client
		}
		client = a
		if !c.trusted(a) {
			return a
		}
	}
	return client
}

// parseHop reads one x-forwarded-for hop: an address, possibly with a port
// ("192.0.2.1:4711", "[2001:db8::1]:4711").
func parseHop(h string) (netip.Addr, bool) {
	h = strings.TrimSpace(h)
	if a, err := netip.ParseAddr(h); err == nil {
		return a.Unmap().WithZone(""), true
	}
	if ap, err := netip.ParseAddrPort(h); err == nil {
		return ap.Addr().Unmap().WithZone(""), true
	}
	return netip.Addr{}, false
}

// peerAddr returns the address of the peer of a call.
func peerAddr(ctx context.Context) (net.Addr, netip.Addr) {
	p, ok := peer.FromContext(ctx)
	if !ok || p.Addr == nil {
		return nil, netip.Addr{}
	}
	switch a := p.Addr.(type) {
	case *net.TCPAddr:
		ip, _ := netip.AddrFromSlice(a.IP)
		return p.Addr, ip.Unmap()
	case *pipeAddr:
		return p.Addr, netip.AddrFrom4([4]byte{127, 0, 0, 1})
	}
	if ap, err := netip.ParseAddrPort(p.Addr.String()); err == nil {
		return p.Addr, ap.Addr().Unmap()
	}
	return p.Addr, netip.Addr{}
}

// Of returns the client of a call: its API key identity (auth.ClientID),
// else "ip:" and its address as Resolve finds it; for a call relayed by
// the gateway, the address the gateway passed.
func (c Clients) Of(ctx context.Context) string {
	if id := auth.ClientID(ctx); id != "" {
		return id
	}
	addr, ip := peerAddr(ctx)
	if !ip.IsValid() {
		return "ip:unknown"
	}
	md, _ := metadata.FromIncomingContext(ctx)
	xff := md.Get("x-forwarded-for")
	if c.Relay != nil && c.Relay(addr) {
		if len(xff) > 0 {
			if a, ok := parseHop(xff[len(xff)-1]); ok {
				return "ip:" + a.String()
			}
		}
		return "ip:" + ip.String()
	}
	return "ip:" + c.Resolve(ip, xff).String()
}

// Relays remembers the connections its Dial and DialPipe made, so that the
// server can tell its gateway's connections from any other local caller's.
type Relays struct {
	mu    sync.Mutex
	local map[string]bool
	pipes atomic.Uint64 // DialPipe's connections so far
}

// NewRelays returns an empty set.
func NewRelays() *Relays { return &Relays{local: map[string]bool{}} }

// Dial connects over TCP and remembers the connection's local address
// until it is closed (a grpc.WithContextDialer function).
func (r *Relays) Dial(ctx context.Context, addr string) (net.Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	key := c.LocalAddr().String()
	r.mu.Lock()
	r.local[key] = true
	r.mu.Unlock()
	return &relayConn{Conn: c, r: r, key: key}, nil
}

// DialPipe makes an in-memory connection with dial (gateway.Pipe.Dial),
// giving it a local address of its own that no network connection can
// bear, and remembers it as a relay until it is closed: the server sees
// that address as the peer of the calls on the connection.
func (r *Relays) DialPipe(dial func(local net.Addr) (net.Conn, error)) (net.Conn, error) {
	a := &pipeAddr{r: r, n: r.pipes.Add(1)}
	a.open.Store(true)
	c, err := dial(a)
	if err != nil {
		return nil, err
	}
	return &pipeConn{Conn: c, a: a}, nil
}

// pipeAddr is the address of a connection DialPipe made. It stands for
// the loopback address (the relay runs in this process).
type pipeAddr struct {
	r    *Relays
	n    uint64
	open atomic.Bool
}

func (a *pipeAddr) Network() string { return "pipe" }
func (a *pipeAddr) String() string  { return "pipe:" + strconv.FormatUint(a.n, 10) }

type pipeConn struct {
	net.Conn
	a *pipeAddr
}

func (c *pipeConn) Close() error {
	c.a.open.Store(false)
	return c.Conn.Close()
}

// Has reports whether peer is the far end of a connection Dial or
// DialPipe made and that is still open.
func (r *Relays) Has(peer net.Addr) bool {
	if r == nil || peer == nil {
		return false
	}
	if a, ok := peer.(*pipeAddr); ok {
		return a.r == r && a.open.Load()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.local[peer.String()]
}

type relayConn struct {
	net.Conn
	r    *Relays
	key  string
	once sync.Once
}

func (c *relayConn) Close() error {
	c.once.Do(func() {
		c.r.mu.Lock()
		delete(c.r.local, c.key)
		c.r.mu.Unlock()
	})
	return c.Conn.Close()
}

// ClientOf returns the client of a call as the limiter counts it.
func (l *Limiter) ClientOf(ctx context.Context) string { return l.cfg.Clients.Of(ctx) }

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
		if wait := l.Take(l.ClientOf(ctx), n); wait > 0 {
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
		id := l.ClientOf(ss.Context())
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
