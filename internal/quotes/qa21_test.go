package quotes_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
)

// rule21 returns the default options with the named rule on or off, the
// filter and the cue model's threshold out of the way (a retrained model
// may drop what the rule gets wrong, and the check that the test can fail
// must not lean on it).
func rule21(on bool, set func(*quotes.Options, bool)) quotes.Options {
	o := quotes.DefaultOptions
	set(&o, on)
	o.MinScore = 0
	return o
}

// "The merger was first reported by the Herald": a passive cue the
// lexicon holds with its auxiliary reads as "reported by" does.
func TestPassiveAux(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.PassiveAux = on }
	for _, c := range []struct{ s, speaker, content string }{
		{"Trade was slow.\nThe merger was first reported by the Herald.\n", "the Herald", "The merger"},
		{"Trade was slow.\nThe ferry timetable was criticized by the pilots' union.\n", "the pilots' union", "The ferry timetable"},
		{"Trade was slow.\nThe new toll has been criticized by the drivers.\n", "the drivers", "The new toll"},
	} {
		found := func(o quotes.Options) bool {
			doc, _, qs := allQuotes(t, c.s, o)
			for _, q := range qs {
				if doc.Text[q.Speaker.Start:q.Speaker.End] == c.speaker && doc.Text[q.Content.Start:q.Content.End] == c.content {
					return true
				}
			}
			return false
		}
		if !found(rule21(true, set)) {
			t.Errorf("%q: no quote %q said %q", c.s, c.speaker, c.content)
		}
		if found(rule21(false, set)) {
			t.Errorf("%q: without PassiveAux %q said %q already: the test tests nothing", c.s, c.speaker, c.content)
		}
	}
}

// "Shortly afterward, the mayor said on her blog that ...": an adverb or
// a time fronted before the subject is no content; what follows the cue
// is.
func TestFrontedAdverb(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.FrontedAdverb = on }
	for _, c := range []struct{ s, cue, content, not string }{
		{"Trade was slow.\nShortly afterward, the mayor said on her official blog that the bridge would close.\n", "said", "that the bridge would close", "Shortly afterward"},
		{"Trade was slow.\nInstead, the harbour master said in a long statement that the pier would reopen.\n", "said", "that the pier would reopen", "Instead"},
	} {
		_, ct := speakersOf(t, c.s, c.cue, rule21(true, set))
		if len(ct) != 1 || ct[0] != c.content {
			t.Errorf("%q: contents %q, want %q", c.s, ct, c.content)
		}
		_, ct = speakersOf(t, c.s, c.cue, rule21(false, set))
		if len(ct) != 1 || ct[0] != c.not {
			t.Errorf("%q: without FrontedAdverb contents %q, want %q: the test tests nothing", c.s, ct, c.not)
		}
	}
	// a clause before the comma is still what was said
	s := "Trade was slow.\nThe bridge will close, the mayor said on her official blog.\n"
	_, ct := speakersOf(t, s, "said", rule21(true, set))
	if len(ct) != 1 || ct[0] != "The bridge will close" {
		t.Errorf("%q: contents %q", s, ct)
	}
}

// "said on Thursday during a visit to a school in Leeds, England, that
// ...": "that" past a long adjunct starts the content.
func TestLongAdjunct(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.LongAdjunct = on }
	s := "Trade was slow.\nThe mayor said on Thursday during a visit to a school in Leeds, England, that the bridge would close.\n"
	want := "that the bridge would close"
	has := func(o quotes.Options) bool {
		_, ct := speakersOf(t, s, "said on Thursday", o)
		_, ct2 := speakersOf(t, s, "said", o)
		for _, c := range append(ct, ct2...) {
			if c == want {
				return true
			}
		}
		return false
	}
	if !has(rule21(true, set)) {
		t.Errorf("%q: no content %q", s, want)
	}
	if has(rule21(false, set)) {
		t.Errorf("%q: without LongAdjunct the content is %q already: the test tests nothing", s, want)
	}
	// a relative "that" after the adjunct is no content
	s2 := "Trade was slow.\nThe mayor said in a long report on the state of the port and its ferries, that was filed on Friday.\n"
	for _, cue := range []string{"said", "said in a long report"} {
		_, ct := speakersOf(t, s2, cue, rule21(true, set))
		for _, c := range ct {
			if c == "that was filed on Friday" {
				t.Errorf("%q: a relative clause read as content", s2)
			}
		}
	}
}

// "The senator is critical of the plan", "The farmers were optimistic
// that ...": an adjective of stance after a copula is a cue candidate
// the cue model scores; the subject of the copula speaks. The cue
// model's thresholds are out of the way (its weights for adjectives come
// from train).
func TestAdjectiveCues(t *testing.T) {
	set := func(o *quotes.Options, on bool) {
		o.AdjectiveCues = on
		o.MinCueScore, o.MinNounScore = 1e-9, 1e-9
	}
	for _, c := range []struct{ s, cue, speaker, content string }{
		{"Trade was slow.\nThe senator is sharply critical of the ferry contract.\n", "critical of", "The senator", "the ferry contract"},
		{"Trade was slow.\nThe farmers were optimistic that the rain would come soon.\n", "optimistic", "The farmers", "that the rain would come soon"},
		{"Trade was slow.\nThe harbour board is anxious to sell the old pier.\n", "anxious", "The harbour board", "to sell the old pier"},
	} {
		sp, ct := speakersOf(t, c.s, c.cue, rule21(true, set))
		if len(sp) != 1 || sp[0] != c.speaker || ct[0] != c.content {
			t.Errorf("%q: speakers %q said %q, want %q said %q", c.s, sp, ct, c.speaker, c.content)
		}
		if sp, _ := speakersOf(t, c.s, c.cue, rule21(false, set)); len(sp) != 0 {
			t.Errorf("%q: without AdjectiveCues %q is a cue already: the test tests nothing", c.s, c.cue)
		}
	}
	// no copula, no candidate: "a critical report on the plan"
	s := "Trade was slow.\nThe board published a critical report on the ferry contract.\n"
	if sp, _ := speakersOf(t, s, "critical", rule21(true, set)); len(sp) != 0 {
		t.Errorf("%q: an attributive adjective read as a cue", s)
	}
}

// "Harbour Board Warns Of Higher Tolls": a sentence in title case inside
// an article reads a capitalised lexicon cue the tagger took for a name.
func TestTitleCues(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.TitleCues = on }
	s := "Trade was slow at the port on Monday.\nHarbour Board Warns Of Higher Tolls Next Year.\nThe board met on Friday.\n"
	sp, ct := speakersOf(t, s, "Warns", rule21(true, set))
	if len(sp) != 1 || sp[0] != "Harbour Board" || ct[0] != "Of Higher Tolls Next Year" {
		t.Errorf("%q: speakers %q said %q", s, sp, ct)
	}
	if sp, _ := speakersOf(t, s, "Warns", rule21(false, set)); len(sp) != 0 {
		t.Errorf("%q: without TitleCues %q speak already: the test tests nothing", s, sp)
	}
	// no lexicon cue, no quote
	s = "Trade was slow at the port on Monday.\nThe Best Places To Eat In Leeds This Year.\nThe board met on Friday.\n"
	if _, _, qs := allQuotes(t, s, rule21(true, set)); len(qs) != 0 {
		t.Errorf("%q: %d quotes", s, len(qs))
	}
}
