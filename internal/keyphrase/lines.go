package keyphrase

import (
	"slices"
	"strings"
	"unicode"

	"github.com/lector-nlp/lector/internal/text"
)

// Lines that are no prose: a line in capitals (a headline or a section
// heading written upper case, "HARBOUR BOARD SELLS CRANES", a table's
// column of places), a byline ("By Ann Lee, Harbour Correspondent") and
// a table's row, whose words stand in columns apart. A phrase found only
// there is none: its words are cut by the chunker from a line the tagger
// reads as one long name, or name the writer, or are column headings.

// lineFlags caches whether the sentences read are in capitals or
// bylines (choose's memo): the last one read, and the long ones in a map
// made only when one is read (a news article allocates nothing here).
type lineFlags struct {
	last  int // the last sentence read, plus one (0: none)
	lastF uint8
	long  map[int]uint8
}

const (
	lineRead   uint8 = 1 << iota
	lineCaps         // no lower-case letter, and a word of two capitals or more
	lineByline       // "By" and a capitalised word opening one of the first sentences, no final stop
)

// sentenceOf returns the index of the sentence holding byte offset off.
func sentenceOf(doc *text.Document, off int) int {
	si, _ := slices.BinarySearchFunc(doc.Sentences, off, func(s text.Sentence, at int) int {
		if s.End <= at {
			return -1
		}
		return 1
	})
	return si
}

// flags returns the flags of sentence si, reading a long one once.
func (lf *lineFlags) flags(doc *text.Document, si int) uint8 {
	if si >= len(doc.Sentences) {
		return 0
	}
	if lf.last == si+1 {
		return lf.lastF
	}
	if f, ok := lf.long[si]; ok {
		return f
	}
	f := lineRead
	s := &doc.Sentences[si]
	caps, lower := false, false
	for i := s.First; i < s.Last && !lower; i++ {
		w := doc.Tokens[i].Text
		n := 0
		for _, r := range w {
			if unicode.IsLower(r) {
				lower = true
				break
			}
			if unicode.IsUpper(r) {
				n++
			}
		}
		caps = caps || n >= 2
	}
	if caps && !lower {
		f |= lineCaps
	}
	if si < 4 && s.Last-s.First >= 2 && s.Last-s.First <= 12 && doc.Tokens[s.First].Text == "By" &&
		capitalised(doc.Tokens[s.First+1].Text) && !endsStop(doc, s) && ownLine(doc, s) {
		f |= lineByline
	}
	lf.last, lf.lastF = si+1, f
	if s.Last-s.First > 64 {
		if lf.long == nil {
			lf.long = map[int]uint8{}
		}
		lf.long[si] = f
	}
	return f
}

// endsStop reports whether sentence s ends in a full stop, "!" or "?".
func endsStop(doc *text.Document, s *text.Sentence) bool {
	switch doc.Tokens[s.Last-1].Text {
	case ".", "!", "?":
		return true
	}
	return false
}

// ownLine reports whether sentence s is a line of the text: only spaces
// between it and the line breaks (or the text's ends) around it.
func ownLine(doc *text.Document, s *text.Sentence) bool {
	before := strings.TrimRight(doc.Text[:doc.Tokens[s.First].Start], " \t")
	after := strings.TrimLeft(doc.Text[doc.Tokens[s.Last-1].End:], " \t\r")
	return (before == "" || before[len(before)-1] == '\n') && (after == "" || after[0] == '\n')
}

// offLine reports whether every occurrence of c is in a line of capitals
// or a byline. Only a candidate whose first occurrence has no lower-case
// letter, or stands in one of the first sentences after "By", is read.
func offLine(doc *text.Document, ments []mention, c *candidate, lf *lineFlags) bool {
	first := ments[c.head].span
	w := doc.Text[first.Start:first.End]
	if hasLower(w) && c.firstSen >= 4 {
		return false
	}
	for m := c.head; m >= 0; m = ments[m].next {
		if lf.flags(doc, sentenceOf(doc, ments[m].span.Start))&(lineCaps|lineByline) == 0 {
			return false
		}
	}
	return true
}

// proseSpans returns the occurrences of ms outside lines of capitals when
// there are any and some are inside, for the phrase's surface form
// ("Kingsport", not the heading "KINGSPORT"); else ms.
func proseSpans(doc *text.Document, ms []text.Span, lf *lineFlags) []text.Span {
	caps := 0
	for _, m := range ms {
		if !hasLower(doc.Text[m.Start:m.End]) && lf.flags(doc, sentenceOf(doc, m.Start))&lineCaps != 0 {
			caps++
		}
	}
	if caps == 0 || caps == len(ms) {
		return ms
	}
	out := make([]text.Span, 0, len(ms)-caps)
	for _, m := range ms {
		if hasLower(doc.Text[m.Start:m.End]) || lf.flags(doc, sentenceOf(doc, m.Start))&lineCaps == 0 {
			out = append(out, m)
		}
	}
	return out
}

// hasLower reports whether s holds a lower-case letter.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// columns reports whether an occurrence of c spans a tab or a line break
// between two of its words, four spaces or more, or three beside a
// capital: table columns ("Calls    Berths    Pct change", "Pct chg
// Weight"), not a phrase ("sexual violence" typed with three spaces
// stays).
func columns(doc *text.Document, ments []mention, c *candidate) bool {
	for m := c.head; m >= 0; m = ments[m].next {
		sp := ments[m].span
		s := doc.Text[sp.Start:sp.End]
		if strings.ContainsAny(s, "\t\n\r") {
			return true
		}
		if strings.Contains(s, "   ") && (strings.ToLower(s) != s || strings.Contains(s, "    ")) {
			return true
		}
	}
	return false
}
