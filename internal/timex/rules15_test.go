package timex

import (
	"testing"
	"time"
)

// TestHolidayEvent: "the Boxing Day tsunami", "the Christmas Day blast": a
// holiday after "the" that names what happened on it is the latest one
// on or before the anchor, or the year written after the event; "the
// Christmas party" and "the Easter holidays" stay no time. wed is
// Wednesday 2026-11-25.
func TestHolidayEvent(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	jan := time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in string
		a  time.Time
		w  []want
	}{
		{"Donations for the Boxing Day tsunami appeal kept arriving at the harbour office.", jan, []want{{"Boxing Day", Date, "2026-12-26"}}},
		{"Donations for the Boxing Day tsunami appeal kept arriving at the harbour office.", wed, []want{{"Boxing Day", Date, "2025-12-26"}}},
		{"Police blamed rebels for the Christmas Day blast at the ferry terminal.", jan, []want{{"Christmas Day", Date, "2026-12-25"}}},
		{"Survivors of the Boxing Day floods of 2024 met the mayor.", wed, []want{{"Boxing Day", Date, "2024-12-26"}, {"2024", Date, "2024"}}},
		{"The Christmas party at the ferry office was cancelled.", wed, nil},
		// a figure of speech is no event
		{"Stewards are bracing for the New Year's Eve storm of revellers at the quay.", wed, nil},
		{"Shoppers queued for the Boxing Day fire sale at the harbour store.", wed, nil},
		{"Survivors of the Christmas Day storm of 2024 met the mayor.", wed, []want{{"Christmas Day", Date, "2024-12-25"}, {"2024", Date, "2024"}}},
		// a forecast is no past event
		{"Forecasters say the Christmas Day storm will bring snow to the harbour.", wed, nil},
		{"The Boxing Day floods are expected to reach the quay.", wed, nil},
		// a threat is not reported as past
		{"Police foiled a planned Christmas Day attack on the ferry.", wed, []want{{"Christmas Day", Date, "2026-12-25"}}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) { checkWants(t, tc.in, tc.a, tc.w) })
	}
}

// TestRemember911: "9/11" after a verb or preposition that opens the
// sentence ("Remember 9/11?", "Like 9/11, ...") is the day; after any
// other capitalised word it is a title ("Fahrenheit 9/11").
func TestRemember911(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in string
		w  []want
	}{
		{"Remember 9/11? The harbour master does.", []want{{"9/11", Date, "XXXX-09-11"}}},
		{"\"Remember 9/11,\" the banner on the quay read.", []want{{"9/11", Date, "XXXX-09-11"}}},
		{"Like 9/11, the blast changed the port for ever.", []want{{"9/11", Date, "XXXX-09-11"}}},
		{"The film Fahrenheit 9/11 opened at the harbour cinema.", nil},
		{"Fahrenheit 9/11 opened at the harbour cinema.", nil},
		// "Remember" inside a sentence is a title's word
		{"The band played Remember 9/11 at the harbour.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) { checkWants(t, tc.in, wed, tc.w) })
	}
}

// TestFrontedYear: a year after a fronted place or body is the subject of
// its sentence ("In Britain 2004 was a record year"), not a name's year
// ("Windows 2000", "At Euro 2004 England lost").
func TestFrontedYear(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in string
		w  []want
	}{
		{"In Britain 2024 was a record year for ferry crossings.", []want{{"2024", Date, "2024"}}},
		{"For Harbour Lines 2025 proved a tough year.", []want{{"2025", Date, "2025"}}},
		{"Across North Wales 2023 saw record rainfall.", []want{{"2023", Date, "2023"}}},
		{"The ferry fleet ran Windows 2000 until last month.", []want{{"last month", Date, "2026-10"}}},
		{"At Euro 2024 England lost on penalties.", nil},
		{"Fans said Euro 2024 was the best tournament yet.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) { checkWants(t, tc.in, wed, tc.w) })
	}
}

// TestWouldHaveTo: "would have to" is an obligation ahead of the saying,
// so the time it governs lies ahead; "would have" and a participle is a
// past that did not happen. mar is Tuesday 2026-03-03.
func TestWouldHaveTo(t *testing.T) {
	mar := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in string
		w  []want
	}{
		{"The ferry firm warned it would have to cope with weak trade in the second half.", []want{{"the second half", Date, "2026-H2"}}},
		{"The judge said lawyers would have to return in October.", []want{{"October", Date, "2026-10"}}},
		{"The judge said lawyers would not have to return in October.", []want{{"October", Date, "2026-10"}}},
		{"Without the storm the ferry would have sailed in October.", []want{{"October", Date, "2025-10"}}},
	}
	for _, tc := range tests {
		checkWants(t, tc.in, mar, tc.w)
	}
}

// TestHyphenCompound: "a minute" ending a hyphenated compound adjective
// ("a thrill-a-minute film") is no duration; "once a week" and
// "once-a-year" (session 16) are sets.
func TestHyphenCompound(t *testing.T) {
	mar := time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC)
	checkWants(t, "It is a thrill-a-minute action film that earns 30-cents-a-share.", mar, nil)
	checkWants(t, "The once-a-year festival opened.", mar, []want{{"once-a-year", Set, "P1Y"}})
	checkWants(t, "He visits the harbour once a week.", mar, []want{{"once a week", Set, "P1W"}})
}
