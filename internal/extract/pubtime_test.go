package extract

import (
	"context"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// The time a page states keeps its time of day; a day alone, a time that
// is no date, or one on another day than the date search found is not
// taken.
func TestExactTime(t *testing.T) {
	utc := func(h, m int) time.Time { return time.Date(2024, time.March, 12, h, m, 0, 0, time.UTC) }
	for _, c := range []struct {
		name, head, body string
		want             time.Time
	}{
		{"meta property", `<meta property="article:published_time" content="2024-03-12T09:30:00Z">`, "", utc(9, 30)},
		{"meta itemprop, no seconds", `<meta itemprop="datePublished" content="2024-03-12T09:30+00:00">`, "", utc(9, 30)},
		{"JSON-LD graph", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-03-12T10:15:00+01:00"}]}</script>`, "", utc(9, 15)},
		{"time pubdate", "", `<time pubdate datetime="2024-03-12T09:30:00Z">12 March</time>`, utc(9, 30)},
		{"a day alone", `<meta property="article:published_time" content="2024-03-12">`, "", time.Time{}},
		{"modified is no publication", `<meta property="article:modified_time" content="2024-03-12T09:30:00Z">`, "", time.Time{}},
		{"broken JSON-LD", `<script type="application/ld+json">{"datePublished":"2024-03-12T09:30:00Z"</script>`, "", time.Time{}},
		{"no date", `<meta property="article:published_time" content="soon">`, "", time.Time{}},
	} {
		doc, err := html.Parse(strings.NewReader("<html><head>" + c.head + "</head><body><p>Text.</p>" + c.body + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := exactTime(context.Background(), doc); !got.Equal(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	// the exact time replaces the day it falls on, or fills in a missing one
	day := time.Date(2024, time.March, 12, 0, 0, 0, 0, time.UTC)
	md := Metadata{PublishTime: day}
	withExactTime(&md, utc(9, 30))
	if !md.PublishTime.Equal(utc(9, 30)) {
		t.Errorf("same day: %v", md.PublishTime)
	}
	md = Metadata{PublishTime: day.AddDate(0, 0, 3)}
	withExactTime(&md, utc(9, 30))
	if !md.PublishTime.Equal(day.AddDate(0, 0, 3)) {
		t.Errorf("another day replaced: %v", md.PublishTime)
	}
	md = Metadata{}
	withExactTime(&md, utc(9, 30))
	if !md.PublishTime.Equal(utc(9, 30)) {
		t.Errorf("no day: %v", md.PublishTime)
	}
	// no day, and a time the date search would not take either
	for _, ex := range []time.Time{time.Date(1901, time.May, 1, 10, 0, 0, 0, time.UTC), time.Now().AddDate(3, 0, 0)} {
		md = Metadata{}
		withExactTime(&md, ex)
		if !md.PublishTime.IsZero() {
			t.Errorf("no day, out of bounds %v: %v", ex, md.PublishTime)
		}
	}
}

// A page of megabytes of JSON-LD costs a bounded decode, and a done
// context stops the walk.
func TestExactTimeBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><head>")
	filler := `<script type="application/ld+json">{"@type":"WebPage","name":"` + strings.Repeat("x", 100<<10) + `"}</script>`
	for range 40 {
		b.WriteString(filler)
	}
	// ten fillers use up the budget but for 24 kB: a 30 kB script is not read
	b.WriteString(`<script type="application/ld+json">{"name":"` + strings.Repeat("y", 30<<10) + `","datePublished":"2024-03-12T09:30:00Z"}</script></head><body><p>Text.</p></body></html>`)
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	// the budget (1 MB) runs out on the filler: the late time is not read
	if got := exactTime(context.Background(), doc); !got.IsZero() {
		t.Errorf("read %v past the JSON-LD budget", got)
	}
	small, _ := html.Parse(strings.NewReader(strings.Repeat("<div></div>", 3000) + `<meta property="article:published_time" content="2024-03-12T09:30:00Z">`))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := exactTime(ctx, small); !got.IsZero() {
		t.Errorf("a done context: %v", got)
	}
	if got := exactTime(context.Background(), small); got.IsZero() {
		t.Error("no time read from the meta element after 3,000 nodes")
	}
}
