package timex

import (
	"testing"
	"time"
)

// TestRules12 covers the rules added in session 12, on sentences written
// for the test. anchor is Wednesday 2023-09-20 14:30 UTC, a publication
// time with a time of day.
func TestRules12(t *testing.T) {
	wed := anchor
	mid := time.Date(2023, 9, 20, 0, 0, 0, 0, time.UTC)                      // a date without a time of day
	feb := time.Date(2024, 2, 8, 9, 0, 0, 0, time.UTC)                       // a Thursday in winter
	oct := time.Date(2023, 10, 16, 0, 0, 0, 0, time.UTC)                     // autumn
	late := time.Date(2023, 9, 20, 1, 15, 0, 0, time.FixedZone("CET", 3600)) // just past midnight, local time
	tests := []struct {
		in string
		a  time.Time
		w  []want
	}{
		// "would": the future of the saying
		{"Officials said the minister would travel to Paris on Thursday.", wed,
			[]want{{"Thursday", Date, "2023-09-21"}}},
		{"The minister would have travelled on Thursday.", wed, []want{{"Thursday", Date, "2023-09-14"}}},
		{"They said they would fight Monday's ruling.", wed, []want{{"Monday", Date, "2023-09-18"}}},
		// "plan to", "aim to" look ahead; an -ed word after an article is an adjective
		{"The agency does not plan to close the office on Friday.", wed, []want{{"Friday", Date, "2023-09-22"}}},
		{"Shareholders vote on the proposed merger in December.", wed, []want{{"December", Date, "2023-12"}}},
		{"The dividend is paid on a still unspecified date in December.", wed, []want{{"December", Date, "2023-12"}}},
		{"The plan was approved in December.", wed, []want{{"December", Date, "2022-12"}}},
		// "takes effect", "comes into force" look ahead
		{"A new law takes effect on 1 July.", feb, []want{{"1 July", Date, "2024-07-01"}}},
		{"The ban comes into force in December.", feb, []want{{"December", Date, "2024-12"}}},
		{"The ban came into force in December.", feb, []want{{"December", Date, "2023-12"}}},
		// a bare spring, summer or autumn by tense
		{"Inflation peaked in the summer.", feb, []want{{"the summer", Date, "2023-SU"}}},
		{"Work will resume in the spring.", oct, []want{{"the spring", Date, "2024-SP"}}},
		{"The law comes into force in the autumn.", feb, []want{{"the autumn", Date, "2024-FA"}}},
		// "the past decade" is the ten years up to now
		{"Output has doubled over the past decade.", wed, []want{{"the past decade", Duration, "P10Y"}}},
		{"The bank has kept rates low for the past century.", wed, []want{{"the past century", Duration, "P100Y"}}},
		{"The record was set in the last decade.", wed, []want{{"the last decade", Date, "201"}}},
		// "two hours ago" with a publication time is a clock time
		{"The suspect was arrested two hours ago.", wed, []want{{"two hours ago", Time, "2023-09-20T12:30"}}},
		{"The blast came half an hour ago.", wed, []want{{"half an hour ago", Time, "2023-09-20T14:00"}}},
		{"Three people died in the fire three hours ago.", late,
			[]want{{"three hours ago", Time, "2023-09-19T22:15"}}},
		{"The polls close an hour from now.", wed, []want{{"an hour from now", Time, "2023-09-20T15:30"}}},
		{"The suspect was arrested two hours ago.", mid, []want{{"two hours ago", Date, "2023-09-20"}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) { checkWants(t, tt.in, tt.a, tt.w) })
	}
}
