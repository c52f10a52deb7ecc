package service

import (
	"testing"
	"time"
)

// TestPacer: from the shutdown on, a message is sent only if it is
// expected to reach the caller before the connections close, at the pace
// the caller took the stream (bytes taken over the time the send queue
// was not empty), with twice the time to spare; what the socket keeps
// sending after the close (Keeps) does not count.
func TestPacer(t *testing.T) {
	clock := &ShutdownClock{Timeout: 5 * time.Second}
	p := NewPacer(clock)
	var taken int64
	queued := 100_000
	p.Taken = func() (int64, int, bool) { return taken, queued, true }
	if ok, _ := p.Fits(1<<30, 0); !ok {
		t.Error("a message refused before the shutdown began")
	}
	p.Wrote(0, 0) // the first sample: the queue is not empty
	time.Sleep(50 * time.Millisecond)
	taken += 50_000 // 1 MB/s, or less if the sleep overran
	p.Wrote(0, 0)
	if r := p.Rate(); r <= 0 || r > 1.05e6 {
		t.Fatalf("pace %.0f B/s; want about 1 MB/s at most", r)
	}
	clock.Begin(time.Now().Add(5 * time.Second))
	// 200 kB after a queue of 100 kB: 0.3 s at 1 MB/s, twice that is far
	// within 5 s (unless the machine is so slow that the sleep took 10 times 50 ms)
	if ok, left := p.Fits(200_000, 0); !ok {
		t.Errorf("200 kB refused with %v left at %.0f B/s", left, p.Rate())
	}
	// 10 MB: 10 s at 1 MB/s
	if ok, _ := p.Fits(10_000_000, 0); ok {
		t.Errorf("10 MB accepted with 5 s left at %.0f B/s", p.Rate())
	}
	// what the socket sends after the close does not count
	p.Keeps = func() int { return 20_000_000 }
	if ok, _ := p.Fits(10_000_000, 0); !ok {
		t.Error("10 MB refused with a socket buffer that keeps 20 MB")
	}
	p.Keeps = nil
	// no time left: nothing is sent, whatever the pace
	clock.Begin(time.Now().Add(-time.Millisecond))
	if ok, _ := p.Fits(1, 0); ok {
		t.Error("a message accepted after the close")
	}
	q := NewPacer(clock) // pace unknown
	if ok, _ := q.Fits(1, 0); ok {
		t.Error("a message of a stream of unknown pace accepted after the close")
	}
}

// TestAtStreamEnd: the clock calls f StreamEnd before the connections
// close, once the shutdown has begun, and never once stopped or without
// StreamEnd.
func TestAtStreamEnd(t *testing.T) {
	clock := &ShutdownClock{Timeout: time.Second, StreamEnd: 100 * time.Millisecond}
	called := make(chan time.Time, 1)
	stop := clock.AtStreamEnd(func() { called <- time.Now() })
	defer stop()
	stopped := make(chan struct{}, 1)
	clock.AtStreamEnd(func() { stopped <- struct{}{} })() // stopped before the shutdown
	never := (&ShutdownClock{Timeout: time.Second}).AtStreamEnd(func() { stopped <- struct{}{} })
	defer never()
	select {
	case <-called:
		t.Fatal("called before the shutdown began")
	case <-time.After(50 * time.Millisecond):
	}
	end := time.Now().Add(300 * time.Millisecond)
	clock.Begin(end)
	select {
	case at := <-called:
		if at.Before(end.Add(-clock.StreamEnd)) {
			t.Errorf("called %v before the connections close; want %v at most", end.Sub(at), clock.StreamEnd)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("not called")
	}
	select {
	case <-stopped:
		t.Error("called once stopped, or without StreamEnd")
	case <-time.After(400 * time.Millisecond):
	}
}
