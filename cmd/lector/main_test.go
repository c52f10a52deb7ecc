package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/tlsconf"
	"github.com/lector-nlp/lector/internal/tlsconf/tlstest"
	"github.com/lector-nlp/lector/internal/web/webtest"
)

// lector runs the command with args and stdin and returns its exit code
// and output.
func lector(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, s string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const article = `The city council of Harbour City approved a new flood barrier on Tuesday.

Mayor Lena Ortiz said the barrier would protect 40,000 homes. "We cannot wait for the next storm," she told reporters.

"The plan ignores the fishermen," said Tomas Berg, who chairs the Harbour Fishing Association. The council will review the design every six months.`

func demo() *webtest.Demo {
	return &webtest.Demo{
		Entities: []webtest.DemoEntity{
			{Name: "Lena Ortiz", Type: articlev1.EntityType_ENTITY_TYPE_PERSON, Aliases: []string{"Ortiz"},
				Roles: []*articlev1.Role{{Title: "mayor", Affiliation: "Harbour City"}}},
			{Name: "Tomas Berg", Type: articlev1.EntityType_ENTITY_TYPE_PERSON},
			{Name: "Harbour City", Type: articlev1.EntityType_ENTITY_TYPE_LOCATION, CountryCode: "NL"},
			{Name: "Harbour Fishing Association", Type: articlev1.EntityType_ENTITY_TYPE_ORGANIZATION},
		},
		Categories: []*articlev1.Category{{Name: "/Politics", Confidence: 0.7}},
	}
}

// TestAnalyzeRealServer calls the real service on the registered stages.
func TestAnalyzeRealServer(t *testing.T) {
	srv := webtest.Start(t, webtest.Config{})
	file := writeFile(t, "article.txt", article)

	code, out, errs := lector(t, "", "analyze", "-addr", srv.GRPCAddr, "-publish-time", "2023-09-20", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Published   Wed 20 September 2023", "Statistics", "words, 5 sentences, 3 paragraphs"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}

	// -json prints the Analysis as protojson; the same file from standard input.
	code, out, errs = lector(t, article, "analyze", "-addr", srv.GRPCAddr, "-", "-json", "-features", "statistics")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var a articlev1.Analysis
	if err := protojson.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("-json output: %v\n%s", err, out)
	}
	if a.GetStatistics().GetSentences() != 5 || len(a.GetSentences()) != 5 {
		t.Errorf("statistics %v, %d sentences", a.GetStatistics(), len(a.GetSentences()))
	}
	if a.GetStatistics().GetWords() < 40 {
		t.Errorf("words = %d", a.GetStatistics().GetWords())
	}
}

func TestStreamRealServer(t *testing.T) {
	srv := webtest.Start(t, webtest.Config{})
	code, out, errs := lector(t, article, "stream", "-addr", srv.GRPCAddr, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.Contains(lines[0], "] source") || !strings.Contains(out, "] syntax           5 sentences") {
		t.Errorf("stream output:\n%s", out)
	}
	last := -1
	for i, l := range lines {
		if strings.Contains(l, "] completion") {
			last = i
		}
	}
	if last < 1 {
		t.Errorf("no completion line:\n%s", out)
	}

	code, out, _ = lector(t, article, "stream", "-addr", srv.GRPCAddr, "-json", "-")
	if code != 0 {
		t.Fatal(code)
	}
	lines = strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines {
		var m articlev1.StreamAnalyzeArticleResponse
		if err := protojson.Unmarshal([]byte(l), &m); err != nil {
			t.Errorf("line %q: %v", l, err)
		}
	}
	if !strings.HasPrefix(lines[len(lines)-1], `{"completion"`) {
		t.Errorf("last line %q", lines[len(lines)-1])
	}
}

// TestReportEveryPart prints every part of an analysis, from the demo service.
func TestReportEveryPart(t *testing.T) {
	srv := webtest.Start(t, webtest.Config{Service: demo()})
	code, out, errs := lector(t, article, "analyze", "-addr", srv.GRPCAddr, "-publish-time", "2023-09-21", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"Language    en (98% confident)",
		"Entities by salience (4)",
		"Lena Ortiz", "PERSON", "mayor (Harbour City)", "NL",
		"Quotes by speaker (2)",
		"  Lena Ortiz (1)\n    \"We cannot wait for the next storm,\"  [direct, cue told]",
		"  Tomas Berg (1)",
		"Time expressions (2)", "2023-09-19", "anchored", "P6M",
		"Key phrases", "Summary\n  1. The city council",
		"Categories (1)\n  /Politics  70%",
		"Sentiment   ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(out)
	}

	code, out, _ = lector(t, article, "stream", "-addr", srv.GRPCAddr, "-")
	if code != 0 {
		t.Fatal(code)
	}
	order := []string{"] source", "] syntax", "] language", "] entities", "] time expressions", "] quotes", "] key phrases",
		"] summary", "] sentiment", "] categories", "] statistics", "] completion"}
	pos := 0
	for _, o := range order {
		i := strings.Index(out[pos:], o)
		if i < 0 {
			t.Fatalf("stream lacks %q after byte %d:\n%s", o, pos, out)
		}
		pos += i
	}
}

func TestErrors(t *testing.T) {
	srv := webtest.Start(t, webtest.Config{MaxArticleBytes: 100})
	cases := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  []string
	}{
		{"empty article", " \n", []string{"analyze", "-addr", srv.GRPCAddr, "-"}, exitError,
			[]string{"INVALID_ARGUMENT EMPTY_ARTICLE", "field article.text"}},
		{"too large", strings.Repeat("word ", 40), []string{"stream", "-addr", srv.GRPCAddr, "-"}, exitError,
			[]string{"RESOURCE_EXHAUSTED ARTICLE_TOO_LARGE"}},
		{"no server", "text", []string{"analyze", "-addr", "127.0.0.1:1", "-timeout", "5s", "-"}, exitError,
			[]string{"UNAVAILABLE", "Is a Lector server running at 127.0.0.1:1?"}},
		{"unknown feature", "text", []string{"analyze", "-features", "entities,bogus", "-"}, exitUsage,
			[]string{`unknown feature "bogus"`, "key-phrases"}},
		{"bad date", "text", []string{"analyze", "-publish-time", "20/09/2023", "-"}, exitUsage, []string{"-publish-time"}},
		{"no input", "", []string{"analyze"}, exitUsage, []string{"give one FILE, URL or -"}},
		{"two inputs", "", []string{"analyze", "a.txt", "-json", "b.txt"}, exitUsage, []string{"give one FILE, URL or -"}},
		{"missing file", "", []string{"analyze", "/nonexistent/article.txt"}, exitUsage, []string{"no such file"}},
		{"unknown command", "", []string{"summarise"}, exitUsage, []string{`unknown command "summarise"`}},
		{"no command", "", nil, exitUsage, []string{"usage: lector"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := lector(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tc.code, errs)
			}
			if out != "" {
				t.Errorf("stdout %q", out)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q lacks %q", errs, w)
				}
			}
		})
	}
}

// TestLoopbackURL asks the server to fetch its own loopback address, which
// it must refuse (or, on a server without URL sources, not support).
func TestLoopbackURL(t *testing.T) {
	srv := webtest.Start(t, webtest.Config{})
	code, out, errs := lector(t, "", "analyze", "-addr", srv.GRPCAddr, "http://"+srv.GRPCAddr+"/")
	if code != exitError || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errs, " BLOCKED_ADDRESS: ") && !strings.Contains(errs, " SOURCE_NOT_SUPPORTED: ") {
		t.Errorf("stderr %q", errs)
	}
	t.Log(strings.TrimSpace(errs))
}

func TestCapabilities(t *testing.T) {
	srv := webtest.Start(t, webtest.Config{Service: demo()})
	code, out, errs := lector(t, "", "capabilities", "-addr", srv.GRPCAddr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Server version  demo") || !strings.Contains(out, "key-phrases") || !strings.Contains(out, "1048576 bytes per article") {
		t.Errorf("capabilities:\n%s", out)
	}
}

func TestRequestFromInput(t *testing.T) {
	html := writeFile(t, "page.html", "<p>Hello</p>")
	sniffed := writeFile(t, "page.txt", "  <!DOCTYPE html><html><body><p>Hi</p></body></html>")
	text := writeFile(t, "a.txt", "<not a tag> just text")
	for _, tc := range []struct {
		arg  string
		o    options
		want string
	}{
		{"https://example.com/news/1", options{}, "url"},
		{html, options{}, "html"},
		{sniffed, options{}, "html"},
		{text, options{}, "text"},
		{text, options{html: true}, "html"},
	} {
		req, err := tc.o.request(tc.arg, strings.NewReader(""))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		switch req.GetArticle().GetSource().(type) {
		case *articlev1.Article_Url:
			got = "url"
		case *articlev1.Article_Html:
			got = "html"
		case *articlev1.Article_Text:
			got = "text"
		}
		if got != tc.want {
			t.Errorf("%s: %s, want %s", tc.arg, got, tc.want)
		}
	}
	req, err := options{features: "entities, key-phrases,FEATURE_QUOTES", publishTime: "2023-09-20T10:00:00+02:00"}.request("-", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	if got := req.GetFeatures(); len(got) != 3 || got[1] != articlev1.Feature_FEATURE_KEY_PHRASES {
		t.Errorf("features %v", got)
	}
	if got := req.GetArticle().GetPublishTime().AsTime().UTC().Format("2006-01-02T15"); got != "2023-09-20T08" {
		t.Errorf("publish time %s", got)
	}
}

func TestAPIKey(t *testing.T) {
	srv := webtest.Start(t, webtest.Config{Service: demo(), APIKeys: []string{"k-123"}})
	code, _, errs := lector(t, "", "capabilities", "-addr", srv.GRPCAddr)
	if code != exitError || !strings.Contains(errs, "UNAUTHENTICATED API_KEY_MISSING") {
		t.Errorf("no key: exit %d, %s", code, errs)
	}
	code, _, errs = lector(t, "", "capabilities", "-addr", srv.GRPCAddr, "-api-key", "wrong")
	if code != exitError || !strings.Contains(errs, "UNAUTHENTICATED API_KEY_INVALID") {
		t.Errorf("wrong key: exit %d, %s", code, errs)
	}
	code, out, errs := lector(t, article, "analyze", "-addr", srv.GRPCAddr, "-api-key", "k-123", "-")
	if code != 0 || !strings.Contains(out, "Lena Ortiz") {
		t.Errorf("right key: exit %d, %s\n%s", code, errs, out)
	}
}

func TestTLS(t *testing.T) {
	files, err := tlstest.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	bundle, err := tlsconf.Load(files.ServerCert, files.ServerKey, files.ClientCA)
	if err != nil {
		t.Fatal(err)
	}
	srv := webtest.Start(t, webtest.Config{Service: demo(), TLS: bundle})
	ok := []string{"capabilities", "-addr", srv.GRPCAddr, "-ca", files.CA, "-cert", files.ClientCert, "-key", files.ClientKey}
	if code, out, errs := lector(t, "", ok...); code != 0 || !strings.Contains(out, "Server version  demo") {
		t.Errorf("mutual TLS: exit %d, %s", code, errs)
	}
	for name, args := range map[string][]string{
		"plaintext":      {"capabilities", "-addr", srv.GRPCAddr, "-timeout", "5s"},
		"no client cert": {"capabilities", "-addr", srv.GRPCAddr, "-ca", files.CA, "-timeout", "5s"},
		"unknown CA":     {"capabilities", "-addr", srv.GRPCAddr, "-tls", "-timeout", "5s"},
	} {
		if code, _, errs := lector(t, "", args...); code != exitError || !strings.Contains(errs, "UNAVAILABLE") {
			t.Errorf("%s: exit %d, %s", name, code, errs)
		}
	}
	if code, _, errs := lector(t, "", "capabilities", "-cert", files.ClientCert); code != exitUsage || !strings.Contains(errs, "-cert and -key go together") {
		t.Errorf("-cert alone: exit %d, %s", code, errs)
	}
}
