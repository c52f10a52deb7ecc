package timex

import (
	"testing"
	"time"
)

// TestDecimalSeconds: a count of seconds keeps its decimals (TIMEX3
// PT6.61S, not PT7S); a count of hours or minutes followed, after a comma
// or "and", by one of the next smaller unit is one duration.
func TestDecimalSeconds(t *testing.T) {
	thu := time.Date(2005, 3, 10, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in string
		w  []want
	}{
		{"The sprinter crossed the line in 6.61 seconds.", []want{{"6.61 seconds", Duration, "PT6.61S"}}},
		{"Her lead shrank to 0.90 seconds at the bell.", []want{{"0.90 seconds", Duration, "PT0.9S"}}},
		{"The rower finished in eight minutes, 04.69 seconds.", []want{{"eight minutes, 04.69 seconds", Duration, "PT8M4.69S"}}},
		{"The final set lasted two hours and 15 minutes.", []want{{"two hours and 15 minutes", Duration, "PT2H15M"}}},
		{"She won the race in three hours, 12 minutes and 8 seconds.", []want{{"three hours, 12 minutes and 8 seconds", Duration, "PT3H12M8S"}}},
		// whole units as before
		{"The rally lasted 2.5 minutes.", []want{{"2.5 minutes", Duration, "PT2M30S"}}},
	} {
		checkWants(t, tc.in, thu, tc.w)
	}
}
