package rouge

import (
	"math"
	"slices"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScore(t *testing.T) {
	got := Score([]string{"The cat sat on the mat."}, []string{"the cat was on the mat"})
	if !near(got.R1, 5.0/6) || !near(got.R2, 0.6) || !near(got.RL, 5.0/6) {
		t.Errorf("got %+v, want R1=R-L=0.8333 R2=0.6", got)
	}
	if got := Score([]string{"a b c"}, []string{"x y z"}); got != (Scores{}) {
		t.Errorf("disjoint: got %+v", got)
	}
	if got := Score(nil, []string{"x"}); got != (Scores{}) {
		t.Errorf("empty candidate: got %+v", got)
	}
}

func TestSummaryLevelLCS(t *testing.T) {
	// each reference sentence is matched by the union of its LCS with both
	// candidate sentences: 4 of 4 reference tokens, 4 of 6 candidate tokens.
	got := Score([]string{"w1 w2 x", "w3 w4 y"}, []string{"w1 w2 w3 w4"})
	p, r := 4.0/6, 1.0
	if want := 2 * p * r / (p + r); !near(got.RL, want) {
		t.Errorf("RL = %v, want %v", got.RL, want)
	}
}

func TestTokens(t *testing.T) {
	got := Tokens("Running dogs aren't `` happy '' -- 3-1!")
	want := []string{"run", "dog", "aren", "t", "happi", "3", "1"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}
