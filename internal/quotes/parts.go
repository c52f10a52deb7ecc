package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/text"
)

// Parts returns the pieces of q's content that its own attribution splits
// ("“The economy is growing,” said the governor. “The worst is over.”"):
// the content before and after the cue and the speaker, without them and
// the punctuation around them. It returns nil when the attribution does
// not stand inside the content, outside its quotation marks, with words on
// both sides.
func Parts(doc *text.Document, q Quote) []text.Span {
	c := q.Content
	inside := func(s text.Span) bool { return s.End > s.Start && s.Start > c.Start && s.End < c.End }
	if !inside(q.Cue) {
		return nil
	}
	r := q.Cue
	if inside(q.Speaker) {
		r.Start, r.End = min(r.Start, q.Speaker.Start), max(r.End, q.Speaker.End)
	}
	t := doc.Text
	if !outsideQuotation(t[c.Start:r.Start]) || hasQuoteMark(t[r.Start:r.End]) {
		return nil
	}
	left := text.Span{Start: c.Start, End: r.Start}
	for left.End > left.Start {
		ch, n := utf8.DecodeLastRuneInString(t[left.Start:left.End])
		if !unicode.IsSpace(ch) && !strings.ContainsRune(",;:—–-", ch) {
			break
		}
		left.End -= n
	}
	right := text.Span{Start: r.End, End: c.End}
	for right.Start < right.End {
		ch, n := utf8.DecodeRuneInString(t[right.Start:right.End])
		if !unicode.IsSpace(ch) && !strings.ContainsRune(".,;:—–-", ch) {
			break
		}
		right.Start += n
	}
	// quotations on both sides: the parts are the quotations, without the
	// words around the attribution ("said in a note.", "on Friday she said")
	if i := strings.LastIndexAny(t[left.Start:left.End], "\"”"); i > 0 && startsQuote(t[c.Start:]) {
		_, n := utf8.DecodeRuneInString(t[left.Start+i:])
		left.End = left.Start + i + n
	}
	if i := strings.IndexAny(t[right.Start:right.End], "\"“"); i > 0 && endsQuote(t[:c.End]) {
		right.Start += i
	}
	if !hasLetter(t[left.Start:left.End]) || !hasLetter(t[right.Start:right.End]) {
		return nil
	}
	return []text.Span{left, right}
}

// outsideQuotation reports whether the end of s lies outside quotation
// marks opened in s: as many straight double quotes as it opens, curly
// ones closed.
func outsideQuotation(s string) bool {
	return strings.Count(s, `"`)%2 == 0 && strings.Count(s, "“") == strings.Count(s, "”")
}

// startsQuote and endsQuote report whether s opens (closes) with a
// double quotation mark.
func startsQuote(s string) bool { return strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "“") }

func endsQuote(s string) bool { return strings.HasSuffix(s, "\"") || strings.HasSuffix(s, "”") }

func hasQuoteMark(s string) bool { return strings.ContainsAny(s, "\"“”") }

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
