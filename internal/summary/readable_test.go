package summary

import (
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

// TestQuotedQuestionPenalised: penalise lowers the score of a question
// inside a quotation, also one in a sentence of its own inside a longer
// quotation, and not that of the quotation's other sentences; a plain
// question loses questionPenalty.
func TestQuotedQuestionPenalised(t *testing.T) {
	sents := [][]string{
		strings.Fields(`ferry crews on the kellan estuary stopped work on monday .`),
		strings.Fields(`union organiser bridget colm said : " night crossings are twice as risky .`),
		strings.Fields(`why should crews cross in the dark for the same pay ?`),
		strings.Fields(`the company has no answer . "`),
		strings.Fields(`" who pays for the extra boats ? " asked a commuter .`),
		strings.Fields(`talks resume on wednesday .`),
		strings.Fields(`so who will pay for the night boats ?`),
	}
	scores := make([]float64, len(sents))
	penalise(sents, scores, make([]uint8, len(sents)))
	for i, want := range []bool{false, false, true, false, true, false, false} {
		if got := scores[i] <= -quotedQuestionPenalty; got != want {
			t.Errorf("sentence %d %q: score %.2f, penalised as a quoted question %v, want %v", i, sents[i], scores[i], got, want)
		}
	}
	// a plain question ("So who ...?", also a connective opener)
	if want := -questionPenalty - danglingPenalty - connectivePenalty; questionPenalty <= 0 || scores[6] != want {
		t.Errorf("plain question: score %.2f, want %.2f (questionPenalty %.2f)", scores[6], want, questionPenalty)
	}
}

// TestQuestionKind: questions inside quotations, plain questions and
// other sentences.
func TestQuestionKind(t *testing.T) {
	for _, c := range []struct {
		s    string
		open bool
		want int
	}{
		{`why did the bridge close ?`, true, questionQuoted},
		{`" why did the bridge close ? "`, false, questionQuoted},
		{`" why did the bridge close ?`, false, questionQuoted},
		{`why did the bridge close ? " she asked .`, false, questionQuoted},
		{`" who pays ? " asked the mayor .`, false, questionQuoted},
		{`" the bridge is shut , " she said . why ?`, false, questionPlain},
		{`why did the bridge close ?`, false, questionPlain},
		{`the bridge closed .`, false, questionNone},
	} {
		if got := questionKind(strings.Fields(c.s), c.open); got != c.want {
			t.Errorf("questionKind(%q, %v) = %d, want %d", c.s, c.open, got, c.want)
		}
	}
}

// TestClausePronounLeans: "Speaking at ..., he said" leans on the
// sentence that named him; a clause with no pronoun subject after it
// does not.
func TestClausePronounLeans(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"speaking at the opening of the new depot , he said the fleet would double .", true},
		{"after the vote , they walked out of the chamber .", true},
		{"after the vote , the council walked out of the chamber .", false},
		{"speaking to reporters , the minister said little .", false},
	} {
		if got := Dangling(strings.Fields(c.s)); got != c.want {
			t.Errorf("Dangling(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// vanStory's sentence 2 opens with "But" and scores above sentence 3 when
// the dangling penalty is off.
const vanStory = `Brightwater Motors will sell its new electric delivery van from June.
The event was short.
But the battery model will cost 21,000 pounds, as much as a diesel Brightwater van.
Brightwater said the electric van has a range of 300 miles.
The Dunmore plant employs 900 people.
Sales of electric vans rose by a third last year.
The weather at the launch was cold.
Its shares rose 3% on the news.`

// TestLeaningSentenceKeepsItsPredecessor: a sentence that leans on the
// one before it is a summary sentence only with it. The dangling penalty
// is switched off so that the model alone would choose "But ..." without
// the sentence before it (checked: the test can fail).
func TestLeaningSentenceKeepsItsPredecessor(t *testing.T) {
	s := mustLoad(t)
	doc := text.Analyze(vanStory)
	low := lowerAll(doc.Tokens, nil)
	sents := make([][]string, len(doc.Sentences))
	for i, sn := range doc.Sentences {
		sents[i] = low[sn.First:sn.Last]
	}
	orphans := func() []int {
		var out []int
		got := s.Summarize(doc, 3)
		for _, i := range got {
			if i > 0 && lean(sents, i) && !slices.Contains(got, i-1) {
				out = append(out, i)
			}
		}
		return out
	}
	dp, lm := danglingPenalty, leanMode
	defer func() { danglingPenalty, leanMode = dp, lm }()
	danglingPenalty = 0
	leanMode = leanNone
	if len(orphans()) == 0 {
		t.Errorf("without the rule no summary sentence leans on one left out: the test cannot fail")
	}
	leanMode = lm
	if o := orphans(); len(o) > 0 {
		t.Errorf("summary %v: sentences %v lean on sentences left out", s.Summarize(doc, 3), o)
	}
}
