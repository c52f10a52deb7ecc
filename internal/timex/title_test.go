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
		// a number before a capitalised unit names a programme or a film
		{"He said on the network's \"60 Minutes\" that the ferry was unsafe.", nil},
		{"He had a cameo in 24 Hour Harbour People.", nil},
		{"The ferry crossing takes 60 minutes.", []want{{"60 minutes", Duration, "PT60M"}}},
		{"Ferry Crossing Takes 60 Minutes", []want{{"60 Minutes", Duration, "PT60M"}}},
		// a capitalised unit ending an expression inside a sentence: a
		// title; holidays and centuries stay
		{"He starred in the film Gone Are the Days at the harbour cinema.", nil},
		{"The song was voted Record of The Year by listeners.", nil},
		{"The ferry does not run on Christmas Day or Labor Day.", []want{{"Christmas Day", Date, "2026-12-25"}, {"Labor Day", Date, "2026-09-07"}}},
		{"The quay was built in the 19th Century by the council.", []want{{"the 19th Century", Date, "18"}}},
		{"Hours before the vote, the ferry left.", []want{{"Hours", Duration, "PTXH"}}},
		// "This Week", "Last Summer" capitalised inside a sentence: a name
		{"The minister, speaking on the network's \"This Week,\" said the ferry was unsafe.", nil},
		{"She told the channel's This Morning programme the ferry was late.", nil},
		{"She was best actress for Suddenly Last Summer at the harbour theatre.", nil},
		{"\"This Week the ferry sails,\" he said.", []want{{"This Week", Date, "2026-W48"}}},
		{"Harbour Talks Resume This Week", []want{{"This Week", Date, "2026-W48"}}},
		// a capitalised "Daily", "Weekly" inside a sentence: a title
		{"He told the Daily Harbour he would resign.", nil},
		{"The report was quoted in Harbour Weekly on the quay.", nil},
		{"Daily sailings resume on the north route.", []want{{"Daily", Set, "P1D"}}},
		{"\"Daily sailings will resume,\" he said.", []want{{"Daily", Set, "P1D"}}},
		// a year right after a capitalised word inside a sentence: a name's
		{"The ferry computers still run Windows 2000 and a harbour database.", nil},
		{"Kit sales were lifted by the Euro 2028 tournament.", nil},
		{"He was held under the Harbours Act 2000 on arrival.", nil},
		{"Throughout 2004, the ferry ran late.", []want{{"2004", Date, "2004"}}},
		{"\"Clearly 2004 was hard,\" she said.", []want{{"2004", Date, "2004"}}},
		{"Ferry Sales Recover After 2004", []want{{"2004", Date, "2004"}}},
	}
	for _, tc := range tests {
		checkWants(t, tc.in, a, tc.w)
	}
}
