package quotes_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/quotes"
)

// nounOptions are the default options with the filter's and the cue
// model's thresholds out of the way, and NounVerb as given.
func nounOptions(on bool) quotes.Options {
	o := quotes.DefaultOptions
	o.MinScore, o.MinCueScore = 0, 0.01
	o.NounVerb = on
	return o
}

// A reporting verb the tagger reads as a noun is a cue after a name or a
// pronoun ("..., Ms Pellow notes."), and a verb the cue model scores after
// "who" and plural subjects.
func TestNounVerb(t *testing.T) {
	for _, c := range []struct{ s, cue, content, tagged string }{
		{"The harbour wall is far too low for the winter storms, Ms Pellow notes.\n", "notes", "harbour wall is far too low", "notes"},
		{"Ms Pellow backs the plan to rebuild the quay.\n", "backs", "the plan", "backs"},
		{"Two thirds of the fishermen support a ban on night trawling.\n", "support", "a ban", "support"}, // (the end model of session 22 ends the content before "on night trawling.", a phrase that ends the sentence)
		{"“The quay will not be ready before spring,” the harbour board writes.\n", "writes", "The quay will not be ready", "writes"},
		{"The ferry is late again, she laments.\n", "laments", "The ferry is late again", "laments"},
	} {
		doc, _ := nlptest.Mentions(t, c.s)
		tags := ""
		for _, tk := range doc.Tokens {
			tags += tk.Text + "/" + tk.POS + " "
		}
		if !strings.Contains(tags, c.tagged+"/NN") {
			t.Fatalf("%q: %q is no longer tagged a noun, the test tests nothing: %s", c.s, c.tagged, tags)
		}
		for _, on := range []bool{true, false} {
			doc, _, qs := allQuotes(t, c.s, nounOptions(on))
			q, ok := quoteWith(doc, qs, c.content)
			got := ok && doc.Text[q.Cue.Start:q.Cue.End] == c.cue
			if got != on {
				t.Errorf("NounVerb %v: %q: quotes %v", on, c.s, qs)
			}
		}
	}
}

// A name that modifies a plural noun leaves it a noun.
func TestNounVerbModifier(t *testing.T) {
	s := "The Harbour Trust reports were published in May.\n"
	doc, _, qs := allQuotes(t, s, nounOptions(true))
	for _, q := range qs {
		if doc.Text[q.Cue.Start:q.Cue.End] == "reports" {
			t.Errorf("%q: quote %q with cue %q", s, doc.Text[q.Content.Start:q.Content.End], "reports")
		}
	}
}

// "according to" before a word the tagger read as a verb ("to harbour/VB
// records") still names its source.
func TestAccordingVB(t *testing.T) {
	for _, c := range []struct{ s, content, speaker string }{
		{"According to harbour records, the quay was last repaired in 1998.\n", "the quay was last repaired in 1998", "harbour records"},
		{"The quay needs repair, according to marine engineers.\n", "The quay needs repair", "marine engineers"},
	} {
		for _, on := range []bool{true, false} {
			o := nounOptions(true)
			o.AccordingVB = on
			doc, _, qs := allQuotes(t, c.s, o)
			q, ok := quoteWith(doc, qs, c.content)
			got := ok && doc.Text[q.Speaker.Start:q.Speaker.End] == c.speaker && strings.EqualFold(doc.Text[q.Cue.Start:q.Cue.End], "according to")
			if got != on {
				t.Errorf("AccordingVB %v: %q: quotes %v", on, c.s, qs)
			}
		}
	}
}
