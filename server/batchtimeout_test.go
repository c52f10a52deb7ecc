package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// TestBatchServerTimeoutKeepsFinished: when the server's own time limit
// (--request-timeout, for calls that set no deadline) runs out on a batch,
// the caller is still waiting: the articles that were analysed keep their
// analyses and the one cut short carries DEADLINE_EXCEEDED, over gRPC and
// REST. The whole batch had failed with DEADLINE_EXCEEDED (REST 504), so
// one slow article lost the work done on the others.
func TestBatchServerTimeoutKeepsFinished(t *testing.T) {
	const limit = 500 * time.Millisecond
	ts := mustStart(t, func(c *Config) { c.RequestTimeout = limit })
	texts := []string{"The first article is quick.", "The second waits. " + slowMarker, "The third article is quick."}
	check := func(where string, ids []string, errs []*status.Status, analysed []bool) {
		t.Helper()
		if len(ids) != len(texts) {
			t.Fatalf("%s: %d results, want %d", where, len(ids), len(texts))
		}
		for i := range texts {
			switch {
			case ids[i] != string(rune('a'+i)):
				t.Errorf("%s: result %d has id %q", where, i, ids[i])
			case i == 1 && (errs[i].Code() != codes.DeadlineExceeded || reason(errs[i]) != "DEADLINE_EXCEEDED" || !strings.Contains(errs[i].Message(), "--request-timeout")):
				t.Errorf("%s: slow article: %v, want DEADLINE_EXCEEDED naming --request-timeout", where, errs[i])
			case i != 1 && (errs[i] != nil || !analysed[i]):
				t.Errorf("%s: article %d: %v, want an analysis", where, i, errs[i])
			}
		}
	}

	var reqs []*articlev1.AnalyzeArticleRequest
	for i, s := range texts {
		reqs = append(reqs, &articlev1.AnalyzeArticleRequest{Article: textArticle(string(rune('a'+i)), s)})
	}
	// no deadline of its own: the server's limit applies
	resp, err := ts.client.BatchAnalyzeArticles(context.Background(), &articlev1.BatchAnalyzeArticlesRequest{Requests: reqs})
	if err != nil {
		t.Fatalf("gRPC: the batch failed as a whole: %v", err)
	}
	var ids []string
	var errs []*status.Status
	var analysed []bool
	for _, r := range resp.GetResults() {
		ids, analysed = append(ids, r.GetArticleId()), append(analysed, r.GetAnalysis() != nil)
		var e *status.Status
		if r.GetError() != nil {
			e = status.FromProto(r.GetError())
		}
		errs = append(errs, e)
	}
	check("gRPC", ids, errs, analysed)

	body, _ := json.Marshal(map[string]any{"requests": []any{
		map[string]any{"article": map[string]string{"id": "a", "text": texts[0]}},
		map[string]any{"article": map[string]string{"id": "b", "text": texts[1]}},
		map[string]any{"article": map[string]string{"id": "c", "text": texts[2]}},
	}})
	hr := post(t, ts.base+"/v1/articles:batchAnalyze", string(body))
	var out struct {
		Results []struct {
			ArticleID string          `json:"articleId"`
			Analysis  json.RawMessage `json:"analysis"`
			Error     *errorBody      `json:"error"`
		}
	}
	if err := json.NewDecoder(hr.Body).Decode(&out); err != nil || hr.StatusCode != 200 {
		t.Fatalf("REST: %d %v, want 200 with the results", hr.StatusCode, err)
	}
	ids, errs, analysed = nil, nil, nil
	for _, r := range out.Results {
		ids, analysed = append(ids, r.ArticleID), append(analysed, r.Analysis != nil)
		var e *status.Status
		if r.Error != nil {
			e, _ = status.New(codes.Code(r.Error.Code), r.Error.Message).WithDetails(
				&errdetails.ErrorInfo{Reason: r.Error.reason(), Domain: "lector"})
		}
		errs = append(errs, e)
	}
	check("REST", ids, errs, analysed)
}
