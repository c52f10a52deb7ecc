package entity

import (
	"encoding/binary"
	"strings"
	"unsafe"

	"github.com/lector-nlp/lector/internal/geo"
)

// titleHeads are the nouns that end a title ("Defense Minister",
// "Brigadier General", "Secretary of State").
var titleHeads = set(
	"minister", "general", "president", "secretary", "senator", "sen.", "governor", "gov.",
	"ambassador", "chairman", "chairwoman", "chairperson", "chair", "director", "spokesman",
	"spokeswoman", "spokesperson", "mayor", "judge", "justice", "commander", "chief", "king",
	"queen", "prince", "princess", "pope", "ayatollah", "sheikh", "speaker", "leader", "officer",
	"ceo", "chancellor", "premier", "envoy", "colonel", "col.", "admiral", "adm.", "captain",
	"capt.", "sergeant", "sgt.", "representative", "rep.", "adviser", "advisor", "candidate",
	"nominee", "gen.", "lt.", "maj.", "attorney", "head", "emir", "sultan", "president-elect",
	"congressman", "congresswoman", "lawmaker", "deputy", "founder", "executive", "manager",
	"commissioner", "counsel", "professor", "prof.", "prof", "analyst", "economist", "diplomat",
	"official", "spokesperson", "strategist", "aide", "chairmen", "cardinal", "bishop", "rabbi",
	"imam", "cleric", "negotiator", "prosecutor", "coach", "owner", "editor", "researcher",
	"lieutenant", "major", "brigadier", "marshal", "pastor", "reverend", "rev.", "superintendent",
	"inspector", "detective", "constable", "sheriff", "investigator", "engineer", "mp", "mep", "msp",
)

// titleMods are words that may stand inside a title before its head
// ("Foreign", "Deputy", "Prime").
var titleMods = set(
	"foreign", "defense", "defence", "interior", "finance", "economy", "trade", "health",
	"education", "energy", "oil", "affairs", "state", "prime", "vice", "deputy", "first",
	"supreme", "chief", "executive", "acting", "former", "then", "top", "senior", "assistant",
	"national", "security", "press", "house", "senate", "majority", "minority", "brigadier",
	"lieutenant", "major", "general", "attorney", "white", "presidential", "democratic",
	"republican", "labor", "labour", "environment", "justice", "culture", "intelligence",
	"military", "army", "navy", "air", "force", "police", "campaign", "party", "managing",
	"secretary", "commerce", "agriculture", "transport", "transportation", "homeland",
	"treasury", "budget", "communications", "policy", "regional", "local", "federal", "u.n.",
	"un", "nato", "eu", "european", "crown", "grand", "high", "lord", "second", "staff",
	"parliamentary", "parliament", "cabinet", "government", "economic", "legal", "political",
	"public", "special", "general", "of", "financial", "operating", "technology", "technical",
	"information", "marketing", "investment", "commercial", "creative", "home", "shadow",
)

// genderedHeads give the gender of a person who holds the title.
var genderedHeads = map[string]byte{
	"king": 'm', "queen": 'f', "prince": 'm', "princess": 'f', "spokesman": 'm',
	"spokeswoman": 'f', "chairman": 'm', "chairwoman": 'f', "congressman": 'm',
	"congresswoman": 'f', "emir": 'm', "sultan": 'm', "sheikh": 'm', "ayatollah": 'm',
	"pope": 'm', "cardinal": 'm', "bishop": 'm', "businessman": 'm', "businesswoman": 'f',
}

// nominalHeads are the nouns that head a definite description of a person
// ("the Iranian minister", "the former senator").
var nominalHeads = set(
	"minister", "president", "secretary", "senator", "governor", "ambassador", "chairman",
	"chairwoman", "director", "spokesman", "spokeswoman", "spokesperson", "mayor", "judge",
	"commander", "chief", "king", "queen", "prince", "leader", "chancellor", "premier", "envoy",
	"general", "admiral", "colonel", "representative", "candidate", "nominee", "congressman",
	"congresswoman", "lawmaker", "ceo", "official", "diplomat", "speaker", "president-elect",
	"businessman", "businesswoman", "billionaire", "mogul", "frontrunner", "front-runner",
	"founder", "head", "prosecutor", "attorney", "adviser", "advisor", "economist",
	"pope", "emir", "sultan",
)

// pronouns give the gender of a personal pronoun: 'm', 'f', 'n' for it
// (organisations, countries), 'p' for they (plural names).
var pronouns = map[string]byte{
	"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f',
	"it": 'n', "its": 'n', "itself": 'n',
	"they": 'p', "their": 'p', "themselves": 'p', // not "them": mostly people
}

var determiners = set("the", "a", "an", "this", "that", "these", "those")

// femaleNames and maleNames are common first names that fix a person's
// gender; a name absent from both leaves it open.
var femaleNames = set(
	"hillary", "nancy", "elizabeth", "sarah", "mary", "angela", "theresa", "michelle", "kamala",
	"ruth", "susan", "carly", "jill", "melania", "ivanka", "condoleezza", "madeleine", "samantha",
	"marine", "ursula", "christine", "jacinda", "liz", "anna", "maria", "jane", "karen", "linda",
	"barbara", "patricia", "jennifer", "lisa", "emily", "emma", "olivia", "sophia", "laura",
	"rebecca", "rachel", "julia", "kate", "katherine", "catherine", "margaret", "helen", "amy",
	"nikki", "debbie", "dianne", "kellyanne", "huma", "donna", "chelsea", "claire", "sonia",
	"indira", "benazir", "golda", "aung", "yulia", "tulsi", "elise", "kirsten", "tammy", "amy",
	"kelly", "megyn", "hope", "sheryl", "janet", "loretta", "valerie", "heather", "stephanie",
)

var maleNames = set(
	"donald", "barack", "bernie", "ted", "marco", "jeb", "ben", "john", "chris", "mike", "rand",
	"carly", "george", "bill", "joe", "paul", "mitch", "vladimir", "sergei", "sergey", "hassan",
	"mohammad", "mohammed", "muhammad", "ali", "ahmad", "ahmed", "xi", "emmanuel", "boris",
	"david", "james", "robert", "michael", "william", "richard", "thomas", "charles", "daniel",
	"matthew", "mark", "steven", "stephen", "andrew", "kevin", "brian", "jim", "tim", "tom",
	"bob", "dick", "harry", "jack", "peter", "eric", "scott", "jeff", "gary", "newt", "rick",
	"lindsey", "martin", "tony", "ron", "jon", "jonathan", "benjamin", "recep", "narendra",
	"kim", "abdullah", "mohammadreza", "javad", "ebrahim", "hossein", "reince", "corey", "reza",
	"dmitry", "alexei", "justin", "francois", "angelo", "giuseppe", "pedro", "luis", "juan",
	"carlos", "jose", "antonio", "nicolas", "friedrich", "olaf", "rishi", "keir", "nigel",
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// ltok returns the lower-cased text of token i ("" outside the
// document), lowering each token at most once per document.
func (r *resolver) ltok(i int) string {
	if i < 0 || i >= len(r.doc.Tokens) {
		return ""
	}
	if r.lowAll {
		t := &r.doc.Tokens[i]
		return r.lowText[t.Start:t.End]
	}
	if l := r.low[i]; l != "" {
		return l
	}
	l := lower(r.doc.Tokens[i].Text)
	r.low[i] = l
	return l
}

// lowerOf is lower(r.textOf(first, last)).
func (r *resolver) lowerOf(first, last int) string {
	if r.lowAll {
		return r.lowText[r.doc.Tokens[first].Start:r.doc.Tokens[last-1].End]
	}
	return lower(r.textOf(first, last))
}

// lowerASCII returns s lower-cased when it is all ASCII; otherwise "",
// false. It works eight bytes at a time (a byte's 0x20 bit is set where
// it is a capital). (A token's text is the document's text from its start
// to its end, so that the lower-cased text of a token is cut from the
// document's: one string instead of one per capitalised token, and no
// slice of them.)
func lowerASCII(s string) (string, bool) {
	b := make([]byte, len(s))
	copy(b, s)
	const hi = 0x8080808080808080
	var or uint64
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if x&hi != 0 { // not ASCII (news often has curly quotes): stop here
			return "", false
		}
		h := x &^ hi                 // each byte's low seven bits
		ge := h + 0x3f3f3f3f3f3f3f3f // high bit: at least 'A' (no carry out of a byte)
		gt := h + 0x2525252525252525 // high bit: past 'Z'
		caps := ge &^ gt &^ x & hi   // high bit: 'A' to 'Z', ASCII
		binary.LittleEndian.PutUint64(b[i:], x|caps>>2)
	}
	for ; i < len(b); i++ {
		c := b[i]
		or |= uint64(c)
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	if or&hi != 0 {
		return "", false
	}
	if len(b) == 0 {
		return "", true
	}
	// b is not written after this: the string is b's bytes (no copy)
	return unsafe.String(&b[0], len(b)), true
}

// capDemonym is countryByDemonym for a capitalised word (the test first:
// most words are not).
func (r *resolver) capDemonym(t string) (geo.Country, bool) {
	if !isCap(t) {
		return geo.Country{}, false
	}
	return r.countryByDemonym(t)
}

// geoMemo packs the answers of geo.CountryByName (low 16 bits) and
// geo.CountryByDemonym (high 16 bits) for one string: 0 not asked yet, 1
// no country, k+2 the resolver's countries[k]. The same names and words
// are asked about again and again, and a look-up in geo's large tables is
// mostly out of the caches.
type geoMemo uint32

// countryByName is geo.CountryByName, memoised per document.
func (r *resolver) countryByName(s string) (geo.Country, bool) {
	e := r.geoMemo[s]
	if e&0xffff == 0 {
		ct, ok := geo.CountryByName(s)
		if m := r.memoCountry(ct, ok); m != 0 {
			r.remember(s, e|m)
		}
		return ct, ok
	}
	return r.memoAnswer(uint32(e & 0xffff))
}

// countryByDemonym is geo.CountryByDemonym, memoised per document.
func (r *resolver) countryByDemonym(s string) (geo.Country, bool) {
	e := r.geoMemo[s]
	if e>>16 == 0 {
		ct, ok := geo.CountryByDemonym(s)
		if m := r.memoCountry(ct, ok); m != 0 {
			r.remember(s, e|m<<16)
		}
		return ct, ok
	}
	return r.memoAnswer(uint32(e >> 16))
}

// memoCountry returns the 16-bit memo of a geo answer, 0 when it cannot
// be kept (more than 65,000 countries found: never in practice).
func (r *resolver) memoCountry(ct geo.Country, ok bool) geoMemo {
	if !ok {
		return 1
	}
	if len(r.countries) >= 0xfff0 {
		return 0
	}
	r.countries = append(r.countries, ct)
	return geoMemo(len(r.countries) + 1)
}

func (r *resolver) memoAnswer(v uint32) (geo.Country, bool) {
	if v < 2 {
		return geo.Country{}, false
	}
	return r.countries[v-2], true
}

func (r *resolver) remember(s string, e geoMemo) {
	if r.geoMemo == nil {
		r.geoMemo = make(map[string]geoMemo, 32)
	}
	r.geoMemo[s] = e
}

// sentOf returns the index of token i's sentence.
func (r *resolver) sentOf(i int) int { return int(r.tokSent[i]) }

func isCap(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}
