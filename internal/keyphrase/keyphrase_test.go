package keyphrase

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/keyphrase/porter"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

const article = `European ministers agree on carbon border tax
BRUSSELS — European finance ministers agreed on Tuesday to introduce a carbon border tax on imports of steel, cement and fertiliser from countries with weaker climate rules.
The carbon border tax will be phased in over three years, starting with a reporting period in which importers must declare the emissions embedded in their goods.
Steel makers in India and Turkey warned that the levy would raise their costs, while European producers welcomed the decision.
Officials said the carbon border tax was needed to stop companies moving production to countries where emissions are cheaper.
Trade experts expect the measure to face a challenge at the World Trade Organization.
The ministers also discussed a separate plan to support electric vehicle battery factories.`

func stemPhrase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		ws[i] = porter.Stem(w)
	}
	return strings.Join(ws, " ")
}

func TestExtractCentralPhrase(t *testing.T) {
	doc := nlptest.Tagged(t, article)
	ps := Extract(doc, 10)
	if len(ps) != 10 {
		t.Fatalf("got %d phrases, want 10", len(ps))
	}
	var top []string
	for _, p := range ps[:5] {
		top = append(top, p.Text)
	}
	found := false
	for i, p := range ps {
		if i > 0 && p.Score > ps[i-1].Score {
			t.Errorf("phrases not sorted by score: %v", top)
		}
		if p.Score < 0 || p.Score > 1 {
			t.Errorf("%q: score %v outside [0, 1]", p.Text, p.Score)
		}
		for k, m := range p.Mentions {
			if stemPhrase(doc.Text[m.Start:m.End]) != stemPhrase(p.Text) {
				t.Errorf("%q: mention %q does not match", p.Text, doc.Text[m.Start:m.End])
			}
			if k > 0 && m.Start <= p.Mentions[k-1].Start {
				t.Errorf("%q: mentions not in text order", p.Text)
			}
		}
		if strings.EqualFold(p.Text, "carbon border tax") {
			found = i < 5
			if len(p.Mentions) != 4 {
				t.Errorf("carbon border tax: %d mentions, want 4", len(p.Mentions))
			}
		}
	}
	if !found {
		t.Errorf("central phrase %q not in the top five: %q", "carbon border tax", top)
	}
}

const diplomacy = `Foreign ministers of six countries met in Ankara on Monday for talks in the 3+3 format on the future of the South Caucasus.
The 3+3 format brings together three regional states and three of their larger neighbours.
Speakers said a multipolar system was replacing the old order, and that a multipolar system would give smaller states more room.
Several delegations criticised Western missile sanctions, arguing that missile sanctions had failed to change anyone's policy.
The next round of talks in the 3+3 format is expected in the spring.`

func TestExtractNounPhrases(t *testing.T) {
	ps := Extract(nlptest.Tagged(t, diplomacy), 5)
	got := make(map[string]bool)
	var texts []string
	for _, p := range ps {
		got[stemPhrase(p.Text)] = true
		texts = append(texts, p.Text)
	}
	for _, want := range []string{"3+3 format", "multipolar system", "missile sanctions"} {
		if !got[stemPhrase(want)] {
			t.Errorf("%q not in the top five %q", want, texts)
		}
	}
}

func TestExtractWithoutTags(t *testing.T) {
	doc := text.Analyze(article)
	ps := Extract(doc, 5)
	ok := false
	for _, p := range ps {
		if strings.Contains(strings.ToLower(p.Text), "carbon border tax") {
			ok = true
		}
	}
	if !ok {
		t.Errorf("untagged text: central phrase missing from %+v", ps)
	}
}

func TestExtractEdgeCases(t *testing.T) {
	if ps := Extract(text.Analyze(""), 5); len(ps) != 0 {
		t.Errorf("empty text: %+v", ps)
	}
	if ps := Extract(nlptest.Tagged(t, article), 0); len(ps) != 0 {
		t.Errorf("n=0: %+v", ps)
	}
	if ps := Extract(nlptest.Tagged(t, "It was what it was."), 5); len(ps) != 0 {
		t.Errorf("stopwords only: %+v", ps)
	}
	short := nlptest.Tagged(t, "Parliament passed the budget.")
	ps := Extract(short, 10)
	if len(ps) == 0 || len(ps) > 2 {
		t.Errorf("short text: %+v", ps)
	}
}

func BenchmarkExtract(b *testing.B) {
	doc := nlptest.Tagged(b, strings.Repeat(article+"\n", 5))
	e, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	defer cputime.LockThread()()
	c0 := cputime.Thread()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Extract(doc, 10)
	}
	cpu := cputime.Thread() - c0
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzExtract(f *testing.F) {
	tg, err := pos.Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(article, true)
	f.Add("3+3 format. Missile sanctions!", false)
	// the calendar words, a name over "of" and a headline's clause
	f.Add("Mill 'sets date' for Boxing Day sales\n\nThe Bank of Wessex and the Bank of Wessex Trust back Sunday trading on Easter Sunday. Wessex", true)
	// a title-case headline's verb and adverb
	f.Add("City Approves Tram Line\n\nThe city approved it. Fares Rise Sharply", true)
	f.Add("Unions Back\n\nX", true)
	f.Fuzz(func(t *testing.T, in string, tag bool) {
		doc := text.Analyze(in)
		if tag {
			tg.Tag(doc)
		}
		for _, p := range Extract(doc, 10) {
			if len(p.Mentions) == 0 || p.Text == "" {
				t.Fatalf("phrase %+v without text or mentions", p)
			}
			found := false
			for _, m := range p.Mentions {
				if m.Start < 0 || m.End > len(in) || m.Start >= m.End {
					t.Fatalf("mention %+v out of bounds", m)
				}
				if in[m.Start:m.End] == p.Text {
					found = true
				}
			}
			if !found {
				t.Fatalf("text %q is not one of its mentions", p.Text)
			}
		}
	})
}

// longText returns about n bytes of made-up news sentences.
func longText(n int) string {
	subj := []string{"The regional water board", "Local bakers", "A consortium of ferry operators", "The science museum", "Several hospital trusts", "The national archive"}
	verb := []string{"announced", "postponed", "criticised", "financed", "reviewed", "expanded"}
	obj := []string{"a flood defence scheme", "new night bus routes", "the solar panel subsidy", "grain storage capacity", "its digital catalogue", "harbour maintenance contracts"}
	when := []string{"on Monday", "after a long consultation", "despite rising costs", "for the coming winter", "in three northern towns"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%s %s %s %s. ", subj[i%len(subj)], verb[i/7%len(verb)], obj[i/3%len(obj)], when[i/11%len(when)])
		if i%9 == 8 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// TestExtractCancelled checks that a cancelled document stops the work
// promptly: before the call, and while it runs on a 1 MB article.
func TestExtractCancelled(t *testing.T) {
	e, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := text.Analyze(longText(1 << 20))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc.WithContext(ctx)
	start := time.Now()
	if ps := e.Extract(doc, 10); ps != nil {
		t.Errorf("cancelled before the call: got %d phrases", len(ps))
	}
	if el := time.Since(start); el > 50*time.Millisecond {
		t.Errorf("cancelled before the call: returned after %v", el)
	}

	// Cancelled while it runs; wall-clock lags on a busy machine include
	// waiting for a core, so the best of three tries counts.
	var lags []time.Duration
	for try := 0; try < 3; try++ {
		ctx, cancel := context.WithCancel(context.Background())
		doc.WithContext(ctx)
		done := make(chan time.Time)
		go func() {
			e.Extract(doc, 10)
			done <- time.Now()
		}()
		time.Sleep(30 * time.Millisecond)
		cancel()
		cancelled := time.Now()
		lag := (<-done).Sub(cancelled)
		if lag <= 50*time.Millisecond {
			return
		}
		lags = append(lags, lag)
	}
	t.Errorf("returned %v after the cancel", lags)
}

// TestExtractLiveContext checks that a document with a context that is not
// done gets the same phrases as one without.
func TestExtractLiveContext(t *testing.T) {
	want := Extract(nlptest.Tagged(t, article), 10)
	doc := nlptest.Tagged(t, article).WithContext(context.Background())
	got := Extract(doc, 10)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with a context: %+v\nwithout: %+v", got, want)
	}
}

func TestIsUpper(t *testing.T) {
	for _, w := range []string{"", "NATO", "EU", "Nato", "nato", "G7", "ÉTÉ", "Été", "ǅ", "ß", "ΑΒΓ", "αβγ", "\uFFFD", "A\xffB", "İ", "ı", "3+3", "ﬁ"} {
		if got, want := isUpper(w), strings.ToUpper(w) == w; got != want {
			t.Errorf("isUpper(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestCascadeMatchesFull checks that scoring only the best candidates of
// the first trees with the rest of the ensemble picks the same phrases, with
// the same scores, as scoring every candidate fully.
func TestCascadeMatchesFull(t *testing.T) {
	e, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := nlptest.Tagged(t, article+"\n\n"+diplomacy+"\n\n"+longText(6000))
	cands, _ := candidates(doc, newDocWords(doc, nil))
	nc := len(cands)
	K0, M0 := cascadeTrees, cascadeKeep
	defer func() { cascadeTrees, cascadeKeep = K0, M0 }()
	for _, n := range []int{3, 10} {
		if keep := max(M0, cascadeFactor*n); nc <= keep {
			t.Fatalf("%d candidates: the cascade (keep %d) is not used", nc, keep)
		}
		cascadeTrees, cascadeKeep = K0, M0
		got := e.Extract(doc, n)
		cascadeTrees = 1 << 30
		want := e.Extract(doc, n)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("n=%d: cascade %+v\nfull %+v", n, got, want)
		}
	}
}

// PageRank stops early on a 600-word article, and converging fully (up to
// 200 iterations, no early stop) picks the same phrases.
func TestPageRankConverges(t *testing.T) {
	doc := nlptest.Tagged(t, strings.Repeat(article+"\n", 5))
	e, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	prIters.Store(0)
	got := e.Extract(doc, 10)
	if it := prIters.Load(); it >= int64(prIterations) || it < 3 {
		t.Errorf("PageRank ran %d iterations, want early stop", it)
	}
	eps, iters := prEpsilon, prIterations
	prEpsilon, prIterations = 0, 200
	full := e.Extract(doc, 10)
	prEpsilon, prIterations = eps, iters
	if len(got) != len(full) {
		t.Fatalf("%d phrases, %d fully converged", len(got), len(full))
	}
	for i := range got {
		if got[i].Text != full[i].Text {
			t.Errorf("phrase %d: %q, fully converged %q", i, got[i].Text, full[i].Text)
		}
	}
}

// TestSurfaceUnescapes: a phrase from feed text that escapes its
// ampersands reads as its tokens do, and the counting is unchanged.
func TestSurfaceUnescapes(t *testing.T) {
	doc := "Shares of AT&amp;T rose; AT&amp;T and at&amp;t traders cheered."
	ms := []text.Span{{Start: 10, End: 18}, {Start: 25, End: 33}, {Start: 38, End: 46}}
	if got := surface(doc, ms); got != "AT&T" {
		t.Errorf("surface = %q, want AT&T (the most frequent form, decoded)", got)
	}
	if got := surface("plain words", []text.Span{{Start: 0, End: 5}}); got != "plain" {
		t.Errorf("surface = %q, want plain", got)
	}
}

// A surname written thousands of times after the same word, in text with
// no sentence of prose ("Bank of Wessex Acme Acme Acme ..."), costs time
// in proportion to the text: fullName judges each full name once. It had
// judged it once per occurrence, reading every occurrence each time (10 s
// of CPU for 100 kB, minutes for 1 MB).
func TestFullNameScales(t *testing.T) {
	e, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := pos.Load()
	if err != nil {
		t.Fatal(err)
	}
	cost := func(n int) time.Duration {
		doc := text.Analyze("Bank of Wessex " + strings.Repeat("Acme ", n))
		tg.Tag(doc)
		defer cputime.LockThread()()
		c0 := cputime.Thread()
		e.Extract(doc, 10)
		return cputime.Thread() - c0
	}
	cost(2000) // warm up
	best := 100.0
	for try := 0; try < 3 && best > 8; try++ {
		small, large := cost(5000), cost(20000)
		best = min(best, float64(large)/float64(max(small, time.Microsecond)))
		t.Logf("5,000 words %v, 20,000 words %v", small, large)
	}
	// linear: about 4; quadratic: about 16
	if best > 8 {
		t.Errorf("4 × the words cost %.1f × the CPU", best)
	}
}
