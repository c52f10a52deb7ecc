package text

import (
	"context"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits s into tokens with byte offsets, following the Penn
// Treebank and CoNLL-2003 conventions: punctuation is split off, "U.S.",
// "Jan." and initials keep their period, hyphenated words, numbers (1.5bn,
// 10,000, 12:30, 9/11, 2023-09-20), URLs, e-mail addresses, @handles and
// #hashtags stay whole, possessives and contractions are split
// (Russia's → Russia 's, don't → do n't), currency symbols and % are
// tokens of their own ($1.5 → $ 1.5, 3.5% → 3.5 %).
//
// A chunk holding HTML character references ("Duff &amp; Phelps",
// "&quot;Yes,&quot;") is tokenised as its decoded text would be; those
// tokens' Text is the decoded form and Start/End cover the references in
// s (see refs.go). Every other token's Text is a substring of s (no
// copying).
func Tokenize(s string) []Token {
	toks, _ := tokenize(nil, s)
	return toks
}

// TokenizeContext is Tokenize that stops once ctx is done, returning
// ctx's error and no tokens. It asks ctx every checkEvery bytes, between
// whitespace-separated chunks, so a cancelled request does not go on
// tokenising a long article (1 MB takes tens of milliseconds).
func TokenizeContext(ctx context.Context, s string) ([]Token, error) {
	return tokenize(ctx, s)
}

// checkEvery is how many bytes the tokeniser reads between two looks at
// its context (about 1 ms of work).
const checkEvery = 32 << 10

func tokenize(ctx context.Context, s string) ([]Token, error) {
	t := tokenizer{s: s, ctx: ctx}
	buf, _ := spanPool.Get().(*[]span)
	if buf == nil {
		buf = new([]span)
	}
	t.spans = (*buf)[:0]
	t.runRange(0, len(s), true)
	if t.err != nil {
		if cap(t.spans) <= 1<<16 {
			*buf = t.spans
			spanPool.Put(buf)
		}
		return nil, t.err
	}
	// The token slice is allocated once at its exact size: tokens hold
	// pointers, and growing such a slice costs more than this second pass.
	toks := make([]Token, len(t.spans))
	for i, sp := range t.spans {
		tk := &toks[i] // field by field: cheaper than copying a whole Token
		tk.Text = s[sp.start:sp.end]
		tk.Start = sp.start
		tk.End = sp.end
	}
	for _, d := range t.texts {
		toks[d.i].Text = d.text
	}
	if len(t.texts) > 0 || strings.Contains(s, "\u2019") {
		// a typographic apostrophe reads as the ASCII one (People’s,
		// don’t, O’Brien → People 's, do n't, O'Brien), as the models
		// and word lists know it; Start/End still cover its bytes. Two
		// lone ones side by side (‘‘a waste’’) are a closing double
		// quotation mark, and stay: as ' ' they read as the straight ''
		// that opens a quote, which then ran to the end of the paragraph
		prevLone := false // token i-1 was a lone ’ ending where token i starts
		for i := range toks {
			w := toks[i].Text
			if !strings.Contains(w, "\u2019") {
				prevLone = false
				continue
			}
			if w == "\u2019" {
				next := i+1 < len(toks) && toks[i+1].Text == "\u2019" && toks[i+1].Start == toks[i].End
				if prevLone || next {
					prevLone = next
					continue
				}
			}
			prevLone = false
			toks[i].Text = strings.ReplaceAll(w, "\u2019", "'")
		}
	}
	if cap(t.spans) <= 1<<16 {
		*buf = t.spans
		spanPool.Put(buf)
	}
	return toks, nil
}

// span is a token's byte range while tokenising.
type span struct{ start, end int }

var spanPool sync.Pool

type tokenizer struct {
	s     string
	spans []span
	texts []decoded // tokens whose Text is not their bytes in s
	inRef bool      // s is a decoded chunk: references are not decoded again

	ctx context.Context // nil: never cancelled (see TokenizeContext)
	err error           // ctx's error once runRange saw it done
}

// ASCII character classes.
const (
	cSpace  = 1 << iota // whitespace
	cNL                 // a line break
	cSplit              // always a token of its own: , ; : ! ? ( ) [ ] { } " < > | `
	cDigit              // 0-9
	cLetter             // A-Z a-z
	cUpper              // A-Z
	cLower              // a-z
	cAlnum              // A-Z a-z 0-9
)

var ascii [utf8.RuneSelf]uint8

func init() {
	for _, c := range " \t\r\v\f" {
		ascii[c] = cSpace
	}
	ascii['\n'] = cSpace | cNL
	for _, c := range `,;:!?()[]{}"<>|` + "`" {
		ascii[c] = cSplit
	}
	for c := '0'; c <= '9'; c++ {
		ascii[c] = cDigit
	}
	for c := 'A'; c <= 'Z'; c++ {
		ascii[c] = cLetter | cUpper
		ascii[c+'a'-'A'] = cLetter | cLower
	}
	for c := 0; c < 32; c++ {
		if ascii[c] == 0 {
			ascii[c] = cSpace // other control characters separate tokens
		}
	}
	ascii[127] = cSpace
	for c := range ascii {
		if ascii[c]&(cLetter|cDigit) != 0 {
			ascii[c] |= cAlnum
		}
	}
}

// isSpaceRune reports whether the non-ASCII rune r separates tokens.
func isSpaceRune(r rune) bool {
	switch r {
	case 0x200B, 0x2060, 0xFEFF: // zero-width space, word joiner, BOM
		return true
	}
	return unicode.IsSpace(r)
}

// isLineBreakRune reports whether the non-ASCII rune r ends a line.
func isLineBreakRune(r rune) bool {
	return r == 0x85 || r == 0x2028 || r == 0x2029
}

// splitRune reports whether the non-ASCII rune r is punctuation that is
// always a token of its own.
func splitRune(r rune) bool {
	switch r {
	case '“', '”', '„', '‟', '«', '»', '‹', '›', '—', '―', '…', '•', '¿', '¡', '·',
		'、', '。', '，', '；', '：', '！', '？', '（', '）', '「', '」', '『', '』', '【', '】',
		'″', '‒', '−':
		return true
	case '‘', '’', '‚', '‛', '‐', '‑', '–': // apostrophes, hyphens and the en dash are decided in context
		return false
	}
	if r < 0x2000 {
		return false
	}
	return unicode.In(r, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf, unicode.Pd)
}

func isDigit(c byte) bool  { return c < utf8.RuneSelf && ascii[c]&cDigit != 0 }
func isLetter(c byte) bool { return c < utf8.RuneSelf && ascii[c]&cLetter != 0 }
func isAlnum(c byte) bool  { return c < utf8.RuneSelf && ascii[c]&(cLetter|cDigit) != 0 }

func (t *tokenizer) emit(a, b int) {
	if a < b {
		t.spans = append(t.spans, span{a, b})
	}
}

// runRange cuts s[i:end] into whitespace-separated chunks; lineStart
// tells whether i starts a line.
func (t *tokenizer) runRange(i, end int, lineStart bool) {
	s := t.s[:end]
	check := len(s) // the next offset at which ctx is asked
	if t.ctx != nil {
		check = i + checkEvery
	}
	for i < len(s) {
		if i >= check {
			if t.err = t.ctx.Err(); t.err != nil {
				return
			}
			check = i + checkEvery
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if k := ascii[c]; k&cSpace != 0 {
				if k&cNL != 0 {
					lineStart = true
				}
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(s[i:]); isSpaceRune(r) {
			if isLineBreakRune(r) {
				lineStart = true
			}
			i += n
			continue
		}
		// the chunk's end, and whether it is a plain word or number (all
		// its bytes ASCII letters or digits)
		all := uint8(0)
		if c < utf8.RuneSelf {
			all = ascii[c]
		}
		j := i + 1
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				k := ascii[c]
				if k&cSpace != 0 {
					break
				}
				all &= k
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if isSpaceRune(r) {
				break
			}
			all = 0
			j += n
		}
		t.chunk(i, j, lineStart, all&cAlnum != 0)
		lineStart = false
		i = j
	}
}

// chunk tokenises s[a:b], a run of non-space characters; plain tells
// that they are all ASCII letters and digits.
func (t *tokenizer) chunk(a, b int, lineStart, plain bool) {
	s := t.s
	w := s[a:b]
	// fast path: a plain word or number
	if plain {
		t.emit(a, b)
		return
	}
	if !t.inRef && strings.IndexByte(w, '&') >= 0 && t.refChunk(a, b, lineStart) {
		return
	}
	if ua, ub, ok := findURL(w); ok {
		t.pieces(a, a+ua, lineStart)
		t.emit(a+ua, a+ub)
		t.pieces(a+ub, b, false)
		return
	}
	t.pieces(a, b, lineStart)
}

// pieces splits s[a:b] at punctuation that is always a token of its own
// and tokenises the pieces in between.
func (t *tokenizer) pieces(a, b int, lineStart bool) {
	s := t.s
	p := a
	for k := a; k < b; {
		c := s[k]
		n, size := 0, 1 // n: length of the split token at k
		if c < utf8.RuneSelf {
			switch {
			case ascii[c]&cSplit != 0:
				n = 1
				if (c == ',' || c == ':') && k > a && k+1 < b && isDigit(s[k-1]) && isDigit(s[k+1]) {
					n = 0 // 10,000 and 12:30
				}
			case c == '-' && k+1 < b && s[k+1] == '-':
				n = runOf(s, k, b, '-')
			case c == '.' && k+2 < b && s[k+1] == '.' && s[k+2] == '.':
				n = runOf(s, k, b, '.')
			}
		} else {
			r, rn := utf8.DecodeRuneInString(s[k:])
			size = rn
			if splitRune(r) {
				n = rn
			} else if r == '–' && !(k > a && k+rn < b && isDigit(s[k-1]) && isDigit(s[k+rn])) {
				n = rn // en dash, except in number ranges (1990–95)
			}
		}
		if n == 0 {
			k += size
			continue
		}
		if p < k {
			t.piece(p, k, lineStart && p == a)
		}
		t.emit(k, k+n)
		k += n
		p = k
	}
	if p < b {
		t.piece(p, b, lineStart && p == a)
	}
}

// runOf returns the length of the run of byte c starting at k.
func runOf(s string, k, b int, c byte) int {
	n := 0
	for k+n < b && s[k+n] == c {
		n++
	}
	return n
}

// apostropheAt returns the byte length of the apostrophe or single quote
// at s[k] (' ‘ ’ ‛), or 0.
func apostropheAt(s string, k int) int {
	if s[k] == '\'' {
		return 1
	}
	if s[k] == 0xE2 && k+2 < len(s) && s[k+1] == 0x80 && (s[k+2] == 0x98 || s[k+2] == 0x99 || s[k+2] == 0x9B) {
		return 3
	}
	return 0
}

// apostropheBefore returns the byte length of the apostrophe ending at
// s[e-1], or 0.
func apostropheBefore(s string, a, e int) int {
	if e-1 >= a && s[e-1] == '\'' {
		return 1
	}
	if e-3 >= a && s[e-3] == 0xE2 && s[e-2] == 0x80 && (s[e-1] == 0x99 || s[e-1] == 0x98) {
		return 3
	}
	return 0
}

// currencyAt returns the byte length of the currency symbol at s[k], or 0.
func currencyAt(s string, k int) int {
	c := s[k]
	if c == '$' {
		return 1
	}
	if c < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[k:])
	if unicode.Is(unicode.Sc, r) {
		return n
	}
	return 0
}

// piece tokenises s[a:b], which holds no always-split punctuation:
// leading quotes and currency symbols, trailing periods, quotes and %, and
// possessives and contractions are split off.
func (t *tokenizer) piece(a, b int, lineStart bool) {
	s := t.s
	// leading
	for a < b {
		if n := apostropheAt(s, a); n > 0 {
			if a+n < b && (isDigit(s[a+n]) || isClitic(s[a+n:b])) {
				break // '90s, 's
			}
			t.emit(a, a+n)
			a += n
			continue
		}
		if n := currencyAt(s, a); n > 0 && a+n < b {
			t.emit(a, a+n)
			a += n
			continue
		}
		if s[a] == '.' && a+1 < b && ascii[s[a+1]&0x7f]&cUpper != 0 && s[a+1] < utf8.RuneSelf && a > 0 {
			// a full stop after a closing quote or bracket: “hello”.And
			if r, _ := utf8.DecodeLastRuneInString(s[:a]); r < utf8.RuneSelf && ascii[r]&cSplit != 0 || r >= utf8.RuneSelf && splitRune(r) {
				t.emit(a, a+1)
				a++
				continue
			}
		}
		if s[a] == '-' && a+1 < b && !isDigit(s[a+1]) && s[a+1] != '.' {
			t.emit(a, a+1)
			a++
			continue
		}
		break
	}
	// trailing: find where the core ends
	e := b
trailing:
	for e > a {
		c := s[e-1]
		switch {
		case c == '.':
			d := e - 1
			for d > a && s[d-1] == '.' {
				d--
			}
			if d == a {
				break trailing // nothing but dots
			}
			if e-d >= 2 {
				// "U.S.." is an abbreviation and a full stop
				if e-d == 2 && t.keepsPeriod(a, d+1, b, lineStart) {
					e = d + 1
					break trailing
				}
				e = d
				continue
			}
			if t.keepsPeriod(a, e, b, lineStart) {
				break trailing
			}
			e = d
		case c == '%':
			if e-1 == a {
				break trailing
			}
			e--
		default:
			n := apostropheBefore(s, a, e)
			if n == 0 || e-n == a {
				break trailing
			}
			e -= n // closing quote or plural possessive (companies')
		}
	}
	t.core(a, e)
	// the split-off trailing tokens, in order; runs of dots stay together
	for k := e; k < b; {
		n := 1
		switch {
		case s[k] == '.':
			n = runOf(s, k, b, '.')
		case s[k] >= utf8.RuneSelf:
			_, n = utf8.DecodeRuneInString(s[k:b])
		}
		t.emit(k, k+n)
		k += n
	}
}

// core tokenises a word: it splits off a possessive or contraction
// (Russia's → Russia 's, don't → do n't) and a currency prefix (US$ 300).
func (t *tokenizer) core(a, e int) {
	s := t.s
	if e-a >= 3 {
		// n't, n’t
		for _, apo := range [...]int{1, 3} {
			if k := e - 2 - apo; k > a && (s[k] == 'n' || s[k] == 'N') && (s[e-1] == 't' || s[e-1] == 'T') && apostropheBefore(s, k+1, e-1) == apo {
				t.emit(a, k)
				t.emit(k, e)
				return
			}
		}
		// 's 're 've 'll 'd 'm
		for k := e - 1; k > a && k >= e-5; k-- {
			if n := apostropheAt(s, k); n > 0 {
				if k+n < e && isClitic(s[k+n:e]) && (isAlnum(s[k-1]) || s[k-1] == '.' || s[k-1] >= utf8.RuneSelf) {
					t.emit(a, k)
					t.emit(k, e)
					return
				}
				break
			}
		}
	}
	// US$300, HK$5
	for k := a + 1; k+1 < e; k++ {
		if s[k] == '$' && isDigit(s[k+1]) && isLetter(s[k-1]) {
			t.emit(a, k+1)
			t.emit(k+1, e)
			return
		}
	}
	t.emit(a, e)
}

// isClitic reports whether w (after an apostrophe) is a clitic that the
// Penn Treebank splits off: s, re, ve, ll, d, m, in any case.
func isClitic(w string) bool {
	switch len(w) {
	case 1:
		c := w[0] | 0x20
		return c == 's' || c == 'd' || c == 'm'
	case 2:
		c0, c1 := w[0]|0x20, w[1]|0x20
		return c0 == 'r' && c1 == 'e' || c0 == 'v' && c1 == 'e' || c0 == 'l' && c1 == 'l'
	}
	return false
}

// keepsPeriod reports whether the word s[a:e], which ends in a period,
// keeps it as an abbreviation. b is the end of the piece (to look at what
// follows).
func (t *tokenizer) keepsPeriod(a, e, b int, lineStart bool) bool {
	s := t.s
	w := s[a:e]
	if len(w) < 2 || len(w) > 24 {
		return false // no abbreviation is that long; also keeps the work linear
	}
	if _, ok := titles[w]; ok {
		return true
	}
	if _, ok := abbreviations[w]; ok {
		// a lower-case abbreviation at the end of a line (kg., pct.,
		// etc.) gives its period to the sentence
		return !(ascii[w[0]]&cLower != 0 && t.lineEndsAt(b))
	}
	if _, ok := numberAbbreviations[w]; ok && t.numberFollows(b) {
		return true
	}
	// a numbered list item at the start of a line: "1. Michael Johnson", "IV. Results"
	if lineStart && e == b && isListMarker(w) {
		return true
	}
	return isAbbrevShape(w)
}

// isListMarker reports whether w is a number of up to three digits or a
// Roman numeral up to XXXIX, followed by a period.
func isListMarker(w string) bool {
	n := len(w) - 1
	if n < 1 || w[n] != '.' {
		return false
	}
	digits, roman := true, true
	for i := 0; i < n; i++ {
		c := w[i]
		digits = digits && isDigit(c)
		roman = roman && (c == 'I' || c == 'V' || c == 'X')
	}
	return digits && n <= 3 || roman && n <= 6
}

// numberFollows reports whether the next non-space character after b on
// the same line is a digit.
func (t *tokenizer) numberFollows(b int) bool {
	s := t.s
	for b < len(s) && (s[b] == ' ' || s[b] == '\t') {
		b++
	}
	return b < len(s) && isDigit(s[b])
}

// lineEndsAt reports whether only white space follows b up to the end of
// the line or text.
func (t *tokenizer) lineEndsAt(b int) bool {
	s := t.s
	for b < len(s) && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r') {
		b++
	}
	return b == len(s) || s[b] == '\n'
}

// isAbbrevShape reports whether w looks like an abbreviation by its shape:
// a single capital initial (J.) or letters in short groups separated by
// periods (U.S., e.g., J.R.R., Ph.D., a.m.).
func isAbbrevShape(w string) bool {
	// w ends in '.'; in a compound (aid-U.N.) the last part counts
	if k := strings.LastIndexByte(w, '-'); k >= 0 {
		w = w[k+1:]
		if len(w) < 2 {
			return false
		}
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w)-1 {
		return unicode.IsUpper(r)
	}
	groups, run := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if run == 0 {
				return false
			}
			groups++
			run = 0
		case isLetter(c):
			run++
			if run > 3 {
				return false
			}
		default:
			return false
		}
	}
	return groups >= 2
}

// findURL returns the extent [a, b) of a URL or e-mail address in the
// chunk w, without trailing punctuation.
func findURL(w string) (a, b int, ok bool) {
	if k := strings.Index(w, "://"); k > 0 {
		a = k
		for a > 0 && isLetter(w[a-1]) {
			a--
		}
		if a == k {
			return 0, 0, false
		}
	} else if k := strings.Index(w, "www."); k >= 0 && (k == 0 || !isAlnum(w[k-1])) && k+4 < len(w) && isAlnum(w[k+4]) {
		a = k
	} else if k := strings.IndexByte(w, '@'); k > 0 && isEmailChar(w[k-1]) {
		// e-mail: local part back from @, domain forward; the domain needs a dot
		a = k
		for a > 0 && isEmailChar(w[a-1]) {
			a--
		}
		for a < k && (w[a] == '.' || w[a] == '-') {
			a++
		}
		b = k + 1
		dot := false
		for b < len(w) && (isAlnum(w[b]) || w[b] == '.' || w[b] == '-') {
			if w[b] == '.' {
				dot = true
			}
			b++
		}
		for b > k+1 && (w[b-1] == '.' || w[b-1] == '-') {
			b--
		}
		if a == k || !dot || !strings.Contains(w[k+1:b], ".") {
			return 0, 0, false
		}
		return a, b, true
	} else {
		return 0, 0, false
	}
	b = len(w)
	paren := strings.IndexByte(w[a:], '(') >= 0
	for b > a {
		c := w[b-1]
		if strings.IndexByte(`.,;:!?'"]}>`, c) >= 0 || c == ')' && !paren {
			b--
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeLastRuneInString(w[a:b])
			if unicode.In(r, unicode.Pf, unicode.Pe, unicode.Po) {
				b -= n
				continue
			}
		}
		break
	}
	return a, b, b > a
}

func isEmailChar(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}
