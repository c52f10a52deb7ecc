package text

import (
	"strings"
	"testing"
)

// TestCurlyApostrophe checks that a text written with the typographic
// apostrophe U+2019 gives the tokens, token texts and sentences of the
// same text with the ASCII one, and that its offsets still cover its own
// bytes.
func TestCurlyApostrophe(t *testing.T) {
	for _, ascii := range []string{
		"The Farmers' Union's chairman said the vote wasn't fair.",
		"We don't think it's over, and they'll say we'd won.",
		"Ms O'Hara met the Greens' leader at the Baker's Arms on Friday.",
		"I'm sure you're right: the '90s were rock 'n' roll years.",
		"The Alpine Workers' Party's list didn't include Mr D'Souza. He said 'no' twice.",
		"Can't stop, won't stop. Ain't that the club's motto?",
	} {
		curly := strings.ReplaceAll(ascii, "'", "\u2019")
		da, dc := Analyze(ascii), Analyze(curly)
		if len(da.Tokens) != len(dc.Tokens) {
			t.Errorf("%q: %d tokens, curly %d: %s | %s", ascii, len(da.Tokens), len(dc.Tokens), tokTexts(da), tokTexts(dc))
			continue
		}
		for i, a := range da.Tokens {
			c := dc.Tokens[i]
			if a.Text != c.Text {
				t.Errorf("%q: token %d %q, curly %q", ascii, i, a.Text, c.Text)
			}
			if got := strings.ReplaceAll(curly[c.Start:c.End], "\u2019", "'"); got != a.Text {
				t.Errorf("%q: curly token %d covers %q, want the bytes of %q", ascii, i, curly[c.Start:c.End], a.Text)
			}
		}
		if len(da.Sentences) != len(dc.Sentences) {
			t.Errorf("%q: %d sentences, curly %d", ascii, len(da.Sentences), len(dc.Sentences))
		}
	}
}

func tokTexts(d *Document) string {
	var b strings.Builder
	for _, t := range d.Tokens {
		b.WriteString(t.Text)
		b.WriteByte(' ')
	}
	return b.String()
}

// TestDoubledCurlyQuote checks that two typographic apostrophes side by
// side, a closing double quotation mark typed as two single ones
// (‘‘like this’’), keep their text: as two ASCII apostrophes they read
// as a straight double quote, which opens a quote. A lone one still reads
// as the ASCII apostrophe.
func TestDoubledCurlyQuote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"The mayor called it ‘‘a waste of money’’ on Monday.", "The mayor called it ‘ ‘ a waste of money ’ ’ on Monday ."},
		{"He said ‘‘no’’.", "He said ‘ ‘ no ’ ’ ."},
		{"It was &lsquo;&lsquo;over&rsquo;&rsquo; then.", "It was ‘ ‘ over ’ ’ then ."},
		{"He said ‘no’ twice, not ’’ or ’ ’.", "He said ‘ no ' twice , not ’ ’ or ' ' ."},
		{"The bosses’ ‘rules’.", "The bosses ' ‘ rules ' ."},
	} {
		if got := tokTexts(Analyze(tt.in)); strings.TrimSpace(got) != tt.want {
			t.Errorf("%q: tokens %q, want %q", tt.in, got, tt.want)
		}
	}
}
