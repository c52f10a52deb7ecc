package pipeline

import (
	"context"
	"strings"

	"github.com/lector-nlp/lector/internal/category"
	"github.com/lector-nlp/lector/internal/text"
)

// minCategoryConfidence leaves out categories the article is unlikely to
// belong to; the most likely one is always reported.
const minCategoryConfidence = 0.10

func init() {
	register(Stage{
		Name:      "categories",
		Order:     100,
		Features:  []Feature{FeatureCategories},
		Parts:     []Part{PartCategories},
		Uses:      []string{"language"},
		Languages: []string{"en"},
		Model:     "category-2026.11b: NB-weighted logistic regression on word n-grams, title words, word clusters and word vectors learnt from unlabelled news; BBC News + AG News, 6 categories",
		Load: func() (RunFunc, error) {
			c, err := category.Load()
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, st *State) error {
				if notEnglish(st, FeatureCategories, "categories are") {
					return nil
				}
				var out []Category
				for i, cat := range c.Classify(withTitle(st)) {
					if i > 0 && cat.Confidence < minCategoryConfidence {
						break
					}
					out = append(out, Category{Name: cat.Name, Confidence: cat.Confidence})
				}
				st.Analysis.Categories = out
				return nil
			}, nil
		},
	})
}

// withTitle returns the document to classify: the caller's article.title,
// when the text does not already start with it, put before the text as its
// first line, which the model reads as the title (its training items, AG's
// title and description, BBC's files, start with theirs). Without it an
// article sent as title + text lost its title words: through the API, AG
// items with the title in article.title scored 99.25 % against 99.96 %
// for title and description in the text (the shipped model, in-sample).
// The classifier reads only doc.Text.
func withTitle(st *State) *text.Document {
	t := strings.TrimSpace(st.Request.Title)
	if t == "" || strings.HasPrefix(strings.TrimSpace(st.Doc.Text), t) {
		return st.Doc
	}
	t = strings.Join(strings.Fields(t), " ")
	return &text.Document{Text: t + "\n\n" + st.Doc.Text}
}
