package keyphrase

import (
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
)

const clauseArticle = `Westmere launches ferry inquiry

The harbour board is facing heavy fines over the ferry collision.
The regional council has imposed heavy fines on two pilots of the board.
Falling ticket sales and rising fuel prices hurt the ferry company last year.
The company kept its old ferries in 2019 without raising ticket prices, after questioning port fees for years.
Ferry captain Marit Okafor said the board had ignored warnings about the fog.
Marit Okafor has sailed the harbour crossing for twenty years.
`

func TestVerbal(t *testing.T) {
	doc, _, cands, ments := tagCandidates(t, clauseArticle)
	got := map[string]bool{}
	for i := range cands {
		got[strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")] = verbal(doc, ments, &cands[i])
	}
	for _, c := range []struct {
		phrase string
		want   bool
	}{
		{"facing heavy fines", true},
		{"imposed heavy fines", true},
		{"raising ticket prices", true},
		{"questioning port fees", true},
		{"heavy fines", false},
		{"rising fuel prices", false},
		{"Falling ticket sales", false},
	} {
		v, ok := got[c.phrase]
		if !ok {
			continue // not a candidate with this tagging: nothing to drop
		}
		if v != c.want {
			t.Errorf("verbal(%q) = %v, want %v", c.phrase, v, c.want)
		}
	}
	if _, ok := got["heavy fines"]; !ok {
		t.Fatalf("no candidate 'heavy fines': %v", got)
	}
	if !got["facing heavy fines"] && !got["imposed heavy fines"] {
		t.Errorf("neither verbal phrase found verbal: %v", got)
	}
}

func TestNameTailAndHeadline(t *testing.T) {
	doc := nlptest.Tagged(t, clauseArticle)
	ps := Extract(doc, 10)
	var texts []string
	for _, p := range ps {
		texts = append(texts, p.Text)
	}
	for _, p := range ps {
		l := strings.ToLower(p.Text)
		if strings.Contains(l, "captain marit") {
			t.Errorf("%q: a role before a name (want the name alone) in %q", p.Text, texts)
		}
		if strings.HasPrefix(l, "facing ") || strings.HasPrefix(l, "imposed ") || strings.HasPrefix(l, "raising ") || strings.HasPrefix(l, "questioning ") {
			t.Errorf("%q: a clause cut short in %q", p.Text, texts)
		}
		if l == "harbour board faces" || l == "board faces" {
			t.Errorf("%q: a headline verb in %q", p.Text, texts)
		}
	}
	found := false
	for _, p := range ps {
		if p.Text == "Marit Okafor" {
			found = true
		}
	}
	if !found {
		t.Errorf("Marit Okafor is not a key phrase: %q", texts)
	}
}

func TestNameTailHeadlineVerb(t *testing.T) {
	doc, _, cands, ments := tagCandidates(t, clauseArticle)
	hl := headlineEnd(doc)
	if hl == 0 {
		t.Fatal("no headline found")
	}
	tail, head := map[string]int{}, map[string]bool{}
	for i := range cands {
		s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		tail[s] = nameTail(doc, ments, &cands[i])
		head[s] = headlineVerb(doc, ments, &cands[i], hl)
	}
	if j, ok := tail["Ferry captain Marit Okafor"]; !ok || j != 2 {
		t.Errorf("nameTail(Ferry captain Marit Okafor) = %d (found %v), want 2", j, ok)
	}
	for _, s := range []string{"Marit Okafor", "heavy fines", "Falling ticket sales"} {
		if tail[s] != 0 {
			t.Errorf("nameTail(%q) = %d, want 0", s, tail[s])
		}
	}
	if !head["Westmere launches"] && !head["Westmere launches ferry inquiry"] {
		t.Errorf("no headline verb found: %v", head)
	}
	for s, v := range head {
		if v && !strings.HasPrefix(s, "Westmere launches") {
			t.Errorf("headlineVerb(%q) = true", s)
		}
	}
}

const lighthouseArticle = `Jonas Ebbesen, the keeper of the Westmere lighthouse, has retired after forty years.
The council said Ebbesen had kept the lamp burning through every winter storm since 1984.
Ebbesen trained three younger keepers, and the council will now run the lighthouse with them.
Visitors to the lighthouse often asked Ebbesen about the storms of the eighties.
A small exhibition about the lighthouse and its keepers opens in the harbour museum in May.
`

// TestFullNameAtSentenceStart: a surname is written in full when its full
// name is found only at the start of a sentence.
func TestFullNameAtSentenceStart(t *testing.T) {
	doc := nlptest.Tagged(t, lighthouseArticle)
	ps := Extract(doc, 10)
	var texts []string
	for _, p := range ps {
		texts = append(texts, p.Text)
	}
	full, bare := false, false
	for _, p := range ps {
		full = full || p.Text == "Jonas Ebbesen"
		bare = bare || p.Text == "Ebbesen"
	}
	if bare || !full {
		t.Errorf("want Jonas Ebbesen, not Ebbesen: %q", texts)
	}
}

func TestReportingEvent(t *testing.T) {
	const art = `The mayor of Westmere told a news conference on Monday that the harbour ferry would run all winter.
She said in a telephone interview that the ferry company had agreed to cut fares for pupils.
The ferry company confirmed the fare cut in a press release and at a second news conference.
The harbour ferry has run since 1968 and carries about four hundred people a day.
`
	doc, dw, cands, ments := tagCandidates(t, art)
	got := map[string]bool{}
	for i := range cands {
		got[strings.ToLower(surface(doc.Text, spans(ments, &cands[i])))] = reportingEvent(dw, &cands[i])
	}
	for _, c := range []struct {
		phrase string
		want   bool
	}{
		{"news conference", true}, {"telephone interview", true}, {"press release", true},
		{"harbour ferry", false}, {"ferry company", false},
	} {
		if v, ok := got[c.phrase]; !ok || v != c.want {
			t.Errorf("reportingEvent(%q) = %v (a candidate: %v), want %v", c.phrase, v, ok, c.want)
		}
	}
	for _, p := range Extract(doc, 10) {
		if strings.EqualFold(p.Text, "news conference") {
			t.Errorf("%q: the occasion of the report is a key phrase", p.Text)
		}
	}
}

func TestSignOff(t *testing.T) {
	const art = `Westmere Ferries said on Tuesday it would order two electric boats for the harbour crossing.
The company said the boats would cost four million pounds and enter service next spring.
The Westmere bureau of the regional paper first reported the plan last week.
-- Reuters Harbourtown Bureau 555 010-2000
-- Harbourtown desk, +44 555 010 2001
`
	doc, dw, cands, ments := tagCandidates(t, art)
	got := map[string]bool{}
	for i := range cands {
		got[surface(doc.Text, spans(ments, &cands[i]))] = signOff(doc, dw, ments, &cands[i])
	}
	for _, c := range []struct {
		phrase string
		want   bool
	}{
		{"Reuters Harbourtown Bureau", true}, {"Harbourtown desk", true}, {"Westmere bureau", false}, {"harbour crossing", false},
	} {
		if v, ok := got[c.phrase]; !ok || v != c.want {
			t.Errorf("signOff(%q) = %v (a candidate: %v), want %v", c.phrase, v, ok, c.want)
		}
	}
}

// TestVerbalPossessive: a participle after a possessive "'s" is a
// modifier ("the island's living standards"), not a verb after "is" or
// "has".
func TestVerbalPossessive(t *testing.T) {
	const art = `Orlund's living standards slip

The island's living standards fell for a third year, the statistics office said on Friday.
Orlund's living standards are now below those of its neighbours, and the council's proposed budget would cut school meals.
The mayor said the council's proposed budget was fair. Fishing incomes fell by a tenth.
`
	doc, _, cands, ments := tagCandidates(t, art)
	found := 0
	for i := range cands {
		s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		if s == "living standards" || s == "proposed budget" {
			found++
			if verbal(doc, ments, &cands[i]) {
				t.Errorf("verbal(%q) = true after a possessive", s)
			}
		}
	}
	if found == 0 {
		t.Fatal("no candidate 'living standards' or 'proposed budget'")
	}
	var texts []string
	for _, p := range Extract(doc, 5) {
		texts = append(texts, p.Text)
	}
	if !slices.Contains(texts, "living standards") {
		t.Errorf("living standards is not among the top five: %q", texts)
	}
}

// TestCopularParticiple checks that a participle of a verb that mostly
// goes without an object, after a form of "be", is a modifier of the
// complement ("the problem is rising unemployment"), while another verb
// after "is" still opens a cut clause ("is facing heavy fines").
func TestCopularParticiple(t *testing.T) {
	const article = `The main problem in the valley is rising unemployment among young workers.
The central bank said its biggest worry was falling investment in new factories.
The harbour board is facing heavy fines over the ferry collision.
The port authority has been questioning port fees for years.
`
	doc, _, cands, ments := tagCandidates(t, article)
	got := map[string]bool{}
	for i := range cands {
		got[strings.ToLower(strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " "))] = verbal(doc, ments, &cands[i])
	}
	for _, c := range []struct {
		phrase string
		want   bool
	}{
		{"rising unemployment", false},
		{"falling investment", false},
		{"facing heavy fines", true},
		{"questioning port fees", true},
	} {
		v, ok := got[c.phrase]
		if !ok {
			t.Errorf("no candidate %q: %v", c.phrase, got)
			continue
		}
		if v != c.want {
			t.Errorf("verbal(%q) = %v, want %v", c.phrase, v, c.want)
		}
	}
}

// tagCandidates tags s with the real tagger and returns its candidate
// phrases with the loaded extractor's document words.
func tagCandidates(t *testing.T, s string) (*text.Document, *docWords, []candidate, []mention) {
	t.Helper()
	doc := nlptest.Tagged(t, s)
	e, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	dw := newDocWords(doc, e)
	cands, ments := candidates(doc, dw)
	return doc, dw, cands, ments
}

// TestHeadlineParticipleAfterPlural: a headline's plural noun and present
// participle are its subject and verb ("Ferry fares rising"), not a key
// phrase; the same words in the body ("the rising ferry fares") and a
// participle that is a noun's modifier stay.
func TestHeadlineParticipleAfterPlural(t *testing.T) {
	const art = `Harbour ferry fares rising again

The harbour board raised ferry fares for the third time this year.
Commuters said the rising ferry fares would push them back onto the coast road.
The board blamed fuel costs and the new harbour dredging contract.
`
	doc, _, cands, ments := tagCandidates(t, art)
	hl := headlineEnd(doc)
	if hl == 0 {
		t.Fatal("no headline found")
	}
	found := false
	for i := range cands {
		s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		v := headlineVerb(doc, ments, &cands[i], hl)
		switch {
		case strings.HasSuffix(s, "fares rising"):
			found = true
			if doc.Tokens[cands[i].first+len(cands[i].words)-1].POS != "VBG" {
				t.Fatalf("the tagger reads %q's last word as %s, not VBG", s, doc.Tokens[cands[i].first+len(cands[i].words)-1].POS)
			}
			if !v {
				t.Errorf("headlineVerb(%q) = false, want true (a subject and its verb)", s)
			}
		case v:
			t.Errorf("headlineVerb(%q) = true", s)
		}
	}
	if !found {
		t.Fatal("no candidate ends in 'fares rising'")
	}
}

// TestClauseEndNameVerb: a name and a present participle after it are a
// subject and its verb ("saw Wexford playing", "Kilkenny facing Galway"),
// no key phrase; a participle before a singular noun ("Hexley doping
// scandal"), a
// participle after a capitalised sentence opening, an acronym or an
// adjective of a name stays ("Multiple shooting", "LR parsing", "Hebbian
// learning").
func TestClauseEndNameVerb(t *testing.T) {
	const art = `The county board said thousands of supporters saw Wexford playing at the new ground on Sunday.
Supporters saw Kilkenny facing Galway at the new ground.
The Hexley doping scandal was not discussed.
Multiple shooting using sparse grids converged for the floodlight model.
The scheme relies on LR parsing for speed.
The groundsman trained a small Hebbian learning model to predict the wear of the pitch.
`
	doc, _, cands, ments := tagCandidates(t, art)
	want := map[string]bool{"Wexford playing": true, "Kilkenny facing": true, "Kilkenny facing Galway": true, "Hexley doping": true,
		"Hexley doping scandal": false, "Multiple shooting": false, "LR parsing": false, "Hebbian learning": false}
	seen := map[string]bool{}
	for i := range cands {
		s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		got := clauseEnd(doc, ments, &cands[i])
		w, ok := want[s]
		if !ok {
			for k, kw := range want {
				if strings.HasSuffix(s, k) {
					w, ok = kw, true
				}
			}
		}
		if !ok {
			if got {
				t.Errorf("clauseEnd(%q) = true", s)
			}
			continue
		}
		seen[s] = true
		if got != w {
			t.Errorf("clauseEnd(%q) = %v, want %v", s, got, w)
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("no candidate %q", k)
		}
	}
}

// TestHeadlineBodyVerb: a headline's verb that the body writes as a verb
// ("Ferry deficit narrows" beside "the deficit narrowed", "Farmers demand
// aid" beside "demanded", "Stars pay tribute" beside "have paid tribute") closes no key phrase; a compound of a
// noun and a plural stays though the body uses its verb ("job cuts" beside
// "has cut 40 jobs"), and so does a noun of an agent ("Rovers manager"
// beside "managed").
func TestHeadlineBodyVerb(t *testing.T) {
	checkHeadlineRule(t, "headlineBodyVerb", []headlineCase{
		{"Ferry deficit narrows again\n\nThe harbour board said the ferry deficit narrowed in March as it added crossings to the islands.\n", "deficit narrows", true},
		{"Farmers demand aid after floods\n\nThe farmers demanded aid from the county council on Monday.\n", "Farmers demand aid", true},
		{"Stars pay tribute to singer Mahone\n\nStars of the folk scene have paid tribute to singer Ada Mahone, who died on Monday.\n", "Stars pay tribute", true},
		{"Rovers manager Hale leaves club\n\nHale managed the Rovers for six years before he left on Monday.\n", "Rovers manager", false},
		{"Harbour board job cuts loom\n\nThe harbour board has cut 40 jobs since March and said more would follow.\n", "job cuts", false},
	}, headlineBodyVerb)
}

// TestGerundName: a participle before a name is a verb and its object
// ("suing Hexcorp", "beating Galway"), no key phrase; a participle that
// modifies ("existing Hexley models") or an acronym after it stays.
func TestGerundName(t *testing.T) {
	const art = `The bank is suing Hexcorp over the failed loans.
Kilkenny began the season by beating Galway at the new ground.
Dealers said the existing Hexley models sold slowly.
The lab kept running ATM tests on the machines.
`
	doc, _, cands, ments := tagCandidates(t, art)
	want := map[string]bool{"suing Hexcorp": true, "beating Galway": true, "existing Hexley models": false, "existing Hexley": false, "running ATM tests": false, "running ATM": false}
	seen := map[string]bool{}
	for i := range cands {
		s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		got := gerundName(doc, ments, &cands[i])
		w, ok := want[s]
		if !ok {
			if got {
				t.Errorf("gerundName(%q) = true", s)
			}
			continue
		}
		seen[s] = true
		if got != w {
			t.Errorf("gerundName(%q) = %v, want %v", s, got, w)
		}
	}
	for _, k := range []string{"suing Hexcorp", "beating Galway", "existing Hexley models", "running ATM tests"} {
		if !seen[k] {
			t.Errorf("no candidate %q", k)
		}
	}
}

// TestNameTailRole: a capitalised role before a full name ("Chancellor Hal
// Brennan", "Sir Ned Oakes") leaves the name alone; a three-word name
// ("Mary Ann Brennan") and a role not among nameRoles ("President Lou
// Varga") stay whole.
func TestNameTailRole(t *testing.T) {
	checkNameTail(t, `The budget was written by Chancellor Hal Brennan in March.
The report quoted Sir Ned Oakes at length.
The singer Mary Ann Brennan spoke at the launch, and so did President Lou Varga.
`, map[string]int{"Chancellor Hal Brennan": 1, "Sir Ned Oakes": 1, "Mary Ann Brennan": 0, "President Lou Varga": 0})
}

// TestHeadlineBodyVerbOneLetter: a headline's one-letter word tagged as a
// plural or a verb in "s" ("Ferry trade s", a stray letter) leaves no stem
// to look for in the body; headlineBodyVerb and Extract must not panic on
// it (they did: bodyVerb sliced its empty stem).
func TestHeadlineBodyVerbOneLetter(t *testing.T) {
	const art = "Ferry trade s\n\nThe ferry trade narrowed in March.\n"
	doc, dw, cands, ments := tagCandidates(t, art)
	hl := headlineEnd(doc)
	if hl == 0 {
		t.Fatal("no headline found")
	}
	found := false
	for i := range cands {
		s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		if !strings.HasSuffix(s, "trade s") {
			continue
		}
		found = true
		if headlineBodyVerb(doc, dw, ments, &cands[i], hl) {
			t.Errorf("headlineBodyVerb(%q) = true", s)
		}
	}
	if !found {
		t.Fatal("no candidate ending in 'trade s'")
	}
	Extract(doc, 10)
}

// TestNameTailChain: a description before a role before a full name
// ("Rovers manager Sir Ned Oakes") leaves the name alone, not the role and
// the name beside it ("Ned Oakes" and "Sir Ned Oakes" were both shown).
func TestNameTailChain(t *testing.T) {
	const art = `Rovers manager Sir Ned Oakes was angry after the defeat.
Sir Ned Oakes said his side played badly at the new ground.
Sir Ned Oakes will appeal against the red card.
`
	doc := nlptest.Tagged(t, art)
	got := map[string]bool{}
	for _, p := range Extract(doc, 10) {
		got[p.Text] = true
	}
	if !got["Ned Oakes"] {
		t.Errorf("no 'Ned Oakes' among %v", got)
	}
	if got["Sir Ned Oakes"] {
		t.Errorf("'Sir Ned Oakes' beside 'Ned Oakes' in %v", got)
	}
}

// TestRoleCut: a role or a first name cut from the name it opens
// ("chairman Sir", "Sir Ned" before "Oakes") is no key phrase, also where
// nameTail leaves it ("chairman Sir Ned" -> "Sir Ned"); the short form
// that stands alone in most occurrences ("Sir Ned said") stays.
func TestRoleCut(t *testing.T) {
	const art = `Harbour board chairman Sir Ned Oakes resigned on Monday.
The board said Sir Ned Oakes had served ten years.
Sir Ned Oakes will be replaced by his deputy.
`
	doc := nlptest.Tagged(t, art)
	var got []string
	for _, p := range Extract(doc, 10) {
		got = append(got, p.Text)
	}
	if !slices.Contains(got, "Ned Oakes") {
		t.Errorf("no 'Ned Oakes' among %q", got)
	}
	for _, p := range got {
		if p == "Sir Ned" || strings.HasSuffix(p, " Sir") {
			t.Errorf("a cut %q among %q", p, got)
		}
	}
	const alone = `Sir Ned Oakes opened the harbour on Monday.
Sir Ned said the ferries would run all winter.
Sir Ned added that fares would not rise.
`
	doc, _, cands, ments := tagCandidates(t, alone)
	found := false
	for i := range cands {
		if s := surface(doc.Text, spans(ments, &cands[i])); s == "Sir Ned" {
			found = true
			if roleCut(doc, ments, &cands[i]) {
				t.Errorf("roleCut(%q) = true where it mostly stands alone", s)
			}
		}
	}
	if !found {
		t.Error("no candidate 'Sir Ned'")
	}
}

// TestRoleCutAllocs: roleCut runs on every phrase chosen and allocates
// nothing (a lower-case copy of each name's last word cost BenchmarkExtract
// 49 -> 53 allocs/op).
func TestRoleCutAllocs(t *testing.T) {
	doc, _, cands, ments := tagCandidates(t, "Harbour board chairman Sir Ned Oakes met European Ministers in Brussels on Monday.\n")
	if len(cands) == 0 {
		t.Fatal("no candidates")
	}
	if a := testing.AllocsPerRun(20, func() {
		for i := range cands {
			roleCut(doc, ments, &cands[i])
			nameTail(doc, ments, &cands[i])
		}
	}); a != 0 {
		t.Errorf("roleCut and nameTail: %v allocs per run, want 0", a)
	}
}

// TestClauseEndNounGerund: after a name, a word in -ing read as a noun of
// an activity ("Wimbledon qualifying", "Grand National betting") or a
// participle the subject of a verb after it ("Wexford rebuilding began
// late") is no clause: the phrase stays (clauseEnd took them all).
func TestClauseEndNounGerund(t *testing.T) {
	const art = `She lost in Wimbledon qualifying last year, and Wimbledon qualifying worried her again.
Bookmakers said Grand National betting rose, and Grand National betting was mostly online.
The board said Wexford rebuilding began late, and Wexford rebuilding ended early.
`
	doc, _, cands, ments := tagCandidates(t, art)
	want := []string{"Wimbledon qualifying", "Grand National betting", "Wexford rebuilding"}
	seen := map[string]bool{}
	for i := range cands {
		s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		if !slices.Contains(want, s) {
			continue
		}
		seen[s] = true
		if clauseEnd(doc, ments, &cands[i]) {
			t.Errorf("clauseEnd(%q) = true", s)
		}
	}
	for _, k := range want {
		if !seen[k] {
			t.Errorf("no candidate %q", k)
		}
	}
}

// TestHeadlineClause: a lower-case verb in -ing opening a headline's
// quoted clause, or after a plural there, takes an object ("Farmer
// 'suing council'"), and so does a verb in "s" after a quotation mark or
// a name ("Mill 'sets date for sale'", "Coach backs Hollis"), and a
// name and its predicate before a preposition ("Rovers set for cup
// return"): no key phrase. The same words in the body, a participle of
// adjectival, a noun in -ing, a plural modifier after an article ("a
// drugs test") and a participle after a possessive apostrophe ("Hollis'
// rallying cry") stay.
func TestHeadlineClause(t *testing.T) {
	for _, tc := range []struct {
		art  string
		want []string
	}{{`Orchard farmer 'suing council' over cider barn

A farmer whose cider barn was closed by inspectors is suing the council, his solicitor said.
Rising costs and falling apple prices had already hurt the farm, he said.
`, []string{"suing council"}}, {`Paper mill 'sets date for sale'

The owners of the paper mill said they would name a date for the sale in the spring.
`, []string{"sets date"}}, {`Coach backs Hollis for a drugs test

The coach said Hollis would take a drugs test before the final.
`, []string{"backs Hollis"}}, {`Hollis' rallying cry for the club

The coach said Hollis had urged the fans to get behind the team before the final.
`, nil}, {`Rovers set for cup return

The club expects to play in the county cup again after a year away.
`, []string{"Rovers set"}}} {
		doc, _, cands, ments := tagCandidates(t, tc.art)
		hl := headlineEnd(doc)
		if hl == 0 {
			t.Fatal("no headline found")
		}
		found := map[string]bool{}
		for i := range cands {
			s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
			g := headlineClause(doc, ments, &cands[i], hl)
			if slices.Contains(tc.want, s) {
				found[s] = true
				if !g {
					t.Errorf("headlineClause(%q) = false, want true", s)
				}
			} else if g {
				t.Errorf("headlineClause(%q) = true", s)
			}
		}
		for _, w := range tc.want {
			if !found[w] {
				t.Errorf("no candidate %q", w)
			}
		}
	}
}

// TestVerbalAfterComma: a lower-case verb in -ing after a comma opens a
// participle clause ("bookings climbed, lifting ferry revenue to a
// record"), no key phrase; an item of a list after a comma ("cinemas,
// bowling alleys and pubs") and a noun in -ing stay.
func TestVerbalAfterComma(t *testing.T) {
	checkPhraseRule(t, "verbal", `Ferry bookings climbed sharply in March, lifting ferry revenue to a record for the operator.
The island has two cinemas, bowling alleys and several pubs near the quay.
Prices rose by a tenth, shipping costs said the operator.
`, map[string]bool{"lifting ferry revenue": true, "bowling alleys": false, "shipping costs": false}, func(doc *text.Document, _ *docWords, ments []mention, c *candidate) bool {
		return verbal(doc, ments, c)
	})
}

// TestParticipleObject: a noun and a participle that takes an object or
// completes its verb ("a statement saying that", "the roads
// stretching back") make a clause cut short, no key phrase; a noun of an
// activity or event ("ferry booking", "the harbour shooting this week")
// and a participle before a preposition stay.
func TestParticipleObject(t *testing.T) {
	checkPhraseRule(t, "participleObject", `The council issued a statement saying that the harbour would close.
Traffic queues stretching back to the bridge formed on Friday.
Islanders living in the north said ferry booking was too slow.
The harbour shooting this week shocked the island.
`, map[string]bool{"statement saying": true, "queues stretching": true, "Traffic queues stretching": true,
		"Islanders living": false, "ferry booking": false, "harbour shooting": false}, func(doc *text.Document, _ *docWords, ments []mention, c *candidate) bool {
		return participleObject(doc, ments, c)
	})
}

// TestNumberCut: a rank cut from its figure ("world number" of "world
// number one", "number 2") is no key phrase; a number that is a thing
// ("pin number") stays.
func TestNumberCut(t *testing.T) {
	checkPhraseRule(t, "numberCut", `The Wessex player rose to world number one after the final.
She had been world number two for a year, and her pin number was stolen in March.
`, map[string]bool{"world number": true, "pin number": false}, numberCut)
}

// TestParticipleObjectTime: a noun of an activity in -ing before a time
// ("insider dealing this year", "bond buying this month") is the noun,
// not a reduced clause; "a scheme aiming to" still is one.
func TestParticipleObjectTime(t *testing.T) {
	doc, _, cands, ments := tagCandidates(t, `Insider dealing this year rose sharply, regulators said. Insider dealing this year is a worry.
Bond buying this month by the central bank lifted prices. Bond buying this month was strong.
Ticket touting this summer angered fans at the stadium.`)
	got := map[string]bool{}
	for i := range cands {
		got[strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")] = participleObject(doc, ments, &cands[i])
	}
	n := 0
	for _, p := range []string{"Insider dealing", "Bond buying", "Ticket touting"} {
		if v, ok := got[p]; ok {
			n++
			if v {
				t.Errorf("%q dropped as a clause", p)
			}
		}
	}
	if n == 0 {
		t.Fatalf("no activity phrase among the candidates: %v", got)
	}
}

// headlineCase is an article, a phrase its headline holds at the end of a
// candidate, and whether a headline rule should refuse that candidate.
type headlineCase struct {
	art, phrase string
	want        bool
}

// checkHeadlineRule runs rule on every candidate of each case's article
// that ends in the case's phrase, and wants at least one such candidate.
func checkHeadlineRule(t *testing.T, name string, cases []headlineCase, rule func(doc *text.Document, dw *docWords, ments []mention, c *candidate, hl int) bool) {
	t.Helper()
	for _, tc := range cases {
		doc, dw, cands, ments := tagCandidates(t, tc.art)
		hl := headlineEnd(doc)
		if hl == 0 {
			t.Fatalf("no headline in %q", tc.art)
		}
		found := false
		for i := range cands {
			s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
			if !strings.HasSuffix(s, tc.phrase) {
				continue
			}
			found = true
			if got := rule(doc, dw, ments, &cands[i], hl); got != tc.want {
				t.Errorf("%s(%q) = %v, want %v", name, s, got, tc.want)
			}
		}
		if !found {
			t.Errorf("no candidate ending in %q", tc.phrase)
		}
	}
}

// checkPhraseRule runs rule on the candidates of art and wants each phrase
// of want among them, with rule's answer.
func checkPhraseRule(t *testing.T, name, art string, want map[string]bool, rule func(doc *text.Document, dw *docWords, ments []mention, c *candidate) bool) {
	t.Helper()
	doc, dw, cands, ments := tagCandidates(t, art)
	got := map[string]bool{}
	for i := range cands {
		got[strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")] = rule(doc, dw, ments, &cands[i])
	}
	for p, w := range want {
		v, ok := got[p]
		if !ok {
			t.Errorf("no candidate %q: %v", p, got)
			continue
		}
		if v != w {
			t.Errorf("%s(%q) = %v, want %v", name, p, v, w)
		}
	}
}

// checkNameTail wants nameTail's answer for each candidate of art named
// in want, and each of them among the candidates.
func checkNameTail(t *testing.T, art string, want map[string]int) {
	t.Helper()
	doc, _, cands, ments := tagCandidates(t, art)
	seen := map[string]bool{}
	for i := range cands {
		s := strings.Join(strings.Fields(surface(doc.Text, spans(ments, &cands[i]))), " ")
		w, ok := want[s]
		if !ok {
			continue
		}
		seen[s] = true
		if got := nameTail(doc, ments, &cands[i]); got != w {
			t.Errorf("nameTail(%q) = %d, want %d", s, got, w)
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("no candidate %q", k)
		}
	}
}
