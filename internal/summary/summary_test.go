package summary

import (
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

const sportsReport = `Northfield Rovers won the regional cup final on Saturday, beating Eastbrook United 3-1 in front of a record crowd at Millbank Park.
Striker Dana Okafor scored twice in the second half as Rovers came from a goal down to lift the cup for the first time in twenty years.
Eastbrook had taken the lead after ten minutes through a header from captain Lewis Marsh.
Okafor equalised just after the break and then put Rovers ahead with a curling shot from the edge of the area.
Substitute Tom Reyes added a third goal in stoppage time to seal the victory for Rovers.
The weather was dry but cold.
Parking near the ground was difficult.
Tickets cost twelve pounds.
"This is the best day of my career," Okafor said after the final whistle.
Rovers manager Petra Lind said the cup win showed how far the young Rovers team had come this season.
The club will parade the cup through the town centre on Sunday afternoon.`

func mustLoad(tb testing.TB) *Summarizer {
	tb.Helper()
	s, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestSummarizeSportsReport(t *testing.T) {
	s := mustLoad(t)
	doc := text.Analyze(sportsReport)
	if len(doc.Sentences) < 10 {
		t.Fatalf("tokeniser found %d sentences, want 11", len(doc.Sentences))
	}
	got := s.Summarize(doc, 3)
	if len(got) != 3 {
		t.Fatalf("Summarize returned %d sentences, want 3: %v", len(got), got)
	}
	if !slices.IsSorted(got) {
		t.Errorf("indices %v not in article order", got)
	}
	// sentences 0-4 tell the match, 9 gives the manager's view; the rest is colour
	key := []int{0, 1, 2, 3, 4, 9}
	for _, i := range got {
		if !slices.Contains(key, i) {
			t.Errorf("summary %v includes sentence %d, not one of the key sentences %v", got, i, key)
		}
		sent := doc.Text[doc.Sentences[i].Start:doc.Sentences[i].End]
		for _, filler := range []string{"weather", "Parking", "Tickets"} {
			if strings.Contains(sent, filler) {
				t.Errorf("summary picked filler sentence %d: %q", i, sent)
			}
		}
	}
}

func TestSummarizeLengths(t *testing.T) {
	s := mustLoad(t)
	doc := text.Analyze(sportsReport)
	for _, n := range []int{1, 2, 5} {
		got := s.Summarize(doc, n)
		if len(got) != n {
			t.Errorf("n=%d: got %d sentences", n, len(got))
		}
		for k, i := range got {
			if i < 0 || i >= len(doc.Sentences) || k > 0 && got[k-1] >= i {
				t.Errorf("n=%d: bad indices %v", n, got)
			}
		}
	}
	if got := s.Summarize(doc, 0); len(got) != 0 {
		t.Errorf("n=0: got %v", got)
	}
	short := text.Analyze("The council approved the budget. The vote was close.")
	if got := s.Summarize(short, 3); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("two-sentence text: got %v, want [0 1]", got)
	}
	if got := s.Summarize(text.Analyze(""), 3); len(got) != 0 {
		t.Errorf("empty text: got %v", got)
	}
}

func TestSummarizeSkipsRepeats(t *testing.T) {
	s := mustLoad(t)
	lead := "The city council voted on Tuesday to build a new bridge across the river at a cost of forty million dollars."
	doc := text.Analyze(lead + "\n" + lead + "\n" + `Work on the bridge will start next spring and should take three years.
Local businesses welcomed the decision, saying the bridge would bring more customers.
Some residents fear that traffic on the narrow streets near the river will get worse.
The mayor said the council had studied the plans for two years.`)
	got := s.Summarize(doc, 3)
	if slices.Contains(got, 0) && slices.Contains(got, 1) {
		t.Errorf("summary %v repeats the same sentence", got)
	}
}

func BenchmarkSummarize(b *testing.B) {
	s := mustLoad(b)
	doc := text.Analyze(strings.Repeat(sportsReport+"\n", 4))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Summarize(doc, 3)
	}
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		mustLoad(b)
	}
}

func FuzzSummarize(f *testing.F) {
	s := mustLoad(f)
	f.Add(sportsReport, 3)
	f.Add("One. Two! Three? Four.", 2)
	f.Add("no punctuation at all", 1)
	f.Fuzz(func(t *testing.T, in string, n int) {
		n = n%8 + 1
		if n < 1 {
			n += 8
		}
		doc := text.Analyze(in)
		got := s.Summarize(doc, n)
		if want := min(n, len(doc.Sentences)); len(got) != want {
			t.Fatalf("got %d indices, want %d", len(got), want)
		}
		for k, i := range got {
			if i < 0 || i >= len(doc.Sentences) || k > 0 && got[k-1] >= i {
				t.Fatalf("bad indices %v for %d sentences", got, len(doc.Sentences))
			}
		}
	})
}
