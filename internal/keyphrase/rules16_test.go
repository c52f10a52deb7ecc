package keyphrase

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
)

// TestHeadlineSubjectVerb: a headline's subject and its verb of movement
// in the present tense ("Profits slide", "Ferry output falls") are no key
// phrase; a noun that does not agree ("fuel price rise") or follows
// another word ("more fare rises") stays.
func TestHeadlineSubjectVerb(t *testing.T) {
	checkHeadlineRule(t, "headlineSubjectVerb", []headlineCase{
		{"Profits slide at Westmere Ferries\n\nThe ferry operator reported lower earnings for the winter as storms kept boats in port.\n", "Profits slide", true},
		{"Harbour output falls in March\n\nThe harbour handled fewer containers than a year before, the board said.\n", "Harbour output falls", true},
		{"Crofters dread another fuel price rise\n\nThe island council said the cost of heating oil would climb again in the spring.\n", "fuel price rise", false},
		{"Council warns of more fare rises\n\nThe transport council said tickets would cost more from the summer.\n", "fare rises", false},
	}, subjectVerb)
}

// TestTitleCut: a description of a work and the first word of a longer
// title ("comedy Dance" of "the comedy Dance with the Wardens", also
// opening a sentence) is no key phrase; a title of one word ("the
// thriller Fogbound") is shown alone (titleTail).
func TestTitleCut(t *testing.T) {
	const art = `The comedy Dance with the Wardens topped the chart for a second week.
Critics praised the thriller Fogbound, which opened in fourth place.
Musical Salt and Tar closed after a month.
`
	doc, _, cands, ments := tagCandidates(t, art)
	type res struct {
		cut  bool
		tail int
	}
	want := map[string]res{"comedy Dance": {true, 0}, "thriller Fogbound": {false, 1}, "Musical Salt": {true, 0}}
	seen := map[string]bool{}
	for i := range cands {
		s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		got := res{titleCut(doc, ments, &cands[i]), titleTail(doc, ments, &cands[i])}
		w, ok := want[s]
		if !ok {
			if got.cut || got.tail != 0 {
				t.Errorf("titleCut, titleTail(%q) = %v", s, got)
			}
			continue
		}
		seen[s] = true
		if got != w {
			t.Errorf("titleCut, titleTail(%q) = %v, want %v", s, got, w)
		}
	}
	for _, k := range []string{"comedy Dance", "thriller Fogbound", "Musical Salt"} {
		if !seen[k] {
			t.Errorf("no candidate %q (the tagging changed?)", k)
		}
	}
}

// TestOccupationBeforeName: an occupation written before a name the text
// gives once ("Actor Nils Varga", "Treasurer Ada Mahone") leaves the name
// alone.
func TestOccupationBeforeName(t *testing.T) {
	checkNameTail(t, `Actor Nils Varga will star in the new harbour drama.
The budget was presented by Treasurer Ada Mahone in March.
`, map[string]int{"Actor Nils Varga": 1, "Treasurer Ada Mahone": 1})
}

// TestMidnightWeekday: "a midnight Friday pay deadline" gives the
// phrase "pay deadline", not one holding the clock time and the day.
func TestMidnightWeekday(t *testing.T) {
	const art = `Dockers at the Westmere port set a midnight Friday pay deadline after the talks failed.
The pay deadline passed quietly as talks on the dockers' hours resumed on Monday.
The port authority said the pay deadline had been extended by a week.
`
	doc := nlptest.Tagged(t, art)
	var texts []string
	for _, p := range Extract(doc, 10) {
		texts = append(texts, p.Text)
		if strings.Contains(strings.ToLower(p.Text), "midnight friday") {
			t.Errorf("phrase %q holds the clock time", p.Text)
		}
	}
	if !strings.Contains(strings.Join(texts, "|"), "pay deadline") {
		t.Errorf("no 'pay deadline' in %q", texts)
	}
}

// TestHeadlineWhole: a candidate that is the whole headline, three words
// or more, is a clause the tagger chunked as a noun phrase; a phrase that
// is part of the headline, a headline of capitalised words (a name), and
// singular nouns before a noun of news ("... contract row") stay.
func TestHeadlineWhole(t *testing.T) {
	for _, tc := range []struct {
		art, phrase string
		want        bool
	}{
		{"Harbour deal boosts Westmere ferries\n\nThe new berths will let the ferry company add two crossings a day, its chief said.\n", "Harbour deal boosts Westmere ferries", true},
		{"Harbour ferry timetable at risk\n\nThe new berths may not open before the summer, the board said.\n", "Harbour ferry timetable", false},
		// nouns before a noun of news: no verb, a key phrase
		{"Harbour pilot contract row\n\nThe board gave the work to a firm from outside the region, and local pilots said they had been shut out.\n", "Harbour pilot contract row", false},
		{"Ferry ticket price rethink\n\nThe company will look again at its plan to charge more at weekends, its chief said.\n", "Ferry ticket price rethink", false},
		// a verb in -s before the head, a plural subject
		{"Harbour deal sparks row\n\nThe new berths will let the ferry company add two crossings a day, its chief said.\n", "Harbour deal sparks row", true},
		// a name, which would give way to its parts ("Harbour Trust")
		{"Westmere Harbour Trust\n\nThe trust that runs the old port said it would sell two of its cranes to pay for dredging.\n", "Westmere Harbour Trust", false},
	} {
		doc, _, cands, ments := tagCandidates(t, tc.art)
		hl := headlineEnd(doc)
		if hl == 0 {
			t.Fatalf("no headline in %q", tc.art)
		}
		found := false
		for i := range cands {
			s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
			got := headlineWhole(doc, ments, &cands[i], hl)
			if s != tc.phrase {
				if got {
					t.Errorf("headlineWhole(%q) = true", s)
				}
				continue
			}
			found = true
			if got != tc.want {
				t.Errorf("headlineWhole(%q) = %v, want %v", s, got, tc.want)
			}
		}
		if !found {
			t.Errorf("no candidate %q", tc.phrase)
		}
	}
}

// TestHeadlineSubjectVerbBeforeVerb: a headline's noun and a verb of
// movement before another lower-case word are a compound noun, the
// subject of that word ("Council tax rises worry pensioners", "Car
// sales slump hits dealers"), and stay; before a preposition or a
// figure, ending the headline, or before the object of a verb that takes
// one ("Westmere shareholder sues board"), they are a subject and its
// verb.
func TestHeadlineSubjectVerbBeforeVerb(t *testing.T) {
	checkHeadlineRule(t, "headlineSubjectVerb", []headlineCase{
		{"Council tax rises worry pensioners\n\nThe island council said bills would climb in the spring as the ferry subsidy ends.\n", "tax rises", false},
		{"Share price falls worry investors\n\nThe harbour company lost a fifth of its value in a week, traders said.\n", "price falls", false},
		{"Car sales slump hits dealers\n\nShowrooms in the valley sold fewer cars in the winter, the traders said.\n", "sales slump", false},
		{"Westmere shareholder sues board\n\nA shareholder of the ferry company went to court over the directors' pay.\n", "shareholder sues", true},
		{"Landlord sues to stop sale\n\nThe landlord of the quay went to court over the sale of the old warehouse.\n", "Landlord sues", true},
		{"Fares slide 5% at Westmere\n\nThe ferry company cut prices for the winter crossings.\n", "Fares slide", true},
	}, subjectVerb)
}

// TestWorkKindOpeningName: a capitalised description of a work opening a
// sentence is as often a name's first word: before a possessive, or
// "and" and a word in lower case, the name is not cut ("Comedy Central's
// audience", "Opera North and the Halle"), and its second word is not
// shown alone ("Epic Records signed ...").
func TestWorkKindOpeningName(t *testing.T) {
	const art = `Opera North and the Halle will tour the coast in the spring.
Comedy Central's audience grew by a fifth last year.
Epic Records signed the harbour band after a festival set.
`
	doc, _, cands, ments := tagCandidates(t, art)
	seen := map[string]bool{}
	for i := range cands {
		s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		switch s {
		case "Opera North", "Comedy Central", "Epic Records":
			seen[s] = true
			if cut, tail := titleCut(doc, ments, &cands[i]), titleTail(doc, ments, &cands[i]); cut || tail != 0 {
				t.Errorf("titleCut, titleTail(%q) = %v, %d, want false, 0", s, cut, tail)
			}
		}
	}
	for _, k := range []string{"Opera North", "Comedy Central", "Epic Records"} {
		if !seen[k] {
			t.Errorf("no candidate %q (the tagging changed?)", k)
		}
	}
}

// TestRoleOpeningName: a word of nameRoles opening a name after an
// article is the name's first word ("the Singer Sewing Company",
// "the Designer Outlet Centre"): the three words stay one phrase.
func TestRoleOpeningName(t *testing.T) {
	const art = `The Singer Sewing Company opened a plant in Westmere.
Shoppers filled the Designer Outlet Centre on the first day of the sale.
`
	doc, _, cands, ments := tagCandidates(t, art)
	seen := map[string]bool{}
	for i := range cands {
		s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		switch s {
		case "Singer Sewing Company", "Designer Outlet Centre":
			seen[s] = true
			if got := nameTail(doc, ments, &cands[i]); got != 0 {
				t.Errorf("nameTail(%q) = %d, want 0", s, got)
			}
		}
	}
	for _, k := range []string{"Singer Sewing Company", "Designer Outlet Centre"} {
		if !seen[k] {
			t.Errorf("no candidate %q (the tagging changed?)", k)
		}
	}
}

// TestRules16Prefixes: every prefix of a text holding the session's
// triggers, cut at each token's end (the text ending right after "Fares
// slide", "the comedy Dance", "a midnight Friday", "Actor Nils", ...), is
// extracted without a panic, each phrase one of its mentions.
func TestRules16Prefixes(t *testing.T) {
	const art = "Fares slide\n\nHarbour output falls. The comedy Dance with the Wardens and the film Fogbound. " +
		"Opera North's Comedy Central. Dockers set a midnight Friday pay deadline at noon Sunday. " +
		"Actor Nils Varga met the Singer Sewing Company and Treasurer Ada Mahone.\n"
	doc := nlptest.Tagged(t, art)
	for _, tk := range doc.Tokens {
		in := art[:tk.End]
		for _, p := range Extract(nlptest.Tagged(t, in), 10) {
			ok := false
			for _, m := range p.Mentions {
				if m.Start < 0 || m.End > len(in) || m.Start >= m.End {
					t.Fatalf("prefix %q: mention %+v out of bounds", in, m)
				}
				ok = ok || in[m.Start:m.End] == p.Text
			}
			if !ok {
				t.Errorf("prefix %q: phrase %q is none of its mentions", in, p.Text)
			}
		}
	}
}

// subjectVerb is headlineSubjectVerb for checkHeadlineRule.
func subjectVerb(doc *text.Document, _ *docWords, ments []mention, c *candidate, hl int) bool {
	return headlineSubjectVerb(doc, ments, c, hl)
}
