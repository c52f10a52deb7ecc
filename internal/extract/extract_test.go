package extract

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func readPage(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestArticle(t *testing.T) {
	res, err := HTML(readPage(t, "article.html"), "https://courier.example.org/city/2024/03/14/tram-line?utm=x")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"The first passengers boarded the new harbour tram on Thursday morning",
		"fourteen stops on the way",
		"\"This is the biggest change to how people move around the city in a generation,\" said the mayor",
		"The project cost 410 million euros",
	} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, res.Text)
		}
	}
	for _, junk := range []string{"cookies", "ADVERTISEMENT", "Sponsored", "Home", "waited for this", "waste of money", "Related articles", "Ferry prices", "All rights reserved", "Privacy"} {
		if strings.Contains(res.Text, junk) {
			t.Errorf("text keeps %q:\n%s", junk, res.Text)
		}
	}
	// paragraphs are kept, one per block
	paras := strings.Split(res.Text, "\n\n")
	if len(paras) < 5 {
		t.Errorf("got %d paragraphs, want at least 5:\n%s", len(paras), res.Text)
	}
	md := res.Metadata
	if md.Title != "Harbour city opens new tram line" {
		t.Errorf("title %q", md.Title)
	}
	if md.SiteName != "The Coastal Courier" {
		t.Errorf("site name %q", md.SiteName)
	}
	if md.CanonicalURL != "https://courier.example.org/city/2024/03/14/tram-line" {
		t.Errorf("canonical URL %q", md.CanonicalURL)
	}
	if want := time.Date(2024, time.March, 14, 7, 30, 0, 0, time.UTC); !md.PublishTime.Equal(want) {
		t.Errorf("publish time %v, want %v (the page's time of day)", md.PublishTime, want)
	}
	if len(md.Authors) == 0 || !strings.Contains(strings.Join(md.Authors, ";"), "Maria Lindqvist") {
		t.Errorf("authors %q", md.Authors)
	}
	if md.Language != "en" {
		t.Errorf("language %q", md.Language)
	}
}

func TestJSONLDAndQuotes(t *testing.T) {
	res, err := HTML(readPage(t, "jsonld-only.html"), "https://ledger.example.net/energy/wind-farm-approved?ref=home")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"approved a wind farm of thirty turbines", "“We did not get everything we wanted,”", "“But the corridor is a real gain", "Capacity: 450 megawatts", "Construction is due to start next spring"} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, res.Text)
		}
	}
	for _, junk := range []string{"Subscribe", "newsletter", "Sign up", "Most read", "Storm warnings"} {
		if strings.Contains(res.Text, junk) {
			t.Errorf("text keeps %q:\n%s", junk, res.Text)
		}
	}
	md := res.Metadata
	if md.Title != "Wind farm approved after long dispute" || md.SiteName != "Northern Ledger" {
		t.Errorf("title %q site %q", md.Title, md.SiteName)
	}
	if want := time.Date(2022, time.November, 2, 17, 5, 0, 0, time.UTC); !md.PublishTime.Equal(want) {
		t.Errorf("publish time %v, want %v (JSON-LD's time of day)", md.PublishTime, want)
	}
	if strings.Join(md.Authors, ";") != "Ada Okafor" {
		t.Errorf("authors %q", md.Authors)
	}
}

func TestGerman(t *testing.T) {
	res, err := HTML(readPage(t, "german.html"), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "Nach drei Jahren Bauzeit") || strings.Contains(res.Text, "Startseite") || strings.Contains(res.Text, "Impressum") {
		t.Errorf("text:\n%s", res.Text)
	}
	if res.Metadata.Language != "de" || res.Metadata.SiteName != "Rheinischer Bote" {
		t.Errorf("metadata %+v", res.Metadata)
	}
	if y, m, d := res.Metadata.PublishTime.Date(); y != 2021 || m != time.June || d != 5 {
		t.Errorf("publish time %v", res.Metadata.PublishTime)
	}
}

func TestHeadlineIsItsOwnParagraph(t *testing.T) {
	page := `<html><body><article><h1>Bridge opens</h1><p>The mayor cut the ribbon on Saturday, and the first cars crossed the river an hour later, ending years of detours for commuters.</p></article></body></html>`
	res, err := HTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(res.Text, "Bridge opens\n\nThe mayor cut the ribbon") {
		t.Errorf("text %q", res.Text)
	}
}

// The fetcher hands over UTF-8 even when the page declares another
// charset; the declaration must not make the extractor decode it again.
func TestDeclaredCharsetIgnored(t *testing.T) {
	page := `<html><head><meta charset="windows-1251"><title>Встреча</title></head><body><article><p>Министры обороны встретились в Москве в среду и обсудили сотрудничество двух стран в регионе на ближайшие годы.</p></article></body></html>`
	res, err := HTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "Министры обороны встретились в Москве") || res.Metadata.Title != "Встреча" {
		t.Errorf("text %q title %q", res.Text, res.Metadata.Title)
	}
}

func TestNoRepeatedParagraphs(t *testing.T) {
	for _, page := range []string{
		"<p>One paragraph of prose that is long enough to be an article, with several words in it.</p>",
		"<html><body><article><p>Only one paragraph in this article, but it has enough words to count as text.</p></article></body></html>",
	} {
		res, err := HTML([]byte(page), "")
		if err != nil {
			t.Fatal(err)
		}
		if paras := strings.Split(res.Text, "\n\n"); len(paras) != 1 {
			t.Errorf("%q: got %d paragraphs: %q", page, len(paras), res.Text)
		}
	}
}

func TestTooDeep(t *testing.T) {
	page := strings.Repeat("<div>", 600) + "<p>Text deep down in the page, long enough to be an article of some sort.</p>"
	if _, err := HTML([]byte(page), ""); !errors.Is(err, ErrUnreadable) {
		t.Errorf("got %v, want ErrUnreadable", err)
	}
}

func TestNoArticle(t *testing.T) {
	_, err := HTML(readPage(t, "no-article.html"), "")
	if !errors.Is(err, ErrNoContent) {
		t.Fatalf("got %v, want ErrNoContent", err)
	}
	for _, page := range []string{"", "   ", "<html></html>", "\x00\x01\x02binary\xff\xfe", "plain words without markup"} {
		if _, err := HTML([]byte(page), ""); err != nil && !errors.Is(err, ErrNoContent) {
			t.Errorf("%q: unexpected error %v", page, err)
		}
	}
}

func TestHostileHTML(t *testing.T) {
	para := "Deep inside the page there is a paragraph of ordinary text, long enough for the extractor to keep it as the article of the page. "
	deep := "<html><body>" + strings.Repeat("<div>", 5000) + "<p>" + strings.Repeat(para, 3) + "</p>" + strings.Repeat("</div>", 5000) + "</body></html>"
	malformed := "<html><body><p>Unclosed <b>bold <i>italic <p>" + strings.Repeat(para, 2) + "<table><tr><td>cell<div></span></html></body><p>" + para
	for name, page := range map[string]string{"deep": deep, "malformed": malformed} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			res, err := HTML([]byte(page), "")
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %s", d)
			}
			if err != nil && !errors.Is(err, ErrNoContent) && !errors.Is(err, ErrUnreadable) {
				t.Fatalf("unexpected error %v", err)
			}
			if err == nil && !strings.Contains(res.Text, "paragraph of ordinary text") {
				t.Errorf("text %q", res.Text)
			}
		})
	}
}

func TestText(t *testing.T) {
	page := `<html><body><h2>Head line</h2><p>One   two
three.<br>Four.</p><ul><li>a</li><li>b</li></ul><script>x()</script><p>Last&nbsp;one</p></body></html>`
	got := textOf(t, page)
	want := "Head line\n\nOne two three.\nFour.\n\na\n\nb\n\nLast one"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func BenchmarkHTML(b *testing.B) {
	page := readPage(b, "article.html")
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := HTML(page, ""); err != nil {
			b.Fatal(err)
		}
	}
}
