package quotes

import (
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
)

// TestCueObjEntity reads, with the real tagger and recogniser, what the
// cue model sees with Options.CueObjEntity of who a word of stance is
// about (the object of a preposition after it) and, for a noun, whose it
// is (its possessive owner); without the option it sees neither.
func TestCueObjEntity(t *testing.T) {
	for _, c := range []struct {
		s, word string
		want    []string
		not     []string
	}{
		{"The farmers said they would vote for John Smith in May.\n", "vote", []string{"pobj-ent=PERSON", "pobj-ent*prep=for*PERSON"}, []string{"owner=pron"}},
		{"The mayor spoke about the new sea wall.\n", "spoke", []string{"pobj-ent=none"}, []string{"pobj-ent=PERSON"}},
		{"Her support for the harbour plan surprised the council.\n", "support", []string{"owner=pron", "pobj-ent=none"}, nil},
		{"John Smith's criticism of the harbour board grew louder.\n", "criticism", []string{"owner=PERSON"}, []string{"owner=pron"}},
	} {
		doc, ms := nlptest.Mentions(t, c.s)
		ents := entity.Resolve(doc, ms)
		feats := func(o Options) []string {
			for _, tc := range CueTokens(doc, ents, o) {
				if doc.Tokens[tc.Token].Text == c.word {
					return tc.Features
				}
			}
			return nil
		}
		o := DefaultOptions
		o.CueObjEntity = true
		fs := feats(o)
		if fs == nil {
			t.Errorf("%q: %q is no candidate", c.s, c.word)
			continue
		}
		for _, w := range c.want {
			if !slices.Contains(fs, w) {
				t.Errorf("%q: %q has no feature %s (%s)", c.s, c.word, w, strings.Join(fs, " "))
			}
		}
		for _, w := range c.not {
			if slices.Contains(fs, w) {
				t.Errorf("%q: %q has feature %s", c.s, c.word, w)
			}
		}
		o.CueObjEntity = false
		if slices.ContainsFunc(feats(o), func(f string) bool {
			return strings.HasPrefix(f, "pobj-ent") || strings.HasPrefix(f, "owner=")
		}) {
			t.Errorf("%q: without CueObjEntity %q has its features", c.s, c.word)
		}
	}
}
