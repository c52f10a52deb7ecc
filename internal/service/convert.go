package service

import (
	"cmp"
	"slices"
	"strings"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/text"
)

// converter maps domain results to the API, converting byte offsets into
// the requested encoding.
type converter struct {
	text string
	offs *text.OffsetMap
	enc  text.Encoding
}

func newConverter(a *pipeline.Analysis, enc text.Encoding) *converter {
	c := &converter{text: a.Text, enc: enc}
	if enc != text.UTF8 {
		c.offs = text.NewOffsetMap(a.Text)
	}
	return c
}

func (c *converter) offset(b int) int32 {
	if c.offs == nil {
		return int32(min(max(b, 0), len(c.text)))
	}
	return int32(c.offs.Convert(b, c.enc))
}

// span returns the TextSpan of s, or nil for an empty span.
func (c *converter) span(s text.Span) *articlev1.TextSpan {
	if s.End <= s.Start || s.Start < 0 || s.End > len(c.text) {
		return nil
	}
	begin, end := c.offset(s.Start), c.offset(s.End)
	return &articlev1.TextSpan{Content: c.text[s.Start:s.End], BeginOffset: begin, Length: end - begin}
}

// spanIn is span writing into *dst, one element of a slice allocated for a
// whole list (one allocation instead of one per span: a 600-word article has
// about 800 token spans). It returns nil for an empty span.
func (c *converter) spanIn(dst *articlev1.TextSpan, s text.Span) *articlev1.TextSpan {
	if s.End <= s.Start || s.Start < 0 || s.End > len(c.text) {
		return nil
	}
	begin, end := c.offset(s.Start), c.offset(s.End)
	dst.Content, dst.BeginOffset, dst.Length = c.text[s.Start:s.End], begin, end-begin
	return dst
}

func (c *converter) spans(ss []text.Span) []*articlev1.TextSpan {
	out := make([]*articlev1.TextSpan, 0, len(ss))
	for _, s := range ss {
		if sp := c.span(s); sp != nil {
			out = append(out, sp)
		}
	}
	return out
}

// analysis maps a whole analysis.
func (c *converter) analysis(a *pipeline.Analysis) *articlev1.Analysis {
	out := &articlev1.Analysis{
		Metadata:        toMetadata(a.Metadata),
		Language:        language(a.Language),
		Statistics:      statistics(a.Statistics),
		Sentences:       c.sentences(a.Sentences),
		Tokens:          c.tokens(a.Tokens),
		Entities:        c.entities(a.Entities),
		KeyPhrases:      c.keyPhrases(a.KeyPhrases),
		Summary:         c.summary(a.Summary),
		Sentiment:       sentiment(a.Sentiment),
		Quotes:          c.quotes(a.Quotes),
		TimeExpressions: c.timeExpressions(a.TimeExpressions),
		Categories:      categories(a.Categories),
		Notices:         notices(a.Notices),
	}
	if a.FromMarkup {
		out.Text = a.Text
	}
	return out
}

// part maps one completed part of an analysis to its stream message.
func (c *converter) part(p pipeline.Part, a *pipeline.Analysis) *articlev1.StreamAnalyzeArticleResponse {
	r := &articlev1.StreamAnalyzeArticleResponse{}
	switch p {
	case pipeline.PartSource:
		src := &articlev1.SourceResult{Metadata: toMetadata(a.Metadata)}
		if a.FromMarkup {
			src.Text = a.Text
		}
		r.Result = &articlev1.StreamAnalyzeArticleResponse_Source{Source: src}
	case pipeline.PartLanguage:
		r.Result = &articlev1.StreamAnalyzeArticleResponse_Language{Language: language(a.Language)}
	case pipeline.PartSyntax:
		r.Result = &articlev1.StreamAnalyzeArticleResponse_Syntax{Syntax: &articlev1.SyntaxResult{
			Sentences: c.sentences(a.Sentences), Tokens: c.tokens(a.Tokens)}}
	case pipeline.PartEntities:
		r.Result = &articlev1.StreamAnalyzeArticleResponse_Entities{Entities: &articlev1.EntitiesResult{Entities: c.entities(a.Entities)}}
	case pipeline.PartKeyPhrases:
		r.Result = &articlev1.StreamAnalyzeArticleResponse_KeyPhrases{KeyPhrases: &articlev1.KeyPhrasesResult{KeyPhrases: c.keyPhrases(a.KeyPhrases)}}
	case pipeline.PartSummary:
		r.Result = &articlev1.StreamAnalyzeArticleResponse_Summary{Summary: c.summary(a.Summary)}
	case pipeline.PartSentiment:
		sr := &articlev1.SentimentResult{Document: sentiment(a.Sentiment)}
		// a stage that did not run (an article in a language without a
		// model: a notice says so) leaves no sentiment, not zeros
		if a.Sentiment != nil {
			for _, s := range a.Sentences {
				sr.Sentences = append(sr.Sentences, sentimentOrZero(s.Sentiment))
			}
			for _, e := range a.Entities {
				sr.Entities = append(sr.Entities, sentimentOrZero(e.Sentiment))
			}
		}
		r.Result = &articlev1.StreamAnalyzeArticleResponse_Sentiment{Sentiment: sr}
	case pipeline.PartQuotes:
		r.Result = &articlev1.StreamAnalyzeArticleResponse_Quotes{Quotes: &articlev1.QuotesResult{Quotes: c.quotes(a.Quotes)}}
	case pipeline.PartTimeExpressions:
		r.Result = &articlev1.StreamAnalyzeArticleResponse_TimeExpressions{TimeExpressions: &articlev1.TimeExpressionsResult{
			TimeExpressions: c.timeExpressions(a.TimeExpressions)}}
	case pipeline.PartCategories:
		r.Result = &articlev1.StreamAnalyzeArticleResponse_Categories{Categories: &articlev1.CategoriesResult{Categories: categories(a.Categories)}}
	case pipeline.PartStatistics:
		r.Result = &articlev1.StreamAnalyzeArticleResponse_Statistics{Statistics: statistics(a.Statistics)}
	default:
		return nil
	}
	return r
}

func completion(res *pipeline.Result) *articlev1.StreamAnalyzeArticleResponse {
	done := &articlev1.StreamCompletion{Notices: notices(res.Analysis.Notices), TotalDuration: durationpb.New(res.Total)}
	for _, t := range res.Timings {
		done.StageTimings = append(done.StageTimings, &articlev1.StageTiming{Stage: t.Stage, Duration: durationpb.New(t.Duration)})
	}
	return &articlev1.StreamAnalyzeArticleResponse{Result: &articlev1.StreamAnalyzeArticleResponse_Completion{Completion: done}}
}

func toMetadata(m pipeline.Metadata) *articlev1.Metadata {
	out := &articlev1.Metadata{Title: m.Title, Authors: m.Authors, SiteName: m.SiteName, CanonicalUrl: m.CanonicalURL}
	if t, ok := m.Published(); ok {
		out.PublishTime = timestamppb.New(t)
	}
	return out
}

func language(l *pipeline.Language) *articlev1.Language {
	if l == nil {
		return nil
	}
	return &articlev1.Language{Code: l.Code, Confidence: l.Confidence}
}

func statistics(s *pipeline.Statistics) *articlev1.Statistics {
	if s == nil {
		return nil
	}
	return &articlev1.Statistics{
		Words: int32(s.Words), Sentences: int32(s.Sentences), Paragraphs: int32(s.Paragraphs),
		ReadingTimeSeconds: s.ReadingTimeSeconds, Readability: s.Readability,
	}
}

func sentiment(s *pipeline.Sentiment) *articlev1.Sentiment {
	if s == nil {
		return nil
	}
	return &articlev1.Sentiment{Score: s.Score, Magnitude: s.Magnitude}
}

func sentimentOrZero(s *pipeline.Sentiment) *articlev1.Sentiment {
	if s == nil {
		return &articlev1.Sentiment{}
	}
	return sentiment(s)
}

func (c *converter) sentences(ss []pipeline.Sentence) []*articlev1.Sentence {
	out := make([]*articlev1.Sentence, len(ss))
	msgs := make([]articlev1.Sentence, len(ss))
	spans := make([]articlev1.TextSpan, len(ss))
	for i, s := range ss {
		m := &msgs[i]
		m.Text, m.Sentiment = c.spanIn(&spans[i], s.Span), sentiment(s.Sentiment)
		out[i] = m
	}
	return out
}

func (c *converter) tokens(ts []pipeline.Token) []*articlev1.Token {
	if ts == nil {
		return nil
	}
	out := make([]*articlev1.Token, len(ts))
	msgs := make([]articlev1.Token, len(ts))
	spans := make([]articlev1.TextSpan, len(ts))
	for i, t := range ts {
		m := &msgs[i]
		m.Text, m.PartOfSpeech, m.Lemma = c.spanIn(&spans[i], t.Span), t.POS, t.Lemma
		out[i] = m
	}
	return out
}

// enumValue looks up the enum value named prefix+name, or returns def.
func enumValue(values map[string]int32, prefix, name string, def int32) int32 {
	if v, ok := values[prefix+name]; ok {
		return v
	}
	return def
}

// enumNames is an enum's values by name without the prefix, for value: a
// few string comparisons instead of a concatenation and a map look-up per
// mention, quote and expression.
type enumNames []enumName

type enumName struct {
	name string
	v    int32
}

// newEnumNames lists the values of the enum whose names start with prefix.
func newEnumNames(values map[string]int32, prefix string) enumNames {
	var e enumNames
	for k, v := range values {
		if name, ok := strings.CutPrefix(k, prefix); ok {
			e = append(e, enumName{name, v})
		}
	}
	slices.SortFunc(e, func(a, b enumName) int { return cmp.Compare(a.v, b.v) })
	return e
}

// value is enumValue(values, prefix, name, def) for the enum e was made of.
func (e enumNames) value(name string, def int32) int32 {
	for i := range e {
		if e[i].name == name {
			return e[i].v
		}
	}
	return def
}

// The enums written for each analysis.
var (
	entityTypes  = newEnumNames(articlev1.EntityType_value, "ENTITY_TYPE_")
	mentionTypes = newEnumNames(articlev1.MentionType_value, "MENTION_TYPE_")
	quoteKinds   = newEnumNames(articlev1.QuoteKind_value, "QUOTE_KIND_")
	timexTypes   = newEnumNames(articlev1.TimeExpressionType_value, "TIME_EXPRESSION_TYPE_")
)

func (c *converter) entities(es []pipeline.Entity) []*articlev1.Entity {
	out := make([]*articlev1.Entity, 0, len(es))
	for _, e := range es {
		pe := &articlev1.Entity{
			Name:        e.Name,
			Type:        articlev1.EntityType(enumValue(articlev1.EntityType_value, "ENTITY_TYPE_", string(e.Type), int32(articlev1.EntityType_ENTITY_TYPE_MISC))),
			Salience:    e.Salience,
			Sentiment:   sentiment(e.Sentiment),
			CountryCode: e.CountryCode,
			RegionCode:  e.RegionCode,
		}
		if n := len(e.Mentions); n > 0 {
			pe.Mentions = make([]*articlev1.EntityMention, n)
			msgs := make([]articlev1.EntityMention, n)
			spans := make([]articlev1.TextSpan, n)
			for i, m := range e.Mentions {
				pm := &msgs[i]
				pm.Text = c.spanIn(&spans[i], m.Span)
				pm.Type = articlev1.MentionType(enumValue(articlev1.MentionType_value, "MENTION_TYPE_", string(m.Type), 0))
				pe.Mentions[i] = pm
			}
		}
		if e.Location != nil {
			pe.Location = &articlev1.LatLng{Latitude: e.Location.Lat, Longitude: e.Location.Lng}
		}
		for _, r := range e.Roles {
			pe.Roles = append(pe.Roles, &articlev1.Role{Title: r.Title, Affiliation: r.Affiliation})
		}
		out = append(out, pe)
	}
	return out
}

func (c *converter) keyPhrases(ks []pipeline.KeyPhrase) []*articlev1.KeyPhrase {
	out := make([]*articlev1.KeyPhrase, 0, len(ks))
	for _, k := range ks {
		out = append(out, &articlev1.KeyPhrase{Phrase: k.Phrase, Score: k.Score, Mentions: c.spans(k.Mentions)})
	}
	return out
}

func (c *converter) summary(s *pipeline.Summary) *articlev1.Summary {
	if s == nil {
		return nil
	}
	return &articlev1.Summary{Sentences: c.spans(s.Sentences)}
}

func (c *converter) quotes(qs []pipeline.Quote) []*articlev1.Quote {
	out := make([]*articlev1.Quote, 0, len(qs))
	for _, q := range qs {
		sp := &articlev1.Speaker{Text: c.span(q.Speaker.Span), Name: q.Speaker.Name}
		if q.Speaker.EntityIndex >= 0 {
			sp.EntityIndex = proto.Int32(int32(q.Speaker.EntityIndex))
		}
		var parts []*articlev1.TextSpan
		if len(q.Parts) > 0 {
			parts = c.spans(q.Parts)
		}
		out = append(out, &articlev1.Quote{
			Content:      c.span(q.Content),
			Cue:          c.span(q.Cue),
			Speaker:      sp,
			Kind:         articlev1.QuoteKind(enumValue(articlev1.QuoteKind_value, "QUOTE_KIND_", string(q.Kind), 0)),
			ContentParts: parts,
		})
	}
	return out
}

func (c *converter) timeExpressions(ts []pipeline.TimeExpression) []*articlev1.TimeExpression {
	out := make([]*articlev1.TimeExpression, 0, len(ts))
	for _, t := range ts {
		out = append(out, &articlev1.TimeExpression{
			Text:     c.span(t.Span),
			Type:     articlev1.TimeExpressionType(enumValue(articlev1.TimeExpressionType_value, "TIME_EXPRESSION_TYPE_", t.Type, 0)),
			Value:    t.Value,
			Anchored: t.Anchored,
		})
	}
	return out
}

func categories(cs []pipeline.Category) []*articlev1.Category {
	out := make([]*articlev1.Category, 0, len(cs))
	for _, c := range cs {
		out = append(out, &articlev1.Category{Name: c.Name, Confidence: c.Confidence})
	}
	return out
}

func notices(ns []pipeline.Notice) []*articlev1.Notice {
	out := make([]*articlev1.Notice, 0, len(ns))
	for _, n := range ns {
		out = append(out, &articlev1.Notice{Feature: articlev1.Feature(n.Feature), Reason: n.Reason})
	}
	return out
}
