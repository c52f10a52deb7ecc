package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// "In London, U.S. officials said": the comma ends an opening phrase, it
// does not place London in the United States. A town of the same country
// still takes the state ("Whittier, Alaska police").
func TestOpeningPhraseNotTownState(t *testing.T) {
	for _, tc := range []struct {
		text, name, code, region string
		loc                      bool
	}{
		{"Speaking in London, U.S. officials said the talks would resume next week.", "London", "GB", "", true},
		{"At a dinner in Tokyo, America's envoy praised the trade pact.", "Tokyo", "JP", "", true},
		{"The mill in Whittier, Alaska police said, closed last spring.", "Whittier", "US", "US-AK", false},
	} {
		_, es := run(t, tc.text)
		e := named(es, tc.name)
		if e == nil || e.CountryCode != tc.code || e.Region != tc.region || (e.Location != nil) != tc.loc {
			t.Errorf("%q: %s = %+v, want %s %q coordinates %v", tc.text, tc.name, e, tc.code, tc.region, tc.loc)
		}
	}
}

// A club or a company written "in X's win" or "a stake in X" is not the
// town of its name.
func TestClubAndCompanyAfterIn(t *testing.T) {
	for _, tc := range []struct{ text, name string }{
		{"Dean Hollis scored twice in Liverpool's 3-1 win over Chelsea on Saturday. Liverpool climbed to second place.", "Liverpool"},
		{"The pension fund bought a 20 percent stake in Toyota last year and sold it in March.", "Toyota"},
	} {
		_, es := run(t, tc.text)
		if e := named(es, tc.name); e == nil || e.Type != ner.Org || e.Location != nil {
			t.Errorf("%q: %s = %+v, want the organisation", tc.text, tc.name, e)
		}
	}
}
