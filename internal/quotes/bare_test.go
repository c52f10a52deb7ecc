package quotes_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/text"
)

// contents returns the contents of the quotes of s found with o.
func contents(t *testing.T, s string, o quotes.Options) []string {
	t.Helper()
	doc, ms := nlptest.Mentions(t, s)
	ents := entity.Resolve(doc, ms)
	var out []string
	for _, q := range quotes.ExtractWith(doc, ents, o) {
		out = append(out, doc.Text[q.Content.Start:q.Content.End])
	}
	return out
}

func TestTellHearer(t *testing.T) {
	// the object of "told" is the hearer: no quote reads it as what was said
	for _, s := range []string{
		"Marta Okafor, the chief executive of Brindle Foods, told Reuters by telephone on Monday.\n",
		"The mayor told shareholders at the annual meeting in Leeds.\n",
	} {
		for _, c := range contents(t, s, quotes.DefaultOptions) {
			t.Errorf("%q: quote %q", s, c)
		}
	}
	// what follows the hearer is still read
	s := "Marta Okafor told Reuters that the factory would close next spring.\n"
	got := contents(t, s, quotes.DefaultOptions)
	if len(got) != 1 || got[0] != "that the factory would close next spring" {
		t.Errorf("%q: quotes %q, want the that-clause", s, got)
	}
}

func TestPlaceModifier(t *testing.T) {
	speaker := func(s string) (string, bool) {
		_, ents, q := oneQuote(t, s)
		return q.SpeakerName, q.EntityIndex >= 0 && ents[q.EntityIndex].Type == ner.Location
	}
	// a place that modifies the speaker's noun did not speak
	for _, s := range []string{
		"Trade was quiet. A Berlin embassy official said on Tuesday that the talks would resume.\n",
		"Trade was quiet. Japan's largest carmaker said the strike would end soon.\n",
		// (an adjective or a region word between "in" and the place)
		"Trade was quiet. Coffee traders in central Ghana say their sales fell by a third.\n",
		"Trade was quiet. Exporters and buyers in southwest Ghana expect the crop to be small.\n",
	} {
		if name, loc := speaker(s); loc {
			t.Errorf("%q: speaker %q is a place", s, name)
		}
	}
	// a place standing for its government does
	s := "Trade was quiet. Japan said on Tuesday that it would cut tariffs on rice.\n"
	if name, loc := speaker(s); !loc || name != "Japan" {
		t.Errorf("%q: speaker %q (a place: %v), want Japan", s, name, loc)
	}
}

func TestSpeakerPrep(t *testing.T) {
	if q := speakerSpan(t, "Trade was quiet. Church leaders in Lisbon said on Tuesday that the schools would reopen.\n", "Church leaders in Lisbon"); q.SpeakerName == "Lisbon" {
		t.Errorf("speaker name %q, want the church leaders", q.SpeakerName)
	}
}

func TestHyphenCompoundCue(t *testing.T) {
	// "appointed" after "Kremlin-" is half of a compound modifier
	s := "Nine bankers sit on the council, a Kremlin- appointed body drafting new rules for the markets.\n"
	for _, c := range contents(t, s, quotes.DefaultOptions) {
		t.Errorf("%q: quote %q", s, c)
	}
}

// oneQuote runs the real tagger, recogniser, resolver and extractor on s
// and returns the one quote it must find.
func oneQuote(t *testing.T, s string) (*text.Document, []entity.Entity, quotes.Quote) {
	t.Helper()
	doc, ms := nlptest.Mentions(t, s)
	ents := entity.Resolve(doc, ms)
	qs := quotes.Extract(doc, ents)
	if len(qs) != 1 {
		t.Fatalf("%q: %d quotes, want 1", s, len(qs))
	}
	return doc, ents, qs[0]
}

// TestSpeakerNameUnescaped: a speaker in feed text that escapes its
// ampersands is named as the tokens read it, and its span still covers the
// caller's bytes.
func TestSpeakerNameUnescaped(t *testing.T) {
	s := "A trader at Smith &amp; Brandt Securities said the rally would not last."
	doc, _, q := oneQuote(t, s)
	if strings.Contains(q.SpeakerName, "&amp;") || !strings.Contains(q.SpeakerName, "&") {
		t.Errorf("speaker name %q, want the ampersand decoded", q.SpeakerName)
	}
	if sp := doc.Text[q.Speaker.Start:q.Speaker.End]; !strings.Contains(sp, "&amp;") {
		t.Errorf("speaker span %q should be the caller's text", sp)
	}
}

// speakerSpan returns the one quote of s after checking that its speaker
// is the text want.
func speakerSpan(t *testing.T, s, want string) quotes.Quote {
	t.Helper()
	doc, _, q := oneQuote(t, s)
	if sp := doc.Text[q.Speaker.Start:q.Speaker.End]; sp != want {
		t.Errorf("%q: speaker %q (%q), want %s", s, sp, q.SpeakerName, want)
	}
	return q
}

// After "told" and kin a short noun phrase before a clause of its own is
// the hearer, not what was said, with or without "that".
func TestBareHearerClause(t *testing.T) {
	for s, want := range map[string]string{
		"Jo Price told reporters the vote would come in June.\n":          "the vote would come in June",
		"Tom Reid told MPs he would resign.\n":                            "he would resign",
		"She told him his job was safe.\n":                                "his job was safe",
		"The mayor told reporters in Leeds the bridge would reopen.\n":    "the bridge would reopen",
		"The minister assured the farmers their subsidies were secure.\n": "their subsidies were secure",
	} {
		got := contents(t, s, quotes.DefaultOptions)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: quotes %q, want %q", s, got, want)
		}
	}
	// no hearer: the noun phrase is the subject of what was said
	s := "He warned the plan would fail.\n"
	if got := contents(t, s, quotes.DefaultOptions); len(got) != 1 || got[0] != "the plan would fail" {
		t.Errorf("%q: quotes %q", s, got)
	}
}
