package kpdata

import (
	"slices"
	"testing"
)

func TestMultiWord(t *testing.T) {
	got := MultiWord([]string{"oil", "crude  oil", " price ", "central\tbank rate"})
	if want := []string{"crude  oil", "central\tbank rate"}; !slices.Equal(got, want) {
		t.Errorf("MultiWord = %q, want %q", got, want)
	}
	if got := MultiWord([]string{"oil"}); got != nil {
		t.Errorf("MultiWord of single words = %q, want nil", got)
	}
}

func TestScores(t *testing.T) {
	var s Scores
	s.Add([]string{"crude oil", "prices", "bank", "x1", "x2", "central bank"}, []string{"crude oil", "price", "central banks"})
	// at 5: crude oil, prices (stemmed) of 3 gold; at 10 also central bank
	if s.All5 != (F1{Correct: 2, Predicted: 5, Gold: 3}) || s.All10 != (F1{Correct: 3, Predicted: 6, Gold: 3}) {
		t.Errorf("all keys: @5 %+v @10 %+v", s.All5, s.All10)
	}
	// multi-word gold: crude oil, central banks
	if s.Multi5 != (F1{Correct: 1, Predicted: 5, Gold: 2}) || s.Multi10 != (F1{Correct: 2, Predicted: 6, Gold: 2}) {
		t.Errorf("multi-word keys: @5 %+v @10 %+v", s.Multi5, s.Multi10)
	}
}
