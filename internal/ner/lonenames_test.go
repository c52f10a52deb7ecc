package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A lone surname inside a short text (loneNames), and the capitalised
// words inside a sentence that are no one's name: a headline's noun run
// into a name ("Man Utd"), a gloss in brackets, a tool after "via", a
// product after "painkiller", a rank or a compass word alone; a company's
// name after "company" or "firm" is an organisation's. Sentences of our
// own with made-up surnames: the first four names fail without loneNames
// and the -ly step, the Utd, Voip, Skype, Bluetooth, Vioxx, Lieutenant,
// West and company cases with loneNames as first written.
func TestLoneNames(t *testing.T) {
	checkNames(t, []nameCase{
		{"With Thistlewood keeping a small lead, the count goes on.", "Thistlewood", ner.Person},
		{"The last chance Thistlewood has is a strong turnout.", "Thistlewood", ner.Person},
		{"Thistlewood bluntly rejected the offer.", "Thistlewood", ner.Person},
		{"Harkavy quietly withdrew the bill on Friday.", "Harkavy", ner.Person},
		{"It is a step Thistlewood has been slow to take since the vote.", "Thistlewood", ner.Person},
		{"In the footage, Thistlewood looks pale.", "Thistlewood", ner.Person},
		{"Commuters blamed Statehouse officials for the closures.", "Statehouse", ""},
		{"She represented the 7th District for a decade.", "District", ""},
		{"Her post ended with a cheerful \"Congratulations\" to the team.", "Congratulations", ""},
		{"Students with Fulbright grants met in the hall.", "Fulbright", ""},
		{"He served as Provost of the college for years.", "Provost", ""},
		{"Man Utd to open talks with Lyon", "Utd", ""},
		{"Cheap calls over the web (Voip) worry phone firms.", "Voip", ""},
		{"Staff met via Skype because of the strike.", "Skype", ""},
		{"The phone connects via Bluetooth to the car.", "Bluetooth", ""},
		{"A study says daily use of the painkiller Vioxx raises the risk of strokes.", "Vioxx", ""},
		{"The letter was signed by Lieutenant and two aides.", "Lieutenant", ""},
		{"The Hawks stayed top of the (Pacific) West after a 3-1 win.", "West", ""},
		// after a noun that says company or band: an organisation
		{"The drinks group agreed to buy the wine company Marrowby for $200m.", "Marrowby", ner.Org},
		{"Video game firm Quillgrove is to hold open auditions for actors.", "Quillgrove", ner.Org},
	})
}
