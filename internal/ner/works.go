package ner

import (
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
	starVerbs = set("starring", "starred", "stars", "star", "co-starring", "co-starred", "co-stars", "co-star")
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
// possessive is no title ("starred in Jean-Pierre Jeunet's ..."). out is
// sorted by Start.
func works(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	var titles map[string]bool
	for i := range out {
		m := &out[i]
		switch m.Type {
		case Person, Org, Location, Misc:
		default:
			continue
		}
		quoted := m.First > 0 && m.Last < len(toks) && isQuote(toks[m.First-1].Text) && isQuote(toks[m.Last].Text)
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
			continue // Jeunet's film, Moore's documentary
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
		case p1 == "in" && starVerbs[p2]:
			work = named
		case word(m.Last) == "," && word(m.Last+1) == "directed" && word(m.Last+2) == "by":
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
	return out
}

// knownPlace reports whether the words are a country, city or region of
// the gazetteer.
func knownPlace(toks []text.Token) bool {
	if len(toks) > maxGazLen {
		return false
	}
	h := p.Seed(5)
	for j, t := range toks {
		if j > 0 {
			h = p.AddUint(h, ' ')
		}
		h = hashLower(h, canon(t.Text))
	}
	return sharedGazetteer().get(gazKey(h))&(gCountry|gCity|gRegion) != 0
}
