package keyphrase

import (
	"strings"

	"github.com/lector-nlp/lector/internal/text"
)

// A headline in title case ("City Approves Tram Line", "Minister Quits
// Over Row") capitalises its verb as well as its nouns, and the tagger
// reads the verb as part of a name ("Approves" NNPS, "Quits" NNS): the
// lower-case tests of headlineVerb, headlineBodyVerb and headlineClause
// do not see it, so phrases of the whole clause ("City Approves Tram
// Line", "Minister Quits") were key phrases.

// titleFunctionWords are the words a title-case headline may leave in
// lower case ("Row over Fares", "Plan for Docks").
var titleFunctionWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "for": true, "in": true,
	"on": true, "at": true, "to": true, "and": true, "or": true, "over": true, "with": true, "by": true,
	"from": true, "as": true, "into": true, "after": true, "v": true, "vs": true, "vs.": true, "but": true,
	"amid": true, "ahead": true, "against": true, "up": true, "off": true, "out": true, "under": true}

// titleVerbs are verbs a headline writes often, in their base form, that
// are seldom the plural of a noun in a headline (not "plans", "cuts",
// "talks", "claims"), besides headlineMoves.
var titleVerbs = map[string]bool{"approve": true, "reject": true, "win": true, "lose": true, "face": true,
	"urge": true, "seek": true, "say": true, "sign": true, "buy": true, "sell": true, "ban": true, "unveil": true,
	"reveal": true, "deny": true, "admit": true, "agree": true, "defend": true, "delay": true, "halt": true,
	"block": true, "axe": true, "scrap": true, "sack": true, "join": true, "resign": true, "raise": true,
	"boost": true, "slam": true, "accuse": true, "blame": true, "threaten": true, "beat": true, "criticise": true,
	"criticize": true, "condemn": true, "welcome": true, "announce": true, "confirm": true, "insist": true,
	"pledge": true, "promise": true, "seize": true, "arrest": true, "overturn": true,
	"dismiss": true, "abandon": true, "postpone": true, "cancel": true, "acquire": true, "expand": true,
	"help": true, "continue": true, "lift": true, "pull": true, "post": true, "survive": true, "predict": true}

// titleCaseHeadline reports whether the headline (the text before hlEnd,
// hlEnd > 0) has three words or more and every word of it is capitalised
// but titleFunctionWords, with a word in lower-case letters after its
// first letter (not a line of capitals, which offLine reads).
func titleCaseHeadline(doc *text.Document, hlEnd int) bool {
	words, mixed := 0, false
	for i := range doc.Tokens {
		tk := &doc.Tokens[i]
		if tk.Start >= hlEnd {
			break
		}
		if !isWordToken(tk.Text) || !strings.ContainsFunc(tk.Text, isLetterRune) {
			continue
		}
		words++
		if !capitalised(tk.Text) {
			if !titleFunctionWords[tk.Text] {
				return false
			}
			continue
		}
		mixed = mixed || !acronymWord(tk.Text)
	}
	return words >= 3 && mixed
}

func isLetterRune(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xC0 }

// titleHeadlineVerb reports whether every occurrence of c is in a
// title-case headline and c holds an adverb in -ly (titleAdverb) or the
// headline's verb (or is the verb alone) after the subject's last word:
// a word in -s after a capitalised singular ("City Approves", "Council
// Backs"), or a base form after a capitalised plural ("Unions Back",
// "Fares Rise"), of titleVerbs or headlineMoves or, for the -s form,
// written in the body as a finite verb after the same subject ("the
// council backed" for "Council Backs"; bodyVerb). The phrases of the
// subject and of the object alone stay ("Tram Line").
func titleHeadlineVerb(doc *text.Document, dw *docWords, ments []mention, c *candidate, hlEnd int) bool {
	nw := len(c.words)
	if hlEnd == 0 || c.first+nw > len(doc.Tokens) {
		return false
	}
	for m := c.head; m >= 0; m = ments[m].next {
		if ments[m].span.End > hlEnd {
			return false
		}
	}
	if !titleCaseHeadline(doc, hlEnd) {
		return false
	}
	for t := c.first; t < c.first+nw; t++ {
		if titleAdverb(doc, t, hlEnd) {
			return true // "Prices Rise Sharply": "Sharply"
		}
	}
	for t := max(c.first, 1); t < c.first+nw; t++ {
		w, p := doc.Tokens[t].Text, doc.Tokens[t-1].Text
		if !capitalised(w) || !capitalised(p) || !isWordToken(p) || acronymWord(w) || titleFunctionWords[strings.ToLower(w)] {
			continue
		}
		lw := strings.ToLower(w)
		plural := strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss") && !acronymWord(p) && !singularInS[strings.ToLower(p)]
		if plural {
			if titleVerbs[lw] || headlineMoves[lw] {
				return true // "Unions Back Strike", "Fares Rise"
			}
			continue
		}
		if len(lw) < 4 || !strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ss") || strings.HasSuffix(lw, "us") ||
			strings.HasSuffix(lw, "is") {
			continue
		}
		base := sBase(lw)
		if titleVerbs[base] || headlineMoves[base] || bodyVerb(doc, dw, dw.ids[t-1], dw.ids[t], base, hlEnd) {
			return true // "City Approves Tram Line", "Council Backs Plan"
		}
	}
	return false
}

// singularInS are nouns in -s that are no plurals ("Series Win").
var singularInS = map[string]bool{"series": true, "species": true, "news": true, "means": true, "politics": true,
	"economics": true, "athletics": true, "physics": true, "headquarters": true, "gas": true, "bus": true}

// titleAdverb reports whether token t of a title-case headline is an
// adverb in -ly of six letters or more ("Sharply", "Unexpectedly"; not
// "-lly", "-ily" or adjectivesInLy: "Connolly", "Family", "Supply",
// "Quarterly") that the text writes capitalised only in the
// headline (not a name: "Beverly ... Beverly said").
func titleAdverb(doc *text.Document, t, hlEnd int) bool {
	w := doc.Tokens[t].Text
	lw := strings.ToLower(w)
	if len(w) < 6 || !strings.HasSuffix(lw, "ly") || strings.HasSuffix(lw, "lly") || strings.HasSuffix(lw, "ily") ||
		adjectivesInLy[lw] || !capitalised(w) || acronymWord(w) {
		return false
	}
	for i := t + 1; i < len(doc.Tokens); i++ {
		if doc.Tokens[i].Start >= hlEnd && doc.Tokens[i].Text == w {
			return false
		}
	}
	return true
}

// adjectivesInLy are adjectives and nouns in -ly that head or modify a
// headline's nouns ("Quarterly Earnings", "Likely Successor", "Oil
// Supply").
var adjectivesInLy = map[string]bool{"quarterly": true, "monthly": true, "weekly": true, "yearly": true,
	"hourly": true, "nightly": true, "likely": true, "unlikely": true, "elderly": true, "friendly": true,
	"lonely": true, "lovely": true, "costly": true, "deadly": true, "orderly": true, "assembly": true,
	"timely": true, "kindly": true, "manly": true, "lowly": true, "beastly": true, "stately": true, "supply": true,
	"reply": true, "monopoly": true, "butterfly": true, "anomaly": true}

// sBase returns the base form of a verb in -s ("approves" -> "approve",
// "launches" -> "launch", "rallies" -> "rally").
func sBase(v string) string {
	switch {
	case strings.HasSuffix(v, "ies") && len(v) > 4:
		return v[:len(v)-3] + "y"
	case strings.HasSuffix(v, "ches") || strings.HasSuffix(v, "shes") || strings.HasSuffix(v, "sses") || strings.HasSuffix(v, "xes"):
		return v[:len(v)-2]
	}
	return v[:len(v)-1]
}
