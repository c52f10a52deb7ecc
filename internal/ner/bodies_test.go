package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A name right after a kind of organisation is the organisation's, and so
// are the text's other mentions of it; people and places after such words
// keep their types.
func TestBodyNouns(t *testing.T) {
	checkNames(t, []nameCase{
		{"The report was written by UK think-tank Demos. Demos said broadband was changing habits.", "Demos", ner.Org},
		{"The charity Shelter warned that rents were rising. Shelter said families were struggling.", "Shelter", ner.Org},
		{"Retailer Argos cut its prices on Monday.", "Argos", ner.Org},
		// a person named after the kind of body
		{"The firm John Smith founded in 1990 was sold.", "John Smith", ner.Person},
		{"Comedian and broadcaster Cyril Fletcher has died aged 91.", "Cyril Fletcher", ner.Person},
		{"The head of the pilots union Geoffrey Bouvet said the plan was wrong.", "Geoffrey Bouvet", ner.Person},
	})
	// the kind of body is no part of the name
	_, ms := analyse(t, "Retailer Argos cut its prices on Monday.")
	for _, m := range ms {
		if m.Text == "Retailer Argos" {
			t.Errorf("mention %q holds the kind of body", m.Text)
		}
	}
}

// A first name that is a common word opening a sentence joins the name
// after it, but not in a question.
func TestSentenceFirstNames(t *testing.T) {
	checkNames(t, []nameCase{
		{"Will Smith co-stars alongside more robots than you can count.", "Will Smith", ner.Person},
		{"May Ellis said the plan was fair.", "May Ellis", ner.Person},
	})
	_, ms := analyse(t, "Will Smith win an award?")
	for _, m := range ms {
		if m.Text == "Will Smith" {
			t.Errorf("question: mention %q", m.Text)
		}
	}
}
