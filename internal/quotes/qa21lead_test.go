package quotes_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
)

// A gerund that begins a sentence and, with its object, is the subject
// of the sentence's verb is no cue ("Adding extras ... will increase the
// price"); one followed by "that", or a fronted participle whose clause's
// subject comes after a comma, still is.
func TestGerundSubject(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.GerundSubject = on }
	for _, c := range []struct {
		s, cue string
		quote  bool
	}{
		{"The tablet went on sale on Monday. Adding extras such as a bigger screen and more memory will raise the price.\n", "Adding", false},
		{"The firm lost money again. Citing old figures in every report misleads readers.\n", "Citing", false},
		{"Nora Kell praised the staff. Adding that the budget was tight, she asked for patience.\n", "Adding", true},
	} {
		n := func(on bool) int {
			sp, _ := speakersOf(t, c.s, c.cue, qaOff(on, set))
			return len(sp)
		}
		if got := n(true) > 0; got != c.quote {
			t.Errorf("%q: a quote with the cue %q: %v, want %v", c.s, c.cue, got, c.quote)
		}
		if !c.quote && n(false) == 0 {
			t.Errorf("%q: without GerundSubject there is no quote with the cue %q either: the test tests nothing", c.s, c.cue)
		}
	}
}

// "told reporters prices would rise": the one word of people (or the
// name before a lower-case noun) hears, the bare nouns after it begin
// the content.
func TestBareSubjectHearer(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.BareSubjectHearer = on }
	for _, c := range []struct{ s, content string }{
		{"Trade was quiet. The minister told reporters prices would rise in the spring.\n", "prices would rise in the spring"},
		{"Trade was quiet. Farmers near Kell told Reuters output from older trees would fall.\n", "output from older trees would fall"},
	} {
		_, got := speakersOf(t, c.s, "told", qaOff(true, set))
		if len(got) != 1 || got[0] != c.content {
			t.Errorf("%q: contents %q, want %q", c.s, got, c.content)
		}
		if _, off := speakersOf(t, c.s, "told", qaOff(false, set)); len(off) == 1 && off[0] == c.content {
			t.Errorf("%q: without BareSubjectHearer the content is already %q: the test tests nothing", c.s, c.content)
		}
	}
}

// "Private forecasters last summer projected ...": the time at the end
// of the subject is no part of the speaker.
func TestSubjectTime(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.SubjectTime = on }
	s := "Trade was quiet. Independent analysts last spring projected a harvest of 40,000 bales.\n"
	if sp, _ := speakersOf(t, s, "projected", qaOff(true, set)); len(sp) != 1 || sp[0] != "Independent analysts" {
		t.Errorf("%q: speakers %q, want Independent analysts", s, sp)
	}
	if sp, _ := speakersOf(t, s, "projected", qaOff(false, set)); len(sp) == 1 && sp[0] == "Independent analysts" {
		t.Errorf("%q: without SubjectTime the speaker is already Independent analysts: the test tests nothing", s)
	}
}

// "It is believed that ...": the "it" of a passive cue names no speaker.
func TestExpletiveIt(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.ExpletiveIt = on }
	for _, c := range []struct{ s, cue string }{
		{"Trade was slow. It is believed that the tycoon was targeted because he backed rivals.\n", "believed"},
		{"Trade was slow. It is understood the bank will cut rates.\n", "understood"},
	} {
		sp, _ := speakersOf(t, c.s, c.cue, qaOff(true, set))
		if len(sp) != 1 || sp[0] != "" {
			t.Errorf("%q: speakers %q, want one quote with none", c.s, sp)
		}
		if sp, _ := speakersOf(t, c.s, c.cue, qaOff(false, set)); len(sp) == 1 && sp[0] == "" {
			t.Errorf("%q: without ExpletiveIt the quote already has no speaker: the test tests nothing", c.s)
		}
	}
}

// "Fears had been expressed that ...": the subject of a passive verb of
// uttering with no agent is what was said, not who said it.
func TestPassiveMessage(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.PassiveMessage = on }
	for _, c := range []struct{ s, cue, speaker string }{
		{"The library may close.\nFears had been expressed that the cuts would close three branches next year.\n", "expressed", ""},
		{"Rents rose again.\nConcerns were raised that tenants in the north would be priced out of their homes.\n", "raised", ""},
	} {
		sp, _ := speakersOf(t, c.s, c.cue, qaOff(true, set))
		if len(sp) != 1 || sp[0] != c.speaker {
			t.Errorf("%q: speakers %q, want %q", c.s, sp, c.speaker)
		}
		if off, _ := speakersOf(t, c.s, c.cue, qaOff(false, set)); len(off) == 1 && off[0] == c.speaker {
			t.Errorf("%q: without PassiveMessage the speaker is %q too: the test tests nothing", c.s, c.speaker)
		}
	}
}

// An opening "according to" keeps its whole source, its modifiers
// included, and the content starts after it; a connective and a comma
// before it keep it opening.
func TestAccordingOpening(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.AccordingOpening = on }
	for _, c := range []struct{ s, speaker, content string }{
		{"Output fell.\nAccording to figures released by the trade ministry on Monday, exports fell by a fifth in May.\n",
			"figures released by the trade ministry on Monday", "exports fell by a fifth in May"},
		{"Output fell.\nMeanwhile, according to the port authority, the new quay will open in June.\n",
			"the port authority", "the new quay will open in June"},
	} {
		sp, ct := speakersOf(t, c.s, "According to", qaOff(true, set))
		if len(sp) == 0 {
			sp, ct = speakersOf(t, c.s, "according to", qaOff(true, set))
		}
		if len(sp) != 1 || sp[0] != c.speaker || ct[0] != c.content {
			t.Errorf("%q: %q said %q, want %q said %q", c.s, sp, ct, c.speaker, c.content)
		}
		off, offc := speakersOf(t, c.s, "According to", qaOff(false, set))
		if len(off) == 0 {
			off, offc = speakersOf(t, c.s, "according to", qaOff(false, set))
		}
		if len(off) == 1 && off[0] == c.speaker && offc[0] == c.content {
			t.Errorf("%q: without AccordingOpening the quote is already right: the test tests nothing", c.s)
		}
	}
}

// A participle cue that opens its sentence says what comes before the
// comma, not the main clause after it: "Explaining why ..., X said: ..."
// is two quotes.
func TestFrontedCueEnd(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.FrontedCueEnd = on }
	for _, c := range []struct{ s, cue, content string }{
		{"The robot was shown on Monday.\nExplaining why the new robot used wheels instead of legs, Kenji Sato, from the firm's engineering laboratory, said: \"We wanted a robot that could live with people.\"\n",
			"Explaining", "why the new robot used wheels instead of legs"},
	} {
		_, ct := speakersOf(t, c.s, c.cue, qaOff(true, set))
		if len(ct) != 1 || ct[0] != c.content {
			t.Errorf("%q: contents %q, want %q", c.s, ct, c.content)
		}
		if _, off := speakersOf(t, c.s, c.cue, qaOff(false, set)); len(off) == 1 && off[0] == c.content {
			t.Errorf("%q: without FrontedCueEnd the content is already %q: the test tests nothing", c.s, c.content)
		}
	}
}
