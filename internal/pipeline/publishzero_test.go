package pipeline

import (
	"context"
	"testing"
	"time"
)

// TestPublishTimeZeroGiven: 0001-01-01T00:00:00Z is the zero time.Time; a
// caller who gives it (PublishTimeSet) has it kept in the metadata and
// anchoring the time expressions, where it had read as no publish time.
// Without the flag the zero time is still none.
func TestPublishTimeZeroGiven(t *testing.T) {
	var stages []Stage
	for _, s := range Stages() {
		switch s.Name {
		case "source", "text", "time_expressions":
			stages = append(stages, s)
		}
	}
	e := mustEngine(t, Config{Stages: stages})
	const text = "The council met yesterday and will meet again tomorrow."
	for _, tc := range []struct {
		name     string
		set      bool
		pub      bool
		values   []string
		anchored bool
	}{
		{"given", true, true, []string{"XXXX-XX-XX", "0001-01-02"}, true}, // yesterday is year 0: unresolved
		{"absent", false, false, []string{"XXXX-XX-XX", "XXXX-XX-XX"}, false},
	} {
		req := &Request{Source: SourceText, Content: text, LanguageHint: "en", PublishTimeSet: tc.set,
			Features: NewFeatureSet(FeatureTimeExpressions)}
		res, err := e.Analyze(context.Background(), req, nil)
		if err != nil {
			t.Fatal(err)
		}
		a := res.Analysis
		if pt, ok := a.Metadata.Published(); ok != tc.pub || ok && !pt.Equal(time.Time{}) {
			t.Errorf("%s: metadata publish time %v %v, want given=%v", tc.name, pt, ok, tc.pub)
		}
		if len(a.TimeExpressions) != len(tc.values) {
			t.Fatalf("%s: %+v", tc.name, a.TimeExpressions)
		}
		for i, x := range a.TimeExpressions {
			if x.Value != tc.values[i] || i == 1 && x.Anchored != tc.anchored {
				t.Errorf("%s: %q is %s anchored=%v, want %s", tc.name, text[x.Span.Start:x.Span.End], x.Value, x.Anchored, tc.values[i])
			}
		}
	}

	// an HTML page's own date gives way to the caller's 0001-01-01
	page := `<html><head><title>Council</title><meta property="article:published_time" content="2024-03-14T07:30:00Z"></head>` +
		`<body><article><p>` + text + ` The vote on the new budget was delayed again by the members.</p></article></body></html>`
	for _, set := range []bool{true, false} {
		req := &Request{Source: SourceHTML, Content: page, LanguageHint: "en", PublishTimeSet: set,
			Features: NewFeatureSet(FeatureTimeExpressions)}
		res, err := e.Analyze(context.Background(), req, nil)
		if err != nil {
			t.Fatal(err)
		}
		pt, ok := res.Analysis.Metadata.Published()
		if want := time.Date(2024, 3, 14, 7, 30, 0, 0, time.UTC); !ok || set && !pt.IsZero() || !set && !pt.Equal(want) {
			t.Errorf("html, caller's time given=%v: metadata publish time %v %v", set, pt, ok)
		}
	}
}
