package text

import "testing"

// TestDateline: the place and the end of the dateline that opens a
// sentence, and the openings that are no dateline.
func TestDateline(t *testing.T) {
	for _, c := range []struct {
		in, place, rest string // rest: the text after the dateline; "" for none
		sentence        int
	}{
		{"LISBON, March 9 (Reuters) - Dock workers began a strike. They want more pay.", "LISBON", "Dock workers", 0},
		{"NEW YORK (Reuters) - Shares of the toy maker rose.", "NEW YORK", "Shares", 0},
		{"Harbour fire\n\nMELVILLE, Ontario, May 3 — A fire closed the harbour. Nobody was hurt.", "MELVILLE", "A fire", 1},
		{"TARVILLE, Ore., Oct. 4 (UPI) — The mill shut on Monday.", "TARVILLE", "The mill", 0},
		{"Hamilton, Ontario, Canada – The council met.", "Hamilton", "The council", 0},
		{"Grafton, Sept 21st - The ferry ran late.", "Grafton", "The ferry", 0},
		{"BRAMWICK (dpa) - Farmers sold their wheat early.", "BRAMWICK", "Farmers", 0},
		{"OAK CREEK/PINE HILL, Texas, March 3 - The airport reopened.", "OAK CREEK/PINE HILL", "The airport", 0},
		{"WASHINGTON (CNN) -- The governor will sign the bill.", "WASHINGTON", "The governor", 0},
		{"(CNN) -- The governor will sign the bill.", "", "The governor", 0},
		{"Oakridge — The council voted to close the pool.", "Oakridge", "The council", 0},
		{"  Oakridge — The council voted to close the pool.", "Oakridge", "The council", 0},
		{"Headline here\r\n\r\nOakridge — The council voted to close the pool.", "Oakridge", "The council", 1},
		// no dateline
		{"SWIMMING - Local club wins relay title. The team trained for a year.", "", "", 0},
		{"SWIMMING — Local club wins relay title.", "", "", 0},
		{"Oakridge Rovers - the club's new signing arrived.", "", "", 0},
		{"The mayor - who was re-elected in May - opened the bridge.", "", "", 0},
		{"It rained. Then the sun came out. Now it snows. Oakridge — The pool closed.", "", "", 3},
		{"Rain fell. Oakridge — The pool closed.", "", "", 1},
		{"Rain fell.\rOakridge — The pool closed.", "", "", 1},
		{"LISBON, March 9 (Reuters) -", "", "", 0},
		{"LISBON, March 40 - Dock workers began a strike.", "", "", 0},
		{"Lisbon 2 — Porto 1 after extra time.", "", "", 0},
	} {
		d := Analyze(c.in)
		if c.sentence >= len(d.Sentences) {
			t.Errorf("%q: %d sentences", c.in, len(d.Sentences))
			continue
		}
		dl, ok := d.Dateline(c.sentence)
		if c.rest == "" {
			if ok {
				t.Errorf("%q: dateline %+v, want none", c.in, dl)
			}
			continue
		}
		if !ok {
			t.Errorf("%q: no dateline, want place %q before %q", c.in, c.place, c.rest)
			continue
		}
		f := d.Sentences[c.sentence].First
		place := ""
		if dl.Place > f {
			place = d.Text[d.Tokens[f].Start:d.Tokens[dl.Place-1].End]
		}
		rest := d.Text[d.Tokens[dl.End].Start:]
		if place != c.place || len(rest) < len(c.rest) || rest[:len(c.rest)] != c.rest {
			t.Errorf("%q: place %q, then %.20q; want %q, then %q", c.in, place, rest, c.place, c.rest)
		}
	}
}

// TestIsDay: days of the month in digits, with or without an ordinal
// suffix.
func TestIsDay(t *testing.T) {
	for s, want := range map[string]bool{"1": true, "09": true, "31": true, "3rd": true, "21ST": true, "12th": true,
		"0": false, "00": false, "32": false, "123": false, "st": false, "1,": false, "": false, "3a": false, "1.5": false} {
		if got := IsDay(s); got != want {
			t.Errorf("IsDay(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestMonth: full names and short forms in any case, with or without a
// stop; May has no short form.
func TestMonth(t *testing.T) {
	for s, want := range map[string]int{"January": 1, "jan": 1, "Jan.": 1, "MAY": 5, "sept": 9, "Sep.": 9, "dec": 12,
		"December": 12, "may.": 0, "Ma": 0, "marc": 0, "Junes": 0, "": 0, "septembers": 0} {
		if got := Month(s); got != want {
			t.Errorf("Month(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestMonthWords: the names, the short forms, and with a stop the short
// forms with one, each once.
func TestMonthWords(t *testing.T) {
	for _, c := range []struct {
		stop bool
		n    int
	}{{false, 24}, {true, 36}} {
		ws := MonthWords(c.stop)
		seen := map[string]bool{}
		for _, w := range ws {
			if seen[w] || Month(w) == 0 {
				t.Errorf("MonthWords(%v): %q twice or no month", c.stop, w)
			}
			seen[w] = true
		}
		if len(ws) != c.n || !seen["sept"] || seen["may."] || seen["sept."] != c.stop {
			t.Errorf("MonthWords(%v) = %v", c.stop, ws)
		}
	}
}
