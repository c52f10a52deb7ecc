package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
)

// checkRefs tokenises esc, a text with character references, and dec, the
// same text decoded, and checks that both read the same: the same token
// texts, the same sentences, and every token of esc covers the bytes
// that decode to its text.
func checkRefs(t *testing.T, esc, dec string) {
	t.Helper()
	de, dd := Analyze(esc), Analyze(dec)
	if got, want := render(de), render(dd); got != want {
		t.Fatalf("%q\n got  %s\n want %s", esc, got, want)
	}
	last := 0
	for i, tk := range de.Tokens {
		if tk.Start < last || tk.End <= tk.Start || tk.End > len(esc) {
			t.Fatalf("%q: token %d %q at %d-%d after %d", esc, i, tk.Text, tk.Start, tk.End, last)
		}
		last = tk.End
		// a doubled ’ (a closing double quotation mark) keeps its text
		if u := Unescape(esc[tk.Start:tk.End]); u != tk.Text && strings.ReplaceAll(u, "\u2019", "'") != tk.Text {
			t.Errorf("%q: token %d %q covers %q", esc, i, tk.Text, esc[tk.Start:tk.End])
		}
	}
	for i, s := range de.Sentences {
		if s.First != dd.Sentences[i].First || s.Last != dd.Sentences[i].Last {
			t.Errorf("%q: sentence %d tokens %d-%d, decoded %d-%d", esc, i, s.First, s.Last, dd.Sentences[i].First, dd.Sentences[i].Last)
		}
		if s.Start != de.Tokens[s.First].Start || s.End != de.Tokens[s.Last-1].End {
			t.Errorf("%q: sentence %d at %d-%d", esc, i, s.Start, s.End)
		}
	}
}

func TestReferences(t *testing.T) {
	for _, esc := range []string{
		"Shares of Marlow &amp; Keene Securities Co. and BT&amp;Q Ltd rose; rivals fell.",
		"&quot;We are not selling,&quot; the mayor told reporters. &quot;Not now.&quot; She left.",
		"The fund&#39;s manager said it didn&#39;t buy &lt;any&gt; of the bonds.",
		"Its chief&#8217;s view: &#8220;Growth will slow.&#8221; Analysts disagreed.",
		"The index rose 2&#x2019;s worth&nbsp;of points to 1,200&#160;today.",
		"Visit www.example.org/?a=1&amp;b=2 for the R&amp;D figures.",
		"Mr.&nbsp;Okafor arrived at 10 a.m.&nbsp;The meeting began.",
	} {
		checkRefs(t, esc, Unescape(esc))
	}
	// a reference is decoded once: "&amp;amp;" reads as the text "&amp;"
	if got := render(Analyze("Fish &amp;amp; chips")); got != "Fish &amp ; chips" {
		t.Errorf("double escape: %s", got)
	}
}

// Text without references, and ampersands that are no references, read
// as before: every token's Text is its bytes.
func TestNoReferences(t *testing.T) {
	for _, s := range []string{
		"Profits at AT&T and Q&A sessions &c; the &unknownthing; stays & so does &#;.",
		"Tom & Jerry&co; &amp without a semicolon",
	} {
		if HasRefs(s) || Unescape(s) != s {
			t.Errorf("%q: HasRefs %v, Unescape %q", s, HasRefs(s), Unescape(s))
		}
		for _, tk := range Tokenize(s) {
			if tk.Text != s[tk.Start:tk.End] {
				t.Errorf("%q: token %q at %q", s, tk.Text, s[tk.Start:tk.End])
			}
		}
	}
	if got := Tokenize("AT&T Q&A"); len(got) != 2 {
		t.Errorf("AT&T Q&A: %d tokens", len(got))
	}
}

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		"Smith &amp; Sons":          "Smith & Sons",
		"&quot;no&quot;":            `"no"`,
		"O&#39;Hara &#x2019;97":     "O'Hara ’97",
		"caf&eacute; &#233;t&#xE9;": "café été",
		"AT&T":                      "AT&T",
		"&amp;amp;":                 "&amp;",
		"a &bogus; b &#xZZ; c":      "a &bogus; b &#xZZ; c",
	} {
		if got := Unescape(in); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
		if HasRefs(in) != (Unescape(in) != in) {
			t.Errorf("HasRefs(%q) = %v", in, HasRefs(in))
		}
	}
}

// Random texts built from words, punctuation and references read as their
// decoded texts.
func TestReferencesRandom(t *testing.T) {
	words := []string{"Kellerman", "said", "the", "U.S.", "Corp.", "don", "t", "s", "10", "1.5", "Mr.", "i", "AT", "He",
		"a.m.", "we", "Inc.", "won", "5", "%", "$"}
	punct := []string{".", ",", ";", ":", "?", "!", "(", ")", "-", "...", "'", "\"", "&", "’", "“", "”", "<", ">"}
	refs := map[string][]string{
		"&":  {"&amp;", "&#38;"},
		"\"": {"&quot;", "&#34;"},
		"'":  {"&#39;", "&apos;", "&#x27;"},
		"’":  {"&#8217;", "&rsquo;", "&#x2019;"},
		"“":  {"&#8220;", "&ldquo;"},
		"”":  {"&#8221;"},
		"<":  {"&lt;"},
		">":  {"&gt;"},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	checked, escaped := 0, 0
	for n := 0; n < 3000; n++ {
		var esc, dec strings.Builder
		for k := rng.IntN(14) + 1; k > 0; k-- {
			var p string
			switch r := rng.IntN(10); {
			case r < 5:
				p = words[rng.IntN(len(words))]
			case r < 9:
				p = punct[rng.IntN(len(punct))]
			default:
				p = []string{" ", " ", "\n", "  "}[rng.IntN(4)]
			}
			if rng.IntN(3) == 0 && p != "\n" {
				p += " "
			}
			dec.WriteString(p)
			if alts, ok := refs[p[:len(p)-len(strings.TrimLeft(p, "&\"'’“”<>"))]]; ok && rng.IntN(2) == 0 {
				esc.WriteString(alts[rng.IntN(len(alts))])
				esc.WriteString(p[len(p)-len(strings.TrimLeft(p, "&\"'’“”<>")):])
			} else if p == " " && rng.IntN(4) == 0 {
				esc.WriteString("&nbsp;")
				dec.Reset()
				dec.WriteString(Unescape(esc.String()))
			} else {
				esc.WriteString(p)
			}
		}
		e, d := esc.String(), dec.String()
		if Unescape(e) != d || Unescape(d) != d {
			continue // the decoded text reads as holding a reference ("&" "amp;"...)
		}
		checkRefs(t, e, d)
		if t.Failed() {
			return
		}
		checked++
		if e != d {
			escaped++
		}
	}
	if checked < 2000 || escaped < 1000 {
		t.Errorf("only %d texts checked, %d with references", checked, escaped)
	}
}

// A text without '&' takes the plain path.
func BenchmarkTokenizeReferences(b *testing.B) {
	s := strings.Repeat("Shares of Marlow &amp; Keene rose 5% on Monday, &quot;a good day,&quot; a trader said. ", 40)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Tokenize(s)
	}
}

// A chunk without spaces holding a reference every few bytes (1 MB of
// '&quot;a') tokenises in time linear in its length: mapping each token
// back through every reference before it took about a minute.
func TestReferencesLongChunk(t *testing.T) {
	s := strings.Repeat("&quot;a", 1<<20/7)
	var toks []Token
	d := cputime.Run(func() { toks = Tokenize(s) })
	if len(toks) < 1<<20/7 {
		t.Fatalf("%d tokens", len(toks))
	}
	if last := toks[len(toks)-1]; last.End != len(s) {
		t.Errorf("last token %q ends at %d of %d", last.Text, last.End, len(s))
	}
	if d > 2*time.Second {
		t.Errorf("1 MB chunk of references: %v CPU", d)
	}
}
