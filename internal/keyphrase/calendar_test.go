package keyphrase

import (
	"strings"
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

// TestWeekdayAfterTimePreposition: a weekday after "on", "until", "last"
// ... says when, even before a noun ("the ferry board on Wednesday forecast
// higher fares"): a phrase opening with it is no key phrase.
func TestWeekdayAfterTimePreposition(t *testing.T) {
	doc, _, cands, ments := tagCandidates(t, `The ferry board on Wednesday forecast higher fares for islanders.
Mill owner Ada Brenner said on Friday acquisitions by her group would slow next year.
Shopkeepers in the valley want the Sunday trading laws changed.`)
	got := map[string]bool{}
	for i := range cands {
		got[strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")] = weekdayTime(doc, ments, &cands[i])
	}
	if v, ok := got["Sunday trading laws"]; !ok || v {
		t.Errorf("'Sunday trading laws' candidate %v, dropped %v", ok, v)
	}
	n := 0
	for _, bad := range []string{"Wednesday forecast", "Wednesday forecast higher fares", "Friday acquisitions"} {
		if v, ok := got[bad]; ok {
			n++
			if !v {
				t.Errorf("%q kept", bad)
			}
		}
	}
	if n == 0 {
		t.Fatalf("no weekday phrase among the candidates: %v", got)
	}
}
