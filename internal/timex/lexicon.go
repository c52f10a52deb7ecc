package timex

import (
	"encoding/binary"

	"github.com/lector-nlp/lector/internal/text"
)

// cls is the lexical class of a word piece.
type cls uint8

const (
	cNone       cls = iota
	cMonth          // v = 1..12
	cMonthAbbr      // v = 1..12; needs a dot, a day or a year
	cWeekday        // v = 1 (Monday) .. 7 (Sunday)
	cWeekdays       // plural weekday ("Mondays"), v = 1..7
	cUnit           // v = unit; see pl for plural
	cNum            // number word; v = value
	cOrd            // ordinal word; v = value
	cDecadeWord     // "nineties": v = 9
	cPOD            // part of day; v = pod index
	cSeason         // v = season index
	cSetAdv         // "daily": v = unit
	cDeixis         // today/yesterday/tomorrow: v = day offset
	cTonight        // tonight
	cRefWord        // now, recently, soon: v = ref kind
	cTZ             // EST, GMT ...
	cAM             // am/pm marker word: v = 0 (am) or 12 (pm)
	cApprox         // nearly, almost, about, around, approximately, roughly
	cFuture         // will, shall, 'll: future tense cue
	cHoliday        // v = holiday id
	wThe
	wA
	wLast
	wNext
	wThis
	wPast
	wComing
	wPrevious
	wFollowing
	wCurrent
	wThat
	wAgo
	wEarlier
	wLater
	wBefore
	wAfter
	wEvery
	wEach
	wOther
	wVague // few, several, many
	wSome
	wCouple
	wOf
	wEarly
	wLate
	wMid
	wEnd
	wBeginning
	wMiddle
	wFiscal
	wHalf
	wFuturee // "future"
	wRecent
	wMore
	wLess
	wThan
	wAt
	wLeast
	wMost
	wOver
	wNo
	wUp
	wTo
	wNoon
	wMidnight
	wOclock
	wFrom
	wNow
	wIn
	wOn
	wSince
	wUntil
	wBy
	wDuring
	wFor
	wAnd
	wOr
	wSo
	wWeekend
	wCentury
	wDecade
	wDozen
	wHundred
	wThousand
	wTimes // "times", "twice", "once": v = count
	wPer
	wAhead
	wHence
	wYear // "year" in "year-ago", "year-earlier", "year-end"
	wAgoAdj
	wLatest
	wSame
	wThese
	wDay
	wQ // "q" (Q3) or "h" (H1): v = 'q' or 'h'
	wPeriod
	wS   // "s" plural letter after digits
	wTh  // st nd rd th
	wAmS // "a" or "p" before ".m."
	wM   // "m" in a.m.
	wWithin
	wSometime
	wRight
	wMoment
	wIts
)

// units
const (
	uSecond = iota + 1
	uMinute
	uHour
	uDay
	uWeek
	uFortnight
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
)

// reference kinds
const (
	refPresent = iota + 1
	refPast
	refFuture
)

var podCode = [...]string{"", "MO", "AF", "EV", "NI", "DT"}
var seasonCode = [...]string{"", "SP", "SU", "FA", "WI"}

type lexEntry struct {
	c  cls
	v  int16
	pl bool
	// start marks a word outside the classes (c is cNone) that can start
	// an expression (startWord), so that the lexer's look-up finds it
	start bool
}

var lexicon = map[string]lexEntry{}

func add(c cls, v int, words ...string) {
	for _, w := range words {
		if _, dup := lexicon[w]; dup {
			continue
		}
		lexicon[w] = lexEntry{c: c, v: int16(v)}
	}
}

func addUnit(v int, sg, pl string) {
	lexicon[sg] = lexEntry{c: cUnit, v: int16(v)}
	lexicon[pl] = lexEntry{c: cUnit, v: int16(v), pl: true}
}

func init() {
	for i, w := range text.MonthNames {
		add(cMonth, i+1, w)
	}
	for i, ws := range text.MonthAbbrevs {
		add(cMonthAbbr, i+1, ws...)
	}
	days := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	for i, w := range days {
		add(cWeekday, i+1, w)
		lexicon[w+"s"] = lexEntry{c: cWeekdays, v: int16(i + 1)}
	}
	addUnit(uSecond, "second", "seconds")
	addUnit(uMinute, "minute", "minutes")
	addUnit(uHour, "hour", "hours")
	addUnit(uDay, "day", "days")
	addUnit(uWeek, "week", "weeks")
	addUnit(uFortnight, "fortnight", "fortnights")
	addUnit(uMonth, "month", "months")
	addUnit(uQuarter, "quarter", "quarters")
	addUnit(uYear, "year", "years")
	addUnit(uDecade, "decade", "decades")
	addUnit(uCentury, "century", "centuries")
	lexicon["mins"] = lexEntry{c: cUnit, v: uMinute, pl: true}
	lexicon["hrs"] = lexEntry{c: cUnit, v: uHour, pl: true}
	lexicon["yrs"] = lexEntry{c: cUnit, v: uYear, pl: true}

	ones := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range ones {
		add(cNum, i, w)
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		add(cNum, 20+10*i, w)
	}
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
		"twentieth", "twenty-first"}
	for i, w := range ords {
		if w == "second" {
			continue // a unit too; handled in the matcher
		}
		add(cOrd, i+1, w)
	}
	add(cOrd, 30, "thirtieth")
	decs := []string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}
	for i, w := range decs {
		add(cDecadeWord, i+2, w)
	}
	add(cPOD, 1, "morning", "mornings")
	add(cPOD, 2, "afternoon", "afternoons")
	add(cPOD, 3, "evening", "evenings")
	add(cPOD, 4, "night", "nights")
	add(cSeason, 1, "spring")
	add(cSeason, 2, "summer")
	add(cSeason, 3, "fall", "autumn")
	add(cSeason, 4, "winter")
	add(cSetAdv, uHour, "hourly")
	add(cSetAdv, uDay, "daily", "nightly")
	add(cSetAdv, uWeek, "weekly")
	add(cSetAdv, uMonth, "monthly")
	add(cSetAdv, uYear, "yearly")
	add(cDeixis, 0, "today")
	add(cDeixis, -1, "yesterday")
	add(cDeixis, 1, "tomorrow")
	add(cTonight, 0, "tonight")
	add(cRefWord, refPresent, "currently", "nowadays", "presently")
	add(cRefWord, refPast, "recently", "lately")
	add(cTZ, 0, "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "et", "pt", "ct", "mt")
	add(cApprox, 0, "nearly", "almost", "about", "around", "approximately", "roughly", "some")
	add(cFuture, 0, "will", "shall", "ll", "wo")
	add(cHoliday, hChristmas, "christmas")
	add(cHoliday, hThanksgiving, "thanksgiving")
	add(cHoliday, hEaster, "easter")
	add(cHoliday, hHalloween, "halloween")
	add(wThe, 0, "the")
	add(wA, 1, "a", "an")
	add(wLast, 0, "last")
	add(wNext, 0, "next")
	add(wThis, 0, "this")
	add(wPast, 0, "past")
	add(wComing, 0, "coming", "upcoming")
	add(wPrevious, 0, "previous", "prior", "preceding")
	add(wFollowing, 0, "following", "subsequent")
	add(wCurrent, 0, "current")
	add(wThat, 0, "that")
	add(wAgo, 0, "ago")
	add(wEarlier, 0, "earlier")
	add(wLater, 0, "later")
	add(wBefore, 0, "before")
	add(wAfter, 0, "after")
	add(wEvery, 0, "every")
	add(wEach, 0, "each")
	add(wOther, 0, "other")
	add(wVague, 0, "few", "several", "many")
	add(wCouple, 0, "couple")
	add(wOf, 0, "of")
	add(wEarly, 0, "early")
	add(wLate, 0, "late")
	add(wMid, 0, "mid")
	add(wEnd, 0, "end")
	add(wBeginning, 0, "beginning", "start")
	add(wMiddle, 0, "middle")
	add(wFiscal, 0, "fiscal")
	add(wHalf, 0, "half")
	add(wFuturee, 0, "future")
	add(wRecent, 0, "recent")
	add(wMore, 0, "more")
	add(wLess, 0, "less", "fewer")
	add(wThan, 0, "than")
	add(wAt, 0, "at")
	add(wLeast, 0, "least")
	add(wMost, 0, "most")
	add(wOver, 0, "over")
	add(wNo, 0, "no")
	add(wUp, 0, "up")
	add(wTo, 0, "to")
	add(wNoon, 12, "noon", "midday")
	add(wMidnight, 24, "midnight")
	add(wOclock, 0, "o'clock")
	add(wFrom, 0, "from")
	add(wNow, 0, "now")
	add(wIn, 0, "in")
	add(wOn, 0, "on")
	add(wSince, 0, "since")
	add(wUntil, 0, "until", "till", "through")
	add(wBy, 0, "by")
	add(wDuring, 0, "during")
	add(wFor, 0, "for")
	add(wAnd, 0, "and")
	add(wOr, 0, "or")
	add(wSo, 0, "so")
	add(wWeekend, 0, "weekend")
	lexicon["weekends"] = lexEntry{c: wWeekend, pl: true}
	add(wDozen, 12, "dozen")
	add(wHundred, 100, "hundred")
	add(wThousand, 1000, "thousand")
	add(wTimes, 1, "once")
	add(wTimes, 2, "twice")
	add(wTimes, 0, "times")
	add(wPer, 0, "per")
	add(wAhead, 0, "ahead")
	add(wHence, 0, "hence")
	add(wLatest, 0, "latest", "recent")
	add(wSame, 0, "same")
	add(wThese, 0, "these")
	add(wQ, 'q', "q")
	add(wQ, 'h', "h")
	add(wPeriod, 0, "period")
	add(wS, 0, "s")
	add(wTh, 0, "st", "nd", "rd", "th")
	add(wM, 0, "m")
	add(wWithin, 0, "within")
	add(wSometime, 0, "sometime")
	add(wRight, 0, "right")
	add(wMoment, 0, "moment")
	add(wIts, 0, "its")
	add(wAgoAdj, 0, "ago-", "earlier-")
	for _, w := range startWords {
		if _, ok := lexicon[w]; !ok {
			lexicon[w] = lexEntry{start: true}
		}
	}
	buildLexTable()
}

// The lexer looks words up in lexTab, the lexicon as an open-addressing
// table keyed by the word itself: its lower-cased letters as two
// little-endian words (the first eight, the next eight, zero-padded), which
// the lexer loads from its buffer once the word is read. Keys are at most
// 16 bytes. A bit set (lexFilter, 1 kB) of the keys' hashes comes first:
// most words of a text are not in the lexicon, and the filter turns away
// about 24 in 25 of them without touching the table (32 kB, out of the
// caches in a busy server), so that a text touches little more than the
// filter and the slots of the lexicon words it has. (A Go map, then a
// table of strings keyed by FNV, touched a line of the table for every
// distinct word and another for the key's bytes.)
var (
	lexTab    []lexSlot // lexSlots slots
	lexFilter [lexFilterBits / 64]uint64
	lexMaxLen int // longest key: words longer than that are not looked up
)

const (
	lexSlots      = 1024 // a power of two, at least three times the keys
	lexFilterBits = 8192 // a power of two
	lexKeyMax     = 16
)

// lexSlot is one slot of lexTab, 32 bytes (two to a cache line): the key
// as lexKey gives it, a zero key for an empty slot.
type lexSlot struct {
	a, b uint64
	e    lexEntry
	used bool
}

// lexKey returns the first eight bytes of w and the next eight as
// little-endian words, zero-padded (w has at most 16 bytes, none of them
// zero: the pair is w).
func lexKey(w []byte) (a, b uint64) {
	var buf [16]byte
	copy(buf[:], w)
	return binary.LittleEndian.Uint64(buf[:8]), binary.LittleEndian.Uint64(buf[8:])
}

// lexHash mixes a key's two words; its top 10 bits pick the slot, the 13
// below them the filter's bit (a product's low bits depend only on its
// factors' low bits: the first letter or two).
func lexHash(a, b uint64) uint64 {
	return (a*0x9e3779b97f4a7c15 ^ b) * 0xbf58476d1ce4e5b9
}

// lexBit returns the word and the bit of lexFilter for hash h.
func lexBit(h uint64) (int, uint64) {
	f := h >> 41 & (lexFilterBits - 1)
	return int(f / 64), 1 << (f & 63)
}

func buildLexTable() {
	if 3*len(lexicon) > lexSlots {
		panic("timex: lexSlots too small for the lexicon")
	}
	lexTab = make([]lexSlot, lexSlots)
	for w, e := range lexicon {
		if len(w) > lexKeyMax {
			panic("timex: lexicon key longer than 16 bytes: " + w)
		}
		a, b := lexKey([]byte(w))
		h := lexHash(a, b)
		fw, fb := lexBit(h)
		lexFilter[fw] |= fb
		i := h >> 54 // 10 bits: lexSlots
		for lexTab[i].used {
			i = (i + 1) & (lexSlots - 1)
		}
		lexTab[i] = lexSlot{a: a, b: b, e: e, used: true}
		lexMaxLen = max(lexMaxLen, len(w))
	}
}

// lookupLex returns the lexicon entry of the word whose key (lexKey) is a,
// b.
func lookupLex(a, b uint64) (lexEntry, bool) {
	h := lexHash(a, b)
	if !lexMaybe(h) {
		return lexEntry{}, false
	}
	return probeLex(h, a, b)
}

// lexMaybe reports whether the filter lets a word of hash h through (the
// lexer's test, inlined: most words stop here).
func lexMaybe(h uint64) bool {
	fw, fb := lexBit(h)
	return lexFilter[fw]&fb != 0
}

// probeLex looks for the key a, b of hash h in lexTab.
func probeLex(h, a, b uint64) (lexEntry, bool) {
	for i := h >> 54; ; i = (i + 1) & (lexSlots - 1) {
		sl := &lexTab[i]
		if sl.a == a && sl.b == b && sl.used {
			return sl.e, true
		}
		if !sl.used {
			return lexEntry{}, false
		}
	}
}
