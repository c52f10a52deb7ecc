package text

import (
	"bufio"
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/cases.golden with the current output")

// render shows a document as its tokens separated by spaces, with " || "
// between sentences.
func render(d *Document) string {
	var b strings.Builder
	for si, se := range d.Sentences {
		if si > 0 {
			b.WriteString(" || ")
		}
		for k, tk := range d.Tokens[se.First:se.Last] {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(tk.Text)
		}
	}
	return b.String()
}

// unescape reads the escapes \n \r \t \\ and \uXXXX of a test input.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			if i+4 < len(s) {
				if r, err := strconv.ParseUint(s[i+1:i+5], 16, 32); err == nil {
					b.WriteRune(rune(r))
					i += 4
					continue
				}
			}
			b.WriteString(`\u`)
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

type goldenCase struct {
	line      int
	in, want  string
	comment   string // the comment lines before the case
	hasWanted bool
}

// readCases reads testdata/cases.golden: "in: " lines (the input, with
// escapes) each followed by an "out: " line (tokens and sentences as
// render shows them). Lines starting with # are comments.
func readCases(t *testing.T, path string) []goldenCase {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []goldenCase
	var comment strings.Builder
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "in: "):
			cases = append(cases, goldenCase{line: n, in: line[4:], comment: comment.String()})
			comment.Reset()
		case strings.HasPrefix(line, "out: "):
			if len(cases) == 0 || cases[len(cases)-1].hasWanted {
				t.Fatalf("%s:%d: out: without in:", path, n)
			}
			cases[len(cases)-1].want = line[5:]
			cases[len(cases)-1].hasWanted = true
		case line == "" || strings.HasPrefix(line, "#"):
			comment.WriteString(line + "\n")
		default:
			t.Fatalf("%s:%d: unexpected line %q", path, n, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// TestGolden runs the hand-written hard cases in testdata/cases.golden.
func TestGolden(t *testing.T) {
	const path = "testdata/cases.golden"
	cases := readCases(t, path)
	if len(cases) < 150 {
		t.Errorf("only %d cases in %s", len(cases), path)
	}
	var out strings.Builder
	for _, c := range cases {
		d := Analyze(unescape(c.in))
		got := render(d)
		checkDocument(t, d)
		if *update {
			out.WriteString(c.comment + "in: " + c.in + "\nout: " + got + "\n")
			continue
		}
		if got != c.want {
			t.Errorf("%s:%d: %s\n got: %s\nwant: %s", path, c.line, c.in, got, c.want)
		}
	}
	if *update {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkDocument checks the invariants of an analysed document: tokens in
// bounds, on rune boundaries, in order, not overlapping and equal to their
// span of the text (decoded, for a span holding a character reference); sentences cover all tokens in order; paragraphs are in
// order and non-blank.
func checkDocument(t testing.TB, d *Document) {
	t.Helper()
	s := d.Text
	boundary := make(map[int]bool, len(s)+1)
	for i := range s {
		boundary[i] = true
	}
	boundary[len(s)] = true
	prev := 0
	for i, tk := range d.Tokens {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
			t.Fatalf("%q: token %d %q has bad span [%d,%d) after %d", s, i, tk.Text, tk.Start, tk.End, prev)
		}
		if !boundary[tk.Start] || !boundary[tk.End] {
			t.Fatalf("%q: token %d [%d,%d) not on rune boundaries", s, i, tk.Start, tk.End)
		}
		if span := s[tk.Start:tk.End]; tk.Text != span && tk.Text != strings.ReplaceAll(span, "\u2019", "'") &&
			!(HasRefs(span) && strings.Contains(strings.ReplaceAll(Unescape(span), "\u2019", "'"), tk.Text)) {
			// (a token holding a character reference reads decoded: its
			// text is in the decoded span, which may hold more, as
			// "&nbspp;" holds a no-break space before "p;")
			t.Fatalf("%q: token %d text %q != %q", s, i, tk.Text, s[tk.Start:tk.End])
		}
		if strings.TrimSpace(tk.Text) != tk.Text {
			t.Fatalf("%q: token %d %q has white space", s, i, tk.Text)
		}
		prev = tk.End
	}
	next := 0
	for i, se := range d.Sentences {
		if se.First != next || se.Last <= se.First || se.Last > len(d.Tokens) {
			t.Fatalf("%q: sentence %d covers tokens [%d,%d), want from %d", s, i, se.First, se.Last, next)
		}
		if se.Start != d.Tokens[se.First].Start || se.End != d.Tokens[se.Last-1].End {
			t.Fatalf("%q: sentence %d span [%d,%d) does not match its tokens", s, i, se.Start, se.End)
		}
		next = se.Last
	}
	if next != len(d.Tokens) {
		t.Fatalf("%q: sentences cover %d of %d tokens", s, next, len(d.Tokens))
	}
	prev = 0
	for i, p := range d.Paragraphs {
		if p.Start < prev || p.End <= p.Start || p.End > len(s) || strings.TrimSpace(s[p.Start:p.End]) == "" {
			t.Fatalf("%q: paragraph %d [%d,%d) is bad", s, i, p.Start, p.End)
		}
		prev = p.End
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n\n", "He said \"no.\" Then he left.", "TEHRAN, Sept. 20 (Reuters) - Iran's army.",
		"U.S.. e.g. J.R.R. No. 5", "$1.5 3.5% 12:30 9/11 10,000", "https://example.com/a). x@y.com.",
		"don't can’t O'Brien's '90s", "“Go.” ‘Stay.’ — … ...", "a\u2028b\u00a0c\u200bd", "\xff\xfe.\x80'",
		"aid-U.N.", "1. One\n2. Two", "'", "’s", "--", "...'", "a'''", "US$", "$", "-.-",
		"&#6;lwine\"", "a &#7; b &nbsp; c &#8203;", // references to a control or a space: no token
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Analyze(s)
		checkDocument(t, d)
		// tokenising is deterministic and sentence splitting only groups
		toks := Tokenize(s)
		if len(toks) != len(d.Tokens) {
			t.Fatalf("%q: Tokenize gives %d tokens, Analyze %d", s, len(toks), len(d.Tokens))
		}
		// every non-space character is in some token
		covered := 0
		for _, tk := range d.Tokens {
			if strings.TrimSpace(s[covered:tk.Start]) != "" && !onlyIgnorable(s[covered:tk.Start]) {
				t.Fatalf("%q: text %q between tokens is lost", s, s[covered:tk.Start])
			}
			covered = tk.End
		}
		if rest := s[covered:]; strings.TrimSpace(rest) != "" && !onlyIgnorable(rest) {
			t.Fatalf("%q: trailing text %q is lost", s, rest)
		}
	})
}

// onlyIgnorable reports whether s holds only characters the tokeniser
// treats as space (control characters, zero-width spaces), written as
// they are or as HTML character references ("&#6;", "&nbsp;"), which the
// tokeniser reads decoded.
func onlyIgnorable(s string) bool {
	if HasRefs(s) {
		s = Unescape(s)
	}
	for _, r := range s {
		if r < 0x80 {
			if ascii[r]&cSpace == 0 {
				return false
			}
		} else if !isSpaceRune(r) {
			return false
		}
	}
	return true
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"\n\n \n", nil},
		{"One.", []string{"One."}},
		{"One.\nTwo.", []string{"One.", "Two."}},
		{"  One. \n\n\t Two.  \r\n", []string{"One.", "Two."}},
		{"Headline\n\nBody one.\nBody two.\n", []string{"Headline", "Body one.", "Body two."}},
		{"A\u2029B\u2028C\u0085D", []string{"A", "B", "C", "D"}},
		{"\u00a0A\u00a0\nB", []string{"A", "B"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range Paragraphs(tt.in) {
			got = append(got, tt.in[p.Start:p.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
			t.Errorf("Paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSentencesStayInParagraphs(t *testing.T) {
	s := "Iran and Russia sign pact\nTEHRAN, Sept. 20 (Reuters) - The ministers met. They agreed.\n\nBy a staff writer"
	d := Analyze(s)
	for i, se := range d.Sentences {
		in := false
		for _, p := range d.Paragraphs {
			if se.Start >= p.Start && se.End <= p.End {
				in = true
			}
		}
		if !in {
			t.Errorf("sentence %d %q crosses a paragraph", i, s[se.Start:se.End])
		}
	}
	if len(d.Sentences) != 4 || len(d.Paragraphs) != 3 {
		t.Errorf("got %d sentences and %d paragraphs, want 4 and 3", len(d.Sentences), len(d.Paragraphs))
	}
}

// TestPathological checks that long runs of awkward characters take linear
// time: each input of 200 KB must be analysed in well under a second.
func TestPathological(t *testing.T) {
	const n = 200 << 10
	inputs := map[string]string{
		"dots":        strings.Repeat(".", n),
		"abbrevs":     strings.Repeat("a.", n/2),
		"abbrev tail": strings.Repeat("a.", n/4) + strings.Repeat("'.", n/4),
		"quotes":      strings.Repeat(`"`, n),
		"apostrophes": "x" + strings.Repeat("'", n),
		"hyphens":     strings.Repeat("-", n),
		"at signs":    strings.Repeat("a@", n/2),
		"urls":        strings.Repeat("http://", n/7),
		"spaces":      "a" + strings.Repeat(" ", n) + ".",
		"newlines":    strings.Repeat("\n", n),
		"word":        strings.Repeat("a", n),
		"clitics":     strings.Repeat("'s", n/2),
		"percent":     strings.Repeat("%.", n/2),
		"dollars":     strings.Repeat("US$", n/3),
		"emails":      strings.Repeat("a.b@c.d", n/7),
		"mixed":       strings.Repeat("U.S.'s \"no.\" — …", n/20),
	}
	for name, s := range inputs {
		start := time.Now()
		d := Analyze(s)
		el := time.Since(start)
		t.Logf("%s: %v", name, el)
		if el > time.Second {
			t.Errorf("%s: %v for %d bytes", name, el, len(s))
		}
		if !testing.Short() {
			checkDocument(t, d)
		}
	}
}
