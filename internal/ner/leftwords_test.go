package ner_test

import "testing"

// A capitalised word between "the" and a name the model found joins the
// name; a month, a title or a number does not.
func TestLeftWords(t *testing.T) {
	for _, c := range []struct{ text, want, not string }{
		{"The Liberal Democrats want a cap on rents in towns.", "Liberal Democrats", "Democrats"},
		{"The Higher Education Funding Council will set the fees.", "Higher Education Funding Council", "Education Funding Council"},
		{"Economists read the April IMF report as a warning on debt.", "IMF", "April IMF"},
	} {
		_, ms := analyse(t, c.text)
		found := false
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
