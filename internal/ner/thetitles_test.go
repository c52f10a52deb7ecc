package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A name after a capitalised "The" inside a sentence is a title, with the
// "The"; a plural one stays MISC, a newspaper's is an organisation's, and
// a venue or a known place keeps its type.
func TestTheTitles(t *testing.T) {
	for _, c := range []struct {
		text, name string
		typ        ner.Type
	}{
		{"Critics praised her role as a nurse in The Lantern Keeper, which opens next week.", "The Lantern Keeper", ner.WorkOfArt},
		{"Her new novel, The Gilded Harrow, sold well, the publisher said.", "The Gilded Harrow", ner.WorkOfArt},
		{"Fans of the sitcom were upset when The Wandering Pilgrims ended after two series.", "The Wandering Pilgrims", ner.Misc},
		{"A column in The Guardian said the plan would fail.", "The Guardian", ner.Org},
		{"Crowds queued for Tom Reid's The Harbour Code, which opens today.", "The Harbour Code", ner.WorkOfArt},
		{"The court in The Hague will rule on the case next month.", "The Hague", ner.Location},
		{"The Lantern Keeper opens in cinemas next week.", "The Lantern Keeper", ""},
	} {
		_, ms := analyse(t, c.text)
		got := typeOf(ms, c.name)
		if c.typ == "" {
			if got == ner.WorkOfArt {
				t.Errorf("%q: %q typed a title at the sentence's start (%s)", c.text, c.name, dump(ms))
			}
			continue
		}
		if got != c.typ {
			t.Errorf("%q: %q is %q, want %q (%s)", c.text, c.name, got, c.typ, dump(ms))
		}
	}
}

// A capitalised "A" inside a sentence begins a title, and a name in
// brackets after a title is its other name; an initial in a team list is
// no article.
func TestATitles(t *testing.T) {
	for _, c := range []struct {
		text, name string
		work       bool
	}{
		{"Critics loved Ann Lee's A Quiet Harbour Morning (Matin Calme), which won two prizes.", "A Quiet Harbour Morning", true},
		{"Critics loved Ann Lee's A Quiet Harbour Morning (Matin Calme), which won two prizes.", "Matin Calme", true},
		{"Subs: B Cole, A Rennard Jones, T Mills.", "Rennard Jones", false},
		{"It beat the big French epic, A Very Long Harvest, and two comedies.", "A Very Long Harvest", true},
	} {
		_, ms := analyse(t, c.text)
		got := typeOf(ms, c.name)
		if (got == ner.WorkOfArt) != c.work {
			t.Errorf("%q: %q is %q (%s)", c.text, c.name, got, dump(ms))
		}
	}
}
