package summary

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/text"
)

// longReport is about n bytes of a news report written for this test, its
// sentences shuffled and numbered so that they differ.
func longReport(n int) string {
	sents := []string{
		"The council approved the new budget on Tuesday after a long debate.",
		"Opposition members said the plan would raise rents in the old town.",
		"\"We will appeal against this decision,\" said the leader of the tenants' association.",
		"The budget includes money for %d new teachers and the repair of two bridges.",
		"Shops in the centre were closed for the afternoon.",
		"The mayor said the city had no choice after the government cut its grant by %d percent.",
		"A vote on the housing plan is expected next month.",
	}
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		s := sents[r.IntN(len(sents))]
		s = strings.Replace(s, "%d", string(rune('1'+r.IntN(9)))+string(rune('0'+r.IntN(10))), 1)
		b.WriteString(s)
		if i%6 == 5 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// TestSummarizeCancelled: on a 1 MB article whose request is cancelled,
// Summarize stops within a few milliseconds of CPU; a live context
// changes nothing.
func TestSummarizeCancelled(t *testing.T) {
	s := mustLoad(t)
	doc := text.Analyze(longReport(1 << 20))
	want := s.Summarize(doc, 3)
	if len(want) != 3 {
		t.Fatalf("uncancelled: %v", want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if got := s.Summarize(doc.WithContext(ctx), 3); !slices.Equal(got, want) {
		t.Fatalf("with a live context: %v, without: %v", got, want)
	}
	cancel()
	// cancelled while Summarize runs: at its tenth look at doc.Err (a
	// sleep before the cancel raced with a fast run, which then finished)
	var got []int
	cpu := cputime.Run(func() { got = s.Summarize(doc.WithContext(cputime.CancelAfter(context.Background(), 10)), 3) })
	t.Logf("cancelled during the run: %v of CPU", cpu)
	if got != nil {
		t.Errorf("cancelled during the run: %v, want nil", got)
	}
	doc.WithContext(ctx)
	unlock := cputime.LockThread()
	c0 := cputime.Thread()
	got = s.Summarize(doc, 3)
	cpu = cputime.Thread() - c0
	unlock()
	t.Logf("already cancelled: %v of CPU on %d sentences", cpu, len(doc.Sentences))
	if got != nil || cpu > 5*time.Millisecond*raceSlowdown {
		t.Errorf("already cancelled: %v after %v of CPU", got, cpu)
	}
}

// TestCentralityRank: the sorted-copy rank equals the pairwise count of
// more central sentences, ties included.
func TestCentralityRank(t *testing.T) {
	sents := [][]string{
		strings.Fields("the council approved the budget"),
		strings.Fields("the council approved the budget"), // a tie
		strings.Fields("rents in the old town will rise"),
		strings.Fields("the budget raises rents"),
		strings.Fields("shops were closed"),
		strings.Fields("council budget rents town"),
	}
	f := Features(sents)
	var cent []float64
	for _, v := range f {
		cent = append(cent, v[15])
	}
	for i := range sents {
		rank := 0
		for j := range sents {
			if cent[j] > cent[i] {
				rank++
			}
		}
		if got, want := f[i][16], float64(rank)/float64(len(sents)); got != want {
			t.Errorf("sentence %d: rank feature %v, want %v (centralities %v)", i, got, want, cent)
		}
	}
}
