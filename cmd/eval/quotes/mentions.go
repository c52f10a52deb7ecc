package main

import (
	"log"

	"github.com/lector-nlp/lector/internal/geo"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// loadNER returns the statistical recogniser, or nil (and the heuristic
// below is used) when heuristic is set or the model cannot be loaded.
func loadNER(heuristic bool) (func(*text.Document) []ner.Mention, string) {
	if heuristic {
		return nil, "a capitalised-name heuristic"
	}
	r, err := ner.Load()
	if err != nil {
		log.Printf("ner: %v; using a capitalised-name heuristic", err)
		return nil, "a capitalised-name heuristic"
	}
	return r.Recognize, "internal/ner"
}

var notNames = map[string]bool{
	"The": true, "A": true, "An": true, "But": true, "And": true, "In": true, "On": true, "At": true,
	"It": true, "He": true, "She": true, "They": true, "We": true, "I": true, "This": true, "That": true,
	"If": true, "When": true, "For": true, "As": true, "So": true, "Or": true, "Yet": true, "Mr.": true,
	"Mrs.": true, "Ms.": true, "Dr.": true, "His": true, "Her": true, "Their": true, "Our": true,
}

// heuristicMentions stands in for NER: runs of capitalised proper nouns.
func heuristicMentions(doc *text.Document) []ner.Mention {
	var out []ner.Mention
	for si, s := range doc.Sentences {
		for i := s.First; i < s.Last; {
			t := doc.Tokens[i]
			if !cap(t.Text) || notNames[t.Text] || t.POS != "NNP" && t.POS != "NNPS" && t.POS != "JJ" {
				i++
				continue
			}
			j := i + 1
			for j < s.Last && cap(doc.Tokens[j].Text) && (doc.Tokens[j].POS == "NNP" || doc.Tokens[j].POS == "NNPS") {
				j++
			}
			// "Iranian Defense Minister Brigadier General X Y": the name
			// is what follows the last title word
			titled := false
			for k := j - 2; k >= i; k-- {
				if titleWords[doc.Tokens[k].Text] {
					if j-k-1 <= 3 {
						i, titled = k+1, true
						t = doc.Tokens[i]
					}
					break
				}
			}
			name := doc.Text[t.Start:doc.Tokens[j-1].End]
			typ := ner.Org
			switch {
			case j-i == 1 && t.POS == "JJ":
				if _, ok := geo.CountryByDemonym(name); ok {
					typ = ner.Nationality
				} else {
					i = j
					continue
				}
			case isPlace(name):
				typ = ner.Location
			case titled || j-i >= 2 && j-i <= 3 && !orgWord(doc.Tokens[j-1].Text):
				typ = ner.Person
			case i > s.First && isTitle(doc.Tokens[i-1].Text):
				typ = ner.Person
			}
			out = append(out, ner.Mention{Type: typ, Text: name, Start: t.Start, End: doc.Tokens[j-1].End, First: i, Last: j, Sentence: si})
			i = j
		}
	}
	return out
}

func isPlace(s string) bool {
	if _, ok := geo.CountryByName(s); ok {
		return true
	}
	_, ok := geo.CityByName(s)
	return ok
}

func isTitle(s string) bool {
	switch s {
	case "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "President", "Secretary", "Senator", "Minister":
		return true
	}
	return false
}

func cap(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

var titleWords = map[string]bool{
	"Minister": true, "General": true, "President": true, "Secretary": true, "Senator": true,
	"Sen.": true, "Rep.": true, "Gov.": true, "Governor": true, "Mr.": true, "Mrs.": true, "Ms.": true,
	"Dr.": true, "Chairman": true, "Director": true, "Spokesman": true, "Mayor": true, "Judge": true,
	"Leader": true, "Speaker": true, "Gen.": true, "Commander": true, "Ambassador": true, "Chief": true,
}

func orgWord(s string) bool {
	switch s {
	case "Organisation", "Organization", "Party", "Committee", "Council", "Department", "Ministry",
		"Association", "Union", "Institute", "University", "Times", "Post", "News", "Journal",
		"Agency", "Bank", "Company", "Corp.", "Inc.", "Group", "Foundation", "Center", "Centre",
		"House", "Court", "Congress", "Senate", "Campaign", "Office", "Service", "Network":
		return true
	}
	return false
}
