package ratelimit

import (
	"context"
	"io"
	"net"
	"net/netip"
	"testing"
	"time"

	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"
)

func TestTokenBucket(t *testing.T) {
	now := time.Unix(1000, 0)
	l := New(Config{Rate: 2, Burst: 3, Now: func() time.Time { return now }})
	for i := range 3 {
		if w := l.Take("a", 1); w != 0 {
			t.Fatalf("request %d within the burst waited %v", i, w)
		}
	}
	if w := l.Take("a", 1); w != 500*time.Millisecond {
		t.Fatalf("over the burst: wait %v, want 500ms", w)
	}
	if w := l.Take("b", 1); w != 0 {
		t.Fatal("another client was limited")
	}
	now = now.Add(500 * time.Millisecond)
	if w := l.Take("a", 1); w != 0 {
		t.Fatalf("after refill: wait %v", w)
	}
	if w := l.Take("a", 2); w <= 0 {
		t.Fatal("a cost of 2 passed with no tokens")
	}
	now = now.Add(time.Hour)
	if w := l.Take("a", 50); w != 0 { // capped at the burst
		t.Fatalf("cost above the burst: %v", w)
	}
	if w := New(Config{}).Take("a", 1000); w != 0 {
		t.Fatal("rate 0 limited")
	}
}

func TestStreams(t *testing.T) {
	l := New(Config{MaxStreams: 2})
	if !l.OpenStream("a") || !l.OpenStream("a") || l.OpenStream("a") {
		t.Fatal("the third stream of a was not refused")
	}
	if !l.OpenStream("b") {
		t.Fatal("b refused")
	}
	l.CloseStream("a")
	if !l.OpenStream("a") {
		t.Fatal("a refused after closing one")
	}
}

func TestSweep(t *testing.T) {
	now := time.Unix(0, 0)
	l := New(Config{Rate: 1, Now: func() time.Time { return now }})
	for i := range maxClients + 10 {
		l.Take(string(rune(i+1000)), 1)
		now = now.Add(time.Millisecond)
	}
	if len(l.clients) > maxClients {
		t.Fatalf("%d clients kept", len(l.clients))
	}
}

// TestClientsOf: forwarding metadata is believed only on the gateway's
// own connections and from trusted proxies, so a caller cannot choose its
// identity (and a fresh bucket) by sending x-forwarded-for.
func TestClientsOf(t *testing.T) {
	gatewayConn := "127.0.0.1:40001"
	p := func(addr string, md metadata.MD) context.Context {
		ta, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		ctx := peer.NewContext(context.Background(), &peer.Peer{Addr: ta})
		return metadata.NewIncomingContext(ctx, md)
	}
	xff := func(v ...string) metadata.MD {
		md := metadata.MD{}
		for _, s := range v {
			md.Append("x-forwarded-for", s)
		}
		return md
	}
	none := Clients{Relay: func(a net.Addr) bool { return a.String() == gatewayConn }}
	proxies := Clients{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("127.0.0.1/32")},
		Relay: none.Relay}
	tests := []struct {
		name string
		c    Clients
		ctx  context.Context
		want string
	}{
		{"plain peer", none, p("203.0.113.5:4000", nil), "ip:203.0.113.5"},
		{"outside caller's xff ignored", none, p("203.0.113.5:4000", xff("198.51.100.1")), "ip:203.0.113.5"},
		{"loopback caller's xff ignored", none, p("127.0.0.1:4000", xff("10.9.9.9, 198.51.100.1")), "ip:127.0.0.1"},
		{"loopback caller's many xff ignored", none, p("127.0.0.1:4000", xff("198.51.100.1", "198.51.100.2")), "ip:127.0.0.1"},
		{"gateway connection: its address", none, p(gatewayConn, xff("198.51.100.7")), "ip:198.51.100.7"},
		{"gateway connection without xff", none, p(gatewayConn, nil), "ip:127.0.0.1"},
		{"gateway connection, garbage", none, p(gatewayConn, xff("not-an-ip")), "ip:127.0.0.1"},
		{"IPv6 peer", none, p("[2001:db8::1]:4000", xff("198.51.100.1")), "ip:2001:db8::1"},
		{"trusted proxy: nearest untrusted hop", proxies, p("10.1.2.3:4000", xff("198.51.100.9, 203.0.113.7, 10.0.0.5")), "ip:203.0.113.7"},
		{"trusted proxy: hops over several values", proxies, p("10.1.2.3:4000", xff("198.51.100.9", "203.0.113.7")), "ip:203.0.113.7"},
		{"trusted proxy: hop with a port", proxies, p("10.1.2.3:4000", xff("203.0.113.7:5555")), "ip:203.0.113.7"},
		{"trusted proxy: IPv6 hop with a port", proxies, p("10.1.2.3:4000", xff("[2001:db8::7]:5555")), "ip:2001:db8::7"},
		{"trusted proxy: garbage stops at the last trusted hop", proxies, p("10.1.2.3:4000", xff("198.51.100.9, junk, 10.0.0.5")), "ip:10.0.0.5"},
		{"trusted proxy: no xff", proxies, p("10.1.2.3:4000", nil), "ip:10.1.2.3"},
		{"trusted proxy: all hops trusted", proxies, p("10.1.2.3:4000", xff("10.0.0.1, 10.0.0.2")), "ip:10.0.0.1"},
		{"untrusted peer next to trusted ones", proxies, p("11.0.0.1:4000", xff("198.51.100.9")), "ip:11.0.0.1"},
		{"IPv4-mapped peer is trusted", proxies, p("[::ffff:10.1.2.3]:4000", xff("203.0.113.7")), "ip:203.0.113.7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Of(tt.ctx); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if got := none.Of(context.Background()); got != "ip:unknown" {
		t.Errorf("no peer: %q", got)
	}
}

// TestRelays: only connections the dialer made, while open, are relays.
func TestRelays(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer lis.Close()
	accepted := make(chan net.Conn, 2)
	go func() {
		for {
			c, err := lis.Accept()
			if err != nil {
				return
			}
			accepted <- c
		}
	}()
	r := NewRelays()
	c, err := r.Dial(context.Background(), lis.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	server := <-accepted
	defer server.Close()
	other, err := net.Dial("tcp", lis.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	otherServer := <-accepted
	defer otherServer.Close()
	if !r.Has(server.RemoteAddr()) {
		t.Error("the dialled connection is not a relay")
	}
	if r.Has(otherServer.RemoteAddr()) {
		t.Error("another local connection counts as a relay")
	}
	c.Close()
	if r.Has(server.RemoteAddr()) {
		t.Error("a closed connection is still a relay")
	}
	if (*Relays)(nil).Has(server.RemoteAddr()) {
		t.Error("nil Relays has a relay")
	}
}

// TestRelaysPipe: an in-memory connection DialPipe made is a relay while
// it is open, of its own Relays only, and its address stands for
// loopback in the client of a call.
func TestRelaysPipe(t *testing.T) {
	r, other := NewRelays(), NewRelays()
	var local net.Addr
	c, err := r.DialPipe(func(a net.Addr) (net.Conn, error) {
		local = a
		client, server := net.Pipe()
		go func() { io.Copy(io.Discard, server); server.Close() }()
		return client, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Has(local) {
		t.Error("the pipe is not a relay")
	}
	if other.Has(local) {
		t.Error("the pipe is a relay of another Relays")
	}
	if r.Has(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)}) || r.Has(stringAddr(local.String())) {
		t.Error("an address that only looks like the pipe's is a relay")
	}
	clients := Clients{Relay: r.Has}
	ctx := peer.NewContext(context.Background(), &peer.Peer{Addr: local})
	if got := clients.Of(metadata.NewIncomingContext(ctx, metadata.Pairs("x-forwarded-for", "203.0.113.9"))); got != "ip:203.0.113.9" {
		t.Errorf("relayed call: client %q, want ip:203.0.113.9", got)
	}
	if got := clients.Of(ctx); got != "ip:127.0.0.1" {
		t.Errorf("pipe call without x-forwarded-for: client %q, want ip:127.0.0.1", got)
	}
	c.Close()
	if r.Has(local) {
		t.Error("a closed pipe is still a relay")
	}
	if _, err := r.DialPipe(func(net.Addr) (net.Conn, error) { return nil, net.ErrClosed }); err == nil {
		t.Error("DialPipe hid the dial's error")
	}
}

type stringAddr string

func (a stringAddr) Network() string { return "pipe" }
func (a stringAddr) String() string  { return string(a) }
