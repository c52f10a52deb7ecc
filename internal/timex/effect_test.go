package timex

import (
	"testing"
	"time"
)

// TestIntoEffect: "come into effect" and "go into effect" set the tense as
// "take effect" and "come into force" do: ahead in the present, behind
// in the past.
func TestIntoEffect(t *testing.T) {
	thu := time.Date(2005, 3, 10, 9, 0, 0, 0, time.UTC) // a Thursday
	for _, tc := range []struct {
		in string
		w  []want
	}{
		{"The new parking rules come into effect in August.", []want{{"August", Date, "2005-08"}}},
		{"The smoking ban comes into effect on 1 January.", []want{{"1 January", Date, "2006-01-01"}}},
		{"The tariff goes into effect on Friday.", []want{{"Friday", Date, "2005-03-11"}}},
		{"The curfew went into effect in May.", []want{{"May", Date, "2004-05"}}},
		{"The toll came into effect on Friday.", []want{{"Friday", Date, "2005-03-04"}}},
	} {
		checkWants(t, tc.in, thu, tc.w)
	}
}
