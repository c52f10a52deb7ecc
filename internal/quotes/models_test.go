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
