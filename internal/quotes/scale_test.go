package quotes_test

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/quotes"
)

// TestNoStopScales: a text without full stops is one sentence of many
// thousand tokens; the cost per cue must not grow with it (the end scan and
// the search for the main subject were quadratic: 14 s for 1 MB).
func TestNoStopScales(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 400 kB of tagged text")
	}
	words := strings.Fields("the council voted to extend the old road past the river and Ann Hale said the farmers who work " +
		"near the school asked for more money while Tom Reid told the mayor that water prices were rising in winter")
	gen := func(n int) string {
		var b strings.Builder
		b.WriteString("The ")
		for i := 0; b.Len() < n; i++ {
			b.WriteString(words[(i*7)%len(words)])
			b.WriteByte(' ')
		}
		b.WriteString("end.\n")
		return b.String()
	}
	run := func(s string) (best float64) {
		doc, ms := nlptest.Mentions(t, s)
		ents := entity.Resolve(doc, ms)
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
		best = 1e18
		for range 3 {
			best = min(best, cputime.Run(func() { quotes.Extract(doc, ents) }).Seconds())
		}
		return best
	}
	small, large := run(gen(40_000)), run(gen(400_000))
	t.Logf("Extract: 40 kB %.3f s, 400 kB %.3f s (x%.1f)", small, large, large/small)
	if large > 25*small+0.05 {
		t.Errorf("10 times the text costs %.1f times the CPU", large/small)
	}
}

// TestLongQuotationWhole: the bound on the end scan (maxReported) cuts no
// quotation: a quotation of more than 400 tokens after its cue is read
// whole, as clauseEnd reads it.
func TestLongQuotationWhole(t *testing.T) {
	s := "The mayor said \"" + strings.Repeat("the ferry will run, and the island will wait ", 60) + "for spring.\"\n"
	doc, _, qs := allQuotes(t, s, quotes.DefaultOptions)
	for _, q := range qs {
		if strings.HasSuffix(doc.Text[q.Content.Start:q.Content.End], "for spring.\"") {
			return
		}
	}
	t.Errorf("the quotation is cut: %v", qs)
}
