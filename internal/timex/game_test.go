package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/text"
)

// TestGameHalves: in a match report a half or a quarter without a year is
// the game's, no date; in a company report it is the calendar's.
func TestGameHalves(t *testing.T) {
	anchor := time.Date(2005, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text, span, want string
	}{
		{"Rovers were poor in the first half but their striker scored twice after half-time to seal the win.", "the first half", ""},
		{"The visitors led at the break, and a second-half penalty from the captain settled it. The goalkeeper was booed.", "second-half", ""},
		{"Harbour Foods said its sales grew by a tenth in the first half and expects a stronger second half.", "the first half", "2005-H1"},
	} {
		doc := text.Analyze(tc.text)
		got := ""
		for _, e := range ExtractAt(doc, anchor, true) {
			if doc.Text[e.Span.Start:e.Span.End] == tc.span {
				got = e.Value
			}
		}
		if got != tc.want {
			t.Errorf("%q: %q = %q, want %q", tc.text, tc.span, got, tc.want)
		}
	}
}

// TestAwardYear: "the year" naming an award ("album of the year") is no
// date; "by the end of the year" and "the first goal of the year" are.
func TestAwardYear(t *testing.T) {
	anchor := time.Date(2005, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text, want string
	}{
		{"The band's second record was voted album of the year by the critics' guild.", ""},
		{"She was voted player of the year by her team-mates.", ""},
		{"Our depot shuts by the end of the year, the owners said.", "2005"},
		{"He scored the first goal of the year on Saturday.", "2005"},
	} {
		doc := text.Analyze(tc.text)
		got := ""
		for _, e := range ExtractAt(doc, anchor, true) {
			if doc.Text[e.Span.Start:e.Span.End] == "the year" || strings.HasSuffix(doc.Text[e.Span.Start:e.Span.End], "of the year") {
				got = e.Value
			}
		}
		if got != tc.want {
			t.Errorf("%q: the year = %q, want %q", tc.text, got, tc.want)
		}
	}
}
