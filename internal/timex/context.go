package timex

import (
	"strconv"
	"time"
)

// isUnit reports a singular unit u at j.
func (st *state) isUnit(j, u int) bool {
	return st.c(j) == cUnit && int(st.ps[j].v) == u && !st.ps[j].pl
}

// quarterAgo is the quarter in focus a year before, when a quarter was
// named in this or the previous sentence.
func (st *state) quarterAgo(j int) (string, bool) {
	if st.refQ > 0 && j < len(st.ps) && st.ps[j].sent-st.refQAt <= 2 {
		return quarterValue(st.refY-1, st.refQ), true
	}
	return "", false
}

// yearish: year-end, year's end, the year, the full year, the fiscal
// year, the current fiscal year, the month, year-ago, year-earlier,
// the latest period, the year-ago period, the 1988 period.
func (st *state) yearish(i int) (result, bool) {
	j := i
	the := false
	if st.c(j) == wThe {
		the = true
		j++
	}
	// "year-end", "year end", "year's end"
	if !the || st.c(i) == wThe {
		if st.isUnit(j, uYear) {
			e := j + 1
			if st.punct(e, '-') && st.tight(e) {
				e++
			} else if st.punct(e, '\'') && st.is(e+1, "s") {
				e += 2
			}
			if st.c(e) == wEnd {
				return st.yearOff(e+1, 0), true
			}
		}
	}
	// "year-ago", "year-earlier" (with period/quarter: a quarter a year back)
	if st.isUnit(j, uYear) && st.punct(j+1, '-') && st.tight(j+1) && (st.c(j+2) == wAgo || st.c(j+2) == wEarlier) {
		e := j + 3
		if st.c(e) == wPeriod || st.isUnit(e, uQuarter) {
			e++
		} else {
			the = false
		}
		skip := 0
		if !the && j > i {
			skip = 1 // "the year-ago results": the adjective alone
		}
		if v, ok := st.quarterAgo(j); ok {
			return result{end: e, typ: Date, val: v, rel: true, skip: skip}, true
		}
		if st.c(e-1) == wPeriod || st.c(e-1) == cUnit {
			if !st.has {
				return result{end: e, typ: Date, val: quarterValue(-1, 0), rel: true, skip: skip}, true
			}
			y, q := st.lastQuarter()
			return result{end: e, typ: Date, val: quarterValue(y-1, q), rel: true, skip: skip}, true
		}
		r := st.yearOff(e, -1)
		r.skip = skip
		return r, true
	}
	if !the {
		return result{}, false
	}
	// "the 1988 period", "the latest period", "the comparable period"
	if y, ok := st.yearNum(j); ok && (st.c(j+1) == wPeriod || st.isUnit(j+1, uQuarter)) {
		q := st.refQ
		if q == 0 && st.has {
			_, q = st.lastQuarter()
		}
		if q > 0 {
			return result{end: j + 2, typ: Date, val: quarterValue(y, q)}, true
		}
		return result{end: j + 2, typ: Date, val: yearValue(y)}, true
	}
	if (st.c(j) == wLatest || st.is(j, "comparable") || st.is(j, "corresponding") || st.c(j) == wSame) && st.c(j+1) == wPeriod {
		end := j + 2
		back := 0
		if st.c(j) != wLatest {
			// "the same period last year", "the corresponding period a year ago"
			if e := st.yearBack(end); e > end {
				end, back = e, 1
			}
		}
		if !st.has {
			return result{end: end, typ: Date, val: quarterValue(-1, 0), rel: true}, true
		}
		y, q := st.lastQuarter()
		if st.refQ > 0 {
			y, q = st.refY, st.refQ
		}
		return result{end: end, typ: Date, val: quarterValue(y-back, q), rel: true}, true
	}
	// the year / the full year / the fiscal year / the current (fiscal) year / the latest fiscal year
	k := j
	off := 0
	switch {
	case st.c(k) == wCurrent:
		k++
	case st.c(k) == wLatest:
		off = -1
		k++
	case st.is(k, "full") || st.is(k, "entire") || st.is(k, "whole"):
		k++
	}
	if st.c(k) == wFiscal {
		k++
	}
	switch {
	case st.isUnit(k, uYear):
		// "the year ended June 30": a fiscal year, a duration
		if w := st.word(k + 1); st.is(k+1, "ended") || st.is(k+1, "ending") || st.is(k+1, "ends") || (st.c(k+1) == wTo && st.c(k+2) == cNone && st.kind(k+2) == kWord && w != "") {
			return result{end: k + 1, typ: Duration, val: "P1Y"}, true
		}
		if st.c(k+1) == wBefore || st.c(k+1) == wAfter || st.c(k+1) == wEarlier || st.c(k+1) == wAgo || st.c(k+1) == cNum || st.kind(k+1) == kNum {
			return result{}, false
		}
		if st.ps[k].cap && !st.ps[k-1].cap {
			return result{}, false // "Person of the Year": a title
		}
		return st.yearOff(k+1, off), true
	case st.isUnit(k, uMonth) && k == j:
		if st.c(k+1) == wBefore || st.c(k+1) == wAfter || st.c(k+1) == wOf {
			return result{}, false
		}
		r := result{end: k + 1, typ: Date, rel: true, val: "XXXX-XX"}
		if st.has {
			r.val = monthValue(st.a.Year(), int(st.a.Month()))
		}
		return r, true
	}
	return result{}, false
}

// lastQuarter is the last quarter over at the anchor.
func (st *state) lastQuarter() (int, int) {
	y, q := st.anchorQuarter()
	if q--; q == 0 {
		y, q = y-1, 4
	}
	return y, q
}

func (st *state) yearOff(end, off int) result {
	r := result{end: end, typ: Date, rel: true, val: "XXXX"}
	if st.has {
		r.val = yearValue(st.a.Year() + off)
	}
	return r
}

// spelledYear: nineteen ninety-six, two thousand, the year two thousand.
func (st *state) spelledYear(i int) (result, bool) {
	j := i
	if st.c(j) == wThe && st.isUnit(j+1, uYear) {
		j += 2
	}
	if st.c(j) != cNum {
		return result{}, false
	}
	v := int(st.ps[j].v)
	switch {
	case v >= 11 && v <= 20 && st.c(j+1) == cNum:
		n, e, ok := st.number(j + 1)
		if !ok || n < 10 || n > 99 || float64(int(n)) != n {
			return result{}, false
		}
		return result{end: e, typ: Date, val: yearValue(v*100 + int(n))}, true
	case v == 2 && st.c(j+1) == wThousand:
		e := j + 2
		y := 2000
		if st.c(e) == wAnd && st.c(e+1) == cNum {
			if n, e2, ok := st.number(e + 1); ok && n < 100 {
				y += int(n)
				e = e2
			}
		} else if st.c(e) == cNum && st.ps[e].v < 100 {
			if n, e2, ok := st.number(e); ok && n < 100 {
				y += int(n)
				e = e2
			}
		}
		if j == i && st.c(i-1) != wIn && st.c(i-1) != wSince && st.c(i-1) != wBy && st.c(i-1) != wUntil {
			return result{}, false
		}
		return result{end: e, typ: Date, val: yearValue(y)}, true
	}
	return result{}, false
}

// rate: "a year" in "5% a year", "$20 a month", "twice a week": a set.
func (st *state) rate(i int) (result, bool) {
	if st.c(i) != wA && st.c(i) != wPer {
		return result{}, false
	}
	if st.c(i+1) != cUnit || st.ps[i+1].pl {
		return result{}, false
	}
	prev := i - 1
	ok := st.c(prev) == wTimes || st.punct(prev, '%') || st.is(prev, "percent") || st.is(prev, "cents") ||
		st.is(prev, "dollars") || st.kind(prev) == kNum || st.is(prev, "million") || st.is(prev, "billion") ||
		// "100 euros a day", "four flights a week", "24 hours a day"
		st.kind(prev) == kWord && !st.ps[prev].cap && (st.c(prev) == cNone || st.c(prev) == cUnit && st.ps[prev].pl) &&
			(st.kind(prev-1) == kNum || st.c(prev-1) == cNum) && !st.speedUnit(prev)
	if !ok {
		return result{}, false
	}
	if st.c(prev) == wTimes {
		// a multiple of a figure, which frequency did not take: "20
		// times a year's earnings", "three times a year-earlier
		// level", "ten times a year before"
		if (st.punct(i+2, '\'') || st.punct(i+2, '-')) && st.tight(i+2) {
			return result{}, false
		}
		switch st.c(i + 2) {
		case wAgo, wEarlier, wLater, wBefore:
			return result{}, false
		}
	}
	return result{end: i + 2, typ: Set, val: durationValue(1, int(st.ps[i+1].v))}, true
}

// newYear: "the new year" ("in the New Year", not before a noun: "the
// New Year holiday", "the New Year honours"): the coming year when
// written in the last four months, else the anchor's ("in the new year",
// "early in the new year").
func (st *state) newYear(i int) (result, bool) {
	if st.c(i) != wThe || !st.is(i+1, "new") || !st.isUnit(i+2, uYear) || st.ps[i+1].cap != st.ps[i+2].cap {
		return result{}, false
	}
	if st.punct(i+3, '\'') || st.punct(i+3, '-') && st.tight(i+3) {
		return result{}, false // "the new year's resolutions", "the new year-round service"
	}
	if st.ps[i+1].cap && i+3 < len(st.ps) && st.ps[i+3].kind != kPunct {
		// "in the New Year, ..." is the year; "the New Year holiday
		// (honours, Day)" the holiday or a name
		var b [8]byte
		switch string(b[:st.lower(i+3, b[:])]) {
		case "and", "or", "to", "with", "when", "as", "at", "in", "on", "by", "but", "is", "was", "will", "after", "before":
		default:
			return result{}, false
		}
	}
	if !st.has {
		return result{end: i + 3, typ: Date, val: "XXXX", rel: true}, true
	}
	y := st.a.Year()
	if st.a.Month() >= time.September {
		y++
	}
	return result{end: i + 3, typ: Date, val: yearValue(y), rel: true}, true
}

// quarterOf: "a quarter of a century", "three quarters of an hour", "a
// quarter century": a quarter (quarters) of the unit, a duration.
func (st *state) quarterOf(i int) (result, bool) {
	n, e, ok := st.number(i)
	if ok && st.punct(e, '-') && st.tight(e) && st.tight(e+1) && st.c(e+1) == cUnit && st.ps[e+1].v == uQuarter {
		e++ // "three-quarters of an hour"
	}
	if !ok || n <= 0 || !(st.c(e) == cUnit && st.ps[e].v == uQuarter) {
		return result{}, false
	}
	k, ok := st.quarterUnit(e, false)
	if !ok {
		return result{}, false
	}
	switch st.c(k + 1) {
	case wAgo, wEarlier:
		return st.shifted(i, k+2, n/4, int(st.ps[k].v), -1), true // "a quarter of a century ago"
	case wHence:
		return st.shifted(i, k+2, n/4, int(st.ps[k].v), 1), true
	case wFrom:
		if st.c(k+2) == wNow {
			return st.shifted(i, k+3, n/4, int(st.ps[k].v), 1), true
		}
	}
	if st.ps[k].v == uSecond {
		// "a quarter of a second": PT0.25S (durationValue rounds to whole seconds)
		return result{end: k + 1, typ: Duration, val: "PT" + strconv.FormatFloat(n/4, 'f', -1, 64) + "S"}, true
	}
	return result{end: k + 1, typ: Duration, val: durationValue(n/4, int(st.ps[k].v))}, true
}

// quarterUnit reads the unit a quarter (quarters) at piece e is of: "of
// a century", "-century", or a bare "century" ("a quarter century");
// with strict, the bare unit only a century or an hour ("the last quarter
// year on year" is no "quarter year"). It returns the unit's piece.
func (st *state) quarterUnit(e int, strict bool) (int, bool) {
	k := e + 1
	hyphen := func() bool { // "a quarter-of-an-hour"
		if st.punct(k, '-') && st.tight(k) && st.tight(k+1) {
			k++
			return true
		}
		return false
	}
	bare := !hyphen()
	if st.c(k) == wOf {
		k++
		hyphen()
		if st.c(k) != wA {
			return 0, false
		}
		k++
		hyphen()
		bare = false
	} else if st.punct(k, '-') {
		return 0, false
	}
	if st.c(k) != cUnit || st.ps[k].pl || st.ps[k].v == uQuarter {
		return 0, false
	}
	if bare && strict && st.ps[k].v != uCentury && st.ps[k].v != uHour {
		return 0, false
	}
	return k, true
}

// speedUnit reports whether word piece j is a unit of length or data,
// which makes "per second (hour)" after it part of a speed ("600
// kilometers per hour", "two megabits a second"), no set of times.
func (st *state) speedUnit(j int) bool {
	var buf [16]byte
	switch string(buf[:st.lower(j, buf[:])]) {
	case "km", "miles", "kilometres", "kilometers", "metres", "meters", "feet", "yards", "knots", "inches",
		"centimetres", "centimeters", "millimetres", "millimeters", "bits", "bytes",
		"kilobits", "megabits", "gigabits", "terabits", "kilobit", "megabit", "gigabit", "terabit",
		"kilobytes", "megabytes", "gigabytes", "terabytes":
		return true
	}
	return false
}

// relDay: the next day, the following day, the previous day, the day
// before, that day, the same day, the day before yesterday, earlier in
// the day: days counted from the last day named, or the anchor.
func (st *state) relDay(i int) (result, bool) {
	j := i
	the := st.c(j) == wThe
	that := st.c(j) == wThat
	if the || that {
		j++
	}
	off := 0
	end := 0
	switch {
	case (the || that) && st.c(j) == wSame && st.isUnit(j+1, uDay):
		end = j + 2
	case the && (st.c(j) == wNext || st.c(j) == wFollowing) && st.isUnit(j+1, uDay):
		off, end = 1, j+2
	case the && st.c(j) == wPrevious && st.isUnit(j+1, uDay):
		off, end = -1, j+2
	case the && st.isUnit(j, uDay) && (st.c(j+1) == wBefore || st.c(j+1) == wAfter):
		off, end = -1, j+2
		if st.c(j+1) == wAfter {
			off = 1
		}
		if st.c(end) == cDeixis && st.ps[end].v != 0 {
			// the day before yesterday
			r := st.dayResult(end+1, st.a.AddDate(0, 0, int(st.ps[end].v)+off), 0)
			return r, true
		}
		if st.kind(end) == kWord || st.kind(end) == kNum {
			return result{}, false // "the day before the vote" is left alone
		}
	case that && st.isUnit(j, uDay) && (st.c(i-1) == wEarlier || st.c(i-1) == wLater):
		end = j + 1
	case the && st.isUnit(j, uDay) && (st.c(i-2) == wEarlier || st.c(i-2) == wLater) && st.c(i-1) == wIn:
		end = j + 1
	default:
		return result{}, false
	}
	day := st.a
	if !st.refDay.IsZero() {
		day = st.refDay
	}
	return st.dayResult(end, day.AddDate(0, 0, off), 0), true
}

// holidays
const (
	hChristmas = iota + 1
	hChristmasEve
	hNewYear
	hNewYearEve
	hThanksgiving
	hEaster
	hGoodFriday
	hPalmSunday
	hHalloween
	hIndependence
	hValentine
	hLabor
	hMemorial
	hElection
	hVeterans
	hPatrick
	hBoxing
)

// holiday: Christmas (Eve), New Year's Day, Thanksgiving, Easter, Good
// Friday, Independence Day, the Fourth of July, Labor Day, Election Day ...
func (st *state) holiday(i int) (result, bool) {
	if st.kind(i) != kWord || !st.ps[i].cap {
		return result{}, false
	}
	h, end := 0, i+1
	day := func(k int) int {
		if st.is(k, "day") {
			return k + 1
		}
		return k
	}
	poss := func(k int) int { // "'s"
		if st.punct(k, '\'') && st.is(k+1, "s") {
			return k + 2
		}
		return k
	}
	switch {
	case st.c(i) == cHoliday:
		h = int(st.ps[i].v)
		switch {
		case h == hChristmas && st.is(end, "eve"):
			h, end = hChristmasEve, end+1
		case h == hEaster && (st.is(end, "sunday") || st.is(end, "monday")):
			end++
		case h == hChristmas || h == hThanksgiving:
			end = day(end)
		}
	case st.is(i, "new") && st.isUnit(i+1, uYear):
		k := poss(i + 2)
		if st.is(k, "eve") {
			h, end = hNewYearEve, k+1
		} else if st.is(k, "day") {
			h, end = hNewYear, k+1
		} else {
			return result{}, false
		}
	case st.is(i, "good") && st.is(i+1, "friday"):
		h, end = hGoodFriday, i+2
	case st.is(i, "palm") && st.is(i+1, "sunday"):
		h, end = hPalmSunday, i+2
	case st.is(i, "independence") && st.is(i+1, "day"):
		h, end = hIndependence, i+2
	case st.is(i, "fourth") && st.c(i+1) == wOf && st.is(i+2, "july"):
		h, end = hIndependence, i+3
	case st.is(i, "valentine") && st.is(poss(i+1), "day"):
		h, end = hValentine, poss(i+1)+1
	case (st.is(i, "labor") || st.is(i, "labour")) && st.is(i+1, "day"):
		h, end = hLabor, i+2
	case st.is(i, "boxing") && st.is(i+1, "day"):
		h, end = hBoxing, i+2
	case st.is(i, "memorial") && st.is(i+1, "day"):
		h, end = hMemorial, i+2
	case st.is(i, "election") && st.is(i+1, "day"):
		h, end = hElection, i+2
	case st.is(i, "veterans") && st.is(poss(i+1), "day"):
		h, end = hVeterans, poss(i+1)+1
	case (st.is(i, "st") || st.is(i, "saint")):
		k := i + 1
		if st.punct(k, '.') {
			k++
		}
		if !st.is(k, "patrick") || !st.is(poss(k+1), "day") {
			return result{}, false
		}
		h, end = hPatrick, poss(k+1)+1
	default:
		return result{}, false
	}
	// "the Boxing Day tsunami", "the Christmas Day bombings": a holiday
	// that names what happened on it
	ev, event := st.pastEvent(end)
	event = event && !st.mayHappen(i)
	if st.c(i-1) == wThe && h != hIndependence && !event {
		return result{}, false
	}
	// an explicit year: "Christmas 2012"
	y := -1
	if yy, ok := st.yearNum(end); ok {
		y, end = yy, end+1
	}
	rel := y < 0
	if y < 0 && event && st.has {
		// the latest one on or before the anchor (as for "the Oct. 23
		// sniper attack"), or the year written after the event ("the
		// Boxing Day tsunami of 2004")
		m, d := holidayDate(h, st.a.Year())
		if y = st.eventYear(ev); y < 0 {
			y = st.a.Year()
			if m > int(st.a.Month()) || m == int(st.a.Month()) && d > st.a.Day() {
				y--
			}
		}
	}
	if y < 0 {
		if !st.has {
			m, d := holidayDate(h, 2001)
			if m2, d2 := holidayDate(h, 2002); m2 != m || d2 != d {
				d = -1 // moves from year to year
			}
			return result{end: end, typ: Date, val: ymdValue(-1, m, d), rel: true}, true
		}
		m, d := holidayDate(h, st.a.Year())
		y = st.monthYear(m, d, i)
	}
	m, d := holidayDate(h, y)
	return result{end: end, typ: Date, val: ymdValue(y, m, d), rel: rel}, true
}

// holidayDate is the month and day of holiday h in year y.
func holidayDate(h, y int) (int, int) {
	nth := func(m, wd, n int) int { // n-th weekday wd (0 Sunday) of month m; n < 0: last
		if n > 0 {
			first := int(time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC).Weekday())
			return 1 + (wd-first+7)%7 + 7*(n-1)
		}
		last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
		return last.Day() - (int(last.Weekday())-wd+7)%7
	}
	switch h {
	case hChristmas:
		return 12, 25
	case hChristmasEve:
		return 12, 24
	case hNewYear:
		return 1, 1
	case hNewYearEve:
		return 12, 31
	case hThanksgiving:
		return 11, nth(11, 4, 4)
	case hHalloween:
		return 10, 31
	case hIndependence:
		return 7, 4
	case hValentine:
		return 2, 14
	case hLabor:
		return 9, nth(9, 1, 1)
	case hMemorial:
		return 5, nth(5, 1, -1)
	case hElection:
		return 11, nth(11, 1, 1) + 1
	case hVeterans:
		return 11, 11
	case hPatrick:
		return 3, 17
	case hBoxing:
		return 12, 26
	}
	// Easter (anonymous Gregorian algorithm) and the days around it
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	hh := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - hh - k) % 7
	m := (a + 11*hh + 22*l) / 451
	month := (hh + l - 7*m + 114) / 31
	day := (hh+l-7*m+114)%31 + 1
	t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	switch h {
	case hGoodFriday:
		t = t.AddDate(0, 0, -2)
	case hPalmSunday:
		t = t.AddDate(0, 0, -7)
	}
	return int(t.Month()), t.Day()
}

// season: spring 2013, the summer of 2012, in the fall.
func (st *state) season(i int) (result, bool) {
	j := i
	if st.c(j) == wThe {
		j++
	}
	if st.c(j) != cSeason {
		return result{}, false
	}
	code := seasonCode[st.ps[j].v]
	k := j + 1
	if st.c(k) == wOf {
		k++
	}
	if y, ok := st.yearNum(k); ok {
		return result{end: k + 1, typ: Date, val: yearValue(y) + "-" + code}, true
	}
	if st.c(k) == cNum && st.c(k-1) == wOf {
		// "the winter of nineteen ninety-four"
		if r, ok := st.spelledYear(k); ok {
			return result{end: r.end, typ: Date, val: r.val + "-" + code}, true
		}
	}
	p := i - 1 // the preposition, before "the early" of "in the early summer"
	part := false
	for st.c(p) == wEarly || st.c(p) == wLate || st.c(p) == wMid || st.c(p) == wThe || st.punct(p, '-') && st.c(p-1) == wMid {
		part = part || st.c(p) != wThe
		p--
	}
	switch st.c(p) {
	case wIn, wDuring, wBy, wUntil, wSince, wOver:
	case wOf:
		if !part {
			return result{}, false // "the fall in prices", "of spring merchandise"
		}
	default:
		if !st.is(p, "into") {
			return result{}, false
		}
	}
	if !st.has {
		return result{end: j + 1, typ: Date, val: "XXXX-" + code, rel: true}, true
	}
	// spring, summer, autumn by tense: "peaked in the summer" written in
	// February is last year's, "resumes in the spring" written in
	// October next year's (winter, which spans two years, stays)
	y := st.a.Year()
	if v := int(st.ps[j].v); v <= 3 {
		first, m := 3*v, int(st.a.Month()) // March, June, September
		switch t := st.tense(j); {
		case t < 0 && first > m:
			y--
		case t > 0 && first+2 < m:
			y++
		}
	}
	return result{end: j + 1, typ: Date, val: yearValue(y) + "-" + code, rel: true}, true
}

// holidayTitle reports a capitalised holiday name at pieces i to end (after
// "the" if any) that is the title of a film or book, not a day: in
// quotation marks closed right after it, after
// "movie", "film", "blockbuster", "hit" ("the movie Independence Day",
// "its new blockbuster, Independence Day"), ending a capitalised title
// in a list or after "in" ("Harbour Lights, Tin Cup and Born on the Fourth of
// July"), or between
// two capitalised words of no time class in a list ("I, Robot,
// Independence Day and Night Ferry").
func (st *state) holidayTitle(i, end int) bool {
	if st.c(i) == wThe {
		i++
	}
	if st.kind(i) != kWord || !st.ps[i].cap || !(st.c(i) == cHoliday || st.is(i, "independence") || st.is(i, "fourth") && st.c(i+1) == wOf) {
		return false
	}
	if (st.punct(i-1, '"') || st.punct(i-1, '\'')) && st.tight(i) && st.ps[end-1].e == st.ps[min(end, len(st.ps)-1)].s &&
		(st.punct(end, '"') || st.punct(end, '\'')) {
		return true // "Independence Day" in quotation marks, closed right after
	}
	k := i - 1
	if st.c(k) == wThe {
		k--
	}
	if st.punct(k, ',') {
		k--
	}
	var buf [12]byte
	switch string(buf[:st.lower(k, buf[:])]) {
	case "movie", "movies", "film", "films", "blockbuster", "hit", "thriller", "musical":
		return true
	}
	// "... and Born on the Fourth of July", "starred in Born on the
	// Fourth of July": a title word, then "on" or "of" and the holiday,
	// after a list's "and" or comma or after "in"
	k = i - 1
	if st.c(k) == wThe {
		k--
	}
	if (st.is(k, "on") || st.c(k) == wOf) && st.kind(k-1) == kWord && st.ps[k-1].cap && st.c(k-1) == cNone &&
		!st.opensSentence(k-1) && (st.c(k-2) == wAnd || st.c(k-2) == wIn || st.punct(k-2, ',')) {
		return true
	}
	titleWord := func(j int) bool { return st.kind(j) == kWord && st.ps[j].cap && st.c(j) == cNone }
	return st.punct(i-1, ',') && titleWord(i-2) && !st.opensSentence(i-2) && (st.c(end) == wAnd || st.punct(end, ',')) && titleWord(end+1)
}
