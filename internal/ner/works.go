package ner

import (
	"strings"

	p "github.com/lector-nlp/lector/internal/perceptron"
	"github.com/lector-nlp/lector/internal/text"
)

var (
	// workNouns name a kind of creative work; right before a name they
	// make it the work's title ("the film Sideways", "his novel Godless").
	workNouns = set("film", "movie", "album", "novel", "book", "musical", "sitcom", "documentary", "biopic",
		"song", "opera", "drama", "comedy", "thriller", "memoir", "ep", "film's", "movie's")
	// quotedWorkNouns do so only before a quoted name ("the show
	// "Friends"", not "the show Jerry Springer hosts", "to play Arsenal").
	quotedWorkNouns = set("show", "game", "series", "single", "play", "track", "programme", "program", "video", "poem", "painting")
	// workAwardNouns: "best film for X".
	workAwardNouns = set("film", "picture", "movie", "album", "screenplay", "drama", "comedy", "musical", "documentary")
	// awardWords: "the director award went to Clint Eastwood for X".
	awardWords = set("best", "award", "awards", "oscar", "oscars", "nomination", "nominations", "nominated", "prize",
		"bafta", "baftas", "globe", "globes", "grammy", "grammys", "emmy", "emmys")
	// seriesNouns after a name make it the title of a series of works
	// (not "franchise": "the NHL franchise", "the Thameslink franchise").
	seriesNouns = set("trilogy")
	starVerbs   = set("starring", "starred", "stars", "star", "co-starring", "co-starred", "co-stars", "co-star")
)

// works types as WORK_OF_ART the names the text shows to be titles of
// creative works, which the model, trained on news with few of them, reads
// as people, organisations or places: a name right after a kind of work
// ("the film Sideways", `the show "Lost"`), after "starring in", before
// ", directed by", after "best film for" or after an award winner's name
// and "for" ("... went to Clint Eastwood for Million Dollar Baby"). The
// other mentions of the same words in the text follow, unless the title is
// one word that is also a first name ("Ray"). The cue must be in the
// mention's sentence (not a headline's last word), and a name followed by a
// possessive is no title ("starred in Ann Lee's ..."). out is
// sorted by Start.
func works(doc *text.Document, out []Mention) []Mention {
	out = kinds(doc, creditedPeople(doc, numberedNames(doc, publications(doc, workLists(doc, modelNames(doc, theTitles(doc, leftWords(doc, out))))))))
	toks := doc.Tokens
	var titles map[string]bool
	for i := range out {
		m := &out[i]
		if !nameType(m.Type) {
			continue
		}
		quoted := m.First > 0 && m.Last < len(toks) && text.IsDoubleQuote(toks[m.First-1].Text) && text.IsDoubleQuote(toks[m.Last].Text)
		b := m.First
		if quoted {
			b--
		}
		sent := doc.Sentences[m.Sentence]
		word := func(k int) string { // a word of the mention's sentence
			if k < sent.First || k >= sent.Last {
				return ""
			}
			return lower(canon(toks[k].Text))
		}
		if next := word(m.Last); next == "'s" || next == "'" {
			continue // Lee's film, Reid's documentary
		}
		p1, p2 := word(b-1), word(b-2)
		// a known place, or a place before a noun ("starring in London",
		// "in Broadway revivals", "a medal for Britain"), is no work by
		// "starring in" or "for" alone
		named := m.Type != Location || !knownPlace(toks[m.First:m.Last]) &&
			(m.Last == len(toks) || toks[m.Last].POS != "NN" && toks[m.Last].POS != "NNS")
		work := false
		switch {
		case workNouns[p1] || quoted && quotedWorkNouns[p1]:
			work = !(m.Last-m.First == 1 && m.Type == Person && IsFirstName(toks[m.First].Text))
		case quotedWorkNouns[p1] && p1 != "play" && modifiedCue(toks, sent, b-1) && !verbAt(toks, sent, m.Last) &&
			!objectComplement[word(m.Last)] && named && !matchSide(toks, sent, m.Last, p1) && !(p1 == "track" && raceTrack[p2]):
			// "the BBC series British Isles", "the rhythm game Donkey
			// Konga", "his new single Vertigo": the kind of work with a
			// word before it is a noun, not "shows" the verb ("data show
			// China ..."), and a name before a verb is the subject of a
			// clause ("the show Jerry hosts", "the shows Alan left"), as is
			// one before "to" or "up" ("figures show GT up 56%"); "play"
			// is the verb ("England play Italy")
			work = !(m.Last-m.First == 1 && m.Type == Person && IsFirstName(toks[m.First].Text))
		case p1 == "in" && starVerbs[p2]:
			work = named
		case seriesNouns[word(m.Last)] && m.Type != Person && !pairing(toks[m.Last-1].Text) &&
			!(m.Type == Location && knownPlace(toks[m.First:m.Last])):
			// "the Matrix trilogy" (not "the Wasps-Leicester trilogy" of
			// matches)
			work = true
		case word(m.Last) == "," && word(m.Last+1) == "directed" && word(m.Last+2) == "by":
			work = true
		case castNouns[word(m.Last)] && m.Type != Org && !(m.Type == Location && knownPlace(toks[m.First:m.Last])) && i+1 < len(out) && out[i+1].First == m.Last+1 &&
			out[i+1].Type == Person && !in(screenPlaces, m.Text) && !demonymEnd(toks[m.Last-1].Text) && filmSentence(toks, sent):
			// "Ray star Jamie Foxx", "Troy actress Ann Lee": a name before
			// a cast member's noun and a person's name, in a sentence about
			// films, is the film's (not "Leicester star Lewis Moody", nor
			// "Hollywood star X", "Native American actress X",
			// "British-born actress X"; an organisation before it is a
			// band's or a club's: "Blur star X")
			work = true
		case p1 == "for" && named:
			if workAwardNouns[p2] && (word(b-3) == "best" || word(b-4) == "best") {
				work = true
			} else if i > 0 && out[i-1].Last == b-1 && out[i-1].Type == Person {
				for k := sent.First; k < out[i-1].First && !work; k++ {
					work = awardWords[word(k)]
				}
			}
		}
		if !work {
			continue
		}
		m.Type = WorkOfArt
		if m.Last-m.First > 1 || !IsFirstName(m.Text) {
			if titles == nil {
				titles = map[string]bool{}
			}
			titles[m.Text] = true
		}
	}
	if titles != nil {
		for i := range out {
			m := &out[i]
			if (m.Type == Person || m.Type == Org || m.Type == Location || m.Type == Misc) && titles[m.Text] {
				m.Type = WorkOfArt
			}
		}
	}
	// a name in brackets right after a title is the title's other
	// name ("A Quiet Harbour Morning (Matin Calme)")
	for i := 1; i < len(out); i++ {
		m, w := &out[i], out[i-1]
		if (w.Type == WorkOfArt || w.Type == Misc && m.Last-m.First > 1 && !allCaps(w.Text)) && m.First == w.Last+1 && toks[w.Last].Text == "(" &&
			m.Last < len(toks) && toks[m.Last].Text == ")" && (m.Type == Person || m.Type == Org || m.Type == Location || m.Type == Misc) &&
			!knownPlace(toks[m.First:m.Last]) {
			// (after a MISC name, one of two words or more: "The Chorus
			// (Les Choristes)"; not after an acronym, "HIV (Human
			// Immunodeficiency Virus)", and a one-word insert may be one)
			m.Type = w.Type
		}
	}
	return out
}

// aTitle makes out[i] a WORK_OF_ART with the capitalised "A" or "An"
// before it, inside a sentence after a lower-case word or a possessive
// ("his film A Way Of Life", "Ann Lee's A Quiet Harbour Morning"): the
// article is capitalised only in a title. The name must have two words or
// more ("A Jones" in a team list is an initial), and a known place keeps
// its type.
func aTitle(doc *text.Document, out []Mention, i int) bool {
	toks := doc.Tokens
	m := &out[i]
	f := m.First - 1
	sent := doc.Sentences[m.Sentence]
	if m.Last-m.First < 2 || f-1 < sent.First || toks[f].Text != "A" && toks[f].Text != "An" || i > 0 && out[i-1].Last > f {
		return false
	}
	if p := toks[f-1].Text; !startsLower(p) && !isPossessive(p) && !(p == "," && m.Last-m.First >= 3) || knownPlace(toks[m.First:m.Last]) {
		// (after a comma a name of three words or more: "the French
		// epic, A Very Long Engagement,"; "A Lo Cicero" in a team list
		// is a player)
		return false
	}
	m.First, m.Start, m.Type = f, toks[f].Start, WorkOfArt
	m.Text = doc.Text[m.Start:m.End]
	return true
}

// paperNames end the names of newspapers and magazines ("The Guardian",
// "The Sunday Times"), organisations.
var paperNames = set("times", "guardian", "independent", "observer", "telegraph", "mirror", "express", "herald",
	"post", "journal", "chronicle", "gazette", "tribune", "scotsman", "economist", "sun", "star", "mail",
	"standard", "record", "courier", "sentinel", "inquirer", "examiner", "bulletin", "daily", "weekly")

// notTitleEnd reports whether the name toks[f:l] is no title by its words:
// a possessive inside ("The Beatles' Across ..."), or a last word naming an
// award or an event ("The Charles Wintour Award").
func notTitleEnd(toks []text.Token, f, l int) bool {
	for k := f; k < l; k++ {
		if t := toks[k].Text; t == "'s" || t == "'" || t == "’s" || t == "’" || strings.HasSuffix(t, "'") {
			return true
		}
	}
	w := lower(canon(toks[l-1].Text))
	return awardWords[w] || w == "awards" || w == "prize" || eventHeads[w]
}

// venuePreps before "The" and a name make the name a venue's ("at The
// Savoy", "near The Oval"), a place.
var venuePreps = set("at", "near", "outside", "inside", "opposite", "beside")

// theTitles reads a name after a capitalised "The" inside a sentence, which
// the model left out of the name, as a title ("starred in The Aviator",
// "games such as The Sims", "his album The Joshua Tree"): news capitalises
// a "The" there only as part of a name, and the names that begin so and
// that the model reads as a person, an unknown place, MISC or a law ("Ron
// Howard's The Da Vinci Code", after a possessive too) are mostly
// works (films, books, games, shows), some bands. The mention takes the
// "The" and becomes a WORK_OF_ART; a name ending in a plural noun stays
// MISC ("The Simpsons", "The Killers": as many bands as works). Not after a
// preposition of place ("at The Savoy", a venue), not a known place ("in
// The Hague"), and only after a lower-case word or a comma, so that no
// headline's or title-case line's "The" counts. Organisations keep their
// type (newspapers: "The Times"; bands).
func theTitles(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	for i := range out {
		m := &out[i]
		switch m.Type {
		case Person, Location, Misc, Law:
		case Org:
			aTitle(doc, out, i)
			continue
		default:
			continue
		}
		if aTitle(doc, out, i) {
			continue
		}
		f := m.First - 1 // the "The"
		if toks[m.First].Text == "The" && m.Last-m.First > 1 {
			f = m.First // (the model's name holds it)
		}
		sent := doc.Sentences[m.Sentence]
		if f-1 < sent.First || toks[f].Text != "The" || i > 0 && out[i-1].Last > f {
			continue
		}
		p := toks[f-1].Text
		if p != "," && !startsLower(p) && p != "'s" && p != "\u2019s" || m.Type == Location && venuePreps[p] || knownPlace(toks[f+1:m.Last]) ||
			knownPlace(toks[f:m.Last]) || isDemonym(lower(toks[m.Last-1].Text)) || notTitleEnd(toks, f+1, m.Last) {
			continue
		}
		last := toks[m.Last-1].Text
		m.First, m.Start = f, toks[f].Start
		m.Text = doc.Text[m.Start:m.End]
		if paperNames[strings.TrimSuffix(lower(last), ".")] {
			m.Type = Org // "The Guardian", "The Scotsman": a newspaper
			continue
		}
		if len(last) > 3 && last[len(last)-1] == 's' && last[len(last)-2] != 's' && last[len(last)-2] != '\'' {
			m.Type = Misc
		} else {
			m.Type = WorkOfArt
		}
	}
	return out
}

var (
	// castNouns after a film's title name one of its cast ("Ray star X").
	castNouns = set("star", "actor", "actress", "co-star")
	// screenPlaces before castNouns are the film industries, not films.
	screenPlaces = set("hollywood", "bollywood", "nollywood", "broadway")
	// filmWords in a sentence make it one about films (filmSentence).
	filmWords = set("film", "films", "movie", "movies", "actor", "actress", "actors", "oscar", "oscars",
		"oscar-nominated", "oscar-winning", "starred", "starring", "director", "cinema", "cinemas", "biopic",
		"bafta", "baftas", "screenplay", "box-office", "hollywood")
)

// demonymEnd reports whether a name's last word, or its part before a
// hyphen, is a demonym ("Native American", "British-born").
func demonymEnd(w string) bool {
	if h := strings.IndexByte(w, '-'); h > 0 {
		w = w[:h]
	}
	return isDemonym(lower(w))
}

// filmSentence reports whether a word of sent is one of filmWords (lower
// case is compared without allocating).
func filmSentence(toks []text.Token, sent text.Sentence) bool {
	var buf [16]byte
	for j := sent.First; j < sent.Last; j++ {
		t := toks[j].Text
		if len(t) < 5 || len(t) > len(buf) {
			continue
		}
		for k := 0; k < len(t); k++ {
			c := t[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k] = c
		}
		if filmWords[string(buf[:len(t)])] {
			return true
		}
	}
	return false
}

// objectComplement are the words after an object that make the noun
// before it a verb ("figures show GT up 56%", "data show Tokyo to be").
var objectComplement = set("to", "up", "down", "that", "as")

// raceTrack are the words before "track" that make it a place where
// races are run ("the race track Imola"), not a recording.
var raceTrack = set("race", "racing", "motor", "test", "horse", "dog", "greyhound", "cycling", "running", "athletics",
	"ski", "speed", "grass", "dirt", "street", "railway", "rail", "training", "karting")

// matchSide reports whether the name that ends before token k, after the
// kind of work cue, is one side of a match: before "v", "vs" or
// "against", or after "game" before "and" and a name ("the league game
// Arsenal and Chelsea drew", "in the second game Henman and Federer traded
// breaks").
func matchSide(toks []text.Token, sent text.Sentence, k int, cue string) bool {
	if k >= sent.Last {
		return false
	}
	switch lower(canon(toks[k].Text)) {
	case "v", "v.", "vs", "vs.", "versus", "against":
		return true
	case "and", "&":
		if k+1 < sent.Last {
			c := toks[k+1].Text
			return cue == "game" && c != "" && c[0] >= 'A' && c[0] <= 'Z'
		}
	}
	return false
}

// pairing reports whether t joins two capitalised names by a hyphen
// ("Wasps-Leicester": two sides).
func pairing(t string) bool {
	h := strings.IndexByte(t, '-')
	return h > 0 && h+1 < len(t) && t[h+1] >= 'A' && t[h+1] <= 'Z' && t[0] >= 'A' && t[0] <= 'Z'
}

// modifiedCue reports whether the kind of work at token k is a noun with a
// modifier before it in the sentence: an adjective, a noun, a number or a
// participle ("music show", "Channel 4 show", "long-running series"), not
// an article, a possessive or a preposition alone ("the game Chelsea won").
func modifiedCue(toks []text.Token, sent text.Sentence, k int) bool {
	if k-1 < sent.First || k >= sent.Last {
		return false
	}
	if p := toks[k].POS; p != "NN" && p != "NNS" {
		return false
	}
	switch toks[k-1].POS {
	case "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "VBG", "VBN":
		return true
	}
	return false
}

// verbAt reports whether token k of the sentence is a finite verb or a
// modal.
func verbAt(toks []text.Token, sent text.Sentence, k int) bool {
	if k < sent.First || k >= sent.Last {
		return false
	}
	switch toks[k].POS {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// knownPlace reports whether the words are a country, city or region of
// the gazetteer.
func knownPlace(toks []text.Token) bool {
	return placeKinds(toks) != 0
}

// placeKinds returns the gazetteer's kinds of place (gCountry, gCity,
// gRegion) of the name toks, 0 for none.
func placeKinds(toks []text.Token) uint16 {
	if len(toks) > maxGazLen {
		return 0
	}
	h := p.Seed(5)
	for j, t := range toks {
		if j > 0 {
			h = p.AddUint(h, ' ')
		}
		h = hashLower(h, canon(t.Text))
	}
	return sharedGazetteer().get(gazKey(h)) & (gCountry | gCity | gRegion)
}

// oathWords follow the name of an oath's "I, Name," (the tagger reads
// "swear" there as a noun).
var oathWords = set("swear", "do", "promise", "pledge", "solemnly", "hereby", "affirm", "take", "am", "being")

// numeralNouns take a Roman numeral after them ("phase I", "world war
// I", "part I").
var numeralNouns = set("war", "phase", "part", "stage", "chapter", "section", "act", "volume", "book", "round",
	"level", "class", "type", "grade", "tier", "step", "series", "article", "title", "schedule", "annex")

// objectPronouns before "and" make "I" the pronoun of a pair ("between
// you and I, ...").
var objectPronouns = set("you", "me", "him", "her", "us", "them", "he", "she", "we", "they")

// romanBefore reports whether the "I" at token f is a Roman numeral or
// a pronoun of a pair, not a title's first word: a proper noun or a noun
// that takes a numeral before it ("Elizabeth I, Shakespeare and Drake",
// "in Phase I, Boeing will", "world war I, Germany"), or a pronoun and
// "and" or "or" ("between you and I, Labour has").
func romanBefore(toks []text.Token, sent text.Sentence, f int) bool {
	p := toks[f-1]
	if strings.HasPrefix(p.POS, "NNP") || in(numeralNouns, p.Text) {
		return true
	}
	if isTitleCase(p.Text) && (f-1 > sent.First || IsFirstName(p.Text)) {
		// a name's word, though the tagger may not say so, first in a
		// sentence a monarch's ("Elizabeth I, ..."; but "Since I, Robot
		// came out")
		return true
	}
	return (strings.EqualFold(p.Text, "and") || strings.EqualFold(p.Text, "or")) && f-2 >= sent.First &&
		in(objectPronouns, toks[f-2].Text)
}

// pronounTitles types as WORK_OF_ART a title made of "I", a comma and a
// one-word name ("I, Robot", "I, Claudius"), which the model reads as a
// town and its country or a person: the mention then holds the "I, ".
// Not a first name ("I, Tonya" may be an oath's "I, Tonya, swear"), nor a
// name a comma and a verb follow ("I, Smith, swear"), nor a pronoun "I"
// after a verb ("said I, Smith"), nor a Roman numeral or a pronoun of a
// pair (romanBefore: "Phase I, Boeing will", "you and I, Labour has").
func pronounTitles(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	for i := range out {
		m := &out[i]
		if m.Last-m.First != 1 || m.Type == Date || m.Type == Time || m.Type == Money || m.Type == Percent ||
			m.Type == Quantity {
			continue
		}
		sent := doc.Sentences[m.Sentence]
		f := m.First - 2
		if f < sent.First || toks[f].Text != "I" || toks[f+1].Text != "," || toks[f].End != toks[f+1].Start ||
			i > 0 && out[i-1].Last > f || !isTitleCase(toks[m.First].Text) || IsFirstName(toks[m.First].Text) {
			continue
		}
		if f > sent.First && (strings.HasPrefix(toks[f-1].POS, "VB") || romanBefore(toks, sent, f)) {
			continue
		}
		if m.Last+1 < sent.Last && toks[m.Last].Text == "," && (strings.HasPrefix(toks[m.Last+1].POS, "VB") ||
			toks[m.Last+1].POS == "MD" || oathWords[toks[m.Last+1].Text]) {
			continue
		}
		m.First, m.Start, m.Type = f, toks[f].Start, WorkOfArt
		m.Text = doc.Text[m.Start:m.End]
	}
	return out
}
