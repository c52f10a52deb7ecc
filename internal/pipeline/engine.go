package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lector-nlp/lector/internal/fetch"
)

// SourceKind is the kind of an article source.
type SourceKind int

// The source kinds.
const (
	SourceText SourceKind = iota + 1
	SourceHTML
	SourceURL
)

func (k SourceKind) String() string {
	switch k {
	case SourceText:
		return "text"
	case SourceHTML:
		return "html"
	case SourceURL:
		return "url"
	}
	return "unknown"
}

// Request is one article to analyse. The service validates it before the
// engine sees it.
type Request struct {
	ID     string
	Source SourceKind
	// Content is the text, the HTML or the URL, after Source.
	Content      string
	Title        string
	PublishTime  time.Time
	LanguageHint string
	// Features is the set of requested features; zero means all.
	Features FeatureSet
	// SummarySentences and KeyPhraseCount are options; zero means default.
	SummarySentences int
	KeyPhraseCount   int
}

// Default option values.
const (
	DefaultSummarySentences = 3
	DefaultKeyPhraseCount   = 10
)

// Config configures an Engine.
type Config struct {
	// Stages are the stages to run; nil means the registered ones (Stages()).
	Stages []Stage
	// MaxTextBytes limits the analysed text, after extraction from HTML or a
	// page; zero means no limit.
	MaxTextBytes int
	// MaxInFlight limits the analyses running at once; further calls queue
	// for a slot. Zero means 4 per CPU.
	MaxInFlight int
	// MaxQueue limits the calls waiting for a slot; a call that finds the
	// queue full fails at once with KindOverloaded (reason OVERLOADED).
	// Zero means MaxInFlight; negative means no queue: a call fails as soon
	// as every slot is taken.
	MaxQueue int
	// MaxWait limits how long a call waits in the queue before it fails with
	// KindOverloaded; the caller's deadline, when sooner, ends the wait with
	// KindDeadline instead. Zero means 1 second.
	MaxWait time.Duration
	// Fetch configures the fetching of URL sources: limits, timeouts and
	// the addresses admitted despite being private or loopback.
	Fetch fetch.Options
	// Logger receives load failures; nil discards them.
	Logger *slog.Logger
}

// Event reports that a stage finished and which parts of the Analysis are
// now complete. Analysis is the analysis being built: read it only during
// the callback.
type Event struct {
	Stage    string
	Parts    []Part
	Features FeatureSet
	Analysis *Analysis
}

// Engine runs the stages on articles. It is safe for concurrent use.
type Engine struct {
	stages   []loadedStage // loaded, in order
	failed   map[string]error
	all      []Stage // as configured, for capabilities
	maxBytes int
	slots    chan struct{}

	// Admission control (see acquire).
	maxQueue int
	maxWait  time.Duration
	waiting  atomic.Int64
	avgRun   atomic.Int64 // moving average of the time an analysis holds a slot, ns
	shed     atomic.Int64 // calls refused as overloaded since start
}

type loadedStage struct {
	Stage
	run RunFunc
}

// New loads every stage in parallel and returns the engine. A stage that
// fails to load is left out and its features are reported as unavailable;
// New itself fails only on an invalid configuration.
func New(cfg Config) (*Engine, error) {
	stages := cfg.Stages
	if stages == nil {
		stages = Stages()
	}
	stages = slices.Clone(stages)
	slices.SortStableFunc(stages, func(a, b Stage) int { return a.Order - b.Order })
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	names := map[string]bool{}
	for _, s := range stages {
		if s.Name == "" || (s.Load == nil && s.LoadConfig == nil) {
			return nil, fmt.Errorf("pipeline: stage %q has no name or no Load", s.Name)
		}
		if names[s.Name] {
			return nil, fmt.Errorf("pipeline: stage %q registered twice", s.Name)
		}
		names[s.Name] = true
	}
	for _, s := range stages {
		for _, r := range s.Requires {
			if !names[r] {
				return nil, fmt.Errorf("pipeline: stage %q requires unknown stage %q", s.Name, r)
			}
		}
	}

	runs := make([]RunFunc, len(stages))
	errs := make([]error, len(stages))
	var wg sync.WaitGroup
	for i, s := range stages {
		wg.Go(func() {
			start := time.Now()
			defer func() {
				if r := recover(); r != nil {
					errs[i] = fmt.Errorf("panic while loading: %v", r)
				}
			}()
			if s.LoadConfig != nil {
				runs[i], errs[i] = s.LoadConfig(&cfg)
			} else {
				runs[i], errs[i] = s.Load()
			}
			if errs[i] == nil && runs[i] == nil {
				errs[i] = fmt.Errorf("Load returned no run function")
			}
			log.Debug("stage loaded", "stage", s.Name, "duration", time.Since(start))
		})
	}
	wg.Wait()

	e := &Engine{failed: map[string]error{}, all: stages, maxBytes: cfg.MaxTextBytes}
	for i, s := range stages {
		if errs[i] != nil {
			log.Error("stage failed to load; its features are unavailable", "stage", s.Name, "err", errs[i])
			e.failed[s.Name] = errs[i]
			continue
		}
		e.stages = append(e.stages, loadedStage{Stage: s, run: runs[i]})
	}
	n := cfg.MaxInFlight
	if n <= 0 {
		n = 4 * runtime.GOMAXPROCS(0)
	}
	e.slots = make(chan struct{}, n)
	e.maxQueue = cfg.MaxQueue
	if e.maxQueue == 0 {
		e.maxQueue = n
	}
	e.maxWait = cfg.MaxWait
	if e.maxWait <= 0 {
		e.maxWait = DefaultMaxWait
	}
	return e, nil
}

// DefaultMaxWait is the longest a call waits for a slot when Config.MaxWait
// is zero.
const DefaultMaxWait = time.Second

// RetryAfter is the cause (Error.Err) of a KindOverloaded error: how long
// the caller should wait before trying again. The service returns it to the
// caller as a google.rpc.RetryInfo.
type RetryAfter time.Duration

func (r RetryAfter) Error() string { return "retry after " + time.Duration(r).String() }

// Load reports the analyses running now, the calls waiting for a slot, and
// the calls refused as overloaded since the engine started.
func (e *Engine) Load() (inFlight, waiting int, shed int64) {
	return len(e.slots), int(e.waiting.Load()), e.shed.Load()
}

// acquire takes an analysis slot. When every slot is taken the call joins a
// queue of at most maxQueue callers (served in arrival order) and waits at
// most maxWait; past either bound it fails with KindOverloaded at once, so
// that under overload the server sheds work quickly instead of letting
// memory and latency grow with the number of waiting calls.
func (e *Engine) acquire(ctx context.Context, op string) error {
	select {
	case e.slots <- struct{}{}:
		return nil
	default:
	}
	if err := ctx.Err(); err != nil {
		return ctxError(op, err)
	}
	if e.maxQueue < 0 || e.waiting.Add(1) > int64(e.maxQueue) {
		if e.maxQueue >= 0 {
			e.waiting.Add(-1)
		}
		select {
		case e.slots <- struct{}{}: // a slot freed up meanwhile
			return nil
		default:
		}
		return e.overloaded(op, "the server is at capacity and its queue is full")
	}
	defer e.waiting.Add(-1)
	t := time.NewTimer(e.maxWait)
	defer t.Stop()
	select {
	case e.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctxError(op, ctx.Err())
	case <-t.C:
		return e.overloaded(op, "the server is at capacity: no analysis slot freed up within "+e.maxWait.String())
	}
}

// overloaded returns the KindOverloaded error with a retry hint: about the
// time the current queue and the running analyses need to drain, between
// 50 ms and 5 s.
func (e *Engine) overloaded(op, msg string) error {
	e.shed.Add(1)
	backlog := int64(cap(e.slots)) + max(e.waiting.Load(), 0)
	d := time.Duration(e.avgRun.Load() * backlog / int64(cap(e.slots)))
	d = min(max(d, 50*time.Millisecond), 5*time.Second).Round(10 * time.Millisecond)
	return &Error{Kind: KindOverloaded, Op: op, Reason: "OVERLOADED",
		Msg: msg + "; retry after " + d.String(), Err: RetryAfter(d)}
}

// release frees a slot and folds the time it was held into the average.
func (e *Engine) release(held time.Duration) {
	<-e.slots
	old := e.avgRun.Load()
	if old == 0 {
		e.avgRun.Store(int64(held))
	} else {
		e.avgRun.Store(old + (int64(held)-old)/16)
	}
}

// plan returns the stages to run for the features fs, in order, and the
// requested features no stage can serve.
func (e *Engine) plan(fs FeatureSet) (run []*loadedStage, missing []Feature) {
	byName := map[string]*loadedStage{}
	for i := range e.stages {
		byName[e.stages[i].Name] = &e.stages[i]
	}
	want := map[string]bool{}
	var need func(s *loadedStage) bool
	need = func(s *loadedStage) bool {
		for _, r := range s.Requires {
			rs, ok := byName[r]
			if !ok || !need(rs) {
				return false // a required stage failed to load
			}
		}
		want[s.Name] = true
		return true
	}
	served := FeatureSet(0)
	for i := range e.stages {
		s := &e.stages[i]
		serves := s.Always
		for _, f := range s.Features {
			if fs.Has(f) {
				serves = true
			}
		}
		if serves && need(s) {
			for _, f := range s.Features {
				served |= NewFeatureSet(f)
			}
		}
	}
	for i := range e.stages {
		if want[e.stages[i].Name] {
			run = append(run, &e.stages[i])
		}
	}
	for _, f := range fs.Features() {
		if !served.Has(f) {
			missing = append(missing, f)
		}
	}
	return run, missing
}

// Analyze runs the pipeline on one article. After each stage it calls emit
// (when not nil) with the parts that are complete; an error from emit stops
// the analysis and is returned. ctx is checked between stages, and the
// stages check it themselves while they run (through st.Doc.Err, which the
// text stage ties to ctx); once ctx is done the analysis fails with its
// error, whatever the stage returned.
func (e *Engine) Analyze(ctx context.Context, req *Request, emit func(Event) error) (*Result, error) {
	const op = "pipeline.Analyze"
	if err := e.acquire(ctx, op); err != nil {
		return nil, err
	}
	start := time.Now()
	defer func() { e.release(time.Since(start)) }()
	if req.SummarySentences == 0 || req.KeyPhraseCount == 0 {
		r := *req // zero options mean the defaults; the caller's request stays as it is
		if r.SummarySentences == 0 {
			r.SummarySentences = DefaultSummarySentences
		}
		if r.KeyPhraseCount == 0 {
			r.KeyPhraseCount = DefaultKeyPhraseCount
		}
		req = &r
	}
	fs := req.Features
	if fs == 0 {
		fs = NewFeatureSet()
	}
	st := &State{
		Request:  req,
		Features: fs,
		Analysis: &Analysis{},
		Scratch:  map[string]any{},
	}
	run, missing := e.plan(fs)
	for _, f := range missing {
		st.Notice(f, e.unavailableReason(f))
	}
	last := map[Part]int{}
	for i, s := range run {
		for _, p := range s.Parts {
			last[p] = i
		}
	}
	for i, s := range run {
		if err := ctx.Err(); err != nil {
			return nil, ctxError(op, err)
		}
		if i > 0 {
			// Let the goroutines that read and answer calls run between
			// stages: with every CPU busy with analyses, a transport
			// reader waiting behind them for whole time slices would delay
			// the admission (and the shedding) of new calls.
			runtime.Gosched()
		}
		t0 := time.Now()
		err := runStage(ctx, s, st)
		if ctx.Err() != nil {
			// A stage that saw the cancel may have stopped half-way and
			// returned nil: its partial result is dropped, never emitted.
			return nil, ctxError(op, ctx.Err())
		}
		if err != nil {
			return nil, err
		}
		st.Timings = append(st.Timings, StageTiming{Stage: s.Name, Duration: time.Since(t0)})
		if slices.Contains(s.Parts, PartSource) && e.maxBytes > 0 && len(st.Analysis.Text) > e.maxBytes {
			return nil, &Error{Kind: KindTooLarge, Op: op, Reason: "ARTICLE_TOO_LARGE", Field: "article",
				Msg: fmt.Sprintf("the article text is %d bytes, over the limit of %d", len(st.Analysis.Text), e.maxBytes)}
		}
		if emit == nil {
			continue
		}
		var done []Part
		for _, p := range s.Parts {
			if last[p] == i && !slices.Contains(done, p) {
				done = append(done, p)
			}
		}
		if len(done) > 0 {
			if err := emit(Event{Stage: s.Name, Parts: done, Features: fs, Analysis: st.Analysis}); err != nil {
				return nil, err
			}
		}
	}
	return &Result{Analysis: st.Analysis, Timings: st.Timings, Total: time.Since(start)}, nil
}

// runStage runs one stage and turns a panic into an internal error, so one
// failing analyser fails only this article.
func runStage(ctx context.Context, s *loadedStage, st *State) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &Error{Kind: KindInternal, Op: "pipeline." + s.Name, Reason: "INTERNAL",
				Err: fmt.Errorf("panic: %v\n%s", r, debug.Stack())}
		}
	}()
	err = s.run(ctx, st)
	if err != nil && KindOf(err) == KindInternal {
		if _, ok := err.(*Error); !ok {
			err = &Error{Kind: KindInternal, Op: "pipeline." + s.Name, Reason: "INTERNAL", Err: err}
		}
	}
	return err
}

func (e *Engine) unavailableReason(f Feature) string {
	for _, s := range e.all {
		if slices.Contains(s.Features, f) {
			if _, bad := e.failed[s.Name]; bad {
				return fmt.Sprintf("the %s model failed to load on this server", s.Name)
			}
			for _, r := range s.Requires {
				if _, bad := e.failed[r]; bad {
					return fmt.Sprintf("the %s stage it needs failed to load on this server", r)
				}
			}
		}
	}
	return "this server has no analyser for this feature yet"
}

// FeatureInfo describes one feature on this engine.
type FeatureInfo struct {
	Feature   Feature
	Available bool
	Languages []string // empty means any
	Model     string
	Reason    string // why it is unavailable
}

// Capabilities describes every feature: whether it can run, for which
// languages, with which model.
func (e *Engine) Capabilities() []FeatureInfo {
	out := make([]FeatureInfo, 0, len(AllFeatures))
	for _, f := range AllFeatures {
		_, missing := e.plan(NewFeatureSet(f))
		fi := FeatureInfo{Feature: f, Available: len(missing) == 0}
		if !fi.Available {
			fi.Reason = e.unavailableReason(f)
		}
		for _, s := range e.stages {
			if slices.Contains(s.Features, f) {
				fi.Languages = s.Languages
				fi.Model = s.Model
			}
		}
		out = append(out, fi)
	}
	return out
}
