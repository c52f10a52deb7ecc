package gateway

import (
	"context"
	"errors"
	"math"
	"strconv"
	"sync/atomic"
	"unsafe"

	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/service"
)

// The answer to a REST analyze call is not decoded into messages: the
// gateway's gRPC connection uses rawCodec, which keeps the received bytes
// of an AnalyzeArticleResponse as the message's unknown (raw) fields, and
// the marshaler writes its JSON straight from those bytes (appendWire),
// with the encoder of jsonenc.go formatting every value, so the JSON is
// the same bytes as that of the decoded message. Decoding the 2,500-odd
// messages of a 600-word analysis took about 6.5 % of the server's CPU
// under REST load. Bytes the transcoder does not take exactly as
// proto.Unmarshal would (fields out of declaration order, a singular
// field or two members of a oneof set twice, unknown field numbers, wrong
// wire types, invalid UTF-8) are decoded after all and written as before.

// rawCodec is the proto codec, except that it keeps an
// AnalyzeArticleResponse in wire format (see above). Other messages (the
// stream's, the batch's, errors) are decoded as usual.
type rawCodec struct{ encoding.CodecV2 }

func newRawCodec() rawCodec { return rawCodec{encoding.GetCodecV2("proto")} }

func (c rawCodec) Unmarshal(data mem.BufferSlice, v any) error {
	if m, ok := v.(*articlev1.AnalyzeArticleResponse); ok {
		proto.Reset(m)
		if n := data.Len(); n > 0 {
			// a copy (data is freed on return) into a pooled buffer, which
			// the call gives back once answered (pooledAnswer)
			b := getBuffer(n)
			data.CopyTo(b)
			m.ProtoReflect().SetUnknown(b)
		}
		return nil
	}
	return c.CodecV2.Unmarshal(data, v)
}

// pooledAnswer is an analyze answer that rawCodec kept in wire format, on
// its way from runtime's ForwardResponseMessage to the marshaler
// (rewriteAnswer puts it there): its JSON is written into a pooled buffer,
// and at the end of the call (withAccessLog, once the handler has
// written the JSON and returned) that buffer and the one of the wire
// bytes go back to service.LargeBuffers. A 600-word answer's 60 kB of wire
// bytes and 100 kB of JSON had been allocated anew for every call: more
// than half of the bytes a REST call allocated (BenchmarkTransport).
type pooledAnswer struct {
	msg  *articlev1.AnalyzeArticleResponse
	json []byte // the JSON, when written into a buffer of the pool
}

// rewriteAnswer is the gateway's runtime.ForwardResponseRewriter: it
// hands an answer that rawCodec kept undecoded to the marshaler as a
// pooledAnswer, which the call frees when it ends; any other message
// goes on as it is.
func rewriteAnswer(ctx context.Context, resp proto.Message) (any, error) {
	m, ok := resp.(*articlev1.AnalyzeArticleResponse)
	if !ok || rawResponse(m) == nil {
		return resp, nil
	}
	c, ok := ctx.Value(callKey).(*call)
	if !ok || c.answer != nil {
		return resp, nil
	}
	c.answer = &pooledAnswer{msg: m}
	return c.answer, nil
}

// marshalPooled writes the JSON of a.msg into a buffer of the pool when
// it can, as marshalRaw writes it.
func (f *fastJSON) marshalPooled(a *pooledAnswer) ([]byte, error) {
	raw := rawResponse(a.msg)
	if raw == nil || !f.fast() {
		return f.Marshal(a.msg)
	}
	mi := infoOf(a.msg.ProtoReflect().Descriptor())
	buf := getBuffer(mi.sizeHint())
	b, err := appendWire(buf[:0], raw, mi)
	if err != nil {
		putBuffer(buf)
		return f.marshalRaw(a.msg, raw) // decoded and written as before
	}
	mi.lastSize.Store(int64(len(b)))
	if len(b) > 0 && &b[0] == &buf[0] {
		a.json = b
	} else {
		putBuffer(buf) // outgrown: b is a buffer of its own
	}
	return b, nil
}

// getBuffer returns a buffer of n bytes, from service.LargeBuffers when n
// is over minPooled; its bytes are not cleared.
func getBuffer(n int) []byte {
	if n <= minPooled {
		return make([]byte, n)
	}
	return *service.LargeBuffers.Get(n)
}

// putBuffer gives a buffer of getBuffer back (those under minPooled and
// any others are dropped by the pool).
func putBuffer(b []byte) {
	if cap(b) > minPooled {
		b = b[:cap(b)]
		if poisonPut.Load() {
			clear(b) // tests: a buffer still in use shows it
		}
		service.LargeBuffers.Put(&b)
	}
}

// poisonPut makes putBuffer clear what it gives back (tests; atomic: a
// handler may give its buffers back after the test that set it has ended).
var poisonPut atomic.Bool

// minPooled is the size over which getBuffer takes a pooled buffer: a
// small answer would take a 64 kB one.
const minPooled = 32 << 10

// release gives the answer's buffers back to the pool; the call is over,
// so neither is read again.
func (a *pooledAnswer) release() {
	if a.json != nil {
		putBuffer(a.json)
		a.json = nil
	}
	if raw := a.msg.ProtoReflect().GetUnknown(); raw != nil {
		a.msg.ProtoReflect().SetUnknown(nil)
		putBuffer(raw)
	}
}

// rawResponse returns the wire bytes of an AnalyzeArticleResponse that
// rawCodec kept undecoded; nil for any other message.
func rawResponse(p proto.Message) []byte {
	m, ok := p.(*articlev1.AnalyzeArticleResponse)
	if !ok || m.Analysis != nil {
		return nil
	}
	return m.ProtoReflect().GetUnknown()
}

// marshalRaw writes the JSON of the message whose wire bytes raw holds,
// or decodes them and writes the decoded message when the transcoder
// cannot take them exactly.
func (f *fastJSON) marshalRaw(p proto.Message, raw []byte) ([]byte, error) {
	md := p.ProtoReflect().Descriptor()
	mi := infoOf(md)
	if b, err := appendWire(make([]byte, 0, mi.sizeHint()), raw, mi); err == nil {
		mi.lastSize.Store(int64(len(b)))
		return b, nil
	}
	d, err := decodeRaw(p, raw)
	if err != nil {
		return nil, err
	}
	return f.marshal(d)
}

// decodeRaw decodes the wire bytes kept in p into a new message.
func decodeRaw(p proto.Message, raw []byte) (proto.Message, error) {
	d := p.ProtoReflect().New().Interface()
	if err := proto.Unmarshal(raw, d); err != nil {
		return nil, err
	}
	return d, nil
}

var errWire = errors.New("gateway: wire bytes not transcoded")

// appendWire writes the JSON of the message of type mi encoded in raw, as
// appendMessage writes the decoded message: fields in declaration order,
// absent ones with presence left out, others at their default.
func appendWire(b []byte, raw []byte, mi *msgInfo) ([]byte, error) {
	b = append(b, '{')
	var oneofs uint64 // oneofs with a member written
	first := true
	num, typ, n := nextTag(raw)
	for i := range mi.fields {
		f := &mi.fields[i]
		if f.other {
			return b, errWire
		}
		present := num == f.num
		if f.presence && !present {
			continue
		}
		if f.oneof >= 0 && present {
			bit := uint64(1) << (f.oneof & 63)
			if f.oneof >= 64 || oneofs&bit != 0 {
				return b, errWire
			}
			oneofs |= bit
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, f.name...)
		var err error
		if f.list {
			b = append(b, '[')
			firstElem := true
			for num == f.num {
				if b, raw, err = appendWireList(b, raw, typ, n, f, &firstElem); err != nil {
					return b, err
				}
				num, typ, n = nextTag(raw)
			}
			b = append(b, ']')
			continue
		}
		if !present {
			if b, err = appendValue(b, f, f.fd.Default()); err != nil {
				return b, err
			}
			continue
		}
		if b, raw, err = appendWireValue(b, raw, typ, n, f); err != nil {
			return b, err
		}
		num, typ, n = nextTag(raw)
	}
	if len(raw) > 0 { // out of order, repeated singular, or unknown
		return b, errWire
	}
	return append(b, '}'), nil
}

// nextTag is the tag at the front of raw and its length; field number 0
// if there is none (raw is empty or does not start with a valid tag).
func nextTag(raw []byte) (protowire.Number, protowire.Type, int) {
	if len(raw) == 0 {
		return 0, 0, 0
	}
	if raw[0] < 0x80 { // a one-byte tag: fields 1 to 15
		return protowire.Number(raw[0] >> 3), protowire.Type(raw[0] & 7), 1
	}
	num, typ, n := protowire.ConsumeTag(raw)
	if n < 0 {
		return 0, 0, 0
	}
	return num, typ, n
}

// appendWireList writes the list elements of one occurrence of f (one
// element, or a packed run) at the front of raw, whose tag, of type typ,
// is n bytes long.
func appendWireList(b, raw []byte, typ protowire.Type, n int, f *jsonField, first *bool) ([]byte, []byte, error) {
	if typ == protowire.BytesType && f.packable {
		v, m := protowire.ConsumeBytes(raw[n:])
		if m < 0 {
			return b, raw, errWire
		}
		var err error
		for len(v) > 0 {
			if !*first {
				b = append(b, ',')
			}
			*first = false
			var k int
			if b, k, err = appendScalar(b, v, f.wireType, f); err != nil {
				return b, raw, err
			}
			v = v[k:]
		}
		return b, raw[n+m:], nil
	}
	if !*first {
		b = append(b, ',')
	}
	*first = false
	return appendWireValue(b, raw, typ, n, f)
}

// appendWireValue writes the value of the field whose tag, of type typ and
// n bytes long, is at the front of raw, and returns raw past it.
func appendWireValue(b, raw []byte, typ protowire.Type, n int, f *jsonField) ([]byte, []byte, error) {
	if typ != f.wireType {
		return b, raw, errWire
	}
	raw = raw[n:]
	if typ == protowire.BytesType {
		v, m := protowire.ConsumeBytes(raw)
		if m < 0 {
			return b, raw, errWire
		}
		var err error
		switch f.kind {
		case protoreflect.StringKind:
			var s string
			if len(v) > 0 {
				s = unsafe.String(&v[0], len(v))
			}
			b, err = appendString(b, s)
		case protoreflect.BytesKind:
			b, err = appendValue(b, f, protoreflect.ValueOfBytes(v))
		case protoreflect.MessageKind:
			switch {
			case f.sub == nil: // a well-known type: decode it
				b, err = appendWKT(b, v, f.fd.Message())
			case f.sub == tokenInfo:
				b, err = appendTokenWire(b, v)
			default:
				b, err = appendWire(b, v, f.sub)
			}
		default:
			err = errWire
		}
		if err != nil {
			return b, raw, errWire
		}
		return b, raw[m:], nil
	}
	b, m, err := appendScalar(b, raw, typ, f)
	if err != nil {
		return b, raw, err
	}
	return b, raw[m:], nil
}

// appendScalar writes the scalar of type typ at the front of v as
// appendValue writes the decoded field's value, and returns its length.
func appendScalar(b, v []byte, typ protowire.Type, f *jsonField) ([]byte, int, error) {
	switch typ {
	case protowire.VarintType:
		x, n := protowire.ConsumeVarint(v)
		if n < 0 {
			return b, 0, errWire
		}
		switch f.kind {
		case protoreflect.BoolKind:
			b = strconv.AppendBool(b, x != 0)
		case protoreflect.Int32Kind:
			b = strconv.AppendInt(b, int64(int32(x)), 10)
		case protoreflect.Sint32Kind:
			b = strconv.AppendInt(b, int64(int32(protowire.DecodeZigZag(x&math.MaxUint32))), 10)
		case protoreflect.Uint32Kind:
			b = strconv.AppendUint(b, uint64(uint32(x)), 10)
		case protoreflect.Int64Kind:
			b = append(strconv.AppendInt(append(b, '"'), int64(x), 10), '"')
		case protoreflect.Sint64Kind:
			b = append(strconv.AppendInt(append(b, '"'), protowire.DecodeZigZag(x), 10), '"')
		case protoreflect.Uint64Kind:
			b = append(strconv.AppendUint(append(b, '"'), x, 10), '"')
		case protoreflect.EnumKind:
			if e := int32(x); e >= 0 && int(e) < len(f.enumNames) && f.enumNames[e] != "" {
				b = append(b, f.enumNames[e]...)
				break
			}
			var err error
			if b, err = appendValue(b, f, protoreflect.ValueOfEnum(protoreflect.EnumNumber(int32(x)))); err != nil {
				return b, 0, errWire
			}
		default:
			return b, 0, errWire
		}
		return b, n, nil
	case protowire.Fixed32Type:
		x, n := protowire.ConsumeFixed32(v)
		if n < 0 {
			return b, 0, errWire
		}
		switch f.kind {
		case protoreflect.Fixed32Kind:
			b = strconv.AppendUint(b, uint64(x), 10)
		case protoreflect.Sfixed32Kind:
			b = strconv.AppendInt(b, int64(int32(x)), 10)
		case protoreflect.FloatKind:
			b = appendFloat(b, float64(math.Float32frombits(x)), 32)
		default:
			return b, 0, errWire
		}
		return b, n, nil
	case protowire.Fixed64Type:
		x, n := protowire.ConsumeFixed64(v)
		if n < 0 {
			return b, 0, errWire
		}
		switch f.kind {
		case protoreflect.Fixed64Kind:
			b = append(strconv.AppendUint(append(b, '"'), x, 10), '"')
		case protoreflect.Sfixed64Kind:
			b = append(strconv.AppendInt(append(b, '"'), int64(x), 10), '"')
		case protoreflect.DoubleKind:
			b = appendFloat(b, math.Float64frombits(x), 64)
		default:
			return b, 0, errWire
		}
		return b, n, nil
	}
	return b, 0, errWire
}

// appendWKT decodes a well-known type and writes it as appendMessage does.
func appendWKT(b, v []byte, md protoreflect.MessageDescriptor) ([]byte, error) {
	mt, err := protoregistry.GlobalTypes.FindMessageByName(md.FullName())
	if err != nil {
		return b, errWire
	}
	m := mt.New()
	if err := proto.Unmarshal(v, m.Interface()); err != nil || len(m.GetUnknown()) > 0 {
		return b, errWire
	}
	return appendMessage(b, m, nil)
}

func isPackable(k protoreflect.Kind) bool {
	switch k {
	case protoreflect.StringKind, protoreflect.BytesKind, protoreflect.MessageKind, protoreflect.GroupKind:
		return false
	}
	return true
}

// wireTypeOf is the wire type of an unpacked value of kind k.
func wireTypeOf(k protoreflect.Kind) protowire.Type {
	switch k {
	case protoreflect.Fixed32Kind, protoreflect.Sfixed32Kind, protoreflect.FloatKind:
		return protowire.Fixed32Type
	case protoreflect.Fixed64Kind, protoreflect.Sfixed64Kind, protoreflect.DoubleKind:
		return protowire.Fixed64Type
	case protoreflect.StringKind, protoreflect.BytesKind, protoreflect.MessageKind:
		return protowire.BytesType
	case protoreflect.GroupKind:
		return protowire.StartGroupType
	}
	return protowire.VarintType
}

// A token is most of an analysis's messages (about 700 of the 2,500 of a
// 600-word article, half its JSON), so the transcoder writes one whose
// bytes are as the server writes them (its text span, tag and lemma once
// each, in order; the span's content, begin and length likewise) in one
// pass, with the names and formatting of appendWire; any other bytes go
// to appendWire. tokenInfo and spanInfo are nil, and nothing takes this
// path, if article.v1 no longer has the fields it reads.
var tokenInfo, spanInfo = fastTokenInfo()

func fastTokenInfo() (*msgInfo, *msgInfo) {
	tok := infoOf((&articlev1.Token{}).ProtoReflect().Descriptor())
	span := infoOf((&articlev1.TextSpan{}).ProtoReflect().Descriptor())
	plain := func(f *jsonField, num protowire.Number, k protoreflect.Kind) bool {
		return f.num == num && f.kind == k && !f.list && !f.other && f.oneof < 0 && !f.presence
	}
	if tok == nil || span == nil || len(tok.fields) != 3 || len(span.fields) != 3 ||
		tok.fields[0].num != 1 || tok.fields[0].sub != span || !tok.fields[0].presence || tok.fields[0].list || tok.fields[0].oneof >= 0 ||
		!plain(&tok.fields[1], 2, protoreflect.StringKind) || !plain(&tok.fields[2], 3, protoreflect.StringKind) ||
		!plain(&span.fields[0], 1, protoreflect.StringKind) || !plain(&span.fields[1], 2, protoreflect.Int32Kind) ||
		!plain(&span.fields[2], 3, protoreflect.Int32Kind) {
		return nil, nil
	}
	return tok, span
}

// appendTokenWire writes the Token encoded in raw; when raw is not in the
// form described above it leaves it to appendWire.
func appendTokenWire(b, raw []byte) ([]byte, error) {
	in := raw
	var span, pos, lemma []byte
	hasSpan := false
	var ok bool
	if span, in, ok = consumeField(in, 1<<3|byte(protowire.BytesType)); ok {
		hasSpan = true
	}
	pos, in, _ = consumeField(in, 2<<3|byte(protowire.BytesType))
	lemma, in, _ = consumeField(in, 3<<3|byte(protowire.BytesType))
	if len(in) > 0 {
		return appendWire(b, raw, tokenInfo)
	}
	out := append(b, '{')
	var err error
	if hasSpan {
		out = append(out, tokenInfo.fields[0].name...)
		if out, ok = appendSpanWire(out, span); !ok {
			return appendWire(b, raw, tokenInfo)
		}
		out = append(out, ',')
	}
	out = append(out, tokenInfo.fields[1].name...)
	if out, err = appendString(out, bytesString(pos)); err != nil {
		return appendWire(b, raw, tokenInfo)
	}
	out = append(out, ',')
	out = append(out, tokenInfo.fields[2].name...)
	if out, err = appendString(out, bytesString(lemma)); err != nil {
		return appendWire(b, raw, tokenInfo)
	}
	return append(out, '}'), nil
}

// appendSpanWire writes the TextSpan encoded in raw, false when raw is not
// in the form described above.
func appendSpanWire(b, raw []byte) ([]byte, bool) {
	content, in, _ := consumeField(raw, 1<<3|byte(protowire.BytesType))
	var begin, length uint64
	for i, tag := range [2]byte{2<<3 | byte(protowire.VarintType), 3<<3 | byte(protowire.VarintType)} {
		if len(in) == 0 || in[0] != tag {
			continue
		}
		x, n := protowire.ConsumeVarint(in[1:])
		if n < 0 {
			return b, false
		}
		if i == 0 {
			begin = x
		} else {
			length = x
		}
		in = in[1+n:]
	}
	if len(in) > 0 {
		return b, false
	}
	b = append(b, '{')
	b = append(b, spanInfo.fields[0].name...)
	b, err := appendString(b, bytesString(content))
	if err != nil {
		return b, false
	}
	b = append(b, ',')
	b = append(b, spanInfo.fields[1].name...)
	b = strconv.AppendInt(b, int64(int32(begin)), 10)
	b = append(b, ',')
	b = append(b, spanInfo.fields[2].name...)
	b = strconv.AppendInt(b, int64(int32(length)), 10)
	return append(b, '}'), true
}

// consumeField returns the value of the length-delimited field whose
// one-byte tag is tag at the front of in, and in past it; nil, in and
// false when in does not start with that tag or its value is cut short.
func consumeField(in []byte, tag byte) ([]byte, []byte, bool) {
	if len(in) == 0 || in[0] != tag {
		return nil, in, false
	}
	v, n := protowire.ConsumeBytes(in[1:])
	if n < 0 {
		return nil, in, false
	}
	return v, in[1+n:], true
}

// bytesString is b as a string, without a copy (b is not changed while
// the string is read).
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
