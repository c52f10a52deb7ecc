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
