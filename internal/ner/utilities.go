package ner

import (
	"strings"

	"github.com/lector-nlp/lector/internal/text"
)

// companyHeads end the names of companies named after the region they
// serve ("East Midlands Electricity", "South West Water", "Strathclyde
// Buses", "Yorkshire Bank"), which the model reads as places.
var companyHeads = set("electricity", "water", "gas", "airways", "airlines", "buses", "trains", "railway", "railways",
	"electric", "power", "energy", "telecom", "telecommunications", "ferries", "bank")

// compassWords are the words that make a region of a place or of each
// other ("South West", "East Midlands", "Northern").
var compassWords = set("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
	"mid", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest")

// regionAdjectives name British regions that the gazetteer and the
// demonyms leave out ("Anglian Water", "Yorkshire Water", "Thames
// Trains").
var regionAdjectives = set("anglian", "northumbrian", "cumbrian", "cornish", "yorkshire", "midlands", "anglia",
	"strathclyde", "thames", "severn", "mersey", "tyne", "wessex")

// placePreps before such a name make it the place ("walked at Rutland
// Water", "on the West Bank").
var placePreps = set("at", "on", "near", "around", "across", "beside", "along", "overlooking", "to", "into")

// regionCompanies types as ORGANIZATION the place, person and other
// mentions made of a known place or region and a company's head word
// ("East Midlands Electricity", "North West Water", "Building Society"
// too), unless the region is one compass word ("West Bank", "South
// Bank"), the name follows a preposition of place, or a person's name
// ends in the head word that the text writes after a personal title
// ("Victoria Power ... Ms Power said").
func regionCompanies(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	var titled map[string]bool // (built at the first person read)
	for i := range out {
		m := &out[i]
		switch m.Type {
		case Location, Person, Misc:
		default:
			continue
		}
		head := m.Last - 1
		if m.Last-m.First >= 3 && strings.EqualFold(toks[m.Last-2].Text, "building") && strings.EqualFold(toks[head].Text, "society") {
			head--
		} else if !in(companyHeads, toks[head].Text) || !isTitleCase(toks[head].Text) {
			continue
		}
		if head == m.First || !regionWords(toks[m.First:head]) {
			continue
		}
		if m.First > 0 && in(placePreps, toks[m.First-1].Text) || m.First > 1 && strings.EqualFold(toks[m.First-1].Text, "the") &&
			in(placePreps, toks[m.First-2].Text) {
			continue
		}
		if m.Type == Person {
			if titled == nil {
				titled = titledSurnames(doc, out)
			}
			if titled[toks[m.Last-1].Text] {
				continue // "Victoria Power ... Ms Power said"
			}
		}
		m.Type = Org
	}
	return out
}

// titledSurnames returns the words of out's one-word person mentions
// written after a personal title ("Ms Power"); never nil.
func titledSurnames(doc *text.Document, out []Mention) map[string]bool {
	titled := map[string]bool{}
	for _, o := range out {
		if o.Type == Person && o.Last-o.First == 1 && o.First > 0 && nameTitle(doc.Tokens[o.First-1].Text) {
			titled[doc.Tokens[o.First].Text] = true
		}
	}
	return titled
}

// regionWords reports whether words name a region: a known place,
// compass words before a known place or each other ("South West", "East
// Midlands"), a demonym ("Scottish") or a region's adjective ("Anglian").
func regionWords(ws []text.Token) bool {
	if knownPlace(ws) {
		return true
	}
	if len(ws) == 1 {
		return isDemonym(lower(ws[0].Text)) || in(regionAdjectives, ws[0].Text)
	}
	k := 0
	for k < len(ws) && in(compassWords, ws[k].Text) {
		k++
	}
	return k > 0 && (k == len(ws) || knownPlace(ws[k:]))
}

// agePreps before a name make a number after it no age ("in Adelaide, 18
// of them", "beat Leeds, 3, ...").
// (listWords: "X, 20, and Y, 15, were fined" lists figures)
var agePreps = set("in", "at", "from", "to", "into", "near", "of", "v", "vs", "vs.", "beat", "against")

var listWords = set("and", "or", ",")

// agedNames types as PERSON a name the model read as an organisation, a
// place or MISC that an age follows between commas, then a lower-case
// word ("Victoria Power, 34, said ..."; not "Acme, 95% of ...",
// "Acme, 40 percent owned by ...", nor a list: "Yorkshire Water,
// 20, and ..."), or a first name and a surname the text writes after a
// personal title ("Georgia Power ... Ms Power said"), and the text's
// other mentions of the same words.
func agedNames(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	var aged, titled map[string]bool
	for _, m := range out {
		if m.Type != Org && m.Type != Location && m.Type != Misc {
			continue
		}
		if m.Last-m.First == 2 && IsFirstName(toks[m.First].Text) && isTitleCase(toks[m.First+1].Text) {
			if titled == nil {
				titled = titledSurnames(doc, out)
			}
			if titled[toks[m.First+1].Text] {
				if aged == nil {
					aged = map[string]bool{}
				}
				aged[m.Text] = true
				continue
			}
		}
		sent := doc.Sentences[m.Sentence]
		if m.Last+4 > sent.Last || toks[m.Last].Text != "," || toks[m.Last+2].Text != "," || !isTitleCase(toks[m.First].Text) {
			continue
		}
		if w := toks[m.Last+3].Text; !startsLower(w) || w == "and" || w == "or" {
			continue // a list ("Yorkshire Water, 20, Anglian Water, 15")
		}
		if a := toks[m.Last+1].Text; len(a) > 3 || !allDigits(a) || a[0] == '0' || len(a) == 3 && a > "110" {
			continue
		}
		if m.First > sent.First && (in(agePreps, toks[m.First-1].Text) || in(listWords, toks[m.First-1].Text)) {
			continue
		}
		if aged == nil {
			aged = map[string]bool{}
		}
		aged[m.Text] = true
	}
	for i := range out {
		if m := &out[i]; aged[m.Text] && (m.Type == Org || m.Type == Location || m.Type == Misc) {
			m.Type = Person
		}
	}
	return out
}

// allDigits reports whether s is made of ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// startsLower reports whether w starts with a lower-case ASCII letter.
func startsLower(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

// bylineDesks are the last words of a writer's role in a byline ("By Ann
// Lee, Harbour Correspondent", "By Ann Lee, Political Editor").
var bylineDesks = set("correspondent", "editor", "reporter", "writer", "columnist", "critic")

// bylineRoles drops a mention that is a writer's role after their name and
// a comma, ending its line ("By Ann Lee, Harbour Correspondent"):
// the model, which never saw bylines, reads the role as an organisation.
func bylineRoles(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	k := 0
	for i, m := range out {
		sent := doc.Sentences[m.Sentence]
		if in(bylineDesks, toks[m.Last-1].Text) && isTitleCase(toks[m.Last-1].Text) && m.Type != Person && lineEnd(doc, sent, m.Last) && m.First >= 2 &&
			toks[m.First-1].Text == "," && i > 0 && out[i-1].Type == Person && out[i-1].Last == m.First-1 &&
			strings.EqualFold(toks[sent.First].Text, "by") && out[i-1].First == sent.First+1 {
			continue
		}
		out[k] = m
		k++
	}
	return out[:k]
}

// lineEnd reports whether token k ends sentence sent or stands after a
// line break.
func lineEnd(doc *text.Document, sent text.Sentence, k int) bool {
	return k >= sent.Last || k >= len(doc.Tokens) ||
		strings.IndexByte(doc.Text[doc.Tokens[k-1].End:doc.Tokens[k].Start], '\n') >= 0
}
