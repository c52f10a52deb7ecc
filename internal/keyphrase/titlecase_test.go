package keyphrase

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
)

const (
	tramBody   = "\n\nThe city council voted on Tuesday to build a tram line from the harbour to the university, ending a dispute that has lasted three years. The tram line will cost 40 million pounds and open in 2029, the council said. Residents near the harbour had opposed the route, saying the tram would bring noise.\n"
	bridgeBody = "\n\nThe transport minister resigned on Friday after a row over the cost of a new bridge across the river. The bridge had cost twice its budget, and the minister had been accused of hiding the figures from parliament. The prime minister accepted the resignation.\n"
)

// TestTitleHeadlineVerb: a phrase found only in a headline written in
// title case that holds its verb ("City Approves", "Minister Quits",
// "Unions Back", "Council Backs" beside "the council backed") or an
// adverb in -ly is no key phrase; the subject's and the object's phrases
// and a headline of nouns stay, and so does a headline in sentence case
// (the other rules read it).
func TestTitleHeadlineVerb(t *testing.T) {
	checkHeadlineRule(t, "titleHeadlineVerb", []headlineCase{
		{"City Approves Tram Line" + tramBody, "City Approves Tram Line", true},
		{"Minister Quits Over Bridge Row" + bridgeBody, "Minister Quits", true},
		{"Dock Unions Back Strike Over Pay" + bridgeBody, "Dock Unions Back Strike", true},
		{"Harbour Council Backs Ferry Plan" + "\n\nThe harbour council backed the ferry plan on Monday after a long debate, and work will start in June.\n", "Harbour Council Backs Ferry Plan", true},
		{"Ferry Fares Rise Sharply" + tramBody, "Sharply", true},
		// the noun phrases
		{"Ferry Supply Deal For Westmere" + tramBody, "Ferry Supply Deal", false},
		{"Harbour Bridge Cost Overrun" + bridgeBody, "Harbour Bridge Cost Overrun", false},
		{"Riverside Quarterly Earnings" + bridgeBody, "Riverside Quarterly Earnings", false},
		{"Tanner Series Win For Ashby" + bridgeBody, "Tanner Series Win", false},
		// sentence case
		{"City approves Westmere Tram Line" + tramBody, "Westmere Tram Line", false},
	}, titleHeadlineVerb)
}

// TestTitleHeadlineTopTen: with the embedded model, the top ten of an
// article under a title-case clause headline hold no phrase of its verb,
// and one under a title-case noun phrase keeps it.
func TestTitleHeadlineTopTen(t *testing.T) {
	for _, tc := range []struct {
		art, phrase string
		want        bool
	}{
		{"City Approves Tram Line" + tramBody, "Approves", false},
		{"Minister Quits Over Bridge Row" + bridgeBody, "Quits", false},
		{"Harbour Bridge Cost Overrun" + bridgeBody, "Harbour Bridge Cost Overrun", true},
	} {
		doc := nlptest.Tagged(t, tc.art)
		got := false
		var texts []string
		for _, p := range Extract(doc, 10) {
			texts = append(texts, p.Text)
			got = got || strings.Contains(p.Text, tc.phrase)
		}
		if got != tc.want {
			t.Errorf("%q: a phrase holding %q in %q: %v, want %v", tc.art[:strings.Index(tc.art, "\n")], tc.phrase, texts, got, tc.want)
		}
	}
}
