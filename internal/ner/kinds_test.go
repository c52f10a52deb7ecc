package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A name's own words or the press noun before it settle its kind: an
// honorific in title case makes a person, a firm's or an institute's last
// word an organisation, an event's last word an event, and a press noun
// right before the name a publication; an elected member's title after a
// name is no part of it. Upper-case "DR" is no honorific and
// a known place stays a place.
func TestKinds(t *testing.T) {
	checkNames(t, []nameCase{
		{"Shares rose after Mr Cable's speech on taxes.", "Mr Cable", ner.Person},
		{"The chip was built by Ridley Labs in Oregon.", "Ridley Labs", ner.Org},
		{"Crowds filled the halls of the Gadgetworld Expo in San Diego on Monday.", "Gadgetworld Expo", ner.Event},
		{"The singer topped the list compiled by US magazine Blue Lantern this week.", "Blue Lantern", ner.Org},
		{"The Bolton West MP, who quit the party, wants a new group.", "Bolton West", ner.Org},
		{"A Green MEP said the vote was close.", "Green", ner.Org},
		{"Fighting flared again in eastern DR Congo on Sunday, officials said.", "Congo", ner.Location},
	})
}
