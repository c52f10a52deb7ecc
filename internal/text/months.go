package text

import "strings"

// MonthNames are the names of the months in lower case, January first.
var MonthNames = [12]string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"}

// MonthAbbrevs are the usual short forms of the months' names in lower
// case, without a stop, January's first; May has none.
var MonthAbbrevs = [12][]string{{"jan"}, {"feb"}, {"mar"}, {"apr"}, {}, {"jun"}, {"jul"}, {"aug"},
	{"sep", "sept"}, {"oct"}, {"nov"}, {"dec"}}

// monthWords maps the lower-case names of the months and their short
// forms, with and without a stop ("sept", "sept."), to the month, 1 to 12.
var monthWords = func() map[string]int {
	m := make(map[string]int, 60)
	for i, w := range MonthNames {
		m[w] = i + 1
		for _, a := range MonthAbbrevs[i] {
			m[a] = i + 1
			m[a+"."] = i + 1
		}
	}
	return m
}()

// Month returns the month, 1 to 12, that w names in any case, as a full
// name or a short form with or without a stop ("March", "mar", "SEPT.");
// 0 when w names none.
func Month(w string) int {
	if len(w) < 3 || len(w) > 10 {
		return 0
	}
	if n, ok := monthWords[w]; ok {
		return n
	}
	return monthWords[strings.ToLower(w)]
}

// MonthWords returns the lower-case names of the months and their short
// forms ("jan", "sept"), and with withStop the short forms with a stop
// too ("jan.", "sept.").
func MonthWords(withStop bool) []string {
	ws := make([]string, 0, 40)
	ws = append(ws, MonthNames[:]...)
	for _, as := range MonthAbbrevs {
		ws = append(ws, as...)
	}
	if withStop {
		for _, as := range MonthAbbrevs {
			for _, a := range as {
				ws = append(ws, a+".")
			}
		}
	}
	return ws
}

// IsMonth reports whether w names a month (Month).
func IsMonth(w string) bool { return Month(w) > 0 }
