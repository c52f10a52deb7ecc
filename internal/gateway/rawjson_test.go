package gateway

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/encoding"
	_ "google.golang.org/grpc/encoding/proto"
	"google.golang.org/grpc/mem"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/known/timestamppb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/service"
)

// viaRawCodec is what the gateway's connection makes of the wire bytes b.
func viaRawCodec(t testing.TB, b []byte) *articlev1.AnalyzeArticleResponse {
	t.Helper()
	m := &articlev1.AnalyzeArticleResponse{}
	if err := newRawCodec().Unmarshal(mem.BufferSlice{mem.SliceBuffer(bytes.Clone(b))}, m); err != nil {
		t.Fatal(err)
	}
	return m
}

// sameAsDecoded fails unless the JSON written from the wire bytes b is
// byte for byte the JSON of the decoded message (today's path), and, when
// direct, unless it was written without falling back to a decode.
func sameAsDecoded(t *testing.T, name string, b []byte, direct bool) {
	t.Helper()
	dec := &articlev1.AnalyzeArticleResponse{}
	if err := proto.Unmarshal(b, dec); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	want, err := marshaler.Marshal(dec)
	if err != nil {
		t.Fatalf("%s: decoded: %v", name, err)
	}
	raw := viaRawCodec(t, b)
	got, err := marshaler.Marshal(raw)
	if err != nil {
		t.Fatalf("%s: raw: %v", name, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: the JSON written from the wire differs from the decoded message's:\n wire %.3000s\n  dec %.3000s", name, got, want)
	}
	if direct && len(b) > 0 {
		mi := infoOf(raw.ProtoReflect().Descriptor())
		if _, err := appendWire(nil, b, mi); err != nil {
			t.Errorf("%s: the transcoder fell back: %v", name, err)
		}
	}
}

// populate sets every field of m reachable to depth with a value that is
// not the default (lists get two elements); in a oneof, member pick of
// its members (modulo their number).
func populate(m protoreflect.Message, depth, pick int) {
	fds := m.Descriptor().Fields()
	for i := range fds.Len() {
		fd := fds.Get(i)
		if od := fd.ContainingOneof(); od != nil && !od.IsSynthetic() && od.Fields().Get(pick%od.Fields().Len()) != fd {
			continue
		}
		if fd.IsMap() {
			continue
		}
		val := func(k int) (protoreflect.Value, bool) {
			switch fd.Kind() {
			case protoreflect.MessageKind:
				if depth == 0 || strings.HasPrefix(string(fd.Message().FullName()), "google.protobuf.Any") {
					return protoreflect.Value{}, false
				}
				sub := m.NewField(fd)
				if fd.IsList() {
					sub = m.Mutable(fd).List().NewElement()
				}
				if fd.Message().FullName() == "google.protobuf.Timestamp" {
					sub.Message().Set(sub.Message().Descriptor().Fields().ByName("seconds"), protoreflect.ValueOfInt64(1_790_000_000+int64(k)))
					sub.Message().Set(sub.Message().Descriptor().Fields().ByName("nanos"), protoreflect.ValueOfInt32(5000))
				} else if fd.Message().FullName() == "google.protobuf.Duration" {
					sub.Message().Set(sub.Message().Descriptor().Fields().ByName("seconds"), protoreflect.ValueOfInt64(3))
				} else if !strings.HasPrefix(string(fd.Message().FullName()), "google.") {
					populate(sub.Message(), depth-1, pick)
				}
				return sub, true
			case protoreflect.StringKind:
				return protoreflect.ValueOfString(fmt.Sprintf("%s <&> \"é\" \u2028 %d", fd.Name(), k)), true
			case protoreflect.BytesKind:
				return protoreflect.ValueOfBytes([]byte{0xff, byte(k)}), true
			case protoreflect.BoolKind:
				return protoreflect.ValueOfBool(true), true
			case protoreflect.EnumKind:
				vs := fd.Enum().Values()
				return protoreflect.ValueOfEnum(vs.Get(vs.Len() - 1).Number()), true
			case protoreflect.FloatKind:
				return protoreflect.ValueOfFloat32(float32(-1.5e-7) * float32(k+1)), true
			case protoreflect.DoubleKind:
				return protoreflect.ValueOfFloat64(0.1 + 0.2*float64(k+1)), true
			case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind:
				return protoreflect.ValueOfInt32(-7 - int32(k)), true
			case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind:
				return protoreflect.ValueOfInt64(-1 << 40), true
			case protoreflect.Uint32Kind, protoreflect.Fixed32Kind:
				return protoreflect.ValueOfUint32(4_000_000_000), true
			case protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
				return protoreflect.ValueOfUint64(1 << 60), true
			}
			return protoreflect.Value{}, false
		}
		if fd.IsList() {
			l := m.Mutable(fd).List()
			for k := range 2 {
				if v, ok := val(k); ok {
					l.Append(v)
				}
			}
			continue
		}
		if v, ok := val(0); ok {
			m.Set(fd, v)
		}
	}
}

// TestRawJSONEveryField: with every field of the analysis set (each
// member of each oneof in turn), the JSON written from the wire is the
// decoded message's, and it names every field: a field the transcoder
// dropped or renamed fails here.
func TestRawJSONEveryField(t *testing.T) {
	for pick := range 3 {
		m := &articlev1.AnalyzeArticleResponse{}
		populate(m.ProtoReflect(), 6, pick)
		b, err := proto.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		sameAsDecoded(t, fmt.Sprint("every field, oneof member ", pick), b, true)
		out, err := marshaler.Marshal(viaRawCodec(t, b))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(md protoreflect.MessageDescriptor, depth int)
		seen := map[protoreflect.FullName]bool{}
		walk = func(md protoreflect.MessageDescriptor, depth int) {
			if seen[md.FullName()] || strings.HasPrefix(string(md.FullName()), "google.") || depth == 0 {
				return
			}
			seen[md.FullName()] = true
			for i := range md.Fields().Len() {
				fd := md.Fields().Get(i)
				if od := fd.ContainingOneof(); od != nil && !od.IsSynthetic() {
					continue
				}
				if !bytes.Contains(out, []byte(`"`+fd.JSONName()+`":`)) {
					t.Errorf("%s.%s (%q) is not in the JSON", md.FullName(), fd.Name(), fd.JSONName())
				}
				if fd.Message() != nil {
					walk(fd.Message(), depth-1)
				}
			}
		}
		walk(m.ProtoReflect().Descriptor(), 6)
	}
	// the same through a transcoder that loses a field must differ
	m := &articlev1.AnalyzeArticleResponse{}
	populate(m.ProtoReflect(), 6, 0)
	b, _ := proto.Marshal(m)
	mi := infoOf(m.ProtoReflect().Descriptor())
	good, err := appendWire(nil, b, mi)
	if err != nil {
		t.Fatal(err)
	}
	an := mi.fields[0].sub
	saved := an.fields[0].name
	an.fields[0].name = `"renamed":`
	bad, _ := appendWire(nil, b, mi)
	an.fields[0].name = saved
	if bytes.Equal(good, bad) {
		t.Error("renaming a field does not change the JSON")
	}
}

// TestRawJSONEdgeValues: edge values, and bytes the transcoder must leave
// to a decode (same JSON or the same error as the decoded path).
func TestRawJSONEdgeValues(t *testing.T) {
	zero := int32(0)
	ts := &articlev1.TextSpan{Content: "a\u0000b \x01 é 中 😀", BeginOffset: 0, Length: 0}
	msgs := map[string]*articlev1.AnalyzeArticleResponse{
		"empty analysis": {Analysis: &articlev1.Analysis{}},
		"edge": {Analysis: &articlev1.Analysis{
			Metadata:   &articlev1.Metadata{Authors: []string{"", "A"}, PublishTime: timestamppb.New(time.Date(2026, 3, 4, 9, 0, 0, 5, time.UTC))},
			Language:   &articlev1.Language{Code: "en", Confidence: math.Copysign(0, -1)},
			Sentiment:  &articlev1.Sentiment{Score: math.Inf(-1), Magnitude: 1e21},
			Statistics: &articlev1.Statistics{Words: math.MaxInt32, Readability: math.NaN()},
			Entities:   []*articlev1.Entity{{Name: "X", Type: articlev1.EntityType(999), Salience: math.Inf(1), Mentions: []*articlev1.EntityMention{{Text: ts}, {}}}},
			Quotes:     []*articlev1.Quote{{Content: ts, Speaker: &articlev1.Speaker{EntityIndex: &zero}}, {Speaker: &articlev1.Speaker{}}},
			Categories: []*articlev1.Category{{}},
		}},
	}
	for name, m := range msgs {
		b, err := proto.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		sameAsDecoded(t, name, b, true)
	}
	a := func(m *articlev1.Analysis) []byte {
		b, err := proto.Marshal(&articlev1.AnalyzeArticleResponse{Analysis: m})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// proto.Unmarshal merges a repeated singular message and keeps the
	// last scalar; fields may come in any order
	twice := append(a(&articlev1.Analysis{Text: "one", Language: &articlev1.Language{Code: "en"}}),
		a(&articlev1.Analysis{Text: "two", Language: &articlev1.Language{Confidence: 0.5}})...)
	sameAsDecoded(t, "analysis twice", twice, false)
	inner, _ := proto.Marshal(&articlev1.Analysis{Text: "t"})
	lang, _ := proto.Marshal(&articlev1.Analysis{Language: &articlev1.Language{Code: "fr"}})
	reversed := protowire.AppendTag(nil, 1, protowire.BytesType)
	reversed = protowire.AppendBytes(reversed, append(lang, inner...))
	sameAsDecoded(t, "fields out of order", reversed, false)
	unknown := protowire.AppendTag(nil, 1, protowire.BytesType)
	unknown = protowire.AppendBytes(unknown, protowire.AppendVarint(protowire.AppendTag(bytes.Clone(inner), 999, protowire.VarintType), 1))
	sameAsDecoded(t, "unknown field", unknown, false)
	if _, err := appendWire(nil, unknown, infoOf((&articlev1.AnalyzeArticleResponse{}).ProtoReflect().Descriptor())); err == nil {
		t.Error("an unknown field number was transcoded")
	}

	// invalid UTF-8: an error, as the decode gives, not JSON
	bad := protowire.AppendTag(nil, 1, protowire.BytesType)
	bad = protowire.AppendBytes(bad, protowire.AppendString(protowire.AppendTag(nil, 1, protowire.BytesType), "ok \xff"))
	if out, err := marshaler.Marshal(viaRawCodec(t, bad)); err == nil {
		t.Errorf("invalid UTF-8 written: %s", out)
	}
	// truncated bytes: an error
	if out, err := marshaler.Marshal(viaRawCodec(t, twice[:len(twice)-3])); err == nil {
		t.Errorf("truncated bytes written: %s", out)
	}
}

// realServer serves svc.Wire() over gRPC on a Pipe and the gateway in
// front of it, as server.go does, and returns the gateway's URL.
func realServer(t testing.TB, svc *service.Service) string {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	pipe := NewPipe(lis.Addr())
	gs := grpc.NewServer()
	articlev1.RegisterArticleAnalysisServiceServer(gs, svc.Wire())
	go gs.Serve(pipe)
	go gs.Serve(lis)
	gw, err := New(context.Background(), Config{GRPCAddr: lis.Addr().String(),
		Dialer: func(ctx context.Context, _ string) (net.Conn, error) { return pipe.Dial(ctx, nil) }})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(gw)
	t.Cleanup(func() { hs.Close(); gw.Close(); gs.Stop() })
	return hs.URL
}

var (
	engineOnce sync.Once
	engine     *pipeline.Engine
	engineErr  error
)

func testService(t testing.TB) *service.Service {
	engineOnce.Do(func() { engine, engineErr = pipeline.New(pipeline.Config{}) })
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return service.New(service.Config{Engine: engine})
}

// TestRawJSONRealServer: through the real gRPC server (wire answers) and
// gateway, the REST answers for the 150-, 600- and 3,000-word articles in
// both encodings are byte for byte the JSON of the decoded answer (what
// the gateway wrote before), taken from the same server over gRPC; the
// streams (NDJSON and SSE), still decoded, carry the same analysis.
func TestRawJSONRealServer(t *testing.T) {
	svc := testService(t)
	url := realServer(t, svc)
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gs := grpc.NewServer()
	articlev1.RegisterArticleAnalysisServiceServer(gs, svc.Wire())
	go gs.Serve(lis)
	defer gs.Stop()
	cc, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer cc.Close()
	client := articlev1.NewArticleAnalysisServiceClient(cc)

	for _, words := range []int{150, 600, 3000} {
		text, err := os.ReadFile(fmt.Sprintf("../pipeline/testdata/bench_%d.txt", words))
		if err != nil {
			t.Fatal(err)
		}
		for _, enc := range []articlev1.EncodingType{articlev1.EncodingType_ENCODING_TYPE_UTF8, articlev1.EncodingType_ENCODING_TYPE_UTF16} {
			name := fmt.Sprintf("%d words %s", words, enc)
			req := &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Text{Text: string(text)},
				PublishTime: timestamppb.New(time.Date(2026, 9, 18, 0, 0, 0, 0, time.UTC))}, EncodingType: enc}
			resp, err := client.AnalyzeArticle(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			want, err := marshaler.Marshal(resp)
			if err != nil {
				t.Fatal(err)
			}
			body, err := marshaler.Marshal(req)
			if err != nil {
				t.Fatal(err)
			}
			got := post(t, url+"/v1/articles:analyze", body, "")
			if !bytes.Equal(got, want) {
				t.Fatalf("%s: REST answer differs from the decoded answer's JSON:\n got %.2000s\nwant %.2000s", name, got, want)
			}
			b, _ := proto.Marshal(resp)
			sameAsDecoded(t, name, b, true)

			// NDJSON stream and SSE: the analysis parts match the unary one
			sreq, _ := marshaler.Marshal(&articlev1.StreamAnalyzeArticleRequest{Article: req.Article, EncodingType: enc})
			var unary struct {
				Analysis map[string]json.RawMessage `json:"analysis"`
			}
			if err := json.Unmarshal(want, &unary); err != nil {
				t.Fatal(err)
			}
			nd := post(t, url+"/v1/articles:streamAnalyze", sreq, "")
			sse := post(t, url+"/v1/articles:streamAnalyze", sreq, "text/event-stream")
			for kind, out := range map[string][]byte{"ndjson": nd, "sse": sse} {
				parts := 0
				sc := bufio.NewScanner(bytes.NewReader(out))
				sc.Buffer(nil, 16<<20)
				for sc.Scan() {
					line := sc.Bytes()
					if kind == "sse" {
						var ok bool
						if line, ok = bytes.CutPrefix(line, []byte("data: ")); !ok {
							continue
						}
						line = append([]byte(`{"result":`), append(line, '}')...)
					}
					var msg struct {
						Result map[string]json.RawMessage `json:"result"`
					}
					if err := json.Unmarshal(line, &msg); err != nil {
						t.Fatalf("%s %s: %v: %.300s", name, kind, err, line)
					}
					if e, ok := msg.Result["error"]; ok {
						t.Fatalf("%s %s: error %s", name, kind, e)
					}
					for k, v := range msg.Result {
						if k == "completion" {
							continue
						}
						parts++
						if k == "language" && !jsonEqual(v, unary.Analysis["language"]) {
							t.Errorf("%s %s: language %s, unary %s", name, kind, v, unary.Analysis["language"])
						}
					}
				}
				if parts < 5 {
					t.Errorf("%s %s: %d parts: %.500s", name, kind, parts, out)
				}
			}
		}
	}
}

func jsonEqual(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return fmt.Sprint(x) == fmt.Sprint(y)
}

func post(t testing.TB, url string, body []byte, accept string) []byte {
	t.Helper()
	r, err := http.NewRequest("POST", url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/json")
	if accept != "" {
		r.Header.Set("Accept", accept)
	}
	resp, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", url, resp.StatusCode, out)
	}
	return out
}

// BenchmarkJSONWire: the REST answer's path from the gRPC bytes of a
// 600-word analysis to JSON: "decode" is proto.Unmarshal then the fast
// encoder (before), "wire" is rawCodec then the transcoder (now).
func BenchmarkJSONWire(b *testing.B) {
	text, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Fatal(err)
	}
	resp, err := testService(b).AnalyzeArticle(context.Background(),
		&articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Text{Text: string(text)}}})
	if err != nil {
		b.Fatal(err)
	}
	wire, err := proto.Marshal(resp)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			m := &articlev1.AnalyzeArticleResponse{}
			if err := encodingProto.Unmarshal(mem.BufferSlice{mem.SliceBuffer(wire)}, m); err != nil {
				b.Fatal(err)
			}
			out, err := marshaler.Marshal(m)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(out)))
		}
	})
	b.Run("wire", func(b *testing.B) {
		b.ReportAllocs()
		c := newRawCodec()
		defer reportCPU(b)()
		for b.Loop() {
			m := &articlev1.AnalyzeArticleResponse{}
			if err := c.Unmarshal(mem.BufferSlice{mem.SliceBuffer(wire)}, m); err != nil {
				b.Fatal(err)
			}
			out, err := marshaler.Marshal(m)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(out)))
		}
	})
}

var encodingProto = encoding.GetCodecV2("proto")

// reportCPU reports the process's CPU time per op (garbage collection
// included), less noisy than wall time on a busy machine: defer
// reportCPU(b)() before the loop.
func reportCPU(b *testing.B) func() {
	t0 := cputime.Process()
	return func() {
		b.ReportMetric(float64((cputime.Process()-t0).Microseconds())/float64(b.N), "cpu-us/op")
	}
}

// TestRawJSONPooledConcurrent: REST answers written from pooled buffers
// (pooledAnswer) stay each call's own when calls of different sizes run
// at once and reuse each other's buffers: every answer is byte for byte
// the JSON of its decoded gRPC answer. A buffer given back before its
// answer was written (cleared as it goes back, in this test), or taken by
// two calls, spoils them.
func TestRawJSONPooledConcurrent(t *testing.T) {
	poisonPut.Store(true)
	defer poisonPut.Store(false)
	svc := testService(t)
	url := realServer(t, svc)
	ctx := context.Background()
	var bodies, wants [][]byte
	for _, words := range []int{150, 600, 3000} {
		text, err := os.ReadFile(fmt.Sprintf("../pipeline/testdata/bench_%d.txt", words))
		if err != nil {
			t.Fatal(err)
		}
		req := &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Text{Text: string(text)}}}
		resp, err := svc.AnalyzeArticle(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		want, err := marshaler.Marshal(resp)
		if err != nil {
			t.Fatal(err)
		}
		body, err := marshaler.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		bodies, wants = append(bodies, body), append(wants, want)
	}
	if len(wants[1]) <= minPooled || len(wants[1]) >= len(wants[2]) {
		t.Fatalf("answers of %d, %d, %d bytes: the test wants two pooled ones of different sizes", len(wants[0]), len(wants[1]), len(wants[2]))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 9 {
				k := (g + i*(g+1)) % 3
				got := post(t, url+"/v1/articles:analyze", bodies[k], "")
				if !bytes.Equal(got, wants[k]) {
					t.Errorf("caller %d, call %d (article %d): %d bytes, want the %d of its decoded answer", g, i, k, len(got), len(wants[k]))
				}
			}
		})
	}
	wg.Wait()
}

// TestRawJSONTokenForms: tokens in every form the bytes may take, in the
// one-pass path (appendTokenWire) and out of it, give the JSON of the
// decoded token; bytes proto.Unmarshal refuses fail.
func TestRawJSONTokenForms(t *testing.T) {
	if tokenInfo == nil {
		t.Fatal("the one-pass token path is off: article.v1.Token or TextSpan changed")
	}
	str := func(num protowire.Number, s string) []byte {
		return protowire.AppendString(protowire.AppendTag(nil, num, protowire.BytesType), s)
	}
	vint := func(num protowire.Number, v uint64) []byte {
		return protowire.AppendVarint(protowire.AppendTag(nil, num, protowire.VarintType), v)
	}
	msg := func(num protowire.Number, parts ...[]byte) []byte {
		return protowire.AppendBytes(protowire.AppendTag(nil, num, protowire.BytesType), bytes.Join(parts, nil))
	}
	neg := uint64(math.MaxUint64) // -1 as an int32 varint
	span := msg(1, str(1, "Año"), vint(2, 300), vint(3, 4))
	forms := map[string][]byte{
		"whole":                msg(6, span, str(2, "NOUN"), str(3, "año")),
		"no span":              msg(6, str(2, "NOUN"), str(3, "x")),
		"span only":            msg(6, span),
		"empty":                msg(6),
		"empty span":           msg(6, msg(1), str(2, "X")),
		"span without content": msg(6, msg(1, vint(2, 5), vint(3, 0)), str(3, "y")),
		"negative begin":       msg(6, msg(1, str(1, "a"), vint(2, neg), vint(3, 1))),
		"empty strings":        msg(6, msg(1, str(1, "")), str(2, ""), str(3, "")),
		"escapes":              msg(6, msg(1, str(1, "\"q\"\\\t")), str(2, "<&>"), str(3, "\u2028é")),
		"lemma twice":          msg(6, span, str(3, "a"), str(3, "b")),
		"out of order":         msg(6, str(3, "a"), str(2, "b")),
		"span fields reversed": msg(6, msg(1, vint(3, 2), vint(2, 1), str(1, "ab"))),
		"begin twice":          msg(6, msg(1, str(1, "a"), vint(2, 1), vint(2, 2))),
		"unknown field":        msg(6, span, str(9, "z")),
		"wrong wire type":      msg(6, msg(1, str(1, "a"), str(2, "b"))),
		"two tokens":           append(msg(6, span, str(2, "A")), msg(6, str(2, "B"))...),
	}
	for name, tokens := range forms {
		sameAsDecoded(t, name, msg(1, tokens), false)
	}
	for name, tokens := range map[string][]byte{
		"bad UTF-8 lemma":   msg(6, span, str(3, "\xff")),
		"bad UTF-8 content": msg(6, msg(1, str(1, "a\xc3"))),
		"cut varint":        msg(6, msg(1, str(1, "a"), []byte{2 << 3, 0x80})),
	} {
		if out, err := marshaler.Marshal(viaRawCodec(t, msg(1, tokens))); err == nil {
			t.Errorf("%s: written: %.200s", name, out)
		}
	}
}
