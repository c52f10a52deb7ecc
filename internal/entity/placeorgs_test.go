package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A town or county the recogniser types an organisation (its training
// text's clubs) is a place, with its country, in a story with no sport in
// it when the text writes it as one: before "mayor", "station",
// "headquarters" or "seat", after "from" or "visit to", a county after a
// town and a comma.
func TestPlaceOrgsInCouncilStories(t *testing.T) {
	const story = `Hartlepool mayor joins rail protest

Hartlepool mayor Stuart Drummond joined commuters at Darlington station on Monday to protest against cuts to the service.
Mr Drummond said the council had written to ministers twice. A commuter from Durham said the trains were always late.
The protest ended outside the operator's Sunderland headquarters, where campaigners handed in a petition signed by residents of Malvern, Worcestershire.`
	_, es := run(t, story)
	for _, name := range []string{"Hartlepool", "Darlington", "Durham", "Sunderland", "Worcestershire"} {
		e := named(es, name)
		if e == nil {
			t.Errorf("no entity %q", name)
			continue
		}
		if e.Type != ner.Location || e.CountryCode != "GB" {
			t.Errorf("%s: %s %q, want a place in GB", name, e.Type, e.CountryCode)
		}
	}
}

// In a sports report the same names are clubs: "moved to Sunderland from
// Hartlepool", "20 appearances at Sunderland" are transfers and games, not
// places.
func TestPlaceOrgsKeepClubs(t *testing.T) {
	const report = `The defender moved to Sunderland from Hartlepool last summer for 1 million pounds.
He made 20 appearances at Sunderland before a knee injury ended his season in March.
Sunderland won 2-1 at home on Saturday and are third in the league.`
	_, es := run(t, report)
	for _, name := range []string{"Hartlepool", "Sunderland"} {
		e := named(es, name)
		if e == nil {
			t.Errorf("no entity %q", name)
			continue
		}
		if e.Type != ner.Org {
			t.Errorf("%s: %s, want the club (an organisation)", name, e.Type)
		}
	}
}
