package ratelimit

import (
	"context"
	"net"
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

func TestClientOf(t *testing.T) {
	p := func(addr string, md metadata.MD) context.Context {
		ta, _ := net.ResolveTCPAddr("tcp", addr)
		ctx := peer.NewContext(context.Background(), &peer.Peer{Addr: ta})
		return metadata.NewIncomingContext(ctx, md)
	}
	tests := []struct {
		ctx  context.Context
		want string
	}{
		{p("203.0.113.5:4000", nil), "ip:203.0.113.5"},
		{p("203.0.113.5:4000", metadata.Pairs("x-forwarded-for", "198.51.100.1")), "ip:203.0.113.5"}, // not trusted from outside
		{p("127.0.0.1:4000", metadata.Pairs("x-forwarded-for", "10.9.9.9, 198.51.100.1")), "ip:198.51.100.1"},
		{p("127.0.0.1:4000", nil), "ip:127.0.0.1"},
	}
	for _, tt := range tests {
		if got := ClientOf(tt.ctx); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
