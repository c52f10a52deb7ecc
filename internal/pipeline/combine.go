package pipeline

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Stage combining.
//
// The analysers are bound by memory look-ups: a 600-word article costs
// about 4.5 ms of CPU when each article pulls the model tables into the
// caches again, as it does when the analyses in flight take turns on a core
// stage by stage. Running one stage for several different articles back
// to back, while its tables are in the caches, saves 8-9 % of the CPU with
// 2 articles, 11-15 % with 4 and 23-29 % with 8 (BenchmarkStageMajor, one
// thread). In the engine, with 8 callers on 2 CPUs, it saves about 4 % with
// the default admission (2 analyses per CPU, so batches of 2 that form for
// about half the stages) and about 9 % with 4 analyses per CPU
// (BenchmarkEngineCombining).
//
// So when an analysis reaches a stage that another goroutine is running and
// the cores have other analyses to run, it does not run the stage itself:
// it parks its state on the stage's lane, and the goroutine running the
// stage (the combiner) runs it next, before it returns to its own article
// (flat combining). The parked analysis then goes on by itself: it checks
// its context, records its stage timing and emits its events in its own
// goroutine, as before. With one analysis in flight, or fewer runnable
// analyses than cores, nothing is parked and nothing changes.

// DefaultStageBatch is the most articles one goroutine runs a stage for in
// a row when Config.StageBatch is zero. The batch is also bounded by the
// analyses in flight per CPU (rounded up), so that every core runs one
// batch: with the default admission, 2 analyses per CPU, batches hold 2
// articles; a larger bound matters only with more analyses in flight.
const DefaultStageBatch = 4

// Bounds of the waits (see runStep). leaderWait is the longest an analysis
// waits at a free stage for the analyses one stage behind it, to run the
// stage together: about the longest stage of a 600-word article. parkWait
// is the longest an analysis waits for the goroutine that runs or holds
// its stage before it runs the stage itself, for a stage that takes much
// longer than usual (or waits for something), or a combiner that the
// operating system keeps off the CPU.
const (
	leaderWait = time.Millisecond
	parkWait   = 4 * time.Millisecond
)

// maxCombineText is the longest article text (in bytes, about 2,500 words)
// whose stages are combined. A longer article runs every stage on its own
// goroutine, as when combining is off: its stages take long enough that
// the model's cache misses matter less, and neither should it wait for
// other articles' stages nor other articles for its own.
const maxCombineText = 16 << 10

// combinable reports whether the stages of the article of st may be
// combined with other articles' (maxCombineText). Before the source stage
// has set the text, the request's content stands for it.
func combinable(st *State) bool {
	if st.Analysis.Text != "" || st.Analysis.FromMarkup {
		return len(st.Analysis.Text) <= maxCombineText
	}
	return len(st.Request.Content) <= maxCombineText && st.Request.page == nil
}

// stageLane is where the analyses that reach one stage while another
// goroutine runs it park their state.
type stageLane struct {
	mu      sync.Mutex
	running bool         // a combiner runs or holds the stage, and will run the queue
	queue   []*stageCall // parked, in arrival order
	// coming counts the analyses in flight whose next stage this is: they
	// run or are parked at the stage before it.
	coming atomic.Int64
}

// stageCall is one parked stage run: the combiner runs it with the
// article's own context and state, then closes done.
type stageCall struct {
	ctx  context.Context
	s    *loadedStage
	st   *State
	next *stageLane // the lane of the article's next stage, if any
	done chan struct{}

	started bool // the combiner took it off the queue (under lane.mu)
	lead    bool // it was not run: run it and take over the queue
	err     error
	d       time.Duration // the run's own time, without the wait
	holds   bool          // it was made the holder of next (see runStep)
}

// walk is one analysis's way through the stages: Analyze calls step for
// each stage in order, then end. An article that is not combinable counts
// towards no lane's coming, so that no other article waits for it.
type walk struct {
	e      *Engine
	toward *stageLane // the lane of the next stage, counted in its coming
	held   *stageLane // the lane of the next stage, when this analysis holds it
	parked bool       // another goroutine ran the last stage
}

// startWalk counts a new analysis in flight, before its first stage.
func (e *Engine) startWalk(first *loadedStage, st *State) *walk {
	e.inFlight.Add(1)
	e.runnable.Add(1)
	w := &walk{e: e}
	if first != nil && first.lane != nil && combinable(st) {
		w.toward = first.lane
		w.toward.coming.Add(1)
	}
	return w
}

// step runs stage s on st (see runStep); next is the analysis's stage
// after s, nil after the last.
func (w *walk) step(ctx context.Context, s, next *loadedStage, st *State) (time.Duration, error) {
	var nl *stageLane
	if next != nil && next.lane != nil && combinable(st) {
		nl = next.lane
		nl.coming.Add(1)
	}
	if w.toward != nil {
		w.toward.coming.Add(-1)
	}
	w.toward = nl
	held := w.held != nil && w.held == s.lane
	w.held = nil
	r := w.e.runStep(ctx, s, st, held, nl)
	w.parked = r.parked
	if r.holds {
		w.held = nl
	}
	return r.d, r.err
}

// letGo gives up the lane of the next stage if the analysis holds it (see
// runStep), before it does something that may take long besides the
// stages: the analyses parked there then go on without it.
func (w *walk) letGo() {
	if w.held != nil {
		w.e.release(w.held)
		w.held = nil
	}
}

// end ends the walk, however the analysis ended: it hands on a lane the
// analysis still holds, and uncounts it.
func (w *walk) end() {
	w.letGo()
	if w.toward != nil {
		w.toward.coming.Add(-1)
	}
	w.e.runnable.Add(-1)
	w.e.inFlight.Add(-1)
}

// step is the outcome of runStep.
type step struct {
	d      time.Duration // the stage's run, without the time spent parked
	err    error         // as runStage's
	holds  bool          // the analysis holds the lane of its next stage
	parked bool          // the analysis was parked on the lane
}

// batchCap is the most articles a stage runs for in a row now: the
// analyses in flight per CPU, rounded up, within [1, e.batch].
func (e *Engine) batchCap() int {
	n := (int(e.inFlight.Load()) + e.procs - 1) / e.procs
	return min(max(n, 1), e.batch)
}

// runStep runs stage s on st and returns the time the run took (not the
// time spent parked) and its error, as runStage.
//
// When the other analyses in flight are enough to keep every core busy
// (runnable), the analysis may park its state on the stage's lane instead
// of running the stage itself: when another goroutine runs the stage or
// holds it, or, for at most leaderWait, when another analysis is one stage
// behind (coming). The goroutine that runs the stage (the combiner) then
// runs it for the parked analyses too, at most batchCap in all, while the
// stage's tables are in the caches, and wakes them one by one.
//
// held says that this analysis holds s's lane already (a previous runStep
// returned holds). next is the lane of the article's next stage, nil after
// the last. A combiner that ran parked analyses takes next's lane, when
// free, before it wakes them (holds): they go straight on to their next
// stage (Analyze does not yield after a parked stage) and park there
// again. So articles that met at one stage go on together, stage by stage.
// The caller must pass holds back as held for its next stage, or release
// the lane when it stops before (walk does both).
func (e *Engine) runStep(ctx context.Context, s *loadedStage, st *State, held bool, next *stageLane) step {
	l := s.lane
	if e.batch <= 1 || l == nil || (!held && !combinable(st)) {
		t0 := time.Now()
		err := runStage(ctx, s, st)
		return step{d: time.Since(t0), err: err}
	}
	if !held {
		l.mu.Lock()
		park := len(l.queue) < e.batchCap()-1 && int(e.runnable.Load())-1 >= e.procs
		switch {
		case park && l.running:
			return e.park(l, &stageCall{ctx: ctx, s: s, st: st, next: next}, false)
		case park && l.coming.Load() > 0:
			return e.park(l, &stageCall{ctx: ctx, s: s, st: st, next: next}, true)
		}
		held = !l.running
		l.running = true
		l.mu.Unlock()
	}
	t0 := time.Now()
	r := step{err: runStage(ctx, s, st)}
	r.d = time.Since(t0)
	if held {
		r.holds = e.drain(l, next)
	}
	return r
}

// park queues c on l, whose mutex the caller holds, and waits until the
// combiner ran it, or until c's context is done. A call cancelled before
// the combiner took it leaves the queue at once; one the combiner is
// running ends soon, since the stage sees the same context. A call that the
// combiner has not taken within parkWait (a waiting leader, for which no
// goroutine runs the stage yet, within leaderWait) leaves the queue and
// runs the stage itself; if the lane is free by then it becomes the
// combiner and runs the calls parked behind it too.
func (e *Engine) park(l *stageLane, c *stageCall, leader bool) step {
	c.done = make(chan struct{})
	l.queue = append(l.queue, c)
	e.runnable.Add(-1)
	l.mu.Unlock()
	wait := e.parkWait
	if leader {
		wait = e.leaderWait
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	timeout := t.C
	solo := false
	for waiting := true; waiting; {
		select {
		case <-c.done:
			waiting = false
		case <-timeout:
			timeout = nil
			l.mu.Lock()
			if !c.started {
				l.queue = slices.DeleteFunc(l.queue, func(x *stageCall) bool { return x == c })
				c.started = true
				if l.running {
					solo = true
				} else {
					l.running, c.lead = true, true
				}
				e.runnable.Add(1)
				waiting = false
			}
			l.mu.Unlock()
		case <-c.ctx.Done():
			l.mu.Lock()
			if !c.started {
				l.queue = slices.DeleteFunc(l.queue, func(x *stageCall) bool { return x == c })
				e.runnable.Add(1)
				l.mu.Unlock()
				return step{err: c.ctx.Err(), parked: true}
			}
			l.mu.Unlock()
			<-c.done
			waiting = false
		}
	}
	if solo { // the lane is still taken: run the stage alone
		t0 := time.Now()
		r := step{err: runStage(c.ctx, c.s, c.st)}
		r.d = time.Since(t0)
		return r
	}
	if c.lead { // run it, and the calls parked behind
		t0 := time.Now()
		r := step{err: runStage(c.ctx, c.s, c.st), parked: true}
		r.d = time.Since(t0)
		r.holds = e.drain(l, c.next)
		return r
	}
	return step{d: c.d, err: c.err, holds: c.holds, parked: true}
}

// drain runs the calls parked on l, in order, each with its own context,
// up to batchCap in all with the combiner's own; then, if more are parked,
// it hands the lane to the first of them (lead), so that a stream of
// arrivals cannot hold the combiner's own article back. A call whose
// context is done is not run. A panic in one call fails that call only
// (runStage).
//
// Before it runs the first parked call it takes the lane next, when free,
// and reports whether it did (see runStep).
func (e *Engine) drain(l *stageLane, next *stageLane) (holds bool) {
	limit := e.batchCap() - 1
	for n := 0; ; n++ {
		l.mu.Lock()
		if len(l.queue) == 0 {
			l.running = false
			l.mu.Unlock()
			return holds
		}
		c := l.queue[0]
		l.queue[0] = nil
		l.queue = l.queue[1:]
		c.started = true
		if n >= limit {
			c.lead = true // l.running stays set: c is the combiner now
			e.runnable.Add(1)
			l.mu.Unlock()
			close(c.done)
			return holds
		}
		l.mu.Unlock()
		if n == 0 && next != nil {
			next.mu.Lock()
			if !next.running {
				next.running = true
				holds = true
			}
			next.mu.Unlock()
		}
		if err := c.ctx.Err(); err != nil {
			c.err = err
		} else {
			t0 := time.Now()
			c.err = runStage(c.ctx, c.s, c.st)
			c.d = time.Since(t0)
			e.combined.Add(1)
		}
		e.runnable.Add(1)
		close(c.done)
	}
}

// release gives up the lane l that the caller holds without running its
// stage (the caller's analysis stopped before it): the first call parked
// there, if any, runs the stage and takes over the queue; else the lane is
// free.
func (e *Engine) release(l *stageLane) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.queue) == 0 {
		l.running = false
		return
	}
	c := l.queue[0]
	l.queue[0] = nil
	l.queue = l.queue[1:]
	c.started = true
	c.lead = true
	e.runnable.Add(1)
	close(c.done)
}
