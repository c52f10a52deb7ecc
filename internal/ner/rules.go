package ner

import (
	"strings"

	"github.com/lector-nlp/lector/internal/text"
)

// monthNames are the months' names and short forms in lower case, with and
// without a stop ("jan", "jan."); fullMonths only the names.
var (
	monthNames = set(text.MonthWords(true)...)
	fullMonths = set(text.MonthNames[:]...)
)

var (
	weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
	relDays  = set("yesterday", "today", "tomorrow", "tonight")
	units    = set("km", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "metre", "metres", "meter",
		"meters", "m", "cm", "mm", "centimetres", "kg", "kilogram", "kilograms", "kilo", "kilos", "gram", "grams", "g", "tonne", "tonnes", "ton", "tons",
		"pound", "pounds", "lb", "lbs", "ounce", "ounces", "oz", "barrel", "barrels", "bpd", "litre", "litres", "liter", "liters",
		"gallon", "gallons", "acre", "acres", "hectare", "hectares", "ha", "feet", "foot", "ft", "inch", "inches",
		"yard", "yards", "degree", "degrees", "mph", "kph", "km/h", "knots", "mw", "megawatt", "megawatts", "gw", "kw",
		"kwh", "mwh", "cubic", "square", "sq", "bushel", "bushels", "carat", "carats", "calories", "volts", "mbps", "gb", "mb", "tb")
	timeUnits = set("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
		"month", "months", "year", "years", "decade", "decades", "century", "centuries", "weekend", "quarter", "quarters")
	scales   = set("thousand", "million", "billion", "trillion", "mln", "bln", "bn", "m", "k", "mn", "tn")
	currency = set("dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi",
		"rupee", "rupees", "rial", "rials", "riyal", "riyals", "rouble", "roubles", "ruble", "rubles", "franc", "francs",
		"mark", "marks", "lira", "lire", "peso", "pesos", "won", "rand", "dinar", "dinars", "dirham", "dirhams",
		"cent", "cents", "pence", "krona", "kronor", "krone", "kroner", "zloty", "forint", "baht", "ringgit", "shekel", "shekels", "guilders", "escudos", "pesetas")
	numWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
		"fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "dozen", "several", "few", "a", "half", "couple")
	timeWords = set("a.m.", "p.m.", "am", "pm", "gmt", "utc", "est", "edt", "cet", "bst", "noon", "midnight")
)

// numericStarts holds the lower-case words at which a rule of
// numericMentions can match (number words, months, weekdays, relative days,
// last/next/this/past); longest is the length of the longest.
var numericStarts, longestNumericStart = func() (map[string]bool, int) {
	m := map[string]bool{"last": true, "next": true, "this": true, "past": true}
	for _, s := range []map[string]bool{numWords, monthNames, weekdays, relDays} {
		for w := range s {
			m[w] = true
		}
	}
	n := 0
	for w := range m {
		n = max(n, len(w))
	}
	return m, n
}()

// cannotStartNumeric reports whether no rule of numericMentions can match
// at a token with text t, without lower-casing it: t starts with ASCII
// punctuation other than $, or is an ASCII word with no $ that is not in
// numericStarts. (Rules start at digits, currency symbols and the words of
// numericStarts; the answer false just means "look".)
func cannotStartNumeric(t string) bool {
	if t == "" {
		return false
	}
	c := t[0]
	switch {
	case c >= '0' && c <= '9' || c == '$' || c >= 0x80:
		return false
	case !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
		return true
	case strings.IndexByte(t, '$') >= 0:
		return false
	case len(t) > longestNumericStart:
		return true
	}
	var buf [16]byte
	for i := 0; i < len(t); i++ {
		b := t[i]
		if b >= 0x80 {
			return false
		}
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[i] = b
	}
	return !numericStarts[string(buf[:len(t)])]
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// isNumber reports whether s is written with digits (1, 1,000, 3.5, 1.5bn is not).
func isNumber(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == ',' || c == '.') {
			return false
		}
	}
	return s[len(s)-1] != '.' && s[len(s)-1] != ','
}

// numberWithSuffix splits forms like 1.5bn, 20m, 5km, 30%, $5 into parts.
func splitNum(s string) (pre, num, suf string) {
	i := 0
	for i < len(s) && !(s[i] >= '0' && s[i] <= '9') {
		i++
	}
	pre = s[:i]
	j := i
	for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ',' || s[j] == '.') {
		j++
	}
	num, suf = s[i:j], s[j:]
	return
}

func isYear(s string) bool {
	if len(s) != 4 || !isNumber(s) {
		return false
	}
	return s >= "1800" && s <= "2100"
}

func isDay(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	l := lower(s)
	l = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(l, "th"), "st"), "nd"), "rd")
	if !isNumber(l) || len(l) > 2 {
		return false
	}
	return l != "0" && l != "00" && (len(l) == 1 || l <= "31")
}

var currencySymbols = []string{"US$", "C$", "A$", "HK$", "NZ$", "S$", "$", "£", "€", "¥", "₹", "₽"}

func isCurrencySymbol(s string) bool {
	for _, c := range currencySymbols {
		if s == c {
			return true
		}
	}
	return false
}

func hasCurrencyPrefix(s string) bool {
	for _, c := range currencySymbols {
		if strings.HasPrefix(s, c) && len(s) > len(c) && s[len(c)] >= '0' && s[len(c)] <= '9' {
			return true
		}
	}
	return false
}

// numericMentions finds DATE, TIME, MONEY, PERCENT and QUANTITY mentions in
// toks[first:last] with simple rules, skipping tokens in taken.
func numericMentions(toks []text.Token, first, last int, taken, quiet []bool, out []Mention) []Mention {
	w := func(i int) string {
		if i < first || i >= last {
			return ""
		}
		return lower(toks[i].Text)
	}
	isNum := func(i int) bool {
		s := w(i)
		if isNumber(s) || numWords[s] && s != "a" && s != "few" && s != "several" && s != "couple" && s != "half" {
			return true
		}
		// 1.5bn, 20m, 300k
		pre, num, suf := splitNum(s)
		return pre == "" && num != "" && scales[suf]
	}
	// numEnd returns the end of a number phrase starting at i (0 if none):
	// digits or number words, optionally followed by a scale word.
	numEnd := func(i int) int {
		j := i
		for j < last && (isNum(j) || j > i && (w(j) == "-" || w(j) == "and") && isNum(j+1)) {
			j++
		}
		if j == i {
			return 0
		}
		for j < last && scales[w(j)] {
			j++
		}
		return j
	}
	add := func(t Type, i, j int) int {
		for k := i; k < j; k++ {
			if taken[k] {
				return i + 1
			}
		}
		for k := i; k < j; k++ {
			taken[k] = true
		}
		out = append(out, Mention{Type: t, First: i, Last: j})
		return j
	}
	for i := first; i < last; {
		if taken[i] || quiet[i] || cannotStartNumeric(toks[i].Text) {
			i++
			continue
		}
		s := w(i)
		// MONEY: $ 5 million, $5, US$ 1.5 billion
		if isCurrencySymbol(toks[i].Text) {
			if e := numEnd(i + 1); e > 0 {
				i = add(Money, i, e)
				continue
			}
		}
		if hasCurrencyPrefix(toks[i].Text) {
			j := i + 1
			for j < last && scales[w(j)] {
				j++
			}
			i = add(Money, i, j)
			continue
		}
		if e := numEnd(i); e > 0 {
			nxt := w(e)
			switch {
			case nxt == "%" || nxt == "percent" || nxt == "pct":
				i = add(Percent, i, e+1)
				continue
			case nxt == "per" && w(e+1) == "cent":
				i = add(Percent, i, e+2)
				continue
			case currency[nxt] && !(nxt == "pound" || nxt == "pounds") || (nxt == "pounds" && w(e+1) == "sterling"):
				j := e + 1
				if w(j) == "sterling" {
					j++
				}
				i = add(Money, i, j)
				continue
			case nxt == "u.s." && (w(e+1) == "dollars" || w(e+1) == "cents"):
				i = add(Money, i, e+2)
				continue
			case timeWords[nxt] && isNumber(s) && nxt != "noon" && nxt != "midnight":
				j := e + 1
				if timeWords[w(j)] {
					j++
				}
				i = add(Time, i, j)
				continue
			case timeUnits[nxt]:
				st := i
				if w(i-1) == "the" && (w(i-2) == "in" || w(i-2) == "for" || w(i-2) == "over" || w(i-2) == "past") {
					st = i - 1
				}
				i = add(Date, st, e+1)
				continue
			case units[nxt] || nxt == "-" && units[w(e+1)]:
				j := e + 1
				if nxt == "-" {
					j++
				}
				if (nxt == "square" || nxt == "cubic" || nxt == "sq") && units[w(j)] {
					j++
				}
				if nxt == "m" && !isNumber(s) {
					break
				}
				i = add(Quantity, i, j)
				continue
			}
		}
		if isNumber(s) || len(s) > 1 && s[0] >= '0' && s[0] <= '9' {
			pre, num, suf := splitNum(toks[i].Text)
			if pre == "" && num != "" {
				ls := lower(suf)
				switch {
				case ls == "%":
					i = add(Percent, i, i+1)
					continue
				case units[ls] && ls != "m" && ls != "g":
					i = add(Quantity, i, i+1)
					continue
				case ls == "s" && len(num) == 4: // 1990s
					i = add(Date, i, i+1)
					continue
				case (ls == "am" || ls == "pm" || ls == "a.m." || ls == "p.m."):
					i = add(Time, i, i+1)
					continue
				}
				// 10:30 and 1996-08-22, 20/09/2023
				if strings.Count(s, ":") == 1 && len(s) <= 5 && !strings.ContainsAny(s, ".,") {
					j := i + 1
					if timeWords[w(j)] {
						j++
					}
					i = add(Time, i, j)
					continue
				}
			}
			if len(s) == 10 && s[4] == '-' && s[7] == '-' && isYear(s[:4]) {
				i = add(Date, i, i+1)
				continue
			}
		}
		// DATE: month [day][,] [year] | day month [year] | weekday | year
		if monthNames[s] && (toks[i].Text[0] >= 'A' && toks[i].Text[0] <= 'Z') {
			if s == "may" || s == "march" || s == "mar" || s == "jan" || s == "dec" || s == "sep" {
				// ambiguous words need a day or year next to them
				if !isDay(w(i+1)) && !isYear(w(i+1)) && !isDay(w(i-1)) {
					i++
					continue
				}
			}
			st, j := i, i+1
			if j < last && w(j) == "." && !fullMonths[s] {
				j++ // "Jan. 12"; not the stop after "since June."
			}
			if isDay(w(j)) {
				j++
				if w(j) == "," && isYear(w(j+1)) {
					j += 2
				} else if isYear(w(j)) {
					j++
				}
			} else if isYear(w(j)) {
				j++
			}
			if isDay(w(i-1)) && !taken[i-1] {
				st = i - 1
				if w(i-2) == "the" {
					st = i - 2
				}
			}
			i = add(Date, st, j)
			continue
		}
		if weekdays[s] || relDays[s] {
			if s != "today" || toks[i].Text == "today" {
				i = add(Date, i, i+1)
				continue
			}
		}
		if isYear(s) && toks[i].POS != "NNP" {
			j := i + 1
			if w(j) == "-" && isYear(w(j+1)) {
				j += 2
			}
			i = add(Date, i, j)
			continue
		}
		if (s == "last" || s == "next" || s == "this" || s == "past") && (timeUnits[w(i+1)] || weekdays[w(i+1)] || monthNames[w(i+1)]) && w(i+1) != "second" {
			i = add(Date, i, i+2)
			continue
		}
		i++
	}
	return out
}
