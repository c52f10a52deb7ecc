package entity

import (
	"strings"

	"github.com/lector-nlp/lector/internal/geo"
	"github.com/lector-nlp/lector/internal/ner"
)

// personRoles reads the roles of a person from the words before its names
// ("Iranian Defense Minister Brigadier General X", "Russia's Defense
// Minister X") and from appositions ("X, the foreign minister of Y,").
func (r *resolver) personRoles(c *cluster) {
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		r.prefixRoles(c, m.first)
		r.appositionRoles(c, m.last)
		if c.gender == 0 && m.last-m.first > 1 {
			first := lower(r.tok(m.first))
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

func (c *cluster) addRole(title, aff string) {
	title = strings.TrimSpace(title)
	if title == "" {
		return
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
	if ct, ok := geo.CountryByDemonym(t); ok {
		return ct.Name, 1
	}
	// a run of capitalised tokens followed by a possessive
	j := i
	for j < limit && isCap(r.tok(j)) && !titleHeads[lower(r.tok(j))] {
		j++
	}
	if j > i && j < limit {
		if n := r.possessiveAt(j); n > 0 {
			name := r.textOf(i, j)
			if ct, ok := geo.CountryByName(name); ok {
				name = ct.Name
			}
			return name, j - i + n
		}
	}
	return "", 0
}

// prefixRoles parses the title words right before a name.
func (r *resolver) prefixRoles(c *cluster, nameStart int) {
	sent := r.doc.Sentences[r.tokSent[nameStart]]
	// walk left over title words, honorifics, demonyms and possessives
	i := nameStart
	for i > sent.First {
		t := r.tok(i - 1)
		l := lower(t)
		if _, ok := honorifics[l]; ok {
			i--
			continue
		}
		if (titleHeads[l] || titleMods[l] && l != "of") && (isCap(t) || i == nameStart) {
			i--
			continue
		}
		if l == "of" && i < nameStart && isCap(r.tok(i)) && i-1 > sent.First && (titleHeads[lower(r.tok(i-2))]) {
			i--
			continue
		}
		if _, ok := geo.CountryByDemonym(t); ok && isCap(t) {
			i--
			continue
		}
		// a possessive: walk over the name before it
		if n := r.possessiveEndAt(i); n > 0 {
			j := i - n
			k := j
			for k > sent.First && isCap(r.tok(k-1)) && !titleHeads[lower(r.tok(k-1))] {
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
	var title []string
	flush := func() {
		if len(title) > 0 {
			c.addRole(strings.Join(title, " "), aff)
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
		l := lower(r.tok(j))
		if g, ok := honorifics[l]; ok {
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
			next := lower(r.tok(j))
			// "Brigadier General", "Secretary of State", "Vice President"
			if j < nameStart && (next == "of" || titleHeads[next] && (rankPrefix[l] || !startsTitle[next])) {
				continue
			}
			if j < nameStart && titleHeads[next] {
				flush()
				continue
			}
			// a head followed by modifiers starts a new title
			if j < nameStart && titleMods[next] && !titleHeads[next] {
				flush()
			}
		}
	}
	flush()
}

// rankPrefix are heads that go on into the next head ("Brigadier General",
// "Lieutenant Colonel", "Deputy Minister").
var rankPrefix = set("brigadier", "lieutenant", "major", "deputy", "vice", "chief", "attorney", "lt.", "maj.")

// startsTitle are heads that begin a new title when they follow another
// head ("Defense Minister | Brigadier General").
var startsTitle = set("brigadier", "lieutenant", "major", "general", "colonel", "admiral", "captain",
	"sergeant", "ayatollah", "sheikh", "gen.", "col.", "lt.", "maj.", "adm.", "capt.", "sgt.",
	"prince", "king", "queen", "president", "sen.", "rep.", "gov.", "dr.", "prof.", "professor")

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
	sent := r.doc.Sentences[r.tokSent[nameEnd]]
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
		if titleHeads[lower(r.tok(k))] {
			head = k
		}
		if p := r.doc.Tokens[k].POS; strings.HasPrefix(p, "VB") || p == "MD" {
			return
		}
	}
	if head < 0 {
		return
	}
	aff := ""
	k := j
	if determiners[lower(r.tok(k))] {
		k++
	}
	if a, n := r.affiliationAt(k, head); n > 0 {
		aff = a
		k += n
	}
	// "the former Iranian foreign minister": a demonym inside
	tstart := k
	for x := k; x < head; x++ {
		if ct, ok := geo.CountryByDemonym(r.tok(x)); ok && isCap(r.tok(x)) {
			aff = ct.Name
			tstart = x + 1
		}
	}
	// every word between must be a title word
	for x := tstart; x < head; x++ {
		l := lower(r.tok(x))
		if !titleMods[l] && !titleHeads[l] {
			return
		}
	}
	tend := head + 1
	if lower(r.tok(tend)) == "of" || lower(r.tok(tend)) == "for" || lower(r.tok(tend)) == "at" {
		o := tend + 1
		if determiners[lower(r.tok(o))] {
			o++
		}
		if o < end && isCap(r.tok(o)) {
			// "of State" stays in the title; "of Iran" is the affiliation
			name := r.textOf(o, end)
			if ct, ok := geo.CountryByName(name); ok {
				aff = ct.Name
			} else if lower(r.tok(tend)) == "of" && end-o == 1 && titleMods[lower(r.tok(o))] {
				tend = end
			} else {
				aff = name
			}
		}
	}
	if tstart >= tend {
		return
	}
	c.addRole(r.textOf(tstart, tend), aff)
}

// nominals finds definite descriptions of people ("the Iranian minister",
// "The Russian defense minister") and links each to the most recent person
// whose roles match its head noun, its nationality and its title words.
func (r *resolver) nominals() {
	toks := r.doc.Tokens
	for i := 0; i < len(toks); i++ {
		if lower(toks[i].Text) != "the" || r.inMent[i] {
			continue
		}
		sent := r.doc.Sentences[r.tokSent[i]]
		code := ""
		var mods []string
		j := i + 1
		head := -1
		for ; j < sent.Last && j-i <= 5; j++ {
			t := toks[j].Text
			l := lower(t)
			if nominalHeads[l] {
				// "the defense minister" vs "the minister's office": take
				// the last head of a run
				if j+1 < sent.Last && nominalHeads[lower(toks[j+1].Text)] {
					mods = append(mods, l)
					continue
				}
				head = j
				break
			}
			if ct, ok := geo.CountryByDemonym(t); ok && isCap(t) {
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
			continue
		}
		// "the president of the club" describes someone on its own
		if nx := lower(r.tok(head + 1)); nx == "of" || nx == "for" || nx == "at" || nx == "who" {
			continue
		}
		if c := r.nominalTarget(i, lower(toks[head].Text), code, mods); c != nil {
			r.add(c, Common, i, head+1)
			for k := i; k <= head; k++ {
				r.inMent[k] = true
			}
			i = head
		}
	}
}

func (r *resolver) nominalTarget(at int, head, code string, mods []string) *cluster {
	var best *cluster
	bestTok := -1
	for _, c := range r.clusters {
		if c.typ != ner.Person {
			continue
		}
		last := -1
		for _, m := range r.ments {
			if m.c == c && m.first < at && m.first > last {
				last = m.first
			}
		}
		if last < 0 || r.tokSent[at]-r.tokSent[last] > 8 {
			continue
		}
		if !rolesMatch(c.roles, head, code, mods) {
			continue
		}
		if last > bestTok {
			best, bestTok = c, last
		}
	}
	return best
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
