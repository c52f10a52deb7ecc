package pipeline

import (
	"context"
	"strings"
	"testing"
)

// TestDoubledCurlyQuoteKeepsQuotes checks that a closing double quotation
// mark typed as two typographic apostrophes (‘‘...’’) does not open a
// straight quote that swallows the rest of the paragraph: read as the
// ASCII apostrophe twice (text commit d27159b), it hid the next
// sentence's quote.
func TestDoubledCurlyQuoteKeepsQuotes(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	e := mustEngine(t, Config{})
	s := "The mayor called the plan ‘‘a waste of money’’ on Monday. Officials in the city said the budget had been approved by the council last year."
	res, err := e.Analyze(context.Background(), textReq(s, FeatureQuotes), nil)
	if err != nil {
		t.Fatal(err)
	}
	end := strings.Index(s, " Officials")
	found := false
	for _, q := range res.Analysis.Quotes {
		if q.Speaker.Name == "Officials in the city" {
			found = true
		}
		if c := q.Content; c.Start < end && c.End > end {
			t.Errorf("quote %q runs over the sentence end", s[c.Start:c.End])
		}
	}
	if !found {
		t.Errorf("no quote of the officials: %+v", res.Analysis.Quotes)
	}
}
