package ner

import "github.com/lector-nlp/lector/internal/text"

// numberedNames joins two organisation names that a number of one or two
// digits separates into one name ("Fathers 4 Justice", "Canadian 88
// Energy Corp."), which the model cut at the number. The first may be a
// demonym only when the second ends in a legal form or a company noun
// ("Canadian 88 Energy Corp."); a number just after the second makes a
// score line ("Leeds 2 Hull 0", "Zemun 1 Rad (B) 0"), left alone, and so is a rank ("No. 3
// Chrysler").
func numberedNames(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	k := 0
	for i := 0; i < len(out); i++ {
		m := out[i]
		if i+1 < len(out) {
			n := out[i+1]
			if n.First == m.Last+1 && n.Sentence == m.Sentence && n.Type == Org &&
				(m.Type == Org || m.Type == Nationality && in(corpTails, canon(toks[n.Last-1].Text))) &&
				smallNumber(toks[m.Last].Text) && !scoreAfter(toks, n.Last, doc.Sentences[n.Sentence].Last) &&
				!in(numberSigns, toks[m.Last-1].Text) {
				m.Last, m.End, m.Type = n.Last, n.End, Org
				m.Text = doc.Text[m.Start:m.End]
				i++
			}
		}
		out[k] = m
		k++
	}
	return out[:k]
}

// scoreAfter reports whether a number stands within five tokens from k,
// before any lower-case word, in the sentence ending at end ("Kansas City
// 1", "Rad (B) 0": the model may end the second name early).
func scoreAfter(toks []text.Token, k, end int) bool {
	for j := k; j < k+5 && j < end; j++ {
		if isDigitWord(toks[j].Text) {
			return true
		}
		if startsLower(toks[j].Text) {
			return false
		}
	}
	return false
}

// numberSigns before a number make it a rank ("No. 3 Chrysler").
var numberSigns = set("no.", "no", "number", "nr.", "#")

// smallNumber reports whether t is a number of one or two digits.
func smallNumber(t string) bool {
	return (len(t) == 1 || len(t) == 2) && allDigits(t)
}
