package entity_test

import "testing"

// The organisation after "at" or "with" is a person's employer after a
// lower-case job title, not after a capitalised office, nor when it
// modifies a plural noun.
func TestAffiliationAfterName(t *testing.T) {
	for _, tc := range []struct{ text, name, aff string }{
		{"Secretary of State Carla Mendes with NATO officials toured the base on Monday.", "Carla Mendes", ""},
		{"Treasury Secretary Paul Varga at Harvard University on Thursday defended the budget.", "Paul Varga", ""},
		{"\"Prices will rise,\" said energy analyst Rita Holm at Renaissance Capital brokerage in Moscow.", "Rita Holm", "Renaissance Capital"},
		{"\"Demand is weak,\" said analyst Omar Fenwick with Morgan Stanley in New York.", "Omar Fenwick", "Morgan Stanley"},
	} {
		_, es := run(t, tc.text)
		e := named(es, tc.name)
		if e == nil || len(e.Roles) == 0 || e.Roles[0].Affiliation != tc.aff {
			t.Errorf("%q: %s = %+v, want the affiliation %q", tc.text, tc.name, e, tc.aff)
		}
	}
}

// "executive vice president" is one title, written in lower case or
// capitalised, with the organisation named before it.
func TestExecutiveVicePresident(t *testing.T) {
	for _, tc := range []struct{ text, name, title, aff string }{
		{"New routes will open in March, the carrier's executive vice president Maria Olsen said.", "Maria Olsen", "executive vice president", ""},
		{"Oakfield Bank Executive Vice President Tom Reyes said profits would rise.", "Tom Reyes", "Executive Vice President", "Oakfield Bank"},
	} {
		_, es := run(t, tc.text)
		e := named(es, tc.name)
		if e == nil || len(e.Roles) != 1 || e.Roles[0].Title != tc.title || e.Roles[0].Affiliation != tc.aff {
			t.Errorf("%q: %s = %+v, want one role %q of %q", tc.text, tc.name, e, tc.title, tc.aff)
		}
	}
}

// "a vice president with Boston consulting firm Yankee Group Inc.": the
// employer is the organisation the description names, not the city
// before it (which the recogniser may type an organisation).
func TestDescribedEmployer(t *testing.T) {
	for _, tc := range []struct{ text, name, aff string }{
		{"Lena Marsh, a vice president with Boston consulting firm Quarry Group Inc., called the prices fair.", "Lena Marsh", "Quarry Group Inc."},
		{"Paula Reyes, an analyst at Chicago brokerage firm Harris Weller Co., said the stock was cheap.", "Paula Reyes", "Harris Weller Co."},
	} {
		_, es := run(t, tc.text)
		e := named(es, tc.name)
		if e == nil || len(e.Roles) == 0 || e.Roles[0].Affiliation != tc.aff {
			t.Errorf("%q: %s = %+v, want the affiliation %q", tc.text, tc.name, e, tc.aff)
		}
	}
}
