package timex

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/text"
)

// longNews is about n bytes of news text written for this test, with a
// time expression in most sentences.
func longNews(n int) string {
	sents := []string{
		"The council met on Tuesday to discuss the budget for next year.",
		"Two weeks ago, the minister promised a decision by the end of March.",
		"Sales rose 4 percent in the third quarter, the company said on Sept. 20.",
		"The bridge, built in the 1990s, will close for three months from June 1.",
		"Residents have waited more than ten years for the new station.",
		"Talks resumed this morning and will continue every Monday until the summer.",
		"Nobody was hurt in the fire, the police said.",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(sents[i%len(sents)])
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// TestExtractCancelled: on a 1 MB article whose request is cancelled,
// Extract stops within a few milliseconds of CPU (the issue-9 target is
// 50 ms from the cancel to the CPU going idle), and a live context changes
// nothing.
func TestExtractCancelled(t *testing.T) {
	doc := text.Analyze(longNews(1 << 20))
	want := Extract(doc, anchor)

	ctx, cancel := context.WithCancel(context.Background())
	if got := Extract(doc.WithContext(ctx), anchor); !reflect.DeepEqual(got, want) {
		t.Fatalf("with a live context: %d expressions, without: %d", len(got), len(want))
	}
	cancel()
	unlock := cputime.LockThread()
	c0 := cputime.Thread()
	got := Extract(doc, anchor)
	cpu := cputime.Thread() - c0
	unlock()
	t.Logf("cancelled: %v of CPU on %d bytes (%d expressions uncancelled)", cpu, len(doc.Text), len(want))
	if len(got) >= len(want) {
		t.Errorf("cancelled: %d expressions, the full %d: did not stop", len(got), len(want))
	}
	if cpu > 25*time.Millisecond*raceSlowdown {
		t.Errorf("cancelled Extract took %v of CPU", cpu)
	}
}
