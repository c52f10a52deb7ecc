package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/text"
)

// TestPooledStateKeepsNoDocument: the state Extract returns to statePool
// holds neither the text of the document it served (which the pool would
// keep alive) nor the pieces of a very long one.
func TestPooledStateKeepsNoDocument(t *testing.T) {
	doc := text.Analyze(strings.Repeat("The talks resume on Monday, 12 March 2024, officials said. ", 8000))
	if es := Extract(doc, time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)); len(es) == 0 {
		t.Fatal("no expressions")
	}
	// the pool gives back what this goroutine put last (unless the race
	// detector dropped it, or the goroutine moved: then a new state)
	st := statePool.Get().(*state)
	defer statePool.Put(st)
	if st.text != "" || cap(st.ps) > maxPooledPieces {
		t.Errorf("pooled state: text of %d bytes, pieces cap %d (at most %d)", len(st.text), cap(st.ps), maxPooledPieces)
	}
	st2 := new(state)
	st2.reset(doc, time.Time{}, false)
	if len(st2.ps) <= maxPooledPieces {
		t.Errorf("%d pieces: the test needs more than %d", len(st2.ps), maxPooledPieces)
	}
}
