package quotes_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/text"
)

// The cue model finds verbs of speech and belief that no lexicon lists:
// here the lexicon holds only the core reporting verbs.
func TestLearnedCues(t *testing.T) {
	doc, ents, _ := pipeline(t, "The economist Maria Lopez reckons that interest rates will fall before the winter.\n\n"+
		"Senator Paul Reed has long maintained that the tunnel was never safe.")
	at := func(sp text.Span) string { return doc.Text[sp.Start:sp.End] }
	o := quotes.DefaultOptions
	o.Lexicon = quotes.ParseLexicon("")
	qs := quotes.ExtractWith(doc, ents, o)
	found := false
	for _, q := range qs {
		if at(q.Cue) == "reckons" && strings.HasPrefix(at(q.Content), "that interest rates will fall") && strings.Contains(q.SpeakerName, "Lopez") {
			found = true
		}
	}
	if !found {
		t.Error("no quote with the learned cue \"reckons\" by Lopez")
	}
	// without the model the verb is no cue
	o.MinCueScore = 0
	for _, q := range quotes.ExtractWith(doc, ents, o) {
		if at(q.Cue) == "reckons" {
			t.Errorf("cue %q with MinCueScore 0", at(q.Cue))
		}
	}
	if t.Failed() {
		for _, q := range qs {
			t.Logf("%s %q cue %q <- %q (%s)", q.Kind, at(q.Content), at(q.Cue), at(q.Speaker), q.SpeakerName)
		}
	}
}

// The end model ends reported content before a clause or an adverbial
// that is not part of what was said.
func TestContentEnd(t *testing.T) {
	doc, _, qs := pipeline(t, "Mayor Daniel Reyes said that the bridge would reopen in May and thanked the engineers.\n\n"+
		"The minister criticized the budget and left the hall before the vote.")
	at := func(sp text.Span) string { return doc.Text[sp.Start:sp.End] }
	wants := map[string]string{
		"said":       "that the bridge would reopen in May",
		"criticized": "the budget",
	}
	for cue, content := range wants {
		found := false
		for _, q := range qs {
			if at(q.Cue) == cue {
				found = true
				if at(q.Content) != content {
					t.Errorf("%s: content %q, want %q", cue, at(q.Content), content)
				}
			}
		}
		if !found {
			t.Errorf("no quote with cue %q", cue)
		}
	}
}

// "urged X to act": the content is the hearer and what they are urged to
// do, never the words before the subject; without the option the rules
// took the leading adverbial.
func TestObjectInfinitive(t *testing.T) {
	doc, ents, _ := pipeline(t, "In her speech, the senator urged voters to reject the measure. Last week, the governor asked the council to raise the dam.")
	at := func(sp text.Span) string { return doc.Text[sp.Start:sp.End] }
	o := quotes.DefaultOptions
	wants := map[string]string{"urged": "voters to reject the measure", "asked": "the council to raise the dam"}
	got := map[string]string{}
	for _, q := range quotes.ExtractWith(doc, ents, o) {
		got[at(q.Cue)] = at(q.Content)
	}
	for cue, content := range wants {
		if got[cue] != content {
			t.Errorf("%s: content %q, want %q", cue, got[cue], content)
		}
	}
	o.ObjectInfinitive, o.MinScore = false, 0
	for _, q := range quotes.ExtractWith(doc, ents, o) {
		if c := at(q.Content); at(q.Cue) == "urged" && c == wants["urged"] {
			t.Errorf("urged: content %q without ObjectInfinitive", c)
		}
	}
}

// The end model reads what follows a boundary: a new attribution after a
// comma ends the content. (With HearerAdjunct the outer "told" takes the
// whole clause before it, as "said on Monday" does, and the nested quote
// gives way: it is off here to test the end model.)
func TestContentEndBeforeAttribution(t *testing.T) {
	doc, ents, _ := pipeline(t, "The engineers said the tunnel was safe, the minister told reporters on Monday.")
	o := quotes.DefaultOptions
	o.HearerAdjunct = false
	qs := quotes.ExtractWith(doc, ents, o)
	at := func(sp text.Span) string { return doc.Text[sp.Start:sp.End] }
	for _, q := range qs {
		if at(q.Cue) == "said" {
			if c := at(q.Content); c != "the tunnel was safe" {
				t.Errorf("said: content %q, want %q", c, "the tunnel was safe")
			}
			return
		}
	}
	t.Error("no quote with cue \"said\"")
}
