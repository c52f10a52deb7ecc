package ner

import (
	"slices"

	"github.com/lector-nlp/lector/internal/text"
)

// datelines types the opening place of a news dateline as a LOCATION:
// "Zürich — The council ...", "ZURICH (Reuters) - ...", "Geneva, May 3 —
// ...", "Hamilton, Ontario — ..." (text.Document.Dateline reads the
// dateline; one without a place, "(CNN) -- ...", types nothing). The
// model, which never saw datelines in this form, often reads the place as
// a person or an organisation, or misses it. A mention the model gave the
// place's words exactly is re-typed; words it left out become a mention
// (without region, date or agency only when tagged as proper nouns). out
// is sorted by Start; the result is too.
func datelines(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	added := false
	for si := 0; si < 3 && si < len(doc.Sentences); si++ {
		d, ok := doc.Dateline(si)
		f, e := doc.Sentences[si].First, d.Place
		if !ok || e == f {
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
		case d.Extra || allProper(toks[f:e]):
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

// allProper reports whether every token is tagged a proper noun.
func allProper(toks []text.Token) bool {
	for _, t := range toks {
		if t.POS != "NNP" && t.POS != "NNPS" {
			return false
		}
	}
	return true
}
