package ner

import (
	"slices"
	"strings"
	"unicode"

	"github.com/lector-nlp/lector/internal/text"
)

// Recognize finds the entity mentions of doc, which must already be
// POS-tagged (pos.Tagger.Tag). Mentions are sorted by Start and do not
// overlap. A name in feed text that escapes its ampersands ("Duff &amp;
// Phelps") is found as with a plain "&": the tokeniser gives such tokens
// their decoded Text; a mention's Text is the caller's text.
func (r *Recognizer) Recognize(doc *text.Document) []Mention {
	if len(doc.Tokens) == 0 {
		return nil
	}
	return r.recognize(doc)
}

// balanced keeps a mention toks[first:last] from cutting a bracketed
// insert in two ("WorldCom (Inc)", "Ato (Boldon)" in a quote): an opening
// bracket left open takes the closing one right after the mention (when
// the model gave that token no label), or else ends the mention before
// it; a closing bracket without its opening one starts the mention after
// it. end is the sentence's end.
func balanced(toks []text.Token, first, last, end int, labels []int) (int, int) {
	open := -1
	for k := first; k < last; k++ {
		switch toks[k].Text {
		case "(":
			if open < 0 {
				open = k
			}
		case ")":
			if open >= 0 {
				open = -1
			} else {
				first = k + 1
			}
		}
	}
	if open >= first {
		if last < end && toks[last].Text == ")" && labels[last] == 0 && open > first {
			return first, last + 1
		}
		return first, open
	}
	return first, last
}

// recognize is Recognize's work (text.Analyze already reads "&amp;" in
// feed text as "&": the tokens' Text is decoded).
func (r *Recognizer) recognize(doc *text.Document) []Mention {
	b := r.get(len(doc.Tokens))
	defer r.put(b)
	in := &b.in
	in.words, in.pos = slices.Grow(in.words[:0], len(doc.Tokens)), slices.Grow(in.pos[:0], len(doc.Tokens))
	in.sents = slices.Grow(in.sents[:0], max(len(doc.Sentences), 1))
	in.doc, in.work, in.stopped = doc, 0, false
	defer func() { in.doc = nil }()
	for _, t := range doc.Tokens {
		if in.done(1) {
			// a cancel before the decoder starts: on a large document
			// this copy and the first growth of the buffers are work too
			return nil
		}
		in.words = append(in.words, canon(t.Text))
		in.pos = append(in.pos, t.POS)
	}
	if len(doc.Sentences) == 0 {
		in.sents = append(in.sents, [2]int{0, len(doc.Tokens)})
	}
	for _, s := range doc.Sentences {
		in.sents = append(in.sents, [2]int{s.First, s.Last})
	}
	r.label(b)
	if in.stopped {
		return nil
	}
	var out []Mention
	taken := make([]bool, len(doc.Tokens))
	nModel := 0
	for si, s := range in.sents {
		start := -1
		for i := s[0]; i < s[1]; i++ {
			l := b.labels[i]
			if l == 0 {
				continue
			}
			switch lpos(l) {
			case 0:
				start = i
			case 3:
				start = i
				fallthrough
			case 2:
				if start < 0 {
					break
				}
				f, e := balanced(doc.Tokens, start, i+1, s[1], b.labels)
				if e > f && !(e-f == 1 && (isCurrencySymbol(doc.Tokens[f].Text) || monthAsDate(doc.Tokens, f, s[0], s[1]))) && hasLetter(doc.Tokens[f:e]) {
					out = append(out, Mention{Type: r.fineType(doc, ltype(l), f, e), First: f, Last: e, Sentence: si})
					for k := f; k < e; k++ {
						taken[k] = true
					}
				}
				start = -1
			}
		}
	}
	out = joinAnd(doc.Tokens, taken, out)
	nModel = len(out)
	out = r.nameMentions(doc, b, taken, out)
	sorted := len(out) == nModel
	// the tokens the vocabulary says no numeric rule starts at
	b.quiet = slices.Grow(b.quiet[:0], len(b.ts))
	for i := range b.ts {
		b.quiet = append(b.quiet, b.ts[i].noNum && in.words[i] == doc.Tokens[i].Text)
	}
	n := len(out)
	for si, s := range in.sents {
		if in.done(s[1] - s[0]) {
			return nil
		}
		k := len(out)
		out = numericMentions(doc.Tokens, s[0], s[1], taken, b.quiet, out)
		for j := k; j < len(out); j++ {
			out[j].Sentence = si
		}
	}
	for i := range out {
		m := &out[i]
		m.Start, m.End = doc.Tokens[m.First].Start, doc.Tokens[m.Last-1].End
		m.Text = doc.Text[m.Start:m.End]
	}
	if len(out) > n || !sorted {
		// (mentions do not overlap: their starts differ)
		slices.SortFunc(out, func(a, b Mention) int { return a.Start - b.Start })
	}
	return r.commonOpeners(doc, r.commonWords(doc, religions(doc, bylineRoles(doc, agedNames(doc, regionCompanies(doc, sentenceFirstNames(doc, bodies(doc, works(doc, pronounTitles(doc, datelines(doc, monthFirstNames(doc, out))))))))))))
}

var (
	eventHeads = set("cup", "olympics", "olympiad", "games", "championship", "championships", "open", "prix", "tour",
		"war", "summit", "festival", "marathon", "rally", "trophy", "series", "bowl", "conference", "forum", "expo",
		"election", "elections", "masters", "derby", "grand", "world", "classic")
	lawHeads = set("act", "treaty", "accord", "accords", "agreement", "convention", "protocol", "charter",
		"amendment", "constitution", "law", "code", "declaration", "resolution", "directive", "pact")
	productHeads = set("windows", "iphone", "android", "boeing", "airbus", "mig", "sukhoi", "s-300", "s-400")
)

// fineType maps the model's type (0 PER, 1 ORG, 2 LOC, 3 MISC) to Lector's
// types, splitting MISC by cues.
func (r *Recognizer) fineType(doc *text.Document, t, first, last int) Type {
	switch t {
	case 0:
		return Person
	case 1:
		return Org
	case 2:
		return Location
	}
	head := lower(canon(doc.Tokens[last-1].Text))
	if last-first == 1 || last-first == 2 {
		phrase := head
		if last-first == 2 {
			phrase = lower(doc.Tokens[first].Text) + " " + head
		}
		if isDemonym(phrase) {
			return Nationality
		}
	}
	switch {
	case eventHeads[head] && last-first > 1:
		return Event
	case lawHeads[head] && last-first > 1:
		return Law
	case productHeads[lower(doc.Tokens[first].Text)]:
		return Product
	}
	// a quoted title: "War and Peace"
	if first > 0 && last < len(doc.Tokens) && text.IsDoubleQuote(doc.Tokens[first-1].Text) && text.IsDoubleQuote(doc.Tokens[last].Text) && last-first > 1 {
		return WorkOfArt
	}
	return Misc
}

// monthAsDate tells whether token f, a name on its own in the sentence
// [first, last), is a month used as a date, which the numeric rules then
// read: after "in", "since", "until", "during", "early", "late", "last",
// "next" or "this" ("the vote would come in May", "since June"), or
// before a day or a year ("May 5", "March 2004"). A month after a first
// name or a title stays a name ("Theresa May", "Mrs May"), and so do
// "confidence in May" and its kin, a month before a verb or a possessive
// ("since May took office", "in May's cabinet").
func monthAsDate(toks []text.Token, f, first, last int) bool {
	w := toks[f].Text
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' || !in(monthNames, w) {
		return false
	}
	prev := ""
	if f > first {
		p := toks[f-1].Text
		if IsFirstName(p) || nameTitle(p) {
			return false
		}
		prev = lower(p)
	}
	if f+1 < last {
		n := toks[f+1]
		if isDay(n.Text) || isYear(n.Text) {
			return true
		}
		if n.Text == "'s" || n.Text == "’s" || n.POS == "VBD" || n.POS == "VBZ" || n.POS == "MD" || n.POS == "VBP" {
			return false
		}
	}
	switch prev {
	case "in":
		if f-2 >= first {
			switch lower(toks[f-2].Text) {
			case "confidence", "faith", "trust", "belief", "interest":
				return false
			}
		}
		return true
	case "since", "until", "till", "during", "early", "late", "last", "next", "this", "mid":
		return true
	}
	return false
}

var demonymSet = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(demonyms, "\n") {
		for _, w := range strings.Split(line, "|") {
			if w = strings.TrimSpace(w); w != "" {
				m[strings.ToLower(w)] = true
			}
		}
	}
	// religions and broad adjectives in the list are not nationalities
	for _, w := range []string{"muslim", "muslims", "moslem", "moslems", "christian", "christians", "jewish", "jew", "jews",
		"catholic", "catholics", "protestant", "shi'ite", "shiite", "sunni", "islamic", "buddhist", "hindu", "sikh",
		"western", "eastern", "nordic", "gulf", "mediterranean", "pacific", "atlantic", "baltic"} {
		delete(m, w)
	}
	return m
}()

// isDemonym reports whether a lower-cased phrase names a nationality or
// people (Iranian, Russians, South Korean), including -ian/-ese plurals.
func isDemonym(s string) bool {
	if demonymSet[s] {
		return true
	}
	if strings.HasSuffix(s, "s") && demonymSet[s[:len(s)-1]] {
		return true
	}
	return false
}

// hasLetter reports whether some token holds a letter.
func hasLetter(toks []text.Token) bool {
	for _, t := range toks {
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}
