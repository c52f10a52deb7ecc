package main

import (
	"errors"
	"fmt"
	"sync/atomic"

	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// checkCodec is the load generator's gRPC codec. It writes requests as the
// generated client does. Of the answers, it decodes one in every (and
// checks the analysis it holds); the others it checks on the wire without
// building the message: every field of the answer and of its analysis must
// be well formed, and the analysis must hold every part that was asked for.
// The fields beside the analysis (a stream answer's article id and error)
// are always decoded.
//
// The load generator shares the CPUs with the server it measures, and
// building the generated messages of an answer costs it about 0.45 ms per
// 600-word article (over half of its CPU): as much as a tenth of the
// server's. A REST caller here discards the body for the same reason.
type checkCodec struct {
	proto encoding.CodecV2
	every int64 // decode one answer in every; 1: all
	n     atomic.Int64
}

func newCheckCodec(every int) *checkCodec {
	return &checkCodec{proto: encoding.GetCodecV2("proto"), every: int64(max(1, every))}
}

func (c *checkCodec) Name() string { return c.proto.Name() }

func (c *checkCodec) Marshal(v any) (mem.BufferSlice, error) { return c.proto.Marshal(v) }

func (c *checkCodec) Unmarshal(data mem.BufferSlice, v any) error {
	var field protowire.Number
	switch v.(type) {
	case *articlev1.AnalyzeArticleResponse:
		field = 1
	case *articlev1.AnalyzeArticlesResponse:
		field = 3
	default:
		return c.proto.Unmarshal(data, v)
	}
	if c.n.Add(1)%c.every == 0 {
		if err := c.proto.Unmarshal(data, v); err != nil {
			return err
		}
		return checkDecoded(v)
	}
	buf := data.MaterializeToBuffer(mem.DefaultBufferPool())
	defer buf.Free()
	rest, err := skipAnalysis(buf.ReadOnlyData(), field)
	if err != nil {
		return err
	}
	return proto.Unmarshal(rest, v.(proto.Message))
}

// analysisParts are the fields of Analysis every answer to an all-features
// request holds: language, statistics, sentences, entities, key phrases,
// summary, sentiment and categories.
var analysisParts = []protowire.Number{3, 4, 5, 7, 8, 9, 10, 13}

// skipAnalysis checks b, an answer whose analysis is field, and returns
// its other fields (in the order they came).
func skipAnalysis(b []byte, field protowire.Number) ([]byte, error) {
	var rest []byte
	err := eachField(b, func(num protowire.Number, typ protowire.Type, whole, value []byte) error {
		if num == field && typ == protowire.BytesType {
			return checkAnalysis(value)
		}
		rest = append(rest, whole...)
		return nil
	})
	return rest, err
}

// checkAnalysis checks the fields of an encoded Analysis, and the fields of
// each of its messages, and that it holds every part of analysisParts.
func checkAnalysis(b []byte) error {
	var seen uint64
	err := eachField(b, func(num protowire.Number, typ protowire.Type, _, value []byte) error {
		if num < 64 {
			seen |= 1 << num
		}
		if typ == protowire.BytesType && num != 1 { // 1 is the text
			if err := eachField(value, nil); err != nil {
				return fmt.Errorf("analysis field %d: %w", num, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range analysisParts {
		if seen&(1<<p) == 0 {
			return fmt.Errorf("the analysis has no field %d", p)
		}
	}
	return nil
}

// eachField checks that b is a well-formed sequence of fields and calls f
// (unless nil) with each one's number, wire type, bytes (tag included)
// and, for a length-delimited field, its contents.
func eachField(b []byte, f func(num protowire.Number, typ protowire.Type, whole, value []byte) error) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return protowire.ParseError(n)
		}
		m := protowire.ConsumeFieldValue(num, typ, b[n:])
		if m < 0 {
			return protowire.ParseError(m)
		}
		if f != nil {
			var value []byte
			if typ == protowire.BytesType {
				value, _ = protowire.ConsumeBytes(b[n:])
			}
			if err := f(num, typ, b[:n+m], value); err != nil {
				return err
			}
		}
		b = b[n+m:]
	}
	return nil
}

// checkDecoded checks a decoded answer: an analysis with sentences,
// entities, key phrases, a summary, sentiment and categories (unless it is
// a stream answer carrying an error).
func checkDecoded(v any) error {
	var a *articlev1.Analysis
	switch r := v.(type) {
	case *articlev1.AnalyzeArticleResponse:
		a = r.GetAnalysis()
	case *articlev1.AnalyzeArticlesResponse:
		if r.GetError() != nil {
			return nil
		}
		a = r.GetAnalysis()
	}
	switch {
	case a == nil:
		return errors.New("an answer without an analysis")
	case len(a.GetSentences()) == 0, len(a.GetEntities()) == 0, len(a.GetKeyPhrases()) == 0,
		len(a.GetSummary().GetSentences()) == 0, a.GetSentiment() == nil, len(a.GetCategories()) == 0,
		a.GetLanguage().GetCode() == "":
		return errors.New("an analysis without some of the parts asked for")
	}
	return nil
}
