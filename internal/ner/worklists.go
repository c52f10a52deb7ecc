package ner

import "github.com/lector-nlp/lector/internal/text"

var (
	// workPlurals name kinds of creative works; before "such as", "like"
	// or "including" they make the names listed after it titles ("films
	// such as X and Y", "titles on sale, such as X").
	workPlurals = set("films", "movies", "albums", "novels", "books", "games", "shows", "series", "songs", "plays",
		"musicals", "sitcoms", "programmes", "hits", "blockbusters", "classics", "dramas", "comedies",
		"singles", "documentaries", "titles", "cartoons", "operas", "ballets", "records")
	// creatorNouns before "behind" name who made the works listed after
	// it ("the director behind X, Y and Z", "the voice behind X").
	creatorNouns = set("director", "voice", "writer", "author", "creator", "creators", "composer", "songwriter",
		"singer", "star", "producer", "producers", "writers", "directors")
	listCues = set("such", "like", "including")
)

// workLists types as WORK_OF_ART the names of a list that the text says
// are works: after a plural kind of work and "such as", "like" or
// "including" within five words ("games such as X and Y", "hits like X,
// Y"), or after a maker of works and "behind" ("the director behind X, Y
// and Z"). The list runs over names joined by commas, "and" and "or", to
// the first other word. Known places, persons whose name begins with a
// first name ("stars like Ann Lee"), makers before a possessive ("such as
// Apple's iTunes") and names with a legal form keep their type.
func workLists(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	for i := 0; i < len(out); i++ {
		m := &out[i]
		sent := doc.Sentences[m.Sentence]
		k := m.First - 1 // the word before the list
		if k < sent.First {
			continue
		}
		cue := false
		switch w := lower(toks[k].Text); {
		case w == "as" && k-1 >= sent.First && lower(toks[k-1].Text) == "such":
			k--
			fallthrough
		case w == "like" || w == "including" || w == "such":
			// the nearest plural noun before the cue is the kind of work
			// ("titles on sale, such as"; not "series which
			// featured guests including", "games' top names, including")
			for j := k - 1; j >= sent.First && j >= k-5; j-- {
				if toks[j].POS == "NNS" || toks[j].POS == "NNPS" || in(workPlurals, toks[j].Text) {
					cue = in(workPlurals, toks[j].Text) && (j+1 >= sent.Last || !isPossessive(toks[j+1].Text))
					break
				}
			}
		case w == "behind":
			cue = k-1 >= sent.First && in(creatorNouns, toks[k-1].Text)
		}
		if !cue {
			continue
		}
		// the list from m on
		for j := i; j < len(out); j++ {
			n := &out[j]
			if j > i {
				if n.First < out[j-1].Last {
					break
				}
				gap := toks[out[j-1].Last:n.First]
				if n.Sentence != m.Sentence || len(gap) == 0 || len(gap) > 2 || !listGap(gap) {
					break
				}
			}
			if !nameType(n.Type) {
				continue
			}
			if n.Type == Location && knownPlace(toks[n.First:n.Last]) || n.Type == Person && IsFirstName(toks[n.First].Text) ||
				n.Last < sent.Last && (isPossessive(toks[n.Last].Text) || nameGoesOn(doc, toks[n.Last-1], toks[n.Last])) ||
				in(corpTails, canon(toks[n.Last-1].Text)) {
				// (a person, "Elvis Presley"; a maker: "Apple's iTunes")
				continue
			}
			n.Type = WorkOfArt
		}
	}
	return out
}

// nameGoesOn reports whether the token after a name's last token a goes on
// with it: a capitalised word or a number ("Channel 4", "Sony EyeToy
// Play": the model cut the name), or a hyphen joined to it
// ("Canada-based").
func nameGoesOn(doc *text.Document, a, n text.Token) bool {
	t := n.Text
	return t != "" && (t[0] >= 'A' && t[0] <= 'Z' || t[0] >= '0' && t[0] <= '9' || t[0] == '-' && n.Start == a.End)
}

// isPossessive reports whether t is a possessive marker.
func isPossessive(t string) bool {
	return t == "'s" || t == "'" || t == "\u2019s" || t == "\u2019"
}

// listGap reports whether the tokens between two names of a list are a
// comma, "and", "or" or a comma and one of them.
func listGap(gap []text.Token) bool {
	for _, t := range gap {
		switch lower(t.Text) {
		case ",", "and", "or":
		default:
			return false
		}
	}
	return true
}
