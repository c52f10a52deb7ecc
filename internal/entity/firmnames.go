package entity

import (
	"slices"

	"github.com/lector-nlp/lector/internal/ner"
)

// firmTails are words a company's full name adds to the name the text also
// uses for it, beside legal forms ("Mitsubishi Tokyo" of Mitsubishi Tokyo
// Financial Group, "Visa" of Visa International, "Airbus" of Airbus
// Industrie).
var firmTails = set("financial", "international", "industrie", "worldwide")

// firmNames joins the shorter names of a company to its full name wherever
// in the text they stand (the recogniser's order puts a name's first use
// in its own entity when the full name comes later: "Mitsubishi" in a
// lead, "Mitsubishi Tokyo Financial Group" further down):
//
//   - a name of one or more words that the full name extends with legal
//     forms and firmTails only ("Mitsubishi Tokyo", "Visa");
//   - then a bare first word, when exactly one company (firm: a legal form
//     or a company's noun at its end) begins with it ("Brambles" of
//     Brambles Industries Ltd, "Mitsubishi" once "Mitsubishi Tokyo" has
//     joined the group).
//
// Both are refused when another name of the text, of any type, begins with
// the same words and is not the full name or a name that joined it
// ("Citigroup" beside Citigroup Inc. and Citigroup Global Markets), and
// for a country, a known place or a name with an acronym of its own.
func (r *resolver) firmNames() {
	root := func(c *cluster) *cluster {
		for c.into != nil {
			c = c.into
		}
		return c
	}
	moved := false
	join := func(s, into *cluster) {
		s.into, moved = into, true
		into.ments = append(into.ments, s.ments...)
		into.lastTok = max(into.lastTok, s.lastTok)
		into.nOrg += s.nOrg
		into.nPer += s.nPer
	}
	short := func(s *cluster) bool {
		if s.into != nil || s.dropped || len(s.ments) == 0 || s.typ != ner.Org || s.country || s.code != "" ||
			s.acronym != "" || s.legal || len(s.toks) > 3 || knownPlace(s.name) || r.isCountry(s.lname) ||
			len(s.toks) == 1 && (techTerms[s.toks[0]] || commonNames[s.toks[0]]) {
			return false
		}
		for _, w := range s.toks[1:] {
			if r.isCountry(w) {
				return false // "Bell Canada" beside Bell Canada International
			}
		}
		return true
	}
	// second is the start of s's second proper mention (the text's end if
	// none)
	second := func(s *cluster) int {
		n := 0
		for _, m := range s.ments {
			if m.kind == Proper {
				if n++; n == 2 {
					return m.first
				}
			}
		}
		return len(r.doc.Tokens)
	}
	// the short names that may be extended, by their first word, and the
	// longer names that begin with each (so that a text of many names
	// beginning alike stays linear); nothing is built for a text with no
	// short company name
	var byFirst map[string][]*cluster
	for _, s := range r.clusters {
		if short(s) {
			if byFirst == nil {
				byFirst = map[string][]*cluster{}
			}
			byFirst[s.toks[0]] = append(byFirst[s.toks[0]], s)
		}
	}
	if byFirst == nil {
		return
	}
	var longer map[*cluster][]*cluster
	for _, c := range r.clusters {
		if c.into == nil && !c.dropped && len(c.ments) > 0 && len(c.toks) >= 2 {
			for _, s := range byFirst[c.toks[0]] {
				if k := len(s.toks); k < len(c.toks) && slices.Equal(c.toks[:k], s.toks) {
					if longer == nil {
						longer = map[*cluster][]*cluster{}
					}
					longer[s] = append(longer[s], c)
				}
			}
		}
	}
	if longer == nil {
		return
	}
	for pass := 0; pass < 2; pass++ {
		for _, s := range r.clusters {
			if !short(s) || pass == 1 && len(s.toks) != 1 {
				continue
			}
			var into *cluster
			n := 0
			for _, o := range longer[s] {
				o = root(o)
				if o == s || o == into || len(o.toks) <= len(s.toks) || !slices.Equal(o.toks[:len(s.toks)], s.toks) {
					continue
				}
				ok := o.typ == ner.Org && len(o.ments) > 0 && !o.dropped && (pass == 0 || firm(o))
				for _, w := range o.toks[len(s.toks):] {
					if !legalForms[w] && !firmTails[w] && (pass == 0 || !corpWords[w]) {
						ok = false // a unit's name: "BP Exploration Co", "Sinochem Asia Holdings"
					}
				}
				if !ok {
					n = 2 // a rival name beginning with the same words
					break
				}
				into = o
				n++
			}
			if n != 1 || into == nil || firstProper(into) > second(s) {
				// (the full name introduces the company: in the lead,
				// after a headline's short name, not after the short
				// name's uses, "BHP" ... "BHP Petroleum")
				continue
			}
			join(s, into)
		}
	}
	if moved {
		r.dropJoined()
	}
}

// firstProper is the first token of c's first proper mention.
func firstProper(c *cluster) int {
	f := -1
	for _, m := range c.ments {
		if m.kind == Proper && (f < 0 || m.first < f) {
			f = m.first
		}
	}
	return f
}
