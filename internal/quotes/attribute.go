package quotes

import (
	"strings"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// npTag: tag p may stand in a noun phrase (a switch: cheaper than a map
// for the many calls of leftNP and rightNP).
func npTag(p string) bool {
	switch p {
	case "NNP", "NNPS", "NN", "NNS", "DT", "JJ", "JJR", "JJS", "PRP", "PRP$", "POS", "CD", "HYPH", "NNPS$":
		return true
	}
	return false
}

// inPersonalPronouns reports the personal pronouns a speaker can be.
//
//go:noinline
func inPersonalPronouns(w string) bool {
	switch w {
	case "he", "she", "they", "i", "we", "it", "you":
		return true
	}
	return false
}

// inSkipBeforeCue reports words that stand between a subject and its cue
// verb.
//
//go:noinline
func inSkipBeforeCue(w string) bool {
	switch w {
	case "has", "have", "had", "also", "then", "later", "again", "previously", "repeatedly", "would",
		"will", "recently", "once", "never", "already", "further", "reportedly", "publicly", "privately",
		"often", "frequently", "is", "was", "were", "are", "had been", "been", "did", "does", "not",
		"n't", "n’t", "ve", "'ve", "’ve", "'s", "’s", "could", "may", "might", "should", "can":
		return true
	}
	return false
}

// capitalName tells whether token k, a word that may stand between a
// subject and its cue ("may", "will"), is a name there: capitalised
// inside its sentence after a first name or an honorific ("Theresa May
// said", "Mrs May said").
func (x *extractor) capitalName(k int) bool {
	if k < 1 || !isCapital(x.tok(k)) || x.tokSent[k-1] != x.tokSent[k] {
		return false
	}
	p := x.tok(k - 1)
	return ner.IsFirstName(p) || inHonorifics(x.ltok(k-1))
}

// inNamingCues reports cues that name something: their content is the
// quoted name.
//
//go:noinline
func inNamingCues(w string) bool {
	switch w {
	case "called", "calls", "call", "calling", "labeled", "labelled", "dubbed", "branded", "termed",
		"described", "describing", "describes", "referred":
		return true
	}
	return false
}

// inObjectVerbs reports verbs that take a hearer before what is said
// ("told reporters that").
//
//go:noinline
func inObjectVerbs(w string) bool {
	switch w {
	case "told", "tell", "tells", "telling", "assured", "informed", "warned", "urged", "reminded",
		"asked", "promised", "assuring", "warning", "urging", "reminding", "asking", "tweeted", "wrote",
		"writes", "accused", "accusing", "accuses", "accuse":
		return true
	}
	return false
}

func (x *extractor) isNPToken(i int) bool {
	if i < 0 || i >= len(x.toks) || x.qAt(i) >= 0 {
		return false
	}
	t := x.tok(i)
	// "&" inside a name ("Smith & Brandt Securities", "AT & T")
	if t == "&" && isCapital(x.tok(i-1)) && isCapital(x.tok(i+1)) {
		return true
	}
	if x.tagged {
		p := x.pos(i)
		if npTag(p) {
			return true
		}
		if p == "IN" && lower(t) == "of" {
			return true
		}
		// "Le Figaro", "El Pais": a capitalised foreign word in a name
		return p == "FW" && x.o.ForeignName && isCapital(t)
	}
	l := lower(t)
	return isCapital(t) || inPersonalPronouns(l) || l == "the" || l == "a" || l == "of"
}

func isCapital(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// leftNP finds the noun phrase that ends right before token end, not
// reaching before limit: [first, end).
func (x *extractor) leftNP(end, limit int) int {
	i := end
	for i > limit && (x.isNPToken(i-1) || x.o.ParticipleModifier && x.participleModifier(i-1, end, limit)) && end-i < 10 {
		i--
		if inPersonalPronouns(x.ltok(i)) && x.pos(i) == "PRP" {
			break
		}
	}
	// an NP does not start with "of" or a possessive marker
	for i < end && (x.ltok(i) == "of" || x.pos(i) == "POS") {
		i++
	}
	// nor end with "of"
	if i < end && x.ltok(end-1) == "of" {
		return end
	}
	// a pronoun object in the middle ("it" in "they said it") is no subject
	return i
}

// participleModifier: token k, a present participle, modifies the noun
// after it inside a noun phrase ending at end ("Brindle managing director
// Ola Senn", "a leading economist", "the ruling party").
func (x *extractor) participleModifier(k, end, limit int) bool {
	return x.tagged && x.pos(k) == "VBG" && k+1 < end && strings.HasPrefix(x.pos(k+1), "NN") && k-1 >= limit && x.isNPToken(k-1) && x.qAt(k) < 0
}

// rightNP finds the noun phrase that starts at token start: [start, end).
func (x *extractor) rightNP(start, limit int) int {
	i := start
	for i < limit && x.isNPToken(i) && i-start < 10 {
		if i > start && inPersonalPronouns(x.ltok(i)) {
			break
		}
		i++
		if i-start == 1 && inPersonalPronouns(x.ltok(start)) {
			break
		}
	}
	for i > start && x.ltok(i-1) == "of" {
		i--
	}
	return i
}

// apposition extends a speaker NP [first, end) over ", the spokesman for
// Y," when a comma follows; it returns the new end (after the appositive,
// before its closing comma) or end.
func (x *extractor) apposition(end, limit int) int {
	if x.tok(end) != "," {
		return end
	}
	k := end + 1
	for k < limit && k-end < 14 {
		t := x.tok(k)
		if t == "." && x.tok(k+1) == "," {
			k++
			continue
		}
		if t == "," || t == "." || t == ";" || t == ":" || x.qAt(k) >= 0 {
			break
		}
		if p := x.pos(k); strings.HasPrefix(p, "VB") && lower(t) != "based" || p == "MD" {
			return end
		}
		k++
	}
	if k == end+1 || k >= limit || x.tok(k) != "," && x.tok(k) != "." {
		return end
	}
	return k
}

func (x *extractor) sentence(i int) text.Sentence {
	if len(x.doc.Sentences) == 0 {
		return text.Sentence{First: 0, Last: len(x.toks)}
	}
	if i >= len(x.toks) {
		i = len(x.toks) - 1
	}
	if i < 0 {
		i = 0
	}
	return x.doc.Sentences[x.tokSent[i]]
}

// clauseEnd returns where content that starts at token start ends
// (exclusive): the end of its sentence, or of a quote that runs past it,
// or before ", adding ..." and the like; at most maxReported tokens
// after start, or the close of the quotation that holds that token.
func (x *extractor) clauseEnd(start int, cueAt cueTable) int {
	s := x.sentence(start)
	end := s.Last
	fronted := x.o.FrontedClause && x.frontedSubordinate(s, start)
	finite := false // a finite verb, "that" or a quotation since start
	clause := false // a finite verb since start
	for i := start; i < end; i++ {
		if i-start >= maxReported {
			// a "sentence" of thousands of tokens (text without full
			// stops): reported speech ends here, a quotation at its close
			if q := x.qAt(i); q >= 0 {
				return min(max(i, x.directs[q].close+1), len(x.toks))
			}
			return i
		}
		if q := x.qAt(i); q >= 0 && x.directs[q].close+1 > end {
			end = x.directs[q].close + 1
			if end > len(x.toks) {
				end = len(x.toks)
			}
		}
		if x.pos(i) == "CC" && i > start {
			// "says X and said Y": a second verb of the same subject
			if cueAt.has(i + 1) {
				return i
			}
			// "X said A and Y accused B": a second attribution
			if x.o.CoordAttribution && clause && x.qAt(i) < 0 {
				if np := x.rightNP(i+1, end); np > i+1 && np-i <= 5 && x.pos(i+1) != "CD" {
					j := np
					for j < end && (x.pos(j) == "RB" || x.pos(j) == "MD") {
						j++
					}
					if cueAt.has(j) && finiteTag(x.pos(j)) {
						return i
					}
				}
			}
			// "praised the plan and voted for it": after a noun phrase
			// (no verb of its own yet), a finite verb is the subject's
			if cc := x.ltok(i); x.o.NPCoordVerb && !finite && x.qAt(i) < 0 && (cc == "and" || cc == "but") {
				k := i + 1
				for k < end && k-i < 3 && x.pos(k) == "RB" {
					k++
				}
				// (a lower-case word that no finite verb follows: "the
				// dead and lost had been", "Serious and Organised Crime")
				// (nor an adjective the tagger read as a verb before a noun
				// phrase and its verb: "cars and parked vans were
				// damaged", "wages and skilled labour costs rose")
				if w, p := x.tok(k), x.pos(k); (p == "VBD" || p == "VBZ" || p == "MD" || p == "VBP" && (w == "are" || w == "have" || w == "do")) && !finiteTag(x.pos(k+1)) && k+1 < end && x.tok(k+1) != "." && lowerWord(w) &&
					!(p == "VBD" && strings.HasPrefix(x.pos(k+1), "NN") && x.clauseAfter(x.rightNP(k+1, end), end)) {
					return i
				}
			}
		}
		if p := x.pos(i); finiteTag(p) || x.ltok(i) == "that" || x.qAt(i) >= 0 || p == "VBN" && i > start && (strings.HasPrefix(x.pos(i-1), "NN") || x.pos(i-1) == "RB") {
			// ("Pensions still required approval": a participle's tag on
			// a clause's verb)
			finite = true
			clause = clause || finiteTag(p)
		}
		if x.o.EventAdjunct && !finite && i > start && x.qAt(i) < 0 && x.eventAdjunct(i, end) {
			// "denounced the plan in a speech", "mocked X in
			// a string of tweets": the occasion is not what was said
			return i
		}
		if fronted && x.tok(i) == "," && x.qAt(i) < 0 {
			// "While he praised the plan, the senator voted against
			// it": the main clause after a fronted one is not said
			if np := x.rightNP(i+1, end); np > i+1 && np-i <= 8 && x.clauseAfter(np, end) {
				return i
			} else if np > i+1 && np-i <= 8 && x.tok(np) == "," {
				// "..., some investors, including pension funds, sold":
				// a subject's apposition or aside with no finite verb
				k := np + 1
				for k < end && k-np < 8 && x.tok(k) != "," && x.qAt(k) < 0 && !finiteTag(x.pos(k)) {
					k++
				}
				if k > np+1 && x.tok(k) == "," && x.clauseAfter(k+1, end) {
					return i
				}
			}
			fronted = false // the first comma ends the fronted clause or it has none
		}
		if x.tok(i) == "," || x.tok(i) == ";" {
			// ", though she noted ...": a new attribution begins
			k := i + 1
			if w := x.ltok(k); w == "though" || w == "although" || w == "while" || w == "but" || w == "and" || w == "as" {
				k++
				if np := x.rightNP(k, end); np > k && np-k <= 4 {
					j := np
					for j < end && (x.pos(j) == "RB" || x.pos(j) == "MD") {
						j++
					}
					if cueAt.has(j) {
						return i
					}
				}
			}
			if c, ok := cueAt.at(i + 1); ok && (strings.HasSuffix(c.info.words[0], "ing") || c.info.words[0] == "according") {
				return i
			}
			// ", he said." closing the sentence (after a closing mark too)
			k0 := i + 1
			if q := x.qAt(k0); q >= 0 && x.directs[q].close >= k0 && x.directs[q].close <= k0+1 {
				k0 = x.directs[q].close + 1
			}
			if np := x.rightNP(k0, end); np > k0 {
				if c, ok := cueAt.at(np); ok && c.last >= end-1 {
					return i
				}
			}
			// ", said X."
			if c, ok := cueAt.at(i + 1); ok && x.qAt(i) < 0 {
				if np := x.rightNP(c.last, end); np > c.last && np >= end-1 {
					return i
				}
			}
		}
	}
	return end
}

// cueTable finds the cues of a document by their first token: the cues
// in the order of their first tokens (x.cues).
type cueTable []cue

// at returns the last cue that starts at token i (the cues start at
// different tokens).
func (t cueTable) at(i int) (cue, bool) {
	lo, hi := 0, len(t) // the first cue that starts after i, in [lo, hi]
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t[m].first > i {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo > 0 && t[lo-1].first == i {
		return t[lo-1], true
	}
	return cue{}, false
}

// has reports whether a cue starts at token i.
func (t cueTable) has(i int) bool {
	_, ok := t.at(i)
	return ok
}

// trim drops leading commas and colons and trailing sentence punctuation
// outside quotes.
func (x *extractor) trim(first, last int) (int, int) {
	for first < last {
		t := x.tok(first)
		if t == "," || t == ":" || t == "—" || t == "--" || t == "-" {
			first++
			continue
		}
		break
	}
	for last > first {
		t := x.tok(last - 1)
		if x.qAt(last-1) < 0 && (t == "." || t == "," || t == "!" || t == "?" || t == ";" || t == ":" || t == "—" || t == "--") {
			last--
			continue
		}
		break
	}
	return first, last
}

// inSpeechNouns reports nouns that name what someone said ("Ashtiani's
// remarks that ...").
//
//go:noinline
func inSpeechNouns(w string) bool {
	switch w {
	case "remarks", "remark", "comments", "comment", "statement", "words", "claim", "claims",
		"assertion", "warning", "argument", "insistence", "view", "belief", "assurance", "announcement",
		"promise", "pledge", "suggestion", "contention":
		return true
	}
	return false
}

// possessives reads "X's remarks that ..." and "his claim that ...": the
// owner of a speech noun said the clause after it.
func (x *extractor) possessives() {
	for i := 1; i+2 < len(x.toks); i++ {
		if x.cancelled(i) {
			return
		}
		if !inSpeechNouns(x.ltok(i)) || x.ltok(i+1) != "that" || x.qAt(i) >= 0 {
			continue
		}
		if p := x.pos(i + 2); p == "VBZ" || p == "VBD" || p == "MD" || p == "VBP" {
			// "the statement that was issued": a relative clause
			continue
		}
		s := x.sentence(i)
		var a, b int
		switch {
		case x.pos(i-1) == "PRP$":
			a, b = i-1, i
		case x.pos(i-1) == "POS":
			b = i - 1
			a = x.leftNP(b, s.First)
			if a == b {
				continue
			}
		default:
			continue
		}
		end := x.clauseEnd(i+1, nil)
		ca, cb := x.trim(i+1, end)
		if x.o.PossessiveEnd && ca < cb {
			// "X's claim that A drew applause": the clause ends before
			// the verb of the sentence
			if e := x.clauseVerbEnd(ca, cb); e < cb {
				ca, cb = x.trim(ca, e)
			}
		}
		if ca >= cb {
			continue
		}
		x.possessed = append(x.possessed, i)
		q := x.newQuote(Quote{Content: x.span(ca, cb), Cue: x.span(i, i+1), Speaker: x.span(a, b), EntityIndex: -1, Kind: Indirect})
		if x.claimQuoted(q, ca, cb) {
			q.Kind = Mixed
		}
		x.resolveSpeaker(q, a, b)
		x.add(q, "possessive", cueInfo{words: x.oneWord(x.ltok(i))})
	}
}

// colons reads "NAME: ..." at the start of a paragraph (after an optional
// quotation mark) as NAME saying the rest of the paragraph, as transcripts
// and headlines write it.
func (x *extractor) colons() {
	for p, ps := range x.doc.Paragraphs {
		if x.cancelledEvery(p, 16) {
			return
		}
		a, _ := x.tokRange(text.Span{Start: ps.Start, End: ps.Start})
		if a < 0 {
			continue
		}
		st := a
		if x.markKind(st) != 0 {
			st++
		}
		if x.o.InitialSaid && initialSaid(x.ltok(st)) {
			continue // "Said Ellis: ...": the cue's own rule reads it
		}
		colon := x.colonSpeaker(st)
		// a headline "Poll: ..." or "Pat Caddell: ..." names its source
		headline := p == 0 && colon-st <= 2
		if colon < 0 || colon-st > 4 || !headline && !x.nameLike(st, colon) {
			continue
		}
		end := colon + 1
		for end < len(x.toks) && x.tokPara[end] == p {
			end++
		}
		ca, cb := x.trim(colon+1, end)
		if q := x.qAt(ca); q >= 0 && x.directs[q].open == ca {
			// "NAME: “...”" quotes its words
		} else if x.markKind(cb-1) != 0 && x.markKind(a) != 0 {
			cb--
		}
		if ca >= cb {
			continue
		}
		q := x.newQuote(Quote{Content: x.span(ca, cb), Cue: x.span(colon, colon+1), Speaker: x.span(st, colon), EntityIndex: -1, Kind: Direct})
		if x.markKind(a) == 0 {
			q.Kind = Indirect
		}
		x.claimQuoted(q, a, end)
		x.resolveSpeaker(q, st, colon)
		x.add(q, "colon", cueInfo{words: x.oneWord(":")})
	}
}

// nameLike: the tokens [a, b) hold a person or organisation mention, or
// are written in capitals ("WALLACE").
func (x *extractor) nameLike(a, b int) bool {
	upper := true
	for i := a; i < b; i++ {
		if strings.ToUpper(x.tok(i)) != x.tok(i) {
			upper = false
		}
	}
	if upper {
		return true
	}
	sp := x.span(a, b)
	for _, m := range x.mentions[x.mentionFrom(sp.Start):] {
		if m.span.Span.Start > sp.End {
			break
		}
		if m.span.Span.End <= sp.End {
			if t := x.ents[m.ent].Type; t == ner.Person || t == ner.Org {
				return true
			}
		}
	}
	return false
}

// attribute turns every cue into a quote.
func (x *extractor) attribute() {
	cueAt := cueTable(x.cues)
	// speakers found per sentence, for participles ("..., adding that");
	// tokSent is 0 for every token when there are no sentences
	type speakerOf struct {
		sp      [2]int
		ok      bool
		fronted bool // the cue stands in a fronted subordinate clause
	}
	sentSpeaker := make([]speakerOf, len(x.doc.Sentences)+1)
	for ci, c := range x.cues {
		if x.cancelledEvery(ci, 8) {
			return
		}
		s := x.sentence(c.first)
		if c.info.noun {
			x.nounQuote(c, s, cueAt)
			continue
		}
		w0 := c.info.words[0]
		var sp [2]int   // speaker token range
		who := -1       // "who" standing for the speaker
		around := false // content is two quotes around the cue
		rule := ""
		var content [2]int
		found := false
		head := -1 // where the speaker's own noun phrase ends, when the span runs on over modifiers

		if w0 == "according" {
			if len(c.info.words) == 1 && x.ltok(c.last) == "to" {
				c.last++
			}
			np := x.rightNP(c.last, s.Last)
			if np == c.last && x.o.AccordingVB {
				np = x.accordingVB(c.last, s.Last)
			}
			if np == c.last {
				continue
			}
			np = x.apposition(np, s.Last)
			opening := c.first == s.First || c.first == s.First+1 && x.pos(s.First) == "CC"
			if x.o.AccordingOpening && !opening && c.first == s.First+2 && x.tok(s.First+1) == "," {
				// "Meanwhile, according to X, ...": a connective first
				switch x.pos(s.First) {
				case "RB", "CC", "IN":
					opening = true
				}
			}
			if opening && x.o.AccordingOpening {
				if e := x.accordingSourceEnd(np, s.Last); e > np {
					head, np = np, e
				}
			}
			sp = [2]int{c.last, np}
			if k := x.runOnSubject(c.last, np); opening && x.o.AccordingRunOn && k > 0 {
				// "According to the news agency most of the cafes were
				// closed": no comma after the source
				sp = [2]int{c.last, k}
				content = [2]int{k, x.clauseEnd(k, cueAt)}
			} else if opening {
				content = [2]int{np, x.clauseEnd(np, cueAt)}
			} else if x.tok(c.first-1) == "," && x.tok(np) == "," && np+2 < s.Last {
				// "The deal, according to X, is dead": around the cue
				content = [2]int{x.clauseStart(c.first), x.clauseEnd(np+1, cueAt)}
			} else {
				content = [2]int{x.clauseStart(c.first), c.first}
			}
			found, rule = true, "according"
		}

		if !found {
			j := c.first
			for j > s.First {
				l := x.ltok((j - 1))
				if (inSkipBeforeCue(l) || x.pos(j-1) == "RB" || x.pos(j-1) == "MD") && !x.capitalName(j-1) {
					j--
					continue
				}
				// ", too,"
				if l == "," && x.ltok(j-2) == "too" && x.tok(j-3) == "," {
					j -= 3
					continue
				}
				// "Trump said Friday": a bare day or month is no subject
				// (a surname is: "Frank March said")
				if inTemporal(l) && isCapital(x.tok(j-1)) && !x.timeSurname(l) {
					j--
					if p := x.ltok((j - 1)); p == "late" || p == "early" || p == "last" || p == "on" || p == "in" || p == "this" {
						j--
					}
					continue
				}
				// "on Friday", "last week"
				if inTemporal(l) && j-2 >= s.First {
					p := x.ltok((j - 2))
					if p == "on" || p == "last" || p == "this" || p == "earlier" || p == "late" {
						j -= 2
						continue
					}
					if l == "yesterday" || l == "today" || l == "earlier" || l == "later" || l == "recently" {
						j--
						continue
					}
				}
				// "A union advert in 2008 questioned": a year is no subject
				if x.o.SubjectYear && x.pos(j-1) == "CD" && len(l) == 4 && l[0] >= '1' && l[0] <= '2' && j-2 > s.First && (x.ltok(j-2) == "in" || x.ltok(j-2) == "since") {
					j -= 2
					continue
				}
				// "Rep. Gwen Moore (D-Wis.)"
				if l == ")" {
					k := j - 2
					for k > s.First && j-k < 8 && x.tok(k) != "(" {
						k--
					}
					if x.tok(k) == "(" && k > s.First {
						j = k
						continue
					}
				}
				break
			}
			npStart := x.leftNP(j, s.First)
			var appos [2]int
			if npStart == j && x.tok(j-1) == "," {
				// "X, the spokesman for Y, said", "X, director of Z at Y, said"
				if st, ok := x.appositiveSubject(j-1, s.First); ok {
					npStart, j = st, j-1
				}
			}
			if npStart == j && x.o.ParentheticalSubject {
				// "Jason Sims — a teacher from Ames — says", "Six papers
				// in Ohio, including the Blade, said"
				if st, p, ok := x.parentheticalSubject(c, j, s); ok {
					if x.o.AppositiveName && x.properName(p+1, j-1) && !(x.o.PlaceSubject && x.placeName(p+1, j-1)) {
						// "The owner of the chain that ..., Rita Moss,
						// praised": the name between the commas speaks
						appos = [2]int{p + 1, j - 1}
					}
					npStart, j = st, p
				}
			}
			if npStart == j && x.o.OpeningSubject {
				if st, e, ok := x.openingSubject(c, j, s); ok {
					npStart, j = st, e
				}
			}
			if npStart == j && x.o.PercentSubject {
				npStart = x.percentSubject(j, s.First)
			}
			// "who said" refers back to the NP before "who"
			if npStart == j && (x.ltok(j-1) == "who") {
				if st := x.leftNP(j-2, s.First); x.tok(j-2) == "," && st < j-2 {
					npStart, j, who = st, j-2, j-1
				} else if st := x.leftNP(j-1, s.First); st < j-1 {
					npStart, j, who = st, j-1, j-1
				} else if st := x.leftNP(j-2, s.First); x.o.PlaceAdverbWho && x.pos(j-2) == "RB" && inPlaceAdverbs(x.ltok(j-2)) && st < j-2 {
					// "visa staff abroad who feared": a place adverb
					// after the noun
					npStart, j, who = st, j-1, j-1
				}
			}
			if e := x.passiveBy(c, s); npStart < j && e > 0 && x.qAt(npStart) < 0 {
				// "The plan was first reported by The Post": the
				// subject is what was said, the agent said it
				sp = [2]int{x.passiveAgent(c), e}
				content = [2]int{npStart, j}
				found, rule = true, "passive"
			} else if npStart < j && (x.pos(npStart) != "CD" || x.o.NumberSubject && x.countedSubject(npStart, x.headEnd(npStart, j)) || x.o.PercentSubject && x.percentSubject(j, s.First) == npStart) {
				if x.o.SpeakerPrep {
					head := x.prepHead(npStart, s.First)
					if x.o.AgentPrep && head < npStart {
						head = x.namedAgent(head, s.First)
					}
					npStart = head
				}
				if x.o.PlaceSubject {
					npStart = x.cityState(npStart, j, s)
				}
				sp = [2]int{npStart, j}
				if x.o.SubjectTime && j-npStart >= 3 && (x.ltok(j-2) == "last" || x.ltok(j-2) == "this" || x.ltok(j-2) == "next") &&
					(inPeriod(x.ltok(j-1)) || inSeason(x.ltok(j-1))) {
					// "Private forecasters last summer projected": the
					// time is no part of the speaker
					sp[1] = j - 2
				}
				found, rule = true, "subject"
				if x.o.PrepObject {
					if f, l, ok := x.prepObjectSubject(npStart, c.first, s); ok {
						sp = [2]int{f, l}
					}
				}
				if x.o.AddresseeTo && x.pos(c.first) == "VBG" {
					// "X wrote to Y demanding ...": Y is addressed, X demands
					if f, v := x.addresseeWriter(npStart, s.First); f >= 0 {
						sp = [2]int{f, v}
					} else if v >= 0 {
						if f, l, ok := x.mainSubject(s.First, v+1); ok {
							sp = [2]int{f, l}
						}
					}
				}
				if x.o.ReducedRelative {
					if k := x.reducedRelative(npStart, j); k > npStart {
						if (x.pos(c.last) == "IN" || x.pos(c.last) == "TO") && inBlameVerbs(x.ltok(c.first)) {
							// "the discrepancies Mercury blamed on a clerk":
							// what was blamed is the noun before
							continue
						}
						npStart, sp[0] = k, k
					}
				}
				if appos[1] > appos[0] {
					sp = appos
				}
				// what follows the cue
				start := c.last
				if inObjectVerbs(x.ltok(c.last - 1)) {
					if e := x.rightNP(start, s.Last); e > start {
						nx := x.ltok(e)
						if x.o.ObjectInfinitive && nx == "to" && x.pos(e+1) == "VB" {
							// "urged lawmakers to act": PolNeAR takes
							// the hearer with what they are asked to do
						} else if nx == "that" || nx == "to" || nx == ":" || nx == "," || x.markKind(e) != 0 || nx == "." || e >= s.Last-1 {
							start = e
						} else if nx == "of" && strings.HasPrefix(x.ltok(c.last-1), "accus") {
							// "accused her of lying"
							start = e + 1
						} else if k := x.clauseWithin(e, s.Last, x.hearerReach()); k >= 0 {
							// "told reporters on Friday that ...", "told a
							// news conference with the party's leader
							// Milos Zeman that ..."
							start = k
						} else if t := x.skipTime(e, s.Last); x.o.TemporalPrep && t > e && t < s.Last-1 && (isAlnum(x.tok(t)[0]) || x.markKind(t) != 0) {
							// "told Reuters on Friday the plan ..."
							start = t
						} else if x.o.HearerAdjunct && npStart > s.First && x.tok(npStart-1) == "," && inAdjunctPrep(nx) && x.adjunctToEnd(e, s.Last) {
							// "..., an official told reporters on Monday.":
							// the hearer and a phrase end the sentence, the
							// clause before is what was said
							start = e
						}
					}
				}
				for start < len(x.toks) && (x.tok(start) == ":" || x.tok(start) == ",") {
					start++
				}
				if x.o.PrepContent && start == c.last && x.pos(start) == "RP" && start+1 < s.Last {
					// "pointed out that", "lay out": the particle is part
					// of the cue
					start++
					c.last = start
				}
				end := x.clauseEnd(start, cueAt)
				a, b := x.trim(start, end)
				timeComma := false // a comma after the time after the cue
				if x.o.TemporalPrep && a < b {
					// "said on Thursday it ...": the time is no content;
					// "..., sources said on Thursday." says the clause before
					if t := x.skipTime(a, b); t > a {
						a = t
						if a >= b || x.tok(a) == "." {
							a = b
						}
						if st := x.coordinated(npStart, s.First); st < npStart && a >= b {
							npStart, sp[0] = st, st
						}
						if x.o.TrailingAdjunct && a+1 < b && x.tok(a) == "," {
							// "The plan is dead, officials said on Friday,
							// as talks ended": read as "..., officials
							// said, as ..." is, around the cue
							a++
							timeComma = true
						}
					}
				}
				// "Climate change, he said, is ...": the cue stands inside
				// what is said
				paren := -1
				if npStart-1 > s.First && x.tok(npStart-1) == "," && (x.tok(c.last) == "," || timeComma) && x.qAt(npStart-2) < 0 && a < b && !inObjectVerbs(x.ltok(c.last-1)) && !(x.frontedAdverbial(npStart) && !finiteTag(x.pos(a))) {
					if st := x.clauseStart(npStart - 1); st < npStart-1 {
						paren = st
					}
				}
				before := x.quoteBefore(npStart)
				first := x.ltok(a)
				startsClause := a < b && (first == "that" || x.markKind(a) != 0 || x.qAt(a) >= 0)
				if paren >= 0 {
					content = [2]int{paren, b}
				} else if before >= 0 && startsClause && x.qAt(a) >= 0 && x.directs[x.qAt(a)].open == a && x.tok(x.directs[before].close-1) == "," {
					// "“A,” she said, “B.”": one quote around the cue
					d, e := x.directs[before], x.directs[x.qAt(a)]
					e.used = true
					content = [2]int{d.open, e.close + 1}
					around = true
				} else if before >= 0 && !startsClause && (a >= b || isPrepStart(first) || x.pos(a) == "RB" || x.tok(c.last) == "," || x.tok(c.last) == "." || isTemporal(first) || x.quoteBeforeAdjunct(c, a, b, s)) {
					d := x.directs[before]
					content = [2]int{x.leadIn(d.open), d.close + 1}
				} else if a >= b || isPrepStart(first) && x.tok(npStart-1) == "," && !(x.o.ObjectInfinitive && x.pos(a) == "TO" && x.pos(a+1) == "VB") && !x.frontedAdverbial(npStart) && !x.frontedAdverb(npStart) {
					if npStart > s.First && x.tok(npStart-1) == "," && !(a < b && x.frontedAdverbial(npStart)) {
						content = [2]int{x.clauseStart(npStart - 1), npStart - 1}
					} else {
						found = false
					}
				} else if a < b && (x.pos(a) == "IN" || x.pos(a) == "TO" || x.pos(a) == "RB" || isTemporal(first)) && !inClauseWord(first) {
					// "said earlier Friday that ...", "said on Tuesday that"
					k := a
					for k < b && k-a < 8 && x.ltok(k) != "that" && !strings.HasPrefix(x.pos(k), "VB") {
						k++
					}
					if k < b && x.ltok(k) == "that" {
						content = [2]int{k, b}
					} else if t := x.adjunctThat(a, s.Last); t > a {
						// "said on Thursday during a visit to a school in
						// Leeds, England, that ...": a long adjunct
						content = [2]int{t, x.clauseEnd(t, cueAt)}
					} else if e := x.adjunctClause(a, b); x.o.AdjunctClause && e > a {
						// "said after the meeting he would ...": the
						// occasion is no content, the clause after it is
						content = [2]int{e, b}
					} else if x.pos(a) == "TO" && x.pos(a+1) == "VB" && x.o.InfinitiveContent {
						// "wants to ...", "plans to ...": the intention is
						// what is attributed
						content = [2]int{a, b}
					} else if x.pos(a) == "RB" {
						content = [2]int{a, b}
					} else if x.o.AddresseeTo && x.addresseeTo(c, a) {
						// "wrote to the minister demanding ...", "complained
						// to Ofcom": "to" names who is addressed; what is
						// said is a "that" clause after it, if any
						if k := x.afterAddressee(c, a+1, b); k >= 0 {
							content = [2]int{k, b}
						} else {
							found = false
						}
					} else if x.o.AboutFigure && x.aboutFigure(a) {
						// "said about three million people are not
						// registered": a figure, no topic
						content = [2]int{a, b}
					} else if x.o.PrepContent && a == c.last && a+1 < b && (x.pos(a) == "IN" && inPrepCues(first) || x.pos(a) == "TO" && !strings.HasPrefix(x.pos(a+1), "VB")) {
						// "spoke about X", "called for X", "responded to
						// X": the preposition belongs to the cue, what
						// follows it is the content
						c.last = a + 1
						content = [2]int{a + 1, b}
						rule = "prep"
					} else {
						found = false
					}
				} else {
					content = [2]int{a, b}
				}
			}
		}

		if found && rule == "subject" && x.o.InvertedNoComma {
			// "... have spare parts said Mr Orde.": a name
			// alone ends the sentence after the cue, a clause stands
			// before it; the name speaks what the clause says
			if f, l, ok := x.invertedNoComma(c, s, content); ok {
				sp, content, who = [2]int{l, s.Last}, [2]int{f, c.first}, -1
				for sp[1] > l && x.pos(sp[1]-1) == "." {
					sp[1]--
				}
				rule = "inverted"
			}
		}
		coordinated := x.pos(c.first-1) == "CC" || x.pos(c.first-1) == "RB" && x.pos(c.first-2) == "CC"
		// ", even suggesting ...", "began by saying ...": an adverb or
		// "by" before the participle
		adverbParticiple := x.o.ParticipleAdverb && strings.HasSuffix(w0, "ing") && x.pos(c.first) == "VBG" &&
			(x.pos(c.first-1) == "RB" && x.tok(c.first-2) == "," || x.ltok(c.first-1) == "by" && x.pos(c.first-2) != "VBN")
		if !found && (x.tok(c.first-1) == "," && strings.HasSuffix(w0, "ing") || coordinated || adverbParticiple) {
			// "..., adding that": the subject of the sentence speaks
			writer, verb := -1, -1
			if x.o.AddresseeTo && x.tok(c.first-1) == "," {
				writer, verb = x.addresseeWriter(c.first-1, s.First)
			}
			if s0 := sentSpeaker[x.tokSent[c.first]]; s0.ok {
				sp = s0.sp
			} else if writer >= 0 {
				// "X wrote to investors, telling them ...": X tells
				sp = [2]int{writer, verb}
			} else if f, l, ok := x.mainSubject(s.First, c.first); ok {
				if x.o.PlaceSubject && x.o.SpeakerPrep {
					// "Officials in Beijing played it down, saying ...":
					// the officials speak, not the place
					f = x.prepHead(f, s.First)
				}
				sp = [2]int{f, l}
			} else if f, l, ok := x.clauseSubject(s.First, c.first); ok && x.o.ParticipleSubject && !x.participleBetween(l, c.first-1) {
				// "Clinton's aide rallied supporters, saying ..."
				sp = [2]int{f, l}
			}
			if sp[1] > sp[0] {
				start := c.last
				if inObjectVerbs(w0) {
					if e := x.rightNP(start, s.Last); e > start && x.ltok(e) == "that" {
						start = e
					}
				}
				addressed := x.o.AddresseeTo && x.addresseeTo(c, start)
				if addressed {
					// ", adding to concern that ...", ", writing to
					// the council that ...": past the one addressed
					if k := x.afterAddressee(c, start+1, s.Last); k >= 0 {
						start, addressed = k, false
					}
				}
				if a, b := x.trim(start, x.clauseEnd(start, cueAt)); a < b && !addressed {
					content = [2]int{a, b}
					found, rule = true, "participle"
				}
			}
		}

		if !found && (x.tok(c.first-1) == "," || x.closesQuote(c.first-1)) && (!x.o.InvertedSpeech || invertsSpeech(x.ltok(c.first))) && !(x.o.TellSpeaker && isTell(x.ltok(c.first))) {
			// inverted: "..., said X." / "” said X."
			np := x.rightNP(c.last, s.Last)
			if np > c.last && x.o.StrictInverted && x.clauseAfter(np, s.Last) {
				// "Megan Hester, an organiser, said parents want ...":
				// X is the subject of what is said
				np = c.last
			}
			if np > c.last {
				np = x.apposition(np, s.Last)
				sp = [2]int{c.last, np}
				k := c.first - 1
				if x.tok(k) == "," {
					k--
				}
				if q := x.qAt(k); q >= 0 && x.directs[q].close == k {
					d := x.directs[q]
					content = [2]int{x.leadIn(d.open), d.close + 1}
				} else {
					content = [2]int{x.clauseStart(c.first - 1), c.first - 1}
				}
				found, rule = true, "inverted"
			}
		}
		if !found && x.o.InitialSaid && c.first == s.First && initialSaid(x.ltok(c.first)) {
			// "Said Ellis: “...”": the speaker follows the cue that opens
			// the sentence, what was said follows a colon, or a comma and
			// a quotation ("Asked about X, Y said", "Asked for comment,
			// Y said", "Asked the same question, Y shrugged": a
			// participle whose object does not speak)
			if np := x.rightNP(c.last, s.Last); c.last == c.first+1 && np > c.last && np+1 < s.Last && (x.tok(np) == ":" || x.tok(np) == "," && x.markKind(np+1) != 0 && x.markKind(np+1) != 'c') {
				sp = [2]int{c.last, np}
				content = [2]int{np + 1, x.clauseEnd(np+1, cueAt)}
				found, rule = true, "inverted"
			}
		}
		if !found && x.o.Fallback {
			found = x.fallback(&c, s, cueAt, &sp, &content)
			rule = "fallback"
		}
		if !found {
			continue
		}
		a, b := x.trim(content[0], content[1])
		if !around && a >= c.last && rule != "inverted" && x.o.StartFix {
			a, b = x.trim(x.contentStart(a, b), b)
			if a == c.last && inHearerCues(x.lemma(x.cueHead(c.first, c.last))) {
				a, b = x.trim(x.bareHearer(a, b), b)
			}
		}
		if x.o.CueTo && a == c.last && c.last-c.first >= 2 && x.ltok(c.last-1) == "to" && (x.pos(a) == "VB" || x.markKind(a) != 0 && x.pos(a+1) == "VB") {
			// "vowed to soldier on", "is pledging to “win ...”": the
			// "to" opens what was said
			c.last--
			a = c.last
		}
		if !around && a >= c.last && rule != "inverted" {
			x.setEndCue(x.cueHead(c.first, c.last))
			if e := x.cutEnd(a, b); e < b {
				a, b = x.trim(a, e)
			}
		}
		if a >= b {
			continue
		}
		if x.o.RelativeContent && rule == "subject" {
			// "the cracks, which the engineer said were caused by ...":
			// the relative pronoun is the subject of what was said
			if r := x.relativePronoun(sp[0], sp[1], c.first); r >= 0 && (a >= c.last && (x.finiteStart(a) || x.o.RelativeObject) || a < r && b > c.last) {
				a = r
			}
		}
		if x.o.MuteSpeaker && x.muteSpeaker(sp[0], sp[1]) {
			// "last week said", "according to the 0.4%": no one speaks;
			// in "A poll conducted last week found" the noun before speaks
			if sp, who = x.speakerBefore(sp[0], s.First); who >= 0 && !x.o.RelativeSpeaker {
				who = -1
			}
		}
		if x.o.RaisingSubject && rule == "subject" && who < 0 && a >= c.last && x.pos(a) == "TO" && sp[0] < sp[1] && sp[1] <= c.first && c.first-sp[1] <= 1 && (x.seemVerb(x.cueHead(c.first, c.last)) || x.o.ExpectedSubject && x.expectedVerb(x.cueHead(c.first, c.last))) {
			// "Trump seemed to appreciate the idea": PolNeAR marks the
			// subject, the verb and what follows as the writer's view
			a, sp = sp[0], [2]int{}
		}
		q := x.newQuote(Quote{Content: x.span(a, b), Cue: x.span(c.first, c.last), Speaker: x.span(sp[0], sp[1]), EntityIndex: -1, Kind: Indirect})
		// "called X “Y”": what is said is the quoted name (the content
		// stays "X “Y”", as PolNeAR marks it, so the quote is mixed)
		named := false
		if inNamingCues(w0) {
			for i := a; i < b; i++ {
				if qi := x.qAt(i); qi >= 0 && x.directs[qi].open == i {
					named = i > a || x.directs[qi].close+1 < b
					a, b = i, min(x.directs[qi].close+1, b)
					break
				}
			}
		}
		// direct or mixed
		if qi := x.qAt(a); qi >= 0 && !named && x.directs[qi].open == a && (x.directs[qi].close == b-1 || around) {
			q.Kind = Direct
			x.directs[qi].used = true
			x.directs[qi].q = q
		} else {
			if x.claimQuoted(q, a, b) {
				q.Kind = Mixed
			}
		}
		if head > sp[0] && head < sp[1] {
			// "figures gathered by Netcraft": the figures are the
			// source, not the name in their modifier
			q.Speaker = x.span(sp[0], head)
			x.resolveSpeaker(q, sp[0], head)
			q.Speaker = x.span(sp[0], sp[1])
			q.SpeakerName = text.Unescape(x.doc.Text[q.Speaker.Start:q.Speaker.End])
		} else {
			x.resolveSpeaker(q, sp[0], sp[1])
		}
		if (rule == "subject" || rule == "prep") && (x.o.PassiveTarget && x.passiveTarget(c) || x.o.PassiveMessage && x.passiveMessage(c)) {
			q.Speaker, q.SpeakerName, q.EntityIndex = text.Span{}, "", -1
		}
		if who >= 0 && x.o.RelativeSpeaker {
			// the text names the speaker "who" here, as it names one
			// "he": the span is the pronoun, the name its antecedent's
			q.Speaker = x.span(who, who+1)
		}
		if s0 := &sentSpeaker[x.tokSent[c.first]]; !s0.ok || s0.fronted {
			// the first speaker, or the main clause's after a fronted one
			if fronted := x.o.FrontedSpeaker && x.frontedSubordinate(s, c.first); !s0.ok || !fronted {
				*s0 = speakerOf{sp, true, fronted}
			}
		}
		x.add(q, rule, c.info)
	}
}

// claimQuoted marks the direct quotes that tokens [a, b) stand in as
// used, and as q's unless an earlier quote has them, and reports whether
// there were any (q then quotes in part: Mixed, where it is not Direct).
func (x *extractor) claimQuoted(q *Quote, a, b int) bool {
	found := false
	for i := a; i < b; i++ {
		if qi := x.qAt(i); qi >= 0 {
			found = true
			x.directs[qi].used = true
			if x.directs[qi].q == nil {
				x.directs[qi].q = q
			}
		}
	}
	return found
}

// clauseVerbEnd returns where a clause [a, b) that stands inside a noun
// phrase ends: before a finite verb that follows the clause's own verb
// group ("that taxes would rise | was disputed"), else b.
func (x *extractor) clauseVerbEnd(a, b int) int {
	inVerb, seen := false, false
	for k := a + 1; k < b; k++ {
		if x.qAt(k) >= 0 {
			return b
		}
		p := x.pos(k)
		finite := p == "VBD" || p == "VBZ" || p == "VBP" || p == "MD"
		switch {
		case finite && seen:
			prev := x.pos(k - 1)
			if inVerb && (prev == "MD" || inAuxLemmas(x.lemma(k-1))) || prev == "CC" || prev == "WDT" || prev == "WP" || prev == "," || x.ltok(k-1) == "that" {
				inVerb = true
				continue
			}
			return k
		case finite:
			seen, inVerb = true, true
		case inVerb && (strings.HasPrefix(p, "VB") || p == "RB"):
		default:
			inVerb = false
		}
	}
	return b
}

// headline reads a reporting verb in a headline written in title case,
// which the tagger reads as a name ("Senator Says Budget Is Fair",
// "Budget Is Fair, Senator Says"): the words before it say the rest.
func (x *extractor) headline() {
	if len(x.doc.Paragraphs) < 2 || len(x.toks) == 0 || x.tokPara[0] != 0 {
		return
	}
	end := 0
	for end < len(x.toks) && x.tokPara[end] == 0 {
		end++
	}
	if end > 30 {
		return
	}
	for _, q := range x.quotes {
		if q.Cue.End > 0 && q.Cue.Start < x.toks[end-1].End {
			return // the rules read it already
		}
	}
	lx := x.o.Lexicon
	if lx == nil {
		lx = getLexicon()
	}
	for i := 1; i < end-1; i++ {
		w := x.ltok(i)
		if !isCapital(x.tok(i)) || x.qAt(i) >= 0 || !strings.HasSuffix(w, "s") || !headlineCue(lx, w) {
			continue
		}
		var sp, content [2]int
		a, b := x.trim(i+1, end)
		if x.tok(i-1) == "," || b <= i+1 {
			// "Budget Is Fair, Senator Says."
			c := i - 1
			for c > 0 && x.tok(c) != "," {
				c--
			}
			if c == 0 || i-c > 6 {
				return
			}
			sp, content = [2]int{c + 1, i}, [2]int{0, c}
		} else {
			if i > 6 || x.tok(i-1) == ":" {
				return
			}
			sp, content = [2]int{0, i}, [2]int{a, b}
		}
		ca, cb := x.trim(content[0], content[1])
		if ca >= cb || sp[0] >= sp[1] {
			return
		}
		q := x.newQuote(Quote{Content: x.span(ca, cb), Cue: x.span(i, i+1), Speaker: x.span(sp[0], sp[1]), EntityIndex: -1, Kind: Indirect})
		if x.claimQuoted(q, ca, cb) {
			q.Kind = Mixed
		}
		x.resolveSpeaker(q, sp[0], sp[1])
		x.add(q, "headline", cueInfo{words: x.oneWord(w)})
		return
	}
}

// headlineCue: w is a core reporting verb or a learned one-word cue
// annotated at least 5 times in a fifth of its uses.
func headlineCue(lx *Lexicon, w string) bool {
	cs, heads := lx.cuesHeads(w)
	for j := range cs {
		if heads != nil && heads[j]>>56 != 1 {
			continue // more words: the cue itself need not be read
		}
		if c := &cs[j]; len(c.words) == 1 && (c.core || c.n >= 5 && c.ratio >= 0.2) {
			return true
		}
	}
	return false
}

// nounQuote reads the quote of a learned noun cue: "his claim that ...",
// "Trump's criticism of ...", "her decision to ...". The owner speaks.
func (x *extractor) nounQuote(c cue, s text.Sentence, cueAt cueTable) {
	for _, i := range x.possessed {
		if i == c.first {
			return // read by possessives
		}
	}
	start := c.last
	w := x.ltok(start)
	switch {
	case w == "that" || w == ":" || x.pos(start) == "TO" && strings.HasPrefix(x.pos(start+1), "VB"):
		if w == ":" {
			start++
		}
	case inPrepCues(w) || w == "to":
		start++
		c.last = start
	default:
		return
	}
	end := x.clauseEnd(start, cueAt)
	a, b := x.trim(start, end)
	if a >= b {
		return
	}
	x.setEndCue(x.cueHead(c.first, c.last))
	if e := x.cutEnd(a, b); e < b {
		a, b = x.trim(a, e)
	}
	if a >= b || x.o.NounTime && x.timeOnly(a, b) {
		// (a time is not what a statement said: "in a statement on
		// Thursday")
		return
	}
	// the owner: "his", "Trump's", past adjectives ("his latest claim")
	var sp [2]int
	k := c.first - 1
	for k > s.First && c.first-k <= 3 && (x.pos(k) == "JJ" || x.pos(k) == "NN" || x.pos(k) == "VBN") {
		k--
	}
	switch {
	case x.pos(k) == "PRP$":
		sp = [2]int{k, k + 1}
	case x.pos(k) == "POS":
		if st := x.leftNP(k, s.First); st < k {
			sp = [2]int{st, k}
		}
	}
	if sp[1] <= sp[0] && x.pos(c.first) == "JJ" {
		// "The senator is critical of ...": the subject of the copula
		if f, l, ok := x.copulaSubject(c.first, s.First); ok {
			sp = [2]int{f, l}
		}
	}
	if sp[1] <= sp[0] && x.o.NounSubject {
		// "Viguerie notes that ...", "Trump has raised questions about
		// ...": the subject before the noun speaks
		if f, l, ok := x.nounSubject(c, s); ok {
			sp = [2]int{f, l}
		}
	}
	if x.o.MuteSpeaker && x.muteSpeaker(sp[0], sp[1]) {
		// "last year's claim that", "the economy's warning"
		sp = [2]int{}
	}
	q := x.newQuote(Quote{Content: x.span(a, b), Cue: x.span(c.first, c.last), EntityIndex: -1, Kind: Indirect})
	if sp[1] > sp[0] {
		q.Speaker = x.span(sp[0], sp[1])
	}
	if x.claimQuoted(q, a, b) {
		q.Kind = Mixed
	}
	if sp[1] > sp[0] {
		x.resolveSpeaker(q, sp[0], sp[1])
	}
	x.add(q, "noun", c.info)
}

// fallback reads the content of a cue no rule above placed: what follows
// the cue in its sentence (after a hearer, a particle or a preposition),
// said by the subject of the sentence when one stands before the cue.
func (x *extractor) fallback(c *cue, s text.Sentence, cueAt cueTable, sp, content *[2]int) bool {
	start := c.last
	if x.pos(start) == "RP" {
		start++
	}
	if inObjectVerbs(x.ltok(c.last - 1)) {
		if e := x.rightNP(start, s.Last); e > start {
			if k := x.clauseWithin(e, s.Last, 6); k >= 0 {
				start = k
			}
		}
	}
	if x.o.TemporalPrep {
		// "agreed Friday to ...", "said on Thursday.": past the time
		if t := x.skipTime(start, s.Last); t > start {
			if start = t; x.tok(start) == "." {
				return false
			}
		}
	}
	w := x.ltok(start)
	switch {
	case w == "that" || inClauseWord(w) || x.markKind(start) != 0:
	case x.pos(start) == "TO" && x.pos(start+1) == "VB":
	case x.o.AddresseeTo && x.addresseeTo(*c, start):
		// "complained to Ofcom": who is addressed is not what is said
		k := x.afterAddressee(*c, start+1, s.Last)
		if k < 0 {
			return false
		}
		start = k
	case x.o.AboutFigure && x.aboutFigure(start):
		// "said about 300 jobs would go"
	case x.pos(start) == "IN" && inPrepCues(w) || x.pos(start) == "TO":
		start++
	case x.pos(start) == "IN" || x.tok(start) == "," || x.tok(start) == "." || x.pos(start) == "CC":
		return false
	}
	if start >= s.Last {
		return false
	}
	end := x.clauseEnd(start, cueAt)
	if a, b := x.trim(start, end); a >= b {
		return false
	}
	c.last = max(c.last, min(start, c.last+1))
	*content = [2]int{start, end}
	*sp = [2]int{}
	if f, l, ok := x.mainSubject(s.First, c.first); ok {
		*sp = [2]int{f, l}
	} else if x.o.FallbackSubject {
		// the noun phrase before the cue and its auxiliaries, with its
		// prepositional parts ("a new ad from the campaign is running")
		j := c.first
		for j > s.First && (x.pos(j-1) == "RB" || x.pos(j-1) == "MD" || inAuxLemmas(x.lemma(j-1)) && strings.HasPrefix(x.pos(j-1), "VB")) {
			j--
		}
		k := x.leftNP(j, s.First)
		if k == j && x.tok(j-1) == "," && x.o.StrictInverted {
			// "X, the head of Y, said ..."
			if st, ok := x.appositiveSubject(j-1, s.First); ok {
				k, j = st, j-1
				for e := k; e < j; e++ {
					if x.tok(e) == "," {
						j = e
						break
					}
				}
			}
		}
		for k < j && k-1 > s.First && x.pos(k-1) == "IN" && (x.ltok(k-1) == "of" || inPrepCues(x.ltok(k-1)) || x.ltok(k-1) == "from") {
			k2 := x.leftNP(k-1, s.First)
			if k2 >= k-1 {
				break
			}
			k = k2
		}
		if x.o.PercentSubject && (k == j || x.pos(k) == "CD") {
			if st := x.percentSubject(j, s.First); st < j {
				k = st
				*sp = [2]int{k, j}
			}
		}
		if k < j && x.pos(k) != "CD" {
			*sp = [2]int{k, j}
		}
	}
	if sp[1] <= sp[0] && x.o.FrontedParticiple {
		// "After thanking the crowd, he touted ...": the subject of the
		// clause after the fronted phrase
		if f, l, ok := x.frontedParticipleSubject(*c, s); ok {
			*sp = [2]int{f, l}
		}
	}
	return true
}

// contentStart moves the start a of content [a, b) that follows its cue
// past what is not said: an adverb before the clause ("(foolishly) that",
// "later, “...”"), a hearer ("told reporters that", "wrote him: “...”")
// and a second reporting verb ("wants to know whether").
func (x *extractor) contentStart(a, b int) int {
	lx := x.o.Lexicon
	if lx == nil {
		lx = getLexicon()
	}
	opens := func(k int) bool {
		w := x.ltok(k)
		return w == "that" || x.markKind(k) != 0 || (w == "," || w == ":") && x.markKind(k+1) != 0
	}
	for step := 0; step < 3 && a < b; step++ {
		switch {
		case x.tok(a) == "(" && x.pos(a+1) == "RB" && x.tok(a+2) == ")" && a+3 < b:
			a += 3
		case x.pos(a) == "RB" && a+1 < b && (opens(a+1) || x.tok(a+1) == "," && x.markKind(a+2) != 0) && x.ltok(a) != "not":
			a++
		case x.pos(a) == "TO" && x.pos(a+1) == "VB" && a+2 < b && headlineCue(lx, x.ltok(a+1)) && (inClauseWord(x.ltok(a+2)) || x.markKind(a+2) != 0):
			a += 2
		case x.markKind(a) == 0 && x.ltok(a) != "that":
			e := x.rightNP(a, b)
			if e == a || e-a > 5 || e >= b || !opens(e) {
				return a
			}
			if x.ltok(e) != "that" && x.tok(e) != "," && x.tok(e) != ":" {
				return a // "said the plan “is dead”": the noun is said
			}
			if h := x.pos(e - 1); x.ltok(e) == "that" && h != "PRP" && h != "NNP" && h != "NNPS" {
				return a // "the idea that ...": a noun's own clause
			}
			a = e
		default:
			return a
		}
	}
	return a
}

// bareHearerWord reports whether token a alone may be the hearer before
// a clause whose subject is a bare noun: a noun of people told things
// ("reporters", "MPs") or a name followed by a lower-case noun ("Reuters
// production").
func (x *extractor) bareHearerWord(a int) bool {
	switch x.pos(a) {
	case "NNS":
		return hearerNouns[x.ltok(a)]
	case "NNP", "NNPS":
		p := x.pos(a + 1)
		return (p == "NN" || p == "NNS") && !isCapital(x.tok(a+1))
	}
	return false
}

// finiteAfterNP reports whether a finite verb follows at token e, or
// after a short prepositional phrase there ("production from older
// trees would fall"), before b.
func (x *extractor) finiteAfterNP(e, b int) bool {
	for k := e; k < b && k-e < 6; k++ {
		switch p := x.pos(k); {
		case finiteTag(p):
			return true
		case p == "IN", p == "DT", p == "JJ", p == "JJR", p == "NN", p == "NNS", p == "CD", p == "PRP$":
		default:
			return false
		}
	}
	return false
}

// hearerNouns are the plural nouns of people told things.
var hearerNouns = map[string]bool{"reporters": true, "journalists": true, "mps": true, "lawmakers": true,
	"legislators": true, "delegates": true, "supporters": true, "investors": true, "analysts": true,
	"shareholders": true, "students": true, "officials": true, "listeners": true, "viewers": true,
	"readers": true, "members": true, "colleagues": true, "parliamentarians": true, "senators": true}

// bareHearer moves the start a of content [a, b) after a cue that takes
// a hearer (inHearerCues) past a short noun phrase when a clause without
// "that" follows it: "told reporters the vote would come in June", "told
// MPs he would resign", "assured the BBC its plan was safe". The clause
// needs a subject of its own right after the hearer (a determiner, a
// personal pronoun or a possessive; not a name, which could still be part
// of the hearer) and its finite verb after that subject.
func (x *extractor) bareHearer(a, b int) int {
	e := a
	switch {
	case x.qAt(a) >= 0:
		return a
	case inObjectPronouns(x.ltok(a)):
		e = a + 1
	default:
		if p := x.pos(e); p == "DT" || p == "PRP$" {
			e++
		}
		nouns, reach := 0, 5
		if x.o.LongHearer {
			// "told the Radio Kelmouth breakfast programme Morning Call she
			// hoped": a longer name, before a personal pronoun (below)
			reach = 8
		}
		for e < b && e-a < reach {
			p := x.pos(e)
			if strings.HasPrefix(p, "NN") {
				nouns++
			} else if p != "JJ" {
				break
			}
			e++
		}
		if nouns == 0 || !strings.HasPrefix(x.pos(e-1), "NN") {
			return a
		}
		if x.o.BareSubjectHearer && nouns >= 2 && e-a <= 4 && e < b && x.bareHearerWord(a) && x.finiteAfterNP(e, b) {
			// "told reporters prices would rise", "told Reuters
			// production would fall": one word hears, the nouns after
			// it are the clause's bare subject
			return a + 1
		}
		// a place or time of the telling: "told reporters in London"
		if w := x.ltok(e); (w == "in" || w == "at" || w == "on") && x.pos(e+1) == "NNP" {
			k := e + 1
			for k < b && k-e < 4 && x.pos(k) == "NNP" {
				k++
			}
			e = k
		}
	}
	if e >= b {
		return a
	}
	switch x.pos(e) {
	case "DT", "PRP", "PRP$":
		if e-a > 5 && x.pos(e) != "PRP" {
			return a
		}
	default:
		return a
	}
	if w := x.ltok(e); w == "that" || w == "this" || w == "these" || w == "those" || w == "it" && x.pos(e+1) != "VBD" && x.pos(e+1) != "VBZ" && x.pos(e+1) != "MD" {
		return a
	}
	if s := x.rightNP(e, b); s == e || !x.clauseAfter(s, b) {
		return a
	}
	return e
}

// inObjectPronouns reports object pronouns that can be a hearer.
func inObjectPronouns(w string) bool {
	switch w {
	case "him", "her", "them", "us", "me", "you":
		return true
	}
	return false
}

// inHearerCues reports cue lemmas whose object can be the hearer, with
// what is said after it ("told reporters ...").
func inHearerCues(w string) bool {
	switch w {
	case "tell", "assure", "inform", "remind", "warn", "advise", "promise", "convince", "persuade", "notify", "reassure":
		return true
	}
	return false
}

// clauseAfter: a verb follows the noun phrase that ends at np (after
// adverbs), so the noun phrase is a subject.
func (x *extractor) clauseAfter(np, limit int) bool {
	for np < limit && x.pos(np) == "RB" {
		np++
	}
	p := x.pos(np)
	return np < limit && (p == "VBD" || p == "VBZ" || p == "VBP" || p == "MD")
}

// passiveBy returns the end of the agent in "reported by NP" after the
// participle cue c, or 0.
func (x *extractor) passiveBy(c cue, s text.Sentence) int {
	if !x.o.Passive {
		return 0
	}
	agent := x.passiveAgent(c)
	if agent < 0 {
		return 0
	}
	e := x.rightNP(agent, s.Last)
	if e == agent {
		return 0
	}
	return x.apposition(e, s.Last)
}

// passiveAgent returns where the agent of passive cue c starts (the token
// after its "by"), or -1: a participle alone before "by" ("reported by"),
// or with PassiveAux a cue the lexicon holds with its auxiliary and
// adverbs before the participle ("was first reported", "was criticized",
// "was first reported by").
func (x *extractor) passiveAgent(c cue) int {
	if x.pos(c.first) == "VBN" && c.last == c.first+1 {
		if x.ltok(c.last) == "by" {
			return c.last + 1
		}
		return -1
	}
	if f := x.ltok(c.first); !x.o.PassiveAux || !inBeForms(f) && !((f == "has" || f == "have" || f == "had") && x.ltok(c.first+1) == "been") {
		return -1
	}
	v, agent := c.last-1, c.last+1
	if x.ltok(v) == "by" {
		v, agent = v-1, c.last
	} else if x.ltok(c.last) != "by" {
		return -1
	}
	if v <= c.first || x.pos(v) != "VBN" {
		return -1
	}
	for k := c.first + 1; k < v; k++ {
		if x.pos(k) != "RB" && !inBeForms(x.ltok(k)) {
			return -1
		}
	}
	return agent
}

// inBeForms reports the forms of "be" a passive opens with.
func inBeForms(w string) bool {
	switch w {
	case "was", "were", "is", "are", "been", "be", "being", "'s", "’s":
		return true
	}
	return false
}

// clauseWithin finds "that", "how", "whether" or an opening quotation
// mark at most n tokens from token i with no verb or comma before it, or
// returns -1.
func (x *extractor) clauseWithin(i, limit, n int) int {
	for k := i; k < limit && k < i+n; k++ {
		w := x.ltok(k)
		if w == "that" || w == "how" || w == "whether" || x.markKind(k) == 'o' {
			return k
		}
		if strings.HasPrefix(x.pos(k), "VB") || x.pos(k) == "MD" || w == "," || w == "." {
			return -1
		}
	}
	return -1
}

// inPrepCues reports prepositions that PolNeAR counts into the cue of the
// verb they follow ("called for", "spoke about", "railed against").
//
//go:noinline
func inPrepCues(w string) bool {
	switch w {
	case "about", "for", "on", "with", "of", "at", "against", "over", "as", "into", "upon", "toward",
		"towards":
		return true
	}
	return false
}

// inClauseWord reports the words that open a reported clause.
//
//go:noinline
func inClauseWord(w string) bool {
	switch w {
	case "that", "if", "whether", "because", "so", "how", "why", "what", "when":
		return true
	}
	return false
}

// inTemporal reports the (lower-cased) time words.
//
// It and the other word sets here (inAuxLemmas too) are not inlined: a
// switch over strings compiles to a few hundred bytes of comparisons,
// which every call site inlined again (inTemporal at 11 sites), and out of
// the caches the code of Extract cost as many line misses as its data
// (cachegrind: 1,550 of its code lines per call; 1,380 without the
// copies).
//
//go:noinline
func inTemporal(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
		"today", "tonight", "earlier", "later", "week", "month", "year", "morning", "evening", "night",
		"afternoon", "weekend", "recently", "january", "february", "march", "april", "june", "july",
		"august", "september", "october", "november", "december":
		return true
	}
	return false
}

func isTemporal(w string) bool { return inTemporal(w) }

//go:noinline
func isPrepStart(w string) bool {
	switch w {
	case "in", "on", "at", "during", "of", "about", "to", "after", "before", "from", "with", "last", "this", "on.", "":
		return true
	}
	return false
}

// closesQuote: token i is (the end of) the closing mark of a direct quote.
func (x *extractor) closesQuote(i int) bool {
	q := x.qAt(i)
	return q >= 0 && x.directs[q].close == i
}

// leadIn extends a quote that a sentence runs into ("The country “has
// made dramatic changes,” she said") to the start of its sentence.
func (x *extractor) leadIn(open int) int {
	s := x.sentence(open)
	if open == s.First || x.tok(open-1) == ":" || x.tok(open-1) == "," && open-1 == s.First {
		return open
	}
	for i := s.First; i < open; i++ {
		if x.qAt(i) >= 0 || x.tok(i) == ":" || x.tok(i) == ";" {
			return open
		}
	}
	if open-s.First > 12 {
		return open
	}
	return s.First
}

// quoteBefore returns the direct quote that closes right before token i
// (allowing a comma between), or -1.
func (x *extractor) quoteBefore(i int) int {
	k := i - 1
	if x.tok(k) == "," {
		k--
	}
	if k < 0 {
		return -1
	}
	if q := x.qAt(k); q >= 0 && x.directs[q].close == k && x.tokPara[k] == x.tokPara[i] {
		return q
	}
	return -1
}

// clauseStart finds where content that ends before token end starts: its
// sentence start, or the opening of a quote that the sentence starts in.
func (x *extractor) clauseStart(end int) int {
	if end <= 0 {
		return 0
	}
	s := x.sentence(end - 1)
	st := s.First
	if q := x.qAt(st); q >= 0 && x.directs[q].open < st {
		return x.directs[q].open
	}
	// "And ...", "But ...": a leading conjunction is not said
	if x.pos(st) == "CC" && st+1 < end {
		st++
	}
	return st
}

// mainSubject finds the subject of the main clause between first and
// limit: the first entity mention or personal pronoun followed by a verb.
func (x *extractor) mainSubject(first, limit int) (int, int, bool) {
	// the main clause's subject stands near the sentence's start: in a
	// "sentence" of thousands of tokens (text without full stops) a scan
	// to each cue would make the article's cost quadratic
	scan := min(limit, first+maxReported)
	for _, m := range x.mentions[x.mentionFrom(x.toks[first].Start):] {
		if m.span.Span.Start >= x.toks[scan].Start {
			break
		}
		a, b := x.tokRange(m.span.Span)
		if a < 0 {
			continue
		}
		if x.followedByVerb(b, limit) {
			return a, b, true
		}
	}
	for i := first; i < scan; i++ {
		if x.pos(i) == "PRP" && inPersonalPronouns(x.ltok(i)) && x.followedByVerb(i+1, limit) {
			return i, i + 1, true
		}
	}
	return 0, 0, false
}

func (x *extractor) followedByVerb(j, limit int) bool {
	if x.tok(j) == "," && x.ltok(j+1) == "too" && x.tok(j+2) == "," {
		j += 3
	}
	for j < limit && (x.pos(j) == "RB" || inSkipBeforeCue(x.ltok(j)) && !strings.HasPrefix(x.pos(j), "VB")) {
		j++
	}
	return j < limit && (strings.HasPrefix(x.pos(j), "VB") || x.pos(j) == "MD")
}

// tokRange maps a byte span to its token range, -1 when it is not aligned.
func (x *extractor) tokRange(sp text.Span) (int, int) {
	lo, hi := 0, len(x.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if x.toks[m].Start < sp.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= len(x.toks) || x.toks[lo].Start != sp.Start {
		return -1, -1
	}
	b := lo
	for b < len(x.toks) && x.toks[b].End <= sp.End {
		b++
	}
	return lo, b
}

// resolveSpeaker links the speaker tokens [a, b) to an entity: the first
// person mentioned inside them, else the first entity, else (for a
// pronoun) the nearest person before it.
func (x *extractor) resolveSpeaker(q *Quote, a, b int) {
	q.SpeakerName = text.Unescape(x.doc.Text[q.Speaker.Start:q.Speaker.End]) // "Duff &amp; Phelps" reads as its tokens do
	best, bestAny := -1, -1
	from := x.mentionFrom(q.Speaker.Start)
	for _, m := range x.mentions[from:] {
		s := m.span.Span
		if s.Start >= q.Speaker.End {
			break
		}
		if s.End > q.Speaker.End {
			continue
		}
		if x.o.RelativeMention && x.afterRelative(s, q.Speaker) && !inPersonalPronouns(lower(x.doc.Text[s.Start:s.End])) && lower(x.doc.Text[s.Start:s.End]) != "his" && lower(x.doc.Text[s.Start:s.End]) != "her" {
			// "The drama, which Ola Senn co-produced": the relative
			// clause's names do not speak (its pronouns stand for
			// the head: "The councillor, who is asking her
			// solicitors")
			continue
		}
		if x.o.PlaceSubject && x.basedModifier(s) {
			// "UK-based consultancy X": the place says where X is
			continue
		}
		if x.o.OwnerPronoun && x.ownerPronoun(s, q.Speaker) {
			// "his coach Peter Stanley": the owner does not speak
			continue
		}
		if x.o.PossessiveSpeaker && x.possessor(s, q.Speaker) {
			// "Doyle's lawyer", "Mr Spitzer's office": the owner does
			// not speak
			continue
		}
		if x.o.AgentPrep && x.closeTo(x.tokAt(s.Start), q.Speaker) {
			// "sources close to Mr Hale", "a person familiar with
			// Acme's plans": the one the source is close to does not
			// speak
			continue
		}
		if x.ents[m.ent].Type == ner.Person && best < 0 {
			best = m.ent
		}
		if bestAny < 0 && x.ents[m.ent].Type != ner.Nationality && !x.placeModifier(m.ent, s, a, b) && !x.miscModifier(m.ent, s, q.Speaker) && !(x.o.PlaceSubject && x.stateAfterTown(s.Start, x.tokAt(s.End-1)+1)) {
			bestAny = m.ent
		}
	}
	if best < 0 {
		best = bestAny
	}
	if best < 0 && b-a == 1 && (x.ltok(a) == "he" || x.ltok(a) == "she") {
		// gender-blind here: the filter's features see this speaker
		// (newsRules' pronounGender passes over the other gender after)
		best = x.pronounPerson(a, from, false)
	}
	if best >= 0 {
		q.EntityIndex = best
		q.SpeakerName = x.ents[best].Name
	}
}

// pronounPerson returns the person a lone "he" or "she" at token a
// speaks for when no entity links it: the nearest person mentioned before
// (mentions before from) in the pronoun's sentence or the three before
// it, with gender passing over people of the other gender ("Mr Hale ...
// she replied"); -1 if there is none.
func (x *extractor) pronounPerson(a, from int, gender bool) int {
	g := byte('m')
	if x.ltok(a) == "she" {
		g = 'f'
	}
	for i := from - 1; i >= 0; i-- {
		m := x.mentions[i]
		e := &x.ents[m.ent]
		if e.Type != ner.Person {
			continue
		}
		if x.tokSent[a]-x.sentOf(m.span.Span.Start) > 3 {
			break
		}
		if gender && e.Gender != 0 && e.Gender != g {
			continue
		}
		return m.ent
	}
	return -1
}

// skipTime returns where the time adjunct that starts at token a ("on
// Thursday", "late on Friday", "Tuesday morning", "in March") ends, or a
// when none does; no further than b.
func (x *extractor) skipTime(a, b int) int {
	t := a
	for t < b && t-a < 2 {
		switch x.ltok(t) {
		case "on", "in", "at", "late", "early", "earlier", "last", "this":
			t++
			continue
		}
		break
	}
	// "said Friday afternoon": the cue holds the day (PolNeAR's cues
	// "said Friday"), the part of the day follows it
	// ("said Friday morning traffic was slow": a noun after it owns it)
	dayPart := x.o.DayPart && t == a && a > 0 && isCapital(x.tok(a-1)) && inTemporal(x.ltok(a-1)) && inDayPart(x.ltok(a)) && !strings.HasPrefix(x.pos(a+1), "NN")
	// "said last week it ...": a period after "last" or "this"
	// before "that", a pronoun, an infinitive or a quotation ("said this
	// year will be hard": the time is the clause's subject)
	period := x.o.LastPeriod && t == a+1 && (x.ltok(a) == "last" || x.ltok(a) == "this") && inPeriod(x.ltok(t)) && t+1 < b &&
		(x.ltok(t+1) == "that" || x.pos(t+1) == "PRP" && inPersonalPronouns(x.ltok(t+1)) || x.pos(t+1) == "TO" || x.markKind(t+1) != 0)
	if t >= b || !(inTemporal(x.ltok(t)) || isMonthAbbr(x.tok(t))) || !isCapital(x.tok(t)) && x.ltok(t) != "yesterday" && x.ltok(t) != "today" && !dayPart && !period {
		return a
	}
	for t < b && t-a < 6 && (inTemporal(x.ltok(t)) || isMonthAbbr(x.tok(t)) || x.pos(t) == "CD" || x.ltok(t) == "," && x.pos(t+1) == "CD") {
		t++
	}
	if x.pos(t) == "POS" {
		return a // "said Tuesday's vote ...": the day owns what follows
	}
	if t < b && t > a && a > 0 && !inTimePrep(x.ltok(a)) {
		switch w := x.ltok(a - 1); x.pos(t) {
		case "VBD", "VBZ", "VBP", "MD":
			if w == "said" || w == "says" || w == "say" {
				// "said March was the wettest month": the time is
				// the clause's subject (but "a poll released Sunday
				// showed ...": the verb is the sentence's)
				return a
			}
		}
	}
	return t
}

// lowerWord reports whether w is made of lower-case ASCII letters only.
func lowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// frontedSubordinate reports whether sentence s opens with a subordinate
// clause ("While ...", "If ...", "With ...") that token start, after a
// cue, may lie inside: no comma stands between the opening and start.
func (x *extractor) frontedSubordinate(s text.Sentence, start int) bool {
	f := s.First
	if x.pos(f) == "CC" {
		f++
	}
	switch x.ltok(f) {
	case "while", "with", "when", "if", "although", "though", "as", "because", "since", "after", "before",
		"once", "unless", "whereas":
	default:
		return false
	}
	if start-f > 40 {
		return false
	}
	for k := f + 1; k < start; k++ {
		if x.tok(k) == "," {
			return false
		}
		// "Since March the company has said A, B and C", "After the
		// vote the minister said ...": a noun phrase that opens after
		// another with no comma between is the main clause's subject
		// after a fronted phrase; the cue is the main clause's own
		if p, q := x.pos(k), x.pos(k-1); k > f+1 && (p == "DT" && x.ltok(k) != "that" || p == "PRP" || p == "PRP$") &&
			(strings.HasPrefix(q, "NN") || q == "CD" || q == "JJ" || q == "RB" || q == "VBN") {
			return false
		}
	}
	return true
}

// adjunctClause returns the start of a clause with its own subject and
// finite verb that follows an adjunct of occasion opening at token a
// after a cue ("said after the meeting he would ...", "said during a
// visit to the plant the line would ..."), or a.
func (x *extractor) adjunctClause(a, b int) int {
	switch x.ltok(a) {
	case "after", "before", "during", "following", "outside", "inside", "since", "amid":
	default:
		return a
	}
	// a noun phrase ends where a determiner or pronoun follows its noun
	// ("a visit to the club the squad would ...")
	np := func(i int) int {
		n := x.rightNP(i, b)
		for k := i + 1; k < n; k++ {
			if p := x.pos(k); (p == "DT" || p == "PRP" || p == "PRP$") && strings.HasPrefix(x.pos(k-1), "NN") {
				return k
			}
		}
		return n
	}
	e := np(a + 1)
	for e > a+1 && e < b && e-a < 12 {
		switch x.ltok(e) {
		case "of", "to", "in", "at", "on", "with", "for":
			if n := np(e + 1); n > e+1 {
				e = n
				continue
			}
		}
		break
	}
	if e <= a+1 || e >= b {
		return a
	}
	if n := x.rightNP(e, b); n > e && x.clauseAfter(n, b) && x.pos(e) != "CD" {
		return e
	}
	return a
}

// inDayPart reports the parts of a day ("Friday afternoon").
func inDayPart(w string) bool {
	return w == "morning" || w == "afternoon" || w == "evening" || w == "night"
}

// inTimePrep reports the prepositions that open a time adjunct.
func inTimePrep(w string) bool { return w == "on" || w == "in" || w == "at" }

// isMonthAbbr reports the abbreviated month names of news dates ("Jan.
// 12", "Sept. 3").
//
//go:noinline
func isMonthAbbr(w string) bool {
	switch w {
	case "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.":
		return true
	}
	return false
}

// coordinated returns the start of a subject that ends with the noun
// phrase starting at token np, over coordinated noun phrases before it
// ("traders and grain industry sources"), when a comma stands before it;
// else np.
func (x *extractor) coordinated(np, first int) int {
	k := np - 1
	for k > first && np-k <= 6 && (x.isNPToken(k) || x.pos(k) == "CC" || x.pos(k) == "VBG" && (x.isNPToken(k-1) || x.pos(k-1) == "CC")) {
		k--
	}
	if k >= first && k < np-1 && x.tok(k) == "," && x.pos(k+1) != "CC" {
		return k + 1
	}
	return np
}

// countedSubject: the noun phrase [a, b) that starts with a number is a
// subject that can speak ("One analyst", "Two senior officials", "15
// senators"), not a figure ("5 percent", "the $9 billion cereal market").
func (x *extractor) countedSubject(a, b int) bool {
	// "One Republican", "Two Democrats": a number word and a name
	name := x.o.CountedName && b-a == 2 && inNumberWords(x.ltok(a)) && (x.pos(b-1) == "NNP" || x.pos(b-1) == "NNPS" || x.pos(b-1) == "JJ") && isCapital(x.tok(b-1))
	if b-a < 2 || !(x.pos(b-1) == "NN" || x.pos(b-1) == "NNS" || name) || a > 0 && x.pos(a-1) == "$" {
		return false
	}
	for k := a; k < b; k++ {
		switch x.ltok(k) {
		case "percent", "%", "cent", "pct", "million", "billion", "trillion":
			return false
		}
	}
	return true
}

// prepObjectSubject finds who speaks when the noun phrase at np before a
// cue is the object of a preposition, not its subject: the subject of a
// participle phrase that holds the preposition ("Protesters marching
// through the streets chanted") or, for a participle cue after a comma
// and a phrase (", in effect daring ..."), the sentence's subject.
func (x *extractor) prepObjectSubject(np, cue int, s text.Sentence) (int, int, bool) {
	// the noun phrase before the participle at v, opening the sentence or
	// after a comma
	before := func(v int) (int, int, bool) {
		if st := x.leftNP(v, s.First); st < v && (st == s.First || x.tok(st-1) == ",") && x.pos(st) != "CD" {
			return st, v, true
		}
		return 0, 0, false
	}
	p := np - 1
	if v := p; v-1 >= s.First && x.pos(v) == "VBG" && strings.HasPrefix(x.pos(v-1), "NN") && finiteTag(x.pos(cue)) {
		// "Doctors treating the victims said": the participle's object
		if f, l, ok := before(v); ok {
			return f, l, true
		}
	}
	if p-1 <= s.First || x.pos(p) != "IN" {
		return 0, 0, false
	}
	switch x.ltok(p) {
	case "of", "that", "than", "as", "for", "with", "like", "because", "if", "while", "whether", "from":
		return 0, 0, false
	}
	if x.tok(p-1) == "," && x.pos(cue) == "VBG" {
		if f, l, ok := x.mainSubject(s.First, p-1); ok {
			return f, l, true
		}
		return x.clauseSubject(s.First, p-1)
	}
	if v := p - 1; x.pos(v) == "VBG" || x.pos(v) == "VBN" {
		return before(v)
	}
	return 0, 0, false
}

// initialSaid reports the cues that open a sentence before their speaker
// ("Said Ellis: ...").
func initialSaid(w string) bool { return w == "said" || w == "says" || w == "added" || w == "asked" }

// inNumberWords reports the number words one to ten.
func inNumberWords(w string) bool {
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten":
		return true
	}
	return false
}

// possessor tells whether the mention s inside the speaker span sp owns
// who speaks there: a possessive marker follows it, then inside the span
// a name ("Xbox's Peter Moore") or, before any comma or "of", a noun
// that names a person or body acting for the owner ("Doyle's lawyer",
// "Mr Spitzer's office", "Apple's senior vice president"). The owner of a
// statement ("Ryan's language", "Clinton's judgment") still speaks, and
// "McDonald's, which ..." or "Sainsbury's said" name the firm.
func (x *extractor) possessor(s, sp text.Span) bool {
	if !x.tagged {
		return false
	}
	j := x.tokAt(s.End-1) + 1
	if j+1 >= len(x.toks) || x.pos(j) != "POS" || x.toks[j+1].End > sp.End {
		return false
	}
	if p := x.pos(j + 1); p == "NNP" || p == "NNPS" {
		return isCapital(x.tok(j + 1))
	}
	for k := j + 1; k < len(x.toks) && x.toks[k].End <= sp.End; k++ {
		w := x.ltok(k)
		if w == "," || w == "of" {
			break
		}
		if strings.HasPrefix(x.pos(k), "NN") && isAgentNoun(w) {
			return true
		}
	}
	return false
}

// isAgentNoun reports (lower-cased) nouns of people and bodies that speak
// for someone else: "lawyer", "spokesman", "aide", "office", "wife",
// "president".
func isAgentNoun(w string) bool {
	w = strings.TrimPrefix(w, "ex-")
	for _, suf := range [...]string{"spokesman", "spokeswoman", "spokesmen", "spokeswomen", "spokesperson", "chairman", "chairwoman", "wife", "lawyer", "official"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	if len(w) > 3 && w[len(w)-1] == 's' {
		w = w[:len(w)-1] // plural
	}
	return inAgentNouns(w)
}

//go:noinline
func inAgentNouns(w string) bool {
	switch w {
	case "lawyer", "attorney", "counsel", "aide", "adviser", "advisor", "office", "campaign", "camp",
		"team", "staff", "husband", "widow", "son", "daughter", "mother", "father", "brother", "sister",
		"family", "chief", "head", "director", "manager", "executive", "president", "secretary", "minister",
		"deputy", "representative", "envoy", "ambassador", "agent", "partner", "colleague", "friend",
		"supporter", "ally", "allie", "backer", "analyst", "economist", "strategist", "consultant", "assistant",
		"doctor", "physician", "governor", "senator", "boss", "owner", "founder", "leader", "member",
		"unit", "subsidiary", "affiliate", "arm", "division", "board", "committee", "council", "government",
		"administration", "ministry", "department", "agency", "embassy", "mission", "coach",
		"captain", "player", "source", "officer", "employee", "worker", "union", "chairperson", "trader",
		"company", "firm", "parent":
		return true
	}
	return false
}

// placeModifier tells whether the mention s of entity e, inside a
// speaker of tokens [a, b), is a place that modifies the speaker's noun
// ("U.S. senators", "a Seoul embassy official", "China's central bank")
// or, with SpeakerPrep, follows it through a preposition ("church
// sources in Hong Kong"): the place is not who spoke.
func (x *extractor) placeModifier(e int, s text.Span, a, b int) bool {
	if !x.o.PlaceModifier || x.ents[e].Type != ner.Location || !x.tagged {
		return false
	}
	if i := x.tokAt(s.Start); x.o.SpeakerPrep && i-1 >= a {
		// "church sources in Hong Kong", "buyers in central Ghana",
		// "exporters in southwest Ivory Coast"
		k := i - 1
		for n := 0; n < 2 && k-1 >= a && (x.pos(k) == "JJ" || regionWords[x.ltok(k)]); n++ {
			k--
		}
		if isPlacePrep(x.ltok(k)) {
			return true
		}
	}
	j := x.tokAt(s.End-1) + 1
	if j >= b || j >= len(x.toks) {
		return false
	}
	p := x.pos(j)
	return strings.HasPrefix(p, "NN") || p == "POS" || p == "JJ" || p == "VBG" || p == "VBN"
}

// regionWords name a part of a place before its name ("in central
// Ghana", "in southwest Ivory Coast").
var regionWords = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "northeastern": true, "northwestern": true, "southeastern": true,
	"southwestern": true, "mid": true, "upstate": true, "downtown": true, "rural": true, "coastal": true}

// prepHead extends a subject that starts at token a over the noun it
// follows through "in", "at" or "from" ("church sources in Hong Kong
// said", "traders in Singapore said"): the place or firm only says where
// the speakers are. With AgentPrep it does so through "for" and "with"
// after a noun of people who speak for others, and through "close to" and
// "familiar with". It returns the new start.
func (x *extractor) prepHead(a, limit int) int {
	if x.o.PlaceModifier && a-2 >= limit && regionWords[x.ltok(a-1)] && isPlacePrep(x.ltok(a-2)) {
		// "buyers in southwest Ghana": a region word the tagger reads
		// as an adverb stands between the preposition and the place
		if st := x.prepHeadAt(a-1, limit); st < a-1 {
			return st
		}
	}
	return x.prepHeadAt(a, limit)
}

// prepHeadAt is prepHead's work for a subject that starts at token a.
func (x *extractor) prepHeadAt(a, limit int) int {
	if x.o.AgentPrep && a-3 >= limit && (x.ltok(a-1) == "to" && x.ltok(a-2) == "close" || x.ltok(a-1) == "with" && x.ltok(a-2) == "familiar") &&
		(x.pos(a-3) == "NNS" || x.pos(a-3) == "NN" && (speaksForOthers(x.ltok(a-3)) || x.ltok(a-3) == "person")) {
		// "sources close to the talks said", "people familiar with the
		// plan said", "a person familiar with the matter said", "a
		// source close to the firm said"
		if st := x.leftNP(a-2, limit); st < a-2 {
			return st
		}
		return a
	}
	// "a spokesman for the firm", "officials with the agency": the noun
	// speaks for someone ("an offer for MCI", "a bid for some time" do not)
	agent := x.o.AgentPrep && (x.ltok(a-1) == "for" || x.ltok(a-1) == "with") && a-2 >= limit && speaksForOthers(x.ltok(a-2))
	if a-2 < limit || !isPlacePrep(x.ltok(a-1)) && !agent || !strings.HasPrefix(x.pos(a-2), "NN") {
		return a
	}
	// a capital is a name's ("Reuters in London"), unless it only opens the
	// sentence ("Traders in Singapore said", "Officials from ...")
	if isCapital(x.tok(a-2)) && !(x.o.SentenceCapital && a-2 == limit && (x.pos(a-2) == "NNS" || x.pos(a-2) == "NN")) {
		return a
	}
	if st := x.leftNP(a-1, limit); st < a-1 {
		return st
	}
	return a
}

// speaksForOthers reports (lower-cased) nouns of people or bodies that
// speak for someone ("spokesman", "lawyers", "officials", "sources").
func speaksForOthers(w string) bool { return isAgentNoun(w) || inHumanNouns(w) }

// closeTo reports whether the mention that starts at token k inside the
// speaker span sp follows "close to" or "familiar with" there (past a
// determiner or possessive: "close to the company", "familiar with
// Acme's plans").
func (x *extractor) closeTo(k int, sp text.Span) bool {
	if p := x.pos(k - 1); p == "DT" || p == "PRP$" {
		k--
	}
	if k-2 < 0 || x.toks[k-2].Start < sp.Start {
		return false
	}
	return x.ltok(k-1) == "to" && x.ltok(k-2) == "close" || x.ltok(k-1) == "with" && x.ltok(k-2) == "familiar"
}

// namedAgent extends a speaker that starts at token a ("a spokeswoman
// for the board") over a name and a comma before it when a quotation
// closes just before the name ("“...,” Ann Holt, a spokeswoman for the
// board said"): the name speaks, the quotation is what was said. It
// returns the new start.
func (x *extractor) namedAgent(a, limit int) int {
	if a-2 < limit || x.tok(a-1) != "," {
		return a
	}
	st := x.leftNP(a-1, limit)
	k := st - 1
	if x.tok(k) == "," {
		k--
	}
	if st < a-1 && x.properName(st, a-1) && k >= limit && x.closesQuote(k) {
		return st
	}
	return a
}

func isPlacePrep(w string) bool { return w == "in" || w == "at" || w == "from" }

func (x *extractor) sentOf(byteOff int) int {
	a, _ := x.tokRange(text.Span{Start: byteOff, End: byteOff})
	if a < 0 {
		return 0
	}
	return x.tokSent[a]
}

// appositiveSubject reads "NP, apposition(, more)," ending with the comma
// at token comma: a name followed by verbless appositions. It returns the
// start of the name.
func (x *extractor) appositiveSubject(comma, first int) (int, bool) {
	k := comma - 1
	for k >= first && comma-k < 40 {
		t := x.tok(k)
		if x.qAt(k) >= 0 || t == ";" || t == ":" || t == "--" || t == "—" || t == "–" {
			// a dateline ("WASHINGTON --") or a clause ends the name
			break
		}
		if p := x.pos(k); (strings.HasPrefix(p, "VB") && p != "VBN" && p != "VBG") || p == "MD" {
			// "who also serves as": a relative clause inside is fine
			if !x.relativeBefore(k, comma) {
				break
			}
		}
		k--
	}
	start := k + 1
	// the first comma after start closes the name
	c := start
	for c < comma && x.tok(c) != "," {
		c++
	}
	if c == comma || c == start {
		return 0, false
	}
	if x.leftNP(c, start) != start {
		return 0, false
	}
	// the name holds a proper noun or a pronoun-free noun phrase
	return start, true
}

func (x *extractor) relativeBefore(k, limit int) bool {
	for i := k - 1; i >= 0 && k-i < 6; i-- {
		switch x.ltok(i) {
		case "who", "which", "whose":
			return true
		case ",":
			return false
		}
	}
	return false
}

// addresseeTo tells whether token to is a "to" after cue c that names
// the one addressed or where something goes, not what is said: "wrote
// to", "complained to", "apologised to", "spoke to reporters", "pointed
// out to", "posted to", "added to" (Options.AddresseeTo). The "to" stands
// right after the verb or the cue ("wrote a letter to"), never before a
// verb ("was said to have"); "said up to an hour" is a figure. "pointed to
// the evidence", "responded to", "referred to" and the present "speaks to
// the need" name what is spoken of, as PolNeAR marks them.
func (x *extractor) addresseeTo(c cue, to int) bool {
	if x.pos(to) != "TO" || strings.HasPrefix(x.pos(to+1), "VB") || x.pos(to+1) == "MD" || x.ltok(to-1) == "up" {
		return false
	}
	v := x.cueVerb(c)
	if v < 0 || to != v+1 && to != c.last && !(to == v+2 && x.ltok(v+1) == "out") {
		return false
	}
	switch l := x.lemma(v); {
	case l == "speak" || l == "talk":
		return x.pos(v) != "VBZ"
	case inAddresseeSpeech(l), inGoesTo(l):
		return true
	case l == "point":
		return x.ltok(v+1) == "out"
	}
	return false
}

// inGoesTo reports the verbs whose "to" names where something goes
// ("posted to", "added to", "sentenced to"): what follows is said of
// nothing.
func inGoesTo(l string) bool {
	switch l {
	case "post", "add", "sign", "sentence", "shoot", "return", "subject":
		return true
	}
	return false
}

// addresseeBefore returns the first token of the verb group whose "to"
// opens the noun phrase that ends with the one starting at token np
// ("has written to Ms Lee", "complained to two of the men freed from
// X"), when that verb names the one addressed, or -1.
func (x *extractor) addresseeBefore(np, first int) int {
	k := np - 1
	for k > first && np-k < 10 && x.ltok(k) != "to" {
		// "the men freed from X": a participle after a noun, often tagged
		// as a past tense
		if p := x.pos(k); !(x.isNPToken(k) || p == "IN" || p == "CD" || (p == "VBN" || p == "VBD") && strings.HasPrefix(x.pos(k-1), "NN")) || x.markKind(k) != 0 {
			return -1
		}
		k--
	}
	if k <= first || x.ltok(k) != "to" {
		return -1
	}
	k--
	if inWrittenNotes(x.ltok(k)) {
		// "wrote a letter to"
		for j := k - 1; j > first && j >= k-3; j-- {
			if strings.HasPrefix(x.pos(j), "VB") {
				k = j + 1
				break
			}
		}
		for k > first && !strings.HasPrefix(x.pos(k), "VB") && (x.pos(k) == "DT" || x.pos(k) == "JJ" || strings.HasPrefix(x.pos(k), "NN")) {
			k--
		}
	}
	for k > first && (x.pos(k) == "RP" || x.pos(k) == "RB") {
		k--
	}
	if !strings.HasPrefix(x.pos(k), "VB") || !inAddresseeSpeech(x.lemma(k)) {
		return -1
	}
	for k > first && (x.pos(k-1) == "RB" || x.pos(k-1) == "MD" || strings.HasPrefix(x.pos(k-1), "VB") && inAuxLemmas(x.lemma(k-1))) {
		k--
	}
	return k
}

// addresseeWriter returns the start of the noun phrase right before the
// verb group addresseeBefore finds for np, and that verb group's start
// (the writer of "X has written to Y"); f is -1 when no noun phrase stands
// there, v -1 when there is no such verb.
func (x *extractor) addresseeWriter(np, first int) (f, v int) {
	v = x.addresseeBefore(np, first)
	if v < 0 {
		return -1, -1
	}
	if f = x.leftNP(v, first); f >= v {
		f = -1
	}
	return f, v
}

// inAddresseeSpeech reports the verbs of speaking whose "to" names the
// one addressed.
func inAddresseeSpeech(l string) bool {
	switch l {
	case "write", "complain", "apologise", "apologize", "explain", "whisper", "say", "confide", "report", "speak", "talk":
		return true
	}
	return false
}

// cueVerb returns the last verb of cue c, or -1.
func (x *extractor) cueVerb(c cue) int {
	for k := c.last - 1; k >= c.first; k-- {
		if strings.HasPrefix(x.pos(k), "VB") {
			return k
		}
	}
	return -1
}

// afterAddressee returns where what is said starts after the one
// addressed, who starts at token from, for a cue addresseeVerb accepts: a
// clause word ("complained to the council that", "explain to me how") or
// what follows a colon ("said to reporters: “...”") within ten tokens,
// before a comma or a quotation mark; -1 when there is none, and always
// for a verb of where something goes ("posted to", "added to concern
// that").
func (x *extractor) afterAddressee(c cue, from, b int) int {
	if v := x.cueVerb(c); v < 0 || inGoesTo(x.lemma(v)) {
		return -1
	}
	for k := from; k < b && k-from < 10; k++ {
		switch w, p := x.ltok(k), x.pos(k); {
		case inClauseWord(w) && k > from:
			return k
		case (w == ":" || w == "about") && k > from && k+1 < b:
			// "said to reporters: “...”", "complained to the council
			// about the noise"
			return k + 1
		case w == "," || x.markKind(k) != 0 || p == "VB" || p == "VBG" && !strings.HasPrefix(x.pos(k+1), "NN") || p == "MD" || p == "TO" ||
			strings.HasSuffix(w, "ing") && (x.pos(k+1) == "IN" || x.pos(k+1) == "DT" || x.pos(k+1) == "PRP"):
			// "wrote to X protesting against what ...", "wrote to X to
			// demand that ...": what follows is another's
			return -1
		}
	}
	return -1
}

// miscModifier tells whether the mention s of entity e, a MISC name such
// as a religion or a group of people, modifies a noun of the speaker span
// ("A British Muslim group", "the Democratic senator"): the group or the
// senator speaks, not what the name names.
func (x *extractor) miscModifier(e int, s, speaker text.Span) bool {
	if x.ents[e].Type != ner.Misc || s.End >= speaker.End {
		return false
	}
	_, b := x.tokRange(s)
	return b > 0 && b < len(x.toks) && strings.HasPrefix(x.pos(b), "NN") && x.toks[b].Start < speaker.End
}

// inWrittenNotes reports the nouns of what is written to someone ("wrote
// a letter to").
func inWrittenNotes(w string) bool {
	switch w {
	case "letter", "letters", "note", "notes", "message", "messages", "email", "emails", "e-mail", "e-mails":
		return true
	}
	return false
}

// aboutFigure tells whether token k is "about" (or "around") before a
// figure: "said about 300 jobs would go" reads a figure, not a topic.
func (x *extractor) aboutFigure(k int) bool {
	if w := x.ltok(k); w != "about" && w != "around" {
		return false
	}
	n := x.ltok(k + 1)
	return x.pos(k+1) == "CD" || n == "$" || n == "£" || n == "€" || n == "half" || n == "a" && x.pos(k+2) == "CD"
}

// hearerReach is how many tokens after the head of the one told a clause
// may start ("told a news conference with the party's leader Milos Zeman
// that ..."): Options.LongHearer.
func (x *extractor) hearerReach() int {
	if x.o.LongHearer {
		return 14
	}
	return 6
}

// runOnSubject returns where the subject of the clause starts inside the
// noun phrase [a, np) when it runs on into its finite verb at np with no
// comma ("the state news agency most of the cafes were closed"): the
// first determiner, quantifier, number or possessive after a noun; else
// -1.
func (x *extractor) runOnSubject(a, np int) int {
	if !x.finite(np) {
		return -1
	}
	for k := a + 2; k < np; k++ {
		if !strings.HasPrefix(x.pos(k-1), "NN") {
			continue
		}
		switch w, p := x.ltok(k), x.pos(k); {
		case p == "DT" || p == "PDT" || p == "CD" || p == "PRP$" || p == "PRP" || w == "most" || w == "many" || w == "some" || w == "few":
			return k
		}
	}
	return -1
}

// accordingSourceEnd extends the source of an opening "according to",
// which ends at np, over what describes it up to the comma after which
// the content starts: modifiers ("According to figures from the trade
// ministry, ...", "According to calculations presented to the Senate in
// May, ..."), a relative clause set off by commas ("According to First
// Call, which tracks forecasts, ...") and a name in apposition ("figures
// gathered by the watchdog, Ofcom, ..."; "the Ministry of Economy, Trade
// and Industry, ..."). No finite verb of its own or quotation mark on the
// way, at most 16 tokens to the first comma, and a clause after the last.
// It returns np when it finds no such comma.
func (x *extractor) accordingSourceEnd(np, end int) int {
	k := np
	for ; k < end && x.tok(k) != ","; k++ {
		switch {
		case k >= np+16, x.finite(k), x.qAt(k) >= 0, x.pos(k) == "WDT", x.pos(k) == "WP", x.pos(k) == ":":
			return np
		}
	}
	if k >= end {
		return np
	}
	switch p := x.pos(k + 1); {
	case p == "WDT" || p == "WP":
		// a relative clause: to the comma that closes it
		for j := k + 2; j < end && j < k+22; j++ {
			if x.qAt(j) >= 0 || x.pos(j) == ":" {
				break
			}
			if x.tok(j) == "," {
				k = j
				break
			}
		}
		if x.tok(k) != "," || x.pos(k+1) == "WDT" || x.pos(k+1) == "WP" {
			return np
		}
	case p == "NNP" || p == "NNPS":
		// a name in apposition, or the rest of a name with commas
		for j := k + 1; j < end && j < k+10; j++ {
			if x.tok(j) == "," {
				k = j
				break
			}
			switch x.pos(j) {
			case "NNP", "NNPS", "CC", "IN", "-LRB-", "-RRB-", "(", ")":
				continue
			}
			break
		}
	}
	if k+2 >= end {
		return np
	}
	return k
}

// relativePronoun returns the relative pronoun that opens the clause of a
// speaker [f, l) right before cue token c ("which the engineer said",
// "which, the mayor said,", "who she said"), or -1.
func (x *extractor) relativePronoun(f, l, c int) int {
	if f >= l || l > c || c-l > 1 || l < c && x.tok(l) != "," {
		return -1
	}
	r := f - 1
	if x.tok(r) == "," {
		r-- // "which, the mayor said, would ..."
	}
	if p := x.pos(r - 1); p == "IN" || p == "TO" {
		return -1 // "at which she first spoke": no subject
	}
	switch x.ltok(r) {
	case "which", "who":
		return r
	case "that":
		if x.pos(r) == "WDT" {
			return r
		}
	}
	return -1
}

// finiteStart reports whether token a opens a verb phrase with no subject
// of its own ("were caused by", "would raise", "has never been"): a
// finite verb or a modal, maybe after an adverb.
func (x *extractor) finiteStart(a int) bool {
	if x.pos(a) == "RB" {
		a++
	}
	switch x.pos(a) {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// eventAdjunct reports whether token i starts a phrase of the occasion of
// speech after a noun-phrase content: "in a statement", "during a
// television interview", "in a string of tweets", "at a news
// conference", "via a spokesman's email".
func (x *extractor) eventAdjunct(i, end int) bool {
	switch x.ltok(i) {
	case "in", "during", "at", "via", "through":
	default:
		return false
	}
	for k := i + 1; k < end && k-i <= 5; k++ {
		if inEventNouns(x.ltok(k)) {
			n := x.ltok(k + 1)
			return n != "of" && n != "that" && !strings.HasPrefix(x.pos(k+1), "NN")
		}
		switch x.pos(k) {
		case "DT", "JJ", "NN", "NNS", "NNP", "PRP$", "POS", "CD", "HYPH", "VBN", "VBG":
		default:
			return false
		}
	}
	return false
}

// inEventNouns reports nouns of an occasion of speech.
func inEventNouns(w string) bool {
	switch w {
	case "statement", "statements", "interview", "interviews", "speech", "remarks", "tweet", "tweets",
		"letter", "op-ed", "column", "video", "email", "e-mail", "memo", "debate", "rally", "conference",
		"briefing", "appearance", "testimony", "diatribe", "editorial", "address", "broadcast", "podcast",
		"message", "filing", "announcement", "sermon", "lecture":
		return true
	}
	return false
}

// seemVerb reports whether token i is a form of "seem" or "appear".
func (x *extractor) seemVerb(i int) bool {
	l := x.lemma(i)
	return strings.HasPrefix(x.pos(i), "VB") && (l == "seem" || l == "appear")
}

// expectedVerb reports whether token i is "expected" after a form of
// "be" ("is expected to").
func (x *extractor) expectedVerb(i int) bool {
	return x.pos(i) == "VBN" && x.lemma(i) == "expect" && inBeForms(x.ltok(i-1))
}
