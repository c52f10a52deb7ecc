package quotes

import (
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
)

// TestEndAheadAux reads what the end model sees after a comma: a noun
// phrase, a finite auxiliary and a verb are a new clause with
// EndAheadAux, as a noun phrase and a finite main verb are either way; a
// copula and an adjective are not.
func TestEndAheadAux(t *testing.T) {
	for _, c := range []struct {
		s, start string
		on, off  bool // ahead=np-verb with EndAheadAux and without
	}{
		{"The mayor promised cheaper buses, but he has been raising the fares.\n", "cheaper", true, false},
		{"The mayor promised cheaper buses, and the council would pay for them.\n", "cheaper", true, false},
		{"The mayor promised cheaper buses, but the council raised the fares.\n", "cheaper", true, true},
		{"The mayor said fares were low, the buses were new and the drivers were polite.\n", "fares", false, false},
	} {
		doc, ms := nlptest.Mentions(t, c.s)
		ents := entity.Resolve(doc, ms)
		for _, on := range []bool{true, false} {
			o := DefaultOptions
			o.EndAheadAux = on
			x := newExtractor(doc, ents, o)
			x.findQuoteMarks()
			start, comma := -1, -1
			for i, tk := range doc.Tokens {
				if tk.Text == c.start {
					start = i
				}
				if tk.Text == "," && comma < 0 {
					comma = i
				}
			}
			var fs []string
			x.endFeatures(start, comma, &fsink{names: &fs})
			x.release()
			want := c.off
			if on {
				want = c.on
			}
			if got := slices.Contains(fs, "ahead=np-verb"); got != want {
				t.Errorf("%q, EndAheadAux %v: ahead=np-verb %v, want %v (%s)", c.s, on, got, want, strings.Join(fs, " "))
			}
		}
	}
}

// TestEndFrontComma: content that opens with "that" and a fronted
// subordinate clause or phrase goes on past the comma that closes it.
func TestEndFrontComma(t *testing.T) {
	for _, c := range []struct{ s, content string }{
		{"The airline warned that while it would obey the new rules, the extra fees would fall on travellers.\n", "that while it would obey the new rules, the extra fees would fall on travellers"},
	} {
		for _, on := range []bool{true, false} {
			o := DefaultOptions
			o.MinScore, o.MinCueScore = 0, 0.01
			o.EndFrontComma = on
			doc, ms := nlptest.Mentions(t, c.s)
			got := false
			for _, q := range ExtractWith(doc, entity.Resolve(doc, ms), o) {
				got = got || doc.Text[q.Content.Start:q.Content.End] == c.content
			}
			if got != on {
				t.Errorf("%q, EndFrontComma %v: content %q found %v", c.s, on, c.content, got)
			}
		}
	}
}
