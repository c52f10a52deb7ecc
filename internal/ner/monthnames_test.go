package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A full month that opens a person's name joins the surname after it
// ("June Hollis"), but after a preposition of time, a number or a word
// that opens a date it stays a date ("in June Smith said").
func TestMonthFirstNames(t *testing.T) {
	checkNames(t, []nameCase{
		{"The comedy stars June Hollis as a retired teacher. Hollis said she loved the script.", "June Hollis", ner.Person},
		{"Singer April Vance has signed a new deal. Vance told fans she was thrilled.", "April Vance", ner.Person},
		// the agent of a passive
		{"The book was written by June Marlowe. Marlowe has written nine novels.", "June Marlowe", ner.Person},
	})
	for _, s := range []string{
		"In June Smith said the plan would fail. Smith is the party treasurer.",
		"Last June Brown was named chairman. Brown said he was pleased.",
		"The deadline is the end of June Smith said on Monday.",
	} {
		_, ms := analyse(t, s)
		for _, m := range ms {
			if m.Type == ner.Person && len(m.Text) > 5 && (m.Text[:4] == "June" || m.Text[:4] == "Last") {
				t.Errorf("%q: the date joined the name: %s", s, dump(ms))
			}
		}
		if !hasType(ms, ner.Date) {
			t.Errorf("%q: no date: %s", s, dump(ms))
		}
	}
}

func hasType(ms []ner.Mention, typ ner.Type) bool {
	for _, m := range ms {
		if m.Type == typ {
			return true
		}
	}
	return false
}
