package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"google.golang.org/protobuf/types/known/timestamppb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/timex"
	"github.com/lector-nlp/lector/internal/timex/tempeval"
)

// evalTimex: TempEval-3 TimeBank and AQUAINT, the DCT sent as publish_time
// (midnight UTC of the DCT's date, as cmd/eval/timex anchors).
func evalTimex(c *client, data string) ([]row, error) {
	var rows []row
	for _, set := range []string{"TimeBank", "AQUAINT"} {
		files, err := filepath.Glob(filepath.Join(data, "tempeval3", "TBAQ-cleaned", set, "*.tml"))
		if err != nil || len(files) == 0 {
			return nil, fmt.Errorf("no .tml files for %s", set)
		}
		sort.Strings(files)
		docs := make([]*tempeval.Document, len(files))
		for i, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			if docs[i], err = tempeval.Parse(string(raw)); err != nil {
				return nil, fmt.Errorf("%s: %v", f, err)
			}
		}
		api := make([][]timex.Expression, len(docs))
		c.each(len(docs), func(i int) {
			api[i] = apiTimex(c, docs[i])
		})
		var direct, viaAPI tempeval.Score
		for i, d := range docs {
			direct.Add(d, timex.Extract(text.Analyze(d.Text), d.DCT), false, false, "")
			viaAPI.Add(d, api[i], false, false, "")
		}
		ds, dr, dt, dv := direct.Figures()
		as, ar, at, av := viaAPI.Figures()
		name := fmt.Sprintf("TempEval-3 %s (%d docs)", set, len(docs))
		rows = append(rows, row{name, "value F1 (TE3)", dv, av}, row{name, "type F1 (TE3)", dt, at},
			row{name, "relaxed span F1", dr, ar}, row{name, "strict span F1", ds, as})
	}
	return rows, nil
}

func apiTimex(c *client, d *tempeval.Document) []timex.Expression {
	art := &articlev1.Article{Source: &articlev1.Article_Text{Text: d.Text}}
	if !d.DCT.IsZero() {
		art.PublishTime = timestamppb.New(d.DCT)
	}
	a := c.analyze(art, articlev1.Feature_FEATURE_TIME_EXPRESSIONS)
	if a == nil {
		return nil
	}
	o := c.offsets(d.Text)
	var out []timex.Expression
	for _, t := range a.GetTimeExpressions() {
		sp := o.span(t.GetText())
		if sp.End == 0 {
			continue
		}
		out = append(out, timex.Expression{Span: sp, Type: strings.TrimPrefix(t.GetType().String(), "TIME_EXPRESSION_TYPE_"), Value: t.GetValue(), Anchored: t.GetAnchored()})
	}
	return out
}
