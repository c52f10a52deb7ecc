package timex

import (
	"testing"
	"time"
)

// TestDueTo: "due to" before a noun phrase is the preposition of cause
// ("closed due to high winds"), which sets no tense: a weekday, month or
// quarter in its sentence is read by the sentence's own verbs, as without
// it. "due to" before a bare verb is a plan and still points ahead.
func TestDueTo(t *testing.T) {
	thu := time.Date(2005, 3, 10, 9, 0, 0, 0, time.UTC) // a Thursday
	for _, tc := range []struct {
		in string
		w  []want
	}{
		// cause: the past tense of the sentence decides
		{"The ferry was halted due to high winds, while on Tuesday the pier was shut.", []want{{"Tuesday", Date, "2005-03-08"}}},
		{"The bakery was shut due to a leak on Tuesday.", []want{{"Tuesday", Date, "2005-03-08"}}},
		{"Output at the mill fell in September due to rising costs.", []want{{"September", Date, "2004-09"}}},
		{"The canal closed on Tuesday due to mechanical faults.", []want{{"Tuesday", Date, "2005-03-08"}}},
		{"Trains were cancelled on Tuesday due to Storm Brenda.", []want{{"Tuesday", Date, "2005-03-08"}}},
		{"The drop in the fourth quarter was due to weaker exports.", []want{{"the fourth quarter", Date, "2004-Q4"}}},
		// plan: still ahead
		{"The bridge is due to reopen on Tuesday.", []want{{"Tuesday", Date, "2005-03-15"}}},
		{"The council is due to auction the old depot on Tuesday.", []want{{"Tuesday", Date, "2005-03-15"}}},
		{"The new line is due to commence service in September.", []want{{"September", Date, "2005-09"}}},
	} {
		checkWants(t, tc.in, thu, tc.w)
	}
}
