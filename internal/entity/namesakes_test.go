package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A city name shared by large cities of several countries ("Newcastle":
// England, New South Wales, KwaZulu-Natal) is placed by the text's other
// places, or by its country's name; with no evidence it gets neither
// country nor coordinates. A city far the largest of its name is placed
// by the name alone (Plymouth, England, not the capital of Montserrat).
func TestNamesakeCities(t *testing.T) {
	for _, tc := range []struct {
		text, name, code string
	}{
		{"A new casino will open in Newcastle next year, the developer said on Monday.", "Newcastle", ""},
		{"Ships loaded coal in Newcastle and Brisbane last week as Australian exports rose.", "Newcastle", "AU"},
		{"Heavy rain flooded streets in Newcastle on Tuesday, and schools in Durham and Sunderland closed.", "Newcastle", "GB"},
		{"The civil servants will move to Birmingham and Newcastle over the next five years.", "Newcastle", "GB"},
		{"Fishermen in Plymouth protested on Friday about new quotas.", "Plymouth", "GB"},
		// far the largest of its name, whatever other country the text names
		// when it is far from the namesake
		{"The American sprinter won two gold medals in Athens and now trains in Texas.", "Athens", "GR"},
		{"Shares closed higher in Toronto and London on Friday.", "London", "GB"},
		{"Fans travelled from Birmingham to see the match, police in Coventry said.", "Birmingham", "GB"},
		// a namesake far smaller than the best-known city of its name, when
		// the text names its own state or a town near it
		{"Gunmen fought in Tripoli for a third day, and the army sent more troops north from Beirut.", "Tripoli", "LB"},
		{"The museum in Birmingham reopened on Saturday with money from the state of Alabama.", "Birmingham", "US"},
		{"The senator spent the weekend in Manchester, meeting voters before the New Hampshire primary.", "Manchester", "US"},
	} {
		doc, es := run(t, tc.text)
		e := owner(doc, es, tc.name, 0)
		if e == nil {
			t.Errorf("%q: no entity for %s", tc.text, tc.name)
			continue
		}
		if e.CountryCode != tc.code {
			t.Errorf("%q: %s placed in %q, want %q", tc.text, tc.name, e.CountryCode, tc.code)
		}
		if (e.Location != nil) != (tc.code != "") {
			t.Errorf("%q: %s location %v", tc.text, tc.name, e.Location)
		}
	}
}

// "The Hague" is the city (the article is no part of the name kept).
func TestTheHague(t *testing.T) {
	doc, es := run(t, "The court in The Hague will rule on Friday, lawyers in Amsterdam said.")
	if e := owner(doc, es, "Hague", 0); e == nil || e.CountryCode != "NL" {
		t.Errorf("The Hague: %+v", e)
	}
}

// "Oshawa, Ontario": the province of the town's country, not a namesake
// city abroad; a "-based" modifier writes a town as a place.
func TestRegionAfterTown(t *testing.T) {
	doc, es := run(t, "The car maker builds vans in Detroit, Michigan, in Dallas, Texas, and in Oshawa, Ontario.")
	if e := owner(doc, es, "Ontario", 0); e == nil || e.Region != "CA-ON" {
		t.Errorf("Ontario: %+v", e)
	}
	// a region abroad is no namesake city's to displace: the state of
	// Victoria, not the Canadian city
	doc, es = run(t, "Bushfires spread across Victoria on Sunday, officials said.")
	if e := owner(doc, es, "Victoria", 0); e == nil || e.Region != "AU-VIC" {
		t.Errorf("Victoria: %+v", e)
	}
	doc, es = run(t, "Shares of the Leuven-based chip designer climbed in Brussels on Monday.")
	if e := owner(doc, es, "Leuven", 0); e == nil || e.CountryCode != "BE" {
		t.Errorf("Leuven: %+v", e)
	}
}

// A namesake three times smaller than the largest city of its name is
// placed by its country's other places when the text names nothing of the
// larger one's country: "Hamilton" beside Wellington and the New Zealand
// dollar is the Waikato city (400 km from Wellington, beyond the reach of
// a near town), not Hamilton, Ontario. A US namesake needs its own state
// ("Athens" beside Texas and California stays Greek), a city five times the
// size of its namesakes needs a town near one ("London" in a story from
// Ottawa stays English, "Kingston" beside Toronto Jamaican), and a place of
// the larger city's country keeps it.
func TestNamesakeByCountryPlaces(t *testing.T) {
	for _, tc := range []struct {
		text, name, code string
	}{
		{"Floods closed roads in Hamilton on Monday. The city council said repairs would cost millions. Officials in Wellington promised help, and the New Zealand dollar fell.", "Hamilton", "NZ"},
		{"Floods closed roads in Hamilton on Monday. Officials in Christchurch and Wellington promised help.", "Hamilton", "NZ"},
		{"Floods closed roads in Hamilton on Monday. Officials in Toronto and Wellington promised help.", "Hamilton", "CA"},
		{"Floods closed roads in Hamilton on Monday, the city council said.", "Hamilton", "CA"},
		{"The American sprinter won two gold medals in Athens and now trains in Texas and California.", "Athens", "GR"},
		{"Canadian officials in Ottawa said talks in London would resume on Monday.", "London", "GB"},
		{"Canadian tourists stranded in Kingston by the storm flew home to Toronto and Montreal on Sunday.", "Kingston", "JM"},
		{"The prime minister returned to Wellington from Auckland on Friday.", "Wellington", "NZ"},
	} {
		doc, es := run(t, tc.text)
		e := owner(doc, es, tc.name, 0)
		if e == nil {
			t.Errorf("%q: no entity for %s", tc.text, tc.name)
			continue
		}
		if e.CountryCode != tc.code || e.Location == nil {
			t.Errorf("%q: %s placed in %q (%v), want %q", tc.text, tc.name, e.CountryCode, e.Location, tc.code)
		}
	}
}

// A town the recogniser reads as a surname ("Hamilton") is a place when
// the text only ever writes it as one: after "in", "near", "outside", or
// as what a mayor or council is "of"; a name also used as a person stays
// one, and so does one "in" after a word that takes a person there
// ("trust in Hamilton", "brought in Hamilton").
func TestTownReadAsPerson(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		typ        ner.Type
		code       string
	}{
		{"The council in Hamilton approved the budget on Monday. Officials in Auckland and Wellington welcomed the plan.", "Hamilton", ner.Location, "NZ"},
		{"The mayor of Hamilton said on Tuesday the city would bid for the games. Wellington and Christchurch have also bid, New Zealand officials said.", "Hamilton", ner.Location, "NZ"},
		{"Hamilton said he was happy with the car. Fans in Hamilton cheered.", "Hamilton", ner.Person, ""},
		// "in" after a word that takes a person: trust in, faith in,
		// brought in (a coach), an ally in
		{"The team said it had full trust in Hamilton after the crash.", "Hamilton", ner.Person, ""},
		{"Voters had no faith in Jackson.", "Jackson", ner.Person, ""},
		{"Brazil have brought in Hamilton as their new coach.", "Hamilton", ner.Person, ""},
	} {
		doc, es := run(t, tc.text)
		e := owner(doc, es, tc.name, 0)
		if e == nil || e.Type != tc.typ || e.CountryCode != tc.code {
			t.Errorf("%q: %s %+v, want %s %q", tc.text, tc.name, e, tc.typ, tc.code)
		}
	}
}

// A town with a namesake town abroad of comparable size ("Warwick": Rhode
// Island, 82,000, and England, 24,000) is placed by the text's countries:
// the English one in a story that names the UK and British firms more than
// the one American city it names; the American one in a story of its own
// state, or followed by it ("Kirkland, Washington" beside Canadian places:
// Kirkland, Quebec, is a namesake); neither without evidence.
func TestNamesakeTowns(t *testing.T) {
	for _, tc := range []struct {
		text, name, code string
	}{
		{"The British firm will build the coupe at its plant in Gaydon, near Warwick, from next year. " +
			"The car was unveiled at the motor show in Detroit, and sales in the UK start in the summer.", "Warwick", "GB"},
		{"Police in Warwick and Providence closed roads on Monday as snow fell across Rhode Island.", "Warwick", "US"},
		{"Warwick said on Monday that the talks had failed.", "Warwick", ""},
		// the town's own state after a comma, whatever countries the rest names
		{"Pegasus Gold, based in Kirkland, Washington, will close its mine in Ontario and a mill in British Columbia, " +
			"and cut 300 jobs in Canada, the Canadian unit said on Wednesday.", "Kirkland", "US"},
	} {
		doc, es := run(t, tc.text)
		e := owner(doc, es, tc.name, 0)
		if e == nil {
			t.Errorf("%q: no entity for %s", tc.text, tc.name)
			continue
		}
		if e.CountryCode != tc.code {
			t.Errorf("%q: %s placed in %q, want %q", tc.text, tc.name, e.CountryCode, tc.code)
		}
	}
}

// A city whose name the gazetteer spells with a hyphen and accents ("San
// Pedro", the port of Ivory Coast) is placed by the text's country; in a
// text about a country none of its readings lies in, a region of a country
// the text never names is no reading (not the Paraguayan department).
func TestHyphenedNamesakeAndForeignRegion(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"Ivory Coast's cocoa exports rose in March. Lorries were queueing at the port of San Pedro, traders in Abidjan said.", "CI"},
		{"Ghana's cocoa board said on Monday that the mid-crop looked strong. Lorries were queueing at the port of San Pedro, traders in Accra and Kumasi said.", ""},
	} {
		_, es := run(t, c.s)
		e := named(es, "San Pedro")
		if e == nil {
			t.Fatalf("%q: no San Pedro", c.s)
		}
		if e.CountryCode != c.want {
			t.Errorf("%q: San Pedro in %q, want %q", c.s, e.CountryCode, c.want)
		}
	}
}
