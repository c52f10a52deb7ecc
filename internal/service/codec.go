package service

import (
	"strings"

	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/encoding/proto"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	protov2 "google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// codec is the server's protobuf codec: gRPC's own, except that a request
// of this service that is not valid protobuf is handed to the handler
// empty and marked (undecodableMark) instead of failing the call inside
// gRPC. gRPC answered such a message with INTERNAL ("failed to unmarshal
// the received message"), which blames the server, and on the
// bidirectional stream it ended the stream at once, so the results of the
// articles already sent were lost. The handlers answer the mark with
// INVALID_ARGUMENT / MALFORMED_REQUEST: for the one article on a stream,
// for the call otherwise.
type codec struct{ encoding.CodecV2 }

// Codec returns the codec the gRPC server should use
// (grpc.ForceServerCodecV2).
func Codec() encoding.CodecV2 { return codec{encoding.GetCodecV2(proto.Name)} }

// undecodableField is the field number of the mark: the largest there is,
// which no message of the contract uses.
const undecodableField = protowire.MaxValidNumber

func (c codec) Unmarshal(data mem.BufferSlice, v any) error {
	err := c.CodecV2.Unmarshal(data, v)
	if err == nil {
		return nil
	}
	switch m := v.(type) {
	case *articlev1.AnalyzeArticleRequest, *articlev1.StreamAnalyzeArticleRequest,
		*articlev1.AnalyzeArticlesRequest, *articlev1.BatchAnalyzeArticlesRequest:
		pm := m.(protov2.Message)
		protov2.Reset(pm)
		mark := protowire.AppendTag(nil, undecodableField, protowire.BytesType)
		cause := err.Error()
		if rest, ok := strings.CutPrefix(cause, "proto:"); ok {
			cause = strings.TrimLeft(rest, " \u00a0") // protobuf-go writes either space
		}
		pm.ProtoReflect().SetUnknown(protowire.AppendString(mark, cause))
		return nil
	}
	return err
}

// undecodable returns the decoding error the codec marked m with, or "".
func undecodable(m any) string {
	pm, ok := m.(protov2.Message)
	if !ok {
		return ""
	}
	b := pm.ProtoReflect().GetUnknown()
	num, typ, n := protowire.ConsumeTag(b)
	if n < 0 || num != undecodableField || typ != protowire.BytesType {
		return ""
	}
	s, m2 := protowire.ConsumeString(b[n:])
	if m2 < 0 {
		return ""
	}
	return s
}

// malformed is the error of a marked request; what names the request
// ("the request", "message 3 of the stream").
func malformed(what, typeName, cause string) error {
	return invalid("MALFORMED_REQUEST", "", "%s could not be read as article.v1.%s in protobuf's wire format (%s)", what, typeName, cause)
}
