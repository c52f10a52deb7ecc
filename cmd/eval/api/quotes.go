package main

import (
	"fmt"
	"path/filepath"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

// quote is a found quote as both paths give it: spans over the article
// text, and the mentions of the speaker's entity (nil when none).
type quote struct {
	content, cue, speaker text.Span
	mentions              []text.Span
}

// evalQuotes: PolNeAR dev, scored as cmd/eval/quotes scores "all
// attributions" with the optimal one-to-one matchings of
// internal/quotes/polnear (content exact and overlap, cue, speaker).
func evalQuotes(c *client, data string) ([]row, error) {
	arts, err := polnear.Load(filepath.Join(data, "polnear", "dev"))
	if err != nil {
		return nil, err
	}
	tagger, err := pos.Load()
	if err != nil {
		return nil, err
	}
	rec, err := ner.Load()
	if err != nil {
		return nil, err
	}
	api := make([][]quote, len(arts))
	c.each(len(arts), func(i int) { api[i] = apiQuotes(c, arts[i].Text) })
	var direct, viaAPI quoteCounts
	for i, a := range arts {
		doc := text.Analyze(a.Text)
		tagger.Tag(doc)
		ents := entity.Resolve(doc, rec.Recognize(doc))
		var qs []quote
		for _, q := range quotes.Extract(doc, ents) {
			x := quote{content: q.Content, cue: q.Cue, speaker: q.Speaker}
			if q.EntityIndex >= 0 {
				for _, m := range ents[q.EntityIndex].Mentions {
					x.mentions = append(x.mentions, m.Span)
				}
			}
			qs = append(qs, x)
		}
		direct.add(doc, a, qs)
		viaAPI.add(doc, a, api[i])
	}
	name := fmt.Sprintf("PolNeAR dev (%d articles)", len(arts))
	return []row{
		{name, "content overlap F1 x100", direct.f1(direct.overlap, direct.pred, direct.gold), viaAPI.f1(viaAPI.overlap, viaAPI.pred, viaAPI.gold)},
		{name, "content exact F1 x100", direct.f1(direct.exact, direct.pred, direct.gold), viaAPI.f1(viaAPI.exact, viaAPI.pred, viaAPI.gold)},
		{name, "cue F1 x100", direct.f1(direct.cueHit, direct.cuePred, direct.gold), viaAPI.f1(viaAPI.cueHit, viaAPI.cuePred, viaAPI.gold)},
		{name, "speaker accuracy x100", pct(direct.spkHit, direct.spkTotal), pct(viaAPI.spkHit, viaAPI.spkTotal)},
	}, nil
}

func apiQuotes(c *client, s string) []quote {
	a := c.analyze(&articlev1.Article{Source: &articlev1.Article_Text{Text: s}}, articlev1.Feature_FEATURE_QUOTES)
	if a == nil {
		return nil
	}
	o := c.offsets(s)
	var out []quote
	for _, q := range a.GetQuotes() {
		x := quote{content: o.span(q.GetContent()), cue: o.span(q.GetCue()), speaker: o.span(q.GetSpeaker().GetText())}
		if q.GetSpeaker().EntityIndex != nil {
			if k := int(q.GetSpeaker().GetEntityIndex()); k >= 0 && k < len(a.GetEntities()) {
				for _, m := range a.GetEntities()[k].GetMentions() {
					x.mentions = append(x.mentions, o.span(m.GetText()))
				}
			}
		}
		out = append(out, x)
	}
	return out
}

type quoteCounts struct {
	gold, pred, exact, overlap int
	cuePred, cueHit            int
	spkTotal, spkHit           int
}

func (quoteCounts) f1(hit, pred, gold int) float64 {
	p := float64(hit) / float64(max(pred, 1))
	r := float64(hit) / float64(max(gold, 1))
	if p+r == 0 {
		return 0
	}
	return 100 * 2 * p * r / (p + r)
}

// add scores one article's quotes as cmd/eval/quotes's score does: word
// sets of word tokens, a content less its own cue and speaker words when
// its cue lies inside it, optimal one-to-one matchings.
func (c *quoteCounts) add(doc *text.Document, a polnear.Article, qs []quote) {
	var gold []polnear.Attribution
	var gw []map[int]bool
	for _, at := range a.Attributions {
		if w := polnear.Words(doc, at.Content); len(w) > 0 {
			gold, gw = append(gold, at), append(gw, w)
		}
	}
	var pred []quote
	var pw []map[int]bool
	for _, q := range qs {
		if w := polnear.ContentWords(doc, q.content, q.cue, q.speaker); len(w) > 0 {
			pred, pw = append(pred, q), append(pw, w)
		}
	}
	c.gold += len(gold)
	c.pred += len(pred)
	for _, gi := range polnear.MatchExact(pw, gw) {
		if gi >= 0 {
			c.exact++
		}
	}
	for pi, gi := range polnear.MatchOverlap(pw, gw) {
		if gi < 0 {
			continue
		}
		c.overlap++
		if len(gold[gi].Source) > 0 {
			c.spkTotal++
			if polnear.SpeakerOK(pred[pi].speaker, pred[pi].mentions, gold[gi].Source) {
				c.spkHit++
			}
		}
	}
	var cues []text.Span
	for _, q := range pred {
		if q.cue.End > 0 {
			cues = append(cues, q.cue)
		}
	}
	c.cuePred += len(cues)
	c.cueHit += polnear.CueHits(cues, gold)
}
