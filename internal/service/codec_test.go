package service

import (
	"bytes"
	"fmt"
	"testing"

	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// tokensAnalysis is an analysis of n tokens, about 30 bytes each encoded.
func tokensAnalysis(n int) *articlev1.Analysis {
	a := &articlev1.Analysis{Language: &articlev1.Language{Code: "en", Confidence: 0.99}}
	for i := range n {
		w := fmt.Sprintf("word%d", i)
		a.Tokens = append(a.Tokens, &articlev1.Token{Text: &articlev1.TextSpan{Content: w, BeginOffset: int32(6 * i), Length: int32(len(w))},
			PartOfSpeech: "NOUN", Lemma: w})
	}
	return a
}

// TestCodecMarshal: the server codec writes the bytes proto.Marshal
// writes, for answers small and large (pooled buffers, reused in any
// order), decoded or in wire format as the Wire service makes them, and
// for a Wire answer that is nothing but its raw fields it sends those.
func TestCodecMarshal(t *testing.T) {
	c := Codec()
	var msgs []proto.Message
	for _, n := range []int{3, 1000, 2500, 9000, 2200, 40000, 1200} {
		a := tokensAnalysis(n)
		msgs = append(msgs, &articlev1.AnalyzeArticleResponse{Analysis: a})
		raw, err := proto.Marshal(&articlev1.AnalyzeArticleResponse{Analysis: a})
		if err != nil {
			t.Fatal(err)
		}
		wire := &articlev1.AnalyzeArticleResponse{}
		wire.ProtoReflect().SetUnknown(raw)
		msgs = append(msgs, wire)
		inner, err := proto.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		stream := &articlev1.AnalyzeArticlesResponse{ArticleId: "a", RequestIndex: int64(n)}
		stream.ProtoReflect().SetUnknown(append([]byte{byte(fStreamResultAnalysis<<3 | 2)}, appendLen(inner)...))
		msgs = append(msgs, stream)
	}
	for round := range 3 {
		for i, m := range msgs {
			want, err := proto.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.Marshal(m)
			if err != nil {
				t.Fatalf("message %d: %v", i, err)
			}
			if b := got.Materialize(); !bytes.Equal(b, want) {
				t.Errorf("round %d, message %d (%T, %d bytes): codec wrote %d bytes, not proto.Marshal's", round, i, m, len(want), len(b))
			}
			if r, ok := m.(*articlev1.AnalyzeArticleResponse); ok && r.Analysis == nil && len(got) == 1 &&
				&got[0].ReadOnlyData()[0] != &r.ProtoReflect().GetUnknown()[0] {
				t.Errorf("message %d: a Wire answer was copied", i)
			}
			got.Free()
		}
	}
}

// appendLen is the varint length of b, then b.
func appendLen(b []byte) []byte {
	var out []byte
	n := uint64(len(b))
	for n >= 0x80 {
		out = append(out, byte(n)|0x80)
		n >>= 7
	}
	return append(append(out, byte(n)), b...)
}

func TestBigPoolClasses(t *testing.T) {
	p := &bigPool{}
	for _, tt := range []struct{ size, cap int }{
		{32<<10 + 1, 64 << 10}, {64 << 10, 64 << 10}, {64<<10 + 1, 128 << 10}, {1 << 20, 1 << 20},
		{maxBigBuffer, maxBigBuffer}, {maxBigBuffer + 1, maxBigBuffer + 1},
	} {
		b := p.Get(tt.size)
		if len(*b) != tt.size || cap(*b) != tt.cap {
			t.Errorf("Get(%d): len %d cap %d, want cap %d", tt.size, len(*b), cap(*b), tt.cap)
		}
		p.Put(b)
	}
}
