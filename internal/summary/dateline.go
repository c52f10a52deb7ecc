package summary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/text"
)

// SentenceSpan returns the span of sentence i of doc as a summary shows
// it: without a news dateline that opens it ("LISBON, March 9 (Reuters) -
// Dock workers ..." reads "Dock workers ..."). The sentence splitter keeps
// a dateline in the first sentence of its line; out of the article's
// opening it is noise.
func SentenceSpan(doc *text.Document, i int) text.Span {
	sn := doc.Sentences[i]
	if k := datelineEnd(doc, i); k > 0 {
		return text.Span{Start: doc.Tokens[k].Start, End: sn.End}
	}
	return text.Span{Start: sn.Start, End: sn.End}
}

// datelineEnd returns the index of the first token after the dateline
// that opens sentence i of doc, or 0 when it has none. A dateline is
// looked for in the first three sentences, at the start of a line: one
// to three capitalised words, then optionally ", Region" and ", Month
// Day" and "(Agency)", then a dash (- -- – —) and more text. Without a
// region, date or agency, only title-case words before a typographic dash
// ("Zürich — ...") make one: words before a hyphen or in capitals alone
// are as often a headline's topic ("SOCCER - ..."). "(CNN) -- ..." is
// one too.
func datelineEnd(doc *text.Document, i int) int {
	if i >= 3 || i >= len(doc.Sentences) {
		return 0
	}
	sn := doc.Sentences[i]
	toks := doc.Tokens
	if sn.Last-sn.First < 3 || !atLineStart(doc.Text, toks[sn.First].Start) {
		return 0
	}
	f := sn.First
	e := f
	caps := true
	for e < sn.Last && e-f < 3 && capitalised(toks[e].Text) {
		if strings.ToUpper(toks[e].Text) != toks[e].Text {
			caps = false
		}
		e++
	}
	j, extra := e, false
	// ", Region", ", Month Day", ", Region, Month Day"
	for r := 0; r < 2 && e > f && j+1 < sn.Last && toks[j].Text == "," && capitalised(toks[j+1].Text); r++ {
		k := j + 1
		if months[strings.ToLower(toks[k].Text)] && k+1 < sn.Last && dayNumber(toks[k+1].Text) {
			k += 2
		} else {
			for k < sn.Last && k-j <= 3 && capitalised(toks[k].Text) {
				k++
			}
		}
		j, extra = k, true
	}
	// "(Reuters)", "(AP)", "(CNN)"
	if j+2 < sn.Last && toks[j].Text == "(" {
		k := j + 1
		for k < sn.Last && k-j <= 3 && capitalised(toks[k].Text) {
			k++
		}
		if k > j+1 && k < sn.Last && toks[k].Text == ")" {
			j, extra = k+1, true
		}
	}
	if e == f && !extra || j+1 >= sn.Last {
		return 0
	}
	switch toks[j].Text {
	case "\u2014", "\u2013":
		if !extra && caps {
			return 0
		}
	case "-", "--":
		if !extra {
			return 0
		}
	default:
		return 0
	}
	return j + 1
}

// atLineStart reports whether byte offset i of s begins a line: only
// spaces and tabs stand between it and the text's start or a line break.
func atLineStart(s string, i int) bool {
	for i > 0 {
		switch s[i-1] {
		case ' ', '\t':
			i--
		case '\n', '\r':
			return true
		default:
			return false
		}
	}
	return true
}

// capitalised reports whether t begins with an upper-case letter.
func capitalised(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// dayNumber reports whether t is a day of the month, 1 to 31.
func dayNumber(t string) bool {
	if len(t) == 0 || len(t) > 2 {
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

// months are the names of the months and their usual abbreviations, in
// lower case.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "jan.": true, "feb.": true,
	"mar.": true, "apr.": true, "aug.": true, "sep.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true,
}
