package ner

import "github.com/lector-nlp/lector/internal/text"

// numberWords are capitalised words before a name that count it ("the One
// Staffords"), not part of it.
var numberWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
	"second", "third", "last", "next", "new", "old", "former", "then")

// leftWords joins to an organisation's or MISC name the capitalised word
// before it that the model left out, between "the" and the name ("the
// Liberal Democrats", "the Civic Democrats", "the Higher Education Funding
// Council", "the Summer Olympics"): after "the" a capitalised word inside
// a sentence belongs to the name. Not a month or a day ("the April IMF
// report"), a title ("the Lord Chancellor"), a demonym, a known first
// name, a number or a word that dates the name ("the New ...", "the
// Former ..."), nor a word the tagger reads as a verb or a number.
func leftWords(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	for i := range out {
		m := &out[i]
		if m.Type != Org && m.Type != Misc {
			continue
		}
		w := m.First - 1
		sent := doc.Sentences[m.Sentence]
		if w-1 < sent.First || i > 0 && out[i-1].Last > w-1 {
			continue
		}
		if t := toks[w-1].Text; t != "the" && t != "The" {
			continue
		}
		t := toks[w]
		l := lower(canon(t.Text))
		if !isTitleCase(t.Text) || len(t.Text) < 3 || !allLetters(t.Text) || monthNames[l] || weekdays[l] || nameTitle(l) ||
			numberWords[l] || isDemonym(l) || IsFirstName(t.Text) || knownPlace(toks[w:w+1]) {
			continue
		}
		if p := t.POS; p != "NNP" && p != "JJ" && p != "JJR" && p != "NN" && p != "NNPS" {
			continue
		}
		m.First, m.Start = w, t.Start
		m.Text = doc.Text[m.Start:m.End]
	}
	return out
}

// allLetters reports whether s is made of ASCII letters only.
func allLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return s != ""
}
