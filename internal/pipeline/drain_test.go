package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// wantDraining checks that err is the refusal of a call while the engine
// drains (see Engine.Drain).
func wantDraining(t *testing.T, id string, err error) {
	t.Helper()
	var pe *Error
	var why Draining
	if !errors.As(err, &pe) || pe.Kind != KindUnavailable || pe.Reason != "SHUTTING_DOWN" || pe.Stage != StageQueue ||
		!errors.As(err, &why) || !strings.Contains(pe.Msg, "expected to finish in") {
		t.Errorf("%s: %v; want UNAVAILABLE, SHUTTING_DOWN, stage queue, saying when it was expected to finish", id, err)
	}
}

// TestAdmissionDrain: once the engine drains (the server shuts down and
// stops the calls still running at the cut), the calls waiting that are
// not expected to start and finish before the cut are refused at once,
// those that are wait on and are analysed, and a call that comes then is
// refused at once when it is not expected to finish in time. One slot;
// the average analysis is set to 100 ms per 100 bytes; the cut 5 s away.
// Waiting: a (100 bytes: expected to end at about 0.2 s), b (10 kB: 10 s,
// refused), c (100 bytes: about 0.3 s). Before, b waited until the server
// cut it.
func TestAdmissionDrain(t *testing.T) {
	g := newGate(t, Config{MaxInFlight: 1, MaxQueue: 10, MaxWait: time.Minute}, 1<<20)
	a := &g.e.adm
	a.mu.Lock()
	a.avgRun, a.avgBytes = 100*time.Millisecond, 100
	a.mu.Unlock()
	ctx := context.Background()
	g.start(ctx, "r", 100)
	g.running(t, "r")
	g.start(ctx, "a", 100)
	g.waitLoad(t, 1, 1)
	g.start(ctx, "b", 10000)
	g.waitLoad(t, 1, 2)
	g.start(ctx, "c", 100)
	g.waitLoad(t, 1, 3)

	t0 := time.Now()
	g.e.Drain(t0.Add(5 * time.Second))
	wantDraining(t, "b", g.finished(t, "b"))
	if d := time.Since(t0); d > time.Second {
		t.Errorf("b refused %v after the drain began; want at once", d)
	}
	g.waitLoad(t, 1, 2) // a and c wait on
	// a call that comes now and would run 10 s
	g.start(ctx, "d", 10000)
	wantDraining(t, "d", g.finished(t, "d"))
	g.waitLoad(t, 1, 2)
	g.release(t, "r")
	g.running(t, "a")
	g.release(t, "a")
	g.running(t, "c")
	g.release(t, "c")
	g.waitLoad(t, 0, 0)
	g.idle(t)
	g.e.StopAdmitting() // ends the drain's checks
}
