package text

import (
	"slices"
	"testing"
)

func sentenceTexts(s string) []string {
	d := Analyze(s)
	var out []string
	for _, sn := range d.Sentences {
		out = append(out, s[sn.Start:sn.End])
	}
	return out
}

// A text without capitals (a lower-cased corpus) ends a sentence at a stop
// before a lower-case word, but not after a title, an initial or a company
// form whose period the tokeniser split off, and after an abbreviation only
// before a pronoun or determiner.
func TestSentencesCaseless(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"the ferry left at noon. nobody was hurt. crews arrived later.",
			[]string{"the ferry left at noon.", "nobody was hurt.", "crews arrived later."}},
		{"mr. okafor met dr. lindqvist in st. paul. they spoke for an hour.",
			[]string{"mr. okafor met dr. lindqvist in st. paul.", "they spoke for an hour."}},
		{"the deal with brandt co. for $2 billion closed. harold t. wexley jr. was pleased.",
			[]string{"the deal with brandt co. for $2 billion closed.", "harold t. wexley jr. was pleased."}},
		{"the vote ended at 9 p.m. the count began at once. it pits cats vs. the dogs, e.g. the terriers.",
			[]string{"the vote ended at 9 p.m.", "the count began at once.", "it pits cats vs. the dogs, e.g. the terriers."}},
		{"sales at pell inc. rose. the board met.",
			[]string{"sales at pell inc. rose.", "the board met."}},
	} {
		if got := sentenceTexts(c.text); !slices.Equal(got, c.want) {
			t.Errorf("%q:\n got  %q\n want %q", c.text, got, c.want)
		}
	}
	// with a capital the next word's case decides, as before
	s := "Mr. Okafor met Dr. Lindqvist. the count began."
	if got := sentenceTexts(s); len(got) != 1 {
		t.Errorf("%q: %q", s, got)
	}
}
