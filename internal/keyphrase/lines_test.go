package keyphrase

import (
	"strings"
	"testing"
)

// TestOffLine: a phrase found only in a line of capitals (a headline or a
// heading written upper case) or in a byline is none, a phrase the text
// also writes in prose is shown as prose writes it, and a phrase that
// spans a table's columns is none (a phrase typed with extra spaces in a
// sentence stays, as written: its text is one of its mentions).
func TestOffLine(t *testing.T) {
	for _, tc := range []struct {
		name, art string
		bad       []string // phrases that must not come out (nor, in "capitals", any in capitals)
		good      []string // phrases that must, as written
	}{
		{"capitals", `HARBOUR PILOTS WIN LONG FIGHT OVER NIGHT SHIFTS

The pilots who guide ships into Westmere will no longer work alone at night, the port company said.
The company agreed to put two pilots on every night shift after a year of talks with the union.
Pilots had said that tired crews were a danger to ships in the narrow channel.

KINGSPORT NEXT

The union said it would now seek the same deal at Kingsport, where pilots still work alone.
Talks in Kingsport will start next month, a union official said.
`, nil, []string{"Kingsport"}},
		{"byline", `Harbour pilots win night shift fight

By Tom Fielding, Harbour Correspondent

The pilots who guide ships into Westmere will no longer work alone at night, the port company said.
The company agreed to put two pilots on every night shift after a year of talks with the union.
Pilots had said that tired crews were a danger to ships in the narrow channel.
`, []string{"Harbour Correspondent", "Tom Fielding"}, nil},
		{"columns", `Westmere port traffic rose in May, the port company said on Monday.
Cargo ships and ferries both called more often than a year earlier, while fishing boats called less.

Vessel type	Calls May	Pct change
Cargo     412    +6.1
Ferries     388    +2.0

The company said the    harbour dredging   work had helped cargo ships reach the inner berths.
`, []string{"Vessel type\tCalls May\tPct change", "Calls May Pct change"}, nil},
	} {
		doc, _, _, _ := tagCandidates(t, tc.art)
		ps := Extract(doc, 10)
		var got []string
		for _, p := range ps {
			got = append(got, p.Text)
			if strings.ContainsAny(p.Text, "\t\n") || strings.Contains(p.Text, "    ") {
				t.Errorf("%s: phrase %q spans table columns", tc.name, p.Text)
			}
		}
		for _, g := range got {
			if tc.name == "capitals" && !hasLower(g) {
				t.Errorf("%s: %q, in capitals, is a key phrase: %q", tc.name, g, got)
			}
			for _, b := range tc.bad {
				if g == b {
					t.Errorf("%s: %q is a key phrase: %q", tc.name, g, got)
				}
			}
		}
		for _, w := range tc.good {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%s: no %q in %q", tc.name, w, got)
			}
		}
	}
}
