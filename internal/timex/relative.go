package timex

import (
	"strings"
	"time"
)

// number reads a count at j: 3, three, twenty-five, a, a few, several,
// a couple of, 2 1/2, a hundred, a dozen. n < 0 means an unknown count.
func (st *state) number(j int) (n float64, end int, ok bool) {
	switch st.c(j) {
	case wA:
		switch st.c(j + 1) {
		case wVague:
			return -1, j + 2, true
		case wCouple:
			if st.c(j+2) == wOf {
				return 2, j + 3, true
			}
			return 2, j + 2, true
		case wHundred, wThousand, wDozen:
			return float64(st.ps[j+1].v), j + 2, true
		case wHalf:
			return 0.5, j + 2, true
		}
		return 1, j + 1, true
	case wVague:
		return -1, j + 1, true
	case wCouple:
		if st.c(j+1) == wOf {
			return 2, j + 2, true
		}
		return 2, j + 1, true
	case wDozen, wHundred:
		return float64(st.ps[j].v), j + 1, true
	case wHalf:
		if st.c(j+1) == wA {
			return 0.5, j + 2, true
		}
		return 0, j, false
	case cNum:
		v := int(st.ps[j].v)
		e := j + 1
		if v >= 20 && v%10 == 0 && st.punct(e, '-') && st.tight(e) && st.tight(e+1) && st.c(e+1) == cNum && st.ps[e+1].v < 10 {
			v += int(st.ps[e+1].v)
			e += 2
		} else if v >= 20 && v < 100 && v%10 == 0 && st.c(e) == cNum && st.ps[e].v > 0 && st.ps[e].v < 10 {
			v += int(st.ps[e].v) // "twenty four"
			e++
		}
		if st.c(e) == wHundred {
			v *= 100
			e++
		} else if st.c(e) == wThousand {
			v *= 1000
			e++
		}
		if st.c(e) == wAnd && st.c(e+1) == wA && st.c(e+2) == wHalf {
			return float64(v) + 0.5, e + 3, true
		}
		return float64(v), e, true
	case cNone:
		v, nd, isNum := st.num(j)
		if !isNum || nd > 3 {
			return 0, j, false
		}
		if st.tight(j) && (st.punct(j-1, ',') || st.punct(j-1, '.')) && st.kind(j-2) == kNum && st.tight(j-1) {
			return 0, j, false // the tail of "1,300" or "2.5"
		}
		e := j + 1
		// thousands: "1,300"
		for st.tight(e) && st.punct(e, ',') && st.tight(e+1) {
			g, gd, ok := st.num(e + 1)
			if !ok || gd != 3 || v >= 1e12 { // up to "999,999,999,999,999"
				return 0, j, false
			}
			v = v*1000 + g
			e += 2
		}
		if e > j+1 {
			return float64(v), e, true
		}
		if st.tight(e) && st.punct(e, '.') && st.kind(e+1) == kNum && st.tight(e+1) {
			// 2.5
			f, fd, _ := st.num(e + 1)
			x := float64(v)
			div := 1.0
			for k := 0; k < fd; k++ {
				div *= 10
			}
			return x + float64(f)/div, e + 2, true
		}
		// 2 1/2
		if a, _, ok1 := st.num(e); ok1 && st.punct(e+1, '/') && st.tight(e+1) && st.tight(e+2) {
			if b, _, ok2 := st.num(e + 2); ok2 && b > 0 && a < b {
				return float64(v) + float64(a)/float64(b), e + 3, true
			}
		}
		return float64(v), e, true
	}
	return 0, j, false
}

// duration: three days, the past five years, two-year, a few days,
// several years, years, the first nine months, 2 1/2 hours; and with
// "ago", "earlier", "later", "from now" a date: two weeks ago.
func (st *state) duration(i int) (result, bool) {
	j := i
	the := false
	if st.c(j) == wThe || st.c(j) == wThese || st.c(j) == wThat {
		the = true
		j++
	}
	dir := 0 // -1 past/last, +1 next/coming
	switch st.c(j) {
	case wPast, wLast, wPrevious, wRecent:
		if !the && st.c(j) == wLast && st.verbBefore(j) {
			return result{}, false // "could last six weeks": the count alone, at the next piece
		}
		dir = -1
		j++
	case wNext, wComing, wFollowing:
		dir = 1
		j++
	case cOrd:
		if st.ps[j].v == 1 { // "the first nine months"
			j++
		}
	case wLatest:
		j++
	}
	if dir == 0 && (st.is(j, "initial") || st.is(j, "final")) {
		j++
	}
	n, e, hasN := st.number(j)
	if !hasN {
		n, e = -1, j
		if st.ps[i].start == startYes && !the && dir == 0 && st.is(j, "another") {
			// "another year", "another two weeks" (not "Die Another Day")
			if n, e, hasN = st.number(j + 1); !hasN || n < 0 {
				n, e, hasN = 1, j+1, true
			}
			if st.kind(e) != kWord || st.ps[e].cap {
				return result{}, false
			}
		}
	}
	// "two more weeks", "an additional year", "five straight months"
	if hasN && n >= 0 && st.c(e+1) == cUnit && (st.c(e) == wMore || st.c(e) == cNone && st.countAdj(e)) {
		e++
	}
	// "two to three weeks", "12 to 18 months": keep the first count
	if hasN && (st.c(e) == wTo || st.c(e) == wOr) {
		if _, e2, ok := st.number(e + 1); ok && st.c(e2) == cUnit {
			e = e2
		}
	}
	// "two-year", "16-hour" adjectives
	adj := false
	if hasN && st.punct(e, '-') && st.tight(e) && st.tight(e+1) {
		e++
		adj = true
	}
	if st.c(e) != cUnit {
		return result{}, false
	}
	u := int(st.ps[e].v)
	pl := st.ps[e].pl
	end := e + 1
	if st.punct(end, '-') && st.tight(end) && (st.c(end+1) == wAgo || st.c(end+1) == wEarlier || st.c(end+1) == wEnd) {
		return result{}, false // "a year-earlier figure"
	}
	if adj && the && dir == 0 {
		return result{}, false // "the two-week": the bare adjective is taken at the next piece
	}
	// "decade-long", "months-long", "two-day-long"
	if st.punct(end, '-') && st.tight(end) && st.tight(end+1) && st.is(end+1, "long") {
		if the || dir != 0 {
			return result{}, false // taken at the next piece
		}
		skip := 0
		if st.c(j) == wA || hasN && !adj && !pl {
			// "a decade-long war", "two hour-long talks": the article or
			// count is the noun's ("two-hour-long" is one adjective)
			hasN, n, skip = false, -1, e-i
		}
		if !hasN && !pl {
			n = 1
		}
		return result{end: end + 2, typ: Duration, val: durationValue(n, u), skip: skip}, true
	}
	if !hasN {
		if !pl {
			return result{}, false // "the year", "past year" are left to other patterns
		}
		if u == uSecond || u == uQuarter && !the && dir == 0 {
			return result{}, false
		}
		// bare plurals: "years", "recent years", "the past few weeks"
		if dir == -1 && u != uMonth {
			// "recent years", "past years", "recent days": the past at large
			return result{end: end, typ: Date, val: "PAST_REF"}, true
		}
		if dir == 1 && st.c(j-1) == wComing {
			return result{end: end, typ: Date, val: "FUTURE_REF"}, true
		}
		if the && dir == 0 && st.c(i) == wThe && j == i+1 {
			// "in the weeks before": the bare plural without "the"
			r := result{end: end, typ: Duration, val: durationValue(-1, u), skip: 1}
			if st.c(end) == wOr && st.c(end+1) == cUnit && st.ps[end+1].pl {
				r.end += 2
			}
			return r, true
		}
		if !the && dir == 0 {
			switch st.c(i - 1) {
			case wFor, wIn, wOver, wFrom, wWithin, wAfter, wRecent, wComing:
				// "for years", "in years", "within hours"
			default:
				switch st.c(end) {
				case wAgo, wOr, wLater, wAfter, wBefore, wEarlier:
				case wAnd:
					if st.c(end+1) != cUnit {
						return result{}, false
					}
				default:
					return result{}, false
				}
			}
		}
	} else {
		if u == uSecond && !pl && n != 1 {
			return result{}, false
		}
		if st.c(j) == wA && u == uSecond {
			return result{}, false
		}
		if (adj && st.punct(end, '-') && st.is(end+1, "old")) || st.is(end, "old") {
			return result{}, false // ages
		}
		if adj && pl {
			return result{}, false
		}
	}
	// "will one day be": an unspecified day ahead
	if hasN && n == 1 && u == uDay && !pl && !the && dir == 0 && st.is(j, "one") && !st.spanVerb(i-1) && st.future(i) {
		switch st.c(end) {
		case wAgo, wLater, wEarlier, wAfter, wBefore, wOf, wAnd, wOr, wTo, wIn, wFor:
		default:
			if st.kind(end) != kNum && !st.punct(end, '-') {
				return result{end: end, typ: Date, val: "FUTURE_REF"}, true
			}
		}
	}
	// "a year and a half"
	if hasN && n >= 0 && st.c(end) == wAnd && st.c(end+1) == wA && st.c(end+2) == wHalf {
		n += 0.5
		end += 3
	}
	// "weeks or months"
	if !hasN && st.c(end) == wOr && st.c(end+1) == cUnit && st.ps[end+1].pl {
		end += 2
	}
	// "a week or so (ago)"
	if hasN && st.c(end) == wOr && st.c(end+1) == wSo {
		end += 2
	}
	// the distance forms
	switch st.c(end) {
	case wAgo, wEarlier, wLater, wBefore, wHence, wAhead:
		if the || dir != 0 || adj {
			break
		}
		c := st.c(end)
		if c == wBefore && st.kind(end+1) != 0 && st.c(end+1) != cNone && st.c(end+1) != wThe {
			break // "two days before the vote" stays a duration
		}
		if c == wBefore || c == wAhead || c == wLater {
			break
		}
		sign := -1
		if c == wLater || c == wHence {
			sign = 1
		}
		return st.shifted(i, end+1, n, u, sign), true
	case wFrom:
		if st.c(end+1) == wNow && !the && dir == 0 {
			return st.shifted(i, end+2, n, u, 1), true
		}
	case wAgoAdj:
	}
	if !hasN && st.c(i) == wThe && dir == 0 && !pl {
		return result{}, false
	}
	if n < 0 && dir == -1 && pl && st.c(j) == wVague {
		// "the last few months", "the past several quarters"
		return result{end: end, typ: Date, val: "PAST_REF"}, true
	}
	if r, ok := st.clockSpan(n, u, hasN && !the && dir == 0 && !adj, end); ok {
		return r, true
	}
	return result{end: end, typ: Duration, val: durationValue(n, u)}, true
}

// clockSpan joins a whole count of hours or minutes ending at piece end
// to a count of the next smaller unit after a comma or "and" ("eight
// minutes, 04.69 seconds", "two hours and 15 minutes", "two hours, 23
// minutes and 10 seconds"): one duration, PT8M4.69S, PT2H15M, PT2H23M10S.
func (st *state) clockSpan(n float64, u int, ok bool, end int) (result, bool) {
	if !ok || n < 1 || n != float64(int(n)) || (u != uHour && u != uMinute) {
		return result{}, false
	}
	if !st.punct(end, ',') && st.c(end) != wAnd {
		return result{}, false
	}
	m, e, has := st.number(end + 1)
	if !has || m <= 0 || st.c(e) != cUnit || int(st.ps[e].v) != u-1 {
		return result{}, false
	}
	if u == uHour && m != float64(int(m)) || m >= 60 {
		return result{}, false
	}
	v := durationValue(n, u) + durationValue(m, u-1)[2:]
	if r, ok := st.clockSpan(m, u-1, true, e+1); ok {
		// "three hours, 12 minutes and 40 seconds": PT3H12M40S
		return result{end: r.end, typ: Duration, val: v + r.val[len(durationValue(m, u-1)):]}, true
	}
	return result{end: e + 1, typ: Duration, val: v}, true
}

// countAdj reports whether word piece j is an adjective that may stand
// between a count and its unit ("two additional years").
func (st *state) countAdj(j int) bool {
	var buf [16]byte
	switch string(buf[:st.lower(j, buf[:])]) {
	case "additional", "extra", "further", "straight", "consecutive", "successive":
		return true
	}
	return false
}

// spanVerb reports whether piece j is a word that takes a length of time
// after it ("last one day", "took one day", "for one day").
func (st *state) spanVerb(j int) bool {
	switch st.c(j) {
	case wLast, wFor, wWithin, wIn, wOver, wAfter, wBefore:
		return true
	}
	var buf [8]byte
	switch string(buf[:st.lower(j, buf[:])]) {
	case "lasts", "lasted", "take", "takes", "took", "taken", "spend", "spent", "need", "needs", "wait":
		return true
	}
	return false
}

// verbBefore reports whether the word before piece j makes "last" at j
// a verb: a modal or "to" ("could last", "will last", "to last").
func (st *state) verbBefore(j int) bool {
	if st.c(j-1) == cFuture || st.c(j-1) == wTo {
		return true
	}
	var buf [8]byte
	switch string(buf[:st.lower(j-1, buf[:])]) {
	case "could", "would", "may", "might", "can", "should", "must", "did", "does", "do", "not", "usually", "often":
		return true
	}
	return false
}

// shifted is the date n units before (sign -1) or after the anchor,
// at the granularity of the unit.
func (st *state) shifted(i, end int, n float64, u, sign int) result {
	r := result{end: end, typ: Date, rel: true}
	if n < 0 {
		if sign < 0 {
			r.val = "PAST_REF"
		} else {
			r.val = "FUTURE_REF"
		}
		r.rel = false
		return r
	}
	if float64(int(n)) != n {
		// "half a century ago", "a decade and a half ago", "1.5 years ago"
		switch u {
		case uCentury:
			n, u = n*100, uYear
		case uDecade:
			n, u = n*10, uYear
		case uYear:
			n, u = n*12, uMonth
		}
	}
	k := int(n)
	if float64(k) != n {
		k = int(n + 0.5)
	}
	k *= sign
	if !st.has {
		switch u {
		case uDay:
			r.val = "XXXX-XX-XX"
		case uWeek, uFortnight:
			r.val = "XXXX-WXX"
		case uMonth:
			r.val = "XXXX-XX"
		case uQuarter:
			r.val = "XXXX-QX"
		default:
			r.val = "XXXX"
		}
		return r
	}
	// "a year ago" next to a quarter speaks of that quarter a year before
	if u == uYear && st.refQ > 0 && st.ps[i].sent-st.refQAt <= 2 && k == -1 {
		r.val = quarterValue(st.refY-1, st.refQ)
		return r
	}
	a := st.a
	// a year beyond 0000-9999 ("4,000,000 years ago") is the past or
	// future at large
	if y := a.Year() + yearsOf(u, k); y < 0 || y > 9999 {
		r.val, r.rel = "PAST_REF", false
		if k > 0 {
			r.val = "FUTURE_REF"
		}
		return r
	}
	switch u {
	case uSecond, uMinute, uHour, uDay:
		if u == uDay {
			r.val = dayValue(a.AddDate(0, 0, k))
		} else if st.atClock && n < 1e5 && (st.c(end-1) == wAgo || st.c(end-1) == wNow) {
			// "two hours ago", "an hour from now" with a publication time:
			// the clock time ("two hours later" is counted from the event)
			d := time.Duration(n * float64(unitDuration(u)))
			t := st.at.Add(time.Duration(sign) * d)
			y, m, dd := t.Date()
			h, mi, _ := t.Clock()
			var arr [24]byte
			b := appendDay(arr[:0], time.Date(y, m, dd, 0, 0, 0, 0, time.UTC))
			b = append(b, 'T')
			b = appendInt(b, h, 2)
			b = append(b, ':')
			b = appendInt(b, mi, 2)
			r.typ, r.val = Time, string(b)
		} else {
			r.val = dayValue(a)
		}
	case uWeek:
		r.val = weekValue(a.AddDate(0, 0, 7*k))
	case uFortnight:
		r.val = weekValue(a.AddDate(0, 0, 14*k))
	case uMonth:
		t := time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, k, 0)
		r.val = monthValue(t.Year(), int(t.Month()))
	case uQuarter:
		y, q := st.anchorQuarter()
		q += k
		for q < 1 {
			q += 4
			y--
		}
		for q > 4 {
			q -= 4
			y++
		}
		r.val = quarterValue(y, q)
	case uYear:
		r.val = yearValue(a.Year() + k)
	case uDecade:
		r.val = yearValue(a.Year() + 10*k)
	case uCentury:
		r.val = yearValue(a.Year() + 100*k)
	}
	return r
}

// unitDuration is the length of a second, minute or hour unit.
func unitDuration(u int) time.Duration {
	switch u {
	case uSecond:
		return time.Second
	case uMinute:
		return time.Minute
	}
	return time.Hour
}

// yearsOf is about how many years k units u make (0 below a year), for
// shifted's range check; large counts saturate instead of overflowing.
func yearsOf(u, k int) int {
	const lim = 1 << 40
	if k > lim {
		k = lim
	} else if k < -lim {
		k = -lim
	}
	switch u {
	case uDay:
		return k / 366
	case uWeek:
		return k / 52
	case uFortnight:
		return k / 26
	case uMonth:
		return k / 12
	case uQuarter:
		return k / 4
	case uYear:
		return k
	case uDecade:
		return 10 * k
	case uCentury:
		return 100 * k
	}
	return 0
}

// relative: last year, this week, next month, last Friday, this summer,
// last April, the weekend, this morning, last night, that year.
func (st *state) relative(i int) (result, bool) {
	j := i
	the := false
	if st.c(j) == wThe {
		the = true
		j++
	}
	off := 0
	if st.c(j) == wThis && (st.c(j+1) == wPast || st.c(j+1) == wComing) {
		j++ // "this past weekend", "this coming Sunday"
	}
	switch st.c(j) {
	case wLast, wPast, wPrevious:
		off = -1
	case wNext, wComing, wFollowing:
		off = 1
	case wThis, wCurrent, wSame:
	case wThat:
		if the {
			return result{}, false
		}
	case wWeekend:
		if the {
			return st.weekend(i, j+1, 0)
		}
		return result{}, false
	case cUnit:
		// "the year", "the week", "the month", "the day"
		if !the || st.ps[j].pl {
			return result{}, false
		}
		switch st.ps[j].v {
		case uWeek:
			if st.c(j+1) == wOf {
				// "the week of March 6": the week of that day
				if r, ok := st.monthDate(j + 2); ok && len(r.val) == 10 && r.val[0] != 'X' {
					if t, err := time.Parse("2006-01-02", r.val); err == nil {
						return result{end: r.end, typ: Date, val: weekValue(t), rel: r.rel}, true
					}
				}
				return result{}, false // "the week of talks"
			}
			if !st.has {
				return result{end: j + 1, typ: Date, val: "XXXX-WXX", rel: true}, true
			}
			return result{end: j + 1, typ: Date, val: weekValue(st.a), rel: true}, true
		case uDecade:
			// "by the end of the decade": the anchor's decade
			switch st.c(j + 1) {
			case wBefore, wAfter, wEarlier, wAgo, wLater, wOf:
				return result{}, false
			}
			if st.punct(j+1, '-') {
				return result{}, false
			}
			return st.shiftedUnit(j+1, uDecade, 0)
		}
		return result{}, false
	default:
		return result{}, false
	}
	if the && st.c(j) == wThis {
		return result{}, false
	}
	k := j + 1
	switch st.c(k) {
	case cUnit:
		if st.ps[k].pl {
			return result{}, false
		}
		u := int(st.ps[k].v)
		if st.punct(k+1, '-') && st.tight(k+1) && st.is(k+2, "long") {
			return result{}, false // "this decade-long war": the adjective, at the next piece
		}
		if the && off != 0 && (u == uDay || u == uQuarter) {
			return result{}, false
		}
		if the && st.c(j) == wPast && st.c(j-1) != wThis && (u == uDecade || u == uCentury) {
			// "over the past decade": the ten years up to now, not the
			// 2010s ("the last decade" is read as the decade before, as
			// TimeBank's annotators did; "the past decade of" stays too)
			if st.c(k+1) != wOf {
				return result{end: k + 1, typ: Duration, val: durationValue(1, u)}, true
			}
		}
		if st.c(j) == wThat && u != uYear && u != uMonth && u != uWeek && u != uDay {
			return result{}, false
		}
		if st.c(j) == wThat || (st.c(j) == wSame && the) {
			if u == uDay {
				// "that day", "the same day": the day in focus, unknown here
				return result{}, false
			}
		}
		// "that year", "the same month", "the following year", "the
		// previous month": counted from the last year (month) named, when
		// the text has named one; "next year", "last month" from the anchor
		if c := st.c(j); (c == wThat || the && (c == wSame || c == wFollowing || c == wPrevious)) && (u == uYear || u == uMonth) {
			if ry, rm := st.refYM(); ry > 0 && (u == uYear || rm > 0) {
				if st.c(j) == wThat && st.c(k+1) == wTo {
					return result{}, false // "that year to ..." is not a date
				}
				return st.anaphoric(k+1, u, off, ry, rm), true
			}
		}
		return st.shiftedUnit(k+1, u, off)
	case wWeekend:
		return st.weekend(i, k+1, off)
	case cWeekday:
		wd := int(st.ps[k].v)
		end := k + 1
		var t time.Time
		if st.has && the && (st.c(j) == wPrevious || st.c(j) == wFollowing) && !st.refDay.IsZero() {
			// "the previous Friday", "the following Monday": counted from
			// the day named last, as "the next day" is
			t = weekdayFrom(st.refDay, wd, off)
		} else if st.has {
			switch off {
			case -1:
				t = st.weekdayDate(wd, -1, k)
			case 1:
				t = st.weekdayDate(wd, 1, k)
			default:
				// this Friday: the one of the anchor's week
				cur := int(st.a.Weekday()+6)%7 + 1
				t = st.a.AddDate(0, 0, wd-cur)
			}
		}
		pod := 0
		if st.c(end) == cPOD && !st.ps[end].pl {
			pod = int(st.ps[end].v)
			end++
		}
		return st.dayResult(end, t, pod), true
	case cMonth:
		m := int(st.ps[k].v)
		if !st.ps[k].cap && (m == 3 || m == 5) {
			return result{}, false // "this march", "that may": a noun, a verb
		}
		if !st.has {
			return result{end: k + 1, typ: Date, val: monthValue(-1, m), rel: true}, true
		}
		// "last April" is the latest April before the anchor's month
		y, am := st.a.Year(), int(st.a.Month())
		switch {
		case off < 0 && m >= am:
			y--
		case off > 0 && m <= am:
			y++
		}
		return result{end: k + 1, typ: Date, val: monthValue(y, m), rel: true}, true
	case cSeason:
		s := int(st.ps[k].v)
		if !st.has {
			return result{end: k + 1, typ: Date, val: "XXXX-" + seasonCode[s], rel: true}, true
		}
		y := st.a.Year() + off // "last spring": the spring of last year
		if off < 0 && st.c(j-1) == wThis || off > 0 {
			y = st.seasonYear(s, off) // "this past spring", "next summer"
		}
		return result{end: k + 1, typ: Date, val: yearValue(y) + "-" + seasonCode[s], rel: true}, true
	case cPOD:
		if st.ps[k].pl {
			return result{}, false
		}
		pod := int(st.ps[k].v)
		switch {
		case st.c(j) == wThis && !the:
			return st.dayResult(k+1, st.a, pod), true
		case st.c(j) == wLast && !the && pod == 4:
			return st.dayResult(k+1, st.a.AddDate(0, 0, -1), pod), true
		}
	}
	return result{}, false
}

// anaphoric is the year or month off units from the last one named (ry,
// rm).
func (st *state) anaphoric(end, u, off, ry, rm int) result {
	r := result{end: end, typ: Date}
	if u == uYear {
		r.val = yearValue(ry + off)
		return r
	}
	t := time.Date(ry, time.Month(rm), 1, 0, 0, 0, 0, time.UTC).AddDate(0, off, 0)
	r.val = monthValue(t.Year(), int(t.Month()))
	return r
}

// seasonYear is the year of season s (1 spring .. 4 winter, the winter
// of year y running from December y into February y+1) off seasons from
// the anchor's: "this past spring" is the latest spring over at the
// anchor, "next summer" the first one still ahead, "this fall" the
// anchor year's.
func (st *state) seasonYear(s, off int) int {
	y, m := st.a.Year(), int(st.a.Month())
	first := 3 * s // the season's first month: 3, 6, 9, 12
	switch {
	case off < 0:
		// over when its last month (first+2) is behind the anchor's month
		if s == 4 {
			if m <= 2 {
				return y - 2
			}
			return y - 1
		}
		if m > first+2 {
			return y
		}
		return y - 1
	case off > 0:
		// still ahead when it starts after the anchor's month
		if m < first || s == 4 && m <= 2 {
			return y
		}
		return y + 1
	}
	if s == 4 && m <= 2 {
		return y - 1 // "this winter" in January
	}
	return y
}

// dayResult is a day (and part of day) resolved to t.
func (st *state) dayResult(end int, t time.Time, pod int) result {
	r := result{end: end, typ: Date, rel: true}
	var arr [24]byte
	b := arr[:0]
	if st.has {
		b = appendDay(b, t)
	} else {
		b = append(b, "XXXX-XX-XX"...)
	}
	if pod > 0 {
		r.typ = Time
		b = append(b, 'T')
		b = append(b, podCode[pod]...)
	}
	r.val = string(b)
	return r
}

func (st *state) weekend(i, end, off int) (result, bool) {
	if !st.has {
		return result{end: end, typ: Date, val: "XXXX-WXX-WE", rel: true}, true
	}
	t := st.a
	switch off {
	case -1:
		t = t.AddDate(0, 0, -7)
	case 1:
		// "the coming weekend" on a weekday is this week's; "next
		// weekend" the one after
		if cur := int(st.a.Weekday()+6)%7 + 1; cur > 5 || st.c(end-2) != wComing {
			t = t.AddDate(0, 0, 7)
		}
	default:
		cur := int(st.a.Weekday()+6)%7 + 1
		if cur <= 5 && st.weekendTense(i, end) <= 0 {
			t = t.AddDate(0, 0, -7)
		}
	}
	return result{end: end, typ: Date, val: weekValue(t) + "-WE", rel: true}, true
}

// weekendTense is the tense of "this weekend" (from piece i, its end at
// end): by tense, a possessive ("this weekend's vote") reading the verb
// of its own noun first ("This weekend's match was cancelled", "said this
// weekend's vote will be close"); with no tense cue "this weekend" is the
// anchor week's, as "this Friday" is ("Voters head to the polls this
// weekend", "in this weekend's vote"), while "the weekend('s)" stays the
// last one.
func (st *state) weekendTense(i, end int) int {
	if !st.punct(end, '\'') || !st.is(end+1, "s") {
		t := st.tense(i)
		if t == 0 && st.c(i) == wThis {
			if st.perfect(i) {
				return -1 // "The shops have been busy this weekend"
			}
			return st.thisWeekend(i) // "Voters head to the polls this weekend": the anchor week's
		}
		return t
	}
	for k := end + 2; k < len(st.ps) && k <= end+5 && !st.sentenceEnd(k-1); k++ {
		if st.ps[k].kind == kPunct {
			break
		}
		if t := st.cue(k); t != 0 && t != 3 {
			return min(t, 1)
		}
	}
	if st.c(i) == wThis && st.weekendAhead(i) {
		return 1 // "has been forced out of this weekend's championships"
	}
	t := st.tense(i)
	if t == 0 && st.c(i) == wThis {
		return st.thisWeekend(i)
	}
	return t
}

// perfect reports whether "been" stands in the clause before piece i
// ("have been busy this weekend", "may have been lonely this weekend"),
// which the tense cues do not read as past.
func (st *state) perfect(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8 && !st.sentenceEnd(k); k-- {
		if st.ps[k].kind == kPunct && st.ps[k].ch != '\'' {
			return false
		}
		if st.is(k, "been") {
			return true
		}
	}
	return false
}

// thisWeekend is the tense of a "this weekend" at piece i that has none
// from its verbs: the anchor week's (+1), but the last one after "after",
// "since" or "following" ("bounce back after this weekend's defeat").
func (st *state) thisWeekend(i int) int {
	if st.is(i-1, "after") || st.is(i-1, "since") || st.is(i-1, "following") {
		return -1
	}
	return 1
}

// weekendAhead reports whether the words before "this weekend('s)" at
// piece i put it ahead of the clause's event, whatever that event's
// tense: "pulled out of (ahead of) this weekend's championships", "will
// miss this weekend's games".
func (st *state) weekendAhead(i int) bool {
	if st.is(i-1, "of") && (st.is(i-2, "out") || st.is(i-2, "ahead")) {
		return true
	}
	return st.is(i-1, "miss") || st.is(i-1, "misses") || st.is(i-1, "missed") || st.is(i-1, "missing")
}

// shiftedUnit is the calendar unit off units away from the anchor's.
func (st *state) shiftedUnit(end, u, off int) (result, bool) {
	r := result{end: end, typ: Date, rel: true}
	if !st.has {
		switch u {
		case uDay:
			r.val = "XXXX-XX-XX"
		case uWeek:
			r.val = "XXXX-WXX"
		case uMonth:
			r.val = "XXXX-XX"
		case uQuarter:
			r.val = "XXXX-QX"
		case uDecade:
			r.val = "XXX"
		case uCentury:
			r.val = "XX"
		default:
			r.val = "XXXX"
		}
		return r, true
	}
	a := st.a
	switch u {
	case uDay:
		r.val = dayValue(a.AddDate(0, 0, off))
	case uWeek:
		r.val = weekValue(a.AddDate(0, 0, 7*off))
	case uMonth:
		t := time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, off, 0)
		r.val = monthValue(t.Year(), int(t.Month()))
	case uQuarter:
		y, q := st.anchorQuarter()
		q += off
		if q < 1 {
			q, y = 4, y-1
		} else if q > 4 {
			q, y = 1, y+1
		}
		r.val = quarterValue(y, q)
		r.q, r.y = q, y
	case uYear:
		r.val = yearValue(a.Year() + off)
	case uDecade:
		r.val = decadeValue(a.Year()/10 + off)
	case uCentury:
		r.val = centuryValue(a.Year()/100 + off)
	default:
		return r, false
	}
	return r, true
}

// frequency: a count of times per unit, the count in the span as in
// "every Monday": "once a year", "twice a week", "three times a month",
// "several times a day", the compound adjectives "once-a-year",
// "twice-a-week", and "twice-yearly", "twice weekly". The value is the
// unit (P1Y, P1W); the count, TIMEX3's freq, is not kept. Before "every"
// or "each" the value is set's ("once every two weeks": P2W). Without a
// count ("$500 a year", "a thrill-a-minute film") rate and inCompound
// decide.
func (st *state) frequency(i int) (result, bool) {
	j := i
	if st.c(j) != wTimes || st.ps[j].v == 0 { // "once", "twice"
		n, e, ok := st.number(j)
		if !ok || n == 0 || st.c(e) != wTimes || st.ps[e].v != 0 || st.c(j) == wA && n == 1 {
			return result{}, false // "three times", "several times"; not "a times"
		}
		j = e
	}
	j++
	hyph := st.punct(j, '-') && st.tight(j) && st.tight(j+1)
	if hyph {
		j++
	}
	if st.c(j) == cSetAdv { // "twice-yearly", "twice weekly"
		return result{end: j + 1, typ: Set, val: durationValue(1, int(st.ps[j].v))}, true
	}
	if !hyph && (st.c(j) == wEvery || st.c(j) == wEach) { // "once every two weeks"
		return st.set(j)
	}
	if st.c(j) != wA && st.c(j) != wPer {
		return result{}, false
	}
	j++
	if hyph { // "once-a-year", not "once-a year"
		if !st.punct(j, '-') || !st.tight(j) || !st.tight(j+1) {
			return result{}, false
		}
		j++
	}
	if st.c(j) != cUnit || st.ps[j].pl {
		return result{}, false
	}
	switch st.c(j + 1) {
	case wAgo, wEarlier, wLater, wBefore:
		return result{}, false // "ten times a year ago": a multiple of the date's figure
	}
	if (st.punct(j+1, '\'') || st.punct(j+1, '-')) && st.tight(j+1) {
		// "20 times a year's earnings"; a unit opening a compound
		// adjective: "three times a year-earlier level", "once a
		// week-long strike ends" ("once" as "when")
		return result{}, false
	}
	return result{end: j + 1, typ: Set, val: durationValue(1, int(st.ps[j].v))}, true
}

// set: every Monday, each year, every two weeks, daily, twice a year.
func (st *state) set(i int) (result, bool) {
	switch st.c(i) {
	case cSetAdv:
		// "daily flights", "average daily volume": an adjective, not a set
		if st.is(i-1, "average") || (st.kind(i-1) == kWord && st.ps[i-1].cap && st.kind(i+1) == kWord && st.ps[i+1].cap) {
			return result{}, false
		}
		if st.ps[i].cap && !st.opensSentence(i) && !st.titleCase(i) {
			return result{}, false // a title: "the Daily Telegraph", "China Daily", "Screen Daily"
		}
		return result{end: i + 1, typ: Set, val: durationValue(1, int(st.ps[i].v))}, true
	case wEvery, wEach:
	case wTimes:
		// "twice a year", "three times a week"
		return result{}, false
	default:
		return result{}, false
	}
	j := i + 1
	if st.c(i) == wEach && st.c(j) == wOf {
		return result{}, false
	}
	other := false
	if st.c(j) == wOther {
		other = true
		j++
	}
	n, e, hasN := st.number(j)
	if hasN && n < 0 {
		return result{}, false
	}
	if !hasN {
		n, e = 1, j
	}
	if other {
		n *= 2
	}
	switch st.c(e) {
	case cUnit:
		return result{end: e + 1, typ: Set, val: durationValue(n, int(st.ps[e].v))}, true
	case cWeekday:
		var arr [24]byte
		b := append(arr[:0], "XXXX-WXX-"...)
		b = appendInt(b, int(st.ps[e].v), 1)
		end := e + 1
		if st.c(end) == cPOD {
			b = append(b, 'T')
			b = append(b, podCode[st.ps[end].v]...)
			end++
		}
		return result{end: end, typ: Set, val: string(b)}, true
	case cMonth:
		return result{end: e + 1, typ: Set, val: monthValue(-1, int(st.ps[e].v))}, true
	case cPOD:
		return result{end: e + 1, typ: Set, val: "XXXX-XX-XXT" + podCode[st.ps[e].v]}, true
	case wWeekend:
		return result{end: e + 1, typ: Set, val: "XXXX-WXX-WE"}, true
	case cSeason:
		return result{end: e + 1, typ: Set, val: "XXXX-" + seasonCode[st.ps[e].v]}, true
	}
	return result{}, false
}

// deixis: today, yesterday morning, tonight, now, currently, recently,
// soon, the future, the past, these days.
func (st *state) deixis(i int) (result, bool) {
	j := i
	switch st.c(j) {
	case cDeixis:
		off := int(st.ps[j].v)
		end := j + 1
		if off == 0 && st.punct(end, '\'') && st.is(end+1, "s") && st.kind(end+2) == kWord && !st.ps[end+2].cap {
			return result{}, false // "today's world" is generic
		}
		if off >= 0 && st.c(j-1) == wOf && st.genericOwner(j-2) && !(st.punct(end, '\'') && st.is(end+1, "s")) {
			return result{}, false // "the children of today", "the people of tomorrow"
		}
		pod := 0
		if st.c(end) == cPOD && !st.ps[end].pl {
			pod = int(st.ps[end].v)
			end++
		}
		return st.dayResult(end, st.a.AddDate(0, 0, off), pod), true
	case cTonight:
		return st.dayResult(j+1, st.a, 4), true
	case wNow:
		if st.punct(j+1, '-') && st.tight(j+1) {
			return result{}, false // "now-defunct"
		}
		return result{end: j + 1, typ: Date, val: "PRESENT_REF"}, true
	case cRefWord:
		return result{end: j + 1, typ: Date, val: refNames[st.ps[j].v]}, true
	case wThe:
		switch {
		case st.c(j+1) == wFuturee:
			if st.c(j+2) == wOf {
				return result{}, false // "the future of the port": its fate, no time
			}
			return result{end: j + 2, typ: Date, val: "FUTURE_REF"}, true
		case st.is(j+1, "near") && st.c(j+2) == wFuturee:
			return result{end: j + 3, typ: Date, val: "FUTURE_REF"}, true
		case st.c(j+1) == wPast && st.c(j+2) != cUnit && st.c(j+2) != cNum && st.kind(j+2) != kNum:
			return result{end: j + 2, typ: Date, val: "PAST_REF"}, true
		}
	case wThese:
		if st.c(j+1) == cUnit && st.ps[j+1].v == uDay && st.ps[j+1].pl {
			return result{end: j + 2, typ: Date, val: "PRESENT_REF"}, true
		}
	case wAt:
		if st.c(j+1) == wThe && st.c(j+2) == wMoment {
			return result{end: j + 3, typ: Date, val: "PRESENT_REF"}, true
		}
	case wCurrent:
		return result{end: j + 1, typ: Date, val: "PRESENT_REF"}, true
	}
	return result{}, false
}

// genericOwner reports whether the word at k, before "of today" ("of
// tomorrow"), is a noun the day stands as an age for ("the children of
// today", "the web of today"), not a part of the day ("the end of
// today") nor "as of today".
func (st *state) genericOwner(k int) bool {
	if k < 0 || st.ps[k].kind != kWord || st.ps[k].c != cNone || st.ps[k].cap {
		return false
	}
	var b [10]byte
	switch string(b[:st.lower(k, b[:])]) {
	case "as", "end", "start", "beginning", "rest", "middle", "close", "part", "course", "evening", "afternoon",
		"morning", "night", "events", "session", "edition", "issue", "meeting", "deadline",
		"all", "much", "most", "some", "half", "bulk", "remainder", "majority", "portion", "any", "none", "each",
		"lot", "whole", "length", "duration", "balance":
		return false
	}
	return true
}

var refNames = [...]string{"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"}

// clock: 5 p.m., 10:30 a.m. EST, noon Saturday, 17:45 GMT, 3 o'clock.
func (st *state) clock(i int) (result, bool) {
	j := i
	h, mi := -1, 0
	end := j
	switch st.c(j) {
	case wNoon, wMidnight:
		if st.ps[j].cap && j > 0 && !st.sentenceEnd(j-1) && !st.clockPrep(j) {
			return result{}, false // "Jamie Noon", "High Noon", "Midnight Mass": names
		}
		h, end = int(st.ps[j].v), j+1
	case cNone:
		v, nd, ok := st.num(j)
		if !ok || nd > 2 || v > 24 {
			return result{}, false
		}
		h, end = v, j+1
		colon := false
		if st.punct(end, ':') && st.tight(end) && st.tight(end+1) {
			m, nm, ok := st.num(end + 1)
			if !ok || nm != 2 || m > 59 {
				return result{}, false
			}
			if h == 24 && m > 0 {
				return result{}, false
			}
			mi, end, colon = m, end+2, true
		} else if st.punct(end, '.') && st.tight(end) && st.tight(end+1) {
			// "2.05 p.m." (British): only with a.m./p.m. after it
			if m, nm, ok := st.num(end + 1); ok && nm == 2 && m <= 59 {
				if ap, _ := st.ampm(end + 2); ap >= 0 {
					mi, end = m, end+2
				}
			}
		}
		ap, e2 := st.ampm(end)
		if ap >= 0 {
			if h > 12 || h == 0 {
				return result{}, false
			}
			if ap == 12 && h < 12 {
				h += 12
			} else if ap == 0 && h == 12 {
				h = 0
			}
			end = e2
		} else if st.c(end) == wOclock || (st.is(end, "o") && st.punct(end+1, '\'') && st.is(end+2, "clock")) {
			if st.c(end) == wOclock {
				end++
			} else {
				end += 3
			}
			h, end = st.podHour(h, end)
		} else if h2, e2 := st.podHour(h, end); e2 > end && st.clockPrep(i) {
			h, end = h2, e2 // "at 4 in the morning"
		} else if !colon || !(st.c(end) == cTZ || st.c(i-1) == wAt || st.c(i-1) == cApprox && st.c(i-2) == wAt ||
			st.is(end, "local") && st.is(end+1, "time")) {
			return result{}, false
		}
	default:
		return result{}, false
	}
	if h == 24 && mi > 0 {
		h = 0 // "12:30 at night"
	}
	if st.c(end) == cTZ {
		end++
	}
	// the day it belongs to
	k := end
	if st.punct(k, ',') {
		k++
	}
	day := st.a
	dayKnown := st.has
	// a clock time without a day of its own is on the day named last, if
	// any ("He was killed on Friday. The shot was fired at 10 p.m."), but
	// one that opens a line is a timestamp of the article's day (a live
	// blog's "6:05 p.m.")
	if dayKnown && !st.refDay.IsZero() && !(i == 0 || st.lineBreak(i)) {
		day = st.refDay
	}
	// "5 p.m. Tuesday" takes the day in; "midnight on March 31" only
	// takes its date, the day being an expression of its own
	on := st.c(k) == wOn
	if on {
		k++
	}
	if (st.c(k+1) == cMonth || st.c(k+1) == cMonthAbbr) && st.weekdayAbbr(k) {
		k++ // "1:47 PM EST, Fri March 22, 2013"
	}
	dayEnd := end
	switch st.c(k) {
	case cWeekday:
		if st.has {
			// the tense around the clock time ("until 9 a.m. Tuesday")
			day = st.weekdayDate(int(st.ps[k].v), 0, i)
		}
		dayEnd = k + 1
	case cDeixis:
		day = st.a.AddDate(0, 0, int(st.ps[k].v))
		dayEnd = k + 1
	case cMonth, cMonthAbbr, cNone: // "midnight on 1 January"
		if r, ok := st.monthDate(k); ok && len(r.val) == 10 {
			if t, err := time.Parse("2006-01-02", r.val); err == nil {
				day, dayKnown = t, true
			}
			dayEnd = r.end
		}
	}
	if !on {
		end = dayEnd
	}
	var arr [24]byte
	b := arr[:0]
	if dayKnown {
		b = append(b, dayValue(day)...)
	} else {
		b = append(b, "XXXX-XX-XX"...)
	}
	b = append(b, 'T')
	b = appendInt(b, h, 2)
	b = append(b, ':')
	b = appendInt(b, mi, 2)
	return result{end: end, typ: Time, val: string(b), rel: true}, true
}

// podAlone: a part of day after "mid", "early" or "late" (the prefix is
// matched by the caller), with the day that follows or the day named
// last: "mid-afternoon yesterday", "by mid afternoon", "late Tuesday
// night" is taken by the weekday.
func (st *state) podAlone(i int) (result, bool) {
	if st.ps[i].pl {
		return result{}, false
	}
	switch st.c(i - 1) {
	case wMid, wEarly, wLate:
	default:
		if !(st.punct(i-1, '-') && st.c(i-2) == wMid) {
			return result{}, false
		}
	}
	pod := int(st.ps[i].v)
	end := i + 1
	if c := st.c(end); c != cDeixis && c != cWeekday && !st.podPrep(i) {
		return result{}, false // "a late night jog", "his late night show": adjectives
	}
	day := st.a
	if !st.refDay.IsZero() {
		day = st.refDay
	}
	switch st.c(end) {
	case cDeixis:
		day = st.a.AddDate(0, 0, int(st.ps[end].v))
		end++
	case cWeekday:
		if st.has {
			day = st.weekdayDate(int(st.ps[end].v), 0, i)
		}
		end++
	}
	return st.dayResult(end, day, pod), true
}

// podPrep reports whether the part of day at i, after its "mid",
// "early" or "late", follows a preposition of time ("by late afternoon",
// "in the early morning", "until mid-morning") or stands before no word
// ("Late afternoon, ...", "came early morning."): not the adjective of "a
// late night jog".
func (st *state) podPrep(i int) bool {
	q := i - 2 // before "late"
	if st.punct(i-1, '-') {
		q--
	}
	if st.c(q) == wThe {
		q--
	}
	switch st.c(q) {
	case wIn, wBy, wUntil, wAt, wFrom, wSince, wBefore, wAfter, wDuring, wOn, wTo, wOver, wOf, cApprox:
		return true
	}
	return st.kind(i+1) != kWord // "Late afternoon, the troops moved", "came early morning."
}

// weekdayAbbr reports whether word piece j is a weekday's abbreviation
// (Mon, Tue, Tues, Wed, Thu, Thur, Thurs, Fri, Sat, Sun).
func (st *state) weekdayAbbr(j int) bool {
	var buf [8]byte
	switch string(buf[:st.lower(j, buf[:])]) {
	case "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun":
		return true
	}
	return false
}

// podHour reads "in the morning" (afternoon, evening) or "at night" at j
// after the hour h (1 to 12) and returns the hour on the 24-hour clock
// and the index after it; h and j when there is none.
func (st *state) podHour(h, j int) (int, int) {
	if h < 1 || h > 12 {
		return h, j
	}
	pod, e := 0, j
	switch {
	case st.c(j) == wIn && st.c(j+1) == wThe && st.c(j+2) == cPOD && !st.ps[j+2].pl:
		pod, e = int(st.ps[j+2].v), j+3
	case st.c(j) == wAt && st.isPOD(j+1, 4):
		pod, e = 4, j+2
	default:
		return h, j
	}
	switch pod {
	case 1: // morning
		if h == 12 {
			h = 0
		}
	case 4: // night: 9 at night, 2 at night; 12 at night is midnight (24:00)
		if h >= 6 && h <= 12 {
			h += 12
		}
	default: // afternoon, evening
		if h < 12 {
			h += 12
		}
	}
	return h, e
}

// clockPrep reports whether the word before piece i introduces a time of
// day: at, by, until, around, about, before, after, from, to, since.
func (st *state) clockPrep(i int) bool {
	switch st.c(i - 1) {
	case wAt, wBy, wUntil, wBefore, wAfter, wFrom, wTo, wSince, cApprox:
		return true
	}
	return false
}

// isPOD reports the singular part of day pod at j.
func (st *state) isPOD(j, pod int) bool {
	return st.c(j) == cPOD && int(st.ps[j].v) == pod && !st.ps[j].pl
}

// ampm reads "a.m.", "p.m.", "am", "pm", "a.m" at j: 0 for am, 12 for pm, -1 for none.
func (st *state) ampm(j int) (int, int) {
	if st.kind(j) != kWord {
		return -1, j
	}
	w := strings.ToLower(st.word(j))
	switch w {
	case "am", "pm":
		if st.tight(j) || st.ps[j].sp {
			v := 0
			if w == "pm" {
				v = 12
			}
			return v, j + 1
		}
	case "a", "p":
		if st.punct(j+1, '.') && st.tight(j+1) && st.is(j+2, "m") && st.tight(j+2) {
			v := 0
			if w == "p" {
				v = 12
			}
			e := j + 3
			if st.punct(e, '.') && st.tight(e) {
				e++
			}
			return v, e
		}
	}
	return -1, j
}
