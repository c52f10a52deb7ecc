package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dateline is a news dateline that opens a sentence: "LISBON, March 9
// (Reuters) - ...", "Hamilton, Ontario — ...", "(CNN) -- ...". Its fields
// are indexes into Document.Tokens.
type Dateline struct {
	// Place is the index of the first token after the place's words, the
	// sentence's first token when it names none ("(CNN) -- ...").
	Place int
	// End is the index of the first token after the dash.
	End int
	// Extra tells that a region, a date or an agency follows the place.
	Extra bool
}

// Dateline returns the dateline that opens sentence i of d, and false when
// it has none. A dateline is looked for in the first three sentences, at
// the start of a line: up to three capitalised words (the place), then up
// to two groups ", Region" or ", Month Day" (", Ontario", ", May 3",
// ", Ontario, May 3"), then optionally "(Agency)" of up to three words in
// any case ("(Reuters)", "(dpa)"), then a dash (- -- – —) and more text.
// Without a region, date or agency, only words in title case before a
// typographic dash ("Zürich — ...") make one: words before a hyphen, or in
// capitals alone, are as often a headline's topic ("SOCCER - ...", "Apic
// Yamada - 6mth forecast"). Without a place, the agency must be there
// ("(CNN) -- ..."); a caller that wants a place checks Place.
func (d *Document) Dateline(i int) (Dateline, bool) {
	if i >= 3 || i >= len(d.Sentences) {
		return Dateline{}, false
	}
	sn := d.Sentences[i]
	toks := d.Tokens
	if sn.Last-sn.First < 3 || !lineStart(d.Text, toks[sn.First].Start) {
		return Dateline{}, false
	}
	f := sn.First
	e := f
	caps := true
	for e < sn.Last && e-f < 3 && capWord(toks[e].Text) {
		if strings.ToUpper(toks[e].Text) != toks[e].Text {
			caps = false
		}
		e++
	}
	j, extra := e, false
	// ", Region", ", Month Day", ", Region, Month Day", ", Region, Country"
	for r := 0; r < 2 && e > f && j+1 < sn.Last && toks[j].Text == "," && capWord(toks[j+1].Text); r++ {
		k := j + 1
		if IsMonth(toks[k].Text) && k+1 < sn.Last && IsDay(toks[k+1].Text) {
			k += 2
		} else {
			for k < sn.Last && k-j <= 3 && capWord(toks[k].Text) {
				k++
			}
		}
		j, extra = k, true
	}
	// "(Reuters)", "(AP)", "(dpa)"
	if j+2 < sn.Last && toks[j].Text == "(" {
		k := j + 1
		for k < sn.Last && k-j <= 3 && wordTok(toks[k].Text) {
			k++
		}
		if k > j+1 && k < sn.Last && toks[k].Text == ")" {
			j, extra = k+1, true
		}
	}
	if e == f && !extra || j+1 >= sn.Last {
		return Dateline{}, false
	}
	switch toks[j].Text {
	case "\u2014", "\u2013":
		if !extra && caps {
			return Dateline{}, false
		}
	case "-", "--":
		if !extra {
			return Dateline{}, false
		}
	default:
		return Dateline{}, false
	}
	return Dateline{Place: e, End: j + 1, Extra: extra}, true
}

// lineStart reports whether byte offset i of s begins a line: only spaces
// and tabs stand between it and the text's start or a line feed. A
// carriage return alone is white space, as it is to the sentence splitter.
func lineStart(s string, i int) bool {
	for i > 0 {
		switch s[i-1] {
		case ' ', '\t', '\r':
			i--
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// capWord reports whether t is a word (wordTok) that starts with an
// upper-case letter.
func capWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) && wordTok(t)
}

// wordTok reports whether t is made of letters, with inner dots, hyphens,
// apostrophes and slashes (St., Saint-Denis, N'Djamena, DALLAS/FORT).
func wordTok(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' && r != '\u2019' && r != '/' {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r)
}

// IsDay reports whether t is a day of the month, 1 to 31, in digits with or
// without an ordinal suffix: 3, 03, 31, 3rd, 21ST.
func IsDay(t string) bool {
	if t == "" || len(t) > 4 {
		return false
	}
	if n := len(t); n > 2 {
		switch strings.ToLower(t[n-2:]) {
		case "st", "nd", "rd", "th":
			t = t[:n-2]
		}
	}
	if t == "" || len(t) > 2 {
		return false
	}
	d := 0
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
		d = 10*d + int(t[i]-'0')
	}
	return d >= 1 && d <= 31
}
