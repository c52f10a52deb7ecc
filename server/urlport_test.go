package main

import (
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// TestURLPortOutOfRange: a URL whose port is not a TCP port (0, or over
// 65535) is refused before any fetch with INVALID_URL naming the port; it
// was FETCH_FAILED "the site could not be reached" (FAILED_PRECONDITION),
// which blamed the site and told the caller nothing it could fix.
func TestURLPortOutOfRange(t *testing.T) {
	ts := mustStart(t, nil)
	ctx := ctxTimeout(t, 20*time.Second)
	for _, u := range []string{"http://example.com:99999/news", "https://example.com:0/news", "http://[2001:db8::1]:70000/"} {
		_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Url{Url: u}}})
		st := status.Convert(err)
		if st.Code() != codes.InvalidArgument || reason(st) != "INVALID_URL" || !strings.Contains(st.Message(), "port") {
			t.Errorf("%s: %v %q %q, want INVALID_ARGUMENT INVALID_URL about the port", u, st.Code(), reason(st), st.Message())
		}
	}
}
