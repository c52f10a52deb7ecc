package timex

import (
	"testing"
	"time"
)

// rules9Texts are TestRules9's inputs, for TestRules9Prefixes.
var rules9Texts []string

// TestRules9Prefixes runs Extract on every prefix (cut at each space) of
// TestRules9's sentences, with and without an anchor: a pattern cut off
// at the end of the text must not read past it.
func TestRules9Prefixes(t *testing.T) {
	if len(rules9Texts) == 0 {
		t.Run("rules", TestRules9)
	}
	for _, s := range rules9Texts {
		for i := 0; i <= len(s); i++ {
			if i == len(s) || s[i] == ' ' || s[i] == '-' || s[i] == '.' {
				for _, a := range []time.Time{{}, anchor} {
					checkInvariants(t, s[:i], extract(s[:i], a))
				}
			}
		}
	}
}

// TestRules9 covers the rule classes added in session 9, on sentences
// written for the test, each with its publication date.
func TestRules9(t *testing.T) {
	wed := anchor                                       // Wednesday 2023-09-20
	mar := time.Date(2013, 3, 21, 0, 0, 0, 0, time.UTC) // a Thursday in March
	jan := time.Date(2014, 1, 10, 0, 0, 0, 0, time.UTC) // winter still running
	tests := []struct {
		in string
		a  time.Time
		w  []want
	}{
		// anaphora: the year or month named last, not the anchor
		{"The mill opened in 1987. The following year it closed.", wed,
			[]want{{"1987", Date, "1987"}, {"The following year", Date, "1988"}}},
		{"She moved to Lyon in June 2004 and left later that year.", wed,
			[]want{{"June 2004", Date, "2004-06"}, {"later that year", Date, "2004"}}},
		{"The plan was drafted in March 2019. The previous month, talks had failed.", wed,
			[]want{{"March 2019", Date, "2019-03"}, {"The previous month", Date, "2019-02"}}},
		{"Exports to the region doubled in 2011, but the same year imports fell.", wed,
			[]want{{"2011", Date, "2011"}, {"the same year", Date, "2011"}}},
		// without a year named before, the anchor is the reference
		{"Sales rose that year.", wed, []want{{"that year", Date, "2023"}}},
		{"Next year the plant reopens; the following year it expands.", wed,
			[]want{{"Next year", Date, "2024"}, {"the following year", Date, "2025"}}},
		// seasons: "this past" is the latest one over, "last" last year's
		{"Work stopped this past spring.", wed, []want{{"this past spring", Date, "2023-SP"}}},
		{"Work stopped last spring.", wed, []want{{"last spring", Date, "2022-SP"}}},
		{"Work resumes next summer.", mar, []want{{"next summer", Date, "2013-SU"}}},
		{"Work resumes next spring.", wed, []want{{"next spring", Date, "2024-SP"}}},
		{"Work stopped this past winter.", mar, []want{{"this past winter", Date, "2012-WI"}}},
		{"Work stopped this past winter.", jan, []want{{"this past winter", Date, "2012-WI"}}},
		// deadlines: "until" after a verb of deadline lies ahead
		{"The agency extended the deadline until 9 a.m. Friday.", wed,
			[]want{{"9 a.m. Friday", Time, "2023-09-22T09:00"}}},
		{"Officials postponed the hearing until Monday.", wed, []want{{"Monday", Date, "2023-09-25"}}},
		{"They stayed until Monday.", wed, []want{{"Monday", Date, "2023-09-18"}}},
		{"The bank extended the farm a credit line through January.", wed,
			[]want{{"January", Date, "2024-01"}}},
		// tense cues: irregular pasts, participles, names and -eed words
		{"In January, the company brought in a new chief.", wed, []want{{"January", Date, "2023-01"}}},
		{"She will succeed the chairman Feb. 1, the board said.", wed, []want{{"Feb. 1", Date, "2024-02-01"}}},
		{"The United States hosts the talks in December.", wed, []want{{"December", Date, "2023-12"}}},
		{"The shares will be sold in January.", wed, []want{{"January", Date, "2024-01"}}},
		// clock times: "local time", "at about", the day named last
		{"The blast came at about 09:30 local time.", mar, []want{{"about 09:30", Time, "2013-03-21T09:30"}}},
		{"The plant was attacked on Tuesday. The first shots were fired at 10 p.m.", mar,
			[]want{{"Tuesday", Date, "2013-03-19"}, {"10 p.m.", Time, "2013-03-19T22:00"}}},
		{"The first shots were fired at 10 p.m.", mar, []want{{"10 p.m.", Time, "2013-03-21T22:00"}}},
		{"The state votes on Tuesday.\n\n6:05 p.m.\n\nThe candidate spoke.", mar,
			[]want{{"Tuesday", Date, "2013-03-19"}, {"6:05 p.m.", Time, "2013-03-21T18:05"}}},
		{"The permit had been due to lapse Friday evening.", mar, []want{{"Friday evening", Time, "2013-03-15TEV"}}},
		{"The offer is due to expire Friday evening.", mar, []want{{"Friday evening", Time, "2013-03-22TEV"}}},
		{"The ferry sails at 4 in the morning.", mar, []want{{"4 in the morning", Time, "2013-03-21T04:00"}}},
		{"The session ended at 11 at night.", mar, []want{{"11 at night", Time, "2013-03-21T23:00"}}},
		{"She scored 2 in the morning session.", mar, nil},
		{"The roof was fixed a week or so ago.", mar, []want{{"a week or so ago", Date, "2013-W11"}}},
		// a part of day after mid, early, late
		{"In London at mid-afternoon yesterday, shares were up.", mar, []want{{"mid-afternoon yesterday", Time, "2013-03-20TAF"}}},
		{"By mid afternoon, the operation was over.", mar, []want{{"mid afternoon", Time, "2013-03-21TAF"}}},
		{"The morning papers were late.", mar, nil},
		// the quarter in focus a year back
		{"Profit rose in the third quarter. In the quarter a year ago, the firm lost money.", mar,
			[]want{{"the third quarter", Date, "2012-Q3"}, {"the quarter a year ago", Date, "2011-Q3"}}},
		{"Profit rose in the third quarter. Sales had fallen in the corresponding period last year.", mar,
			[]want{{"the third quarter", Date, "2012-Q3"}, {"the corresponding period last year", Date, "2011-Q3"}}},
		{"Profit rose in the second quarter; last year's quarter was weaker.", wed,
			[]want{{"the second quarter", Date, "2023-Q2"}, {"last year's quarter", Date, "2022-Q2"}}},
		{"Earnings for the last half of 2012 rose.", mar, []want{{"the last half of 2012", Date, "2012-H2"}}},
		// spelled years after a month or a season
		{"The band split in the winter of nineteen ninety-four.", mar, []want{{"the winter of nineteen ninety-four", Date, "1994-WI"}}},
		{"January nineteen ninety-seven. A bomb went off.", mar, []want{{"January nineteen ninety-seven", Date, "1997-01"}}},
		{"In March nineteen people died.", mar, []want{{"March", Date, "2013-03"}}},
		{"A hearing is set for the week of March 25.", mar, []want{{"the week of March 25", Date, "2013-W13"}}},
		{"The week of talks ended.", mar, nil},
		// the second day of "April 24 and 25"; "The March accession"; "this march"
		{"The summit is on April 24 and 25.", mar, []want{{"April 24", Date, "2013-04-24"}, {"25", Date, "2013-04-25"}}},
		{"Prices rose between April 24 and 25 percent.", mar, []want{{"April 24", Date, "2013-04-24"}}},
		{"The March accession will help.", mar, []want{{"March", Date, "2013-03"}}},
		{"The March of Dimes raised money.", mar, nil},
		{"He was at the March on Washington in 1963.", mar, []want{{"1963", Date, "1963"}}},
		{"He was arrested at this march.", mar, nil},
		{"Rivers recovered after the droughts of the early summer.", wed, []want{{"the early summer", Date, "2023-SU"}}},
		{"In the year-earlier third quarter, it earned less.", mar, []want{{"the year-earlier third quarter", Date, "2011-Q3"}}},
		// British order after a weekday; a clock time's own date; no season or year by mistake
		{"The ceremony will be held on Sunday 24 March.", mar, []want{{"Sunday 24 March", Date, "2013-03-24"}}},
		{"The new coins will be issued at midnight on 1 January.", mar,
			[]want{{"midnight", Time, "2014-01-01T24:00"}, {"1 January", Date, "2014-01-01"}}},
		{"Conditions worsened because of the fall in October.", mar, []want{{"October", Date, "2012-10"}}},
		{"Kick-off is on Saturday, 23 March\n\n1600 GMT.", mar, []want{{"Saturday, 23 March", Date, "2013-03-23"}}},
		{"Jamie Noon scored twice; the film High Noon aired at noon.", mar, []want{{"noon", Time, "2013-03-21T12:00"}}},
		{"Die Another Day was released.", mar, nil},
		{"At 2.05 p.m. shares were up 2.05 percent.", mar, []want{{"2.05 p.m.", Time, "2013-03-21T14:05"}}},
		{"Revenue fell in the December quarter.", mar, []want{{"December quarter", Date, "2012-Q4"}}},
		{"The 16th-century church was restored.", mar, []want{{"16th-century", Date, "15"}}},
		{"updated 1:47 PM EST, Fri March 22, 2013", mar, []want{{"1:47 PM EST, Fri March 22, 2013", Time, "2013-03-22T13:47"}}},
		// the weekday picks the year next to the guessed one
		{"The plant closed on Tuesday, May 15.", mar, []want{{"Tuesday, May 15", Date, "2012-05-15"}}},
		{"The plant closed on Wednesday, May 15.", mar, []want{{"Wednesday, May 15", Date, "2013-05-15"}}},
		{"By the end of the decade, output will double.", mar, []want{{"the end of the decade", Date, "201"}}},
		{"The first half of the 20th century was violent.", mar, []want{{"the 20th century", Date, "19"}}},
		{"He scored in the first half of the match.", mar, nil},
		// rates after a counted noun are sets
		{"Depositors can withdraw 100 euros a day.", mar, []want{{"a day", Set, "P1D"}}},
		{"Qantas flies four flights a week.", mar, []want{{"a week", Set, "P1W"}}},
		{"It rained for a day.", mar, []want{{"a day", Duration, "P1D"}}},
		// titles, "one day" ahead, "will last"
		{"He was named Person of the Year.", mar, nil},
		{"One day, he will be king.", mar, []want{{"One day", Date, "FUTURE_REF"}}},
		{"The strike will last one day.", mar, []want{{"one day", Duration, "P1D"}}},
		{"The talks will last until Friday.", mar, []want{{"Friday", Date, "2013-03-22"}}},
		// "-long" adjectives
		{"The decade-long war ended after a two-day-long summit.", mar,
			[]want{{"decade-long", Duration, "P10Y"}, {"two-day-long", Duration, "P2D"}}},
		{"A months-long standoff ended.", mar, []want{{"months-long", Duration, "PXM"}}},
		// durations with more, additional, another
		{"The troops will stay two more weeks.", wed, []want{{"two more weeks", Duration, "P2W"}}},
		{"The mine can operate for at least 20 more years.", wed, []want{{"at least 20 more years", Duration, "P20Y"}}},
		{"The board kept him for an additional year.", wed, []want{{"an additional year", Duration, "P1Y"}}},
		{"The strike could last another three days.", wed, []want{{"another three days", Duration, "P3D"}}},
		{"Prices may rise for another year.", wed, []want{{"another year", Duration, "P1Y"}}},
		{"He asked for another chance.", wed, nil},
		{"Prices have risen for five straight months.", mar, []want{{"five straight months", Duration, "P5M"}}},
		// "last" as a verb is not "the last"
		{"The trial could last six weeks.", mar, []want{{"six weeks", Duration, "P6W"}}},
		// "will stay closed until": the future, though "closed" ends in -ed
		{"Banks will stay closed until Tuesday, officials said.", mar, []want{{"Tuesday", Date, "2013-03-26"}}},
		// numbers: thousands, "twenty four"
		{"He was the first pope in 1,300 years from outside Europe.", mar, []want{{"1,300 years", Duration, "P1300Y"}}},
		{"Rain fell for the last twenty four hours.", mar, []want{{"the last twenty four hours", Duration, "PT24H"}}},
		// centuries written as hundreds; fractions of long units
		{"In the 1800s trade grew, and in the 2000s it boomed.", mar,
			[]want{{"the 1800s", Date, "18"}, {"the 2000s", Date, "200"}}},
		{"Half a century ago, the town was a village.", mar, []want{{"Half a century ago", Date, "1963"}}},
		{"Half a year ago it was bigger.", mar, []want{{"Half a year ago", Date, "2012-09"}}},
	}
	rules9Texts = rules9Texts[:0]
	for _, tt := range tests {
		rules9Texts = append(rules9Texts, tt.in)
		t.Run(tt.in, func(t *testing.T) { checkWants(t, tt.in, tt.a, tt.w) })
	}
}

// checkWants extracts the expressions of in, anchored at a, checks the
// invariants of every extraction and wants exactly w, in order.
func checkWants(t *testing.T, in string, a time.Time, w []want) {
	t.Helper()
	got := extract(in, a)
	checkInvariants(t, in, got)
	if len(got) != len(w) {
		t.Fatalf("got %v, want %v", show(in, got), w)
	}
	for i, w := range w {
		g := got[i]
		if s := in[g.Span.Start:g.Span.End]; s != w.text || g.Type != w.typ || g.Value != w.value {
			t.Errorf("got %q %s %s, want %q %s %s", s, g.Type, g.Value, w.text, w.typ, w.value)
		}
	}
}
