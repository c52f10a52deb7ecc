package tracing

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/lector-nlp/lector/internal/pipeline"
)

// fakeEngine is an Analyzer whose answer the test sets.
type fakeEngine struct {
	res *pipeline.Result
	err error
}

func (f *fakeEngine) Analyze(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
	return f.res, f.err
}

func (f *fakeEngine) Capabilities() []pipeline.FeatureInfo { return nil }

// TestEngineSpans: an analysis is a lector.analyze span with one child
// span per stage, placed end to end from the stage timings and ending with
// the analysis; a failed analysis has an error status and no stage spans.
func TestEngineSpans(t *testing.T) {
	timings := []pipeline.StageTiming{{Stage: "source", Duration: time.Millisecond},
		{Stage: "text", Duration: 3 * time.Millisecond}, {Stage: "statistics", Duration: 2 * time.Millisecond}}
	tests := []struct {
		name   string
		engine *fakeEngine
		stages []string
	}{
		{"ok", &fakeEngine{res: &pipeline.Result{Analysis: &pipeline.Analysis{Text: "Hello."}, Timings: timings}}, []string{"source", "text", "statistics"}},
		{"failed", &fakeEngine{err: &pipeline.Error{Kind: pipeline.KindInvalid, Reason: "EMPTY_ARTICLE"}}, nil},
		{"cancelled", &fakeEngine{err: context.Canceled}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exp := tracetest.NewInMemoryExporter()
			tr, err := New(context.Background(), Config{Exporter: exp, Version: "test"})
			if err != nil {
				t.Fatal(err)
			}
			req := &pipeline.Request{Source: pipeline.SourceHTML, Content: "<p>Hello.</p>"}
			_, aerr := tr.Engine(tt.engine).Analyze(context.Background(), req, nil)
			if !errors.Is(aerr, tt.engine.err) {
				t.Fatalf("Analyze returned %v, want %v", aerr, tt.engine.err)
			}
			// the in-memory exporter forgets its spans on Shutdown: flush
			if err := tr.tp.ForceFlush(context.Background()); err != nil {
				t.Fatal(err)
			}
			spans := exp.GetSpans()
			defer tr.Shutdown(context.Background())
			var root *tracetest.SpanStub
			stages := map[string]tracetest.SpanStub{}
			for i, s := range spans {
				switch s.Name {
				case "lector.analyze":
					root = &spans[i]
				default:
					stages[s.Name] = s
				}
			}
			if root == nil {
				t.Fatalf("no lector.analyze span among %d", len(spans))
			}
			attrs := map[string]any{}
			for _, a := range root.Attributes {
				attrs[string(a.Key)] = a.Value.AsInterface()
			}
			if attrs["lector.source"] != "html" || attrs["lector.article_bytes"] != int64(len(req.Content)) {
				t.Errorf("analysis span attributes %v", attrs)
			}
			if svc := root.Resource.Attributes(); len(svc) == 0 {
				t.Error("no resource attributes")
			}
			if tt.engine.err != nil {
				if root.Status.Code != codes.Error || attrs["lector.error_kind"] != pipeline.KindOf(tt.engine.err).String() {
					t.Errorf("failed analysis: status %v, kind %v", root.Status, attrs["lector.error_kind"])
				}
			} else if root.Status.Code == codes.Error {
				t.Errorf("ok analysis with status %v", root.Status)
			}
			if len(stages) != len(tt.stages) {
				t.Fatalf("stage spans %v, want %v", len(stages), tt.stages)
			}
			end := root.EndTime
			for i := len(tt.stages) - 1; i >= 0; i-- {
				s, ok := stages["lector.stage "+tt.stages[i]]
				if !ok {
					t.Fatalf("no span for stage %s", tt.stages[i])
				}
				if s.Parent.SpanID() != root.SpanContext.SpanID() || s.SpanContext.TraceID() != root.SpanContext.TraceID() {
					t.Errorf("stage %s is not a child of the analysis span", tt.stages[i])
				}
				if !s.EndTime.Equal(end) || s.EndTime.Sub(s.StartTime) != timings[i].Duration {
					t.Errorf("stage %s spans %v..%v, want %v ending at %v", tt.stages[i], s.StartTime, s.EndTime, timings[i].Duration, end)
				}
				end = s.StartTime
			}
		})
	}
}
