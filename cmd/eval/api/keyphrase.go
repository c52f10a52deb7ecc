package main

import (
	"fmt"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/keyphrase"
	"github.com/lector-nlp/lector/internal/keyphrase/kpdata"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

// evalKeyphrase: KPCrowd dev and Inspec test, micro F1@5 and F1@10 on
// Porter-stemmed exact match (kpdata.Scores, as cmd/eval/keyphrase).
func evalKeyphrase(c *client, data string) ([]row, error) {
	d, err := kpdata.Load(data)
	if err != nil {
		return nil, err
	}
	ext, err := keyphrase.Load()
	if err != nil {
		return nil, err
	}
	tagger, err := pos.Load()
	if err != nil {
		return nil, err
	}
	var rows []row
	for _, set := range []struct {
		name string
		docs []kpdata.Doc
	}{{"500N-KPCrowd dev", d.KPCrowdDev}, {"Inspec test", d.InspecTest}} {
		api := make([][]string, len(set.docs))
		c.each(len(set.docs), func(i int) {
			a := c.analyze(&articlev1.Article{Source: &articlev1.Article_Text{Text: set.docs[i].Text}}, articlev1.Feature_FEATURE_KEY_PHRASES)
			for _, p := range a.GetKeyPhrases() {
				api[i] = append(api[i], p.GetPhrase())
			}
		})
		var direct, viaAPI kpdata.Scores
		for i, doc := range set.docs {
			td := text.Analyze(doc.Text)
			tagger.Tag(td)
			var pred []string
			for _, p := range ext.Extract(td, 10) {
				pred = append(pred, p.Text)
			}
			direct.Add(pred, doc.Gold)
			viaAPI.Add(api[i], doc.Gold)
		}
		name := fmt.Sprintf("%s (%d docs)", set.name, len(set.docs))
		rows = append(rows, row{name, "F1@5", direct.All5.Value(), viaAPI.All5.Value()},
			row{name, "F1@10", direct.All10.Value(), viaAPI.All10.Value()})
	}
	return rows, nil
}
