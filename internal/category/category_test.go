package category

import (
	"bytes"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/text"
)

var (
	loadOnce sync.Once
	model    *Classifier
	loadErr  error
)

func mustLoad(tb testing.TB) *Classifier {
	tb.Helper()
	loadOnce.Do(func() { model, loadErr = Load() })
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return model
}

// Articles written for these tests.
var articles = []struct {
	want, text string
}{
	{Sport, `Rovers snatch late win to reach cup semi-final

Rovers reached the semi-finals of the cup after a dramatic 2-1 victory over City on Saturday.
Striker Tom Adams scored the winner in the 89th minute, heading in a corner from the left.
City had equalised shortly after half-time through their captain, but the home side kept pushing.
"The lads never stopped running," said the Rovers manager after the match. "We deserved it."
The draw for the semi-finals takes place on Monday, with the league leaders among the teams left.`},
	{Business, `Retailer's shares slump after profit warning

Shares in the high-street retailer fell 12% on Thursday after it warned that annual profits would
be lower than analysts had expected. The company blamed weak consumer spending and rising costs for
energy and wages. Its chief executive said sales in the key Christmas period had been disappointing
and that the firm would close 40 stores next year. Investors also worry about the group's debts,
which rose to 1.2bn dollars, and the central bank's decision to keep interest rates high.`},
	{ScienceTechnology, `New chip promises faster phones with longer battery life

A start-up has unveiled a processor for smartphones that it says uses half the power of current
chips. The design relies on a new kind of memory and software that switches off unused parts of the
chip. Engineers showed a prototype handset running video and games at a technology conference.
The firm plans to license the technology to manufacturers, and expects the first devices to use it
next year. Researchers said the results were promising but need independent testing.`},
	{Entertainment, `Singer's new album tops the charts

The pop star's fifth album went straight to number one in the charts this week, selling more than
100,000 copies. Critics praised the record's mix of ballads and dance songs. The singer, who also
stars in a new film released next month, will begin a world tour in the spring, with concerts in
London, Paris and New York. Her previous album won two Grammy awards and a Brit award.`},
	{World, `Ceasefire talks resume as fighting continues in the north

Diplomats from both sides met in Geneva on Tuesday for a new round of talks aimed at ending the
conflict, as clashes continued near the border. The United Nations envoy said the negotiations were
difficult but that a truce was within reach. Rebels accused government troops of shelling villages,
and aid agencies warned that thousands of refugees lacked food and shelter.`},
	{Politics, `Labour and Tories clash over tax plans before election

The Chancellor defended his budget in the Commons on Wednesday as the Conservatives accused the
government of planning tax rises after the general election. The shadow chancellor said voters
deserved to know the truth about Labour's spending plans. The Prime Minister told MPs that the
economy was strong and that his party would not raise income tax. Liberal Democrat leader said
both parties were ignoring pensioners.`},
}

func TestClassifyArticles(t *testing.T) {
	c := mustLoad(t)
	for _, a := range articles {
		got := c.Classify(text.Analyze(a.text))
		if len(got) != len(Names) {
			t.Fatalf("%d categories, want %d", len(got), len(Names))
		}
		if got[0].Name != a.want {
			t.Errorf("%q: got %s (%.2f), then %s (%.2f); want %s", firstLine(a.text),
				got[0].Name, got[0].Confidence, got[1].Name, got[1].Confidence, a.want)
		}
		if got[0].Confidence < 0.4 {
			t.Errorf("%q: low confidence %.2f for %s", firstLine(a.text), got[0].Confidence, got[0].Name)
		}
	}
}

func TestConfidencesFormDistribution(t *testing.T) {
	c := mustLoad(t)
	got := c.ClassifyText("The match ended in a draw.")
	sum := 0.0
	for i, g := range got {
		sum += g.Confidence
		if g.Confidence < 0 || g.Confidence > 1 || math.IsNaN(g.Confidence) {
			t.Errorf("bad confidence %v", g)
		}
		if i > 0 && g.Confidence > got[i-1].Confidence {
			t.Errorf("not sorted at %d", i)
		}
	}
	if math.Abs(sum-1) > 1e-6 {
		t.Errorf("confidences sum to %v", sum)
	}
	// Empty text still returns every category.
	if got := c.ClassifyText(""); len(got) != len(Names) {
		t.Errorf("empty text: %d categories", len(got))
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	names := []string{"a", "b"}
	const bits = 4
	w := make([]float32, (1<<bits)*2)
	for i := range w {
		w[i] = float32(i%7) - 3
	}
	var buf bytes.Buffer
	if err := Encode(&buf, names, Featurizer{Bits: bits}, []float32{0.5, -0.5}, w); err != nil {
		t.Fatal(err)
	}
	c, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Names(), ",") != "a,b" {
		t.Errorf("names %v", c.Names())
	}
	for i := range w {
		q := int16(uint16(c.w[2*i]) | uint16(c.w[2*i+1])<<8)
		if got := float32(q) * c.scale; math.Abs(float64(got-w[i])) > 1e-3 {
			t.Fatalf("weight %d: %v, want %v", i, got, w[i])
		}
	}
	if _, err := Decode([]byte("nope")); err == nil {
		t.Error("Decode accepted garbage")
	}
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	if _, err := Load(); err != nil {
		t.Fatal(err)
	}
	t.Logf("load %v", time.Since(start))
	if el := time.Since(start); el > time.Second {
		t.Errorf("Load took %v", el)
	}
	// The first Load builds the word table from the GloVe vectors (15 MB,
	// about 30 ms of CPU; 60-270 ms of wall time on a busy 2-core
	// machine), but earlier tests have made that Load already: time the
	// build itself (decode without the cached table, as the first Load
	// does it, on the heap). The bound catches a build gone slow by far,
	// not noise.
	start = time.Now()
	c, err := decode([]byte(modelData), nil, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first load (word table built) %v", time.Since(start))
	if el := time.Since(start); el > time.Second {
		t.Errorf("first load took %v", el)
	}
	if c.fz.WordVec == nil || c.fz.Vectors == nil || c.fz.Vectors.Len() < 95000 {
		t.Error("decode did not build the word table")
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func BenchmarkClassify(b *testing.B) {
	c := mustLoad(b)
	doc := text.Analyze(strings.Repeat(articles[1].text+"\n\n", 5))
	b.ReportAllocs()
	for b.Loop() {
		c.Classify(doc)
	}
	b.ReportMetric(float64(b.N*len(doc.Tokens))/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// Classify reads at most maxTokens words, so even a 1 MB article (or 1 MB
// with no words at all) is classified well within the 50 ms that a
// cancelled request may take; it needs no cancellation checks.
func TestHugeDocumentIsQuick(t *testing.T) {
	c := mustLoad(t)
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString("The minister said the talks on trade and security would continue next week. ")
	}
	for _, s := range []string{sb.String(), strings.Repeat("-- ", 1<<20/3)} {
		doc := &text.Document{Text: s}
		best := time.Hour
		for range 3 {
			start := time.Now()
			got := c.Classify(doc)
			best = min(best, time.Since(start))
			if len(got) != len(Names) {
				t.Fatalf("%d categories", len(got))
			}
		}
		t.Logf("%d bytes: %v", len(s), best)
		if best > 50*time.Millisecond {
			t.Errorf("1 MB document took %v", best)
		}
	}
}

// Classify is safe for concurrent use (its buffers are pooled) and gives
// the same result every time.
func TestClassifyConcurrent(t *testing.T) {
	c := mustLoad(t)
	want := make([][]Category, len(articles))
	for i, a := range articles {
		want[i] = c.ClassifyText(a.text)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range 20 {
				i := (g + r) % len(articles)
				got := c.ClassifyText(articles[i].text)
				for j := range got {
					if got[j] != want[i][j] {
						t.Errorf("article %d: %v, want %v", i, got, want[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
