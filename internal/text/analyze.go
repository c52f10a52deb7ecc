package text

import "unicode/utf8"

// Analyze tokenises s and splits it into sentences and paragraphs. All
// offsets are byte offsets into s; see Tokenize and SplitSentences for the
// conventions.
func Analyze(s string) *Document {
	d := &Document{Text: s}
	d.Tokens = Tokenize(s)
	d.Sentences = SplitSentences(s, d.Tokens)
	d.Paragraphs = Paragraphs(s)
	return d
}

// Paragraphs returns the non-blank lines of s, without their leading and
// trailing white space. News text has one paragraph per line, so a single
// line break ends a paragraph; blank lines are skipped.
func Paragraphs(s string) []Span {
	var ps []Span
	start := 0
	for i := 0; i <= len(s); {
		n := 0 // length of the line break at i
		if i == len(s) {
			n = 1
		} else if c := s[i]; c == '\n' {
			n = 1
		} else if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
			n = 3
		} else if c == 0xC2 && i+1 < len(s) && s[i+1] == 0x85 {
			n = 2
		}
		if n == 0 {
			i++
			continue
		}
		if sp, ok := trimSpace(s, start, i); ok {
			ps = append(ps, sp)
		}
		i += n
		start = i
	}
	return ps
}

// trimSpace returns s[a:b] without leading and trailing white space, and
// false when nothing is left.
func trimSpace(s string, a, b int) (Span, bool) {
	for a < b {
		c := s[a]
		if c < utf8.RuneSelf {
			if ascii[c]&cSpace == 0 {
				break
			}
			a++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[a:b])
		if !isSpaceRune(r) {
			break
		}
		a += n
	}
	for b > a {
		c := s[b-1]
		if c < utf8.RuneSelf {
			if ascii[c]&cSpace == 0 {
				break
			}
			b--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if !isSpaceRune(r) {
			break
		}
		b -= n
	}
	return Span{a, b}, a < b
}
