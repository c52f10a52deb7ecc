package gateway

import (
	"encoding/base64"
	"errors"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// fastJSON is the gateway's marshaler: the output of runtime.JSONPb with
// protojson.MarshalOptions{EmitDefaultValues: true}, written by a direct
// walk of the message instead of protojson's general encoder, which sorts
// the fields of every message and allocates for each value. On a 600-word
// analysis (about 100 kB of JSON) it is several times faster and allocates
// a few times, not about 15,000 times. Messages it does not handle (maps,
// extensions, unknown fields) and non-proto values fall back to JSONPb;
// well-known types are written by protojson. TestFastJSONMatchesProtojson
// holds the two encoders to the same JSON.
type fastJSON struct {
	*runtime.JSONPb
}

// StreamContentType is the Content-Type of a server-streaming answer
// (runtime.StreamContentType): newline-delimited JSON, one message a line.
// It was application/json, which a client that parses the whole body as
// one JSON document fails on at the second line. Unary answers and errors
// keep application/json (ContentType).
func (m *fastJSON) StreamContentType(any) string { return ndjsonType }

// ndjsonType is the media type of newline-delimited JSON.
const ndjsonType = "application/x-ndjson"

// Marshal writes v as JSON.
func (m *fastJSON) Marshal(v any) ([]byte, error) {
	if a, ok := v.(*pooledAnswer); ok { // see rewriteAnswer
		return m.marshalPooled(a)
	}
	if p, ok := v.(proto.Message); ok {
		if raw := rawResponse(p); raw != nil { // kept undecoded by rawCodec
			if m.fast() {
				return m.marshalRaw(p, raw)
			}
			d, err := decodeRaw(p, raw)
			if err != nil {
				return nil, err
			}
			v = d
		}
	}
	return m.marshal(v)
}

// fast reports whether the options are those the fast encoder writes.
func (m *fastJSON) fast() bool {
	return !m.MarshalOptions.UseProtoNames && !m.MarshalOptions.EmitUnpopulated &&
		m.MarshalOptions.EmitDefaultValues && !m.MarshalOptions.UseEnumNumbers && m.MarshalOptions.Indent == "" && m.Indent == ""
}

// marshal writes v, a decoded message or another value, as JSON.
func (m *fastJSON) marshal(v any) ([]byte, error) {
	if p, ok := v.(proto.Message); ok && !m.MarshalOptions.UseProtoNames && !m.MarshalOptions.EmitUnpopulated &&
		m.MarshalOptions.EmitDefaultValues && !m.MarshalOptions.UseEnumNumbers && m.MarshalOptions.Indent == "" && m.Indent == "" {
		m := p.ProtoReflect()
		mi := infoOf(m.Descriptor())
		if b, err := appendMessage(make([]byte, 0, mi.sizeHint()), m, mi); err == nil {
			if mi != nil {
				mi.lastSize.Store(int64(len(b)))
			}
			return b, nil
		} else if !errors.Is(err, errFallback) {
			return nil, err
		}
	}
	return m.JSONPb.Marshal(v)
}

// errFallback reports a message the fast path leaves to protojson.
var errFallback = errors.New("gateway: not handled by the fast JSON encoder")

var errInvalidUTF8 = errors.New("gateway: string field contains invalid UTF-8")

// wkt writes the well-known types, which have special JSON forms.
var wkt = protojson.MarshalOptions{EmitDefaultValues: true}

// msgInfo is what the encoder needs of a message type; nil for the
// well-known types, which protojson writes.
type msgInfo struct {
	fields []jsonField
	// lastSize is the length of the JSON last written for a message of
	// this type at the top level: the next buffer starts about that big,
	// so a 100 kB analysis is not copied through a dozen growing buffers.
	lastSize atomic.Int64
}

// sizeHint is the capacity of the buffer for a top-level message: an
// eighth over the last one's JSON, from 4 kB to 1 MB (one very long
// article does not make every next buffer as big).
func (mi *msgInfo) sizeHint() int {
	if mi == nil {
		return 4096
	}
	n := mi.lastSize.Load()
	return int(max(4096, min(n+n/8, 1<<20)))
}

type jsonField struct {
	fd   protoreflect.FieldDescriptor
	name string // `"jsonName":`
	// presence: emitted only when set (oneof members, messages, optional)
	presence bool
	sub      *msgInfo // of a message field
	// What the wire transcoder (rawjson.go) asks of fd, read once.
	num      protowire.Number
	kind     protoreflect.Kind
	wireType protowire.Type // of one unpacked value
	list     bool
	packable bool // a list of scalars, which may come packed
	other    bool // a map or an extension: not transcoded
	oneof    int  // index of the containing oneof; -1 if none
	// enumNames[n] is the JSON of enum value n ("\"NAME\""), "" where n
	// has no value; nil for fields that are not enums, NullValue, or enums
	// with values over maxEnumTable.
	enumNames []string
}

// maxEnumTable bounds the enum numbers whose JSON names jsonField keeps in
// a table.
const maxEnumTable = 256

var (
	infoMu    sync.Mutex
	infos     = map[protoreflect.FullName]*msgInfo{} // under infoMu
	infoCache sync.Map                               // MessageDescriptor → *msgInfo, complete
)

// infoOf returns the info of a top-level message type, building the infos
// of the types it contains once.
func infoOf(md protoreflect.MessageDescriptor) *msgInfo {
	if v, ok := infoCache.Load(md); ok {
		return v.(*msgInfo)
	}
	infoMu.Lock()
	defer infoMu.Unlock()
	mi := buildInfo(md)
	infoCache.Store(md, mi)
	return mi
}

func buildInfo(md protoreflect.MessageDescriptor) *msgInfo {
	if strings.HasPrefix(string(md.FullName()), "google.protobuf.") {
		return nil
	}
	if mi, ok := infos[md.FullName()]; ok {
		return mi
	}
	mi := &msgInfo{}
	infos[md.FullName()] = mi // before the fields, for recursive types
	fds := md.Fields()
	fields := make([]jsonField, fds.Len())
	for i := range fields {
		fd := fds.Get(i)
		fields[i] = jsonField{fd: fd, name: strconv.Quote(fd.JSONName()) + ":",
			presence: fd.ContainingOneof() != nil || fd.HasPresence(),
			num:      fd.Number(), kind: fd.Kind(), wireType: wireTypeOf(fd.Kind()),
			list: fd.IsList(), packable: fd.IsList() && isPackable(fd.Kind()),
			other: fd.IsMap() || fd.IsExtension(), oneof: -1, enumNames: enumNames(fd)}
		if od := fd.ContainingOneof(); od != nil {
			fields[i].oneof = od.Index()
		}
		if fd.Message() != nil && !fd.IsMap() {
			fields[i].sub = buildInfo(fd.Message())
		}
	}
	mi.fields = fields
	return mi
}

// enumNames is the table of jsonField.enumNames for fd.
func enumNames(fd protoreflect.FieldDescriptor) []string {
	ed := fd.Enum()
	if ed == nil || ed.FullName() == "google.protobuf.NullValue" {
		return nil
	}
	vals := ed.Values()
	top := protoreflect.EnumNumber(-1)
	for i := range vals.Len() {
		n := vals.Get(i).Number()
		if n < 0 || n > maxEnumTable {
			return nil
		}
		top = max(top, n)
	}
	names := make([]string, top+1)
	for n := range names {
		if ev := vals.ByNumber(protoreflect.EnumNumber(n)); ev != nil {
			names[n] = `"` + string(ev.Name()) + `"`
		}
	}
	return names
}

func appendMessage(b []byte, m protoreflect.Message, mi *msgInfo) ([]byte, error) {
	if mi == nil { // a well-known type
		w, err := wkt.Marshal(m.Interface())
		if err != nil {
			return b, err
		}
		return append(b, w...), nil
	}
	if len(m.GetUnknown()) > 0 {
		return b, errFallback
	}
	b = append(b, '{')
	first := true
	for i := range mi.fields {
		f := &mi.fields[i]
		if f.presence && !m.Has(f.fd) {
			continue
		}
		if f.fd.IsMap() || f.fd.IsExtension() {
			return b, errFallback
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, f.name...)
		var err error
		if f.fd.IsList() {
			l := m.Get(f.fd).List()
			b = append(b, '[')
			for i := range l.Len() {
				if i > 0 {
					b = append(b, ',')
				}
				if b, err = appendValue(b, f, l.Get(i)); err != nil {
					return b, err
				}
			}
			b = append(b, ']')
			continue
		}
		if b, err = appendValue(b, f, m.Get(f.fd)); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

func appendValue(b []byte, f *jsonField, v protoreflect.Value) ([]byte, error) {
	fd := f.fd
	switch fd.Kind() {
	case protoreflect.BoolKind:
		return strconv.AppendBool(b, v.Bool()), nil
	case protoreflect.StringKind:
		return appendString(b, v.String())
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind:
		return strconv.AppendInt(b, v.Int(), 10), nil
	case protoreflect.Uint32Kind, protoreflect.Fixed32Kind:
		return strconv.AppendUint(b, v.Uint(), 10), nil
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
		b = append(b, '"')
		return append(strconv.AppendInt(b, v.Int(), 10), '"'), nil
	case protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		b = append(b, '"')
		return append(strconv.AppendUint(b, v.Uint(), 10), '"'), nil
	case protoreflect.FloatKind:
		return appendFloat(b, v.Float(), 32), nil
	case protoreflect.DoubleKind:
		return appendFloat(b, v.Float(), 64), nil
	case protoreflect.BytesKind:
		b = append(b, '"')
		return append(base64.StdEncoding.AppendEncode(b, v.Bytes()), '"'), nil
	case protoreflect.EnumKind:
		if fd.Enum().FullName() == "google.protobuf.NullValue" {
			return append(b, "null"...), nil
		}
		if ev := fd.Enum().Values().ByNumber(v.Enum()); ev != nil {
			b = append(b, '"')
			b = append(b, ev.Name()...)
			return append(b, '"'), nil
		}
		return strconv.AppendInt(b, int64(v.Enum()), 10), nil
	case protoreflect.MessageKind, protoreflect.GroupKind:
		return appendMessage(b, v.Message(), f.sub)
	}
	return b, errFallback
}

// appendString is protojson's string encoding (internal/encoding/json).
func appendString(out []byte, in string) ([]byte, error) {
	out = append(out, '"')
	i := indexNeedEscape(in)
	in, out = in[i:], append(out, in[:i]...)
	for len(in) > 0 {
		switch r, n := utf8.DecodeRuneInString(in); {
		case r == utf8.RuneError && n == 1:
			return out, errInvalidUTF8
		case r < ' ' || r == '"' || r == '\\':
			out = append(out, '\\')
			switch r {
			case '"', '\\':
				out = append(out, byte(r))
			case '\b':
				out = append(out, 'b')
			case '\f':
				out = append(out, 'f')
			case '\n':
				out = append(out, 'n')
			case '\r':
				out = append(out, 'r')
			case '\t':
				out = append(out, 't')
			default:
				out = append(out, 'u')
				out = append(out, "0000"[1+(bits.Len32(uint32(r))-1)/4:]...)
				out = strconv.AppendUint(out, uint64(r), 16)
			}
			in = in[n:]
		default:
			i := indexNeedEscape(in[n:])
			in, out = in[n+i:], append(out, in[:n+i]...)
		}
	}
	return append(out, '"'), nil
}

func indexNeedEscape(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == '\\' || c == '"' || c >= utf8.RuneSelf {
			if c >= utf8.RuneSelf {
				// multi-byte: only an invalid sequence needs the slow path
				for j, r := range s[i:] {
					if r < ' ' || r == '\\' || r == '"' || r == utf8.RuneError {
						return i + j
					}
				}
				return len(s)
			}
			return i
		}
	}
	return len(s)
}

// appendFloat is protojson's number encoding (internal/encoding/json).
func appendFloat(out []byte, n float64, bitSize int) []byte {
	switch {
	case math.IsNaN(n):
		return append(out, `"NaN"`...)
	case math.IsInf(n, +1):
		return append(out, `"Infinity"`...)
	case math.IsInf(n, -1):
		return append(out, `"-Infinity"`...)
	}
	format := byte('f')
	if abs := math.Abs(n); abs != 0 {
		if bitSize == 64 && (abs < 1e-6 || abs >= 1e21) ||
			bitSize == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	out = strconv.AppendFloat(out, n, format, -1, bitSize)
	if format == 'e' {
		n := len(out)
		if n >= 4 && out[n-4] == 'e' && out[n-3] == '-' && out[n-2] == '0' {
			out[n-2] = out[n-1]
			out = out[:n-1]
		}
	}
	return out
}
