package text

import (
	"context"
	"strings"
	"unicode/utf8"
)

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

// AnalyzeContext is Analyze for a request: the tokeniser stops once ctx
// is done (see TokenizeContext), and the document it returns is tied to
// ctx (WithContext). On a done ctx it returns ctx's error and no document.
func AnalyzeContext(ctx context.Context, s string) (*Document, error) {
	toks, err := TokenizeContext(ctx, s)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	d := &Document{Text: s, Tokens: toks, ctx: ctx}
	d.Sentences = SplitSentences(s, d.Tokens)
	d.Paragraphs = Paragraphs(s)
	return d, nil
}

// Paragraphs returns the non-blank lines of s, without their leading and
// trailing white space. News text has one paragraph per line, so a single
// line break ends a paragraph; blank lines are skipped.
func Paragraphs(s string) []Span {
	ps := make([]Span, 0, strings.Count(s, "\n")+1)
	// U+0085, U+2028 and U+2029 end lines too, but are rare
	other := strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029") || strings.Contains(s, "\u0085")
	for start := 0; start <= len(s); {
		end, n := len(s), 0 // the line break ending this line and its length
		if k := strings.IndexByte(s[start:], '\n'); k >= 0 {
			end, n = start+k, 1
		}
		if other {
			for i := start; i < end; i++ {
				if c := s[i]; c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
					end, n = i, 3
				} else if c == 0xC2 && i+1 < len(s) && s[i+1] == 0x85 {
					end, n = i, 2
				} else {
					continue
				}
				break
			}
		}
		if sp, ok := trimSpace(s, start, end); ok {
			ps = append(ps, sp)
		}
		if n == 0 {
			break
		}
		start = end + n
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
