package timex

import (
	"testing"
	"time"
)

// TestFutureQuarter: a quarter named without a year in a future sentence
// is this year's, but the nearest one of that number where the sentence
// says it is no quarter of this year: the quarter just over when the
// sentence expects its results ("expects fourth-quarter earnings", written
// in March, are last year's), and next year's when it opens a time ahead
// and this year's is long over ("in the first quarter", written in
// November). Past sentences keep the last such quarter.
func TestFutureQuarter(t *testing.T) {
	checkAnchored(t, []anchored{
		// results of the quarter just over
		{"The glassmaker expects fourth-quarter earnings of about 40 cents a share.", inMarch, []want{{"fourth-quarter", Date, "2004-Q4"}}},
		{"The glassmaker expects fourth quarter sales to fall.", inMarch, []want{{"fourth quarter", Date, "2004-Q4"}}},
		{"The glassmaker will report a loss for the fourth quarter.", inMarch, []want{{"the fourth quarter", Date, "2004-Q4"}}},
		{"Results for the fourth quarter are expected soon.", inMarch, []want{{"the fourth quarter", Date, "2004-Q4"}}},
		{"The glassmaker expects third-quarter results to show a loss.", inNovember, []want{{"third-quarter", Date, "2005-Q3"}}},
		// an event in the quarter ahead, or the current one
		{"Analysts expect demand to pick up in the fourth quarter.", inMarch, []want{{"the fourth quarter", Date, "2005-Q4"}}},
		{"The glassmaker expects first-quarter sales to rise.", inMarch, []want{{"first-quarter", Date, "2005-Q1"}}},
		{"The glassmaker expects third-quarter profit to recover.", inMarch, []want{{"third-quarter", Date, "2005-Q3"}}},
		{"The kiln is expected to reopen in the first quarter.", inNovember, []want{{"the first quarter", Date, "2006-Q1"}}},
		{"The glassmaker expects sales to recover by the second quarter.", inNovember, []want{{"the second quarter", Date, "2006-Q2"}}},
		// a quarter named alone is this year's: comparisons, results, a
		// quarter just over
		{"Sales will be lower than in the second quarter.", inNovember, []want{{"the second quarter", Date, "2005-Q2"}}},
		{"That would compare with $8 million in the first quarter.", inNovember, []want{{"the first quarter", Date, "2005-Q1"}}},
		{"The new kiln will add sales of $8 million in the first quarter.", inNovember, []want{{"the first quarter", Date, "2006-Q1"}}},
		{"The glassmaker expects second-quarter sales to recover.", inNovember, []want{{"second-quarter", Date, "2005-Q2"}}},
		{"The glassmaker will report its results in the first quarter ending in December.", inNovember, []want{{"the first quarter", Date, "2005-Q1"}, {"December", Date, "2005-12"}}},
		{"The third quarter will be even worse.", inNovember, []want{{"The third quarter", Date, "2005-Q3"}}},
		// a year stated
		{"The listing should follow during the first quarter of calendar 2007.", inNovember, []want{{"the first quarter of calendar 2007", Date, "2007-Q1"}}},
		// past sentences: the last such quarter
		{"The glassmaker's fourth-quarter profit fell.", inMarch, []want{{"fourth-quarter", Date, "2004-Q4"}}},
		{"Sales rose in the first quarter.", inNovember, []want{{"the first quarter", Date, "2005-Q1"}}},
	})
}

// TestReportOfLast: a month in a future sentence about the results of the
// period just over is the one after that period, this year's, not next
// year's ("fourth-quarter earnings, due on 10 February", written in
// March), and so is a month in a sentence that names this year ("her 2005
// season"); other future sentences keep next year's month.
func TestReportOfLast(t *testing.T) {
	checkAnchored(t, []anchored{
		{"The glassmaker expects fourth-quarter earnings, to be announced on 10 February, to beat forecasts.", inMarch,
			[]want{{"fourth-quarter", Date, "2004-Q4"}, {"10 February", Date, "2005-02-10"}}},
		{"The glassmaker will report its 2004 earnings on 19 January.", inMarch, []want{{"2004", Date, "2004"}, {"19 January", Date, "2005-01-19"}}},
		{"Results for the third quarter are expected on 20 October.", inNovember, []want{{"the third quarter", Date, "2005-Q3"}, {"20 October", Date, "2005-10-20"}}},
		// no results of the period just over: next year's month
		{"The glassmaker will open a new kiln on 19 January.", inMarch, []want{{"19 January", Date, "2006-01-19"}}},
		{"The glassmaker will report first-quarter earnings in February.", inMarch, []want{{"first-quarter", Date, "2005-Q1"}, {"February", Date, "2006-02"}}},
		{"The glassmaker will report its 2003 earnings on 19 January.", inMarch, []want{{"2003", Date, "2003"}, {"19 January", Date, "2006-01-19"}}},
		// a month of the year the sentence names
		{"The rower will open her 2005 season at the regatta on 12 February.", inMarch, []want{{"2005", Date, "2005"}, {"12 February", Date, "2005-02-12"}}},
	})
}

// Anchors of the tests of this file: a day in the first quarter and one
// in the fourth.
var (
	inMarch    = time.Date(2005, 3, 10, 9, 0, 0, 0, time.UTC)
	inNovember = time.Date(2005, 11, 10, 9, 0, 0, 0, time.UTC)
)

// anchored is a text, its anchor and the expressions wanted.
type anchored struct {
	in string
	at time.Time
	w  []want
}

func checkAnchored(t *testing.T, cs []anchored) {
	t.Helper()
	for _, c := range cs {
		checkWants(t, c.in, c.at, c.w)
	}
}
