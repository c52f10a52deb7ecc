package keyphrase

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/keyphrase/porter"
	"github.com/lector-nlp/lector/internal/strindex"
	"github.com/lector-nlp/lector/internal/text"
)

// maxWords is the longest candidate phrase, in tokens.
const maxWords = 5

// candidate is one distinct phrase of a document (by stemmed key) with its
// occurrences.
type candidate struct {
	words    []int32 // stem ids (docWords.stems)
	mentions int32   // number of occurrences
	head     int32   // first and last occurrence in the document's mention list
	tail     int32
	first    int // token index of the first occurrence
	last     int
	firstSen int
	maximal  int // occurrences that are a whole noun-phrase chunk
	capital  int // occurrences starting with a capital letter not at sentence start
	proper   int // occurrences whose head is tagged NNP/NNPS
	plural   int
	adj      bool
	digit    bool
	acronym  bool
	end      role // the role of its last word
	indef    bool // it holds an indefinite pronoun
}

// mention is one occurrence of a candidate, linked to the candidate's next.
type mention struct {
	span text.Span
	next int32 // -1 at the end
}

// spans returns the occurrences of c, in the order they were found.
func spans(ments []mention, c *candidate) []text.Span {
	out := make([]text.Span, 0, c.mentions)
	for m := c.head; m >= 0; m = ments[m].next {
		out = append(out, ments[m].span)
	}
	return out
}

// candIndex finds a document's candidates by their stem ids: an
// open-addressing table of candidate numbers plus one (0: empty), at most
// half full, probed from a hash of the ids and checked against the
// candidates' words (a Go map keyed by the ids cost more per look-up).
type candIndex struct {
	slots []int32
	n     int
}

// reset empties x, sized for about n candidates.
func (x *candIndex) reset(n int) {
	x.slots = strindex.Slots(x.slots, n)
	x.n = 0
}

func wordsHash(ws []int32) uint64 {
	h := uint64(len(ws))
	for _, w := range ws {
		h = hashing.Mix(h ^ uint64(uint32(w)))
	}
	return h
}

// find returns the index of the candidate of cands with words ws, or -1
// and the slot where to add it.
func (x *candIndex) find(cands []candidate, ws []int32) (int32, int) {
	mask := len(x.slots) - 1
	for i := int(wordsHash(ws)) & mask; ; i = (i + 1) & mask {
		v := x.slots[i]
		if v == 0 {
			return -1, i
		}
		if slices.Equal(cands[v-1].words, ws) {
			return v - 1, i
		}
	}
}

// add records the last candidate of cands in slot (from find), and grows
// the table to stay at most half full.
func (x *candIndex) add(cands []candidate, slot int) {
	x.slots[slot] = int32(len(cands))
	x.n++
	if 2*x.n > len(x.slots) {
		x.slots = make([]int32, 2*len(x.slots))
		mask := len(x.slots) - 1
		for c := range cands {
			i := int(wordsHash(cands[c].words)) & mask
			for x.slots[i] != 0 {
				i = (i + 1) & mask
			}
			x.slots[i] = int32(c) + 1
		}
	}
}

var stopwords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a about above after again against all am an and any are aren't as at be because been
		before being below between both but by can cannot could couldn't did didn't do does doesn't doing don't down during
		each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
		him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
		myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll
		she's should shouldn't so some such than that that's the their theirs them themselves then there there's these they
		they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've
		were weren't what what's when when's where where's which while who who's whom why why's with won't would wouldn't
		you you'd you'll you're you've your yours yourself yourselves also said says say told will just may might must shall
		one two three many much several another every new mr mrs ms dr 's n't 're 've 'd 'll 'm however although though yet
		would like get got make made use used using based first last year years time times today yesterday monday tuesday
		wednesday thursday friday saturday sunday week weeks month months day days per via among within without upon
		whilst amongst amidst whereas including excluding regarding`) {
		m[w] = true
	}
	return m
}()

// nameStopwords are the stopwords that begin or sit inside proper names
// ("New York", "New Zealand", "First Boston"): written with a capital,
// tagged as a proper noun and followed by one, they are part of the name
// and do not break a candidate (see nameWord). The other capitalised
// name words ("United", "North", "Great", "Old") are no stopwords.
var nameStopwords = map[string]bool{"new": true, "first": true}

func isWordToken(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isNoun(tag string) bool { return strings.HasPrefix(tag, "NN") }

func isModifier(tag string) bool {
	return tag == "JJ" || tag == "JJR" || tag == "JJS" || tag == "VBN" || tag == "VBG" || tag == "CD"
}

// wordInfo is what the candidates need of a token's text, worked out once
// per distinct text of a document.
type wordInfo struct {
	stem    int32 // stem id
	in      bool  // a word (letter or digit first) and not a stopword
	capital bool  // its first letter is upper case
	digit   bool  // it has an ASCII digit
	acronym bool  // two bytes or more, a word, and all upper case
	name    bool  // a stopword that can be inside a name (nameStopwords), written with a capital
	role    role  // what it is in a noun phrase beyond its tag
}

// docWords interns the token texts and stems of one document: stems are
// numbered in order of first appearance. newDocWords returns nil once
// doc.Err is set.
type docWords struct {
	byText strindex.Index // token text -> index in info (and texts)
	texts  []string       // the distinct token texts, by index in info
	info   []wordInfo
	stemID strindex.Index // stem -> id
	stems  []string       // stem strings by id
	tok    []int32        // per token: index in info
	// idf of each stem from textCache (see textInfo), known 1 or -1
	// (the table knows the stem or not), 0 when features must look it up
	idf   []float64
	known []int8
	ext   *Extractor // whose df table idf is from (nil: none)

	// scratch space of candidates, kept with the rest for reuse; ids
	// holds every token's stem id once candidates ran (features reads it)
	ids        []int32
	in, heads  []bool
	byKey      candIndex
	cands      []candidate
	ments      []mention
	full       []text.Span        // choose's occurrences of a full name
	tried      map[int32]struct{} // fullName's candidates judged
	scr        scratch            // features' buffers
	pooledSize int
}

// wordsPool recycles docWords (index tables and slices) between documents;
// release puts one back.
var wordsPool sync.Pool

// maxPooledTokens is the largest document whose docWords is pooled.
const maxPooledTokens = 50000

// release clears dw and returns it to the pool. Nothing taken from dw may
// be used afterwards.
func (dw *docWords) release() {
	if dw == nil || dw.pooledSize > maxPooledTokens {
		return
	}
	clear(dw.texts) // token texts: do not keep documents alive
	clear(dw.stems)
	clear(dw.cands)
	dw.info, dw.texts, dw.stems, dw.tok = dw.info[:0], dw.texts[:0], dw.stems[:0], dw.tok[:0]
	dw.idf, dw.known, dw.ext = dw.idf[:0], dw.known[:0], nil
	dw.cands, dw.ments = dw.cands[:0], dw.ments[:0]
	wordsPool.Put(dw)
}

func newDocWords(doc *text.Document, e *Extractor) *docWords {
	nt := len(doc.Tokens)
	dw, _ := wordsPool.Get().(*docWords)
	if dw == nil {
		dw = &docWords{}
	}
	dw.byText.Reset(nt / 2)
	dw.stemID.Reset(nt / 2)
	dw.pooledSize = nt
	dw.ext = e
	dw.tok = grow(dw.tok, nt)
	for i := range doc.Tokens {
		if i%4096 == 4095 && doc.Err() != nil {
			dw.release()
			return nil
		}
		w := doc.Tokens[i].Text
		h := strindex.Hash(w)
		k, slot := dw.byText.Find(dw.texts, w, h)
		if k < 0 {
			k = int32(len(dw.info))
			dw.info = append(dw.info, dw.describe(w))
			dw.texts = append(dw.texts, w)
			dw.byText.Add(dw.texts, slot, h)
		}
		dw.tok[i] = k
	}
	return dw
}

func (dw *docWords) describe(w string) wordInfo {
	tw := describeText(w, dw.ext)
	h := strindex.Hash(tw.stem)
	id, slot := dw.stemID.Find(dw.stems, tw.stem, h)
	if id < 0 {
		id = int32(len(dw.stems))
		dw.stems = append(dw.stems, tw.stem)
		dw.stemID.Add(dw.stems, slot, h)
		dw.idf = append(dw.idf, 0)
		dw.known = append(dw.known, 0)
	}
	if dw.known[id] == 0 && tw.idfOf == dw.ext && tw.idfOf != nil {
		dw.idf[id], dw.known[id] = tw.idf, tw.known
	}
	return wordInfo{stem: id, in: tw.in, capital: tw.capital, digit: tw.digit, acronym: tw.acronym, name: tw.name, role: tw.role}
}

// textInfo is what describe needs of a token text, independent of the
// document.
type textInfo struct {
	stem                              string
	in, capital, digit, acronym, name bool
	role                              role
	// the stem's idf in idfOf's table (idfOf.idf), known 1 or -1; set for
	// the texts kept in textCache, so that a common word's stem is not
	// looked up in the large table document after document
	idfOf *Extractor
	idf   float64
	known int8
}

// textCache keeps the textInfo of token texts across documents (stemming
// is most of the cost of a new word); at maxCachedTexts entries it starts
// over, so that a burst of one-off texts (a table of thousands of distinct
// figures) cannot keep the common words out for good and make every later
// article stem its words again. Keys and stems are copies, so that no
// document text is kept.
var (
	textCache      sync.Map // string -> *textInfo
	textCacheSize  atomic.Int64
	maxCachedTexts = int64(30000)
)

// describeText returns the textInfo of token text w; with e set, a new
// one kept in textCache carries its stem's idf in e's table.
func describeText(w string, e *Extractor) *textInfo {
	if v, ok := textCache.Load(w); ok {
		return v.(*textInfo)
	}
	lw := strings.ToLower(w)
	r, _ := utf8.DecodeRuneInString(w)
	tw := &textInfo{stem: porter.Stem(lw), in: isWordToken(w) && !stopwords[lw], capital: unicode.IsUpper(r)}
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			tw.digit = true
		}
	}
	tw.acronym = len(w) >= 2 && isUpper(w) && isWordToken(w)
	tw.name = tw.capital && nameStopwords[lw]
	tw.role = roles[strings.TrimSuffix(lw, ".")]
	if n := textCacheSize.Load(); n >= maxCachedTexts && textCacheSize.CompareAndSwap(n, 0) {
		textCache.Clear()
	}
	if textCacheSize.Load() < maxCachedTexts {
		if e != nil {
			v, ok := e.idf(tw.stem)
			tw.idfOf, tw.idf, tw.known = e, v, -1
			if ok {
				tw.known = 1
			}
		}
		tw.stem = strings.Clone(tw.stem)
		if _, loaded := textCache.LoadOrStore(strings.Clone(w), tw); !loaded {
			textCacheSize.Add(1)
		}
	}
	return tw
}

// isUpper reports whether strings.ToUpper(w) == w, without building the
// upper-case copy: every rune maps to itself (an invalid byte would become
// U+FFFD).
func isUpper(w string) bool {
	for i, r := range w {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(w[i:]); size == 1 {
				return false
			}
			continue
		}
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// key returns the stems of ws joined by spaces.
func (dw *docWords) key(ws []int32) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(dw.stems[w])
	}
	return b.String()
}

// role is what a word is in a noun phrase beyond its tag.
type role uint8

const (
	roleNone       role = iota
	roleSuffix          // a company's legal form ("Inc", "Ltd"): a name without it is the key phrase
	roleGeneric         // a plural generic head of people ("experts", "sources"): no key phrase
	roleDesk            // a news agency's sign-off ("Paris newsroom")
	roleIndefinite      // an indefinite pronoun ("everything", "someone")
	roleTitle           // a title before a name ("Mr.", "Gen."): no first name
)

// roles are the words with a role, lower-case and without a final period.
// The training keys (500N-KPCrowd and Inspec, 13,770 multi-word keys found
// in their texts) almost never end in a legal form (3) or a plural generic
// head of people (6 keys of our list), nor hold an indefinite pronoun
// (7 crowd fragments such as "pulled out something"); on 200 Reuters C50
// articles, 45 and 28 of our top-ten phrases did.
var roles = func() map[string]role {
	m := make(map[string]role)
	for _, w := range strings.Fields(`inc corp co cos ltd plc llc gmbh ag nv bv`) {
		m[w] = roleSuffix
	}
	for _, w := range strings.Fields(`experts sources officials analysts executives observers diplomats traders
		dealers economists`) {
		m[w] = roleGeneric
	}
	for _, w := range strings.Fields(`mr mrs ms messrs mme dr prof sen rep gov gen col lt capt sgt maj adm cmdr rev`) {
		m[w] = roleTitle
	}
	for _, w := range strings.Fields(`newsroom newsdesk`) {
		m[w] = roleDesk
	}
	for _, w := range strings.Fields(`everything everyone everybody something someone somebody anything anyone anybody
		nothing nobody`) {
		m[w] = roleIndefinite
	}
	return m
}()

// chunkable reports whether token t, whose text is described by w, can be
// part of a noun phrase and whether it can end one.
func chunkable(t *text.Token, w *wordInfo, tagged bool) (in, head bool) {
	if !w.in {
		return false, false
	}
	if !tagged {
		return true, true
	}
	if isNoun(t.POS) {
		return true, true
	}
	if t.POS == "VBG" {
		// "machine learning", "quantum computing"
		return true, true
	}
	if isModifier(t.POS) {
		return true, false
	}
	if t.POS == "FW" || t.POS == "SYM" {
		return true, true
	}
	return false, false
}

// nameWord reports whether token i, a stopword that can be inside a name
// (wordInfo.name), is part of one: it is tagged as a proper noun, or
// follows a word (its capital is then no sentence start), and the next
// token, no stopword, is tagged as one (written with a capital in an
// untagged document): "New" in "New York Stock Exchange", not in "New
// rules" at the start of a sentence unless the tagger calls it a name. It can
// then be inside a candidate but not end one (so a next token in the next
// sentence, where the candidate's run stops, changes nothing).
func nameWord(doc *text.Document, dw *docWords, i int, tagged bool) bool {
	if i+1 >= len(doc.Tokens) || !dw.info[dw.tok[i+1]].in {
		return false
	}
	if !tagged {
		return dw.info[dw.tok[i+1]].capital
	}
	// after a word, its capital says name even where the tagger reads an
	// adjective ("a/DT New/JJ York/NNP Stock/NNP Exchange/NNP listing")
	return isProper(doc.Tokens[i+1].POS) && (isProper(doc.Tokens[i].POS) || i > 0 && isWordToken(doc.Tokens[i-1].Text))
}

// calendarWords are the capitalised stopwords of the calendar that can be
// part of a noun phrase: a day that names what happens on it ("Sunday
// trading laws", "Boxing Day sales", "Christmas Day"). Written so, in a
// tagged document, calendarWord decides. ("Year" is left out: "New" of
// "New Year" is a stopword, and "Year celebrations" a fragment.)
var calendarWords = map[string]bool{"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true,
	"Friday": true, "Saturday": true, "Sunday": true, "Day": true}

// namedDays are the words that make a weekday a day's name ("Easter
// Sunday", "Good Friday", "Super Tuesday").
var namedDays = map[string]bool{"easter": true, "palm": true, "good": true, "black": true, "bloody": true,
	"super": true, "ash": true, "holy": true, "cyber": true, "shrove": true, "maundy": true, "whit": true}

// dayParts are the nouns after a day that say when, not what: "Monday
// morning" is no phrase.
var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true,
	"mornings": true, "afternoons": true, "evenings": true, "nights": true, "lunchtime": true}

// calendarWord reports whether token i, one of calendarWords tagged as a
// proper noun, is inside a noun phrase (in) and whether it can end one
// (head): it is inside one before a noun or a word in -ing of its
// sentence ("Sunday trading", "Boxing Day sales"; not "Monday
// morning"; before a name only after an article: "the Sunday Times", not
// "On Tuesday Acme said"), and "Day" ends one after a capitalised proper
// noun ("Boxing Day"), a weekday after one of namedDays ("Easter
// Sunday"; not "on Sunday", "the White House Friday"). A day the tagger
// does not call a proper noun is neither.
func calendarWord(doc *text.Document, dw *docWords, i int) (in, head bool) {
	if !isProper(doc.Tokens[i].POS) {
		return false, false
	}
	if i > 0 && dw.info[dw.tok[i-1]].in && dw.info[dw.tok[i-1]].capital && doc.Tokens[i-1].End < doc.Tokens[i].Start {
		// "Boxing Day", "Election Day"; a weekday only in a named day
		// ("Easter Sunday", "Black Friday"): not "the White House
		// Friday said"
		pw := strings.ToLower(doc.Tokens[i-1].Text)
		head = dw.texts[dw.tok[i]] == "Day" && isProper(doc.Tokens[i-1].POS) || namedDays[pw]
	}
	if i+1 < len(doc.Tokens) && dw.info[dw.tok[i+1]].in && !dayParts[strings.ToLower(doc.Tokens[i+1].Text)] {
		switch p := doc.Tokens[i+1].POS; {
		case isProper(p) || dw.info[dw.tok[i+1]].capital:
			// a name only after an article or a name ("the Sunday
			// Telegraph"), not a time before the subject ("On Tuesday
			// Acme said")
			pw := ""
			if i > 0 {
				pw = strings.ToLower(doc.Tokens[i-1].Text)
			}
			in = head || pw == "the" || pw == "a"
		case isNoun(p) || p == "VBG":
			in = true
		}
	}
	return in || head, head
}

// nameClitic reports whether token i, a possessive 's between two words
// of its sentence, is inside a name ("the Swiss People's Party", "the
// People's Bank of China"): the word before it is written with a capital
// and is a plural ("People", "Women": tagged NNS or NNPS, or one of the
// irregular plurals that take 's), and the word after it is written with
// a capital and is no stopword (tagged as a proper noun). A possessive
// before a common noun ("Russia's defence minister", "Acme's chief
// executive") or after a singular name ("Russia's Defence Ministry", "the
// Kremlin's Security Council") still breaks the candidate. The clitic can
// be inside a candidate but neither start nor end one; it is no word of
// the candidate's key or features (see candidates).
func nameClitic(doc *text.Document, dw *docWords, i int, tagged bool) bool {
	if !isClitic(doc.Tokens[i].Text) {
		return false
	}
	prev, next := &dw.info[dw.tok[i-1]], &dw.info[dw.tok[i+1]]
	if !prev.capital || !next.capital || !next.in {
		return false
	}
	if tagged && !isProper(doc.Tokens[i+1].POS) {
		return false
	}
	if tag := doc.Tokens[i-1].POS; tag == "NNS" || tag == "NNPS" {
		return true
	}
	for _, w := range irregularPlurals {
		if strings.EqualFold(doc.Tokens[i-1].Text, w) {
			return true
		}
	}
	return false
}

// possessiveNames marks as part of a name, able to end a candidate, the
// possessive 's of a singular name that the document writes as a name of
// its own: a company or shop called by its founder's possessive
// ("McDonald's", "Sainsbury's", "Moody's"). The evidence is a use of the
// name with its 's that owns nothing: at a sentence's or clause's end
// ("profits at Sainsbury's."), before a preposition, a modal or a verb
// ("McDonald's in Paris", "Sainsbury's said", "McDonald's is hiring");
// every use of that name with its 's in the document then keeps it
// ("McDonald's restaurants"). A possessive that owns something everywhere
// ("Iran's minister", "Acme's chief executive") still breaks the phrase,
// and so does a list of owners ("Iran's and Iraq's oil ministers").
func possessiveNames(doc *text.Document, dw *docWords, in, heads []bool, tagged bool) {
	var names map[int32]bool // the names' word ids (docWords.tok)
	for _, s := range doc.Sentences {
		for i := s.First + 1; i < s.Last; i++ {
			if !isClitic(doc.Tokens[i].Text) || !in[i-1] || !dw.info[dw.tok[i-1]].capital {
				continue
			}
			if tagged && (doc.Tokens[i-1].POS != "NNP" || doc.Tokens[i].POS != "POS") {
				continue
			}
			if ownsNothing(doc, s, i, tagged) {
				if names == nil {
					names = map[int32]bool{}
				}
				names[dw.tok[i-1]] = true
			}
		}
	}
	if names == nil {
		return
	}
	// a name also written without its 's ("Google", "Iran") is its
	// owner's: the 's owns what the sentence leaves out ("faster than
	// Sprint's.", "Obama's campaign and McCain's in 2008")
	for i := range doc.Tokens {
		if names[dw.tok[i]] && (i+1 == len(doc.Tokens) || !isClitic(doc.Tokens[i+1].Text)) {
			delete(names, dw.tok[i])
		}
	}
	for _, s := range doc.Sentences {
		for i := s.First + 1; i < s.Last; i++ {
			if isClitic(doc.Tokens[i].Text) && in[i-1] && names[dw.tok[i-1]] {
				in[i], heads[i] = true, true
			}
		}
	}
}

// ownsNothing reports whether the possessive 's at token i of sentence s
// stands for a name rather than owning what follows: nothing follows it
// in the sentence, or a punctuation mark or conjunction not followed by
// another possessive ("Iran's, Iraq's and Syria's leaders"), or (in a
// tagged document) a preposition, a modal, a present-tense verb or a
// past tense that is no -ed form ("said", "rose"; "Iran's elected
// president" may be tagged so).
func ownsNothing(doc *text.Document, s text.Sentence, i int, tagged bool) bool {
	// the word before the name: not a copula or "than", after which an
	// owner's 's stands for what it owns ("the decision was Abbott's.",
	// "bigger than Britain's"; "of" is left: "the chairman of Lloyd's.")
	k := i - 1
	for k > s.First && startsUpper(doc.Tokens[k-1].Text) {
		k--
	}
	before := ""
	if k > s.First {
		before = strings.ToLower(doc.Tokens[k-1].Text)
	}
	if ownerBefore[before] {
		return false
	}
	j := i + 1
	if j >= s.Last {
		return true
	}
	t := &doc.Tokens[j]
	list := func() bool {
		for k := j + 1; k < s.Last && k <= j+4; k++ {
			if isClitic(doc.Tokens[k].Text) {
				return false
			}
		}
		return true
	}
	if !isWordToken(t.Text) {
		// a clause's end, not a bracket, quotation mark or currency
		// before what it owns ("Disney's \"Toy Story\"", "Apple's (AAPL)
		// shares", "Google's $700 million")
		switch t.Text {
		case ".", "!", "?", ";", ":":
			return true
		case ",":
			// an apposition ("Sainsbury's, the grocer"), not a clause
			// that leaves the owned noun out ("Obama's plan and
			// Bush's, both ...")
			switch strings.ToLower(tokText(doc, j+1)) {
			case "the", "a", "an", "which", "whose", "its", "who":
				return list()
			}
		}
		return false
	}
	if !tagged {
		return false
	}
	switch t.POS {
	case "CC":
		// not owners sharing a head ("Canny's and Laplacian edge
		// detectors")
		if j+2 < s.Last {
			a, b := doc.Tokens[j+1].POS, doc.Tokens[j+2].POS
			if (a == "NNP" || a == "JJ") && (b == "NN" || b == "NNS") {
				return false
			}
		}
		return list()
	case "IN":
		// not at a clause's start, where the 's may be "is" ("Britain's
		// in recession"; "Lloyd's of London said", "left St Mary's in
		// February" are names), nor before a time that stands for the
		// owned thing ("Obama's campaign and McCain's in 2008")
		return (!clauseStart(before) || strings.EqualFold(t.Text, "of")) && (j+1 >= s.Last || doc.Tokens[j+1].POS != "CD")
	case "TO":
		// "enables Lloyd's to pursue", not the 's of "is" at a clause's
		// start ("Google's to blame")
		return !clauseStart(before)
	case "MD":
		// before a verb: "Sainsbury's will open", not "will" as a noun
		// ("Russia's will to fight")
		return j+1 < s.Last && (doc.Tokens[j+1].POS == "VB" || doc.Tokens[j+1].POS == "RB")
	case "VBZ", "VBP":
		return true
	case "VBD":
		// not an -ed form ("Iran's elected president") nor a past tense
		// that is also a noun ("Khan's hit", "Acme's bid")
		l := strings.ToLower(t.Text)
		return !strings.HasSuffix(l, "ed") && !nounPasts[l]
	}
	return false
}

// clauseStart reports whether a name after the word before (lower-cased,
// "" at a sentence's start) starts a clause: after nothing, a punctuation
// mark or a conjunction.
func clauseStart(before string) bool {
	return before == "" || !isWordToken(before) || before == "and" || before == "but" || before == "or"
}

// startsUpper reports whether w starts with an upper-case letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// ownerBefore are the words before a name whose 's then stands for what
// the name owns (ownsNothing).
var ownerBefore = map[string]bool{"is": true, "was": true, "are": true, "were": true, "be": true, "been": true,
	"being": true, "become": true, "becomes": true, "became": true, "remain": true, "remains": true,
	"remained": true, "seem": true, "seems": true, "seemed": true, "than": true}

// nounPasts are past tenses written as a noun of their own, which the
// tagger may read as a verb after a possessive ("Khan's hit").
var nounPasts = map[string]bool{"hit": true, "bid": true, "cut": true, "cost": true, "set": true, "put": true,
	"let": true, "spread": true, "bet": true, "shed": true, "split": true, "quit": true, "hurt": true, "cast": true}

// tokText is the text of token i of doc, "" past its end.
func tokText(doc *text.Document, i int) string {
	if i < len(doc.Tokens) {
		return doc.Tokens[i].Text
	}
	return ""
}

// irregularPlurals are the plurals that take 's ("Women's", "People's").
var irregularPlurals = [...]string{"people", "women", "men", "children"}

// isClitic reports whether a token is the possessive 's (either apostrophe).
func isClitic(s string) bool {
	return s == "'s" || s == "’s" || s == "'S" || s == "’S"
}

func isProper(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// candidates returns the document's candidate phrases, in order of first
// addition: every maximal chunk of adjectives, participles, numbers and
// nouns ending in a noun (or, when the document carries no POS tags, every
// run of non-stopword words), and every sub-span of such a chunk that ends
// in a noun, at most maxWords long. It stops early, with what it has, once
// doc.Err is set.
// placeBased leaves a place's "-based" before a name out of phrases, with
// the words of the place's name before it: "St. Louis-based Dorsey" is
// Dorsey, as the text's other mentions name it. Only a capitalised one
// inside its sentence and before a capital: "web-based learning",
// "Agent-based models" opening a sentence and "a London-based bank"
// stay as they are.
func placeBased(doc *text.Document, in, heads []bool) {
	for _, s := range doc.Sentences {
		for i := s.First + 1; i < s.Last; i++ {
			t := doc.Tokens[i].Text
			if len(t) <= len("-based") || !strings.HasSuffix(t, "-based") || !startsUpper(t) ||
				i+1 >= s.Last || !startsUpper(doc.Tokens[i+1].Text) {
				continue
			}
			in[i], heads[i] = false, false
			for k := i - 1; k >= s.First && in[k] && startsUpper(doc.Tokens[k].Text); k-- {
				in[k], heads[k] = false, false
			}
		}
	}
}

func candidates(doc *text.Document, dw *docWords) ([]candidate, []mention) {
	tagged := false
	for i := range doc.Tokens {
		if doc.Tokens[i].POS != "" {
			tagged = true
			break
		}
	}
	nt := len(doc.Tokens)
	dw.ids, dw.in, dw.heads = grow(dw.ids, nt), grow(dw.in, nt), grow(dw.heads, nt)
	ids, in, heads := dw.ids, dw.in, dw.heads
	for i := range doc.Tokens {
		w := &dw.info[dw.tok[i]]
		ids[i] = w.stem
		in[i], heads[i] = chunkable(&doc.Tokens[i], w, tagged)
		if w.name && nameWord(doc, dw, i, tagged) {
			in[i] = true
		}
		if tagged && w.capital && calendarWords[dw.texts[dw.tok[i]]] {
			in[i], heads[i] = calendarWord(doc, dw, i)
		}
		if i+1 < nt && strings.EqualFold(doc.Tokens[i].Text, "thanks") && strings.EqualFold(doc.Tokens[i+1].Text, "to") {
			// "thanks to" is a preposition ("the hour mark thanks to a
			// penalty"), not a noun
			in[i], heads[i] = false, false
		}
	}
	placeBased(doc, in, heads)
	if tagged {
		verbBeforeObject(doc, in, heads)
	}
	for _, s := range doc.Sentences {
		for i := s.First + 1; i+1 < s.Last; i++ {
			if in[i-1] && nameClitic(doc, dw, i, tagged) {
				in[i] = true
			}
		}
	}
	possessiveNames(doc, dw, in, heads, tagged)
	byKey := &dw.byKey
	byKey.reset(nt / 3)
	cands := dw.cands[:0]
	if cap(cands) == 0 {
		cands = make([]candidate, 0, nt/3)
	}
	ments := dw.ments[:0]
	if cap(ments) < nt {
		ments = make([]mention, 0, nt)
	}
	add := func(a, b, si int, maximal bool) { // tokens [a, b)
		words := ids[a:b:b]
		for k := a + 1; k < b; k++ {
			if in[k] && isClitic(doc.Tokens[k].Text) {
				// a name's possessive ("People's"): its key and
				// features are those of the name's words
				words = nil
				for k := a; k < b; k++ {
					if !in[k] || !isClitic(doc.Tokens[k].Text) {
						words = append(words, ids[k])
					}
				}
				break
			}
		}
		ci, slot := byKey.find(cands, words)
		if ci < 0 {
			ci = int32(len(cands))
			cands = append(cands, candidate{words: words, first: a, firstSen: si, head: -1, end: dw.info[dw.tok[b-1]].role})
			byKey.add(cands, slot)
		}
		c := &cands[ci]
		toks := doc.Tokens[a:b]
		m := int32(len(ments))
		ments = append(ments, mention{span: text.Span{Start: toks[0].Start, End: toks[len(toks)-1].End}, next: -1})
		if c.head < 0 {
			c.head = m
		} else {
			ments[c.tail].next = m
		}
		c.tail = m
		c.mentions++
		c.last = a
		if maximal {
			c.maximal++
		}
		if dw.info[dw.tok[a]].capital && a != doc.Sentences[si].First {
			c.capital++
		}
		head := &toks[len(toks)-1]
		if isClitic(head.Text) {
			// a store's name ("Sainsbury's"): the name's word
			head = &toks[len(toks)-2]
		}
		if head.POS == "NNP" || head.POS == "NNPS" {
			c.proper++
		}
		if head.POS == "NNS" || head.POS == "NNPS" {
			c.plural++
		}
		for j := range toks {
			if isModifier(toks[j].POS) && toks[j].POS != "CD" {
				c.adj = true
			}
			if dw.info[dw.tok[a+j]].digit {
				c.digit = true
			}
			if dw.info[dw.tok[a+j]].role == roleIndefinite {
				c.indef = true
			}
		}
		if len(toks) == 1 && dw.info[dw.tok[a]].acronym {
			c.acronym = true
		}
	}
	for si, s := range doc.Sentences {
		if si%64 == 63 && doc.Err() != nil {
			break
		}
		i := s.First
		for i < s.Last {
			if !in[i] {
				i++
				continue
			}
			j := i
			for j < s.Last && in[j] {
				j++
			}
			// trim trailing non-heads
			end := j
			for end > i && !heads[end-1] {
				end--
			}
			for e := end; e > i; e-- {
				if !heads[e-1] {
					continue
				}
				for b := e - 1; b >= i && e-b <= maxWords; b-- {
					if b == e-1 && doc.Tokens[b].POS == "VBG" || isClitic(doc.Tokens[b].Text) {
						continue
					}
					if b > i && b < e-1 && tagged && calendarWords[dw.texts[dw.tok[b]]] && heads[b] {
						continue // inside a day's name: "Day sales" of "Boxing Day sales"
					}
					add(b, e, si, b == i && e == end)
				}
			}
			i = j
		}
	}
	dw.cands, dw.ments = cands, ments
	return cands, ments
}

// grow returns s resized to n zero elements, reusing its array.
func grow[T any](s []T, n int) []T {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

// objectStarts are words that open a noun phrase and never follow the
// head of one: a word before them that ends a run of nouns is a verb the
// tagger called a noun ("the MPC gathers together the indicators", "as
// firms release their results").
var objectStarts = map[string]bool{"the": true, "a": true, "an": true, "their": true, "its": true, "his": true,
	"her": true, "our": true, "together": true}

// verbBeforeObject takes out of the candidates a lower-case word tagged
// NN, NNS, VBZ or VBP that follows a noun and comes before one of
// objectStarts in the same sentence: the verb of a clause, not the end
// of its subject's noun phrase.
func verbBeforeObject(doc *text.Document, in, heads []bool) {
	for _, s := range doc.Sentences {
		for i := s.First + 1; i+1 < s.Last; i++ {
			t := &doc.Tokens[i]
			switch t.POS {
			case "NN", "NNS", "VBZ", "VBP":
			default:
				continue
			}
			if !in[i] && !heads[i] || !in[i-1] || !isNoun(doc.Tokens[i-1].POS) || startsUpper(t.Text) {
				continue
			}
			if objectStarts[strings.ToLower(doc.Tokens[i+1].Text)] {
				in[i], heads[i] = false, false
			}
		}
	}
}
