package quotes_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/quotes"
)

// TestSingleQuotationMarks: quotations in single marks, the British style
// (curly or straight), are direct quotes with their speakers, as double
// ones are; a plural possessive ("the players’ union") does not close
// them, and single marks inside a double quotation stay part of it.
func TestSingleQuotationMarks(t *testing.T) {
	for _, c := range []struct {
		s, content, speaker string // speaker "" is no entity
		kind                quotes.Kind
	}{
		{"Coach Helen Marsh was calm before the final. ‘We will win on Saturday,’ she said.\n",
			"‘We will win on Saturday,’", "Helen Marsh", quotes.Direct},
		{"Coach Helen Marsh was calm before the final. 'We will win on Saturday,' she said.\n",
			"'We will win on Saturday,'", "Helen Marsh", quotes.Direct},
		{"Union leader Tom Reddy spoke after the vote. ‘The players’ union will not accept the offer,’ he said.\n",
			"‘The players’ union will not accept the offer,’", "Tom Reddy", quotes.Direct},
		{"‘The minister has misled the house for months,’ said opposition leader Ann Cole.\n",
			"‘The minister has misled the house for months,’", "Ann Cole", quotes.Direct},
		// the British style puts the full stop inside: the quote ends the paragraph
		{"Finance minister Raj Patel defended the budget on Monday.\n\nHe said: ‘These cuts are painful but they are necessary.’\n",
			"‘These cuts are painful but they are necessary.’", "Raj Patel", quotes.Direct},
		// a quotation over two paragraphs, each opening with a mark and
		// only the last closing: one quote, as with double marks
		{"Mayor Lin Cho spoke at the opening of the new library.\n\n‘This building belongs to every family in the city. It took ten years to build.\n\n‘We will keep it open seven days a week,’ she said.\n",
			"‘This building belongs to every family in the city. It took ten years to build.\n\n‘We will keep it open seven days a week,’", "Lin Cho", quotes.Direct},
		// a double quotation inside a single one is part of it
		{"Nurse Kay Dunn described the night shift. ‘A patient shouted “help me” and nobody came,’ she said.\n",
			"‘A patient shouted “help me” and nobody came,’", "Kay Dunn", quotes.Direct},
		// a quote within a quote stays inside the outer one
		{"“They told us ‘the money is gone’ and left,” said farmer Joe Brand.\n",
			"“They told us ‘the money is gone’ and left,”", "Joe Brand", quotes.Direct},
	} {
		doc, ms := nlptest.Mentions(t, c.s)
		ents := entity.Resolve(doc, ms)
		qs := quotes.Extract(doc, ents)
		found := false
		var got []string
		for _, q := range qs {
			content := doc.Text[q.Content.Start:q.Content.End]
			got = append(got, content)
			if content != c.content {
				continue
			}
			found = true
			if q.Kind != c.kind {
				t.Errorf("%q: kind %v, want %v", c.s, q.Kind, c.kind)
			}
			name := ""
			if q.EntityIndex >= 0 {
				name = ents[q.EntityIndex].Name
			}
			if name != c.speaker {
				t.Errorf("%q: speaker %q (%q), want entity %q", c.s, name, q.SpeakerName, c.speaker)
			}
		}
		if !found {
			t.Errorf("%q: no quote %q; quotes: %s", c.s, c.content, strings.Join(got, " | "))
		}
	}
	// in the American style (double quotations outnumber the single
	// ones) a single pair stays text, as a quote within a quote or scare
	// quotes are read
	s := "“We are ready,” said coach Dan Ortiz. “The team trained all week,” he added. Critics called the plan ‘a reckless gamble for the club,’ the paper said.\n"
	doc, ms := nlptest.Mentions(t, s)
	for _, q := range quotes.Extract(doc, entity.Resolve(doc, ms)) {
		if c := doc.Text[q.Content.Start:q.Content.End]; strings.Contains(c, "‘") && q.Kind != quotes.Indirect {
			t.Errorf("American style: %v quote %q", q.Kind, c)
		}
	}
}

// TestNamingCueKind: "described X as “Y”" keeps "X “Y”" as its content
// (PolNeAR marks it so), so the quote is mixed, not direct: it was
// labelled DIRECT while its content ran past the quotation.
func TestNamingCueKind(t *testing.T) {
	for _, s := range []string{
		"The coach was furious after the match, describing the tactic as “cheating” in front of the cameras.\n",
		"The coach was furious after the match, describing the tactic as ‘cheating’ in front of the cameras.\n",
	} {
		doc, _, qs := allQuotes(t, s, quotes.DefaultOptions)
		for _, q := range qs {
			content := doc.Text[q.Content.Start:q.Content.End]
			if q.Kind == quotes.Direct && !strings.HasPrefix(content, "“") && !strings.HasPrefix(content, "‘") {
				t.Errorf("%q: DIRECT quote %q", s, content)
			}
		}
	}
}
