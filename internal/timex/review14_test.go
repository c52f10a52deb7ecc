package timex

import (
	"testing"
	"time"
)

// TestReview14Quoted: a quotation opened after a colon or a comma opens a
// sentence, so its capitalised "Next Monday" is a time, not a
// programme's name as "This Week" inside a sentence is. wed is Wednesday
// 2026-11-25.
func TestReview14Quoted(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The harbour master added: \"Next Monday the ferry sails.\"", wed, []want{{"Next Monday", Date, "2026-11-30"}})
	checkWants(t, "He said, \"Last Friday we lost the ferry.\"", wed, []want{{"Last Friday", Date, "2026-11-20"}})
	// a programme's name in quotes inside a sentence stays a name
	checkWants(t, "He told the network's \"This Week\" the ferry was unsafe.", wed, nil)
}

// TestReview14Fraction: "9/11" followed by "of" (but a year) or after
// "scored" is a fraction, no date.
func TestReview14Fraction(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The harbour plan won 9/11 of the votes cast.", wed, nil)
	checkWants(t, "She scored 9/11 on the ferry quiz.", wed, nil)
	checkWants(t, "Fares fell after the 9/11 attacks.", wed, []want{{"9/11", Date, "XXXX-09-11"}})
}

// TestReview14MayHappen: a day and month after an indefinite article or
// a word of plan or threat names an event that may lie ahead, no past
// one; "the Dec. 2 bombing" stays the latest before the anchor.
func TestReview14MayHappen(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "Police warned of a possible December 25 attack on the harbour.", wed, []want{{"December 25", Date, "2026-12-25"}})
	checkWants(t, "Police foiled a planned March 1 bombing of the ferry.", wed, []want{{"March 1", Date, "2027-03-01"}})
	checkWants(t, "Police are still investigating the December 2 bombing of the ferry.", wed, []want{{"December 2", Date, "2025-12-02"}})
}

// TestReview14Quarter: a company's capitalised "First Quarter" is its
// quarter, no title; "a quarter of a second" is PT0.25S, not PT0S.
func TestReview14Quarter(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The ferry firm reported its First Quarter results.", wed, []want{{"First Quarter", Date, "2026-Q1"}})
	checkWants(t, "The gate shut in a quarter of a second.", wed, []want{{"a quarter of a second", Duration, "PT0.25S"}})
	checkWants(t, "The gate shut in three quarters of a minute.", wed, []want{{"three quarters of a minute", Duration, "PT45S"}})
}

// TestReview14Plans: "plans" before a determiner is the verb ("The
// minister plans a visit on Friday"): the coming Friday.
func TestReview14Plans(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The harbour minister plans a visit on Friday.", wed, []want{{"Friday", Date, "2026-11-27"}})
	checkWants(t, "On Friday, evacuation plans were published.", wed, []want{{"Friday", Date, "2026-11-20"}})
}

// TestReview14AfterWeekend: "after this weekend's defeat" with no tense
// is the last weekend; "this weekend" alone the anchor week's.
func TestReview14AfterWeekend(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The club is hoping to bounce back after this weekend's defeat.", wed, []want{{"this weekend", Date, "2026-W47-WE"}})
	checkWants(t, "The club is hoping to win this weekend.", wed, []want{{"this weekend", Date, "2026-W48-WE"}})
}

// TestReview14Symbols: a symbol outside ASCII ("£", "€") ends no
// sentence, so the tense before it still reads the day ("will pay £5m on
// Monday": the coming Monday); curly quotes are quotation marks, and an
// ellipsis a full stop, as their ASCII forms are.
func TestReview14Symbols(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	mon := []want{{"Monday", Date, "2026-11-30"}}
	checkWants(t, "The ferry firm will pay £5m on Monday.", wed, mon)
	checkWants(t, "The ferry firm will pay €5m on Monday.", wed, mon)
	checkWants(t, "The ferry firm will pay $5m on Monday.", wed, mon)
	checkWants(t, "He said: “Next Monday the ferry sails.”", wed, []want{{"Next Monday", Date, "2026-11-30"}})
	checkWants(t, "The ferry sailed. “Next Monday it sails again,” he said.", wed, []want{{"Next Monday", Date, "2026-11-30"}})
	checkWants(t, "The ferry will sail… On Monday it sank.", wed, []want{{"Monday", Date, "2026-11-23"}})
}

// TestReview14QuarterAgo: "a quarter of a century ago" is the date 25
// years back, as "half a century ago" is, not a duration with "ago" left
// over.
func TestReview14QuarterAgo(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The quay opened a quarter of a century ago.", wed, []want{{"a quarter of a century ago", Date, "2001"}})
	checkWants(t, "The ferry will leave in a quarter of an hour.", wed, []want{{"a quarter of an hour", Duration, "PT15M"}})
}

// TestReview14HeadlineStop: a first line whose stop stands inside
// closing quotes is a sentence, no headline, so the headline's reading of
// a present verb with an object (the past day) does not apply.
func TestReview14HeadlineStop(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "Rebels take the border town on Monday, officials told \"the harbour radio.\"\n\nThe town is besieged.", wed,
		[]want{{"Monday", Date, "2026-11-30"}})
	checkWants(t, "Rebels take border town on Monday\n\nThe rebels held the town.", wed, []want{{"Monday", Date, "2026-11-23"}})
}

// TestReview14Festival: a year after a feast the lexicon has no holiday
// for is a time, not a name's year as "Windows 2000" is.
func TestReview14Festival(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "Ferry traffic rose over Xmas 2024 and during Ramadan 2025.", wed, []want{{"2024", Date, "2024"}, {"2025", Date, "2025"}})
	checkWants(t, "Ferry traffic peaked at Christmastime 2024.", wed, []want{{"2024", Date, "2024"}})
	checkWants(t, "The ferry computers still run Windows 2000.", wed, nil)
}

// TestReview14QuarterSpan: a quarter of a unit read whole in more forms:
// "the past quarter-century", "over the last quarter of a century" are
// P25Y (were the last quarter, a date, and "a century" P100Y); "a
// quarter-hour" PT15M, "three-quarters of an hour" PT45M; "the last
// quarter of last year" is that year's fourth; "the quarter-finals", "a
// quarter-point" are no quarters of a year (were 2026-Q3, P1Q). wed is
// 2026-11-25.
func TestReview14QuarterSpan(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The port has grown over the past quarter-century.", wed, []want{{"the past quarter-century", Duration, "P25Y"}})
	checkWants(t, "The port has grown over the last quarter of a century.", wed, []want{{"the last quarter of a century", Duration, "P25Y"}})
	checkWants(t, "The ferry was late by a quarter-hour.", wed, []want{{"a quarter-hour", Duration, "PT15M"}})
	checkWants(t, "The ferry was late by three-quarters of an hour.", wed, []want{{"three-quarters of an hour", Duration, "PT45M"}})
	checkWants(t, "Ferry traffic fell in the last quarter of last year.", wed, []want{{"the last quarter of last year", Date, "2025-Q4"}})
	// "year on year" after a quarter is no quarter of a year
	checkWants(t, "Ferry traffic fell in the last quarter year on year.", wed, []want{{"the last quarter", Date, "2026-Q3"}})
	checkWants(t, "The ferry was late by a quarter-of-an-hour.", wed, []want{{"a quarter-of-an-hour", Duration, "PT15M"}})
	// a quarter before a hyphen and another word is no quarter of a year
	checkWants(t, "The bank made three quarter-point rises.", wed, nil)
	checkWants(t, "The harbour team reached the quarter-finals.", wed, nil)
	checkWants(t, "The harbour team won a quarter-final tie.", wed, nil)
	checkWants(t, "Ferry traffic rose in the third-quarter figures.", wed, []want{{"third-quarter", Date, "2026-Q3"}})
}

// TestReview14PartOfToday: "all of today", "the remainder of today",
// "much of tomorrow's session" are days, no ages as "the children of
// today" are. wed is 2026-11-25.
func TestReview14PartOfToday(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The quay will be shut for the remainder of today.", wed, []want{{"today", Date, "2026-11-25"}})
	checkWants(t, "The quay was shut for all of today.", wed, []want{{"today", Date, "2026-11-25"}})
	checkWants(t, "Ferries will be suspended for much of tomorrow's sailing.", wed, []want{{"tomorrow", Date, "2026-11-26"}})
	checkWants(t, "The show will never appeal to the children of today.", wed, nil)
}

// TestReview14Dateline: a word after a dateline's spaced dash opens the
// sentence, so "AP - Next October" is a time, no programme's name. wed
// is 2026-11-25.
func TestReview14Dateline(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "AP - Next October, the harbour will be old enough to vote.", wed, []want{{"Next October", Date, "2027-10"}})
	checkWants(t, "AP - Hours after the storm, the ferry sailed.", wed, []want{{"Hours", Duration, "PTXH"}})
}

// TestReview14MonthPair: the second of "May or June" shares the first's
// tense, whose cue may lie beyond the second's reach.
func TestReview14MonthPair(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "Experts said the ferry would likely be ready to sail by the currently planned launch date in May or June.", wed,
		[]want{{"currently", Date, "PRESENT_REF"}, {"May", Date, "2027-05"}, {"June", Date, "2027-06"}})
}

// TestReview14PerfectWeekend: "have been ... this weekend" is the last
// weekend, as "have visited ... this weekend" is; "out of (ahead of)
// this weekend's", "miss this weekend's" are the coming one whatever the
// clause's tense. wed is 2026-11-25.
func TestReview14PerfectWeekend(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The harbour shops have been busy this weekend.", wed, []want{{"this weekend", Date, "2026-W47-WE"}})
	checkWants(t, "Ferry users may have been lonely this weekend.", wed, []want{{"this weekend", Date, "2026-W47-WE"}})
	checkWants(t, "The striker has been forced out of this weekend's derby.", wed, []want{{"this weekend", Date, "2026-W48-WE"}})
	checkWants(t, "Both players will miss this weekend's derby.", wed, []want{{"this weekend", Date, "2026-W48-WE"}})
	checkWants(t, "Fans packed the harbour stadium for this weekend's derby.", wed, []want{{"this weekend", Date, "2026-W47-WE"}})
}

// TestReview14WontPast: "won't" is "will not", no past "won" (pre-existing:
// "He won't sail on Monday" gave the past Monday).
func TestReview14WontPast(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "He won't sail on Monday.", wed, []want{{"Monday", Date, "2026-11-30"}})
	checkWants(t, "He won the race on Monday.", wed, []want{{"Monday", Date, "2026-11-23"}})
}
