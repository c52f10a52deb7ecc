package text

import (
	"html"
	"sort"
	"strings"
)

// HTML character references in plain text.
//
// Text copied from a feed often writes some characters as HTML character
// references: "Procter &amp; Gamble", "&quot;We will,&quot; he said",
// "don&#39;t", "&#8220;". The tokeniser reads a chunk holding references
// as its decoded text would be read ("Procter & Gamble", "\"We will,\" he
// said", "do n't"): the tokens' Text is the decoded form and Start/End
// cover the reference's bytes in the caller's text, so no ';' of a
// reference becomes a token that ends a clause, and "&quot;" is a
// quotation mark. Only terminated references that html.UnescapeString
// decodes count ("&amp;", "&#39;", "&#x2019;", "&nbsp;"); "AT&T" and
// "Q&A" stay as they are.

// RefAt returns the length of the HTML character reference at s[i] (an
// '&') and its decoded form, or 0 and "" when the tokeniser reads none
// there: for analysers that read the caller's text themselves.
func RefAt(s string, i int) (n int, dec string) { return refAt(s, i, len(s)) }

// refAt returns the length of the character reference at s[k] (s[k] is
// '&') and its decoded form, or 0 when there is none.
func refAt(s string, k, b int) (n int, dec string) {
	j := k + 1
	if j < b && s[j] == '#' {
		j++
		hex := j < b && (s[j] == 'x' || s[j] == 'X')
		if hex {
			j++
		}
		d := j
		for j < b && j-d < 8 && (isDigit(s[j]) || hex && isHexLetter(s[j])) {
			j++
		}
		if j == d {
			return 0, ""
		}
	} else {
		d := j
		for j < b && j-d < 32 && isAlnum(s[j]) {
			j++
		}
		if j == d || !isLetter(s[d]) {
			return 0, ""
		}
	}
	if j >= b || s[j] != ';' {
		return 0, ""
	}
	ref := s[k : j+1]
	if ref == "&amp;" { // by far the most common
		return len(ref), "&"
	}
	dec = html.UnescapeString(ref)
	if dec == ref || dec == "" {
		return 0, ""
	}
	return len(ref), dec
}

func isHexLetter(c byte) bool { return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// HasRefs reports whether s holds an HTML character reference that
// Unescape decodes.
func HasRefs(s string) bool {
	for i := strings.IndexByte(s, '&'); i >= 0; {
		if n, _ := refAt(s, i, len(s)); n > 0 {
			return true
		}
		k := strings.IndexByte(s[i+1:], '&')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// Unescape returns s with its HTML character references decoded as the
// tokeniser reads them ("Duff &amp; Phelps" → "Duff & Phelps"); s itself
// when it holds none. Analysers that show a slice of the caller's text as
// a name (an entity's name, a key phrase) can pass it through Unescape so
// that it reads as the tokens do.
func Unescape(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var sb strings.Builder
	p := 0
	for ; i < len(s); i++ {
		if s[i] != '&' {
			continue
		}
		n, dec := refAt(s, i, len(s))
		if n == 0 {
			continue
		}
		if sb.Len() == 0 {
			sb.Grow(len(s))
		}
		sb.WriteString(s[p:i])
		sb.WriteString(dec)
		i += n - 1
		p = i + 1
	}
	if p == 0 {
		return s
	}
	sb.WriteString(s[p:])
	return sb.String()
}

// ref is one decoded reference of a chunk: the decoded bytes
// [dStart, dEnd) of the chunk's decoded text stand for the bytes
// [oStart, oEnd) of the text.
type ref struct{ dStart, dEnd, oStart, oEnd int }

// refChunk tokenises s[a:b], a chunk holding at least one '&', as its
// decoded text would be tokenised, when it holds a character reference;
// it returns false (and emits nothing) when it holds none.
func (t *tokenizer) refChunk(a, b int, lineStart bool) bool {
	s := t.s
	var refs []ref
	var dec []byte
	p := a // s[p:k] is copied to dec when the next reference is found
	for k := a + strings.IndexByte(s[a:b], '&'); k < b; k++ {
		if s[k] != '&' {
			continue
		}
		n, d := refAt(s, k, b)
		if n == 0 {
			continue
		}
		if dec == nil {
			dec = make([]byte, 0, b-a+16)
		}
		dec = append(dec, s[p:k]...)
		refs = append(refs, ref{dStart: len(dec), dEnd: len(dec) + len(d), oStart: k, oEnd: k + n})
		dec = append(dec, d...)
		k += n - 1
		p = k + 1
	}
	if refs == nil {
		return false
	}
	dec = append(dec, s[p:b]...)
	m := len(dec)
	// what follows the chunk up to the next visible character: the
	// tokeniser looks there for a line end or a number after a period
	c := b
	for c < len(s) && (s[c] == ' ' || s[c] == '\t' || s[c] == '\r') {
		c++
	}
	if c < len(s) {
		c++
	}
	dec = append(dec, s[b:c]...)
	ds := string(dec)
	sub := tokenizer{s: ds, inRef: true}
	sub.runRange(0, m, lineStart)
	// back to the text's offsets: outside the references the shift is
	// the sum of the length differences of the references before. The
	// reference is found by binary search: a chunk without spaces can
	// hold a hundred thousand references and as many tokens.
	orig := func(d int, end bool) int {
		i := sort.Search(len(refs), func(i int) bool { return refs[i].dEnd > d })
		shift := a
		if i > 0 {
			shift = refs[i-1].oEnd - refs[i-1].dEnd
		}
		if i < len(refs) && d > refs[i].dStart {
			if end {
				return refs[i].oEnd
			}
			return refs[i].oStart
		}
		return d + shift
	}
	last := a
	for _, sp := range sub.spans {
		os, oe := orig(sp.start, false), orig(sp.end, true)
		if os < last {
			os = last // two tokens inside one reference's decoded text
		}
		if oe <= os {
			continue
		}
		t.spans = append(t.spans, span{os, oe})
		if ds[sp.start:sp.end] != s[os:oe] {
			t.texts = append(t.texts, decoded{len(t.spans) - 1, ds[sp.start:sp.end]})
		}
		last = oe
	}
	return true
}

// decoded is the Text of token i when it differs from its bytes in the
// text (it holds a character reference).
type decoded struct {
	i    int
	text string
}
