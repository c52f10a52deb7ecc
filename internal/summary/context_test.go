package summary

import (
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

func TestDangling(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		{"but the board rejected the offer .", true},
		{"however , the plan was dropped .", true},
		{"he said the talks would go on .", true},
		{"“ they will not win , ” she said .", true},
		{"this means higher fares for commuters .", true},
		{"in addition , the council will hire staff .", true},
		{"this year the harvest was late .", false},
		{"the mayor opened the bridge on monday .", false},
		{"butter prices rose again .", false},
		{"heat waves are getting longer .", false},
	}
	for _, c := range cases {
		if got := Dangling(strings.Fields(c.s)); got != c.want {
			t.Errorf("Dangling(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

const headlined = `Harbour town votes for new ferry

The town council of Westmere voted on Tuesday to buy a new electric ferry for the harbour crossing, ending two years of debate over the ageing diesel boat.
The ferry will cost four million pounds and should enter service in the spring of next year, the council said.
Councillor Amira Hale, who led the campaign, said the vote was a victory for the people who cross the harbour every day.
The old ferry, built in 1968, has broken down eleven times this year.
Local shops sell ice cream near the pier.
The harbour master will train the new crew over the winter.
A public meeting on the timetable is planned for next month.`

func TestHeadlineNeverSummarised(t *testing.T) {
	s := mustLoad(t)
	doc := text.Analyze(headlined)
	if len(doc.Sentences) < 8 || strings.TrimSpace(doc.Text[doc.Sentences[0].Start:doc.Sentences[0].End]) != "Harbour town votes for new ferry" {
		t.Fatalf("the tokeniser does not make the headline the first sentence")
	}
	for _, n := range []int{1, 3, 5} {
		if got := s.Summarize(doc, n); slices.Contains(got, 0) || len(got) != n {
			t.Errorf("Summarize(%d) = %v: holds the headline (0) or the wrong count", n, got)
		}
	}
	// an unmarked first line counts as the headline when it is the title
	plain := strings.Replace(headlined, "\n\n", "\n", 1)
	doc = text.Analyze(plain)
	if strings.TrimSpace(doc.Text[doc.Sentences[0].Start:doc.Sentences[0].End]) == "Harbour town votes for new ferry" {
		if got := s.SummarizeTitled(doc, 3, " harbour town votes for new ferry "); slices.Contains(got, 0) {
			t.Errorf("SummarizeTitled = %v: holds the title (0)", got)
		}
	}
	// a first sentence that ends with a stop is the article's lead
	lead := "The town council of Westmere voted on Tuesday.\n\n" + headlined[strings.Index(headlined, "The ferry will"):]
	if !slices.Contains(s.Summarize(text.Analyze(lead), 3), 0) {
		t.Errorf("a stopped first line was taken for a headline")
	}
}

// TestPenalise: only sentences after the first that lean on the one before
// lose danglingPenalty.
func TestPenalise(t *testing.T) {
	sents := [][]string{
		strings.Fields("but the first sentence has nothing before it ."),
		strings.Fields("the bank raised its rate on thursday ."),
		strings.Fields("but the bank said it would be the last rise ."),
		strings.Fields("he said the rise was needed ."),
		strings.Fields("economists had expected the bank to wait ."),
	}
	scores := []float64{1, 1, 1, 1, 1}
	penalise(sents, scores, make([]uint8, len(sents)))
	want := []float64{1, 1, 1 - danglingPenalty, 1 - danglingPenalty, 1}
	if !slices.Equal(scores, want) {
		t.Errorf("penalise: scores %v, want %v", scores, want)
	}
}

// TestMidQuote: features marks the sentences that hold an odd number of
// quotation marks (part of a longer quotation).
func TestMidQuote(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		{`" the ferry will run all winter .`, true},
		{`we expect a busy spring , " she added .`, true},
		{`" it is a fine boat , " the captain said .`, false},
		{"the council met on tuesday .", false},
		{"“ we will build it , ” he said , “ and soon .", true},
		{"`` it is late , '' she said .", false},
	}
	var sents [][]string
	for _, c := range cases {
		sents = append(sents, strings.Fields(c.s))
	}
	sc := &scratch{}
	features(sents, nil, sc)
	for i, c := range cases {
		if got := sc.quoted[i] == quoteOdd; got != c.want {
			t.Errorf("odd quotation marks in %q: %v, want %v", c.s, got, c.want)
		}
	}
}

func TestExpletiveIt(t *testing.T) {
	cases := []struct {
		s    string
		want bool // Dangling
	}{
		{"it is unlikely that the bridge will open this year .", false},
		{"it was not clear whether the mayor would attend .", false},
		{"it is thought the fire began in the kitchen .", false},
		{"it is the largest ferry in the fleet .", true},
		{"it will cost four million pounds .", true},
		{"it is expected to cost four million pounds .", true},
		{"it was thought to be the oldest ferry on the coast .", true},
		{"it is unlikely to open before june .", true},
		{"it is hard to say when the ferry will sail .", false},
		{"it is expected that the ferry will sail in june .", false},
	}
	for _, c := range cases {
		if got := Dangling(strings.Fields(c.s)); got != c.want {
			t.Errorf("Dangling(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestMidQuotePenalty checks that a sentence cut out of a longer quotation
// gives way to one that stands alone.
func TestMidQuotePenalty(t *testing.T) {
	sents := [][]string{
		strings.Fields("the harbour ferry will run all winter , the council said on tuesday ."),
		strings.Fields(`" we expect a busy season on the harbour ferry .`),
		strings.Fields("the old diesel ferry was built in 1968 ."),
	}
	scores := []float64{1, 1, 1}
	sc := &scratch{}
	features(sents, nil, sc)
	penalise(sents, scores, sc.quoted)
	if !(scores[1] < scores[0] && scores[1] < scores[2]) {
		t.Fatalf("scores %v: the sentence inside a quotation is not lowered", scores)
	}
}

// TestBareQuote: a sentence that is one whole quotation without its
// speaker is marked, and penalised.
func TestBareQuote(t *testing.T) {
	cases := []struct {
		s    string
		want uint8
	}{
		{`" the new ferry is a fine boat . "`, quoteBare},
		{`" the new ferry is a fine boat , " the captain said .`, 0},
		{`" the new ferry is a fine boat , " said the captain .`, 0},
		{`" the new ferry is a fine boat .`, quoteOdd},
		{"the council met on tuesday .", 0},
	}
	var sents [][]string
	for _, c := range cases {
		sents = append(sents, strings.Fields(c.s))
	}
	sc := &scratch{}
	features(sents, nil, sc)
	for i, c := range cases {
		if sc.quoted[i] != c.want {
			t.Errorf("quotation marks of %q: %d, want %d", c.s, sc.quoted[i], c.want)
		}
	}
	scores := make([]float64, len(sents))
	penalise(sents, scores, sc.quoted)
	if scores[0] >= scores[1] {
		t.Errorf("scores %v: the quotation without its speaker is not lowered", scores)
	}
}
