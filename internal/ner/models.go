package ner

import (
	"strings"

	"github.com/lector-nlp/lector/internal/text"
)

// modelNames types as PRODUCT a name of two words or more with a model
// code after its first word: a word of letters and digits ("Audi A3",
// "Volvo S40", "Yepp YH-999", "Motorola Razr V3", "Epson R800"), or
// before a kind of device (deviceAfter: "the Tamsin Quell SV digital
// camera"), which the model reads as a company, a person or a place. Not a quarter ("Q3"
// in a results table), a name with "of" or "and" ("Limits of 3G"), nor a
// company's name ending in a company noun or a legal form ("Enfish X1
// Technologies", "Sino 2 Ltd"), nor a name after "The" ("The B-52s", a
// band).
func modelNames(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	for i := range out {
		m := &out[i]
		if !nameType(m.Type) {
			continue
		}
		if m.Last-m.First < 2 || toks[m.First].Text == "The" || in(corpTails, canon(toks[m.Last-1].Text)) || in(productCompanyEnds, canon(toks[m.Last-1].Text)) {
			continue
		}
		code, link := false, false
		for k := m.First + 1; k < m.Last; k++ {
			w := toks[k].Text
			if linkWords[w] || in(linkWords, w) {
				link = true
			}
			if modelCode(w) {
				code = true
			}
		}
		if code && !link || !link && deviceAfter(doc, m) {
			m.Type = Product
		}
	}
	return out
}

var (
	// linkWords inside a name join words of a name, not a model code
	// ("Bank of X", "Marks and Spencer")
	linkWords = set("of", "and", "&", "for", "the")
	// deviceNouns name kinds of devices; right after a name of two words
	// or more they make it a model's ("the Tamsin Quell SV digital
	// camera", "the Sony PSP console", "an AMD Sempron processor").
	deviceNouns = set("camera", "cameras", "phone", "phones", "handset", "handsets", "console", "consoles",
		"player", "players", "jukebox", "jukeboxes", "laptop", "laptops", "notebook", "notebooks", "tablet",
		"tablets", "printer", "printers", "computer", "computers", "smartphone", "smartphones", "handheld",
		"handhelds", "camcorder", "camcorders", "headset", "headsets", "processor", "processors", "chip", "chips")
	// deviceMods may stand between the name and the device noun.
	deviceMods = set("digital", "portable", "media", "handheld", "personal", "mobile", "smart", "video", "games",
		"music", "desktop", "compact", "new")
)

// deviceAfter reports whether a device noun follows the name m, with up to
// two deviceMods before it and no noun after it ("Baby Bell phone
// companies", "Silicon Valley computer maker" name firms), and m is no
// place, demonym or company with a legal form or company noun.
func deviceAfter(doc *text.Document, m *Mention) bool {
	toks := doc.Tokens
	sent := doc.Sentences[m.Sentence]
	k := m.Last
	for k < m.Last+2 && k < sent.Last && deviceMods[toks[k].Text] {
		k++
	}
	if k >= sent.Last || !deviceNouns[toks[k].Text] || k == m.Last && strings.HasPrefix(toks[k].Text, "player") {
		// ("players" alone are a team's: "South American players")
		return false
	}
	if k+1 < sent.Last && strings.HasPrefix(toks[k+1].POS, "NN") {
		return false
	}
	last := lower(canon(toks[m.Last-1].Text))
	return m.Type != Person && !knownPlace(toks[m.First:m.Last]) && !isDemonym(lower(m.Text)) && !isDemonym(last) && !corpTails[last] &&
		!productCompanyEnds[last] && !legalEnd[last]
}

// legalEnd are more company words that end no model's name.
var legalEnd = set("associates", "airways", "airlines", "telekom", "telecom", "wholesale", "stearns", "inc", "corp")

// productCompanyEnds end companies' names that may hold a code ("Enfish
// X1 Technologies").
var productCompanyEnds = set("technologies", "technology", "systems", "communications", "networks", "software",
	"group", "holdings", "industries", "international", "partners", "capital", "media", "labs", "solutions",
	"services", "electronics", "telecom", "semiconductor", "microsystems")

// modelCode reports whether w is a model code: letters and digits mixed,
// at most 10 bytes, with hyphens or a slash allowed ("A3", "YH-999",
// "MD-80", "PMA430"), not a quarter ("Q1" to "Q4") nor a generation of
// networks ("3G").
func modelCode(w string) bool {
	if len(w) < 2 || len(w) > 10 {
		return false
	}
	letters, digits := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			letters++
		case c == '-' || c == '/':
		default:
			return false
		}
	}
	if letters == 0 || digits == 0 {
		return false
	}
	if len(w) == 2 && (w[0] == 'Q' && w[1] >= '1' && w[1] <= '4' || w[1] == 'G' && w[0] >= '1' && w[0] <= '9') {
		return false
	}
	return true
}

// pressNouns after a name make it a publication's or a website's
// ("Rolling Stone magazine", "the Guardian newspaper", "the Smoking Gun
// website").
var pressNouns = set("magazine", "newspaper", "tabloid", "daily", "weekly", "journal", "website", "web-site")

// publications types as ORGANIZATION a name right before a press noun
// (pressNouns) and a name ending in a web domain ("Amazon.com",
// "Onsale.com"), which the model reads as persons, places or MISC. Not a
// known place or a demonym ("a Hong Kong newspaper", "a Czech daily"), a
// person named with a first name ("George Bush website"), nor the
// Internet.
func publications(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	var surnames map[string]bool // the last words of people named in full ("Bush" of George W Bush)
	for _, m := range out {
		if m.Type == Person && m.Last-m.First > 1 {
			if surnames == nil {
				surnames = map[string]bool{}
			}
			surnames[toks[m.Last-1].Text] = true
		}
	}
	for i := range out {
		m := &out[i]
		switch m.Type {
		case Person, Location, Misc, WorkOfArt:
		default:
			continue
		}
		if m.Last-m.First == 1 && webDomain(toks[m.First].Text) {
			m.Type = Org
			continue
		}
		sent := doc.Sentences[m.Sentence]
		if m.Last >= sent.Last || !pressNouns[toks[m.Last].Text] || knownPlace(toks[m.First:m.Last]) ||
			isDemonym(lower(m.Text)) || m.Type == Person && (IsFirstName(toks[m.First].Text) || surnames[m.Text]) ||
			lower(m.Text) == "internet" || hyphenLower(toks[m.Last-1].Text) ||
			m.Last+1 < sent.Last && isTitleCase(toks[m.Last+1].Text) {
			// (a modifier: "the UK-based journal", "Hollywood newspaper
			// Daily Variety" names the paper after the noun)
			continue
		}
		m.Type = Org
	}
	return out
}

// webDomain reports whether w is a name ending in a web domain of
// companies (".com", ".net", ".co.uk").
func webDomain(w string) bool {
	for _, d := range []string{".com", ".net", ".co.uk"} {
		if len(w) > len(d)+1 && strings.EqualFold(w[len(w)-len(d):], d) {
			return true
		}
	}
	return false
}
