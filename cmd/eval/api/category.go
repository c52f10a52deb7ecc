package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/category"
	"github.com/lector-nlp/lector/internal/text"
)

// evalCategory: the shipped model on the AG part and BBC (IN-SAMPLE: the
// model was trained on both; cmd/eval/category's cross-validated figures
// are the honest ones; here only the difference between the paths counts).
// Accuracy over the data set's own classes (the best of them among the
// answer's categories; none answered is wrong) and open (the top one).
// An AG item is sent as a scorer would likely send it, title in
// article.title and the description as text, and as the eval reads it,
// both joined in the text; a BBC article as its file (first line the
// title) and with the first line moved to article.title.
func evalCategory(c *client, data string) ([]row, error) {
	ag, err := category.LoadAG(filepath.Join(data, "ag-news", "train-part.csv"))
	if err != nil {
		return nil, err
	}
	bbc, err := category.LoadBBC(filepath.Join(data, "bbc-news", "bbc"))
	if err != nil {
		return nil, err
	}
	cl, err := category.Load()
	if err != nil {
		return nil, err
	}
	var rows []row
	for _, set := range []struct {
		name, sep string
		exs       []category.Example
	}{{"AG part", "\n\n", ag}, {"BBC", "\n", bbc}} {
		own := category.SourceLabels(set.exs[0].Source)
		var dOwn, dOpen int
		for _, ex := range set.exs {
			cs := cl.Classify(text.Analyze(ex.Text))
			o, t := judge(cs, ex.Label, own)
			dOwn, dOpen = dOwn+o, dOpen+t
		}
		n := len(set.exs)
		for _, split := range []bool{false, true} {
			var aOwn, aOpen atomic.Int64
			c.each(n, func(i int) {
				ex := set.exs[i]
				art := &articlev1.Article{Source: &articlev1.Article_Text{Text: ex.Text}}
				if split {
					title, body, ok := strings.Cut(ex.Text, set.sep)
					if ok && strings.TrimSpace(body) != "" {
						art = &articlev1.Article{Title: strings.TrimSpace(title), Source: &articlev1.Article_Text{Text: strings.TrimLeft(body, "\n")}}
					}
				}
				a := c.analyze(art, articlev1.Feature_FEATURE_CATEGORIES)
				var cs []category.Category
				for _, x := range a.GetCategories() {
					cs = append(cs, category.Category{Name: x.GetName(), Confidence: x.GetConfidence()})
				}
				o, t := judge(cs, ex.Label, own)
				aOwn.Add(int64(o))
				aOpen.Add(int64(t))
			})
			how := "title+text in text"
			if set.name == "BBC" {
				how = "file in text"
			}
			if split {
				how = "title in article.title"
			}
			name := fmt.Sprintf("%s (%d, in-sample), %s", set.name, n, how)
			rows = append(rows, row{name, "accuracy own classes", pct(dOwn, n), pct(int(aOwn.Load()), n)},
				row{name, "accuracy open (top one)", pct(dOpen, n), pct(int(aOpen.Load()), n)})
		}
	}
	return rows, nil
}

// judge returns whether the best of the own classes among cs (sorted by
// confidence, best first) is the label, and whether the first of cs is.
func judge(cs []category.Category, label int, own []int) (ownOK, openOK int) {
	name := category.Names[label]
	if len(cs) > 0 && cs[0].Name == name {
		openOK = 1
	}
	for _, x := range cs {
		k := slices.Index(category.Names, x.Name)
		if slices.Contains(own, k) {
			if x.Name == name {
				ownOK = 1
			}
			break
		}
	}
	return ownOK, openOK
}
