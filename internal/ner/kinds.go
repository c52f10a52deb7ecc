package ner

import (
	"strings"

	"github.com/lector-nlp/lector/internal/text"
)

var (
	// firmEnds end the names of firms and institutes ("Jupiter Research",
	// "Acme Partners"); not "bank" ("West Bank").
	firmEnds = set("research", "institute", "associates", "partners", "consulting", "consultants", "capital",
		"securities", "holdings", "group", "laboratories", "labs", "university", "foundation", "analytics")
	// placeEventEnds end the names of events that the model reads as
	// places ("Macworld Expo", "the Edinburgh Festival").
	placeEventEnds = set("expo", "festival", "summit", "marathon", "olympics", "olympiad", "championships")
	// memberTitles are the titles of elected members written after a
	// name, a party or a seat ("Margaret Moran MP", "the Salford MP",
	// "a UKIP MEP"); case as written.
	memberTitles = set("MP", "MPs", "MEP", "MEPs", "MSP", "MSPs")
)

// kinds retypes a name whose own words, or the noun right before it,
// settle its kind where the model read another, after cutting an elected
// member's title off its end ("Margaret Moran MP": the person; "the
// Salford MP": the seat, a place; "a UKIP MEP": the party):
//   - a name that begins with an honorific written in title case ("Mr
//     Jobs"; not "DR Congo") is a person's;
//   - a name of two or more words that ends in a word naming a firm or an
//     institute ("Jupiter Research") and that the gazetteer does not know
//     as a place is an organisation's;
//   - a place's name that ends in a word naming an event ("Macworld
//     Expo") is an event's;
//   - a place or MISC name right after a press noun ("the magazine Rolling
//     Stone", as publications reads "Rolling Stone magazine") is a
//     publication's, unless a title-case word follows (the noun is then a
//     modifier of a longer name) or it is a known place or a demonym.
func kinds(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	for i := range out {
		m := &out[i]
		n := m.Last - m.First
		if !nameType(m.Type) {
			continue
		}
		if n >= 2 && memberTitles[toks[m.Last-1].Text] {
			m.Last--
			n--
			m.End = toks[m.Last-1].End
			m.Text = doc.Text[m.Start:m.End]
			switch {
			case n >= 2 && IsFirstName(toks[m.First].Text):
				m.Type = Person
			case knownPlace(toks[m.First:m.Last]) || n == 2 && knownPlace(toks[m.First:m.First+1]) && in(compassWords, toks[m.Last-1].Text):
				m.Type = Location // the seat: "the Salford MP", "the Bolton West MP"
			case isDemonym(lower(m.Text)):
				m.Type = Nationality
			}
		}
		if m.Type != Person && n >= 2 && isTitleCase(toks[m.First].Text) && honorific(toks[m.First].Text) &&
			isTitleCase(toks[m.First+1].Text) {
			m.Type = Person
			continue
		}
		last := canon(toks[m.Last-1].Text)
		if m.Type != Org && n >= 2 && isTitleCase(toks[m.Last-1].Text) && in(firmEnds, last) &&
			!honorific(toks[m.First].Text) && !knownPlace(toks[m.First:m.Last]) {
			m.Type = Org
			continue
		}
		if m.Type == Location && n >= 2 && isTitleCase(toks[m.Last-1].Text) && in(placeEventEnds, last) {
			m.Type = Event
			continue
		}
		if (m.Type == Location || m.Type == Misc) && m.First > 0 && pressNouns[toks[m.First-1].Text] &&
			!knownPlace(toks[m.First:m.Last]) && !isDemonym(lower(m.Text)) {
			sent := doc.Sentences[m.Sentence]
			if m.First-1 >= sent.First && (m.Last >= sent.Last || !isTitleCase(toks[m.Last].Text)) {
				m.Type = Org
			}
		}
	}
	return out
}

// honorific reports whether w is a courtesy title (text.Honorific) other
// than Lord and Lady, which begin offices and works too ("Lord Chief
// Justice", "Lady Macbeth"): one begins a person's name when the model
// keeps it in the mention ("Mr Jobs").
func honorific(w string) bool {
	_, ok := text.Honorific(w)
	return ok && !strings.EqualFold(w, "lord") && !strings.EqualFold(w, "lady")
}
