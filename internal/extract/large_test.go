package extract

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
)

// largePage builds an HTML news page of about n bytes: a header with
// navigation, an article of many paragraphs with dates, names and
// figures, sidebars, scripts and a footer, as a big real page has.
func largePage(n int) string {
	r := rand.New(rand.NewPCG(9, 11))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The long read | The Harbourton Herald</title>
<meta property="og:site_name" content="The Harbourton Herald"><meta name="author" content="Jonas Berg">
<meta property="article:published_time" content="2025-05-04T08:00:00Z">
<script>window.dataLayer=[];function track(e){dataLayer.push(e)}</script><style>body{font:16px serif}.nav a{margin:0 4px}</style>
</head><body><header><nav class="nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>The long read</h1><p class="byline">By Jonas Berg, May 4, 2025</p>
`)
	i := 0
	for b.Len() < n {
		i++
		fmt.Fprintf(&b, "<p>%s %s said on %s that the %s of %s had grown by %d.%d percent since %d, and that %s would meet the council again in %s. %s residents were asked about the plan, and %d of them said it went too far.</p>\n",
			pick("Anna", "Pieter", "Leila", "Tomas", "Grace"), pick("Holm", "Varga", "Osei", "Lindqvist", "Moreau"),
			pick("Monday", "Tuesday", "Friday"), pick("budget", "population", "harbour traffic", "rent"),
			pick("Harbourton", "Eastfield", "Millbrook"), 1+r.IntN(40), r.IntN(10), 1990+r.IntN(30),
			pick("the mayor", "the port authority", "the union"), pick("June", "September", "March"),
			pick("Some", "Many", "Few"), 10+r.IntN(900))
		if i%97 == 0 { // short boilerplate the extractor drops
			b.WriteString("<p>Print</p>\n<p>More on this:</p>\n")
		}
		if i%40 == 0 {
			fmt.Fprintf(&b, "<h2>Part %d</h2>\n<script>track({part:%d})</script>\n<!-- ad slot %d -->\n", i/40, i, i)
		}
	}
	b.WriteString(`</article><aside><h3>Most read</h3><ul><li><a href="/a">Ferry prices rise</a></li><li><a href="/b">Storm warnings</a></li></ul></aside></main>
<footer><p>© The Harbourton Herald. All rights reserved. <a href="/privacy">Privacy</a></p></footer></body></html>`)
	return b.String()
}

// Running the steps apart on a large page (merged paragraphs, the date
// search and the readability candidate) changes nothing in the result.
func TestLargePageSameResult(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 256 KB pages twice")
	}
	page := largePage(256 << 10)
	defer func(v int) { maxWeight = v }(maxWeight)
	maxWeight = 1 << 40 // the extractor, whole, not the large-page path
	for _, c := range []struct {
		name, page, url string
		dated           bool
	}{
		{"dated", page, "", true},
		{"url-dated", undated(page), "https://herald.example.com/2023/09/17/long-read", true},
		{"undated", undated(page), "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			split, err := HTML([]byte(c.page), c.url)
			if err != nil {
				t.Fatal(err)
			}
			defer func(v int) { mergeFrom = v }(mergeFrom)
			mergeFrom = len(c.page) + 1
			whole, err := HTML([]byte(c.page), c.url)
			if err != nil {
				t.Fatal(err)
			}
			if split.Text != whole.Text {
				t.Errorf("text differs: %d bytes vs %d", len(split.Text), len(whole.Text))
			}
			if fmt.Sprint(split.Metadata) != fmt.Sprint(whole.Metadata) {
				t.Errorf("metadata differs:\n%+v\n%+v", split.Metadata, whole.Metadata)
			}
			if n := strings.Count(whole.Text, "\n\n") + 1; n < 500 {
				t.Errorf("only %d paragraphs", n)
			}
			if c.dated && whole.Metadata.PublishTime.IsZero() {
				t.Errorf("no publish time")
			}
			t.Logf("publish time %v", whole.Metadata.PublishTime)
		})
	}
}

// undated removes the dates of the metadata and the byline of a
// largePage, so that the date search looks through the whole page.
func undated(page string) string {
	page = strings.Replace(page, `<meta property="article:published_time" content="2025-05-04T08:00:00Z">`, "", 1)
	return strings.Replace(page, ", May 4, 2025</p>", "</p>", 1)
}

// BenchmarkHTMLLarge extracts 1 MB pages by the large-page path and, for
// comparison, by the extractor whole (the "whole" cases), reporting the
// CPU of the calling thread per MB of page.
func BenchmarkHTMLLarge(b *testing.B) {
	page := largePage(1 << 20)
	for _, c := range []struct {
		name, page string
		whole      bool
	}{
		{"dated", page, false}, {"undated", undated(page), false}, {"magazine", magazinePage(1 << 20), false},
		{"markup", markupPage(1 << 20), false},
		{"dated/whole", page, true}, {"undated/whole", undated(page), true}, {"magazine/whole", magazinePage(1 << 20), true},
		{"markup/whole", markupPage(1 << 20), true},
	} {
		b.Run(c.name, func(b *testing.B) {
			if c.whole {
				defer func(v int) { maxWeight = v }(maxWeight)
				maxWeight = 1 << 40
			}
			b.SetBytes(int64(len(c.page)))
			b.ReportAllocs()
			var cpu time.Duration
			for b.Loop() {
				cpu += cputime.Run(func() {
					if _, err := HTML([]byte(c.page), ""); err != nil {
						b.Fatal(err)
					}
				})
			}
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N)/(float64(len(c.page))/(1<<20)), "cpu-ms/MB")
		})
	}
}

// TestLargePagePhases measures the CPU between the cancel checks of
// HTMLContext on a 1 MB page: the longest stretch is how late, in CPU,
// a cancel can take effect.
func TestLargePagePhases(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts a 1 MB page")
	}
	for _, c := range []struct {
		name string
		page []byte
	}{{"dated", []byte(largePage(1 << 20))}, {"undated", []byte(undated(largePage(1 << 20)))}} {
		t.Run(c.name, func(t *testing.T) { phases(t, c.page) })
	}
}

func phases(t *testing.T, page []byte) {
	type mark struct {
		phase string
		cpu   time.Duration
	}
	var marks []mark
	trace = func(phase string) { marks = append(marks, mark{phase, cputime.Thread()}) }
	defer func() { trace = nil }()
	unlock := cputime.LockThread()
	c0 := cputime.Thread()
	res, err := HTML(page, "")
	total := cputime.Thread() - c0
	unlock()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(res.Text, "The long read\n\n") || len(res.Text) < len(page)*9/10 || strings.Contains(res.Text, "Most read") {
		t.Errorf("%d bytes of text from %d, starting %q", len(res.Text), len(page), res.Text[:100])
	}
	var worst time.Duration
	for i := 1; i < len(marks); i++ {
		d := marks[i].cpu - marks[i-1].cpu
		worst = max(worst, d)
		t.Logf("%-10s %v", marks[i].phase, d.Round(time.Millisecond))
	}
	t.Logf("%d-byte page: %v of CPU in all; longest stretch without a cancel check %v", len(page), total.Round(time.Millisecond), worst.Round(time.Millisecond))
}

// A cancelled context stops the extraction at the next check.
func TestLargePageCancel(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts a 1 MB page")
	}
	page := []byte(largePage(1 << 20))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// wall time, so the least of three calls counts: a busy machine can
	// hold the goroutine back
	took := time.Hour
	for range 3 {
		start := time.Now()
		if _, err := HTMLContext(ctx, page, ""); err != context.Canceled {
			t.Fatalf("got %v, want context.Canceled", err)
		}
		took = min(took, time.Since(start))
	}
	if took > 20*time.Millisecond {
		t.Errorf("a cancelled call took %v", took)
	}
	// cancels during the run: the wall time from the cancel to the return
	// (an upper bound of the CPU the call spends after it)
	for _, after := range []time.Duration{20 * time.Millisecond, 100 * time.Millisecond, 250 * time.Millisecond} {
		ctx, cancel := context.WithCancel(context.Background())
		var at time.Time
		done := make(chan struct{})
		time.AfterFunc(after, func() { at = time.Now(); cancel(); close(done) })
		_, err := HTMLContext(ctx, page, "")
		end := time.Now()
		<-done
		if err == nil {
			t.Logf("cancel at %v: the call had finished", after)
			continue
		}
		if err != context.Canceled {
			t.Fatalf("got %v, want context.Canceled", err)
		}
		t.Logf("cancel at %v: returned %v after it", after, end.Sub(at).Round(time.Millisecond))
	}
}

// The large-page path against the extractor: the paragraphs each gives
// on big pages of several shapes (and on the small test pages, through
// the large-page path too) agree, and so does the metadata.
func TestLargePathAgreement(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 512 KB pages twice")
	}
	defer func(v int) { maxWeight = v }(maxWeight)
	for _, c := range []struct {
		name  string
		page  string
		p, r  float64 // the least precision and recall of paragraphs
		exact bool    // title, authors, date and site name
	}{
		{"long read", largePage(256 << 10), 0.98, 0.98, true},
		{"magazine", magazinePage(512 << 10), 0.98, 0.98, true},
		{"blog", blogPage(512 << 10), 0.98, 0.98, true},
		{"live blog", liveBlogPage(512 << 10), 0.98, 0.98, true},
		// the extractor keeps the link column as one paragraph here;
		// there both keep the article and the responses (on a 400 KB
		// page the extractor keeps only the responses: 0.968, 1.000)
		{"form layout", formPage(256 << 10), 0.98, 0.98, true},
		{"unnamed comments", unnamedCommentsPage(200 << 10), 0.95, 0.98, true},
		{"article.html", string(readPage(t, "article.html")), 0.95, 0.95, true},
		{"german.html", string(readPage(t, "german.html")), 0.95, 0.95, true},
		{"jsonld-only.html", string(readPage(t, "jsonld-only.html")), 0.95, 0.85, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			maxWeight = 1 << 40
			want, err := HTML([]byte(c.page), "")
			if err != nil {
				t.Fatal(err)
			}
			maxWeight = 0
			got, err := HTML([]byte(c.page), "")
			if err != nil {
				t.Fatal(err)
			}
			p, r := agreement(got.Text, want.Text)
			t.Logf("paragraphs: precision %.3f, recall %.3f (%d paragraphs, the extractor %d)", p, r,
				strings.Count(got.Text, "\n\n")+1, strings.Count(want.Text, "\n\n")+1)
			if p < c.p || r < c.r {
				t.Errorf("precision %.3f recall %.3f, want at least %.2f and %.2f", p, r, c.p, c.r)
			}
			g, w := got.Metadata, want.Metadata
			if c.exact && (g.Title != w.Title || strings.Join(g.Authors, ";") != strings.Join(w.Authors, ";") ||
				!g.PublishTime.Equal(w.PublishTime) || g.SiteName != w.SiteName || g.Language != w.Language) {
				t.Errorf("metadata\n%+v, the extractor's\n%+v", g, w)
			}
		})
	}
}

// agreement returns the precision and recall of the paragraphs of got
// against those of want (each paragraph matched once).
func agreement(got, want string) (p, r float64) {
	left := map[string]int{}
	nw := 0
	for x := range strings.SplitSeq(want, "\n\n") {
		left[x]++
		nw++
	}
	ng, hit := 0, 0
	for x := range strings.SplitSeq(got, "\n\n") {
		ng++
		if left[x] > 0 {
			left[x]--
			hit++
		}
	}
	return float64(hit) / float64(ng), float64(hit) / float64(nw)
}
