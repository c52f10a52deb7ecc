package timex

import (
	"testing"
	"time"
)

// TestInTitle: "Today"/"Tomorrow" with a capital inside a sentence and a
// capitalised century before a name are words of a title or name, not
// times; at a sentence start or in lower case they stay times.
func TestInTitle(t *testing.T) {
	a := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in string
		w  []want
	}{
		{"The harbour master told the radio station's Today programme the ferries would stop.", nil},
		{"Sales of the game Harbour Tomorrow were strong.", nil},
		{"The novel Tomorrow Comes Late sold well.", nil},
		{"The studio was bought by Twentieth Century Pictures.", nil},
		{"Tomorrow the harbour reopens.", []want{{"Tomorrow", Date, "2026-11-26"}}},
		{"The harbour reopens tomorrow.", []want{{"tomorrow", Date, "2026-11-26"}}},
		{"\"Today we reopen the harbour,\" she said.", []want{{"Today", Date, "2026-11-25"}}},
		{"The harbour grew in the twentieth century.", []want{{"the twentieth century", Date, "19"}}},
		// title-case headlines: the capital marks no name
		{"Harbour Talks Set for Tomorrow", []want{{"Tomorrow", Date, "2026-11-26"}}},
		{"Ferry Service Resumes Today\n\nThe ferry runs again.", []want{{"Today", Date, "2026-11-25"}}},
	}
	for _, tc := range tests {
		checkWants(t, tc.in, a, tc.w)
	}
}
