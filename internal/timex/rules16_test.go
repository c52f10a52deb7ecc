package timex

import (
	"testing"
	"time"
)

// TestFrequency: a count of times per unit is a set whose span holds the
// count, as "every Monday" holds its quantifier; the value is the unit.
// Without a count, or as a multiple of a date's figure, it is not.
func TestFrequency(t *testing.T) {
	mar := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in string
		w  []want
	}{
		{"The once-a-year fair drew crowds to the square.", []want{{"once-a-year", Set, "P1Y"}}},
		{"A twice-a-week bus links the two villages.", []want{{"twice-a-week", Set, "P1W"}}},
		{"The board meets once a month in the old hall.", []want{{"once a month", Set, "P1M"}}},
		{"Inspectors call three times a year.", []want{{"three times a year", Set, "P1Y"}}},
		{"The ferry sails 4 times a day in summer.", []want{{"4 times a day", Set, "P1D"}, {"summer", Date, "2026-SU"}}},
		{"Floods hit the valley a few times a decade.", []want{{"a few times a decade", Set, "P10Y"}}},
		{"The club holds a twice-yearly dinner.", []want{{"twice-yearly", Set, "P1Y"}}},
		{"The choir sings every other Friday.", []want{{"every other Friday", Set, "XXXX-WXX-5"}}},
		{"The ferry is inspected once every two years.", []want{{"once every two years", Set, "P2Y"}}},
		{"Output is now ten times a year ago.", []want{{"now", Date, "PRESENT_REF"}, {"a year ago", Date, "2025"}}},
		{"It was a fast-paced, thrill-a-minute ride.", nil},
		{"The once-a year fair drew crowds.", nil},
		// a unit opening a compound adjective: "once" as "when"
		{"Talks resume once a week-long strike at the port ends.", []want{{"week-long", Duration, "P1W"}}},
		{"The mayor will speak once a year-long inquiry reports.", []want{{"year-long", Duration, "P1Y"}}},
		// a multiple of a figure is no set: its unit reads as without
		// the multiple ("a year's earnings", "He left a year before")
		{"Net profit was three times a year-earlier level.", []want{{"year-earlier", Date, "2025"}}},
		{"The harbour trades at 20 times a year's earnings.", []want{{"a year", Duration, "P1Y"}}},
		{"Fares were ten times a year before.", []want{{"a year", Duration, "P1Y"}}},
		{"Ferries sail countless times a day.", []want{{"a day", Set, "P1D"}}},
	} {
		checkWants(t, tc.in, mar, tc.w)
	}
}
