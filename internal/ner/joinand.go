package ner

import "github.com/lector-nlp/lector/internal/text"

// groupPlurals name a party or a group of people on their own: "the
// Conservatives and Labour Party" are two bodies, not one body's name.
var groupPlurals = set("conservatives", "tories", "democrats", "republicans", "liberals", "socialists",
	"communists", "greens", "nationalists", "unionists", "teamsters", "loyalists", "separatists", "rebels")

// namesGroup reports whether the words before "and" hold a group's
// plural name, so that joinAnd leaves the mentions apart.
func namesGroup(toks []text.Token) bool {
	for _, t := range toks {
		if groupPlurals[lower(t.Text)] {
			return true
		}
	}
	return false
}
