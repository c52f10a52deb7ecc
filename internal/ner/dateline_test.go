package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// TestDateline checks that the opening place of a dateline is a LOCATION,
// and that a headline's topic before a dash or a person starting an
// ordinary sentence is not made one.
func TestDateline(t *testing.T) {
	for _, c := range []struct {
		in, place string
	}{
		{"Zürich — The city council voted on Tuesday to extend the tram line along the lake.", "Zürich"},
		{"ZURICH (Reuters) - A Swiss pharmaceutical firm reported higher quarterly sales on Monday.", "ZURICH"},
		{"BERNE (Reuters) - The Swiss cabinet proposed tighter capital rules for lenders on Wednesday.", "BERNE"},
		{"Geneva, May 3 — Envoys from forty nations met for a second round of talks on river rights.", "Geneva"},
		{"Hamilton, Ontario — The old steel plant will shut next spring, its owner said.", "Hamilton"},
		{"Headline about roads\n\nLausanne — A blaze gutted a depot near the station overnight, police said.", "Lausanne"},
	} {
		doc, ms := analyse(t, c.in)
		checkInvariants(t, doc, ms)
		if !has(ms, ner.Location, c.place) {
			t.Errorf("%q: no LOCATION %q in %s", c.in, c.place, dump(ms))
		}
		for _, m := range ms {
			if m.Text == c.place && m.Type != ner.Location {
				t.Errorf("%q: %q typed %s", c.in, c.place, m.Type)
			}
		}
	}
	for _, c := range []struct {
		in, not string
	}{
		{"TENNIS - Local player wins the junior title in straight sets.", "TENNIS"},
		{"Hamilton said on Friday that the team would appeal the penalty.", "Hamilton"},
	} {
		_, ms := analyse(t, c.in)
		for _, m := range ms {
			if m.Text == c.not && m.Type == ner.Location {
				t.Errorf("%q: %q made a LOCATION: %s", c.in, c.not, dump(ms))
			}
		}
	}
}
