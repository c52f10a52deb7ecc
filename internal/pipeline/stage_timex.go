package pipeline

import (
	"context"

	"github.com/lector-nlp/lector/internal/timex"
)

func init() {
	register(Stage{
		Name:      "time_expressions",
		Order:     50,
		Features:  []Feature{FeatureTimeExpressions},
		Parts:     []Part{PartTimeExpressions},
		Uses:      []string{"language"},
		Languages: []string{"en"},
		Model:     "timex-2026.11: TIMEX3 rules, anchored on the publish time",
		Load: func() (RunFunc, error) {
			return func(ctx context.Context, st *State) error {
				if notEnglish(st, FeatureTimeExpressions, "time expressions are") {
					return nil
				}
				at, ok := st.Anchor()
				exprs := timex.ExtractAt(st.Doc, at, ok)
				out := make([]TimeExpression, len(exprs))
				for i, e := range exprs {
					out[i] = TimeExpression{Span: e.Span, Type: e.Type, Value: e.Value, Anchored: e.Anchored}
				}
				st.Analysis.TimeExpressions = out
				return nil
			}, nil
		},
	})
}
