package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// TestBandEvidence: a band named like a person is an ORGANIZATION where the
// text names it a band ("the band X", "X frontman Y", "X, the Bristol
// four-piece,") or gives it a plural verb beside its work ("X's new album"
// and "X have"); a singer with the same evidence of work alone, a singer
// named so, a name with an age or with its surname written alone, and a
// duo of two people stay people.
func TestBandEvidence(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       ner.Type
	}{
		{`Tickets went on sale on Monday for the tour of the band Martha Dunmore, which starts in Leeds in March.`, "Martha Dunmore", ner.Org},
		{`Martha Dunmore frontman Oliver Pask said the record had been made in a fortnight in a barn near Hereford.`, "Martha Dunmore", ner.Org},
		{`Martha Dunmore, the Bristol four-piece, will close the festival on Sunday night after a year away.`, "Martha Dunmore", ner.Org},
		{`Martha Dunmore's new album reached number three on Sunday. Martha Dunmore have also added two dates in Cardiff to their spring tour.`, "Martha Dunmore", ner.Org},
		// people
		{`Martha Dunmore's new album reached number three on Sunday. Martha Dunmore played a gig in Cardiff on Friday night.`, "Martha Dunmore", ner.Person},
		{`Singer Martha Dunmore said the band had made the record in a fortnight. Martha Dunmore have been, she joked, a busy woman.`, "Martha Dunmore", ner.Person},
		{`Martha Dunmore, 34, said the band Oliver Pask had helped her. Martha Dunmore have never, she said, toured so much.`, "Martha Dunmore", ner.Person},
		{`Martha Dunmore's new album reached number three on Sunday. Martha Dunmore have, in Ms Dunmore's words, never worked harder.`, "Martha Dunmore", ner.Person},
		{`The comedy duo Martha Dunmore and Oliver Pask have a new series on Channel 4 this spring.`, "Martha Dunmore", ner.Person},
		{`Seam trio Martha Dunmore (3-41), Oliver Pask (2-17) and Tom Reddy bowled the visitors out before tea.`, "Martha Dunmore", ner.Person},
	} {
		_, es := run(t, c.text)
		if e := named(es, c.name); e == nil || e.Type != c.want {
			t.Errorf("%q: %s is %+v, want %s", c.text, c.name, e, c.want)
		}
	}
}

// TestBandNamedPlace: a band whose name the recogniser reads as a place or
// a MISC name is an ORGANIZATION where the text names it a band ("the band
// X", "X bassist Y"); "X members" alone (a party's, a club's) and a name
// written as a place ("in X") keep their types.
func TestBandNamedPlace(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       ner.Type
	}{
		{`Fans queued overnight to see the band Linden Park, who sold out the arena in an hour. Linden Park guitarist Tom Reddy said the tour would end in May.`, "Linden Park", ner.Org},
		{`Tickets for Marble Bay went on sale on Friday, and Marble Bay bassist Ann Lee said they sold out in an hour.`, "Marble Bay", ner.Org},
		// not a band
		{`Tickets for Marble Bay went on sale on Friday, and Marble Bay members said they sold out in an hour.`, "Marble Bay", ner.Location},
		{`Tourists filled the hotels in Marble Bay in August. Marble Bay bassist Ann Lee said the town had never been so full.`, "Marble Bay", ner.Location},
	} {
		_, es := run(t, c.text)
		if e := named(es, c.name); e == nil || e.Type != c.want {
			t.Errorf("%q: %s is %+v, want %s", c.text, c.name, e, c.want)
		}
	}
}
