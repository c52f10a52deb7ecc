package timex

// isUnit reports a singular unit u at j.
func (st *state) isUnit(j, u int) bool {
	return st.c(j) == cUnit && int(st.ps[j].v) == u && !st.ps[j].pl
}

// quarterAgo is the quarter in focus a year before, when a quarter was
// named in this or the previous sentence.
func (st *state) quarterAgo(j int) (string, bool) {
	if st.refQ > 0 && j < len(st.ps) && st.ps[j].sent-st.refQAt <= 1 {
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
			return result{}, false
		}
		r := st.yearOff(e, -1)
		r.skip = skip
		return r, true
	}
	if !the {
		return result{}, false
	}
	// "the 1988 period", "the latest period", "the comparable period"
	if y, ok := st.yearNum(j); ok && st.c(j+1) == wPeriod {
		if st.refQ > 0 {
			return result{end: j + 2, typ: Date, val: quarterValue(y, st.refQ)}, true
		}
		return result{end: j + 2, typ: Date, val: yearValue(y)}, true
	}
	if (st.c(j) == wLatest || st.is(j, "comparable") || st.c(j) == wSame) && st.c(j+1) == wPeriod && st.refQ > 0 {
		return result{end: j + 2, typ: Date, val: quarterValue(st.refY, st.refQ), rel: true}, true
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
		st.is(prev, "dollars") || st.kind(prev) == kNum || st.is(prev, "million") || st.is(prev, "billion")
	if !ok {
		return result{}, false
	}
	return result{end: i + 2, typ: Set, val: durationValue(1, int(st.ps[i+1].v))}, true
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
