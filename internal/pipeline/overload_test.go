package pipeline

import (
	"context"
	"errors"
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
