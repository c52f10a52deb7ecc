package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitSentences groups the tokens of s into sentences. A sentence ends
//   - at a line break (news text has one paragraph, headline, dateline or
//     list item per line);
//   - after . ! ? or an ellipsis, and after any closing quotes and brackets
//     that follow it (He said "no." Then ...), unless the next word starts
//     in lower case or is , ; or :; an ellipsis ends a sentence only before
//     a capital; in a text without any capital letter (lower-cased) the
//     next word's case is not asked;
//   - after an abbreviation (U.S., Inc., a.m.) only when a typical sentence
//     opener follows (The, He, But ...); never after a title (Mr., Gen.) or
//     an initial before a name.
func SplitSentences(s string, toks []Token) []Sentence {
	if len(toks) == 0 {
		return nil
	}
	out := make([]Sentence, 0, len(toks)/20+1)
	caseless := !hasUpper(s)
	first := 0
	for i := 0; i < len(toks); i++ {
		last := i
		end := i == len(toks)-1
		if !end {
			// most tokens: one space to the next, and a last byte that no
			// terminal (see terminal) ends with, so boundaryAfter would
			// say no
			if w := toks[i].Text; toks[i+1].Start == toks[i].End+1 && s[toks[i].End] == ' ' && w != "" {
				if c := w[len(w)-1]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
					continue
				}
			}
			last, end = boundaryAfter(s, toks, i, caseless)
		}
		if end {
			out = append(out, Sentence{Start: toks[first].Start, End: toks[last].End, First: first, Last: last + 1})
			first = last + 1
			i = last
		}
	}
	return out
}

// boundaryAfter decides whether a sentence ends after token i (or after
// closing punctuation following it). It returns the last token of the
// sentence when it ends.
// caseless is true for a text without capitals (a lower-cased corpus such
// as CNN/DailyMail's), where a lower-case next word says nothing.
func boundaryAfter(s string, toks []Token, i int, caseless bool) (last int, end bool) {
	if lineBreakBetween(s, toks[i].End, toks[i+1].Start) {
		return i, true
	}
	w := toks[i].Text
	switch kind := terminal(w); kind {
	case termNone:
		return i, false
	case termStop, termEllipsis:
		j := i + 1
		for j < len(toks) && isTerminalOrCloser(s, toks, j) {
			if lineBreakBetween(s, toks[j-1].End, toks[j].Start) {
				return j - 1, true
			}
			j++
		}
		if j == len(toks) {
			return j - 1, true
		}
		if lineBreakBetween(s, toks[j-1].End, toks[j].Start) {
			return j - 1, true
		}
		next := toks[j].Text
		if kind == termEllipsis {
			if j > i+1 && isQuote(toks[j-1].Text) && attribution(s, toks, j) {
				return i, false
			}
			return j - 1, startsUpper(next) || isOpener(next)
		}
		if !caseless && startsLower(next) && !camelCase(next) || next == "," || next == ";" || next == ":" {
			return i, false
		}
		if caseless && w == "." && j == i+1 && i > 0 && toks[i-1].End == toks[i].Start {
			// "mr. smith", "acme inc. said", "john f. kennedy": the
			// tokeniser splits lower-case abbreviations from their period
			switch caselessAbbrev(toks[i-1].Text) {
			case abbrTitle:
				return i, false
			case abbrOther:
				if !isStarterFolded(next) {
					return i, false
				}
			}
		}
		if j > i+1 && isQuote(toks[j-1].Text) && attribution(s, toks, j) {
			return i, false // "Why invest?" Smith said.
		}
		return j - 1, true
	case termAbbrev:
		if _, ok := titles[w]; ok {
			return i, false
		}
		if isListMarker(w) && (i == 0 || lineBreakBetween(s, toks[i-1].End, toks[i].Start)) {
			return i, false // "1." list marker
		}
		j := i + 1
		for j < len(toks) && isCloser(s, toks, j) && !lineBreakBetween(s, toks[j-1].End, toks[j].Start) {
			j++
		}
		if j == len(toks) {
			return j - 1, true
		}
		if lineBreakBetween(s, toks[j-1].End, toks[j].Start) {
			return j - 1, true
		}
		next := toks[j].Text
		if j > i+1 && toks[j-1].Text != ")" && startsUpper(next) {
			return j - 1, true // the U.S." The
		}
		if _, ok := starters[next]; ok || caseless && isStarterFolded(next) && !midSentenceAbbrev(w) {
			if len(w) == 2 && (next == "A" || next == "I") {
				return i, false // initials: J. A. Smith
			}
			return j - 1, true
		}
		return i, false
	}
	return i, false
}

// attribution reports whether the tokens from j on are a short speech
// attribution that closes the preceding quote: one to three capitalised
// words, then a speech verb, then the end of the line or of the clause
// ("Smith said." "Mr. Smith added,").
func attribution(s string, toks []Token, j int) bool {
	k := j
	switch toks[j].Text {
	case "He", "She", "It", "They", "We", "I", "You":
		return false // a new sentence: "Go." He said: "Now."
	}
	for k < len(toks) && k-j < 3 && startsUpper(toks[k].Text) {
		if k > j && lineBreakBetween(s, toks[k-1].End, toks[k].Start) {
			return false
		}
		k++
	}
	if k == j || k >= len(toks) || lineBreakBetween(s, toks[k-1].End, toks[k].Start) {
		return false
	}
	if !SpeechVerb(toks[k].Text) {
		return false
	}
	k++
	if k == len(toks) || lineBreakBetween(s, toks[k-1].End, toks[k].Start) {
		return true
	}
	switch toks[k].Text {
	case ".", ",", ";", "!", "?":
		return true
	}
	return false
}

// isQuote reports whether w is a quotation mark.
func isQuote(w string) bool {
	switch w {
	case `"`, "'", "''", "”", "’", "»", "›", "“", "‘", "«", "‹":
		return true
	}
	return false
}

const (
	termNone = iota
	termStop
	termEllipsis
	termAbbrev
)

// terminal classifies a token as sentence-final punctuation.
func terminal(w string) int {
	switch w {
	case ".", "!", "?", "‼", "⁇", "⁈", "⁉", "。", "！", "？":
		return termStop
	case "…":
		return termEllipsis
	}
	if len(w) >= 2 && w[len(w)-1] == '.' {
		for i := 0; i < len(w); i++ {
			if w[i] != '.' {
				return termAbbrev
			}
		}
		if len(w) == 2 {
			return termStop // ".."
		}
		return termEllipsis
	}
	return termNone
}

// isTerminalOrCloser reports whether token j continues a sentence end:
// more terminal punctuation (?!) or a closing quote or bracket.
func isTerminalOrCloser(s string, toks []Token, j int) bool {
	if k := terminal(toks[j].Text); k == termStop || k == termEllipsis {
		return true
	}
	return isCloser(s, toks, j)
}

// isCloser reports whether token j is a closing quote or bracket. Straight
// quotes close when attached to the previous token.
func isCloser(s string, toks []Token, j int) bool {
	switch toks[j].Text {
	case ")", "]", "}", "”", "’", "»", "›", "）", "」", "』":
		return true
	case `"`, "'", "''":
		return toks[j].Start == toks[j-1].End
	}
	return false
}

// isOpener reports whether w is an opening quote or bracket.
func isOpener(w string) bool {
	switch w {
	case "(", "[", "{", "“", "‘", "«", "‹", `"`, "'", "``", "„":
		return true
	}
	return false
}

func startsUpper(w string) bool {
	c := w[0]
	if c < utf8.RuneSelf {
		return ascii[c]&cUpper != 0
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// camelCase reports whether w has a capital after its first letter, as
// names written in lower case do (eBay, iPhone).
func camelCase(w string) bool {
	for i := 1; i < len(w); i++ {
		if c := w[i]; c < utf8.RuneSelf && ascii[c]&cUpper != 0 {
			return true
		}
	}
	return false
}

func startsLower(w string) bool {
	c := w[0]
	if c < utf8.RuneSelf {
		return ascii[c]&cLower != 0
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// lineBreakBetween reports whether the whitespace s[a:b] holds a line break.
func lineBreakBetween(s string, a, b int) bool {
	for i := a; i < b; i++ {
		switch s[i] {
		case '\n':
			return true
		case 0xE2: // U+2028, U+2029
			if i+2 < b && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				return true
			}
		case 0xC2: // U+0085
			if i+1 < b && s[i+1] == 0x85 {
				return true
			}
		}
	}
	return false
}

// hasUpper reports whether s has an upper-case letter. Most texts have an
// ASCII capital within their first bytes.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return true
		}
	}
	for _, r := range s {
		if r >= utf8.RuneSelf && (unicode.IsUpper(r) || unicode.IsTitle(r)) {
			return true
		}
	}
	return false
}

// Lower-case abbreviations in a text without capitals, whose period the
// tokeniser splits off ("mr" "."): after a title the sentence never ends,
// after an initial or another abbreviation only before a sentence starter.
const (
	abbrNone = iota
	abbrTitle
	abbrOther
)

var caselessTitles = set("mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt",
	"cpl", "adm", "gov", "sen", "supt", "atty")

var caselessAbbrevs = set("inc", "corp", "co", "cos", "ltd", "plc", "bros", "llc", "jr", "sr", "st", "rep", "rev",
	"jan", "feb", "aug", "sept", "oct", "nov", "dec", "calif", "fla", "ariz", "tenn", "okla", "mich", "minn",
	"conn", "colo", "ky", "ga")

func caselessAbbrev(w string) int {
	if len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' && w != "a" && w != "i" {
		return abbrOther // an initial
	}
	if _, ok := caselessTitles[w]; ok {
		return abbrTitle
	}
	if strings.IndexByte(w, '.') > 0 && len(w) <= 6 {
		return abbrOther // "i.e", "u.s"
	}
	if _, ok := caselessAbbrevs[w]; ok {
		return abbrOther
	}
	return abbrNone
}

// midSentenceAbbrev reports whether w is an abbreviation that hardly ever
// ends a sentence ("vs.", "e.g."): in a text without capitals a starter
// after it does not end the sentence.
func midSentenceAbbrev(w string) bool {
	switch w {
	case "vs.", "v.", "e.g.", "i.e.", "cf.", "viz.":
		return true
	}
	return false
}

// isStarterFolded reports whether w, a word of a text without capitals,
// begins a sentence after an abbreviation: the narrow set of pronouns and
// determiners that rarely follow one inside a sentence (not "for", "in",
// "was", which the capitalised starters hold: "widgets co. for $3 billion").
func isStarterFolded(w string) bool {
	_, ok := caselessStarters[w]
	return ok
}

var caselessStarters = set("the", "this", "these", "those", "there", "they", "he", "she", "it", "its", "we",
	"his", "her", "their", "our", "but", "however", "meanwhile")
