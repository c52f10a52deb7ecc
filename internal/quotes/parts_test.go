package quotes_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/text"
)

// TestParts: a direct quote split by its own attribution comes out as one
// quote whose parts are the two quotations, without "said the finance
// minister, Ana Ruiz" between them; a quote whose cue stands outside it
// has no parts, nor does a quotation that holds a "said" of its own.
func TestParts(t *testing.T) {
	for _, tc := range []struct {
		s, part string
		want    []string
	}{
		{"The budget was published on Monday.\n\n“Prices will fall next year,” said the finance minister, Ana Ruiz. “Wages will rise faster than they have in a decade.”\n",
			"Prices", []string{"“Prices will fall next year,”", "“Wages will rise faster than they have in a decade.”"}},
		{"\"The plant will stay open,\" the owners said in a note. \"No jobs will go this year.\"\n",
			"plant", []string{"\"The plant will stay open,\"", "\"No jobs will go this year.\""}},
		{"Ana Ruiz said the budget would cut taxes for most families.\n", "budget", nil},
		{"“He said he would come, and he came,” Ana Ruiz told reporters.\n", "came", nil},
	} {
		doc, _, qs := pipeline(t, tc.s)
		var got []string
		found := false
		for _, q := range qs {
			if !strings.Contains(doc.Text[q.Content.Start:q.Content.End], tc.part) {
				continue
			}
			found = true
			for _, p := range quotes.Parts(doc, q) {
				got = append(got, doc.Text[p.Start:p.End])
			}
		}
		if !found || strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: parts %q (quote found: %v); want %q", tc.s, got, found, tc.want)
			for _, q := range qs {
				t.Logf("  quote %q cue %q speaker %q", doc.Text[q.Content.Start:q.Content.End], span(doc, q.Cue), span(doc, q.Speaker))
			}
		}
	}
}

func span(doc *text.Document, s text.Span) string { return doc.Text[s.Start:s.End] }
