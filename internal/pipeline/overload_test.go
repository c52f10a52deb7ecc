package pipeline

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// blockingEngine returns an engine whose test stage blocks until release is
// closed, and a channel that receives when an analysis reaches the stage.
func blockingEngine(t *testing.T, cfg Config) (e *Engine, started chan struct{}, release chan struct{}) {
	t.Helper()
	started, release = make(chan struct{}, 64), make(chan struct{})
	cfg.Stages = append(coreStages(), fakeStage("block", 50, []Feature{FeatureQuotes}, nil, nil,
		func(ctx context.Context, st *State) error {
			started <- struct{}{}
			select {
			case <-release:
			case <-ctx.Done():
			}
			return nil
		}))
	return mustEngine(t, cfg), started, release
}

func wantOverloaded(t *testing.T, err error) time.Duration {
	t.Helper()
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != KindOverloaded || pe.Reason != "OVERLOADED" {
		t.Fatalf("err = %v, want overloaded", err)
	}
	var ra RetryAfter
	if !errors.As(err, &ra) || ra <= 0 {
		t.Fatalf("overload error %v has no retry hint", err)
	}
	return time.Duration(ra)
}

func TestOverloadQueueFullFailsAtOnce(t *testing.T) {
	e, started, release := blockingEngine(t, Config{MaxInFlight: 2, MaxQueue: 1, MaxWait: time.Minute})
	req := textReq("Hi.", FeatureQuotes)
	results := make(chan error, 3)
	for range 2 {
		go func() { _, err := e.Analyze(context.Background(), req, nil); results <- err }()
		<-started
	}
	go func() { _, err := e.Analyze(context.Background(), req, nil); results <- err }() // queued
	for {
		if _, waiting, _ := e.Load(); waiting == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	t0 := time.Now()
	_, err := e.Analyze(context.Background(), req, nil)
	if d := time.Since(t0); d > 500*time.Millisecond {
		t.Errorf("the refused call took %v; want an immediate answer", d)
	}
	wantOverloaded(t, err)
	if in, waiting, shed := e.Load(); in != 2 || waiting != 1 || shed != 1 {
		t.Errorf("Load() = %d in flight, %d waiting, %d shed; want 2, 1, 1", in, waiting, shed)
	}
	close(release)
	for range 3 {
		if err := <-results; err != nil {
			t.Errorf("an admitted or queued call failed: %v", err)
		}
	}
	// recovered: the next call runs at once
	if _, err := e.Analyze(context.Background(), textReq("Hi."), nil); err != nil {
		t.Fatalf("after the load dropped: %v", err)
	}
}

func TestOverloadMaxWait(t *testing.T) {
	e, started, release := blockingEngine(t, Config{MaxInFlight: 1, MaxWait: 50 * time.Millisecond})
	defer close(release)
	go e.Analyze(context.Background(), textReq("Hi.", FeatureQuotes), nil)
	<-started
	t0 := time.Now()
	_, err := e.Analyze(context.Background(), textReq("Hi."), nil)
	d := time.Since(t0)
	wantOverloaded(t, err)
	if d < 50*time.Millisecond || d > 2*time.Second {
		t.Errorf("the call waited %v; want about MaxWait (50ms)", d)
	}
	// the caller's sooner deadline wins over MaxWait
	e2, started2, release2 := blockingEngine(t, Config{MaxInFlight: 1, MaxWait: time.Minute})
	defer close(release2)
	go e2.Analyze(context.Background(), textReq("Hi.", FeatureQuotes), nil)
	<-started2
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	if _, err := e2.Analyze(ctx, textReq("Hi."), nil); KindOf(err) != KindDeadline {
		t.Errorf("err = %v, want deadline exceeded", err)
	}
}

func TestOverloadNoQueue(t *testing.T) {
	e, started, release := blockingEngine(t, Config{MaxInFlight: 1, MaxQueue: -1})
	done := make(chan error)
	go func() { _, err := e.Analyze(context.Background(), textReq("Hi.", FeatureQuotes), nil); done <- err }()
	<-started
	_, err := e.Analyze(context.Background(), textReq("Hi."), nil)
	wantOverloaded(t, err)
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := e.Analyze(context.Background(), textReq("Hi."), nil); err != nil {
		t.Fatalf("after the load dropped: %v", err)
	}
}

// As many closed-loop callers as there are slots and queue places are never
// refused: the queue counts exactly, even while a freed slot changes hands
// (a waiter that was handed a slot but has not run yet no longer counts as
// waiting), and that is what lets concurrency 8 run on 4 slots and a queue
// of 4 without errors.
func TestOverloadClosedLoopNeverSheds(t *testing.T) {
	e := mustEngine(t, Config{Stages: coreStages(), MaxInFlight: 2, MaxQueue: 2, MaxWait: time.Minute})
	req := textReq("The ferry left at noon. It came back empty.")
	var wg sync.WaitGroup
	var refused atomic.Int64
	for range 4 {
		wg.Go(func() {
			for range 2000 {
				if _, err := e.Analyze(context.Background(), req, nil); err != nil {
					refused.Add(1)
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if n := refused.Load(); n > 0 {
		t.Errorf("%d of 4 callers refused with 2 slots and a queue of 2", n)
	}
}

// setAvgRun sets the moving average of the analysis time, as if every
// recent analysis had taken d.
func setAvgRun(e *Engine, d time.Duration) {
	e.adm.mu.Lock()
	e.adm.avgRun = d
	e.adm.mu.Unlock()
}

// A call whose expected wait is over the bound, or whose deadline comes
// before the expected wait plus one analysis, is refused at once.
func TestOverloadExpectedWait(t *testing.T) {
	e, started, release := blockingEngine(t, Config{MaxInFlight: 1, MaxQueue: 10, MaxWait: 100 * time.Millisecond})
	go e.Analyze(context.Background(), textReq("Hi.", FeatureQuotes), nil)
	<-started
	setAvgRun(e, 60*time.Millisecond)
	queued := make(chan error, 1)
	go func() { _, err := e.Analyze(context.Background(), textReq("Hi."), nil); queued <- err }() // expects 60 ms
	for {
		if _, waiting, _ := e.Load(); waiting == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	t0 := time.Now()
	_, err := e.Analyze(context.Background(), textReq("Hi."), nil) // expects 120 ms, over 100
	wantOverloaded(t, err)
	if d := time.Since(t0); d > 30*time.Millisecond {
		t.Errorf("the refused call took %v; want an immediate answer", d)
	}
	close(release)
	if err := <-queued; err != nil {
		t.Errorf("the call that expected to wait 60 ms: %v", err)
	}

	// the deadline: 70 ms left, but the expected wait is 50 ms and an
	// analysis 50 ms
	e2, started2, release2 := blockingEngine(t, Config{MaxInFlight: 1, MaxWait: time.Minute})
	defer close(release2)
	go e2.Analyze(context.Background(), textReq("Hi.", FeatureQuotes), nil)
	<-started2
	setAvgRun(e2, 50*time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 70*time.Millisecond)
	defer cancel()
	t0 = time.Now()
	_, err = e2.Analyze(ctx, textReq("Hi."), nil)
	wantOverloaded(t, err)
	if d := time.Since(t0); d > 30*time.Millisecond {
		t.Errorf("the call that could not meet its deadline took %v; want an immediate answer", d)
	}
	// with time for both it waits (and here meets its deadline in the queue)
	ctx2, cancel2 := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel2()
	if _, err := e2.Analyze(ctx2, textReq("Hi."), nil); KindOf(err) != KindDeadline {
		t.Errorf("err = %v, want deadline exceeded after waiting", err)
	}
}

// The retry hint grows while more calls are refused than analyses finish,
// and falls back once they are not.
func TestOverloadRetryHint(t *testing.T) {
	long := time.Now().Add(-time.Minute) // the hint follows at once after a long pause
	a := &admission{limit: 4, avgRun: 10 * time.Millisecond, inFlight: 4,
		doneRate: 400, shedRate: 1200, hint: 100 * time.Millisecond, hintAt: long, rateAt: time.Now()}
	hint := func() time.Duration {
		t.Helper()
		var ra RetryAfter
		if !errors.As(a.overloaded("test", "full", 0, false), &ra) {
			t.Fatal("no retry hint")
		}
		return time.Duration(ra)
	}
	// three refusals per analysis done: the callers come back three times
	// as often as slots free up
	if h := hint(); h < 250*time.Millisecond || h > 350*time.Millisecond {
		t.Errorf("hint %v with three refusals per analysis; want about 3 x 100ms", h)
	}
	// as many refusals as analyses: the hint holds
	a.hint, a.hintAt, a.doneRate, a.shedRate = 200*time.Millisecond, long, 400, 400
	if h := hint(); h < 190*time.Millisecond || h > 210*time.Millisecond {
		t.Errorf("hint %v with one refusal per analysis; want it held at 200ms", h)
	}
	// few refusals: back to the time the backlog needs to drain, at least 50 ms
	a.hint, a.hintAt, a.doneRate, a.shedRate = 200*time.Millisecond, long, 400, 10
	if h := hint(); h != 50*time.Millisecond {
		t.Errorf("hint %v with few refusals; want 50ms", h)
	}
	a.avgRun, a.queue = 100*time.Millisecond, make([]*waiter, 4)
	a.hintAt = long
	if h := hint(); h != 200*time.Millisecond {
		t.Errorf("hint %v with 8 analyses of 100ms to drain on 4 slots; want 200ms", h)
	}
}

// Under sustained overload (more than one refusal per four analyses done)
// the queue is halved; otherwise it is whole.
func TestOverloadHalvesQueue(t *testing.T) {
	e, started, release := blockingEngine(t, Config{MaxInFlight: 1, MaxQueue: 4, MaxWait: time.Minute})
	go e.Analyze(context.Background(), textReq("Hi.", FeatureQuotes), nil)
	<-started
	e.adm.mu.Lock()
	e.adm.doneRate, e.adm.shedRate, e.adm.rateAt = 400, 200, time.Now()
	e.adm.mu.Unlock()
	results := make(chan error, 4)
	for i := range 2 {
		go func() { _, err := e.Analyze(context.Background(), textReq("Hi."), nil); results <- err }()
		for {
			if _, waiting, _ := e.Load(); waiting == i+1 {
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	_, err := e.Analyze(context.Background(), textReq("Hi."), nil)
	wantOverloaded(t, err)
	// the refusals stop: a burst gets the whole queue again
	e.adm.mu.Lock()
	e.adm.doneRate, e.adm.shedRate, e.adm.rateAt = 400, 50, time.Now()
	e.adm.mu.Unlock()
	for range 2 {
		go func() { _, err := e.Analyze(context.Background(), textReq("Hi."), nil); results <- err }()
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		if _, waiting, _ := e.Load(); waiting == 4 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the queue did not take 4 calls once the refusals stopped")
		}
	}
	close(release)
	for range 4 {
		if err := <-results; err != nil {
			t.Errorf("a queued call failed: %v", err)
		}
	}
}

// The retry hint counts the work the slots hold by its size: with a 1 MB
// article in the only slot, where an average analysis takes 4 ms on 4 KB,
// a refused caller is told to come back in about a second (it was told
// 50 ms, the floor, as if the slot held an average article).
func TestOverloadRetryHintBySize(t *testing.T) {
	e, started, release := blockingEngine(t, Config{MaxInFlight: 1, MaxQueue: -1})
	e.adm.mu.Lock()
	e.adm.avgRun, e.adm.avgBytes = 4*time.Millisecond, 4000
	e.adm.mu.Unlock()
	big := textReq(strings.Repeat("A long article. ", 1<<16), FeatureQuotes) // 1 MiB
	done := make(chan error, 1)
	go func() { _, err := e.Analyze(context.Background(), big, nil); done <- err }()
	<-started
	_, err := e.Analyze(context.Background(), textReq("Hi."), nil)
	if h := wantOverloaded(t, err); h < 900*time.Millisecond || h > 1200*time.Millisecond {
		t.Errorf("hint %v with a 1 MiB article in the only slot (4 ms per 4 KB); want about 1 s", h)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// the slot is free and its work gone: the next refusal hints the floor
	e.adm.mu.Lock()
	work := e.adm.work
	e.adm.mu.Unlock()
	if work != 0 {
		t.Errorf("work %v left after every analysis ended", work)
	}
}
