package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func numCPU() int { return runtime.NumCPU() }

// maxOutstanding bounds the calls the overload driver keeps open, so the
// load test itself cannot run away; calls over it count as client drops.
const maxOutstanding = 4096

// window is one reporting window of the overload run.
type window struct {
	start         time.Duration
	sent, dropped int64
	rec           *recorder
	rssKB         int64
	load          string
}

type overloadReport struct {
	sustainable, rate float64
	duration, win     time.Duration
	windows           []*window
	total             *recorder
	totalSent         int64
	// recovery, after the load stopped
	firstOK   time.Duration // from the end of the overload to the first success
	recovery  result
	recovered bool
}

// overloadRun sends gRPC unary calls open-loop (at a fixed rate, whatever
// the answers) for d, reporting per window, then drives one caller for 3 s
// to see that the server answers normally again.
func (t *target) overloadRun(ctx context.Context, rate float64, d, win time.Duration, pid int, logf func(string, ...any)) *overloadReport {
	rep := &overloadReport{rate: rate, duration: d, win: win, total: newRecorder()}
	logf("overload: %.0f articles/s open-loop for %v", rate, d)
	interval := time.Duration(float64(time.Second) / rate)
	var outstanding atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	var cur *window
	next := start
	for i := 0; ; i++ {
		now := time.Now()
		el := now.Sub(start)
		if el >= d || ctx.Err() != nil {
			break
		}
		if cur == nil || el >= cur.start+win {
			if cur != nil {
				cur.rssKB, _ = memory(pid)
				cur.load = loadAverage()
				logf("  %3.0fs: sent %d, ok %d, errors %s, rss %d MB", cur.start.Seconds(), cur.sent, cur.rec.ok.Load(), errorSummary(cur.rec.errs), cur.rssKB>>10)
			}
			cur = &window{start: el.Truncate(win), rec: newRecorder()}
			rep.windows = append(rep.windows, cur)
		}
		if outstanding.Load() >= maxOutstanding {
			cur.dropped++
		} else {
			cur.sent++
			rep.totalSent++
			outstanding.Add(1)
			w := cur
			wg.Go(func() {
				defer outstanding.Add(-1)
				cctx, cancel := context.WithTimeout(ctx, t.timeout)
				defer cancel()
				t0 := time.Now()
				_, err := t.client(i).AnalyzeArticle(cctx, t.request(""))
				if err != nil {
					code := status.Code(err).String()
					w.rec.failure(code)
					rep.total.failure(code)
					return
				}
				lat := time.Since(t0)
				w.rec.success(lat)
				rep.total.success(lat)
			})
		}
		next = next.Add(interval)
		if sl := time.Until(next); sl > 0 {
			time.Sleep(sl)
		}
	}
	if cur != nil {
		cur.rssKB, _ = memory(pid)
		cur.load = loadAverage()
	}
	// Recovery: one caller, from the moment the overload stops sending
	// (while the calls still open finish).
	end := time.Now()
	rec := newRecorder()
	for time.Since(end) < 3*time.Second && ctx.Err() == nil {
		t.callWith(ctx, modeGRPC, 0, rec, false) // no back-off: probe as fast as it answers
		if rec.ok.Load() == 1 && rep.firstOK == 0 {
			rep.firstOK = time.Since(end)
		}
	}
	rep.recovery = rec.result(modeGRPC, 1, t.words, time.Since(end))
	rep.recovered = rep.recovery.OK > 0 && rep.firstOK < time.Second
	wg.Wait()
	return rep
}

func (rep *overloadReport) print(w io.Writer) {
	fmt.Fprintf(w, "\nOverload: gRPC unary open-loop at %.0f articles/s (%.1f × the sustainable %.0f/s) for %v; deadline per call as -timeout.\n\n",
		rep.rate, rep.rate/rep.sustainable, rep.sustainable, rep.duration)
	fmt.Fprintln(w, "| window | sent | ok/s | RESOURCE_EXHAUSTED | other errors | ok p50 ms | ok p99 ms | ok max ms | server RSS MB | load |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---|---:|---:|---:|---:|---|")
	for _, win := range rep.windows {
		r := win.rec.result(modeGRPC, 0, 0, time.Second)
		shed := r.Errors[codes.ResourceExhausted.String()]
		delete(r.Errors, codes.ResourceExhausted.String())
		other := errorSummary(r.Errors)
		if win.dropped > 0 {
			other += fmt.Sprintf(", client drops×%d", win.dropped)
		}
		span := min(rep.duration-win.start, rep.win)
		fmt.Fprintf(w, "| %.0f–%.0f s | %d | %.0f | %d | %s | %s | %s | %s | %d | %s |\n",
			win.start.Seconds(), (win.start + span).Seconds(), win.sent, float64(r.OK)/span.Seconds(), shed, other,
			ms(r.P50), ms(r.P99), ms(r.Max), win.rssKB>>10, win.load)
	}
	tot := rep.total.result(modeGRPC, 0, 0, rep.duration)
	fmt.Fprintf(w, "\nTotal: %d sent, %d ok (%.0f/s), errors %s; ok latency p50 %s ms, p99 %s ms, max %s ms.\n",
		rep.totalSent, tot.OK, tot.ArticlesPS, errorSummary(tot.Errors), ms(tot.P50), ms(tot.P99), ms(tot.Max))
	r := rep.recovery
	fmt.Fprintf(w, "Recovery (one caller for 3 s from the moment the overload stopped sending): first success after %s ms; %d ok, errors %s, p50 %s ms, p99 %s ms; recovered (a success within 1 s): %v.\n",
		ms(rep.firstOK), r.OK, errorSummary(r.Errors), ms(r.P50), ms(r.P99), rep.recovered)
}
