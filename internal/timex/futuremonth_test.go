package timex

import (
	"testing"
	"time"
)

// TestFutureMonth: a month named in a future sentence that lies before the
// anchor's month is next year's ("is expected in January", written in
// March); "is seen by", "are seen in" and a bare "expect" are future cues;
// "than expected" is none, and "since January", a past deadline and a plan
// told in the past keep this year's month.
func TestFutureMonth(t *testing.T) {
	thu := time.Date(2005, 3, 10, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in string
		w  []want
	}{
		{"A ruling on the zoning appeal is expected in January.", []want{{"January", Date, "2006-01"}}},
		{"The new ferry will enter service on 12 February.", []want{{"12 February", Date, "2006-02-12"}}},
		{"Completion of the purchase is seen by August.", []want{{"August", Date, "2005-08"}}},
		{"Profits at the bakery chain are seen rising in January.", []want{{"January", Date, "2006-01"}}},
		{"Growers expect a bigger harvest in February.", []want{{"February", Date, "2006-02"}}},
		// no future, or a past the future words do not move
		{"The bakery sold fewer loaves than expected in January.", []want{{"January", Date, "2005-01"}}},
		{"The mill, idle since January, will reopen soon.", []want{{"January", Date, "2005-01"}}},
		{"The record had been due out on 14 February but slipped.", []want{{"14 February", Date, "2005-02-14"}}},
		{"The yard was seen in January by inspectors.", []want{{"January", Date, "2005-01"}}},
	} {
		checkWants(t, tc.in, thu, tc.w)
	}
}
