package quotes

import "strings"

// Session 19: cues that are no verbs, or verbs the tagger read as nouns.

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
