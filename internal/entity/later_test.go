package entity

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// TestLaterNominal: a lead that names the role before the person ("the
// mayor said on Tuesday. … said Mayor Nina Walsh") links the description
// to the person named just after, when no one before fits and she is the
// only person holding the role; two mayors, or a mayor named only much
// later, leave it unlinked.
func TestLaterNominal(t *testing.T) {
	for _, c := range []struct {
		s     string
		golds []gold
		want  string // "" is no link
	}{
		{"The city will build a new bridge, the mayor said on Tuesday. \"We waited years for this,\" said Mayor Nina Walsh.",
			[]gold{{"Nina Walsh", ner.Person}}, "Nina Walsh"},
		{"The council backed the plan, the minister said. Finance Minister Omar Haddad welcomed the vote.",
			[]gold{{"Omar Haddad", ner.Person}}, "Omar Haddad"},
		// two mayors: no link
		{"The city will build a new bridge, the mayor said on Tuesday. Mayor Nina Walsh and Mayor Tom Price signed the deal.",
			[]gold{{"Nina Walsh", ner.Person}, {"Tom Price", ner.Person}}, ""},
		// the role is not hers
		{"The city will build a new bridge, the mayor said on Tuesday. Council leader Nina Walsh welcomed it.",
			[]gold{{"Nina Walsh", ner.Person}}, ""},
		// someone named just before is most likely the one described
		{"Mr Okafor denied the claims. But the chancellor said the figures were sound. Chancellor Ruth Ames agreed.",
			[]gold{{"Okafor", ner.Person}, {"Ruth Ames", ner.Person}}, ""},
		// a role once held, or a lesser one, is not the office
		{"The budget is fair, the chancellor said. Former chancellor Ruth Ames disagreed.",
			[]gold{{"Ruth Ames", ner.Person}}, ""},
		{"Crime fell last year, the home secretary said. Shadow home secretary Ruth Ames disputed it.",
			[]gold{{"Ruth Ames", ner.Person}}, ""},
		// one of many
		{"The deal is done, the official said. Trade official Ruth Ames confirmed it.",
			[]gold{{"Ruth Ames", ner.Person}}, ""},
		// a person named in the description's own sentence is someone else
		{"On Monday the president praised President Luis Mora of Chile. The two leaders signed a trade deal.",
			[]gold{{"Luis Mora", ner.Person}}, ""},
		// ... unless right after the description, which is her title
		{"The Dutch transport minister Anna Berg told parliament there was no need for a new inquiry.",
			[]gold{{"Anna Berg", ner.Person}}, "Anna Berg"},
		// a successor is not the one who left
		{"After the vote the chairman resigned on Friday. Chairman Rob Lane, who replaced him, said the board would meet.",
			[]gold{{"Rob Lane", ner.Person}}, ""},
		// (unlinked before the guard too)
		{"After the vote the chairman resigned on Friday. The new chairman, Rob Lane, said the board would meet.",
			[]gold{{"Rob Lane", ner.Person}}, ""},
		// named much later: no link
		{"The city will build a new bridge, the mayor said. It will cost a lot. Work starts soon. Roads will close. Traffic will move. Mayor Nina Walsh spoke later.",
			[]gold{{"Nina Walsh", ner.Person}}, ""},
	} {
		doc := text.Analyze(c.s)
		es := Resolve(doc, mentionsOf(doc, c.golds...))
		got := ""
		for i := range es {
			for _, m := range mentionTexts(doc, &es[i], Common) {
				if m == "the mayor" || m == "the minister" || m == "the chancellor" || m == "the home secretary" || m == "the official" || m == "the president" || m == "the chairman" || m == "The Dutch transport minister" {
					got = es[i].Name
				}
			}
		}
		if got != c.want {
			t.Errorf("%q: the description is linked to %q, want %q", c.s, got, c.want)
		}
	}
}
