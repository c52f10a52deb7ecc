package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A name after a noun of kin or "directed by" is a person's; a studio's
// name ending in a company word is not.
func TestCreditedPeople(t *testing.T) {
	checkNames(t, []nameCase{
		{"She came to the gala in Rome with her boyfriend Rufus Bloom.", "Rufus Bloom", ner.Person},
		{"The thriller, directed by Sofia Marlow, has won three prizes.", "Sofia Marlow", ner.Person},
		{"Last year's hit drama was directed by Orla Keswick.", "Orla Keswick", ner.Person},
		{"The series was produced by Harbour Lane Pictures in Leeds.", "Harbour Lane Pictures", ner.Org},
	})
}
