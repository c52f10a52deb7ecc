package quotes_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
)

// "Asked about X, Y said ...", "Asked for comment, Y said ...": a
// sentence that opens with the participle "Asked" and a comma is no
// inverted "Said Ellis: ..."; the object of "asked" does not speak and
// what Y said stays Y's.
func TestInitialSaidAskedParticiple(t *testing.T) {
	for _, c := range []struct{ s, part, speaker string }{
		{"Asked for comment, a spokesman for the council said it would not discuss the case.\n", "discuss the case", "a spokesman for the council"},
		{"Asked about the new mayor, the bishop said: \"She is a fine choice.\"\n", "fine choice", "the bishop"},
		{"Asked about the harbour, Ms Lund told reporters the work would finish in May.\n", "finish in May", "Ms Lund"},
	} {
		doc, _, qs := allQuotes(t, c.s, quotes.DefaultOptions)
		q, ok := quoteWith(doc, qs, c.part)
		if !ok || doc.Text[q.Speaker.Start:q.Speaker.End] != c.speaker {
			t.Errorf("%q: no quote of %q by %q: %v", c.s, c.part, c.speaker, qs)
		}
	}
	// the object of a sentence-opening "Asked" is no speaker
	s := "Asked the same question, the farmer shrugged.\n"
	doc, _, qs := allQuotes(t, s, quotes.DefaultOptions)
	for _, q := range qs {
		if sp := doc.Text[q.Speaker.Start:q.Speaker.End]; sp == "the same question" {
			t.Errorf("%q: speaker %q", s, sp)
		}
	}
}
