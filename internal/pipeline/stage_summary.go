package pipeline

import (
	"context"

	"github.com/lector-nlp/lector/internal/summary"
	"github.com/lector-nlp/lector/internal/text"
)

func init() {
	register(Stage{
		Name:     "summary",
		Order:    80,
		Features: []Feature{FeatureSummary},
		Parts:    []Part{PartSummary},
		Model:    "summary-2026.11: boosted-tree sentence scorer (CNN/DailyMail oracle labels), trigram blocking",
		Load: func() (RunFunc, error) {
			s, err := summary.Load()
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, st *State) error {
				// a first sentence that is the article's title (the caller's,
				// or the page's) is a headline, never a summary sentence
				title := st.Request.Title
				if title == "" {
					title = st.Analysis.Metadata.Title
				}
				idx := s.SummarizeTitled(st.Doc, st.Request.SummarySentences, title)
				out := &Summary{Sentences: make([]text.Span, 0, len(idx))}
				for _, i := range idx {
					if i >= 0 && i < len(st.Doc.Sentences) {
						// (a dateline that opens the sentence is left out)
						out.Sentences = append(out.Sentences, summary.SentenceSpan(st.Doc, i))
					}
				}
				st.Analysis.Summary = out
				return nil
			}, nil
		},
	})
}
