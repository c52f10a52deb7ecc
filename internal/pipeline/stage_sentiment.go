package pipeline

import (
	"context"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/sentiment"
	"github.com/lector-nlp/lector/internal/text"
)

func init() {
	register(Stage{
		Name:     "sentiment",
		Order:    90,
		Features: []Feature{FeatureSentiment},
		Parts:    []Part{PartSentiment},
		// the model reads the tags (a request for sentiment alone got
		// other scores: 37 of 40 news articles, 12 of 819 sentences
		// changed class), and it scores the entities (FEATURE_SENTIMENT
		// alone got no entity sentiment: the entities, which carry it,
		// are returned with it)
		Requires:  []string{"pos"},
		Uses:      []string{"language", "entities"},
		Languages: []string{"en"},
		Model:     "sentiment-2026.11: target-aware logistic regression (NewsMTSC) + VADER lexicon features",
		Load: func() (RunFunc, error) {
			m, err := sentiment.Load()
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, st *State) error {
				if notEnglish(st, FeatureSentiment, "sentiment is") {
					return nil
				}
				a := st.Analysis
				sents := m.Sentences(st.Doc)
				if err := st.Doc.Err(); err != nil {
					return err
				}
				// every sentiment of the article in one array, and the
				// mention spans of one entity after another in one buffer
				// (Target keeps no reference to them): one allocation for
				// each instead of one per sentence and two per entity
				ents, _ := st.Scratch[scratchEntities].([]entity.Entity)
				ns, ne := min(len(a.Sentences), len(sents)), min(len(a.Entities), len(ents))
				vals := make([]Sentiment, ns+1+ne)
				for i := range ns {
					vals[i] = Sentiment{Score: sents[i].Score, Magnitude: sents[i].Magnitude}
					a.Sentences[i].Sentiment = &vals[i]
				}
				d := m.Document(st.Doc, sents)
				vals[ns] = Sentiment{Score: d.Score, Magnitude: d.Magnitude}
				a.Sentiment = &vals[ns]
				// entity sentiment when the entities stage ran
				most := 0
				for i := range ne {
					most = max(most, len(ents[i].Mentions))
				}
				spans := make([]text.Span, 0, most)
				for i := range ne {
					if err := ctx.Err(); err != nil {
						return err
					}
					spans = spans[:0]
					for _, mn := range ents[i].Mentions {
						spans = append(spans, mn.Span)
					}
					t := m.Target(st.Doc, spans)
					v := &vals[ns+1+i]
					*v = Sentiment{Score: t.Score, Magnitude: t.Magnitude}
					a.Entities[i].Sentiment = v
				}
				return nil
			}, nil
		},
	})
}
