package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A name before "magazine", "newspaper" or "website" and a name ending in
// a web domain are organisations; a place or a demonym before the noun,
// and a place before the noun and the paper's name, are not.
func TestPublications(t *testing.T) {
	checkNames(t, []nameCase{
		{"One reviewer in Silver Lantern magazine called the film dull.", "Silver Lantern", ner.Org},
		{"Fans bid for the tickets on Ticketlark.com last week.", "Ticketlark.com", ner.Org},
		{"The Nairobi newspaper Daily Drum said the vote was close.", "Nairobi", ner.Location},
	})
}
