package service

import (
	"bytes"
	"context"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/text"
)

// wireSame checks that the Wire service's answer to a marshals to the same
// bytes as the messages the converter builds, in the three answers that
// carry an analysis, and that it decodes to the same messages.
func wireSame(t *testing.T, name string, a *pipeline.Analysis, enc articlev1.EncodingType) {
	t.Helper()
	eng := &fakeEngine{AnalyzeFn: func(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
		return &pipeline.Result{Analysis: a}, nil
	}}
	plain := New(Config{Engine: eng})
	wire := plain.Wire()
	req := textRequest("Some text.")
	req.EncodingType = enc
	ctx := context.Background()

	want, err := plain.AnalyzeArticle(ctx, req)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got, err := wire.AnalyzeArticle(ctx, req)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got.GetAnalysis() != nil {
		t.Errorf("%s: the Wire answer holds messages, want raw fields", name)
	}
	wantB, err := proto.Marshal(want)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	gotB, err := proto.Marshal(got)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !bytes.Equal(gotB, wantB) {
		i := 0
		for i < min(len(gotB), len(wantB)) && gotB[i] == wantB[i] {
			i++
		}
		t.Errorf("%s: %d bytes, want %d; first difference at byte %d", name, len(gotB), len(wantB), i)
	}
	var back articlev1.AnalyzeArticleResponse
	if err := proto.Unmarshal(gotB, &back); err != nil || !proto.Equal(&back, want) {
		t.Errorf("%s: decoded answer differs (%v)", name, err)
	}

	// the same analysis in a batch and on the bidirectional stream
	batch := &articlev1.BatchAnalyzeArticlesRequest{Requests: []*articlev1.AnalyzeArticleRequest{req, req}}
	wb, err := plain.BatchAnalyzeArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	gb, err := wire.BatchAnalyzeArticles(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if x, y := mustMarshal(t, gb), mustMarshal(t, wb); !bytes.Equal(x, y) {
		t.Errorf("%s: batch answer %d bytes, want the %d bytes of messages", name, len(x), len(y))
	}
	out := &articlev1.AnalyzeArticlesResponse{ArticleId: "a", RequestIndex: 7}
	out.ProtoReflect().SetUnknown(mustRaw(t, fStreamResultAnalysis, a, enc))
	ref := &articlev1.AnalyzeArticlesResponse{ArticleId: "a", RequestIndex: 7,
		Result: &articlev1.AnalyzeArticlesResponse_Analysis{Analysis: want.GetAnalysis()}}
	if x, y := mustMarshal(t, out), mustMarshal(t, ref); !bytes.Equal(x, y) {
		t.Errorf("%s: stream answer %d bytes, want %d", name, len(x), len(y))
	}
}

func mustMarshal(t *testing.T, m proto.Message) []byte {
	t.Helper()
	b, err := proto.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustRaw(t *testing.T, field int, a *pipeline.Analysis, enc articlev1.EncodingType) []byte {
	t.Helper()
	e := text.UTF8
	if enc == articlev1.EncodingType_ENCODING_TYPE_UTF16 {
		e = text.UTF16
	}
	raw, ok := wireAnalysis(protowire.Number(field), a, e)
	if !ok {
		t.Fatal("wireAnalysis refused a valid analysis")
	}
	return raw
}

// everyField is an analysis that sets every field of the API, with the
// values proto3 treats apart: zero and negative zero, NaN, an optional
// index of 0, empty and out-of-range spans, long messages.
func everyField() *pipeline.Analysis {
	txt := "Zoë Ng said “we’ll go” on 3 May 2024. " + strings.Repeat("Padding words to pass 127 bytes. ", 8) + "End."
	sp := func(s string) text.Span {
		i := strings.Index(txt, s)
		return text.Span{Start: i, End: i + len(s)}
	}
	neg := math.Copysign(0, -1)
	return &pipeline.Analysis{
		Text:       txt,
		FromMarkup: true,
		Metadata: pipeline.Metadata{Title: "Title ü", Authors: []string{"A. Writer", "", "B"}, SiteName: "Site",
			CanonicalURL: "https://example.org/a", PublishTime: time.Date(2024, 5, 3, 10, 0, 0, 500, time.UTC)},
		Language:   &pipeline.Language{Code: "en", Confidence: 0.98},
		Statistics: &pipeline.Statistics{Words: 70, Sentences: 2, Paragraphs: 1, ReadingTimeSeconds: 12.5, Readability: neg},
		Sentences: []pipeline.Sentence{
			{Span: sp("Zoë Ng said “we’ll go” on 3 May 2024."), Sentiment: &pipeline.Sentiment{Score: -0.25, Magnitude: 0.5}},
			{Span: text.Span{Start: 40, End: 40}},
			{Span: text.Span{Start: 5, End: len(txt) + 1}, Sentiment: &pipeline.Sentiment{}},
		},
		Tokens: []pipeline.Token{
			{Span: sp("Zoë"), POS: "NNP", Lemma: "Zoë"},
			{Span: sp("said"), POS: "VBD", Lemma: "say"},
			{Span: text.Span{Start: -1, End: 2}, POS: "", Lemma: ""},
		},
		Entities: []pipeline.Entity{
			{Name: "Zoë Ng", Type: "PERSON", Salience: 0.7, Mentions: []pipeline.Mention{{Span: sp("Zoë Ng"), Type: pipeline.MentionProper},
				{Span: sp("we"), Type: "NOT_A_TYPE"}, {Span: text.Span{}}},
				Sentiment: &pipeline.Sentiment{Score: math.NaN(), Magnitude: math.Inf(1)},
				Roles:     []pipeline.Role{{Title: "director", Affiliation: "Acme"}, {}}},
			{Name: "Nowhere", Type: "UNHEARD_OF", CountryCode: "FR", RegionCode: "FR-IDF", Location: &pipeline.LatLng{Lat: 48.85, Lng: 0}},
			{Name: strings.Repeat("Long name ", 20), Type: "ORGANIZATION", Mentions: manyMentions(strings.Index(txt, "Padding"), 30)},
		},
		KeyPhrases: []pipeline.KeyPhrase{{Phrase: "padding words", Score: 1.5, Mentions: []text.Span{sp("Padding words"), {}, {Start: 3, End: 1}}}, {}},
		Summary:    &pipeline.Summary{Sentences: []text.Span{sp("End."), {}}},
		Sentiment:  &pipeline.Sentiment{Score: 0, Magnitude: 1e-300},
		Quotes: []pipeline.Quote{
			{Content: sp("“we’ll go”"), Parts: []text.Span{sp("we"), sp("go")}, Cue: sp("said"), Speaker: pipeline.Speaker{Span: sp("Zoë Ng"), Name: "Zoë Ng", EntityIndex: 0}, Kind: pipeline.QuoteDirect},
			{Content: sp("End."), Parts: []text.Span{{}, sp("End")}, Speaker: pipeline.Speaker{EntityIndex: -1}, Kind: "ODD"},
			{Speaker: pipeline.Speaker{EntityIndex: 1 << 20}, Kind: pipeline.QuoteMixed},
		},
		TimeExpressions: []pipeline.TimeExpression{{Span: sp("3 May 2024"), Type: "DATE", Value: "2024-05-03", Anchored: true}, {Type: "SET"}},
		Categories:      []pipeline.Category{{Name: "politics", Confidence: 0.5}, {}},
		Notices:         []pipeline.Notice{{Feature: pipeline.FeatureQuotes, Reason: "no model"}, {}},
	}
}

// manyMentions returns n overlapping mentions from from on (ASCII text).
func manyMentions(from, n int) []pipeline.Mention {
	var ms []pipeline.Mention
	for i := range n {
		ms = append(ms, pipeline.Mention{Span: text.Span{Start: from + i, End: from + i + 9}, Type: pipeline.MentionCommon})
	}
	return ms
}

func TestWireAnalysis(t *testing.T) {
	for _, enc := range []articlev1.EncodingType{articlev1.EncodingType_ENCODING_TYPE_UTF8, articlev1.EncodingType_ENCODING_TYPE_UTF16} {
		wireSame(t, "every field "+enc.String(), everyField(), enc)
		wireSame(t, "empty "+enc.String(), &pipeline.Analysis{}, enc)
		epoch := &pipeline.Analysis{Text: "x", Metadata: pipeline.Metadata{PublishTime: time.Unix(0, 0)}}
		wireSame(t, "epoch "+enc.String(), epoch, enc)
		before := &pipeline.Analysis{Text: "x", Metadata: pipeline.Metadata{PublishTime: time.Unix(-86400, 7)}}
		wireSame(t, "before 1970 "+enc.String(), before, enc)
	}
}

// TestWireAnalysisArticles compares the two encodings on the benchmark
// articles analysed by the real pipeline.
func TestWireAnalysisArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	eng, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"bench_150.txt", "bench_600.txt", "bench_3000.txt"} {
		b, err := os.ReadFile("../pipeline/testdata/" + f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := eng.Analyze(context.Background(), &pipeline.Request{Source: pipeline.SourceText, Content: string(b)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, enc := range []articlev1.EncodingType{articlev1.EncodingType_ENCODING_TYPE_UTF8, articlev1.EncodingType_ENCODING_TYPE_UTF16} {
			wireSame(t, f+" "+enc.String(), res.Analysis, enc)
		}
	}
}

// TestWireInvalidUTF8: where a string is not valid UTF-8 the Wire service
// builds the messages, and the marshaller refuses them as before.
func TestWireInvalidUTF8(t *testing.T) {
	for _, a := range []*pipeline.Analysis{
		{Text: "abc", Entities: []pipeline.Entity{{Name: "bad \xff"}}},
		{Text: "abc", Metadata: pipeline.Metadata{Authors: []string{"\xc3"}}},
		{Text: "a\xffc", Tokens: []pipeline.Token{{Span: text.Span{Start: 1, End: 2}}}},
		{Text: "zoë", Tokens: []pipeline.Token{{Span: text.Span{Start: 0, End: 3}}}}, // cuts ë in two
	} {
		if _, ok := wireAnalysis(1, a, text.UTF8); ok {
			t.Errorf("%+v: encoded, want refused", a)
		}
		eng := &fakeEngine{AnalyzeFn: func(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
			return &pipeline.Result{Analysis: a}, nil
		}}
		resp, err := New(Config{Engine: eng}).Wire().AnalyzeArticle(context.Background(), textRequest("Some text."))
		if err != nil {
			t.Fatal(err)
		}
		if resp.GetAnalysis() == nil {
			t.Errorf("%+v: no messages built", a)
		}
		if _, err := proto.Marshal(resp); err == nil {
			t.Errorf("%+v: marshalled, want the invalid UTF-8 error", a)
		}
	}
}

// BenchmarkAnswer is the service's work after the engine on the 600-word
// article, up to the bytes gRPC sends: building messages and marshalling
// them, against writing the wire format (and the marshal that copies it).
//
//	go test ./internal/service -run '^$' -bench Answer -benchmem -cpu 1
func BenchmarkAnswer(b *testing.B) {
	eng, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	txt, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Fatal(err)
	}
	res, err := eng.Analyze(context.Background(), &pipeline.Request{Source: pipeline.SourceText, Content: string(txt)}, nil)
	if err != nil {
		b.Fatal(err)
	}
	fake := &fakeEngine{AnalyzeFn: func(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
		return res, nil
	}}
	req := textRequest(string(txt))
	for _, bc := range []struct {
		name string
		svc  *Service
	}{{"messages", New(Config{Engine: fake})}, {"wire", New(Config{Engine: fake}).Wire()}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				resp, err := bc.svc.AnalyzeArticle(context.Background(), req)
				if err != nil {
					b.Fatal(err)
				}
				out, err := proto.Marshal(resp)
				if err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(out)))
			}
		})
	}
}

// TestWireTokens compares the two encodings on tokens of every shape that
// token writes in one pass or leaves to tokenFields: offsets of one to
// three varint bytes, spans around the 96-byte bound, empty, long and
// non-ASCII tags and lemmas, spans at the end of the text, empty spans.
func TestWireTokens(t *testing.T) {
	txt := strings.Repeat("Zoë went to the market. ", 900) + strings.Repeat("x", 200)
	a := &pipeline.Analysis{Text: txt}
	add := func(start, end int, pos, lemma string) {
		a.Tokens = append(a.Tokens, pipeline.Token{Span: text.Span{Start: start, End: end}, POS: pos, Lemma: lemma})
	}
	long := strings.Repeat("l", 130)
	add(0, 4, "NNP", "zoë") // "Zoë", at offset 0
	// "went" in each repeat (25 bytes) starts at 5: offsets of one, two and three varint bytes
	for _, at := range []int{5, 105, 130, 205, 16380, 16405, 20005} {
		add(at, at+3, "NN", "zoë")
		add(at, at+1, "", "")
		add(at, at+2, long, "")
		add(at, at+2, "", long)
		add(at, at+2, "VBD", strings.Repeat("é", 63))
	}
	n := len(txt)
	for _, w := range []int{94, 95, 96, 97, 127, 128, 200} {
		add(n-w, n, "NN", "x")
	}
	add(3, 3, "NN", "empty")
	add(3, 2, "NN", "backwards")
	add(n-1, n+1, "NN", "past the end")
	for _, enc := range []articlev1.EncodingType{articlev1.EncodingType_ENCODING_TYPE_UTF8, articlev1.EncodingType_ENCODING_TYPE_UTF16} {
		wireSame(t, "tokens "+enc.String(), a, enc)
	}
	if raw, ok := wireAnalysis(1, a, text.UTF8); !ok || len(raw) == 0 {
		t.Fatalf("tokens: refused")
	}
	for _, bad := range []pipeline.Token{
		{Span: text.Span{Start: 0, End: 4}, POS: "N\xff"},
		{Span: text.Span{Start: 0, End: 4}, Lemma: "\xc3"},
		{Span: text.Span{Start: 0, End: 3}}, // ends inside ë
		{Span: text.Span{Start: 3, End: 5}}, // starts inside ë
	} {
		if _, ok := wireAnalysis(1, &pipeline.Analysis{Text: txt, Tokens: []pipeline.Token{bad}}, text.UTF8); ok {
			t.Errorf("%+v: encoded, want refused", bad)
		}
	}
}

// TestEnumNames checks that the enum tables give what enumValue gives.
func TestEnumNames(t *testing.T) {
	for _, c := range []struct {
		e      enumNames
		values map[string]int32
		prefix string
	}{
		{entityTypes, articlev1.EntityType_value, "ENTITY_TYPE_"},
		{mentionTypes, articlev1.MentionType_value, "MENTION_TYPE_"},
		{quoteKinds, articlev1.QuoteKind_value, "QUOTE_KIND_"},
		{timexTypes, articlev1.TimeExpressionType_value, "TIME_EXPRESSION_TYPE_"},
	} {
		names := []string{"", "NOPE", "unspecified", c.prefix}
		for k := range c.values {
			names = append(names, strings.TrimPrefix(k, c.prefix), k)
		}
		for _, name := range names {
			if got, want := c.e.value(name, -7), enumValue(c.values, c.prefix, name, -7); got != want {
				t.Errorf("%s%q: %d, want %d", c.prefix, name, got, want)
			}
		}
	}
}
