package main

import (
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

// TestPlumbing sends one article of our own through the in-process server
// in each offset unit and checks that the spans map back to the text's
// bytes (the text has a two-byte, a three-byte and a four-byte character
// before the date) and that the publish time anchors "yesterday".
func TestPlumbing(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	const s = "Café owners in Zürich met on Tuesday — 🚢 ferries stopped yesterday, the mayor said."
	for _, enc := range []string{"utf8", "utf16", "utf32"} {
		c, stop, err := start(enc, false, 1)
		if err != nil {
			t.Fatal(err)
		}
		a := c.analyze(&articlev1.Article{Source: &articlev1.Article_Text{Text: s},
			PublishTime: timestamppb.New(time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC))}, 0)
		if a == nil {
			t.Fatalf("%s: %v", enc, c.firstErr.Load())
		}
		o := c.offsets(s)
		var found bool
		for _, x := range a.GetTimeExpressions() {
			sp := o.span(x.GetText())
			if s[sp.Start:sp.End] == "yesterday" {
				found = true
				if x.GetValue() != "2024-03-13" {
					t.Errorf("%s: yesterday = %s, want 2024-03-13", enc, x.GetValue())
				}
			}
		}
		if !found {
			t.Errorf("%s: no 'yesterday' among %v", enc, a.GetTimeExpressions())
		}
		if n := c.badOffsets.Load(); n != 0 {
			t.Errorf("%s: %d spans off their text", enc, n)
		}
		// a made-up span whose content is not at its offsets is counted
		if sp := o.span(&articlev1.TextSpan{Content: "ferries", BeginOffset: 0, Length: 7}); sp != (text.Span{}) || c.badOffsets.Load() != 1 {
			t.Errorf("%s: a wrong span was accepted", enc)
		}
		stop()
	}
	// the quote scorer: one annotation, found exactly, and a false alarm
	doc := text.Analyze("The mayor said the ferries would run again. Nobody asked the harbour master.")
	at := func(sub string) text.Span {
		i := strings.Index(doc.Text, sub)
		return text.Span{Start: i, End: i + len(sub)}
	}
	art := polnear.Article{Text: doc.Text, Attributions: []polnear.Attribution{{
		Content: []text.Span{at("the ferries would run again")}, Cue: []text.Span{at("said")}, Source: []text.Span{at("The mayor")}}}}
	var q quoteCounts
	q.add(doc, art, []quote{
		{content: at("the ferries would run again"), cue: at("said"), speaker: at("mayor")},
		{content: at("Nobody asked the harbour master")},
	})
	if q.gold != 1 || q.pred != 2 || q.exact != 1 || q.overlap != 1 || q.cueHit != 1 || q.cuePred != 1 || q.spkHit != 1 || q.spkTotal != 1 {
		t.Errorf("quote counts %+v", q)
	}
}
