package service

import (
	"context"
	"errors"
	"strings"
	"testing"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// fakeEngine is a func-field fake of Analyzer.
type fakeEngine struct {
	AnalyzeFn func(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error)
}

func (f *fakeEngine) Analyze(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
	return f.AnalyzeFn(ctx, req, emit)
}

func (f *fakeEngine) Capabilities() []pipeline.FeatureInfo { return nil }

func textRequest(s string) *articlev1.AnalyzeArticleRequest {
	return &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Text{Text: s}}}
}

func reasonOf(t *testing.T, err error) (codes.Code, string, []string) {
	t.Helper()
	st := status.Convert(err)
	reason := ""
	var fields []string
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			reason = d.Reason
			if d.Domain != ErrorDomain {
				t.Errorf("ErrorInfo domain = %q", d.Domain)
			}
		case *errdetails.BadRequest:
			for _, v := range d.FieldViolations {
				fields = append(fields, v.Field)
			}
		}
	}
	return st.Code(), reason, fields
}

func TestValidation(t *testing.T) {
	eng := &fakeEngine{AnalyzeFn: func(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
		return &pipeline.Result{Analysis: &pipeline.Analysis{Text: req.Content}}, nil
	}}
	s := New(Config{Engine: eng, MaxArticleBytes: 100})
	tests := []struct {
		name   string
		req    *articlev1.AnalyzeArticleRequest
		code   codes.Code
		reason string
		field  string
	}{
		{"no article", &articlev1.AnalyzeArticleRequest{}, codes.InvalidArgument, "MISSING_ARTICLE", "article"},
		{"no source", &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Id: "a"}}, codes.InvalidArgument, "EMPTY_ARTICLE", "article.text"},
		{"empty", textRequest(""), codes.InvalidArgument, "EMPTY_ARTICLE", "article.text"},
		{"white space", textRequest(" \n\t "), codes.InvalidArgument, "EMPTY_ARTICLE", "article.text"},
		{"too large", textRequest(strings.Repeat("word ", 30)), codes.ResourceExhausted, "ARTICLE_TOO_LARGE", "article.text"},
		{"invalid utf-8", textRequest("caf\xe9 au lait"), codes.InvalidArgument, "INVALID_UTF8", "article.text"},
		{"nul", textRequest("a\x00b"), codes.InvalidArgument, "CONTROL_CHARACTERS", "article.text"},
		{"bad scheme", &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Url{Url: "file:///etc/passwd"}}},
			codes.InvalidArgument, "UNSUPPORTED_URL_SCHEME", "article.url"},
		{"no host", &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Url{Url: "https:///path"}}},
			codes.InvalidArgument, "INVALID_URL", "article.url"},
		{"relative", &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Url{Url: "example.org/news"}}},
			codes.InvalidArgument, "INVALID_URL", "article.url"},
		{"ftp", &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Url{Url: "ftp://example.org/a"}}},
			codes.InvalidArgument, "UNSUPPORTED_URL_SCHEME", "article.url"},
		{"unknown feature", &articlev1.AnalyzeArticleRequest{Article: textRequest("Hi.").Article, Features: []articlev1.Feature{articlev1.Feature_FEATURE_SYNTAX, 99}},
			codes.InvalidArgument, "UNKNOWN_FEATURE", "features[1]"},
		{"unspecified feature", &articlev1.AnalyzeArticleRequest{Article: textRequest("Hi.").Article, Features: []articlev1.Feature{0}},
			codes.InvalidArgument, "UNKNOWN_FEATURE", "features[0]"},
		{"unknown encoding", &articlev1.AnalyzeArticleRequest{Article: textRequest("Hi.").Article, EncodingType: 7},
			codes.InvalidArgument, "UNKNOWN_ENCODING_TYPE", "encoding_type"},
		{"bad language", &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Text{Text: "Hi."}, LanguageCode: "english!"}},
			codes.InvalidArgument, "INVALID_LANGUAGE_CODE", "article.language_code"},
		{"bad option", &articlev1.AnalyzeArticleRequest{Article: textRequest("Hi.").Article, Options: &articlev1.AnalysisOptions{SummarySentences: -1}},
			codes.InvalidArgument, "INVALID_OPTION", "options.summary_sentences"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.AnalyzeArticle(context.Background(), tt.req)
			code, reason, fields := reasonOf(t, err)
			if code != tt.code || reason != tt.reason || len(fields) != 1 || fields[0] != tt.field {
				t.Errorf("got %v %s %v, want %v %s [%s] (%v)", code, reason, fields, tt.code, tt.reason, tt.field, err)
			}
		})
	}
	if _, err := s.AnalyzeArticle(context.Background(), textRequest("Fine.")); err != nil {
		t.Errorf("valid request: %v", err)
	}
}

func TestInternalErrorsAreNotLeaked(t *testing.T) {
	eng := &fakeEngine{AnalyzeFn: func(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
		return nil, errors.New("open /srv/models/secret.bin: permission denied")
	}}
	s := New(Config{Engine: eng})
	_, err := s.AnalyzeArticle(WithRequestID(context.Background(), "req-1"), textRequest("Hello."))
	code, reason, _ := reasonOf(t, err)
	if code != codes.Internal || reason != "INTERNAL" {
		t.Errorf("got %v %s", code, reason)
	}
	if msg := status.Convert(err).Message(); strings.Contains(msg, "secret") || !strings.Contains(msg, "req-1") {
		t.Errorf("message %q leaks the cause or lacks the request id", msg)
	}
}

func TestOffsetsInEncodings(t *testing.T) {
	// "é" is 2 bytes, 1 UTF-16 unit, 1 code point; "😀" is 4 bytes, 2 units, 1 code point.
	const s = "Café 😀 ok. Next one."
	eng, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	svc := New(Config{Engine: eng})
	want := map[articlev1.EncodingType][2]int32{ // begin and length of sentence 2
		articlev1.EncodingType_ENCODING_TYPE_UTF8:  {int32(len("Café 😀 ok. ")), int32(len("Next one."))},
		articlev1.EncodingType_ENCODING_TYPE_UTF16: {12, 9},
		articlev1.EncodingType_ENCODING_TYPE_UTF32: {11, 9},
	}
	for enc, w := range want {
		req := textRequest(s)
		req.EncodingType = enc
		resp, err := svc.AnalyzeArticle(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		ss := resp.GetAnalysis().GetSentences()
		if len(ss) != 2 {
			t.Fatalf("%v: %d sentences", enc, len(ss))
		}
		sp := ss[1].GetText()
		if sp.GetBeginOffset() != w[0] || sp.GetLength() != w[1] || sp.GetContent() != "Next one." {
			t.Errorf("%v: span = %v, want begin %d length %d", enc, sp, w[0], w[1])
		}
	}
}

func TestBatchTooLarge(t *testing.T) {
	s := New(Config{Engine: &fakeEngine{}, MaxBatch: 2})
	req := &articlev1.BatchAnalyzeArticlesRequest{Requests: []*articlev1.AnalyzeArticleRequest{textRequest("a"), textRequest("b"), textRequest("c")}}
	_, err := s.BatchAnalyzeArticles(context.Background(), req)
	if code, reason, fields := reasonOf(t, err); code != codes.ResourceExhausted || reason != "BATCH_TOO_LARGE" || len(fields) != 1 || fields[0] != "requests" {
		t.Errorf("got %v %s %v", code, reason, fields)
	}
}

// A sentiment part of an article whose sentiment stage did not run (a
// language without a model: a notice says so) carries no sentence or
// entity sentiments, not zeros that read as "neutral".
func TestSentimentPartWithoutSentiment(t *testing.T) {
	a := &pipeline.Analysis{
		Sentences: []pipeline.Sentence{{}, {}},
		Entities:  []pipeline.Entity{{Name: "Paris"}},
	}
	c := &converter{}
	sr := c.part(pipeline.PartSentiment, a).GetSentiment()
	if sr.GetDocument() != nil || len(sr.GetSentences()) != 0 || len(sr.GetEntities()) != 0 {
		t.Errorf("no sentiment ran: part %v", sr)
	}
	a.Sentiment = &pipeline.Sentiment{Score: 0.5, Magnitude: 1}
	a.Sentences[0].Sentiment = &pipeline.Sentiment{Score: 0.5, Magnitude: 0.5}
	sr = c.part(pipeline.PartSentiment, a).GetSentiment()
	if len(sr.GetSentences()) != 2 || len(sr.GetEntities()) != 1 || sr.GetSentences()[0].GetScore() != 0.5 {
		t.Errorf("sentiment ran: part %v", sr)
	}
}
