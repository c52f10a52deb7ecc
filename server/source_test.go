package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// sourceParagraphs is an article written for these tests.
var sourceParagraphs = []string{
	"The city council of Bergen approved a new harbour tram on Monday after a debate that lasted six hours.",
	"Mayor Ingrid Dahl said the line would open in 2026 and carry 40,000 passengers a day.",
	"Opponents warned that the project, which will cost 410 million euros, could run over budget.",
}

func sourcePage(charset string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="%s"><title>Bergen approves harbour tram</title>
<meta property="og:site_name" content="Fjord Post"><meta property="article:published_time" content="2024-05-06T09:00:00Z">
<link rel="canonical" href="https://fjord.example/tram"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies. <button>OK</button></div><article><h1>Bergen approves harbour tram</h1>`, charset)
	for _, p := range sourceParagraphs {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString(`</article><aside class="related"><h3>Related</h3><ul><li><a href="/x">Ferry fares rise</a></li></ul></aside><footer>© Fjord Post</footer></body></html>`)
	return b.String()
}

func analyzeFeatures() []articlev1.Feature {
	return []articlev1.Feature{articlev1.Feature_FEATURE_ENTITIES, articlev1.Feature_FEATURE_TIME_EXPRESSIONS, articlev1.Feature_FEATURE_STATISTICS}
}

// The same article as text, as HTML and as a URL gives the same analysis.
func TestHTMLAndURLSources(t *testing.T) {
	pages := http.NewServeMux()
	pages.HandleFunc("/tram", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, sourcePage("utf-8"))
	})
	pages.HandleFunc("/tram-1252", func(w http.ResponseWriter, r *http.Request) {
		b, _ := charmap.Windows1252.NewEncoder().String(sourcePage("windows-1252"))
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, b)
	})
	pages.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/tram", http.StatusFound) })
	pages.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	pages.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4")
	})
	pages.HandleFunc("/missing", http.NotFound)
	pages.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><nav><a href="/">Home</a></nav><form><input name="user"><button>Sign in</button></form></body></html>`)
	})
	site := httptest.NewServer(pages)
	defer site.Close()

	ts := startServer(t, true, func(c *Config) {
		c.FetchAllow = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
		c.MaxArticleBytes = 64 << 10
	})
	ctx := ctxTimeout(t, 30*time.Second)
	// the extracted text starts with the page's headline, so the text
	// version does too: the same article, whatever its source
	plain := "Bergen approves harbour tram\n\n" + strings.Join(sourceParagraphs, "\n\n")
	want, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{
		Article:  &articlev1.Article{Source: &articlev1.Article_Text{Text: plain}, PublishTime: timestamppb.New(time.Date(2024, 5, 6, 9, 0, 0, 0, time.UTC))},
		Features: analyzeFeatures(),
	})
	if err != nil {
		t.Fatal(err)
	}
	summary := func(a *articlev1.Analysis) string {
		var b strings.Builder
		for _, e := range a.GetEntities() {
			fmt.Fprintf(&b, "%s/%s ", e.GetName(), e.GetType())
		}
		for _, x := range a.GetTimeExpressions() {
			fmt.Fprintf(&b, "%s=%s ", x.GetText().GetContent(), x.GetValue())
		}
		return b.String()
	}
	if !strings.Contains(summary(want.GetAnalysis()), "Ingrid Dahl/ENTITY_TYPE_PERSON") || !strings.Contains(summary(want.GetAnalysis()), "Monday=2024-05-06") {
		t.Fatalf("text analysis: %s", summary(want.GetAnalysis()))
	}
	sources := map[string]*articlev1.Article{
		"html":         {Source: &articlev1.Article_Html{Html: sourcePage("utf-8")}},
		"url":          {Source: &articlev1.Article_Url{Url: site.URL + "/tram"}},
		"url-redirect": {Source: &articlev1.Article_Url{Url: site.URL + "/redirect"}},
		"url-cp1252":   {Source: &articlev1.Article_Url{Url: site.URL + "/tram-1252"}},
	}
	for name, art := range sources {
		t.Run(name, func(t *testing.T) {
			got, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: art, Features: analyzeFeatures()})
			if err != nil {
				t.Fatal(err)
			}
			a := got.GetAnalysis()
			if !strings.Contains(a.GetText(), sourceParagraphs[1]) || strings.Contains(a.GetText(), "cookies") || strings.Contains(a.GetText(), "Ferry fares") {
				t.Errorf("text %q", a.GetText())
			}
			// the page's publish time anchors "Monday" when the request gives none
			if g, w := summary(a), summary(want.GetAnalysis()); g != w {
				t.Errorf("analysis differs from the text's:\n got %s\nwant %s", g, w)
			}
			md := a.GetMetadata()
			if md.GetTitle() != "Bergen approves harbour tram" || md.GetSiteName() != "Fjord Post" || md.GetCanonicalUrl() != "https://fjord.example/tram" {
				t.Errorf("metadata %v", md)
			}
			// offsets refer to analysis.text
			for _, e := range a.GetEntities() {
				for _, m := range e.GetMentions() {
					sp := m.GetText()
					if got := a.GetText()[sp.GetBeginOffset() : sp.GetBeginOffset()+sp.GetLength()]; got != sp.GetContent() {
						t.Errorf("mention %q at %d is %q in the text", sp.GetContent(), sp.GetBeginOffset(), got)
					}
				}
			}
		})
	}
	bad := []struct {
		url    string
		code   codes.Code
		reason string
	}{
		{site.URL + "/to-metadata", codes.InvalidArgument, "BLOCKED_ADDRESS"},
		{site.URL + "/pdf", codes.InvalidArgument, "UNSUPPORTED_CONTENT_TYPE"},
		{site.URL + "/missing", codes.FailedPrecondition, "FETCH_FAILED"},
		{site.URL + "/login", codes.InvalidArgument, "NO_ARTICLE_TEXT"},
		{"file:///etc/passwd", codes.InvalidArgument, ""},
		{"gopher://example.com/", codes.InvalidArgument, ""},
	}
	for _, c := range bad {
		t.Run(c.url, func(t *testing.T) {
			_, err := ts.client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Url{Url: c.url}}})
			st := status.Convert(err)
			if st.Code() != c.code || (c.reason != "" && reason(st) != c.reason) {
				t.Errorf("got %v %s (%s), want %v %s", st.Code(), reason(st), st.Message(), c.code, c.reason)
			}
		})
	}
}

// Without an allow-list, a URL on loopback is refused.
func TestURLSourceBlocksLoopback(t *testing.T) {
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, sourcePage("utf-8")) }))
	defer site.Close()
	ts := mustStart(t, nil)
	for _, u := range []string{site.URL + "/", strings.Replace(site.URL, "127.0.0.1", "localhost", 1) + "/"} {
		_, err := ts.client.AnalyzeArticle(ctxTimeout(t, 10*time.Second), &articlev1.AnalyzeArticleRequest{Article: &articlev1.Article{Source: &articlev1.Article_Url{Url: u}}})
		if st := status.Convert(err); st.Code() != codes.InvalidArgument || reason(st) != "BLOCKED_ADDRESS" {
			t.Errorf("%s: got %v %s", u, st.Code(), reason(st))
		}
	}
}
