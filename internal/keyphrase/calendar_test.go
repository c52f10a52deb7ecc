package keyphrase

import (
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
)

// TestCalendarWords: a day that names what happens on it is part of the
// noun phrase ("Sunday trading laws", "Boxing Day sales", "Easter
// Sunday"), while a day that says when is not ("On Tuesday Acme said",
// "Monday morning", "the White House Friday said").
func TestCalendarWords(t *testing.T) {
	doc := nlptest.Tagged(t, `Shopkeepers in the valley want the Sunday trading laws changed before the winter.
The Boxing Day sales drew long queues at the outlet park, and Boxing Day is now the busiest day of the year.
On Tuesday Acme said the Monday morning deliveries would stop.
Church halls were full on Easter Sunday.
A spokesman for the White House Friday said the plan was dead.`)
	_, has := candidateTexts(t, doc)
	for _, want := range []string{"Sunday trading laws", "Boxing Day sales", "Boxing Day", "Easter Sunday"} {
		if !has[want] {
			t.Errorf("no candidate %q", want)
		}
	}
	for _, bad := range []string{"Tuesday Acme", "Monday morning", "Monday morning deliveries", "White House Friday", "Day sales"} {
		if has[bad] {
			t.Errorf("candidate %q", bad)
		}
	}
}
