package pipeline

import (
	"context"

	"github.com/lector-nlp/lector/internal/langid"
)

// langidPrefixBytes bounds the text handed to the detector. Detect itself
// reads at most its first 2,000 bytes and stops after a few hundred letters
// once one language is far ahead, so the stage needs no cancellation checks.
const langidPrefixBytes = 8 << 10

func init() {
	register(Stage{
		Name:     "language",
		Order:    20,
		Features: []Feature{FeatureLanguage},
		Parts:    []Part{PartLanguage},
		Model:    "langid-2026.11: character n-grams, 75 languages (compiled from lingua-go 1.4 frequencies)",
		Load: func() (RunFunc, error) {
			d, err := langid.Load()
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, st *State) error {
				s := st.Analysis.Text
				if len(s) > langidPrefixBytes {
					s = s[:runeStart(s, langidPrefixBytes)]
				}
				code, conf := d.Detect(s)
				if code == "" {
					st.Notice(FeatureLanguage, "the language could not be identified")
					return nil
				}
				st.Analysis.Language = &Language{Code: code, Confidence: conf}
				return nil
			}, nil
		},
	})
}

// runeStart returns the largest rune boundary of s at or before i.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && s[i]&0xC0 == 0x80 {
		i--
	}
	return i
}
