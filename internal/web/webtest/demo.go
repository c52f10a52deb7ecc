package webtest

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// Demo is a fake ArticleAnalysisService that fills every part of the
// Analysis with simple rules over the text and a list of entities the test
// names, so the page and the client can be tested on all parts before
// (and independently of) the real analysers. It is not an analyser: its
// output is only as good as the test's entity list.
type Demo struct {
	articlev1.UnimplementedArticleAnalysisServiceServer
	// Entities lists the entities to find; each is found wherever its name
	// or one of its aliases occurs as whole words.
	Entities []DemoEntity
	// Categories are returned as they are.
	Categories []*articlev1.Category
	// Delay is the pause between stages, to make streaming visible.
	Delay time.Duration
	// FailAfter, when positive, ends a stream with an INTERNAL error after
	// that many messages.
	FailAfter int
}

// DemoEntity is an entity for Demo to find.
type DemoEntity struct {
	Name        string
	Type        articlev1.EntityType
	Aliases     []string
	Roles       []*articlev1.Role
	CountryCode string
}

var (
	sentenceEnd = regexp.MustCompile(`[.!?]["”]?(\s+|$)|\n\s*\n`)
	quoted      = regexp.MustCompile(`"[^"\n]+"|“[^”\n]+”`)
	cueVerb     = regexp.MustCompile(`\b(said|says|told|added|warned)\b`)
	timexRe     = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|next month|(?:two|three|four|five|six) (?:years|months|days)|every (?:two|three|six) months)\b`)
	wordRe      = regexp.MustCompile(`[\p{L}][\p{L}'’-]*`)
	positive    = map[string]bool{"protect": true, "approved": true, "welcome": true, "good": true, "safe": true, "support": true}
	negative    = map[string]bool{"ignores": true, "not": true, "storm": true, "critics": true, "flood": true, "fail": true}
	numbers     = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
)

type span struct{ b, e int }

// analysis computes the demo analysis with byte offsets, converted later.
type analysis struct {
	text      string
	sentences []span
	entities  []demoFound
	quotes    []demoQuote
	times     []demoTime
}

type demoFound struct {
	DemoEntity
	mentions []span
}

type demoQuote struct {
	content, cue, speaker span
	entity                int
}

type demoTime struct {
	s      span
	typ    articlev1.TimeExpressionType
	value  string
	anchor bool
}

func (d *Demo) analyse(text string, anchor time.Time) *analysis {
	a := &analysis{text: text}
	start := 0
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		end := m[0] + len(strings.TrimRight(text[m[0]:m[1]], " \t\n"))
		if s := strings.TrimSpace(text[start:end]); s != "" {
			off := start + strings.Index(text[start:end], s)
			a.sentences = append(a.sentences, span{off, off + len(s)})
		}
		start = m[1]
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		off := start + strings.Index(text[start:], s)
		a.sentences = append(a.sentences, span{off, off + len(s)})
	}
	for _, e := range d.Entities {
		f := demoFound{DemoEntity: e}
		taken := map[int]bool{}
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`)
			for _, m := range re.FindAllStringIndex(text, -1) {
				if !taken[m[0]] && !inside(f.mentions, m[0]) {
					taken[m[0]] = true
					f.mentions = append(f.mentions, span{m[0], m[1]})
				}
			}
		}
		if len(f.mentions) > 0 {
			sort.Slice(f.mentions, func(i, j int) bool { return f.mentions[i].b < f.mentions[j].b })
			a.entities = append(a.entities, f)
		}
	}
	sort.SliceStable(a.entities, func(i, j int) bool { return len(a.entities[i].mentions) > len(a.entities[j].mentions) })
	for _, m := range quoted.FindAllStringIndex(text, -1) {
		q := demoQuote{content: span{m[0], m[1]}, entity: -1}
		sent := a.sentenceOf(m[0])
		if c := cueVerb.FindStringIndex(text[sent.b:sent.e]); c != nil {
			q.cue = span{sent.b + c[0], sent.b + c[1]}
		}
		best := -1
		for i, e := range a.entities {
			if e.Type != articlev1.EntityType_ENTITY_TYPE_PERSON {
				continue
			}
			for _, mm := range e.mentions {
				if mm.b >= sent.b && mm.e <= sent.e && (mm.e <= m[0] || mm.b >= m[1]) {
					q.speaker, q.entity, best = mm, i, i
				}
			}
		}
		if best < 0 { // the last person named before the quote
			for i, e := range a.entities {
				for _, mm := range e.mentions {
					if e.Type == articlev1.EntityType_ENTITY_TYPE_PERSON && mm.e <= m[0] && mm.b >= q.speaker.b {
						q.speaker, q.entity = mm, i
					}
				}
			}
		}
		a.quotes = append(a.quotes, q)
	}
	for _, m := range timexRe.FindAllStringIndex(text, -1) {
		s := text[m[0]:m[1]]
		t := demoTime{s: span{m[0], m[1]}, typ: articlev1.TimeExpressionType_TIME_EXPRESSION_TYPE_DATE}
		switch f := strings.Fields(s); {
		case len(f) == 1 && !anchor.IsZero(): // a weekday: the last one on or before the anchor
			day := anchor
			for day.Weekday().String() != s {
				day = day.AddDate(0, 0, -1)
			}
			t.value, t.anchor = day.Format("2006-01-02"), true
		case len(f) == 1:
			t.value = "XXXX-WXX-" + string(rune('0'+weekdayNumber(s)))
		case f[0] == "next" && !anchor.IsZero():
			t.value, t.anchor = anchor.AddDate(0, 1, 0).Format("2006-01"), true
		case f[0] == "next":
			t.value = "FUTURE_REF"
		case f[0] == "every":
			t.typ, t.value = articlev1.TimeExpressionType_TIME_EXPRESSION_TYPE_SET, "P"+itoa(numbers[f[1]])+unit(f[2])
		default:
			t.typ, t.value = articlev1.TimeExpressionType_TIME_EXPRESSION_TYPE_DURATION, "P"+itoa(numbers[f[0]])+unit(f[1])
		}
		a.times = append(a.times, t)
	}
	return a
}

func weekdayNumber(s string) int {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if d.String() == s {
			return (int(d)+6)%7 + 1
		}
	}
	return 0
}

func unit(s string) string {
	switch {
	case strings.HasPrefix(s, "year"):
		return "Y"
	case strings.HasPrefix(s, "month"):
		return "M"
	}
	return "D"
}

func itoa(n int) string { return string(rune('0' + n)) }

func inside(ss []span, off int) bool {
	for _, s := range ss {
		if off >= s.b && off < s.e {
			return true
		}
	}
	return false
}

func (a *analysis) sentenceOf(off int) span {
	for _, s := range a.sentences {
		if off >= s.b && off < s.e {
			return s
		}
	}
	return span{0, len(a.text)}
}

func (a *analysis) sentiment(s span) *articlev1.Sentiment {
	var pos, neg float64
	for _, w := range wordRe.FindAllString(a.text[s.b:s.e], -1) {
		w = strings.ToLower(w)
		if positive[w] {
			pos++
		}
		if negative[w] {
			neg++
		}
	}
	if pos+neg == 0 {
		return &articlev1.Sentiment{}
	}
	return &articlev1.Sentiment{Score: (pos - neg) / (pos + neg), Magnitude: pos + neg}
}

// offsets converts byte offsets to the requested unit.
type offsets struct {
	text string
	enc  articlev1.EncodingType
}

func (o offsets) at(b int) int32 {
	switch o.enc {
	case articlev1.EncodingType_ENCODING_TYPE_UTF16:
		return int32(len(utf16.Encode([]rune(o.text[:b]))))
	case articlev1.EncodingType_ENCODING_TYPE_UTF32:
		return int32(utf8.RuneCountInString(o.text[:b]))
	}
	return int32(b)
}

func (o offsets) span(s span) *articlev1.TextSpan {
	if s.e <= s.b {
		return nil
	}
	b := o.at(s.b)
	return &articlev1.TextSpan{Content: o.text[s.b:s.e], BeginOffset: b, Length: o.at(s.e) - b}
}

// stream builds the stream messages of one article.
func (d *Demo) stream(req *articlev1.StreamAnalyzeArticleRequest) ([]*articlev1.StreamAnalyzeArticleResponse, error) {
	art := req.GetArticle()
	text := art.GetText()
	if text == "" && art.GetHtml() != "" {
		return nil, demoError(codes.InvalidArgument, "SOURCE_NOT_SUPPORTED", "article.html", "the demo server takes plain text only")
	}
	if art.GetUrl() != "" {
		return nil, demoError(codes.InvalidArgument, "SOURCE_NOT_SUPPORTED", "article.url", "the demo server takes plain text only")
	}
	if strings.TrimSpace(text) == "" {
		return nil, demoError(codes.InvalidArgument, "EMPTY_ARTICLE", "article.text", "the article has no text")
	}
	var anchor time.Time
	if art.GetPublishTime() != nil {
		anchor = art.GetPublishTime().AsTime().UTC()
	}
	a := d.analyse(text, anchor)
	o := offsets{text: text, enc: req.GetEncodingType()}
	type R = articlev1.StreamAnalyzeArticleResponse
	var out []*R
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_Source{Source: &articlev1.SourceResult{
		Metadata: &articlev1.Metadata{Title: art.GetTitle(), PublishTime: art.GetPublishTime()}}}})
	syn := &articlev1.SyntaxResult{}
	for _, s := range a.sentences {
		syn.Sentences = append(syn.Sentences, &articlev1.Sentence{Text: o.span(s)})
	}
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_Syntax{Syntax: syn}})
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_Language{Language: &articlev1.Language{Code: "en", Confidence: 0.98}}})
	ents := &articlev1.EntitiesResult{}
	total := 0
	for _, e := range a.entities {
		total += len(e.mentions)
	}
	for _, e := range a.entities {
		pe := &articlev1.Entity{Name: e.Name, Type: e.Type, Salience: float64(len(e.mentions)) / float64(total),
			CountryCode: e.CountryCode, Roles: e.Roles}
		for _, m := range e.mentions {
			pe.Mentions = append(pe.Mentions, &articlev1.EntityMention{Text: o.span(m), Type: articlev1.MentionType_MENTION_TYPE_PROPER})
		}
		ents.Entities = append(ents.Entities, pe)
	}
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_Entities{Entities: ents}})
	tx := &articlev1.TimeExpressionsResult{}
	for _, t := range a.times {
		tx.TimeExpressions = append(tx.TimeExpressions, &articlev1.TimeExpression{Text: o.span(t.s), Type: t.typ, Value: t.value, Anchored: t.anchor})
	}
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_TimeExpressions{TimeExpressions: tx}})
	qs := &articlev1.QuotesResult{}
	for _, q := range a.quotes {
		pq := &articlev1.Quote{Content: o.span(q.content), Cue: o.span(q.cue), Kind: articlev1.QuoteKind_QUOTE_KIND_DIRECT,
			Speaker: &articlev1.Speaker{Text: o.span(q.speaker)}}
		if q.entity >= 0 {
			idx := int32(q.entity)
			pq.Speaker.EntityIndex = &idx
			pq.Speaker.Name = a.entities[q.entity].Name
		}
		qs.Quotes = append(qs.Quotes, pq)
	}
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_Quotes{Quotes: qs}})
	kp := &articlev1.KeyPhrasesResult{}
	count := map[string][]span{}
	var order []string
	for _, m := range wordRe.FindAllStringIndex(text, -1) {
		w := strings.ToLower(text[m[0]:m[1]])
		if len(w) < 7 {
			continue
		}
		if count[w] == nil {
			order = append(order, w)
		}
		count[w] = append(count[w], span{m[0], m[1]})
	}
	sort.SliceStable(order, func(i, j int) bool { return len(count[order[i]]) > len(count[order[j]]) })
	for i, w := range order {
		if i == 6 {
			break
		}
		p := &articlev1.KeyPhrase{Phrase: w, Score: float64(len(count[w])) / float64(len(count[order[0]]))}
		for _, m := range count[w] {
			p.Mentions = append(p.Mentions, o.span(m))
		}
		kp.KeyPhrases = append(kp.KeyPhrases, p)
	}
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_KeyPhrases{KeyPhrases: kp}})
	sum := &articlev1.Summary{}
	for i, s := range a.sentences {
		if i < 2 {
			sum.Sentences = append(sum.Sentences, o.span(s))
		}
	}
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_Summary{Summary: sum}})
	sr := &articlev1.SentimentResult{Document: a.sentiment(span{0, len(text)})}
	for _, s := range a.sentences {
		sr.Sentences = append(sr.Sentences, a.sentiment(s))
	}
	for _, e := range a.entities {
		var score, mag float64
		for _, m := range e.mentions {
			s := a.sentiment(a.sentenceOf(m.b))
			score += s.Score
			mag += s.Magnitude
		}
		n := float64(len(e.mentions))
		sr.Entities = append(sr.Entities, &articlev1.Sentiment{Score: score / n, Magnitude: mag / n})
	}
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_Sentiment{Sentiment: sr}})
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_Categories{Categories: &articlev1.CategoriesResult{Categories: d.Categories}}})
	words := len(wordRe.FindAllString(text, -1))
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_Statistics{Statistics: &articlev1.Statistics{
		Words: int32(words), Sentences: int32(len(a.sentences)), Paragraphs: int32(len(strings.Split(strings.TrimSpace(text), "\n\n"))),
		ReadingTimeSeconds: float64(words) / 238 * 60, Readability: 55}}})
	comp := &articlev1.StreamCompletion{TotalDuration: durationpb.New(time.Duration(len(out)) * d.Delay)}
	for _, m := range out {
		comp.StageTimings = append(comp.StageTimings, &articlev1.StageTiming{Stage: stageName(m), Duration: durationpb.New(d.Delay)})
	}
	out = append(out, &R{Result: &articlev1.StreamAnalyzeArticleResponse_Completion{Completion: comp}})
	return out, nil
}

func stageName(m *articlev1.StreamAnalyzeArticleResponse) string {
	rm := m.ProtoReflect()
	if fd := rm.WhichOneof(rm.Descriptor().Oneofs().ByName("result")); fd != nil {
		return string(fd.Name())
	}
	return "?"
}

func demoError(c codes.Code, reason, field, msg string) error {
	st, _ := status.New(c, msg).WithDetails(
		&errdetails.ErrorInfo{Reason: reason, Domain: "lector"},
		&errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{{Field: field, Description: msg, Reason: reason}}})
	return st.Err()
}

// StreamAnalyzeArticle sends the demo analysis stage by stage.
func (d *Demo) StreamAnalyzeArticle(req *articlev1.StreamAnalyzeArticleRequest, stream articlev1.ArticleAnalysisService_StreamAnalyzeArticleServer) error {
	msgs, err := d.stream(req)
	if err != nil {
		return err
	}
	for i, m := range msgs {
		if d.FailAfter > 0 && i == d.FailAfter {
			st, _ := status.New(codes.Internal, "internal error; the server logged the details under request id demo").
				WithDetails(&errdetails.ErrorInfo{Reason: "INTERNAL", Domain: "lector"})
			return st.Err()
		}
		if d.Delay > 0 {
			select {
			case <-time.After(d.Delay):
			case <-stream.Context().Done():
				return stream.Context().Err()
			}
		}
		if err := stream.Send(m); err != nil {
			return err
		}
	}
	return nil
}

// AnalyzeArticle returns the whole demo analysis.
func (d *Demo) AnalyzeArticle(ctx context.Context, req *articlev1.AnalyzeArticleRequest) (*articlev1.AnalyzeArticleResponse, error) {
	msgs, err := d.stream(&articlev1.StreamAnalyzeArticleRequest{Article: req.GetArticle(), Features: req.GetFeatures(), EncodingType: req.GetEncodingType()})
	if err != nil {
		return nil, err
	}
	a := &articlev1.Analysis{}
	for _, m := range msgs {
		switch r := m.Result.(type) {
		case *articlev1.StreamAnalyzeArticleResponse_Source:
			a.Text, a.Metadata = r.Source.GetText(), r.Source.GetMetadata()
		case *articlev1.StreamAnalyzeArticleResponse_Syntax:
			a.Sentences, a.Tokens = r.Syntax.GetSentences(), r.Syntax.GetTokens()
		case *articlev1.StreamAnalyzeArticleResponse_Language:
			a.Language = r.Language
		case *articlev1.StreamAnalyzeArticleResponse_Entities:
			a.Entities = r.Entities.GetEntities()
		case *articlev1.StreamAnalyzeArticleResponse_TimeExpressions:
			a.TimeExpressions = r.TimeExpressions.GetTimeExpressions()
		case *articlev1.StreamAnalyzeArticleResponse_Quotes:
			a.Quotes = r.Quotes.GetQuotes()
		case *articlev1.StreamAnalyzeArticleResponse_KeyPhrases:
			a.KeyPhrases = r.KeyPhrases.GetKeyPhrases()
		case *articlev1.StreamAnalyzeArticleResponse_Summary:
			a.Summary = r.Summary
		case *articlev1.StreamAnalyzeArticleResponse_Sentiment:
			a.Sentiment = r.Sentiment.GetDocument()
			for i, s := range r.Sentiment.GetSentences() {
				a.Sentences[i].Sentiment = s
			}
			for i, s := range r.Sentiment.GetEntities() {
				a.Entities[i].Sentiment = s
			}
		case *articlev1.StreamAnalyzeArticleResponse_Categories:
			a.Categories = r.Categories.GetCategories()
		case *articlev1.StreamAnalyzeArticleResponse_Statistics:
			a.Statistics = r.Statistics
		}
	}
	return &articlev1.AnalyzeArticleResponse{Analysis: a}, nil
}

// GetCapabilities reports every feature as available.
func (d *Demo) GetCapabilities(ctx context.Context, _ *articlev1.GetCapabilitiesRequest) (*articlev1.GetCapabilitiesResponse, error) {
	r := &articlev1.GetCapabilitiesResponse{ServerVersion: "demo", Limits: &articlev1.Limits{MaxArticleBytes: 1 << 20, MaxBatchSize: 10, MaxConcurrency: 2}}
	for f := articlev1.Feature_FEATURE_LANGUAGE; f <= articlev1.Feature_FEATURE_STATISTICS; f++ {
		r.Features = append(r.Features, &articlev1.FeatureCapability{Feature: f, Available: true, ModelVersion: "demo rules"})
	}
	return r, nil
}
