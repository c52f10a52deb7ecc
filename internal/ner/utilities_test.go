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
