package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"maps"
	"math"
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
	Content string
	Title   string
	// PublishTime is the caller's publish time, given when not zero or
	// when PublishTimeSet is true: 0001-01-01T00:00:00Z is the zero
	// time.Time, and without the flag it reads as no publish time.
	PublishTime    time.Time
	PublishTimeSet bool
	LanguageHint   string
	// Features is the set of requested features; zero means all.
	Features FeatureSet
	// SummarySentences and KeyPhraseCount are options; zero means default.
	SummarySentences int
	KeyPhraseCount   int

	// page is the fetched page of a URL source (see Engine.fetchPage).
	page *fetch.Page
}

// Published returns the caller's publish time and whether there is one.
func (r *Request) Published() (time.Time, bool) {
	return r.PublishTime, r.PublishTimeSet || !r.PublishTime.IsZero()
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
	// for a slot. Zero means DefaultInFlightPerCPU per CPU. An analysis is
	// pure CPU work (a URL source is fetched before it takes a slot), so
	// more analyses than cores only make each one take longer. An article
	// of more than SlotBytes of text takes one slot per SlotBytes (see
	// admission.weigh), so that large articles cannot run many at once.
	MaxInFlight int
	// MaxQueue limits the calls of one slot (news articles, and HTML and
	// URL sources until their text is out) waiting for a slot; a call that
	// finds the queue full fails at once with KindOverloaded (reason
	// OVERLOADED). Large calls (more than SlotBytes of text) wait apart,
	// within MaxQueueLargeBytes, and take none of these places. Zero means
	// MaxInFlight, so a call that is admitted waits for about one analysis
	// at most; negative means no queue: a call fails as soon as every
	// slot is taken (and large calls then do not queue either, unless
	// MaxQueueLargeBytes is set). Under sustained overload (more than one
	// call refused per four analyses done, over about the last 250 ms)
	// only half the queue is used, and half MaxQueueLargeBytes: a queue
	// that stands full only adds latency.
	MaxQueue int
	// MaxQueueLargeBytes limits the text of the large calls (more than
	// SlotBytes of text) waiting for their slots, apart from MaxQueue's
	// places: a large call that would take the waiting text over it fails
	// at once with KindOverloaded (reason OVERLOADED), while news articles
	// keep their places in the queue (a burst of 1 MB articles had taken
	// them: three waiting left one place of the default four). One large
	// call may always wait when no other does, whatever its size. Zero
	// means DefaultMaxQueueLargeBytes (none when MaxQueue is negative);
	// negative means none: a large call fails as soon as its slots are
	// not free.
	MaxQueueLargeBytes int
	// MaxWait limits how long a call waits in the queue before it fails with
	// KindOverloaded; the caller's deadline, when sooner, ends the wait with
	// KindDeadline instead. Zero means DefaultMaxWait. A call whose expected
	// wait (the calls ahead of it times the average analysis time, over
	// MaxInFlight) is over MaxWait, or whose deadline is sooner than that
	// wait plus one average analysis, fails at once instead of waiting in
	// vain. A large analysis (more than SlotBytes of text) waits MaxWait
	// for every LargeWaitBytes of its text and of the large analyses ahead
	// of it (see LargeWaitBytes).
	MaxWait time.Duration
	// MaxFetches limits the article URLs being fetched at once. A fetch
	// holds no analysis slot, so a slow site never keeps articles from
	// being analysed; a fetched page waits for a slot like any other call.
	// Further URL calls wait for a fetch as they would for a slot. Zero
	// means DefaultMaxFetches.
	MaxFetches int
	// Fetch configures the fetching of URL sources: limits, timeouts and
	// the addresses admitted despite being private or loopback.
	Fetch fetch.Options
	// Logger receives load failures; nil discards them.
	Logger *slog.Logger
	// StageBatch is the most articles one goroutine runs a stage for back
	// to back (see combine.go): when an analysis reaches a stage that
	// another analysis is running, and the other analyses in flight can
	// keep every core busy, the running one runs the stage for it too,
	// while the stage's model is in the caches. Each article keeps its own
	// context, timings, events and errors. Zero means DefaultStageBatch; 1
	// runs every analysis on its own, stage after stage.
	StageBatch int
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
	adm      admission

	// URL sources are fetched before the analysis takes a slot, at most
	// cap(fetches) at once.
	fetcher *fetch.Fetcher
	fetches chan struct{}

	// Stage combining (combine.go): the most articles per stage run, the
	// CPUs, the analyses in flight, and those of them not parked on a lane.
	batch int
	procs int
	// the bounds of the waits, leaderWait and parkWait (tests change them)
	leaderWait, parkWait time.Duration
	inFlight             atomic.Int64
	runnable             atomic.Int64
	combined             atomic.Int64 // stage runs done for a parked analysis

	plans atomic.Pointer[map[FeatureSet]*planned] // see plan
}

type loadedStage struct {
	Stage
	run  RunFunc
	lane *stageLane
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
		ls := loadedStage{Stage: s, run: runs[i]}
		if !slices.Contains(s.Parts, PartSource) {
			// the source stage has no model to keep in the caches, and
			// its cost varies with the page
			ls.lane = &stageLane{}
		}
		e.stages = append(e.stages, ls)
	}
	e.batch = cmp.Or(max(cfg.StageBatch, 0), DefaultStageBatch)
	e.procs = runtime.GOMAXPROCS(0)
	e.leaderWait, e.parkWait = leaderWait, parkWait
	n := cfg.MaxInFlight
	if n <= 0 {
		n = DefaultInFlightPerCPU * runtime.GOMAXPROCS(0)
	}
	e.adm = admission{limit: n, maxQueue: cfg.MaxQueue, maxWait: cmp.Or(max(cfg.MaxWait, 0), DefaultMaxWait),
		slotBytes: SlotBytes, waitBytes: LargeWaitBytes, maxBigQueue: cfg.MaxQueueLargeBytes}
	if e.adm.maxQueue == 0 {
		e.adm.maxQueue = n
	}
	if e.adm.maxBigQueue == 0 {
		e.adm.maxBigQueue = DefaultMaxQueueLargeBytes
		if e.adm.maxQueue < 0 {
			e.adm.maxBigQueue = -1
		}
	}
	e.fetcher = fetch.New(cfg.Fetch)
	e.fetches = make(chan struct{}, cmp.Or(max(cfg.MaxFetches, 0), DefaultMaxFetches))
	return e, nil
}

// Admission defaults (see Config).
const (
	// DefaultInFlightPerCPU is the analyses running at once per CPU when
	// Config.MaxInFlight is zero: two keep every core busy while the
	// service decodes and encodes other calls around them.
	DefaultInFlightPerCPU = 2
	// DefaultMaxFetches is the article URLs fetched at once when
	// Config.MaxFetches is zero. Fetches are network waits, not CPU; the
	// bound keeps the pages held in memory at most this many times the
	// page limit.
	DefaultMaxFetches = 16
	// DefaultMaxWait is the longest a call waits for a slot when
	// Config.MaxWait is zero. With the default queue an admitted call
	// waits for about one analysis; the bound is for stalls, such as a run
	// of very long articles.
	DefaultMaxWait = time.Second
	// SlotBytes is the article text one analysis slot is for: an article
	// of n bytes of text takes ceil(n / SlotBytes) slots, at least one and
	// at most all but one (see admission.weigh). News articles (2-20 kB)
	// take one, as before. The analysers' memory grows with the text, the
	// more so the more tokens it has: at the peak, about 85 MB of live Go
	// heap for a 1 MB article of names and 45 MB for 512 kB, and 110 MB for
	// a 512 kB list of figures, the worst of the shapes of scale_test.go
	// (the recogniser took 290 MB of a 1 MB article's until it scored the
	// tokens in blocks, when slots were 128 KiB). So four articles of up
	// to 256 kB run at once, and with the default four slots, one of 1 MB
	// beside one of one slot.
	SlotBytes = 256 << 10
	// LargeWaitBytes scales the queue wait of a large analysis (more than
	// SlotBytes of text): it waits MaxWait for every LargeWaitBytes of its
	// own text and of the large analyses ahead of it (see
	// admission.waitFor), about the time the server takes to analyse
	// them, so that a large article sent while another runs waits for it
	// instead of being refused after a news article's wait.
	LargeWaitBytes = 128 << 10
	// DefaultMaxQueueLargeBytes is the text of the large calls that may
	// wait at once when Config.MaxQueueLargeBytes is zero: three articles
	// of the service's default limit (1 MiB) wait beside the one that
	// runs, so four sent at once are all analysed (one at a time with the
	// default four slots: 10-14 s on a busy 2-core machine, close to the
	// server's default 15 s --shutdown-timeout: a server stopping with its
	// large queue full may need it raised, or it answers those not done
	// by then UNAVAILABLE, SHUTTING_DOWN), and a fifth is refused at once.
	DefaultMaxQueueLargeBytes = 3 << 20
)

// RetryAfter is the cause (Error.Err) of a KindOverloaded error: how long
// the caller should wait before trying again. The service returns it to the
// caller as a google.rpc.RetryInfo.
type RetryAfter time.Duration

func (r RetryAfter) Error() string { return "retry after " + time.Duration(r).String() }

// Load reports the slots taken now (an analysis of more than SlotBytes of
// text takes several), the calls waiting for slots, and the calls refused
// as overloaded since the engine started.
func (e *Engine) Load() (inFlight, waiting int, shed int64) {
	a := &e.adm
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.inFlight, len(a.queue), a.shed
}

// StopAdmitting makes the engine start no more analyses: a call that comes
// fails at once with KindUnavailable, reason SHUTTING_DOWN, and those
// waiting for slots wait on, however many free up, until their context
// ends. A server that stops the calls still running at its shutdown
// timeout calls it first, so that the slots they free go to no waiting
// call, which would start an analysis only to be stopped in it.
func (e *Engine) StopAdmitting() {
	a := &e.adm
	a.mu.Lock()
	if !a.stopped && a.drainStop != nil {
		close(a.drainStop) // the drain's checks end (see Drain)
	}
	a.stopped = true
	a.mu.Unlock()
}

// admission bounds the analyses running at once and the calls waiting for
// a slot (see Engine.acquire). One mutex guards the counts and the queue,
// and release hands freed slots straight to the waiters (see grant), so
// the counts are exact at every moment: a call that arrives just after a
// slot changed hands never counts a waiter that has in fact left the queue.
//
// An analysis weighs its size (see weigh): a large one takes several
// slots. The queue is served in arrival order, with one exception that
// keeps the large ones from blocking the news articles behind them for
// longer than necessary (see grant).
type admission struct {
	limit     int           // slots
	maxQueue  int           // calls waiting at most; < 0: none
	maxWait   time.Duration // longest wait
	slotBytes int           // the text one slot is for (SlotBytes); <= 0: every call takes one slot
	waitBytes int           // the text a large call waits maxWait for (LargeWaitBytes); <= 0: maxWait
	// the text of the large calls waiting at most, apart from maxQueue
	// (see bigRoom); < 0: none
	maxBigQueue int

	mu          sync.Mutex
	inFlight    int           // slots taken
	bigInFlight int           // of them, slots taken by large analyses (weigh)
	bigWaiting  int           // large calls in the queue
	bigWaitText int           // the bytes of text of the large calls in the queue
	runs        []run         // the analyses in flight, for the retry hints of the large calls (see bigAhead) and the drain (see Drain)
	runID       uint64        // the id of the last run started
	queue       []*waiter     // in arrival order (see grant)
	avgRun      time.Duration // moving average of the time an analysis holds a slot
	avgBytes    float64       // moving average of the bytes of an analysis, on the same weights
	work        time.Duration // the expected time (estimate) of the analyses in flight and waiting
	shed        int64         // calls refused as overloaded since start
	stopped     bool          // no more slots are given (see Engine.StopAdmitting)
	drainCut    time.Time     // when the server stops the calls still running; zero until it drains (see Engine.Drain)
	drainStop   chan struct{} // closed by StopAdmitting, when draining

	// Retry hints (see overloaded): the rates of analyses done and of
	// calls refused, per second, decayed over rateWindow, and the hint
	// given lately.
	rateAt   time.Time
	doneRate float64
	shedRate float64
	hint     time.Duration
	hintAt   time.Time
}

// rateWindow is the time over which the done and shed rates decay: short,
// so that the queue is whole again soon after an overload ends.
const rateWindow = 250 * time.Millisecond

// count adds an event to *rate, after decaying both rates to now. Call
// with mu held.
func (a *admission) count(rate *float64) {
	now := time.Now()
	f := math.Exp(-now.Sub(a.rateAt).Seconds() / rateWindow.Seconds())
	a.rateAt = now
	a.doneRate *= f
	a.shedRate *= f
	*rate += 1 / rateWindow.Seconds()
}

// estimate returns the time an analysis of n bytes (its text, HTML or
// fetched page) is expected to hold a slot: the average analysis, or the
// average time per byte (avgRun / avgBytes: the ratio of the averages, so
// that a run of tiny requests does not make a byte dear) times n when that
// is more. A 1 MB article counts for what it costs, about 250 average
// news articles, not for one. Call with mu held.
//
// Before any analysis has finished (no average yet) it is coldPerByte
// times n: the retry hints of the first refusals had counted the work
// ahead as nothing, and a large article refused then was told to come back
// after the 50 ms floor, seconds before any slot could free up.
func (a *admission) estimate(n int) time.Duration {
	if a.avgRun == 0 {
		return coldPerByte * time.Duration(max(n, 0))
	}
	if a.avgBytes <= 0 || n <= 0 {
		return a.avgRun
	}
	return max(a.avgRun, time.Duration(float64(a.avgRun)*float64(n)/a.avgBytes))
}

// coldPerByte is the time per byte of an analysis estimated before one has
// been measured: on the slow side (a 1 MiB article ≈ 3.1 s, as one of four
// sent at once took on a busy 2-core machine, 10-14 s for the four; a
// 600-word news article ≈ 11 ms, about twice its time on one core), so that
// a cold server's first retry hints err long rather than invite a retry
// storm.
const coldPerByte = 3 * time.Microsecond

// run is an analysis in flight: its id (see slot), when it started, its
// expected time, its slots and whether it is large (see weigh).
type run struct {
	id     uint64
	start  time.Time
	est    time.Duration
	weight int
	big    bool
}

// startRun counts an analysis of expected time est and weight w as started
// now and returns its id. Call with mu held.
func (a *admission) startRun(est time.Duration, w int, big bool) uint64 {
	a.runID++
	a.runs = append(a.runs, run{id: a.runID, start: time.Now(), est: est, weight: w, big: big})
	return a.runID
}

// endRun takes the run of id out of the analyses in flight (0: none).
// Call with mu held.
func (a *admission) endRun(id uint64) {
	if id != 0 {
		a.runs = slices.DeleteFunc(a.runs, func(r run) bool { return r.id == id })
	}
}

// bigAhead returns the expected time until a large call of n bytes of text
// and weight wt, refused now, would find what it lacks: with room, until
// the queue of large calls has room for it (see bigRoom; a waiter leaves it
// as it starts), else until every large call ahead of it has ended. It
// counts what is left of each large analysis in flight (its estimate less
// the time it has run, at least an eighth of the estimate when it overran),
// then the expected time of each large call waiting, in order; they run
// max(bigCap/wt, 1) at a time. Call with mu held.
func (a *admission) bigAhead(n, wt int, room bool) time.Duration {
	now := time.Now()
	var total time.Duration
	for _, r := range a.runs {
		if r.big {
			total += max(r.est-now.Sub(r.start), r.est/8)
		}
	}
	need := a.bigWaitText + n - a.bigLimit() // the bytes of text that must leave the queue
	left := a.bigWaiting
	for _, w := range a.queue {
		if !w.big {
			continue
		}
		if room {
			need -= w.text
			left--
			if need <= 0 || left == 0 { // its start makes room
				break
			}
		}
		total += w.est
	}
	return total / time.Duration(max(a.bigCap()/wt, 1))
}

// waiter is a call in the queue. grant sets granted, under the mutex,
// when it hands the call its slots, and closes ready.
type waiter struct {
	ready   chan struct{}
	granted bool
	weight  int  // slots
	big     bool // a large analysis (see weigh)
	text    int  // its bytes of text, for a large one (see bigRoom)
	// its expected time (see estimate), and its run once granted (see
	// startRun)
	est time.Duration
	run uint64
	// set before ready is closed when the call is refused while it waits
	// (see Engine.Drain); admitted: an admitted call waiting to grow (see
	// regrow), which is never refused so
	refused  error
	admitted bool
}

// slot is what an admitted analysis holds: its weight in slots, whether
// it is large (see weigh), and its expected time (see estimate).
type slot struct {
	weight int
	big    bool
	est    time.Duration
	run    uint64 // its run (see startRun)
}

// weigh returns the slots an analysis of n bytes of text takes:
// ceil(n / slotBytes), at least one, and whether it is large (more than
// one slot's bytes). A large analysis takes at most all the slots but one
// (with one slot in all, that one), and the large ones together at most as
// many: so at most one article of more than (limit-1)·slotBytes runs at a
// time, and while large articles run one slot at least stays for news
// articles, which then go on at a lower rate instead of failing their
// queue wait behind an article that runs for seconds.
func (a *admission) weigh(n int) (w int, big bool) {
	if a.slotBytes <= 0 || n <= a.slotBytes {
		return 1, false
	}
	return min((n+a.slotBytes-1)/a.slotBytes, a.bigCap()), true
}

// waitFor returns the longest a call of n bytes of text waits for its
// slots: maxWait, and for a large call (see weigh) maxWait for every
// waitBytes of its own text and of the large analyses ahead of it, in
// flight and waiting (counted by their slots: slotBytes each). A large
// article takes seconds to analyse, and one that comes while another
// runs would be refused after the wait of a news article: a 1 MB one
// behind a 1 MB one, with the default sizes, waits 14 s at most. The
// caller's deadline still ends its wait. Call with mu held.
func (a *admission) waitFor(n int, big bool) time.Duration {
	if !big || a.waitBytes <= 0 {
		return a.maxWait
	}
	ahead := a.bigInFlight
	for _, w := range a.queue {
		if w.big {
			ahead += w.weight
		}
	}
	units := (n + ahead*max(a.slotBytes, 0) + a.waitBytes - 1) / a.waitBytes
	return max(a.maxWait, a.maxWait*time.Duration(units))
}

// bigCap is the most slots the large analyses take together.
func (a *admission) bigCap() int { return max(a.limit-1, 1) }

// fits reports whether w more slots are free, for a large analysis or
// not. Call with mu held.
func (a *admission) fits(w int, big bool) bool {
	return a.inFlight+w <= a.limit && (!big || a.bigInFlight+w <= a.bigCap())
}

// reserved returns the weight of the oldest large call in the queue (0
// when none waits): the slots the calls of one slot behind it must leave
// it (see grant). Call with mu held.
func (a *admission) reserved() int {
	if a.bigWaiting == 0 {
		return 0
	}
	for _, w := range a.queue {
		if w.big {
			return w.weight
		}
	}
	return 0
}

// mayEnter reports whether a call of weight w may take its slots at once,
// before the calls waiting (every one of which is waiting for slots that
// are not free for it; see grant). Call with mu held.
func (a *admission) mayEnter(w int, big bool) bool {
	if len(a.queue) == 0 {
		return a.fits(w, big)
	}
	if big || a.bigWaiting < len(a.queue) { // calls of its own kind wait before it
		return false
	}
	return a.fits(1, false) && a.inFlight-a.bigInFlight+1+a.reserved() <= a.limit
}

// take counts w slots taken. Call with mu held.
func (a *admission) take(w int, big bool) {
	a.inFlight += w
	if big {
		a.bigInFlight += w
	}
}

// grant hands free slots to the waiters, in arrival order, with one
// exception. A large call waits until all its slots are free, and the
// large calls after it wait for it (first come, first served: a stream of
// news articles never starves a large one, nor a stream of large ones a
// larger one). The calls of one slot after the oldest waiting large call
// may pass it, but only while the calls of one slot in flight leave it its
// slots: so it gets them as soon as the large analyses before it end and
// never waits for news articles that came after it, and they wait for it
// no longer than that (with a large one running, they keep the slots it
// leaves). Call with mu held.
func (a *admission) grant() {
	if a.stopped {
		return
	}
	reserve := 0 // the weight of the oldest large call left waiting
	kept := a.queue[:0]
	for _, w := range a.queue {
		ok := false
		if w.big {
			ok = reserve == 0 && a.fits(w.weight, true)
		} else {
			ok = a.fits(1, false) && a.inFlight-a.bigInFlight+1+reserve <= a.limit
		}
		if !ok {
			if w.big && reserve == 0 {
				reserve = w.weight
			}
			kept = append(kept, w)
			continue
		}
		a.take(w.weight, w.big)
		a.unqueueBig(w)
		w.run = a.startRun(w.est, w.weight, w.big)
		w.granted = true
		close(w.ready)
	}
	clear(a.queue[len(kept):])
	a.queue = kept
}

// leave takes w out of the queue (a call that stopped waiting) and hands
// on the slots it may have held back. Call with mu held.
func (a *admission) leave(w *waiter) {
	a.queue = slices.DeleteFunc(a.queue, func(x *waiter) bool { return x == w })
	a.unqueueBig(w)
	a.grant()
}

// queueLimit returns how many calls of one slot may wait now (the large
// ones wait apart: see bigRoom): maxQueue, or half of it (rounded up)
// under sustained overload (see sustained). Call with mu held.
func (a *admission) queueLimit() int {
	if a.sustained() {
		return (a.maxQueue + 1) / 2
	}
	return a.maxQueue
}

// sustained reports a sustained overload: more than one call refused for
// every four analyses done (over about the last rateWindow). A queue then
// stands full and only adds to the latency of every admitted call, while
// the running analyses keep the cores busy, so only half of it is used; a
// short burst keeps the whole queue. (A closed-loop load within in-flight
// plus queue is never refused, so it never halves the queue.) Call with
// mu held.
func (a *admission) sustained() bool { return 4*a.shedRate > a.doneRate }

// queueBig counts waiter w, of text bytes and expected time est, in the
// large calls waiting when it is one. Call with mu held.
func (a *admission) queueBig(w *waiter, text int, est time.Duration) {
	w.est = est
	if w.big {
		w.text = text
		a.bigWaiting++
		a.bigWaitText += text
	}
}

// unqueueBig takes waiter w, granted or gone, out of the counts of the
// large calls waiting when it is one. Call with mu held.
func (a *admission) unqueueBig(w *waiter) {
	if w.big {
		a.bigWaiting--
		a.bigWaitText -= w.text
	}
}

// bigRoom reports whether a large call of n bytes of text may join the
// queue: the text of the large calls waiting, its own included, stays
// within maxBigQueue (half of it under sustained overload), or no other
// large call waits (so that one article larger than the bound can still
// wait for the slots news articles hold). The large calls do not count
// against maxQueue: a burst of them must not leave news articles, which
// pass them while the slots they wait for are taken (see grant), without
// a place to wait. Call with mu held.
func (a *admission) bigRoom(n int) bool {
	if a.maxBigQueue < 0 {
		return false
	}
	if a.bigWaiting == 0 {
		return true
	}
	return a.bigWaitText+n <= a.bigLimit()
}

// bigLimit is the text the large calls waiting may have (see bigRoom):
// maxBigQueue, or half of it under sustained overload. Call with mu held.
func (a *admission) bigLimit() int {
	if a.sustained() {
		return (a.maxBigQueue + 1) / 2
	}
	return a.maxBigQueue
}

// acquire takes the analysis slots of a call (one for a news article; see
// weigh). When they are not free, or calls before it wait for theirs (see
// grant), the call joins the queue, served in arrival order, and waits at
// most maxWait (longer for a large call: see waitFor). It fails at once
// with KindOverloaded when the queue is full for it (maxQueue calls of one
// slot; for a large call, maxBigQueue bytes of large calls' text: see
// bigRoom), when its expected wait is over the bound, or when the caller's
// deadline comes before the expected wait plus one average analysis (the
// call could only time out, after using a slot); it fails with
// KindOverloaded when the bound passes while it waits. So under overload the
// server sheds the excess at once, instead of letting memory and latency
// grow with the number of waiting calls, and an admitted call waits for
// about one analysis at most (with the default queue).
//
// n is the size of the article in bytes, for its expected time (see
// estimate), and text the bytes of its text, for its weight in slots (see
// weigh). A large call waits for its slots under the same rules and bounds.
// acquire returns the slots taken, with the expected time, which is
// counted in the work behind the retry hint until release is given it
// back.
func (e *Engine) acquire(ctx context.Context, op string, n, text int) (sl slot, err error) {
	a := &e.adm
	a.mu.Lock()
	if a.stopped {
		a.mu.Unlock()
		return slot{}, &Error{Kind: KindUnavailable, Op: op, Reason: "SHUTTING_DOWN", Stage: StageQueue,
			Msg: "the server is shutting down and starts no more analyses: send the article again (to another server, or to this one once it has restarted)"}
	}
	est := a.estimate(n)
	wt, big := a.weigh(text)
	enter := a.mayEnter(wt, big)
	if !a.drainCut.IsZero() {
		// the server is shutting down: a call that is not expected to
		// finish before it stops the calls still running is refused now
		// rather than then (see Engine.Drain)
		if err := a.drainRefusal(op, est, wt, enter, time.Now()); err != nil {
			a.mu.Unlock()
			return slot{}, err
		}
	}
	if enter {
		a.take(wt, big)
		a.work += est
		sl := slot{weight: wt, big: big, est: est, run: a.startRun(est, wt, big)}
		a.mu.Unlock()
		return sl, nil
	}
	if err := ctx.Err(); err != nil {
		a.mu.Unlock()
		return slot{}, ctxError(op, StageQueue, err)
	}
	// the calls ahead, served limit at a time, each for the average time
	// (a call of one slot passes the large ones waiting: see grant)
	ahead := len(a.queue)
	if !big {
		ahead -= a.bigWaiting
	}
	wait := time.Duration(ahead+1) * a.avgRun / time.Duration(a.limit)
	// For a large call's retry hint, the large ones before it (see
	// bigAhead). (Not in the expected wait: the time of a large article is
	// extrapolated from the average bytes, and with an average of small
	// articles a 600 kB one was put at minutes, which would refuse calls
	// that wait a second.)
	var atLeast time.Duration
	bound := a.waitFor(text, big)
	var refuse string
	dl, hasDeadline := ctx.Deadline()
	room := big && a.bigRoom(text)
	switch {
	case big && !room:
		refuse = fmt.Sprintf("the server is at capacity and its queue of large articles (over %d KiB of text) is full: "+
			"%d of them, %d bytes of text, wait for analysis slots", a.slotBytes>>10, a.bigWaiting, a.bigWaitText)
	case !big && (a.maxQueue < 0 || len(a.queue)-a.bigWaiting >= a.queueLimit()):
		refuse = "the server is at capacity and its queue is full"
	case wait > bound:
		refuse = "the server is at capacity: the expected wait for an analysis slot, " +
			wait.Round(time.Millisecond).String() + ", is over the limit of " + bound.Round(time.Millisecond).String()
	case hasDeadline && time.Until(dl) < wait+a.avgRun:
		refuse = "the server is at capacity: the call's deadline is sooner than the expected wait for an analysis slot (" +
			wait.Round(time.Millisecond).String() + ") and the analysis (" + a.avgRun.Round(time.Millisecond).String() + ")"
	}
	if refuse != "" {
		if big {
			// the queue full: until it has room; else until the large
			// calls ahead have ended
			atLeast = a.bigAhead(text, wt, !room)
		}
		err := a.overloaded(op, refuse, atLeast, big)
		a.mu.Unlock()
		return slot{}, err
	}
	w := &waiter{ready: make(chan struct{}), weight: wt, big: big}
	a.queue = append(a.queue, w)
	a.queueBig(w, text, est)
	a.work += est
	a.mu.Unlock()

	sl = slot{weight: wt, big: big, est: est}
	t := time.NewTimer(bound)
	defer t.Stop()
	select {
	case <-w.ready:
		if w.refused != nil { // out of the queue, its estimate out of the work (see Engine.Drain)
			return slot{}, withOp(w.refused, op)
		}
		sl.run = w.run
		return sl, nil
	case <-ctx.Done():
		err = ctxError(op, StageQueue, ctx.Err())
	case <-t.C:
	}
	a.mu.Lock()
	if w.refused != nil {
		a.mu.Unlock()
		if err != nil {
			return slot{}, err
		}
		return slot{}, withOp(w.refused, op)
	}
	if w.granted { // the slots came as the wait ended
		sl.run = w.run
		a.mu.Unlock()
		if err != nil {
			a.release(0, sl, 0) // pass them on
			return slot{}, err
		}
		return sl, nil
	}
	a.leave(w)
	a.work -= est
	if big {
		atLeast = a.bigAhead(text, wt, false)
	}
	if err == nil && !a.drainCut.IsZero() {
		// a retry hint for a server that is going away would be wrong
		err = a.drainError(op, "its wait for an analysis slot reached its limit of "+bound.Round(time.Millisecond).String())
	}
	if err == nil {
		err = a.overloaded(op, "the server is at capacity: no analysis slot freed up within "+bound.Round(time.Millisecond).String(), atLeast, big)
	}
	a.mu.Unlock()
	return slot{}, err
}

// regrow gives an admitted analysis the weight of its text, once the source
// stage has extracted it from HTML or a fetched page (such a call is
// admitted for one slot: the page's size says little about its text's). It
// gives back its slot and waits for the slots of its text first in the
// queue, so that two analyses waiting to grow never hold slots the other
// needs. An admitted call is not refused: it waits until its deadline, and
// fails only when its context is done (the slots are given back then).
func (e *Engine) regrow(ctx context.Context, op string, sl *slot, text int) error {
	a := &e.adm
	a.mu.Lock()
	wt, big := a.weigh(text)
	if wt <= sl.weight && (big == sl.big || !big) {
		a.mu.Unlock()
		return nil
	}
	w := &waiter{ready: make(chan struct{}), weight: wt, big: big, admitted: true}
	a.queue = slices.Insert(a.queue, 0, w)
	a.queueBig(w, text, sl.est) // admitted: it waits whatever the large calls' bound (bigRoom)
	a.inFlight -= sl.weight
	if sl.big {
		a.bigInFlight -= sl.weight
	}
	a.endRun(sl.run)
	sl.weight, sl.big, sl.run = 0, false, 0 // held by the waiter until granted
	a.grant()
	a.mu.Unlock()
	select {
	case <-w.ready:
		sl.weight, sl.big, sl.run = wt, big, w.run
		return nil
	case <-ctx.Done():
	}
	a.mu.Lock()
	if w.granted {
		sl.weight, sl.big, sl.run = wt, big, w.run
	} else {
		a.leave(w)
	}
	a.mu.Unlock()
	return ctxError(op, StageQueue, ctx.Err())
}

// overloaded returns the KindOverloaded error with a retry hint. The hint is
// at least atLeast (for a large call, the time of the large ones before it),
// and the time the running analyses and the queue need to drain (their
// expected times, by their sizes, over the slots: a slot held by a 1 MB
// article counts for seconds, not for the average analysis; an analysis
// in flight counts whole, however far it got), and
// grows while more calls are refused than analyses finish: callers that
// honour it then come back about as fast as slots free up, rather than
// spending the server's CPU on calls it can only refuse again. (With h the
// hint, callers refused per second R and analyses done per second X, about
// R·h callers wait out a hint; X of them can be served per second, so the
// hint moves towards R·h/X, which settles where R = X.) It stays within
// [50 ms, 5 s]. Call with mu held.
//
// A large call's refusal (big: see weigh) counts in shed but not in the
// rate of refusals, nor does it move the lasting hint: the large calls
// have a queue of their own (see bigRoom), and a few of them refused had
// made the overload look sustained (refused calls outnumbering the
// analyses done, when each takes seconds), which halved the queue of the
// news articles running beside them.
func (a *admission) overloaded(op, msg string, atLeast time.Duration, big bool) error {
	a.shed++
	// The time to drain counted in average analyses feeds the hint that
	// lasts (a.hint); the work by size only the answer. A 1 MB article's
	// seconds in a.hint kept every refusal at the 5 s cap long after it
	// ended (base includes a.hint: bursts of 6 small articles on 1 slot
	// were told 5s for 10 ms analyses, 9 s after a 4.6 s article had ended).
	avgDrain := a.avgRun * time.Duration(a.inFlight+len(a.queue)) / time.Duration(a.limit)
	drain := max(avgDrain, a.work/time.Duration(a.limit))
	if big {
		return overloadedError(op, msg, max(drain, a.hint, atLeast), maxLargeRetryHint)
	}
	a.count(&a.shedRate)
	base := max(avgDrain, a.hint, minRetryHint)
	want := base
	if a.doneRate > 0 {
		want = time.Duration(float64(base) * min(a.shedRate/a.doneRate, 4))
	}
	// move towards want over hintSmoothing, slower than the rates follow
	// the callers, so the hint settles instead of swinging
	now := time.Now()
	f := 1 - math.Exp(-now.Sub(a.hintAt).Seconds()/hintSmoothing.Seconds())
	a.hintAt = now
	a.hint = min(max(a.hint+time.Duration(f*float64(want-a.hint)), minRetryHint), maxRetryHint)
	return overloadedError(op, msg, max(drain, a.hint, atLeast), maxRetryHint)
}

// The bounds of the retry hint, and the time it takes to follow the load.
// A large call's hint may be longer: the time of the large analyses ahead
// of it (see bigAhead), seconds each, which the 5 s cap had cut short.
const (
	minRetryHint      = 50 * time.Millisecond
	maxRetryHint      = 5 * time.Second
	maxLargeRetryHint = time.Minute
	hintSmoothing     = 2 * time.Second
)

// overloadedError is a KindOverloaded error with the retry hint d, kept
// within [50 ms, most].
func overloadedError(op, msg string, d, most time.Duration) error {
	d = min(max(d, minRetryHint), most).Round(10 * time.Millisecond)
	return &Error{Kind: KindOverloaded, Op: op, Reason: "OVERLOADED",
		Msg: msg + "; retry after " + d.String(), Err: RetryAfter(d)}
}

// release frees the slots of sl, handing them to the waiters (see grant),
// takes the analysis's estimate out of the work, and folds the time it was
// held (when not zero) and its size n into the averages.
func (a *admission) release(held time.Duration, sl slot, n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.work = max(a.work-sl.est, 0)
	a.endRun(sl.run)
	if held > 0 {
		a.count(&a.doneRate)
		if a.avgRun == 0 {
			a.avgRun, a.avgBytes = held, float64(n)
		} else {
			a.avgRun += (held - a.avgRun) / 16
			a.avgBytes += (float64(n) - a.avgBytes) / 16
		}
	}
	a.inFlight -= sl.weight
	if sl.big {
		a.bigInFlight -= sl.weight
	}
	if len(a.queue) > 0 {
		a.grant()
	}
}

// plan returns the stages to run for the features fs, in order, and the
// requested features no stage can serve. The stages are fixed once New
// returns, so the plan of each feature set is made once and kept; callers
// must not change the slices.
func (e *Engine) plan(fs FeatureSet) (run []*loadedStage, missing []Feature) {
	if m := e.plans.Load(); m != nil {
		if p, ok := (*m)[fs]; ok {
			return p.run, p.missing
		}
	}
	run, missing = e.makePlan(fs)
	// copy on write: the map read above is never changed
	for {
		old := e.plans.Load()
		m := map[FeatureSet]*planned{}
		if old != nil {
			if len(*old) >= maxPlans {
				return run, missing // a client cycling through feature sets
			}
			maps.Copy(m, *old)
		}
		m[fs] = &planned{run: run, missing: missing}
		if e.plans.CompareAndSwap(old, &m) {
			return run, missing
		}
	}
}

// maxPlans bounds the plans kept (there are 1,023 feature sets).
const maxPlans = 64

// planned is a plan kept in Engine.plans.
type planned struct {
	run     []*loadedStage
	missing []Feature
}

// makePlan makes the plan of fs (see plan).
func (e *Engine) makePlan(fs FeatureSet) (run []*loadedStage, missing []Feature) {
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
		for _, u := range s.Uses {
			if us, ok := byName[u]; ok {
				need(us) // when it can run
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
//
// The analysis runs in the engine's slots, one or more by the size of its
// text (see acquire, weigh); when they are taken and the queue cannot take
// the call, Analyze fails with
// KindOverloaded and a RetryAfter hint. The page of a URL source is fetched
// first, without a slot (see fetchPage).
func (e *Engine) Analyze(ctx context.Context, req *Request, emit func(Event) error) (*Result, error) {
	const op = "pipeline.Analyze"
	var fetched time.Duration // spent fetching the page of a URL source
	var fetchDone func()
	if req.Source == SourceURL && req.page == nil {
		t0 := time.Now()
		page, done, err := e.fetchPage(ctx, req)
		if err != nil {
			return nil, err
		}
		fetchDone = done
		fetched = time.Since(t0)
		r := *req
		r.page = page
		req = &r
	}
	size := len(req.Content) // the text or the HTML; the page of a URL
	if req.page != nil {
		size = len(req.page.Body)
	}
	text := 0 // HTML and pages take one slot until their text is out (see regrow)
	if req.Source == SourceText {
		text = size
	}
	sl, err := e.acquire(ctx, op, size, text)
	if fetchDone != nil {
		fetchDone() // the fetch slot bounds the pages held until they have an analysis slot
	}
	if err != nil {
		return nil, err
	}
	start := time.Now()
	defer func() { e.adm.release(time.Since(start), sl, size) }()
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
	st.Timings = make([]StageTiming, 0, len(run))
	var last map[Part]int // the last stage writing each requested part, for emit
	if emit != nil {
		last = map[Part]int{}
		for i, s := range run {
			for _, p := range s.Parts {
				if partWanted(p, fs) {
					last[p] = i
				}
			}
		}
	}
	var first *loadedStage
	if len(run) > 0 {
		first = run[0]
	}
	w := e.startWalk(first, st)
	defer w.end()
	for i, s := range run {
		if err := ctx.Err(); err != nil {
			return nil, ctxError(op, s.Name, err)
		}
		if i > 0 && !w.parked {
			// Let the goroutines that read and answer calls run between
			// stages: with every CPU busy with analyses, a transport
			// reader waiting behind them for whole time slices would delay
			// the admission (and the shedding) of new calls. (An analysis
			// whose stage another goroutine ran was just scheduled: it goes
			// straight on to its next stage, where that goroutine holds
			// the lane, and parks there again; see runStep.)
			runtime.Gosched()
		}
		var next *loadedStage
		if i+1 < len(run) {
			next = run[i+1]
		}
		d, err := w.step(ctx, s, next, st)
		if ctx.Err() != nil {
			// A stage that saw the cancel may have stopped half-way and
			// returned nil: its partial result is dropped, never emitted.
			return nil, ctxError(op, s.Name, ctx.Err())
		}
		if err != nil {
			return nil, err
		}
		if slices.Contains(s.Parts, PartSource) {
			d += fetched // the source stage's time includes the fetch, as before it was split off
		}
		st.Timings = append(st.Timings, StageTiming{Stage: s.Name, Duration: d})
		if slices.Contains(s.Parts, PartSource) && e.maxBytes > 0 && len(st.Analysis.Text) > e.maxBytes {
			return nil, &Error{Kind: KindTooLarge, Op: op, Reason: "ARTICLE_TOO_LARGE", Field: "article",
				Msg: fmt.Sprintf("the article text is %d bytes, over the limit of %d", len(st.Analysis.Text), e.maxBytes)}
		}
		if slices.Contains(s.Parts, PartSource) && req.Source != SourceText && len(st.Analysis.Text) > e.adm.slotBytes {
			w.letGo() // no other article waits for this one's lane meanwhile
			if err := e.regrow(ctx, op, &sl, len(st.Analysis.Text)); err != nil {
				return nil, err
			}
		}
		if emit == nil {
			continue
		}
		var done []Part
		for _, p := range s.Parts {
			if j, ok := last[p]; ok && j == i && !slices.Contains(done, p) {
				done = append(done, p)
			}
		}
		if len(done) > 0 {
			// emit may wait for the caller (a stream's flow control): hold
			// no lane meanwhile, so that no other article waits for it
			w.letGo()
			if err := emit(Event{Stage: s.Name, Parts: done, Features: fs, Analysis: st.Analysis}); err != nil {
				return nil, err
			}
		}
	}
	return &Result{Analysis: st.Analysis, Timings: st.Timings, Total: time.Since(start)}, nil
}

// partWanted reports whether part p is returned for the features fs: the
// source and the sentences (PartSyntax) always are, the others only under
// their feature, and the entities under FEATURE_QUOTES too (a quote's
// Speaker.EntityIndex points into them: without them a scorer that credits
// a speaker through the mentions of its entity lost 1.2 points of PolNeAR
// dev speaker accuracy, 91.91 -> 90.75) and under FEATURE_SENTIMENT (which
// scores them: Entity.Sentiment). A stage run only for another stage
// (Stage.Requires, Uses), such as language for the English-only stages,
// leaves its part out of the Analysis and the stream.
func partWanted(p Part, fs FeatureSet) bool {
	switch p {
	case PartSource, PartSyntax:
		return true
	case PartLanguage:
		return fs.Has(FeatureLanguage)
	case PartEntities:
		return fs.Has(FeatureEntities) || fs.Has(FeatureQuotes) || fs.Has(FeatureSentiment)
	case PartKeyPhrases:
		return fs.Has(FeatureKeyPhrases)
	case PartSummary:
		return fs.Has(FeatureSummary)
	case PartSentiment:
		return fs.Has(FeatureSentiment)
	case PartQuotes:
		return fs.Has(FeatureQuotes)
	case PartTimeExpressions:
		return fs.Has(FeatureTimeExpressions)
	case PartCategories:
		return fs.Has(FeatureCategories)
	case PartStatistics:
		return fs.Has(FeatureStatistics)
	}
	return true
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
