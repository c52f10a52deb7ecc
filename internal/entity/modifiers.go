package entity

import (
	"strings"

	"github.com/lector-nlp/lector/internal/geo"
)

// agentTails end a modifier that names who owns, leads or pays for a
// thing ("Orange-owned", "Beijing-backed"): a company or a government,
// so the word before is a place only when it is a country, a region or a
// capital-sized city (Moscow, Beijing), not a town that shares a
// company's name (Orange, California).
var agentTails = set("owned", "led", "backed", "controlled", "run", "funded", "financed", "sponsored", "dominated")

// notPlaceModifiers are the words that before a hyphenated modifier name
// a technology rather than the place of the same name ("Java-based
// tools").
var notPlaceModifiers = set("java")

// bigCity is the population from which a city's name stands for its
// government or its firms in "Moscow-backed".
const bigCity = 1_000_000

// modifierPlace reports whether name, the words before a hyphenated
// modifier whose tail (the lower-case word after the hyphen) is given,
// names a place: "Ill." of "Ill.-based", "Moscow" of "Moscow-backed";
// not "Java" of "Java-based tools", nor "Orange" of "Orange-owned".
func modifierPlace(name, tail string) bool {
	if notPlaceModifiers[strings.ToLower(name)] {
		return false
	}
	if !agentTails[tail] {
		return knownPlace(name)
	}
	if _, ok := geo.CountryByName(name); ok {
		return true
	}
	if len(geo.RegionsByName(name)) > 0 {
		return true
	}
	c, ok := geo.CityByName(name)
	return ok && c.Population >= bigCity
}

// tailWord is the lower-case word after the last hyphen of a token.
func tailWord(t string) string {
	if h := strings.LastIndexByte(t, '-'); h >= 0 {
		return t[h+1:]
	}
	return ""
}
