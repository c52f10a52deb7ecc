package quotes_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
)

// nounOptions are the default options with the filter's and the cue
// model's thresholds out of the way.
func nounOptions() quotes.Options {
	o := quotes.DefaultOptions
	o.MinScore, o.MinCueScore = 0, 0.01
	return o
}

// "according to" before a word the tagger read as a verb ("to harbour/VB
// records") still names its source.
func TestAccordingVB(t *testing.T) {
	for _, c := range []struct{ s, content, speaker string }{
		{"According to harbour records, the quay was last repaired in 1998.\n", "the quay was last repaired in 1998", "harbour records"},
		{"The quay needs repair, according to marine engineers.\n", "The quay needs repair", "marine engineers"},
	} {
		for _, on := range []bool{true, false} {
			o := nounOptions()
			o.AccordingVB = on
			doc, _, qs := allQuotes(t, c.s, o)
			q, ok := quoteWith(doc, qs, c.content)
			got := ok && doc.Text[q.Speaker.Start:q.Speaker.End] == c.speaker && strings.EqualFold(doc.Text[q.Cue.Start:q.Cue.End], "according to")
			if got != on {
				t.Errorf("AccordingVB %v: %q: quotes %v", on, c.s, qs)
			}
		}
	}
}
