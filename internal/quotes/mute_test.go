package quotes_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/quotes"
)

// TestMuteSpeaker: a time, a figure or a market before a cue is no
// speaker (MuteSpeaker): the quote has none, or the noun phrase the time
// follows speaks; people and bodies before a time still speak.
func TestMuteSpeaker(t *testing.T) {
	for _, c := range []struct {
		s, cue, speaker string // speaker "" is none
	}{
		{"Slovenian shares fell sharply on Tuesday, suggesting that investors feared a recession.\n", "suggesting", ""},
		{"The 0.4% rise showed that inflation was returning.\n", "showed", ""},
		{"Last week showed that the market was nervous.\n", "showed", ""},
		{"Of course said the bridge was unsafe.\n", "said", ""},
		// the time stands between the relative "who" and its verb
		{"The mayor, who in the past has criticised the plan, said the bridge would stay open.\n", "criticised", "who"},
		// people before or after a time speak as before
		{"Mayor Ruth Abel this week also said she would close the bridge.\n", "also said", "Mayor Ruth Abel"},
		{"The bridge is unsafe, according to engineer Tom Wade.\n", "according to", "engineer Tom Wade"},
		{"Officials said on Monday that the bridge would close.\n", "said", "Officials"},
	} {
		doc, ms := nlptest.Mentions(t, c.s)
		ents := entity.Resolve(doc, ms)
		found := false
		for _, q := range quotes.Extract(doc, ents) {
			if doc.Text[q.Cue.Start:q.Cue.End] != c.cue {
				continue
			}
			found = true
			if got := doc.Text[q.Speaker.Start:q.Speaker.End]; got != c.speaker {
				t.Errorf("%q: cue %q has speaker %q, want %q", c.s, c.cue, got, c.speaker)
			}
		}
		if !found {
			t.Errorf("%q: no quote with cue %q", c.s, c.cue)
		}
	}
}

// TestMuteMachines: with MuteMachines a machine is no speaker ("the oil
// rig reported"); without it, it is.
func TestMuteMachines(t *testing.T) {
	s := "The oil rig reported that the storm had passed.\n"
	doc, ms := nlptest.Mentions(t, s)
	ents := entity.Resolve(doc, ms)
	for _, c := range []struct {
		on      bool
		speaker string
	}{{true, ""}, {false, "The oil rig"}} {
		o := quotes.DefaultOptions
		o.MuteMachines = c.on
		qs := quotes.ExtractWith(doc, ents, o)
		if len(qs) != 1 {
			t.Fatalf("%q (MuteMachines %v): %d quotes, want 1", s, c.on, len(qs))
		}
		if got := doc.Text[qs[0].Speaker.Start:qs[0].Speaker.End]; got != c.speaker {
			t.Errorf("%q (MuteMachines %v): speaker %q, want %q", s, c.on, got, c.speaker)
		}
	}
}

// A modal that is a surname ("May", "Will") after a first name or an
// honorific is part of the speaker, not a word between subject and cue.
func TestModalSurnameSpeaker(t *testing.T) {
	for s, want := range map[string]string{
		"Home Secretary Theresa May said the law would be repealed.\n": "Theresa May",
		"Guitarist Brian May said the band would tour in April.\n":     "Brian May",
		"Mrs May said the law would be repealed.\n":                    "May",
	} {
		doc, ents, q := oneQuote(t, s)
		if q.EntityIndex < 0 || ents[q.EntityIndex].Name != want {
			t.Errorf("%q: speaker %q (%q, entity %d), want %s", s, doc.Text[q.Speaker.Start:q.Speaker.End], q.SpeakerName, q.EntityIndex, want)
		}
	}
	// the modal still stands between a subject and its cue
	doc, ents, q := oneQuote(t, "The minister may say the law is wrong.\n")
	if sp := doc.Text[q.Speaker.Start:q.Speaker.End]; sp != "The minister" {
		t.Errorf("speaker %q (entities %v)", sp, ents)
	}
}
