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

// A word the tagger calls a noun but that comes between a noun and the
// start of another noun phrase is the clause's verb: "the council gathers
// together the reports" has no candidate "council gathers".
const verbObjectArticle = `Harbour council meets

Each spring the harbour council gathers together the reports of the pilots.
Ferry prices rise when operators release their winter timetables.
The harbour board members met the pilots.
`

func TestVerbBeforeObjectOutOfCandidates(t *testing.T) {
	doc, _, cands, ments := tagCandidates(t, verbObjectArticle)
	got := map[string]bool{}
	for i := range cands {
		got[strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")] = true
	}
	for _, bad := range []string{"harbour council gathers", "council gathers", "operators release"} {
		if got[bad] {
			t.Errorf("candidate %q ends with a verb", bad)
		}
	}
	for _, want := range []string{"harbour council", "winter timetables", "harbour board members"} {
		if !got[want] {
			t.Errorf("no candidate %q", want)
		}
	}
}
