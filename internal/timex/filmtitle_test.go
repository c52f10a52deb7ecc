package timex

import (
	"testing"
	"time"
)

// TestHolidayFilmTitle: a capitalised holiday name that is a film's or
// book's title is no time; the holiday itself still is.
func TestHolidayFilmTitle(t *testing.T) {
	thu := time.Date(2005, 3, 10, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in string
		w  []want
	}{
		{"The actress starred in Born on the Fourth of July as a teenager.", nil},
		{"The studio backed Tin Cup, Night Ferry and Born on the Fourth of July.", nil},
		{"Ticket sales for the movie Independence Day beat forecasts.", nil},
		{"Sales of the new blockbuster, Independence Day, pleased the studio.", nil},
		{"The studio thrived on the hit \"Independence Day\" in cinemas.", nil},
		{"She acted in Kidnapped, Independence Day and Dark Water.", nil},
		// the days themselves
		{"The parade is held on the Fourth of July.", []want{{"the Fourth of July", Date, "2005-07-04"}}},
		{"Fireworks were launched on Independence Day in Boston.", []want{{"Independence Day", Date, "2004-07-04"}}},
		{"\"Christmas has been quiet,\" the shopkeeper said.", []want{{"Christmas", Date, "2004-12-25"}}},
	} {
		checkWants(t, tc.in, thu, tc.w)
	}
}
