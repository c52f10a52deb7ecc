package timex

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/text"
)

// piece kinds
const (
	kWord = iota + 1
	kNum
	kPunct
)

// piece is one unit of the recogniser's own fine-grained segmentation: a run
// of letters, a run of digits or one punctuation rune. It is independent of
// the shared tokeniser so that "Sept.", "1990s", "mid-2024" and "2023-09-20"
// are seen the same way whatever the tokeniser does with them.
type piece struct {
	s, e int32
	v    int32 // lexicon value, or the number for digits
	sent int32 // sentence index
	kind uint8
	c    cls
	nd   uint8 // number of digits
	sp   bool  // preceded by white space (or at the start)
	cap  bool  // starts with an upper-case letter
	pl   bool  // plural unit
	ch   byte  // the punctuation byte ('\'' for both apostrophes)
	// start tells whether a word outside the classes can start an
	// expression: startNo, startYes (lexEntry.start) or, for a word not
	// all ASCII, startAsk (maybeStart looks)
	start uint8
}

const (
	startNo = iota
	startYes
	startAsk
)

// lexCheckBytes is how many bytes lex reads between two calls of stop.
const lexCheckBytes = 64 << 10

// lex appends the pieces of s to ps. It looks at stop (when not nil)
// every lexCheckBytes bytes and returns what it has once stop reports
// true (a cancelled request: lexing 1 MB takes several milliseconds).
func lex(s string, ps []piece, stop func() bool) []piece {
	// a word's lower-cased letters, buf[k&31] (no bounds check): past 32
	// letters they wrap around, but such a word is longer than any key
	// and not looked up; bytes past the word are left from earlier words
	var buf [32]byte
	sp := true
	check := lexCheckBytes
	for i := 0; i < len(s); {
		if i >= check {
			if stop != nil && stop() {
				return ps
			}
			check = i + lexCheckBytes
		}
		c := s[i]
		r := rune(c) // the word's first letter
		if lowerASCII[c] == 0 {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				sp = true
				i++
				continue
			case c >= '0' && c <= '9':
				j := i
				v := int32(0)
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					if j-i < 9 {
						v = v*10 + int32(s[j]-'0')
					}
					j++
				}
				nd := j - i
				if nd > 255 {
					nd = 255
				}
				ps = append(ps, piece{s: int32(i), e: int32(j), v: v, kind: kNum, nd: uint8(nd), sp: sp})
				sp = false
				i = j
				continue
			case c == '&' && refLen(s, i) > 0:
				// an HTML character reference in feed text ("Jan.&nbsp;5",
				// "&quot;Monday&quot;") reads as the character it stands
				// for, as the tokeniser reads it
				n := refLen(s, i)
				r, _ := utf8.DecodeRuneInString(text.Unescape(s[i : i+n]))
				if unicode.IsSpace(r) {
					sp = true
					i += n
					continue
				}
				p := piece{s: int32(i), e: int32(i + n), kind: kPunct, sp: sp, ch: punctByte(r)}
				ps = append(ps, p)
				sp = false
				i += n
				continue
			case c < utf8.RuneSelf:
				p := piece{s: int32(i), e: int32(i + 1), kind: kPunct, sp: sp, ch: c}
				if c == '`' {
					p.ch = '\''
				}
				ps = append(ps, p)
				sp = false
				i++
				continue
			}
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) {
				if unicode.IsSpace(r) {
					sp = true
					i += n
					continue
				}
				p := piece{s: int32(i), e: int32(i + n), kind: kPunct, sp: sp, ch: punctByte(r)}
				ps = append(ps, p)
				sp = false
				i += n
				continue
			}
		}
		// a word: letters, ASCII ones lower-cased into buf
		j, k := asciiLetters(s, i, 0, &buf)
		ascii := true
		for j < len(s) && s[j] >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			ascii = false
			j, k = asciiLetters(s, j+n, k, &buf)
		}
		p := piece{s: int32(i), e: int32(j), kind: kWord, sp: sp, cap: unicode.IsUpper(r), start: startAsk}
		if ascii {
			p.start = startNo
			if k <= lexMaxLen {
				// the key: the first eight letters and the next eight,
				// the bytes past the word masked off
				a := binary.LittleEndian.Uint64(buf[:8]) & lowMask(k)
				b := binary.LittleEndian.Uint64(buf[8:16]) & lowMask(k-8)
				if h := lexHash(a, b); lexMaybe(h) {
					if le, ok := probeLex(h, a, b); ok {
						p.c, p.v, p.pl = le.c, int32(le.v), le.pl
						if le.start {
							p.start = startYes
						}
					}
				}
			}
		}
		ps = append(ps, p)
		sp = false
		i = j
	}
	return ps
}

// lowerASCII maps an ASCII letter to its lower case, any other byte to 0.
var lowerASCII = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

// lowMask returns a mask of the low n bytes of a word: none for n <= 0,
// all for n >= 8.
func lowMask(n int) uint64 {
	if n <= 0 {
		return 0
	}
	return ^uint64(0) >> (64 - 8*uint(min(n, 8)))
}

// asciiLetters writes the ASCII letters of s from j on, lower-cased, into
// buf from its k-th byte on (buf[k&31]) and returns the index past them
// and k plus their count: the lexer's letter loop, in a function of its
// own that keeps its few values in registers (in lex's loop they were
// spilled at every letter).
//
//go:noinline
func asciiLetters(s string, j, k int, buf *[32]byte) (int, int) {
	for ; j < len(s); j++ {
		l := lowerASCII[s[j]]
		if l == 0 {
			break
		}
		buf[k&31] = l
		k++
	}
	return j, k
}

// refLen returns the length of the HTML character reference of one
// character that starts at s[i] (an '&'), or 0: "&nbsp;", "&#160;",
// "&quot;", "&#8217;" (the references the tokeniser reads, text.RefAt).
func refLen(s string, i int) int {
	n, dec := text.RefAt(s, i)
	if n == 0 || utf8.RuneCountInString(dec) != 1 {
		return 0
	}
	return n
}

// punctByte is the byte a punctuation piece of rune r carries: r itself
// when ASCII, an apostrophe for curly single quotes, '"' for curly double
// quotes and guillemets, '.' for an ellipsis, '~' for a dash, and '*' for
// any other symbol ("£", "€", "•"), which ends no sentence (it was '?',
// which sentenceEnd read as a question mark: "will pay £5m on Monday"
// lost its "will").
func punctByte(r rune) byte {
	switch {
	case r < utf8.RuneSelf:
		return byte(r)
	case r == '\u2019' || r == '\u2018':
		return '\''
	case r == '\u201c' || r == '\u201d' || r == '\u201e' || r == '\u201f' || r == '\u00ab' || r == '\u00bb':
		return '"'
	case r == '\u2026':
		return '.'
	case r == '\u2013' || r == '\u2014':
		return '~' // dash
	}
	return '*'
}
