package pipeline

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/lector-nlp/lector/internal/text"
)

// A Stage is one step of the pipeline, registered by a stage_*.go file of
// this package with register in its init function.
//
// Adding an analyser means adding one such file: load the model in Load,
// return a RunFunc that reads st.Doc (and earlier stages' results in
// st.Analysis or st.Scratch) and writes the Analysis fields of its Parts.
// The service already maps every Analysis field to the API.
type Stage struct {
	// Name identifies the stage in timings, logs and Requires, such as "entities".
	Name string
	// Order places the stage; lower runs first. Reserved: source 0, text 10,
	// language 20, pos 30, entities 40, time_expressions 50, quotes 60,
	// key_phrases 70, summary 80, sentiment 90, categories 100, statistics 110.
	Order int
	// Features lists the features the stage serves. The stage runs when one
	// of them is requested, or when a stage that runs requires it.
	Features []Feature
	// Always makes the stage run for every request (source, text).
	Always bool
	// Parts lists the parts of the Analysis the stage writes. A part is
	// reported as done after the last running stage that lists it.
	Parts []Part
	// Requires names the stages that must run before this one: when one of
	// them is missing or failed to load, this stage's features are
	// unavailable.
	Requires []string
	// Uses names the stages whose results this one reads when they ran,
	// such as the language stage, whose detection decides whether the
	// English-only stages run: they run before this one whenever it runs,
	// whatever features were requested, so that its output is the same for
	// every request that asks for its feature. Unlike Requires, a missing
	// stage here is no error and leaves this stage available. A stage run
	// only for another computes its results for it; the engine returns and
	// streams only the requested parts (see Engine.Analyze).
	Uses []string
	// Languages lists the BCP-47 codes the stage supports; empty means any.
	Languages []string
	// Model names the model or rules behind the stage, such as "ner-perceptron-2026-11".
	Model string
	// Load prepares the stage once at start-up, for example by loading its
	// embedded model, and returns the function that runs it. Loads run in
	// parallel. A stage whose Load fails is left out, and its features are
	// reported as unavailable.
	Load func() (RunFunc, error)
	// LoadConfig, when set, is called instead of Load with the engine's
	// configuration, for a stage that needs the server's settings (the
	// source stage's fetch limits and allow-list).
	LoadConfig func(cfg *Config) (RunFunc, error)
}

// RunFunc runs a stage on one article. It must return promptly once ctx is
// done (checking ctx.Err() between sentences is enough), and may add notices
// with st.Notice instead of failing when it cannot serve this article.
type RunFunc func(ctx context.Context, st *State) error

var (
	registryMu sync.Mutex
	registry   []Stage
)

// register adds a stage to the default pipeline. Call it from init.
func register(s Stage) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry = append(registry, s)
	sort.SliceStable(registry, func(i, j int) bool { return registry[i].Order < registry[j].Order })
}

// Stages returns the registered stages in order. Tests use it to build an
// engine with an extra or a replaced stage.
func Stages() []Stage {
	registryMu.Lock()
	defer registryMu.Unlock()
	return append([]Stage(nil), registry...)
}

// State is what the stages of one analysis share. Stages run one after the
// other, so State needs no locking.
type State struct {
	// Request is the request being served.
	Request *Request
	// Features is the set of requested features.
	Features FeatureSet
	// Doc is the tokenised text, set by the text stage.
	Doc *text.Document
	// Analysis is the result being built.
	Analysis *Analysis
	// Scratch passes analyser-specific values between stages (for example
	// the raw NER mentions or entities for the quote stage). Keys are the
	// producing stage's name or "stage.key".
	Scratch map[string]any
	// Timings lists the stages run so far.
	Timings []StageTiming

	// language is the detected language, also when FeatureLanguage was not
	// requested (then Analysis.Language stays nil).
	language *Language
}

// Wants reports whether feature f was requested.
func (st *State) Wants(f Feature) bool { return st.Features.Has(f) }

// Notice records that feature f did not run for this article, and why. A
// notice for a feature that was not requested (of a stage run for another)
// is dropped: a notice tells the caller that a requested feature did not run.
func (st *State) Notice(f Feature, reason string) {
	if !st.Wants(f) {
		return
	}
	st.Analysis.Notices = append(st.Analysis.Notices, Notice{Feature: f, Reason: reason})
}

// LanguageCode returns the article's language: the detected one, else the
// caller's hint, else "". Stages that read it list "language" in Uses.
func (st *State) LanguageCode() string {
	if st.language != nil && st.language.Code != "" {
		return st.language.Code
	}
	return st.Request.LanguageHint
}

// Anchor returns the time that anchors relative dates, the publish time of
// the article, and false when it is unknown. 0001-01-01T00:00:00Z, the
// zero time.Time, anchors when the caller gave it.
func (st *State) Anchor() (time.Time, bool) {
	if t, ok := st.Analysis.Metadata.Published(); ok {
		return t, true
	}
	return st.Request.Published()
}

// SyncTokens copies tags and lemmas from st.Doc into Analysis.Tokens, for a
// stage (a tagger) that changed st.Doc.Tokens after the text stage.
func (st *State) SyncTokens() {
	if st.Doc == nil || st.Analysis.Tokens == nil {
		return
	}
	// the slices in locals: the string writes could alias the fields of
	// st, which the loop would read again for every token
	at, dt := st.Analysis.Tokens, st.Doc.Tokens
	dt = dt[:min(len(at), len(dt))]
	at = at[:len(dt)]
	for i := range dt {
		at[i].POS, at[i].Lemma = dt[i].POS, dt[i].Lemma
	}
}
