// Package pipeline runs the analysers of Lector in stages on one article.
//
// An Engine holds the stages registered by the stage_*.go files of this
// package. For each request it resolves the article text (the source
// stage), tokenises it (the text stage) and runs, in order, every stage
// that serves a requested feature, together with the stages those require.
// After each stage it reports the parts of the Analysis that are then
// complete, so callers can stream early results. All offsets in the
// Analysis are byte offsets into Analysis.Text; the service converts them.
//
// # Adding an analyser
//
// Add one file, stage_NAME.go, that registers a Stage in its init function:
//
//	func init() {
//		register(Stage{
//			Name:      "entities",              // timings, logs, Requires
//			Order:     40,                      // see Stage.Order for the slots
//			Features:  []Feature{FeatureEntities},
//			Parts:     []Part{PartEntities},    // the Analysis fields it writes
//			Requires:  []string{"pos"},         // stages that must run first
//			Uses:      []string{"language"},    // stages whose results it reads when present
//			Languages: []string{"en"},          // for GetCapabilities
//			Model:     "ner perceptron",
//			Load: func() (RunFunc, error) {    // once, at start-up, in parallel
//				r, err := ner.Load()
//				if err != nil {
//					return nil, err // the feature is reported unavailable
//				}
//				return func(ctx context.Context, st *State) error {
//					ents := entity.Resolve(st.Doc, r.Recognize(st.Doc))
//					st.Scratch["entities"] = ents // for later stages
//					st.Analysis.Entities = ... // map to the domain types
//					return nil
//				}, nil
//			},
//		})
//	}
//
// Every stage whose results the new one reads must be in Requires or Uses
// (a tagger's tags on st.Doc, the detected language behind english(st)):
// the plan of a request runs them whatever features it asks for, so that
// each feature's output is the same alone as in a full analysis
// (TestFeatureOutputsIndependent). A stage run only for another writes no
// part the caller did not ask for: check st.Wants before filling the
// Analysis, as the entities stage does when it runs for the quotes.
//
// Nothing else changes: the engine plans and times the stage, streams its
// parts, turns its panics into internal errors, and the service already
// maps every Analysis field to the API. A stage that cannot serve an
// article (for example one in a language it does not know) calls
// st.Notice(feature, reason) and returns nil. A tagger that changes
// st.Doc.Tokens calls st.SyncTokens. The HTML source is a resolver
// registered with registerSource (until one is, such requests fail with
// SOURCE_NOT_SUPPORTED); a URL source is fetched by the engine before
// the analysis takes a slot, at most Config.MaxFetches at once.
package pipeline
