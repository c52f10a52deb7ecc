// Package entity groups the mentions of one article into entities: proper
// names with their short forms (a company without its legal form:
// "Microsoft" for "Microsoft Corp."), singular and plural ("Catholic",
// "Catholics"), acronyms and possessives, definite
// descriptions ("the Iranian minister", "the company") and personal
// pronouns ("he", and "it", "its", "they" for organisations and countries
// where the evidence is good). It reads the roles of people from the text,
// gives countries, nationalities, regions and known cities their ISO 3166-1
// country code (cities their coordinates, first-level regions their ISO
// 3166-2 code) from package geo, and ranks the entities by salience.
//
// Resolve is linear in the number of tokens and mentions (indexes by name,
// token and country; recency lists for descriptions and pronouns), and
// stops early when the document's context is cancelled.
package entity

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/lector-nlp/lector/internal/geo"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordvec"
)

// MentionKind tells how an entity is mentioned.
type MentionKind int

// Mention kinds.
const (
	Proper  MentionKind = iota // a name: "Sergei Shoigu", "Shoigu", "SCO"
	Common                     // a description: "the Russian defense minister"
	Pronoun                    // "he", "his", "she", "it", "its", "they"
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
	CountryCode string  // ISO 3166-1 alpha-2, for countries, nationalities, regions and known cities
	Region      string  // ISO 3166-2 code of a first-level region ("US-CA" for California)
	Location    *LatLng // for known cities
	Roles       []Role  // for people
	// Gender is 'm' or 'f' for a person whose gender the text shows (an
	// honorific, a common first name, a gendered title, a he/she linked to
	// it), else 0.
	Gender byte
}

// cluster is an entity being built.
type cluster struct {
	id    int // creation order, breaks ties
	typ   ner.Type
	name  string
	lname string   // lower-cased name
	toks  []string // lower-cased name tokens
	// core is a non-person's lower-cased name without its legal form
	// ("microsoft" for "Microsoft Corp."), the name itself if it has none
	core  string
	legal bool // the name ends in a legal form
	// plural: a name ending in s may be the plural of the name without
	// it: always for groups and other things and for organisations of
	// two words or more ("All Blacks"), for a one-word organisation only
	// when it is tagged a plural noun ("Democrats", not "Times")
	plural   bool
	ments    []ment
	roles    []Role
	gender   byte
	code     string
	region   string // ISO 3166-2 of a first-level region
	loc      *LatLng
	alts     []placeCand // readings of an ambiguous place name, chosen by disambiguate
	acronym  string
	country  bool // the cluster names a country
	headName bool // the name comes from a headline
	dropped  bool // names nothing (headlineHeads): left out with its mentions
	lastTok  int
	stamp    int // visit mark of the resolver's current search
	idx      int // position in the resolver's clusters, for entities
	seen     int // mentions so far, during the left-to-right scan of descriptions
	subj     int // its subject mentions in the window orgNominal reads
	// the name and type place last saw (placed): it is not redone for them
	placedName string
	placedTyp  ner.Type
	placed     bool
	into       *cluster // the cluster this one joined (joinTypeSplits)
	// retype made the cluster a place because the text writes it as one
	// (townAsPerson, placeOfBody, townAsOrg, placeAsOrg): a lone town
	// reading needs no more evidence (disambiguate)
	placeRead bool
	// proper mentions the recogniser tagged a person and an organisation
	// (orgVote)
	nPer, nOrg int32
	// the organisation whose place mentions this place took (splitPlace)
	from *cluster
}

// placeCand is one reading of an ambiguous place name: a country, a
// region or a city.
type placeCand struct {
	code, region string
	loc          *LatLng
	country      bool
	pop          int    // population of a city reading
	state        string // a US city reading's state, ISO 3166-2 (namesakeNear)
	// a city reading whose own country has a region of that name too
	// ("Manchester": the city and Greater Manchester)
	ownRegion bool
	// a region that no ISO 3166-2 code names ("the Midlands"): counted as
	// a region of its country
	informal bool
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
	doc     *text.Document
	tokSent []int32 // sentence of each token (sentOf)
	inMent  []bool  // token belongs to a proper mention
	// inQuote marks the tokens inside double quotation marks (quoted),
	// built at its first use
	inQuote []bool
	low     []string // lower-cased tokens, filled by ltok
	// lowText is the document's text lower-cased when it is all ASCII
	// (lowAll): ltok then cuts a token's lower-cased text from it
	lowText string
	lowAll  bool
	// slabs the mentions, clusters and name tokens are cut from
	mentSlab    []ment
	clusterSlab []cluster
	strSlab     []string
	geoMemo     map[string]geoMemo // see countryByName
	countries   []geo.Country      // the countries of geoMemo
	clusters    []*cluster
	ments       []*ment
	acronyms    map[string]*cluster
	headSet     bool
	isHead      bool
	stop        bool // the document's context is done
	stamp       int
	// indexes of match: clusters by lower-cased name, people by name
	// token, countries by code (entries may be stale: match checks)
	byName map[string][]*cluster
	byTok  map[string][]*cluster
	byCode map[string][]*cluster
	// non-people by singular name ("catholic" for "Catholics"), and
	// companies with a legal form by their first name token ("ford" for
	// "Ford Motor Co.")
	bySing map[string][]*cluster
	byHead map[string][]*cluster
	// person mentions of a title alone ("the Pope"), left to the
	// descriptions and named only if none takes them (lateTitles: being
	// named now)
	titleOnly  []ner.Mention
	lateTitles bool
	// organisations' proper mentions by first and last token, for roles
	// (indexOrgs)
	orgStart, orgEnd map[int]*ment
	// known places' mentions: the token after the last (k) and the
	// first (-1-k), for besidePlace
	placeEnds map[int]bool
	// placed towns by the token after a proper mention's last, for
	// regionAfterTown
	townEnd map[int]*cluster
	// the place mentions splitPlace moved, by first token: the new place
	split map[int]*cluster
	// the place parts of organisations' names ("hamilton" of "Hamilton
	// City Council"), for placeOfBody: 't' before a tail such as "city
	// council", 'h' after a head such as "university of", 'c' before
	// "council" alone
	bodyPlaces     map[string]byte
	bodyPlacesRead bool
	keyBuf         []byte // bodyPlace's look-up key
	// the document reads as a sports report (sportText, once read)
	sport, sportRead bool
	// the document is about music (musicText, once read)
	music, musicRead bool
	// proper mentions by first token and by -1-last token (bodyNext,
	// bodyAt; built once)
	properAt map[int]*ment
	// the scans properNear made before properAt was built
	nearScans int
}

// newMent returns a pointer to a copy of m in the resolver's slab (one
// allocation per chunk instead of one per mention).
func (r *resolver) newMent(m ment) *ment {
	if len(r.mentSlab) == cap(r.mentSlab) {
		r.mentSlab = make([]ment, 0, 64)
	}
	r.mentSlab = append(r.mentSlab, m)
	return &r.mentSlab[len(r.mentSlab)-1]
}

// newCluster returns a zero cluster from the resolver's slab.
func (r *resolver) newCluster() *cluster {
	if len(r.clusterSlab) == cap(r.clusterSlab) {
		r.clusterSlab = make([]cluster, 0, 16)
	}
	r.clusterSlab = r.clusterSlab[:len(r.clusterSlab)+1]
	return &r.clusterSlab[len(r.clusterSlab)-1]
}

// nameToks returns an empty slice of capacity n cut from the resolver's
// slab (appending past n would reallocate, not overwrite).
func (r *resolver) nameToks(n int) []string {
	if cap(r.strSlab)-len(r.strSlab) < n {
		r.strSlab = make([]string, 0, max(128, n))
	}
	k := len(r.strSlab)
	r.strSlab = r.strSlab[:k+n]
	return r.strSlab[k : k : k+n]
}

// checkEvery is how many tokens or mentions pass between two checks of the
// document's context.
const checkEvery = 2048

// cancelled reports, every checkEvery steps i, whether the document's
// context is done; once it is, it stays true.
func (r *resolver) cancelled(i int) bool {
	if i&(checkEvery-1) == 0 {
		return r.check()
	}
	return r.stop
}

// check is cancelled's look at the context (cancelled itself stays small
// enough to be inlined in the per-token loops).
func (r *resolver) check() bool {
	if !r.stop {
		r.stop = r.doc.Err() != nil
	}
	return r.stop
}

// Resolve groups the mentions ms of doc into entities, sorted by salience,
// highest first. Numeric and temporal mentions (DATE, MONEY, ...) are left
// out. doc should be POS-tagged; without tags subjects are found from a
// short verb list. When doc's context is cancelled (text.Document.Err),
// Resolve returns early with nil.
func Resolve(doc *text.Document, ms []ner.Mention) []Entity {
	r := &resolver{doc: doc, acronyms: map[string]*cluster{}, byName: make(map[string][]*cluster, len(ms)/2),
		byTok: make(map[string][]*cluster, len(ms)/4), byCode: map[string][]*cluster{},
		bySing: map[string][]*cluster{}, byHead: map[string][]*cluster{}, ments: make([]*ment, 0, len(ms)+len(ms)/2)}
	if doc.Err() != nil {
		return nil
	}
	r.tokSent = make([]int32, len(doc.Tokens))
	for si, s := range doc.Sentences {
		for i := s.First; i < s.Last && i < len(r.tokSent); i++ {
			r.tokSent[i] = int32(si)
		}
	}
	r.inMent = make([]bool, len(doc.Tokens))
	// (not for feed text with character references: a token's Text is
	// then not always the text it spans)
	if lt, ok := lowerASCII(doc.Text); ok && !text.HasRefs(doc.Text) {
		r.lowText, r.lowAll = lt, true
	} else {
		r.low = make([]string, len(doc.Tokens))
	}
	if !slices.IsSortedFunc(ms, byStart) {
		// (the recogniser's mentions come sorted: no copy for them)
		ms = append([]ner.Mention(nil), ms...)
		slices.SortStableFunc(ms, byStart)
	}
	for k, m := range ms {
		if r.cancelled(k) {
			return nil
		}
		if !named(m.Type) || m.First < 0 || m.Last > len(doc.Tokens) || m.First >= m.Last || r.inMent[m.First] {
			// (a token an earlier mention took: "Louis-based" of "St.
			// Louis-based")
			continue
		}
		r.proper(m)
	}
	r.headlineHeads()
	// the passes over the whole document look at the context between
	// them (each takes a few ms on a 1 MB article)
	r.placeModifiers()
	r.parenAcronyms()
	r.commonAcronyms()
	r.shortForms()
	r.firmNames()
	if r.check() {
		return nil
	}
	r.joinTypeSplits()
	r.retype()
	if r.check() {
		return nil
	}
	for k, c := range r.clusters {
		if r.cancelled(k) {
			return nil
		}
		if c.typ == ner.Person {
			r.personRoles(c)
		}
		r.place(c)
	}
	r.disambiguate()
	if r.check() {
		return nil
	}
	r.placedIn()
	if r.check() {
		return nil
	}
	r.nominals()
	r.lateTitles = true
	for _, m := range r.titleOnly {
		// a title alone that no description took names someone ("the
		// Pope" when no pope is named)
		if !r.inMent[m.Last-1] && !r.stop {
			r.proper(m)
		}
	}
	if r.stop {
		return nil
	}
	slices.SortStableFunc(r.ments, byFirst)
	for _, m := range r.ments {
		m.subject = r.isSubject(m.first, m.last)
	}
	r.pronouns()
	if r.stop {
		return nil
	}
	r.descriptionRoles()
	return r.entities()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func byFirst(a, b *ment) int { return cmp.Compare(a.first, b.first) }

func byStart(a, b ner.Mention) int { return cmp.Compare(a.Start, b.Start) }

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
	// feed text's character references read as the tokens do ("Duff &amp;
	// Phelps" is "Duff & Phelps"); the text itself when it holds none
	return text.Unescape(r.doc.Text[r.doc.Tokens[first].Start:r.doc.Tokens[last-1].End])
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
	if l := r.ltok(first); (l == "the") && last-first > 1 {
		first++
	}
	if last-first == 1 && m.Type != ner.Person && isShortAbbrev(r.tok(first)) && !knownPlace(r.tok(first)) {
		if isDigitStart(r.tok(last)) {
			// "No." of "No. 2 automaker": a number's abbreviation
			return
		}
		if n := r.tok(last); isCap(n) && !r.inMent[last] {
			// "St." of "the St. Louis-based firm": the place with the
			// word after it
			if cut := hyphenTail(n); cut > 1 && cut < len(n) && knownPlace(r.tok(first)+" "+n[:len(n)-cut]) {
				m.Type, last = ner.Location, last+1
			}
		}
	}
	if (m.Type == ner.Org || m.Type == ner.Misc) && !r.lateTitles {
		if k, org := r.joinedPerson(first, last); k > 0 {
			// "analyst Chad Williams at Research Capital", "Liberal
			// Democrat Sarah Teather": a person inside an organisation's
			// mention
			sent := m.Sentence
			if org {
				r.proper(ner.Mention{Type: ner.Person, First: first, Last: k, Sentence: sent})
				r.proper(ner.Mention{Type: ner.Org, First: k + 1, Last: last, Sentence: sent})
			} else {
				r.proper(ner.Mention{Type: m.Type, First: first, Last: k, Sentence: sent})
				r.proper(ner.Mention{Type: ner.Person, First: k, Last: last, Sentence: sent})
			}
			return
		}
	}
	if t := r.tok(first); last-first > 1 && !r.lateTitles {
		if n := hyphenTail(t); n > 1 && n < len(t) && modifierPlace(t[:len(t)-n], tailWord(t)) {
			// "U.S.-based Freeport-McMoRan Copper and Gold Inc.", "Ill.-based
			// Mercury": the modifier is no part of the name but a
			// mention of the place ("Urdu-speaking Moslems" stays whole)
			first++
			r.proper(ner.Mention{Type: ner.Location, First: first - 1, Last: first, Sentence: m.Sentence})
		}
	}
	if m.Type == ner.Location && first >= 2 && r.tok(first-1) == "of" && isCap(r.tok(first-2)) && !r.inMent[first-2] {
		// "the District of Columbia" with only "Columbia" tagged: the
		// region whose name the words before complete
		if len(geo.RegionsByName(r.textOf(first-2, last))) > 0 {
			first -= 2
		}
	}
	typ := m.Type
	if typ == ner.Person && !r.lateTitles && last-first == 1 && nominalHeads[r.ltok(first)] && first > 0 && isThe(r.tok(first-1)) {
		// "the Pope": a description of the one who holds the title
		r.titleOnly = append(r.titleOnly, m)
		return
	}
	// "China-" of "a China- appointed body", "U.S.-based": the name
	// without the hyphen and its lower-case word
	cut := hyphenTail(r.tok(last - 1))
	var gender byte
	if g, ok := text.Honorific(r.tok(first - 1)); ok && first > 0 {
		gender = g // "Mrs. Clinton" with the honorific outside the mention
		if (typ == ner.Org || typ == ner.Misc) && text.NameOnlyHonorific(r.tok(first-1)) {
			// "Mr. Dell" tagged as a company is the man, not Dell Inc.
			typ = ner.Person
		}
	}
	if typ == ner.Person && last-first > 2 {
		// "Illinois Democrat Jackson", "Texas Republican X": the party
		// and its state are no part of the person's name
		k := first
		if r.isPlaceName(r.tok(k)) {
			k++
		}
		if partyWords[r.ltok(k)] && k+1 < last {
			first = k + 1
		}
	}
	if typ == ner.Person {
		// titles and honorifics belong to roles, not to the name
		for last-first > 1 {
			l := r.ltok(first)
			if g, ok := text.Honorific(l); ok && g != 0 {
				gender = g
			}
			if last-first == 2 && storyRanks[l] {
				// "Detective Pikachu", "Inspector Gadget": a rank before
				// one word alone is left in the name, as it was before
				// these ranks were titles ("Detective Inspector Ruth
				// Ames" is Ruth Ames)
				break
			}
			if _, ok := text.Honorific(l); ok || titleHeads[l] || titleMods[l] {
				first++
				continue
			}
			if _, ok := r.countryByDemonym(r.tok(first)); ok {
				first++
				continue
			}
			if t := r.tok(first); hyphenTail(t) > 1 && hyphenTail(t) < len(t) {
				// "Tunisian-born Abdellatif Kechiche", "Paris-born": the
				// modifier is no part of the name
				if _, ok := r.countryByDemonym(t[:len(t)-hyphenTail(t)]); ok || r.isPlaceName(t[:len(t)-hyphenTail(t)]) {
					first++
					continue
				}
			}
			break
		}
	}
	if typ == ner.Person && last-first > 1 && awardHeads[r.ltok(last-1)] {
		// "the Leonard Marsh Award" names a prize, not the man
		typ = ner.Misc
	}
	if typ == ner.Misc && cut > 0 && last-first <= 3 && modifierPlace(cutText(r.textOf(first, last), cut), tailWord(r.tok(last-1))) {
		// "Ill.-based", "Texas-based", "St. Louis-based" tagged MISC:
		// the place (not "Java-based", "Orange-owned": modifierPlace)
		if t := cutText(r.textOf(first, last), cut); len(geo.RegionsByName(t)) > 0 {
			typ = ner.Location
		} else if _, ok := geo.CityByName(t); ok {
			typ = ner.Location
		}
	}
	if typ == ner.Misc || typ == ner.Person && last-first == 1 {
		// "Emirati" tagged as a name ("Emirati-owned" too)
		if _, ok := r.countryByDemonym(cutText(r.textOf(first, last), cut)); ok {
			typ = ner.Nationality
		}
	} else if typ == ner.Location && last-first == 1 {
		// "Bahraini" tagged as a place (as place would make it; here, so
		// that its repeats find it)
		t := cutText(r.tok(first), cut)
		if _, ok := r.countryByDemonym(t); ok {
			if _, isName := r.countryByName(t); !isName {
				typ = ner.Nationality
			}
		}
	}
	name := r.textOf(first, last)
	// the lower-cased name once, its tokens as slices of it when lowering
	// kept the byte offsets (ASCII)
	lname := r.lowerOf(first, last)
	base := r.doc.Tokens[first].Start
	// (and when name is the text it spans: not so for feed text whose
	// character references textOf decoded)
	sameLen := len(lname) == len(name) && isASCII(name) && len(name) == r.doc.Tokens[last-1].End-base
	// (the cut bytes are ASCII: name and lname end in the same ones)
	name, lname = name[:len(name)-cut], lname[:len(lname)-cut]
	toks := r.nameToks(last - first)
	for i := first; i < last; i++ {
		if t := r.tok(i); t != "." && t != "," && t != "-" && t != "(" && t != ")" {
			if tk := r.doc.Tokens[i]; sameLen {
				end := tk.End - base
				if i == last-1 {
					end -= cut
				}
				toks = append(toks, lname[tk.Start-base:end])
			} else if i == last-1 {
				toks = append(toks, cutText(r.ltok(i), cut))
			} else {
				toks = append(toks, r.ltok(i))
			}
		}
	}
	if typ == ner.Org && allLegal(toks) && (len(toks) > 1 || r.tok(first-1) == "(" && r.tok(last) == ")") {
		// "Co. Inc.", the "(Corp)" of "AT&T (Corp)": legal forms alone
		// name nothing (a lone "Ltd" on a line of a listing may stand for
		// the name before it)
		return
	}
	if strings.IndexByte(lname, '(') >= 0 {
		// "bill (of rights)" is "bill of rights"
		lname = strings.Join(toks, " ")
	}
	core, legal := lname, false
	plural := typ != ner.Org || len(toks) > 1 || pluralTag(r.doc.Tokens[last-1].POS)
	if typ != ner.Person && typ != ner.Nationality {
		core, legal = orgCore(lname, toks)
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
	// a place written as one ("in Paris", "from Washington") does not
	// join a person of that name (Paris Hilton, Denzel Washington)
	asPlace := typ == ner.Location && len(toks) == 1 && r.placeAt(first, last)
	c := r.match(typ, name, lname, toks, gender, core, legal, plural, asPlace)
	head := r.headline(first)
	if c != nil && c.gender == 0 {
		c.gender = gender
	}
	if c == nil {
		c = r.newCluster()
		*c = cluster{id: len(r.clusters), typ: typ, name: name, lname: lname, toks: toks, headName: head, gender: gender,
			core: core, legal: legal, plural: plural}
		r.place(c)
		r.clusters = append(r.clusters, c)
		r.index(c)
		if c.country {
			r.byCode[c.code] = append(r.byCode[c.code], c)
		}
	} else if (len(toks) > len(c.toks) || c.headName && !head) && (c.typ == typ || typ == ner.Person) && !(head && !c.headName) {
		// the longest name names the entity, but a headline's words
		// ("Obama Sees ...") only until the body names it
		c.name, c.lname, c.toks, c.headName, c.core, c.legal, c.plural = name, lname, toks, head, core, legal, plural
		r.index(c)
	}
	if c.typ != ner.Person && typ == ner.Person && len(toks) > 1 && !c.legal {
		c.typ = ner.Person
		r.index(c)
	}
	switch typ {
	case ner.Person:
		c.nPer++
	case ner.Org:
		c.nOrg++
	}
	if m := r.add(c, Proper, first, last); cut > 0 {
		m.span.End -= cut
		c.ments[len(c.ments)-1].span.End -= cut
	}
}

// isShortAbbrev reports whether t is one to three letters and a full
// stop ("No.", "St.", "P.").
func isShortAbbrev(t string) bool {
	n := len(t)
	if n < 2 || n > 4 || t[n-1] != '.' {
		return false
	}
	for i := 0; i < n-1; i++ {
		if c := t[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// isPlaceName reports whether t names a country or a first-level region
// ("Illinois", "Texas").
func (r *resolver) isPlaceName(t string) bool {
	if _, ok := r.countryByName(t); ok {
		return true
	}
	return len(geo.RegionsByName(t)) > 0
}

// joinedPerson finds a person that the recogniser joined to an
// organisation in one mention toks[first:last]: "Chad Williams at Research
// Capital" after a title or "said" (k is the "at"; org is true: the
// organisation follows), or a party member "Liberal Democrat Sarah
// Teather" (k is the first name's token; org is false). k is 0 when
// there is none.
func (r *resolver) joinedPerson(first, last int) (k int, org bool) {
	if last-first < 3 {
		return 0, false
	}
	for i := first + 2; i < last-1 && i <= first+3; i++ {
		if r.tok(i) != "at" {
			continue
		}
		for j := first; j < i; j++ {
			if l := r.ltok(j); !isCap(r.tok(j)) || corpWords[l] || legalForms[l] || titleHeads[l] {
				return 0, false
			}
		}
		if p := r.ltok(first - 1); titleHeads[p] || p == "said" || p == "says" || femaleNames[r.ltok(first)] || maleNames[r.ltok(first)] {
			return i, true
		}
		return 0, false
	}
	if k := last - 2; k > first && (femaleNames[r.ltok(k)] || maleNames[r.ltok(k)]) && isCap(r.tok(last-1)) {
		for j := first; j < k; j++ {
			if !partyWords[r.ltok(j)] {
				return 0, false
			}
		}
		return k, false
	}
	return 0, false
}

// partyWords name a party or its members before a member's name.
var partyWords = set("democrat", "democrats", "republican", "republicans", "labour", "labor", "tory", "tories",
	"conservative", "conservatives", "liberal", "liberals", "green", "greens", "socialist", "socialists",
	"communist", "communists", "unionist", "unionists", "nationalist", "nationalists", "snp", "gop", "lib", "dem")

// awardHeads end the name of a prize named after a person.
var awardHeads = set("award", "awards", "prize", "prizes", "medal", "trophy", "lecture", "scholarship", "fellowship")

// placeModifiers adds the places that the recogniser left in a modifier
// outside any name: "a Calif.-based maker", "Texas-based".
func (r *resolver) placeModifiers() {
	// the text's hyphens, each looked up in the tokens (few per article)
	toks, txt := r.doc.Tokens, r.doc.Text
	for off, k := 0, 0; k < 1<<20; k++ {
		h := strings.IndexByte(txt[off:], '-')
		if h < 0 {
			return
		}
		off += h + 1
		i, _ := slices.BinarySearchFunc(toks, off, func(t text.Token, o int) int { return cmp.Compare(t.End, o) })
		if i >= len(toks) || toks[i].Start >= off {
			continue
		}
		if k&63 == 0 && r.check() {
			return
		}
		t := toks[i].Text
		if r.inMent[i] || !isCap(t) {
			continue
		}
		if n := hyphenTail(t); n > 1 && n < len(t) && modifierPlace(t[:len(t)-n], tailWord(t)) {
			r.proper(ner.Mention{Type: ner.Location, First: i, Last: i + 1, Sentence: r.sentOf(i)})
		}
		off = max(off, toks[i].End)
	}
}

// allLegal reports whether a name's tokens are all legal forms.
func allLegal(toks []string) bool {
	for _, t := range toks {
		if !legalForms[t] || t == "group" || t == "party" || t == "holdings" {
			return false
		}
	}
	return len(toks) > 0
}

// displayName is a name as an entity shows it: character references
// decoded ("&amp;" written "&"), and without the brackets of an insert
// ("WorldCom (Inc)" is "WorldCom Inc").
func displayName(s string) string {
	s = text.Unescape(s)
	if strings.IndexByte(s, '(') >= 0 && strings.IndexByte(s, ')') > strings.IndexByte(s, '(') {
		s = strings.NewReplacer("(", "", ")", "").Replace(s)
	}
	return s
}

// cutText is t without its last cut bytes.
func cutText(t string, cut int) string {
	if cut > 0 && cut < len(t) {
		return t[:len(t)-cut]
	}
	return t
}

// hyphenTail returns how many bytes end a name token after its last
// hyphen when nothing follows the hyphen or a lower-case modifier word
// does ("China-", "U.S.-based", "Olympics-related", "Kurdish-speaking"),
// 0 otherwise: the lower-case syllables of "Kim Dae-jung", "Ban Ki-moon"
// and "Deng Xiao-ping" are the name's.
func hyphenTail(t string) int {
	h := strings.LastIndexByte(t, '-')
	if h <= 0 {
		return 0
	}
	for i := h + 1; i < len(t); i++ {
		if t[i] < 'a' || t[i] > 'z' {
			return 0
		}
	}
	if w := t[h+1:]; w != "" && !(len(w) >= 3 && strings.HasSuffix(w, "ed")) && !hyphenWords[w] {
		return 0
	}
	return len(t) - h
}

// hyphenWords are the lower-case words other than past participles in
// -ed that make a name a modifier ("Paris-born", "EU-wide").
var hyphenWords = set("born", "run", "made", "built", "bound", "held", "wide", "style", "era", "like",
	"speaking", "winning", "type", "area", "only", "friendly", "specific", "centric", "flagged", "bred", "grown")

// legalForms end a company's name ("Corp.", "Plc") or a party's
// ("Labour Party"); orgCore leaves them out.
var legalForms = set("inc", "inc.", "corp", "corp.", "co", "co.", "cos", "cos.", "ltd", "ltd.", "plc", "llc",
	"ag", "gmbh", "s.a.", "sa", "spa", "s.p.a.", "se", "ab", "asa", "oyj", "bv", "b.v.", "nv", "n.v.", "lp", "l.p.",
	"llp", "pty", "pty.", "limited", "corporation", "incorporated", "holdings", "group", "party")

// orgCore returns a name's lower-cased core without its trailing legal
// forms ("microsoft" for "microsoft corp.") and whether it had one. toks
// are the name's tokens, slices of lname when it is ASCII.
func orgCore(lname string, toks []string) (string, bool) {
	n := len(toks)
	for n > 1 && (legalForms[toks[n-1]] || n < len(toks) && (toks[n-1] == "&" || toks[n-1] == "and")) {
		// (with the "&" of "J.P. Morgan & Co.")
		n--
	}
	if n == len(toks) {
		return lname, false
	}
	if n == 1 {
		return toks[0], true
	}
	return strings.Join(toks[:n], " "), true
}

// pluralTag reports whether a name's last word is tagged a plural noun:
// "Democrats" (NNPS) and "Catholics" (NNS) are groups of people, the
// organisations "Times" and "Reuters" (NNP) are names.
func pluralTag(pos string) bool { return pos == "NNS" || pos == "NNPS" }

// singular is a name without the plural s of its last word ("catholic"
// for "catholics", "lib dem" for "lib dems"), the name itself when its
// last word is short or ends in "ss" or "'s".
func singular(l string) string {
	n := len(l)
	if n < 4 || l[n-1] != 's' || l[n-2] == 's' || l[n-2] == '\'' || l[n-2] == ' ' {
		return l
	}
	sp := strings.LastIndexByte(l, ' ')
	if n-1-(sp+1) < 3 {
		return l
	}
	return l[:n-1]
}

// index files c under its current name and, for people, its name tokens.
func (r *resolver) index(c *cluster) {
	ln := c.lname
	if l := r.byName[ln]; len(l) == 0 || l[len(l)-1] != c {
		r.byName[ln] = append(l, c)
	}
	if c.typ != ner.Person {
		if c.typ != ner.Location {
			if s := singular(ln); s != ln && c.plural {
				if l := r.bySing[s]; len(l) == 0 || l[len(l)-1] != c {
					r.bySing[s] = append(l, c)
				}
			}
		}
		if c.legal {
			if l := r.byName[c.core]; len(l) == 0 || l[len(l)-1] != c {
				r.byName[c.core] = append(l, c)
			}
		}
		if firm(c) {
			if l := r.byHead[c.toks[0]]; len(l) == 0 || l[len(l)-1] != c {
				r.byHead[c.toks[0]] = append(l, c)
			}
		}
		return
	}
	for _, t := range c.toks {
		if l := r.byTok[t]; len(l) == 0 || l[len(l)-1] != c {
			r.byTok[t] = append(l, c)
		}
	}
}

// headline reports whether token i lies in a title-case first sentence
// (a headline: most of its words capitalised).
func (r *resolver) headline(i int) bool {
	if r.sentOf(i) != 0 || len(r.doc.Sentences) < 2 {
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
		} else if !headlineSmall[r.ltok(k)] {
			// a lower-case content word: running text
			return false
		}
	}
	r.isHead = words >= 4 && caps*10 >= words*7
	return r.isHead
}

// headlineSent reports whether the first sentence is a headline: title
// case (headline), or a line of its own before the body that does not end
// in a full stop ("Council approves new flood defences" above the
// article).
func (r *resolver) headlineSent() bool {
	if len(r.doc.Sentences) < 2 {
		return false
	}
	s := r.doc.Sentences[0]
	if s.Last <= s.First || s.Last >= len(r.doc.Tokens) {
		return false
	}
	if r.headline(s.First) {
		return true
	}
	if t := r.tok(s.Last - 1); t == "." || t == "!" || t == ";" || t == ":" || t == "," {
		return false
	}
	gap := r.doc.Text[r.doc.Tokens[s.Last-1].End:r.doc.Tokens[s.Last].Start]
	return strings.IndexByte(gap, '\n') >= 0
}

// headlineHeads settles the one-word names of a headline that are a
// body's head noun ("Council", "Police", "Government": govWords), which
// a headline capitalises as its first word or in title case and the
// recogniser then reads as names (of a body or of a person): such a word joins the body's one
// organisation whose name ends in it ("Council approves ..." above
// "Hamilton City Council approved"), or, when none does, names nothing.
// Not when two such organisations are named, nor a word that names a
// body on its own ("Congress", "Parliament", "Senate", "House"), nor a
// word the body uses as a name itself ("Police said").
func (r *resolver) headlineHeads() {
	if !r.headlineSent() {
		return
	}
	var drop []*cluster
	for _, c := range r.clusters {
		if c.into != nil || c.dropped || len(c.toks) != 1 || !govWords[c.toks[0]] || c.legal {
			continue
		}
		if c.typ == ner.Person && (c.gender != 0 || r.titled(c) || surnameBodies[c.toks[0]]) || c.typ != ner.Org && c.typ != ner.Misc && c.typ != ner.Person {
			// ("Council" above an article is read as a person too; not
			// "Church" of Charlotte Church)
			continue
		}
		if c.namedInBody() {
			continue
		}
		into, n := r.bodyOrgEnding(c.toks[0])
		switch {
		case n == 1:
			c.into = into
			into.ments = append(into.ments, c.ments...)
			into.lastTok = max(into.lastTok, c.lastTok)
		case n == 0 && !selfNamedBodies[c.toks[0]]:
			drop = append(drop, c)
		}
	}
	r.drop(drop)
	r.dropJoined()
}

// bodyOrgEnding returns the organisation named outside the headline whose
// name ends in the word w ("council": Hamilton City Council) and how many
// there are; the organisation only when there is one.
func (r *resolver) bodyOrgEnding(w string) (*cluster, int) {
	var into *cluster
	n := 0
	for _, o := range r.clusters {
		if o.into != nil || o.dropped || o.typ != ner.Org || len(o.toks) < 2 || o.toks[len(o.toks)-1] != w {
			continue
		}
		if !o.namedInBody() {
			continue
		}
		into = o
		n++
	}
	if n != 1 {
		into = nil
	}
	return into, n
}

// storyRanks are the police ranks that title characters of films and
// books too ("Detective Pikachu", "Inspector Gadget", "Sheriff Woody").
var storyRanks = set("detective", "inspector", "constable", "sheriff")

// namedInBody reports whether a mention of c stands after the first
// sentence (the headline, for headlineHeads).
func (c *cluster) namedInBody() bool {
	return slices.ContainsFunc(c.ments, func(m ment) bool { return m.sent != 0 })
}

// selfNamedBodies are the govWords that name one body on their own
// ("Congress passes budget"): headlineHeads keeps them.
var selfNamedBodies = set("congress", "parliament", "senate", "house", "cabinet", "fed")

// surnameBodies are the govWords that are surnames too: headlineHeads
// leaves them to people.
var surnameBodies = set("church", "house", "guard", "congress")

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
	m := r.newMent(ment{span: r.span(first, last), kind: k, first: first, last: last, sent: r.sentOf(first), c: c})
	c.ments = append(c.ments, *m)
	r.ments = append(r.ments, m)
	if first > c.lastTok {
		c.lastTok = first
	}
	return m
}

// match finds the cluster that a name mention belongs to: the same name,
// the same country, a defined acronym, or (for people) a part of the full
// name. The most recently mentioned candidate wins. Candidates come from
// the indexes: a cluster can only match through its name, its country code
// or a name token it shares with the mention.
func (r *resolver) match(typ ner.Type, name, lname string, toks []string, gender byte, core string, legal, plural, asPlace bool) *cluster {
	if c, ok := r.acronyms[name]; ok {
		return c
	}
	var best *cluster
	better := func(c *cluster) {
		if best == nil || c.lastTok > best.lastTok || c.lastTok == best.lastTok && c.id < best.id {
			best = c
		}
	}
	code := ""
	if typ == ner.Location || typ == ner.Org || typ == ner.Misc {
		if ct, ok := r.countryByName(name); ok {
			code = ct.Code
		}
	} else if typ == ner.Nationality {
		if ct, ok := r.countryByDemonym(name); ok {
			code = ct.Code
		}
	}
	r.stamp++
	consider := func(c *cluster) {
		for c.into != nil {
			// (joined into another by joinTypeSplits)
			c = c.into
		}
		if c.stamp == r.stamp || c.dropped {
			return
		}
		c.stamp = r.stamp
		sameKind := c.typ == typ || (c.typ == ner.Nationality) == (typ == ner.Nationality) && c.typ != ner.Person && typ != ner.Person
		if sameKind && c.lname == lname {
			better(c)
			return
		}
		if sameKind && c.typ != ner.Person && c.typ != ner.Location && typ != ner.Location &&
			(c.legal || legal) && c.core == core && !r.isCountry(core) {
			// "Microsoft" and "Microsoft Corp." (not "Israel" and "Israel
			// Corp.", even with Israel tagged as an organisation)
			better(c)
			return
		}
		if sameKind && c.typ != ner.Person && c.typ != ner.Location && typ != ner.Location &&
			singular(c.lname) == singular(lname) && (c.plural && singular(c.lname) != c.lname || plural && singular(lname) != lname) {
			// "Catholic" and "Catholics"
			better(c)
			return
		}
		if code != "" && sameKind && c.code == code && c.country {
			better(c)
			return
		}
		if c.typ == ner.Person && (typ == ner.Person || len(toks) == 1 && !asPlace) && (gender == 0 || c.gender == 0 || c.gender == gender) {
			if subset(toks, c.toks) || (typ == ner.Person && subset(c.toks, toks)) {
				better(c)
			} else if c.headName && typ == ner.Person && shareAny(toks, c.toks) {
				// a headline's "Ruiz Sees" is the body's "Ana Ruiz"
				better(c)
			}
		}
	}
	for _, c := range r.byName[lname] {
		consider(c)
	}
	if typ != ner.Person {
		if legal {
			for _, c := range r.byName[core] {
				consider(c)
			}
		}
		if typ != ner.Location {
			// "Catholics" finds "Catholic" by its name, "Catholic" finds
			// "Catholics" here
			if s := singular(lname); s != lname && plural {
				for _, c := range r.byName[s] {
					consider(c)
				}
			}
			for _, c := range r.bySing[lname] {
				consider(c)
			}
		}
	}
	if code != "" {
		for _, c := range r.byCode[code] {
			consider(c)
		}
	}
	if typ == ner.Person {
		for _, t := range toks {
			for _, c := range r.byTok[t] {
				consider(c)
			}
		}
	} else if len(toks) == 1 {
		for _, c := range r.byTok[toks[0]] {
			consider(c)
		}
	}
	if best == nil && !legal && len(toks) == 1 && (typ == ner.Org || typ == ner.Misc) && code == "" {
		// (not "China" for "China Construction Bank")
		best = r.headOf(toks[0])
	}
	if best == nil && typ == ner.Person && gender == 0 {
		// "Vencor" tagged as a person after "Vencor Inc.": no person
		// has the name, a company has (but "Mr. Dell" is a person, and
		// so is "Ralph Lauren" of Ralph Lauren Corp.)
		for _, c := range r.byName[lname] {
			if c.typ == ner.Org && c.core == lname && (len(toks) == 1 || corpWords[toks[len(toks)-1]]) {
				better(c)
			}
		}
		if best == nil && len(toks) == 1 {
			best = r.headOf(toks[0])
		}
	}
	return best
}

// isCountry reports whether a lower-cased name is a country's.
func (r *resolver) isCountry(l string) bool {
	_, ok := r.countryByName(l)
	return ok
}

// firm reports whether c is an organisation named as a company: with a
// legal form ("Ford Motor Co.") or a company's noun at the end of two
// words or more ("Deutsche Bank", "Jet Airways", "Nomura Securities"),
// not its bare first word.
func firm(c *cluster) bool {
	n := len(c.toks)
	return c.typ == ner.Org && n >= 2 && c.core != c.toks[0] &&
		(c.legal || corpWords[c.toks[n-1]] || c.toks[n-1] == "securities")
}

// headOf returns the one company (firm) whose name begins with the word t
// ("Ford Motor Co." for "ford", "Deutsche Bank" for "deutsche"), nil if
// none or several do.
func (r *resolver) headOf(t string) *cluster {
	var only *cluster
	for _, c := range r.byHead[t] {
		if !firm(c) || c.toks[0] != t {
			continue
		}
		if only != nil && only != c {
			return nil
		}
		only = c
	}
	return only
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
			// (after the name's possessive too: "the Harbour Pilots
			// Association's (HPA) report")
			b := m.last + r.possessiveAt(m.last)
			if m.kind != Proper || r.tok(b) != "(" || r.tok(b+2) != ")" {
				continue
			}
			a := r.tok(b + 1)
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
	moved := map[*cluster]*cluster{}
	for _, c := range r.clusters {
		if t, ok := r.acronyms[c.name]; ok && t != c {
			moved[c] = t
			t.ments = append(t.ments, c.ments...)
			if bodyAsMisc(t, c) {
				t.typ = ner.Org
			}
			continue
		}
		keep = append(keep, c)
	}
	r.clusters = keep
	if len(moved) > 0 {
		for _, rm := range r.ments {
			if t, ok := moved[rm.c]; ok {
				rm.c = t
			}
		}
	}
	for i := range r.doc.Tokens {
		if r.cancelled(i) {
			return
		}
		if r.inMent[i] {
			continue
		}
		if c, ok := r.acronyms[r.tok(i)]; ok {
			r.inMent[i] = true
			r.add(c, Proper, i, i+1)
		}
	}
}

// commonAcronyms drops the acronyms that the text defines in brackets
// after common words that spell them ("net asset value (NAV)", "price
// earnings ratio (PE)"): the recogniser's organisation is a common noun,
// which no description or pronoun may point to.
func (r *resolver) commonAcronyms() {
	var drop []*cluster
	for _, c := range r.clusters {
		if c.into != nil || c.dropped || len(c.toks) != 1 || c.acronym != "" || !isAcronym(c.name) {
			continue
		}
		switch c.typ {
		case ner.Org, ner.Misc, ner.Location:
		default:
			continue
		}
		for _, m := range c.ments {
			if m.kind == Proper && r.tok(m.first-1) == "(" && r.tok(m.last) == ")" && r.lowerDefinition(c.name, m.first-1) {
				drop = append(drop, c)
				break
			}
		}
	}
	r.drop(drop)
	if len(drop) > 0 {
		r.dropJoined()
	}
}

// lowerDefinition reports whether the lower-case words before token open
// spell the acronym a by their initials, right before it or before one
// more lower-case word ("price earnings ratio (PE)").
func (r *resolver) lowerDefinition(a string, open int) bool {
	n := len(a)
	for skip := 0; skip <= 1; skip++ {
		end := open - skip
		if end-n < 0 || skip == 1 && !startsLowerWord(r.tok(open-1)) {
			continue
		}
		ok := true
		for k := 0; k < n && ok; k++ {
			w := r.tok(end - n + k)
			ok = startsLowerWord(w) && w[0] == a[k]+('a'-'A')
		}
		if ok {
			return true
		}
	}
	return false
}

// startsLowerWord reports whether w begins with a lower-case ASCII letter.
func startsLowerWord(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

// shortOf returns the company a one-word organisation c is the short
// name of, nil if none: the one company (headOf) whose name begins with
// it, named before c in a form that begins with it ("merge with Acme
// Tokyo ... a deal with Acme ... Acme Tokyo Financial Group": the long
// form, known whole only later, did not take the short one), and no
// other organisation's name of two words or more begins with it ("Acme
// Motors" beside "Acme Tokyo Financial Group": which Acme is "Acme" the
// text does not say).
func (r *resolver) shortOf(c *cluster) *cluster {
	o := r.headOf(c.lname)
	if o == nil || o == c || len(c.ments) == 0 {
		return nil
	}
	for _, x := range r.clusters {
		if x != o && x.into == nil && x.typ == ner.Org && len(x.toks) >= 2 && x.toks[0] == c.lname {
			return nil
		}
	}
	first := c.ments[0].first
	for _, m := range c.ments {
		first = min(first, m.first)
	}
	for _, m := range o.ments {
		if m.kind == Proper && m.first < first && r.ltok(m.first) == c.lname {
			return o
		}
	}
	return nil
}

// joinTypeSplits joins the clusters that the recogniser's types split: a
// "person" with neither a known first name nor a title or honorific whose
// name is an organisation's or an unknown place's ("J.P. Morgan" the
// bank), or, for a one-word name, a MISC thing's ("Tysabri", a drug, or a
// film typed MISC in one sentence and a person in another), or its legal core when the text writes it as a thing ("Spectrum
// Holobyte, based in Alameda" beside "Spectrum Holobyte Inc."), and a place
// that the gazetteer does not know, never written as a place, whose name
// is a company's without its legal form ("Crown" beside "Crown Ltd"; not
// "Republic" beside "Republic Industries Inc": CoNLL's "the Trax well"
// is a place beside Trax Petroleums Ltd), and a company's bare first word
// named before the company's whole name (shortOf). The person, place or
// short name joins the other cluster.
func (r *resolver) joinTypeSplits() {
	moved := false
	for _, c := range r.clusters {
		var into *cluster
		switch {
		case c.typ == ner.Person && c.gender == 0 && !r.titled(c):
			for _, o := range r.byName[c.lname] {
				if o != c && o.lname == c.lname && (o.typ == ner.Org || o.typ == ner.Misc && o.code == "" && len(c.toks) == 1 || o.typ == ner.Location && o.code == "" && len(o.alts) == 0) {
					into = o
				}
			}
			if into == nil && r.townAsPerson(c) {
				// "outside N'Djamena" tagged a person beside
				// "N'Djamena is" tagged a place (retype types the ones
				// left alone)
				for _, o := range r.byName[c.lname] {
					if o != c && o.lname == c.lname && o.typ == ner.Location {
						into = o
					}
				}
			}
			if into == nil && r.thingLike(c) {
				// a full name may be the founder of the company named
				// after them ("Tessa Marlowe said she ..."): only when
				// the text writes it as a thing
				for _, o := range r.byName[c.lname] {
					if o != c && o.typ == ner.Org && o.legal && o.core == c.lname {
						into = o
					}
				}
			}
		case c.typ == ner.Org && len(c.toks) == 1 && !c.legal && c.acronym == "" && c.code == "" && !c.country && !knownPlace(c.name):
			// (not "China" beside "China Construction Bank")
			into = r.shortOf(c)
		case c.typ == ner.Location && c.code == "" && len(c.alts) == 0 && !c.country && len(c.toks) == 1 && !knownPlace(c.name):
			for _, o := range r.byName[c.lname] {
				if o != c && o.typ == ner.Org && o.legal && o.core == c.lname {
					into = o
				}
			}
			if o := r.headOf(c.lname); into == nil && o != nil && o.legal {
				// "Homeland" of Homeland Bankshares Corp.: the one
				// company with a legal form whose name begins with it
				into = o
			}
			if into != nil && len(into.ments) < 3*len(c.ments) && r.mostlyPlace(c) {
				// (the company's name three times as often as the
				// place's: "stake in Flextech" is the company's too)
				into = nil
			}
		}
		if into == nil || into == c {
			continue
		}
		for into.into != nil {
			into = into.into
		}
		if into == c {
			continue
		}
		c.into, moved = into, true
		into.ments = append(into.ments, c.ments...)
		into.lastTok = max(into.lastTok, c.lastTok)
	}
	if moved {
		r.dropJoined()
	}
}

// drop takes the clusters cs out of the resolution: their tokens are
// free for other mentions and their names lead to none of them.
func (r *resolver) drop(cs []*cluster) {
	for _, c := range cs {
		c.dropped = true
		for _, m := range c.ments {
			for i := m.first; i < m.last; i++ {
				r.inMent[i] = false
			}
		}
		r.byName[c.lname] = slices.DeleteFunc(r.byName[c.lname], func(o *cluster) bool { return o == c })
	}
}

// dropJoined removes the clusters that joined another (into) from the
// clusters and moves their mentions to the one they joined; a dropped
// cluster goes with its mentions (headlineHeads).
func (r *resolver) dropJoined() {
	keep := r.clusters[:0]
	for _, c := range r.clusters {
		if c.into == nil && !c.dropped {
			keep = append(keep, c)
		}
	}
	if len(keep) == len(r.clusters) {
		return
	}
	r.clusters = keep
	ms := r.ments[:0]
	for _, m := range r.ments {
		for m.c.into != nil {
			m.c = m.c.into
		}
		if !m.c.dropped {
			ms = append(ms, m)
		}
	}
	r.ments = ms
}

// placeLike reports whether a mention of c reads as a place: after "in",
// "near", ..., after "east of", "outskirts of", ..., before a comma and
// a capitalised word (a dateline's "HARLEYSVILLE, Pa."), or as a modifier
// ("Leuven-based").
func (r *resolver) placeLike(c *cluster) bool {
	for _, m := range c.ments {
		if r.acronymUse(m.first, m.last) == 'p' || r.tok(m.last) == "," && isCap(r.tok(m.last+1)) ||
			r.ltok(m.first-1) == "of" && placeOf[r.ltok(m.first-2)] || placeNouns[r.tok(m.last)] ||
			m.kind == Proper && hyphenTail(r.tok(m.last-1)) > 1 {
			// (the last: "the Leuven-based brewery")
			return true
		}
	}
	// the place a body the text names is named after ("Darlington" beside
	// "Darlington Council")
	return c.typ == ner.Location && r.bodyPlace(c)
}

// mostlyPlace reports whether half or more of c's proper mentions read as
// a place (placeLike): "voting rights in Flextech" once beside two uses
// as a company does not make Flextech a place.
func (r *resolver) mostlyPlace(c *cluster) bool {
	place, all := 0, 0
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		all++
		if r.acronymUse(m.first, m.last) == 'p' || r.tok(m.last) == "," && isCap(r.tok(m.last+1)) ||
			r.ltok(m.first-1) == "of" && placeOf[r.ltok(m.first-2)] || placeNouns[r.tok(m.last)] {
			place++
		}
	}
	return place > 0 && 2*place >= all
}

// placeNouns are the lower-case nouns that a place names ("the Baikonur
// cosmodrome", "the Sellafield plant").
var placeNouns = set("airport", "cosmodrome", "port", "harbour", "harbor", "refinery", "plant", "mine", "oilfield",
	"stadium", "station", "valley", "region", "area", "district", "province", "county", "border", "camp", "prison",
	"dam", "river", "bay", "island", "coast", "town", "village", "suburb", "township", "municipality")

// placeOf are the words that take a place after "of" ("east of X").
var placeOf = set("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
	"outskirts", "suburbs", "suburb", "centre", "center", "heart", "streets", "mayor", "residents", "town", "city", "village", "port",
	"area")

// thingLike reports whether a mention of c is followed by ", which" or
// ", based in" (", headquartered in"): a company or a thing, not a person.
func (r *resolver) thingLike(c *cluster) bool {
	for _, m := range c.ments {
		if r.tok(m.last) == "," {
			if n := r.ltok(m.last + 1); n == "which" || n == "based" || n == "headquartered" {
				return true
			}
		}
	}
	return false
}

// placeAt reports whether the name toks[first:last] is written as a
// place: after "in", "at", "near", "from", "to", ... ("flew in from
// Washington") or before a comma and a place ("Paris, Texas").
func (r *resolver) placeAt(first, last int) bool {
	if r.possessiveAt(last) > 0 {
		// "the lead role in Jordan's film"
		return false
	}
	p := r.ltok(first - 1)
	if p == "the" {
		p = r.ltok(first - 2)
	}
	switch p {
	case "from", "to", "via", "toward", "towards", "outside", "across", "into", "near", "in", "at":
		return true
	}
	return r.tok(last) == "," && isCap(r.tok(last+1)) && r.isPlaceName(r.tok(last+1))
}

// titled reports whether a mention of c has an honorific or a title word
// right before it ("Dr. Morgan", "analyst Morgan").
func (r *resolver) titled(c *cluster) bool {
	for _, m := range c.ments {
		l := r.ltok(m.first - 1)
		if _, ok := text.Honorific(l); ok || titleHeads[l] {
			return true
		}
	}
	return false
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

// bodyAsMisc reports whether name o, typed MISC, is an organisation's
// name that its acronym a, typed ORGANIZATION, stands for: o's last word
// names a body ("International Olympic Committee", the recogniser's MISC
// for its "Olympic", beside "IOC").
func bodyAsMisc(o, a *cluster) bool {
	return o.typ == ner.Misc && a.typ == ner.Org && len(o.toks) >= 2 && govWords[o.toks[len(o.toks)-1]]
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

// place gives countries, nationalities, regions and cities their code and
// position. A name with readings in several countries ("Georgia": the
// country or the US state; "Ontario": the Canadian province or a city in
// California) keeps its readings in c.alts for disambiguate.
func (r *resolver) place(c *cluster) {
	if c.placed && c.placedName == c.name && c.placedTyp == c.typ {
		// the same name and type give the same readings (their geo
		// look-ups are the costly part, out of the caches)
		return
	}
	r.placeName(c)
	c.placed, c.placedName, c.placedTyp = true, c.name, c.typ
}

// placeName is place for a cluster's current name and type.
func (r *resolver) placeName(c *cluster) {
	c.alts = nil
	switch c.typ {
	case ner.Location, ner.Org, ner.Misc:
		if ct, ok := r.countryByName(c.name); ok && c.typ != ner.Org {
			c.code = ct.Code
			c.country = true
			if c.typ == ner.Location {
				for _, rg := range geo.RegionsByName(c.name) {
					if rg.CountryCode() != ct.Code {
						c.alts = append(c.alts, placeCand{code: rg.CountryCode(), region: rg.Code})
					}
				}
				if len(c.alts) > 0 {
					c.alts = append(c.alts, placeCand{code: ct.Code, country: true})
				}
			}
			return
		}
		if ct, ok := r.countryByDemonym(c.name); ok && c.typ != ner.Org && !strings.Contains(c.name, " ") {
			// "Kenyan" tagged as a place
			c.typ = ner.Nationality
			c.code = ct.Code
			return
		}
		if c.typ != ner.Location {
			return
		}
		var cands []placeCand
		city, isCity := geo.CityByName(c.name)
		if isCity {
			cands = append(cands, placeCand{code: city.CountryCode, loc: &LatLng{Lat: city.Lat, Lng: city.Lng}, pop: city.Population, state: city.Region})
			for _, o := range geo.Namesakes(c.name) {
				// "Newcastle": in England, New South Wales or
				// KwaZulu-Natal, as the text says (disambiguate)
				// (a town's namesake abroad of comparable size too:
				// "Warwick", Rhode Island, and Warwick, England)
				if o.Population >= smallCity || city.Population < smallCity && o.Population*worldDominance >= city.Population {
					cands = append(cands, placeCand{code: o.CountryCode, loc: &LatLng{Lat: o.Lat, Lng: o.Lng}, pop: o.Population, state: o.Region})
				}
			}
		}
		if code, ok := informalRegions[c.lname]; ok {
			cands = append(cands, placeCand{code: code, informal: true})
		}
		for _, rg := range geo.RegionsByName(c.name) {
			if isCity && (rg.CountryCode() == city.CountryCode || city.Population >= 500_000) {
				// "New York", "Moscow": the city, with its coordinates;
				// a large city is not displaced by a region of that name
				// abroad
				cands[0].ownRegion = cands[0].ownRegion || rg.CountryCode() == city.CountryCode
				continue
			}
			cands = append(cands, placeCand{code: rg.CountryCode(), region: rg.Code})
		}
		switch {
		case len(cands) == 0:
		case len(cands) == 1 && cands[0].informal:
			// "the Midlands": its country's places or people, or a use as
			// a place, and no use as a body (East Midlands Electricity
			// tagged a place: "East Midlands shares rose") decide
			// (disambiguate)
			c.alts = cands
		case len(cands) == 1 && cands[0].loc != nil && cands[0].pop < smallCity:
			// a town ("Cicero", "Paramount", "Jupiter"): kept only when
			// the text names other places or people of its country (not
			// only the country: "said Jupiter" in a story that names the
			// US is the research firm) or writes it as a place
			// (disambiguate), not for the Roman author or the film studio
			c.alts = cands
		case len(cands) == 1 && (cands[0].region == "" || geo.Weight(cands[0].code) >= smallCountry):
			c.code, c.region, c.loc = cands[0].code, cands[0].region, cands[0].loc
		default:
			// several readings, or a region of a small country ("Long
			// Island", the Bahamas): the text decides
			c.alts = cands
		}
	case ner.Nationality:
		if ct, ok := r.countryByDemonym(c.name); ok {
			c.code = ct.Code
		}
	}
}

// usedAsBody reports whether a proper mention of c is plainly a body's,
// as a company's is: before a noun that a body has ("East Midlands
// shares", "East Midlands' chairman") or opening its sentence before a
// verb of what it does ("East Midlands agreed to the bid"); not "an MEP
// for the East Midlands", "in the West Country warned", nor a region as
// the subject of "be" or "have" ("East Anglia was hit hardest", "East
// Anglia has the lowest jobless rate").
func (r *resolver) usedAsBody(c *cluster) bool {
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		n := r.ltok(m.last + r.possessiveAt(m.last))
		if bodyNouns[n] || orgNext[n] && n != "said" && n != "says" && n != "announced" || n == "management" {
			return true
		}
		if m.sent < len(r.doc.Sentences) && m.first == r.doc.Sentences[m.sent].First && m.last < len(r.doc.Tokens) {
			switch r.doc.Tokens[m.last].POS {
			case "VBD", "VBZ", "MD":
				switch n {
				case "is", "was", "has", "had":
				default:
					return true
				}
			}
		}
	}
	return false
}

// informalRegions are the regions that news names and the gazetteer's
// ISO 3166-2 subdivisions do not ("the Midlands", "East Anglia"), by
// lower-cased name, with their country.
var informalRegions = map[string]string{
	"midlands": "GB", "the midlands": "GB", "east midlands": "GB", "west midlands": "GB", "east anglia": "GB",
	"west country": "GB", "home counties": "GB", "scottish highlands": "GB",
}

// disambiguate picks one reading of each ambiguous place name: the reading
// whose country the rest of the text names most (by mentions of places
// and nationalities with one reading; for a region or a city, not by its
// country's name), then, between namesake cities, the one whose country's
// name the text gives most, else the country of that name, else a city
// of a million people, else a region when one country's is far the largest
// (geo.Weight), else a lone city. A city three times as populous as its
// namesakes abroad is taken before any evidence ("Athens", "Birmingham";
// "Athens, Ga." is placedIn's). Nothing is assigned when the readings
// stay tied: a bare "Newcastle" in a text that names no place of England,
// Australia or South Africa gets no country and no coordinates (a wrong
// pin on the map is worse than none). Namesake cities left so get a second
// look with the places the first look placed as evidence.
//
// A lone reading as a region of a small country is kept only when the text
// names that country elsewhere.
func (r *resolver) disambiguate() {
	// ev counts the mentions of the places and nationalities of each
	// country, in the rest without the country's own name
	var ev, in map[string]int
	count := func(o *cluster) {
		for _, m := range o.ments {
			if m.kind == Proper {
				ev[o.code]++
				if !o.country {
					in[o.code]++
				}
			}
		}
	}
	var open []*cluster // namesake cities left without a reading
	for _, c := range r.clusters {
		if len(c.alts) == 0 {
			continue
		}
		if ev == nil {
			ev, in = map[string]int{}, map[string]int{}
			for _, o := range r.clusters {
				if o.code != "" && len(o.alts) == 0 {
					count(o)
				}
			}
		}
		if len(c.alts) == 1 {
			c.code, c.region = "", ""
			if a := c.alts[0]; a.informal {
				if !r.usedAsBody(c) {
					c.code = a.code
				}
			} else if a.loc == nil && ev[a.code] > 0 || a.loc != nil && (in[a.code] > 0 || c.placeRead || r.placeLike(c)) {
				c.code, c.region, c.loc = a.code, a.region, a.loc
			}
			continue
		}
		if !r.pickReading(c, ev, in) && cities(c.alts) >= 2 {
			open = append(open, c)
		}
	}
	if len(open) == 0 {
		return
	}
	// a second look for the namesake cities left open, with the places
	// that the first gave a reading as evidence too ("Birmingham and
	// Newcastle": Birmingham, England, far the largest of its name, puts
	// Newcastle there)
	more := false
	for _, o := range r.clusters {
		if len(o.alts) > 1 && o.code != "" {
			count(o)
			more = true
		}
	}
	if more {
		for _, c := range open {
			r.pickReading(c, ev, in)
		}
	}
}

// regionAfterTown returns the region reading of c.alts in the country of
// a placed town that a mention of c follows after a comma ("Oshawa,
// Ontario"), -1 if none.
func (r *resolver) regionAfterTown(c *cluster) int {
	for _, m := range c.ments {
		if m.kind != Proper || r.tok(m.first-1) != "," {
			continue
		}
		if r.townEnd == nil {
			// placed towns' proper mentions by the token after their
			// last (built once)
			r.townEnd = map[int]*cluster{}
			for _, o := range r.clusters {
				if o.typ == ner.Location && o.loc != nil && len(o.alts) == 0 {
					for _, om := range o.ments {
						if om.kind == Proper {
							r.townEnd[om.last] = o
						}
					}
				}
			}
		}
		t, ok := r.townEnd[m.first-1]
		if !ok || t == c {
			continue
		}
		for i, a := range c.alts {
			if a.region != "" && a.code == t.code {
				return i
			}
		}
	}
	return -1
}

// cities counts the city readings of alts.
func cities(alts []placeCand) int {
	n := 0
	for _, a := range alts {
		if a.loc != nil {
			n++
		}
	}
	return n
}

// pickReading gives c the reading of c.alts that the evidence ev and in
// (see disambiguate) supports, or its default reading; it reports whether
// c got one.
func (r *resolver) pickReading(c *cluster, ev, in map[string]int) bool {
	// a country reading counts every mention of the country; a region or
	// a city needs its country's places or people: "US" in a list of
	// countries does not make Georgia the state
	score := func(a placeCand) int {
		if a.country {
			return ev[a.code]
		}
		return in[a.code]
	}
	if i := r.regionAfterTown(c); i >= 0 {
		// "Oshawa, Ontario": the province of the town's country, not
		// the Californian city
		a := c.alts[i]
		c.code, c.region, c.loc, c.country = a.code, a.region, a.loc, a.country
		return true
	}
	top := 0
	for i, a := range c.alts {
		if score(a) > score(c.alts[top]) {
			top = i
		}
	}
	pick := top
	if i := largestCity(c.alts); i >= 0 {
		// a city three times the size of its namesakes abroad is the
		// one, whatever else the text names ("Athens" in a story of
		// American athletes; "Athens, Ga." is placedIn's), unless the
		// text places a namesake by its own region or a town near it
		// ("Birmingham" in a story naming Alabama, "Tripoli" beside
		// Beirut)
		if j := r.namesakeNear(c.alts, i); j >= 0 {
			i = j
		} else if j := r.namesakeByPlaces(c, i); j >= 0 {
			i = j
		} else if j := townByCountry(c.alts, i, ev, in); j >= 0 && !r.placedAfterComma(c, c.alts[i].code) {
			i = j
		}
		a := c.alts[i]
		if a.pop < smallCity && in[a.code] == 0 && !c.placeRead && !r.placeLike(c) {
			// a town needs its country's places or people, or a use as
			// a place, as when it has no namesake (place)
			c.code, c.region, c.loc, c.country = "", "", nil, false
			return false
		}
		c.code, c.region, c.loc, c.country = a.code, a.region, a.loc, a.country
		return true
	}
	for _, a := range c.alts {
		if a.code != c.alts[top].code && score(a) == score(c.alts[top]) {
			pick = namesakeByCountry(c.alts, ev, in, score(a))
			if pick < 0 {
				pick = defaultReading(c.alts) // a tie: no evidence either way
				if a := c.alts[max(pick, 0)]; pick >= 0 && a.region != "" && ev[a.code] == 0 && otherCountry(c.alts, ev) {
					// a region by its country's size alone, in a text
					// about another country that never names the
					// region's ("San Pedro", the department of Paraguay,
					// in a story of Ghana's cocoa ports): none
					pick = -1
				}
			}
			break
		}
	}
	c.code, c.region, c.loc, c.country = "", "", nil, false
	if pick < 0 {
		return false
	}
	a := c.alts[pick]
	c.code, c.region, c.loc, c.country = a.code, a.region, a.loc, a.country
	return true
}

// otherCountry reports whether the text names one country more than any
// other (ev) and more than once, and no reading of alts lies there.
func otherCountry(alts []placeCand, ev map[string]int) bool {
	top, n, tie := "", 0, false
	for code, k := range ev {
		switch {
		case k > n:
			top, n, tie = code, k, false
		case k == n:
			tie = true
		}
	}
	if top == "" || tie || n < 2 {
		return false
	}
	for _, a := range alts {
		if a.code == top {
			return false
		}
	}
	return true
}

// townPop is the population below which a city is a town that the news of
// other countries rarely names: its size over a namesake abroad says less
// than the text's countries (townByCountry).
const townPop = 250_000

// townByCountry returns the city reading of alts, in another country than
// alts[big]'s, whose country the text names more often than big's (ev)
// and by its places and people at least as often (in), when alts[big] is
// a town (under townPop) at most worldDominance times the namesake's size:
// "Warwick" in a story that names the UK and British beside one American
// city (Detroit) is the English town, not the larger one of Rhode Island.
// It returns -1 when no one country is so named.
func townByCountry(alts []placeCand, big int, ev, in map[string]int) int {
	b := alts[big]
	if b.pop >= townPop {
		return -1
	}
	best := -1
	for j, a := range alts {
		if a.loc == nil || a.code == b.code || a.pop*worldDominance < b.pop || ev[a.code] <= ev[b.code] || in[a.code] < in[b.code] {
			continue
		}
		if best >= 0 && alts[best].code != a.code {
			return -1
		}
		if best < 0 || a.pop > alts[best].pop {
			best = j
		}
	}
	return best
}

// placedAfterComma reports whether a proper mention of c is followed by a
// comma and a place of the country code ("Kirkland, Washington-based":
// the American town, whatever countries the rest of the text names).
func (r *resolver) placedAfterComma(c *cluster, code string) bool {
	// the tokens after the commas, then one look at the places of code's
	// mentions (not one per comma: a long text naming the town often)
	var after map[int]bool
	for _, m := range c.ments {
		if m.kind == Proper && r.tok(m.last) == "," {
			if after == nil {
				after = map[int]bool{}
			}
			after[m.last+1] = true
		}
	}
	if after == nil {
		return false
	}
	for _, o := range r.clusters {
		if o == c || o.code != code {
			continue
		}
		for _, om := range o.ments {
			if om.kind == Proper && after[om.first] {
				return true
			}
		}
	}
	return false
}

// namesakeByCountry breaks a tie (at score s) between the city readings
// of a name by the mentions of their countries' own names ("Newcastle" in
// a story that names Australia): the one city reading whose country is
// named most, -1 when readings other than cities share the tie or the
// countries are named equally.
func namesakeByCountry(alts []placeCand, ev, in map[string]int, s int) int {
	best, bestN, tie := -1, 0, false
	for i, a := range alts {
		if a.loc == nil {
			if a.country && ev[a.code] == s || !a.country && in[a.code] == s {
				return -1
			}
			continue
		}
		if in[a.code] != s {
			continue
		}
		n := ev[a.code] - in[a.code]
		switch {
		case n > bestN:
			best, bestN, tie = i, n, false
		case n == bestN && n > 0 && a.code != alts[best].code:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

// placedIn reads "Paris, Texas", "Springfield, Mass." and "Doba, Chad": a
// town followed by a comma and the state or country it lies in. A town
// the gazetteer knows there gets that city's coordinates ("Springfield" in
// Massachusetts, not the larger one in Missouri); a town it does not
// know there takes the state's or country's code, without coordinates
// (not those of Paris, France, nor of a namesake in another US state). Lists
// ("London, France and Germany") are left alone: the pair must not stand
// after a comma or before "and", "or" or another comma.
func (r *resolver) placedIn() {
	var at map[int]*ment // proper place mentions by first token
	for _, c := range r.clusters {
		if c.typ != ner.Location || c.country || c.region != "" {
			continue
		}
		for _, m := range c.ments {
			if m.kind != Proper || r.tok(m.last) != "," || !isCap(r.tok(m.last+1)) {
				continue
			}
			if p := r.ltok(m.first - 1); p == "," || p == "and" || p == "or" {
				continue
			}
			if at == nil {
				at = map[int]*ment{}
				for _, o := range r.ments {
					if o.kind == Proper && o.c.typ == ner.Location && o.c.code != "" && (o.c.country || o.c.region != "") {
						at[o.first] = o
					}
				}
			}
			var in struct{ code, region string }
			if o, ok := at[m.last+1]; ok && o.c != c {
				if n := r.ltok(o.last); n == "and" || n == "or" || n == "," && o.last+1 < len(r.inMent) && r.inMent[o.last+1] {
					continue
				}
				if c.code != "" && c.code != o.c.code && hyphenTail(r.tok(o.last-1)) == 0 && r.startsPhrase(o.last) {
					// "In London, U.S. officials said": a known city of
					// another country before an opening phrase's comma
					continue
				}
				in.code, in.region = o.c.code, o.c.region
				if _, ok := geo.CityIn(c.name, in.code, in.region); !ok {
					// "Athens, Georgia": the state that holds a city of
					// the name, not the country the name gave alone
					for _, a := range o.c.alts {
						if _, ok := geo.CityIn(c.name, a.code, a.region); ok && a.region != "" {
							in.code, in.region = a.code, a.region
							if len(o.c.ments) == 1 {
								// (the region's only mention: the state)
								o.c.code, o.c.region, o.c.loc, o.c.country = a.code, a.region, a.loc, a.country
							}
							break
						}
					}
				}
			} else if t := r.tok(m.last + 1); !ok && !r.inMent[m.last+1] && strings.Contains(t, ".") {
				// a state's abbreviation the recogniser left out:
				// "LAKE FOREST, Ill. (Reuters)", "Lake Forest, Ill.-based"
				if rs := geo.RegionsByName(cutText(t, hyphenTail(t))); len(rs) == 1 {
					in.code, in.region = rs[0].CountryCode(), rs[0].Code
				}
			}
			if in.code == "" {
				continue
			}
			if city, ok := geo.CityIn(c.name, in.code, in.region); ok {
				// "Springfield, Mass.": the one in Massachusetts
				c.code, c.loc = city.CountryCode, &LatLng{Lat: city.Lat, Lng: city.Lng}
				break
			}
			if in.region == "" && c.code == in.code || in.region != "" && in.code != "US" && c.code == in.code {
				// a town of that country (regions outside the US: the
				// gazetteer does not say which of them holds the town)
				break
			}
			c.code, c.region, c.loc = in.code, in.region, nil
			break
		}
	}
}

// smallCity is the population under which a city's name alone does not
// give the city.
const smallCity = 100_000

// holdingNouns are owned in a company: "a stake in Toyota" names no
// place.
var holdingNouns = set("stake", "stakes", "share", "shares", "shareholding", "holding", "holdings", "interest",
	"interests", "investment", "investments", "invest", "invested", "invests", "investing", "position")

// startsPhrase reports whether the token i after a "Town, Place" pair
// goes on with the second place as a modifier, so that the comma only
// ends an opening phrase: "In London, U.S. officials said", "In Tokyo,
// America's envoy", "In Paris, Texas Governor X": a possessive, a noun,
// an adjective or a capitalised word on the same line (a dateline's date
// is no such word, nor "province" in "Wuxi, Jiangsu province"; "Lake
// Forest, Ill.-based finance company" is no such phrase either: the
// caller checks the hyphen).
func (r *resolver) startsPhrase(i int) bool {
	if i <= 0 || i >= len(r.doc.Tokens) || strings.IndexByte(r.doc.Text[r.doc.Tokens[i-1].End:r.doc.Tokens[i].Start], '\n') >= 0 {
		return false
	}
	if t := r.tok(i); t != "" && t[0] >= '0' && t[0] <= '9' {
		// a dateline's date: "LIMA, Peru 1996-08-21"
		return false
	}
	if r.possessiveAt(i) > 0 || isCap(r.tok(i)) {
		return true
	}
	if adminNouns[r.ltok(i)] {
		// "Wuxi, Jiangsu province"
		return false
	}
	pos := r.doc.Tokens[i].POS
	return strings.HasPrefix(pos, "NN") || strings.HasPrefix(pos, "JJ")
}

// adminNouns follow the name of a region as its kind.
var adminNouns = set("province", "state", "county", "region", "district", "prefecture", "oblast", "canton")

// smallCountry is the geo.Weight under which a region's name alone does
// not give its country.
const smallCountry = 1_000_000

// defaultReading is the reading of an ambiguous place name without
// evidence from the text, -1 when none stands out.
func defaultReading(alts []placeCand) int {
	for i, a := range alts {
		if a.country {
			return i
		}
	}
	// a city that is far the largest of its namesakes abroad ("London",
	// not London, Ontario; "Plymouth", England, not the capital of
	// Montserrat), or of a million people beside regions only; cities of
	// comparable size ("Newcastle": KwaZulu-Natal, New South Wales and
	// Tyne and Wear) get no reading without evidence
	if i := largestCity(alts); i >= 0 {
		return i
	}
	for i, a := range alts {
		if a.loc != nil && a.pop >= 1_000_000 && !rivalCity(alts, i) {
			return i
		}
	}
	// regions: the one of a country far larger than the others' (a city
	// that is a region of its own country too counts as one: Manchester,
	// England, not the parish of Jamaica)
	best, bestW, nextW := -1, 0, 0
	for i, a := range alts {
		if a.region == "" && !a.ownRegion && !a.informal {
			continue
		}
		w := geo.Weight(a.code)
		if best < 0 || w > bestW {
			if best >= 0 && alts[best].code != a.code {
				nextW = max(nextW, bestW)
			}
			best, bestW = i, w
		} else if a.code != alts[best].code {
			nextW = max(nextW, w)
		}
	}
	if best >= 0 && bestW >= 5*nextW {
		return best
	}
	if best >= 0 {
		return -1
	}
	city := -1
	for i, a := range alts {
		if a.loc != nil {
			if city >= 0 {
				return -1
			}
			city = i
		}
	}
	return city
}

// cityDominance is how many times a city's population must exceed its
// namesakes' abroad for its name alone to give it.
const cityDominance = 3

// largestCity returns the city reading of alts that is cityDominance times
// as populous as every city reading of another country, -1 if none is, if
// alts has a single city reading or a region reading of another country.
func largestCity(alts []placeCand) int {
	best, n := -1, 0
	for i, a := range alts {
		if a.loc == nil {
			continue
		}
		n++
		if best < 0 || a.pop > alts[best].pop {
			best = i
		}
	}
	if n < 2 || rivalCity(alts, best) {
		return -1
	}
	for _, a := range alts {
		if a.loc == nil && a.code != alts[best].code {
			// a region reading abroad: "Victoria", the Australian state
			// before the Canadian city (the regions' rule decides); the
			// city's own area ("Plymouth", the unitary authority) is
			// none
			return -1
		}
	}
	return best
}

// nearKm is how close a placed town must be to a namesake city for the
// text to be about that one (namesakeNear).
const nearKm = 120

// namesakeNear returns the city reading of alts, in another country or
// region than alts[big]'s, that the text's other placed names locate: a
// town within nearKm of it or its own first-level region ("Birmingham" and
// Alabama, "Manchester" and New Hampshire, "Tripoli" and Beirut). It
// returns -1 when alts[big] is so located too or no one reading is.
func (r *resolver) namesakeNear(alts []placeCand, big int) int {
	best, bestN, tie := -1, 0, false
	for i, a := range alts {
		if a.loc == nil {
			continue
		}
		n := 0
		for _, o := range r.clusters {
			if o.typ != ner.Location || o.code != a.code || o.country || len(o.alts) > 0 {
				continue
			}
			if a.state != "" && o.region == a.state || o.loc != nil && o.loc != a.loc && kmBetween(*o.loc, *a.loc) <= nearKm {
				n++
			}
		}
		switch {
		case n == 0:
		case i == big:
			return -1
		case n > bestN:
			best, bestN, tie = i, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie || best >= 0 && alts[best].code == alts[big].code && alts[best].state == alts[big].state {
		return -1
	}
	return best
}

// worldDominance is how many times a city's population must exceed its
// namesakes' abroad for the places of a namesake's country not to move it
// (namesakeByPlaces): "London" in a story from Ottawa is England's, and
// "Kingston" in a story of Canadian tourists flying home to Toronto and
// Montreal Jamaica's (eight times Kingston, Ontario), unless a town near
// the namesake places it (namesakeNear).
const worldDominance = 5

// namesakeByPlaces returns the city reading of c.alts, in another country
// than alts[big]'s, whose country the rest of the text names by two places
// or more (its towns, regions or own name, an ambiguous place at its
// default reading; not its people, who travel: "Canadian tourists in
// Kingston") when it names no place or people of alts[big]'s country:
// "Hamilton" beside Wellington and the New Zealand dollar is the New
// Zealand city, although the Canadian one is three times its size; the
// Waikato city lies 400 km from Wellington, beyond namesakeNear's reach. A
// reading whose state the gazetteer knows (a US city) is left to
// namesakeNear, as its country's places elsewhere point away from it
// ("Athens" beside Texas is not the Georgia town), and so is a namesake
// worldDominance times smaller. It returns -1 when no one country is so
// named.
func (r *resolver) namesakeByPlaces(c *cluster, big int) int {
	support, people := map[string]int{}, map[string]int{}
	for _, o := range r.clusters {
		if o == c || o.typ != ner.Location && o.typ != ner.Nationality {
			continue
		}
		proper := false
		for _, m := range o.ments {
			proper = proper || m.kind == Proper
		}
		code := o.code
		if len(o.alts) > 0 {
			code = ""
			if d := defaultReading(o.alts); d >= 0 {
				code = o.alts[d].code
			}
		}
		if proper && code != "" && o.typ == ner.Location {
			support[code]++
		} else if proper && code != "" {
			people[code]++
		}
	}
	b := c.alts[big]
	if support[b.code] > 0 || people[b.code] > 0 {
		return -1
	}
	best := -1
	for j, a := range c.alts {
		if a.loc == nil || a.code == b.code || a.state != "" || a.pop*worldDominance < b.pop || support[a.code] < 2 {
			continue
		}
		if best >= 0 && c.alts[best].code != a.code {
			return -1
		}
		if best < 0 || a.pop > c.alts[best].pop {
			best = j
		}
	}
	return best
}

// kmBetween is the great-circle distance between a and b in kilometres.
func kmBetween(a, b LatLng) float64 {
	const rad = math.Pi / 180
	dlat, dlng := (b.Lat-a.Lat)*rad, (b.Lng-a.Lng)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dlng/2)*math.Sin(dlng/2)
	return 2 * 6371 * math.Asin(math.Sqrt(min(h, 1)))
}

// rivalCity reports whether a city reading of another country than
// alts[i] has more than 1/cityDominance of its population.
func rivalCity(alts []placeCand, i int) bool {
	for j, a := range alts {
		if j != i && a.loc != nil && a.code != alts[i].code && a.pop*cityDominance > alts[i].pop {
			return true
		}
	}
	return false
}

// retype corrects the type that the recogniser gave a name when the text
// says otherwise: an acronym that no gazetteer knows, tagged as a place
// but used as an agreement ("obligations under the JCPOA", "violated the
// NPT") becomes a LAW, and one used as a body ("the XYZ said", "members
// of the XYZ") an ORGANIZATION; a name headed by "Agreement", "Treaty",
// "Accord" ... tagged as a place or MISC becomes a LAW. A place name that
// is ever used as a place ("in the XYZ") stays one.
//
// An acronym tagged as an organisation needs more: two uses as an
// agreement, or one with an apposition ("the XYZ, the 2015 accord"), and
// none as a body.
func (r *resolver) retype() {
	defer r.moveSplit()
	for _, c := range r.clusters {
		if r.isAward(c) {
			// "the Oscar", "Baftas", "Screen Actors Guild Awards": a
			// prize, neither its winner nor a body
			c.typ = ner.Misc
			continue
		}
		if c.typ == ner.Person && (r.orgVote(c) || r.orgWord(c) || r.clubPerson(c) || r.pollster(c) || r.bandPerson(c)) {
			c.typ = ner.Org
			r.index(c)
			continue
		}
		if c.typ == ner.Product && r.makerOfProduct(c) {
			// "Airbus said", "Airbus Industrie": the maker, not its
			// aircraft
			c.typ = ner.Org
			r.index(c)
			continue
		}
		if (c.typ == ner.Person || c.typ == ner.Location) && r.listedOrg(c) {
			// "AEG, X and Frigidaire": a list of organisations
			c.typ = ner.Org
			r.index(c)
			continue
		}
		if (c.typ == ner.Location || c.typ == ner.Misc) && r.bandNamed(c) && !knownPlace(c.name) {
			// "the band Snow Harbour", "Snow Harbour bassist Ann Lee":
			// the recogniser read the band's name as a place's
			c.typ = ner.Org
			r.index(c)
			continue
		}
		if (c.typ == ner.Misc || c.typ == ner.Location) && r.theBand(c) {
			// "The Harbour Lights", "the Copper Kettles" in a text about
			// music: a band the recogniser read as a group of people or
			// a place
			c.typ = ner.Org
			r.index(c)
			continue
		}
		if c.typ == ner.Person && r.townAsPerson(c) {
			c.typ, c.placeRead = ner.Location, true
			r.index(c)
			continue
		}
		if (c.typ == ner.Org || c.typ == ner.Person && c.gender == 0 && !r.titled(c)) && r.placeOfBody(c) {
			c.typ, c.placeRead = ner.Location, true
			r.index(c)
			continue
		}
		if c.typ != ner.Location && c.typ != ner.Misc && c.typ != ner.Org {
			continue
		}
		if last := c.toks[len(c.toks)-1]; c.typ == ner.Misc && (partyPlurals[last] || len(c.toks) > 1 && usParties[last]) &&
			r.bodyActs(c, partyVerbs) {
			// "the Conservatives said", "Social Democrats won 61
			// seats": the party (the recogniser's MISC is its members)
			c.typ = ner.Org
			r.index(c)
			continue
		}
		if len(c.toks) == 1 && techTerms[c.toks[0]] {
			// "PC", "DVD", "RFID": a kind of thing, no body or place,
			// unless a mention acts as one ("CGI won a contract", "the
			// PCs won 40 seats": the Progressive Conservatives)
			if r.pluralBody(c) {
				if c.typ != ner.Org {
					c.typ = ner.Org
					r.index(c)
				}
			} else if c.typ != ner.Misc && !(c.typ == ner.Org && r.actsAsBody(c)) {
				c.typ = ner.Misc
				continue
			}
		}
		if policyPaper(c.toks) {
			// "the Green Paper on pensions": a government's consultation
			// or policy document, no body
			c.typ = ner.Misc
			continue
		}
		if len(c.toks) > 1 && lawHeads[c.toks[len(c.toks)-1]] && c.typ != ner.Org {
			c.typ = ner.Law
			continue
		}
		if c.typ == ner.Org && (r.townAsOrg(c) || r.placeAsOrg(c)) {
			if r.firmNamed(c) {
				// "the developer Westferry Quay" and "little to do in
				// Westferry Quay": the firm keeps its mentions, the place
				// gets those written as a place
				r.splitPlace(c)
				continue
			}
			c.typ, c.placeRead = ner.Location, true
			continue
		}
		if c.typ == ner.Org && r.firmNamed(c) && knownPlace(c.name) {
			// "tyre maker Osaka ... a plant near Osaka": the firm keeps
			// the body's mentions (the recogniser's rule read the kind),
			// the town those written as a place
			r.splitPlace(c)
			continue
		}
		if !isAcronym(c.name) || knownPlace(c.name) {
			continue
		}
		law, org, loc, appos := 0, 0, 0, 0
		for _, m := range c.ments {
			if m.kind != Proper {
				continue
			}
			switch r.acronymUse(m.first, m.last) {
			case 'l':
				law++
			case 'o':
				org++
			case 'p':
				loc++
			}
			if r.lawApposition(m.last) {
				appos++
			}
		}
		switch {
		case loc > 0 || org > 0 && c.typ == ner.Org:
		case c.typ == ner.Org:
			if law >= 2 || law+appos >= 2 {
				c.typ = ner.Law
			}
		case law+appos > org:
			c.typ = ner.Law
		case org > law && c.typ == ner.Location:
			c.typ = ner.Org
		}
	}
}

// isAward reports whether a cluster tagged a person, an organisation or a
// place names a prize: one of the best-known film, television and music
// awards named alone ("Oscar", "Baftas", "the Golden Globes"; not "Oscar
// Wilde", nor a person with a gender or a title), or a name ending in
// "Award(s)" or "Prize(s)" ("Screen Actors Guild Awards", "Nobel Prize").
func (r *resolver) isAward(c *cluster) bool {
	if c.typ != ner.Person && c.typ != ner.Org && c.typ != ner.Location {
		return false
	}
	n := len(c.toks)
	if n == 0 || n > 2 && c.typ == ner.Person {
		return false
	}
	last := singular(c.toks[n-1])
	if n >= 2 && (last == "award" || last == "prize") && c.typ != ner.Person {
		return true
	}
	if c.typ == ner.Person && (c.gender != 0 || r.titled(c)) {
		return false
	}
	switch {
	case n == 1:
		// (an organisation "Bafta" is the academy as often as its
		// awards; "the Baftas" are the awards)
		if !awardNames[last] || c.typ == ner.Org && c.lname == "bafta" {
			return false
		}
		// a person "Oscar" named alone in the singular is a prize only
		// where a mention reads as one ("won an Oscar", "his Oscar
		// nomination"): "Oscar scored twice" is the footballer
		return c.typ != ner.Person || last != c.toks[0] || r.prizeUse(c)
	case n == 2:
		return c.toks[0] == "golden" && last == "globe"
	}
	return false
}

// prizeUse reports whether a mention of c reads as a prize: after a
// determiner, a possessive, a number or "won" ("an Oscar", "her second
// Oscar", "won Oscar"), or before a noun of prizes ("Oscar nomination").
func (r *resolver) prizeUse(c *cluster) bool {
	for _, m := range c.ments {
		if m.kind == Proper && (prizeBefore[r.ltok(m.first-1)] || prizeAfter[r.ltok(m.last)] ||
			r.tok(m.last) == "-" || hyphenTail(r.tok(m.last-1)) > 0) {
			// (the last: "Oscar-winning", "Grammy-nominated")
			return true
		}
		if p := r.ltok(m.first - 1); m.kind == Proper && (p == "and" || p == "or") {
			// "the Golden Globe and Oscar"
			if q := singular(r.ltok(m.first - 2)); awardNames[q] || q == "globe" || q == "award" || q == "prize" {
				return true
			}
		}
	}
	return false
}

var (
	prizeBefore = set("a", "an", "the", "his", "her", "their", "its", "my", "your", "our", "first", "second", "third",
		"fourth", "fifth", "two", "three", "four", "five", "best", "won", "win", "wins", "winning", "for", "multiple",
		"honorary", "film", "picture", "actor", "actress", "director", "screenplay", "supporting", "foreign", "language", "artist", "album", "song", "record", "year")
	prizeAfter = set("nomination", "nominations", "nominee", "nominees", "nod", "winner", "winners", "win", "wins",
		"ceremony", "ceremonies", "night", "statuette", "award", "awards", "race", "campaign", "glory", "hopes",
		"voters", "contender", "contenders", "buzz", "success", "host", "telecast", "hopeful", "hopefuls", "snub",
		"glory", "favourite", "favorite", "nominated", "winning", "-winning", "-nominated")
)

// awardNames are prizes that news names by one word, singular.
var awardNames = set("oscar", "bafta", "emmy", "grammy", "cesar", "césar", "golden globe")

// orgWordMin is the probability from which orgWord retypes a one-word
// person (chosen by cross-validation on CoNLL-2003 train: 99 % of the
// one-word names scored so are organisations; see cmd/train/entity).
const orgWordMin = 0.9

// orgWord reports whether a person named by one word only (no first name,
// gender, title or honorific) is an organisation by the word itself: its
// GloVe vector scores orgWordMin or more in the organisation-or-person
// model (orgvec.go). The recogniser tags a company a person when the words
// around it read so ("said Gartner", "Maserati's new chief"); the word's
// use across Wikipedia and newswire says what it names.
func (r *resolver) orgWord(c *cluster) bool {
	if len(c.toks) != 1 || c.gender != 0 || r.titled(c) || c.nOrg > 0 || len(c.toks[0]) < 3 {
		return false
	}
	for _, m := range c.ments {
		if _, ok := text.Honorific(r.tok(m.first - 1)); ok && m.kind == Proper {
			return false
		}
	}
	p, ok := orgProb(c.toks[0])
	return ok && p >= orgWordMin
}

// orgProb is the probability that a lower-cased word names an
// organisation rather than a person in the organisation-or-person model
// (orgvec.go); ok is false for a word without a vector.
func orgProb(w string) (p float64, ok bool) {
	row, scale, ok := wordvec.Default().Row(w)
	if !ok {
		return 0, false
	}
	var dot, norm float32
	for i, v := range row {
		f := float32(v)
		dot += orgWeights[i] * f
		norm += f * f
	}
	if norm == 0 {
		return 0, false
	}
	// (the model scores the unit vector: the row's scale cancels)
	_ = scale
	z := float64(orgBias) + float64(dot)/math.Sqrt(float64(norm))
	return 1 / (1 + math.Exp(-z)), true
}

// bodyPart reports whether the title word at token i is a head in the
// body's sense: "a price on the head of Adriano", "over the head of".
func (r *resolver) bodyPart(i int) bool {
	if r.ltok(i) != "head" || r.ltok(i-1) != "the" {
		return false
	}
	switch r.ltok(i - 2) {
	case "on", "over", "above", "into", "onto", "upon":
		return true
	}
	return false
}

// techTerms are abbreviations of kinds of things and measures that the
// recogniser tags as organisations or places in technology and business
// news ("sales of PCs", "a DVD release", "RFID tags"), lower-cased.
var techTerms = set("pc", "pcs", "dvd", "dvds", "cd", "cds", "cd-rom", "cgi", "rfid", "mp3", "sms", "gps", "lcd", "usb",
	"hdtv", "dsl", "adsl", "gdp", "ipo", "ipos", "atm", "atms", "3g", "3d", "wi-fi", "wifi", "pda", "pdas", "vat")

// actsAsBody reports whether a mention of c that starts a clause (no
// lower-case word before it but a conjunction) acts as a company does: it says,
// owns or does something ("CGI won a contract", "CGI said", "CGI's
// outlook"); "sales of PCs fell" and "the DVD comes out" name things.
func (r *resolver) actsAsBody(c *cluster) bool {
	for _, m := range c.ments {
		if m.kind != Proper || !r.clauseStartAt(m.first) {
			// ("the PC", "sales of PCs", "a budget PC", "an MMX-based
			// PC"; a clause starts after punctuation or a conjunction)
			continue
		}
		if r.possessiveAt(m.last) > 0 || r.acronymUse(m.first, m.last) == 'o' {
			return true
		}
		if m.last < len(r.doc.Tokens) {
			switch r.doc.Tokens[m.last].POS {
			case "VBD", "MD":
				// (not VBZ: "RFID tags spread" reads "tags" a verb)
				return true
			}
		}
	}
	return false
}

// pluralBody reports whether a plural abbreviation acts as a body, a
// party or a group of them, with or without "the" at the start of a clause:
// it wins, holds or loses seats, votes or an election ("the PCs won 40
// seats", "PCs lost their majority"), or does what only a body does ("the
// PCs said", "the PCs formed a government"); "sales of PCs fell", "the
// DVDs sold out" and "the PCs crashed" name things.
func (r *resolver) pluralBody(c *cluster) bool {
	w := c.toks[0]
	if len(w) < 3 || w[len(w)-1] != 's' || !techTerms[w[:len(w)-1]] {
		return false
	}
	return r.bodyActs(c, nil)
}

// bodyActs reports whether a mention of c, with or without "the", opens
// a clause and does what a body does (bodyVerbs or more, seatVerbs
// before seatNouns).
func (r *resolver) bodyActs(c *cluster, more map[string]bool) bool {
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		start := m.first
		if r.ltok(start-1) == "the" {
			start--
		}
		if !r.clauseStartAt(start) {
			// "gave the PCs a majority", "sales of PCs"
			continue
		}
		v := m.last // (the token after the mention)
		if v < len(r.doc.Tokens) && r.doc.Tokens[v].POS == "RB" {
			// "the PCs easily won"
			v++
		}
		verb := r.ltok(v)
		if bodyVerbs[verb] || more[verb] {
			return true
		}
		if seatVerbs[verb] {
			// "won 40 seats", "took 76 of the 124 seats", within the
			// clause
			for k := v + 1; k <= v+6 && k < len(r.doc.Tokens); k++ {
				t := r.ltok(k)
				if seatNouns[t] {
					return true
				}
				if t == "" || !isLetterByte(t[0]) && (t[0] < '0' || t[0] > '9') {
					break
				}
			}
		}
	}
	return false
}

// partyPlurals are the plural names of parties ("Conservatives",
// "Communists").
var partyPlurals = set("conservatives", "socialists", "communists", "liberals", "nationalists", "unionists",
	"greens")

// usParties alone name the members of the US parties, which CoNLL-2003
// tags MISC ("Democrats said"); with a word before they name parties
// ("Social Democrats", "Free Democrats").
var usParties = set("democrats", "republicans")

// partyVerbs are what a party does besides bodyVerbs, said of a plural
// party name opening a clause ("the Conservatives have pledged", "the
// Conservatives would scrap the tax").
var partyVerbs = set("have", "has", "will", "would", "could", "should", "must", "are", "were", "want", "wants",
	"plan", "plans", "planned", "claim", "claimed", "claims", "argue", "argued", "insist", "insisted", "won", "lost",
	"win", "lose", "led", "lead", "leads", "insists", "argues", "believe", "believes", "warned", "warn")

var (
	// bodyVerbs are what a party or company does and a thing does not
	// (pluralBody)
	bodyVerbs = set("said", "say", "says", "announced", "announce", "announces", "formed", "form", "forms",
		"governed", "govern", "governs", "campaigned", "campaign", "pledged", "pledge", "pledges", "promised",
		"promise", "promises", "vowed", "vow", "vows", "elected", "elect", "nominated", "nominate", "voted",
		"vote", "urged", "urge", "accused", "accuse", "demanded", "demand", "proposed", "propose")
	// seatVerbs win or lose what seatNouns name (pluralBody)
	seatVerbs = set("won", "win", "wins", "took", "take", "takes", "gained", "gain", "gains", "lost", "lose",
		"loses", "held", "hold", "holds", "swept", "sweep", "captured", "capture", "secured", "secure", "kept",
		"keep", "retained", "retain", "picked")
	seatNouns = set("seat", "seats", "vote", "votes", "election", "elections", "by-election", "majority",
		"riding", "ridings", "constituency", "constituencies", "mandate", "power", "office", "poll", "polls")
)

// isLetterByte reports whether b is an ASCII letter or starts a
// multi-byte character (most are letters).
func isLetterByte(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' || b >= 0xC0 }

// clauseStartAt reports whether token i starts a clause, as a subject
// does (actsAsBody, pluralBody): no word before it but a conjunction or
// "said" (a punctuation mark or the text's start are no words).
func (r *resolver) clauseStartAt(i int) bool {
	if i >= 0 && i < len(r.doc.Tokens) && len(r.doc.Sentences) > 0 && r.doc.Sentences[r.sentOf(i)].First == i {
		return true // (a headline's last word before it is no word of its clause)
	}
	p := r.tok(i - 1)
	return p == "" || !isLetterByte(p[0]) || subjectBefore[strings.ToLower(p)]
}

// subjectBefore are the words after which an abbreviation may
// start a clause as its subject (clauseStartAt): "after CGI cut its outlook".
var subjectBefore = set("and", "but", "or", "after", "before", "that", "when", "while", "as", "because", "since",
	"if", "though", "although", "until", "unless", "where", "said")

// policyPaper reports whether a name is a government's green or white
// paper ("Green Paper", "the White Papers").
func policyPaper(toks []string) bool {
	n := len(toks)
	return n == 2 && (toks[1] == "paper" || toks[1] == "papers") && (toks[0] == "green" || toks[0] == "white")
}

// orgVote reports whether a person of one name word is rather an
// organisation: the recogniser tagged more of its mentions organisations
// than people ("the general secretary of Unison" tagged a person, "Unison
// cannot accept" twice an organisation), or a mention is what a title is
// held in ("general secretary of Unison"), and nothing makes it a person
// (a gender from an honorific, a title or honorific before it). A one-word organisation's mentions join a one-word person's
// cluster in match, as a surname's do its full name's; with no full name
// to say who the person is, the mentions' majority decides.
func (r *resolver) orgVote(c *cluster) bool {
	if len(c.toks) != 1 || c.gender != 0 || r.titled(c) {
		return false
	}
	if c.nOrg > c.nPer {
		return true
	}
	bare := false // a proper mention without a possessive after it
	for _, m := range c.ments {
		if m.kind == Proper && r.possessiveAt(m.last) == 0 {
			bare = true
		}
	}
	for _, m := range c.ments {
		if m.kind == Proper && r.ltok(m.first-1) == "of" && titleHeads[r.ltok(m.first-2)] && !personalRoles[r.ltok(m.first-2)] &&
			!(bare && r.possessiveAt(m.last) > 0) && !r.bodyPart(m.first-2) && !knownPlace(c.name) {
			// "general secretary of Unison", "the head of Corwin": what
			// a title is held in is a body (a place's name stays the
			// recogniser's); not "the general secretary of Suarez's
			// union" beside "Suarez scored" (the title is held in what
			// the name owns), but "the owner of Macy's", a name always
			// written so, is a store's
			return true
		}
	}
	return false
}

// makerOfProduct reports whether a product's name (the recogniser's
// PRODUCT: "Boeing", "Airbus") names its maker: a company's word ends it
// ("Airbus Industrie", "Boeing Co.") or a mention says, speaks or is led
// as a body does ("Airbus said", "a Boeing spokesman", "Airbus's
// chairman"; orgNext).
func (r *resolver) makerOfProduct(c *cluster) bool {
	if c.legal || productMakerTails[c.toks[len(c.toks)-1]] {
		return true
	}
	for _, m := range c.ments {
		if m.kind != Proper || r.acronymUse(m.first, m.last) != 'o' {
			continue
		}
		if n := r.ltok(m.last); (n == "said" || n == "says") && isCap(r.tok(m.last+1)) {
			continue // "... to run Windows, said Ann Lee": the speaker follows
		}
		return true
	}
	return false
}

// productMakerTails end a maker's name that starts with a product's
// ("Airbus Industrie", "Boeing Commercial Airplanes Group").
var productMakerTails = set("industrie", "industries", "group", "company", "corporation", "airplanes", "aircraft",
	"consortium", "partners")

// theBand reports whether a MISC or place name is a band's: a plural
// noun of three words at most ("Copper Kettles", not "Brass" nor "the
// Notorious") written after "the" ("the Copper Kettles", "The Copper
// Kettles"; for a place's reading, a capitalised "The" inside a
// sentence, and no known place), not as a noun's modifier ("the Copper
// Kettles concert") nor inside a title ("Meet The Copper Kettles", "Top
// of the Kettles"), in a text about music (musicText); no prize ("the
// Brits") and no family of a person the text names ("the Hales" beside
// "Ann Hale").
func (r *resolver) theBand(c *cluster) bool {
	last := c.toks[len(c.toks)-1]
	if len(c.toks) > 3 || len(last) < 4 || last[len(last)-1] != 's' || last[len(last)-2] == 's' || last[len(last)-2] == '\'' {
		return false
	}
	if prizeWords[last] {
		return false // "the Brits", "the Oscars"
	}
	the := false
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		t := r.tok(m.first - 1)
		if !isThe(t) || !strings.HasPrefix(r.doc.Tokens[m.last-1].POS, "NN") {
			// (not an adjective: "the Notorious")
			continue
		}
		if p := r.tok(m.first - 2); isCap(p) || r.ltok(m.first-2) == "of" {
			return false // a title: "Meet The Harbours", "Top of the Harbours"
		}
		if n := r.tok(m.last); n != "" && !isCap(n) && strings.HasPrefix(r.doc.Tokens[m.last].POS, "NN") {
			continue // a modifier: "the Harbours epidemic"
		}
		if c.typ == ner.Misc || t[0] == 'T' && m.first-1 > r.doc.Sentences[m.sent].First {
			the = true
		}
	}
	if !the || c.typ == ner.Location && knownPlace(c.name) || !r.musicText() {
		return false
	}
	for _, o := range r.clusters {
		if o.typ == ner.Person && len(o.toks) > 1 && len(o.toks[len(o.toks)-1]) == len(last)-1 && strings.HasPrefix(last, o.toks[len(o.toks)-1]) {
			return false // "the Hales": Ann Hale's family
		}
	}
	return true
}

// musicText reports whether the document is about music: three of its
// words or more are music's (musicWords), found once per document.
func (r *resolver) musicText() bool {
	if r.musicRead {
		return r.music
	}
	r.musicRead = true
	hits := 0
	for i := range r.doc.Tokens {
		if t := r.doc.Tokens[i].Text; len(t) >= 4 && len(t) <= 10 && musicWords[r.ltok(i)] {
			if hits++; hits >= 3 {
				r.music = true
				break
			}
		}
	}
	return r.music
}

// prizeWords end the names of prizes and their ceremonies ("the Brits",
// "the Meteor Awards"), not bands'.
var prizeWords = set("awards", "oscars", "grammys", "brits", "baftas", "emmys", "globes", "mobos", "prizes")

// musicWords are the nouns of texts about music (musicText).
var musicWords = set("album", "albums", "band", "bands", "gig", "gigs", "singer", "guitarist", "drummer",
	"bassist", "frontman", "songs", "chart", "charts", "rapper", "rock", "indie", "single", "singles")

// bandPerson reports whether a person's name is a band's or a group's.
// The recogniser reads a band named like a person as one. The text's
// grammar decides: two of its mentions or more open a clause with a
// plural verb ("Franz Kessler are touring", "Amber Finch were
// shortlisted", "..., who were"), or one names it a band (bandEvidence:
// "the band X", "X frontman Y", "X, the Leeds four-piece,"), or one plural
// verb goes with the band's work ("X's new album" or "X played a gig" and
// "X have ..."), with the singular verbs ("is", "was", "has") fewer than
// that evidence. A mention after an honorific or a title ("Mr X", "singer
// X"), before an age ("X, 34,") or "himself", or the surname written
// alone ("X Y ... Y said") makes it a person's.
func (r *resolver) bandPerson(c *cluster) bool {
	if r.titled(c) {
		return false
	}
	grammar, work, singular := 0, 0, 0
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		if m.last-m.first < len(c.toks) && r.ltok(m.last-1) == c.toks[len(c.toks)-1] || r.personAround(m.first, m.last) {
			return false // "X Y ... Y said": the surname alone
		}
		g, w := r.bandEvidence(m.first, m.last, false)
		grammar, work = grammar+g, work+w
		if r.possessiveAt(m.last) > 0 {
			continue
		}
		if p := r.ltok(m.first - 1); p == "and" || p == "or" || p == "&" || p == "nor" || invertedAux[p] ||
			p == "," && isCap(r.tok(m.first-2)) {
			continue // a pair's or a list's verb; "did X have"
		}
		n := r.ltok(m.last)
		if n == "," && r.ltok(m.last+1) == "who" {
			n = r.ltok(m.last + 2)
		}
		switch {
		case n == "and" || n == "&":
		case n == "are" || n == "were" || n == "have":
			grammar++
		case personVerbs[n]:
			singular++
		}
	}
	if grammar == 0 {
		return false
	}
	return grammar+min(work, 1) >= 2 && grammar > singular
}

// bandNamed reports whether a mention of c is named a band's by the words
// around it (bandEvidence's strict grammar: "the band X", "X frontman Y",
// "X, the Leeds four-piece,"), none after a preposition of place ("in
// X").
func (r *resolver) bandNamed(c *cluster) bool {
	named := false
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		if placePreps[r.ltok(m.first-1)] {
			return false
		}
		if g, _ := r.bandEvidence(m.first, m.last, true); g >= 2 {
			named = true
		}
	}
	return named
}

// invertedAux before a name put its verb after it in a question or an
// inversion ("would X have", "did X have"), not agreeing with it.
var invertedAux = set("would", "could", "should", "did", "do", "does", "will", "might", "may", "must", "can",
	"to", "had", "has", "have")

// personAround reports whether the mention first..last is written as one
// person's: a personal role before it ("singer X", "rapper X"), an age or
// "himself" / "herself" after it ("X, 34,", "X himself").
func (r *resolver) personAround(first, last int) bool {
	if soloRoles[r.ltok(first-1)] {
		return true
	}
	n := r.ltok(last)
	if n == "himself" || n == "herself" {
		return true
	}
	if n == "," {
		if isDigitStart(r.tok(last+1)) && r.ltok(last+2) == "," {
			return true
		}
	}
	return false
}

// soloRoles before a name are one person's (personAround).
var soloRoles = set("singer", "rapper", "soloist", "songwriter", "singer-songwriter", "diva", "actor", "actress",
	"star", "guitarist", "pianist", "drummer", "bassist", "soulman", "crooner", "dj", "presenter", "comedian")

// bandEvidence scores the words around a mention first..last of a
// person's name for a band's reading: grammar counts 2 where a band's
// noun stands before it ("the band X", "boy band X", "operatic quartet
// X"; not "duo X and Y", two people), a band member's noun after it ("X
// frontman Y", "X's drummer"), or an apposition naming a band ("X, the
// Leeds four-piece,"); work counts 1 where it owns or plays the band's
// work ("X's new album", "X played a gig"). strict leaves out the member
// nouns that follow other names too ("X members", "X singer Y": a party's,
// a show's).
func (r *resolver) bandEvidence(first, last int, strict bool) (grammar, work int) {
	n := last + r.possessiveAt(last)
	next := r.ltok(n)
	// not "duo X and Y", "trio X, Y and Z", "trio X (2-24), Y and Z":
	// people
	a := n
	if next == "(" {
		for a < len(r.doc.Tokens) && a < n+6 && r.tok(a) != ")" {
			a++
		}
		a++
	}
	after := r.ltok(a)
	pair := after == "and" || after == "&" || after == "," && isCap(r.tok(a+1))
	if p := r.ltok(first - 1); !pair && (bandNouns[p] || p == "group" && (musicMods[r.ltok(first-2)] || r.ltok(first-2) == "the")) {
		grammar += 2
	} else if (p == "," || p == "and" || p == "like" || p == "including" || p == "as" || p == "the") && r.bandListed(first) {
		// "bands like X", "bands such as W, X and Y"
		grammar += 2
	}
	k := n
	if next == "lead" {
		k++ // "X lead singer Y"
	}
	if strict {
		if memberNouns[next] && next != "members" {
			grammar += 2
		}
	} else if memberNouns[next] || (r.ltok(k) == "singer" || next == "member") && isCap(r.tok(k+1)) && !musicMods[r.ltok(last-1)] {
		// "X frontman Y", "X's drummer", "X singer Ann Lee" (not "... Soul
		// singer Ann Lee", a genre)
		grammar += 2
	}
	if next == "," && n == last {
		// "X, the Leeds four-piece," "X, a Glasgow band that"
		if d := r.ltok(last + 1); d == "the" || d == "a" || d == "an" {
			for k := last + 2; k <= last+5 && k < len(r.doc.Tokens); k++ {
				t := r.ltok(k)
				if bandNouns[t] || t == "group" && musicMods[r.ltok(k-1)] {
					grammar += 2
					break
				}
				if t == "" || !isLetterByte(t[0]) && (t[0] < '0' || t[0] > '9') {
					break
				}
			}
		}
	}
	if n > last {
		// "X's new album", "X's latest single"
		for k := n; k < n+3 && k < len(r.doc.Tokens); k++ {
			t := r.ltok(k)
			if bandWorks[t] {
				work++
				break
			}
			if !workMods[t] {
				break
			}
		}
	} else if gigVerbs[next] {
		// "X played a gig", "X headlined the festival"
		for k := last + 1; k <= last+4 && k < len(r.doc.Tokens); k++ {
			if t := r.ltok(k); gigNouns[t] {
				work++
				break
			}
		}
	}
	return grammar, work
}

// bandListed reports whether the name that starts at token first is an
// item of a list of bands: "bands like", "bands including" or "bands such
// as" before it or before the list's first item ("bands such as W, X and
// the Y").
func (r *resolver) bandListed(first int) bool {
	i := first
	for k := 0; k < 8; k++ {
		if r.ltok(i-1) == "the" {
			i--
		}
		switch r.ltok(i - 1) {
		case "like", "including":
			return bandPlurals[r.ltok(i-2)]
		case "as":
			return r.ltok(i-2) == "such" && bandPlurals[r.ltok(i-3)]
		}
		o := r.listItemBefore(i)
		if o == nil {
			return false
		}
		i = o.first
	}
	return false
}

var (
	// bandPlurals head a list of bands ("bands such as X and Y")
	bandPlurals = set("bands", "groups", "quartets", "trios", "duos", "rockers", "outfits")
	// bandNouns before a name or heading an apposition name it a band
	// (bandEvidence)
	bandNouns = set("band", "bands", "quartet", "quintet", "trio", "duo", "four-piece", "five-piece", "three-piece",
		"six-piece", "rockers", "outfit")
	// musicMods before "group" make it a band's ("pop group", "girl group")
	musicMods = set("pop", "rock", "girl", "boy", "indie", "punk", "folk", "dance", "rap", "vocal", "chart-topping",
		"music", "soul", "metal", "reggae", "jazz", "hip-hop", "r&b", "electronic", "singing")
	// memberNouns after a name make it a band's ("X frontman Y")
	memberNouns = set("frontman", "frontwoman", "guitarist", "drummer", "bassist", "keyboardist", "vocalist",
		"bandmate", "bandmates", "members")
	// bandWorks and workMods: what a band owns ("X's new album")
	bandWorks = set("album", "albums", "single", "singles", "tour", "gig", "gigs", "concert", "concerts", "ep",
		"lp", "record")
	workMods = set("new", "latest", "debut", "second", "third", "fourth", "fifth", "first", "forthcoming",
		"self-titled", "eponymous", "previous", "last", "next", "upcoming", "hit", "comeback", "current", "live",
		"farewell", "world", "sell-out", "uk", "european", "us", "british")
	// gigVerbs and gigNouns: "X played a gig"
	gigVerbs = set("played", "play", "plays", "headlined", "headline", "headlines", "toured", "tour", "tours")
	gigNouns = set("gig", "gigs", "concert", "concerts", "festival", "tour", "set", "venue", "arena", "stadium")
)

// pollster reports whether a person of one name word, with nothing making
// it a person (a gender from an honorific, a title), is written as the
// maker of a poll or a survey after "a" or "an" ("a Reuter poll of
// economists", "an Ashcombe survey of 500 firms"): a polling firm or an
// agency, which the recogniser types a person.
func (r *resolver) pollster(c *cluster) bool {
	if len(c.toks) != 1 || c.gender != 0 || r.titled(c) {
		return false
	}
	for _, m := range c.ments {
		if m.kind == Proper && (r.ltok(m.first-1) == "a" || r.ltok(m.first-1) == "an") && pollNouns[r.ltok(m.last)] {
			return true
		}
	}
	return false
}

// pollNouns are what a polling firm or an agency makes (pollster).
var pollNouns = set("poll", "polls", "survey", "surveys", "opinion", "index")

// clubPerson reports whether a person of one name word, in a sports
// report, is rather a club or a team: a mention before a plural verb or
// a noun of the club's people ("Chelsea have", "Bath coach", "Ospreys
// fans") more often than before a singular verb ("Cole has", "Hayes
// was"), and nothing making it a person (a gender from an honorific, a
// title or honorific before it). The recogniser types clubs named like
// first names ("Chelsea") or towns people.
func (r *resolver) clubPerson(c *cluster) bool {
	if len(c.toks) != 1 || c.gender != 0 || r.titled(c) {
		return false
	}
	team, person, match := 0, 0, 0
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		if r.clubCue(m.first, m.last) {
			team++
			continue
		}
		if matchBefore[r.ltok(m.first-1)] && r.possessiveAt(m.last) == 0 {
			match++ // "face X", "against X"
		}
		if r.possessiveAt(m.last) > 0 {
			continue
		}
		if p := r.ltok(m.first - 1); p == "and" || p == "or" || p == "&" || p == "," || p == "nor" {
			continue // "Watkins and McIlroy have": the pair's verb
		}
		if m.first > 0 && r.sentOf(m.first-1) == r.sentOf(m.first) {
			// (not the last word of a headline before it, "... Cup
			// final", when the text opens "Chelsea goalkeeper X")
			if t := r.doc.Tokens[m.first-1]; !isCap(t.Text) && (strings.HasPrefix(t.POS, "JJ") || t.POS == "NN" || t.POS == "NNS") {
				continue // "sister Venus", "conventional Bluetooth"
			}
		}
		switch n := r.ltok(m.last); {
		case clubVerbs[n] || clubPeople[n] || r.theirAfter(m.last):
			team++
		case personVerbs[n]:
			person++
		}
	}
	if team <= person && match > 0 && r.sportText() && knownPlace(c.name) {
		// a town's name that a side faces or plays ("face Chelsea in
		// the final"): the club (a player named like a town is named
		// in full somewhere in the report)
		team += match
	}
	return team > person && r.sportText()
}

// theirAfter reports whether a verb follows the name that ends before
// token i and "their" or "themselves" follows within the clause ("X will
// renew their bid", "X failed to present themselves"): a side's.
func (r *resolver) theirAfter(i int) bool {
	if i >= len(r.doc.Tokens) {
		return false
	}
	if p := r.doc.Tokens[i].POS; p != "MD" && p != "VBD" && p != "VBZ" && p != "VBP" {
		return false
	}
	for k := i + 1; k <= i+4 && k < len(r.doc.Tokens); k++ {
		t := r.ltok(k)
		if t == "their" || t == "themselves" {
			return true
		}
		if t == "" || !isLetterByte(t[0]) {
			return false
		}
	}
	return false
}

// matchBefore are the words before a side that is played ("face X",
// "against X").
var matchBefore = set("face", "faces", "facing", "faced", "play", "plays", "playing", "against", "beat", "beats",
	"beating", "host", "hosts", "hosting", "v", "vs")

// clubCue reports whether the words around a mention first..last of a
// one-word name in a sports report make it a club's: a player's position
// after its possessive ("X's £9m striker") or before "of" ("the captain of
// X"), a plural noun of sides before it ("leaders X", "rivals X"), a
// transfer's words before it ("a move to X", "linked with X", "interest
// from X"), or a list of organisations (clubList).
func (r *resolver) clubCue(first, last int) bool {
	if n := r.possessiveAt(last); n > 0 {
		k := last + n
		for j := 0; j < 2 && clubPositionMods(r.ltok(k)); j++ {
			k++
		}
		return clubPositions[r.ltok(k)]
	}
	p := r.ltok(first - 1)
	if p == "of" && clubPositions[r.ltok(first-2)] || sidesBefore[p] || transferWords[p] && transferNouns[r.ltok(first-2)] {
		return true
	}
	return r.clubList(first, last)
}

// clubList reports whether the mention first..last is an item of a list
// of organisations: the other names of the list are organisations', and
// two of them or one named twice in the text ("Everton, X and
// Charlton", "Arsenal or X"); a person among them makes it a list of
// players, whose names the recogniser may type organisations (a line-up:
// "Subs: Hart, X").
func (r *resolver) clubList(first, last int) bool {
	orgs, named := r.orgList(first, last)
	return orgs >= 2 || orgs == 1 && named
}

// orgList reads the list that the mention first..last is an item of:
// orgs counts its other names, all organisations', and named reports
// whether one of them is named twice in the text; orgs is 0 if one is not
// an organisation's or the mention is no list item.
func (r *resolver) orgList(first, last int) (orgs int, named bool) {
	return r.typedList(first, last, ner.Org)
}

// typedList is orgList for the names of type typ; for LOCATION, places the
// gazetteer knows or placed in a country (not "Captain Corelli's Mandolin
// and X", a film the recogniser read as a place).
func (r *resolver) typedList(first, last int, typ ner.Type) (orgs int, named bool) {
	item := func(o *ment) bool {
		if o.c.typ != typ || typ == ner.Location && o.c.code == "" && !knownPlace(o.c.name) {
			return false
		}
		orgs++
		named = named || len(o.c.ments) > 1
		return true
	}
	for k, i := 0, first; k < 8; k++ {
		o := r.listItemBefore(i)
		if o == nil {
			break
		}
		if !item(o) {
			return 0, false
		}
		i = o.first
	}
	for k, i := 0, last; k < 8; k++ {
		o := r.listItemAfter(i)
		if o == nil {
			break
		}
		if !item(o) {
			return 0, false
		}
		i = o.last
	}
	return orgs, named
}

// listedOrg reports whether a person of one name word (nothing making it
// a person: a gender, a title, an honorific, a personal role) or a place
// the gazetteer does not know is an item of a list of three or more whose
// other names are all organisations' ("AEG, X and Frigidaire",
// "Codemasters, X and Rebellion"): a company, a band or a club the
// recogniser read as a person or a place.
func (r *resolver) listedOrg(c *cluster) bool {
	if c.typ == ner.Person && (len(c.toks) != 1 || c.gender != 0 || r.titled(c)) {
		return false
	}
	listed := false
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		if _, ok := text.Honorific(r.tok(m.first - 1)); ok || r.personAround(m.first, m.last) ||
			m.last-m.first < len(c.toks) && r.ltok(m.last-1) == c.toks[len(c.toks)-1] {
			return false // (the last: "Joss Stone ... Stone said", a surname alone)
		}
		if !listed {
			if orgs, _ := r.orgList(m.first, m.last); orgs >= 2 {
				listed = true
			}
		}
	}
	if !listed {
		return false
	}
	// (the gazetteer and the word model last: they cost more)
	if c.typ == ner.Location {
		return !knownPlace(c.name) && !continents[c.lname] && !ner.IsFirstName(firstWord(c.name))
	}
	// a word that names people ("Morrissey, X and Y": a singer among
	// bands)
	p, ok := orgProb(c.toks[0])
	return !ok || p >= listedPersonMax
}

// firstWord is s up to its first space.
func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// listedPersonMax is the organisation probability (orgProb) under which a
// listed one-word name stays a person's (listedOrg): singers, players and
// surnames score below it, companies and bands above.
const listedPersonMax = 0.1

// continents are no organisations in a list of them ("the Americas,
// Europe and Asia Pacific"), which the recogniser may type so.
var continents = set("europe", "asia", "africa", "america", "americas", "antarctica", "oceania", "australasia")

// listItemBefore returns the proper mention that ends before a list's
// comma, "and" or "or" right before token i (", and" too), nil if none.
func (r *resolver) listItemBefore(i int) *ment {
	switch r.ltok(i - 1) {
	case ",":
	case "and", "or":
		if r.ltok(i-2) == "," {
			i--
		}
	default:
		return nil
	}
	if !isCap(r.tok(i - 2)) {
		return nil
	}
	return r.properNear(-1 - (i - 1))
}

// listItemAfter returns the proper mention that starts after a list's
// comma, "and" or "or" at token i (", and" too), nil if none; not one
// with a possessive ("X, Liverpool's captain").
func (r *resolver) listItemAfter(i int) *ment {
	switch r.ltok(i) {
	case ",", "and", "or":
	default:
		return nil
	}
	if n := r.ltok(i + 1); n == "and" || n == "or" {
		i++
	}
	if !isCap(r.tok(i + 1)) {
		return nil
	}
	o := r.properNear(i + 1)
	if o == nil || r.possessiveAt(o.last) > 0 {
		return nil
	}
	return o
}

// properNear is properMent without building its index when no rule has:
// the list rules look up a few mentions, which a scan finds, up to
// maxNearScans of them.
func (r *resolver) properNear(k int) *ment {
	if r.properAt != nil || r.nearScans >= maxNearScans {
		return r.properMent(k)
	}
	r.nearScans++
	for _, m := range r.ments {
		if m.kind == Proper && m.c != nil && (k >= 0 && m.first == k || k < 0 && m.last == -1-k) {
			return m
		}
	}
	return nil
}

// maxNearScans is the number of scans properNear makes before it builds
// properMent's index (a long text has many lists).
const maxNearScans = 32

// clubPositionMods may stand between a club's possessive and a player's
// position ("X's £9m striker", "X's new captain"; 0xC2 starts "£" in
// UTF-8).
func clubPositionMods(t string) bool {
	return t != "" && (t[0] == 0xC2 || t[0] == '$' || t[0] >= '0' && t[0] <= '9' || t == "new" || t == "former" ||
		t == "record" || t == "first-choice" || t == "veteran" || t == "young")
}

var (
	// clubPositions are a club's players and people by their place in
	// the side (clubCue; not "coach", "manager" or "agent": a player's
	// own)
	clubPositions = set("striker", "strikers", "midfielder", "midfielders", "defender", "defenders", "goalkeeper",
		"keeper", "winger", "skipper", "captain", "squad", "fans", "supporters", "full-back", "centre-back",
		"fly-half", "scrum-half", "flanker", "prop", "hooker", "playmaker", "forward", "forwards", "academy")
	// sidesBefore are plural nouns of sides written before a club's
	// name ("Premiership leaders X")
	sidesBefore = set("leaders", "champions", "rivals", "holders", "giants", "strugglers", "hosts", "visitors",
		"opponents", "neighbours", "minnows")
	// transferWords and transferNouns: "a move to X", "interest from X",
	// "linked with X", "appearances for X"
	transferWords = set("to", "from", "with", "for")
	transferNouns = set("move", "switch", "transfer", "interest", "bid", "offer", "approach", "linked", "appearances",
		"signed", "signing", "loan")
)

var (
	// clubVerbs after a name make it a team's ("Chelsea have won"; not
	// teamVerbs' bare forms: "saw Harris lead the attack")
	clubVerbs = set("have", "are", "were")
	// personVerbs after a name make it one person's ("Cole has")
	personVerbs = set("has", "is", "was", "himself", "herself")
	// clubPeople after a name are a club's ("Bath coach John Smith")
	clubPeople = set("boss", "manager", "coach", "chairman", "owner", "fans", "supporters", "squad", "team",
		"players", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "skipper", "captain",
		"prop", "flanker", "fly-half", "scrum-half", "hooker", "lock", "number", "full-back", "centre", "wing")
)

// personalRoles are the titles held as often for a person as in a body:
// "a spokesman of Tsvangirai", "an aide of Berlusconi" name no
// organisation (orgVote). (Not "manager", "officer", "editor": "the
// general manager of Petofi" is the club's.)
var personalRoles = set("spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "envoy",
	"attorney", "counsel", "deputy", "candidate", "nominee", "negotiator", "strategist")

// townAsOrg reports whether an organisation's name is a known place's
// written more often after "in", "near" or "outside" than as a body
// ("the conference in Blackpool"; not the club in "Leeds beat Chelsea",
// "moved from Nantes", nor "Blackpool said"): the recogniser types towns
// organisations in political stories, where they stand for conference
// venues and seats.
func (r *resolver) townAsOrg(c *cluster) bool {
	if c.legal || isAcronym(c.name) {
		return false
	}
	place, body := 0, 0
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		if r.placeAfterIn(m.first, m.last) || r.ltok(m.first-1) == "of" && placeOf[r.ltok(m.first-2)] {
			// (not "to" or "from": a club's "moved from Nantes to Lyon";
			// "the Eastfield area of Darlington", "the outskirts of")
			place++
		} else if r.acronymUse(m.first, m.last) == 'o' {
			body++
		} else if r.besidePlace(m.first, m.last) || r.townThenRegion(m.last) {
			// "will move to Birmingham and Newcastle", "Decatur,
			// Ill.-based"
			place++
		}
	}
	// (the gazetteer last: its tables are cold)
	return place > body && knownPlace(c.name)
}

// placeOfBody reports whether an organisation's or a person's name is the
// place part of a body the text names ("Hamilton" beside "Hamilton City
// Council", "Leeds" beside "University of Leeds"), and no mention of it
// acts as a body or a person does (a subject, "Hamilton said", "Hamilton
// approved"; "Hamilton's plan", "Hamilton councillors"): the recogniser
// types the place as the body.
func (r *resolver) placeOfBody(c *cluster) bool {
	if c.legal || isAcronym(c.name) || len(c.toks) > 3 {
		return false
	}
	if !r.bodyPlace(c) {
		return false
	}
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		if r.possessiveAt(m.last) > 0 || r.acronymUse(m.first, m.last) == 'o' || bodyMembers[r.ltok(m.last)] || r.contestAt(m.first) {
			return false
		}
		if m.last < len(r.doc.Tokens) && r.clauseStartAt(m.first) {
			// (a subject; not "homes for Hamilton get approval")
			switch r.doc.Tokens[m.last].POS {
			case "VBD", "VBZ", "VBP", "MD":
				return false
			}
		}
	}
	return true
}

// contestAt reports whether the words before the name at token i make it
// a side, a club or a university rather than its place: an opponent
// ("beat Hamilton", "against Surrey", "Celtic v Hamilton", "a win over
// Kent"), a club one plays or signs for ("signed for Surrey", "joined
// Kent"), a university one studies at or a ranking ranks ("students at
// Leeds", "ranked Warwick first").
func (r *resolver) contestAt(i int) bool {
	p := r.ltok(i - 1)
	switch {
	case contestWords[p]:
		return true
	case p == "over":
		return winWords[r.ltok(i-2)]
	case p == "for":
		return sideVerbs[r.ltok(i-2)]
	case p == "at":
		return studyWords[r.ltok(i-2)]
	}
	return false
}

var (
	contestWords = set("beat", "beats", "beaten", "beating", "defeat", "defeats", "defeated", "defeating",
		"against", "v", "v.", "vs", "vs.", "versus", "joined", "joins", "join", "joining", "ranked", "ranks", "rank")
	winWords   = set("win", "wins", "victory", "victories", "triumph", "lead", "edge", "advantage")
	sideVerbs  = set("signed", "signs", "sign", "signing", "played", "plays", "play", "playing", "scored", "scores", "scoring", "bowled", "bowling", "batted", "batting", "debut", "appearances", "captained")
	studyWords = set("students", "student", "studied", "studies", "study", "studying", "lecturer", "lecturers",
		"professor", "professors", "researchers", "researcher", "graduate", "graduated", "academics", "staff")
)

// bodyPlace reports whether c's name is the place part of an
// organisation's name the text writes ("Hamilton" of "Hamilton City
// Council"; before "Council" alone, a place the gazetteer knows).
func (r *resolver) bodyPlace(c *cluster) bool {
	if !r.bodyPlacesRead {
		// the place parts of the organisations' names, once (the tails
		// and heads are two words: no string is built unless one matches)
		r.bodyPlacesRead = true
		put := func(toks []string, kind byte, keep bool) {
			if r.bodyPlaces == nil {
				r.bodyPlaces = map[string]byte{}
			}
			k := strings.Join(toks, " ")
			if _, ok := r.bodyPlaces[k]; !ok || !keep {
				r.bodyPlaces[k] = kind
			}
		}
		for _, o := range r.clusters {
			n := len(o.toks)
			if o.into != nil || o.typ != ner.Org || n < 2 {
				continue
			}
			switch {
			case n > 2 && placeBodyTails[o.toks[n-2]+" "+o.toks[n-1]]:
				put(o.toks[:n-2], 't', false)
			case n > 2 && placeBodyHeads[o.toks[0]+" "+o.toks[1]]:
				put(o.toks[2:], 'h', false)
			case o.toks[n-1] == "council":
				// "X Council" when X is a known place
				put(o.toks[:n-1], 'c', true)
			}
		}
	}
	if len(r.bodyPlaces) == 0 {
		return false
	}
	r.keyBuf = r.keyBuf[:0]
	for k, t := range c.toks {
		if k > 0 {
			r.keyBuf = append(r.keyBuf, ' ')
		}
		r.keyBuf = append(r.keyBuf, t...)
	}
	switch r.bodyPlaces[string(r.keyBuf)] {
	case 0:
		return false
	case 'c':
		return knownPlace(c.name)
	}
	return true
}

// bodyMembers are the nouns after a name that make it stand for a body,
// not its place ("Warwick students", "the Surrey team": placeOfBody).
var bodyMembers = set("student", "students", "team", "teams", "researcher", "researchers", "scientist", "scientists",
	"academic", "academics", "staff", "professor", "professors", "graduate", "graduates", "undergraduates",
	"councillor", "councillors", "official", "officials", "officer", "officers", "spokesman", "spokeswoman",
	"spokesperson", "leader", "leaders", "chief", "boss", "bosses", "squad", "players", "fans", "side",
	"captain", "skipper", "coach", "manager", "player", "bowler", "bowlers", "batsman", "batter", "striker",
	"goalkeeper", "keeper", "midfielder", "defender", "supporters", "lecturer", "lecturers", "alumni",
	"alumnus", "vice-chancellor", "chancellor", "president", "dons")

// placeBodyTails end a body named after its place ("X City Council");
// placeBodyHeads begin one ("University of X").
var (
	placeBodyTails = set("city council", "county council", "borough council", "district council", "town council",
		"regional council", "municipal council", "city hall", "city government", "county government")
	placeBodyHeads = set("university of", "city of", "county of", "borough of", "municipality of")
)

// townAsPerson reports whether a person named by one word only (no first
// name, gender or title) is a known town that the text only ever uses as
// a place: after "in", "near" or "outside", as what a mayor, council or
// city is "of" ("The council in Hamilton approved", "the mayor of
// Hamilton"), or in a list of places ("Kensington and Hamilton"), or a town the gazetteer need not know that a comma and its
// region follow ("Carver, Mass.", "Ashdown, Ohio"): the recogniser
// reads surnames that are towns as people.
// Not "in Hamilton's absence", "a stake in Hamilton", nor a name also
// used as a person ("Hamilton said").
func (r *resolver) townAsPerson(c *cluster) bool {
	if len(c.toks) != 1 || c.gender != 0 || r.titled(c) {
		return false
	}
	place, region := 0, 0
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		if _, ok := text.Honorific(r.tok(m.first - 1)); ok {
			return false
		}
		if r.townThenState(m.last) {
			// "based in Carver, Mass.", "its plant in Ashdown,
			// Ohio", "the Carver, Mass.-based firm"
			region++
			continue
		}
		if r.placeAfterIn(m.first, m.last) || r.ltok(m.first-1) == "of" && townHeads[r.ltok(m.first-2)] && r.possessiveAt(m.last) == 0 {
			place++
			continue
		}
		if n, _ := r.typedList(m.first, m.last, ner.Location); n > 0 && r.possessiveAt(m.last) == 0 {
			// "Kensington and X", "in Leeds, Hull and X": a list of
			// places
			place++
			continue
		}
		return false
	}
	return region > 0 || place > 0 && knownPlace(c.name)
}

// townThenState reports whether the tokens from i are a comma and a
// region: townThenRegion's abbreviation or modifier, or a region's name
// ("Ashdown, Ohio") that no comma follows (not a list: "Essex, Kent,
// Surrey").
func (r *resolver) townThenState(i int) bool {
	if r.townThenRegion(i) {
		return true
	}
	if r.tok(i) != "," || !isCap(r.tok(i+1)) || r.tok(i+2) == "," || r.tok(i+2) == "and" || isCap(r.tok(i+2)) ||
		isAcronym(r.tok(i-1)) {
		// (not a list, nor a longer name: "Leeds, Manchester United")
		return false
	}
	return len(geo.RegionsByName(r.tok(i+1))) > 0
}

// placeAfterIn reports whether the mention of tokens [first, last) is
// written as a place: after "in", "near" or "outside" (townAsOrg,
// townAsPerson); not "in Liverpool's win", "a stake in Toyota", nor "in"
// after a word that takes a person or body there ("trust in Hamilton",
// "brought in Hamilton as coach").
func (r *resolver) placeAfterIn(first, last int) bool {
	p := r.ltok(first - 1)
	if p != "in" && p != "near" && p != "outside" || r.possessiveAt(last) != 0 {
		return false
	}
	w := r.ltok(first - 2)
	return !holdingNouns[w] && !trustNouns[w]
}

// trustNouns are the words whose "in" takes a person or a body, not a
// place: "faith in Jackson", "an ally in Lincoln", "brought in Hamilton"
// (placeAfterIn).
var trustNouns = set("faith", "trust", "confidence", "belief", "believe", "believes", "believed", "believing",
	"ally", "allies", "successor", "replacement", "rival", "partner", "talent", "brought", "bring", "brings",
	"bringing", "drafted", "draft")

// townHeads are the nouns whose "of" names a town (townAsPerson).
var townHeads = set("mayor", "city", "town", "council", "suburbs", "outskirts", "centre", "center", "streets", "residents", "people")

// townThenRegion reports whether the tokens from i are a comma and a
// first-level region's abbreviation or a modifier's name ("Decatur,
// Ill.", "Decatur, Illinois-based"): the name before is a town there.
func (r *resolver) townThenRegion(i int) bool {
	if r.tok(i) != "," {
		return false
	}
	t := r.tok(i + 1)
	if !isCap(t) {
		return false
	}
	if cut := hyphenTail(t); cut > 0 {
		t = cutText(t, cut)
	} else if t[len(t)-1] != '.' {
		// (a state's abbreviation or a "-based" modifier only: "Essex,
		// Kent" lists county sides)
		return false
	}
	return len(geo.RegionsByName(t)) > 0
}

// besidePlace reports whether the name toks[first:last] is joined by "and"
// or "or" to a town the gazetteer knows ("Birmingham and Newcastle",
// "Newcastle or Leeds" with Leeds a place).
func (r *resolver) besidePlace(first, last int) bool {
	before, after := r.ltok(first-1), r.ltok(last)
	if before != "and" && before != "or" && after != "and" && after != "or" {
		return false
	}
	r.placedTowns()
	return (before == "and" || before == "or") && r.placeEnds[first-1] ||
		(after == "and" || after == "or") && r.placeEnds[-1-(last+1)]
}

// lawApposition reports an apposition that calls the name before token i
// an agreement: ", the 2015 accord", ", a nuclear deal".
func (r *resolver) lawApposition(i int) bool {
	if r.tok(i) != "," {
		return false
	}
	j := i + 1
	if d := r.ltok(j); d == "the" || d == "a" || d == "an" {
		j++
	}
	for k := j; k < j+4 && k < len(r.doc.Tokens); k++ {
		l := r.ltok(k)
		if lawHeads[l] || l == "deal" {
			return true
		}
		if l == "," || l == "." || isCap(r.tok(k)) && !isDigitStart(r.tok(k)) {
			return false
		}
	}
	return false
}

func isDigitStart(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func knownPlace(name string) bool {
	if _, ok := geo.CountryByName(name); ok {
		return true
	}
	if _, ok := geo.CityByName(name); ok {
		return true
	}
	return len(geo.RegionsByName(name)) > 0
}

// acronymUse reads the words around a name: 'l' for an agreement ("under
// the X", "violation of the X"), 'o' for a body ("X said", "members of
// the X"), 'p' for a place ("in the X"), 0 when they say nothing.
func (r *resolver) acronymUse(first, last int) byte {
	j := first - 1
	if l := r.ltok(j); l == "the" {
		j--
	}
	prev := r.ltok(j)
	switch {
	case lawVerbs[prev] || prev == "under" && r.possessiveAt(last) == 0:
		return 'l'
	case locPreps[prev]:
		return 'p'
	case prev == "of" || prev == "from" || prev == "with" || prev == "by" || prev == "to":
		w := r.ltok(j - 1)
		if lawPairs[w+" "+prev] {
			return 'l'
		}
		if (w == "members" || w == "member" || w == "membership") && prev == "of" {
			return 'o'
		}
	}
	next := r.ltok(last)
	if r.possessiveAt(last) > 0 {
		next = r.ltok(last + r.possessiveAt(last))
	}
	if orgNext[next] {
		return 'o'
	}
	return 0
}

var (
	lawHeads = set("act", "treaty", "accord", "accords", "agreement", "convention", "protocol", "charter",
		"amendment", "pact", "directive")
	// lawVerbs take an agreement as their object ("violated the NPT")
	lawVerbs = set("violate", "violates", "violated", "violating", "breach", "breaches", "breached", "breaching",
		"sign", "signs", "signed", "signing", "ratify", "ratifies", "ratified", "ratifying", "rejoin", "rejoins",
		"rejoined", "rejoining", "revive", "revives", "revived", "reviving", "implement", "implements",
		"implemented", "implementing", "renegotiate", "renegotiated", "scrap", "scrapped", "repeal", "repealed",
		"amend", "amended", "abrogate", "abrogated", "quit")
	// lawPairs, a word and a preposition, take an agreement ("violation
	// of the X", "withdrew from the X")
	lawPairs = set("violation of", "violations of", "breach of", "breaches of", "implementation of",
		"ratification of", "revival of", "terms of", "provisions of", "withdrawal from", "exit from",
		"withdraw from", "withdrew from", "withdrawn from", "withdrawing from", "withdraws from", "exited from",
		"compliance with", "non-compliance with", "comply with", "complied with", "complying with",
		"complies with", "abide by", "abided by", "abiding by", "abides by", "adhere to", "adhered to",
		"adhering to", "parties to", "party to", "signatories to", "signatory to", "return to", "returned to",
		"returning to")
	locPreps = set("in", "at", "near", "across", "into", "inside", "outside", "throughout", "around")
	orgNext  = set("said", "says", "announced", "spokesman", "spokeswoman", "spokesperson", "chief", "members",
		"member", "secretary-general", "summit", "officials", "official", "headquarters", "chairman", "leadership")
)

// entities turns the clusters into the result, with salience.
func (r *resolver) entities() []Entity {
	nSent := len(r.doc.Sentences)
	if nSent == 0 {
		nSent = 1
	}
	for i, c := range r.clusters {
		c.idx = i
	}
	live := func(c *cluster) (int, bool) {
		return c.idx, c.idx < len(r.clusters) && r.clusters[c.idx] == c
	}
	scores := make([]float64, len(r.clusters))
	firstSent := make([]int, len(r.clusters))
	count := make([]int, len(r.clusters))
	for i := range firstSent {
		firstSent[i] = nSent
	}
	for _, m := range r.ments {
		i, ok := live(m.c)
		if !ok {
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
		if m.sent < firstSent[i] {
			firstSent[i] = m.sent
		}
		scores[i] += w
		count[i]++
	}
	total := 0.0
	for i, c := range r.clusters {
		// the headline and lead sentence count most
		scores[i] *= 1 + 1.5/(1+float64(firstSent[i]))
		if c.typ == ner.Person {
			scores[i] *= 1.2
		}
		total += scores[i]
	}
	out := make([]Entity, len(r.clusters))
	for i, c := range r.clusters {
		out[i] = Entity{Name: displayName(c.name), Type: c.typ, CountryCode: c.code, Region: c.region, Location: c.loc, Roles: c.roles, Gender: c.gender}
		if total > 0 {
			out[i].Salience = scores[i] / total
		}
		if count[i] > 0 {
			out[i].Mentions = make([]Mention, 0, count[i])
		}
	}
	// r.ments is sorted by position: the same span twice is adjacent
	for _, m := range r.ments {
		i, ok := live(m.c)
		if !ok {
			continue
		}
		e := &out[i]
		if n := len(e.Mentions); n > 0 && e.Mentions[n-1].Span == m.span {
			continue
		}
		e.Mentions = append(e.Mentions, Mention{Span: m.span, Kind: m.kind})
	}
	// a stable sort by salience of the kept entities' indexes (moving
	// ints, not Entity values), then the entities in that order
	order := make([]int32, 0, len(out))
	for i := range out {
		if len(out[i].Mentions) > 0 {
			order = append(order, int32(i))
		}
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(out[b].Salience, out[a].Salience) })
	keep := make([]Entity, len(order))
	for k, i := range order {
		keep[k] = out[i]
	}
	return keep
}
