package timex

import (
	"strings"
	"testing"
)

// Feed text writing spaces and quotation marks as HTML character
// references reads as the decoded text does: the same values, the spans
// on the caller's bytes.
func TestCharacterReferences(t *testing.T) {
	for esc, plain := range map[string]string{
		"The ballot closes on Feb.&nbsp;9, 2023 at 6&nbsp;p.m., the board said.": "The ballot closes on Feb.\u00a09, 2023 at 6\u00a0p.m., the board said.",
		"The board met on&#160;Friday and &quot;Tuesday&quot; is the deadline.":  "The board met on\u00a0Friday and \"Tuesday\" is the deadline.",
		"Profits at Ross &amp; Tate rose 4% in the third quarter.":               "Profits at Ross & Tate rose 4% in the third quarter.",
	} {
		got, want := extract(esc, anchor), extract(plain, anchor)
		if len(got) != len(want) {
			t.Errorf("%q: %d expressions, want %d (%+v)", esc, len(got), len(want), want)
			continue
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Value != w.Value || g.Type != w.Type {
				t.Errorf("%q: %s %s, want %s %s", esc, g.Type, g.Value, w.Type, w.Value)
			}
			if gs, ws := strings.ReplaceAll(esc[g.Span.Start:g.Span.End], "&nbsp;", "\u00a0"), plain[w.Span.Start:w.Span.End]; gs != ws {
				t.Errorf("%q: span %q, want %q", esc, esc[g.Span.Start:g.Span.End], ws)
			}
		}
	}
}
