package quotes_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/quotes"
)

// TestPronounGender: a "he" or "she" speaker goes to the nearest person
// whose known gender agrees, passing over one of the other gender; with no
// gender known it goes to the nearest person.
func TestPronounGender(t *testing.T) {
	for _, c := range []struct {
		s, content, want string // want "" is no entity
	}{
		{"Paul Grant, the council leader, said the road budget was tight this winter. Maria Lopez, who chairs the finance committee, disagreed with the plan. He added that the roads would be repaired in spring.\n",
			"that the roads would be repaired in spring", "Paul Grant"},
		{"Mrs Okoro said the plan was sound. Mr Bain called it reckless. \"It will fail,\" she said.\n",
			"\"It will fail,\"", "Okoro"},
		{"Mrs Okoro said the plan was sound. Mr Bain called it reckless. \"It will fail,\" he said.\n",
			"\"It will fail,\"", "Bain"},
		// the only person named is a man: "she" is someone else
		{"Mr Hale spoke to reporters outside the court on Tuesday. \"We will appeal,\" she replied.\n",
			"\"We will appeal,\"", ""},
		// no gender known: the nearest person, as before
		{"Pat Keane said the plan was sound. Sam Toller called it reckless. \"It will fail,\" she said.\n",
			"\"It will fail,\"", "Sam Toller"},
	} {
		doc, ms := nlptest.Mentions(t, c.s)
		ents := entity.Resolve(doc, ms)
		found := false
		for _, q := range quotes.Extract(doc, ents) {
			if doc.Text[q.Content.Start:q.Content.End] != c.content {
				continue
			}
			found = true
			got := ""
			if q.EntityIndex >= 0 {
				got = ents[q.EntityIndex].Name
			}
			if got != c.want {
				t.Errorf("%q: speaker %q (%q), want entity %q", c.s, got, q.SpeakerName, c.want)
			}
		}
		if !found {
			t.Errorf("%q: no quote %q", c.s, c.content)
		}
	}
}
