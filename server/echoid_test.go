package main

import (
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// TestEchoedIDValidUTF8: an article id that is not valid UTF-8 fails its
// own item with INVALID_UTF8, and the id the result echoes is valid UTF-8
// (the bad bytes as U+FFFD). The raw bytes were echoed, and a proto3 string
// field with invalid UTF-8 fails to parse in most clients (Python's and
// C++'s protobuf raise DecodeError for the whole message): on the
// bidirectional stream that ended the caller's stream, and the results of
// the other articles on it were lost; in a batch the whole answer was lost.
func TestEchoedIDValidUTF8(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 20*time.Second)
	ids := []string{"good-1", "bad-\xff\xfe-id", "good-2"}
	want := []string{"good-1", "bad-\uFFFD-id", "good-2"}
	check := func(where string, i int, id string, e *status.Status) {
		t.Helper()
		if !utf8.ValidString(id) || id != want[i] {
			t.Errorf("%s: result %d echoes the id %q, want %q (valid UTF-8)", where, i, id, want[i])
		}
		if bad := i == 1; bad != (e != nil) || bad && (e.Code() != codes.InvalidArgument || reason(e) != "INVALID_UTF8") {
			t.Errorf("%s: result %d: %v", where, i, e)
		}
	}

	stream, err := ts.client.AnalyzeArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if err := stream.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle(id, "The council met on Monday.")}); err != nil {
			t.Fatal(err)
		}
	}
	stream.CloseSend()
	n := 0
	for ; ; n++ {
		r, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		var e *status.Status
		if r.GetError() != nil {
			e = status.FromProto(r.GetError())
		}
		check("stream", int(r.GetRequestIndex()), r.GetArticleId(), e)
	}
	if n != len(ids) {
		t.Errorf("stream: %d results, want %d", n, len(ids))
	}

	var reqs []*articlev1.AnalyzeArticleRequest
	for _, id := range ids {
		reqs = append(reqs, &articlev1.AnalyzeArticleRequest{Article: textArticle(id, "The council met on Monday.")})
	}
	resp, err := ts.client.BatchAnalyzeArticles(ctx, &articlev1.BatchAnalyzeArticlesRequest{Requests: reqs})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range resp.GetResults() {
		var e *status.Status
		if r.GetError() != nil {
			e = status.FromProto(r.GetError())
		}
		check("batch", i, r.GetArticleId(), e)
	}
}

// TestPublishTimeOutOfRange: a publish_time outside what google.protobuf.
// Timestamp allows (years 1 to 9999, nanos 0 to 999,999,999), which only
// gRPC can send, is refused with a message that says what is wrong with it
// and the valid range; it said only "is not a valid time".
func TestPublishTimeOutOfRange(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 20*time.Second)
	for _, tc := range []struct {
		name string
		pt   *timestamppb.Timestamp
		says []string
	}{
		{"after 9999", &timestamppb.Timestamp{Seconds: 1 << 40}, []string{"after 9999-12-31", "0001-01-01"}},
		{"before year 1", &timestamppb.Timestamp{Seconds: -1 << 40}, []string{"before 0001-01-01", "9999-12-31"}},
		{"negative nanos", &timestamppb.Timestamp{Seconds: 1, Nanos: -1}, []string{"nanos", "999999999"}},
	} {
		a := textArticle("", "The council met on Monday.")
		a.PublishTime = tc.pt
		_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: a})
		st := status.Convert(err)
		if st.Code() != codes.InvalidArgument || reason(st) != "INVALID_PUBLISH_TIME" || !strings.Contains(st.Message(), "article.publish_time") {
			t.Errorf("%s: %v %q %q, want INVALID_ARGUMENT INVALID_PUBLISH_TIME", tc.name, st.Code(), reason(st), st.Message())
			continue
		}
		for _, s := range tc.says {
			if !strings.Contains(st.Message(), s) {
				t.Errorf("%s: message %q does not say %q", tc.name, st.Message(), s)
			}
		}
	}
}
