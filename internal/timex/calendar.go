package timex

import (
	"strings"
	"time"
)

func (st *state) anchorQuarter() (int, int) {
	return st.a.Year(), (int(st.a.Month())-1)/3 + 1
}

// monthYear picks the year of a month (and day, 0 if none) named without
// a year: the nearest one for a full date, the tense-led one for a bare
// month.
func (st *state) monthYear(m, d, j int) int {
	y := st.a.Year()
	am := int(st.a.Month())
	if d == 0 {
		d = 15
	}
	diff := (m*31 + d) - (am*31 + st.a.Day())
	switch t := st.tense(j); {
	case t < 0 && diff > 2*31:
		return y - 1
	case t > 0 && (diff < -2*31 || m < am && !st.is(j-1, "since") && !(st.c(j-1) == wUntil && st.past(j-1)) && !st.pastPlan(j) && !st.reportOfLast(j) && !st.namesYear(j, y)):
		// "is expected in January", written in March: next January
		// (not "since January", a past deadline "postponed until 3
		// February", a past plan "the single was due out on 24 January",
		// the day the results of a period just over come out, nor a month
		// of a year the sentence names: "his 2005 season starts on 12
		// January", written in March 2005)
		return y + 1
	case t == 0 && diff > 4*31:
		return y - 1
	case t == 0 && diff < -8*31:
		return y + 1
	}
	return y
}

// reportOfLast reports whether the sentence of piece j speaks of the
// results of the period just over, which come out in the months after it
// ends: the quarter before the anchor's ("fourth-quarter earnings, due on
// 10 February", written in March) or, early in the year, the year before
// ("will report its 2004 earnings on 19 January"). A month named there
// is this year's, not next year's.
func (st *state) reportOfLast(j int) bool {
	y, aq := st.anchorQuarter()
	lastQ := aq - 1
	if lastQ == 0 {
		lastQ = 4
	}
	sent := st.ps[j].sent
	k := j
	for k > 0 && st.ps[k-1].sent == sent {
		k--
	}
	for ; k < len(st.ps) && st.ps[k].sent == sent; k++ {
		if yy, ok := st.yearNum(k); ok && yy == y-1 && aq <= 2 && st.resultWord(k+1) {
			return true
		}
		if n, e, ok := st.ordinal(k); ok && n == lastQ {
			if st.punct(e, '-') && st.tight(e) {
				e++
			}
			if st.isUnit(e, uQuarter) && st.quarterResults(k, e+1) {
				return true
			}
		}
	}
	return false
}

// namesYear reports whether the sentence of piece j names year y in
// digits.
func (st *state) namesYear(j, y int) bool {
	sent := st.ps[j].sent
	k := j
	for k > 0 && st.ps[k-1].sent == sent {
		k--
	}
	for ; k < len(st.ps) && st.ps[k].sent == sent; k++ {
		if yy, ok := st.yearNum(k); ok && yy == y {
			return true
		}
	}
	return false
}

// weekdayDate resolves weekday wd (1 = Monday) near the anchor:
// dir -1 the last one before, +1 the next one after, 0 by tense (the same
// day, else the most recent one, or the coming one in future sentences).
func (st *state) weekdayDate(wd, dir, j int) time.Time {
	if dir != 0 {
		return weekdayFrom(st.a, wd, dir)
	}
	cur := int(st.a.Weekday()+6)%7 + 1
	if wd == cur {
		return st.a
	}
	if v := st.dayVerb(j); v > 0 || v == 0 && st.future(j) {
		return st.a.AddDate(0, 0, (wd-cur+7)%7)
	}
	return st.a.AddDate(0, 0, -((cur - wd + 7) % 7))
}

// rangeEnd reports whether the weekday at piece i ends a range of days
// begun by the weekday before it ("Monday through Friday", "Monday to
// Friday", "Monday-Friday").
func (st *state) rangeEnd(i int) bool {
	if st.c(i-2) != cWeekday {
		return false
	}
	return st.is(i-1, "through") || st.is(i-1, "thru") || st.is(i-1, "to") || st.is(i-1, "until") || st.punct(i-1, '-')
}

// weekdayFrom is weekday wd (1 = Monday) strictly before day d (dir < 0)
// or strictly after it (dir > 0): a week away when d is that weekday.
func weekdayFrom(d time.Time, wd, dir int) time.Time {
	cur := int(d.Weekday()+6)%7 + 1
	if dir < 0 {
		return d.AddDate(0, 0, -((cur-wd+6)%7 + 1))
	}
	return d.AddDate(0, 0, (wd-cur+6)%7+1)
}

// dayVerb reads the verb nearest before the weekday at piece j, in its
// clause: 1 for an event verb in the present simple or progressive ("Talks
// resume on Monday", "The trial opens Tuesday", "is meeting on Friday"),
// as news present with a day named speaks of the coming one; -1 for a
// saying in the present ("says on Monday", the headline's report of a
// saying done); 0 otherwise. A tense cue met first ("resumed", "said",
// "will"), a clause break or an infinitive ("agreed to meet") leave the
// day to tense; a weekday before its verb ("On Monday, the minister
// visits") is not read, as such openings are mostly past.
func (st *state) dayVerb(j int) int {
	if st.punct(j+1, '\'') && st.is(j+2, "s") {
		return 0 // "follows Tuesday's ruling": a thing that has happened
	}
	topic := false // "warns of snow on Monday": the day of what is said
	for k := j - 1; k >= 0 && k >= j-8 && !st.sentenceEnd(k); k-- {
		p := &st.ps[k]
		if p.kind == kPunct {
			switch p.ch {
			case ',':
				if st.c(k-1) == cWeekday {
					continue // "opens Monday, Wednesday and Friday": a list of days
				}
				return 0
			case ';', ':', '"', '(', ')', '`', '\'':
				return 0
			}
			continue
		}
		if p.kind != kWord {
			continue
		}
		if st.cue(k) != 0 {
			return 0
		}
		var buf [12]byte
		n := st.lower(k, buf[:])
		if n == 0 {
			continue
		}
		w := string(buf[:n])
		switch w {
		case "says", "tells", "adds", "insists", "warns", "confirms", "denies", "claims", "argues", "admits", "say", "tell":
			if topic || st.subjectDay(j) {
				return 0 // "says Monday will be a day of mourning": the day said, not the saying's
			}
			if w[n-1] != 's' {
				// "Officials say Monday" as "Mayor says Monday"; not
				// after "to", a modal or a negation ("will say Monday")
				var b [8]byte
				switch string(b[:st.lower(k-1, b[:])]) {
				case "to", "will", "would", "not", "did", "do", "does", "could", "can", "may", "might", "should", "must":
					return 0
				}
			}
			return -1
		case "that", "which", "who", "when", "after", "before", "because", "since", "while", "if", "than", "where",
			"reports", "report", "announces", "notes", "writes", "recalls", "told":
			return 0
		case "of", "about", "against":
			topic = true
			continue
		}
		if n > 4 && w[n-3:] == "ing" {
			// "is meeting", "are not holding": the present progressive
			v := k - 1
			if st.is(v, "not") || st.is(v, "also") {
				v--
			}
			if st.is(v, "is") || st.is(v, "are") || st.is(v, "am") {
				ev := func(l string) bool { return eventVerb(l) || nounVerb(l) } // "is visiting": no noun
				if ev(w[:n-3]) || ev(w[:n-3]+"e") || n > 6 && w[n-4] == w[n-5] && ev(w[:n-4]) {
					return 1
				}
				return 0
			}
			continue // "a meeting", "the opening": nouns
		}
		if st.head && st.ps[j].sent == 0 && st.is(k-1, "to") && (!p.cap || st.titleCase(j)) && (eventVerb(w) || nounVerb(w) || headlineVerb(w)) {
			return 1 // a headline's "Minister to visit Lisbon on Monday": the plan
		}
		lemma, third := w, false
		if n > 3 && w[n-1] == 's' && w[n-2] != 's' {
			lemma, third = w[:n-1], true
			if n > 4 && w[n-2] == 'e' && (w[n-3] == 'x' || w[n-3] == 'z' || w[n-3] == 's' && w[n-4] == 's' ||
				w[n-3] == 'h' && (w[n-4] == 'c' || w[n-4] == 's')) {
				lemma = w[:n-2] // "reaches", "fixes", "passes"; "closes", "releases" keep their e
			}
			switch {
			case w == "goes":
				lemma = "go"
			case n > 4 && w[n-3:] == "ies":
				lemma = w[:n-3] + "y" // "flies"
			}
		}
		amb := nounVerb(lemma)
		if p.cap || !amb && !eventVerb(lemma) || st.punct(k+1, '-') && st.tight(k+1) || st.punct(k-1, '-') && st.tight(k) {
			continue // "the Australian Open on Monday", "open-source": names and compounds
		}
		if st.marketMove(k + 1) {
			return 0 // "Stocks close higher Monday": the market report of a day done
		}
		// a bare lemma after "to", a modal or a negation is no present
		// tense; after a determiner it is a noun ("the vote on Monday")
		var b2 [8]byte
		switch string(b2[:st.lower(k-1, b2[:])]) {
		case "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "s", "to",
			"did", "do", "does", "not", "could", "would", "should", "might", "may", "can", "must", "no", "next", "first", "last",
			"two", "three", "four", "five", "some", "many", "several", "both", "all", "other", "these", "those", "new":
			return 0 // "announced two launches on Monday": a noun
		}
		pro := st.is(k-1, "they") || st.is(k-1, "we")
		if amb {
			// "visits", "votes", "heads" are nouns as often: only after a
			// name or a pronoun ("Albright visits", "he heads")
			if !third && !pro {
				return 0 // "a Commons debate on Wednesday"
			}
			if k == 0 || !pro && !st.ps[k-1].cap && !st.is(k-1, "he") && !st.is(k-1, "she") && !st.agent(k-1) {
				return 0
			}
		}
		if !third {
			// a bare lemma is a present tense after a plural subject
			// ("Talks resume", "the leaders meet"), a name or "they";
			// else mostly a noun ("in a televised address Friday")
			var b3 [8]byte
			switch m := st.lower(k-1, b3[:]); {
			case m > 3 && b3[m-1] == 's' && b3[m-2] != 's':
			case k > 0 && st.ps[k-1].cap && st.ps[k-1].kind == kWord && !st.sentenceEnd(k-2):
			case pro:
			default:
				return 0
			}
		}
		if st.objectOf(k) {
			return 0
		}
		if st.head && st.ps[j].sent == 0 && st.objectBefore(k, j) {
			return 0 // a headline's "Rebels take town on Monday" reports the past
		}
		return 1
	}
	return 0
}

// headlineVerb reports whether w is a verb that headlines put after "to"
// for what is planned ("Unions to strike on Monday"), besides the event
// verbs.
func headlineVerb(w string) bool {
	switch w {
	case "strike", "march", "protest", "announce", "quit", "name", "cut", "raise", "sell", "buy", "stage", "rally", "walk", "vote":
		return true
	}
	return false
}

// objectBefore reports whether a word other than a preposition or an
// adverb of time follows the verb at piece k before the weekday at j: the
// verb has an object ("take town on Monday"), which in a headline's
// present reports an event done, while "Talks resume on Monday", "Fares
// rise from Monday" announce one.
func (st *state) objectBefore(k, j int) bool {
	if k+1 >= j || st.ps[k+1].kind != kWord {
		return false
	}
	var b [10]byte
	switch string(b[:st.lower(k+1, b[:])]) {
	case "on", "in", "at", "from", "until", "till", "by", "after", "before", "early", "late", "again", "next", "this",
		"as", "for", "to", "with", "over", "into", "here", "there", "today", "tonight", "starting":
		return false
	}
	return true
}

// objectOf reports whether the verb-like word at piece k is governed by a
// verb before it in its clause: an infinitive after "help", "let", "make"
// ("helped the Mets end a streak Sunday"), or a noun right after a past
// tense that is no saying ("waved signs outside parliament on Monday";
// "said talks resume" keeps its verb, and so do "Protesters arrested in
// the raids appear", "arrested Sunday appear", the past verb being behind
// a preposition or a name).
func (st *state) objectOf(k int) bool {
	near := true // no preposition, name or clause word between
	for v := k - 1; v >= 0 && v >= k-6 && st.ps[v].kind != kPunct; v-- {
		var b [10]byte
		switch string(b[:st.lower(v, b[:])]) {
		case "help", "helps", "helped", "helping", "let", "lets", "make", "makes", "made", "see", "saw", "watch", "watched":
			return true
		case "said", "told", "announced", "reported", "added", "confirmed", "warned", "insisted", "predicted", "stressed",
			"and", "but", "or", "that", "which", "who", "when", "as", "while", "if", "where", "because",
			"on", "in", "at", "from", "with", "by", "of", "for", "into", "outside":
			near = false
			continue
		}
		if near && st.cue(v) < 0 {
			return true
		}
		if st.ps[v].cap {
			near = false
		}
	}
	return false
}

// subjectDay reports whether the weekday at piece j (with its part of
// day) is followed by a verb of its own: "says Monday will be a day of
// mourning", "warns Friday could bring snow".
func (st *state) subjectDay(j int) bool {
	e := j + 1
	if st.c(e) == cPOD {
		e++
	}
	if e >= len(st.ps) {
		return false
	}
	if st.cue(e) > 0 {
		return true // "will", "would"
	}
	var b [8]byte
	switch string(b[:st.lower(e, b[:])]) {
	case "is", "was", "could", "may", "might", "should", "can", "must":
		return true
	}
	return false
}

// marketMove reports whether piece k is a market's move ("close higher",
// "end flat", "open sharply lower", "closes up 2 percent"): the verb
// before reports a trading day. "up", "down" without a figure are the
// verb's own ("opens up to visitors", "closes down").
func (st *state) marketMove(k int) bool {
	var b [12]byte
	switch string(b[:st.lower(k, b[:])]) {
	case "up", "down":
		return st.kind(k+1) == kNum
	case "higher", "lower", "flat", "mixed", "firmer", "weaker", "stronger", "softer", "steady", "unchanged",
		"sharply", "slightly", "little", "broadly", "modestly", "mostly":
		return true
	}
	return false
}

// agent reports whether word piece k names a person or body by office
// ("minister", "team", "court"), the subject of "visits", "heads".
func (st *state) agent(k int) bool {
	var buf [12]byte
	switch string(buf[:st.lower(k, buf[:])]) {
	case "minister", "president", "premier", "chancellor", "king", "queen", "pope", "prince", "princess", "leader",
		"secretary", "envoy", "chief", "delegation", "team", "squad", "side", "club", "committee", "court", "parliament",
		"senate", "house", "board", "council", "government", "cabinet", "mayor", "governor", "senator", "official",
		"spokesman", "spokeswoman", "ambassador", "general", "commander", "champion", "coach", "band", "star":
		return true
	}
	return false
}

// eventVerb reports whether lemma is a verb of the scheduled events of
// news (meetings, visits, trials, votes, openings).
func eventVerb(lemma string) bool {
	switch lemma {
	case "meet", "open", "reopen", "begin", "resume", "end", "close", "convene", "reconvene", "arrive",
		"travel", "leave", "depart", "fly", "host", "hold", "testify", "expire", "unveil", "attend", "sign",
		"celebrate", "face", "take", "go", "sit", "hear", "consider", "discuss", "decide", "kick", "address",
		"join", "appear", "deliver", "gather", "resign", "retire", "launch", "present", "receive", "welcome",
		"compete", "perform", "publish", "lapse", "conclude", "wrap",
		"reach", "sail", "swear", "inaugurate", "elect", "choose", "select":
		return true
	}
	return false
}

// nounVerb reports whether lemma is an event verb whose forms are as often
// nouns ("visits", "votes", "heads"); dayVerb reads them only after a
// name or a pronoun.
func nounVerb(lemma string) bool {
	switch lemma {
	case "visit", "vote", "return", "head", "tour", "debate", "play", "speak", "rule", "release", "start":
		return true
	}
	return false
}

// numericDate: 2023-09-20, 2023-09-20T10:30, 9/20/2023.
func (st *state) numericDate(i int) (result, bool) {
	y, nd, ok := st.num(i)
	if !ok {
		return result{}, false
	}
	if nd == 4 && y >= 1 && st.punct(i+1, '-') && st.tight(i+1) && st.tight(i+2) { // (no year 0000)
		m, nm, ok1 := st.num(i + 2)
		if !ok1 || nm > 2 || m < 1 || m > 12 || !st.punct(i+3, '-') || !st.tight(i+3) || !st.tight(i+4) {
			return result{}, false
		}
		d, ndd, ok2 := st.num(i + 4)
		if !ok2 || ndd > 2 || d < 1 || !dayOK(m, d) {
			return result{}, false
		}
		if m == 2 && d == 29 && !leap(y) {
			return result{end: i + 5, typ: Date, val: monthValue(y, m)}, true // no such day
		}
		r := result{end: i + 5, typ: Date, val: ymdValue(y, m, d)}
		// optional time: T10:30 or " 10:30"
		k := i + 5
		if st.is(k, "t") || (st.kind(k) == kWord && st.tight(k) && len(st.word(k)) > 1 && (st.word(k)[0]|0x20) == 't') {
			// "T10" lexes as a word "T" and a number when tight
			k++
		}
		if h, nh, ok3 := st.num(k); ok3 && nh <= 2 && h < 24 && st.punct(k+1, ':') {
			if mi, nmi, ok4 := st.num(k + 2); ok4 && nmi == 2 && mi < 60 {
				r.end = k + 3
				if st.punct(r.end, ':') {
					if _, ns, ok5 := st.num(r.end + 1); ok5 && ns == 2 {
						r.end += 2
					}
				}
				r.typ = Time
				b := []byte(r.val)
				b = append(b, 'T')
				b = appendInt(b, h, 2)
				b = append(b, ':')
				b = appendInt(b, mi, 2)
				r.val = string(b)
			}
		}
		return r, true
	}
	if y == 9 && nd == 1 && st.punct(i+1, '/') && st.tight(i+1) && st.tight(i+2) && st.is911(i) {
		// "since 9/11", "the 9/11 attacks": the 2001 ones, their year
		// unknown unless the sentence gives it
		y := -1
		if n, ok := st.pastEvent(i + 3); ok {
			y = st.eventYear(n)
		}
		return result{end: i + 3, typ: Date, val: ymdValue(y, 9, 11)}, true
	}
	if nd <= 2 && st.punct(i+1, '/') && st.tight(i+1) && st.tight(i+2) {
		m := y
		d, ndd, ok1 := st.num(i + 2)
		if !ok1 || ndd > 2 || m < 1 || m > 12 || d < 1 || !dayOK(m, d) || !st.punct(i+3, '/') || !st.tight(i+3) || !st.tight(i+4) {
			return result{}, false
		}
		yy, ny, ok2 := st.num(i + 4)
		if !ok2 || (ny != 2 && ny != 4) || ny == 4 && yy < 1 {
			return result{}, false
		}
		if ny == 2 {
			if yy < 50 {
				yy += 2000
			} else {
				yy += 1900
			}
		}
		if m == 2 && d == 29 && !leap(yy) {
			return result{end: i + 5, typ: Date, val: monthValue(yy, m)}, true // no such day
		}
		return result{end: i + 5, typ: Date, val: ymdValue(yy, m, d)}, true
	}
	return result{}, false
}

// monthDays is the most days each month can have (February 29).
var monthDays = [13]int8{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// dayOK reports whether month m (1 to 12) can have day d: "February 30"
// and "June 31" are no dates.
func dayOK(m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= int(monthDays[m])
}

// leap reports whether y is a leap year.
func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// lineBreak reports whether a line break separates piece j from the one
// before it (a table's cells are no one date).
func (st *state) lineBreak(j int) bool {
	return j > 0 && j < len(st.ps) && strings.IndexByte(st.text[st.ps[j-1].e:st.ps[j].s], '\n') >= 0
}

// dayNum reads a day of the month at j: "20", "20th".
func (st *state) dayNum(j int) (int, int, bool) {
	d, nd, ok := st.num(j)
	if !ok || nd > 2 || d < 1 || d > 31 {
		return 0, j, false
	}
	end := j + 1
	if st.c(end) == wTh && st.tight(end) {
		end++
	}
	// not "20-year", "20:30", "20,000", "20.5", "20%"
	if st.tight(end) && st.punct(end, '-') {
		// "16-17" is a range of days; "20-year" is not a day
		if d2, nd2, ok := st.num(end + 1); !ok || nd2 > 2 || d2 <= d || d2 > 31 || !st.tight(end+1) {
			return 0, j, false
		}
	}
	if st.tight(end) && (st.punct(end, '%') || (st.punct(end, ':') && st.kind(end+1) == kNum && st.tight(end+1))) {
		return 0, j, false
	}
	if st.tight(end) && (st.punct(end, ',') || st.punct(end, '.')) && st.kind(end+1) == kNum && st.tight(end+1) {
		return 0, j, false
	}
	return d, end, true
}

// yearNum reads a four-digit year at j ("1998", "'98" is not taken here).
func (st *state) yearNum(j int) (int, bool) {
	y, nd, ok := st.num(j)
	if !ok || nd != 4 || y < 1000 || y > 2199 {
		return 0, false
	}
	if st.tight(j+1) && (st.punct(j+1, '%') || ((st.punct(j+1, ',') || st.punct(j+1, '.')) && st.kind(j+2) == kNum && st.tight(j+2))) {
		return 0, false
	}
	if st.tight(j) && (st.punct(j-1, '$') || st.punct(j-1, '#') || ((st.punct(j-1, ',') || st.punct(j-1, '.')) && st.kind(j-2) == kNum)) {
		return 0, false
	}
	if st.c(j+1) == cTZ {
		return 0, false // "1600 GMT" is a time of day
	}
	return y, true
}

// isMonth reports a month word at j and the index after it (and its dot).
func (st *state) isMonth(j int) (m, end int, abbr, ok bool) {
	switch st.c(j) {
	case cMonth:
		return int(st.ps[j].v), j + 1, false, true
	case cMonthAbbr:
		m, end = int(st.ps[j].v), j+1
		if st.punct(end, '.') && st.tight(end) {
			end++
		}
		return m, end, true, true
	}
	return 0, j, false, false
}

// monthDate: [Weekday[,]] Sept. 20[,] [2023] | September 2023 | 20 September 2023 |
// the 20th of September | bare month in a good context.
func (st *state) monthDate(i int) (result, bool) {
	j := i
	wd := 0
	if st.c(j) == cWeekday {
		wd = int(st.ps[j].v)
		j++
		if st.punct(j, ',') {
			j++
		}
	}
	// day before month: "20 September", "the 20th of September"
	if wd == 0 {
		k := j
		the := st.c(k) == wThe
		if the {
			k++
		}
		if d, e, ok := st.dayNum(k); ok {
			if st.c(e) == wOf {
				e++
			}
			if m, e2, _, ok2 := st.isMonth(e); ok2 && (!the || st.c(e-1) == wOf) && st.ps[k].sp && dayOK(m, d) {
				return st.finishMonth(i, e2, m, d)
			}
		}
		if st.c(k) == cOrd && st.c(k+1) == wOf {
			if m, e2, _, ok2 := st.isMonth(k + 2); ok2 && dayOK(m, int(st.ps[k].v)) {
				return st.finishMonth(i, e2, m, int(st.ps[k].v))
			}
		}
	}
	if wd != 0 {
		// "Sunday 27 February" (British order)
		if d, e, ok := st.dayNum(j); ok {
			if st.c(e) == wOf {
				e++
			}
			if m, e2, _, ok2 := st.isMonth(e); ok2 && dayOK(m, d) {
				return st.finishMonth(i, e2, m, d)
			}
		}
	}
	m, e, abbr, ok := st.isMonth(j)
	if !ok {
		return result{}, false
	}
	if d, e2, ok := st.dayNum(e); ok && dayOK(m, d) {
		return st.finishMonth(i, e2, m, d)
	}
	// month year: "September 2023", "Sept. 2023", "September of 2023", "June last year"
	k := e
	if st.punct(k, ',') || st.c(k) == wOf {
		k++
	}
	if y, ok := st.yearNum(k); ok {
		return result{end: k + 1, typ: Date, val: monthValue(y, m)}, true
	}
	if st.punct(k, '\'') && st.tight(k+1) {
		if yy, nd, ok := st.num(k + 1); ok && nd == 2 {
			return result{end: k + 2, typ: Date, val: monthValue(century(yy), m)}, true
		}
	}
	if st.c(k) == cNum {
		// "January nineteen ninety-seven"
		if r, ok := st.spelledYear(k); ok && len(r.val) == 4 {
			y := int(r.val[0]-'0')*1000 + int(r.val[1]-'0')*100 + int(r.val[2]-'0')*10 + int(r.val[3]-'0')
			return result{end: r.end, typ: Date, val: monthValue(y, m)}, true
		}
	}
	if (st.c(e) == wLast || st.c(e) == wThis || st.c(e) == wNext) && st.is(e+1, "year") {
		if !st.has {
			return result{end: e + 2, typ: Date, val: monthValue(-1, m), rel: true}, true
		}
		y := st.a.Year()
		if st.c(e) == wLast {
			y--
		} else if st.c(e) == wNext {
			y++
		}
		return result{end: e + 2, typ: Date, val: monthValue(y, m), rel: true}, true
	}
	if wd != 0 {
		return result{}, false
	}
	// bare month: needs a capital and, for May and March, a context
	if abbr || !st.ps[j].cap {
		return result{}, false
	}
	if m == 5 || m == 3 {
		switch st.c(j - 1) {
		case wIn, wSince, wUntil, wBy, wDuring, wEarly, wLate, wMid, wOf, wFrom, wTo, wBefore, wAfter, wLast, wNext, wThis, wEnd:
		case wThe:
			// "the March accession", not "the March of Dimes", "the March on Washington"
			switch st.c(e) {
			case wOf, wOn, wTo, wFor, wIn, wFrom, wAt, wBy, wAnd, wOr:
				return result{}, false
			}
			if st.kind(e) != kWord || st.ps[e].cap {
				return result{}, false
			}
		default:
			if !st.punct(j-1, '-') {
				return result{}, false
			}
		}
		if st.kind(e) == kWord && st.ps[e].cap && st.c(e) == cNone {
			return result{}, false // "May Smith"
		}
	}
	if st.isUnit(e, uQuarter) && m%3 == 0 {
		// "the March quarter": the quarter that ends in March
		y := -1
		if st.has {
			y = st.monthYear(m, 0, i)
		}
		return result{end: e + 1, typ: Date, val: quarterValue(y, m/3), rel: true, q: m / 3, y: y}, true
	}
	if !st.has {
		return result{end: e, typ: Date, val: monthValue(-1, m), rel: true}, true
	}
	return result{end: e, typ: Date, val: monthValue(st.monthYear(m, 0, i), m), rel: true}, true
}

func century(yy int) int {
	if yy < 40 {
		return 2000 + yy
	}
	return 1900 + yy
}

func (st *state) finishMonth(i, e, m, d int) (result, bool) {
	k := e
	if st.punct(k, ',') {
		k++
	}
	if y, ok := st.yearNum(k); ok && !st.lineBreak(k) {
		if m == 2 && d == 29 && !leap(y) {
			return result{end: k + 1, typ: Date, val: monthValue(y, m)}, true // no such day
		}
		return result{end: k + 1, typ: Date, val: ymdValue(y, m, d)}, true
	}
	if y, ok := st.rangeYear(e); ok {
		// "April 24 and 25, 2013": the year after the second day
		if m == 2 && d == 29 && !leap(y) {
			return result{end: e, typ: Date, val: monthValue(y, m)}, true
		}
		return result{end: e, typ: Date, val: ymdValue(y, m, d)}, true
	}
	if !st.has {
		return result{end: e, typ: Date, val: ymdValue(-1, m, d), rel: true}, true
	}
	y := st.monthYear(m, d, i)
	if n, ok := st.pastEvent(e); ok && !st.mayHappen(i) {
		// "the Oct. 23 sniper attack", "the Aug. 7 embassy bombings": a
		// day that names what happened on it is the latest one before
		// the anchor (TimeBank and AQUAINT resolve them so); "the
		// September 11 attacks" name the 2001 ones, whose year is left
		// unknown unless the sentence gives one
		switch {
		case m == 9 && d == 11:
			y = st.eventYear(n)
		case m > int(st.a.Month()) || m == int(st.a.Month()) && d > st.a.Day():
			y = st.a.Year() - 1
		default:
			y = st.a.Year()
		}
		if y < 0 || m == 2 && d == 29 && !leap(y) {
			return result{end: e, typ: Date, val: ymdValue(-1, m, d), rel: true}, true
		}
		return result{end: e, typ: Date, val: ymdValue(y, m, d), rel: true}, true
	}
	if m == 2 && d == 29 {
		// "Feb. 29": the leap year before, or after in a future sentence
		step := -1
		if st.tense(i) > 0 {
			step = 1
		}
		for !leap(y) {
			y += step
		}
	}
	if st.c(i) == cWeekday {
		// "Sunday, Feb. 27": the year, next to the guessed one, in
		// which the day falls on that weekday
		wd := time.Weekday(st.ps[i].v % 7)
		for _, dy := range [...]int{0, -1, 1} {
			if t := time.Date(y+dy, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Weekday() == wd && t.Day() == d {
				y += dy
				break
			}
		}
	}
	return result{end: e, typ: Date, val: ymdValue(y, m, d), rel: true}, true
}

// is911 reports whether the pieces from i are "9/11" written alone, not a
// fraction ("6 9/11"), part of a longer number ("9/11/2001" is read as a
// full date) or of a score.
func (st *state) is911(i int) bool {
	if d, nd, ok := st.num(i + 2); !ok || d != 11 || nd != 2 {
		return false
	}
	if st.kind(i-1) == kNum || st.tight(i) && (st.punct(i-1, '/') || st.punct(i-1, '.')) {
		return false
	}
	if i > 0 && st.ps[i-1].kind == kWord && st.ps[i-1].cap && st.ps[i-1].c == cNone {
		switch {
		case st.is(i-1, "The"), st.is(i-1, "Since"), st.is(i-1, "After"), st.is(i-1, "Before"), st.is(i-1, "Post"), st.is(i-1, "Pre"):
		case st.opensSentence(i-1) && (st.is(i-1, "Remember") || st.is(i-1, "Remembering") || st.is(i-1, "Recall") ||
			st.is(i-1, "Forget") || st.is(i-1, "Until") || st.is(i-1, "Like") || st.is(i-1, "Unlike") || st.is(i-1, "Despite")):
			// a verb or preposition opening the sentence: "Remember
			// 9/11?", "Like 9/11, the attack ..."
		default:
			return false // a title: "Fahrenheit 9/11"
		}
	}
	if st.tight(i+3) && (st.punct(i+3, '/') || st.punct(i+3, '%') || st.punct(i+3, '.') && st.kind(i+4) == kNum) {
		return false
	}
	if st.c(i+3) == wOf {
		_, ok := st.yearNum(i + 4)
		return ok // "won 9/11 of the votes": a fraction; "the 9/11 of 2001" stays
	}
	if st.is(i-1, "scored") || st.is(i-1, "scoring") || st.is(i-1, "scores") || st.is(i-1, "score") {
		return false // "she scored 9/11 on the quiz"
	}
	return true
}

// pastEvent reports whether the words from piece e, after a day and
// month, name an event of the kind that is reported only once it has
// happened ("attacks", "bombings", "massacre"), after at most three
// modifiers ("sniper", "terrorist", "U.S. embassy"), and returns the
// noun's piece.
func (st *state) pastEvent(e int) (int, bool) {
	for k := e; k < len(st.ps) && k <= e+5; k++ {
		p := &st.ps[k]
		if p.kind == kPunct && p.ch == '.' && st.tight(k) && k > e {
			continue // "U.S."
		}
		if p.kind != kWord || p.c != cNone && k == e {
			return 0, false
		}
		var b [14]byte
		switch string(b[:st.lower(k, b[:])]) {
		case "attack", "attacks", "bombing", "bombings", "massacre", "massacres", "shooting", "shootings",
			"killings", "blast", "blasts", "explosion", "explosions", "hijacking", "hijackings", "ambush",
			"assassination", "atrocity", "atrocities", "rampage", "carnage", "uprising", "coup", "earthquake",
			"quake", "tsunami", "riots", "stampede", "derailment", "disaster", "tragedy", "catastrophe", "crash", "floods",
			"sinking":
			return k, !st.ahead(k + 1)
		case "fire", "storm", "storms":
			// not a figure of speech: "the New Year's Eve storm of
			// revellers", "the Boxing Day fire sale" (but "the storm
			// of 1987")
			if st.is(k+1, "of") && st.eventYear(k) < 0 || st.is(k+1, "sale") || st.is(k+1, "sales") {
				return 0, false
			}
			return k, !st.ahead(k + 1)
		case "and", "or", "of", "on", "in", "at", "to", "for", "by", "from", "with", "the", "a", "an", "was", "were",
			"is", "are", "will", "would", "when", "that", "which":
			return 0, false
		}
		if k >= e+3 {
			return 0, false
		}
	}
	return 0, false
}

// ahead reports whether the words from piece k put the event before them
// ahead: "will", "could", "may", "might" or "is expected", "is forecast",
// "is due", "is likely" ("the Christmas Day storm will bring snow").
func (st *state) ahead(k int) bool {
	switch {
	case st.is(k, "will"), st.is(k, "could"), st.is(k, "may"), st.is(k, "might"):
		return true
	case st.is(k, "is"), st.is(k, "are"):
		return st.is(k+1, "expected") || st.is(k+1, "forecast") || st.is(k+1, "due") || st.is(k+1, "likely")
	}
	return false
}

// mayHappen reports whether the words just before the date at piece i
// make its event one that may lie ahead: an indefinite article or a word
// of plan or threat ("warned of a possible Dec. 25 attack", "foiled a
// planned March 1 bombing"), no event reported once it has happened.
func (st *state) mayHappen(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3 && st.ps[k].kind == kWord; k-- {
		var b [12]byte
		switch string(b[:st.lower(k, b[:])]) {
		case "a", "an", "another", "any", "possible", "planned", "threatened", "feared", "potential", "proposed",
			"expected", "imminent", "future", "next":
			return true
		case "the", "this", "that", "last", "since", "after", "before", "of", "in", "on", "by", "from", "to":
			return false
		}
	}
	return false
}

// eventYear is the year written right after the event noun at piece n
// ("the 9/11 attacks in 2001", "the 11 September attack of 2001"), -1
// when there is none.
func (st *state) eventYear(n int) int {
	if st.is(n+1, "in") || st.is(n+1, "of") {
		if y, ok := st.yearNum(n + 2); ok {
			return y
		}
	}
	return -1
}

// rangeYear reads "and 25, 2013" ("or", "to", "until") at k, after the
// first day of two: the year they share.
func (st *state) rangeYear(k int) (int, bool) {
	switch st.c(k) {
	case wAnd, wOr, wTo, wUntil:
	default:
		return 0, false
	}
	_, e, ok := st.dayNum(k + 1)
	if !ok {
		return 0, false
	}
	if st.punct(e, ',') {
		e++
	}
	if st.lineBreak(e) {
		return 0, false
	}
	return st.yearNum(e)
}

// secondDay: the second day of "April 24 and 25", "March 7 or 8", "May
// 3 to 5", in the first one's month (and year, if it follows).
func (st *state) secondDay(i int) (result, bool) {
	switch st.c(i - 1) {
	case wAnd, wOr, wTo, wUntil:
	default:
		return result{}, false
	}
	d, e, ok := st.dayNum(i)
	if !ok || st.c(e) == cUnit || st.c(e) == cMonth || st.c(e) == cMonthAbbr || st.kind(e) == kNum ||
		st.kind(e) == kWord && st.c(e) == cNone && !st.ps[e].cap {
		return result{}, false // "24 and 25 percent"
	}
	d0, _, ok0 := st.dayNum(i - 2)
	if !ok0 || d <= d0 || !st.tight(i-1) && st.kind(i-1) == kPunct {
		return result{}, false
	}
	k := i - 3 // the month before the first day ("Sept." is two pieces)
	if st.punct(k, '.') {
		k--
	}
	m, me, _, okm := st.isMonth(k)
	if !okm || me != i-2 || !dayOK(m, d) {
		return result{}, false
	}
	r, ok := st.finishMonth(i, e, m, d)
	return r, ok
}

// weekday: Wednesday, Wednesday night, Mondays (set), Tuesday nights.
func (st *state) weekday(i int) (result, bool) {
	switch st.c(i) {
	case cWeekdays:
		if !st.ps[i].cap {
			return result{}, false
		}
		wd := int(st.ps[i].v)
		var arr [24]byte
		b := append(arr[:0], "XXXX-WXX-"...)
		b = appendInt(b, wd, 1)
		return result{end: i + 1, typ: Set, val: string(b)}, true
	case cWeekday:
	default:
		return result{}, false
	}
	wd := int(st.ps[i].v)
	end := i + 1
	pod := 0
	if st.c(end) == cPOD {
		pod = int(st.ps[end].v)
		if st.ps[end].pl {
			return result{}, false
		}
		// "Tuesday nights" is a set
		if strings.HasSuffix(strings.ToLower(st.word(end)), "s") {
			var arr [24]byte
			b := append(arr[:0], "XXXX-WXX-"...)
			b = appendInt(b, wd, 1)
			b = append(b, 'T')
			b = append(b, podCode[pod]...)
			return result{end: end + 1, typ: Set, val: string(b)}, true
		}
		end++
	}
	var arr [24]byte
	val := arr[:0]
	if st.has {
		t := st.weekdayDate(wd, 0, i)
		if r := end; pod == 0 && !t.After(st.a) && st.c(r+1) == cWeekday && st.rangeEnd(r+1) {
			// "lasted from Monday to Friday", "was closed Monday through
			// Wednesday": a past range ends on the day its tense gives
			// the last weekday and begins before it
			if e := st.weekdayDate(int(st.ps[r+1].v), 0, r+1); !e.After(st.a) && e.Before(t) {
				t = weekdayFrom(e, wd, -1)
			}
		}
		if st.rangeEnd(i) && st.refDay.After(st.a) && !t.After(st.refDay) {
			// "opens Monday through Friday", "will be open Monday to
			// Friday": a range begun on a coming day ends after it
			t = weekdayFrom(st.refDay, wd, 1)
		}
		val = appendDay(val, t)
	} else {
		val = append(val, "XXXX-WXX-"...)
		val = appendInt(val, wd, 1)
	}
	typ := Date
	if pod > 0 {
		typ = Time
		val = append(val, 'T')
		val = append(val, podCode[pod]...)
	}
	return result{end: end, typ: typ, val: string(val), rel: true}, true
}

// year: 1990, fiscal 1990, the year 2000, 1990s, the '90s, the nineties,
// the 20th century, Q3 2023, FY2024.
func (st *state) year(i int) (result, bool) {
	j := i
	the := false
	if st.c(j) == wThe {
		the = true
		j++
	}
	// decades and centuries
	if end, dec, ok := st.decade(j); ok {
		if dec < 0 {
			return result{end: end, typ: Date, val: string(appendInt(nil, -dec, 2))}, true
		}
		return result{end: end, typ: Date, val: string(appendInt(nil, dec, 3))}, true
	}
	if st.c(j) == cDecadeWord && the {
		return result{end: j + 1, typ: Date, val: "19" + string(byte('0'+st.ps[j].v))}, true
	}
	if n, e, ok := st.ordinal(j); ok {
		skip := 0
		if st.punct(e, '-') && st.tight(e) && st.tight(e+1) {
			e++ // "the 16th-century church": the adjective, without "the"
			skip = j - i
		}
		if st.c(e) == cUnit && st.ps[e].v == uCentury && !st.ps[e].pl && n >= 1 && n <= 21 {
			b := appendInt(nil, n-1, 2)
			return result{end: e + 1, typ: Date, val: string(b), skip: skip}, true
		}
	}
	if the && st.is(j, "year") {
		if y, ok := st.yearNum(j + 1); ok {
			return result{end: j + 2, typ: Date, val: yearValue(y)}, true
		}
		return result{}, false
	}
	if the {
		return result{}, false
	}
	fiscal := false
	if st.c(j) == wFiscal || st.is(j, "fy") {
		fiscal = true
		j++
		if st.isUnit(j, uYear) && st.kind(j+1) == kNum {
			j++ // "fiscal year 2014"
		}
	}
	if st.c(j) == wQ && st.tight(j+1) {
		if q, nd, ok := st.num(j + 1); ok && nd == 1 && q >= 1 && (q <= 4 && st.ps[j].v == 'q' || q <= 2 && st.ps[j].v == 'h') && !st.tight(j+2) {
			e := j + 2
			k := e
			if st.c(k) == wOf || st.punct(k, ',') {
				k++
			}
			y, ok := st.yearNum(k)
			if ok {
				e = k + 1
			}
			if !ok {
				if !st.has {
					return result{end: e, typ: Date, val: halfOrQuarter(-1, q, byte(st.ps[j].v)), rel: true}, true
				}
				y = st.quarterYear(q, i, e, st.ps[j].v == 'h', fiscal)
			}
			return result{end: e, typ: Date, val: halfOrQuarter(y, q, byte(st.ps[j].v)), rel: !ok, q: qIf(q, byte(st.ps[j].v)), y: y}, true
		}
	}
	y, ok := st.yearNum(j)
	if !ok {
		return result{}, false
	}
	if !fiscal {
		// a bare four-digit number is a year only when it looks like one
		if y < 1900 && !(st.c(j-1) == wIn || st.c(j-1) == wSince || st.c(j-1) == wOf || st.c(j-1) == wUntil || st.c(j-1) == wBy || st.c(j-1) == wFrom) {
			return result{}, false
		}
		if st.c(j+1) == cUnit || st.is(j+1, "percent") {
			return result{}, false
		}
		if st.tight(j+1) && st.punct(j+1, '-') && st.kind(j+2) == kNum {
			// "2010-2012" is a range of years, each one a date;
			// "1990-91" and scores are left alone
			if y2, ok := st.yearNum(j + 2); !ok || y2 <= y || !st.tight(j+2) {
				return result{}, false
			}
		}
	}
	return result{end: j + 1, typ: Date, val: yearValue(y)}, true
}

// decade reads "1990s", "'90s", "1990's", "the 80s" at j: the index
// after it and the decade (199).
func (st *state) decade(j int) (int, int, bool) {
	if st.punct(j, '\'') {
		if yy, nd, ok := st.num(j + 1); ok && nd == 2 && yy%10 == 0 && st.tight(j+1) && st.c(j+2) == wS && st.tight(j+2) {
			return j + 3, century(yy) / 10, true
		}
		return 0, 0, false
	}
	y, nd, ok := st.num(j)
	if !ok || y%10 != 0 {
		return 0, 0, false
	}
	switch {
	case nd == 2 && (st.c(j-1) == wThe || st.c(j-1) == wEarly || st.c(j-1) == wLate || st.c(j-1) == wMid || st.punct(j-1, '-')):
		y = century(y)
	case nd == 4 && y >= 1000 && y <= 2190:
	default:
		return 0, 0, false
	}
	end := 0
	if st.c(j+1) == wS && st.tight(j+1) {
		end = j + 2
	} else if st.punct(j+1, '\'') && st.tight(j+1) && st.c(j+2) == wS && st.tight(j+2) {
		end = j + 3
	} else {
		return 0, 0, false
	}
	if y == 1000 && st.c(end) == wOf {
		return 0, 0, false // "1000s of fans": thousands
	}
	if nd == 4 && y%100 == 0 && y < 2000 {
		return end, -y / 100, true // "the 1800s": the century (a negative dec)
	}
	return end, y / 10, true
}

func qIf(q int, kind byte) int {
	if kind == 'q' {
		return q
	}
	return 0
}

func halfOrQuarter(y, n int, kind byte) string {
	if kind == 'h' {
		b := []byte{}
		if y < 0 {
			b = append(b, "XXXX"...)
		} else {
			b = appendInt(b, y, 4)
		}
		b = append(b, "-H"...)
		b = appendInt(b, n, 1)
		return string(b)
	}
	return quarterValue(y, n)
}

// ordinal reads "third", "3rd", "second" at j.
func (st *state) ordinal(j int) (int, int, bool) {
	switch st.c(j) {
	case cOrd:
		return int(st.ps[j].v), j + 1, true
	case cUnit:
		if st.ps[j].v == uSecond && !st.ps[j].pl {
			return 2, j + 1, true
		}
	}
	if n, nd, ok := st.num(j); ok && nd <= 2 && st.c(j+1) == wTh && st.tight(j+1) {
		return n, j + 2, true
	}
	return 0, j, false
}

// yearBack reads "a year ago", "a year earlier" or "last year" at j and
// returns the index after it, j when there is none.
func (st *state) yearBack(j int) int {
	switch {
	case st.c(j) == wA && st.isUnit(j+1, uYear) && (st.c(j+2) == wAgo || st.c(j+2) == wEarlier):
		return j + 3
	case st.c(j) == wLast && st.isUnit(j+1, uYear) && !(st.punct(j+2, '\'') && st.is(j+3, "s")):
		return j + 2
	}
	return j
}

// quarterYear picks the year of quarter q (a half when half) named
// without one at pieces i to e (e after it): in a past sentence, or one of
// unknown tense, the last such quarter begun (last year's for a quarter
// still ahead); in a future sentence, this year's, as a quarter named
// alone is one of the calendar year. Two quarters of the calendar (not
// fiscal, not halves) in a future sentence are the nearest such quarter
// instead: a fourth quarter whose results the sentence speaks of, early in
// the year, is the one just over ("expects fourth-quarter earnings",
// written in March: last year's; results come out after a quarter ends),
// and one that opens a time ahead two or three quarters back is next
// year's ("is expected to reopen in the first quarter", written in
// November).
func (st *state) quarterYear(q, i, e int, half, fiscal bool) int {
	y, aq := st.anchorQuarter()
	if !st.future(i) {
		if q > aq {
			return y - 1
		}
		return y
	}
	switch {
	case half || fiscal:
	case q == 4 && aq == 1 && st.quarterResults(i, e):
		return y - 1
	case aq-q >= 2 && st.quarterAhead(i, e):
		return y + 1
	}
	return y
}

// quarterAhead reports whether the quarter at pieces i to e (e after it),
// which starts with "the", is the time of an event ahead: "in", "by",
// "until", "during" or "before" stands before it ("expected in the first
// quarter", "finalized by the second quarter"), not after a comparison
// ("lower than in the second quarter", "as in the second quarter", "this
// compares with $8 million in the first quarter"), and
// neither a word of results ("in the first quarter earnings"), a comma, a
// possessive nor "ended", "ending" follows it (a company's own quarter:
// "in the second quarter ending December 31").
func (st *state) quarterAhead(i, e int) bool {
	if st.c(i) != wThe {
		return false
	}
	k := i - 1
	if !(st.is(k, "in") || st.is(k, "by") || st.is(k, "until") || st.is(k, "during") || st.is(k, "before")) {
		return false
	}
	if st.is(k-1, "than") || st.is(k-1, "as") {
		return false
	}
	for b := k - 1; b >= 0 && b >= k-6 && st.ps[b].sent == st.ps[k].sent; b-- {
		if st.is(b, "compares") || st.is(b, "compared") || st.is(b, "compare") || st.is(b, "comparison") {
			return false
		}
	}
	if st.resultWord(e) || st.punct(e, ',') || st.punct(e, '\'') || st.is(e, "ended") || st.is(e, "ending") {
		return false
	}
	return true
}

// quarterResults reports whether the quarter at pieces i to e (e after
// it) names the quarter whose figures a sentence speaks of: a word of
// results follows it ("fourth-quarter earnings", "third quarter net
// income"), or it follows one and "for" ("a loss for the fourth quarter",
// "results for the second quarter").
func (st *state) quarterResults(i, e int) bool {
	if st.resultWord(e) {
		return true
	}
	k := i - 1
	if st.c(k) == wThe {
		k--
	}
	if !st.is(k, "for") {
		return false
	}
	for b := k - 1; b >= 0 && b >= k-4 && st.ps[b].sent == st.ps[k].sent; b-- {
		if st.resultWord(b) {
			return true
		}
	}
	return false
}

// resultWord reports whether piece k is a noun of a period's figures
// ("earnings", "sales") or a modifier that starts one ("net income",
// "operating profit").
func (st *state) resultWord(k int) bool {
	if st.kind(k) != kWord {
		return false
	}
	for _, w := range [...]string{"results", "earnings", "profit", "profits", "loss", "losses", "sales", "revenue",
		"revenues", "income", "figures", "numbers", "net", "operating", "pretax", "eps"} {
		if st.is(k, w) {
			return true
		}
	}
	return false
}

// quarter: the third quarter, third-quarter, the fiscal first quarter,
// the third quarter of 1990, the 1988 third quarter, this year's third
// quarter, the first half, the quarter, the latest quarter, the year-ago
// quarter.
func (st *state) quarter(i int) (result, bool) {
	j := i
	if st.c(j) == wThe {
		j++
	}
	// "the year-ago third quarter", "the year-earlier first half"
	if j > i && st.isUnit(j, uYear) && st.punct(j+1, '-') && st.tight(j+1) && (st.c(j+2) == wAgo || st.c(j+2) == wEarlier) {
		if _, _, ok := st.ordinal(j + 3); ok {
			if r, ok := st.quarter(j + 3); ok && r.skip == 0 && r.y > 0 || ok && !st.has {
				if r.y > 0 {
					r.y--
					r.val = halfOrQuarter(r.y, int(r.val[len(r.val)-1]-'0'), r.val[5]|0x20)
					r.q, r.rel = 0, true
				}
				return r, true
			}
		}
	}
	y, hasY := 0, false
	shift := 0 // years relative to the anchor year
	relYear := false
	if yy, ok := st.yearNum(j); ok {
		y, hasY = yy, true
		j++
	}
	// "this year's", "last year's"
	if (st.c(j) == wThis || st.c(j) == wLast || st.c(j) == wNext) && st.is(j+1, "year") && st.punct(j+2, '\'') && st.is(j+3, "s") {
		relYear = true
		switch st.c(j) {
		case wLast:
			shift = -1
		case wNext:
			shift = 1
		}
		j += 4
	}
	fiscal := st.c(j) == wFiscal
	if fiscal {
		j++
		if st.punct(j, '-') {
			j++
		}
	}
	n, e, ok := st.ordinal(j)
	if !ok && st.c(j+1) == wHalf && st.c(j+2) == wOf && !hasY && !relYear && (st.c(j) == wLast || st.is(j, "latter")) {
		// "the last half of 1989": the second half (of a year named)
		if y, ok := st.yearNum(j + 3); ok {
			return result{end: j + 4, typ: Date, val: halfOrQuarter(y, 2, 'h')}, true
		}
	}
	kind := byte('q')
	if ok {
		hyph := false
		if st.punct(e, '-') && st.tight(e) {
			e++
			hyph = true
		}
		if hyph && j == i+1 {
			// "the third-quarter results": the adjective alone
			r, ok := st.quarter(j)
			if ok {
				r.skip = 1
			}
			return r, ok
		}
		switch {
		case st.c(e) == cUnit && st.ps[e].v == uQuarter && !st.ps[e].pl && n >= 1 && n <= 4:
		case st.c(e) == wHalf && (n == 1 || n == 2):
			kind = 'h'
		default:
			return result{}, false
		}
		end := e + 1
		// "the first half of the year", "the third quarter of last year"
		if !hasY && !relYear && st.c(end) == wOf {
			k := end + 1
			switch {
			case st.c(k) == wThe && st.isUnit(k+1, uYear):
				relYear, end = true, k+2
			case (st.c(k) == wThis || st.c(k) == wLast || st.c(k) == wNext) && st.isUnit(k+1, uYear):
				relYear, end = true, k+2
				if st.c(k) == wLast {
					shift = -1
				} else if st.c(k) == wNext {
					shift = 1
				}
			}
		}
		if !hasY && !relYear {
			k := end
			if st.c(k) == wOf || st.punct(k, ',') {
				k++
				if st.c(k) == wFiscal || st.is(k, "calendar") && st.c(k-1) == wOf {
					k++ // "of fiscal 1997", "of calendar 1997"
				}
			}
			if yy, ok := st.yearNum(k); ok {
				y, hasY, end = yy, true, k+1
			} else if st.c(k-1) != wOf && st.c(k) == wFiscal {
				if yy, ok := st.yearNum(k + 1); ok {
					y, hasY, end = yy, true, k+2
				}
			}
		}
		if hasY {
			return result{end: end, typ: Date, val: halfOrQuarter(y, n, kind), q: qIf(n, kind), y: y}, true
		}
		if !relYear && st.c(end) == wOf && st.c(end+1) == wThe && !st.isUnit(end+2, uYear) && !st.isUnit(end+3, uYear) {
			return result{}, false // "the first half of the century (of the match)", not "of the (current) year"
		}
		if !relYear && st.matchReport() {
			return result{}, false // "shot wide in the first half", "a third-quarter touchdown": the game's
		}
		if !st.has {
			return result{end: end, typ: Date, val: halfOrQuarter(-1, n, kind), rel: true}, true
		}
		if relYear {
			y = st.a.Year() + shift
		} else if kind == 'q' {
			y = st.quarterYear(n, i, end, false, fiscal)
		} else {
			y = st.a.Year()
			if n == 2 && st.a.Month() < 7 && !st.future(i) {
				y--
			}
		}
		return result{end: end, typ: Date, val: halfOrQuarter(y, n, kind), rel: true, q: qIf(n, kind), y: y}, true
	}
	// "last year's quarter", "this year's quarter": the quarter in focus
	if relYear && !hasY && st.isUnit(j, uQuarter) {
		if !st.has {
			return result{end: j + 1, typ: Date, val: quarterValue(-1, 0), rel: true}, true
		}
		q := st.refQ
		if q == 0 {
			_, q = st.lastQuarter()
		}
		return result{end: j + 1, typ: Date, val: quarterValue(st.a.Year()+shift, q), rel: true}, true
	}
	// relative quarters
	if hasY || relYear || j == i && st.c(i) != wLatest && st.c(i) != wCurrent && st.c(i) != wThis && st.c(i) != wLast && st.c(i) != wNext && st.c(i) != wThat {
		return result{}, false
	}
	mode := 0 // 0 the quarter in focus, 1 current, -1 previous, +2 next, 4 year-ago
	k := j
	switch st.c(k) {
	case wLatest:
		mode = 0
		k++
	case wCurrent, wThis:
		mode = 1
		k++
	case wLast, wPrevious, wPast:
		mode = -1
		k++
	case wNext, wComing, wFollowing:
		mode = 2
		k++
	case wSame, wThat:
		k++
	}
	if st.is(k, "comparable") || st.is(k, "corresponding") {
		k++
	}
	if st.is(k, "year") && st.punct(k+1, '-') && (st.c(k+2) == wAgo || st.c(k+2) == wEarlier) {
		mode = 4
		k += 3
	}
	if !(st.c(k) == cUnit && st.ps[k].v == uQuarter && !st.ps[k].pl) {
		return result{}, false
	}
	end := k + 1
	if u, ok := st.quarterUnit(k, true); ok && mode != 4 {
		// "the past quarter-century", "over the last quarter of a
		// century": a quarter of the unit's length
		return result{end: u + 1, typ: Duration, val: durationValue(0.25, int(st.ps[u].v))}, true
	}
	if mode == -1 && st.c(i) == wThe && st.c(end) == wOf {
		// "the last quarter of 2004": that year's fourth; "the last
		// quarter of last year (this year)": the fourth of that year
		// ("of the year" may be a year named before, read apart)
		if y, ok := st.yearNum(end + 1); ok {
			return result{end: end + 2, typ: Date, val: quarterValue(y, 4), q: 4, y: y}, true
		}
		if c := st.c(end + 1); (c == wLast || c == wThis) && st.isUnit(end+2, uYear) && st.has {
			y := st.a.Year()
			if c == wLast {
				y--
			}
			return result{end: end + 3, typ: Date, val: quarterValue(y, 4), rel: true, q: 4, y: y}, true
		}
	}
	if mode == 0 {
		// "the quarter a year ago", "the same quarter last year"
		if e := st.yearBack(end); e > end {
			mode, end = 4, e
		}
	}
	if !st.has {
		return result{end: end, typ: Date, val: quarterValue(-1, 0), rel: true}, true
	}
	ay, aq := st.anchorQuarter()
	var qy, qq int
	switch mode {
	case 1:
		qy, qq = ay, aq
	case -1:
		qy, qq = ay, aq-1
	case 2:
		qy, qq = ay, aq+1
	default:
		if st.refQ > 0 {
			qy, qq = st.refY, st.refQ
		} else {
			qy, qq = ay, aq-1
		}
		if mode == 4 {
			qy--
		}
	}
	if qq < 1 {
		qq += 4
		qy--
	} else if qq > 4 {
		qq -= 4
		qy++
	}
	r := result{end: end, typ: Date, val: quarterValue(qy, qq), rel: true}
	if mode != 4 {
		r.q, r.y = qq, qy
	}
	return r, true
}
