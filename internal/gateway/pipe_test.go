package gateway

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"testing"
	"time"
)

// dialPipe returns both ends of a connection through p.
func dialPipe(t *testing.T, p *Pipe, local net.Addr) (client, server net.Conn) {
	t.Helper()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := p.Accept()
		if err != nil {
			t.Error(err)
		}
		accepted <- c
	}()
	client, err := p.Dial(context.Background(), local)
	if err != nil {
		t.Fatal(err)
	}
	return client, <-accepted
}

// TestPipe: bytes go both ways in order, more than the buffer at once;
// Close gives the peer EOF after the data and fails its writes; the
// addresses are the dialler's and the listener's.
func TestPipe(t *testing.T) {
	lisAddr := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 50051}
	local := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 40000}
	p := NewPipe(lisAddr)
	c, s := dialPipe(t, p, local)
	if c.LocalAddr() != local || s.RemoteAddr() != local || c.RemoteAddr() != lisAddr || s.LocalAddr() != lisAddr {
		t.Errorf("addresses: client %v→%v, server %v→%v", c.LocalAddr(), c.RemoteAddr(), s.LocalAddr(), s.RemoteAddr())
	}
	big := bytes.Repeat([]byte("0123456789abcdef"), 3*pipeBuffer/16+7) // over the buffer: the writer waits for the reader
	go func() {
		c.Write(big)
		c.Write([]byte("end"))
		c.Close()
	}()
	got, err := io.ReadAll(s)
	if err != nil {
		t.Fatal(err)
	}
	if want := append(bytes.Clone(big), "end"...); !bytes.Equal(got, want) {
		t.Fatalf("read %d bytes, want %d in order", len(got), len(want))
	}
	if _, err := s.Write([]byte("x")); err == nil {
		t.Error("write to a closed peer succeeded")
	}
	s.Close()
	if _, err := s.Read(make([]byte, 1)); !errors.Is(err, net.ErrClosed) {
		t.Errorf("read after Close: %v, want net.ErrClosed", err)
	}

	// the other way, small writes
	c2, s2 := dialPipe(t, p, nil)
	if c2.LocalAddr() != lisAddr {
		t.Errorf("nil local address: %v, want the listener's", c2.LocalAddr())
	}
	go func() {
		for i := range 100 {
			s2.Write([]byte{byte(i)})
		}
		s2.Close()
	}()
	got, _ = io.ReadAll(c2)
	if len(got) != 100 || got[99] != 99 {
		t.Errorf("read %v", got)
	}

	p.Close()
	if _, err := p.Accept(); !errors.Is(err, net.ErrClosed) {
		t.Errorf("Accept after Close: %v", err)
	}
	if _, err := p.Dial(context.Background(), nil); !errors.Is(err, net.ErrClosed) {
		t.Errorf("Dial after Close: %v", err)
	}
}

// TestPipeDeadlines: a read or write past its deadline fails with a
// timeout; clearing the deadline lets it wait again.
func TestPipeDeadlines(t *testing.T) {
	c, s := dialPipe(t, NewPipe(&net.TCPAddr{}), nil)
	defer c.Close()
	defer s.Close()
	start := time.Now() // before the deadline is set: a busy machine may pause between the two
	c.SetReadDeadline(start.Add(20 * time.Millisecond))
	_, err := c.Read(make([]byte, 1))
	var ne net.Error
	if !errors.Is(err, os.ErrDeadlineExceeded) || !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("read: %v, want a timeout", err)
	}
	if d := time.Since(start); d < 15*time.Millisecond || d > 2*time.Second {
		t.Errorf("read timed out after %v", d)
	}
	c.SetReadDeadline(time.Time{})
	go s.Write([]byte("ok"))
	if b := make([]byte, 2); func() bool { n, err := io.ReadFull(c, b); return err != nil || n != 2 }() {
		t.Error("read after clearing the deadline failed")
	}

	// a writer blocked on a full buffer times out
	c.SetWriteDeadline(time.Now().Add(20 * time.Millisecond))
	n, err := c.Write(make([]byte, 2*pipeBuffer))
	if !errors.Is(err, os.ErrDeadlineExceeded) || n != pipeBuffer {
		t.Errorf("write: %d, %v; want %d and a timeout", n, err, pipeBuffer)
	}
	// a deadline in the past fails at once
	s.SetDeadline(time.Now().Add(-time.Second))
	if _, err := s.Write([]byte("x")); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("write past the deadline: %v", err)
	}
}

// TestPipeDialCancelled: Dial gives up when its context ends before the
// listener accepts.
func TestPipeDialCancelled(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := NewPipe(&net.TCPAddr{}).Dial(ctx, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Dial: %v", err)
	}
}
