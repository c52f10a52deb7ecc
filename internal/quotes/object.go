package quotes

import "strings"

// resultObject tells whether q reads, after a verb of results ("posted",
// "recorded", "gained", "doubled", "won"), a bare noun phrase of a figure
// or a result ("posted gains of 4 percent", "posted its best earnings",
// "recorded a 13.8% rise", "posted an overwhelming victory"): an event,
// not a statement (Options.ResultObject). PolNeAR marks such objects after
// verbs of saying ("reported a loss of $43 million": 12 of 14 figures on
// train), which this leaves, and seldom after these verbs (a figure after
// "post" 1 of 4, "record" 0 of 2, "rise" 0 of 12, "win" 1 of 99).
func (x *extractor) resultObject(q *Quote) bool {
	if !x.o.ResultObject || q.Kind != Indirect || q.Cue.End == 0 || q.Content.Start < q.Cue.End || !x.tagged {
		return false
	}
	c0, c1 := x.tokRangeLoose(q.Cue)
	v := -1
	for k := c1 - 1; k >= c0; k-- {
		if strings.HasPrefix(x.pos(k), "VB") {
			v = k
			break
		}
	}
	if v < 0 || !inResultVerbs(x.lemma(v)) {
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
