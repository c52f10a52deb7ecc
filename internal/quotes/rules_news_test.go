package quotes_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/text"
)

// allQuotes runs the real models and the extractor with o on s.
func allQuotes(t *testing.T, s string, o quotes.Options) (*text.Document, []entity.Entity, []quotes.Quote) {
	t.Helper()
	doc, ms := nlptest.Mentions(t, s)
	ents := entity.Resolve(doc, ms)
	return doc, ents, quotes.ExtractWith(doc, ents, o)
}

func newsOff() quotes.Options {
	o := quotes.DefaultOptions
	o.SeemCue, o.NestedFirstPerson, o.PronounSpeaker, o.ExpectedTime, o.ScheduledDiscuss = false, false, false, false, false
	o.RaisingSubject = false // it too leaves "X appears to ..." with no speaker
	return o
}

// newsRules returns the default options with the news rules on, or off.
func newsRules(on bool) quotes.Options {
	if on {
		return quotes.DefaultOptions
	}
	return newsOff()
}

// quoteWith returns the first quote whose content holds part.
func quoteWith(doc *text.Document, qs []quotes.Quote, part string) (quotes.Quote, bool) {
	for _, q := range qs {
		if strings.Contains(doc.Text[q.Content.Start:q.Content.End], part) {
			return q, true
		}
	}
	return quotes.Quote{}, false
}

// "X is widely expected next May" and "Y is discussing it next Monday"
// report no statement.
func TestNewsNoQuote(t *testing.T) {
	for _, c := range []struct{ s, part string }{
		{"Ministers fear strikes before the vote in Parliament, which is widely expected next June.\n", "June"},
		{"Farmers are angry and the growers' council is discussing the matter next Tuesday.\n", "matter"},
	} {
		doc, _, qs := allQuotes(t, c.s, quotes.DefaultOptions)
		if q, ok := quoteWith(doc, qs, c.part); ok {
			t.Errorf("%q: quote %q (cue %q)", c.s, doc.Text[q.Content.Start:q.Content.End], doc.Text[q.Cue.Start:q.Cue.End])
		}
	}
	// a statement after "is expected" stays
	s := "The bank is expected to say on Friday that profits rose.\n"
	doc, _, qs := allQuotes(t, s, quotes.DefaultOptions)
	if _, ok := quoteWith(doc, qs, "profits rose"); !ok {
		t.Errorf("%q: the reported clause is lost", s)
	}
}

// A lone "it" that no entity resolves takes the speaker of the quote
// before: a statement continued over quoted paragraphs.
func TestPronounSpeaker(t *testing.T) {
	s := "Bus fares will rise in spring. It is thought the plan is \"fair and overdue\" in the view of ministers. " +
		"In a letter on Monday, the Harbour Transport Authority said it was reviewing fares. " +
		"\"Passengers and their groups will of course be heard before any change is made. " +
		"\"No decision has been taken on the timetable, and none will be taken before the summer.\"\n"
	doc, ents, qs := allQuotes(t, s, quotes.DefaultOptions)
	q, ok := quoteWith(doc, qs, "Passengers and their")
	if !ok {
		t.Fatalf("%q: no quote %q", s, "Passengers and their")
	}
	if q.EntityIndex < 0 || !strings.Contains(ents[q.EntityIndex].Name, "Transport Authority") {
		t.Errorf("speaker %q (%q, entity %d), want the Harbour Transport Authority", doc.Text[q.Speaker.Start:q.Speaker.End], q.SpeakerName, q.EntityIndex)
	}
}

// An "I" inside quotation marks is the speaker of the marks, also when
// the text runs two quoted paragraphs together. (Since the marks of
// paragraphs run together are read as one quote, findQuoteMarks gets this
// one right without the rules too; the test keeps the rules from breaking
// it.)
func TestNestedFirstPerson(t *testing.T) {
	s := "The rowing squad met in Henley on Monday. Head coach Marta Lindqvist said: \"We looked at how the crews are moving and that was the main point. " +
		"\"The mood is calm and I don't think there is a lot of worry about the boat that people talk about.\"\n"
	for _, on := range []bool{false, true} {
		o := newsRules(on)
		doc, ents, qs := allQuotes(t, s, o)
		q, ok := quoteWith(doc, qs, "lot of worry")
		if !ok {
			t.Fatalf("%q: no quote holds %q", s, "lot of worry")
		}
		if q.EntityIndex < 0 || ents[q.EntityIndex].Name != "Marta Lindqvist" {
			t.Errorf("rules %v: speaker %q (%q, entity %d)", on, doc.Text[q.Speaker.Start:q.Speaker.End], q.SpeakerName, q.EntityIndex)
		}
	}
}

// A named thing that "appears" or "seems" is no speaker; a person who
// seems to say something still is.
func TestSeemCue(t *testing.T) {
	var (
		doc  *text.Document
		ents []entity.Entity
		qs   []quotes.Quote
	)
	s := "A place in the Champions League final appears to be beyond the club, and the manager wants to rebuild.\n"
	for _, on := range []bool{false, true} {
		o := newsRules(on)
		doc, _, qs := allQuotes(t, s, o)
		q, ok := quoteWith(doc, qs, "beyond the club")
		if !ok {
			t.Fatalf("%q: no quote holds %q", s, "beyond the club")
		}
		if spk := q.Speaker.End > q.Speaker.Start || q.EntityIndex >= 0; spk == on {
			t.Errorf("rules %v: speaker %q (%q, entity %d)", on, doc.Text[q.Speaker.Start:q.Speaker.End], q.SpeakerName, q.EntityIndex)
		}
	}
	// a party word names a person: "the Vermont Republican seemed ..."
	s = "Senator Ruth Adebayo spoke first. The Vermont Republican seems content with most of the budget cuts.\n"
	doc, _, qs = allQuotes(t, s, quotes.DefaultOptions)
	if q, ok := quoteWith(doc, qs, "budget cuts"); ok && q.Speaker.End <= q.Speaker.Start {
		t.Errorf("%q: the speaker was taken", s)
	}
	s = "Trade was quiet. Senator Ruth Adebayo appeared to suggest that the bill would pass.\n"
	doc, ents, qs = allQuotes(t, s, quotes.DefaultOptions)
	if q, ok := quoteWith(doc, qs, "bill would pass"); ok && (q.EntityIndex < 0 || ents[q.EntityIndex].Name != "Ruth Adebayo") {
		t.Errorf("%q: speaker %q (entity %d), want Ruth Adebayo", s, q.SpeakerName, q.EntityIndex)
	}
}
