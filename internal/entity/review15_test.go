package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A town that retype gives back to the places because the text writes it
// as one ("The Hartlepool mayor said") gets its country and coordinates
// even when the text names no other place of its country.
func TestRetypedTownPlaced(t *testing.T) {
	_, es := run(t, "Mayor backs plan\n\nThe Hartlepool mayor said on Monday that the new bridge would be built next year. He said the cost would be shared.")
	e := named(es, "Hartlepool")
	if e == nil || e.CountryCode != "GB" || e.Location == nil {
		t.Errorf("Hartlepool = %+v, want GB with coordinates", e)
	}
}

// A town that hosts something is a place ("Glasgow hosts charity
// concert"), and so is a region after "in the" ("in the Midlands"); the
// Midlands, which ISO 3166-2 does not list, is in the UK.
func TestHostTownAndMidlands(t *testing.T) {
	_, es := run(t, "Glasgow hosts charity concert\n\nBands from across the country will play at the concert next month. "+
		"Organisers said tickets sold out in an hour. Floods have hit hundreds of homes in the Midlands this week.")
	for _, name := range []string{"Glasgow", "Midlands"} {
		if e := named(es, name); e == nil || e.Type != ner.Location || e.CountryCode != "GB" {
			t.Errorf("%s = %+v, want a place in GB", name, e)
		}
	}
	// a club hosts its rivals
	_, es = run(t, "Bolton hosted Arsenal on Saturday and won 1-0.")
	if e := named(es, "Bolton"); e != nil && e.Type == ner.Location {
		t.Errorf("Bolton the club = %+v, a place", e)
	}
	// a region as the subject of "be" or "have" is still the region
	for _, s := range []string{
		"Storm damage\n\nEast Anglia was hit hardest by the gales, forecasters said on Monday.",
		"Jobs figures\n\nEast Anglia has the lowest jobless rate of any region, the figures show.",
	} {
		_, es = run(t, s)
		if e := named(es, "East Anglia"); e == nil || e.CountryCode != "GB" {
			t.Errorf("%q: East Anglia = %+v, want GB", s, e)
		}
	}
	// a town takes no "the": after "in the" it is a race or a bank
	for _, c := range []struct{ text, name string }{
		{"Racing\n\nThe colt finished third in the Derby at Epsom on Saturday.", "Derby"},
		{"Mortgage rates rise\n\nBorrowers in the Halifax were hit hardest, the bank said on Monday.", "Halifax"},
	} {
		_, es = run(t, c.text)
		if e := named(es, c.name); e != nil && e.Type == ner.Location {
			t.Errorf("%q: %s = %+v, a place", c.text, c.name, e)
		}
	}
	_, es = run(t, "Power deal agreed\n\nEast Midlands shares rose 5% after the bid. Its chairman said the offer was fair.")
	if e := named(es, "East Midlands"); e != nil && e.CountryCode != "" && e.Type == ner.Location {
		t.Errorf("East Midlands the company = %+v, placed as the region", e)
	}
}
