package service

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/text"
)

const fuzzMaxBytes = 2048

// fuzzRequest builds a request from the fuzzer's values.
func fuzzRequest(src uint8, content, id, title, lang string, features []byte, enc, summary, phrases int32, secs int64) *articlev1.AnalyzeArticleRequest {
	a := &articlev1.Article{Id: id, Title: title, LanguageCode: lang}
	switch src % 4 {
	case 1:
		a.Source = &articlev1.Article_Text{Text: content}
	case 2:
		a.Source = &articlev1.Article_Html{Html: content}
	case 3:
		a.Source = &articlev1.Article_Url{Url: content}
	}
	if secs != 0 {
		a.PublishTime = &timestamppb.Timestamp{Seconds: secs, Nanos: int32(secs % 1e9)}
	}
	r := &articlev1.AnalyzeArticleRequest{Article: a, EncodingType: articlev1.EncodingType(enc),
		Options: &articlev1.AnalysisOptions{SummarySentences: summary, KeyPhraseCount: phrases}}
	for _, f := range features {
		r.Features = append(r.Features, articlev1.Feature(int8(f)))
	}
	return r
}

func addValidateSeeds(f *testing.F) {
	f.Add(uint8(1), "The mayor spoke on Monday.", "a1", "Title", "en", []byte{1, 2}, int32(1), int32(3), int32(10), int64(1700000000))
	f.Add(uint8(1), " \t\n ", "", "", "", []byte{}, int32(0), int32(0), int32(0), int64(0))
	f.Add(uint8(1), "Caf\xe9", "", "", "", []byte{}, int32(2), int32(0), int32(0), int64(0))
	f.Add(uint8(1), "a\x00b\x07c", "", "", "", []byte{}, int32(3), int32(0), int32(0), int64(0))
	f.Add(uint8(2), "<p>Hello <b>world</p>", "", "", "pt-BR", []byte{0, 99}, int32(7), int32(-1), int32(101), int64(-1))
	f.Add(uint8(3), "gopher://example.org/", "", "", "", []byte{}, int32(0), int32(0), int32(0), int64(0))
	f.Add(uint8(3), "https:///x", "", "", "english!", []byte{}, int32(0), int32(0), int32(0), int64(253402300800))
	f.Add(uint8(0), "", "\xff", "", "", []byte{}, int32(0), int32(0), int32(0), int64(0))
	f.Add(uint8(1), "Zoë flew to Zürich 🚀.\r\n\tThen home.", "", "", "", []byte{10}, int32(2), int32(50), int32(100), int64(0))
}

// FuzzValidate checks request validation: it never panics; an accepted
// request has one source of valid UTF-8 within the limit, with text, no
// control characters, known features and encoding and options in range;
// a rejected one maps to INVALID_ARGUMENT or RESOURCE_EXHAUSTED with a
// reason, a field violation under the request's prefix and a message in
// valid UTF-8.
func FuzzValidate(f *testing.F) {
	addValidateSeeds(f)
	s := New(Config{Engine: &fakeEngine{}, MaxArticleBytes: fuzzMaxBytes})
	f.Fuzz(func(t *testing.T, src uint8, content, id, title, lang string, features []byte, enc, summary, phrases int32, secs int64) {
		r := fuzzRequest(src, content, id, title, lang, features, enc, summary, phrases, secs)
		const prefix = "requests[7]."
		j, err := s.validate(r, prefix)
		if err != nil {
			var pe *pipeline.Error
			if !errors.As(err, &pe) || pe.Reason == "" || !strings.HasPrefix(pe.Field, prefix) {
				t.Fatalf("error %#v: want a *pipeline.Error with a reason and a field under %q", err, prefix)
			}
			st := s.statusOf(context.Background(), "fuzz", err)
			if c := st.Code(); c != codes.InvalidArgument && c != codes.ResourceExhausted {
				t.Fatalf("code %v for %v", c, err)
			}
			code, reason, fields := reasonOf(t, st.Err())
			if reason != pe.Reason || len(fields) != 1 || fields[0] != pe.Field || code != st.Code() {
				t.Fatalf("status %v: reason %q fields %v", st, reason, fields)
			}
			if !utf8.ValidString(st.Message()) {
				t.Fatalf("message is not UTF-8: %q", st.Message())
			}
			return
		}
		c := j.req.Content
		switch {
		case src%4 == 0:
			t.Fatal("accepted a request with no source")
		case len(c) > fuzzMaxBytes:
			t.Fatalf("accepted %d bytes", len(c))
		case !utf8.ValidString(c) || !utf8.ValidString(j.req.Title) || !utf8.ValidString(j.req.ID):
			t.Fatal("accepted invalid UTF-8")
		case strings.TrimSpace(c) == "":
			t.Fatal("accepted an empty article")
		case controlChar(c) >= 0:
			t.Fatalf("accepted a control character in %q", c)
		case j.req.SummarySentences < 1 || j.req.SummarySentences > maxSummarySentences,
			j.req.KeyPhraseCount < 1 || j.req.KeyPhraseCount > maxKeyPhraseCount:
			t.Fatalf("options out of range: %d %d", j.req.SummarySentences, j.req.KeyPhraseCount)
		case j.enc != text.UTF8 && j.enc != text.UTF16 && j.enc != text.UTF32:
			t.Fatalf("encoding %v", j.enc)
		}
		for _, f := range r.GetFeatures() {
			if !pipeline.Feature(f).Valid() {
				t.Fatalf("accepted feature %v", f)
			}
		}
		if j.req.Source == pipeline.SourceURL && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(c)), "http") {
			t.Fatalf("accepted URL %q", c)
		}
	})
}

// FuzzAnalyzeArticle runs fuzzed text requests through the service and the
// real source, text and statistics stages: no panic, an error is a status
// with a reason, and every sentence and token span of an analysis is its
// content at its offsets in the requested encoding, in order, inside the
// text.
func FuzzAnalyzeArticle(f *testing.F) {
	f.Add("The mayor spoke on Monday. \"It took ten years,\" she said.\n\nTraffic eased.", int32(1))
	f.Add("Zoë flew to Zürich 🚀. She liked it… Then home!", int32(2))
	f.Add("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text. A\u0301ccents combine. 中文句子。第二句。", int32(3))
	f.Add("Mr. Smith paid $3.50 at 10 p.m. on Jan. 5. Done.", int32(0))
	f.Add("\u2028\u2029\ufeff\u00a0 odd spaces . . .", int32(2))
	var stages []pipeline.Stage
	for _, st := range pipeline.Stages() {
		if st.Name == "source" || st.Name == "text" || st.Name == "statistics" {
			stages = append(stages, st)
		}
	}
	eng, err := pipeline.New(pipeline.Config{Stages: stages, MaxTextBytes: fuzzMaxBytes})
	if err != nil {
		f.Fatal(err)
	}
	s := New(Config{Engine: eng, MaxArticleBytes: fuzzMaxBytes})
	f.Fuzz(func(t *testing.T, content string, enc int32) {
		req := &articlev1.AnalyzeArticleRequest{
			Article:      &articlev1.Article{Source: &articlev1.Article_Text{Text: content}},
			Features:     []articlev1.Feature{articlev1.Feature_FEATURE_SYNTAX, articlev1.Feature_FEATURE_STATISTICS},
			EncodingType: articlev1.EncodingType(enc % 4),
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		start := time.Now()
		resp, err := s.AnalyzeArticle(ctx, req)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("%d bytes took %v", len(content), d)
		}
		if err != nil {
			st := status.Convert(err)
			if _, reason, _ := reasonOf(t, err); reason == "" || st.Code() == codes.Internal {
				t.Fatalf("error %v (reason %q)", err, reason)
			}
			return
		}
		a := resp.GetAnalysis()
		units := encodeUnits(content, articlev1.EncodingType(enc%4))
		check := func(what string, sp *articlev1.TextSpan, prevEnd int) int {
			b, n := int(sp.GetBeginOffset()), int(sp.GetLength())
			if b < prevEnd || n <= 0 || b+n > len(units) {
				t.Fatalf("%s span [%d,+%d) out of order or outside %d units (previous end %d)", what, b, n, len(units), prevEnd)
			}
			if got := decodeUnits(units[b:b+n], articlev1.EncodingType(enc%4)); got != sp.GetContent() {
				t.Fatalf("%s span [%d,+%d) is %q in the text, content %q", what, b, n, got, sp.GetContent())
			}
			return b + n
		}
		end := 0
		for _, s := range a.GetSentences() {
			end = check("sentence", s.GetText(), end)
		}
		end = 0
		for _, tok := range a.GetTokens() {
			end = check("token", tok.GetText(), end)
		}
		if len(a.GetSentences()) == 0 {
			t.Fatalf("no sentence in %q", content)
		}
	})
}

// encodeUnits returns s in the units of enc, each unit one int.
func encodeUnits(s string, enc articlev1.EncodingType) []int {
	var out []int
	switch enc {
	case articlev1.EncodingType_ENCODING_TYPE_UTF16:
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, int(u))
		}
	case articlev1.EncodingType_ENCODING_TYPE_UTF32:
		for _, r := range s {
			out = append(out, int(r))
		}
	default:
		for i := 0; i < len(s); i++ {
			out = append(out, int(s[i]))
		}
	}
	return out
}

func decodeUnits(us []int, enc articlev1.EncodingType) string {
	switch enc {
	case articlev1.EncodingType_ENCODING_TYPE_UTF16:
		u16 := make([]uint16, len(us))
		for i, u := range us {
			u16[i] = uint16(u)
		}
		return string(utf16.Decode(u16))
	case articlev1.EncodingType_ENCODING_TYPE_UTF32:
		rs := make([]rune, len(us))
		for i, u := range us {
			rs[i] = rune(u)
		}
		return string(rs)
	}
	b := make([]byte, len(us))
	for i, u := range us {
		b[i] = byte(u)
	}
	return string(b)
}
