package quotes

import (
	"strings"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// Session 19: cues that are no verbs, or verbs the tagger read as nouns.

// nounVerb reports whether token i, which the tagger read as a noun, is
// the present tense of a verb: an -s word ("Ms Reed notes that ...",
// "..., he writes.", "Pell estimates the cost at ...") right after "he",
// "she", "it" or "who", after a noun phrase that follows a comma or a
// quotation mark and ends the clause (trailingNP), or after the name of a
// person or an organisation that does not modify a noun ("the Oxfam
// reports") when a clause, an object or the clause's end follows; a base
// form after "they", "we", "I", "you", "who", "percent" or a plural noun
// ("Two thirds of the fishermen support a ban") when a clause or an object
// follows.
func (x *extractor) nounVerb(i int) bool {
	if i == 0 {
		return false
	}
	if x.pos(i) == "NN" {
		// "they question the plan", "Democrats, however, question"
		switch x.ltok(i - 1) {
		case "they", "we", "i", "you", "who", "percent":
			return x.opensObject(i + 1)
		}
		if p := x.pos(i - 1); p == "NNS" || p == "NNPS" {
			return x.ltok(i+1) == "that" || x.pos(i+1) == "DT" || x.pos(i+1) == "PRP"
		}
		return false
	}
	if x.pos(i) != "NNS" || !strings.HasSuffix(x.ltok(i), "s") {
		return false
	}
	if x.trailingNP(i) {
		return true // "..., the editorial board writes."
	}
	switch x.ltok(i - 1) {
	case "he", "she", "it", "who":
		return true
	}
	if p := x.pos(i - 1); p != "NNP" && p != "NNPS" {
		return false
	}
	t := x.entTypeAt(i - 1)
	if t != ner.Person && t != ner.Org || x.entTypeAt(i) == t {
		return false
	}
	k := i - 1
	for k > 0 && x.entTypeAt(k-1) == t && x.pos(k-1) != "DT" {
		k--
	}
	switch x.pos(k - 1) {
	case "DT", "POS", "PRP$", "JJ", "CD":
		return false // a name that modifies the noun: "the Oxfam reports"
	}
	switch x.ltok(i + 1) {
	case ",", ".", ":", ";":
		return true
	}
	return x.opensObject(i + 1)
}

// opensObject: token i opens what a verb says or takes: "that", a
// quotation mark, a determiner, a pronoun, a name, a participle, a wh-
// word or a number.
func (x *extractor) opensObject(i int) bool {
	if x.ltok(i) == "that" || x.markKind(i) != 0 {
		return true
	}
	switch x.pos(i) {
	case "DT", "PRP", "PRP$", "NNP", "VBG", "WRB", "WP", "CD":
		return true
	}
	return false
}

// cuePos is the tag the cue model reads for token i: a present-tense
// verb for a word the tagger read as a noun in a verb's place (nounVerb).
func (x *extractor) cuePos(i int) string {
	p := x.pos(i)
	if x.o.NounVerb && (p == "NN" || p == "NNS") && x.nounVerb(i) && x.pronounVerb(i) {
		if p == "NNS" {
			return "VBZ"
		}
		return "VBP"
	}
	return p
}

// pronounVerb: noun-tagged token i, a verb by nounVerb, follows a pronoun
// or a plural noun as its subject ("he chides", "who support", "voters
// support the plan"), not a name, which may also modify a noun ("the
// Court precedents"): a verb the cue model scores as one.
func (x *extractor) pronounVerb(i int) bool {
	switch x.ltok(i - 1) {
	case "he", "she", "it", "who", "they", "we", "percent":
		return true
	case "you", "i":
		return false
	}
	return x.pos(i) == "NN"
}

// trailingNP: token i ends its clause and follows a noun phrase opened by
// a determiner or a possessive right after a comma or a quotation mark,
// as an attribution after what it says does ("“...,” the editorial board
// writes.").
func (x *extractor) trailingNP(i int) bool {
	if n := x.tok(i + 1); n != "." && n != "," {
		return false
	}
	s := x.sentence(i)
	k := x.leftNP(i, s.First)
	if k >= i || k <= s.First || !strings.HasPrefix(x.pos(i-1), "NN") {
		return false
	}
	if p := x.pos(k); p != "DT" && p != "PRP$" {
		return false // "a Clinton supporter," is an apposition
	}
	return x.tok(k-1) == "," || x.markKind(k-1) != 0
}

// accordingVB is the end of the source after "according to" at token
// first when the tagger read its first word as a verb after "to"
// ("according to federal statistics", "according to exit polls"): the
// noun phrase from the word after it; first when there is none.
func (x *extractor) accordingVB(first, limit int) int {
	if x.pos(first) != "VB" || first+1 >= limit || !strings.HasPrefix(x.pos(first+1), "NN") && x.pos(first+1) != "JJ" {
		return first
	}
	if e := x.rightNP(first+1, limit); e > first+1 {
		return e
	}
	return first
}

// adjectiveCandidate: token i, an adjective, may name a stance after a
// form of "be" ("is critical of", "were optimistic that", "was eager to
// ...", "is not happy about"): a copula before it (past adverbs) and a
// clause, an infinitive or a preposition of the topic after it. The cue
// model scores such adjectives as it scores nouns (AdjectiveCues).
func (x *extractor) adjectiveCandidate(i int) bool {
	switch x.ltok(i + 1) {
	case "that", "about", "of", "with", "over", "on", "at", "toward", "towards", "whether":
	case "to":
		if !strings.HasPrefix(x.pos(i+2), "VB") {
			return false
		}
	default:
		return false
	}
	k := i - 1
	for k > 0 && i-k <= 3 && (x.pos(k) == "RB" || x.ltok(k) == "n't" || x.ltok(k) == "n’t") {
		k--
	}
	switch x.ltok(k) {
	case "is", "was", "are", "were", "be", "been", "being", "'s", "’s", "'re", "’re", "'m", "’m", "am",
		"remain", "remains", "remained", "seem", "seems", "seemed", "appear", "appears", "appeared", "sounded", "became", "become", "becomes":
		return true
	}
	return false
}

// copulaSubject finds the subject of the copula before adjective cue i
// ("The senator is not critical of", "Voters who were optimistic that"):
// the noun phrase before the copula, its auxiliaries and adverbs.
func (x *extractor) copulaSubject(i, limit int) (int, int, bool) {
	j := i
	for j > limit && (x.pos(j-1) == "RB" || x.pos(j-1) == "MD" || strings.HasPrefix(x.pos(j-1), "VB") || x.ltok(j-1) == "n't" || x.ltok(j-1) == "n’t") && i-j < 6 {
		j--
	}
	if j > limit && x.ltok(j-1) == "who" {
		j--
	}
	st := x.leftNP(j, limit)
	if st >= j || x.pos(st) == "CD" && j-st == 1 {
		return 0, 0, false
	}
	return st, j, true
}

// titleCues reads the sentences written in title case (four words or
// more, eight in ten of them capitalised) that hold no cue of a quote
// yet: the first capitalised lexicon cue (headlineCue) among their first
// seven words that the tagger did not read as a verb is the cue, the
// words before it speak and the words after it are what was said
// ("Senator Explains Why The Port Must Close", TitleCues).
func (x *extractor) titleCues() {
	lx := x.o.Lexicon
	if lx == nil {
		lx = getLexicon()
	}
	for _, sn := range x.doc.Sentences {
		if sn.Last-sn.First < 5 || x.qAt(sn.First) >= 0 {
			continue
		}
		if caps, words := x.capWords(sn); words < 4 || caps*10 < words*8 {
			continue
		}
		a, b := x.toks[sn.First].Start, x.toks[sn.Last-1].End
		taken := false
		for _, q := range x.quotes {
			if q.Cue.End > a && q.Cue.Start < b {
				taken = true
				break
			}
		}
		if taken {
			continue
		}
		for k := sn.First + 1; k < sn.Last-2 && k-sn.First < 7; k++ {
			if !isCapital(x.tok(k)) || x.qAt(k) >= 0 || strings.HasPrefix(x.pos(k), "VB") || !headlineCue(lx, x.ltok(k)) {
				continue
			}
			sa, sb := x.trim(sn.First, k)
			ca, cb := x.trim(k+1, sn.Last)
			if sa >= sb || ca >= cb {
				break
			}
			q := x.newQuote(Quote{Content: x.span(ca, cb), Cue: x.span(k, k+1), Speaker: x.span(sa, sb), EntityIndex: -1, Kind: Indirect})
			if x.claimQuoted(q, ca, cb) {
				q.Kind = Mixed
			}
			x.resolveSpeaker(q, sa, sb)
			x.add(q, "title", cueInfo{words: x.oneWord(x.ltok(k))})
			break
		}
	}
}

// capWords counts the words of sentence sn (tokens that begin with a
// letter) and those of them that begin with a capital.
func (x *extractor) capWords(sn text.Sentence) (caps, words int) {
	for k := sn.First; k < sn.Last; k++ {
		if w := x.tok(k); w != "" && isAlnum(w[0]) && (w[0] < '0' || w[0] > '9') {
			words++
			if isCapital(w) {
				caps++
			}
		}
	}
	return caps, words
}
