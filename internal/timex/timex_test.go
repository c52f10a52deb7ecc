package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/text"
)

// anchor is a Wednesday.
var anchor = time.Date(2023, 9, 20, 14, 30, 0, 0, time.UTC)

type want struct {
	text, typ, value string
}

func extract(s string, a time.Time) []Expression {
	return Extract(text.Analyze(s), a)
}

func TestExtract(t *testing.T) {
	tests := []struct {
		in   string
		want []want
	}{
		{"The minister spoke on Wednesday.", []want{{"Wednesday", Date, "2023-09-20"}}},
		{"Sales fell last year.", []want{{"last year", Date, "2022"}}},
		{"The talks lasted three days.", []want{{"three days", Duration, "P3D"}}},
		{"The market is open every Monday.", []want{{"every Monday", Set, "XXXX-WXX-1"}}},
		{"The deal was signed Sept. 20.", []want{{"Sept. 20", Date, "2023-09-20"}}},
		{"Prices rose sharply in the 1990s.", []want{{"the 1990s", Date, "199"}}},
		{"She left two weeks ago.", []want{{"two weeks ago", Date, "2023-W36"}}},
		{"The plant will reopen next month.", []want{{"next month", Date, "2023-10"}}},
		{"Profit rose in the third quarter.", []want{{"the third quarter", Date, "2023-Q3"}}},
		{"He arrived this morning.", []want{{"this morning", Time, "2023-09-20TMO"}}},
		{"The report is dated 2023-09-20.", []want{{"2023-09-20", Date, "2023-09-20"}}},
		{"They met Tuesday night.", []want{{"Tuesday night", Time, "2023-09-19TNI"}}},
		{"Output doubled over the past five years.", []want{{"the past five years", Duration, "P5Y"}}},
		{"It has grown since 1990.", []want{{"1990", Date, "1990"}}},
		{"A vote is due by mid-2024.", []want{{"mid-2024", Date, "2024"}}},
		{"The bill passed yesterday.", []want{{"yesterday", Date, "2023-09-19"}}},
		{"The firm is now larger.", []want{{"now", Date, "PRESENT_REF"}}},
		{"Shares recently dropped.", []want{{"recently", Date, "PAST_REF"}}},
		{"It took a decade.", []want{{"a decade", Duration, "P10Y"}}},
		{"The paper is printed daily.", []want{{"daily", Set, "P1D"}}},
		{"Revenue for Q3 2023 beat forecasts.", []want{{"Q3 2023", Date, "2023-Q3"}}},
		{"The budget for fiscal 2024 is tight.", []want{{"fiscal 2024", Date, "2024"}}},
		{"The summit opens on Friday, the minister will say.", []want{{"Friday", Date, "2023-09-22"}}},
		{"The strike began on Monday.", []want{{"Monday", Date, "2023-09-18"}}},
		{"It was announced September 2021.", []want{{"September 2021", Date, "2021-09"}}},
		{"He was born on 4 July 1976.", []want{{"4 July 1976", Date, "1976-07-04"}}},
		{"Trading halted at 3:15 p.m. EST.", []want{{"3:15 p.m. EST", Time, "2023-09-20T15:15"}}},
		{"The flight lasted 2 1/2 hours.", []want{{"2 1/2 hours", Duration, "PT2H30M"}}},
		{"They signed a two-year contract.", []want{{"two-year", Duration, "P2Y"}}},
		{"The council meets twice a month.", []want{{"twice a month", Set, "P1M"}}},
		{"Rates rose this week and will rise next year.", []want{{"this week", Date, "2023-W38"}, {"next year", Date, "2024"}}},
		{"The war ended in the 20th century.", []want{{"the 20th century", Date, "19"}}},
		{"It happened the weekend before.", []want{{"the weekend", Date, "2023-W37-WE"}}},
		{"Tonight the city sleeps.", []want{{"Tonight", Time, "2023-09-20TNI"}}},
		{"The case goes back to nineteen ninety-six.", []want{{"nineteen ninety-six", Date, "1996"}}},
		{"Exports fell in the first half of 2023.", []want{{"the first half of 2023", Date, "2023-H1"}}},
		{"She has worked there for more than four hours.", []want{{"more than four hours", Duration, "PT4H"}}},
		{"Families gathered for Thanksgiving Day.", []want{{"Thanksgiving Day", Date, "2022-11-24"}}},
		{"Churches will be full on Easter Sunday.", []want{{"Easter Sunday", Date, "2024-03-31"}}},
		{"The harvest failed in the summer of 2012.", []want{{"the summer of 2012", Date, "2012-SU"}}},
		{"He spent two and a half years abroad.", []want{{"two and a half years", Duration, "P2Y6M"}}},
		{"The next day, officials met again.", []want{{"The next day", Date, "2023-09-21"}}},
		{"The vote was held on Monday. The day before, crowds gathered.", []want{{"Monday", Date, "2023-09-18"}, {"The day before", Date, "2023-09-17"}}},
		{"Third-quarter profit fell.", []want{{"Third-quarter", Date, "2023-Q3"}}},
		{"The man, 52 years old, said it was a 10-year-old boy.", nil},
		{"Disco ruled in the 70s and the '80s.", []want{{"the 70s", Date, "197"}, {"the '80s", Date, "198"}}},
		{"The bank has until Monday to pay.", []want{{"Monday", Date, "2023-09-25"}}},
		{"Its budget for fiscal year 2024 was cut.", []want{{"fiscal year 2024", Date, "2024"}}},
		{"The deadline is midnight on Sept. 30.", []want{{"midnight", Time, "2023-09-30T24:00"}, {"Sept. 30", Date, "2023-09-30"}}},
		{"Output fell in 2010-2012.", []want{{"2010", Date, "2010"}, {"2012", Date, "2012"}}},
		{"No time words here at all, only 1,500 people and $2000.", nil},
		{"In May the council voted; may it last.", []want{{"May", Date, "2023-05"}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := extract(tt.in, anchor)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d expressions %v, want %d %v", len(got), show(tt.in, got), len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if s := tt.in[g.Span.Start:g.Span.End]; s != w.text || g.Type != w.typ || g.Value != w.value {
					t.Errorf("got %q %s %s, want %q %s %s", s, g.Type, g.Value, w.text, w.typ, w.value)
				}
				if !g.Anchored {
					t.Errorf("%q: Anchored false with an anchor", w.text)
				}
			}
		})
	}
}

func show(s string, es []Expression) []want {
	var ws []want
	for _, e := range es {
		ws = append(ws, want{s[e.Span.Start:e.Span.End], e.Type, e.Value})
	}
	return ws
}

func TestZeroAnchor(t *testing.T) {
	tests := []struct {
		in, text, value string
		anchored        bool
	}{
		{"We met on Wednesday.", "Wednesday", "XXXX-WXX-3", false},
		{"Sales fell last year.", "last year", "XXXX", false},
		{"The deal was signed Sept. 20.", "Sept. 20", "XXXX-09-20", false},
		{"The bill passed yesterday.", "yesterday", "XXXX-XX-XX", false},
		{"She left two weeks ago.", "two weeks ago", "XXXX-WXX", false},
		{"The talks lasted three days.", "three days", "P3D", true},
		{"It was signed on Sept. 20, 2021.", "Sept. 20, 2021", "2021-09-20", true},
		{"The firm is now larger.", "now", "PRESENT_REF", true},
		{"The market is open every Monday.", "every Monday", "XXXX-WXX-1", true},
		{"Prices rose sharply in the 1990s.", "the 1990s", "199", true},
		{"They met at Christmas.", "Christmas", "XXXX-12-25", false},
		{"They met on Thanksgiving.", "Thanksgiving", "XXXX-11-XX", false},
		{"He arrived at 3 p.m.", "3 p.m.", "XXXX-XX-XXT15:00", false},
	}
	for _, tt := range tests {
		got := extract(tt.in, time.Time{})
		if len(got) != 1 {
			t.Errorf("%q: got %v, want one expression", tt.in, show(tt.in, got))
			continue
		}
		g := got[0]
		if s := tt.in[g.Span.Start:g.Span.End]; s != tt.text || g.Value != tt.value || g.Anchored != tt.anchored {
			t.Errorf("%q: got %q %s anchored=%v, want %q %s anchored=%v", tt.in, s, g.Value, g.Anchored, tt.text, tt.value, tt.anchored)
		}
	}
}

func TestEmpty(t *testing.T) {
	if got := Extract(&text.Document{}, anchor); got != nil {
		t.Errorf("empty document: %v", got)
	}
	if got := Extract(nil, anchor); got != nil {
		t.Errorf("nil document: %v", got)
	}
}

func checkInvariants(t *testing.T, s string, es []Expression) {
	t.Helper()
	boundary := make([]bool, len(s)+1)
	for i := range s {
		boundary[i] = true
	}
	boundary[len(s)] = true
	prev := 0
	for i, e := range es {
		if e.Span.Start < 0 || e.Span.End > len(s) || e.Span.Start >= e.Span.End {
			t.Fatalf("expression %d: span %v out of bounds (len %d)", i, e.Span, len(s))
		}
		if !boundary[e.Span.Start] || !boundary[e.Span.End] {
			t.Fatalf("expression %d: span %v not on rune boundaries", i, e.Span)
		}
		if e.Span.Start < prev {
			t.Fatalf("expression %d: span %v overlaps or is out of order (previous end %d)", i, e.Span, prev)
		}
		prev = e.Span.End
		switch e.Type {
		case Date, Time, Duration, Set:
		default:
			t.Fatalf("expression %d: type %q", i, e.Type)
		}
		if e.Value == "" {
			t.Fatalf("expression %d: empty value", i)
		}
		if !validValue(e.Value) {
			t.Fatalf("expression %d (%q): %q is no TIMEX3 value with a year in 0001-9999", i, s[e.Span.Start:e.Span.End], e.Value)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"On Wednesday, Sept. 20, 2023, at 3:15 p.m. EST the minister said the 1990s were over.",
		"every Monday, two weeks ago, the third-quarter, Q3 2023, mid-2024, 2 1/2 hours",
		"'90s ’90s 1990's 20th century nineteen ninety-six 12/31/99 2023-09-20T10:30",
		"\u00a0Ñoño – “Friday” night\u2019s\x00\xff",
		"a year and a half ago, the year-ago quarter, the latest period, year-end",
		"the week of March 6, April 24 and 25, Sunday 27 February, 2.05 p.m., at 4 in the morning, 1,300 years",
		"In 1995 it opened. The following year, that month, the year-earlier third quarter, mid-afternoon yesterday",
		"They meet Monday, Friday and Sunday. Stocks close up 2 on Friday, the previous Friday. Yahoo!, Ala., says Tuesday",
		"Since 9/11 the Sept. 11 U.S. embassy attack was closed Monday through Wednesday, from Monday to Friday. this weekend's",
		"9/11",
		"Police arrest man on Monday\n\nUnions to strike Monday\n\n",
		"to Monday\n\n",
		"this coming weekend in the New Year",
		"the new year",
		"this weekend'",
		"a quarter-of-an-", "a quarter-", "three-quarters of a", "the last quarter of last", "the past quarter-",
		"9/11 of", "scored 9/11", "a possible December 25", "He said: \"Next", "£", "“Next Monday",
		"Xmas 2004", "all of today", "plans a", "after this weekend's",
	} {
		f.Add(s, int64(1695168000)) // no anchor (a multiple of 3)
		f.Add(s, int64(1695168001)) // anchored: Wednesday 2023-09-20
		f.Add(s, fuzzEdge(time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC)))
		f.Add(s, fuzzEdge(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		var a time.Time
		has := unix%3 != 0
		switch {
		case unix%3 == 2 || unix%3 == -2:
			// any time a publish time can hold, 0001-01-01T00:00:00Z (the
			// zero time.Time) to 9999-12-31T23:59:59Z
			a = time.Unix(minAnchor+(unix/3%spanAnchor+spanAnchor)%spanAnchor, 0).UTC()
		case has:
			a = time.Unix(unix%(1<<33), 0).UTC()
		}
		es := ExtractAt(text.Analyze(s), a, has)
		checkInvariants(t, s, es)
	})
}

// The seconds of 0001-01-01T00:00:00Z and the span of the times a
// google.protobuf.Timestamp holds, to 9999-12-31T23:59:59Z.
const (
	minAnchor  = -62135596800
	spanAnchor = 253402300799 - minAnchor + 1
)

// fuzzEdge is FuzzExtract's unix argument for anchor t.
func fuzzEdge(t time.Time) int64 { return 3*(t.Unix()-minAnchor) + 2 }

func TestInvariantsOnNews(t *testing.T) {
	es := extract(newsText, anchor)
	checkInvariants(t, newsText, es)
	if len(es) < 20 {
		t.Errorf("only %d expressions in the benchmark text", len(es))
	}
}

func BenchmarkExtract(b *testing.B) {
	doc := text.Analyze(newsText)
	b.ReportAllocs()
	b.SetBytes(int64(len(newsText)))
	b.ResetTimer()
	for b.Loop() {
		Extract(doc, anchor)
	}
	b.StopTimer()
	sec := b.Elapsed().Seconds()
	if sec > 0 {
		b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/sec, "tokens/s")
	}
}

// newsText is a made-up news report of about 600 words.
var newsText = strings.TrimSpace(`
TEHRAN, Sept. 20 (Lector) -- The finance ministry said on Wednesday that the economy grew 2.1 percent in the second quarter, the fastest pace in nearly two years, and that it expects growth to slow in the fourth quarter as exports weaken.

Minister Ali Rezaei told reporters in the capital that inflation, which peaked at 52 percent last year, had eased for five consecutive months. "We are not out of the woods yet," he said. "The next six months will be decisive."

The central bank will meet next Tuesday to set interest rates. It raised its main rate by half a point in July and has held it since then. Analysts polled last week expect no change, though two of the 14 economists surveyed said a cut was possible before the end of the year.

The figures come two weeks after the government unveiled a three-year plan to cut spending by 8 percent a year. The plan, which takes effect on Jan. 1, 2024, would freeze public-sector hiring until mid-2025 and sell stakes in state companies over the next 18 months.

Opposition leaders said on Tuesday night that the plan would hurt the poor, who have seen their incomes fall every year since 2018. Protests were held in several cities over the weekend, and unions called a strike for Monday, Sept. 25.

Trade has been a bright spot. Exports of steel and petrochemicals rose 12 percent in the first half, compared with the same period a year earlier, helped by new deals signed with China in March and with Russia in May. Oil shipments averaged 1.4 million barrels a day in August, up from 900,000 barrels daily in the 1990s and early 2000s.

"For the first time in a decade, our trade surplus is growing," Rezaei said. He added that the government would publish monthly figures from October and a full report each quarter.

The currency, which lost a third of its value between 2018 and 2022, has been stable for about three weeks. It traded at 500,000 to the dollar this morning, compared with 540,000 at the start of the month.

The International Monetary Fund, in a report released on Sept. 12, said the economy would grow 2.5 percent in 2023 and 2 percent next year. It warned, however, that high inflation could persist for several years unless the central bank keeps policy tight.

The fund's mission chief, who visited Tehran for 10 days in early September, said talks would resume in the coming weeks. A new review is scheduled for the first quarter of 2024, probably in February.

Economists said the recovery remains fragile. "Growth has come back faster than anyone thought a year ago, but the gains of the past 12 months could vanish quickly," said Sara Karimi, an economist at a Tehran university. She said that household spending had fallen in each of the past three quarters and that unemployment was still higher than in 2019.

The government has promised to publish a full budget by Oct. 15. Parliament is expected to debate it in November and vote before Dec. 20, when lawmakers begin a two-week recess.

Markets reacted calmly. The Tehran stock index rose 0.4 percent by 2:30 p.m., after falling for three straight sessions earlier this week. Trading volume was about 20 percent below its 30-day average.

Shopkeepers in the capital's bazaar were less upbeat. "Every Monday I open my shop and every Monday the prices are different," said Reza, a carpet seller who has worked there since the 1980s. "Ten years ago I could plan for a season. Now I cannot plan for a week."

The ministry will release its next report at 10 a.m. on Oct. 18.
`)
