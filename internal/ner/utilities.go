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
// Bank") or the name follows a preposition of place.
func regionCompanies(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
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
		m.Type = Org
	}
	return out
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
