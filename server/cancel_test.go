package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/text"
)

// cancelStages asks TestCancelLargeArticle to cancel inside every stage,
// not only at the fixed points (it then takes about a minute).
var cancelStages = flag.Bool("cancel-stages", false, "TestCancelLargeArticle: cancel a quarter into every stage of a 1 MB article")

// cancelBound is the issue-9 target: CPU stops within 50 ms of a cancel.
const cancelBound = 50 * time.Millisecond

// stageProbe wraps the stages of an engine to see which one runs when:
// each records its start and end, and signals its start to a waiting test.
type stageProbe struct {
	mu      sync.Mutex
	current string // stage running now
	since   time.Time
	runs    []stageRun             // since the last reset
	tid     int                    // thread of the stage running now (locked to it)
	want    atomic.Pointer[string] // stage whose start is signalled on started
	started chan string
}

// stageRun is one run of a stage; end is zero while it runs. startCPU and
// endCPU are the CPU time of its thread when it started and returned.
type stageRun struct {
	name       string
	start, end time.Time
	tid        int
	startCPU   time.Duration
	endCPU     time.Duration
	seen       time.Time     // when the stage's context was done (zero: not while it ran)
	seenCPU    time.Duration // its thread's CPU time then
}

// threadCPU returns the CPU time of thread tid of this process so far
// (schedstat: nanoseconds on a CPU), or -1.
func threadCPU(tid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/self/task/%d/schedstat", tid))
	if err != nil {
		return -1
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return -1
	}
	ns, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return -1
	}
	return time.Duration(ns)
}

func newStageProbe() *stageProbe { return &stageProbe{started: make(chan string, 1)} }

// wrap returns the stages with each run function recording into p.
func (p *stageProbe) wrap(stages []pipeline.Stage) []pipeline.Stage {
	out := make([]pipeline.Stage, len(stages))
	for i, s := range stages {
		name := s.Name
		wrapRun := func(run pipeline.RunFunc) pipeline.RunFunc {
			return func(ctx context.Context, st *pipeline.State) error {
				// the stage runs on one thread, so its own CPU time can be
				// told from the collector's and other goroutines'
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				tid := syscall.Gettid()
				p.mu.Lock()
				p.current, p.since, p.tid = name, time.Now(), tid
				p.runs = append(p.runs, stageRun{name: name, start: p.since, tid: tid, startCPU: threadCPU(tid)})
				k := len(p.runs) - 1
				p.mu.Unlock()
				stop := context.AfterFunc(ctx, func() {
					cpu := threadCPU(tid)
					p.mu.Lock()
					if k < len(p.runs) && p.runs[k].tid == tid {
						p.runs[k].seen, p.runs[k].seenCPU = time.Now(), cpu
					}
					p.mu.Unlock()
				})
				defer stop()
				if w := p.want.Load(); w != nil && *w == name {
					select {
					case p.started <- name:
					default:
					}
				}
				err := run(ctx, st)
				cpu := threadCPU(tid)
				p.mu.Lock()
				p.runs[k].end, p.runs[k].endCPU = time.Now(), cpu
				p.current = ""
				p.mu.Unlock()
				return err
			}
		}
		if load := s.Load; load != nil {
			s.Load = func() (pipeline.RunFunc, error) {
				run, err := load()
				if err != nil {
					return nil, err
				}
				return wrapRun(run), nil
			}
		}
		if load := s.LoadConfig; load != nil {
			s.LoadConfig = func(cfg *pipeline.Config) (pipeline.RunFunc, error) {
				run, err := load(cfg)
				if err != nil {
					return nil, err
				}
				return wrapRun(run), nil
			}
		}
		out[i] = s
	}
	return out
}

// reset forgets the previous runs; want names the stage whose start is to
// be signalled on p.started ("" for none).
func (p *stageProbe) reset(want string) {
	p.mu.Lock()
	p.runs, p.current = nil, ""
	p.mu.Unlock()
	select {
	case <-p.started:
	default:
	}
	if want == "" {
		p.want.Store(nil)
	} else {
		p.want.Store(&want)
	}
}

// running returns the stage running now and when it started.
func (p *stageProbe) running() (string, time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.current, p.since
}

// runningCPU returns the thread of the stage running now and its CPU time
// so far (0, 0 when none runs).
func (p *stageProbe) runningCPU() (int, time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.current == "" {
		return 0, 0
	}
	return p.tid, threadCPU(p.tid)
}

// after returns the runs that were going on at t or started after it.
func (p *stageProbe) after(t time.Time) []stageRun {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []stageRun
	for _, r := range p.runs {
		if r.end.IsZero() || r.end.After(t) {
			out = append(out, r)
		}
	}
	return out
}

// cancelOutcome is one measured cancel.
type cancelOutcome struct {
	label     string
	stage     string        // stage running at the cancel, else the first one run after it
	inStage   time.Duration // how long the stage had run when cancelled
	stageLat  time.Duration // cancel → the last stage returned
	seenLat   time.Duration // cancel → the running stage's context was done (-1: not seen while it ran)
	returnLat time.Duration // cancel → the call returned
	stageCPU  time.Duration // CPU of the stage running at the cancel, from the cancel until it returned
	cpu       time.Duration // process CPU from the cancel to the return (collector and other goroutines included)
	cpuAfter  time.Duration // process CPU over 100 ms, from 50 ms after the cancel (or the return, if later)
	later     []string      // stages run (or still running) after the cancel
	finished  bool          // the analysis was done before the cancel
	err       error
}

func (o cancelOutcome) String() string {
	if o.finished {
		return fmt.Sprintf("%-20s finished before the cancel (%v)", o.label, o.err)
	}
	st := o.stage
	if st == "" {
		st = "(no stage)"
	}
	return fmt.Sprintf("%-20s in %-16s after %6v: stage CPU after the cancel %v (its context done +%v); stages ran on +%v %v, call returned +%v; process CPU cancel→return %v, in 100 ms after %v",
		o.label, st, o.inStage.Round(time.Millisecond), o.stageCPU.Round(100*time.Microsecond), o.seenLat.Round(100*time.Microsecond), o.stageLat.Round(100*time.Microsecond), o.later,
		o.returnLat.Round(100*time.Microsecond), o.cpu.Round(100*time.Microsecond), o.cpuAfter.Round(100*time.Microsecond))
}

// measureCancel runs call (which must return once ctx is cancelled and
// its analysis stopped), cancels it when trigger returns, and measures how
// long work goes on.
func measureCancel(p *stageProbe, label, want string, trigger func() bool, call func(ctx context.Context) error) cancelOutcome {
	p.reset(want)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	var returned time.Time
	go func() {
		err := call(ctx)
		returned = time.Now()
		done <- err
	}()
	o := cancelOutcome{label: label}
	if !trigger() {
		o.err = <-done
		o.finished = true
		return o
	}
	tid, tc0 := p.runningCPU()
	c0 := cputime.Process()
	cancel()
	t0 := time.Now()
	select {
	case o.err = <-done:
	case <-time.After(30 * time.Second):
		o.err = fmt.Errorf("the call did not return within 30 s of the cancel")
		return o
	}
	o.cpu = cputime.Process() - c0
	o.returnLat = returned.Sub(t0)
	for i, r := range p.after(t0) {
		if i == 0 {
			o.stage = r.name
			o.inStage = max(0, t0.Sub(r.start))
		}
		switch {
		case r.tid == tid && tid != 0 && r.start.Before(t0):
			o.stageCPU += max(0, r.endCPU-tc0) // the stage running at the cancel
			o.seenLat = -1
			if !r.seen.IsZero() {
				o.seenLat = r.seen.Sub(t0)
			}
		case r.start.After(t0):
			o.stageCPU += r.endCPU - r.startCPU // a stage started after the cancel
		}
		o.later = append(o.later, r.name)
		o.stageLat = max(o.stageLat, r.end.Sub(t0))
	}
	if o.err == nil && len(o.later) == 0 {
		o.finished = true
		return o
	}
	time.Sleep(max(0, cancelBound-time.Since(t0)))
	c1 := cputime.Process()
	time.Sleep(100 * time.Millisecond)
	o.cpuAfter = cputime.Process() - c1
	return o
}

// uncheckedStages are the stages known not to look at the cancel while
// they run, with why: their overruns are reported, not failed. The others
// must stop within cancelBound of CPU. None is listed: the source stage's
// HTML extraction checks the cancel (internal/extract's TestCancelCPU),
// and so does the text stage's tokeniser, every 32 KB
// (TestLargeArticleTokeniserCancel).
var uncheckedStages = map[string]string{}

// cancelPoints are the fixed delays after which the tests cancel.
var cancelPoints = []time.Duration{100 * time.Millisecond, 300 * time.Millisecond, 600 * time.Millisecond, time.Second}

// checkOutcomes logs every outcome and fails the test for a checked stage
// whose own thread spent more than cancelBound of CPU after the cancel, or
// for CPU still spent once the call returned. (The process CPU from the
// cancel to the return is reported too; it also counts the collector
// freeing the abandoned analysis and, for streams, the marshalling of a
// part already sent when the cancel came.)
func checkOutcomes(t *testing.T, outs []cancelOutcome) {
	t.Helper()
	for _, o := range outs {
		t.Log(o)
		switch {
		case o.finished:
			continue
		case o.err == nil:
			t.Errorf("%s: the call succeeded after a cancel", o.label)
		case o.stageCPU > cancelBound && uncheckedStages[o.stage] != "":
			t.Logf("    known overrun in %s (%s)", o.stage, uncheckedStages[o.stage])
		case o.stageCPU > cancelBound:
			t.Errorf("%s: stage %q went on for %v of CPU after the cancel (bound %v)", o.label, o.stage, o.stageCPU, cancelBound)
		}
		// A garbage collection of the abandoned analysis (a 1 MB article's
		// tokens, entities and the HTML tree) may still be finishing: it
		// measured up to 34 ms on a loaded machine. Work that goes on in
		// the background (a stage that missed the cancel) spends ~100 ms
		// of the 100 ms, so cancelBound still tells them apart.
		if o.cpuAfter > cancelBound {
			t.Errorf("%s: the process spent %v of CPU in the 100 ms after the cancel settled; want ~0", o.label, o.cpuAfter)
		}
	}
}

// TestCancelLargeArticle measures issue 9's "a cancelled call stops its
// work promptly" in the engine: a 1 MB English article with every feature
// is cancelled 100 ms, 300 ms, 600 ms and 1 s into its analysis (with
// -cancel-stages, also a quarter into every stage), and the same article
// as a web page (an HTML source, extracted by the source stage) 10, 40
// and 100 ms in (with -cancel-stages, also an eighth, a quarter and half
// into the source stage); the test reports
// which stage was running, the CPU its thread spent after the cancel, how
// long it and the call went on, and the CPU the whole process spent until
// the call returned. A stage whose thread spends more than 50 ms of CPU
// after a cancel fails the test, by name, unless it is listed in
// uncheckedStages. CPU is the criterion: on a loaded machine wall time
// measures the neighbours.
//
//	go test ./server -run CancelLarge -v                   # fixed points, ~2 s each
//	go test ./server -run CancelLarge -v -cancel-stages    # every stage too, ~10 s
func TestCancelLargeArticle(t *testing.T) {
	if testing.Short() || raceSlowdown > 1 {
		t.Skip("analyses a 1 MB article with every model and measures CPU time")
	}
	art := longArticle(1 << 20)
	p := newStageProbe()
	eng, err := pipeline.New(pipeline.Config{Stages: p.wrap(pipeline.Stages()), MaxTextBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	req := &pipeline.Request{Source: pipeline.SourceText, Content: art,
		PublishTime: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	call := func(ctx context.Context) error {
		_, err := eng.Analyze(ctx, req, nil)
		return err
	}
	// warm up (see the note on warming up before sleepFor)
	if err := call(context.Background()); err != nil {
		t.Fatal(err)
	}
	var outs []cancelOutcome
	for _, at := range cancelPoints {
		outs = append(outs, measureAgain(func() cancelOutcome {
			return measureCancel(p, fmt.Sprintf("engine +%v", at), "", sleepFor(at), call)
		}))
	}
	// the same article as a web page: the source stage extracts it
	htmlReq := &pipeline.Request{Source: pipeline.SourceHTML, Content: articlePage(art), PublishTime: req.PublishTime}
	htmlCall := func(ctx context.Context) error {
		_, err := eng.Analyze(ctx, htmlReq, nil)
		return err
	}
	for _, at := range []time.Duration{10 * time.Millisecond, 40 * time.Millisecond, 100 * time.Millisecond} {
		outs = append(outs, measureAgain(func() cancelOutcome {
			return measureCancel(p, fmt.Sprintf("html +%v", at), "", sleepFor(at), htmlCall)
		}))
	}
	if *cancelStages {
		p.reset("")
		res, err := eng.Analyze(context.Background(), htmlReq, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, tm := range res.Timings {
			if tm.Stage != "source" {
				continue // the others run as on the text
			}
			t.Logf("uncancelled: a %d-byte page, %d bytes of text extracted; source %v wall", len(htmlReq.Content), len(res.Analysis.Text),
				tm.Duration.Round(time.Millisecond))
			for _, part := range []time.Duration{8, 4, 2} { // an eighth, a quarter and half into it
				outs = append(outs, measureCancel(p, fmt.Sprintf("html in source/%d", part), "source", func() bool {
					select {
					case <-p.started:
						time.Sleep(tm.Duration / part)
						return true
					case <-time.After(time.Minute):
						return false
					}
				}, htmlCall))
			}
		}
	}
	if *cancelStages {
		p.reset("")
		c0 := cputime.Process()
		res, err := eng.Analyze(context.Background(), req, nil)
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		for _, tm := range res.Timings {
			fmt.Fprintf(&sb, " %s %v,", tm.Stage, tm.Duration.Round(time.Millisecond))
		}
		t.Logf("uncancelled: %d bytes, %d sentences, %d tokens: %v wall, %v CPU;%s", len(art), len(res.Analysis.Sentences),
			len(res.Analysis.Tokens), res.Total.Round(time.Millisecond), (cputime.Process() - c0).Round(time.Millisecond),
			strings.TrimSuffix(sb.String(), ","))
		for _, tm := range res.Timings {
			if tm.Duration < 2*time.Millisecond {
				continue // nothing to interrupt; the engine checks between stages
			}
			outs = append(outs, measureCancel(p, "engine in "+tm.Stage, tm.Stage, func() bool {
				select {
				case <-p.started:
					time.Sleep(tm.Duration / 4) // wall times vary with the load: land early in the stage
					return true
				case <-time.After(time.Minute):
					return false
				}
			}, call))
		}
	}
	checkOutcomes(t, outs)
}

// measureAgain runs measure and, when the outcome breaks a bound (a
// checked stage overran, or the process kept spending CPU after the call
// settled), up to twice more: a cancel that lands while a collection of
// the previous 1 MB analysis runs, or in a rare long stretch between two
// checks, or on a machine whose other packages' tests are running (CI runs
// them side by side on 2 cores), is told from a stage that does not check,
// which overruns every time, by asking three times. It returns the best
// outcome, noting the others.
func measureAgain(measure func() cancelOutcome) cancelOutcome {
	broken := func(o cancelOutcome) bool {
		return !o.finished && uncheckedStages[o.stage] == "" && (o.stageCPU > cancelBound || o.cpuAfter > cancelBound)
	}
	o := measure()
	if !broken(o) {
		return o
	}
	tries := []cancelOutcome{o}
	for len(tries) < 3 && broken(o) {
		again := measure()
		tries = append(tries, again)
		if !again.finished && (!broken(again) || again.stageCPU+again.cpuAfter < o.stageCPU+o.cpuAfter) {
			o = again
		}
	}
	note := make([]string, len(tries))
	for i, r := range tries {
		note[i] = fmt.Sprintf("%v in %s, %v after", r.stageCPU.Round(100*time.Microsecond), r.stage, r.cpuAfter.Round(100*time.Microsecond))
	}
	o.label += fmt.Sprintf(" (of %d: %s)", len(tries), strings.Join(note, "; "))
	return o
}

// The cancel tests analyse their 1 MB article once in full before they
// measure. The first analysis of so long a text touches most
// of the models' pages for the first time: the page faults are charged to
// the stage's thread, and between two looks at the context (every 2,048
// tokens in the recogniser) they cost up to 100 ms of CPU where the same
// stretch costs 1-12 ms once the pages are in. That is start-up cost, paid
// once per process, not a stage that misses the cancel.

// sleepFor is a trigger that cancels after d.
func sleepFor(d time.Duration) func() bool {
	return func() bool { time.Sleep(d); return true }
}

// TestCancelLargeArticleRemote: the same over gRPC (unary and server
// streaming) and REST, the client cancelling its call (a gRPC context, an
// HTTP request whose connection closes): the server's analysis stops
// within 50 ms of CPU.
func TestCancelLargeArticleRemote(t *testing.T) {
	if testing.Short() || raceSlowdown > 1 {
		t.Skip("analyses a 1 MB article with every model and measures CPU time")
	}
	art := longArticle(1 << 20)
	p := newStageProbe()
	ts := startServerWith(t, true, func(c *Config) { c.MaxArticleBytes = 1 << 20 }, p.wrap)
	grpcCall := func(ctx context.Context) error {
		_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: textArticle("big", art)},
			grpc.MaxCallRecvMsgSize(64<<20))
		if status.Code(err) == codes.Canceled {
			// the client returns at once; the server's analysis is what
			// is measured: wait for the engine to give up
			waitIdle(p)
		}
		return err
	}
	body, err := json.Marshal(map[string]any{"article": map[string]string{"text": art}})
	if err != nil {
		t.Fatal(err)
	}
	restCall := func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, "POST", ts.base+"/v1/articles:analyze", bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			waitIdle(p)
			return err
		}
		defer resp.Body.Close()
		_, err = io.Copy(io.Discard, resp.Body)
		if err == nil && resp.StatusCode != 200 {
			err = fmt.Errorf("HTTP %d", resp.StatusCode)
		}
		return err
	}
	// warm up: the first call on a new connection is not what is measured,
	// nor the first analysis of a long article (see the note on warming up before sleepFor)
	if _, err := ts.client.AnalyzeArticle(ctxTimeout(t, 10*time.Second), &articlev1.AnalyzeArticleRequest{Article: textArticle("warm", article)}); err != nil {
		t.Fatal(err)
	}
	if err := grpcCall(ctxTimeout(t, 60*time.Second)); err != nil {
		t.Fatal(err)
	}
	var outs []cancelOutcome
	for _, at := range cancelPoints {
		outs = append(outs, measureAgain(func() cancelOutcome {
			return measureCancel(p, fmt.Sprintf("gRPC +%v", at), "", sleepFor(at), grpcCall)
		}))
	}
	streamCall := func(ctx context.Context) error {
		s, err := ts.client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{Article: textArticle("big", art)},
			grpc.MaxCallRecvMsgSize(64<<20))
		for err == nil {
			_, err = s.Recv()
		}
		if status.Code(err) == codes.Canceled {
			waitIdle(p)
		}
		if err == io.EOF {
			err = nil
		}
		return err
	}
	outs = append(outs, measureAgain(func() cancelOutcome {
		return measureCancel(p, "gRPC stream +300ms", "", sleepFor(300*time.Millisecond), streamCall)
	}))
	outs = append(outs, measureAgain(func() cancelOutcome {
		return measureCancel(p, "REST +300ms", "", sleepFor(300*time.Millisecond), restCall)
	}))
	checkOutcomes(t, outs)
}

// waitIdle waits until no stage has run for 20 ms (at most 30 s): the
// client's call returns at once when it cancels; the server's analysis is
// what is measured.
func waitIdle(p *stageProbe) {
	quiet := time.Time{}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Microsecond) {
		if s, _ := p.running(); s != "" {
			quiet = time.Time{}
			continue
		}
		if quiet.IsZero() {
			quiet = time.Now()
		} else if time.Since(quiet) > 20*time.Millisecond {
			return
		}
	}
}

// TestLargeArticleTokeniserCancel: the tokeniser (text.AnalyzeContext)
// stops soon after a cancel on a 1 MB article. It logs the CPU of a whole
// tokenising, and fails when a tokenising whose context is already done
// costs more than a quarter of that (best of three): a tokeniser that
// looked at its context only at the end would cost the whole. (That it
// stops half-way is internal/text's TestAnalyzeContext.)
func TestLargeArticleTokeniserCancel(t *testing.T) {
	if testing.Short() || raceSlowdown > 1 {
		t.Skip("measures CPU time on a 1 MB article")
	}
	art := longArticle(1 << 20)
	unlock := cputime.LockThread()
	defer unlock()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	whole, cancelled := time.Hour, time.Hour
	for range 3 {
		c0 := cputime.Thread()
		doc := text.Analyze(art)
		c1 := cputime.Thread()
		d, err := text.AnalyzeContext(ctx, art)
		c2 := cputime.Thread()
		if len(doc.Tokens) == 0 || d != nil || err != context.Canceled {
			t.Fatalf("Analyze: %d tokens; AnalyzeContext on a cancelled context: %v, %v", len(doc.Tokens), d, err)
		}
		whole, cancelled = min(whole, c1-c0), min(cancelled, c2-c1)
	}
	t.Logf("text.Analyze on %d bytes: %v of CPU; AnalyzeContext with a cancelled context: %v (best of 3)", len(art),
		whole.Round(100*time.Microsecond), cancelled.Round(10*time.Microsecond))
	if cancelled > whole/4 {
		t.Errorf("the tokeniser went on for %v of CPU on a cancelled context, of %v for the whole text", cancelled, whole)
	}
}

// articlePage wraps an article's paragraphs in a web page, with a menu,
// a sidebar and a footer around it.
func articlePage(art string) string {
	var page strings.Builder
	page.WriteString("<!doctype html><html><head><title>The long read</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>The long read</h1>\n")
	for para := range strings.SplitSeq(art, "\n\n") {
		page.WriteString("<p>" + html.EscapeString(para) + "</p>\n")
	}
	page.WriteString("</article><aside><h3>Most read</h3><ul><li><a href=\"/a\">Ferry prices rise</a></li></ul></aside><footer>© The Harbourton Herald</footer></body></html>")
	return page.String()
}
