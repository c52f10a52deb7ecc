package geo

import "testing"

// "St. Petersburg" is Russia's second city however it is written; the
// one in Florida is found where the text places it there.
func TestSaintSpellings(t *testing.T) {
	for _, name := range []string{"St. Petersburg", "St Petersburg", "ST. PETERSBURG", "Saint Petersburg"} {
		if c, ok := CityByName(name); !ok || c.CountryCode != "RU" {
			t.Errorf("CityByName(%q) = %+v, %v; want Russia's", name, c, ok)
		}
	}
	if c, ok := CityIn("St. Petersburg", "US", "US-FL"); !ok || c.CountryCode != "US" || c.Lng > -80 {
		t.Errorf("CityIn(St. Petersburg, US-FL) = %+v, %v; want Florida's", c, ok)
	}
	// a name whose "St." city is the larger keeps it
	if c, ok := CityByName("St. Louis"); !ok || c.CountryCode != "US" {
		t.Errorf("CityByName(St. Louis) = %+v, %v", c, ok)
	}
}
