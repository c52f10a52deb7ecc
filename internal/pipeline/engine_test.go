package pipeline

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/fetch"
)

func mustEngine(tb testing.TB, cfg Config) *Engine {
	tb.Helper()
	e, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// coreStages returns the built-in stages (source, text, statistics), so
// these tests hold whatever analysers are registered besides.
func coreStages() []Stage {
	var out []Stage
	for _, s := range Stages() {
		if s.Name == "source" || s.Name == "text" || s.Name == "statistics" {
			out = append(out, s)
		}
	}
	return out
}

// withoutResolver removes the resolver of a source kind for one test.
func withoutResolver(t *testing.T, kind SourceKind) {
	registryMu.Lock()
	old, ok := resolvers[kind]
	delete(resolvers, kind)
	registryMu.Unlock()
	t.Cleanup(func() {
		registryMu.Lock()
		defer registryMu.Unlock()
		if ok {
			resolvers[kind] = old
		} else {
			delete(resolvers, kind)
		}
	})
}

func textReq(s string, fs ...Feature) *Request {
	return &Request{Source: SourceText, Content: s, Features: NewFeatureSet(fs...)}
}

func TestAnalyzeCoreStages(t *testing.T) {
	e := mustEngine(t, Config{Stages: coreStages()})
	var events []string
	res, err := e.Analyze(context.Background(), textReq("The cat sat. The dog ran away!\n\nThen it rained."), func(ev Event) error {
		for _, p := range ev.Parts {
			events = append(events, ev.Stage+":"+p.String())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Analysis
	if len(a.Sentences) != 3 {
		t.Errorf("got %d sentences, want 3", len(a.Sentences))
	}
	if got := a.Text[a.Sentences[1].Span.Start:a.Sentences[1].Span.End]; got != "The dog ran away!" {
		t.Errorf("sentence 1 = %q", got)
	}
	if len(a.Tokens) == 0 {
		t.Error("no tokens although all features (with SYNTAX) were requested")
	}
	if a.Statistics == nil || a.Statistics.Words != 10 || a.Statistics.Paragraphs != 2 {
		t.Errorf("statistics = %+v, want 10 words in 2 paragraphs", a.Statistics)
	}
	want := []string{"source:source", "text:syntax", "statistics:statistics"}
	for _, w := range want {
		if !slices.Contains(events, w) {
			t.Errorf("events %v lack %s", events, w)
		}
	}
	// every feature without a stage is a notice, not a failure
	noticed := map[Feature]bool{}
	for _, n := range a.Notices {
		noticed[n.Feature] = true
		if n.Reason == "" {
			t.Errorf("notice for %v has no reason", n.Feature)
		}
	}
	for _, f := range AllFeatures {
		available := f == FeatureStatistics || f == FeatureSyntax
		if noticed[f] == available {
			t.Errorf("feature %v: noticed = %v", f, noticed[f])
		}
	}
	if len(res.Timings) != 3 {
		t.Errorf("timings = %v, want source, text and statistics", res.Timings)
	}
}

func TestAnalyzeOnlyRequestedStages(t *testing.T) {
	e := mustEngine(t, Config{Stages: coreStages()})
	res, err := e.Analyze(context.Background(), textReq("One. Two.", FeatureStatistics), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Analysis.Tokens != nil {
		t.Error("tokens returned without FEATURE_SYNTAX")
	}
	if len(res.Analysis.Notices) != 0 {
		t.Errorf("notices = %v, want none", res.Analysis.Notices)
	}
	res, err = e.Analyze(context.Background(), textReq("One. Two.", FeatureSyntax), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Analysis.Statistics != nil {
		t.Error("statistics computed without being requested")
	}
}

// fakeStage returns a stage that runs fn.
func fakeStage(name string, order int, fs []Feature, parts []Part, requires []string, fn RunFunc) Stage {
	return Stage{Name: name, Order: order, Features: fs, Parts: parts, Requires: requires,
		Load: func() (RunFunc, error) { return fn, nil }}
}

func TestPlanRequiresAndPartOrder(t *testing.T) {
	var ran []string
	mark := func(name string) RunFunc {
		return func(ctx context.Context, st *State) error { ran = append(ran, name); return nil }
	}
	stages := append(coreStages(),
		fakeStage("pos", 30, []Feature{FeatureSyntax}, []Part{PartSyntax}, nil, mark("pos")),
		fakeStage("entities", 40, []Feature{FeatureEntities}, []Part{PartEntities}, []string{"pos"}, mark("entities")),
		fakeStage("quotes", 60, []Feature{FeatureQuotes}, []Part{PartQuotes}, []string{"entities"}, mark("quotes")),
	)
	e := mustEngine(t, Config{Stages: stages})
	var parts []string
	_, err := e.Analyze(context.Background(), textReq("He said it.", FeatureQuotes), func(ev Event) error {
		for _, p := range ev.Parts {
			parts = append(parts, ev.Stage+":"+p.String())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(ran, ",") != "pos,entities,quotes" {
		t.Errorf("ran %v, want pos, entities, quotes", ran)
	}
	// syntax is complete only after pos, the last stage that writes it; the
	// entities are sent with the quotes, whose speakers point into them
	want := "source:source,pos:syntax,entities:entities,quotes:quotes"
	if strings.Join(parts, ",") != want {
		t.Errorf("parts = %v, want %s", parts, want)
	}
}

func TestFailedLoadIsNotice(t *testing.T) {
	stages := append(coreStages(), Stage{Name: "categories", Order: 100, Features: []Feature{FeatureCategories},
		Parts: []Part{PartCategories}, Load: func() (RunFunc, error) { return nil, errors.New("bad model") }})
	e := mustEngine(t, Config{Stages: stages})
	res, err := e.Analyze(context.Background(), textReq("Hello there.", FeatureCategories), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Analysis.Notices) != 1 || !strings.Contains(res.Analysis.Notices[0].Reason, "failed to load") {
		t.Errorf("notices = %+v", res.Analysis.Notices)
	}
	for _, fi := range e.Capabilities() {
		if fi.Feature == FeatureCategories && fi.Available {
			t.Error("capabilities report categories available")
		}
		if fi.Feature == FeatureStatistics && !fi.Available {
			t.Error("capabilities report statistics unavailable")
		}
	}
}

func TestPanicIsInternalError(t *testing.T) {
	stages := append(coreStages(), fakeStage("boom", 50, []Feature{FeatureQuotes}, nil, nil,
		func(ctx context.Context, st *State) error { panic("secret detail") }))
	e := mustEngine(t, Config{Stages: stages})
	_, err := e.Analyze(context.Background(), textReq("Hi.", FeatureQuotes), nil)
	if KindOf(err) != KindInternal {
		t.Fatalf("err = %v, want internal", err)
	}
	var pe *Error
	if !errors.As(err, &pe) || strings.Contains(pe.Msg, "secret") {
		t.Errorf("panic detail leaked into the caller's message: %+v", pe)
	}
	// the engine still works
	if _, err := e.Analyze(context.Background(), textReq("Hi.", FeatureStatistics), nil); err != nil {
		t.Fatal(err)
	}
}

func TestCancelBetweenStages(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	stages := append(coreStages(), fakeStage("slow", 50, []Feature{FeatureQuotes}, nil, nil,
		func(ctx context.Context, st *State) error { cancel(); return nil }),
		fakeStage("never", 60, []Feature{FeatureQuotes}, nil, nil,
			func(ctx context.Context, st *State) error { t.Error("stage ran after cancel"); return nil }))
	e := mustEngine(t, Config{Stages: stages})
	_, err := e.Analyze(ctx, textReq("Hi.", FeatureQuotes), nil)
	if KindOf(err) != KindCanceled {
		t.Fatalf("err = %v, want canceled", err)
	}
}

func TestDeadlineWhileWaitingForSlot(t *testing.T) {
	block := make(chan struct{})
	stages := append(coreStages(), fakeStage("block", 50, []Feature{FeatureQuotes}, nil, nil,
		func(ctx context.Context, st *State) error { <-block; return nil }))
	e := mustEngine(t, Config{Stages: stages, MaxInFlight: 1})
	done := make(chan error)
	go func() {
		_, err := e.Analyze(context.Background(), textReq("Hi.", FeatureQuotes), nil)
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	if _, err := e.Analyze(ctx, textReq("Hi."), nil); KindOf(err) != KindDeadline {
		t.Errorf("err = %v, want deadline exceeded while the only slot is taken", err)
	}
	close(block)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestSourceErrors(t *testing.T) {
	withoutResolver(t, SourceHTML)
	e := mustEngine(t, Config{Stages: coreStages(), MaxTextBytes: 10})
	_, err := e.Analyze(context.Background(), &Request{Source: SourceHTML, Content: "<p>hi</p>"}, nil)
	var pe *Error
	if !errors.As(err, &pe) || pe.Kind != KindUnimplemented || pe.Reason != "SOURCE_NOT_SUPPORTED" || pe.Field != "article.html" {
		t.Errorf("html source: err = %#v", err)
	}
	_, err = e.Analyze(context.Background(), textReq("This text is too long."), nil)
	if KindOf(err) != KindTooLarge {
		t.Errorf("long text: err = %v, want too large", err)
	}
}

func TestResolverSource(t *testing.T) {
	withoutResolver(t, SourceHTML)
	registerSource(SourceHTML, func(*Config) (Resolver, error) {
		return func(ctx context.Context, req *Request) (string, Metadata, error) {
			return "Resolved text. Two sentences.", Metadata{Title: "Page title", SiteName: "Example"}, nil
		}, nil
	})
	e := mustEngine(t, Config{Stages: coreStages()})
	res, err := e.Analyze(context.Background(), &Request{Source: SourceHTML, Content: "<p>Hi</p>"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Analysis
	if !a.FromMarkup || a.Text != "Resolved text. Two sentences." || a.Metadata.SiteName != "Example" || len(a.Sentences) != 2 {
		t.Errorf("analysis = %+v", a)
	}
}

// pageServer serves a plain-text article at /a, after the test closes
// hold, and never answers /slow; hit receives when a request arrives.
func pageServer(t *testing.T) (url string, hit chan struct{}, hold chan struct{}) {
	t.Helper()
	hit, hold = make(chan struct{}, 16), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hit <- struct{}{}
		if r.URL.Path == "/slow" {
			<-r.Context().Done()
			return
		}
		select {
		case <-hold:
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "The ferry left at noon. It came back empty.")
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/a", hit, hold
}

func loopbackFetch() fetch.Options {
	return fetch.Options{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}}
}

// A URL source is fetched before its analysis takes a slot: while a slow
// site answers, the only slot stays free for other calls.
func TestFetchHoldsNoSlot(t *testing.T) {
	url, hit, hold := pageServer(t)
	e := mustEngine(t, Config{Stages: coreStages(), MaxInFlight: 1, MaxQueue: -1, Fetch: loopbackFetch()})
	done := make(chan error, 1)
	var res *Result
	go func() {
		var err error
		res, err = e.Analyze(context.Background(), &Request{Source: SourceURL, Content: url}, nil)
		done <- err
	}()
	<-hit
	if in, _, _ := e.Load(); in != 0 {
		t.Errorf("%d analyses in flight while the page is fetched; want 0", in)
	}
	if _, err := e.Analyze(context.Background(), textReq("Hi."), nil); err != nil {
		t.Errorf("a text call while a page is fetched: %v", err)
	}
	close(hold)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	a := res.Analysis
	if a.Text != "The ferry left at noon. It came back empty." || !a.FromMarkup || a.Metadata.CanonicalURL != url || len(a.Sentences) != 2 {
		t.Errorf("analysis of the fetched page = %+v", a)
	}
	if len(res.Timings) == 0 || res.Timings[0].Stage != "source" {
		t.Errorf("timings = %v, want the source stage first", res.Timings)
	}
}

// At most MaxFetches pages are fetched at once; a further URL call waits
// at most the queue wait, then is refused as overloaded, and a failed fetch
// gives its slot back.
func TestFetchLimit(t *testing.T) {
	url, hit, hold := pageServer(t)
	e := mustEngine(t, Config{Stages: coreStages(), MaxFetches: 1, MaxWait: 50 * time.Millisecond, Fetch: loopbackFetch()})
	done := make(chan error, 1)
	go func() {
		_, err := e.Analyze(context.Background(), &Request{Source: SourceURL, Content: url}, nil)
		done <- err
	}()
	<-hit
	t0 := time.Now()
	_, err := e.Analyze(context.Background(), &Request{Source: SourceURL, Content: url}, nil)
	wantOverloaded(t, err)
	if d := time.Since(t0); d < 50*time.Millisecond || d > 2*time.Second {
		t.Errorf("the refused URL call took %v; want about MaxWait (50ms)", d)
	}
	// text calls do not wait for fetches
	if _, err := e.Analyze(context.Background(), textReq("Hi."), nil); err != nil {
		t.Errorf("a text call while the fetch limit is reached: %v", err)
	}
	close(hold)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// a fetch that fails (a blocked address) gives its slot back
	blocked := mustEngine(t, Config{Stages: coreStages(), MaxFetches: 1})
	for range 2 {
		_, err := blocked.Analyze(context.Background(), &Request{Source: SourceURL, Content: url}, nil)
		if pe := (*Error)(nil); !errors.As(err, &pe) || pe.Kind != KindInvalid || pe.Field != "article.url" {
			t.Errorf("fetch of a loopback URL without allow-list: err = %v, want invalid article.url", err)
		}
	}
	// the caller's cancel while fetching is reported as such
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-hit; cancel() }()
	if _, err := e.Analyze(ctx, &Request{Source: SourceURL, Content: strings.Replace(url, "/a", "/slow", 1)}, nil); KindOf(err) != KindCanceled {
		t.Errorf("cancel while fetching: err = %v, want canceled", err)
	}
}

func TestFeatureNames(t *testing.T) {
	for _, f := range AllFeatures {
		g, ok := ParseFeature("FEATURE_" + f.String())
		if !ok || g != f {
			t.Errorf("ParseFeature(%v) = %v, %v", f, g, ok)
		}
	}
	if NewFeatureSet().Features() == nil || len(NewFeatureSet().Features()) != len(AllFeatures) {
		t.Error("the empty feature list does not mean all features")
	}
}

// BenchmarkAnalyze runs every registered stage on a 500-word article.
func BenchmarkAnalyze(b *testing.B) {
	e := mustEngine(b, Config{})
	article := strings.Repeat("The minister said on Tuesday that the budget would be balanced next year. "+
		"Economists were not convinced, and several banks cut their forecasts.\n\n", 20)
	req := textReq(article)
	b.ReportAllocs()
	tokens := 0
	for b.Loop() {
		res, err := e.Analyze(context.Background(), req, nil)
		if err != nil {
			b.Fatal(err)
		}
		tokens += len(res.Analysis.Tokens)
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
