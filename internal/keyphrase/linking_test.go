package keyphrase

import (
	"strings"
	"testing"
)

// Linking words that are neither stopwords of the list's American English
// nor nouns must not join or end a candidate: British "whilst"/"amongst",
// "including" before a list, "thanks" of "thanks to".
const linkingArticle = `Harbour trust opens museum

The harbour trust wrote a guide book whilst still restoring the old lighthouse.
The museum shows several exhibits, including rare ship models from the north coast.
Attendance rose past the target thanks to school visits.
The lighthouse keeper lived amongst fishing families for decades.
`

func TestLinkingWordsOutOfCandidates(t *testing.T) {
	doc, _, cands, ments := tagCandidates(t, linkingArticle)
	var all []string
	for i := range cands {
		p := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		all = append(all, p)
		for _, w := range strings.Fields(strings.ToLower(p)) {
			switch w {
			case "whilst", "amongst", "including", "thanks":
				t.Errorf("candidate %q holds the linking word %q", p, w)
			}
		}
	}
	for _, want := range []string{"guide book", "rare ship models", "school visits"} {
		found := false
		for _, p := range all {
			found = found || p == want
		}
		if !found {
			t.Errorf("no candidate %q among %q", want, all)
		}
	}
}
