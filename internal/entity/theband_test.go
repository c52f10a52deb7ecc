package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// TestTheBand: a plural name after "the" in a text about music is a band
// (an organisation) where the recogniser read it as a group of people
// (MISC); not outside a text about music, not a family of someone the
// text names, not a modifier of a noun.
func TestTheBand(t *testing.T) {
	for _, c := range []struct {
		text, name string
		band       bool
	}{
		{"Critics compared the album to early records by The Lanterns and other indie bands. The singer said the band " +
			"had written the songs in a week.", "Lanterns", true},
		{"The festival will close with a set by the Harbours on Sunday night. The band's new album reached number two " +
			"in the charts, and its singer said the gig would be long.", "Harbours", true},
		// not about music
		{"Historians compared the village to early farms built by the Pilgrims and other settlers. The museum said " +
			"the hall had been full all week.", "Pilgrims", false},
		// a family
		{"Ann Harbour said the Harbours had sold their farm to pay for the album. The band's new single reached number " +
			"two in the charts, and the gig will be long.", "Harbours", false},
		// a modifier
		{"Critics compared the album to the Lanterns songs of the sixties and to other indie bands. The singer said the band " +
			"had written it in a week.", "Lanterns", false},
	} {
		_, es := run(t, c.text)
		e := named(es, c.name)
		if e == nil {
			t.Errorf("%q: no %s", c.text, c.name)
			continue
		}
		if (e.Type == ner.Org) != c.band {
			t.Errorf("%q: %s is %s, band %v", c.text, c.name, e.Type, c.band)
		}
	}
}
