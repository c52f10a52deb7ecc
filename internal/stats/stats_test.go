package stats

import (
	"math"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

func TestSyllables(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"cat", 1},
		{"the", 1},
		{"make", 1},
		{"table", 2},
		{"water", 2},
		{"walked", 1},
		{"wanted", 2},
		{"hopes", 1},
		{"boxes", 2},
		{"beautiful", 3},
		{"information", 4},
		{"government", 3},
		{"minister", 3},
		{"yesterday", 3},
		{"anybody", 4},
		{"2024", 1},
		{"Parliament", 3},
	}
	for _, tt := range tests {
		if got := Syllables(tt.word); got != tt.want {
			t.Errorf("Syllables(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestCompute(t *testing.T) {
	doc := text.Analyze("The cat sat on the mat. It was happy.\n\nThe dog was not.")
	st := Compute(doc)
	if st.Words != 13 {
		t.Errorf("Words = %d, want 13", st.Words)
	}
	if st.Sentences != 3 {
		t.Errorf("Sentences = %d, want 3", st.Sentences)
	}
	if st.Paragraphs != 2 {
		t.Errorf("Paragraphs = %d, want 2", st.Paragraphs)
	}
	if want := 13 * 60.0 / WordsPerMinute; math.Abs(st.ReadingTimeSeconds-want) > 1e-9 {
		t.Errorf("ReadingTimeSeconds = %v, want %v", st.ReadingTimeSeconds, want)
	}
	// short words in short sentences read very easily
	if st.Readability < 90 {
		t.Errorf("Readability = %.1f, want > 90 for a children's text", st.Readability)
	}
}

func TestReadabilityOrdersTexts(t *testing.T) {
	easy := Compute(text.Analyze("We went home. The sun was out. We had a good day."))
	hard := Compute(text.Analyze("The intergovernmental commission's preliminary evaluation " +
		"characterised the administration's macroeconomic stabilisation programme as " +
		"fundamentally unsustainable, notwithstanding considerable international assistance."))
	if !(easy.Readability > 80 && hard.Readability < 20) {
		t.Errorf("Readability easy = %.1f, hard = %.1f; want easy > 80 and hard < 20", easy.Readability, hard.Readability)
	}
}

func TestComputeEmpty(t *testing.T) {
	st := Compute(text.Analyze(""))
	if st != (Statistics{}) {
		t.Errorf("Compute(empty) = %+v, want zero", st)
	}
	st = Compute(text.Analyze("... !!!"))
	if st.Words != 0 || st.Readability != 0 || st.ReadingTimeSeconds != 0 {
		t.Errorf("Compute(punctuation) = %+v, want no words", st)
	}
}

func BenchmarkCompute(b *testing.B) {
	doc := text.Analyze("The finance minister said on Tuesday that the budget would be balanced by next year, " +
		"although economists at several banks doubted the forecast. \"We will not raise taxes,\" she told reporters.\n")
	b.ReportAllocs()
	for b.Loop() {
		Compute(doc)
	}
	b.ReportMetric(float64(len(doc.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
