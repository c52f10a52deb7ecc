package entity

import (
	"slices"
	"strings"

	"github.com/lector-nlp/lector/internal/ner"
)

// shortForms joins a later short form of an organisation's name to the one
// organisation named earlier in the text that it can only mean: its head
// noun ("the Bank" after "the Bank of England", "Hearts" after "Hearts of
// Oak", "the Commission" after "the European Commission": the words before
// "of" or "for", else the last word), its initials without a definition in
// brackets ("BoE", "FCC" after "Federal Communications Commission") or,
// after "the", a clipping of its first word ("the Fed" after "the Federal
// Reserve"). A headline's short form may come before the name ("BoE
// holds rates" above "The Bank of England held ..."), and so may an
// acronym that a name in brackets or in apposition after it defines ("the
// MPC (the Monetary Policy Committee)", "IASC, the International
// Accounting Standards Committee,"), and so may the name after "of" of a
// chamber, written after "the" ("the Lords" before or after the House of
// Lords). Only when exactly one earlier name of two words or more
// matches (two banks named: "the Bank" stays alone; nor "the Lords" beside
// the House of Lords and the Law Lords), and not for a known place, a
// country, a legal form or a term such as "PC". The names are indexed by
// each key a short form could have, so that the pass stays linear.
func (r *resolver) shortForms() {
	var buf [64]*cluster
	longs := buf[:0]
	nLong := 0
	for _, o := range r.clusters {
		if longName(o) {
			if nLong < len(buf) {
				longs = append(longs, o)
			}
			nLong++
		}
	}
	if nLong == 0 {
		return
	}
	// a text with few such names looks at each of them (no allocation);
	// a long one indexes them by the keys a short form could have
	var keys map[string][]*cluster
	if nLong > len(buf) {
		keys = map[string][]*cluster{}
		for _, o := range r.clusters {
			if !longName(o) {
				continue
			}
			add := func(k string) {
				if l := keys[k]; len(l) == 0 || l[len(l)-1] != o {
					keys[k] = append(l, o)
				}
			}
			if in := initialsOf(o.name); in != "" {
				add("i " + in)
			}
			if in := initialsOf(withoutLegal(o)); o.legal && in != "" {
				add("i " + in)
			}
			if ex := spelledInitials(o.name); ex != "" {
				add("i " + ex)
			}
			for _, w := range o.toks {
				add("w " + w) // every word, for the rivals of a one-word head
			}
			if f := o.toks[0]; len(f) <= 24 {
				for k := 3; k < len(f); k++ {
					if strings.Trim(f[k:], "abcdefghijklmnopqrstuvwxyz") == "" {
						add("c " + f[:k])
					}
				}
			}
		}
	}
	moved := false
	var lowWords map[string]bool
	for _, s := range r.clusters {
		if s.into != nil || s.dropped || len(s.ments) == 0 || s.country || s.code != "" || len(s.alts) > 0 || s.legal || len(s.toks) > 3 {
			continue
		}
		if len(s.toks) == 1 && (techTerms[s.toks[0]] || commonNames[s.toks[0]]) {
			continue
		}
		acr := len(s.toks) == 1 && isAcronym(s.name)
		switch s.typ {
		case ner.Org, ner.Misc:
		case ner.Location, ner.Person:
			// (a place the gazetteer does not know, a person only by
			// initials)
			if !acr {
				continue
			}
		default:
			continue
		}
		f := shortFind{s: s, acr: acr, start: s.ments[0].first}
		if s.ments[0].sent == 0 && r.headlineSent() {
			// a headline's short form ("BoE holds rates" above "The Bank
			// of England held ..."): the name may come in the body first
			f.start = len(r.doc.Tokens)
			for _, m := range s.ments {
				if m.sent != 0 {
					f.start = m.first
					break
				}
			}
		}
		if acr {
			// "the MPC (the Monetary Policy Committee)": the name in
			// brackets after the acronym defines it, earlier or not, and
			// so does one in apposition ("IASC, the International
			// Accounting Standards Committee, has ...")
			for _, m := range s.ments {
				if m.kind != Proper {
					continue
				}
				if t := r.tok(m.last); t == "(" && f.def == 0 || t == "," && f.def2 == 0 {
					d := m.last + 1
					if isThe(r.tok(d)) {
						d++
					}
					if t == "(" {
						f.def = d
					} else {
						f.def2 = d
					}
				}
			}
		}
		f.the = f.start > 0 && f.start < len(r.doc.Tokens) && isThe(r.tok(f.start-1))
		f.chamber = !acr && len(s.toks) == 1 && r.afterThe(s)
		for {
			switch {
			case keys == nil:
				f.scan(longs)
			case acr:
				f.scan(keys["i "+capitals(s.name)])
			case len(s.toks) == 1:
				f.scan(keys["w "+s.toks[0]])
				f.scan(keys["c "+s.toks[0]])
			default:
				f.scan(keys["w "+s.toks[0]])
			}
			if !acr || f.n > 0 || f.bare || r.modifierOnly(s) || pluralAcronym(s.name) {
				break
			}
			// no name has the acronym's initials: a company's name
			// without its legal form may ("GM" of General Motors Corp.),
			// unless the acronym only ever modifies a noun ("AC power"
			// beside Apple Computer Inc.) or is a plural ("NCs", network
			// computers, beside Netscape Communications Corp.)
			f.bare = true
		}
		into := f.into
		if !acr && len(s.toks) == 1 && (corpWords[s.toks[0]] || firmNouns[s.toks[0]]) && !r.afterThe(s) {
			continue // "Airlines have faced tough conditions" beside Continental Airlines
		}
		if f.n != 1 || knownPlace(s.name) && !(acr && s.typ == ner.Org) || r.isCountry(s.lname) || allLegal(s.toks) || !acr && !r.shortFormUses(s, &lowWords) ||
			!acr && r.otherBody(s, f.into) || acr && r.legalInitial(s, f.into) || !acr && r.otherCountry(s, f.into) ||
			!acr && r.otherChamber(s, f.into) {
			continue
		}
		s.into, moved = into, true
		into.ments = append(into.ments, s.ments...)
		into.lastTok = max(into.lastTok, s.lastTok)
		into.nOrg += s.nOrg
		if acr && into.acronym == "" {
			into.acronym = s.name
		}
		if acr && bodyAsMisc(into, s) {
			into.typ = ner.Org
		}
	}
	if moved {
		r.dropJoined()
	}
}

// longName reports whether o is a name of two words or more of a thing,
// which a short form may stand for.
func longName(o *cluster) bool {
	return len(o.toks) >= 2 && o.typ != ner.Person && o.into == nil && !o.dropped && len(o.ments) > 0
}

// shortFind looks for the one earlier name that the short form s stands
// for: into, and how many there are (n, 2 for "more than one").
type shortFind struct {
	s        *cluster
	acr, the bool
	start    int
	def      int // the token a definition in brackets begins at, 0 if none
	def2     int // the token a definition in apposition begins at, 0 if none
	// chamber: s is one word the text writes after "the", which may
	// stand for a chamber named "House of" it, before or after
	// ("the Lords" and the House of Lords)
	chamber bool
	// bare: the acronym s may spell the initials of a company's name
	// without its legal form (withoutLegal)
	bare bool
	into *cluster
	n    int
}

// definedBy reports whether a mention of o begins the definition in
// brackets or in apposition after the acronym f.s.
func (f *shortFind) definedBy(o *cluster) bool {
	if f.def == 0 && f.def2 == 0 {
		return false
	}
	for _, m := range o.ments {
		if m.kind == Proper && (m.first == f.def || m.first == f.def2) {
			return true
		}
	}
	return false
}

func (f *shortFind) scan(l []*cluster) {
	s := f.s
	for _, o := range l {
		if f.n > 1 {
			return
		}
		for o.into != nil {
			o = o.into
		}
		if o == s || o == f.into || !longName(o) || o.ments[0].first >= f.start && !f.definedBy(o) &&
			!(f.chamber && chamberOf(s, o)) {
			continue
		}
		if f.acr && o.name[0] != s.name[0] || !f.acr && !slices.Contains(o.toks, s.toks[0]) && !(f.the && strings.HasPrefix(o.toks[0], s.toks[0])) {
			continue // (the quick test)
		}
		if !shortFormOf(s, o, f.acr, f.the) && !(f.chamber && chamberOf(s, o)) && !(f.bare && o.legal && initialsAre(withoutLegal(o), s.name)) {
			if !f.acr && len(s.toks) == 1 && slices.Contains(o.toks, s.toks[0]) {
				f.n = 2 // a rival: "the Lords" beside the House of Lords and the Law Lords
			}
			continue
		}
		if o.typ != ner.Org && !(f.acr && bodyAsMisc(o, s)) || o.acronym != "" && o.acronym != s.name {
			f.n = 2 // (a place or thing of that name: no guess)
			continue
		}
		f.into = o
		f.n++
	}
}

// shortFormUses reports whether the mentions of s read as a name's short
// form rather than a capitalised common word: none before a number
// ("Radio 2"), after a capitalised word within the sentence ("Foreign
// Relations Committee") or after "of", "for" or "des" (nameLinks) and a
// capitalised word (the "Sport" of "the Court of Arbitration for Sport",
// the "Eaux" of "Lyonnaise des Eaux"), and a one-word name not
// only at the start of sentences when the text also writes it in lower
// case ("Resources are ..." beside "mineral resources"). lowWords holds
// the text's lower-case words once a call has needed them.
func (r *resolver) shortFormUses(s *cluster, lowWords *map[string]bool) bool {
	inner := false
	for _, m := range s.ments {
		if m.kind != Proper {
			continue
		}
		if isDigitStart(r.tok(m.last)) {
			return false
		}
		if p := r.ltok(m.first - 1); nameLinks[p] && m.first >= 2 && isCap(r.tok(m.first-2)) {
			return false
		}
		if p := r.tok(m.first - 1); isCap(p) && !isThe(p) && m.first-1 > r.doc.Sentences[m.sent].First {
			return false
		}
		if m.first > r.doc.Sentences[m.sent].First {
			inner = true
		}
	}
	if inner || len(s.toks) > 1 {
		return true
	}
	if *lowWords == nil {
		*lowWords = map[string]bool{}
		for _, t := range r.doc.Tokens {
			if t.Text != "" && t.Text[0] >= 'a' && t.Text[0] <= 'z' {
				(*lowWords)[t.Text] = true
			}
		}
	}
	return !(*lowWords)[s.toks[0]]
}

// firmNouns end many company names, as corpWords do ("Archean
// Resources"); alone and without "the" they are the common noun
// ("Resources are potential reserves", "Airlines have faced ...").
var firmNouns = set("resources", "services", "stores", "securities", "partners", "mining", "minerals", "foods",
	"products", "chemicals", "metals", "insurance", "investments", "networks", "brands")

// afterThe reports whether a proper mention of s follows "the".
func (r *resolver) afterThe(s *cluster) bool {
	for _, m := range s.ments {
		if m.kind == Proper && isThe(r.tok(m.first-1)) {
			return true
		}
	}
	return false
}

// commonNames are capitalised words that name one thing of everyone's, not
// a short form of a name that ends in them ("the Internet" beside Alta
// Vista Internet).
var commonNames = set("internet", "web")

// legalInitial reports whether the acronym s spells o's legal form too
// ("GMC" of General Motors Corp.) while the text names something by the
// initials without it ("GM"): the company goes by those, and the longer
// one is another thing (the GMC trucks).
func (r *resolver) legalInitial(s, o *cluster) bool {
	n := len(s.name)
	if !o.legal || n < 3 || !legalForms[o.toks[len(o.toks)-1]] || s.name[n-1] != o.name[strings.LastIndexByte(o.name, ' ')+1] {
		return false
	}
	for _, c := range r.byName[strings.ToLower(s.name[:n-1])] {
		if c != s && c != o && len(c.ments) > 0 {
			return true
		}
	}
	return false
}

// nameLinks join the words of a name ("Court of Arbitration for Sport",
// "Lyonnaise des Eaux"): a capitalised word after one and a capitalised
// word is the end of another name.
var nameLinks = set("of", "for", "de", "des", "du", "la", "le", "del", "di")

// scopeWords set a body's level; before a head noun that the name lacks
// they name another body ("the regional Duma" beside the State Duma).
var scopeWords = set("regional", "local", "provincial", "municipal", "state", "city", "county", "district",
	"national", "federal", "parish", "town")

// otherBody reports whether a mention of the short form s stands after a
// word that marks another body than o: a level o's name lacks ("the
// Nenets regional Duma") or a plural noun ("its ID cards Bill" beside the
// Organised Crime Bill).
func (r *resolver) otherBody(s, o *cluster) bool {
	for _, m := range s.ments {
		if m.kind != Proper || m.first == 0 {
			continue
		}
		p := r.ltok(m.first - 1)
		if scopeWords[p] && !slices.Contains(o.toks, p) || r.doc.Tokens[m.first-1].POS == "NNS" && !isCap(r.tok(m.first-1)) {
			return true
		}
		// "Claire's Stores" beside Bebe Stores: the head after another
		// name's possessive (not a place's, "Britain's Treasury", nor o's
		// own, "Courtauld's Coatings" beside Courtaulds European Coatings,
		// nor a date's, "June's Isle of Wight festival")
		if n := r.possessiveBefore(m.first); n > 0 && m.first-n >= 1 {
			if k := m.first - n - 1; r.inMent[k] && isCap(r.tok(k)) && !prefixOfWord(o.toks, r.ltok(k)) && !knownPlace(r.tok(k)) && !r.isCountry(r.ltok(k)) {
				return true
			}
		}
	}
	return false
}

// otherCountry reports whether a proper mention of the short form s is
// given a country ("Belgium's Interbrew", "Belgian brewer Interbrew")
// other than one a mention of o is given ("Sun Interbrew, Russia's
// second-largest brewer", "Russian brewer Sun Interbrew"): a parent and
// its subsidiary abroad, whose name holds the parent's, are two bodies.
func (r *resolver) otherCountry(s, o *cluster) bool {
	a := ""
	for _, m := range s.ments {
		if m.kind == Proper {
			if a = r.countryBefore(m.first); a != "" {
				break
			}
		}
	}
	if a == "" {
		return false
	}
	for _, m := range o.ments {
		if m.kind != Proper {
			continue
		}
		if b := r.countryBefore(m.first); b != "" && b != a {
			return true
		}
		if b := r.countryAfter(m.last); b != "" && b != a {
			return true
		}
	}
	return false
}

// countryBefore returns the code of the country whose possessive or
// demonym stands before the name at token i ("Belgium's Interbrew",
// "South Korea's Daewoo", "Belgian Interbrew", "Belgian brewer
// Interbrew"), "" if none.
func (r *resolver) countryBefore(i int) string {
	if n := r.possessiveBefore(i); n > 0 {
		k := i - n // the end of the country's name
		for w := 1; w <= 2 && k-w >= 0; w++ {
			if ct, ok := r.countryByName(r.textOf(k-w, k)); ok {
				return ct.Code
			}
		}
		return ""
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		t := r.tok(k)
		if isCap(t) {
			if ct, ok := r.countryByDemonym(t); ok {
				return ct.Code
			}
			return ""
		}
		if t == "" || t[0] < 'a' || t[0] > 'z' {
			return "" // (a lower-case noun between: "Belgian brewer")
		}
	}
	return ""
}

// countryAfter returns the code of the country whose possessive opens an
// apposition after the name ending before token last ("Sun Interbrew,
// Russia's second-largest brewer"), "" if none.
func (r *resolver) countryAfter(last int) string {
	if r.tok(last) != "," {
		return ""
	}
	for w := 1; w <= 2 && last+1+w <= len(r.doc.Tokens); w++ {
		if r.possessiveAt(last+1+w) > 0 {
			if ct, ok := r.countryByName(r.textOf(last+1, last+1+w)); ok {
				return ct.Code
			}
		}
	}
	return ""
}

// otherChamber reports whether the short form s is "House" and o one
// chamber of Parliament ("House of Lords") while the text names the other
// too ("the Commons", "House of Commons"): "all sides of the House" in a
// Commons story that names the Lords first may be either.
func (r *resolver) otherChamber(s, o *cluster) bool {
	if len(s.toks) != 1 || s.toks[0] != "house" {
		return false
	}
	var other string
	switch o.lname {
	case "house of lords":
		other = "commons"
	case "house of commons":
		other = "lords"
	default:
		return false
	}
	for _, c := range r.clusters {
		if c != o && c.into == nil && !c.dropped && len(c.ments) > 0 && c.typ != ner.Person && slices.Contains(c.toks, other) {
			return true
		}
	}
	return false
}

// chamberHeads name a chamber whose name after "of" stands for it after
// "the" ("the Lords", "the Commons", "the Keys").
var chamberHeads = set("house", "chamber")

// chamberMembers are the words after "of" of the names of chambers
// ("House of Lords", "Chamber of Deputies"); other names "House of X"
// are a store's, a club's or a show's ("House of Blues" beside a story's
// "the Blues", a football team).
var chamberMembers = set("lords", "commons", "representatives", "keys", "deputies", "delegates", "councillors",
	"peers", "bishops", "clergy", "laity", "burgesses", "elders", "nobles", "notables")

// chamberOf reports whether s is the word after "of" of o's name "House
// of X" ("Lords" of the House of Lords).
func chamberOf(s, o *cluster) bool {
	return len(s.toks) == 1 && len(o.toks) == 3 && chamberHeads[o.toks[0]] && o.toks[1] == "of" && o.toks[2] == s.toks[0] &&
		chamberMembers[s.toks[0]]
}

// possessiveBefore reports how many tokens before i form a possessive
// marker, 0 if none.
func (r *resolver) possessiveBefore(i int) int {
	for n := 1; n <= 2 && i-n >= 0; n++ {
		if r.possessiveAt(i-n) == n {
			return n
		}
	}
	return 0
}

// shortFormOf reports whether s's name is a short form of o's: o's
// initials (acr: s is written as an acronym), o's head (the words before
// "of"/"for", else the last word; not in a name of two joined by "and")
// or, after "the", a clipping of o's first word (not a combining form:
// "the Euro" beside the European Central Bank; "the Fed" only of a
// Federal Reserve, clipOf).
func shortFormOf(s, o *cluster, acr, the bool) bool {
	if acr {
		return initialsAre(o.name, s.name) || spelledInitialsAre(o.name, s.name)
	}
	if len(s.toks) >= len(o.toks) || slices.Contains(o.toks, "and") || slices.Contains(o.toks, "&") {
		// (not "Times" of "The Times and The Sunday Times")
		return false
	}
	k := len(s.toks)
	if w := o.toks[k]; w == "of" || w == "for" {
		if slices.Equal(s.toks, o.toks[:k]) {
			return true
		}
	}
	if k == 1 && len(s.name) >= 3 && !slices.Contains(o.toks, "of") && !slices.Contains(o.toks, "for") && o.toks[len(o.toks)-1] == s.toks[0] {
		return true
	}
	if k == 1 && the && len(s.name) >= 3 && !combiningForms[s.toks[0]] {
		if w, ok := clipOf[s.toks[0]]; ok && !slices.Contains(o.toks, w) {
			return false
		}
		f := o.toks[0]
		if len(f) > len(s.toks[0]) && strings.HasPrefix(f, s.toks[0]) && strings.Trim(f[len(s.toks[0]):], "abcdefghijklmnopqrstuvwxyz") == "" {
			return true
		}
	}
	return false
}

// modifierOnly reports whether every mention of s stands before a common
// noun ("AC power", "TV sets"), as a thing's name does.
func (r *resolver) modifierOnly(s *cluster) bool {
	for _, m := range s.ments {
		if m.kind != Proper {
			continue
		}
		if m.last >= len(r.doc.Tokens) {
			return false
		}
		if p := r.doc.Tokens[m.last].POS; p != "NN" && p != "NNS" {
			return false
		}
	}
	return true
}

// pluralAcronym reports whether a ends in a plural s after a capital
// ("PCs", "NCs").
func pluralAcronym(a string) bool {
	n := len(a)
	return n >= 3 && a[n-1] == 's' && a[n-2] >= 'A' && a[n-2] <= 'Z'
}

// withoutLegal returns o's name without the legal form that ends it
// ("General Motors" of "General Motors Corp.", whose initials are GM):
// as many words of the name as its core has.
func withoutLegal(o *cluster) string {
	if !o.legal {
		return o.name
	}
	i := 0
	for n := strings.Count(o.core, " ") + 1; n > 0; n-- {
		j := strings.IndexByte(o.name[i:], ' ')
		if j < 0 {
			return o.name
		}
		i += j + 1
	}
	return o.name[:i-1]
}

// combiningForms begin many words and are words of their own ("the Euro"
// is the currency, "the Inter defender" a footballer's club): no clipping
// of the word they begin ("European", "International").
var combiningForms = set("euro", "inter", "intra", "trans", "multi", "pan", "anti", "pro", "con", "super", "tele",
	"micro", "macro", "bio", "geo", "eco", "agri", "petro", "electro", "auto", "aero", "cyber", "nation", "common",
	"sun") // (the Sun is a paper, not the Sunday Telegraph)

// clipOf holds the clippings that the news keeps for one body, with a word
// its name must hold: "the Fed" is the Federal Reserve (Board, Bank), not
// Federated Department Stores or the Federal Communications Commission.
var clipOf = map[string]string{"fed": "reserve"}

// initialsOf returns the capitals that begin the words of a name, small
// lower-case words left out ("BE" for "Bank of England", as capitals gives
// for "BoE"); "" when another word is lower-case or fewer than two remain.
func initialsOf(name string) string {
	var b []byte
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		if c := w[0]; c >= 'A' && c <= 'Z' {
			b = append(b, c)
		} else if c >= 'a' && c <= 'z' && !initialSmall[w] {
			return ""
		}
	}
	if len(b) < 2 {
		return ""
	}
	return string(b)
}

// initialsAre reports whether initialsOf(name) == capitals(acr), without
// building either; an acr with a digit spells no initials.
func initialsAre(name, acr string) bool {
	for i := 0; i < len(acr); i++ {
		if acr[i] >= '0' && acr[i] <= '9' {
			return false // a model's name ("a DC3 aircraft" beside Delta Comair)
		}
	}
	j, n := 0, 0          // acr's next byte, the initials matched
	next := func() byte { // acr's next capital, 0 at its end
		for ; j < len(acr); j++ {
			if c := acr[j]; c >= 'A' && c <= 'Z' {
				j++
				return c
			}
		}
		return 0
	}
	for i := 0; i < len(name); {
		for i < len(name) && (name[i] == ' ' || name[i] == '-') {
			i++
		}
		if i == len(name) {
			break
		}
		k := i
		for k < len(name) && name[k] != ' ' && name[k] != '-' {
			k++
		}
		if c := name[i]; c >= 'A' && c <= 'Z' {
			if next() != c {
				return false
			}
			n++
		} else if c >= 'a' && c <= 'z' && !initialSmall[name[i:k]] {
			return false
		}
		i = k
	}
	return n >= 2 && next() == 0
}

// spelledInitials is initialsOf with each word written in two to four
// capitals spelled out whole ("UKIP" for "UK Independence Party", as
// "EUROPOL"-style acronyms keep a member's own letters); "" when the name
// has no such word or initialsOf gives "".
func spelledInitials(name string) string {
	if initialsOf(name) == "" {
		return ""
	}
	var b []byte
	spelled := false
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		switch c := w[0]; {
		case len(w) >= 2 && len(w) <= 4 && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "":
			b = append(b, w...)
			spelled = true
		case c >= 'A' && c <= 'Z':
			b = append(b, c)
		}
	}
	if !spelled {
		return ""
	}
	return string(b)
}

// spelledInitialsAre reports whether spelledInitials(name) is acr, an
// acronym written in capitals only; it allocates only for a name with two
// capitals in a row.
func spelledInitialsAre(name, acr string) bool {
	caps := false
	for i := 1; i < len(name) && !caps; i++ {
		caps = name[i-1] >= 'A' && name[i-1] <= 'Z' && name[i] >= 'A' && name[i] <= 'Z'
	}
	if !caps {
		return false
	}
	if strings.Trim(acr, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return false // written in capitals only: "USADA", not "JPMorgan" beside JP McManus
	}
	return spelledInitials(name) == acr
}

// initialSmall are the lower-case words an acronym leaves out.
var initialSmall = set("of", "for", "and", "the", "de", "la", "du", "des", "on", "in", "&")

// prefixOfWord reports whether w begins a word of ws.
func prefixOfWord(ws []string, w string) bool {
	for _, x := range ws {
		if strings.HasPrefix(x, w) {
			return true
		}
	}
	return false
}
