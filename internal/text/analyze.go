package text

import (
	"unicode"
	"unicode/utf8"
)

// Analyze tokenises text and splits it into sentences and paragraphs.
//
// This first version is deliberately simple (whitespace and punctuation);
// the full tokeniser replaces it behind the same signature.
func Analyze(s string) *Document {
	d := &Document{Text: s}
	d.Tokens = Tokenize(s)
	d.Paragraphs = paragraphs(s)
	d.Sentences = sentences(s, d.Tokens)
	return d
}

// Tokenize splits s into tokens with byte offsets.
func Tokenize(s string) []Token {
	var toks []Token
	start := -1
	flush := func(end int) {
		if start >= 0 {
			toks = append(toks, Token{Text: s[start:end], Start: start, End: end})
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			flush(i)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		default:
			flush(i)
			n := utf8.RuneLen(r)
			toks = append(toks, Token{Text: s[i : i+n], Start: i, End: i + n})
		}
	}
	flush(len(s))
	return toks
}

func paragraphs(s string) []Span {
	var ps []Span
	start := -1
	lineStart := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '\n' {
			continue
		}
		line := s[lineStart:i]
		blank := true
		for _, r := range line {
			if !unicode.IsSpace(r) {
				blank = false
				break
			}
		}
		if !blank && start < 0 {
			start = lineStart
		}
		if !blank {
			end := i
			for end > start && unicode.IsSpace(rune(s[end-1])) {
				end--
			}
			if len(ps) > 0 && ps[len(ps)-1].Start == start {
				ps[len(ps)-1].End = end
			} else {
				ps = append(ps, Span{start, end})
			}
			// a single newline ends a paragraph in news text
			start = -1
		}
		lineStart = i + 1
	}
	return ps
}

func sentences(s string, toks []Token) []Sentence {
	var out []Sentence
	first := 0
	for i, t := range toks {
		end := t.Text == "." || t.Text == "!" || t.Text == "?"
		if !end && i+1 < len(toks) {
			// a line break between tokens ends a sentence too
			for _, c := range s[t.End:toks[i+1].Start] {
				if c == '\n' {
					end = true
				}
			}
		}
		if end || i == len(toks)-1 {
			out = append(out, Sentence{Start: toks[first].Start, End: t.End, First: first, Last: i + 1})
			first = i + 1
		}
	}
	return out
}
