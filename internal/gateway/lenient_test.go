package gateway

import (
	"strings"
	"testing"
	"time"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

func TestLenientPublishTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		err  bool
	}{
		{`{"article":{"text":"Hi.","publish_time":"2024-03-14"}}`, time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC), false},
		{`{"article":{"text":"Hi.","publishTime": "2024-03-14T09:30"}}`, time.Date(2024, 3, 14, 9, 30, 0, 0, time.UTC), false},
		{`{"article":{"publishTime":"2024-03-14 09:30:05.25","text":"Hi."}}`, time.Date(2024, 3, 14, 9, 30, 5, 250e6, time.UTC), false},
		{`{"article":{"text":"Hi.","publishTime":"2024-03-14T09:30:00+02:00"}}`, time.Date(2024, 3, 14, 7, 30, 0, 0, time.UTC), false},
		{`{"article":{"text":"Hi.","publishTime":"2024-03-14T09:30+02:00"}}`, time.Date(2024, 3, 14, 7, 30, 0, 0, time.UTC), false},
		{`{"article":{"text":"Hi.","publishTime":"2024-03-14 09:30Z"}}`, time.Date(2024, 3, 14, 9, 30, 0, 0, time.UTC), false},
		{`{"article":{"text":"Hi.","publishTime":"1961-04-12"}}`, time.Date(1961, 4, 12, 0, 0, 0, 0, time.UTC), false},
		{`{"article":{"text":"Hi.","publishTime":"2024-03-14T09:30+2"}}`, time.Time{}, true},
		{`{"article":{"text":"Hi.","publishTime":"14 March 2024"}}`, time.Time{}, true},
	}
	for _, tc := range tests {
		var req articlev1.AnalyzeArticleRequest
		err := marshaler.NewDecoder(strings.NewReader(tc.in)).Decode(&req)
		if (err != nil) != tc.err {
			t.Errorf("%s: err %v", tc.in, err)
			continue
		}
		if !tc.err && !req.GetArticle().GetPublishTime().AsTime().Equal(tc.want) {
			t.Errorf("%s: %v, want %v", tc.in, req.GetArticle().GetPublishTime().AsTime(), tc.want)
		}
	}
	// the words of an article are never rewritten
	in := `{"article":{"text":"He wrote \"publish_time\": \"2024-03-14\" in the form."}}`
	var req articlev1.AnalyzeArticleRequest
	if err := marshaler.NewDecoder(strings.NewReader(in)).Decode(&req); err != nil {
		t.Fatal(err)
	}
	if got := req.GetArticle().GetText(); got != `He wrote "publish_time": "2024-03-14" in the form.` {
		t.Errorf("text = %q", got)
	}
	// a number is refused as a Timestamp, whose error message lists the
	// forms publishTime takes, not as "unexpected token"
	for _, in := range []string{`{"article":{"text":"Hi.","publishTime":1710408600}}`, `{"article":{"publish_time": -1.5e3,"text":"Hi."}}`} {
		var req articlev1.AnalyzeArticleRequest
		err := marshaler.NewDecoder(strings.NewReader(in)).Decode(&req)
		if err == nil || !strings.Contains(malformedMessage(err.Error()), "publishTime takes RFC 3339") {
			t.Errorf("%s: err %v, want a Timestamp error", in, err)
		}
	}
	in = `{"article":{"text":"He wrote \"publishTime\": 17 in the form."}}`
	req.Reset()
	if err := marshaler.NewDecoder(strings.NewReader(in)).Decode(&req); err != nil || req.GetArticle().GetText() != `He wrote "publishTime": 17 in the form.` {
		t.Errorf("text = %q, %v", req.GetArticle().GetText(), err)
	}
	// a stream of requests still decodes one after the other
	d := marshaler.NewDecoder(strings.NewReader(`{"article":{"text":"A.","publishTime":"2024-01-02"}}` + "\n" + `{"article":{"text":"B."}}`))
	var a, b articlev1.AnalyzeArticleRequest
	if err := d.Decode(&a); err != nil {
		t.Fatal(err)
	}
	if err := d.Decode(&b); err != nil || b.GetArticle().GetText() != "B." || a.GetArticle().GetPublishTime() == nil {
		t.Errorf("stream: %v %v %v", err, &a, &b)
	}
}
