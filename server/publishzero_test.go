package main

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// TestPublishTimeYearOne: publish_time 0001-01-01T00:00:00Z, the first
// time a google.protobuf.Timestamp holds, is the zero time.Time in Go; it
// had been dropped as "no publish time" (not echoed in the metadata, not
// anchoring "tomorrow"). Over gRPC and REST it is now echoed and anchors
// the time expressions, while a request without publish_time still has
// none and leaves them unanchored. "yesterday" would be in the year 0000,
// which no TIMEX3 value holds: it stays unresolved.
func TestPublishTimeYearOne(t *testing.T) {
	ts := startServerWith(t, false, nil, func(st []pipeline.Stage) []pipeline.Stage {
		for _, s := range pipeline.Stages() {
			if s.Name == "time_expressions" {
				st = append(st, s)
			}
		}
		return st
	})
	ctx := ctxTimeout(t, 20*time.Second)
	const text = "The council met yesterday and will meet again tomorrow."
	yearOne := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)

	for _, given := range []bool{true, false} {
		a := &articlev1.Article{Source: &articlev1.Article_Text{Text: text}, LanguageCode: "en"}
		if given {
			a.PublishTime = timestamppb.New(yearOne)
		}
		resp, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: a,
			Features: []articlev1.Feature{articlev1.Feature_FEATURE_TIME_EXPRESSIONS}})
		if err != nil {
			t.Fatal(err)
		}
		an := resp.GetAnalysis()
		pt := an.GetMetadata().GetPublishTime()
		if given && (pt == nil || !pt.AsTime().Equal(yearOne)) || !given && pt != nil {
			t.Errorf("gRPC, publish_time given=%v: metadata.publish_time %v", given, pt)
		}
		want := map[string]string{"yesterday": "XXXX-XX-XX", "tomorrow": "XXXX-XX-XX"}
		if given {
			want["tomorrow"] = "0001-01-02"
		}
		got := map[string]string{}
		for _, x := range an.GetTimeExpressions() {
			got[x.GetText().GetContent()] = x.GetValue()
			if x.GetText().GetContent() == "tomorrow" && x.GetAnchored() != given {
				t.Errorf("gRPC, publish_time given=%v: tomorrow anchored=%v", given, x.GetAnchored())
			}
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("gRPC, publish_time given=%v: %q is %q, want %q (all: %v)", given, k, got[k], v, got)
			}
		}
	}

	resp := post(t, ts.base+"/v1/articles:analyze", `{"article":{"text":"`+text+`","languageCode":"en","publishTime":"0001-01-01T00:00:00Z"},"features":["FEATURE_TIME_EXPRESSIONS"]}`)
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("REST: %d %s", resp.StatusCode, body)
	}
	var out struct {
		Analysis struct {
			Metadata struct {
				PublishTime string `json:"publishTime"`
			} `json:"metadata"`
			TimeExpressions []struct {
				Text     struct{ Content string } `json:"text"`
				Value    string                   `json:"value"`
				Anchored bool                     `json:"anchored"`
			} `json:"timeExpressions"`
		} `json:"analysis"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("REST: %v: %s", err, body)
	}
	if out.Analysis.Metadata.PublishTime != "0001-01-01T00:00:00Z" {
		t.Errorf("REST: metadata.publishTime %q: %s", out.Analysis.Metadata.PublishTime, body)
	}
	found := false
	for _, x := range out.Analysis.TimeExpressions {
		if x.Text.Content == "tomorrow" {
			found = true
			if x.Value != "0001-01-02" || !x.Anchored {
				t.Errorf("REST: tomorrow is %q anchored=%v: %s", x.Value, x.Anchored, body)
			}
		}
	}
	if !found {
		t.Errorf("REST: no tomorrow: %s", body)
	}
}
