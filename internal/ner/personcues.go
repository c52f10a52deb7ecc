package ner

import "github.com/lector-nlp/lector/internal/text"

var (
	// kinNouns and craftNouns right before a name make it a person's
	// ("her boyfriend Orlando Bloom", "actress Ann Lee").
	personCueNouns = set("boyfriend", "girlfriend", "husband", "wife", "son", "daughter", "brother", "sister",
		"father", "mother", "fiance", "fiancee", "actor", "actress", "singer", "comedian", "novelist",
		"presenter", "co-star", "rapper", "songwriter", "playwright", "screenwriter")
	// creditVerbs before "by" and a name make it a person's ("directed by
	// Ann Lee", "written by Tom Reid").
	creditVerbs = set("directed", "written", "hosted", "composed", "choreographed", "narrated", "illustrated")
	// studioEnds end the names of studios and firms credited for works
	// ("Columbia Pictures", "Jupiter Research").
	studioEnds = set("pictures", "laboratories", "research", "groupe", "studios", "studio", "films", "records",
		"productions", "entertainment", "media", "music", "publishing", "press", "books")
)

// creditedPeople types as PERSON a name of two title-case words that the
// model read as an organisation, a place or MISC when it stands right
// after a noun of kin or of a performer's craft ("her boyfriend Orlando
// Bloom") or after "directed by", "written by" and their kin ("directed
// by Sofia Coppola"). Not a name ending in a company word ("produced by
// Working Title Films"), a plural ("Christian Democrats"), a place or a
// name beginning with a demonym ("American Idol"). The name's other
// mentions follow.
func creditedPeople(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	var people map[string]bool
	for i := range out {
		m := &out[i]
		if m.Type != Org && m.Type != Location && m.Type != Misc || m.Last-m.First != 2 || !isTitleCase(toks[m.First].Text) ||
			!isTitleCase(toks[m.Last-1].Text) {
			continue
		}
		if last := lower(canon(toks[m.Last-1].Text)); corpTails[last] || productCompanyEnds[last] || legalEnd[last] || studioEnds[last] ||
			groupPlurals[last] || knownPlace(toks[m.First:m.Last]) || knownPlace(toks[m.Last-1:m.Last]) ||
			isDemonym(lower(toks[m.First].Text)) {
			// (a company, "Charles Schwab Inc."; a group, "Christian
			// Democrats"; a place)
			continue
		}
		sent := doc.Sentences[m.Sentence]
		p := m.First - 1
		if p < sent.First {
			continue
		}
		w := lower(toks[p].Text)
		if personCueNouns[w] || w == "by" && p-1 >= sent.First && in(creditVerbs, toks[p-1].Text) {
			m.Type = Person
			if people == nil {
				people = map[string]bool{}
			}
			people[m.Text] = true
		}
	}
	// the name's other mentions follow ("Kanye West" typed a place
	// elsewhere)
	for i := range out {
		if m := &out[i]; (m.Type == Org || m.Type == Location || m.Type == Misc) && people[m.Text] {
			m.Type = Person
		}
	}
	return out
}
