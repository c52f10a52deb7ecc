package pos_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"

	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

func load(tb testing.TB) *pos.Tagger {
	tb.Helper()
	t, err := pos.Load()
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func TestTag(t *testing.T) {
	tg := load(t)
	doc := text.Analyze("The minister said the two countries were expanding their military cooperation.")
	tg.Tag(doc)
	want := map[string][2]string{ // word -> tag, lemma
		"The":         {"DT", "the"},
		"minister":    {"NN", "minister"},
		"said":        {"VBD", "say"},
		"countries":   {"NNS", "country"},
		"were":        {"VBD", "be"},
		"expanding":   {"VBG", "expand"},
		"their":       {"PRP$", "their"},
		"military":    {"JJ", "military"},
		"cooperation": {"NN", "cooperation"},
		".":           {".", "."},
	}
	for _, tk := range doc.Tokens {
		w, ok := want[tk.Text]
		if !ok {
			continue
		}
		if tk.POS != w[0] || tk.Lemma != w[1] {
			t.Errorf("%s: got %s/%s, want %s/%s", tk.Text, tk.POS, tk.Lemma, w[0], w[1])
		}
	}
}

func TestProperNouns(t *testing.T) {
	tg := load(t)
	doc := text.Analyze("Sergei Shoigu flew to Tehran on Tuesday.")
	tg.Tag(doc)
	for _, tk := range doc.Tokens {
		switch tk.Text {
		case "Sergei", "Shoigu", "Tehran", "Tuesday":
			if tk.POS != "NNP" {
				t.Errorf("%s: got %s, want NNP", tk.Text, tk.POS)
			}
			if tk.Lemma != tk.Text {
				t.Errorf("%s: lemma %q", tk.Text, tk.Lemma)
			}
		case "flew":
			if tk.Lemma != "fly" {
				t.Errorf("flew: lemma %q", tk.Lemma)
			}
		}
	}
}

func TestLemma(t *testing.T) {
	cases := []struct{ word, tag, want string }{
		{"went", "VBD", "go"}, {"taken", "VBN", "take"}, {"stopped", "VBD", "stop"}, {"making", "VBG", "make"},
		{"running", "VBG", "run"}, {"hoped", "VBD", "hope"}, {"tries", "VBZ", "try"}, {"watches", "VBZ", "watch"},
		{"studied", "VBD", "study"}, {"visited", "VBD", "visit"}, {"is", "VBZ", "be"}, {"has", "VBZ", "have"},
		{"children", "NNS", "child"}, {"countries", "NNS", "country"}, {"taxes", "NNS", "tax"}, {"talks", "NNS", "talk"},
		{"analyses", "NNS", "analysis"}, {"bigger", "JJR", "big"}, {"largest", "JJS", "large"}, {"better", "JJR", "good"},
		{"Ministers", "NNS", "minister"}, {"n't", "RB", "not"}, {"ca", "MD", "can"}, {"agreed", "VBD", "agree"},
		{"used", "VBN", "use"}, {"fled", "VBD", "flee"}, {"announced", "VBD", "announce"}, {"added", "VBD", "add"},
	}
	for _, c := range cases {
		if got := pos.Lemma(c.word, c.tag); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.word, c.tag, got, c.want)
		}
	}
}

func BenchmarkTag(b *testing.B) {
	tg := load(b)
	s, err := os.ReadFile("../ner/testdata/bench.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := text.Analyze(string(s))
	defer cputime.LockThread()()
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cputime.Thread()
	for i := 0; i < b.N; i++ {
		tg.Tag(doc)
	}
	total := float64(len(doc.Tokens)) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(total/(cputime.Thread()-c0).Seconds(), "tokens/cpu-s")
}

// BenchmarkLoad measures model load time (wall clock, and CPU time of the
// loading thread).
func BenchmarkLoad(b *testing.B) {
	defer cputime.LockThread()()
	c0 := cputime.Thread()
	for i := 0; i < b.N; i++ {
		if _, err := pos.Load(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cputime.Thread()-c0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// A cancelled document stops the tagger within milliseconds, even as one
// sentence of ~1 MB, and an uncancelled context changes nothing.
func TestTagCancelled(t *testing.T) {
	tg := load(t)
	small := "The ministers met in Vienna on Monday. Talks will resume next week, officials said."
	want := text.Analyze(small)
	tg.Tag(want)
	live := text.Analyze(small).WithContext(context.Background())
	tg.Tag(live)
	for i := range want.Tokens {
		if live.Tokens[i] != want.Tokens[i] {
			t.Fatalf("token %d with a live context: %+v, want %+v", i, live.Tokens[i], want.Tokens[i])
		}
	}

	big := strings.Repeat("the port authority of a small coastal town said its cranes would be replaced next year and ", 11000)
	for _, oneSentence := range []bool{false, true} {
		doc := text.Analyze(big)
		if oneSentence {
			doc.Sentences = []text.Sentence{{Start: 0, End: len(big), First: 0, Last: len(doc.Tokens)}}
		}
		// cancelled after the first look: the sentence loop passes once,
		// the check inside the sentence must stop it
		doc.WithContext(cputime.CancelAfter(context.Background(), 1))
		// CPU time of this thread: the machine may be busy
		el := cputime.Run(func() { tg.Tag(doc) })
		if el > 25*time.Millisecond*raceSlowdown {
			t.Errorf("one sentence %v: Tag of a cancelled %d-token document took %v of CPU", oneSentence, len(doc.Tokens), el)
		}
		if doc.Tokens[len(doc.Tokens)-1].POS != "" {
			t.Errorf("one sentence %v: the last token was tagged after the cancel", oneSentence)
		}
	}
}
