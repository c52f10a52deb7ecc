package timex

import (
	"testing"
	"time"
)

// TestReview9Defects covers defects found in review of the session-9
// rules: days that do not exist, counts past a million, the "-long"
// adjective after "this", "1000s of".
func TestReview9Defects(t *testing.T) {
	jan97 := time.Date(1997, 1, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in string
		a  time.Time
		w  []want
	}{
		// no such day: the month alone, or nothing
		{"The vote was moved to February 30.", anchor, []want{{"February", Date, "2023-02"}}},
		{"It opened on June 31.", anchor, []want{{"June", Date, "2023-06"}}},
		{"The file is stamped 2023-02-30.", anchor, nil},
		{"The file is stamped 2/30/2023.", anchor, []want{{"2023", Date, "2023"}}},
		{"He was born on 29 February 1900.", anchor, []want{{"29 February 1900", Date, "1900-02"}}},
		// "Feb. 29" without a year: a leap year
		{"The deal closed on Feb. 29.", anchor, []want{{"Feb. 29", Date, "2020-02-29"}}},
		{"The deal will close on Feb. 29.", anchor, []want{{"Feb. 29", Date, "2024-02-29"}}},
		{"Officials met on March 30 and 31.", anchor,
			[]want{{"March 30", Date, "2023-03-30"}, {"31", Date, "2023-03-31"}}},
		{"Officials met on April 30 and 31.", anchor, []want{{"April 30", Date, "2023-04-30"}}},
		// counts written with thousands separators, up to the billions
		{"The rocks formed 1,300,000,000 years ago.", jan97, []want{{"1,300,000,000 years ago", Date, "PAST_REF"}}},
		{"The cycle lasts 1,300,000,000 years.", jan97, []want{{"1,300,000,000 years", Duration, "P1300000000Y"}}},
		{"The fault moved 4,000,000 days ago.", jan97, []want{{"4,000,000 days ago", Date, "PAST_REF"}}},
		{"The fault moved 40,000 years ago.", jan97, []want{{"40,000 years ago", Date, "PAST_REF"}}},
		{"The fault moved 1,300 years ago.", jan97, []want{{"1,300 years ago", Date, "0697"}}},
		// "this decade-long war" is the adjective, no date
		{"The country's this decade-long war ended.", jan97, []want{{"decade-long", Duration, "P10Y"}}},
		{"1000s of fans queued.", jan97, nil},
		// "two hour-long talks": two talks of an hour each
		{"They held two hour-long sessions.", jan97, []want{{"hour-long", Duration, "PT1H"}}},
		{"They held two-hour-long sessions.", jan97, []want{{"two-hour-long", Duration, "PT2H"}}},
		// the first of two days takes the year after the second
		{"The poll ran April 24 and 25, 2013.", jan97,
			[]want{{"April 24", Date, "2013-04-24"}, {"25, 2013", Date, "2013-04-25"}}},
		{"Troops moved in on June 3 or 4, 1989.", jan97,
			[]want{{"June 3", Date, "1989-06-03"}, {"4, 1989", Date, "1989-06-04"}}},
		// no 24:30; "12 at night" is midnight, as "midnight" (24:00)
		{"The ferry left at 24:30.", jan97, nil},
		{"The bar shuts at 12 at night.", anchor, []want{{"12 at night", Time, "2023-09-20T24:00"}}},
		{"The bar shuts at 12:30 at night.", anchor, []want{{"12:30 at night", Time, "2023-09-20T00:30"}}},
		// a lower-case month after last/this/next is a month, but for
		// "march" and "may" (a noun, a verb)
		{"sales rose last september.", jan97, []want{{"last september", Date, "1996-09"}}},
		{"this may be the end.", jan97, nil},
	}
	runWants(t, tests)
}

// runWants checks each text's expressions against its wants.
func runWants(t *testing.T, tests []struct {
	in string
	a  time.Time
	w  []want
}) {
	t.Helper()
	for _, tc := range tests {
		got := extract(tc.in, tc.a)
		checkInvariants(t, tc.in, got)
		ok := len(got) == len(tc.w)
		for i := 0; ok && i < len(got); i++ {
			g := got[i]
			ok = want{tc.in[g.Span.Start:g.Span.End], g.Type, g.Value} == tc.w[i]
		}
		if !ok {
			t.Errorf("%q:\n got %v\nwant %v", tc.in, show(tc.in, got), tc.w)
		}
		// every prefix, with and without an anchor: nothing read past the end
		for i := 0; i < len(tc.in); i++ {
			if c := tc.in[i]; c == ' ' || c == '-' || c == '.' || c == ',' {
				checkInvariants(t, tc.in[:i], extract(tc.in[:i], tc.a))
				checkInvariants(t, tc.in[:i], extract(tc.in[:i], time.Time{}))
			}
		}
	}
}

// TestReview9FalseMatches covers session-9 rules that matched ordinary
// news phrases they were not meant for (found on unlabeled news).
func TestReview9FalseMatches(t *testing.T) {
	runWants(t, []struct {
		in string
		a  time.Time
		w  []want
	}{
		// a speed is no set: "per second (hour)" after a unit of length or data
		{"The network carries two megabits per second.", anchor, nil},
		{"Phones download at 0.5 megabits a second.", anchor, nil},
		{"The train reached 600 kilometers per hour.", anchor, nil},
		{"The airline runs four flights a week.", anchor, []want{{"a week", Set, "P1W"}}},
		{"The field pumps 30,000 barrels per day.", anchor, []want{{"per day", Set, "P1D"}}},
		// a part of day as an adjective ("a late night jog") is no time
		{"He hosts a late night talk show.", anchor, nil},
		{"They went for a late night jog.", anchor, nil},
		{"The council is organising early morning swimming slots.", anchor, nil},
		{"By late afternoon the crowd had gone.", anchor, []want{{"late afternoon", Time, "2023-09-20TAF"}}},
		{"Shares fell in late morning trading.", anchor, []want{{"late morning", Time, "2023-09-20TMO"}}},
		{"The raid came early morning.", anchor, []want{{"early morning", Time, "2023-09-20TMO"}}},
		{"Rain fell mid-afternoon yesterday.", anchor, []want{{"mid-afternoon yesterday", Time, "2023-09-19TAF"}}},
		// "of the match" is no half of a year, "of the current year" is
		{"He scored in the first half of the match.", anchor, nil},
		{"Costs rose in the first half of the financial year.", anchor, []want{{"the first half", Date, "2023-H1"}}},
	})
}

// TestReview9Deadline: the verb of deadline must govern "until" (no
// comma and no other past verb between them).
func TestReview9Deadline(t *testing.T) {
	runWants(t, []struct {
		in string
		a  time.Time
		w  []want
	}{
		{"The strike, which gave workers a pay rise, lasted until Monday.", anchor, []want{{"Monday", Date, "2023-09-18"}}},
		{"The union gave workers a raise and stayed until Monday.", anchor, []want{{"Monday", Date, "2023-09-18"}}},
		{"Delayed trains ran until Monday.", anchor, []want{{"Monday", Date, "2023-09-18"}}},
		{"Officials gave the firm until Friday to reply.", anchor, []want{{"Friday", Date, "2023-09-22"}}},
		{"The court was adjourned until Monday.", anchor, []want{{"Monday", Date, "2023-09-25"}}},
		// "has been held" is a perfect: the past ("been" alone no participle cue)
		{"He has been held in custody since his arrest on December 19.", anchor, []want{{"December 19", Date, "2022-12-19"}}},
		{"The bonds will be sold in November.", anchor, []want{{"November", Date, "2023-11"}}},
	})
}
