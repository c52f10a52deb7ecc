package quotes

import (
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
)

// TestCueShapeFeatures reads, with the real tagger and recogniser, what
// the cue model sees of a verb with Options.CueShape: what it takes after
// it, the entity type of its object, a quotation mark in its sentence and
// a negation before it.
func TestCueShapeFeatures(t *testing.T) {
	for _, c := range []struct {
		s, verb string
		want    []string
		not     []string
	}{
		{"The mayor argued that the harbour road was unsafe.\n", "argued", []string{"obj=that", "lem*obj=argue*that", "lem*that-near=argue"}, []string{"sent-quote", "neg"}},
		{"The mayor insisted the harbour road would be widened.\n", "insisted", []string{"obj=clause"}, nil},
		{"The mayor vowed to widen the harbour road.\n", "vowed", []string{"obj=inf"}, nil},
		{"The mayor criticized John Smith on Tuesday.\n", "criticized", []string{"obj=np", "obj-ent=PERSON", "obj-head=smith"}, nil},
		{"The mayor rated the new sea wall highly.\n", "rated", []string{"obj=np", "obj-head=wall"}, []string{"obj-ent=PERSON"}},
		{"The mayor did not deny the \"rumours\" about the harbour.\n", "deny", []string{"neg", "sent-quote", "aux=do"}, nil},
		{"Traders wondered whether the harbour would open.\n", "wondered", []string{"obj=wh"}, nil},
	} {
		doc, ms := nlptest.Mentions(t, c.s)
		var fs []string
		for _, tc := range CueTokens(doc, entity.Resolve(doc, ms), DefaultOptions) {
			if doc.Tokens[tc.Token].Text == c.verb {
				fs = tc.Features
			}
		}
		if fs == nil {
			t.Errorf("%q: %q is no candidate", c.s, c.verb)
			continue
		}
		for _, w := range c.want {
			if !slices.Contains(fs, w) {
				t.Errorf("%q: %q has no feature %s (%s)", c.s, c.verb, w, strings.Join(fs, " "))
			}
		}
		for _, w := range c.not {
			if slices.Contains(fs, w) {
				t.Errorf("%q: %q has feature %s", c.s, c.verb, w)
			}
		}
		o := DefaultOptions
		o.CueShape = false
		for _, tc := range CueTokens(doc, entity.Resolve(doc, ms), o) {
			if doc.Tokens[tc.Token].Text == c.verb && slices.ContainsFunc(tc.Features, func(f string) bool { return strings.HasPrefix(f, "obj=") }) {
				t.Errorf("%q: without CueShape %q has shape features", c.s, c.verb)
			}
		}
	}
}
