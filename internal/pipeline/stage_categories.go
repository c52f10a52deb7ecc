package pipeline

import (
	"context"

	"github.com/lector-nlp/lector/internal/category"
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
		Languages: []string{"en"},
		Model:     "category-2026.11b: NB-weighted logistic regression on word n-grams, title words, word clusters and word vectors learnt from unlabelled news; BBC News + AG News, 6 categories",
		Load: func() (RunFunc, error) {
			c, err := category.Load()
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, st *State) error {
				if !english(st) {
					st.Notice(FeatureCategories, "categories are available for English only")
					return nil
				}
				var out []Category
				for i, cat := range c.Classify(st.Doc) {
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
