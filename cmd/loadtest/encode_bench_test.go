package main

import (
	"context"
	"os"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/service"
)

// The cost of each layer above the engine on the 600-word article: the
// service (validation and the domain → proto mapping), the protobuf wire
// encoding of gRPC and the JSON encoding of the REST gateway.
//
//	go test ./cmd/loadtest -run '^$' -bench . -benchmem

func benchService(b *testing.B) (*service.Service, *articlev1.AnalyzeArticleRequest) {
	b.Helper()
	e, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile("../../internal/pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Fatal(err)
	}
	req := &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Text{Text: string(text)}}}
	return service.New(service.Config{Engine: e}), req
}

// BenchmarkServiceAnalyze is the gRPC handler without the network: engine
// plus validation and mapping.
func BenchmarkServiceAnalyze(b *testing.B) {
	svc, req := benchService(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := svc.AnalyzeArticle(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}

func benchResponse(b *testing.B) *articlev1.AnalyzeArticleResponse {
	svc, req := benchService(b)
	resp, err := svc.AnalyzeArticle(context.Background(), req)
	if err != nil {
		b.Fatal(err)
	}
	return resp
}

// BenchmarkWireAnalyze is what the server's gRPC handler does since the
// answers are written straight in the wire format (service.Wire): engine,
// validation and encoding, plus the marshal that copies the bytes.
func BenchmarkWireAnalyze(b *testing.B) {
	svc, req := benchService(b)
	svc = svc.Wire()
	b.ReportAllocs()
	for b.Loop() {
		resp, err := svc.AnalyzeArticle(context.Background(), req)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := proto.Marshal(resp); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeProto is the gRPC wire encoding of the response.
func BenchmarkEncodeProto(b *testing.B) {
	resp := benchResponse(b)
	b.ReportAllocs()
	for b.Loop() {
		out, err := proto.Marshal(resp)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(out)))
	}
}

// BenchmarkEncodeJSON is the gateway's JSON encoding of the response
// (protojson with default values, as the gateway's marshaler).
func BenchmarkEncodeJSON(b *testing.B) {
	resp := benchResponse(b)
	opts := protojson.MarshalOptions{EmitDefaultValues: true}
	b.ReportAllocs()
	for b.Loop() {
		out, err := opts.Marshal(resp)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(out)))
	}
}

// BenchmarkDecodeProto is the gateway decoding the server's answer.
func BenchmarkDecodeProto(b *testing.B) {
	wire, err := proto.Marshal(benchResponse(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var r articlev1.AnalyzeArticleResponse
		if err := proto.Unmarshal(wire, &r); err != nil {
			b.Fatal(err)
		}
	}
}
