package quotes_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
)

// "said after the meeting he would ...": the occasion after the cue is no
// content, the clause after it is.
func TestAdjunctClause(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.AdjunctClause = on }
	onlyWith(t, "Ms Varga said after the hearing she would not appeal the fine.\n", "appeal", "she would not", "Ms Varga", set)
	onlyWith(t, "The coach said during a visit to the club the squad would stay together.\n", "squad", "the squad", "The coach", set)
	// a figure after the occasion is no subject
	doc, _, qs := allQuotes(t, "The minister said after 2010 prices rose.\n", quotes.DefaultOptions)
	if q, ok := quoteWith(doc, qs, "rose"); ok && doc.Text[q.Content.Start:q.Content.End] == "prices rose" {
		t.Errorf("a year read as the subject's start: %v", qs)
	}
}

// "..., councillors said on Friday, as they met": what follows the comma
// after the time is not all that was said.
func TestTrailingAdjunct(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.TrailingAdjunct = on }
	onlyWith(t, "The closure will hurt the whole valley, local councillors said on Monday, as they met the owners.\n",
		"whole valley", "The closure", "local councillors", set)
}

// "said Friday afternoon, ...": the part of the day is time, not content;
// "said Friday morning traffic was slow": a noun after it owns it.
func TestDayPart(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.DayPart = on }
	onlyWith(t, "The closure will hurt the whole valley, local councillors said Tuesday evening, as they met the owners.\n",
		"whole valley", "The closure", "local councillors", set)
	doc, _, qs := allQuotes(t, "A shop owner said Thursday morning trade was slow.\n", quotes.DefaultOptions)
	if q, ok := quoteWith(doc, qs, "slow"); !ok || doc.Text[q.Content.Start:q.Content.End] != "morning trade was slow" {
		t.Errorf("the noun after the part of the day lost its modifier: %v", qs)
	}
}

// "While X said A, B did C": what was said ends with the fronted clause.
// The end model alone cuts some such contents (the second), not all.
func TestFrontedClause(t *testing.T) {
	for i, c := range []struct{ s, part, start string }{
		{"While several analysts predicted that the bank would raise rates in March, the timing of the move is still unclear to traders.\n", "raise rates", "that the bank"},
		{"While the union argued the offer was far too low for its members, the chairman of the board refused to raise it again.\n", "too low", "the offer"},
	} {
		for _, on := range []bool{true, false} {
			o := quotes.DefaultOptions
			o.FrontedClause = on
			doc, _, qs := allQuotes(t, c.s, o)
			q, ok := quoteWith(doc, qs, c.part)
			cut := ok && strings.HasPrefix(doc.Text[q.Content.Start:q.Content.End], c.start) && !strings.Contains(doc.Text[q.Content.Start:q.Content.End], ",")
			if on && !cut || !on && i == 0 && cut {
				t.Errorf("%q, rule on %v: quotes %v", c.s, on, qs)
			}
		}
	}
}

// "praised the plan and voted for it": the noun phrase after the cue is
// what was praised; the second predicate is not; a reported clause keeps
// its own coordination.
func TestNPCoordVerb(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.NPCoordVerb = on }
	for _, c := range []struct{ s, part, start string }{
		{"The trust listed several options for the old library in a long report and was keen not to name its own choice.\n", "options", "several options"},
		{"The singer wants a quiet life away from the cameras and is moving back to her home village next spring.\n", "quiet life", "a quiet life"},
	} {
		for _, on := range []bool{true, false} {
			o := quotes.DefaultOptions
			set(&o, on)
			doc, _, qs := allQuotes(t, c.s, o)
			q, ok := quoteWith(doc, qs, c.part)
			cut := ok && strings.HasPrefix(doc.Text[q.Content.Start:q.Content.End], c.start) && !strings.Contains(doc.Text[q.Content.Start:q.Content.End], " and ")
			if cut != on {
				t.Errorf("%q, rule on %v: quotes %v", c.s, on, qs)
			}
		}
	}
	doc, _, qs := allQuotes(t, "The mayor said the council cut the budget and closed two pools.\n", quotes.DefaultOptions)
	if q, ok := quoteWith(doc, qs, "budget"); !ok || !strings.HasSuffix(doc.Text[q.Content.Start:q.Content.End], "two pools") {
		t.Errorf("a reported clause lost its second verb: %v", qs)
	}
}

// "Farmers said A and grocers warned B": the second attribution ends the
// first content; "announced she and her partner are ..." is one clause
// (SubjectPronoun: the end model had cut it after "she").
func TestCoordAttribution(t *testing.T) {
	s := "Farmers said the dry spring had halved their crop of early potatoes and grocers warned that prices would rise.\n"
	for _, on := range []bool{true, false} {
		o := quotes.DefaultOptions
		o.CoordAttribution = on
		doc, _, qs := allQuotes(t, s, o)
		q, ok := quoteWith(doc, qs, "dry spring")
		cut := ok && strings.HasSuffix(doc.Text[q.Content.Start:q.Content.End], "early potatoes")
		if cut != on {
			t.Errorf("rule on %v: quotes %v", on, qs)
		}
	}
	doc, _, qs := allQuotes(t, "The singer announced she and her partner are expecting a second child in May.\n", quotes.DefaultOptions)
	if q, ok := quoteWith(doc, qs, "expecting"); !ok || !strings.HasPrefix(doc.Text[q.Content.Start:q.Content.End], "she and her partner") {
		t.Errorf("a coordinated subject was cut: %v", qs)
	}
}
