package keyphrase

import (
	"slices"
	"strings"

	"github.com/lector-nlp/lector/internal/text"
)

// A name joined over "of" ("Bank of England", "Royal Bank of Scotland",
// "House of Commons") is cut by the chunker into its parts, and a
// one-word part alone ("England", "University") reads as another thing
// or as nothing. A one-word part most of whose occurrences are inside the
// same whole name is shown as that name, at the part's rank; a part
// mostly written alone ("England" in a football report that once names
// the Bank of England) stays as it is, and so does a part of two words
// or more ("Royal Bank", "California Institute": the crowd keys of
// 500N-KPCrowd hold such parts, and with them 5-fold CV KPCrowd
// multi-word fell 452 -> 450 @5, 728 -> 724 @10).
// The candidates and the ranker's features are unchanged: joining them at
// candidate time had mixed 5-fold CV (KPCrowd multi-word @5 +13, @10 -7,
// Inspec @5 -26).

// maxOfName is the longest name over "of" shown, in words.
const maxOfName = 6

// ofName returns the whole name over "of" that most of the occurrences of
// c, one word, are a part of, next to the "of" (its surface text, its
// occurrences and its key: the stems of its words, "of" among them), or
// "" for none. Every word of the name but "of" is capitalised and tagged
// NNP or NNPS, and the word before "of" is one of ofHeads; an occurrence
// of c in lower case ("the bank") makes none.
func ofName(doc *text.Document, dw *docWords, ments []mention, c *candidate) (string, []text.Span, string) {
	if len(c.words) != 1 {
		return "", nil, ""
	}
	n := 0
	type whole struct{ a, b, count int }
	var found []whole
	for m := c.head; m >= 0; m = ments[m].next {
		n++
		sp := ments[m].span
		a, ok := tokenStarting(doc, sp.Start)
		if !ok {
			continue
		}
		b := a
		for b < len(doc.Tokens) && doc.Tokens[b].End <= sp.End {
			b++
		}
		for k := a; k < b; k++ {
			if !nameToken(&doc.Tokens[k]) {
				return "", nil, ""
			}
		}
		var L, R int
		switch {
		case b+1 < len(doc.Tokens) && doc.Tokens[b].Text == "of" && nameToken(&doc.Tokens[b+1]) && ofHead(&doc.Tokens[b-1]):
			L, R = a, b+1
		case a >= 2 && doc.Tokens[a-1].Text == "of" && nameToken(&doc.Tokens[a-2]) && ofHead(&doc.Tokens[a-2]):
			L, R = a-2, b
		default:
			continue
		}
		for L > 0 && ofNameWord(&doc.Tokens[L-1]) && !sentenceStart(doc, L) {
			L--
		}
		for R < len(doc.Tokens) && nameToken(&doc.Tokens[R]) {
			R++
		}
		if R-L > maxOfName {
			continue
		}
		i := slices.IndexFunc(found, func(w whole) bool { return sameTokens(doc, w.a, w.b, L, R) })
		if i < 0 {
			found = append(found, whole{L, R, 0})
			i = len(found) - 1
		}
		found[i].count++
	}
	best := -1
	for i := range found {
		if best < 0 || found[i].count > found[best].count {
			best = i
		}
	}
	if best < 0 || 2*found[best].count <= n {
		return "", nil, ""
	}
	w := found[best]
	// every occurrence of the whole name in the document
	var spans []text.Span
	for t := 0; t+(w.b-w.a) <= len(doc.Tokens); t++ {
		if sameTokens(doc, w.a, w.b, t, t+(w.b-w.a)) && (t == 0 || !nameToken(&doc.Tokens[t-1]) || sentenceStart(doc, t)) &&
			(t+(w.b-w.a) == len(doc.Tokens) || !nameToken(&doc.Tokens[t+(w.b-w.a)])) {
			spans = append(spans, text.Span{Start: doc.Tokens[t].Start, End: doc.Tokens[t+(w.b-w.a)-1].End})
		}
	}
	if len(spans) == 0 {
		return "", nil, ""
	}
	ids := make([]int32, 0, w.b-w.a)
	for k := w.a; k < w.b; k++ {
		ids = append(ids, dw.ids[k])
	}
	return surface(doc.Text, spans), spans, dw.key(ids)
}

// ofHeads are the heads of institutions and places named over "of"
// ("Bank of England", "House of Commons", "Duke of Edinburgh"); a person's
// name before "of" ("Pervez Musharraf of Pakistan", "Ana Ortega of
// Valencia") is no part of one.
var ofHeads = map[string]bool{"bank": true, "house": true, "houses": true, "university": true, "church": true,
	"duke": true, "duchess": true, "prince": true, "princess": true, "archbishop": true, "bishop": true,
	"museum": true, "institute": true, "department": true, "ministry": true, "chamber": true, "court": true,
	"college": true, "school": true, "society": true, "council": true, "office": true, "league": true,
	"federation": true, "confederation": true, "association": true, "union": true, "republic": true,
	"kingdom": true, "isle": true, "city": true, "states": true, "board": true, "commission": true,
	"academy": true, "hospital": true, "cathedral": true, "palace": true, "bay": true, "gulf": true,
	"sea": true, "lake": true, "cape": true, "tower": true, "order": true, "guild": true, "corporation": true}

// ofHead reports whether t, before "of", is one of ofHeads.
func ofHead(t *text.Token) bool { return ofHeads[strings.ToLower(t.Text)] }

// nameToken reports whether t is a word of a proper name: capitalised and
// tagged NNP or NNPS.
func nameToken(t *text.Token) bool {
	return isProper(t.POS) && capitalised(t.Text)
}

// ofNameWord reports whether t can open a name over "of": a word of a
// name, or a capitalised adjective ("Canadian" of "Canadian Imperial Bank
// of Commerce", which the tagger calls JJ).
func ofNameWord(t *text.Token) bool {
	return nameToken(t) || t.POS == "JJ" && capitalised(t.Text)
}

// sameTokens reports whether tokens [a, b) and [c, d) have the same texts,
// with "of" between names in both.
func sameTokens(doc *text.Document, a, b, c, d int) bool {
	if b-a != d-c {
		return false
	}
	for k := 0; k < b-a; k++ {
		x, y := &doc.Tokens[a+k], &doc.Tokens[c+k]
		if x.Text != y.Text {
			return false
		}
		if x.Text != "of" && !ofNameWord(y) {
			return false
		}
	}
	return strings.Contains(" "+doc.Text[doc.Tokens[a].Start:doc.Tokens[b-1].End]+" ", " of ")
}
