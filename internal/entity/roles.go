package entity

import (
	"cmp"
	"slices"
	"strings"

	"github.com/lector-nlp/lector/internal/geo"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// personRoles reads the roles of a person from the words before its names
// ("Iranian Defense Minister Brigadier General X", "Russia's Defense
// Minister X") and from appositions ("X, the foreign minister of Y,").
func (r *resolver) personRoles(c *cluster) {
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		n := len(c.roles)
		r.prefixRoles(c, m.first)
		if len(c.roles) > n && c.roles[len(c.roles)-1].Affiliation == "" && r.jobTitleBefore(m.first) {
			// "analyst Chad Williams at Research Capital"
			if aff := r.atOrg(m.last); aff != "" {
				c.roles[len(c.roles)-1].Affiliation = aff
			}
		}
		r.appositionRoles(c, m.last)
		if c.gender == 0 && m.last-m.first > 1 {
			first := r.ltok(m.first)
			if femaleNames[first] && !maleNames[first] {
				c.gender = 'f'
			} else if maleNames[first] && !femaleNames[first] {
				c.gender = 'm'
			}
		}
	}
	for _, ro := range c.roles {
		ws := strings.Fields(lower(ro.Title))
		if len(ws) > 0 {
			if g, ok := genderedHeads[ws[len(ws)-1]]; ok && c.gender == 0 {
				c.gender = g
			}
		}
	}
}

// jobTitleBefore reports whether the title word right before a name at
// token first is written in lower case ("analyst Chad Williams at
// Research Capital"), or opens its sentence: the organisation after such
// a name is the employer. After a capitalised title it is more often a
// venue or a party to a meeting ("Treasury Secretary Robert Rubin at
// Harvard University", "Secretary of State X with NATO").
func (r *resolver) jobTitleBefore(first int) bool {
	if first < 1 {
		return false
	}
	return !isCap(r.tok(first-1)) || r.doc.Sentences[r.sentOf(first-1)].First == first-1
}

// atOrg returns the organisation named right after "at", "with" or "of"
// at token i, after at most two lower-case words ("... at Research
// Capital", "of broker ABN AMRO Hoare Govett"), "" if none.
func (r *resolver) atOrg(i int) string {
	if l := r.ltok(i); l != "at" && l != "with" && l != "of" {
		return ""
	}
	j := i + 1
	for k := 0; k < 2 && j < len(r.doc.Tokens) && !r.inMent[j] && isLowerWord(r.tok(j)); k++ {
		j++
	}
	if o := r.describedOrg(j); o != nil {
		// "a vice president with Boston consulting firm Yankee Group
		// Inc.": the employer is the one the description names
		return displayName(o.c.name)
	}
	if o := r.orgAt(j); o != nil {
		if e := o.last; e < len(r.doc.Tokens) && isLowerWord(r.tok(e)) && r.doc.Tokens[e].POS == "NNS" {
			// "with NATO officials": the name modifies a plural noun
			// (not "at Renaissance Capital brokerage")
			return ""
		}
		// the organisation's name ("Western Resources Inc" for its
		// "Western")
		return displayName(o.c.name)
	}
	return ""
}

// describedOrg returns the organisation named after the name at token
// j and one to three lower-case nouns that describe it ("Boston
// consulting firm Yankee Group Inc.", "Chicago brokerage Harris Weller
// Co."), nil if none: "IBM and Microsoft" has no such nouns.
func (r *resolver) describedOrg(j int) *ment {
	n := len(r.doc.Tokens)
	if j >= n || !r.inMent[j] {
		return nil
	}
	k := j
	for k < n && r.inMent[k] {
		k++
	}
	e := k
	for e < n && e < k+3 && !r.inMent[e] && isLowerWord(r.tok(e)) {
		if pos := r.doc.Tokens[e].POS; !strings.HasPrefix(pos, "NN") && pos != "VBG" && pos != "JJ" {
			return nil
		}
		e++
	}
	if e == k {
		return nil
	}
	return r.orgAt(e)
}

// isLowerWord reports whether s is a lower-case word.
func isLowerWord(s string) bool { return s != "" && s[0] >= 'a' && s[0] <= 'z' }

// orgAt returns the organisation's proper mention that starts at token
// i, nil if none.
func (r *resolver) orgAt(i int) *ment {
	if i < 0 || i >= len(r.inMent) || !r.inMent[i] {
		return nil
	}
	r.indexOrgs()
	return r.orgStart[i]
}

// orgEndingAt returns the organisation's proper mention whose last token
// is i, nil if none.
func (r *resolver) orgEndingAt(i int) *ment {
	if i < 0 || i >= len(r.inMent) || !r.inMent[i] {
		return nil
	}
	r.indexOrgs()
	return r.orgEnd[i]
}

// indexOrgs indexes the organisations' proper mentions by their first and
// last tokens, once (roles are read after all names are found).
func (r *resolver) indexOrgs() {
	if r.orgStart != nil {
		return
	}
	r.orgStart, r.orgEnd = map[int]*ment{}, map[int]*ment{}
	for _, m := range r.ments {
		if m.kind == Proper && m.c.typ == ner.Org {
			r.orgStart[m.first] = m
			r.orgEnd[m.last-1] = m
		}
	}
}

func (c *cluster) addRole(title, aff string) {
	title = strings.TrimSpace(title)
	if title == "" {
		return
	}
	if l := lower(title); l == "prof" || l == "prof." {
		title = "Professor"
	}
	for i, ro := range c.roles {
		if strings.EqualFold(ro.Title, title) {
			if ro.Affiliation == "" && aff != "" {
				c.roles[i].Affiliation = aff
			}
			return
		}
	}
	c.roles = append(c.roles, Role{Title: title, Affiliation: aff})
}

// affiliationAt reads an affiliation that starts at token i: a demonym
// ("Iranian"), or a name with a possessive ("Russia's", "the Pentagon's").
// It returns the affiliation and the number of tokens used.
func (r *resolver) affiliationAt(i, limit int) (string, int) {
	t := r.tok(i)
	if !isCap(t) {
		return "", 0
	}
	if ct, ok := r.countryByDemonym(t); ok {
		// (a possessive after it too: "Gibraltar's", a name that is its
		// own demonym)
		return ct.Name, 1 + r.possessiveAt(i+1)
	}
	// a run of capitalised tokens followed by a possessive
	j := i
	for j < limit && isCap(r.tok(j)) && !titleHeads[r.ltok(j)] {
		j++
	}
	if j > i && j < limit {
		if n := r.possessiveAt(j); n > 0 {
			name := r.textOf(i, j)
			if ct, ok := r.countryByName(name); ok {
				name = ct.Name
			}
			return name, j - i + n
		}
	}
	return "", 0
}

// modals, and "to" after toVerbs, come before a verb's base form: a
// lower-case title word after one is the verb ("tried to engineer", "in
// a bid to engineer", "will coach"; the tagger reads "engineer" there as
// a noun).
var (
	modals  = set("will", "would", "can", "could", "may", "might", "must", "shall", "should", "ll", "'ll")
	toVerbs = set("try", "tries", "tried", "trying", "seek", "seeks", "sought", "seeking", "help", "helps", "helped", "helping",
		"hope", "hopes", "hoped", "want", "wants", "wanted", "plan", "plans", "planned", "planning", "aim", "aims", "aimed",
		"attempt", "attempts", "attempted", "fail", "fails", "failed", "manage", "manages", "managed", "able", "unable",
		"move", "moves", "moved", "bid", "bids", "effort", "efforts", "need", "needs", "needed", "agree", "agrees", "agreed",
		"refuse", "refuses", "refused", "threaten", "threatens", "threatened", "vow", "vows", "vowed", "promise", "promises",
		"promised", "decide", "decides", "decided", "intend", "intends", "intended", "expected", "scrambled", "worked",
		"working", "continue", "continues", "continued", "set")
)

// prefixRoles parses the title words right before a name.
func (r *resolver) prefixRoles(c *cluster, nameStart int) {
	sent := r.doc.Sentences[r.sentOf(nameStart)]
	// walk left over title words, honorifics, demonyms and possessives
	i := nameStart
	for i > sent.First {
		t := r.tok(i - 1)
		l := r.ltok(i - 1)
		if _, ok := text.Honorific(l); ok {
			i--
			continue
		}
		if p := r.ltok(i - 2); !isCap(t) && (modals[p] || p == "to" && toVerbs[r.ltok(i-3)]) {
			// a verb, not a title: "tried to engineer John Smith's
			// removal", "will coach X" (not "a letter to chief
			// executive X")
			break
		}
		if (titleHeads[l] || titleMods[l] && l != "of") && (isCap(t) || i == nameStart || !isCap(r.tok(i))) {
			// (lower-case title words before a lower-case one: "deputy
			// chief executive X")
			i--
			continue
		}
		if l == "of" && i < nameStart && isCap(r.tok(i)) && i-1 > sent.First && (titleHeads[r.ltok(i-2)]) {
			i--
			continue
		}
		if _, ok := r.capDemonym(t); ok {
			i--
			continue
		}
		// a possessive: walk over the name before it
		if n := r.possessiveEndAt(i); n > 0 {
			j := i - n
			k := j
			for k > sent.First && isCap(r.tok(k-1)) && !titleHeads[r.ltok(k-1)] {
				k--
			}
			if k < j {
				i = k
				continue
			}
		}
		break
	}
	if i == nameStart {
		return
	}
	// segment left to right into (affiliation) title title ...
	aff := ""
	if o := r.orgEndingAt(i - 1); o != nil && o.first >= sent.First {
		// "Merrill Lynch analyst Tom Kurlak", "Bre-X Chief Executive X"
		aff = displayName(o.c.name)
	}
	var title []string
	flush := func() {
		if len(title) > 0 {
			if slices.ContainsFunc(title, func(w string) bool { return titleHeads[lower(w)] }) {
				// (not "communications" of "vice president of
				// corporate communications X" nor "Republican": no
				// head noun, no title; "Secretary of State" has one)
				c.addRole(strings.Join(title, " "), aff)
			}
			aff = ""
			title = title[:0]
		}
	}
	for j := i; j < nameStart; {
		if a, n := r.affiliationAt(j, nameStart); n > 0 {
			flush()
			aff = a
			j += n
			continue
		}
		l := r.ltok(j)
		if g, ok := text.Honorific(l); ok {
			if g != 0 && c.gender == 0 {
				c.gender = g
			}
			flush()
			j++
			continue
		}
		title = append(title, r.tok(j))
		j++
		if titleHeads[l] {
			next := r.ltok(j)
			// "Brigadier General", "Secretary of State", "Vice President"
			if j < nameStart && (next == "of" || titleHeads[next] && (rankPrefix[l] || !startsTitle[next])) {
				continue
			}
			if j < nameStart && titleHeads[next] {
				flush()
				continue
			}
			// a head followed by modifiers starts a new title (not
			// "executive vice president": a head that is also a
			// modifier before "vice")
			if j < nameStart && titleMods[next] && !titleHeads[next] && !rankPrefix[l] && !(next == "vice" && titleMods[l]) {
				flush()
			}
		}
	}
	flush()
}

// rankPrefix are heads that go on into the next head ("Brigadier General",
// "Lieutenant Colonel", "Deputy Minister", "Detective Sergeant").
var rankPrefix = set("brigadier", "lieutenant", "major", "deputy", "vice", "chief", "attorney", "lt.", "maj.",
	"detective")

// startsTitle are heads that begin a new title when they follow another
// head ("Defense Minister | Brigadier General").
var startsTitle = set("brigadier", "lieutenant", "major", "general", "colonel", "admiral", "captain",
	"sergeant", "ayatollah", "sheikh", "gen.", "col.", "lt.", "maj.", "adm.", "capt.", "sgt.",
	"prince", "king", "queen", "president", "sen.", "rep.", "gov.", "dr.", "prof.", "prof", "professor")

func (r *resolver) possessiveEndAt(i int) int {
	for n := 1; n <= 2 && i-n >= 0; n++ {
		if r.possessiveAt(i-n) == n {
			return n
		}
	}
	return 0
}

// appositionRoles reads ", the foreign minister of Y," or ", Iran's defense
// minister," after a name.
func (r *resolver) appositionRoles(c *cluster, nameEnd int) {
	if r.tok(nameEnd) != "," {
		return
	}
	sent := r.doc.Sentences[r.sentOf(nameEnd)]
	j := nameEnd + 1
	end := j
	for end < sent.Last && end-j < 10 {
		t := r.tok(end)
		if t == "," || t == "." || t == ";" || t == ")" || t == "(" || t == "—" || t == "--" {
			break
		}
		end++
	}
	if end == j {
		return
	}
	// find the head noun
	head := -1
	for k := j; k < end; k++ {
		if titleHeads[r.ltok(k)] {
			head = k
		}
		if p := r.doc.Tokens[k].POS; strings.HasPrefix(p, "VB") || p == "MD" {
			return
		}
	}
	if head < 0 || isCap(r.tok(head+1)) && r.inMent[head+1] {
		// (", the son of Chairman Dwayne Reed,", "Esrey, Acme Co.
		// Chairman George Fisher": a title of the name after it)
		return
	}
	aff := ""
	k := j
	if determiners[r.ltok(k)] {
		k++
	}
	if a, n := r.affiliationAt(k, head); n > 0 {
		aff = a
		k += n
	} else if o := r.orgAt(k); o != nil && o.last <= head {
		// ", Magna chairman,": the organisation's name before the title
		aff = displayName(o.c.name)
		k = o.last
	}
	// "the former Iranian foreign minister": a demonym inside
	tstart := k
	for x := k; x < head; x++ {
		if ct, ok := r.capDemonym(r.tok(x)); ok {
			aff = ct.Name
			tstart = x + 1
		}
	}
	// every word between is a title word, or one of at most three
	// lower-case nouns and adjectives (", a banking industry analyst at")
	plain := 0
	for x := tstart; x < head; x++ {
		l := r.ltok(x)
		if titleMods[l] || titleHeads[l] {
			continue
		}
		if plain++; plain > 3 || !r.titleModifier(x) || titleHeads[singular(l)] && l != singular(l) {
			// (not ", former U.S. attorneys general Ann Roe and ...")
			return
		}
	}
	tend := head + 1
	if nx := r.ltok(tend); nx == "of" || nx == "for" || nx == "at" || nx == "with" {
		o := tend + 1
		if determiners[r.ltok(o)] {
			o++
		}
		if org := r.atOrg(tend); org != "" && nx != "for" {
			// "an analyst at brokerage William Blair & Co. in Chicago":
			// the organisation's name, not the words after it
			aff = org
		} else if o < end && isCap(r.tok(o)) {
			// "of State" stays in the title; "of Iran" is the affiliation,
			// its capitalised words ("of Tibet and winner of ...": Tibet)
			end := r.capitalRun(o, end)
			name := r.textOf(o, end)
			if ct, ok := r.countryByName(name); ok {
				aff = ct.Name
			} else if r.ltok(tend) == "of" && end-o == 1 && titleMods[r.ltok(o)] {
				tend = end
			} else {
				aff = name
			}
		}
	}
	if tstart >= tend {
		return
	}
	c.addRole(r.textOf(tstart, tend), text.Unescape(aff))
}

// capitalRun returns the end of the run of capitalised words from token
// i, before limit, with the words that link the parts of a name inside it
// ("Bank of England", "Procter & Gamble", "Williams de Broe", "Voisey's
// Bay"). When a lower-case word other than a preposition or "and"
// follows the run, the words are a description ("UK equities for ...",
// "Web server development at ..."), and it returns limit.
func (r *resolver) capitalRun(i, limit int) int {
	e := i
	for e < limit {
		if isCap(r.tok(e)) {
			e++
			continue
		}
		if l := r.ltok(e); (nameJoins[l] || r.possessiveAt(e) > 0) && e+1 < limit && isCap(r.tok(e+1)) {
			e++
			continue
		}
		break
	}
	if e < limit && isLowerWord(r.tok(e)) && !runEnds[r.ltok(e)] {
		return limit
	}
	if n := r.possessiveAt(e); n > 0 && e+n < limit && isLowerWord(r.tok(e+n)) {
		// "of BT's wireless arm": BT; "of Britain's new channel" is
		// the description
		if _, ok := r.countryByName(r.textOf(i, e)); ok {
			return limit
		}
	}
	return e
}

// nameJoins link the capitalised parts of a name; runEnds end a name
// written before them.
var (
	nameJoins = set("of", "&", "and", "for", "the", "de", "la", "le", "du", "des", "van", "von", "der", "del", "da", "di")
	runEnds   = set("and", "in", "at", "for", "since", "who", "which", "as", "to", "on", "with", "from", "until", "after", "before", "during")
)

// descriptionRoles reads the roles that an apposition gives a person with
// a possessive description: "The council's engineering manager, Tom
// Reid, said", "the club's chairman Ann Lee", "Its finance director, Ann
// Lee,", "Tom Reid, the council's engineering manager, said". The title
// is the words after the possessive (a title's head and up to three
// modifiers, lower-case nouns and adjectives among them); the affiliation
// is the entity whose name, description ("the council", which nominals
// linked) or "its"/"their" (pronouns) ends at the possessive. Run after
// nominals and pronouns, with r.ments sorted by position.
func (r *resolver) descriptionRoles() {
	// the mention of a thing (no person) that starts at token i, or that
	// ends at token i (its last is i), in r.ments sorted by first
	thing := func(m *ment) bool {
		if m.kind == Pronoun && m.last-m.first == 1 {
			if !thingPossessives[r.ltok(m.first)] {
				return false
			}
		}
		return m.c.typ != ner.Person && m.c.typ != ner.Nationality
	}
	starts := func(i int) *ment {
		k, _ := slices.BinarySearchFunc(r.ments, i, func(m *ment, i int) int { return cmp.Compare(m.first, i) })
		for ; k < len(r.ments) && r.ments[k].first == i; k++ {
			if thing(r.ments[k]) {
				return r.ments[k]
			}
		}
		return nil
	}
	ends := func(i int) *ment {
		k, _ := slices.BinarySearchFunc(r.ments, i-8, func(m *ment, i int) int { return cmp.Compare(m.first, i) })
		for ; k < len(r.ments) && r.ments[k].first < i; k++ {
			if r.ments[k].last == i && thing(r.ments[k]) {
				return r.ments[k]
			}
		}
		return nil
	}
	for _, c := range r.clusters {
		if c.typ != ner.Person {
			continue
		}
		n := len(c.roles)
		for _, m := range c.ments {
			if m.kind != Proper {
				continue
			}
			// before the name: the title's head right before it, or
			// before a comma when another comma or a report verb closes
			// the apposition
			head := m.first - 1
			if r.tok(head) == "," {
				if nx := r.tok(m.last); nx == "," || reportVerbs[r.ltok(m.last)] || subjectVerbs[r.ltok(m.last)] || text.SpeechVerb(nx) {
					head--
				}
			}
			if head >= 0 && titleHeads[r.ltok(head)] && !r.inMent[head] {
				for i := head; i >= head-3 && i > 0; i-- {
					if i < head && !r.titleModifier(i) {
						break
					}
					if k := r.possessiveEndAt(i); k > 0 || thingPossessives[r.ltok(i-1)] {
						if o := ends(i - k); o != nil {
							c.describedRole(r.textOf(i, head+1), r.affiliationOf(o.c))
						}
						break
					}
				}
			}
			// after the name: ", the council's engineering manager,"
			if r.tok(m.last) != "," {
				continue
			}
			near := false
			for k := m.last + 2; k < m.last+7 && !near; k++ {
				near = r.possessiveAt(k) > 0
			}
			if !near {
				// (no possessive near: no look-up)
				continue
			}
			o := starts(m.last + 1)
			if o == nil {
				continue
			}
			k := r.possessiveAt(o.last)
			if k == 0 {
				continue
			}
			i := o.last + k
			for h := i; h < i+4 && r.titleModifier(h); h++ {
				// (a head may go on into another: "chief engineer",
				// "vice president")
				if nx := r.tok(h + 1); titleHeads[r.ltok(h)] && (nx == "," || nx == "." || nx == ";" || h+1 == r.doc.Sentences[m.sent].Last) {
					c.describedRole(r.textOf(i, h+1), r.affiliationOf(o.c))
					break
				}
			}
		}
		if c.gender == 0 {
			for _, ro := range c.roles[n:] {
				ws := strings.Fields(lower(ro.Title))
				if g, ok := genderedHeads[ws[len(ws)-1]]; ok {
					c.gender = g
				}
			}
		}
	}
}

// thingPossessives are the pronouns that give a description of a role its
// organisation ("Its finance director, Ann Lee,").
var thingPossessives = set("its", "their")

// describedRole adds the role a description gives (descriptionRoles)
// without words that only date it ("new", "newly-appointed"): a role the
// name's title words gave without an affiliation whose title ends the
// description's ("chief executive" of "the firm's new chief executive",
// "officer" of "its chief medical officer") takes the description's
// title and affiliation.
func (c *cluster) describedRole(title, aff string) {
	ws := strings.Fields(title)
	for len(ws) > 1 && datingWords[lower(ws[0])] {
		ws = ws[1:]
	}
	title = strings.Join(ws, " ")
	lt := lower(title)
	if !slices.ContainsFunc(c.roles, func(ro Role) bool { return lower(ro.Title) == lt }) {
		for i, ro := range c.roles {
			if ro.Affiliation == "" && strings.HasSuffix(lt, " "+lower(ro.Title)) {
				c.roles[i] = Role{Title: title, Affiliation: aff}
				return
			}
		}
	}
	c.addRole(title, aff)
}

// datingWords begin a description of a role without being part of its
// title.
var datingWords = set("new", "newly-appointed", "newly-elected", "newly-named", "incoming", "current", "present")

// titleModifier reports whether token i may stand inside a title before
// its head: a title word, or a lower-case noun or adjective
// ("engineering" of "engineering manager") outside a name.
func (r *resolver) titleModifier(i int) bool {
	l := r.ltok(i)
	if titleMods[l] || titleHeads[l] {
		return i >= 0 && i < len(r.inMent) && !r.inMent[i] && l != "of"
	}
	if !isLowerWord(r.tok(i)) || r.inMent[i] {
		return false
	}
	switch r.doc.Tokens[i].POS {
	case "NN", "NNS", "JJ", "VBG":
		// ("sales manager", "operations director")
		return true
	}
	return false
}

// affiliationOf is the affiliation a role names with c: its name, a
// country's short name.
func (r *resolver) affiliationOf(c *cluster) string {
	if c.country {
		if ct, ok := r.countryByName(c.name); ok {
			return ct.Name
		}
	}
	return displayName(c.name)
}

// nominals finds definite descriptions of people ("the Iranian minister",
// "The Russian defense minister") and links each to the most recent person
// whose roles match its head noun, its nationality and its title words;
// and descriptions of organisations, countries, regions and cities ("the
// ministry", "the country", "the company"), linked to the most salient
// compatible entity of the sentences just before (thingNominal). One pass
// from left to right keeps the mentions seen so far in order.
func (r *resolver) nominals() {
	toks := r.doc.Tokens
	all := make([]*ment, len(r.ments))
	copy(all, r.ments)
	slices.SortStableFunc(all, byFirst)
	for _, c := range r.clusters {
		c.seen = 0
	}
	recent := make([]*ment, 0, len(all))
	p := 0
	for i := 0; i < len(toks); i++ {
		if i = nextThe(toks, i); i == len(toks) {
			break
		}
		if r.cancelled(i) {
			return
		}
		if !isThe(toks[i].Text) || r.inMent[i] {
			continue
		}
		// the mentions before i, caught up at "the" only (the same order
		// and counts as token by token: recent and seen are read here only)
		for p < len(all) && all[p].first < i {
			recent = append(recent, all[p])
			all[p].c.seen++
			p++
		}
		sent := r.doc.Sentences[r.sentOf(i)]
		code := ""
		var mods []string
		j := i + 1
		head := -1
		for ; j < sent.Last && j-i <= 5; j++ {
			t := toks[j].Text
			l := r.ltok(j)
			if nominalHeads[l] {
				// "the defense minister" vs "the minister's office": take
				// the last head of a run
				if j+1 < sent.Last && nominalHeads[r.ltok(j+1)] {
					mods = append(mods, l)
					continue
				}
				head = j
				break
			}
			if ct, ok := r.capDemonym(t); ok {
				code = ct.Code
				continue
			}
			if titleMods[l] || l == "top" || l == "former" {
				mods = append(mods, l)
				continue
			}
			break
		}
		if head < 0 {
			if c, h := r.thingNominal(i, sent, recent); c != nil {
				recent = append(recent, r.add(c, Common, i, h+1))
				c.seen++
				for k := i; k <= h; k++ {
					r.inMent[k] = true
				}
				i = h
			}
			continue
		}
		// "the president of the club" describes someone on its own
		if nx := r.ltok(head + 1); nx == "of" || nx == "for" || nx == "at" || nx == "who" {
			continue
		}
		c := r.nominalTarget(i, r.ltok(head), code, mods, recent)
		if c == nil {
			c = r.laterNominalTarget(i, head, code, mods, recent, all[p:])
		}
		if c != nil {
			recent = append(recent, r.add(c, Common, i, head+1))
			c.seen++
			for k := i; k <= head; k++ {
				r.inMent[k] = true
			}
			i = head
		}
	}
}

// isThe is strings.EqualFold(t, "the"): no other rune folds to t, h or e.
func isThe(t string) bool {
	return len(t) == 3 && t[0]|0x20 == 't' && t[1]|0x20 == 'h' && t[2]|0x20 == 'e'
}

// nextThe returns the first token from i on that is "the" in any case or
// whose index is a multiple of checkEvery (nominals' looks at the
// context), len(toks) if none: the scan of nominals, in a loop of its own
// that keeps its few values in registers.
func nextThe(toks []text.Token, i int) int {
	for ; i < len(toks); i++ {
		if isThe(toks[i].Text) || i&(checkEvery-1) == 0 {
			return i
		}
	}
	return i
}

// nominalTarget is the person mentioned last before token at, within eight
// sentences, whose roles match the description. recent holds the mentions
// before at in order.
func (r *resolver) nominalTarget(at int, head, code string, mods []string, recent []*ment) *cluster {
	r.stamp++
	sentAt := r.sentOf(at)
	for k := len(recent) - 1; k >= 0; k-- {
		m := recent[k]
		if sentAt-m.sent > 8 {
			break
		}
		c := m.c
		if c.typ != ner.Person || c.stamp == r.stamp {
			continue
		}
		c.stamp = r.stamp
		if rolesMatch(c.roles, head, code, mods) {
			return c
		}
	}
	return nil
}

// laterNominalTarget links a description that no earlier person fits to
// the person it introduces: "the mayor said on Tuesday. … said Mayor
// Paula Southgate" (a lead names the role before the name). It holds only
// where nobody was named in the sentence or the three before (else the
// description is most likely that person's, whose role the text did not
// give: "Mr Brown denied … the chancellor said"), for an office one person
// holds (not "the official", "the spokesman"), and for the only person of
// the article whose roles match, first named within the next three
// sentences but not in the description's own (unless right after it)
// nor as a successor, in a role held now ("former chancellor Ken Clarke" and
// "shadow home secretary" are not "the chancellor", "the home
// secretary"). recent and later hold the mentions before and after at.
func (r *resolver) laterNominalTarget(at, headAt int, code string, mods []string, recent, later []*ment) *cluster {
	head := r.ltok(headAt)
	if genericHeads[head] {
		return nil
	}
	sentAt := r.sentOf(at)
	for k := len(recent) - 1; k >= 0 && sentAt-recent[k].sent <= 3; k-- {
		if recent[k].c.typ == ner.Person {
			return nil
		}
	}
	current := func(c *cluster) bool {
		for _, ro := range c.roles {
			if rolesMatch([]Role{ro}, head, code, mods) && !pastRole(ro.Title) {
				return true
			}
		}
		return false
	}
	var found *cluster
	for _, m := range later {
		if m.sent-sentAt > 3 {
			break
		}
		c := m.c
		if c.typ != ner.Person || c == found || !rolesMatch(c.roles, head, code, mods) {
			continue
		}
		if found != nil || c.seen > 0 || !current(c) || m.sent == sentAt && m.first != headAt+1 || r.successorAt(m) {
			// two people fit, it was named before and did not fit then,
			// held the role once, is named in the description's own
			// sentence other than right after it ("the Dutch transport
			// minister Annemarie Jorritsma" is she), where it is someone
			// else ("The president praised President Luis Mora of
			// Chile"), or as a successor ("The
			// chairman resigned. Chairman Rob Lane, who replaced him")
			return nil
		}
		found = c
	}
	if found == nil {
		return nil
	}
	for _, c := range r.clusters {
		if c != found && c.typ == ner.Person && rolesMatch(c.roles, head, code, mods) {
			return nil // another person of the article holds the role
		}
	}
	return found
}

// successorAt reports whether the sentence of m names it a successor:
// "who replaced him", "succeeded", "his successor", or "new" / "interim"
// just before the name ("the new chairman, Rob Lane").
func (r *resolver) successorAt(m *ment) bool {
	n := len(r.doc.Tokens)
	for k, steps := m.first-1, 0; k >= 0 && r.sentOf(k) == m.sent && steps < 40; k, steps = k-1, steps+1 {
		w := r.ltok(k)
		if successorWords[w] || steps < 4 && (w == "new" || w == "interim" || w == "caretaker") {
			return true
		}
	}
	for k, steps := m.last+1, 0; k < n && r.sentOf(k) == m.sent && steps < 40; k, steps = k+1, steps+1 {
		if successorWords[r.ltok(k)] {
			return true
		}
	}
	return false
}

var successorWords = set("replace", "replaces", "replaced", "replacing", "replacement", "succeed", "succeeds", "succeeded",
	"succeeding", "successor", "predecessor")

// genericHeads describe one of many (officials, spokesmen, lawyers): a
// later name is not who they are.
var genericHeads = set("official", "officials", "spokesman", "spokeswoman", "spokesperson", "source", "sources",
	"analyst", "analysts", "lawyer", "attorney", "economist", "expert", "witness", "resident", "officer", "aide",
	"adviser", "advisor", "worker", "member", "candidate", "player", "striker", "defender", "midfielder", "fan")

// pastRole reports whether a role title names a role not held now or a
// lesser one: "former chancellor", "shadow home secretary", "deputy mayor".
func pastRole(title string) bool {
	for _, w := range strings.Fields(lower(title)) {
		switch strings.TrimSuffix(w, "-") {
		case "former", "ex", "shadow", "deputy", "vice", "acting", "assistant", "then", "late", "outgoing", "incoming", "junior":
			return true
		}
		if strings.HasPrefix(w, "ex-") || strings.HasPrefix(w, "vice-") {
			return true
		}
	}
	return false
}

// thingHeads are the nouns of descriptions of things other than people:
// 'c' a country, 't' a city, 'r' a region, 'n' an organisation with the
// noun in its name ("the ministry": "Foreign Ministry"), 'f' a company ("the
// group" too: in news most often a company, else a movement or a band that
// is an organisation as well).
var thingHeads = map[string]byte{
	"country": 'c', "nation": 'c',
	"city":     't',
	"province": 'r', "region": 'r',
	"ministry": 'n', "bank": 'n', "party": 'n', "agency": 'n', "council": 'n', "court": 'n',
	"commission": 'n', "committee": 'n', "university": 'n', "union": 'n', "organisation": 'n',
	"organization": 'n', "alliance": 'n', "federation": 'n', "association": 'n', "league": 'n',
	"fund": 'n', "institute": 'n', "army": 'n', "navy": 'n', "parliament": 'n', "assembly": 'n',
	"department": 'n', "foundation": 'n', "authority": 'n', "bureau": 'n', "coalition": 'n',
	"movement": 'n', "tribunal": 'n', "board": 'n', "corporation": 'n',
	"company": 'f', "firm": 'f', "group": 'f', "carmaker": 'f', "automaker": 'f', "airline": 'f',
	"lender": 'f', "retailer": 'f', "insurer": 'f', "manufacturer": 'f', "conglomerate": 'f',
}

// notSameThing are adjectives that point away from an earlier entity
// ("the other country", "the neighbouring country").
var notSameThing = set("other", "another", "neighbouring", "neighboring", "rival", "foreign", "whole", "entire",
	"first", "second", "third", "last", "next", "previous", "former", "new", "single", "only", "home", "host",
	"mother", "same", "own", "such", "latter", "former", "each", "every", "richest", "poorest", "largest",
	"biggest", "smallest", "main", "parent", "sister", "partner")

// corpWords mark a company's name; govWords a body that is no company.
var (
	corpWords = set("inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag", "gmbh", "sa",
		"s.a.", "nv", "n.v.", "group", "holdings", "holding", "company", "corporation", "motors", "airlines",
		"airways", "technologies", "systems", "industries", "enterprises", "pharmaceuticals", "bank", "energy",
		"petroleum", "oil", "telecom", "communications", "electronics", "automotive")
	govWords = set("ministry", "party", "council", "court", "union", "organisation", "organization", "nations",
		"agency", "army", "navy", "forces", "parliament", "government", "committee", "commission", "department",
		"university", "federation", "association", "league", "assembly", "police", "church", "movement", "front",
		"fund", "institute", "alliance", "office", "bureau", "authority", "senate", "congress", "house", "cabinet",
		"guard", "corps", "service", "services", "board", "tribunal", "coalition", "foundation")
)

// outletWords mark a newspaper's, a news agency's or a stock exchange's
// name, the source or the market a company news names beside the
// company, which "the company" does not describe unless the name is a
// company's ("News Corp") or the text is about it (isOutlet,
// leadSubject).
var outletWords = set("times", "journal", "herald", "gazette", "telegraph", "tribune", "reuters", "bloomberg",
	"newspaper", "magazine", "press", "daily", "xinhua", "interfax", "itar-tass", "kyodo", "afp", "cnn", "bbc",
	"newsweek", "news", "dpa", "yonhap", "bernama", "tass", "ria", "nikkei", "exchange", "bourse")

// notCompanyWords mark a trade union's or a regulator's name ("United
// Steel Workers", "Federal Aviation Administration"), which "the company"
// does not describe unless it is a company's ("Acme Administration Ltd").
var notCompanyWords = set("workers", "employees", "teamsters", "brotherhood", "unions", "guild", "congress",
	"administration", "regulator", "regulators", "treasury")

// bodyAcronyms are the acronyms of public bodies, regulators and unions
// news about companies names beside them.
var bodyAcronyms = set("sec", "ftc", "fcc", "fda", "epa", "fbi", "cia", "nasa", "eu", "un", "nato", "imf", "wto",
	"opec", "nhs", "ecb", "irs", "doj", "uaw", "afl-cio", "oecd", "asean", "fsa", "oft", "ofcom", "ofwat", "ofgem",
	"cftc", "faa", "ntsb", "nhtsa", "ec", "mmc", "dti", "cbi", "tuc", "gmb", "nyse", "nasdaq", "lse", "bis", "who",
	"unicef", "ira", "plo", "anc", "mps", "gop", "dea", "atf", "ins", "fema", "osha", "nlrb", "fdic", "occ", "ots",
	"cbo", "gao", "omb", "bbc", "cnn", "afp", "ap", "nbc", "abc", "cbs", "itv", "fifa", "uefa", "ioc", "nfl", "nba",
	"nhl", "mlb", "rfu", "wru", "iaaf", "icc", "ecj", "echr", "icj", "mep", "meps", "snp", "ukip", "bnp", "dup",
	"sdlp", "pfa", "fa", "lta", "mod", "cps", "nao", "ons", "hmrc", "dwp", "dfid", "fco")

// thingNominal reads a description of a thing at token i ("the" [adj]
// head) and returns the entity it refers to and the head's token: among
// the compatible entities of the four sentences before, the country,
// region or city with the most mentions so far (ties: the most recent);
// for an organisation, the one orgNominal finds. A head with a complement or
// compound ("the country of origin", "the company's", "the company
// director") is not taken, except the possessive.
func (r *resolver) thingNominal(i int, sent text.Sentence, recent []*ment) (*cluster, int) {
	toks := r.doc.Tokens
	j := i + 1
	for ; j < sent.Last && j-i <= 3; j++ {
		t := toks[j]
		l := r.ltok(j)
		if _, ok := thingHeads[l]; ok {
			break
		}
		// a plain adjective in between ("the oil-rich country"), or a
		// place's "-based" ("the Leeds-based firm")
		if t.POS != "JJ" || notSameThing[l] || (r.inMent[j] || isCap(t.Text)) && !strings.HasSuffix(l, "-based") {
			return nil, 0
		}
	}
	if j >= sent.Last || j-i > 3 || r.inMent[j] {
		return nil, 0
	}
	head := r.ltok(j)
	kind, ok := thingHeads[head]
	if !ok {
		return nil, 0
	}
	if r.possessiveAt(j+1) == 0 && j+1 < sent.Last {
		nx := toks[j+1]
		l := r.ltok(j + 1)
		if l == "of" || l == "that" || l == "which" || l == "who" || l == "where" || l == "whose" || l == "to" ||
			l == "for" || l == "in" || strings.HasPrefix(nx.POS, "NN") || isCap(nx.Text) || l == "-" {
			return nil, 0
		}
	}
	sentAt := r.sentOf(i)
	if kind == 'n' || kind == 'f' {
		return r.orgNominal(i, sentAt, kind, head, recent), j
	}
	r.stamp++
	var best *cluster
	bestScore := -1.0
	for k := len(recent) - 1; k >= 0; k-- {
		m := recent[k]
		if sentAt-m.sent > 4 {
			break
		}
		c := m.c
		if c.stamp == r.stamp {
			continue
		}
		c.stamp = r.stamp
		if !thingFits(c, kind, head) {
			continue
		}
		// countries, regions and cities: the most mentioned so far
		// (ties: the most recent)
		score := float64(c.seen)
		if sentAt-m.sent <= 1 {
			score++
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best, j
}

// orgNominal is the organisation a description of kind 'n' or 'f' with
// head noun head at token at refers to ("the company", "the bank", "the
// group"), among those named in the orgWindow sentences before: the one
// the text is about rather than the one named last, which is often a
// rival, a buyer, a customer or the broker whose analyst gave an opinion
// ("Acme Corp said ... Analysts at Bolt Ltd ... the company said"). An
// organisation scores its mentions so far; one more for each proper
// mention in the window that is a clause's subject; two more when that
// subject opens this sentence or the one before, eight when the
// description opens its own sentence too ("Acme said ... . The company
// also ..."); twenty when the description's sentence names someone who
// speaks for it ("an Acme spokesman said the company ..."); twenty when
// its name holds the trade of "the airline", "the lender", "the insurer",
// "the retailer" ("Orbit Airways"), two for a weaker fit ("Motors" for
// "the carmaker", "Co." for "the company"); one when it was named in
// this sentence or the one before. Ties go to the most recent. recent
// holds the mentions before the description in order.
func (r *resolver) orgNominal(at, sentAt int, kind byte, head string, recent []*ment) *cluster {
	// the description opens its sentence ("The company said", "But the
	// firm ...")
	opens := r.opensSentence(at)
	// first pass: the subject mentions of each organisation in the window
	r.stamp++
	for k := len(recent) - 1; k >= 0; k-- {
		m := recent[k]
		if sentAt-m.sent > orgWindow {
			break
		}
		c := m.c
		if c.typ != ner.Org {
			continue
		}
		if c.stamp != r.stamp {
			c.stamp, c.subj = r.stamp, 0
		}
		if m.kind != Proper {
			continue
		}
		subj := r.isSubject(m.first, m.last)
		if subj {
			c.subj++
		}
		switch {
		case m.sent == sentAt && r.speaksFor(m):
			// "an Acme spokesman said the company ...": the company is
			// the speaker's (a newspaper's too: "a Courier spokesman")
			c.subj += spokesBonus
		case sentAt-m.sent <= 1 && subj && r.opensSentence(m.first):
			// the subject that opens this sentence or the one before;
			// above all for a description that opens its sentence
			// ("Acme said ... . The company also ...")
			c.subj += 2
			if opens && m.sent == sentAt-1 {
				c.subj += 6
			}
		}
	}
	r.stamp++
	var best *cluster
	bestScore := -1
	for k := len(recent) - 1; k >= 0; k-- {
		m := recent[k]
		if sentAt-m.sent > orgWindow {
			break
		}
		c := m.c
		if c.stamp == r.stamp {
			continue
		}
		c.stamp = r.stamp
		if !thingFits(c, kind, head) || kind == 'f' && isOutlet(c) && c.subj < spokesBonus && !r.leadSubject(c) {
			// a newspaper or a news agency is the source and an
			// exchange the market, not the company ("told the Daily
			// Courier", "listed on the Leeds Stock Exchange"), unless
			// the text is about it
			continue
		}
		score := c.seen + c.subj
		if headFits(c, head) {
			// a trade named ("the airline": "Orbit Airways") outweighs
			// the rest; "Co." for "the company" weighs less
			if head == "airline" || head == "lender" || head == "insurer" || head == "retailer" {
				score += 20
			} else {
				score += 2
			}
		}
		if sentAt-m.sent <= 1 {
			score++
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best
}

// isOutlet reports whether c is named as a newspaper, a news agency or
// an exchange and not as a company ("Daily Courier", not "Courier News
// Corp").
func isOutlet(c *cluster) bool {
	outlet := false
	for _, t := range c.toks {
		if corpWords[t] {
			return false
		}
		outlet = outlet || outletWords[t]
	}
	return outlet
}

// leadSubject reports whether the first sentence names c other than as
// a hearer or a source ("told Acme", "obtained by Acme", "(Acme)", "Acme
// reported"): the text is about it.
func (r *resolver) leadSubject(c *cluster) bool {
	for i := range c.ments {
		m := &c.ments[i]
		if m.sent != 0 || m.kind != Proper {
			continue
		}
		switch r.ltok(m.first - 1) {
		case "told", "tells", "to", "by", "(":
			continue
		}
		switch r.ltok(m.last) {
		case "reported", "reports", "quoted", "cited", "said", ")":
			// "..., the Daily Courier reported"
			continue
		}
		return true
	}
	return false
}

// opensSentence reports whether token i opens its sentence: among its
// first three tokens ("But the company", "Shares in Acme"), not after a
// preposition that ties it to someone else ("Analysts at Acme").
func (r *resolver) opensSentence(i int) bool {
	if i-r.doc.Sentences[r.sentOf(i)].First > 2 {
		return false
	}
	switch r.ltok(i - 1) {
	case "at", "from", "for", "by", "to", "against", "on":
		return false
	}
	return true
}

// speaksFor reports whether proper mention m names whom a speaker
// speaks for: "Acme spokesman", "Acme's chairman", "a spokesman for Acme".
func (r *resolver) speaksFor(m *ment) bool {
	k := m.last
	if r.possessiveAt(k) > 0 {
		k += r.possessiveAt(k)
	}
	return speakerRoles[r.ltok(k)] || r.ltok(m.first-1) == "for" && speakerRoles[r.ltok(m.first-2)]
}

// speakerRoles are the nouns of "an Acme spokesman", "Acme officials",
// people who speak for the organisation named before them.
var speakerRoles = set("spokesman", "spokeswoman", "spokesperson", "official", "officials", "executive",
	"executives", "chairman", "chairwoman", "president", "ceo", "chief", "director", "directors", "sources",
	"source", "representative", "representatives", "lawyer", "lawyers", "management", "statement")

// spokesBonus is orgNominal's score of an organisation whose spokesman
// speaks in the description's sentence.
const spokesBonus = 20

// orgWindow is how many sentences back orgNominal looks for the
// organisation a description names.
const orgWindow = 6

// headFits reports whether an organisation's name holds a word of the
// kind the head noun describes: "bank" for "the bank", "airways" for
// "the airline", "motors" for "the carmaker" (not "auto": an auto show
// or an auto workers' union).
func headFits(c *cluster, head string) bool {
	for _, t := range c.toks {
		if t == head {
			return true
		}
		switch head {
		case "airline":
			if t == "airlines" || t == "airways" || t == "air" {
				return true
			}
		case "lender":
			if t == "bank" || t == "bancorp" || t == "banco" || t == "banca" || t == "bancorporation" {
				return true
			}
		case "insurer":
			if t == "insurance" || t == "assurance" || t == "re" {
				return true
			}
		case "retailer":
			if t == "stores" || t == "store" || t == "retail" || t == "supermarkets" || t == "mart" {
				return true
			}
		case "carmaker", "automaker":
			if t == "motors" || t == "motor" || t == "automobiles" || t == "automotive" {
				return true
			}
		case "company", "firm":
			if t == "company" || t == "co" || t == "co." {
				return true
			}
		case "organisation", "organization":
			if t == "organisation" || t == "organization" {
				return true
			}
		}
	}
	return false
}

// thingFits reports whether a description of kind with head noun can
// name cluster c.
func thingFits(c *cluster, kind byte, head string) bool {
	switch kind {
	case 'c':
		return c.typ == ner.Location && c.country
	case 't':
		return c.typ == ner.Location && c.loc != nil && !c.country
	case 'r':
		return c.typ == ner.Location && c.region != ""
	}
	if c.typ != ner.Org {
		return false
	}
	has := func(w string) bool {
		for _, t := range c.toks {
			if t == w {
				return true
			}
		}
		return false
	}
	if has(head) || head == "organisation" && has("organization") || head == "organization" && has("organisation") {
		return true
	}
	if kind != 'f' {
		return false
	}
	corp, body := false, false
	for _, t := range c.toks {
		if govWords[t] {
			return false
		}
		corp = corp || corpWords[t]
		body = body || notCompanyWords[t]
	}
	if body && !corp {
		return false
	}
	// an acronym alone is a company's ("GM", "NTL") unless it is a public
	// body's
	return corp || len(c.toks) > 1 || !isAcronym(c.name) || !bodyAcronyms[c.toks[0]]
}

// titleAbbrev spells out abbreviated titles ("Sen. X" is "the senator").
var titleAbbrev = map[string]string{
	"sen.": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general",
	"col.": "colonel", "lt.": "lieutenant", "adm.": "admiral", "pres.": "president",
	"sec.": "secretary", "capt.": "captain", "sgt.": "sergeant", "maj.": "major",
}

func rolesMatch(roles []Role, head, code string, mods []string) bool {
	for _, ro := range roles {
		ws := strings.Fields(lower(ro.Title))
		for i, w := range ws {
			if full, ok := titleAbbrev[w]; ok {
				ws[i] = full
			}
		}
		if head == "congressman" || head == "congresswoman" || head == "lawmaker" {
			// "Rep. X" is "the congressman"
			for _, w := range ws {
				if w == "representative" || w == "senator" {
					ws = append(ws, head)
					break
				}
			}
		}
		if !contains(ws, head) {
			continue
		}
		ok := true
		for _, m := range mods {
			if m == "former" || m == "top" || m == "senior" || m == "then" || m == "of" {
				continue
			}
			if !contains(ws, m) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if code != "" {
			ct, found := geo.CountryByName(ro.Affiliation)
			if !found || ct.Code != code {
				continue
			}
		}
		return true
	}
	return false
}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w || strings.TrimSuffix(x, ".") == w {
			return true
		}
	}
	return false
}
