package pipeline

import (
	"context"
	"strings"

	"github.com/lector-nlp/lector/internal/stats"
)

func init() {
	register(Stage{
		Name:     "statistics",
		Order:    110,
		Features: []Feature{FeatureStatistics},
		Parts:    []Part{PartStatistics},
		Uses:     []string{"language"}, // readability is for English only
		Model:    "counts; Flesch reading ease (English)",
		Load: func() (RunFunc, error) {
			return runStatistics, nil
		},
	})
}

// runStatistics counts words, sentences and paragraphs. Readability uses the
// English Flesch formula, so it is dropped for articles known to be in
// another language.
func runStatistics(ctx context.Context, st *State) error {
	s := stats.Compute(st.Doc)
	out := &Statistics{
		Words: s.Words, Sentences: s.Sentences, Paragraphs: s.Paragraphs,
		ReadingTimeSeconds: s.ReadingTimeSeconds, Readability: s.Readability,
	}
	if lang := st.LanguageCode(); lang != "" && !strings.HasPrefix(strings.ToLower(lang), "en") {
		out.Readability = 0
	}
	st.Analysis.Statistics = out
	return nil
}
