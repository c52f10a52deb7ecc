package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// The name rules (names.go) on sentences where the model alone finds no
// name.
func TestNameRules(t *testing.T) {
	checkNames(t, []nameCase{
		{"Mr. Sessions defended the policy on Tuesday.", "Sessions", ner.Person},
		{"Mrs. Price thanked the volunteers at the shelter.", "Price", ner.Person},
		{"Sen. Cotton criticised the plan in a floor speech.", "Cotton", ner.Person},
		{"Okonkwo said the talks had failed.", "Okonkwo", ner.Person},
		{"Rice said the talks had failed.", "Rice", ""}, // a common word, no evidence
		{"Sessions has defended the plan since April.", "Sessions", ""},
		{"Mr. Sessions arrived late. Sessions has defended the plan since April.", "Sessions", ner.Person},
		{"As Mr Prior remarks, the shelves are full again.", "Prior", ner.Person},
		{"Lord Chief Justice Harwell opened the session.", "Chief", ""},
		{"The trains leave from the King Cross station every hour.", "Cross", ""},
		{"Mateen was born in a small town near the coast.", "Mateen", ner.Person},
		{"Mara Delacroix opened the new clinic on Friday. Hours later, Delacroix was back in the capital.", "Delacroix", ner.Person},
		{"Twitter said it would review the post.", "Twitter", ner.Org},
		{"Officials said the talks had failed.", "Officials", ""},
		{"Prices rose sharply on Monday.", "Prices", ""},
		{"Sessions were held every morning for the new recruits.", "Sessions", ""},
		{"Newspapers said the storm had passed.", "Newspapers", ""},
		{"Deportation may not solve the problem, the minister said.", "Deportation", ""},
	})
}

// More of the name rules: a known first name before a month's name, a
// transcript's speaker, a possessive and a pair of subjects at the start
// of a sentence; and labels that are no one.
func TestNameRulesMore(t *testing.T) {
	checkNames(t, []nameCase{
		{"Theresa May said the deal was fair.", "Theresa May", ner.Person},
		{"HALVORSEN: I do not think that is what happened here.", "HALVORSEN", ner.Person},
		{"Hickenlooper’s plan was rejected by the committee.", "Hickenlooper", ner.Person},
		{"Dembarra, 58, spoke first at the rally.", "Dembarra", ner.Person},
		{"The chief of police said Sessions is a friend of the force.", "Sessions", ""},
		{"Mrs. Sessions left early. The chief of police said Sessions is a friend of the force.", "Sessions", ner.Person},
		{"Subs: Garrow, Pellin, Tuckett, Marne.", "Subs", ""},
		{"Howl's Moving Castle opens in cinemas this week.", "Howl", ""},
		{"NOTE: The figures are provisional and may be revised.", "NOTE", ""},
		{"Parties warned of a long campaign.", "Parties", ""},
		{"Ricin, for example, is a poison.", "Ricin", ""},
	})
}

// In a whole article the rules want evidence that a word names a person:
// a company's or a product's name standing first before its verb is none
// ("Brightwave is"), while a person named in full or in an apposition
// with a role is.
func TestNameRulesArticle(t *testing.T) {
	const body = " The firm was founded in 1998 by two engineers. Its shares rose on Monday." +
		" Analysts expect more growth next year. Demand for home networks is strong."
	for _, c := range []struct {
		text, name string
		typ        ner.Type
	}{
		{"Brightwave is a small maker of routers." + body, "Brightwave", ""},
		{"Brightwave offers cheaper routers than its rivals." + body, "Brightwave", ""},
		{"Truancy has risen in the town's schools." + body, "Truancy", ""},
		{"Safeholm, the third largest grocer, cut its prices." + body, "Safeholm", ""},
		{"Dembarra, a retired judge, chaired the panel." + body, "Dembarra", ner.Person},
		{"Ama Dembarra chaired the panel." + body + " Dembarra is expected to report in May.", "Dembarra", ner.Person},
		{"Senator Tolliver chaired the panel." + body + " Tolliver has since stepped down.", "Tolliver", ner.Person},
	} {
		_, ms := analyse(t, c.text)
		var got ner.Type
		for _, m := range ms {
			if m.Text == c.name && got != ner.Person {
				got = m.Type
			}
		}
		if got != c.typ && (c.typ != "" || got == ner.Person) {
			t.Errorf("%q: %s is %q, want %q (%s)", c.text, c.name, got, c.typ, dump(ms))
		}
	}
}

// nameCase: in text, the mention whose text is name has type typ ("": no
// mention of name at all).
type nameCase struct {
	text, name string
	typ        ner.Type
}

// typeOf is the type of the last mention in ms whose text is name, ""
// when there is none.
func typeOf(ms []ner.Mention, name string) ner.Type {
	var typ ner.Type
	for _, m := range ms {
		if m.Text == name {
			typ = m.Type
		}
	}
	return typ
}

func checkNames(t *testing.T, cases []nameCase) {
	t.Helper()
	for _, c := range cases {
		_, ms := analyse(t, c.text)
		if got := typeOf(ms, c.name); got != c.typ {
			t.Errorf("%q: %s is %q, want %q (%s)", c.text, c.name, got, c.typ, dump(ms))
		}
	}
}

// A month that is also a person's surname is a date where it is used as
// one ("in May", "since June", "May 2005"), and stays the person after a
// first name or a title, before a verb or a possessive, and in
// "confidence in May".
func TestMonthSurnameAsDate(t *testing.T) {
	for _, c := range []struct {
		text    string
		persons int // mentions of the person with the text of the month
	}{
		{"Theresa May said the vote would come in May.", 1},
		{"Theresa May spoke. The election is likely to take place in May 2005.", 1},
		// (a case of "June Whitfield ... since June" counted no mention of
		// May: it could not fail)
		{"Theresa May spoke. Prices have risen since May.", 1},
		{"Theresa May spoke. Voting closes in early May.", 1},
		{"Theresa May spoke. Her party lost confidence in May.", 2},
		{"Theresa May spoke. Taxes have risen since May took office.", 2},
		{"Theresa May spoke. Mrs May said the plan was fair.", 2},
	} {
		_, ms := analyse(t, c.text)
		n := 0
		for _, m := range ms {
			if m.Type == ner.Person && (m.Text == "May" || m.Text == "Theresa May") {
				n++
			}
		}
		if n != c.persons {
			t.Errorf("%q: %d person mentions of May, want %d (%s)", c.text, n, c.persons, dump(ms))
		}
	}
}

// A month's name at the end of a sentence is a date without the stop;
// an abbreviation keeps its own ("Jan. 12").
func TestMonthStop(t *testing.T) {
	for text, want := range map[string]string{
		"The ferry has been idle since June.":         "June",
		"The ferry sails again on Jan. 12.":           "Jan. 12",
		"The ferry has been idle since January 2005.": "January 2005",
	} {
		_, ms := analyse(t, text)
		found := false
		for _, m := range ms {
			if m.Type == ner.Date {
				found = true
				if m.Text != want {
					t.Errorf("%q: date %q, want %q", text, m.Text, want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no date (%s)", text, dump(ms))
		}
	}
}
