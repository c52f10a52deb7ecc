package summary

// SetPenalties sets the penalties for an experiment (and whether an
// opening "it" can be an expletive) and returns a function that restores
// them.
func SetPenalties(dangling, connective, midQuote float64, expletives bool) (restore func()) {
	d, c, q, e := danglingPenalty, connectivePenalty, midQuotePenalty, expletiveOff
	danglingPenalty, connectivePenalty, midQuotePenalty, expletiveOff = dangling, connective, midQuote, !expletives
	return func() { danglingPenalty, connectivePenalty, midQuotePenalty, expletiveOff = d, c, q, e }
}

// SetBareQuote sets bareQuotePenalty for an experiment and returns a
// function that restores it.
func SetBareQuote(p float64) (restore func()) {
	old := bareQuotePenalty
	bareQuotePenalty = p
	return func() { bareQuotePenalty = old }
}

// SetSelection sets how leaning sentences are chosen (0 none, 1 with the
// sentence before, 2 only after it), whether the lead is always chosen,
// whether clause openers lean, and the question penalties (quoted,
// plain), and returns a function that restores them.
func SetSelection(mode int, lead, clause bool, quotedQ, plainQ float64) (restore func()) {
	m, l, c, q, p := leanMode, forceLead, clauseOpeners, quotedQuestionPenalty, questionPenalty
	leanMode, forceLead, clauseOpeners, quotedQuestionPenalty, questionPenalty = mode, lead, clause, quotedQ, plainQ
	return func() {
		leanMode, forceLead, clauseOpeners, quotedQuestionPenalty, questionPenalty = m, l, c, q, p
	}
}

// SetLeanStrict sets leanStrict and returns a function that restores it.
func SetLeanStrict(v bool) (restore func()) {
	old := leanStrict
	leanStrict = v
	return func() { leanStrict = old }
}

// SetPairGap sets pairGap and returns a function that restores it.
func SetPairGap(g float64) (restore func()) {
	old := pairGap
	pairGap = g
	return func() { pairGap = old }
}
