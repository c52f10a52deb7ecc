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
