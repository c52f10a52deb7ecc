// Package timex recognises time expressions in English news text and
// normalises them to TIMEX3 types and values, resolving relative
// expressions ("last year", "on Wednesday", "two weeks ago") against an
// anchor, normally the article's publish time.
//
// The recogniser is a hand-written grammar over its own fine-grained
// segmentation of the text (letter runs, digit runs, punctuation), in the
// manner of HeidelTime and SUTime, so that it does not depend on how the
// shared tokeniser splits "Sept.", "1990s" or "2023-09-20".
//
// Resolution follows the TimeBank conventions of news text:
//   - a bare weekday is the anchor's day when it is the same weekday,
//     otherwise the latest one before the anchor, or the next one when the
//     nearest verb cue speaks of the future ("will", "is to", "scheduled",
//     "has until") or the verb before it is an event verb in the present
//     simple or progressive ("Talks resume on Monday", "is meeting
//     Friday", and the days listed after it; not a market's "close
//     higher", nor a noun after a past tense, "waved signs"); a saying in
//     the present ("says on Monday") is past unless the day is what is
//     said ("says Monday will be");
//   - a month and day without a year take the anchor's year unless the
//     tense or a distance of more than four (past) or eight (future)
//     months says otherwise; "last April" is the latest April before the
//     anchor's month;
//   - a day and month or a holiday that names an event reported once it
//     has happened ("the Oct. 23 bombing", "the Boxing Day tsunami") is
//     the latest such day on or before the anchor;
//   - "the quarter", "a year earlier" and "the year-ago period" refer to
//     the last completed quarter named in the two sentences before;
//   - "the next day", "the day before" and "the previous Friday" count
//     from the last day named;
//     "that year", "the same (following, previous) year" and their months
//     from the last year or month named ("ago", "next year", "last month"
//     from the anchor); a clock time without a day of its own is on the
//     day named last;
//   - "the quarter a year ago", "the same period last year", "last year's
//     quarter" are the quarter in focus a year back;
//   - the verb before "until" can set a deadline ahead ("extended until
//     Friday"), and "had been due (scheduled) to" speaks of the past;
//   - durations are ISO 8601 (P3D, PT2H, P2Y6M, PXY for "years");
//     decades and centuries as dates are 199 and 19 ("the 1800s": 18).
//
// With a zero anchor, relative expressions keep X placeholders
// (XXXX-WXX-3, XXXX-09-20, XXXX) and are marked Anchored=false. So are
// those whose resolved year would fall outside 0001-9999 ("tomorrow" on
// 9999-12-31, "last decade" in the year 5): values name only the years
// 0001-9999 (a decade 000-999, a century 00-99), as a publish time does.
package timex

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lector-nlp/lector/internal/text"
)

// TIMEX3 types.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// Expression is one recognised time expression.
type Expression struct {
	Span text.Span
	// Type is one of DATE, TIME, DURATION, SET.
	Type string
	// Value is the TIMEX3 value: 2023-09-20, 2023-W38, 2023-Q3, 199,
	// P3D, PT2H, XXXX-WXX-1, PRESENT_REF, 2023-09-20TMO, 2023-09-20T17:00 ...
	Value string
	// Anchored is false when the value depends on an anchor that was not
	// given (zero anchor), or that would resolve it outside the years
	// 0001-9999; the value then carries X placeholders.
	Anchored bool
}

var statePool = sync.Pool{New: func() any { return new(state) }}

// maxPooledPieces bounds the pieces a pooled state keeps (a 600-word
// article has about 700; a 1 MB one some 200,000, 24 bytes each).
const maxPooledPieces = 1 << 16

// putState returns st to statePool without the document's text (which
// the pool would keep alive) and without the pieces of a very long one.
func putState(st *state) {
	st.text = ""
	if cap(st.ps) > maxPooledPieces {
		st.ps = nil
	}
	statePool.Put(st)
}

// cancelEvery is how many pieces Extract matches between two looks at
// doc.Err: a few hundred microseconds of work.
const cancelEvery = 2048

// Extract finds the time expressions of doc, sorted by start and not
// overlapping. Relative expressions are resolved against anchor; with a
// zero anchor they are left unresolved and marked Anchored=false. Once
// doc.Err is not nil (the request was cancelled) it stops early and
// returns what it found so far.
func Extract(doc *text.Document, anchor time.Time) []Expression {
	return ExtractAt(doc, anchor, !anchor.IsZero())
}

// ExtractAt is Extract with the anchor's presence said by has, so that
// 0001-01-01T00:00:00Z, which is the zero time.Time, can anchor too; with
// has false, anchor is not read.
func ExtractAt(doc *text.Document, anchor time.Time, has bool) []Expression {
	if doc == nil || len(doc.Text) == 0 {
		return nil
	}
	st := statePool.Get().(*state)
	defer putState(st)
	st.reset(doc, anchor, has)
	if doc.Err() != nil {
		return nil
	}
	out := make([]Expression, 0, len(st.ps)/40+4)
	next := cancelEvery
	ps := st.ps // (match does not change st.ps)
	for i := 0; i < len(ps); {
		if i >= next { // a cancelled request stops here; the caller drops the result
			if doc.Err() != nil {
				return out
			}
			next = i + cancelEvery
		}
		// match's quick reject of most pieces, without the call
		if p := &ps[i]; p.kind == kPunct && p.ch != '\'' || p.kind == kWord && p.c == cNone && p.start == startNo {
			i++
			continue
		}
		r, ok := st.match(i)
		if ok && r.typ == Date && st.holidayTitle(r.start, r.end) {
			// the film "Independence Day", "Born on the Fourth of July":
			// no part of the title is a time
			i = r.end
			continue
		}
		if !ok || st.inTitle(r) || st.inCompound(r) {
			i++
			continue
		}
		anchored := !r.rel || st.has
		if !yearInRange(r.val) {
			r, anchored = st.unresolved(i, r), false
		}
		st.note(r)
		out = append(out, Expression{
			Span:     text.Span{Start: int(st.ps[r.start].s), End: int(st.ps[r.end-1].e)},
			Type:     r.typ,
			Value:    r.val,
			Anchored: anchored,
		})
		i = r.end
	}
	// The grammar never produces overlaps; keep the contract explicit.
	if !sort.SliceIsSorted(out, func(a, b int) bool { return out[a].Span.Start < out[b].Span.Start }) {
		sort.Slice(out, func(a, b int) bool { return out[a].Span.Start < out[b].Span.Start })
	}
	return out
}

// unresolved is r, whose value resolved against the anchor fell outside
// the years 0001-9999 that TIMEX3 values (and the publish time) can hold
// ("tomorrow" written on 9999-12-31, "yesterday" on 0001-01-01): the
// value the expression has without an anchor (XXXX-XX-XX), or r's own
// with its year made XXXX when that match differs.
func (st *state) unresolved(i int, r result) result {
	if st.has {
		st.has = false
		u, ok := st.match(i)
		st.has = true
		if ok && u.start == r.start && u.end == r.end && u.skip == r.skip && yearInRange(u.val) {
			return u
		}
	}
	r.val = unknownYear(r.val)
	r.q, r.y = 0, 0
	return r
}

type state struct {
	text    string
	ps      []piece
	a       time.Time // anchor date, midnight UTC
	has     bool
	at      time.Time // the anchor as given, for "two hours ago"
	atClock bool      // the anchor has a time of day (not midnight)
	refY    int       // last quarter mentioned, for "the quarter", "a year ago"
	refQ    int
	refQAt  int32     // sentence of that mention
	refDay  time.Time // last day named, for "the next day"
	refV    string    // last date of a year or finer named, for "that year"
	head    bool      // the first sentence is a headline (headline)
	game    int8      // matchReport's answer: 0 not read yet, 1 no, 2 yes
}

// awardNouns name an award's winner before "of the year" ("album of
// the year"); "the end of the year" stays a date.
var awardNouns = func(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}("album", "artist", "player", "song", "record", "single", "publisher", "director",
	"word", "team", "sportswoman", "sportsman", "sportsperson", "songwriter", "man", "woman", "footballer", "athlete",
	"vendor", "book", "novel", "film", "movie", "newcomer", "act", "band", "group", "entertainer", "coach", "manager",
	"personality", "actor", "actress", "designer", "writer", "author", "rookie", "car", "blog", "product",
	"performer", "musician", "producer", "breakthrough", "employer", "businessman", "businesswoman", "entrepreneur",
	"company", "retailer", "brand", "photographer", "journalist", "programme", "jockey",
	"trainer", "horse", "driver", "rider", "cricketer", "golfer", "referee", "apprentice", "teacher", "chef")

// matchMarkers are words of match reports: with two of them in the text,
// a half or a quarter without a year is the game's, not the calendar's.
var matchMarkers = []string{"half-time", "half time", "halftime", "kick-off", "scored", " goal", "penalty", "striker",
	"goalkeeper", "equaliser", "equalizer", "free-kick", "free kick", "midfield", "innings", "wicket", "touchdown",
	"quarterback", "rebounds", "referee", "the ref "}

// matchReport reports whether the text reads as a match report (two
// match markers or more), read once per text.
func (st *state) matchReport() bool {
	if st.game == 0 {
		st.game = 1
		n := 0
		for _, m := range matchMarkers {
			if strings.Contains(st.text, m) {
				if n++; n == 2 {
					st.game = 2
					break
				}
			}
		}
	}
	return st.game == 2
}

// refYM returns the year and month (0 if none) of the last date of a
// year or finer named (refV), the year 0 when there is none.
func (st *state) refYM() (int, int) {
	v := st.refV
	if len(v) < 4 || !isDigit(v[1]) || !isDigit(v[2]) || !isDigit(v[3]) {
		return 0, 0
	}
	y := int(v[0]-'0')*1000 + int(v[1]-'0')*100 + int(v[2]-'0')*10 + int(v[3]-'0')
	m := 0
	if len(v) >= 7 && v[4] == '-' && isDigit(v[5]) && isDigit(v[6]) {
		m = int(v[5]-'0')*10 + int(v[6]-'0')
	}
	return y, m
}

func (st *state) reset(doc *text.Document, anchor time.Time, has bool) {
	st.text = doc.Text
	st.ps = lex(doc.Text, st.ps[:0], func() bool { return doc.Err() != nil })
	st.has = has
	st.at, st.atClock = anchor, false
	if st.has {
		y, m, d := anchor.Date()
		st.a = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		h, mi, sec := anchor.Clock()
		st.atClock = h != 0 || mi != 0 || sec != 0
	}
	st.refQ, st.refY, st.refQAt = 0, 0, -100
	st.refDay = time.Time{}
	st.refV = ""
	st.head = headline(doc)
	st.game = 0
	// each piece's sentence: the last one that starts at or before it
	// (next is where sentence si+1 starts, past the text after the last)
	sents := doc.Sentences
	si, next := 0, math.MaxInt
	if len(sents) > 1 {
		next = sents[1].Start
	}
	ps := st.ps
	for i := range ps {
		p := &ps[i]
		for int(p.s) >= next {
			si++
			next = math.MaxInt
			if si+1 < len(sents) {
				next = sents[si+1].Start
			}
		}
		p.sent = int32(si)
	}
}

// headline reports whether doc's first sentence is a headline: the whole
// first line of the text, with no final stop and a blank line after it
// (as the summariser reads it); a dateline ("NAIROBI, Kenya (AP) _") or
// a line ending in a colon is none.
func headline(doc *text.Document) bool {
	if len(doc.Sentences) < 2 || !doc.FirstSentenceIsLine(text.HeadlineEnd(doc.Text)) {
		return false
	}
	sn := doc.Sentences[0]
	first := strings.TrimSpace(doc.Text[sn.Start:sn.End])
	if first == "" {
		return false
	}
	switch first[len(first)-1] {
	case ':', ';', ',', '_', '-': // (text.HeadlineEnd refuses . ! ?)
		return false
	}
	// a stop inside closing quotes or a bracket ends a sentence, no
	// headline: 'officials told "Reuters."'
	first = strings.TrimRight(first, "\"')]\u201d\u2019")
	if first != "" {
		switch first[len(first)-1] {
		case '.', '!', '?':
			return false
		}
	}
	return true
}

// result is one match over pieces [start, end).
type result struct {
	start, end int
	typ, val   string
	skip       int  // leading pieces matched but left out of the span
	rel        bool // depends on the anchor
	q, y       int  // a quarter it names, for later anaphora
}

func (st *state) note(r result) {
	// only quarters already over are taken as the one in focus
	if r.q > 0 && r.y > 0 && (!st.has || r.y*4+r.q < st.a.Year()*4+(int(st.a.Month())-1)/3+1) {
		st.refY, st.refQ, st.refQAt = r.y, r.q, st.ps[r.start].sent
	}
	if v := r.val; r.typ == Date && len(v) >= 4 && isDigit(v[0]) {
		st.refV = v // read by refYM when needed
	}
	if v := r.val; st.has && len(v) >= 10 && v[4] == '-' && v[7] == '-' && v[0] != 'X' && v[5] != 'X' && v[8] != 'X' {
		y := int(v[0]-'0')*1000 + int(v[1]-'0')*100 + int(v[2]-'0')*10 + int(v[3]-'0')
		m := int(v[5]-'0')*10 + int(v[6]-'0')
		d := int(v[8]-'0')*10 + int(v[9]-'0')
		st.refDay = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// --- piece helpers ---

func (st *state) c(j int) cls {
	if uint(j) >= uint(len(st.ps)) { // (j < 0 or past the end)
		return cNone
	}
	return st.ps[j].c
}

func (st *state) kind(j int) uint8 {
	if uint(j) >= uint(len(st.ps)) {
		return 0
	}
	return st.ps[j].kind
}

func (st *state) punct(j int, ch byte) bool {
	return uint(j) < uint(len(st.ps)) && st.ps[j].kind == kPunct && st.ps[j].ch == ch
}

// tight reports whether piece j directly follows piece j-1 (no space).
func (st *state) tight(j int) bool {
	return j > 0 && j < len(st.ps) && !st.ps[j].sp
}

func (st *state) num(j int) (int, int, bool) {
	if uint(j) >= uint(len(st.ps)) || st.ps[j].kind != kNum {
		return 0, 0, false
	}
	return int(st.ps[j].v), int(st.ps[j].nd), true
}

func (st *state) word(j int) string {
	if uint(j) >= uint(len(st.ps)) {
		return ""
	}
	return st.text[st.ps[j].s:st.ps[j].e]
}

// is reports whether piece j is the word w (ASCII), in any case. A word of
// ASCII letters only cannot match a w of another length.
func (st *state) is(j int, w string) bool {
	if uint(j) >= uint(len(st.ps)) {
		return false
	}
	p := &st.ps[j]
	if p.kind != kWord || p.start != startAsk && int(p.e-p.s) != len(w) {
		return false
	}
	return st.fold(p, w)
}

// fold reports whether word piece p is w in any case (is, past its quick
// tests; not inlined, so that they stay small).
//
//go:noinline
func (st *state) fold(p *piece, w string) bool { return strings.EqualFold(st.text[p.s:p.e], w) }

// future reports whether the clause around piece j speaks of the future.
func (st *state) future(j int) bool { return st.tense(j) > 0 }

// past reports whether the clause around piece j speaks of the past.
func (st *state) past(j int) bool { return st.tense(j) < 0 }

// tense reads the verb cues nearest to piece j in its sentence, looking
// back first, then ahead: +1 future, -1 past, 0 unknown.
func (st *state) tense(j int) int {
	if j < 0 || j >= len(st.ps) {
		return 0
	}
	// "has until Monday": deadlines lie ahead
	if st.c(j-1) == wUntil && (!st.past(j-1) || st.deadline(j-1)) {
		return 1
	}
	// "in May or June": the second of two months shares the first's
	// tense (its cues may lie out of the second's reach)
	if c := st.c(j); (c == cMonth || c == cMonthAbbr) && st.c(j-1) == wOr && st.c(j-2) == c {
		return st.tense(j - 2)
	}
	for k := j - 1; k >= 0 && k >= j-14 && !st.sentenceEnd(k); k-- {
		if st.modalMay(k) {
			if st.mayAhead(j) {
				return 1 // "the mill may yet close on Monday"
			}
			continue
		}
		if t := st.cue(k); t != 0 {
			if t == 3 {
				// "the planned strike on Friday": ahead for the day of
				// its own noun phrase, no tense for a day further on
				if j-k <= 4 {
					return 1
				}
				continue
			}
			if t == 2 {
				// "would": ahead of the saying, but not for "around
				// Wednesday's ruling", a thing that has happened
				if st.punct(j+1, '\'') && st.is(j+2, "s") {
					continue
				}
				t = 1
			}
			return t
		}
	}
	// a fronted adverbial ("In January, a week after ..., a bomb
	// killed") waits for its verb past the subject, however long
	ahead := 12
	if st.fronted(j) {
		ahead = 30
	}
	for k := j + 1; k < len(st.ps) && k <= j+ahead && !st.sentenceEnd(k-1); k++ {
		if st.ps[k].kind == kPunct && (st.ps[k].ch == ';' || st.ps[k].ch == ':') {
			break
		}
		if t := st.cue(k); t != 0 && t != 3 {
			return min(t, 1)
		}
	}
	return 0
}

// pastPlan reports whether a plan told in the past ("was due to", "were
// set to", "was also due to", "had been planning") stands before piece j in
// its sentence: a month it names that lies before the anchor's may be
// this year's, past.
func (st *state) pastPlan(j int) bool {
	for k := j - 1; k > 0 && k >= j-14 && !st.sentenceEnd(k); k-- {
		b := k - 1
		if st.is(b, "also") || st.is(b, "initially") || st.is(b, "originally") || st.is(b, "previously") {
			b-- // "was also due to marry in February"
		}
		if st.is(b, "was") || st.is(b, "were") || st.is(b, "been") && st.is(b-1, "had") {
			var buf [12]byte
			switch string(buf[:st.lower(k, buf[:])]) {
			case "due", "set", "scheduled", "expected", "planned", "planning", "supposed":
				return true
			}
		}
	}
	return false
}

// modalMay reports the modal "may" at piece k (lower case, not the
// month), but for "may have", a past that may have been.
func (st *state) modalMay(k int) bool {
	p := &st.ps[k]
	return p.kind == kWord && p.c == cMonth && p.v == 5 && !p.cap && !st.is(k+1, "have")
}

// mayAhead reports whether a "may" before piece j points ahead: j is a
// weekday, a month or a day's number ("may return on Monday", "may
// conduct hearings in January", "may not be done before December
// 31"), not a possessive ("Tuesday's bomb may be linked"), a quarter or a
// half ("may allow a revision of growth in the fourth quarter": the
// results of a past quarter).
func (st *state) mayAhead(j int) bool {
	switch st.c(j) {
	case cWeekday, cMonth, cMonthAbbr:
	default:
		if st.kind(j) != kNum {
			return false
		}
	}
	for k := j; k < len(st.ps) && k <= j+3; k++ {
		if st.punct(k, '\'') && st.is(k+1, "s") {
			return false
		}
	}
	return true
}

// fronted reports whether piece j opens its sentence, alone or after a
// preposition ("In January, ...").
func (st *state) fronted(j int) bool {
	k := j - 1
	if k >= 0 && st.ps[k].kind == kWord && st.ps[k].cap {
		var buf [8]byte
		switch string(buf[:st.lower(k, buf[:])]) {
		case "in", "on", "by", "since", "until", "at", "during", "from", "after", "before":
			k--
		}
	}
	return k < 0 || st.sentenceEnd(k)
}

// deadline reports whether "until" at piece u follows a verb that sets
// a deadline ("extended its deadline until", "postponed until", "gave
// them until"): the day named lies ahead even in a past sentence.
func (st *state) deadline(u int) bool {
	for k := u - 1; k >= 0 && k >= u-12 && !st.sentenceEnd(k); k-- {
		if st.punct(k, ',') {
			return false // "The strike, which gave workers a rise, lasted until"
		}
		if st.ps[k].kind != kWord {
			continue
		}
		if st.ps[k].e-st.ps[k].s >= 4 {
			w := st.word(k)
			for _, stem := range deadlineStems {
				if len(w) >= len(stem) && strings.EqualFold(w[:len(stem)], stem) {
					return true
				}
			}
		}
		if st.cue(k) < 0 {
			return false // another verb governs "until": "gave them a rise and stayed until"
		}
	}
	return false
}

// deadlineStems begin the verbs of deadline.
var deadlineStems = [...]string{"extend", "postpon", "delay", "defer", "adjourn", "gave", "given", "deadline"}

// sentenceEnd reports whether a sentence ends at piece k: a full stop,
// question or exclamation mark not after an abbreviation, or a line break
// after it; before the first piece (k < 0) one always has.
func (st *state) sentenceEnd(k int) bool {
	if k < 0 {
		return true // the text's start
	}
	p := &st.ps[k]
	if k+1 < len(st.ps) && strings.IndexByte(st.text[p.e:st.ps[k+1].s], '\n') >= 0 {
		return true
	}
	if p.kind != kPunct || (p.ch != '.' && p.ch != '?' && p.ch != '!') {
		return false
	}
	if st.punct(k+1, ',') {
		return false // "Birmingham, Ala., said", "Yahoo!, the portal,": no sentence ends before a comma
	}
	if p.ch == '.' && k > 0 && st.ps[k-1].kind == kWord && st.tight(k) {
		w := st.word(k - 1)
		if len(w) == 1 || st.ps[k-1].c == cMonthAbbr {
			return false
		}
		switch w {
		case "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Co", "Corp", "Inc", "Ltd", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Prof", "Mt", "No", "vs":
			return false
		}
	}
	return true
}

// cue is the tense piece k signals: 1 future, -1 past, 2 "would" (the
// future of a saying, which tense weighs apart), 3 "planned",
// "scheduled", "expected" as adjectives after an article (the future of
// their own noun only, which tense weighs apart), 0 none.
func (st *state) cue(k int) int {
	p := &st.ps[k]
	if p.kind != kWord {
		return 0
	}
	switch p.c {
	case cFuture:
		return 1
	case wEarly:
		if st.is(k-1, "as") {
			return 1 // "as early as Tuesday"
		}
		return 0
	case wAgo:
		return -1
	case wLast:
		if st.verbBefore(k) {
			return 0 // "will last": the verb
		}
		return -1
	case cNone:
	default:
		return 0
	}
	var buf [12]byte
	n := st.lower(k, buf[:])
	if n == 0 {
		return 0
	}
	lw := string(buf[:n])
	switch lw {
	case "going", "planned", "planning", "effective", "payable", "scheduled", "expected", "expect", "expects", "plans", "intends", "upcoming", "tomorrow", "due", "soon", "early":
		if lw == "plans" && st.c(k+1) != wTo && !st.planSubject(k-1) && !st.planObject(k+1) {
			return 0 // "set aside vacation plans", "evacuation plans were": the noun
		}
		if lw == "planned" || lw == "scheduled" || lw == "expected" {
			d := k - 1
			if n := st.ps[max(d, 0)].e - st.ps[max(d, 0)].s; d >= 0 && n > 4 && strings.HasSuffix(st.word(d), "ly") {
				d-- // "the hastily planned trip"
			}
			if st.c(d) == wA || st.c(d) == wThe {
				return 3 // an adjective: "the planned strike", "the hastily planned trip" (tense reads it)
			}
		}
		if st.is(k-1, "had") || st.is(k-1, "been") && st.is(k-2, "had") {
			return -1 // "had been due to expire Friday": a plan of the past
		}
		if lw == "expected" && st.is(k-1, "than") {
			return 0 // "fewer sales than expected in January": no plan
		}
		if lw == "due" && st.causalDue(k) {
			return 0 // "closed due to high winds": a cause, no plan
		}
		return 1
	case "would":
		h := k + 1
		if st.is(h, "not") {
			h++
		}
		if st.is(h, "have") && !st.is(h+1, "to") {
			return -1 // "would have signed on Monday": a past that did not happen
		}
		// "warned it would have to cope with difficult markets in the
		// second half": an obligation ahead
		return 2 // "said he would leave Thursday": ahead of the saying (tense reads 2 as 1)
	case "effect", "force":
		// "takes effect on 1 July", "comes into force in January", "comes
		// into effect in August", "went into effect in May"
		var b2 [8]byte
		v := k - 1
		into := st.is(v, "into")
		if into {
			v--
		} else if lw == "force" {
			return 0
		}
		switch w := string(b2[:st.lower(v, b2[:])]); w {
		case "take", "takes", "taking", "come", "comes", "coming":
			return 1
		case "go", "goes", "going":
			if into {
				return 1
			}
		case "took", "came":
			return -1
		case "went":
			if into {
				return -1
			}
		}
		return 0
	case "seen":
		// "is seen by July", "are seen in January": a forecast; "was
		// seen" is left to "was"
		if (st.is(k-1, "is") || st.is(k-1, "are") || st.is(k-1, "be")) && !st.is(k+1, "as") {
			return 1
		}
		return 0
	case "is", "are", "set", "plan", "aim", "hope", "intend":
		if st.c(k+1) == wTo {
			return 1
		}
		return 0
	case "said", "was", "were", "had", "did", "came", "went", "began", "took", "saw", "gave", "got", "won", "fell", "rose",
		"yesterday", "earlier", "became", "grew", "knew", "threw", "wrote", "spoke", "chose", "drove", "ran", "fled",
		"flew", "broke", "drew", "shook", "stole", "withdrew", "arose", "sat", "stood", "struck", "forgot", "swore":
		if lw == "won" && st.punct(k+1, '\'') && st.tight(k+1) && st.is(k+2, "t") {
			return 1 // "won't": will not
		}
		return -1
	case "told", "made", "held", "met", "left", "found", "lost", "paid", "sold", "brought", "bought", "thought",
		"sought", "fought", "taught", "caught", "spent", "sent", "built", "kept", "felt", "meant", "led", "shot":
		// past tenses, or participles after "be", "to be" ...
		if st.participle(k) {
			return 0
		}
		return -1
	}
	if n >= 5 && lw[n-2:] == "ed" {
		if p.cap && k > 0 && !st.sentenceEnd(k-1) || st.tight(k) && st.punct(k-1, '-') {
			return 0 // "United", "so-called": names and compounds
		}
		if n >= 6 && lw[n-3:] == "eed" {
			switch lw {
			case "succeed", "proceed", "exceed", "indeed", "speed":
				return 0
			}
		}
		if st.participle(k) {
			return 0 // "will stay closed", "will be signed"
		}
		if st.c(k-1) == wA || st.c(k-1) == wThe || st.is(k-1, "still") && (st.c(k-2) == wA || st.c(k-2) == wThe) {
			return 0 // "a still unspecified date", "the proposed merger": adjectives
		}
		return -1
	}
	return 0
}

// causalDue reports whether "due" at piece k opens the preposition "due
// to" before a noun phrase ("due to a fire", "due to high winds", "due
// to rising costs", "due to Christmas") rather than a plan before a bare
// verb ("due to open", "due to commence"): the word after "to" is a
// determiner, a number, a name (with "due" in lower case), or has the
// ending of a plural, a gerund, a participle, an abstract noun or an
// adjective, which bare verbs do not have ("-tion" has: "due to
// auction").
func (st *state) causalDue(k int) bool {
	if st.c(k+1) != wTo || k+2 >= len(st.ps) {
		return false
	}
	j := k + 2
	if st.ps[j].kind == kNum {
		return true
	}
	if st.ps[j].kind != kWord {
		return false
	}
	if st.ps[j].cap && !st.ps[k].cap {
		return true // "due to Christmas", "due to Hurricane Ivan"
	}
	var buf [16]byte
	n := st.lower(j, buf[:])
	if n == 0 {
		return false
	}
	w := string(buf[:n])
	switch w {
	case "a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those", "that",
		"some", "many", "several", "lack", "poor", "bad", "heavy", "high", "low", "strong", "weak", "technical",
		"injury", "no", "other", "continued", "higher":
		return true
	}
	switch {
	case n > 5 && strings.HasSuffix(w, "ing") && w != "string":
		return true // "due to rising costs", "due to being late"
	case n > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"):
		return true // "due to increased demand" (not "due to proceed")
	case n > 3 && w[n-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return true // "due to delays"
	case n > 5 && (strings.HasSuffix(w, "ness") && w != "harness" || strings.HasSuffix(w, "ity")):
		return true // "due to illness", "due to scarcity"
	case n > 5 && (strings.HasSuffix(w, "ical") || strings.HasSuffix(w, "ional") || strings.HasSuffix(w, "ual") ||
		strings.HasSuffix(w, "ous") || strings.HasSuffix(w, "ful")):
		return true // "due to mechanical faults", "due to unusual demand", "due to serious injury"
	}
	return false
}

// planSubject reports whether piece j can be the subject of the verb
// "plans" after it: a name or a pronoun ("Qantas plans daily flights",
// "it plans"), or "now", "also", "still" after one.
func (st *state) planSubject(j int) bool {
	if st.is(j, "now") || st.is(j, "also") || st.is(j, "still") {
		j--
	}
	if j < 0 || j >= len(st.ps) || st.ps[j].kind != kWord {
		return false
	}
	if st.ps[j].cap && !st.sentenceEnd(j-1) {
		return true
	}
	var b [12]byte
	switch string(b[:st.lower(j, b[:])]) {
	case "it", "he", "she", "who", "which", "that", "company", "firm", "group":
		return true
	}
	return false
}

// planObject reports whether piece j, after "plans", opens the verb's
// object ("The minister plans a visit on Friday"), which the noun
// ("evacuation plans were published") does not take.
func (st *state) planObject(j int) bool {
	var b [8]byte
	switch string(b[:st.lower(j, b[:])]) {
	case "a", "an", "another", "the", "its", "his", "her", "their", "no", "more", "further", "new", "extra", "fresh":
		return true
	}
	return false
}

// participle reports whether the word at k follows a form of "be" (not
// the past "was", "were") or "to", "stay", "remain", "get": a participle
// or adjective, no tense of its own.
func (st *state) participle(k int) bool {
	if st.c(k-1) == wTo {
		return true
	}
	var buf [8]byte
	switch string(buf[:st.lower(k-1, buf[:])]) {
	case "be", "being", "is", "are", "stay", "stays", "remain", "remains", "get":
		return true
	case "been":
		// "has been held": the perfect speaks of the past; "will have been paid"
		var b2 [8]byte
		switch string(b2[:st.lower(k-2, b2[:])]) {
		case "has", "have", "had":
			return st.c(k-3) == cFuture
		}
		return true
	}
	return false
}

// lower copies word piece j lower-cased (ASCII letters) into buf and
// returns its length, 0 when it is no word or longer than buf.
func (st *state) lower(j int, buf []byte) int {
	if uint(j) >= uint(len(st.ps)) || st.ps[j].kind != kWord || st.ps[j].e-st.ps[j].s > int32(len(buf)) {
		return 0
	}
	n := copy(buf[:], st.text[st.ps[j].s:st.ps[j].e])
	for i := 0; i < n; i++ {
		if c := buf[i]; c >= 'A' && c <= 'Z' {
			buf[i] = c + 0x20
		}
	}
	return n
}

// --- the matcher ---

func (st *state) match(i int) (result, bool) {
	p := &st.ps[i]
	// quick reject: pieces that can never start an expression
	switch p.kind {
	case kPunct:
		if p.ch != '\'' {
			return result{}, false
		}
	case kWord:
		if p.c == cNone && !st.maybeStart(i) {
			return result{}, false
		}
	}
	best, ok := st.core(i)
	// prefixes: approximators and date modifiers
	if j, kind := st.prefix(i); j > i && st.prefixFits(kind, j) {
		if r, ok2 := st.core(j); ok2 && r.skip == 0 && compatible(kind, r.typ) {
			r.start = i
			if !ok || r.end > best.end {
				best, ok = r, true
			}
		}
	}
	return best, ok
}

// maybeStart covers start words outside the lexicon's classes: the
// lexer marks the ASCII ones (piece.start, from its look-up of every ASCII
// word); other words are lower-cased and looked for in startWords.
func (st *state) maybeStart(i int) bool {
	switch st.ps[i].start {
	case startYes:
		return true
	case startAsk:
		return startWord(strings.ToLower(st.word(i)))
	}
	return false
}

// startWords are the lower-cased words outside the lexicon's classes that
// can start an expression.
var startWords = []string{"fy", "new", "near", "year", "good", "palm", "independence", "valentine", "labor", "labour", "boxing",
	"memorial", "election", "veterans", "st", "saint", "fourth", "spring", "summer", "fall", "autumn", "winter", "another"}

// startWord reports whether a lower-cased word is one of startWords.
func startWord(w string) bool {
	return slices.Contains(startWords, w)
}

// prefixFits checks what follows a prefix: approximators go with counts
// and clock times, "earlier" and "later" with this/last/next.
func (st *state) prefixFits(kind, j int) bool {
	switch kind {
	case pfxApprox, pfxMore:
		switch st.c(j) {
		case cNum, wA, wHalf, wVague, wCouple, wDozen, wHundred, wNoon, wMidnight:
			return true
		case cNone:
			return st.kind(j) == kNum
		}
		return false
	case pfxDate:
		switch st.c(j - 1) {
		case wEarlier, wLater:
			c := st.c(j)
			return c == wThis || c == wLast || c == wNext || c == wThat || c == wIn
		case wEarly, wLate:
			return st.c(j) != cWeekday
		}
	}
	return true
}

const (
	pfxApprox = iota + 1 // nearly, about, around
	pfxMore              // more than, less than, at least, over, up to
	pfxDate              // early, late, mid, the end of, earlier, later
)

func compatible(kind int, typ string) bool {
	switch kind {
	case pfxApprox:
		return true
	case pfxMore:
		return typ == Duration
	case pfxDate:
		return typ == Date || typ == Time
	}
	return false
}

func (st *state) prefix(i int) (int, int) {
	switch st.c(i) {
	case cApprox:
		if st.is(i, "some") {
			return i + 1, pfxMore
		}
		return i + 1, pfxApprox
	case wMore, wLess:
		if st.c(i+1) == wThan {
			return i + 2, pfxMore
		}
	case wNo:
		if (st.c(i+1) == wMore || st.c(i+1) == wLess) && st.c(i+2) == wThan {
			return i + 3, pfxMore
		}
	case wAt:
		if st.c(i+1) == wLeast || st.c(i+1) == wMost {
			return i + 2, pfxMore
		}
	case wUp:
		if st.c(i+1) == wTo {
			return i + 2, pfxMore
		}
	case wOver:
		return i + 1, pfxMore
	case wEarly, wLate, wEarlier, wLater, wSometime:
		return i + 1, pfxDate
	case wMid:
		if st.punct(i+1, '-') {
			return i + 2, pfxDate
		}
		return i + 1, pfxDate
	case wThe:
		switch st.c(i + 1) {
		case wEnd, wBeginning, wMiddle:
			if st.c(i+2) == wOf {
				return i + 3, pfxDate
			}
		case wEarly, wLate:
			// "the early 1980s"
			return i + 2, pfxDate
		case wMid:
			if st.punct(i+2, '-') {
				return i + 3, pfxDate
			}
			return i + 2, pfxDate
		}
	case wEnd, wBeginning, wMiddle:
		if st.c(i+1) == wOf {
			return i + 2, pfxDate
		}
	}
	return i, 0
}

// core tries every pattern at i and keeps the longest match.
func (st *state) core(i int) (result, bool) {
	var best result
	ok := false
	try := func(r result, good bool) {
		if good && (!ok || r.end > best.end) {
			best, ok = r, true
		}
	}
	// A pattern is only tried when piece i can start it: each gate below
	// holds for every piece at which the pattern can return true (read off
	// the pattern's first tests of i, whatever comes after); at any other
	// piece the pattern would return false.
	c, k := st.c(i), st.kind(i)
	if c == wA || c == wPer {
		try(st.rate(i))
	}
	if c == wThe || c == wThat {
		try(st.relDay(i))
		try(st.newYear(i))
	}
	// (a holiday's first word is of cHoliday, or "new", "good", ...
	// outside the classes, "fourth" (cOrd) or "st" (wTh); a word the lexer
	// did not look up, not all ASCII, is of cNone)
	if k == kWord && st.ps[i].cap && (c == cHoliday || c == cNone || c == cOrd || c == wTh) {
		try(st.holiday(i))
	}
	if c == cSeason || c == wThe {
		try(st.season(i))
	}
	switch c {
	case cDeixis, cTonight, wNow, cRefWord, wThe, wThese, wAt, wCurrent:
		try(st.deixis(i))
	}
	if k == kNum {
		try(st.numericDate(i))
		if c1 := st.c(i - 1); c1 == wAnd || c1 == wOr || c1 == wTo || c1 == wUntil {
			try(st.secondDay(i))
		}
	}
	switch {
	case k == kNum, c == cWeekday, c == wThe, c == cMonth, c == cMonthAbbr, c == cOrd:
		try(st.monthDate(i))
	}
	if c == cWeekday || c == cWeekdays {
		try(st.weekday(i))
	}
	switch {
	case k == kNum, k == kPunct, k == kWord && c == cNone, // "'90s", "fy"
		c == wThe, c == wFiscal, c == wQ, c == cOrd, c == cUnit:
		try(st.year(i))
	}
	switch {
	case k == kNum, c == wThe, c == wThis, c == wLast, c == wNext, c == wFiscal, c == cOrd, c == cUnit,
		c == wLatest, c == wCurrent, c == wThat:
		try(st.quarter(i))
	}
	switch c {
	case wThe, wThis, wLast, wPast, wPrevious, wNext, wComing, wFollowing, wCurrent, wSame, wThat, wWeekend, cUnit:
		try(st.relative(i))
	}
	switch {
	case k == kNum, k == kWord && c == cNone, // "initial", "final"
		c == wThe, c == wThese, c == wThat, c == wPast, c == wLast, c == wPrevious, c == wRecent,
		c == wNext, c == wComing, c == wFollowing, c == cOrd, c == wLatest, c == wA, c == wVague,
		c == wCouple, c == wDozen, c == wHundred, c == wHalf, c == cNum, c == cUnit:
		try(st.duration(i))
	}
	if c == wA || c == cNum || k == kNum {
		try(st.quarterOf(i))
	}
	if c == cSetAdv || c == wEvery || c == wEach {
		try(st.set(i))
	}
	if c == wTimes || c == cNum || c == wVague || c == wA || k == kNum {
		try(st.frequency(i))
	}
	if c == wNoon || c == wMidnight || k == kNum {
		try(st.clock(i))
	}
	if c == cPOD {
		try(st.podAlone(i))
	}
	if c == wThe || c == cUnit {
		try(st.yearish(i))
	}
	if c == cNum || c == wThe {
		try(st.spelledYear(i))
	}
	if ok {
		best.start = i + best.skip
	}
	return best, ok
}

// titleCase reports a title-case sentence around piece i, a headline
// ("Talks Set for Tomorrow", "Ferry Service Resumes Today"), where a
// capital marks no name: every word of four letters or more within 16
// pieces either side, in the sentence, is capitalised.
func (st *state) titleCase(i int) bool {
	sent, words := st.ps[i].sent, 0
	for j := max(0, i-16); j < min(len(st.ps), i+17); j++ {
		q := &st.ps[j]
		if q.sent != sent || q.kind != kWord || q.e-q.s < 4 {
			continue
		}
		if !q.cap {
			return false
		}
		words++
	}
	return words >= 2
}

// frontedSubject reports whether the year at piece y is the subject of
// its sentence after a fronted place or body: "In Britain 2004 was a
// record year", "For Ryanair 2004 proved tough": an opening preposition,
// at most three capitalised words, the year and a verb (a name's year,
// "Windows 2000 was", has no preposition before it; "At Euro 2004
// England lost" no verb after it).
func (st *state) frontedSubject(y int) bool {
	switch {
	case st.is(y+1, "was"), st.is(y+1, "is"), st.is(y+1, "has"), st.is(y+1, "had"), st.is(y+1, "saw"),
		st.is(y+1, "proved"), st.is(y+1, "brought"), st.is(y+1, "will"), st.is(y+1, "would"), st.is(y+1, "marked"),
		st.is(y+1, "became"), st.is(y+1, "could"):
	default:
		return false
	}
	for k := y - 1; k >= 0 && k >= y-4 && st.ps[k].kind == kWord && st.ps[k].sent == st.ps[y].sent; k-- {
		switch {
		case k == y-1:
		case st.is(k, "in"), st.is(k, "for"), st.is(k, "at"), st.is(k, "across"), st.is(k, "throughout"), st.is(k, "within"),
			st.is(k, "outside"), st.is(k, "inside"):
			return st.opensSentence(k)
		}
		if !st.ps[k].cap || st.ps[k].c != cNone {
			return false
		}
	}
	return false
}

// festival reports whether piece k is a feast or season the lexicon has
// no holiday for, whose year is a time ("over Xmas 2004", "during
// Ramadan 2004"), no name.
func (st *state) festival(k int) bool {
	var b [16]byte
	switch string(b[:st.lower(k, b[:])]) {
	case "xmas", "christmastime", "yuletide", "hogmanay", "ramadan", "eid", "diwali", "hanukkah", "chanukah", "passover",
		"lent", "advent", "whitsun", "pentecost", "michaelmas", "epiphany":
		return true
	}
	return false
}

// opensSentence reports whether piece i opens its sentence, after
// opening quotation marks or a bracket at most.
func (st *state) opensSentence(i int) bool {
	k := i - 1
	quoted := false
	for k >= 0 && st.ps[k].kind == kPunct && (st.ps[k].ch == '"' || st.ps[k].ch == '\'' || st.ps[k].ch == '(' || st.ps[k].ch == '`') && !st.sentenceEnd(k) {
		quoted = quoted || st.ps[k].ch != '('
		k--
	}
	// a quotation opened after a colon or a comma opens a sentence of
	// its own (He said: "Next Monday we vote."), and so does a word after
	// a dateline's spaced dash ("AP - Next October, ...")
	if k < 0 || st.sentenceEnd(k) || quoted && (st.punct(k, ':') || st.punct(k, ',')) {
		return true
	}
	return (st.punct(k, '-') || st.punct(k, '~')) && st.ps[k].sp && st.ps[k+1].sp
}

// inCompound reports whether r, opening with "a" or "an", ends a
// hyphenated compound adjective ("a thrill-a-minute film", "the
// once-a-year festival", "30-cents-a-share"): no time.
func (st *state) inCompound(r result) bool {
	k := r.start
	return (st.is(k, "a") || st.is(k, "an")) && st.tight(k) && st.punct(k-1, '-') && st.tight(k-1) &&
		k >= 2 && st.ps[k-2].kind == kWord
}

// inTitle reports an expression that is a word of a name or title, not a
// time: "Today" or "Tomorrow" written with a capital after a word of the
// same sentence, unless the sentence is a title-case headline (BBC Radio 4's "Today programme", "Pandora Tomorrow",
// "the novel Tomorrow Never Dies"), a century written with a capital
// before another capitalised word ("Twentieth Century Fox"), a
// capitalised unit ending an expression inside a sentence that is not
// title case ("60 Minutes", "Gone Are the Days"), and
// "This Week", "Next Week", "Last Night" capitalised inside a sentence
// (ABC's "This Week"), "a quarter of" anything but a unit of time ("a
// quarter of the market"), and a year right after a capitalised word of no
// time class inside a sentence ("Windows 2000", "Euro 2004").
func (st *state) inTitle(r result) bool {
	p := &st.ps[r.start]
	if r.end-r.start == 2 && r.start >= 2 && p.c == wThe && st.isUnit(r.start+1, uYear) && st.c(r.start-1) == wOf {
		// an award: "album of the year", "player of the year"
		if q := &st.ps[r.start-2]; q.kind == kWord && awardNouns[strings.ToLower(st.text[q.s:q.e])] {
			return true
		}
	}
	if r.end == r.start+1 && p.kind == kWord && p.c == cDeixis && p.cap && r.start > 0 && !st.sentenceEnd(r.start-1) {
		q := &st.ps[r.start-1]
		if (q.kind == kWord || q.kind == kNum) && !st.titleCase(r.start) {
			return true
		}
	}
	if r.end-r.start == 2 && p.kind == kWord && p.cap && (p.c == wThis || p.c == wNext || p.c == wLast) &&
		st.ps[r.start+1].cap && st.ps[r.start+1].kind == kWord && !st.titleCase(r.start) {
		if !st.opensSentence(r.start) {
			return true // a programme's name: ABC's "This Week"
		}
	}
	if r.end-r.start == 1 && p.kind == kNum && p.nd == 4 && r.start > 0 && !st.sentenceEnd(r.start-1) {
		q := &st.ps[r.start-1]
		// (the capital is a name's, not the sentence's: "Throughout 2004", "\"Clearly 2004")
		if q.kind == kWord && q.cap && q.c == cNone && q.e-q.s >= 3 && p.sp && !st.opensSentence(r.start-1) && !st.titleCase(r.start) &&
			!st.festival(r.start-1) && !st.frontedSubject(r.start) {
			return true // a name's year: "Windows 2000", "Euro 2004", "the Terrorism Act 2000"
		}
	}
	if q := r.end - 1; st.c(q) == cUnit && st.ps[q].v == uQuarter && st.punct(r.end, '-') && st.tight(r.end) &&
		st.kind(r.end+1) == kWord && st.c(r.end+1) != cUnit {
		return true // "the quarter-finals", "three quarter-point rises", "quarter-on-quarter": no quarter of a year
	}
	if r.typ == Duration && r.val == "P1Q" && st.c(r.end) == wOf && st.isUnit(r.end-1, uQuarter) {
		k := r.end + 1
		if c := st.c(k); c == wA || c == wThe {
			k++
		}
		if st.c(k) != cUnit {
			return true // a fraction: "a quarter of a point", "more than a quarter of the market"
		}
	}
	if u := r.end - 1; st.c(u) == cUnit && st.ps[u].cap && st.ps[u].v != uCentury && !(st.ps[u].v == uQuarter && st.c(u-1) == cOrd) &&
		!st.opensSentence(r.start) && !st.titleCase(r.start) {
		// a capitalised unit ending the expression inside a sentence:
		// a name (CBS's "60 Minutes", the film "Gone Are the Days",
		// "Record of The Year"), not a holiday ("Christmas Day", "Labor
		// Day"), a century ("the 19th Century") nor a company's "First
		// Quarter"
		named := true
		for k := r.start; k < u; k++ {
			if st.ps[k].kind == kWord && (st.ps[k].c == cNone || st.ps[k].c == cHoliday) {
				named = false
			}
		}
		if named {
			return true
		}
	}
	if r.end < len(st.ps) {
		n := &st.ps[r.end]
		if n.kind == kWord && n.cap && n.sp && n.sent == st.ps[r.end-1].sent && st.isUnit(r.end-1, uCentury) && st.ps[r.end-1].cap {
			return true
		}
	}
	return false
}
