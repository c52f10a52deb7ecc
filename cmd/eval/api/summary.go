package main

import (
	"fmt"
	"path/filepath"
	"strings"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/summary"
	"github.com/lector-nlp/lector/internal/summary/cnndm"
	"github.com/lector-nlp/lector/internal/summary/rouge"
	"github.com/lector-nlp/lector/internal/text"
)

// evalSummary: the first -summary-n CNN/DM dev stories (IN-SAMPLE: the
// embedded model was trained on all of dev), ROUGE F1 as cmd/eval/summary
// scores the embedded model. The article is sent as the data set writes it
// (lower-cased tokens, one space apart) and the API's summary sentences
// are scored against the highlights. The direct figure selects among the
// data set's own sentences (cmd/eval/summary's way); the second set of rows
// compares the API with Summarize on text.Analyze of the same text, which
// isolates the plumbing from the sentence splitting.
func evalSummary(c *client, data string) ([]row, error) {
	stories, err := cnndm.Read(filepath.Join(data, "cnn-dailymail", "dev.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	if summaryStories > 0 && summaryStories < len(stories) {
		stories = stories[:summaryStories]
	}
	s, err := summary.Load()
	if err != nil {
		return nil, err
	}
	texts := make([]string, len(stories))
	for i, st := range stories {
		parts := make([]string, len(st.Sentences))
		for k, t := range st.Sentences {
			parts[k] = strings.Join(t, " ")
		}
		texts[i] = strings.Join(parts, " ")
	}
	api := make([]rouge.Scores, len(stories))
	c.each(len(stories), func(i int) {
		a := c.analyze(&articlev1.Article{Source: &articlev1.Article_Text{Text: texts[i]}}, articlev1.Feature_FEATURE_SUMMARY)
		o := c.offsets(texts[i])
		var sents []string
		for _, sp := range a.GetSummary().GetSentences() {
			if b := o.span(sp); b.End > 0 {
				sents = append(sents, texts[i][b.Start:b.End])
			}
		}
		api[i] = rouge.Score(sents, stories[i].Reference)
	})
	var direct, resplit, viaAPI cnndm.Mean
	for i, st := range stories {
		direct.Add(st.Score(s.Select(st.Sentences, 3)))
		doc := text.Analyze(texts[i])
		var sents []string
		for _, k := range s.Summarize(doc, 3) {
			sents = append(sents, texts[i][doc.Sentences[k].Start:doc.Sentences[k].End])
		}
		resplit.Add(rouge.Score(sents, st.Reference))
		viaAPI.Add(api[i])
	}
	n := float64(max(len(stories), 1))
	name := fmt.Sprintf("CNN/DM dev first %d (in-sample)", len(stories))
	name2 := name + ", direct re-split"
	return []row{
		{name, "ROUGE-1 F1 x100", 100 * direct.Sum.R1 / n, 100 * viaAPI.Sum.R1 / n},
		{name, "ROUGE-2 F1 x100", 100 * direct.Sum.R2 / n, 100 * viaAPI.Sum.R2 / n},
		{name, "ROUGE-L F1 x100", 100 * direct.Sum.RL / n, 100 * viaAPI.Sum.RL / n},
		{name2, "ROUGE-1 F1 x100", 100 * resplit.Sum.R1 / n, 100 * viaAPI.Sum.R1 / n},
		{name2, "ROUGE-2 F1 x100", 100 * resplit.Sum.R2 / n, 100 * viaAPI.Sum.R2 / n},
		{name2, "ROUGE-L F1 x100", 100 * resplit.Sum.RL / n, 100 * viaAPI.Sum.RL / n},
	}, nil
}
