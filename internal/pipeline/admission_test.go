package pipeline

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// gate is an engine whose test stage (FEATURE_QUOTES) reports the ID of
// each analysis that reaches it and holds it until open(ID).
type gate struct {
	e       *Engine
	started chan string
	mu      sync.Mutex
	opens   map[string]chan struct{}
	done    chan result
}

type result struct {
	id  string
	err error
}

func newGate(t *testing.T, cfg Config, slotBytes int) *gate {
	t.Helper()
	g := &gate{started: make(chan string, 64), opens: map[string]chan struct{}{}, done: make(chan result, 64)}
	cfg.Stages = append(coreStages(), fakeStage("gate", 50, []Feature{FeatureQuotes}, nil, nil,
		func(ctx context.Context, st *State) error {
			ch := g.ch(st.Request.ID)
			g.started <- st.Request.ID
			select {
			case <-ch:
			case <-ctx.Done():
			}
			return nil
		}))
	g.e = mustEngine(t, cfg)
	g.e.adm.slotBytes = slotBytes
	t.Cleanup(func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		for _, ch := range g.opens {
			select {
			case <-ch:
			default:
				close(ch)
			}
		}
	})
	return g
}

func (g *gate) ch(id string) chan struct{} {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.opens[id] == nil {
		g.opens[id] = make(chan struct{})
	}
	return g.opens[id]
}

func (g *gate) open(id string) { close(g.ch(id)) }

// start sends an analysis of n bytes of text with the given ID.
func (g *gate) start(ctx context.Context, id string, n int) {
	req := textReq(strings.Repeat("w", max(n, 1)), FeatureQuotes)
	req.ID = id
	go func() {
		_, err := g.e.Analyze(ctx, req, nil)
		g.done <- result{id, err}
	}()
}

// running waits until the analysis id reaches the test stage.
func (g *gate) running(t *testing.T, ids ...string) {
	t.Helper()
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	timeout := time.After(10 * time.Second)
	for len(want) > 0 {
		select {
		case id := <-g.started:
			if !want[id] {
				t.Fatalf("%s started; want %v first", id, ids)
			}
			delete(want, id)
		case <-timeout:
			t.Fatalf("%v did not start", ids)
		}
	}
}

// notRunning checks that no analysis reaches the test stage for a while.
func (g *gate) notRunning(t *testing.T) {
	t.Helper()
	select {
	case id := <-g.started:
		t.Fatalf("%s started; want it to wait", id)
	case <-time.After(50 * time.Millisecond):
	}
}

// release lets the calls ids finish, one after the other, and fails the
// test if one of them fails.
func (g *gate) release(t *testing.T, ids ...string) {
	t.Helper()
	for _, id := range ids {
		g.open(id)
		if err := g.finished(t, id); err != nil {
			t.Fatal(err)
		}
	}
}

// finished waits for the analysis id to end and returns its error.
func (g *gate) finished(t *testing.T, id string) error {
	t.Helper()
	select {
	case r := <-g.done:
		if r.id != id {
			t.Fatalf("%s ended (%v); want %s", r.id, r.err, id)
		}
		return r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not end", id)
	}
	return nil
}

// waitLoad waits until Load reports in slots taken and waiting calls.
func (g *gate) waitLoad(t *testing.T, in, waiting int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		i, w, _ := g.e.Load()
		if i == in && w == waiting {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("Load() = %d slots, %d waiting; want %d, %d", i, w, in, waiting)
		}
	}
}

// idle checks that the large calls' counts are back to zero once every
// call has ended.
func (g *gate) idle(t *testing.T) {
	t.Helper()
	a := &g.e.adm
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.bigWaiting != 0 || a.bigWaitText != 0 || a.bigInFlight != 0 || len(a.runs) != 0 || a.work != 0 {
		t.Errorf("idle engine: bigWaiting %d, bigWaitText %d, bigInFlight %d, runs %d, work %v; want 0",
			a.bigWaiting, a.bigWaitText, a.bigInFlight, len(a.runs), a.work)
	}
}

func TestAdmissionWeigh(t *testing.T) {
	for _, c := range []struct {
		limit, n, w int
		big         bool
	}{
		{4, 0, 1, false}, {4, 1, 1, false}, {4, 100, 1, false}, {4, 101, 2, true}, {4, 200, 2, true},
		{4, 201, 3, true}, {4, 100000, 3, true}, // at most all the slots but one
		{8, 450, 5, true}, {8, 100000, 7, true},
		{2, 100000, 1, true}, {1, 100000, 1, true}, // one slot: every call takes it
	} {
		a := &admission{limit: c.limit, slotBytes: 100}
		if w, big := a.weigh(c.n); w != c.w || big != c.big {
			t.Errorf("%d slots: weigh(%d) = %d, %v; want %d, %v", c.limit, c.n, w, big, c.w, c.big)
		}
	}
	if w, big := (&admission{limit: 4}).weigh(1 << 20); w != 1 || big {
		t.Errorf("no slot size: weigh(1 MiB) = %d, %v; want 1, false", w, big)
	}
	// the default: news articles and up to 256 kB take one slot, a 1 MB
	// article all but one
	a := &admission{limit: 4, slotBytes: SlotBytes}
	for n, want := range map[int]int{2 << 10: 1, 20 << 10: 1, 100 << 10: 1, 200 << 10: 1, 256 << 10: 1, 300 << 10: 2,
		600 << 10: 3, 1 << 20: 3} {
		if w, _ := a.weigh(n); w != want {
			t.Errorf("weigh(%d) = %d with the default slot size; want %d", n, w, want)
		}
	}
}

// A large call waits maxWait for every waitBytes of its text and of the
// large calls ahead of it (by their slots); a call of one slot, maxWait.
func TestAdmissionWaitFor(t *testing.T) {
	a := &admission{limit: 8, slotBytes: 100, waitBytes: 25, maxWait: 10 * time.Millisecond}
	if d := a.waitFor(1000, false); d != 10*time.Millisecond {
		t.Errorf("a call of one slot waits %v; want 10ms", d)
	}
	if d := a.waitFor(1000, true); d != 400*time.Millisecond {
		t.Errorf("a 1000-byte call with none ahead waits %v; want 40 x 10ms", d)
	}
	a.bigInFlight = 3
	a.queue = []*waiter{{weight: 2, big: true}, {weight: 1}}
	if d := a.waitFor(1000, true); d != 600*time.Millisecond {
		t.Errorf("a 1000-byte call behind 5 large slots waits %v; want (1000 + 500) / 25 x 10ms", d)
	}
	a.waitBytes = 0
	if d := a.waitFor(1000, true); d != 10*time.Millisecond {
		t.Errorf("without waitBytes a large call waits %v; want 10ms", d)
	}
	// the defaults: a 1 MB article behind a 1 MB one (3 slots) waits
	// (1 MiB + 768 KiB) / 128 KiB = 14 x MaxWait
	a = &admission{limit: 4, slotBytes: SlotBytes, waitBytes: LargeWaitBytes, maxWait: DefaultMaxWait}
	w, big := a.weigh(1 << 20)
	a.take(w, big)
	if d := a.waitFor(1<<20, true); d != 14*DefaultMaxWait {
		t.Errorf("a 1 MiB article behind another waits %v; want %v", d, 14*DefaultMaxWait)
	}
}

// A large article sent while another runs waits for it (past MaxWait, by
// their sizes) and then runs, rather than being refused after the wait
// of a news article; a news article still takes the slot they leave.
func TestAdmissionLargeWaitsForLarge(t *testing.T) {
	g := newGate(t, Config{MaxInFlight: 4, MaxQueue: 10, MaxWait: 50 * time.Millisecond}, 100)
	g.e.adm.waitBytes = 25 // L2 waits (1000 + 300) / 25 x 50 ms = 2.6 s at most
	ctx := context.Background()
	g.start(ctx, "L1", 1000) // 3 slots
	g.running(t, "L1")
	g.start(ctx, "L2", 1000)
	g.waitLoad(t, 3, 1)
	g.start(ctx, "s1", 50)
	g.running(t, "s1")
	// six times a news article's wait: L2 still waits
	time.Sleep(300 * time.Millisecond)
	g.waitLoad(t, 4, 1)
	g.release(t, "s1", "L1")
	g.running(t, "L2")
	g.open("L2")
	if err := g.finished(t, "L2"); err != nil {
		t.Fatalf("L2: %v; want it to wait for L1", err)
	}
	g.waitLoad(t, 0, 0)
}

// A large article takes its weight in slots; the news articles keep the
// slot it leaves, and a second large one waits for the first although
// enough slots are free for its weight.
func TestAdmissionLargeTakesSlots(t *testing.T) {
	g := newGate(t, Config{MaxInFlight: 6, MaxQueue: 10, MaxWait: time.Minute}, 100)
	ctx := context.Background()
	g.start(ctx, "A", 300) // 3 slots
	g.running(t, "A")
	g.waitLoad(t, 3, 0)
	g.start(ctx, "B", 300) // 3 more would fill the 6, but large ones take 5 at most together
	g.waitLoad(t, 3, 1)
	g.notRunning(t)
	// news articles pass the waiting large one while they leave it its 3
	for _, id := range []string{"s1", "s2", "s3"} {
		g.start(ctx, id, 50)
		g.running(t, id)
	}
	g.waitLoad(t, 6, 1)
	g.start(ctx, "s4", 50)
	g.waitLoad(t, 6, 2)
	// A ends: B takes its slots at once, before s4, which came after it
	g.open("A")
	if err := g.finished(t, "A"); err != nil {
		t.Fatal(err)
	}
	g.running(t, "B")
	g.waitLoad(t, 6, 1)
	g.notRunning(t)
	g.open("s1")
	if err := g.finished(t, "s1"); err != nil {
		t.Fatal(err)
	}
	g.running(t, "s4")
	g.release(t, "B", "s2", "s3", "s4")
	g.waitLoad(t, 0, 0)
}

// A stream of news articles does not starve a large one: the ones that
// come after it wait until it has its slots, which the ones before it
// free; then they take the slot it leaves.
func TestAdmissionLargeNotStarved(t *testing.T) {
	g := newGate(t, Config{MaxInFlight: 4, MaxQueue: 10, MaxWait: time.Minute}, 100)
	ctx := context.Background()
	for _, id := range []string{"s1", "s2", "s3", "s4"} {
		g.start(ctx, id, 50)
		g.running(t, id)
	}
	g.start(ctx, "L", 1000) // 3 slots
	g.waitLoad(t, 4, 1)
	g.start(ctx, "s5", 50)
	g.waitLoad(t, 4, 2)
	g.start(ctx, "s6", 50)
	g.waitLoad(t, 4, 3)
	for _, id := range []string{"s1", "s2"} {
		g.open(id)
		if err := g.finished(t, id); err != nil {
			t.Fatal(err)
		}
		g.notRunning(t) // the freed slots are kept for L, not given to s5
	}
	g.waitLoad(t, 2, 3)
	g.open("s3")
	if err := g.finished(t, "s3"); err != nil {
		t.Fatal(err)
	}
	g.running(t, "L")
	g.waitLoad(t, 4, 2)
	g.open("s4")
	if err := g.finished(t, "s4"); err != nil {
		t.Fatal(err)
	}
	g.running(t, "s5") // the slot L leaves
	g.waitLoad(t, 4, 1)
	g.release(t, "L", "s5")
	g.running(t, "s6")
	g.open("s6")
	if err := g.finished(t, "s6"); err != nil {
		t.Fatal(err)
	}
	g.waitLoad(t, 0, 0)
}

// A large call that stops waiting (cancelled, or its deadline passed, or
// the queue wait ended) leaves the queue: the slots it held back go to the
// calls after it, and the counts return to zero.
func TestAdmissionLargeLeavesQueue(t *testing.T) {
	for _, how := range []string{"cancel", "deadline", "max-wait"} {
		t.Run(how, func(t *testing.T) {
			wait := time.Minute
			if how == "max-wait" {
				// every call waits this long at most: s3, which starts
				// later (below), must still be waiting when L leaves
				wait = 400 * time.Millisecond
			}
			g := newGate(t, Config{MaxInFlight: 4, MaxQueue: 10, MaxWait: wait}, 100)
			ctx := context.Background()
			g.start(ctx, "s1", 50)
			g.start(ctx, "s2", 50)
			g.running(t, "s1", "s2")
			lctx, cancel := context.WithCancel(ctx)
			defer cancel()
			if how == "deadline" {
				lctx, cancel = context.WithTimeout(ctx, 100*time.Millisecond)
				defer cancel()
			}
			g.start(lctx, "L", 1000) // 3 slots: waits for one of s1, s2
			g.waitLoad(t, 2, 1)
			if how == "max-wait" {
				// s3's own wait ends 150 ms after L's, so that a busy
				// machine hands it L's place in time (at 100 ms for both
				// and no pause, a CI run saw s3 time out first)
				time.Sleep(150 * time.Millisecond)
			}
			g.start(ctx, "s3", 50) // would leave L only 1: waits
			g.waitLoad(t, 2, 2)
			g.notRunning(t)
			if how == "cancel" {
				cancel()
			}
			err := g.finished(t, "L")
			want := map[string]Kind{"cancel": KindCanceled, "deadline": KindDeadline, "max-wait": KindOverloaded}[how]
			if KindOf(err) != want {
				t.Fatalf("L: err = %v; want %v", err, want)
			}
			if how == "max-wait" {
				wantOverloaded(t, err)
			}
			g.running(t, "s3") // at once, with the slot L no longer holds back
			g.waitLoad(t, 3, 0)
			g.release(t, "s1", "s2", "s3")
			g.waitLoad(t, 0, 0)
			// the large one runs now, alone
			g.start(ctx, "L2", 1000)
			g.running(t, "L2")
			g.waitLoad(t, 3, 0)
			g.open("L2")
			if err := g.finished(t, "L2"); err != nil {
				t.Fatal(err)
			}
			g.waitLoad(t, 0, 0)
			g.idle(t)
		})
	}
}

// A large call that would take the large calls' waiting text over
// MaxQueueLargeBytes is refused at once, with the reason and retry hint of
// every refusal and a message that names the large articles' queue; a news
// article still finds its place in the queue, and passes the waiting large
// one into the slot it leaves.
func TestAdmissionLargeRefusedAtOnce(t *testing.T) {
	g := newGate(t, Config{MaxInFlight: 2, MaxQueue: 1, MaxQueueLargeBytes: 1000, MaxWait: time.Minute}, 100)
	ctx := context.Background()
	g.start(ctx, "s1", 50)
	g.running(t, "s1")
	g.start(ctx, "L", 1000) // 1 slot, large: waits for none (1 + 1 <= 2)
	g.running(t, "L")
	g.start(ctx, "L2", 1000) // waits for L
	g.waitLoad(t, 2, 1)
	// the large articles' queue is full: refused at once
	req := textReq(strings.Repeat("w", 1000), FeatureQuotes)
	t0 := time.Now()
	_, err := g.e.Analyze(ctx, req, nil)
	wantOverloaded(t, err)
	if d := time.Since(t0); d > 500*time.Millisecond {
		t.Errorf("refused after %v; want at once", d)
	}
	if !strings.Contains(err.Error(), "queue of large articles") {
		t.Errorf("err = %v; want it to name the large articles' queue", err)
	}
	// large ones refused do not make the overload look sustained (they
	// halved the news articles' queue)
	for range 3 {
		_, err := g.e.Analyze(ctx, req, nil)
		wantOverloaded(t, err)
	}
	g.e.adm.mu.Lock()
	sustained, shed := g.e.adm.sustained(), g.e.adm.shed
	g.e.adm.mu.Unlock()
	if sustained || shed != 4 {
		t.Errorf("after 4 large calls refused: sustained overload %v, %d refused; want false, 4", sustained, shed)
	}
	// the news articles' place is free
	g.start(ctx, "s2", 50)
	g.waitLoad(t, 2, 2)
	g.notRunning(t)
	g.open("s1")
	if err := g.finished(t, "s1"); err != nil {
		t.Fatal(err)
	}
	g.running(t, "s2") // L2 waits for L, whose slot is not free for it
	g.release(t, "L")
	g.running(t, "L2")
	g.release(t, "s2", "L2")
	g.waitLoad(t, 0, 0)
	g.idle(t)
}

// The large calls wait apart from the news articles: with a large article
// running and three waiting for it (the queue of four places had three of
// them taken, and news articles were refused with one of their own
// waiting), four news articles still wait, in the slot the large ones
// leave, and a fifth is refused; then every call ends, each large one in
// turn.
func TestAdmissionNewsQueueBesideLarge(t *testing.T) {
	g := newGate(t, Config{MaxInFlight: 4, MaxQueue: 4, MaxWait: time.Minute}, 100)
	ctx := context.Background()
	g.start(ctx, "L1", 1000) // 3 slots
	g.running(t, "L1")
	for i, id := range []string{"L2", "L3", "L4"} {
		g.start(ctx, id, 1000)
		g.waitLoad(t, 3, i+1)
	}
	g.start(ctx, "s1", 50)
	g.running(t, "s1") // the slot the large ones leave
	for i, id := range []string{"s2", "s3", "s4", "s5"} {
		g.start(ctx, id, 50)
		g.waitLoad(t, 4, 4+i)
	}
	_, err := g.e.Analyze(ctx, textReq("w", FeatureQuotes), nil)
	wantOverloaded(t, err)
	if strings.Contains(err.Error(), "large") {
		t.Errorf("a news article refused with %v; want the queue of news articles", err)
	}
	g.notRunning(t)
	// the news articles go on in the slot the large ones leave, in order
	for _, id := range []string{"s1", "s2", "s3", "s4"} {
		g.open(id)
		if err := g.finished(t, id); err != nil {
			t.Fatal(err)
		}
		next := map[string]string{"s1": "s2", "s2": "s3", "s3": "s4", "s4": "s5"}[id]
		g.running(t, next)
	}
	g.release(t, "s5")
	for _, id := range []string{"L1", "L2", "L3"} {
		g.open(id)
		if err := g.finished(t, id); err != nil {
			t.Fatal(err)
		}
		g.running(t, map[string]string{"L1": "L2", "L2": "L3", "L3": "L4"}[id])
	}
	g.release(t, "L4")
	g.waitLoad(t, 0, 0)
	g.idle(t)
}

// bigRoom: the text of the large calls waiting stays within the bound,
// half of it under sustained overload; one large call may always wait when
// none does; a negative bound queues none.
func TestAdmissionBigRoom(t *testing.T) {
	a := &admission{limit: 4, maxBigQueue: 3000}
	if !a.bigRoom(5000) {
		t.Error("a large call larger than the bound may not wait with none waiting")
	}
	a.bigWaiting, a.bigWaitText = 2, 2000
	if !a.bigRoom(1000) || a.bigRoom(1001) {
		t.Errorf("with 2000 bytes waiting, bigRoom(1000), bigRoom(1001) = %v, %v; want true, false", a.bigRoom(1000), a.bigRoom(1001))
	}
	a.doneRate, a.shedRate, a.rateAt = 100, 100, time.Now() // sustained overload
	if a.bigRoom(1) {
		t.Error("under sustained overload the large calls' bound is not halved")
	}
	a.bigWaiting, a.bigWaitText = 1, 1000
	if !a.bigRoom(500) || a.bigRoom(501) {
		t.Error("under sustained overload the bound is not 1500")
	}
	a.maxBigQueue, a.bigWaiting, a.bigWaitText = -1, 0, 0
	if a.bigRoom(1) {
		t.Error("a negative bound queues a large call")
	}
}

// The default bound: three articles of the service's default limit, 1 MiB,
// wait beside the one running, not a fourth; none with no queue.
func TestAdmissionBigQueueDefault(t *testing.T) {
	e := mustEngine(t, Config{Stages: coreStages()})
	if e.adm.maxBigQueue != DefaultMaxQueueLargeBytes || DefaultMaxQueueLargeBytes != 3<<20 {
		t.Errorf("maxBigQueue = %d; want %d", e.adm.maxBigQueue, 3<<20)
	}
	a := &e.adm
	w, big := a.weigh(1 << 20)
	a.take(w, big)
	for i := range 3 {
		if !a.bigRoom(1 << 20) {
			t.Fatalf("large call %d of 1 MiB refused", i+1)
		}
		a.bigWaiting++
		a.bigWaitText += 1 << 20
	}
	if a.bigRoom(1 << 20) {
		t.Error("a fourth large call of 1 MiB may wait")
	}
	if e := mustEngine(t, Config{Stages: coreStages(), MaxQueue: -1}); e.adm.maxBigQueue >= 0 {
		t.Errorf("no queue: maxBigQueue = %d; want none", e.adm.maxBigQueue)
	}
	if e := mustEngine(t, Config{Stages: coreStages(), MaxQueue: -1, MaxQueueLargeBytes: 5}); e.adm.maxBigQueue != 5 {
		t.Errorf("no queue, MaxQueueLargeBytes 5: maxBigQueue = %d", e.adm.maxBigQueue)
	}
}

// A large call that waits behind a large one running longer than the
// queue wait is refused when the wait ends, with a retry hint of the
// running one's expected time (not of the average analysis); news articles
// still take the slot the running one leaves.
func TestAdmissionLargeBehindLarge(t *testing.T) {
	g := newGate(t, Config{MaxInFlight: 4, MaxQueue: 10, MaxWait: 200 * time.Millisecond}, 100)
	g.e.adm.mu.Lock()
	g.e.adm.avgRun, g.e.adm.avgBytes = 10*time.Millisecond, 10 // 1 ms a byte: 1000 bytes, 1 s
	g.e.adm.mu.Unlock()
	ctx := context.Background()
	tL := time.Now()
	g.start(ctx, "L", 1000)
	g.running(t, "L")
	g.waitLoad(t, 3, 0)
	req := textReq(strings.Repeat("w", 1000), FeatureQuotes)
	t0 := time.Now()
	_, err := g.e.Analyze(ctx, req, nil)
	d := time.Since(t0)
	left := time.Second - time.Since(tL) // what is left of the running one's 1 s (at most)
	hint := wantOverloaded(t, err)
	if d < 200*time.Millisecond || d > 2*time.Second {
		t.Errorf("refused after %v; want after the queue wait, 200ms", d)
	}
	if hint < max(left, 125*time.Millisecond)-20*time.Millisecond || hint > max(time.Second-d, 125*time.Millisecond)+50*time.Millisecond {
		t.Errorf("retry hint %v; want what is left of the running large article's 1 s, %v (an eighth of it at least)", hint, left)
	}
	g.start(ctx, "s1", 50)
	g.running(t, "s1")
	g.release(t, "L", "s1")
	g.waitLoad(t, 0, 0)
	g.e.adm.mu.Lock()
	br := len(g.e.adm.runs)
	g.e.adm.mu.Unlock()
	if br != 0 {
		t.Errorf("%d runs counted after every call ended; want 0", br)
	}
}

// An HTML article takes one slot until its text is out; then the weight
// of its text.
func TestAdmissionHTMLRegrows(t *testing.T) {
	g := newGate(t, Config{MaxInFlight: 4, MaxQueue: 10, MaxWait: time.Minute}, 100)
	ctx := context.Background()
	g.start(ctx, "s1", 50)
	g.running(t, "s1")
	page := "<html><body><article><p>" + strings.Repeat("The river rose. ", 20) + "</p></article></body></html>"
	req := &Request{ID: "H", Source: SourceHTML, Content: page, Features: NewFeatureSet(FeatureQuotes)}
	go func() { _, err := g.e.Analyze(ctx, req, nil); g.done <- result{"H", err} }()
	g.running(t, "H")
	g.waitLoad(t, 1+3, 0) // 320 bytes of text: 3 slots
	g.open("s1")
	if err := g.finished(t, "s1"); err != nil {
		t.Fatal(err)
	}
	g.open("H")
	if err := g.finished(t, "H"); err != nil {
		t.Fatal(err)
	}
	g.waitLoad(t, 0, 0)
	g.idle(t)
}

// BenchmarkAdmissionNews runs news articles through the cheap stages from
// as many callers as slots: the limiter's cost per call in the common
// path, where every call takes one slot.
//
//	go test ./internal/pipeline -run '^$' -bench AdmissionNews -benchmem
func BenchmarkAdmissionNews(b *testing.B) {
	e := mustEngine(b, Config{Stages: coreStages(), MaxInFlight: 4, MaxQueue: 4, MaxWait: time.Minute})
	req := textReq(strings.Repeat("The ferry left at noon. It came back empty. ", 100))
	b.SetParallelism(2) // 2 callers per P
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := e.Analyze(context.Background(), req, nil); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// A large call refused before any analysis has finished gets a retry hint
// from the large analyses ahead of it, at coldPerByte (it had the 50 ms
// floor, an invitation to a retry storm): with the queue of large calls
// full, the time until enough of it has started to make room for it (a
// waiter leaves the queue as it starts), over the 5 s cap of the news
// articles' hints when the work ahead takes longer.
func TestAdmissionLargeRetryHintCold(t *testing.T) {
	g := newGate(t, Config{MaxInFlight: 4, MaxQueue: 4, MaxQueueLargeBytes: 200_000, MaxWait: time.Minute}, 10_000)
	ctx := context.Background()
	tL := time.Now()
	g.start(ctx, "L", 2_000_000) // 6 s at coldPerByte
	g.running(t, "L")
	g.start(ctx, "L2", 100_000) // 0.3 s
	g.waitLoad(t, 3, 1)
	g.start(ctx, "L3", 100_000)
	g.waitLoad(t, 3, 2)
	for _, c := range []struct {
		n    int
		want time.Duration // the expected time until there is room, from L's start
	}{
		{100_000, 6 * time.Second},                      // L2 leaves the queue as L ends
		{200_000, 6*time.Second + 300*time.Millisecond}, // and L3 as L2 ends
	} {
		_, err := g.e.Analyze(ctx, textReq(strings.Repeat("w", c.n), FeatureQuotes), nil)
		hint := wantOverloaded(t, err)
		if !strings.Contains(err.Error(), "queue of large articles") {
			t.Errorf("err = %v; want the large articles' queue", err)
		}
		// what is left of it now, within the rounding to 10 ms
		if lo, hi := c.want-time.Since(tL)-10*time.Millisecond, c.want+10*time.Millisecond; hint < lo || hint > hi {
			t.Errorf("large call of %d bytes refused with a retry hint of %v; want %v-%v", c.n, hint, lo, hi)
		}
	}
	g.release(t, "L", "L2", "L3")
	g.waitLoad(t, 0, 0)
	g.idle(t)
}

// After StopAdmitting no analysis starts: a new call fails at once with
// KindUnavailable, SHUTTING_DOWN, and a waiting one keeps waiting while
// slots free up, until its context ends.
func TestAdmissionStopAdmitting(t *testing.T) {
	g := newGate(t, Config{MaxInFlight: 1, MaxQueue: 4, MaxWait: time.Minute}, 100)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	g.start(ctx, "s1", 10)
	g.running(t, "s1")
	g.start(ctx, "s2", 10)
	g.waitLoad(t, 1, 1)
	g.e.StopAdmitting()
	_, err := g.e.Analyze(context.Background(), textReq("New.", FeatureQuotes), nil)
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != KindUnavailable || pe.Reason != "SHUTTING_DOWN" {
		t.Errorf("a call after StopAdmitting: %v; want KindUnavailable, SHUTTING_DOWN", err)
	}
	g.release(t, "s1")
	g.notRunning(t) // s2 does not take the slot s1 left
	g.waitLoad(t, 0, 1)
	cancel()
	if err := g.finished(t, "s2"); KindOf(err) != KindCanceled {
		t.Errorf("the waiting call: %v; want it cancelled in the queue", err)
	}
	g.waitLoad(t, 0, 0)
	g.idle(t)
}
