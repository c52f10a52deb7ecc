package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// TestOverloadShedsAndRecovers drives the real server (two analysis slots,
// a queue of two and a 250 ms queue wait) open-loop at twice the rate it
// sustains, for 3 s. Each analysis runs the core stages plus a stage that
// takes 20 ms of wall time, so the sustainable rate (100 articles/s) does not
// depend on how busy the machine is. The server must shed the excess with
// RESOURCE_EXHAUSTED (reason OVERLOADED, with a retry hint) rather than
// queue it: accepted calls keep a bounded latency, the heap does not grow
// with the backlog, and calls succeed again as soon as the load stops.
// (cmd/loadtest -overload 60s runs the same at full length.)
func TestOverloadShedsAndRecovers(t *testing.T) {
	const maxWait = 250 * time.Millisecond
	srv := quietServer(t, "--max-in-flight", "2", "--max-queue", "2", "--max-queue-wait", maxWait.String(), "--log-level", "error")
	const work = 20 * time.Millisecond
	srv.stages = append(srv.stages, lightStages()...)
	srv.stages = append(srv.stages, pipeline.Stage{Name: "work", Order: 15, Always: true,
		Load: func() (pipeline.RunFunc, error) {
			return func(ctx context.Context, st *pipeline.State) error {
				select {
				case <-time.After(work):
				case <-ctx.Done():
				}
				return ctx.Err()
			}, nil
		}})
	runServer(t, srv)
	client := readyClient(t, srv)
	// a short article: the test is about admission, and little CPU per call
	// keeps it steady on a busy machine
	req := &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Text{
		Text: "The council approved the tram line on Tuesday. Construction starts next spring."}}}
	call := func() (time.Duration, error) {
		cctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		t0 := time.Now()
		_, err := client.AnalyzeArticle(cctx, req)
		return time.Since(t0), err
	}

	// The sustainable rate: two callers (the slots), closed loop, for 1 s.
	var calibrated []time.Duration
	var mu sync.Mutex
	var wg sync.WaitGroup
	cstart := time.Now()
	for range 2 {
		wg.Go(func() {
			for time.Since(cstart) < time.Second {
				d, err := call()
				if err != nil {
					t.Errorf("calibration call: %v", err)
					return
				}
				mu.Lock()
				calibrated = append(calibrated, d)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	rate := float64(len(calibrated)) / time.Since(cstart).Seconds()
	slices.Sort(calibrated)
	service := calibrated[len(calibrated)*99/100]
	t.Logf("sustainable: %.1f articles/s, p99 %v; overload at %.1f/s for 3 s", rate, service, 2*rate)

	// Twice that rate, open loop, for 3 s, sampling the heap.
	var heap []uint64
	stopSampling := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Go(func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			heap = append(heap, ms.HeapInuse)
			select {
			case <-stopSampling:
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	})
	var okLat, lateLat []time.Duration // accepted calls; those sent in the last second
	var shed, other atomic.Int64
	var retryHint atomic.Bool
	var peak, outstanding atomic.Int64
	interval := time.Duration(float64(time.Second) / (2 * rate))
	ostart := time.Now()
	for next := ostart; time.Since(ostart) < 3*time.Second; next = next.Add(interval) {
		time.Sleep(time.Until(next))
		if n := outstanding.Add(1); n > peak.Load() {
			peak.Store(n)
		}
		late := time.Since(ostart) >= 2*time.Second
		wg.Go(func() {
			defer outstanding.Add(-1)
			d, err := call()
			switch st := status.Convert(err); {
			case err == nil:
				mu.Lock()
				okLat = append(okLat, d)
				if late {
					lateLat = append(lateLat, d)
				}
				mu.Unlock()
			case st.Code() == codes.ResourceExhausted:
				shed.Add(1)
				for _, det := range st.Details() {
					if ri, ok := det.(*errdetails.RetryInfo); ok && ri.GetRetryDelay().AsDuration() > 0 {
						retryHint.Store(true)
					}
				}
				if reason(st) != "OVERLOADED" {
					t.Errorf("RESOURCE_EXHAUSTED with reason %q, want OVERLOADED", reason(st))
				}
			default:
				other.Add(1)
				t.Errorf("overload call: %v", err)
			}
		})
	}
	wg.Wait()
	close(stopSampling)
	sampler.Wait()

	slices.Sort(okLat)
	if len(okLat) == 0 {
		t.Fatal("no call succeeded under overload")
	}
	p99 := okLat[len(okLat)*99/100]
	t.Logf("overload: %d ok (p50 %v, p99 %v), %d shed, %d other errors, at most %d calls open",
		len(okLat), okLat[len(okLat)/2], p99, shed.Load(), other.Load(), peak.Load())
	if shed.Load() == 0 {
		t.Error("nothing was shed at twice the sustainable rate")
	}
	if !retryHint.Load() {
		t.Error("no RESOURCE_EXHAUSTED carried a RetryInfo")
	}
	// An accepted call waits at most maxWait, then runs for about 20 ms.
	// Unbounded queueing would make calls sent in the last second wait
	// about 2.5 s (the backlog grows by the sustainable rate every second);
	// the median of those is the steady signal on a busy machine, the p99 a
	// looser one.
	if len(lateLat) == 0 {
		t.Fatal("no call sent in the last second succeeded")
	}
	slices.Sort(lateLat)
	if med, bound := lateLat[len(lateLat)/2], maxWait+service+300*time.Millisecond; med > bound {
		t.Errorf("median latency of accepted calls in the last second %v, over the bound %v", med, bound)
	}
	if bound := 2*time.Second + 3*service; p99 > bound {
		t.Errorf("p99 of accepted calls %v, over the bound %v", p99, bound)
	}
	third := max(1, len(heap)/3)
	first, last := slices.Max(heap[:third]), slices.Max(heap[len(heap)-third:])
	t.Logf("heap in use: peak %d MB in the first second, %d MB in the last", first>>20, last>>20)
	if last > first*3/2+64<<20 {
		t.Errorf("heap grew under overload: %d MB → %d MB", first>>20, last>>20)
	}

	// Recovery: calls succeed at once now that the load is gone.
	for i := range 5 {
		d, err := call()
		if err != nil {
			t.Fatalf("call %d after the overload: %v", i, err)
		}
		if d > time.Second+3*service {
			t.Errorf("call %d after the overload took %v", i, d)
		}
	}
}

// TestOverloadWithinCapacity: with the default admission settings (2
// analyses per CPU and as many queued), as many closed-loop callers as
// there are slots and queue places, over gRPC and over REST, are never
// refused, even with every analysis holding its slot for a while (a 2 ms
// stage) so that the queue is always full. That is the guarantee behind
// "concurrency 8 without errors" on 2 CPUs.
func TestOverloadWithinCapacity(t *testing.T) {
	work := func(stages []pipeline.Stage) []pipeline.Stage {
		return append(stages, pipeline.Stage{Name: "work", Order: 16, Always: true,
			Load: func() (pipeline.RunFunc, error) {
				return func(ctx context.Context, st *pipeline.State) error {
					time.Sleep(2 * time.Millisecond)
					return nil
				}, nil
			}})
	}
	ts := startServerWith(t, false, func(c *Config) { c.MaxInFlight, c.MaxQueue = 0, 0 }, work)
	callers := 2 * pipeline.DefaultInFlightPerCPU * runtime.GOMAXPROCS(0)
	ctx := ctxTimeout(t, 30*time.Second)
	var ok, failed atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for i := range callers {
		wg.Go(func() {
			for time.Since(start) < 1500*time.Millisecond {
				var err error
				if i%2 == 0 {
					_, err = ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("", article)})
				} else {
					resp := post(t, ts.base+"/v1/articles:analyze", `{"article":{"text":"The ferry left at noon. It came back empty."}}`)
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						err = fmt.Errorf("REST status %d", resp.StatusCode)
					}
				}
				if err != nil {
					if failed.Add(1) <= 3 {
						t.Errorf("caller %d: %v", i, err)
					}
					continue
				}
				ok.Add(1)
			}
		})
	}
	wg.Wait()
	t.Logf("%d callers: %d calls, %d refused or failed", callers, ok.Load()+failed.Load(), failed.Load())
	if failed.Load() > 0 {
		t.Errorf("%d calls failed with %d callers on %d slots and a queue of as many", failed.Load(), callers, callers/2)
	}
}
