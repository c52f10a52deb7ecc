package quotes_test

import (
	"os"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/text"
)

// pipeline runs the real stages: tokeniser, tagger, recogniser, entities,
// quotes.
func pipeline(t testing.TB, s string) (*text.Document, []entity.Entity, []quotes.Quote) {
	t.Helper()
	doc, ms := nlptest.Mentions(t, s)
	ents := entity.Resolve(doc, ms)
	return doc, ents, quotes.Extract(doc, ents)
}

func seed(t testing.TB) string {
	b, err := os.ReadFile("../../../shared/examples/seed-article.txt")
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	return string(b)
}

func findEntity(es []entity.Entity, part string) int {
	for i, e := range es {
		if strings.Contains(e.Name, part) {
			return i
		}
	}
	return -1
}

func hasRole(e entity.Entity, title, aff string) bool {
	for _, r := range e.Roles {
		if strings.EqualFold(r.Title, title) && (aff == "" || r.Affiliation == aff) {
			return true
		}
	}
	return false
}

// The done-when checks of issue 4 on the seed article.
func TestSeedArticle(t *testing.T) {
	doc, ents, qs := pipeline(t, seed(t))
	at := func(sp text.Span) string { return doc.Text[sp.Start:sp.End] }

	count := func(part string) int {
		n := 0
		for _, e := range ents {
			if strings.Contains(e.Name, part) && e.Type == ner.Person {
				n++
			}
		}
		return n
	}
	if n := count("Ashtiani"); n != 1 {
		t.Errorf("%d person entities named Ashtiani, want 1", n)
	}
	if n := count("Shoigu"); n != 1 {
		t.Errorf("%d person entities named Shoigu, want 1", n)
	}
	ash, sho := findEntity(ents, "Ashtiani"), findEntity(ents, "Shoigu")
	if ash < 0 || sho < 0 {
		t.Fatalf("missing Ashtiani or Shoigu in %+v", ents)
	}
	if !hasRole(ents[ash], "Defense Minister", "Iran") || !hasRole(ents[ash], "Brigadier General", "") {
		t.Errorf("Ashtiani roles = %+v", ents[ash].Roles)
	}
	if !hasRole(ents[sho], "Defense Minister", "Russia") {
		t.Errorf("Shoigu roles = %+v", ents[sho].Roles)
	}
	sco := findEntity(ents, "Shanghai Cooperation Organisation")
	if sco < 0 {
		t.Fatal("no SCO entity")
	}
	found := false
	for _, m := range ents[sco].Mentions {
		if at(m.Span) == "SCO" {
			found = true
		}
	}
	if !found {
		t.Errorf("SCO is not a mention of %q", ents[sco].Name)
	}
	for name, code := range map[string]string{"Iran": "IR", "Russia": "RU", "Iranian": "IR", "Tehran": "IR", "Moscow": "RU"} {
		ok := false
		for _, e := range ents {
			if e.Name == name && e.CountryCode == code {
				ok = true
			}
		}
		if !ok {
			t.Errorf("no entity %q with country code %s", name, code)
		}
	}
	if i := findEntity(ents, "Tehran"); i < 0 || ents[i].Location == nil {
		t.Errorf("Tehran has no location")
	}

	nAsh := 0
	var noted, added, shoNoted bool
	for _, q := range qs {
		c := at(q.Content)
		if q.EntityIndex == ash {
			nAsh++
			if strings.HasPrefix(c, "the development of regional organizations") || strings.HasPrefix(c, "that the development of regional organizations") {
				noted = true
			}
			if strings.HasPrefix(c, "that the new action") || strings.HasPrefix(c, "the new action") {
				added = true
			}
		}
		if q.EntityIndex == sho && strings.Contains(c, "constructive interaction between the two countries") {
			shoNoted = true
		}
	}
	if nAsh < 5 {
		t.Errorf("%d quotes by Ashtiani, want at least 5", nAsh)
	}
	if !noted || !added {
		t.Errorf("the “he noted that” (%v) and “he added that” (%v) quotes are not Ashtiani's", noted, added)
	}
	if !shoNoted {
		t.Errorf("“He noted that constructive interaction ...” is not Shoigu's")
	}
	if t.Failed() {
		for _, q := range qs {
			t.Logf("%s %q <- %q (%s, %d)", q.Kind, at(q.Content), at(q.Speaker), q.SpeakerName, q.EntityIndex)
		}
	}
}
