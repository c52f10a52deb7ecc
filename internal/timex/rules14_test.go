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
	}
	for _, tc := range tests {
		checkWants(t, tc.in, wed, tc.w)
	}
}
