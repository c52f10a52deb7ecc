package pipeline

import (
	"slices"
	"time"
)

// Drain tells the engine that the server is shutting down and will stop
// the calls still running at cut: from now on a call waiting for analysis
// slots that is not expected to finish by then is refused at once, with
// KindUnavailable, reason SHUTTING_DOWN, stage StageQueue, instead of
// waiting for the cut to be refused with nothing done. Its caller can send
// it to another server seconds earlier (up to the shutdown timeout less
// its grace: 12 s with the server's defaults).
//
// What a caller may expect of a server that begins to shut down while its
// call waits: the call is analysed if the server expects it to finish
// before the cut, and otherwise it is told so as soon as the server
// expects it not to. The expectation is the queue's own (see drainPlan):
// the analyses in flight end after their expected time (by their sizes;
// one that has overrun it is expected to run as long again as it has
// overrun it, an eighth of its estimate at least), the calls waiting are
// served in arrival order on the slots they free, each for its expected
// time. It is checked at once, then every drainTick until the cut (as
// analyses overrun, the calls behind them are refused; as they end early,
// none is refused for them), and for every call that asks for slots in
// the meantime (a REST call accepted before the shutdown whose body
// arrived after it). A call refused while it waits never started its
// analysis. An admitted call waiting to grow its slots (see regrow) is
// never refused so: its analysis has begun, and the cut ends it. During
// the drain a call whose wait reaches its bound is refused SHUTTING_DOWN
// too: a retry hint for a server that is going away would send it back.
//
// Calls after the cut are refused by StopAdmitting, which the server calls
// then, and which ends the drain's checks (a server that stops before the
// cut calls it as it returns).
func (e *Engine) Drain(cut time.Time) {
	a := &e.adm
	a.mu.Lock()
	if !a.drainCut.IsZero() || a.stopped {
		a.mu.Unlock()
		return
	}
	a.drainCut = cut
	a.drainStop = make(chan struct{})
	stop := a.drainStop
	a.evict(time.Now())
	a.mu.Unlock()
	go func() {
		t := time.NewTicker(drainTick)
		defer t.Stop()
		for {
			var now time.Time
			select {
			case <-stop:
				return
			case now = <-t.C:
			}
			a.mu.Lock()
			if a.stopped || !now.Before(cut) {
				a.mu.Unlock()
				return
			}
			a.evict(now)
			a.mu.Unlock()
		}
	}()
}

// drainTick is how often the drain checks the calls waiting (see Drain).
const drainTick = 25 * time.Millisecond

// remaining is the expected time left of the analysis r at now: what is
// left of its estimate, or, once it has overrun it, as long again as it has
// overrun it (a run that has overrun its estimate by d is as likely to run
// d more as less: the estimate said nothing of it); an eighth of the
// estimate at least.
func remaining(r run, now time.Time) time.Duration {
	ran := now.Sub(r.start)
	d := r.est - ran
	if d < 0 {
		d = -d
	}
	return max(d, r.est/8)
}

// drainPlan is the schedule of the slots the drain expects: for each slot,
// when it is expected to be free, earliest first.
type drainPlan []time.Time

// plan returns the expected schedule of the slots at now, before the calls
// waiting: those of each analysis in flight free at its expected end (see
// remaining), the others now. Call with mu held.
func (a *admission) plan(now time.Time) drainPlan {
	p := make(drainPlan, 0, a.limit)
	for _, r := range a.runs {
		end := now.Add(remaining(r, now))
		for range r.weight {
			p = append(p, end)
		}
	}
	for len(p) < a.limit {
		p = append(p, now)
	}
	slices.SortFunc(p, func(x, y time.Time) int { return x.Compare(y) })
	return p
}

// place returns when a call of weight w and expected time est is expected
// to start, on the earliest w slots to free, and to finish; with commit, it
// takes those slots until then.
func (p drainPlan) place(w int, est time.Duration, commit bool) (start, end time.Time) {
	w = min(max(w, 1), len(p))
	start = p[w-1]
	end = start.Add(est)
	if commit {
		for i := range w {
			p[i] = end
		}
		slices.SortFunc(p, func(x, y time.Time) int { return x.Compare(y) })
	}
	return start, end
}

// evict refuses the calls waiting that are not expected to finish before
// the cut (see Drain). Call with mu held.
func (a *admission) evict(now time.Time) {
	p := a.plan(now)
	kept := a.queue[:0]
	for _, w := range a.queue {
		start, end := p.place(w.weight, w.est, false)
		if w.admitted || !end.After(a.drainCut) {
			p.place(w.weight, w.est, true)
			kept = append(kept, w)
			continue
		}
		w.refused = a.drainError("", a.expected(now, start, end, w.est))
		a.unqueueBig(w)
		a.work = max(a.work-w.est, 0)
		close(w.ready)
	}
	refused := len(kept) < len(a.queue)
	clear(a.queue[len(kept):])
	a.queue = kept
	if refused {
		a.grant() // a large call refused may have held slots back
	}
}

// drainRefusal returns the refusal of a call that asks for slots while the
// engine drains (nil when it is expected to finish before the cut): of
// expected time est and weight w, which may enter now (enter) or else
// waits behind the calls in the queue. Call with mu held.
func (a *admission) drainRefusal(op string, est time.Duration, w int, enter bool, now time.Time) error {
	start, end := now, now.Add(est)
	if !enter {
		p := a.plan(now)
		for _, q := range a.queue {
			p.place(q.weight, q.est, true)
		}
		start, end = p.place(w, est, false)
	}
	if !end.After(a.drainCut) {
		return nil
	}
	return a.drainError(op, a.expected(now, start, end, est))
}

// expected says when a call was expected to start and finish, against the
// cut. Call with mu held.
func (a *admission) expected(now, start, end time.Time, est time.Duration) string {
	s := "the server stops the calls still running in " + roundMs(a.drainCut.Sub(now)) + ", and this one was expected to finish in " + roundMs(end.Sub(now))
	if start.After(now) {
		s += " (to start in " + roundMs(start.Sub(now)) + ", once analyses ahead of it end, and take " + roundMs(est) + ")"
	}
	return s
}

// drainError is the refusal of a call that waited or asked for slots
// while the engine drains (see Drain), why: why it cannot finish. Call
// with mu held.
func (a *admission) drainError(op, why string) error {
	return &Error{Kind: KindUnavailable, Op: op, Reason: "SHUTTING_DOWN", Stage: StageQueue,
		Msg: "the server is shutting down and did not start this call's analysis: " + why +
			"; send it again (to another server, or to this one once it has restarted)", Err: Draining(why)}
}

// Draining is the cause (Error.Err) of a call refused while the engine
// drains (see Engine.Drain): why it was not expected to finish before the
// cut.
type Draining string

func (d Draining) Error() string { return string(d) }

// roundMs writes d to the millisecond (to the microsecond under 1 ms).
func roundMs(d time.Duration) string {
	if d < time.Millisecond && d > -time.Millisecond {
		return d.Round(time.Microsecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// withOp returns err, an *Error, with its Op set to op.
func withOp(err error, op string) error {
	if pe, ok := err.(*Error); ok {
		c := *pe
		c.Op = op
		return &c
	}
	return err
}
