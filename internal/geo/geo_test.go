package geo

import "testing"

func TestCountries(t *testing.T) {
	for _, tc := range []struct {
		name, code string
		demonym    bool
	}{
		{"Iran", "IR", false},
		{"Russia", "RU", false},
		{"the United States", "US", false},
		{"U.S.", "US", false},
		{"Britain", "GB", false},
		{"Iranian", "IR", true},
		{"Russians", "RU", true},
		{"American", "US", true},
		{"German", "DE", true},
		{"French", "FR", true},
		{"Kenyan", "KE", true},
		{"Dutch", "NL", true},
		{"Ukrainian", "UA", true},
		{"Saudi", "SA", true},
		{"Saudis", "SA", true},
		{"Emirati", "AE", true},
		{"Turkish", "TR", true},
		{"Turks", "TR", true},
		{"Azeri", "AZ", true},
		{"Kazakh", "KZ", true},
		{"Turkey", "TR", false},
		{"Türkiye", "TR", false},
		{"Bosnia", "BA", false},
	} {
		var c Country
		var ok bool
		if tc.demonym {
			c, ok = CountryByDemonym(tc.name)
		} else {
			c, ok = CountryByName(tc.name)
		}
		if !ok || c.Code != tc.code {
			t.Errorf("%q: got %v %v, want %s", tc.name, c, ok, tc.code)
		}
	}
	for _, s := range []string{"Narnia", "Atlantean", "IN", "the"} {
		if c, ok := CountryByName(s); ok {
			t.Errorf("CountryByName(%q) = %v, want none", s, c)
		}
		if c, ok := CountryByDemonym(s); ok {
			t.Errorf("CountryByDemonym(%q) = %v, want none", s, c)
		}
	}
}

func TestCities(t *testing.T) {
	for _, tc := range []struct {
		name, code string
		lat, lng   float64
	}{
		{"Tehran", "IR", 35.7, 51.4},
		{"Moscow", "RU", 55.75, 37.6},
		{"Paris", "FR", 48.85, 2.35},
		{"Washington", "US", 38.9, -77.0},
		{"WASHINGTON", "US", 38.9, -77.0},
		{"Washington DC", "US", 38.9, -77.0},
		{"New York", "US", 40.7, -74.0},
		{"Mexico City", "MX", 19.4, -99.1},
		{"Brasília", "BR", -15.8, -47.9},
		{"Brasilia", "BR", -15.8, -47.9},
	} {
		c, ok := CityByName(tc.name)
		if !ok || c.CountryCode != tc.code || abs(c.Lat-tc.lat) > 0.2 || abs(c.Lng-tc.lng) > 0.2 {
			t.Errorf("%s: got %+v %v", tc.name, c, ok)
		}
	}
	if c, ok := CityByName("Gondor Minas Tirith"); ok {
		t.Errorf("unknown city found: %+v", c)
	}
}

func TestRegions(t *testing.T) {
	for _, tc := range []struct{ name, code string }{
		{"California", "US-CA"},
		{"Texas", "US-TX"},
		{"Bavaria", "DE-BY"},
		{"Bayern", "DE-BY"},
		{"Ontario", "CA-ON"},
		{"Catalonia", "ES-CT"},
		{"Maharashtra", "IN-MH"},
		{"maharashtra", "IN-MH"},
		{"Scotland", "GB-SCT"},
		{"New South Wales", "AU-NSW"},
	} {
		rs := RegionsByName(tc.name)
		if len(rs) != 1 || rs[0].Code != tc.code || rs[0].CountryCode() != tc.code[:2] {
			t.Errorf("%s: got %+v, want %s", tc.name, rs, tc.code)
		}
	}
	// namesakes in several countries are all returned
	codes := map[string]bool{}
	for _, r := range RegionsByName("Punjab") {
		codes[r.Code] = true
	}
	if !codes["IN-PB"] || !codes["PK-PB"] {
		t.Errorf("Punjab: %v", codes)
	}
	// "Georgia" is a country and a US state: both are there for the caller
	if rs := RegionsByName("Georgia"); len(rs) != 1 || rs[0].Code != "US-GA" {
		t.Errorf("Georgia regions: %+v", rs)
	}
	if c, ok := CountryByName("Georgia"); !ok || c.Code != "GE" {
		t.Errorf("Georgia country: %+v", c)
	}
	// generic and unknown names name no region
	for _, s := range []string{"Central", "North West", "Eastern", "Narnia", ""} {
		if rs := RegionsByName(s); len(rs) != 0 {
			t.Errorf("RegionsByName(%q) = %+v, want none", s, rs)
		}
	}
	if Weight("US") <= Weight("LR") || Weight("XX") != 0 {
		t.Errorf("weights: US %d, LR %d", Weight("US"), Weight("LR"))
	}
}

func TestStateAbbreviations(t *testing.T) {
	for name, code := range map[string]string{"Calif.": "US-CA", "Ill.": "US-IL", "N.H.": "US-NH", "Ky.": "US-KY", "Ont.": "CA-ON", "Texas": "US-TX"} {
		rs := RegionsByName(name)
		if len(rs) != 1 || rs[0].Code != code {
			t.Errorf("RegionsByName(%q) = %v, want %s", name, rs, code)
		}
	}
	for _, w := range []string{"IL", "CA", "Man", "Ind"} {
		if rs := RegionsByName(w); len(rs) > 0 && rs[0].CountryCode() == "US" {
			t.Errorf("RegionsByName(%q) = %v: a bare postal code or word is not a state", w, rs)
		}
	}
}

func TestExonymsAndDemonymNouns(t *testing.T) {
	for name, want := range map[string]string{"Cologne": "DE", "Ghent": "BE", "Geneva": "CH", "Bombay": "IN", "Peking": "CN",
		"St Etienne": "FR", "Canton": "US"} {
		if c, ok := CityByName(name); !ok || c.CountryCode != want {
			t.Errorf("CityByName(%q) = %+v, %v, want %s", name, c, ok, want)
		}
	}
	for w, want := range map[string]string{"Dutchman": "NL", "Frenchwomen": "FR", "Englishmen": "GB", "Britons": "GB", "Scots": "GB", "Scotsman": "GB"} {
		if c, ok := CountryByDemonym(w); !ok || c.Code != want {
			t.Errorf("CountryByDemonym(%q) = %+v, %v, want %s", w, c, ok, want)
		}
	}
	for _, w := range []string{"Norman", "Freeman", "Scot", "Chapman"} {
		if c, ok := CountryByDemonym(w); ok {
			t.Errorf("CountryByDemonym(%q) = %+v: not a demonym", w, c)
		}
	}
	// Weight counts a city once, not under its aliases too
	if w := Weight("IN"); w <= 0 {
		t.Errorf("Weight(IN) = %d", w)
	}
}

func TestTrinidad(t *testing.T) {
	// the island of Trinidad is the country's, not the Bolivian town's
	if c, ok := CountryByName("Trinidad"); !ok || c.Code != "TT" {
		t.Errorf("Trinidad = %+v, %v", c, ok)
	}
}

func TestCityIn(t *testing.T) {
	c, ok := CityByName("Springfield")
	if !ok || c.Region == "" || c.CountryCode != "US" {
		t.Fatalf("Springfield = %+v", c)
	}
	m, ok := CityIn("Springfield", "US", "US-MA")
	if !ok || m.Region != "US-MA" || m.Lng < -74 || m.Lng > -71 {
		t.Errorf("Springfield in US-MA = %+v, %v", m, ok)
	}
	if b, ok := CityIn("Springfield", "US", c.Region); !ok || b != c {
		t.Errorf("Springfield in its own state = %+v, want %+v", b, c)
	}
	if _, ok := CityIn("Paris", "US", "US-TX"); ok {
		t.Error("Paris in Texas: the gazetteer lists no such city")
	}
	if p, ok := CityIn("Paris", "FR", ""); !ok || p.Region != "" {
		t.Errorf("Paris in FR = %+v, %v", p, ok)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func BenchmarkCityByName(b *testing.B) {
	get()
	b.ReportAllocs()
	for b.Loop() {
		CityByName("Tehran")
		CountryByDemonym("Iranians")
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var t tables
		tab, t = t, tab
		load()
		loadRegions()
		addAbbreviations()
		tab = t
	}
}

func TestNamesakes(t *testing.T) {
	got := map[string]bool{}
	for _, c := range Namesakes("Newcastle") {
		got[c.CountryCode] = true
	}
	if c, _ := CityByName("Newcastle"); got[c.CountryCode] || !got["GB"] || !got["AU"] {
		t.Errorf("Newcastle: listed %s, namesakes %v", c.CountryCode, got)
	}
	if c, ok := CityByName("Stoke"); !ok || c.CountryCode != "GB" {
		t.Errorf("Stoke: %+v", c)
	}
	if ns := Namesakes("Narnia"); ns != nil {
		t.Errorf("Narnia: %v", ns)
	}
}

func TestCityWithoutArticle(t *testing.T) {
	if c, ok := CityByName("Hague"); !ok || c.CountryCode != "NL" {
		t.Errorf("Hague: %+v", c)
	}
	if c, ok := CityByName("Valley"); ok {
		t.Errorf("Valley: %+v (a small place's article is no part to drop)", c)
	}
}

// A hyphenated city is the namesake of the listed city its name spells
// with a space once its accents go ("San-Pédro", Ivory Coast, beside San
// Pedro in the Philippines; Saint-Paul, Réunion, beside Saint Paul,
// Minnesota), both ways.
func TestHyphenNamesakes(t *testing.T) {
	for _, c := range []struct{ name, code string }{{"San Pedro", "CI"}, {"San-Pédro", "PH"}, {"Saint Paul", "RE"}} {
		found := false
		for _, o := range Namesakes(c.name) {
			found = found || o.CountryCode == c.code
		}
		if !found {
			t.Errorf("Namesakes(%q) = %v, want one in %s", c.name, Namesakes(c.name), c.code)
		}
	}
}
