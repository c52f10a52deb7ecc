package pipeline

import (
	"context"

	"github.com/lector-nlp/lector/internal/text"
)

func init() {
	register(Stage{
		Name:     "text",
		Order:    10,
		Always:   true,
		Features: []Feature{FeatureSyntax},
		Parts:    []Part{PartSyntax},
		Model:    "text-2026.11: rule-based PTB-style tokeniser and sentence splitter",
		Load: func() (RunFunc, error) {
			return runText, nil
		},
	})
}

// runText tokenises the text and fills Sentences and, under FeatureSyntax,
// Tokens.
func runText(ctx context.Context, st *State) error {
	doc, err := text.AnalyzeContext(ctx, st.Analysis.Text)
	if err != nil {
		return err // cancelled while tokenising: nothing to copy
	}
	st.Doc = doc
	a := st.Analysis
	a.Sentences = make([]Sentence, len(doc.Sentences))
	for i, s := range doc.Sentences {
		a.Sentences[i] = Sentence{Span: text.Span{Start: s.Start, End: s.End}}
	}
	if st.Wants(FeatureSyntax) {
		a.Tokens = make([]Token, len(doc.Tokens))
		for i, t := range doc.Tokens {
			a.Tokens[i] = Token{Span: text.Span{Start: t.Start, End: t.End}, POS: t.POS, Lemma: t.Lemma}
		}
	}
	return nil
}
