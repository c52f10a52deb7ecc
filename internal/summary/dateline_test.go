package summary

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

// TestSentenceSpanDropsDateline: a dateline that opens an article's first
// sentence is left out of its summary span; the rest of the sentence and
// sentences without one keep their spans.
func TestSentenceSpanDropsDateline(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"LISBON, March 9 (Reuters) - Dock workers at the port began a strike on Monday. They want more pay.", "Dock workers at the port began a strike on Monday."},
		{"NEW YORK (Reuters) - Shares of the toy maker rose on Tuesday. Traders were calm.", "Shares of the toy maker rose on Tuesday."},
		{"Harbour fire\n\nMELVILLE, Ontario, May 3 — A fire closed the harbour on Friday. Nobody was hurt.", "A fire closed the harbour on Friday."},
		{"WASHINGTON (CNN) -- The governor said on Sunday she would sign the bill. Aides agreed.", "The governor said on Sunday she would sign the bill."},
		{"Oakridge — The council voted to close the pool. Swimmers protested.", "The council voted to close the pool."},
		// no dateline: a headline's topic before a hyphen, a dash inside the sentence
		{"SWIMMING - Local club wins relay title. The team trained for a year.", "SWIMMING - Local club wins relay title."},
		{"The mayor - who was re-elected in May - opened the bridge. It cost a lot.", "The mayor - who was re-elected in May - opened the bridge."},
	} {
		doc := text.Analyze(c.in)
		si := 0
		for si < len(doc.Sentences) && !strings.Contains(doc.Text[doc.Sentences[si].Start:doc.Sentences[si].End], c.want[:4]) {
			si++
		}
		if si == len(doc.Sentences) {
			t.Fatalf("%q: no sentence holds %q", c.in, c.want)
		}
		sp := SentenceSpan(doc, si)
		if got := doc.Text[sp.Start:sp.End]; got != c.want {
			t.Errorf("SentenceSpan(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
