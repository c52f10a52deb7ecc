package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// combineEngine returns an engine of the core stages and three marking
// stages a, b and c (features quotes, key phrases and categories). Each
// marking stage appends "stage:content" to the analysis's categories, after
// calling hook (when not nil) with the stage's name. The engine counts one
// CPU, so that two analyses in flight are enough to combine stages.
func combineEngine(t *testing.T, batch int, hook func(stage string, st *State)) *Engine {
	t.Helper()
	mark := func(name string) RunFunc {
		return func(ctx context.Context, st *State) error {
			if hook != nil {
				hook(name, st)
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			st.Analysis.Categories = append(st.Analysis.Categories, Category{Name: name + ":" + st.Request.Content})
			return nil
		}
	}
	stages := append(coreStages(),
		fakeStage("a", 50, []Feature{FeatureQuotes}, []Part{PartQuotes}, nil, mark("a")),
		fakeStage("b", 60, []Feature{FeatureKeyPhrases}, []Part{PartKeyPhrases}, nil, mark("b")),
		fakeStage("c", 70, []Feature{FeatureCategories}, []Part{PartCategories}, nil, mark("c")),
	)
	e := mustEngine(t, Config{Stages: stages, StageBatch: batch, MaxInFlight: 16})
	e.procs = 1
	e.parkWait = time.Minute // the tests hold stages on purpose
	return e
}

// wantMarks is what the marking stages write for the article s.
func wantMarks(s string) string { return "a:" + s + ",b:" + s + ",c:" + s }

func marks(a *Analysis) string {
	var out []string
	for _, c := range a.Categories {
		out = append(out, c.Name)
	}
	return strings.Join(out, ",")
}

// parkedOn waits until n calls are parked on the lane of the named stage.
func parkedOn(t *testing.T, e *Engine, stage string, n int) {
	t.Helper()
	var l *stageLane
	for i := range e.stages {
		if e.stages[i].Name == stage {
			l = e.stages[i].lane
		}
	}
	for deadline := time.Now().Add(5 * time.Second); ; {
		l.mu.Lock()
		got := len(l.queue)
		l.mu.Unlock()
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d calls parked on %s after 5 s, want %d", got, stage, n)
		}
		time.Sleep(time.Millisecond)
	}
}

type outcome struct {
	res    *Result
	err    error
	events []string
}

// TestCombineParkedStages holds article X in stage a until Y and Z have
// parked behind it, then checks that X's goroutine ran their stage a, that
// every article got its own analysis, timings and events, in order, and
// that Y, cancelled while parked, failed alone and at once.
func TestCombineParkedStages(t *testing.T) {
	inA := make(chan struct{})
	gate := make(chan struct{})
	e := combineEngine(t, 4, func(stage string, st *State) {
		if stage == "a" && st.Request.Content == "X" {
			close(inA)
			<-gate
		}
	})
	req := func(s string) *Request {
		return textReq(s, FeatureQuotes, FeatureKeyPhrases, FeatureCategories)
	}
	solo := func() []string { // the events of an article analysed alone
		var ev []string
		if _, err := e.Analyze(context.Background(), req("S"), func(x Event) error {
			ev = append(ev, fmt.Sprint(x.Stage, x.Parts))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return ev
	}()

	out := map[string]*outcome{}
	var wg sync.WaitGroup
	ctxY, cancelY := context.WithCancel(context.Background())
	defer cancelY()
	start := func(s string, ctx context.Context) {
		o := &outcome{}
		out[s] = o
		wg.Go(func() {
			o.res, o.err = e.Analyze(ctx, req(s), func(x Event) error {
				o.events = append(o.events, fmt.Sprint(x.Stage, x.Parts))
				return nil
			})
		})
	}
	start("X", context.Background())
	<-inA
	combined0 := e.combined.Load()
	start("Y", ctxY)
	parkedOn(t, e, "a", 1)
	start("Z", context.Background())
	parkedOn(t, e, "a", 2)

	// Y is cancelled while parked: it fails at once, with X still in a
	cancelY()
	for deadline := time.Now().Add(5 * time.Second); ; {
		l := e.stages[slices.IndexFunc(e.stages, func(s loadedStage) bool { return s.Name == "a" })].lane
		l.mu.Lock()
		n := len(l.queue)
		l.mu.Unlock()
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the cancelled call is still parked")
		}
		time.Sleep(time.Millisecond)
	}
	close(gate)
	wg.Wait()

	if KindOf(out["Y"].err) != KindCanceled {
		t.Errorf("Y: err = %v, want canceled", out["Y"].err)
	}
	for _, s := range []string{"X", "Z"} {
		o := out[s]
		if o.err != nil {
			t.Fatalf("%s: %v", s, o.err)
		}
		if got := marks(o.res.Analysis); got != wantMarks(s) {
			t.Errorf("%s: stages wrote %q, want %q", s, got, wantMarks(s))
		}
		var names []string
		for _, tm := range o.res.Timings {
			names = append(names, tm.Stage)
		}
		if got := strings.Join(names, ","); got != "source,text,a,b,c" {
			t.Errorf("%s: timings of %s", s, got)
		}
		if !slices.Equal(o.events, solo) {
			t.Errorf("%s: events %v, want %v", s, o.events, solo)
		}
	}
	if e.combined.Load() == combined0 {
		t.Error("no stage ran for a parked analysis")
	}
}

// TestCombinePanicFailsOneArticle has a parked article's stage panic on the
// combiner's goroutine: that article fails with an internal error, the
// combiner's own and the other parked one succeed.
func TestCombinePanicFailsOneArticle(t *testing.T) {
	inA := make(chan struct{})
	gate := make(chan struct{})
	e := combineEngine(t, 4, func(stage string, st *State) {
		switch {
		case stage == "a" && st.Request.Content == "X":
			close(inA)
			<-gate
		case stage == "a" && st.Request.Content == "P":
			panic("boom")
		}
	})
	fs := []Feature{FeatureQuotes, FeatureKeyPhrases, FeatureCategories}
	out := map[string]*outcome{"X": {}, "P": {}, "Z": {}}
	var wg sync.WaitGroup
	run := func(s string) {
		wg.Go(func() { out[s].res, out[s].err = e.Analyze(context.Background(), textReq(s, fs...), nil) })
	}
	run("X")
	<-inA
	run("P")
	parkedOn(t, e, "a", 1)
	run("Z")
	parkedOn(t, e, "a", 2)
	close(gate)
	wg.Wait()
	if KindOf(out["P"].err) != KindInternal {
		t.Errorf("P: err = %v, want internal", out["P"].err)
	}
	for _, s := range []string{"X", "Z"} {
		if out[s].err != nil {
			t.Fatalf("%s: %v", s, out[s].err)
		}
		if got := marks(out[s].res.Analysis); got != wantMarks(s) {
			t.Errorf("%s: stages wrote %q, want %q", s, got, wantMarks(s))
		}
	}
}

// TestCombineStress runs many analyses at once through stages that spin for
// random short times, with some cancelled, some whose emit fails and some
// whose stage panics, on small batches (so that lanes change hands): every
// call must return, with its own result or its own error.
func TestCombineStress(t *testing.T) {
	for _, batch := range []int{2, 4} {
		t.Run(fmt.Sprint("batch=", batch), func(t *testing.T) {
			e := combineEngine(t, batch, func(stage string, st *State) {
				if strings.HasPrefix(st.Request.Content, "panic-"+stage) {
					panic("boom")
				}
				d := time.Duration(rand.IntN(200)) * time.Microsecond
				for t0 := time.Now(); time.Since(t0) < d; {
				}
				runtime.Gosched()
			})
			fs := []Feature{FeatureQuotes, FeatureKeyPhrases, FeatureCategories}
			const callers, calls = 12, 40
			combined0 := e.combined.Load()
			var wg sync.WaitGroup
			for g := range callers {
				wg.Go(func() {
					for i := range calls {
						s := fmt.Sprintf("g%d-%d", g, i)
						ctx, cancel := context.WithCancel(context.Background())
						var emit func(Event) error
						switch i % 8 {
						case 1:
							s = "panic-" + []string{"a", "b", "c"}[g%3] + s
						case 2:
							time.AfterFunc(time.Duration(rand.IntN(300))*time.Microsecond, cancel)
						case 3:
							stop := []string{"a", "b", "c"}[g%3]
							emit = func(ev Event) error {
								if ev.Stage == stop {
									return errors.New("client gone")
								}
								return nil
							}
						}
						res, err := e.Analyze(ctx, textReq(s, fs...), emit)
						cancel()
						switch {
						case i%8 == 1:
							if KindOf(err) != KindInternal {
								t.Errorf("%s: err = %v, want internal", s, err)
							}
						case i%8 == 2:
							if err != nil && KindOf(err) != KindCanceled {
								t.Errorf("%s: err = %v, want canceled or none", s, err)
							}
							if err == nil && marks(res.Analysis) != wantMarks(s) {
								t.Errorf("%s: stages wrote %q", s, marks(res.Analysis))
							}
						case i%8 == 3:
							if err == nil || err.Error() != "client gone" {
								t.Errorf("%s: err = %v, want the emit error", s, err)
							}
						default:
							if err != nil {
								t.Errorf("%s: %v", s, err)
							} else if got := marks(res.Analysis); got != wantMarks(s) {
								t.Errorf("%s: stages wrote %q, want %q", s, got, wantMarks(s))
							}
						}
					}
				})
			}
			done := make(chan struct{})
			go func() { wg.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(60 * time.Second):
				buf := make([]byte, 1<<20)
				t.Fatalf("calls still running after 60 s:\n%s", buf[:runtime.Stack(buf, true)])
			}
			if in, _, _ := e.Load(); in != 0 || e.inFlight.Load() != 0 || e.runnable.Load() != 0 {
				t.Errorf("after the calls: %d in flight, counts %d and %d", in, e.inFlight.Load(), e.runnable.Load())
			}
			for i := range e.stages {
				l := e.stages[i].lane
				if l == nil {
					continue
				}
				if l.running || len(l.queue) > 0 || l.coming.Load() != 0 {
					t.Errorf("lane %s left running=%v queue=%d coming=%d", e.stages[i].Name, l.running, len(l.queue), l.coming.Load())
				}
			}
			t.Logf("%d stage runs for parked analyses", e.combined.Load()-combined0)
		})
	}
}

// TestCombinedOutputsIdentical analyses different articles with every
// feature, many at once with stage combining (on an engine that counts one
// CPU, so that it combines whenever two analyses are in flight), and checks
// that each gets exactly the analysis it gets alone.
func TestCombinedOutputsIdentical(t *testing.T) {
	e := benchEngine(t)
	n := 8
	if testing.Short() {
		n = 4
	}
	arts := distinctArticles(t, n)
	want := make([]string, len(arts))
	var stages int
	oldBatch, oldProcs := e.batch, e.procs
	defer func() { e.batch, e.procs = oldBatch, oldProcs }()
	e.batch = 1
	for i, s := range arts {
		res, err := e.Analyze(context.Background(), benchRequest(s), nil)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(res.Analysis)
		want[i] = string(b)
		stages = len(res.Timings)
	}
	e.batch, e.procs = DefaultStageBatch, 1
	combined0 := e.combined.Load()
	var wg sync.WaitGroup
	callers := max(e.adm.limit, 2) // as many as run at once: none is refused
	for g := range callers {
		wg.Go(func() {
			for k := g; k < 2*len(arts); k += callers {
				i := k % len(arts)
				res, err := e.Analyze(context.Background(), benchRequest(arts[i]), nil)
				if err != nil {
					t.Error(err)
					return
				}
				if b, _ := json.Marshal(res.Analysis); string(b) != want[i] {
					t.Errorf("article %d: the analysis differs from the one made alone", i)
				}
				if len(res.Timings) != stages {
					t.Errorf("article %d: %d timings, want %d", i, len(res.Timings), stages)
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d stage runs for parked analyses", e.combined.Load()-combined0)
}

// TestCombineWaitBounds holds article X in stage a: a small article parked
// behind it runs the stage itself after parkWait, and a long article
// (over maxCombineText) does not park at all.
func TestCombineWaitBounds(t *testing.T) {
	long := strings.Repeat("A long article goes on. ", maxCombineText/24+1)
	for _, tc := range []struct {
		name, content string
		parkWait      time.Duration
	}{
		{"parkWait", "Y", 20 * time.Millisecond},
		{"long", long, time.Minute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inA := make(chan struct{})
			ranA := make(chan struct{})
			gate := make(chan struct{})
			e := combineEngine(t, 4, func(stage string, st *State) {
				switch {
				case stage != "a":
				case st.Request.Content == "X":
					close(inA)
					<-gate
				default:
					close(ranA)
				}
			})
			e.parkWait = tc.parkWait
			fs := []Feature{FeatureQuotes, FeatureKeyPhrases, FeatureCategories}
			var wg sync.WaitGroup
			errs := make([]error, 2)
			wg.Go(func() { _, errs[0] = e.Analyze(context.Background(), textReq("X", fs...), nil) })
			<-inA
			wg.Go(func() { _, errs[1] = e.Analyze(context.Background(), textReq(tc.content, fs...), nil) })
			select {
			case <-ranA:
			case <-time.After(10 * time.Second):
				t.Fatal("the second article never ran stage a while the first held it")
			}
			close(gate)
			wg.Wait()
			for _, err := range errs {
				if err != nil {
					t.Error(err)
				}
			}
		})
	}
}
