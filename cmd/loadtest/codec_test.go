package main

import (
	"strings"
	"testing"

	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	rpcstatus "google.golang.org/genproto/googleapis/rpc/status"
)

// fullAnalysis has every part an all-features answer holds.
func fullAnalysis() *articlev1.Analysis {
	return &articlev1.Analysis{
		Text:       "Ann Lee won.",
		Language:   &articlev1.Language{Code: "en", Confidence: 1},
		Statistics: &articlev1.Statistics{Words: 3, Sentences: 1},
		Sentences:  []*articlev1.Sentence{{Text: &articlev1.TextSpan{Content: "Ann Lee won."}}},
		Entities:   []*articlev1.Entity{{Name: "Ann Lee"}},
		KeyPhrases: []*articlev1.KeyPhrase{{Phrase: "Ann Lee"}},
		Summary:    &articlev1.Summary{Sentences: []*articlev1.TextSpan{{Content: "Ann Lee won."}}},
		Sentiment:  &articlev1.Sentiment{Score: 0.5, Magnitude: 0.5},
		Categories: []*articlev1.Category{{Name: "sport", Confidence: 0.9}},
	}
}

func wire(t *testing.T, m proto.Message) mem.BufferSlice {
	t.Helper()
	b, err := proto.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return mem.BufferSlice{mem.SliceBuffer(b)}
}

// TestCheckCodec: answers checked on the wire pass when whole and fail
// when cut or missing a part; one in every is decoded and checked; a
// stream answer's id and error are always decoded.
func TestCheckCodec(t *testing.T) {
	for _, every := range []int{1, 3, 1 << 30} {
		c := newCheckCodec(every)
		for i := range 6 {
			var r articlev1.AnalyzeArticleResponse
			if err := c.Unmarshal(wire(t, &articlev1.AnalyzeArticleResponse{Analysis: fullAnalysis()}), &r); err != nil {
				t.Fatalf("every %d, answer %d: %v", every, i, err)
			}
			var s articlev1.AnalyzeArticlesResponse
			if err := c.Unmarshal(wire(t, &articlev1.AnalyzeArticlesResponse{ArticleId: "a-7", RequestIndex: 7, Result: &articlev1.AnalyzeArticlesResponse_Analysis{Analysis: fullAnalysis()}}), &s); err != nil {
				t.Fatalf("every %d, stream answer %d: %v", every, i, err)
			}
			if s.GetArticleId() != "a-7" || s.GetRequestIndex() != 7 {
				t.Errorf("stream answer: id %q index %d", s.GetArticleId(), s.GetRequestIndex())
			}
			var e articlev1.AnalyzeArticlesResponse
			if err := c.Unmarshal(wire(t, &articlev1.AnalyzeArticlesResponse{ArticleId: "b", Result: &articlev1.AnalyzeArticlesResponse_Error{Error: &rpcstatus.Status{Code: 8, Message: "full"}}}), &e); err != nil {
				t.Fatal(err)
			}
			if e.GetArticleId() != "b" || e.GetError().GetCode() != 8 {
				t.Errorf("stream error: %v", &e)
			}
		}
	}
	bad := map[string]func(*articlev1.Analysis){
		"no entities":   func(a *articlev1.Analysis) { a.Entities = nil },
		"no summary":    func(a *articlev1.Analysis) { a.Summary = nil },
		"no categories": func(a *articlev1.Analysis) { a.Categories = nil },
		"no language":   func(a *articlev1.Analysis) { a.Language = nil },
	}
	for name, spoil := range bad {
		for _, every := range []int{1, 1 << 30} {
			a := fullAnalysis()
			spoil(a)
			var r articlev1.AnalyzeArticleResponse
			if err := newCheckCodec(every).Unmarshal(wire(t, &articlev1.AnalyzeArticleResponse{Analysis: a}), &r); err == nil {
				t.Errorf("%s (decode every %d): accepted", name, every)
			}
		}
	}
	b, _ := proto.Marshal(&articlev1.AnalyzeArticleResponse{Analysis: fullAnalysis()})
	for _, cut := range []int{len(b) - 1, len(b) / 2, 3} {
		var r articlev1.AnalyzeArticleResponse
		err := newCheckCodec(1<<30).Unmarshal(mem.BufferSlice{mem.SliceBuffer(b[:cut])}, &r)
		if err == nil {
			t.Errorf("answer cut to %d of %d bytes: accepted", cut, len(b))
		}
	}
	// a field inside the analysis whose length runs past its end
	a, _ := proto.Marshal(fullAnalysis())
	i := strings.Index(string(a), "Ann Lee won.")
	a[i-1] += 40 // the text's length
	var r articlev1.AnalyzeArticleResponse
	outer := append([]byte{0x0a}, appendVarint(nil, len(a))...)
	if err := newCheckCodec(1<<30).Unmarshal(mem.BufferSlice{mem.SliceBuffer(append(outer, a...))}, &r); err == nil {
		t.Error("an analysis with a field running past its end: accepted")
	}
}

func appendVarint(b []byte, v int) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}
