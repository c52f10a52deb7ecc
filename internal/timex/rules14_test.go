package timex

import (
	"testing"
	"time"
)

// TestPastRange: a range of weekdays in a past sentence runs backward
// from the anchor, its last day the past one and its first day before
// it; a future range still runs forward. wed is Wednesday 2026-11-25.
func TestPastRange(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in string
		w  []want
	}{
		{"The harbour festival lasted from Monday to Friday.", []want{{"Monday", Date, "2026-11-16"}, {"Friday", Date, "2026-11-20"}}},
		{"The ferry office stayed shut from Thursday until Saturday.", []want{{"Thursday", Date, "2026-11-19"}, {"Saturday", Date, "2026-11-21"}}},
		{"The coast road was closed Monday through Wednesday.", []want{{"Monday", Date, "2026-11-23"}, {"Wednesday", Date, "2026-11-25"}}},
		{"The coast road will be closed Monday through Wednesday.", []want{{"Monday", Date, "2026-11-30"}, {"Wednesday", Date, "2026-12-02"}}},
		// "to" before a verb makes no range
		{"The board voted Friday to sell the ferry.", []want{{"Friday", Date, "2026-11-20"}}},
	}
	for _, tc := range tests {
		checkWants(t, tc.in, wed, tc.w)
	}
}

// TestWeekendPossessive: "this weekend's" reads the verb of its own noun
// first, then the clause's tense, and with no tense is the coming weekend
// (W48 at Wednesday 2026-11-25; the past one is W47).
func TestWeekendPossessive(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	coming := []want{{"this weekend", Date, "2026-W48-WE"}}
	past := []want{{"this weekend", Date, "2026-W47-WE"}}
	tests := []struct {
		in string
		w  []want
	}{
		{"Voters head to the polls in this weekend's referendum.", coming},
		{"Officials said this weekend's referendum will be close.", coming},
		{"Fans are queuing for tickets to this weekend's derby.", coming},
		{"Fans packed the harbour stadium for this weekend's derby.", past},
		{"Officials say this weekend's referendum was marred by fraud.", past},
		{"Crowds gathered on the quay this weekend.", past},
		// "this weekend" with no tense is the anchor week's, as "this
		// Friday" is
		{"Ferry firms are hosting an open day this weekend.", coming},
		{"Online booking opens this weekend.", coming},
		// "the weekend's" is the last one
		{"Volunteers help the port recover from the weekend's storm.", []want{{"the weekend", Date, "2026-W47-WE"}}},
	}
	for _, tc := range tests {
		checkWants(t, tc.in, wed, tc.w)
	}
}

// TestPastEventDate: a day and month naming an event that is reported
// once it has happened ("the Dec. 2 bombing") is the latest such day
// before the anchor; "the September 11 attacks" and "9/11" keep their
// year unknown unless the sentence writes one. wed is 2026-11-25.
func TestPastEventDate(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in string
		w  []want
	}{
		{"Memorials recall the victims of the September 11 attacks.", []want{{"September 11", Date, "XXXX-09-11"}}},
		{"The law was passed after the 11 September attacks on the towers.", []want{{"11 September", Date, "XXXX-09-11"}}},
		{"Airport checks have tightened since the 9/11 attacks.", []want{{"9/11", Date, "XXXX-09-11"}}},
		{"Since 9/11, the port has screened every container.", []want{{"9/11", Date, "XXXX-09-11"}}},
		{"The port closed after the September 11 attacks of 2001.", []want{{"September 11", Date, "2001-09-11"}, {"2001", Date, "2001"}}},
		{"Fares fell after the 9/11 attacks in 2001.", []want{{"9/11", Date, "2001-09-11"}, {"2001", Date, "2001"}}},
		// another year in the sentence is no year of the attacks
		{"In 2004, airlines were still recovering from the 9/11 attacks.", []want{{"2004", Date, "2004"}, {"9/11", Date, "XXXX-09-11"}}},
		{"The film Fahrenheit 9/11 won the prize.", nil},
		{"Fahrenheit 9/11 won the prize.", nil},
		{"After 9/11, the port screened every container.", []want{{"9/11", Date, "XXXX-09-11"}}},
		{"Police are still investigating the Dec. 2 bombing of the ferry terminal.", []want{{"Dec. 2", Date, "2025-12-02"}}},
		{"Police are still investigating the Dec. 2 car bomb attack on the terminal.", []want{{"Dec. 2", Date, "2025-12-02"}}},
		// no event noun: the nearest day as before
		{"The Dec. 2 deadline will not be met.", []want{{"Dec. 2", Date, "2026-12-02"}}},
		{"The ferry sails on September 11 from the north quay.", []want{{"September 11", Date, "2026-09-11"}}},
		{"Shares in the ferry firm rose 6 9/11 points.", nil},
	}
	for _, tc := range tests {
		checkWants(t, tc.in, wed, tc.w)
	}
}

// TestHeadlineWeekday: in a headline (the first line, no final stop, a
// blank line after it) a present-tense verb with an object reports an
// event done, so its bare weekday is the past one; a verb with no object
// before the day announces one, and "to" before the verb is the plan.
// wed is Wednesday 2026-11-25.
func TestHeadlineWeekday(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	mon := []want{{"Monday", Date, "2026-11-30"}}
	pastMon := []want{{"Monday", Date, "2026-11-23"}}
	tests := []struct {
		in string
		w  []want
	}{
		{"Rebels take border town on Monday\n\nThe rebels held the town after heavy fighting.", pastMon},
		{"Harbour police arrest two men on Monday\n\nThe men were held after a break-in.", pastMon},
		{"Ferry talks resume on Monday\n\nThe talks stopped after a row over fares.", mon},
		{"Minister to visit Lisbon on Monday\n\nThe minister travels with two aides.", mon},
		{"Dock workers to strike on Monday\n\nThe union called the strike over pay.", mon},
		{"Harbour Minister To Visit Lisbon On Monday\n\nThe minister travels with two aides.", mon},
		// not a headline: a sentence, or a line with no blank line after it
		{"The rebels take the border town on Monday.\n\nThe town has been besieged by the army.", mon},
		{"Rebels take border town on Monday", mon},
		// a dateline is no headline
		{"HARBOUR CITY (AP) _\n\nRebels take the border town on Monday, a spokesman said in a statement.", mon},
	}
	for _, tc := range tests {
		checkWants(t, tc.in, wed, tc.w)
	}
}

// TestPlansNoun: "plans" is a future cue as a verb ("X plans to", "Harbour
// Lines plans extra sailings"), not as a noun ("evacuation plans were
// published"), and "planned" / "scheduled" / "expected" after an article
// (with an adverb between or not) are adjectives with no tense of their
// own, as other -ed words there are. wed is Wednesday 2026-11-25.
func TestPlansNoun(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	fri := []want{{"Friday", Date, "2026-11-27"}}
	pastFri := []want{{"Friday", Date, "2026-11-20"}}
	tests := []struct {
		in string
		w  []want
	}{
		{"On Friday, the harbour board's evacuation plans were published.", pastFri},
		{"On Friday, when the minister set aside holiday plans for the hastily planned trip, the ministry lifted its travel warning.", pastFri},
		{"The ferry company plans to add sailings on Friday.", fri},
		{"Harbour Lines plans extra sailings on Friday.", fri},
		{"The sailing is scheduled for Friday.", fri},
		// the adjective still speaks of its own noun's day
		{"Dockers prepare for the planned strike on Friday.", fri},
		{"Fans await the scheduled announcement on 25 December.", []want{{"25 December", Date, "2026-12-25"}}},
	}
	for _, tc := range tests {
		checkWants(t, tc.in, wed, tc.w)
	}
}

// TestThisComing: "this coming Sunday" is read whole (was "coming
// Sunday"), and "the coming weekend" on a weekday is this week's, while
// "next weekend" is the one after. wed is Wednesday 2026-11-25 (W48).
func TestThisComing(t *testing.T) {
	wed := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	sat := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in string
		a  time.Time
		w  []want
	}{
		{"The regatta is this coming Sunday.", wed, []want{{"this coming Sunday", Date, "2026-11-29"}}},
		{"The ferry sails this coming weekend.", wed, []want{{"this coming weekend", Date, "2026-W48-WE"}}},
		{"The ferry sails in the coming weekend.", wed, []want{{"the coming weekend", Date, "2026-W48-WE"}}},
		{"The ferry sails next weekend.", wed, []want{{"next weekend", Date, "2026-W49-WE"}}},
		{"The ferry sails the coming weekend.", sat, []want{{"the coming weekend", Date, "2026-W49-WE"}}},
		{"We sailed this past weekend.", wed, []want{{"this past weekend", Date, "2026-W47-WE"}}},
	}
	for _, tc := range tests {
		checkWants(t, tc.in, tc.a, tc.w)
	}
}

// TestNewYear: "the new year" is the coming year late in a year and the
// anchor's early in one; the holiday and names stay as before.
func TestNewYear(t *testing.T) {
	nov := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	jan := time.Date(2027, 1, 12, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in string
		a  time.Time
		w  []want
	}{
		{"The bridge will reopen in the new year.", nov, []want{{"the new year", Date, "2027"}}},
		{"The council will decide early in the New Year.", nov, []want{{"the New Year", Date, "2027"}}},
		{"Harbour fees rose in the new year, the board said.", jan, []want{{"the new year", Date, "2027"}}},
		{"The ferry runs a late service over the New Year holiday.", nov, nil},
		{"She was knighted in the New Year honours.", nov, nil},
		{"Make a list of the new year's resolutions.", nov, nil},
		{"The ferry runs until the New Year", nov, []want{{"the New Year", Date, "2027"}}},
	}
	for _, tc := range tests {
		checkWants(t, tc.in, tc.a, tc.w)
	}
}

// TestFutureOf: "the future of X" is X's fate, no time; "in the future"
// stays FUTURE_REF.
func TestFutureOf(t *testing.T) {
	a := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The talks will decide the future of the ferry service.", a, nil)
	checkWants(t, "The ferry may close in the future.", a, []want{{"the future", Date, "FUTURE_REF"}})
}

// TestOfToday: "the children of today", "the ferries of tomorrow" are
// ages, no days, as "today's world" is; "as of today" and "the end of
// today" stay days.
func TestOfToday(t *testing.T) {
	a := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The show will never appeal to the children of today.", a, nil)
	checkWants(t, "He designs the ferries of tomorrow.", a, nil)
	checkWants(t, "As of today the ferry is free.", a, []want{{"today", Date, "2026-11-25"}})
	checkWants(t, "The fee is due by the end of today.", a, []want{{"the end of today", Date, "2026-11-25"}})
}

// TestQuarterOf: "a quarter of" anything but a unit of time is a
// fraction; "the last quarter of 2025" stays a date, and a quarter of a
// unit of time is a quarter of its length ("a quarter of a century").
func TestQuarterOf(t *testing.T) {
	a := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The bank raised rates by a quarter of a point.", a, nil)
	checkWants(t, "The firm holds more than a quarter of the ferry market.", a, nil)
	checkWants(t, "Only one-quarter of those affected had insurance.", a, nil)
	checkWants(t, "Ferry traffic fell in the last quarter of 2025.", a, []want{{"the last quarter of 2025", Date, "2025-Q4"}})
	checkWants(t, "The ferry ran for a quarter of a century.", a, []want{{"a quarter of a century", Duration, "P25Y"}})
	checkWants(t, "The ferry ran for a quarter century.", a, []want{{"a quarter century", Duration, "P25Y"}})
	checkWants(t, "He waited three quarters of an hour.", a, []want{{"three quarters of an hour", Duration, "PT45M"}})
}

// TestBoxingDay: Boxing Day is 26 December, the year by tense as for
// other holidays.
func TestBoxingDay(t *testing.T) {
	jan := time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)
	checkWants(t, "The storm struck the harbour on Boxing Day.", jan, []want{{"Boxing Day", Date, "2026-12-26"}})
}
