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

// An apposition whose title follows the organisation's name (", Corvel
// chairman,") or has plain nouns before its head (", a retail industry
// analyst at ...,") gives the person that role.
func TestAppositionPlainTitle(t *testing.T) {
	for _, tc := range []struct{ text, name, title, aff string }{
		{"Martin Oberg, Corvel Holdings chairman, said the merger would close in May.", "Martin Oberg", "chairman", "Corvel Holdings"},
		{"Dana Whitlock, a retail industry analyst at Benning Parr, said the shares looked cheap.", "Dana Whitlock", "retail industry analyst", "Benning Parr"},
	} {
		_, es := run(t, tc.text)
		e := named(es, tc.name)
		if e == nil || len(e.Roles) != 1 || e.Roles[0].Title != tc.title || e.Roles[0].Affiliation != tc.aff {
			t.Errorf("%q: %s = %+v, want one role %q of %q", tc.text, tc.name, e, tc.title, tc.aff)
		}
	}
}

// A one-word name the gazetteer does not know, typed a place, that begins
// the one company's name with a legal form is that company.
func TestFirstWordOfFirm(t *testing.T) {
	s := "Dorsey Group Inc. agreed to buy Quillan Bankshares Corp. for $90 million.\n\n" +
		"Ohio-based Quillan has 40 branches. Quillan shareholders will get cash.\n\n" +
		"Cuts were already under way at Quillan, its chief executive said. Quillan's shares rose 4 percent, and Quillan's board backed the offer."
	_, es := run(t, s)
	e := named(es, "Quillan Bankshares Corp.")
	if e == nil || len(e.Mentions) < 3 || named(es, "Quillan") != nil {
		t.Errorf("Quillan Bankshares Corp. = %+v, want its mentions in one entity", e)
	}
}

// An apposition's affiliation after "of" is the name's capitalised words,
// not the description after them; a title before another name is that
// name's, and no role is read from it.
func TestAppositionBounds(t *testing.T) {
	_, es := run(t, "Ana Belo, spiritual leader of Corvia and winner of the 2001 Harlan Prize, arrived on Monday.")
	if e := named(es, "Ana Belo"); e == nil || len(e.Roles) != 1 || e.Roles[0].Title != "spiritual leader" || e.Roles[0].Affiliation != "Corvia" {
		t.Errorf("Ana Belo = %+v, want one role spiritual leader of Corvia", e)
	}
	_, es = run(t, "Investigators questioned Vice Chairman Tom Reed, the son of Chairman Dale Reed, on Friday.")
	if e := named(es, "Tom Reed"); e == nil || len(e.Roles) != 1 || e.Roles[0].Title != "Vice Chairman" {
		t.Errorf("Tom Reed = %+v, want the one role Vice Chairman", e)
	}
}

// An elected member's title before a name is the person's role, and the
// name is the person's alone.
func TestMemberTitle(t *testing.T) {
	_, es := run(t, "Green MEP Carla Lindt said the vote was close. She said it would pass.")
	e := named(es, "Carla Lindt")
	if e == nil || len(e.Roles) != 1 || e.Roles[0].Title != "MEP" {
		t.Errorf("Carla Lindt = %+v, want one role MEP", e)
	}
}
