package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A region and a company's head word name a company ("South West
// Water"), but a compass word alone or a preposition of place leaves a
// place ("the West Bank", "at Rutland Water").
func TestRegionCompanies(t *testing.T) {
	checkNames(t, []nameCase{
		{"Shares in South West Water fell after the regulator cut its prices.", "South West Water", ner.Org},
		{"Anglian Water said bills would rise by 3% next year.", "Anglian Water", ner.Org},
		{"Profits at East Midlands Electricity rose by a fifth.", "East Midlands Electricity", ner.Org},
		{"Talks on the West Bank resumed on Monday.", "West Bank", ner.Location},
		{"West Bank farmers said the new wall cut them off from their land.", "West Bank", ner.Location},
		{"Walkers gathered at Rutland Water on Sunday.", "Rutland Water", ner.Location},
	})
}

// A person whose name ends in a company's head word stays a person where
// the text gives the surname a title; a name the model reads as a body or
// a place that an age follows between commas is a person's, and so are
// its other mentions (not "X, 40 percent owned by Y").
func TestAgedAndTitledNames(t *testing.T) {
	checkNames(t, []nameCase{
		{"A nurse from Leeds has won the lottery. Emily Power said she would keep working. Ms Power plans to buy a house.", "Emily Power", ner.Person},
		{"A nurse from Leeds has won the lottery. Victoria Power said she would keep working. Ms Power plans to buy a house.", "Victoria Power", ner.Person},
		{"The film was panned by critics. Writing in the Sunday paper, Philip Dutch called it dull. Mr Dutch has reviewed films for 40 years.", "Philip Dutch", ner.Person},
		{"A nurse from Leeds has won the lottery. Victoria Power, 34, said she would keep working at the hospital.", "Victoria Power", ner.Person},
		{"The club was bought last year. Halvorsen, 39, said the new stadium would open in May. Halvorsen also thanked the fans.", "Halvorsen", ner.Person},
		// a share, not an age
		{"The group owns Liberty Mining, 40 percent owned by Anglo Ventures, and two other firms.", "Liberty Mining", ner.Org},
		{"Yorkshire Water, 20, and Anglian Water, 15, were fined.", "Anglian Water", ner.Org},
		{"Shares in South West Water fell after the regulator cut its prices.", "South West Water", ner.Org},
	})
}

// A writer's role after their name in a byline is no organisation; the
// writer stays a person, and a publication named in a sentence stays.
func TestBylineRoles(t *testing.T) {
	doc := "Harbour pilots win night shift fight\n\nBy Tom Fielding, Harbour Correspondent\n\nThe pilots who guide ships into Westmere will no longer work alone at night, the port company said.\n"
	_, ms := analyse(t, doc)
	for _, m := range ms {
		if m.Text == "Harbour Correspondent" {
			t.Errorf("byline role %s %q: %s", m.Type, m.Text, dump(ms))
		}
	}
	checkNames(t, []nameCase{{doc, "Tom Fielding", ner.Person}})
	// (the rule reads bylines only: the model's mention stays, whatever
	// its type)
	_, ms = analyse(t, "By then the film had been praised by Ann Lee, a critic at the Westmere Reporter\nShe said it was the best film of the year.")
	found := false
	for _, m := range ms {
		found = found || m.Text == "Westmere Reporter"
	}
	if !found {
		t.Errorf("a publication outside a byline was dropped: %s", dump(ms))
	}
}
