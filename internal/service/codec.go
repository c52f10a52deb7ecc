package service

import (
	"math/bits"
	"strings"
	"sync"

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

// Marshal is gRPC's proto codec's, without its buffer pool for large
// messages. The pool hands a message of 32 kB to 1 MB a buffer of 1 MB
// and clears all of it on every Get: for a 60 kB analysis, 1 MB of
// writes and the cache it evicts (2-5 % of the CPU samples of
// BenchmarkTransport's REST and gRPC calls). An answer of
// the Wire service that holds nothing but its encoded analysis is sent as
// those bytes, which are what proto.Marshal would write (its raw fields,
// after no known field); other messages over 32 kB are written into a
// buffer of LargeBuffers, which is not cleared (the message overwrites all of
// the length sent).
func (c codec) Marshal(v any) (mem.BufferSlice, error) {
	if m, ok := v.(*articlev1.AnalyzeArticleResponse); ok && m.Analysis == nil {
		if raw := m.ProtoReflect().GetUnknown(); len(raw) > 0 {
			return mem.BufferSlice{mem.SliceBuffer(raw)}, nil
		}
	}
	pm, ok := v.(protov2.Message)
	if !ok {
		return c.CodecV2.Marshal(v)
	}
	size := protov2.Size(pm)
	if size <= minBigBuffer {
		return c.CodecV2.Marshal(v)
	}
	buf := LargeBuffers.Get(size)
	out, err := protov2.MarshalOptions{UseCachedSize: true}.MarshalAppend((*buf)[:0], pm)
	if err != nil || len(out) != size || &out[0] != &(*buf)[0] {
		LargeBuffers.Put(buf)
		if err != nil {
			return nil, err
		}
		return c.CodecV2.Marshal(v) // the message changed under us: as gRPC would
	}
	return mem.BufferSlice{mem.NewBuffer(buf, LargeBuffers)}, nil
}

// minBigBuffer is the size over which a message is written into a buffer
// of LargeBuffers; gRPC's pool clears at most twice as much below it.
const minBigBuffer = 32 << 10

// bigPool is a mem.BufferPool of buffers over minBigBuffer in power-of-two
// classes up to maxBigBuffer, which it does not clear: Get's caller
// overwrites the length it asked for. Larger buffers are not kept.
type bigPool struct{ classes [bigClasses]sync.Pool }

const (
	minBigShift  = 16 // the smallest class: 64 kB
	bigClasses   = 9  // up to 16 MB
	maxBigBuffer = 1 << (minBigShift + bigClasses - 1)
)

// LargeBuffers is the pool of buffers over 32 kB that the codec writes
// large messages into; the gateway takes the buffers of a REST answer
// from it too. It does not clear them: a caller of Get must overwrite all
// of the length it asked for before anything reads it.
var LargeBuffers mem.BufferPool = &bigPool{}

// class is the index of the smallest class that holds n bytes; bigClasses
// when none does.
func (p *bigPool) class(n int) int {
	if n <= 1<<minBigShift {
		return 0
	}
	return min(bits.Len(uint(n-1))-minBigShift, bigClasses)
}

func (p *bigPool) Get(size int) *[]byte {
	c := p.class(size)
	if c == bigClasses {
		b := make([]byte, size)
		return &b
	}
	if b, ok := p.classes[c].Get().(*[]byte); ok {
		*b = (*b)[:size]
		return b
	}
	b := make([]byte, size, 1<<(minBigShift+c))
	return &b
}

func (p *bigPool) Put(b *[]byte) {
	n := cap(*b)
	if n < 1<<minBigShift || n > maxBigBuffer || n&(n-1) != 0 {
		return
	}
	p.classes[p.class(n)].Put(b)
}

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
