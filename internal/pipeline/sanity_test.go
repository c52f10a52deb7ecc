package pipeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/sentiment"
)

// sportsReport is a match report written for this test.
const sportsReport = `Harbour City Rovers won the regional cup final on Saturday, beating Northgate United 3-1 in front of a record crowd of 41,000 at Riverside Park.

Rovers captain Elena Marsh scored twice in the second half and was named player of the match. "This is the best day of my career, and the fans were magnificent," Marsh said after the trophy presentation.

Northgate had taken the lead through a penalty in the 20th minute, but they lost their goalkeeper to an injury before half-time and never recovered.

Rovers coach Tomas Lind praised his players for their courage and their discipline. "They kept believing, and they deserved this win," he said.

Northgate coach Peter Quill said his side had been poor in defence and that the result was a bitter disappointment for the club.

The victory is the first cup title for Harbour City Rovers in eleven years. The team will play in the continental championship next season, which starts in August.

Thousands of supporters celebrated in the city centre until late on Saturday night, and the club said the players would parade the trophy through the streets on Sunday.`

// TestSportsReportSanity runs every analyser on a sports report and checks
// that the results make sense together, not only that they are present.
func TestSportsReportSanity(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	e := mustEngine(t, Config{})
	req := textReq(sportsReport)
	req.PublishTime = time.Date(2024, 5, 20, 9, 0, 0, 0, time.UTC) // a Monday
	res, err := e.Analyze(context.Background(), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Analysis
	if len(a.Notices) > 0 {
		t.Errorf("notices on an English article: %+v", a.Notices)
	}
	if a.Language == nil || a.Language.Code != "en" {
		t.Errorf("language %+v", a.Language)
	}
	if len(a.Categories) == 0 || a.Categories[0].Name != "sport" {
		t.Errorf("categories %+v, want sport first", a.Categories)
	}
	// the winner and its scorer are spoken of well; the article as a whole
	// is positive (read by the band the proto documents: above
	// sentiment.ClassBand positive)
	ent := func(name string) *Entity {
		for i := range a.Entities {
			if strings.Contains(a.Entities[i].Name, name) {
				return &a.Entities[i]
			}
		}
		t.Errorf("no entity %q among %d", name, len(a.Entities))
		return nil
	}
	for _, name := range []string{"Harbour City Rovers", "Elena Marsh"} {
		if e := ent(name); e != nil && (e.Sentiment == nil || e.Sentiment.Score <= sentiment.ClassBand) {
			t.Errorf("%s: sentiment %+v, want positive", name, e.Sentiment)
		}
	}
	if marsh := ent("Elena Marsh"); marsh != nil && marsh.Type != "PERSON" {
		t.Errorf("Elena Marsh is %s", marsh.Type)
	}
	if a.Sentiment == nil || a.Sentiment.Score <= sentiment.ClassBand {
		t.Errorf("article sentiment %+v, want positive", a.Sentiment)
	}
	// the summary: three sentences in article order, the first one the result
	if a.Summary == nil || len(a.Summary.Sentences) != DefaultSummarySentences {
		t.Fatalf("summary %+v", a.Summary)
	}
	for i, sp := range a.Summary.Sentences {
		if i > 0 && sp.Start <= a.Summary.Sentences[i-1].Start {
			t.Errorf("summary out of article order: %+v", a.Summary.Sentences)
		}
	}
	if first := a.Text[a.Summary.Sentences[0].Start:a.Summary.Sentences[0].End]; !strings.Contains(first, "won the regional cup final") {
		t.Errorf("summary starts with %q", first)
	}
	// "on Saturday" is the Saturday before the Monday of publication
	found := false
	for _, x := range a.TimeExpressions {
		if a.Text[x.Span.Start:x.Span.End] == "Saturday" && x.Value == "2024-05-18" {
			found = true
		}
	}
	if !found {
		t.Errorf("Saturday not resolved to 2024-05-18: %+v", a.TimeExpressions)
	}
	// quotes: Marsh's words are hers, the coach's "he said" is Lind's
	speakers := map[string]bool{}
	for _, q := range a.Quotes {
		if q.Speaker.EntityIndex >= 0 {
			speakers[a.Entities[q.Speaker.EntityIndex].Name] = true
		}
	}
	for _, who := range []string{"Elena Marsh", "Tomas Lind"} {
		if !speakers[who] {
			t.Errorf("no quote attributed to %s; speakers %v", who, speakers)
		}
	}
	if len(a.KeyPhrases) == 0 {
		t.Error("no key phrases")
	}
	if a.Statistics == nil || a.Statistics.Paragraphs != 7 || a.Statistics.Sentences != 10 || a.Statistics.Words < 180 || a.Statistics.Words > 200 {
		t.Errorf("statistics %+v", a.Statistics)
	}
}
