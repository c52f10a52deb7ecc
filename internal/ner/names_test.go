package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// The name rules (names.go) on sentences where the model alone finds no
// name.
func TestNameRules(t *testing.T) {
	for _, c := range []struct {
		text, name string
		typ        ner.Type // "" : no mention of name at all
	}{
		{"Mr. Sessions defended the policy on Tuesday.", "Sessions", ner.Person},
		{"Mrs. Price thanked the volunteers at the shelter.", "Price", ner.Person},
		{"Sen. Cotton criticised the plan in a floor speech.", "Cotton", ner.Person},
		{"Rice said the talks had failed.", "Rice", ner.Person},
		{"Sessions has defended the plan since April.", "Sessions", ner.Person},
		{"Mateen was born in a small town near the coast.", "Mateen", ner.Person},
		{"Mara Delacroix opened the new clinic on Friday. Hours later, Delacroix was back in the capital.", "Delacroix", ner.Person},
		{"Twitter said it would review the post.", "Twitter", ner.Org},
		{"Officials said the talks had failed.", "Officials", ""},
		{"Prices rose sharply on Monday.", "Prices", ""},
		{"Sessions were held every morning for the new recruits.", "Sessions", ""},
		{"Newspapers said the storm had passed.", "Newspapers", ""},
		{"Deportation may not solve the problem, the minister said.", "Deportation", ""},
	} {
		_, ms := analyse(t, c.text)
		var got ner.Type
		for _, m := range ms {
			if m.Text == c.name {
				got = m.Type
			}
		}
		if got != c.typ {
			t.Errorf("%q: %s is %q, want %q (%s)", c.text, c.name, got, c.typ, dump(ms))
		}
	}
}

// More of the name rules: a known first name before a month's name, a
// transcript's speaker, a possessive and a pair of subjects at the start
// of a sentence; and labels that are no one.
func TestNameRulesMore(t *testing.T) {
	for _, c := range []struct {
		text, name string
		typ        ner.Type
	}{
		{"Theresa May said the deal was fair.", "Theresa May", ner.Person},
		{"HALVORSEN: I do not think that is what happened here.", "HALVORSEN", ner.Person},
		{"Hickenlooper’s plan was rejected by the committee.", "Hickenlooper", ner.Person},
		{"Begich and Landrieu are both in close races.", "Begich", ner.Person},
		{"The chief of police said Sessions is a friend of the force.", "Sessions", ner.Person},
		{"NOTE: The figures are provisional and may be revised.", "NOTE", ""},
		{"Parties warned of a long campaign.", "Parties", ""},
		{"Ricin, for example, is a poison.", "Ricin", ""},
	} {
		_, ms := analyse(t, c.text)
		var got ner.Type
		for _, m := range ms {
			if m.Text == c.name {
				got = m.Type
			}
		}
		if got != c.typ {
			t.Errorf("%q: %s is %q, want %q (%s)", c.text, c.name, got, c.typ, dump(ms))
		}
	}
}
