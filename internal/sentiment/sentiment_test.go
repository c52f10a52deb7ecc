package sentiment

import (
	"context"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

var (
	loadOnce sync.Once
	model    *Model
	tagger   *pos.Tagger
	loadErr  error
)

func mustLoad(tb testing.TB) *Model {
	tb.Helper()
	loadOnce.Do(func() {
		model, loadErr = Load()
		if loadErr == nil {
			tagger, loadErr = pos.Load()
		}
	})
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return model
}

// spansOf returns the byte spans of every occurrence of name in s.
func spansOf(s, name string) []text.Span {
	var out []text.Span
	for off := 0; ; {
		i := strings.Index(s[off:], name)
		if i < 0 {
			return out
		}
		out = append(out, text.Span{Start: off + i, End: off + i + len(name)})
		off += i + len(name)
	}
}

func TestTarget(t *testing.T) {
	m := mustLoad(t)
	tests := []struct {
		name, text, target string
		sign               int // -1 negative, 0 near zero, +1 positive
	}{
		{"praise", "Colleagues praised Maria Lindqvist as a brilliant, honest and generous leader who transformed the city for the better.", "Maria Lindqvist", 1},
		{"praise2", "Voters admire Governor Okafor, whose courageous reforms have been a remarkable success.", "Governor Okafor", 1},
		{"accusation", "The defence minister called the Nordic Council's statement a big political lie and accused the Nordic Council of hypocrisy.", "Nordic Council", -1},
		{"political lie", "The defence minister of Freedonia called the statement by Sylvania a big political lie.", "Sylvania", -1},
		{"political lie 2", "General Moreau dismissed the joint statement of the Baltic states as a big political lie.", "Baltic states", -1},
		{"scandal", "Prosecutors charged Senator Pell with fraud after a corruption scandal that disgraced Senator Pell and destroyed his career.", "Senator Pell", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyze(tt.text)
			ms := spansOf(tt.text, tt.target)
			s := m.Target(doc, ms)
			p := m.TargetProbs(doc, ms)
			t.Logf("%s: score %.3f magnitude %.3f probs %.2f", tt.target, s.Score, s.Magnitude, p)
			checkRange(t, s)
			switch tt.sign {
			case 1:
				if s.Score <= ClassBand {
					t.Errorf("score %.3f, want positive (above %v)", s.Score, ClassBand)
				}
			case -1:
				if s.Score >= -ClassBand {
					t.Errorf("score %.3f, want negative (below -%v)", s.Score, ClassBand)
				}
			case 0:
				if math.Abs(s.Score) > ClassBand {
					t.Errorf("score %.3f, want neutral (within ±%v)", s.Score, ClassBand)
				}
			}
		})
	}
}

func TestTargetNeutral(t *testing.T) {
	// plain reports: each close to 0, and near 0 on average
	m := mustLoad(t)
	tests := []struct{ text, target string }{
		{"Finance Minister Arlo Brandt will meet his counterparts in Brussels on Tuesday to discuss the budget.", "Arlo Brandt"},
		{"The committee, chaired by Senator Dana Holt, will hold hearings next month.", "Dana Holt"},
		{"Mayor Jon Peters announced on Friday that the city would publish its annual report in March.", "Jon Peters"},
		{"Kaya Lund, a spokeswoman for the ministry, said the talks would continue next week.", "Kaya Lund"},
		{"President Okoro arrived in Geneva on Sunday for a two-day visit.", "President Okoro"},
		{"Governor Marsh signed the bill into law on Wednesday.", "Governor Marsh"},
	}
	var sum float64
	for _, tt := range tests {
		doc := analyze(tt.text)
		s := m.Target(doc, spansOf(tt.text, tt.target))
		checkRange(t, s)
		t.Logf("%-16s %+.3f", tt.target, s.Score)
		if math.Abs(s.Score) > ClassBand {
			t.Errorf("%s: score %.3f, want neutral (within ±%v)", tt.target, s.Score, ClassBand)
		}
		sum += math.Abs(s.Score)
	}
	if mean := sum / float64(len(tests)); mean > 0.2 {
		t.Errorf("mean |score| of neutral reports %.3f, want < 0.2", mean)
	}
}

func TestTargetContrast(t *testing.T) {
	// one sentence, two entities, opposite treatment
	m := mustLoad(t)
	s := "Director Ruiz praised Ambassador Chen for her wise leadership, but called Commissioner Volkov a dishonest liar."
	doc := analyze(s)
	chen := m.Target(doc, spansOf(s, "Ambassador Chen"))
	volkov := m.Target(doc, spansOf(s, "Commissioner Volkov"))
	t.Logf("Chen %+v, Volkov %+v", chen, volkov)
	if chen.Score <= ClassBand || volkov.Score >= -ClassBand {
		t.Errorf("Chen %.3f, Volkov %.3f: want positive and negative", chen.Score, volkov.Score)
	}
}

func TestSentencesAndDocument(t *testing.T) {
	m := mustLoad(t)
	s := "The festival was a wonderful success and the crowd loved every minute. " +
		"The council meets on Thursday at the town hall. " +
		"The attack killed twelve people and left the town in grief and fear."
	doc := analyze(s)
	ss := m.Sentences(doc)
	if len(ss) != len(doc.Sentences) {
		t.Fatalf("%d scores for %d sentences", len(ss), len(doc.Sentences))
	}
	for i, sc := range ss {
		t.Logf("sentence %d: %+v", i, sc)
		checkRange(t, sc)
	}
	if len(ss) == 3 {
		if ss[0].Score <= ClassBand {
			t.Errorf("praise sentence %.3f, want positive", ss[0].Score)
		}
		if math.Abs(ss[1].Score) > ClassBand {
			t.Errorf("neutral sentence %.3f, want near 0", ss[1].Score)
		}
		if ss[2].Score >= -ClassBand {
			t.Errorf("attack sentence %.3f, want negative", ss[2].Score)
		}
	}
	d := m.Document(doc, ss)
	checkRange(t, d)
	var sum, wsum, wn float64
	for i, sc := range ss {
		sum += sc.Magnitude
		if math.Abs(sc.Magnitude-math.Abs(sc.Score)) > 1e-12 {
			t.Errorf("sentence %d: magnitude %v, want |score| %v", i, sc.Magnitude, math.Abs(sc.Score))
		}
		n := float64(doc.Sentences[i].Last - doc.Sentences[i].First)
		wsum += n * sc.Score
		wn += n
	}
	if math.Abs(d.Magnitude-sum) > 1e-9 {
		t.Errorf("document magnitude %.3f, want sum of sentence magnitudes %.3f", d.Magnitude, sum)
	}
	// the article's score is the token-weighted mean of its sentences'
	if want := wsum / wn; math.Abs(d.Score-want) > 1e-9 {
		t.Errorf("document score %.4f, want the token-weighted mean of sentence scores %.4f", d.Score, want)
	}
	t.Logf("document %+v", d)
}

func TestEdgeCases(t *testing.T) {
	m := mustLoad(t)
	empty := text.Analyze("")
	if got := m.Sentences(empty); len(got) != 0 {
		t.Errorf("Sentences(empty) = %v", got)
	}
	if got := m.Document(empty, nil); got != (Score{}) {
		t.Errorf("Document(empty) = %v", got)
	}
	doc := text.Analyze("Nothing to see here.")
	if got := m.Target(doc, nil); got != (Score{}) {
		t.Errorf("Target(no mentions) = %v", got)
	}
	// mentions out of range or unsorted must not panic
	_ = m.Target(doc, []text.Span{{Start: 100, End: 120}, {Start: 0, End: 7}})
}

// analyze tokenises and tags s as the pipeline does before sentiment.
func analyze(s string) *text.Document {
	d := text.Analyze(s)
	tagger.Tag(d)
	return d
}

func checkRange(t *testing.T, s Score) {
	t.Helper()
	if s.Score < -1 || s.Score > 1 || math.IsNaN(s.Score) {
		t.Errorf("score %v out of [-1, 1]", s.Score)
	}
	if s.Magnitude < 0 || math.IsNaN(s.Magnitude) {
		t.Errorf("magnitude %v < 0", s.Magnitude)
	}
}

func TestConcurrent(t *testing.T) {
	m := mustLoad(t)
	s := "Critics accused Mayor Ortiz of wasting public money. Mayor Ortiz rejected the claims."
	doc := analyze(s)
	ms := spansOf(s, "Mayor Ortiz")
	want := m.Target(doc, ms)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if got := m.Target(doc, ms); got != want {
					t.Errorf("concurrent Target = %v, want %v", got, want)
					return
				}
				m.Sentences(doc)
			}
		}()
	}
	wg.Wait()
}

func TestLoadFSErrors(t *testing.T) {
	if _, err := LoadFS(modelFS, "model/missing.bin.gz"); err == nil {
		t.Error("LoadFS of a missing file: no error")
	}
}

func TestCancel(t *testing.T) {
	m := mustLoad(t)
	// about 1 MB of text written for the test
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString("Mayor Ortiz praised the new bridge, but critics called the project a costly mistake. ")
	}
	doc := text.Analyze(b.String())
	ms := spansOf(doc.Text, "Mayor Ortiz")
	ctx, cancel := context.WithCancel(context.Background())
	doc.WithContext(ctx)
	cancel()
	start := time.Now()
	ss := m.Sentences(doc)
	m.Target(doc, ms)
	m.TargetProbs(doc, ms)
	if d := time.Since(start); d > 20*time.Millisecond {
		t.Errorf("cancelled calls took %v, want well under 50ms", d)
	}
	if len(ss) != len(doc.Sentences) {
		t.Errorf("%d scores for %d sentences", len(ss), len(doc.Sentences))
	}
	// results are unchanged by a context that is not done
	small := analyze("Mayor Ortiz praised the new bridge. Critics called the project a costly mistake.")
	want, wantT := m.Sentences(small), m.Target(small, spansOf(small.Text, "Mayor Ortiz"))
	small.WithContext(context.Background())
	if got := m.Sentences(small); !equalScores(got, want) {
		t.Errorf("Sentences with a live context %v, want %v", got, want)
	}
	if got := m.Target(small, spansOf(small.Text, "Mayor Ortiz")); got != wantT {
		t.Errorf("Target with a live context %v, want %v", got, wantT)
	}
}

func equalScores(a, b []Score) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestDocCache checks that the per-document cache of prepared sentences
// gives what preparing the sentence afresh gives, and is not taken for
// another document of the same shape.
func TestDocCache(t *testing.T) {
	m := mustLoad(t)
	d1 := analyze("Critics attacked Mara Holt over the failed plan. She praised the nurses.")
	d2 := analyze("Voters cheered Mara Holt after the clever plan. She thanked the nurses.")
	if len(d1.Tokens) != len(d2.Tokens) || len(d1.Sentences) != len(d2.Sentences) {
		t.Fatalf("test documents differ in shape: %d/%d tokens", len(d1.Tokens), len(d2.Tokens))
	}
	sc := &scratch{}
	for _, d := range []*text.Document{d1, d2, d1} {
		for si := range d.Sentences {
			got := m.docSentence(sc, d, si)
			var want sentence
			want.prepare(d.SentenceTokens(si), m.words)
			if !slices.Equal(got.word, want.word) || !slices.Equal(got.val, want.val) || !slices.Equal(got.neg, want.neg) ||
				!slices.Equal(got.vec, want.vec) || !slices.Equal(got.vsc, want.vsc) || !slices.Equal(got.flag, want.flag) {
				t.Fatalf("sentence %d of %q: cached values differ from a fresh prepare", si, d.Text)
			}
		}
	}
	// the same scores through the cache as each document alone
	ms1, ms2 := spansOf(d1.Text, "Mara Holt"), spansOf(d2.Text, "Mara Holt")
	a1, a2 := m.TargetProbs(d1, ms1), m.TargetProbs(d2, ms2)
	if a1 == a2 {
		t.Fatalf("the two documents scored alike: %v", a1)
	}
	if b2 := m.TargetProbs(analyze(d2.Text), ms2); b2 != a2 {
		t.Errorf("cached %v, fresh %v", a2, b2)
	}
}

// TestScoreOfReadsArgmax checks on a grid of class probabilities that a
// score read by ClassBand is the most probable class, that it stays in
// [-1, 1] with the sign of P(positive) - P(negative), and that it is
// continuous where neutral gives way to a polar class.
func TestScoreOfReadsArgmax(t *testing.T) {
	const n = 200
	for i := 0; i <= n; i++ {
		for j := 0; i+j <= n; j++ {
			p := [3]float64{float64(i) / n, float64(j) / n, float64(n-i-j) / n}
			if p[0] == p[1] || p[1] == p[2] || p[0] == p[2] {
				continue // ties have no single most probable class
			}
			s := ScoreOf(p)
			if s < -1 || s > 1 || math.IsNaN(s) {
				t.Fatalf("%v: score %v out of [-1, 1]", p, s)
			}
			if d := p[Positive] - p[Negative]; d*s < 0 {
				t.Fatalf("%v: score %v against P(pos) - P(neg) %v", p, s, d)
			}
			read := Neutral
			if s > ClassBand {
				read = Positive
			} else if s < -ClassBand {
				read = Negative
			}
			best := 0
			for c := 1; c < 3; c++ {
				if p[c] > p[best] {
					best = c
				}
			}
			if read != best {
				t.Fatalf("%v: score %.4f reads %d, most probable %d", p, s, read, best)
			}
		}
	}
	// either side of the neutral / positive boundary (P(neu) = P(pos))
	for _, neg := range []float64{0, 0.1, 0.3} {
		a := ScoreOf([3]float64{neg, (1 - neg) / 2, (1 - neg) / 2})
		b := ScoreOf([3]float64{neg, (1-neg)/2 - 1e-9, (1-neg)/2 + 1e-9})
		if math.Abs(a-ClassBand) > 1e-6 || math.Abs(b-ClassBand) > 1e-6 {
			t.Errorf("P(neg) %v: scores %v and %v at the boundary, want %v", neg, a, b, ClassBand)
		}
	}
	if s := ScoreOf([3]float64{0, 1, 0}); s != 0 {
		t.Errorf("certainly neutral: score %v, want 0", s)
	}
	if s := ScoreOf([3]float64{0, 0, 1}); s != 1 {
		t.Errorf("certainly positive: score %v, want 1", s)
	}
}

// TestScoreOfDegenerate checks the probabilities the grid of
// TestScoreOfReadsArgmax leaves out: ties of the two polar classes score 0
// (no leaning, read neutral by any band), NaN scores 0, and probabilities
// that do not sum to 1 stay in [-1, 1] with the sign of P(pos) - P(neg).
func TestScoreOfDegenerate(t *testing.T) {
	nan := math.NaN()
	for _, p := range [][3]float64{
		{0, 0, 0}, {0.5, 0, 0.5}, {0.4, 0.2, 0.4}, {1.0 / 3, 1.0 / 3, 1.0 / 3},
		{nan, 0.5, 0.5}, {0.2, nan, 0.3}, {nan, nan, nan},
	} {
		if s := ScoreOf(p); s != 0 {
			t.Errorf("%v: score %v, want 0", p, s)
		}
	}
	for _, p := range [][3]float64{
		{0, 0.7, 2}, {0, 1.5, 3}, {2, 0.7, 0}, {0.1, 0.1, 0.2}, {0, 0, 5}, {0.3, 2, 0.1}, {-1, 0, 0.5},
	} {
		s := ScoreOf(p)
		if math.IsNaN(s) || s < -1 || s > 1 || s*(p[Positive]-p[Negative]) <= 0 {
			t.Errorf("%v: score %v, want in [-1, 1] with the sign of %v", p, s, p[Positive]-p[Negative])
		}
	}
	// nearly tied polar classes with little neutral read polar either way
	if a, b := ScoreOf([3]float64{0.45, 0.1, 0.45 + 1e-9}), ScoreOf([3]float64{0.45 + 1e-9, 0.1, 0.45}); a <= ClassBand || b >= -ClassBand {
		t.Errorf("near-tie scores %v, %v, want beyond ±%v", a, b, ClassBand)
	}
}
