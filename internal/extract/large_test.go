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

func BenchmarkHTMLLarge(b *testing.B) {
	page := largePage(1 << 20)
	for _, c := range []struct{ name, page string }{{"dated", page}, {"undated", undated(page)}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.page)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := HTML([]byte(c.page), ""); err != nil {
					b.Fatal(err)
				}
			}
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
	start := time.Now()
	if _, err := HTMLContext(ctx, page, ""); err != context.Canceled {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 20*time.Millisecond {
		t.Errorf("a cancelled call took %v", d)
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
