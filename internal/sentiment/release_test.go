package sentiment

import (
	"runtime"
	"testing"
)

// TestLoadRelease loads models and drops them: their huge-page tables are
// unmapped by hugemem's cleanup, and the models score as before meanwhile.
func TestLoadRelease(t *testing.T) {
	mustLoad(t) // loads the tagger too
	var first [3]float64
	for k := 0; k < 3; k++ {
		m, err := Load()
		if err != nil {
			t.Fatal(err)
		}
		d := analyze("Critics attacked Mara Holt over the failed plan.")
		p := m.TargetProbs(d, spansOf(d.Text, "Mara Holt"))
		if k == 0 {
			first = p
		} else if p != first {
			t.Fatalf("load %d scores %v, first %v", k, p, first)
		}
		runtime.GC()
	}
}
