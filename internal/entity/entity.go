// Package entity groups the mentions of one article into entities: proper
// names with their short forms, acronyms and possessives, definite
// descriptions ("the Iranian minister") and personal pronouns. It reads the
// roles of people from the text, gives countries, nationalities and known
// cities their ISO 3166-1 country code (and cities their coordinates) from
// package geo, and ranks the entities by salience.
package entity

import (
	"sort"
	"strings"

	"github.com/lector-nlp/lector/internal/geo"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// MentionKind tells how an entity is mentioned.
type MentionKind int

// Mention kinds.
const (
	Proper  MentionKind = iota // a name: "Sergei Shoigu", "Shoigu", "SCO"
	Common                     // a description: "the Russian defense minister"
	Pronoun                    // "he", "his", "she"
)

func (k MentionKind) String() string {
	switch k {
	case Proper:
		return "PROPER"
	case Common:
		return "COMMON"
	case Pronoun:
		return "PRONOUN"
	}
	return "UNKNOWN"
}

// Mention is one mention of an entity.
type Mention struct {
	Span text.Span
	Kind MentionKind
}

// LatLng is a point on the earth in degrees.
type LatLng struct {
	Lat, Lng float64
}

// Role is a position that a person holds, as the text gives it:
// {Title: "Defense Minister", Affiliation: "Iran"}.
type Role struct {
	Title, Affiliation string
}

// Entity is one person, organisation, place or other named thing of a text.
type Entity struct {
	Name        string
	Type        ner.Type
	Salience    float64 // in [0, 1]; the saliences of a text sum to 1
	Mentions    []Mention
	CountryCode string  // ISO 3166-1 alpha-2, for countries, nationalities and known cities
	Location    *LatLng // for known cities
	Roles       []Role  // for people
}

// cluster is an entity being built.
type cluster struct {
	typ      ner.Type
	name     string
	toks     []string // lower-cased name tokens
	ments    []ment
	roles    []Role
	gender   byte
	code     string
	loc      *LatLng
	acronym  string
	country  bool // the cluster names a country
	headName bool // the name comes from a headline
	lastTok  int
}

// ment is a mention with its token range and sentence.
type ment struct {
	span        text.Span
	kind        MentionKind
	first, last int
	sent        int
	subject     bool
	c           *cluster
}

type resolver struct {
	doc      *text.Document
	tokSent  []int
	inMent   []bool // token belongs to a proper mention
	clusters []*cluster
	ments    []*ment
	acronyms map[string]*cluster
	headSet  bool
	isHead   bool
}

// Resolve groups the mentions ms of doc into entities, sorted by salience,
// highest first. Numeric and temporal mentions (DATE, MONEY, ...) are left
// out. doc should be POS-tagged; without tags subjects are found from a
// short verb list.
func Resolve(doc *text.Document, ms []ner.Mention) []Entity {
	r := &resolver{doc: doc, acronyms: map[string]*cluster{}}
	r.tokSent = make([]int, len(doc.Tokens))
	for si, s := range doc.Sentences {
		for i := s.First; i < s.Last && i < len(r.tokSent); i++ {
			r.tokSent[i] = si
		}
	}
	r.inMent = make([]bool, len(doc.Tokens))
	ms = append([]ner.Mention(nil), ms...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	for _, m := range ms {
		if !named(m.Type) || m.First < 0 || m.Last > len(doc.Tokens) || m.First >= m.Last {
			continue
		}
		r.proper(m)
	}
	r.parenAcronyms()
	for _, c := range r.clusters {
		if c.typ == ner.Person {
			r.personRoles(c)
		}
		r.place(c)
	}
	r.nominals()
	sort.SliceStable(r.ments, func(i, j int) bool { return r.ments[i].first < r.ments[j].first })
	for _, m := range r.ments {
		m.subject = r.isSubject(m.first, m.last)
	}
	r.pronouns()
	return r.entities()
}

func named(t ner.Type) bool {
	switch t {
	case ner.Date, ner.Time, ner.Money, ner.Percent, ner.Quantity:
		return false
	}
	return true
}

func (r *resolver) tok(i int) string {
	if i < 0 || i >= len(r.doc.Tokens) {
		return ""
	}
	return r.doc.Tokens[i].Text
}

// possessiveAt reports how many tokens from i form a possessive marker
// ('s, ’s, or ' s as the simple tokeniser splits it), 0 if none.
func (r *resolver) possessiveAt(i int) int {
	t := r.tok(i)
	switch t {
	case "'s", "’s", "'S", "’S":
		return 1
	case "'", "’":
		if n := r.tok(i + 1); (n == "s" || n == "S") && r.doc.Tokens[i+1].Start == r.doc.Tokens[i].End {
			return 2
		}
		if i > 0 && strings.HasSuffix(r.tok(i-1), "s") && r.doc.Tokens[i].Start == r.doc.Tokens[i-1].End {
			return 1
		}
	}
	return 0
}

func (r *resolver) span(first, last int) text.Span {
	return text.Span{Start: r.doc.Tokens[first].Start, End: r.doc.Tokens[last-1].End}
}

func (r *resolver) textOf(first, last int) string {
	return r.doc.Text[r.doc.Tokens[first].Start:r.doc.Tokens[last-1].End]
}

// proper adds a name mention to a new or existing cluster.
func (r *resolver) proper(m ner.Mention) {
	first, last := m.First, m.Last
	// drop a trailing possessive and a leading article
	for last-first > 1 {
		if n := r.possessiveEnd(first, last); n > 0 {
			last -= n
			continue
		}
		break
	}
	if l := lower(r.tok(first)); (l == "the") && last-first > 1 {
		first++
	}
	typ := m.Type
	var gender byte
	if g, ok := honorifics[lower(r.tok(first-1))]; ok && first > 0 {
		gender = g // "Mrs. Clinton" with the honorific outside the mention
	}
	if typ == ner.Person {
		// titles and honorifics belong to roles, not to the name
		for last-first > 1 {
			l := lower(r.tok(first))
			if g, ok := honorifics[l]; ok && g != 0 {
				gender = g
			}
			if _, ok := honorifics[l]; ok || titleHeads[l] || titleMods[l] {
				first++
				continue
			}
			if _, ok := geo.CountryByDemonym(r.tok(first)); ok {
				first++
				continue
			}
			break
		}
	}
	if typ == ner.Misc {
		if _, ok := geo.CountryByDemonym(r.textOf(first, last)); ok {
			typ = ner.Nationality
		}
	}
	name := r.textOf(first, last)
	toks := make([]string, 0, last-first)
	for i := first; i < last; i++ {
		if t := r.tok(i); t != "." && t != "," && t != "-" {
			toks = append(toks, lower(t))
		}
	}
	for i := first; i < last; i++ {
		r.inMent[i] = true
	}
	if typ == ner.Person && gender == 0 && len(toks) > 1 {
		if femaleNames[toks[0]] && !maleNames[toks[0]] {
			gender = 'f'
		} else if maleNames[toks[0]] && !femaleNames[toks[0]] {
			gender = 'm'
		}
	}
	c := r.match(typ, name, toks, gender)
	head := r.headline(first)
	if c != nil && c.gender == 0 {
		c.gender = gender
	}
	if c == nil {
		c = &cluster{typ: typ, name: name, toks: toks, headName: head, gender: gender}
		r.place(c)
		r.clusters = append(r.clusters, c)
	} else if (len(toks) > len(c.toks) || c.headName && !head) && (c.typ == typ || typ == ner.Person) && !(head && !c.headName) {
		// the longest name names the entity, but a headline's words
		// ("Obama Sees ...") only until the body names it
		c.name, c.toks, c.headName = name, toks, head
	}
	if c.typ != ner.Person && typ == ner.Person && len(toks) > 1 {
		c.typ = ner.Person
	}
	r.add(c, Proper, first, last)
}

// headline reports whether token i lies in a title-case first sentence
// (a headline: most of its words capitalised).
func (r *resolver) headline(i int) bool {
	if r.tokSent[i] != 0 || len(r.doc.Sentences) < 2 {
		return false
	}
	if r.headSet {
		return r.isHead
	}
	r.headSet = true
	s := r.doc.Sentences[0]
	words, caps := 0, 0
	for k := s.First; k < s.Last; k++ {
		t := r.tok(k)
		if t == "" || !(t[0] >= 'a' && t[0] <= 'z' || t[0] >= 'A' && t[0] <= 'Z') {
			continue
		}
		words++
		if isCap(t) {
			caps++
		} else if !headlineSmall[lower(t)] {
			// a lower-case content word: running text
			return false
		}
	}
	r.isHead = words >= 4 && caps*10 >= words*7
	return r.isHead
}

var headlineSmall = set("a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but",
	"by", "with", "from", "as", "vs", "vs.", "s", "t", "if", "is", "are", "be", "not", "up", "out",
	"into", "over", "after", "about")

func (r *resolver) possessiveEnd(first, last int) int {
	for n := 1; n <= 2 && last-n > first; n++ {
		if r.possessiveAt(last-n) == n {
			return n
		}
	}
	return 0
}

func (r *resolver) add(c *cluster, k MentionKind, first, last int) *ment {
	m := &ment{span: r.span(first, last), kind: k, first: first, last: last, sent: r.tokSent[first], c: c}
	c.ments = append(c.ments, *m)
	r.ments = append(r.ments, m)
	if first > c.lastTok {
		c.lastTok = first
	}
	return m
}

// match finds the cluster that a name mention belongs to: the same name,
// the same country, a defined acronym, or (for people) a part of the full
// name. The most recently mentioned candidate wins.
func (r *resolver) match(typ ner.Type, name string, toks []string, gender byte) *cluster {
	if c, ok := r.acronyms[name]; ok {
		return c
	}
	var best *cluster
	better := func(c *cluster) {
		if best == nil || c.lastTok > best.lastTok {
			best = c
		}
	}
	lname := lower(name)
	code := ""
	if typ == ner.Location || typ == ner.Org || typ == ner.Misc {
		if ct, ok := geo.CountryByName(name); ok {
			code = ct.Code
		}
	} else if typ == ner.Nationality {
		if ct, ok := geo.CountryByDemonym(name); ok {
			code = ct.Code
		}
	}
	for _, c := range r.clusters {
		sameKind := c.typ == typ || (c.typ == ner.Nationality) == (typ == ner.Nationality) && c.typ != ner.Person && typ != ner.Person
		if sameKind && lower(c.name) == lname {
			better(c)
			continue
		}
		if code != "" && sameKind && c.code == code && c.country {
			better(c)
			continue
		}
		if c.typ == ner.Person && (typ == ner.Person || len(toks) == 1) && (gender == 0 || c.gender == 0 || c.gender == gender) {
			if subset(toks, c.toks) || (typ == ner.Person && subset(c.toks, toks)) {
				better(c)
			} else if c.headName && typ == ner.Person && shareAny(toks, c.toks) {
				// a headline's "Ruiz Sees" is the body's "Ana Ruiz"
				better(c)
			}
		}
	}
	return best
}

func shareAny(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// subset reports whether every token of a is in b (a non-empty).
func subset(a, b []string) bool {
	if len(a) == 0 || len(a) > len(b) {
		return false
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// parenAcronyms links "Shanghai Cooperation Organisation (SCO)": an
// all-capitals token in brackets right after a name whose initials it
// spells, and every later use of it.
func (r *resolver) parenAcronyms() {
	for _, c := range r.clusters {
		for _, m := range c.ments {
			if m.kind != Proper || r.tok(m.last) != "(" || r.tok(m.last+2) != ")" {
				continue
			}
			a := r.tok(m.last + 1)
			if !isAcronym(a) || !initialsMatch(a, r.doc.Tokens[m.first:m.last]) {
				continue
			}
			c.acronym = a
			r.acronyms[a] = c
		}
	}
	if len(r.acronyms) == 0 {
		return
	}
	// move the clusters that NER made for the acronym, and add the uses
	// that NER missed
	keep := r.clusters[:0]
	for _, c := range r.clusters {
		if t, ok := r.acronyms[c.name]; ok && t != c {
			for _, m := range c.ments {
				for _, rm := range r.ments {
					if rm.first == m.first && rm.c == c {
						rm.c = t
					}
				}
				t.ments = append(t.ments, m)
			}
			continue
		}
		keep = append(keep, c)
	}
	r.clusters = keep
	for i := range r.doc.Tokens {
		if r.inMent[i] {
			continue
		}
		if c, ok := r.acronyms[r.tok(i)]; ok {
			r.inMent[i] = true
			r.add(c, Proper, i, i+1)
		}
	}
}

// isAcronym accepts "SCO", "NATO", "AfDB": a capital first, at least two
// capitals, no spaces.
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 8 || !(s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	caps := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			caps++
		case c >= 'a' && c <= 'z', c == '&', c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return caps >= 2
}

func capitals(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// initialsMatch checks that the capitals of a name spell the acronym, with
// small words allowed either way ("Organization of American States", OAS).
func initialsMatch(a string, toks []text.Token) bool {
	var all, caps []byte
	for _, t := range toks {
		if t.Text == "" {
			continue
		}
		c := t.Text[0]
		if c >= 'a' && c <= 'z' {
			all = append(all, c-'a'+'A')
			continue
		}
		if c >= 'A' && c <= 'Z' {
			all = append(all, c)
			caps = append(caps, c)
		}
	}
	a = capitals(a)
	return string(caps) == a || string(all) == a
}

// place gives countries, nationalities and cities their code and position.
func (r *resolver) place(c *cluster) {
	switch c.typ {
	case ner.Location, ner.Org, ner.Misc:
		if ct, ok := geo.CountryByName(c.name); ok && c.typ != ner.Org {
			c.code = ct.Code
			c.country = true
			return
		}
		if ct, ok := geo.CountryByDemonym(c.name); ok && c.typ != ner.Org && !strings.Contains(c.name, " ") {
			// "Kenyan" tagged as a place
			c.typ = ner.Nationality
			c.code = ct.Code
			return
		}
		if c.typ == ner.Location {
			if city, ok := geo.CityByName(c.name); ok {
				c.code = city.CountryCode
				c.loc = &LatLng{Lat: city.Lat, Lng: city.Lng}
			}
		}
	case ner.Nationality:
		if ct, ok := geo.CountryByDemonym(c.name); ok {
			c.code = ct.Code
		}
	}
}

// entities turns the clusters into the result, with salience.
func (r *resolver) entities() []Entity {
	nSent := len(r.doc.Sentences)
	if nSent == 0 {
		nSent = 1
	}
	scores := make([]float64, len(r.clusters))
	total := 0.0
	for i, c := range r.clusters {
		s := 0.0
		firstSent := nSent
		for _, m := range r.ments {
			if m.c != c {
				continue
			}
			w := 1.0
			switch m.kind {
			case Common:
				w = 0.8
			case Pronoun:
				w = 0.6
			}
			if m.subject {
				w *= 1.5
			}
			if m.sent < firstSent {
				firstSent = m.sent
			}
			s += w
		}
		// the headline and lead sentence count most
		s *= 1 + 1.5/(1+float64(firstSent))
		if c.typ == ner.Person {
			s *= 1.2
		}
		scores[i] = s
		total += s
	}
	out := make([]Entity, 0, len(r.clusters))
	for i, c := range r.clusters {
		e := Entity{Name: c.name, Type: c.typ, CountryCode: c.code, Location: c.loc, Roles: c.roles}
		if total > 0 {
			e.Salience = scores[i] / total
		}
		seen := map[text.Span]bool{}
		for _, m := range r.ments {
			if m.c == c && !seen[m.span] {
				seen[m.span] = true
				e.Mentions = append(e.Mentions, Mention{Span: m.span, Kind: m.kind})
			}
		}
		if len(e.Mentions) == 0 {
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Salience > out[j].Salience })
	return out
}
