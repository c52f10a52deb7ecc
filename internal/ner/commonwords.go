package ner

import (
	"slices"

	"github.com/lector-nlp/lector/internal/text"
)

var (
	// portfolios are the capitalised words that name a minister's brief
	// before the office ("the Health Secretary", "Transport minister X"),
	// no body's name there. Not "treasury" (the department: "Treasury
	// Secretary X" is an organisation's officer in CoNLL), nor a party.
	portfolios = set("defence", "defense", "home", "foreign", "health", "education", "transport", "trade",
		"culture", "environment", "energy", "finance", "interior", "justice", "agriculture", "industry", "business",
		"employment", "commerce", "science", "sport", "sports", "media", "housing", "immigration", "security",
		"homeland", "development", "economy", "welfare", "information", "planning", "privatisation", "privatization")
	// lordOffices after "Lord" make an office ("the Lord Mayor").
	lordOffices = set("chancellor", "mayor", "speaker", "president", "provost", "advocate", "chamberlain", "lieutenant")
	// ministerOffices are a minister's and a secretary's.
	ministerOffices = set("minister", "secretary")
	// portfolioOffices after a portfolio make it one.
	portfolioOffices = set("secretary", "minister", "director", "spokesman", "spokeswoman", "spokesperson")
	// officeHeads are the offices whose titles the model reads as a
	// body's name: at the end before a name ("Oregon Attorney General X",
	// "BBC Director-General X") or at the start before "of" ("the Mayor
	// of Bristol", "the Secretary of Health").
	officeHeads = set("attorney", "secretary", "mayor", "director", "director-general", "minister", "governor",
		"commissioner", "chancellor", "president", "prosecutor", "solicitor", "treasurer", "ombudsman",
		"chairman", "chairwoman")
	// officeMods stand beside an office in its title ("Deputy", "General",
	// "District").
	officeMods = set("general", "deputy", "assistant", "chief", "district", "state", "acting", "vice", "associate")
	// languageNames are languages that are no people's demonym, which the
	// model reads as places or people ("a text in Esperanto"); they are
	// MISC, as CoNLL types languages.
	languageNames = set("latin", "mandarin", "cantonese", "hindi", "urdu", "swahili", "esperanto", "sanskrit",
		"arabic", "hebrew", "gaelic", "bengali", "punjabi", "farsi", "yiddish", "flemish", "afrikaans", "gujarati",
		"tagalog", "amharic", "pashto")
	// wordAcronyms are common words written in capitals ("went AWOL",
	// "as soon as ASAP") and common nouns shortened so ("the AGM", "an
	// MP", "ID cards", "EBITDA rose"), no organisation's name.
	wordAcronyms = set("AWOL", "ASAP", "OK", "FYI", "RSVP", "DIY", "TBA", "TBC", "AKA", "AGM", "EGM", "EBITDA",
		"ID", "MP", "MPs", "MEP", "MEPs", "MSP", "MSPs", "CEO", "CFO", "IPO", "FAQ", "PIN")
)

// commonWords fixes the mentions whose words are common words of the
// language rather than names:
//   - a portfolio before an office ("Health Secretary Ann Lee", "the
//     Transport minister") is no organisation: the mention goes;
//   - a language's name alone ("the Latin for light", "in Mandarin") is
//     MISC, not a place, a person or an organisation;
//   - a demonym alone before a common noun ("Welsh patients") is a
//     nationality, not an organisation or a place (not a known place:
//     "Philippines" reads as a plural demonym);
//   - a common word in capitals ("went AWOL") is no organisation's name:
//     the mention goes;
//   - a one-word person's name inside a quoted slogan in title case is no
//     name (inQuotedTitle): the mention goes;
//   - an unquoted title read as several names before "tour" or "album"
//     is one WORK_OF_ART (titleRuns);
//   - "Lord" and an office is no name ("the Lord Mayor said"): the
//     mention goes, or the name after it stays alone;
//   - "Prince" alone acting as a name is a person (stageNames).
func (r *Recognizer) commonWords(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	out = stageNames(doc, out)
	drop := titleRuns(doc, out)
	for i := range out {
		m := &out[i]
		switch m.Type {
		case Org, Misc, Location, Person:
		default:
			continue
		}
		if m.Type != Person && m.Last-m.First > 1 && m.Last-m.First <= 4 && portfolio(doc, m) {
			// "Trade and Industry Secretary X"; "French Industry
			// Minister X": the demonym alone
			if demonymWord(toks[m.First].Text) {
				m.Last, m.Type = m.First+1, Nationality
				m.End = toks[m.First].End
				m.Text = doc.Text[m.Start:m.End]
			} else {
				m.Type, drop = "", true
			}
			continue
		}
		if m.Type != Misc && m.Last-m.First >= 2 && toks[m.First].Text == "Lord" && isTitleCase(toks[m.First+1].Text) &&
			in(lordOffices, toks[m.First+1].Text) {
			// an office: "the Lord Mayor said"; before a name, the name
			// alone ("Lord Mayor Lord Ashby": the person Lord Ashby)
			if m.Last-m.First == 2 {
				m.Type, drop = "", true
			} else if m.Type == Person && isTitleCase(toks[m.First+2].Text) {
				m.First += 2
				m.Start = toks[m.First].Start
				m.Text = doc.Text[m.Start:m.End]
			}
			continue
		}
		if m.Type == Person && rankBeforePerson(doc, out, i) {
			// "Brigadier General X": the rank is X's title, no one else
			m.Type, drop = "", true
			continue
		}
		if (m.Type == Org || m.Type == Misc) && m.Last-m.First >= 2 {
			if k := officeTitle(doc, m); k >= 0 {
				// a title, not a body: the body or the place before
				// the office stays ("BBC", "Oregon")
				if k == m.First {
					// "the Mayor of Bristol": the place after "of"
					// stays, a body's name too, a brief goes
					f := m.First + 2
					if f < m.Last && toks[f].Text == "the" {
						f++
					}
					switch {
					case f < m.Last && knownPlace(toks[f:m.Last]):
						m.First, m.Start, m.Type = f, toks[f].Start, Location
						m.Text = doc.Text[m.Start:m.End]
					case r.allCommon(toks[f:m.Last]):
						m.Type, drop = "", true // "the Secretary of Health"
					default:
						// a body's name: "Director of Human Rights Watch"
						m.First, m.Start = f, toks[f].Start
						m.Text = doc.Text[m.Start:m.End]
					}
				} else {
					m.Last, m.End = k, toks[k-1].End
					m.Text = doc.Text[m.Start:m.End]
					if knownPlace(toks[m.First:m.Last]) {
						m.Type = Location
					}
				}
				continue
			}
		}
		if m.Last-m.First != 1 {
			continue
		}
		w := toks[m.First].Text
		switch {
		case m.Type != Person && portfolio(doc, m):
			m.Type, drop = "", true
		case m.Type != Misc && isTitleCase(w) && in(languageNames, w):
			m.Type = Misc
		case m.Type != Person && isTitleCase(w) && m.Last < doc.Sentences[m.Sentence].Last && startsLower(toks[m.Last].Text) &&
			(toks[m.Last].POS == "NNS" || toks[m.Last].POS == "NN") && demonymWord(w) && !knownPlace(toks[m.First:m.Last]):
			// a demonym before a common noun: "Welsh patients"
			m.Type = Nationality
		case (m.Type == Org || m.Type == Misc) && wordAcronyms[w]:
			m.Type, drop = "", true
		case m.Type == Person && inQuotedTitle(doc, out, i):
			m.Type, drop = "", true
		}
	}
	if drop {
		out = slices.DeleteFunc(out, func(m Mention) bool { return m.Type == "" })
	}
	return out
}

// rankWords are the military and civil ranks that, with nameTitles, make
// up a title before a person's name ("Brigadier General", "Air Vice
// Marshal", "Lieutenant Colonel").
var rankWords = set("brigadier", "general", "gen.", "lieutenant", "lt.", "colonel", "col.", "major", "maj.",
	"captain", "capt.", "commander", "cmdr.", "admiral", "adm.", "marshal", "commodore", "sergeant", "sgt.",
	"corporal", "cpl.", "field", "air", "vice", "rear", "chief", "deputy", "staff", "inspector", "superintendent")

// rankBeforePerson reports whether out[i] is made only of title words
// (ranks and courtesy titles, each capitalised) and the next mention, a
// person, follows it with at most two more such words between: the model
// read the first words of a title as a name of its own ("Iranian Defence
// Minister Brigadier General X": "Brigadier" a person beside X).
func rankBeforePerson(doc *text.Document, out []Mention, i int) bool {
	toks := doc.Tokens
	m := out[i]
	if i+1 >= len(out) || out[i+1].Type != Person || out[i+1].Sentence != m.Sentence || out[i+1].First-m.Last > 2 {
		return false
	}
	for k := m.First; k < out[i+1].First; k++ {
		w := toks[k].Text
		if !isTitleCase(w) || !(in(rankWords, w) || in(nameTitles, w)) {
			return false
		}
	}
	return true
}

// officeTitle returns where the office's title begins in mention m, a
// body's name to the model, or -1 when m holds none: m's last words are
// an office and the words beside it (officeHeads, officeMods), in title
// case, before a capitalised word in the sentence (a name, or "General":
// "Oregon Attorney General Sam Kettle"); or m begins with an office
// before "of" ("Mayor of Bristol", "Secretary of Health"). The title
// alone is m.First.
func officeTitle(doc *text.Document, m *Mention) int {
	toks := doc.Tokens
	if w := toks[m.First].Text; isTitleCase(w) && in(officeHeads, w) && toks[m.First+1].Text == "of" {
		return m.First
	}
	if m.Last >= doc.Sentences[m.Sentence].Last || !isTitleCase(toks[m.Last].Text) {
		return -1
	}
	k, head := m.Last, false
	for k > m.First && isTitleCase(toks[k-1].Text) && (in(officeHeads, toks[k-1].Text) || in(officeMods, toks[k-1].Text)) {
		head = head || in(officeHeads, toks[k-1].Text)
		k--
	}
	if !head || k == m.Last {
		return -1
	}
	return k
}

// allCommon reports whether every word of ts is a joining word ("and",
// "of", "the") or a common word of the language (commonWord): a brief
// ("Health", "Planning and Analysis"), no body's name.
func (r *Recognizer) allCommon(ts []text.Token) bool {
	for _, t := range ts {
		if t.Text != "and" && t.Text != "&" && t.Text != "of" && t.Text != "the" && !r.commonWord(t.Text) {
			return false
		}
	}
	return len(ts) > 0
}

// portfolioJoins are the other words of a portfolio of two words or more
// ("Trade and Industry", "International Development", "Civil Aviation").
var portfolioJoins = set("and", "&", "international", "civil", "aviation", "rural", "affairs", "overseas")

// portfolio reports whether the mention m is a minister's brief before the
// office: its words are portfolios or their joins, one at least a
// portfolio, all capitalised but the joins, after one demonym perhaps
// ("French Industry Minister X"; then the office is a minister's or a
// secretary's, not a firm's spokesman), and an office follows in the
// sentence.
func portfolio(doc *text.Document, m *Mention) bool {
	toks := doc.Tokens
	if m.Last >= doc.Sentences[m.Sentence].Last || !in(portfolioOffices, toks[m.Last].Text) {
		return false
	}
	f := m.First
	if m.Last-f > 1 && isTitleCase(toks[f].Text) && demonymWord(toks[f].Text) {
		if !in(ministerOffices, toks[m.Last].Text) {
			return false // a firm's spokesman: "British Gas spokesman X"
		}
		f++
	}
	seen := false
	for k := f; k < m.Last; k++ {
		w := toks[k].Text
		switch {
		case isTitleCase(w) && in(portfolios, w):
			seen = true
		case w == "and" || w == "&" || isTitleCase(w) && in(portfolioJoins, w):
		default:
			return false
		}
	}
	return seen && isTitleCase(toks[m.Last-1].Text)
}

// titleCase reports whether w begins with a capital letter and holds a
// lower-case one, or is a capital letter alone ("A", "I").
func titleCase(w string) bool {
	return isTitleCase(w) || len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// inQuotedTitle reports whether out[i], a one-word person's name that is
// no known first name, is a word of a title or a slogan in double quotes
// whose words are all capitalised (`"Keep Calm And Go" ran the
// advert`): the quote spans three to eight words inside the sentence
// (two may be a nickname or an appeal to a person: "Ask Bertie"), none
// of them a title (a nickname: "Dr Doom Of Ohio"), and no other mention
// holds one of them.
func inQuotedTitle(doc *text.Document, out []Mention, i int) bool {
	toks := doc.Tokens
	m := out[i]
	if IsFirstName(toks[m.First].Text) {
		return false
	}
	sent := doc.Sentences[m.Sentence]
	a := m.First - 1
	for a >= sent.First && m.First-a <= 8 && titleCase(toks[a].Text) {
		a--
	}
	e := m.Last
	for e < sent.Last && e-a <= 9 && titleCase(toks[e].Text) {
		e++
	}
	if a < sent.First || e >= sent.Last || !text.IsDoubleQuote(toks[a].Text) || !text.IsDoubleQuote(toks[e].Text) ||
		e-a-1 < 3 || e-a-1 > 8 {
		return false
	}
	for k := a + 1; k < e; k++ {
		if nameTitle(toks[k].Text) {
			return false // a nickname: "Sir Spendalot Of Leeds"
		}
	}
	return (i == 0 || out[i-1].Last <= a) && (i+1 == len(out) || out[i+1].First >= e)
}

var (
	// titleJoins are the lower-case words inside a title ("Gone for
	// the Summer with Friends").
	titleJoins = set("in", "with", "the", "of", "on", "at", "to", "a", "an", "for", "from", "by", "and", "or")
	// runNouns after a run of capitalised words make it a work's title
	// ("their Gone for the Summer With Friends tour").
	runNouns = set("tour", "album", "single", "song", "film", "show", "book", "ep", "musical")
)

// titleRuns makes one WORK_OF_ART of a title that the model read as
// several names: three capitalised words or more joined by lower-case
// words of a title ("in", "with", "the"; not "and" alone, which joins two
// names), right before a kind of work in lower case ("the band's Sad
// Songs for the Long Road tour"), after a lower-case word or a
// possessive. The names inside must be people's, MISC or unknown places;
// the first takes the whole title and the others are marked to go (their
// Type "": titleRuns reports whether there are such).
func titleRuns(doc *text.Document, out []Mention) bool {
	toks := doc.Tokens
	drop := false
	for i := 0; i < len(out); i++ {
		m := out[i]
		if m.Type != Person && m.Type != Misc && m.Type != Location {
			continue
		}
		sent := doc.Sentences[m.Sentence]
		a := m.First
		if a-1 < sent.First || !(startsLower(toks[a-1].Text) || isPossessive(toks[a-1].Text)) || !isTitleCase(toks[a].Text) {
			continue
		}
		caps, joins := 0, 0
		e, last := a, a
		for ; e < sent.Last; e++ {
			t := toks[e].Text
			if isTitleCase(t) {
				caps++
				last = e + 1
				continue
			}
			if !titleJoins[t] {
				break
			}
			if t != "and" && t != "or" {
				joins++
			}
		}
		if caps < 3 || joins == 0 || last >= sent.Last || !runNouns[toks[last].Text] {
			continue
		}
		j := i
		for ; j < len(out) && out[j].First < last; j++ {
			o := out[j]
			if o.Last > last || o.Type != Person && o.Type != Misc && o.Type != Location || o.Type == Location && knownPlace(toks[o.First:o.Last]) {
				break
			}
		}
		if j < len(out) && out[j].First < last || j == i+1 && out[i].Last == last && out[i].First == a {
			continue
		}
		w := &out[i]
		w.Last, w.Type = last, WorkOfArt
		w.End = toks[last-1].End
		w.Text = doc.Text[w.Start:w.End]
		for k := i + 1; k < j; k++ {
			out[k].Type, drop = "", true
		}
		i = j - 1
	}
	return drop
}

// stageNames adds a person for "Prince" where no name follows it and it
// acts as a name: alone before a finite verb, a modal or a possessive
// ("Prince sold more records than ..."), not after an article, a possessive
// pronoun or a capitalised word ("the Prince said", "Crown Prince ...");
// then its other bare uses in the text, before it too ("fans of Prince
// queued").
func stageNames(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	first := -1
	for i, t := range toks {
		if t.Text == "Prince" && bareTitle(doc, out, i) && i+1 < len(toks) {
			switch n := toks[i+1]; {
			case n.POS == "VBD" || n.POS == "VBZ" || n.POS == "MD":
				first = i
			case (n.Text == "'s" || n.Text == "\u2019s") && (i+2 == len(toks) || !isTitleCase(toks[i+2].Text)):
				first = i
			}
		}
		if first >= 0 {
			break
		}
	}
	if first < 0 {
		return out
	}
	for i := range toks {
		if toks[i].Text != "Prince" || i != first && !bareTitle(doc, out, i) {
			continue
		}
		k, _ := slices.BinarySearchFunc(out, toks[i].Start, func(m Mention, s int) int { return m.Start - s })
		si := doc.SentenceOf(i)
		out = slices.Insert(out, k, Mention{Type: Person, First: i, Last: i + 1, Start: toks[i].Start, End: toks[i].End,
			Text: doc.Text[toks[i].Start:toks[i].End], Sentence: si})
	}
	return out
}

// bareTitle reports whether token i, a title word, stands alone: no
// mention holds it, no capitalised word follows it, and no article,
// possessive, adjective or capitalised word comes before it in its
// sentence.
func bareTitle(doc *text.Document, out []Mention, i int) bool {
	toks := doc.Tokens
	k, _ := slices.BinarySearchFunc(out, toks[i].Start, func(m Mention, s int) int { return m.Start - s })
	if k < len(out) && out[k].First <= i || k > 0 && out[k-1].Last > i {
		return false
	}
	if i+1 < len(toks) && hasUpper(toks[i+1].Text) {
		return false // a name follows ("Prince al-Hassan")
	}
	si := doc.SentenceOf(i)
	if i > doc.Sentences[si].First {
		p := toks[i-1]
		if p.POS == "DT" || p.POS == "PRP$" || p.POS == "JJ" || p.POS == "POS" || isPossessive(p.Text) || isTitleCase(p.Text) {
			return false
		}
	}
	return true
}

// demonymWord is isDemonym for one word in any case, without
// allocating.
func demonymWord(w string) bool {
	return in(demonymSet, w) || len(w) > 1 && w[len(w)-1] == 's' && in(demonymSet, w[:len(w)-1])
}

// hasUpper reports whether w holds an ASCII capital letter.
func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// commonOpeners drops a one-word name that opens its sentence when the
// word is a common one that the text never writes capitalised inside a
// sentence ("Growth was helped by its chocolate brands": no person;
// "Born in 1960, ...": no place; "Steelmakers have ...": no firm),
// unless a verb of saying or a possessive follows it ("Rice said", "Rice's
// view"), it heads a list of names ("Green, Jerry Kelly, ...") or it is
// a known first name; places the gazetteer knows stay, and so do
// organisations the tagger reads as proper nouns or that are parties
// ("Labour", "Oasis").
func (r *Recognizer) commonOpeners(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	drop := false
	var inside map[string]bool // the words written capitalised inside a sentence, read once when needed
	for i := range out {
		m := &out[i]
		if !nameType(m.Type) {
			continue
		}
		if m.Last-m.First != 1 || m.Sentence >= len(doc.Sentences) || doc.Sentences[m.Sentence].First != m.First {
			continue
		}
		if (m.Type == Location || m.Type == Org) && knownPlace(toks[m.First:m.Last]) {
			continue // a town, or a club named after it ("Reading v Stockport")
		}
		if m.Type == Org && (toks[m.First].POS == "NNP" || toks[m.First].POS == "NNPS" || in(partyWords, toks[m.First].Text)) {
			continue // firms, clubs and parties named with common words: "Labour", "Reading", "Oasis"
		}
		w := toks[m.First].Text
		if !isTitleCase(w) || !r.commonWord(w) || r.gz.single(w)&gFirstName != 0 {
			continue
		}
		if n := m.Last; n < len(toks) && (text.SpeechVerb(toks[n].Text) || toks[n].Text == "'s" || toks[n].Text == "’s" || toks[n].POS == "POS") {
			continue
		}
		if n := m.Last; n+1 < len(toks) && toks[n].Text == "," && isTitleCase(toks[n+1].Text) {
			continue // a list of names: "Green, Jerry Kelly, Tim Simpson"
		}
		if n := m.Last; n < len(toks) && (toks[n].POS == "CD" || toks[n].Text == "v" || toks[n].Text == "vs" || toks[n].Text == "vs.") {
			continue // a table or a fixture: "Stoke 4 3 1 0", "Reading v Stockport"
		}
		if inside == nil {
			inside = capitalisedInside(doc)
		}
		if inside[w] {
			continue
		}
		m.Type, drop = "", true
	}
	if drop {
		out = slices.DeleteFunc(out, func(m Mention) bool { return m.Type == "" })
	}
	return out
}

// capitalisedInside returns the capitalised words the text writes
// somewhere other than at a sentence's start or a quotation's.
func capitalisedInside(doc *text.Document) map[string]bool {
	inside := map[string]bool{}
	si := 0
	for k, t := range doc.Tokens {
		for si < len(doc.Sentences) && doc.Sentences[si].Last <= k {
			si++
		}
		if !isTitleCase(t.Text) || si < len(doc.Sentences) && doc.Sentences[si].First == k {
			continue
		}
		if k > 0 && text.IsDoubleQuote(doc.Tokens[k-1].Text) {
			continue // a quotation's first word
		}
		inside[t.Text] = true
	}
	return inside
}
