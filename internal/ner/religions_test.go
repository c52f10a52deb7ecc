package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A faith's name is MISC, not a place or a company; a body named after
// one keeps its type.
func TestReligions(t *testing.T) {
	checkNames(t, []nameCase{
		{"The cleric said the book gave a narrow view of Islam, and he asked shops to withdraw it.", "Islam", ner.Misc},
		{"He converted to Islam in 1990 after a long stay in Cairo.", "Islam", ner.Misc},
		{"The course covers Judaism and Hinduism and Buddhism and Sikhism in twelve weeks.", "Hinduism", ner.Misc},
		{"The course covers Judaism and Hinduism and Buddhism and Sikhism in twelve weeks.", "Sikhism", ner.Misc},
	})
	// a person named Islam
	checkNames(t, []nameCase{
		{"The court heard that Rafiq Islam, 34, had no lawyer. Mr Islam denied the charge.", "Rafiq Islam", ner.Person},
		{"The court heard that Rafiq Islam, 34, had no lawyer. Mr Islam denied the charge.", "Mr Islam", ner.Person},
	})
	_, ms := analyse(t, "Followers of the Nation of Islam marched in Washington on Saturday.")
	for _, m := range ms {
		if m.Text == "Islam" {
			t.Errorf("a body named after a faith lost its name: %s", dump(ms))
		}
	}
}
