package keyphrase

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
)

const transitArticle = `New York subway fares to rise as the city's transit authority closes a budget gap
NEW YORK — The transit authority that runs New York's subways and buses said on Monday that fares would rise next year.
New York commuters already pay more than riders in most American cities, and the authority said the increase was needed to keep trains running.
The authority's chairman told a hearing in New York that new rules on overtime would save money too.
Officials in New Jersey said their own transit system would not follow New York's lead.
Riders' groups in New York said the fare increase would hurt low-income workers the most.`

// TestNameStopwords: a stopword inside a name ("New" in "New York") does
// not break the candidate, so the city is a key phrase of an article about
// its transit, and no phrase starts after the name's first word.
func TestNameStopwords(t *testing.T) {
	doc := nlptest.Tagged(t, transitArticle)
	ps := Extract(doc, 10)
	var texts []string
	found := false
	for _, p := range ps {
		texts = append(texts, p.Text)
		if strings.EqualFold(p.Text, "New York") {
			found = true
		}
		if strings.HasPrefix(strings.ToLower(p.Text), "york") {
			t.Errorf("%q: a name cut after its stopword", p.Text)
		}
	}
	if !found {
		t.Errorf("New York is not a key phrase: %q", texts)
	}
	// lower-case "new" before a common noun is still a stopword
	for _, p := range ps {
		if strings.EqualFold(p.Text, "new rules") {
			t.Errorf("%q: a lower-case stopword kept", p.Text)
		}
	}
}

// TestPossessiveName: a possessive inside a name ("People's", "Women's")
// does not cut it, with either apostrophe; one before a common noun
// ("Russia's defence minister") still splits the phrase, and a company's
// possessive before its officer ("Acme's chief executive") makes no name.
func TestPossessiveName(t *testing.T) {
	doc := nlptest.Tagged(t, `The Swiss People's Party gained two seats in the cantonal assembly on Sunday.
The People’s Bank of China kept its lending rate unchanged, the central bank said.
Russia's defence minister flew to the border after the talks.
Acme's chief executive said the company would cut prices.
Members of the Women's Institute met in the village hall.`)
	x, has := candidateTexts(t, doc)
	for _, want := range []string{"Swiss People's Party", "People’s Bank", "Women's Institute", "defence minister", "chief executive"} {
		if !has[want] {
			t.Errorf("no candidate %q", want)
		}
	}
	for text := range has {
		if strings.Contains(text, "Russia") && text != "Russia" || strings.Contains(text, "Acme") && text != "Acme" ||
			strings.HasPrefix(text, "'s") || strings.HasPrefix(text, "’s") || strings.HasSuffix(text, "'s") || strings.HasSuffix(text, "’s") {
			t.Errorf("candidate %q", text)
		}
	}
	found := false
	for _, p := range x.Extract(doc, 10) {
		if p.Text == "Swiss People" || p.Text == "Swiss People's" {
			t.Errorf("key phrase %q: the name is cut at its possessive", p.Text)
		}
		if p.Text == "Swiss People's Party" {
			found = true
		}
	}
	if !found {
		t.Errorf("Swiss People's Party is no key phrase")
	}
}

// TestPossessiveCompany: a company named by a possessive ("McDonald's",
// "Sainsbury's") is one phrase wherever the document writes it as a name
// of its own, owning nothing ("profits at Sainsbury's.", "McDonald's
// said"): then "McDonald's restaurants" is whole too. A possessive that
// owns something in every use ("Iran's minister", "Tesco's chief
// executive") or a list of owners ("Iran's and Iraq's oil ministers")
// still splits.
func TestPossessiveCompany(t *testing.T) {
	doc := nlptest.Tagged(t, `McDonald's restaurants in France will stay open late, the company said.
Profits at Sainsbury's rose 5 percent in the first half, and the grocer added 20 stores.
Iran's minister met Tesco's chief executive in London on Tuesday.
Iran's and Iraq's oil ministers met in Vienna.
McDonald's said it would hire 3,000 workers.`)
	x, has := candidateTexts(t, doc)
	for _, want := range []string{"McDonald's restaurants", "McDonald's", "Sainsbury's", "chief executive", "oil ministers"} {
		if !has[want] {
			t.Errorf("no candidate %q", want)
		}
	}
	for text := range has {
		if text == "McDonald" || text == "Sainsbury" || strings.Contains(text, "Iran") && text != "Iran" ||
			strings.Contains(text, "Iraq") && text != "Iraq" || strings.Contains(text, "Tesco") && text != "Tesco" {
			t.Errorf("candidate %q", text)
		}
	}
	found := false
	for _, p := range x.Extract(doc, 10) {
		if p.Text == "McDonald" || p.Text == "Sainsbury" {
			t.Errorf("key phrase %q: the name is cut at its possessive", p.Text)
		}
		found = found || strings.HasPrefix(p.Text, "McDonald's")
	}
	if !found {
		t.Errorf("no key phrase for McDonald's")
	}
}

// TestPossessiveOwner: an owner's 's that happens to own nothing in one
// sentence is no name of its own: a possessive after "was" ("The final
// decision was Abbott's."), the 's of "is"
// ("Britain's in recession", "Google's to blame"), "will" as a noun
// ("Russia's will to fight"), a noun the tagger reads as a past tense
// ("Khan's hit"). The owner stays a phrase of its own and its 's cuts the
// phrases after it; "profits at Sainsbury's." still makes a name.
func TestPossessiveOwner(t *testing.T) {
	x, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	texts := func(s string) map[string]bool {
		_, ts, _ := x.Candidates(nlptest.Tagged(t, s))
		has := map[string]bool{}
		for _, c := range ts {
			has[c] = true
		}
		return has
	}
	for _, tc := range []struct{ text, name string }{
		{"The final decision was Abbott's. Abbott's campaign said it would appeal the ruling, and Abbott's lawyers filed papers on Monday.", "Abbott"},
		{"Russia's will to fight was tested this winter. Russia's army retreated from the border towns as supplies ran short.", "Russia"},
		{"Britain's in recession again, economists warned on Friday. Britain's jobless total rose by 40,000 and Britain's factories cut output.", "Britain"},
		{"Google's to blame for the outage, the regulator said. Google's engineers restored service after six hours.", "Google"},
		{"The singer's version of Khan's hit Through the Fire sold well. Khan's label said a new album would follow.", "Khan"},
	} {
		has := texts(tc.text)
		if !has[tc.name] {
			t.Errorf("%q: no candidate %q", tc.text, tc.name)
		}
		for c := range has {
			if strings.HasPrefix(c, tc.name+"'s") {
				t.Errorf("%q: candidate %q", tc.text, c)
			}
		}
	}
	if !texts("Profits at Sainsbury's rose 5 percent, and shares in Sainsbury's gained. Analysts like Sainsbury's.")["Sainsbury's"] {
		t.Errorf("no candidate Sainsbury's")
	}
}

// candidateTexts loads the extractor and returns it with the texts of the
// candidate phrases of doc.
func candidateTexts(t *testing.T, doc *text.Document) (*Extractor, map[string]bool) {
	t.Helper()
	x, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	keys, texts, _ := x.Candidates(doc)
	has := map[string]bool{}
	for i := range keys {
		has[texts[i]] = true
	}
	return x, has
}
