package quotes

import "strings"

// objectCueVerb returns the last verb of the cue of q, an indirect quote
// whose content follows its cue in tagged text, or -1.
func (x *extractor) objectCueVerb(q *Quote) int {
	if q.Kind != Indirect || q.Cue.End == 0 || q.Content.Start < q.Cue.End || !x.tagged {
		return -1
	}
	c0, c1 := x.tokRangeLoose(q.Cue)
	for k := c1 - 1; k >= c0; k-- {
		if strings.HasPrefix(x.pos(k), "VB") {
			return k
		}
	}
	return -1
}

// resultObject tells whether q reads, after a verb of results ("posted",
// "recorded", "gained", "doubled", "won"), a bare noun phrase of a figure
// or a result ("posted gains of 4 percent", "posted its best earnings",
// "recorded a 13.8% rise", "posted an overwhelming victory"): an event,
// not a statement (Options.ResultObject). PolNeAR marks such objects after
// verbs of saying ("reported a loss of $43 million": 12 of 14 figures on
// train), which this leaves, and seldom after these verbs (a figure after
// "post" 1 of 4, "record" 0 of 2, "rise" 0 of 12, "win" 1 of 99).
func (x *extractor) resultObject(q *Quote) bool {
	if !x.o.ResultObject {
		return false
	}
	v := x.objectCueVerb(q)
	if v < 0 {
		return false
	}
	if l := x.lemma(v); !inResultVerbs(l) && !(x.o.GiveResult && (l == "give" || l == "hand") && !x.countSpeaker(q)) {
		return false
	}
	a, b := x.tokRangeLoose(q.Content)
	if a >= b || inClauseStart(x.ltok(a)) {
		return false
	}
	result := false
	np := true               // still in the first noun phrase
	head, inHead := "", true // the last word before a preposition, "to" or a comma
	for k := a; k < b; k++ {
		p, w := x.pos(k), x.ltok(k)
		if strings.HasPrefix(p, "VB") && !(p == "VBN" || p == "VBG") || p == "MD" || x.markKind(k) != 0 {
			return false // a clause or a quotation
		}
		if p == "IN" || p == "TO" || p == "," {
			inHead = false
		}
		if inHead && p != "POS" {
			head = w
		}
		if p == "IN" || p == "," {
			np = false
		}
		if np && (p == "CD" || w == "$" || w == "%" || w == "percent" || strings.HasSuffix(w, "%") || inResultNouns(w)) {
			result = true
		}
	}
	// "posted a profit warning", "recorded a 300-word message", "posted a
	// statement to his 2 million followers": what was said, not a result
	// ("doubled its contribution to profit" is one)
	return result && !inSpeechNouns(head) && !inMessageNouns(head)
}

// inMessageNouns reports (lower-cased) nouns of messages one posts or
// records beside inSpeechNouns': "posted a message", "recorded a video".
//
//go:noinline
func inMessageNouns(w string) bool {
	switch w {
	case "message", "messages", "statements", "warnings", "letter", "letters", "note", "video", "videos",
		"tweet", "tweets", "appeal", "plea", "speech", "interview", "address", "blog", "objection", "objections",
		"opposition":
		return true
	}
	return false
}

// inResultVerbs reports (lemmas of) verbs that report a result or a
// movement of figures, not what someone said.
//
//go:noinline
func inResultVerbs(l string) bool {
	switch l {
	case "post", "record", "gain", "rise", "climb", "jump", "fall", "drop", "slip", "double", "triple",
		"close", "finish", "win", "beat", "score", "reach", "hit", "top", "lose", "earn", "notch", "chalk":
		return true
	}
	return false
}

// inResultNouns reports (lower-cased) nouns of results: figures of a
// business, of a market, of a contest.
//
//go:noinline
func inResultNouns(w string) bool {
	switch w {
	case "profit", "profits", "loss", "losses", "gain", "gains", "earnings", "revenue", "revenues", "sales",
		"income", "deficit", "deficits", "surplus", "increase", "increases", "decrease", "rise", "rises",
		"fall", "falls", "decline", "declines", "drop", "jump", "growth", "results", "result", "record",
		"close", "high", "low", "victory", "victories", "win", "wins", "defeat", "lead", "advantage",
		"margin", "dividend", "turnover", "output", "figures", "performance", "rebound", "recovery":
		return true
	}
	return false
}

// seenEvent tells whether q reads what happened to someone after "see"
// (Options.SeenEvent): an object and a bare verb or a participle ("The
// deal sees the firm receive $6bn", "saw its sales rise 2%", "saw its
// workforce trimmed"), or after "has seen" a result ("has seen a fivefold
// rise in profits"): an event, not a view. "sees the plan as a threat",
// "sees that ...", "sees prices rising" (a trend read as a view) and the
// passive "is seen as" stay.
func (x *extractor) seenEvent(q *Quote) bool {
	if !x.o.SeenEvent {
		return false
	}
	v := x.objectCueVerb(q)
	if v < 0 || x.lemma(v) != "see" {
		return false
	}
	perfect := false
	if x.pos(v) == "VBN" {
		for k := v - 1; k >= v-3 && k >= 0; k-- {
			switch l := x.lemma(k); {
			case l == "be" || l == "get":
				return false // "is seen as", "was widely seen"
			case l == "have":
				perfect = true
			case x.pos(k) != "RB":
				k = -1
			}
		}
	}
	a, b := x.tokRangeLoose(q.Content)
	if a >= b || inClauseStart(x.ltok(a)) || x.markKind(a) != 0 {
		return false
	}
	e := x.rightNP(a, b)
	if e == a {
		return false
	}
	for k := e; k < b; k++ {
		if x.ltok(k) == "as" {
			return false // "see the elections held on Sunday as a test"
		}
	}
	if e < b {
		if p := x.pos(e); p == "VB" || p == "VBP" || p == "VBN" {
			return true
		}
	}
	for k := a + 1; k < e; k++ {
		if strings.HasPrefix(x.pos(k-1), "NNS") && inMoveWords(x.ltok(k)) {
			return true // "saw its sales rise" with "rise" tagged as a noun
		}
	}
	if !perfect {
		return false
	}
	for k := a; k < b; k++ {
		w := x.ltok(k)
		if x.pos(k) == "IN" {
			break
		}
		if x.pos(k) == "CD" || w == "%" || w == "percent" || inResultNouns(w) {
			return true
		}
	}
	return false
}

// countSpeaker tells whether q's speaker is a poll, a survey or a count,
// whose "gave Clinton a 5-point lead" PolNeAR marks as what it reported.
func (x *extractor) countSpeaker(q *Quote) bool {
	if q.Speaker.End <= q.Speaker.Start {
		return false
	}
	a, b := x.tokRangeLoose(q.Speaker)
	for k := a; k < b; k++ {
		switch x.ltok(k) {
		case "poll", "polls", "survey", "surveys", "polling", "count", "tally", "estimate", "estimates", "forecast", "model", "study", "index":
			return true
		}
	}
	return false
}

// inMoveWords reports (lower-cased) verbs of figures that move, which the
// tagger may read as nouns after a plural ("sales rise", "profits jump").
//
//go:noinline
func inMoveWords(w string) bool {
	switch w {
	case "rise", "fall", "jump", "drop", "climb", "slip", "slump", "soar", "dive", "plunge", "plummet", "tumble",
		"surge", "double", "triple", "improve", "grow", "shrink", "halve", "recover":
		return true
	}
	return false
}
