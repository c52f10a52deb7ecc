package pipeline

import (
	"context"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/quotes"
)

func init() {
	register(Stage{
		Name:      "quotes",
		Order:     60,
		Features:  []Feature{FeatureQuotes},
		Parts:     []Part{PartQuotes},
		Requires:  []string{"entities"},
		Uses:      []string{"language"},
		Languages: []string{"en"},
		Model:     "quotes-2026.11b: learned verb and noun cue, content-end and filter models (PolNeAR) + attribution rules",
		Load: func() (RunFunc, error) {
			return func(ctx context.Context, st *State) error {
				if notEnglish(st, FeatureQuotes, "quotes are") {
					return nil
				}
				ents, _ := st.Scratch[scratchEntities].([]entity.Entity)
				qs := quotes.Extract(st.Doc, ents)
				if err := st.Doc.Err(); err != nil {
					return err // cancelled: what Extract found is partial
				}
				out := make([]Quote, len(qs))
				for i, q := range qs {
					out[i] = Quote{
						Content: q.Content,
						Parts:   quotes.Parts(st.Doc, q),
						Cue:     q.Cue,
						Speaker: Speaker{Span: q.Speaker, Name: q.SpeakerName, EntityIndex: q.EntityIndex},
						Kind:    quoteKind(q.Kind),
					}
				}
				st.Analysis.Quotes = out
				return nil
			}, nil
		},
	})
}

func quoteKind(k quotes.Kind) QuoteKind {
	switch k {
	case quotes.Indirect:
		return QuoteIndirect
	case quotes.Mixed:
		return QuoteMixed
	}
	return QuoteDirect
}
