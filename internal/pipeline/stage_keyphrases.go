package pipeline

import (
	"context"

	"github.com/lector-nlp/lector/internal/keyphrase"
)

func init() {
	register(Stage{
		Name:      "key_phrases",
		Order:     70,
		Features:  []Feature{FeatureKeyPhrases},
		Parts:     []Part{PartKeyPhrases},
		Requires:  []string{"pos"},
		Uses:      []string{"language"},
		Languages: []string{"en"},
		Model:     "keyphrase-2026.11: noun-phrase candidates ranked by boosted trees (KPCrowd + Inspec)",
		Load: func() (RunFunc, error) {
			x, err := keyphrase.Load()
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, st *State) error {
				if notEnglish(st, FeatureKeyPhrases, "key phrases are") {
					return nil
				}
				ps := x.Extract(st.Doc, st.Request.KeyPhraseCount)
				out := make([]KeyPhrase, len(ps))
				for i, p := range ps {
					out[i] = KeyPhrase{Phrase: p.Text, Score: p.Score, Mentions: p.Mentions}
				}
				st.Analysis.KeyPhrases = out
				return nil
			}, nil
		},
	})
}
