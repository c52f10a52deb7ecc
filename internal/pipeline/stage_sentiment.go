package pipeline

import (
	"context"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/sentiment"
	"github.com/lector-nlp/lector/internal/text"
)

func init() {
	register(Stage{
		Name:      "sentiment",
		Order:     90,
		Features:  []Feature{FeatureSentiment},
		Parts:     []Part{PartSentiment},
		Languages: []string{"en"},
		Model:     "sentiment-2026.11: target-aware logistic regression (NewsMTSC) + VADER lexicon features",
		Load: func() (RunFunc, error) {
			m, err := sentiment.Load()
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, st *State) error {
				if !english(st) {
					st.Notice(FeatureSentiment, "sentiment is available for English only")
					return nil
				}
				a := st.Analysis
				sents := m.Sentences(st.Doc)
				if err := st.Doc.Err(); err != nil {
					return err
				}
				for i := range a.Sentences {
					if i < len(sents) {
						a.Sentences[i].Sentiment = &Sentiment{Score: sents[i].Score, Magnitude: sents[i].Magnitude}
					}
				}
				d := m.Document(st.Doc, sents)
				a.Sentiment = &Sentiment{Score: d.Score, Magnitude: d.Magnitude}
				// entity sentiment when the entities stage ran
				ents, _ := st.Scratch[scratchEntities].([]entity.Entity)
				for i := range a.Entities {
					if err := ctx.Err(); err != nil {
						return err
					}
					if i >= len(ents) {
						break
					}
					spans := make([]text.Span, len(ents[i].Mentions))
					for j, mn := range ents[i].Mentions {
						spans[j] = mn.Span
					}
					t := m.Target(st.Doc, spans)
					a.Entities[i].Sentiment = &Sentiment{Score: t.Score, Magnitude: t.Magnitude}
				}
				return nil
			}, nil
		},
	})
}
