package quotes_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
)

// "X's lawyer said": the lawyer speaks, not X; a name after the owner's
// role noun is the speaker's entity.
func TestPossessiveSpeaker(t *testing.T) {
	for _, c := range []struct{ s, span, name string }{
		{"Trade was quiet. Helena Marsk's lawyer said on Monday that she would appeal the ruling.\n", "Helena Marsk's lawyer", "Helena Marsk's lawyer"},
		{"Trade was quiet. Mayor Ruben Castell's office said the bridge would reopen in May.\n", "Mayor Ruben Castell's office", "Mayor Ruben Castell's office"},
		{"Trade was quiet. Osric Vell's spokesman Tomas Hadley said the bid was final.\n", "Osric Vell's spokesman Tomas Hadley", "Tomas Hadley"},
	} {
		doc, _, q := oneQuote(t, c.s)
		if sp := doc.Text[q.Speaker.Start:q.Speaker.End]; sp != c.span || q.SpeakerName != c.name {
			t.Errorf("%q: speaker %q (%q), want %q (%q)", c.s, sp, q.SpeakerName, c.span, c.name)
		}
		if c.span == c.name && q.EntityIndex >= 0 {
			t.Errorf("%q: speaker resolved to entity %d, want none", c.s, q.EntityIndex)
		}
	}
	// the owner's company speaks for itself, not for the owner
	s := "Trade was quiet. Mr Lindqvist's company, the toy maker Brightwell Corp, said it would hire 200 people.\n"
	if _, ents, q := oneQuote(t, s); q.EntityIndex >= 0 && ents[q.EntityIndex].Type == "PERSON" {
		t.Errorf("%q: speaker %q resolved to the owner %q", s, q.SpeakerName, ents[q.EntityIndex].Name)
	}
	// the owner of a statement still speaks
	s = "Trade was quiet. Helena Marsk's statement said the plant would close.\n"
	if _, ents, q := oneQuote(t, s); q.EntityIndex < 0 || ents[q.EntityIndex].Name != "Helena Marsk" {
		t.Errorf("%q: speaker %q (entity %d), want Helena Marsk", s, q.SpeakerName, q.EntityIndex)
	}
}

// "One analyst said": a counted noun phrase is a speaker; a figure is not.
func TestNumberSubject(t *testing.T) {
	for _, c := range []struct{ s, speaker string }{
		{"Trade was quiet. One analyst said the merger would cut costs by a third.\n", "One analyst"},
		{"Trade was quiet. Four senior officials said the talks had stalled.\n", "Four senior officials"},
		{"Brindle Foods, the leader in the $4 billion pet food market, said that its sales rose.\n", "Brindle Foods, the leader in the $4 billion pet food market"},
	} {
		doc, _, q := oneQuote(t, c.s)
		if sp := doc.Text[q.Speaker.Start:q.Speaker.End]; sp != c.speaker {
			t.Errorf("%q: speaker %q, want %q", c.s, sp, c.speaker)
		}
	}
}

// "said on Thursday": the day is no content, and ", sources said on
// Thursday." says the clause before the comma.
func TestTemporalPrep(t *testing.T) {
	for _, c := range []struct{ s, content, speaker string }{
		{"The lender said on Thursday it would close forty branches next year.\n", "it would close forty branches next year", "The lender"},
		{"The harbour will stay shut until the storm passes, port officials and shipping agents said on Friday.\n", "The harbour will stay shut until the storm passes", "port officials and shipping agents"},
		{"The harbour will stay shut until the storm passes, a leading shipping agent said late on Friday.\n", "The harbour will stay shut until the storm passes", "a leading shipping agent"},
		{"The lender said on Oct. 9 it would close forty branches next year.\n", "it would close forty branches next year", "The lender"},
		// the time is the reported clause's subject: it stays in the content
		{"The weather office said March was the wettest month in a decade.\n", "March was the wettest month in a decade", "The weather office"},
	} {
		doc, _, q := oneQuote(t, c.s)
		got, sp := doc.Text[q.Content.Start:q.Content.End], doc.Text[q.Speaker.Start:q.Speaker.End]
		if got != c.content || sp != c.speaker {
			t.Errorf("%q: %q said %q, want %q said %q", c.s, sp, got, c.speaker, c.content)
		}
		if cue := doc.Text[q.Cue.Start:q.Cue.End]; cue != "said" {
			t.Errorf("%q: cue %q, want said", c.s, cue)
		}
	}
	// after a hearer too
	s0 := "The minister told Reuters on Thursday the budget would balance.\n"
	if got := contents(t, s0, quotes.DefaultOptions); len(got) != 1 || got[0] != "the budget would balance" {
		t.Errorf("%q: quotes %q, want the budget would balance", s0, got)
	}
	// a day that owns what follows is no time adjunct
	s := "The senator said on Monday's call that the vote would be close.\n"
	if got := contents(t, s, quotes.DefaultOptions); len(got) != 1 || got[0] != "that the vote would be close" {
		t.Errorf("%q: quotes %q, want the that-clause", s, got)
	}
}

// "Traders in Lisbon said" opening a sentence: the traders speak, not the
// place.
func TestSentenceCapital(t *testing.T) {
	if q := speakerSpan(t, "Trade was quiet. Dealers in Lisbon said the bond auction went well.\n", "Dealers in Lisbon"); q.SpeakerName == "Lisbon" {
		t.Errorf("speaker name %q, want the dealers", q.SpeakerName)
	}
}

// "“...,” Brindle managing director Ola Senn said": the participle is part
// of the speaker's title.
func TestParticipleModifier(t *testing.T) {
	s := "Trade was quiet.\n\"We are very pleased with the result,\" Brindle managing director Ola Senn said after the market opened.\n"
	speakerSpan(t, s, "Brindle managing director Ola Senn")
}
