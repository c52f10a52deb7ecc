package ner

import (
	"strings"

	"github.com/lector-nlp/lector/internal/text"
)

// datePreps are the words after which a month is a date even before a
// name ("in June Smith said", "until May Jones ruled", "the end of
// March"): prepositions of time and the words that open a date.
var datePreps = set("in", "on", "at", "since", "until", "till", "by", "during", "from", "through", "throughout",
	"to", "before", "after", "of", "for", "between", "and", "or", "early", "late", "last", "next", "this", "mid",
	"each", "every", "end", "beginning", "start", "middle", "that", "same", "following", "previous")

// monthFirstNames joins a full month written as a name's first word to
// the person the model found right after it ("June Whitfield", "written
// by April Vance"), which the numeric rules read as a date and the model
// as a person of one word. Not after a preposition of time, a number or
// a word that opens a date ("in June Smith said", "5 June", "last May"),
// and not when a day or a year follows the month. out is sorted by
// Start; the date leaves it.
func monthFirstNames(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	j := 0
	for i := 0; i < len(out); i++ {
		m := out[i]
		if m.Type == Date && m.Last-m.First == 1 && in(fullMonths, toks[m.First].Text) &&
			isTitleCase(toks[m.First].Text) && monthNameStart(toks, doc.Sentences[m.Sentence], m.First) {
			if k := m.First + 1; i+1 < len(out) && out[i+1].First == k && out[i+1].Type == Person && isTitleCase(toks[k].Text) {
				// the model's person: "June Whitfield"
				p := out[i+1]
				p.First, p.Start = m.First, m.Start
				p.Text = doc.Text[p.Start:p.End]
				out[j] = p
				j++
				i++
				continue
			}
		}
		out[j] = m
		j++
	}
	return out[:j]
}

// monthNameStart tells whether the month at token f of sent may open a
// person's name: no preposition of time, number or determiner before it,
// no day or year after it, and a space, not a line, between it and the
// next word.
func monthNameStart(toks []text.Token, sent text.Sentence, f int) bool {
	if f+1 >= sent.Last || toks[f+1].Start-toks[f].End != 1 {
		return false
	}
	if n := toks[f+1].Text; isDay(n) || isYear(n) {
		return false
	}
	if f > sent.First {
		p := toks[f-1]
		if strings.EqualFold(p.Text, "by") && f-2 >= sent.First && toks[f-2].POS == "VBN" {
			return true // the agent of a passive: "written by June Marlowe"
		}
		if in(datePreps, p.Text) || isDigitWord(p.Text) || p.POS == "CD" || p.POS == "DT" {
			return false
		}
	}
	return true
}
