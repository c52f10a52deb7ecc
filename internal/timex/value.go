package timex

import (
	"math"
	"strconv"
	"time"
)

// appendInt appends n zero-padded to width w.
func appendInt(b []byte, n, w int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var tmp [20]byte // any int
	i := len(tmp)
	for n > 0 || i == len(tmp) {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
	}
	for k := len(tmp) - i; k < w; k++ {
		b = append(b, '0')
	}
	return append(b, tmp[i:]...)
}

func dayValue(t time.Time) string {
	var arr [24]byte
	return string(appendDay(arr[:0], t))
}

func appendDay(b []byte, t time.Time) []byte {
	b = appendInt(b, t.Year(), 4)
	b = append(b, '-')
	b = appendInt(b, int(t.Month()), 2)
	b = append(b, '-')
	return appendInt(b, t.Day(), 2)
}

func ymdValue(y, m, d int) string {
	var arr [24]byte
	b := arr[:0]
	if y < 0 {
		b = append(b, "XXXX"...)
	} else {
		b = appendInt(b, y, 4)
	}
	if m == 0 {
		return string(b)
	}
	b = append(b, '-')
	if m < 0 {
		b = append(b, "XX"...)
	} else {
		b = appendInt(b, m, 2)
	}
	if d == 0 {
		return string(b)
	}
	b = append(b, '-')
	if d < 0 {
		b = append(b, "XX"...)
	} else {
		b = appendInt(b, d, 2)
	}
	return string(b)
}

func monthValue(y, m int) string { return ymdValue(y, m, 0) }
func yearValue(y int) string     { return ymdValue(y, 0, 0) }

func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	var arr [24]byte
	b := arr[:0]
	b = appendInt(b, y, 4)
	b = append(b, "-W"...)
	b = appendInt(b, w, 2)
	return string(b)
}

func quarterValue(y, q int) string {
	var arr [24]byte
	b := arr[:0]
	if y < 0 {
		b = append(b, "XXXX"...)
	} else {
		b = appendInt(b, y, 4)
	}
	b = append(b, "-Q"...)
	if q <= 0 {
		b = append(b, 'X')
	} else {
		b = appendInt(b, q, 1)
	}
	return string(b)
}

// unitCode is the ISO 8601 designator of a unit and whether it belongs
// after the T.
func unitCode(u int) (string, bool) {
	switch u {
	case uSecond:
		return "S", true
	case uMinute:
		return "M", true
	case uHour:
		return "H", true
	case uDay:
		return "D", false
	case uWeek:
		return "W", false
	case uMonth:
		return "M", false
	case uQuarter:
		return "Q", false
	case uYear:
		return "Y", false
	case uDecade:
		return "DE", false
	case uCentury:
		return "CE", false
	}
	return "X", false
}

// durationValue formats n units (n < 0: unknown) as an ISO 8601 duration.
func durationValue(n float64, u int) string {
	if u == uFortnight {
		u = uWeek
		if n >= 0 {
			n *= 2
		}
	}
	if n >= 0 {
		switch u {
		case uDecade:
			u, n = uYear, n*10
		case uCentury:
			u, n = uYear, n*100
		}
	}
	code, t := unitCode(u)
	var arr [24]byte
	b := arr[:0]
	b = append(b, 'P')
	if t {
		b = append(b, 'T')
	}
	if n < 0 {
		b = append(b, 'X')
		b = append(b, code...)
		return string(b)
	}
	whole := int(n)
	frac := n - float64(whole)
	if frac > 0.01 {
		// express the fraction in the next smaller unit
		var sub int
		var subCode string
		subT := t
		switch u {
		case uYear:
			sub, subCode = int(frac*12+0.5), "M"
		case uMonth:
			sub, subCode = int(frac*30+0.5), "D"
		case uWeek:
			sub, subCode = int(frac*7+0.5), "D"
		case uDay:
			sub, subCode, subT = int(frac*24+0.5), "H", true
		case uHour:
			sub, subCode = int(frac*60+0.5), "M"
		case uMinute:
			sub, subCode = int(frac*60+0.5), "S"
		case uSecond:
			// "6.61 seconds": TIMEX3 keeps the decimals (PT6.61S)
			b = strconv.AppendFloat(b, math.Round(n*1000)/1000, 'f', -1, 64)
			b = append(b, code...)
			return string(b)
		default:
			whole = int(n + 0.5)
		}
		if subCode != "" {
			if whole > 0 {
				b = strconv.AppendInt(b, int64(whole), 10)
				b = append(b, code...)
			}
			if subT && !t {
				b = append(b, 'T')
			}
			b = strconv.AppendInt(b, int64(sub), 10)
			b = append(b, subCode...)
			return string(b)
		}
	}
	b = strconv.AppendInt(b, int64(whole), 10)
	b = append(b, code...)
	return string(b)
}

// yearInRange reports whether the year a value opens with, if any, lies
// in 0001-9999: not "10000-01-01", "0000-12-31" or "-001" (a decade
// before 000), nor the empty value decadeValue and centuryValue give
// out of range. Values that open with a letter (P3D, XXXX, PAST_REF)
// and two- or three-digit decades and centuries are in range.
func yearInRange(v string) bool {
	if v == "" || v[0] == '-' {
		return false
	}
	n := 0
	for n < len(v) && isDigit(v[n]) {
		n++
	}
	return n < 5 && !(n == 4 && v[:4] == "0000")
}

// unknownYear is v with the year, decade or century it opens with made
// X: "10000-01-01" is XXXX-01-01, "-001" XXX, "-01" XX, "" XXXX.
func unknownYear(v string) string {
	i := 0
	if i < len(v) && v[i] == '-' {
		i++
	}
	j := i
	for j < len(v) && isDigit(v[j]) {
		j++
	}
	if j == len(v) {
		switch j - i {
		case 2:
			return "XX"
		case 3:
			return "XXX"
		}
	}
	return "XXXX" + v[j:]
}

// decadeValue is decade d (203 for the 2030s), or "" (out of range for
// Extract) when d is not one of 000-999.
func decadeValue(d int) string {
	if d < 0 || d > 999 {
		return ""
	}
	return string(appendInt(nil, d, 3))
}

// centuryValue is century c (20 for the 2000s), or "" when c is not one
// of 00-99.
func centuryValue(c int) string {
	if c < 0 || c > 99 {
		return ""
	}
	return string(appendInt(nil, c, 2))
}
