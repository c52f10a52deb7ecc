package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A town the recogniser types an organisation is a place when the text
// writes it after "in" more often than as a body.
func TestTownsInPoliticalStories(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"The party will hold its spring conference in Blackpool, officials confirmed. Delegates said Blackpool hotels were already full.", "Blackpool"},
		{"Campaigners marched in Darlington on Saturday against the closure of the ward.", "Darlington"},
	} {
		_, es := run(t, c.text)
		e := named(es, c.name)
		if e == nil || e.Type != ner.Location {
			t.Errorf("%q: %s is not a place", c.text, c.name)
		}
	}
}

// "The Public and Commercial Services union": one organisation, not
// "Commercial Services" alone.
func TestAndInBodyNames(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"Leaders of the Public and Commercial Services union said members would vote on a strike.", "Public and Commercial Services"},
		{"A spokesman for the Transport and General Workers Union declined to comment on the talks.", "Transport and General Workers Union"},
	} {
		_, es := run(t, c.text)
		if e := named(es, c.name); e == nil || e.Type != ner.Org {
			t.Errorf("%q: no organisation %q", c.text, c.name)
		}
	}
}

// A town's name the recogniser typed a person is a place in a list of
// places the gazetteer knows ("in Cardiff, Swansea and Bath").
func TestTownListed(t *testing.T) {
	for _, tc := range []struct{ text, name string }{
		{"Its stores in Cardiff, Swansea and Bath will shut before Easter, the retailer said.", "Bath"},
		{"Bus fares will rise in Leeds, York and Preston next month, the operator said.", "Preston"},
		{"The report compared house prices in Oxford and Chelsea over the last ten years.", "Chelsea"},
	} {
		_, es := run(t, tc.text)
		if e := named(es, tc.name); e == nil || e.Type != ner.Location {
			t.Errorf("%s: %+v, want a place", tc.name, e)
		}
	}
}
