package main

import (
	"fmt"
	"path/filepath"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/sentiment"
	"github.com/lector-nlp/lector/internal/sentiment/newsmtsc"
	"github.com/lector-nlp/lector/internal/text"
)

// evalSentiment: NewsMTSC dev (the paper's mt and rw dev splits), 3-class
// macro-F1 per target, as cmd/eval/sentiment -pipeline scores the public
// API: each sentence is sent as an article, a target reads the sentiment
// of the entity one of whose mentions overlaps it most (the exact mention
// first), and a target no entity covers reads its sentence's sentiment;
// scores become classes by sentiment.ClassBand. The direct figure is the
// model's target score (TargetProbs on the tagged sentence and the gold
// span) through the same band: what an API whose entities covered every
// target exactly would give.
func evalSentiment(c *client, data string) ([]row, error) {
	m, err := sentiment.Load()
	if err != nil {
		return nil, err
	}
	tagger, err := pos.Load()
	if err != nil {
		return nil, err
	}
	var rows []row
	for _, split := range []string{"mt", "rw"} {
		sents, err := newsmtsc.Read(filepath.Join(data, "newsmtsc", "paper-split-"+split, "dev.jsonl"))
		if err != nil {
			return nil, err
		}
		answers := make([][]int, len(sents))
		covered := make([]int, len(sents))
		c.each(len(sents), func(i int) {
			s := sents[i]
			a := c.analyze(&articlev1.Article{Source: &articlev1.Article_Text{Text: s.Text}}, articlev1.Feature_FEATURE_SENTIMENT)
			o := c.offsets(s.Text)
			for _, t := range s.Targets {
				score, best, exact, found := 0.0, 0, false, false
				for _, e := range a.GetEntities() {
					for _, mn := range e.GetMentions() {
						sp := o.span(mn.GetText())
						ov := min(sp.End, t.Span.End) - max(sp.Start, t.Span.Start)
						if ov <= 0 {
							continue
						}
						if ex := sp == t.Span; ov > best || ex && !exact {
							best, exact, found = ov, ex, true
							score = e.GetSentiment().GetScore()
						}
					}
				}
				if found {
					covered[i]++
				} else {
					for _, x := range a.GetSentences() {
						if sp := o.span(x.GetText()); sp.Start <= t.Span.Start && t.Span.Start < sp.End {
							score = x.GetSentiment().GetScore()
							break
						}
					}
				}
				answers[i] = append(answers[i], bandClass(score))
			}
		})
		var gold, direct, api []int
		ncov := 0
		for i, s := range sents {
			doc := text.Analyze(s.Text)
			tagger.Tag(doc)
			for k, t := range s.Targets {
				gold = append(gold, t.Label)
				direct = append(direct, bandClass(sentiment.ScoreOf(m.TargetProbs(doc, []text.Span{t.Span}))))
				if k < len(answers[i]) {
					api = append(api, answers[i][k])
				} else {
					api = append(api, newsmtsc.Neutral) // a failed request
				}
			}
			ncov += covered[i]
		}
		name := fmt.Sprintf("NewsMTSC dev-%s (%d targets)", split, len(gold))
		d, a := newsmtsc.Evaluate(gold, direct), newsmtsc.Evaluate(gold, api)
		rows = append(rows,
			row{name, "macro-F1 x100", 100 * d.MacroF1, 100 * a.MacroF1},
			row{name, "accuracy x100", 100 * d.Accuracy, 100 * a.Accuracy},
			row{name, "targets an entity covers %", 100, pct(ncov, len(gold))},
		)
	}
	return rows, nil
}

func bandClass(s float64) int {
	switch {
	case s > sentiment.ClassBand:
		return newsmtsc.Positive
	case s < -sentiment.ClassBand:
		return newsmtsc.Negative
	}
	return newsmtsc.Neutral
}
