package timex

import (
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/text"
)

// Session 17 review: a value resolved against the anchor names a year in
// 0001-9999 (a decade 000-999, a century 00-99), or the expression is
// left unresolved as without an anchor and marked Anchored=false.

func TestYearRangeOfAnchor(t *testing.T) {
	last := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC) // a Friday
	first := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)     // a Monday
	tests := []struct {
		anchor   time.Time
		in, text string
		value    string
		anchored bool
	}{
		// out of range: the value without an anchor
		{last, "It will happen tomorrow.", "tomorrow", "XXXX-XX-XX", false},
		{last, "Sales will rise next year.", "next year", "XXXX", false},
		{last, "The plant will reopen next month.", "next month", "XXXX-XX", false},
		{last, "The vote is next week.", "next week", "XXXX-WXX", false},
		{last, "Profit will rise in the next quarter.", "the next quarter", "XXXX-QX", false},
		{last, "It will open in five days from now.", "five days from now", "XXXX-XX-XX", false},
		{last, "They will meet on Jan. 1.", "Jan. 1", "XXXX-01-01", false},
		{last, "They meet tomorrow morning.", "tomorrow morning", "XXXX-XX-XXTMO", false},
		{last, "Prices will rise in the next decade.", "the next decade", "XXX", false}, // was 1000, a year
		{last, "It will change in the next century.", "the next century", "XX", false},  // was 100, a decade
		{first, "It happened yesterday.", "yesterday", "XXXX-XX-XX", false},
		{first, "Sales fell last year.", "last year", "XXXX", false},
		{first, "It opened two days ago.", "two days ago", "XXXX-XX-XX", false},
		{first, "They met last week.", "last week", "XXXX-WXX", false},
		{first, "Prices fell in the last decade.", "the last decade", "XXX", false}, // was -001
		{first, "It changed in the last century.", "the last century", "XX", false}, // was -01
		{first, "They met on Dec. 31.", "Dec. 31", "XXXX-12-31", false},
		{first.Add(30 * time.Minute), "He left two hours ago.", "two hours ago", "XXXX", false},
		// in range: resolved as before
		{last, "It happened today.", "today", "9999-12-31", true},
		{last, "It happened yesterday.", "yesterday", "9999-12-30", true},
		{last, "Prices rose this decade.", "this decade", "999", true},
		{last.AddDate(-1, 0, 0), "Sales will rise next year.", "next year", "9999", true},
		{first, "It will happen tomorrow.", "tomorrow", "0001-01-02", true},
		{first, "It happened today.", "today", "0001-01-01", true},
		{first, "Prices rose this decade.", "this decade", "000", true},
		{first, "It changed in this century.", "this century", "00", true},
		{first, "The plant will reopen next month.", "next month", "0001-02", true},
	}
	for _, tt := range tests {
		// (0001-01-01T00:00:00Z is the zero time.Time: ExtractAt says it is given)
		got := ExtractAt(text.Analyze(tt.in), tt.anchor, true)
		if len(got) != 1 {
			t.Errorf("%s %q: got %v, want one expression", tt.anchor.Format("2006-01-02"), tt.in, show(tt.in, got))
			continue
		}
		g := got[0]
		if s := tt.in[g.Span.Start:g.Span.End]; s != tt.text || g.Value != tt.value || g.Anchored != tt.anchored {
			t.Errorf("%s %q: got %q %s anchored=%v, want %q %s anchored=%v", tt.anchor.Format("2006-01-02"), tt.in, s, g.Value, g.Anchored, tt.text, tt.value, tt.anchored)
		}
		if !validValue(g.Value) {
			t.Errorf("%q: %q is no valid TIMEX3 value", tt.in, g.Value)
		}
	}
}

// An out-of-range year is not taken up by "that year" later: "next year"
// on 9999-12-31 had left "10000", read back as the year 1000.
func TestYearRangeNotReferred(t *testing.T) {
	s := "Sales will rise next year. In June that year the firm will list."
	for _, e := range extract(s, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)) {
		if !validValue(e.Value) || e.Value[0] == '1' {
			t.Errorf("%q: %q", s[e.Span.Start:e.Span.End], e.Value)
		}
	}
}

var (
	reDate     = regexp.MustCompile(`^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?|-W(\d{2}|XX)(?:-(?:[1-7]|X|WE))?|-Q(?:[1-4]|X)|-H(?:[12]|X)|-(?:SP|SU|FA|WI))?(?:T(?:(\d{2}):(\d{2})(?::\d{2})?|MO|AF|EV|NI|DT))?$`)
	reDecade   = regexp.MustCompile(`^(?:\d{2,3}|XXX|XX)$`)
	reDuration = regexp.MustCompile(`^P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|DE|CE))*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?$`)
)

// validValue reports whether v is a TIMEX3 value of the forms Extract
// writes, with a year in 0001-9999 and months, days, weeks, hours and
// minutes that exist.
func validValue(v string) bool {
	switch v {
	case "PRESENT_REF", "PAST_REF", "FUTURE_REF":
		return true
	case "", "P":
		return false
	}
	if v[0] == 'P' {
		return reDuration.MatchString(v)
	}
	if reDecade.MatchString(v) {
		return true
	}
	m := reDate.FindStringSubmatch(v)
	if m == nil {
		return false
	}
	num := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			return -1 // X
		}
		return n
	}
	y, mo, d, w, h, mi := num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6])
	if m[1] != "XXXX" && (y < 1 || y > 9999) {
		return false
	}
	if m[2] != "" && m[2] != "XX" && (mo < 1 || mo > 12) {
		return false
	}
	if m[3] != "" && m[3] != "XX" {
		yy, mm := y, mo
		if yy < 0 {
			yy = 2000 // a leap year
		}
		if mm < 0 {
			mm = 1
		}
		if d < 1 || d > time.Date(yy, time.Month(mm)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
			return false
		}
	}
	if m[4] != "" && m[4] != "XX" {
		weeks := 53
		if y > 0 {
			_, weeks = time.Date(y, 12, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
		}
		if w < 1 || w > weeks {
			return false
		}
	}
	if m[5] != "" && (h < 0 || h > 24 || mi < 0 || mi > 59) {
		return false
	}
	return true
}

// Written dates name no year 0000 nor a February 29 of a common year
// (FuzzExtract found "0000-1-1" giving 0000-01-01).
func TestWrittenDatesInRange(t *testing.T) {
	for _, tt := range []struct{ in, value string }{
		{"The file is dated 2023-02-29.", "2023-02"},
		{"The file is dated 2/29/2023.", "2023-02"},
		{"The file is dated 2024-02-29.", "2024-02-29"},
		{"The file is dated 2/29/2024.", "2024-02-29"},
	} {
		got := extract(tt.in, anchor)
		if len(got) != 1 || got[0].Value != tt.value {
			t.Errorf("%q: got %v, want %s", tt.in, show(tt.in, got), tt.value)
		}
	}
	for _, s := range []string{"The file is dated 0000-1-1.", "The file is dated 12/31/0000."} {
		for _, a := range []time.Time{anchor, {}} {
			for _, e := range extract(s, a) {
				if !validValue(e.Value) {
					t.Errorf("%q: %q is %q", s, s[e.Span.Start:e.Span.End], e.Value)
				}
			}
		}
	}
}

// The zero time.Time is an anchor when ExtractAt is told so, and none for
// Extract.
func TestZeroTimeAnchor(t *testing.T) {
	s := "It will happen tomorrow."
	if got := ExtractAt(text.Analyze(s), time.Time{}, true); len(got) != 1 || got[0].Value != "0001-01-02" || !got[0].Anchored {
		t.Errorf("ExtractAt(zero, true): %v", show(s, got))
	}
	for _, got := range [][]Expression{Extract(text.Analyze(s), time.Time{}), ExtractAt(text.Analyze(s), anchor, false)} {
		if len(got) != 1 || got[0].Value != "XXXX-XX-XX" || got[0].Anchored {
			t.Errorf("no anchor: %v", show(s, got))
		}
	}
}

func TestValidValue(t *testing.T) {
	for _, v := range []string{"2023-09-20", "XXXX-WXX-1", "2023-W38-WE", "199", "19", "XX", "P2Y6M", "PT2H30M", "PXDE",
		"2023-09-20T15:15", "XXXX-XX-XXTNI", "2023-Q3", "XXXX-QX", "2024-H1", "2022-WI", "0001-01-01", "9999-12-31", "2020-W53", "PAST_REF"} {
		if !validValue(v) {
			t.Errorf("%q taken for invalid", v)
		}
	}
	for _, v := range []string{"10000-01-01", "0000-12-31", "0000", "-001", "-01", "1000-13", "2023-02-29", "2024-W53", "2023-09-20T25:00",
		"", "P", "P-5Y", "10000", "2023-Q5", "X"} {
		if validValue(v) {
			t.Errorf("%q taken for valid", v)
		}
	}
}
