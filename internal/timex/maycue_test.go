package timex

import (
	"testing"
	"time"
)

// TestMayAhead: the modal "may" before a weekday, a month or a day's
// number points ahead; not before a possessive day, a quarter, nor in
// "may have".
func TestMayAhead(t *testing.T) {
	thu := time.Date(2005, 3, 10, 9, 0, 0, 0, time.UTC) // a Thursday
	for _, tc := range []struct {
		in string
		w  []want
	}{
		{"The bottling plant may still close on Monday.", []want{{"Monday", Date, "2005-03-14"}}},
		{"The panel may hold hearings in January.", []want{{"January", Date, "2006-01"}}},
		// no future
		{"Officials said Tuesday's fire may be linked to a fault.", []want{{"Tuesday", Date, "2005-03-08"}}},
		{"The mill may have closed on Monday.", []want{{"Monday", Date, "2005-03-07"}}},
		{"Exports may explain the rise in the fourth quarter.", []want{{"the fourth quarter", Date, "2004-Q4"}}},
	} {
		checkWants(t, tc.in, thu, tc.w)
	}
}
