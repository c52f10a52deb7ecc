package timex

import (
	"strings"
	"testing"
)

// TestHolidays: each holiday name is found, whatever word class its first
// word has (a class of the lexicon, an ordinal, "St", a start word).
func TestHolidays(t *testing.T) {
	for _, h := range []string{"Christmas", "Christmas Eve", "New Year's Day", "New Year's Eve", "Thanksgiving",
		"Easter", "Easter Monday", "Good Friday", "Palm Sunday", "Halloween", "Independence Day", "Fourth of July",
		"Valentine's Day", "Labor Day", "Labour Day", "Memorial Day", "Election Day", "Veterans Day",
		"St. Patrick's Day", "Saint Patrick's Day", "Boxing Day"} {
		s := "The shops will close on " + h + ", officials said."
		es := extract(s, anchor)
		found := false
		for _, e := range es {
			if strings.Contains(s[e.Span.Start:e.Span.End], h) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: %+v", s, es)
		}
	}
}
