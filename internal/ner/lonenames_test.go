package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A lone surname inside a short text (loneNames), and the capitalised
// words inside a sentence that are no one's name.
func TestLoneNames(t *testing.T) {
	checkNames(t, []nameCase{
		{"That is something Putin has been loath to do since the vote.", "Putin", ner.Person},
		{"The town hall implied Cosby to be a truth teller.", "Cosby", ner.Person},
		{"In the photos, Sentsov looks tired and thin.", "Sentsov", ner.Person},
		{"With Schatz holding a narrow lead, both candidates must wait.", "Schatz", ner.Person},
		{"The only chance Preckwinkle has is a high turnout.", "Preckwinkle", ner.Person},
		{"McInnes regularly incites his followers online.", "McInnes", ner.Person},
		{"Preckwinkle quietly dropped the plan on Friday.", "Preckwinkle", ner.Person},
		{"Voters blamed Statehouse politicians for the delay.", "Statehouse", ""},
		{"She represented the 7th District for a decade.", "District", ""},
		{"Her post ended with a cheerful \"Congratulations\" to the team.", "Congratulations", ""},
		{"Students with Fulbright grants met in the hall.", "Fulbright", ""},
		{"He served as Provost of the college for years.", "Provost", ""},
	})
}
