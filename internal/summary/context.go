package summary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/text"
)

// A sentence read out of its article should stand alone: one that opens
// with a connective ("But ...", "However, ...") or a pronoun ("He said ...",
// "This means ...") leans on the sentence before it. Its score is lowered by
// danglingPenalty (in the model's logits), so that it is chosen only when
// it beats the next best sentence clearly.
//
// The penalty trades readability for ROUGE on CNN/DailyMail (whose
// abstractive highlights often restate a "he said" sentence). On 398 BBC +
// Reuters C50 articles (cmd/eval/summary -news) summaries holding such a
// sentence without the one before: 47 with no penalty (41 with the
// headline left in), 13 with 0.5 (see the commit for the CV figures).
const danglingPenalty = 0.5

// penalise lowers the score of each sentence but the first that leans on
// the one before it (Dangling) by danglingPenalty.
func penalise(sents [][]string, scores []float64) {
	for i := 1; i < len(sents); i++ {
		if Dangling(sents[i]) {
			scores[i] -= danglingPenalty
		}
	}
}

// openers are the connectives and pronouns (lower case) that make a
// sentence lean on the one before it, when they are its first word.
var openers = map[string]bool{
	// connectives
	"but": true, "however": true, "and": true, "also": true, "yet": true,
	"so": true, "still": true, "or": true, "nor": true, "moreover": true,
	"furthermore": true, "nevertheless": true, "nonetheless": true,
	"therefore": true, "thus": true, "hence": true, "instead": true,
	"otherwise": true, "besides": true, "meanwhile": true, "then": true,
	"consequently": true, "additionally": true, "likewise": true, "similarly": true,
	// pronouns
	"he": true, "she": true, "it": true, "they": true, "him": true,
	"them": true, "his": true, "her": true, "its": true, "their": true,
	"this": true, "these": true, "those": true, "that": true, "such": true,
}

// openerPhrases are connectives of two or three words.
var openerPhrases = [][]string{
	{"in", "addition"}, {"as", "a", "result"}, {"even", "so"},
	{"on", "the", "other", "hand"}, {"by", "contrast"}, {"in", "contrast"},
	{"despite", "this"}, {"despite", "that"}, {"because", "of", "this"},
	{"at", "the", "same", "time"},
}

// timeNouns after "this"/"that"/"these"/"those" make a time, not a
// reference back: "This year ...".
var timeNouns = map[string]bool{
	"year": true, "week": true, "month": true, "morning": true, "afternoon": true,
	"evening": true, "weekend": true, "season": true, "summer": true, "winter": true,
	"spring": true, "autumn": true, "days": true, "years": true, "weeks": true,
	"months": true, "time": true, "quarter": true,
}

// Dangling reports whether a sentence, given as lower-cased token texts,
// opens with a connective or a pronoun that refers back to the sentence
// before it. Leading quotation marks and brackets are skipped.
func Dangling(s []string) bool {
	k := 0
	for k < len(s) && !startsWord(s[k]) {
		k++
	}
	if k == len(s) {
		return false
	}
	w := s[k]
	if openers[w] {
		switch w {
		case "this", "that", "these", "those":
			if k+1 < len(s) && timeNouns[s[k+1]] {
				return false
			}
		}
		return true
	}
	for _, p := range openerPhrases {
		if k+len(p) <= len(s) && equalWords(s[k:k+len(p)], p) {
			return true
		}
	}
	return false
}

// startsWord reports whether t begins with a letter or a digit.
func startsWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func equalWords(a, b []string) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// headlineSentence reports whether doc's first sentence is a headline: it
// is the whole first line of the text, that line has no final stop and a
// blank line follows it, or its text is title (the caller's article title,
// compared without case and surrounding space).
func headlineSentence(doc *text.Document, title string) bool {
	if len(doc.Sentences) == 0 {
		return false
	}
	sn := doc.Sentences[0]
	first := strings.TrimSpace(doc.Text[sn.Start:sn.End])
	if first == "" {
		return false
	}
	if t := strings.TrimSpace(title); t != "" && strings.EqualFold(first, t) {
		return true
	}
	// the first line: only space before the sentence, a line break after
	if strings.TrimSpace(doc.Text[:sn.Start]) != "" {
		return false
	}
	rest := doc.Text[sn.End:]
	nl := strings.IndexByte(rest, '\n')
	if nl < 0 || strings.TrimSpace(rest[:nl]) != "" {
		return false
	}
	if c := first[len(first)-1]; c == '.' || c == '!' || c == '?' {
		return false
	}
	// a blank line (only spaces) follows
	rest = rest[nl+1:]
	nl = strings.IndexByte(rest, '\n')
	return nl >= 0 && strings.TrimSpace(rest[:nl]) == ""
}
