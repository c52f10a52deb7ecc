package stats

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/text"
)

// TestComputeCancelled: on a 1 MB text whose request is cancelled, Compute
// stops within a few milliseconds of CPU, and a live context changes
// nothing.
func TestComputeCancelled(t *testing.T) {
	para := "The regional council approved the budget on Tuesday after a long and occasionally bitter debate. " +
		"Opposition members said the plan would raise rents in the old town. \"We will appeal,\" one said.\n\n"
	doc := text.Analyze(strings.Repeat(para, (1<<20)/len(para)))
	want := Compute(doc)

	ctx, cancel := context.WithCancel(context.Background())
	if got := Compute(doc.WithContext(ctx)); got != want {
		t.Fatalf("with a live context: %+v, without: %+v", got, want)
	}
	cancel()
	unlock := cputime.LockThread()
	c0 := cputime.Thread()
	got := Compute(doc)
	cpu := cputime.Thread() - c0
	unlock()
	t.Logf("cancelled: %v of CPU on %d tokens", cpu, len(doc.Tokens))
	if got.Words >= want.Words {
		t.Errorf("cancelled: %d words counted, the full %d: did not stop", got.Words, want.Words)
	}
	if cpu > 10*time.Millisecond*raceSlowdown {
		t.Errorf("cancelled Compute took %v of CPU", cpu)
	}
}
