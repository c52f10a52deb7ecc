package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/text"
)

// datelines types the opening place of a news dateline as a LOCATION:
// "Zürich — The council ...", "ZURICH (Reuters) - ...", "Geneva, May 3 —
// ...", "Hamilton, Ontario — ...". A dateline is looked for at the first
// sentences of the text that begin a line: one to three capitalised words,
// then optionally ", Region", ", Month Day" and "(Agency)", then a dash
// and more text. The model, which never saw datelines in this form, often
// reads the place as a person or an organisation, or misses it.
//
// The dateline needs a region, date or agency, or else words in title case
// before a typographic dash (— or –): words before a hyphen are as often a
// headline's topic ("SOCCER - ...", "Apic Yamada - 6mth forecast"). A
// mention the model gave the words exactly is then re-typed; words it left
// out become a mention (without region, date or agency only when tagged as
// proper nouns). out is sorted by Start; the result is too.
func datelines(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	added := false
	for si, s := range doc.Sentences {
		if si >= 3 {
			break
		}
		if s.Last-s.First < 3 || !lineStart(doc.Text, toks[s.First].Start) {
			continue
		}
		f := s.First
		e := f
		caps := true
		for e < s.Last && e-f < 3 && capWord(toks[e].Text) {
			if strings.ToUpper(toks[e].Text) != toks[e].Text {
				caps = false
			}
			e++
		}
		if e == f {
			continue
		}
		j, extra := e, false
		// ", Region" or ", Month Day"
		if j+1 < s.Last && toks[j].Text == "," && capWord(toks[j+1].Text) {
			k := j + 1
			if monthNames[lower(toks[k].Text)] && k+1 < s.Last && isDay(toks[k+1].Text) {
				k += 2
			} else {
				for k < s.Last && k-j <= 3 && capWord(toks[k].Text) {
					k++
				}
				if k+1 < s.Last && toks[k].Text == "," && monthNames[lower(toks[k+1].Text)] && k+2 < s.Last && isDay(toks[k+2].Text) {
					k += 3
				}
			}
			j, extra = k, true
		}
		// "(Reuters)", "(AP)", "(dpa)"
		if j+2 < s.Last && toks[j].Text == "(" {
			k := j + 1
			for k < s.Last && k-j <= 3 && wordTok(toks[k].Text) {
				k++
			}
			if k > j+1 && k < s.Last && toks[k].Text == ")" {
				j, extra = k+1, true
			}
		}
		if j+1 >= s.Last {
			continue
		}
		typo := false
		switch toks[j].Text {
		case "\u2014", "\u2013":
			typo = true
		case "-", "--":
		default:
			continue
		}
		if !extra && (caps || !typo) {
			// "SOCCER - ...", "Apic Yamada - 6mth forecast": a
			// headline's topic before a hyphen
			continue
		}
		mi, found := slices.BinarySearchFunc(out, toks[f].Start, func(m Mention, start int) int { return m.Start - start })
		switch {
		case found && out[mi].Last == e:
			if out[mi].Type == Person || out[mi].Type == Org || out[mi].Type == Misc {
				out[mi].Type = Location
			}
		case found || (mi < len(out) && out[mi].First < e):
			// the model read other words there
		case extra || allProper(toks[f:e]):
			out = append(out, Mention{Type: Location, First: f, Last: e, Sentence: si,
				Start: toks[f].Start, End: toks[e-1].End, Text: doc.Text[toks[f].Start:toks[e-1].End]})
			added = true
		}
	}
	if added {
		slices.SortFunc(out, func(a, b Mention) int { return a.Start - b.Start })
	}
	return out
}

// lineStart reports whether byte offset i of s begins a line: only spaces
// and tabs stand between it and the text's start or a line break.
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

// capWord reports whether t is a word that starts with an upper-case letter.
func capWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) && wordTok(t)
}

// wordTok reports whether t is made of letters, with inner dots, hyphens
// and apostrophes (St., Saint-Denis, N'Djamena).
func wordTok(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' && r != '\u2019' {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r)
}

// allProper reports whether every token is tagged a proper noun.
func allProper(toks []text.Token) bool {
	for _, t := range toks {
		if t.POS != "NNP" && t.POS != "NNPS" {
			return false
		}
	}
	return true
}
