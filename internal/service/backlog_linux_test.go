package service_test

import (
	"net"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/service"
)

// A connection its peer reset keeps its unsent bytes in the kernel's
// queue, never to be sent: Backlog reads none there, so that a shutdown
// waiting for the queue to empty does not wait for the whole timeout.
func TestBacklogResetPeer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	server, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	// the client reads nothing, so the server's writes queue up
	buf := make([]byte, 64<<10)
	server.SetWriteDeadline(time.Now().Add(200 * time.Millisecond))
	for {
		if _, err := server.Write(buf); err != nil {
			break
		}
	}
	if q, ok := service.Backlog(server); !ok || q == 0 {
		t.Fatalf("backlog before the reset = %d, %v; want bytes queued", q, ok)
	}
	// the client resets the connection: close with SO_LINGER 0
	client.(*net.TCPConn).SetLinger(0)
	client.Close()
	deadline := time.Now().Add(2 * time.Second)
	for {
		// the reset arrives when the server next sends: a probe write
		server.SetWriteDeadline(time.Now().Add(10 * time.Millisecond))
		server.Write(buf[:1])
		q, ok := service.Backlog(server)
		if ok && q == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("backlog after the peer's reset = %d, %v; want 0", q, ok)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
