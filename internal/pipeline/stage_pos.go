package pipeline

import (
	"context"

	"github.com/lector-nlp/lector/internal/pos"
)

func init() {
	register(Stage{
		Name:      "pos",
		Order:     30,
		Features:  []Feature{FeatureSyntax},
		Parts:     []Part{PartSyntax},
		Languages: []string{"en"},
		Model:     "pos-2026.11: averaged perceptron on CoNLL-2003, Penn Treebank tags, rule lemmatiser",
		Load: func() (RunFunc, error) {
			t, err := pos.Load()
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, st *State) error {
				if !english(st) {
					if st.Wants(FeatureSyntax) {
						st.Notice(FeatureSyntax, "part-of-speech tags and lemmas are available for English only")
					}
					return nil
				}
				t.Tag(st.Doc)
				st.SyncTokens()
				return nil
			}, nil
		},
	})
}

// english reports whether the English-only stages run: the article is
// English or of unknown language, the caller says it is English, or the
// language stage found that it reads as English whatever the detector
// named (scratchReadsEnglish). An empty hint says nothing: isEnglish("")
// is true, and with it every article the detector named another language
// was analysed as English.
func english(st *State) bool {
	if hint := st.Request.LanguageHint; isEnglish(st.LanguageCode()) || hint != "" && isEnglish(hint) {
		return true
	}
	b, _ := st.Scratch[scratchReadsEnglish].(bool)
	return b
}

func isEnglish(lang string) bool {
	return lang == "" || lang == "en" || len(lang) > 2 && lang[:3] == "en-"
}
