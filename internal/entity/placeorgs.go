package entity

import (
	"strings"

	"github.com/lector-nlp/lector/internal/geo"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// The recogniser learnt its types from CoNLL-2003, where an English town
// is mostly a football club: in a council, election or business story it
// types "Middlesbrough mayor Jo Price", "at Sunderland station", "a
// farm in Somerset" or "Bromsgrove, Worcestershire" an organisation, and
// the place gets no country and no coordinates. placeAsOrg gives such a
// name back to the places when the text has no sport in it (sportText)
// and its mentions are written as a place more often than as a body.

// placeAsOrg reports whether an organisation's name is a town, county or
// region the gazetteer knows (not a country: an organisation named as a
// country is its team or government) that the text, which is not a sports
// report, writes as a place more often than as a body (placeUse,
// bodyUse), and at least once as a place.
func (r *resolver) placeAsOrg(c *cluster) bool {
	if c.legal || isAcronym(c.name) || len(c.toks) > 3 {
		return false
	}
	place, body := 0, 0
	for _, m := range c.ments {
		if m.kind != Proper {
			continue
		}
		switch {
		case r.bodyUse(m.first, m.last):
			body++
		case r.placeUse(c, m.first, m.last):
			place++
		}
	}
	if place == 0 || place <= body || r.sportText() {
		return false
	}
	// (the gazetteer last: its tables are cold)
	if _, ok := r.countryByName(c.name); ok {
		return false
	}
	return knownPlace(c.name)
}

// placeUse reports whether the mention of tokens [first, last) is written
// as a place: after "in", "at", "from", "near", ... ("at Sunderland
// station", "a singer from Devon"; not "a stake in", "a former chief
// executive at"), after "visit to", "moved to"; before a noun that a place
// has ("Middlesbrough mayor", "its Durham headquarters", "the Sheffield
// seat", "a Devon man", "Glasgow band", "the Milan stock exchange");
// before a comma and a country or region ("Lockerbie, Scotland"); a
// county after a town and a comma ("Bromsgrove, Worcestershire"); beside
// a placed town by "and" or "or" (besidePlace).
func (r *resolver) placeUse(c *cluster, first, last int) bool {
	poss := r.possessiveAt(last)
	p, p2 := r.ltok(first-1), r.ltok(first-2)
	switch {
	case poss > 0:
	case placePreps[p]:
		return !holdingNouns[p2] && !trustNouns[p2] && !titleHeads[p2] && !workNouns[p2]
	case p == "the" && placePreps[p2] && p2 != "at" && p2 != "from" && !r.nounAt(last):
		// "in the Midlands", "across the Midlands" (not "at the
		// Treasury", "staff from the Hilton", nor a modifier: "in the
		// Newton business"); a town takes no "the" but in its name
		// ("in The Hague"): "third in the Derby", "savers in the
		// Halifax" are a race and a bank
		if r.tok(first-1) == "the" && townOnly(c) {
			return false
		}
		return !holdingNouns[r.ltok(first-3)] && !trustNouns[r.ltok(first-3)] && !titleHeads[r.ltok(first-3)] && !workNouns[r.ltok(first-3)]
	case p == "to":
		// "a visit to Sheffield", "the London to Brighton service"
		return moveWords[p2] || r.placedEnd(first-1)
	case p == ",":
		// "Cardiff, Bangor, Aberystwyth and Wrexham", with Cardiff placed
		switch r.tok(last) {
		case ",", "and", "or", ".", ";", ")":
			// (a list's item; not "In London, Brent crude")
			if r.placedEnd(first-1) && !r.bodyNext(last) {
				return true
			}
		}
	case p == "of" && townHeads[p2]:
		return true
	}
	if poss == 0 {
		n := r.ltok(last)
		if (n == "no" || n == "yes") && (r.ltok(last+1) == "campaign" || r.ltok(last+1) == "campaigner" || r.ltok(last+1) == "campaigners") {
			// "Sunderland No campaigner Ann Holt"
			return true
		}
		if placeHeads[n] || n == "chief" && r.ltok(last+1) == "constable" || r.hostAfter(last) {
			// (its police: "Suffolk Chief Constable")
			return true
		}
		if n == "," && r.placedStart(last+1) && (r.tok(first-1) != "," || !r.bodyAt(first-2)) {
			// "Blackpool, Bournemouth and Brighton", with Brighton placed
			return true
		}
		if n == "headquarters" || n == "hq" || n == "office" || n == "offices" {
			// "its Durham headquarters" (not "Delta headquarters said")
			d := r.ltok(first - 1)
			return d == "its" || d == "their" || d == "his" || d == "her" || r.possessiveAt(first-1) > 0 || r.possessiveAt(first-2) > 0
		}
		if n == "stock" && (r.ltok(last+1) == "market" || r.ltok(last+1) == "exchange") {
			// "the Milan stock exchange"
			return true
		}
		if n == "," && isCap(r.tok(last+1)) && r.possessiveAt(last+2) == 0 && r.isPlaceName(r.tok(last+1)) && !r.townListGoesOn(last+1) {
			// "over Lockerbie, Scotland" (not a list of towns, some of
			// them districts: "Leeds, Bradford and Ipswich")
			return true
		}
		if r.townThenCounty(c, first, last) {
			return true
		}
	}
	return r.besidePlace(first, last)
}

// townOnly reports whether c's name is a city or town of the gazetteer
// (a unitary authority too: "Derby") and no country or informal region.
func townOnly(c *cluster) bool {
	if _, ok := informalRegions[c.lname]; ok {
		return false
	}
	if _, ok := geo.CityByName(c.name); !ok {
		return false
	}
	_, ok := geo.CountryByName(c.name)
	return !ok
}

// nounAt reports whether token i is a noun or a capitalised word (the
// name before it is then a modifier or part of a longer name).
func (r *resolver) nounAt(i int) bool {
	if i < 0 || i >= len(r.doc.Tokens) {
		return false
	}
	return strings.HasPrefix(r.doc.Tokens[i].POS, "NN") || isCap(r.doc.Tokens[i].Text)
}

// hostAfter reports whether the words from token i say that what comes
// before hosts something: "Glasgow hosts the final", "Leeds will host the
// games" (as a town does); not a name, as a club hosts its rivals in a
// sports report ("Bolton hosted Arsenal").
func (r *resolver) hostAfter(i int) bool {
	switch r.ltok(i) {
	case "hosts", "hosted":
		return !isCap(r.tok(i + 1))
	case "will", "would", "is", "was", "to", "could":
		n := r.ltok(i + 1)
		return (n == "host" || n == "hosting") && !isCap(r.tok(i+2))
	}
	return false
}

// townListGoesOn reports whether the name at token i is a town the
// gazetteer knows that a list goes on after: "and", "or", or a comma and
// a capitalised word ("Leeds, Bradford and Ipswich"; a list of counties
// goes on as places: "Nottinghamshire, Derbyshire, Leicestershire").
func (r *resolver) townListGoesOn(i int) bool {
	if _, ok := geo.CityByName(r.tok(i)); !ok {
		return false
	}
	switch r.tok(i + 1) {
	case "and", "or", "&":
		return true
	case ",":
		return isCap(r.tok(i + 2))
	}
	return false
}

// placedEnd reports whether token i is right after a proper mention of a
// town the gazetteer placed ("London" before "to Brighton"); placedStart,
// whether one starts at token i. They read besidePlace's index of placed
// towns, built here when besidePlace has not yet.
func (r *resolver) placedEnd(i int) bool {
	r.placedTowns()
	return r.placeEnds[i]
}

func (r *resolver) placedStart(i int) bool {
	r.placedTowns()
	return r.placeEnds[-1-i]
}

// bodyNext reports whether the list item after the name that ends before
// token i (after a comma, "and" or "or") is an organisation's name that
// the gazetteer does not know: "Miami, Syracuse, Boston College" lists
// universities, not towns.
func (r *resolver) bodyNext(i int) bool {
	switch r.ltok(i) {
	case ",", "and", "or":
	default:
		return false
	}
	i++
	if r.ltok(i) == "and" || r.ltok(i) == "or" {
		// (", and")
		i++
	}
	m := r.properMent(i)
	return m != nil && m.c.typ == ner.Org && !knownPlace(m.c.name)
}

// bodyAt reports whether a proper mention ends at token i (the list item
// before a comma) and is an organisation's name the gazetteer does not
// know.
func (r *resolver) bodyAt(i int) bool {
	m := r.properMent(-1 - (i + 1))
	return m != nil && m.c.typ == ner.Org && !knownPlace(m.c.name)
}

// properMent returns the proper mention that starts at token k (k >= 0)
// or whose last token is the one before -1-k (k < 0), nil if none.
func (r *resolver) properMent(k int) *ment {
	if r.properAt == nil {
		r.properAt = make(map[int]*ment, 2*len(r.ments))
		for _, m := range r.ments {
			if m.kind == Proper && m.c != nil {
				r.properAt[m.first] = m
				r.properAt[-1-m.last] = m
			}
		}
	}
	return r.properAt[k]
}

// placedTowns builds r.placeEnds if it is not built: the known places'
// proper mentions by first token (-1-first) and by the token after their
// last, for besidePlace and the town lists of entity.go.
func (r *resolver) placedTowns() {
	if r.placeEnds != nil {
		return
	}
	r.placeEnds = map[int]bool{}
	for _, o := range r.clusters {
		if o.typ != ner.Location || o.loc == nil && cities(o.alts) == 0 {
			// (towns only: "Newcastle and England striker Alan Shearer"
			// names the club, "Kent and Somerset" the county sides)
			continue
		}
		for _, m := range o.ments {
			if m.kind == Proper {
				r.placeEnds[m.last] = true
				r.placeEnds[-1-m.first] = true
			}
		}
	}
}

// townThenCounty reports whether the mention [first, last) is a county or
// region after a town and a comma, ending a phrase ("Hartpury,
// Gloucestershire, said", "in Chatham, Kent."), not one of a list of
// names ("Hyundai, Toyota, Suzuki").
func (r *resolver) townThenCounty(c *cluster, first, last int) bool {
	if r.tok(first-1) != "," || !isCap(r.tok(first-2)) {
		return false
	}
	n := r.tok(last)
	if n == "and" || n == "or" || isCap(n) {
		return false
	}
	if n == "," && isCap(r.tok(last+1)) {
		return false
	}
	if last < len(r.doc.Tokens) && len(r.doc.Tokens[last].POS) > 1 && r.doc.Tokens[last].POS[:2] == "NN" {
		// a modifier of a noun: "In London, Brent crude fell"
		return false
	}
	if len(geo.RegionsByName(c.name)) == 0 {
		// a town after a town ("Headingley, Leeds;"): a list's comma
		// follows a list's name, so only a stop or a lower-case word
		return n == "." || n == ";" || n != "," && n != "" && !isCap(n) && isLetterByte(n[0])
	}
	return true
}

// bodyUse reports whether the mention [first, last) acts as a body: the
// subject of a verb ("Orange said", "Kent is likely"), before "said",
// "spokesman", "chief", "shares" (orgNext), before its members ("Surrey
// team", "Sunderland supporters"), before "and others" ("chips from
// Hitachi and others"), or a side in a contest ("beat Leeds").
func (r *resolver) bodyUse(first, last int) bool {
	n := r.ltok(last)
	if r.possessiveAt(last) > 0 {
		n = r.ltok(last + r.possessiveAt(last))
	}
	if (n == "said" || n == "says") && placePreps[r.ltok(first-1)] {
		// "a commuter from Durham said": the commuter says it
		return false
	}
	if n == "and" && (r.ltok(last+1) == "others" || r.ltok(last+1) == "other") {
		// "chips from Hitachi and others": one of the firms
		return true
	}
	if n == "chief" && r.ltok(last+1) == "constable" || r.hostAfter(last) {
		// (a town hosts: "Glasgow hosts the benefit gig")
		return false
	}
	if orgNext[n] && n != "headquarters" || bodyMembers[n] || bodyNouns[n] || r.contestAt(first) {
		return true
	}
	if n == "," && r.possessiveAt(last) == 0 && r.bodyApposition(last+1) {
		// "Halifax, the UK's biggest mortgage lender,"
		return true
	}
	if last < len(r.doc.Tokens) && r.possessiveAt(last) == 0 && r.clauseStartAt(first) {
		switch r.doc.Tokens[last].POS {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// bodyApposition reports whether the tokens from i are an apposition
// that names a firm or a club: "the", "a" or "an" and, before the next
// comma or stop and within eight words, a noun such as lender, bank,
// firm, carrier or club ("the UK's biggest mortgage lender").
func (r *resolver) bodyApposition(i int) bool {
	switch r.ltok(i) {
	case "the", "a", "an":
	default:
		return false
	}
	for j := i + 1; j < i+9 && j < len(r.doc.Tokens); j++ {
		t := r.ltok(j)
		if appositionBodies[t] {
			return true
		}
		switch t {
		case ",", ".", ";", ":", "(", ")", "and", "or", "which", "who", "that":
			return false
		}
	}
	return false
}

// sportText reports whether the document reads as a sports report: a word
// of sport alone ("football", "striker", "relegated", "wickets"), or two
// words that sport uses ("league", "match", "season") or score lines
// ("2-1", not a range of days). Read once per document.
func (r *resolver) sportText() bool {
	if r.sportRead {
		return r.sport
	}
	r.sportRead = true
	hits := 0
	seen := "" // the first word that sport shares (two are needed)
	for i := range r.doc.Tokens {
		t := r.ltok(i)
		switch {
		case sportStrong[t]:
			hits += 2
		case sportWords[t] || scoreLine(t) && !months[r.ltok(i+1)] && !months[r.ltok(i-1)]:
			// (not a range of days: "from 24-26 June")
			if t == seen {
				continue
			}
			seen = t
			hits++
		}
		if hits >= 2 {
			r.sport = true
			break
		}
	}
	if !r.sport {
		r.sport = r.teamSubject()
	}
	return r.sport
}

// teamSubject reports whether a town or county the recogniser typed an
// organisation opens a clause with a verb in the plural, as British
// reports write a team ("Wigan have won promotion", "Everton have agreed
// a fee", "Surrey go to Durham"), not a town or a council ("Leeds is").
// (Not after "and" or "or": "Paris and London are".)
func (r *resolver) teamSubject() bool {
	for _, m := range r.ments {
		if m.kind != Proper || m.c == nil || m.c.typ != ner.Org || !teamVerbs[r.ltok(m.last)] {
			continue
		}
		if p := r.ltok(m.first - 1); p == "and" || p == "or" || !r.clauseStartAt(m.first) {
			continue
		}
		if len(m.c.toks) <= 3 && !m.c.legal && knownPlace(m.c.name) {
			return true
		}
	}
	return false
}

// scoreLine accepts "2-1", "10-0": one or two digits each side of a
// hyphen.
func scoreLine(t string) bool {
	h := -1
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == '-':
			if h >= 0 {
				return false
			}
			h = i
		case c < '0' || c > '9':
			return false
		}
	}
	return h >= 1 && h <= 2 && len(t)-h-1 >= 1 && len(t)-h-1 <= 2
}

var (
	// placePreps take a place after them (placeUse)
	placePreps = set("in", "at", "from", "near", "outside", "around", "across", "throughout", "inside")
	// moveWords take a place after "to": "a visit to Sheffield"
	moveWords = set("visit", "visits", "visited", "visiting", "trip", "trips", "travel", "travelled", "traveled",
		"travelling", "moved", "move", "moving", "moves", "return", "returned", "returning", "went", "go", "going",
		"goes", "came", "come", "comes", "coming", "flew", "fly", "flying", "drove", "drive", "journey", "route",
		"way", "relocate", "relocated", "relocating", "spread", "heading", "headed", "back")
	// workNouns are the words whose "at" or "from" takes an employer:
	// "a former chief executive at Santander", "staff at Halifax"
	workNouns = set("staff", "workers", "worker", "employee", "employees", "job", "jobs", "analysts", "colleague",
		"colleagues", "shareholders", "shareholder", "payment", "payments", "loan", "loans", "bid", "offer",
		"deal", "stake", "stint", "spell", "career", "talks", "sponsorship", "money", "funding", "economist",
		"economists", "customers", "customer", "figures", "data", "survey", "managers", "executives")
	// appositionBodies are the nouns of an apposition that make the name
	// before it a body (bodyApposition)
	appositionBodies = set("lender", "lenders", "bank", "banks", "firm", "company", "group", "retailer", "chain",
		"airline", "carrier", "operator", "insurer", "maker", "manufacturer", "builder", "brewer", "supermarket",
		"club", "side", "team", "subsidiary", "conglomerate", "giant", "provider", "publisher", "broadcaster")
	// placeHeads are the nouns after a name that make it a place: its
	// mayor, station, seat or people ("Middlesbrough mayor", "a Devon
	// man", "Leeds band Kaiser Chiefs")
	placeHeads = set("mayor", "mayoral", "council", "councils", "station", "airport", "airports", "hospital", "bourse",
		"seat", "seats", "constituency", "constituencies", "by-election", "home", "farm", "village",
		"countryside", "hometown", "residents", "resident", "man", "woman", "men", "women", "boy", "girl",
		"family", "families", "couple", "nurse", "pensioner", "pensioners", "campaigner", "campaigners",
		"voters", "mp", "mps", "singer", "diva", "band", "group", "police", "constabulary", "festival",
		"theatre", "area", "streets", "suburb", "suburbs", "schools", "estate", "coast", "seafront",
		"town", "city", "villages", "born", "festivals", "conference", "gig", "gigs", "concert", "floods",
		"based")
	// bodyNouns after a name make it a body, a firm or a club (bodyUse)
	bodyNouns = set("supporter", "shares", "share", "shareholder", "shareholders", "board", "director", "directors",
		"sales", "profits", "profit", "brand", "brands", "subsidiary", "executive", "executives", "employees",
		"analyst", "analysts", "stand", "studios", "consortium", "index", "figures")
	// sportStrong are the words of sport alone (sportText): one makes a
	// sports report
	sportStrong = set("football", "footballer", "footballers", "soccer", "rugby", "cricket",
		"striker", "strikers", "midfielder", "defender", "goalkeeper", "winger", "relegated", "relegation",
		"wicket", "wickets", "innings", "batsman", "bowler", "half-time", "kick-off", "referee", "play-off",
		"baseball", "basketball", "hockey", "inning", "pitcher", "standings", "quarterback", "touchdown", "nba",
		"nfl", "nhl", "mlb", "fly-half", "scrum", "scrum-half", "equaliser", "goalless", "unbeaten", "fixture",
		"fixtures", "semi-final", "quarter-final", "athletics", "uefa", "overs", "bowled", "golfer", "cyclist",
		"racecourse")
	// sportWords are words of sport that other stories use too: two
	// different ones, or score lines, make a sports report
	sportWords = set("league", "scored", "scorer", "club", "clubs", "squad", "tournament", "championship", "match",
		"goal", "goals", "season", "playoff", "olympic", "olympics", "tennis", "golf", "coach", "stadium", "cup",
		"premiership", "players", "injury", "champions", "captain", "medal", "promotion", "fee", "medical", "trophy")
)

// teamVerbs are the plural verbs a team's name takes (teamSubject).
var teamVerbs = set("have", "are", "were", "want", "need", "face", "host", "play", "lead", "trail", "go", "travel")

// months are the month names and their short forms, lower-cased, without
// a stop ("jan", not "jan.").
var months = set(text.MonthWords(false)...)

// firmKinds are kinds of company that, right before a name, make it the
// name of a firm ("property group X", "the developer X").
var firmKinds = set("group", "firm", "company", "developer", "developers", "landlord", "owner", "operator",
	"consortium", "conglomerate", "retailer", "insurer", "lender", "bank", "brewer", "carmaker", "maker",
	"manufacturer", "producer", "supplier", "housebuilder", "builder", "airline", "chain")

// firmNamed reports whether a mention of organisation c stands right after
// a lower-case kind of company ("the developer Westferry Quay"): a firm
// named after the place it owns or serves, which the text may also name
// as the place ("little to do in Westferry Quay").
func (r *resolver) firmNamed(c *cluster) bool {
	for _, m := range c.ments {
		if m.kind == Proper && m.first > 0 && firmKinds[r.tok(m.first-1)] && !r.inMent[m.first-1] {
			return true
		}
	}
	return false
}

// splitPlace gives the mentions of organisation c that are written as a
// place (placeUse) to a new LOCATION cluster of the same name, placed by
// the gazetteer; the firm keeps the others.
func (r *resolver) splitPlace(c *cluster) {
	keep := c.ments[:0]
	var place []ment
	for _, m := range c.ments {
		if m.kind == Proper && !r.bodyUse(m.first, m.last) && r.placeUse(c, m.first, m.last) {
			place = append(place, m)
			continue
		}
		keep = append(keep, m)
	}
	if len(place) == 0 || len(keep) == 0 {
		c.ments = append(keep, place...) // (as it was: nothing moved)
		return
	}
	c.ments = keep
	p := r.newCluster()
	*p = cluster{id: len(r.clusters), typ: ner.Location, name: c.name, lname: c.lname, toks: c.toks, core: c.core,
		plural: c.plural, placeRead: true, ments: place, from: c}
	if r.split == nil {
		r.split = map[int]*cluster{}
	}
	for i := range p.ments {
		p.ments[i].c = p
		p.lastTok = max(p.lastTok, p.ments[i].first)
		// (retype's end moves the resolver's mentions, in one pass for
		// every split)
		r.split[p.ments[i].first] = p
	}
	r.place(p)
	r.clusters = append(r.clusters, p)
	r.index(p)
}

// moveSplit points the resolver's mentions that splitPlace moved at their
// new place.
func (r *resolver) moveSplit() {
	if len(r.split) == 0 {
		return
	}
	for _, m := range r.ments {
		if p, ok := r.split[m.first]; ok && m.c == p.from {
			m.c = p
		}
	}
}
