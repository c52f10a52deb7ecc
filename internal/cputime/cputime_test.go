package cputime

import (
	"context"
	"errors"
	"testing"
	"time"
)

func spin(d time.Duration) {
	for t0 := Thread(); Thread()-t0 < d; {
	}
}

func TestRun(t *testing.T) {
	if got := Run(func() { spin(20 * time.Millisecond) }); got < 20*time.Millisecond || got > time.Second {
		t.Errorf("Run of 20 ms of spinning = %v", got)
	}
	// sleeping costs the thread (almost) no CPU
	if got := Run(func() { time.Sleep(30 * time.Millisecond) }); got > 15*time.Millisecond {
		t.Errorf("Run of a 30 ms sleep = %v of CPU", got)
	}
}

func TestCancelAfter(t *testing.T) {
	type key struct{}
	parent := context.WithValue(context.Background(), key{}, "v")
	ctx := CancelAfter(parent, 2)
	for i := range 2 {
		if err := ctx.Err(); err != nil {
			t.Fatalf("call %d: Err = %v, want nil", i, err)
		}
	}
	for i := range 3 {
		if err := ctx.Err(); !errors.Is(err, context.Canceled) {
			t.Fatalf("call %d after the cancel: Err = %v, want context.Canceled", i, err)
		}
	}
	if ctx.Value(key{}) != "v" {
		t.Error("the parent's values are lost")
	}
	if err := CancelAfter(parent, 0).Err(); !errors.Is(err, context.Canceled) {
		t.Errorf("n=0: Err = %v, want context.Canceled", err)
	}
}

// TestThreadResolution: one reading of the thread clock to the next moves
// by far less than a scheduler tick, so a 1 ms piece of work is measured
// as about 1 ms, not as 0 or 4 ms.
func TestThreadResolution(t *testing.T) {
	defer LockThread()()
	var got []time.Duration
	for range 5 {
		c0 := Thread()
		for t0 := time.Now(); time.Since(t0) < time.Millisecond; {
		}
		got = append(got, Thread()-c0)
	}
	// On a busy machine the thread may be off its CPU for part of the
	// millisecond of wall time, but some of the five must see most of it,
	// and none may see a whole tick more than the wall time allows.
	ok := false
	for _, d := range got {
		if d > 2*time.Millisecond {
			t.Errorf("1 ms of spinning measured %v of thread CPU: %v", d, got)
		}
		if d >= 500*time.Microsecond {
			ok = true
		}
	}
	if !ok {
		t.Errorf("no 1 ms spin measured ≥ 0.5 ms of thread CPU: %v", got)
	}
}
