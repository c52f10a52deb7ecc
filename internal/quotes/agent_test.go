package quotes_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
)

// "a spokesman for the firm said": the noun before "for" speaks, and a
// clause before the comma is what was said; "sources close to" and
// "people familiar with" head their speakers too.
func TestAgentPrep(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.AgentPrep = on }
	for _, c := range []struct{ s, part, start, speaker string }{
		{"The ferry will not sail before March, a spokeswoman for the harbour board said.\n", "will not sail", "The ferry", "a spokeswoman for the harbour board"},
		{"The mill will shed sixty jobs, lawyers for the owners said.\n", "sixty jobs", "The mill", "lawyers for the owners"},
		{"A spokesman for the bakery said the ovens would be replaced.\n", "ovens", "the ovens", "A spokesman for the bakery"},
		{"The vote was postponed, officials with the league said.\n", "postponed", "The vote", "officials with the league"},
		{"The merger talks have stalled, sources close to the brewery said.\n", "stalled", "The merger talks", "sources close to the brewery"},
		{"The chain will sell its stores, people familiar with the plan said.\n", "its stores", "The chain", "people familiar with the plan"},
		// a quotation before a name and its apposition without a closing comma
		{"\"We have shut the line for now,\" Ann Holt, a spokeswoman for the rail board said.\n", "shut the line", "\"We have", "Ann Holt, a spokeswoman for the rail board"},
	} {
		onlyWith(t, c.s, c.part, c.start, c.speaker, set)
	}
	// a noun that speaks for no one is no speaker's head
	s := "Analysts had long expected an offer for the brewery, the chairman said.\n"
	doc, _, qs := allQuotes(t, s, quotes.DefaultOptions)
	if q, ok := quoteWith(doc, qs, "expected"); !ok || doc.Text[q.Speaker.Start:q.Speaker.End] != "the chairman" {
		t.Errorf("%q: quotes %v, want the chairman's", s, qs)
	}
	// a place before the comma is no name of the speaker
	s = "Production will move to Detroit, a spokesman for the carmaker said.\n"
	doc, _, qs = allQuotes(t, s, quotes.DefaultOptions)
	if q, ok := quoteWith(doc, qs, "Production"); !ok || doc.Text[q.Speaker.Start:q.Speaker.End] != "a spokesman for the carmaker" {
		t.Errorf("%q: quotes %v, want the spokesman's", s, qs)
	}
}
