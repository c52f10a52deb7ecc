package quotes_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/text"
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

// "Since March the firm has said A, B and C": a fronted phrase with no
// comma before the subject of the cue holds no clause the cue lies in, so
// the clauses after the content's commas are still said.
func TestFrontedPhraseNoClause(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.FrontedClause = on }
	for _, s := range []string{
		"Since March the bakery has said sales fell, prices rose and two shops were closed.\n",
		"After the vote the chairman said turnout was low, the count was slow and results would come on Friday.\n",
		"With characteristic bluntness he said costs were rising, wages were flat and the mill was in trouble.\n",
	} {
		for _, on := range []bool{true, false} {
			o := quotes.DefaultOptions
			set(&o, on)
			doc, _, qs := allQuotes(t, s, o)
			if _, ok := quoteWith(doc, qs, " and "); !ok {
				t.Errorf("%q, FrontedClause %v: the content lost its last clauses: %v", s, on, qs)
			}
		}
	}
	// a fronted clause that holds the cue still ends at its comma
	doc, _, qs := allQuotes(t, "While the mayor said the budget was balanced, auditors found a hole of five million.\n", quotes.DefaultOptions)
	if _, ok := quoteWith(doc, qs, "auditors"); ok {
		t.Errorf("the main clause read as said: %v", qs)
	}
}

// "Police said cars and parked vans were damaged": a participle the
// tagger read as a past tense before a noun and its verb is an
// adjective, no second predicate of the subject; the reported clause
// keeps it.
func TestNPCoordVerbAdjective(t *testing.T) {
	for _, c := range []struct{ s, content string }{
		{"Police said cars and parked vans were damaged.\n", "cars and parked vans were damaged"},
		{"The survey said wages and skilled labour costs rose.\n", "wages and skilled labour costs rose"},
	} {
		doc, _, qs := allQuotes(t, c.s, quotes.DefaultOptions)
		if q, ok := quoteWith(doc, qs, c.content[:4]); !ok || doc.Text[q.Content.Start:q.Content.End] != c.content {
			t.Errorf("%q: content is not %q: %v", c.s, c.content, qs)
		}
	}
}

// "a person familiar with the matter said", "a source close to the
// firm said": a singular noun of people heads the speaker as the plural
// does.
func TestAgentPrepSingular(t *testing.T) {
	for _, c := range []struct{ s, speaker string }{
		{"A person familiar with the matter said the sale was near.\n", "A person familiar with the matter"},
		{"A source close to the bakery said the sale was near.\n", "A source close to the bakery"},
	} {
		doc, _, qs := allQuotes(t, c.s, quotes.DefaultOptions)
		if q, ok := quoteWith(doc, qs, "sale"); !ok || doc.Text[q.Speaker.Start:q.Speaker.End] != c.speaker {
			t.Errorf("%q: speaker is not %q: %v", c.s, c.speaker, qs)
		}
	}
}

// "Doctors treating the victims said": the object of a participle inside
// the subject does not speak, the participle's subject does.
func TestPrepObjectParticipleObject(t *testing.T) {
	onlyWith(t, "Doctors treating the injured climbers said most would recover.\n", "recover", "most", "Doctors",
		func(o *quotes.Options, on bool) { o.PrepObject = on })
}

// "A source close to Acme said": the speaker is the source, not the
// company it is close to; the quote names no entity.
func TestCloseToEntity(t *testing.T) {
	for _, s := range []string{
		"A source close to Harland Mills said the sale would close soon.\n",
		"People familiar with Ann Varga's plans said she would resign.\n",
	} {
		doc, ents, qs := allQuotes(t, s, quotes.DefaultOptions)
		q, ok := quoteWith(doc, qs, "would")
		if !ok {
			t.Errorf("%q: no quote: %v", s, qs)
			continue
		}
		if q.EntityIndex >= 0 {
			t.Errorf("%q: speaker %q resolved to %q", s, doc.Text[q.Speaker.Start:q.Speaker.End], ents[q.EntityIndex].Name)
		}
	}
}

// "While A said B, some investors, including pension funds, were
// selling": the main clause's subject with an aside between commas still
// ends the fronted clause's content.
func TestFrontedClauseAside(t *testing.T) {
	s := "While the auditors said the accounts were sound, several lenders, including two small banks, were cutting their loans.\n"
	doc, _, qs := allQuotes(t, s, quotes.DefaultOptions)
	if q, ok := quoteWith(doc, qs, "accounts"); !ok || doc.Text[q.Content.Start:q.Content.End] != "the accounts were sound" {
		t.Errorf("%q: the content runs into the main clause: %v", s, qs)
	}
}

// Every word prefix of sentences the session-17 rules read (a cue at the
// last token of the text, "Said" or "Asked" with nothing after it, a
// fronted clause cut short), and each in capitals, extracts without a panic and with spans
// inside the text.
func TestRules17Prefixes(t *testing.T) {
	for _, s := range []string{
		`Said Ellis: "We will win this race."`,
		"Asked about the plan, the minister said it was a good idea.",
		"While the mayor said the budget was balanced, auditors, including two banks, found a hole.",
		"Since March the bakery has said sales fell, prices rose and two shops were closed.",
		"The pier is unsafe, officials said on Friday evening, as the tide rose.",
		"The minister said after the meeting with the union he would not back the plan.",
		"A person familiar with the matter said cars and parked vans were damaged.",
		"Doctors treating the victims said one Republican, even suggesting a delay, began by saying no.",
		"Farmers said prices were falling and grocers warned of shortages.",
		"They announced she and her partner are expecting a baby.",
		"But some note that a union advert in 2008 questioned the plan.",
		`"We are ready," Ann Holt, a spokeswoman for the board said.`,
	} {
		for _, s := range []string{s, strings.ToUpper(s)} { // and as an all-caps headline
			words := strings.Fields(s)
			for n := 1; n <= len(words); n++ {
				p := strings.Join(words[:n], " ") + "\n"
				doc, _, qs := allQuotes(t, p, quotes.DefaultOptions)
				for _, q := range qs {
					for _, sp := range []text.Span{q.Content, q.Cue, q.Speaker} {
						if sp.Start < 0 || sp.End < sp.Start || sp.End > len(doc.Text) {
							t.Errorf("%q: span %v out of the text: %v", p, sp, q)
						}
					}
				}
			}
		}
	}
}
