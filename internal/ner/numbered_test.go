package ner_test

import "testing"

// Two organisation names around a small number are one name; a score
// line and a rank are not.
func TestNumberedNames(t *testing.T) {
	for _, c := range []struct{ text, want, not string }{
		{"Activists from Mothers 4 Justice climbed the bridge on Monday.", "Mothers 4 Justice", "Justice"},
		{"Results: Leeds 2 Hull 0, Wigan 1 Bolton 1.", "", "Leeds 2 Hull"},
		{"Results: Ardmore 1 Vell (B) 0, Tarn 2 Oskel 2.", "", "Ardmore 1 Vell"},
	} {
		_, ms := analyse(t, c.text)
		found := c.want == ""
		for _, m := range ms {
			if m.Text == c.want {
				found = true
			}
			if m.Text == c.not {
				t.Errorf("%q: mention %q (%s)", c.text, c.not, dump(ms))
			}
		}
		if !found {
			t.Errorf("%q: no mention %q (%s)", c.text, c.want, dump(ms))
		}
	}
}
