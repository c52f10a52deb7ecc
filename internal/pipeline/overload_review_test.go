package pipeline

import (
	"errors"
	"testing"
	"time"
)

// The work of a large article sets the hint of the calls refused while it
// runs, not the hint that lasts: once it has ended, a refusal for a slot
// held by an average article hints about that article's time. The lasting
// hint took the large article's second and kept it (then the 5 s cap)
// long after the slot was free.
func TestOverloadHintForgetsLargeArticle(t *testing.T) {
	a := &admission{limit: 1, inFlight: 1, avgRun: 4 * time.Millisecond, avgBytes: 4000}
	hint := func() time.Duration {
		var ra RetryAfter
		if err := a.overloaded("test", "full", 0, false); !errors.As(err, &ra) {
			t.Fatalf("no retry hint in %v", err)
		}
		return time.Duration(ra)
	}
	a.work = a.estimate(1 << 20) // a 1 MiB article in the slot: about 1 s
	if h := hint(); h < 900*time.Millisecond || h > 1200*time.Millisecond {
		t.Fatalf("hint %v with a 1 MiB article in the slot; want about 1 s", h)
	}
	time.Sleep(50 * time.Millisecond)
	a.work = a.estimate(4000) // it ended; an average article holds the slot
	if h := hint(); h > 200*time.Millisecond {
		t.Errorf("hint %v with a 4 ms article in the slot, after the 1 MiB one ended; want well under a second", h)
	}
}
