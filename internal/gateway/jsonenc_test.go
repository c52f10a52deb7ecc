package gateway

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/service"
)

// sameJSON fails unless the fast encoder and protojson (the gateway's
// options) write the same JSON value for m.
func sameJSON(t *testing.T, name string, m proto.Message) {
	t.Helper()
	fast, err := marshaler.Marshal(m)
	if err != nil {
		t.Fatalf("%s: fast: %v", name, err)
	}
	slow, err := protojson.MarshalOptions{EmitDefaultValues: true}.Marshal(m)
	if err != nil {
		t.Fatalf("%s: protojson: %v", name, err)
	}
	var a, b any
	if err := json.Unmarshal(fast, &a); err != nil {
		t.Fatalf("%s: fast output is not JSON: %v\n%s", name, err, fast)
	}
	if err := json.Unmarshal(slow, &b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("%s: the fast encoder differs from protojson:\n fast %s\nproto %s", name, fast, slow)
	}
}

func TestFastJSONMatchesProtojson(t *testing.T) {
	ts := &articlev1.TextSpan{Content: "quote \" back\\slash \x01 tab\t nl\n é ü 中 \u2028 \ufffd", BeginOffset: 0, Length: 7}
	one := int32(1)
	st, _ := status.New(codes.ResourceExhausted, "busy").WithDetails(
		&errdetails.ErrorInfo{Reason: "OVERLOADED", Domain: "lector", Metadata: map[string]string{"k": "v"}},
		&errdetails.RetryInfo{RetryDelay: durationpb.New(1500 * time.Millisecond)})
	cases := map[string]proto.Message{
		"empty":          &articlev1.AnalyzeArticleResponse{},
		"empty analysis": &articlev1.AnalyzeArticleResponse{Analysis: &articlev1.Analysis{}},
		"edge values": &articlev1.AnalyzeArticleResponse{Analysis: &articlev1.Analysis{
			Text:       "a\u0000b",
			Metadata:   &articlev1.Metadata{Title: "T", Authors: []string{"A", ""}, PublishTime: timestamppb.New(time.Date(2026, 3, 4, 9, 0, 0, 5, time.UTC))},
			Language:   &articlev1.Language{Code: "en", Confidence: 1e-7},
			Sentiment:  &articlev1.Sentiment{Score: -0.25, Magnitude: 1e21},
			Statistics: &articlev1.Statistics{Words: math.MaxInt32, Readability: math.NaN()},
			Entities: []*articlev1.Entity{{Name: "X", Type: articlev1.EntityType(999), Salience: math.Inf(1),
				Mentions: []*articlev1.EntityMention{{Text: ts}}, Location: &articlev1.LatLng{Latitude: -33.9, Longitude: 0}}},
			Quotes: []*articlev1.Quote{{Content: ts, Speaker: &articlev1.Speaker{Name: "S", EntityIndex: &one}},
				{Speaker: &articlev1.Speaker{Name: "none"}}},
			Categories: []*articlev1.Category{{Name: "c", Confidence: 0.1 + 0.2}},
		}},
		"batch with error": &articlev1.BatchAnalyzeArticlesResponse{Results: []*articlev1.ArticleResult{
			{ArticleId: "a", Result: &articlev1.ArticleResult_Error{Error: st.Proto()}},
			{ArticleId: "b", Result: &articlev1.ArticleResult_Analysis{Analysis: &articlev1.Analysis{}}},
		}},
		"completion": &articlev1.StreamAnalyzeArticleResponse{Result: &articlev1.StreamAnalyzeArticleResponse_Completion{
			Completion: &articlev1.StreamCompletion{TotalDuration: durationpb.New(1234567 * time.Nanosecond)}}},
	}
	for name, m := range cases {
		sameJSON(t, name, m)
	}

	// A real analysis of the 600-word benchmark article, all features.
	e, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(service.Config{Engine: e})
	for _, enc := range []articlev1.EncodingType{articlev1.EncodingType_ENCODING_TYPE_UTF8, articlev1.EncodingType_ENCODING_TYPE_UTF16} {
		resp, err := svc.AnalyzeArticle(context.Background(), &articlev1.AnalyzeArticleRequest{
			Article:      &articlev1.Article{Source: &articlev1.Article_Text{Text: string(text)}, PublishTime: timestamppb.New(time.Date(2026, 9, 18, 0, 0, 0, 0, time.UTC))},
			EncodingType: enc})
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.GetAnalysis().GetEntities()) == 0 || len(resp.GetAnalysis().GetTokens()) == 0 {
			t.Fatalf("the analysis has no entities or tokens: %v", resp)
		}
		sameJSON(t, "analysis "+enc.String(), resp)
	}
}

// BenchmarkJSON compares the two encoders on a real analysis.
func BenchmarkJSON(b *testing.B) {
	e, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Fatal(err)
	}
	resp, err := service.New(service.Config{Engine: e}).AnalyzeArticle(context.Background(),
		&articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Text{Text: string(text)}}})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, err := marshaler.Marshal(resp)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(out)))
		}
	})
	b.Run("protojson", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, err := protojson.MarshalOptions{EmitDefaultValues: true}.Marshal(resp)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(out)))
		}
	})
}

// TestFastJSONSizeHint: the buffer of a top-level message starts near the
// size of the last one of its type, within [4 kB, 1 MB], and a top-level
// well-known type (which has no info) still encodes.
func TestFastJSONSizeHint(t *testing.T) {
	long := &articlev1.Analysis{Text: strings.Repeat("x", 50_000)}
	first, err := marshaler.Marshal(long)
	if err != nil {
		t.Fatal(err)
	}
	mi := infoOf(long.ProtoReflect().Descriptor())
	if h := mi.sizeHint(); h < len(first) || h > len(first)+len(first)/8 {
		t.Errorf("hint %d after a %d-byte message", h, len(first))
	}
	again, err := marshaler.Marshal(&articlev1.Analysis{Text: "short"})
	if err != nil || !strings.Contains(string(again), `"text":"short"`) {
		t.Fatalf("%s, %v", again, err)
	}
	if h := mi.sizeHint(); h != 4096 {
		t.Errorf("hint %d after a short message, want 4096", h)
	}
	mi.lastSize.Store(50 << 20)
	if h := mi.sizeHint(); h != 1<<20 {
		t.Errorf("hint %d after a 50 MB message, want 1 MB", h)
	}
	mi.lastSize.Store(0)
	if b, err := marshaler.Marshal(durationpb.New(1500 * time.Millisecond)); err != nil || string(b) != `"1.500s"` {
		t.Errorf("top-level Duration: %s, %v", b, err)
	}
}
