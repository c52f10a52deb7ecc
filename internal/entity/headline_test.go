package entity_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/nlptest"
)

// resolved runs the recogniser and Resolve on src and returns its
// entities by name, with each entity's mentions as written.
func resolved(t *testing.T, src string) (map[string]entity.Entity, map[string][]string) {
	t.Helper()
	doc, ms := nlptest.Mentions(t, src)
	byName, texts := map[string]entity.Entity{}, map[string][]string{}
	for _, e := range entity.Resolve(doc, ms) {
		byName[e.Name] = e
		for _, m := range e.Mentions {
			texts[e.Name] = append(texts[e.Name], src[m.Span.Start:m.Span.End])
		}
	}
	t.Cleanup(func() {
		if t.Failed() {
			for n, e := range byName {
				t.Logf("%s %s %s %+v %q", n, e.Type, e.CountryCode, e.Roles, texts[n])
			}
		}
	})
	return byName, texts
}

// A sentence-case headline's "Council" is the body's one council, or
// nothing when the body names none; with two councils it is left alone.
func TestHeadlineHeadNoun(t *testing.T) {
	es, texts := resolved(t, `Council votes to close two libraries

Ashford Borough Council voted on Wednesday to close the libraries in Kennington and Willesborough to save money. Library users said they would fight the decision.`)
	if _, ok := es["Council"]; ok {
		t.Errorf("the headline's Council is an entity of its own")
	}
	if got := strings.Join(texts["Ashford Borough Council"], "|"); got != "Council|Ashford Borough Council" {
		t.Errorf("Ashford Borough Council mentions = %q", got)
	}

	es, _ = resolved(t, `Council approves higher parking charges

The council voted on Tuesday to raise parking charges in the town centre by a third. Shop owners said the rise would drive customers away.`)
	if e, ok := es["Council"]; ok {
		t.Errorf("headline Council with no council named: entity %s", e.Type)
	}

	es, _ = resolved(t, `Council backs Ridgeford bridge repairs

Ridgeford City Council and Ellmont District Council agreed on Tuesday to share the cost of repairing the bridge between the two towns.`)
	if _, ok := es["Council"]; !ok {
		t.Errorf("headline Council with two councils named was joined or dropped")
	}
}

// A place named alone beside the body named after it ("X City Council",
// "University of X") is a place.
func TestPlaceOfBody(t *testing.T) {
	es, _ := resolved(t, `Council backs Ridgeford bridge repairs

Ridgeford City Council and Ellmont District Council agreed on Tuesday to share the cost of repairing the bridge between the two towns.`)
	if e := es["Ridgeford"]; e.Type != ner.Location {
		t.Errorf("Ridgeford: %q, want LOCATION", e.Type)
	}
	es, _ = resolved(t, `New riverside homes for Hamilton get go-ahead

Hamilton City Council on Monday approved 300 homes by the river. Mayor Jo Kerr said building would start in the spring.`)
	if e := es["Hamilton"]; e.Type != ner.Location || e.CountryCode == "" {
		t.Errorf("Hamilton: %q %q, want LOCATION with a country code", e.Type, e.CountryCode)
	}
}

// A possessive description before or after a name gives the person a role
// held in the entity the description refers to.
func TestDescriptionRoles(t *testing.T) {
	es, _ := resolved(t, `Stadium plan for Brackley wins backing

Brackley Town Council on Monday backed plans for a new stadium beside the river. The council's planning officer, Jim Hale, said building could begin in March.`)
	if ro := es["Jim Hale"].Roles; len(ro) == 0 || ro[0] != (entity.Role{Title: "planning officer", Affiliation: "Brackley Town Council"}) {
		t.Errorf("Jim Hale roles = %+v", ro)
	}
	es, _ = resolved(t, `Council and board clash over school buses

Marston County Council and Marston Education Board disagreed on Thursday over who should pay for school buses. Sarah Lyle, the board's finance director, said the county had cut its grant.`)
	if ro := es["Sarah Lyle"].Roles; len(ro) == 0 || ro[0] != (entity.Role{Title: "finance director", Affiliation: "Marston Education Board"}) {
		t.Errorf("Sarah Lyle roles = %+v", ro)
	}
}

// A description's "new" is no part of the title, and a bare title the
// name's own words gave takes the description's affiliation; a name that
// is its own demonym keeps its possessive out of the title.
func TestDescribedRoleMerge(t *testing.T) {
	es, _ := resolved(t, `Harbour board names engineer

The Port Selwyn Harbour Board appointed a new engineer on Friday. Tom Reid, the board's new engineering manager, starts in May.`)
	if ro := es["Tom Reid"].Roles; len(ro) != 1 || ro[0] != (entity.Role{Title: "engineering manager", Affiliation: "Port Selwyn Harbour Board"}) {
		t.Errorf("Tom Reid roles = %+v", ro)
	}
	es, _ = resolved(t, `Rock talks resume

Talks resumed in Malaga on Monday.
Gibraltar's Chief Minister Ana Ruiz will lead the delegation.`)
	if ro := es["Ana Ruiz"].Roles; len(ro) != 1 || ro[0] != (entity.Role{Title: "Chief Minister", Affiliation: "Gibraltar"}) {
		t.Errorf("Ana Ruiz roles = %+v", ro)
	}
}

// "Its finance director, X," names the organisation "its" refers to; a
// police rank before a name is a title, not part of the name.
func TestPronounDescriptionRoles(t *testing.T) {
	es, _ := resolved(t, `Water board raises charges

The Kestrel Valley Water Board raised its charges by 8 per cent on Monday. Its operations director, Ann Lee, said the rise would pay for new pipes.`)
	if ro := es["Ann Lee"].Roles; len(ro) != 1 || ro[0] != (entity.Role{Title: "operations director", Affiliation: "Kestrel Valley Water Board"}) {
		t.Errorf("Ann Lee roles = %+v", ro)
	}
	es, _ = resolved(t, `Detective Inspector Ruth Ames said on Sunday that two men had been arrested after the raid.`)
	if ro := es["Ruth Ames"].Roles; len(ro) != 1 || ro[0].Title != "Detective Inspector" {
		t.Errorf("Ruth Ames roles = %+v (entities %d)", ro, len(es))
	}
}

// A town the gazetteer knows, written as the place of "the X area of" or
// as the place a council named in the text is named after, takes its
// country code with no other place of its country named.
func TestTownOfBodyCoded(t *testing.T) {
	es, _ := resolved(t, `Flooded roads reopen

Repairs to the roads in the Eastfield area of Darlington finished on Monday, a week after the storm.`)
	if e := es["Darlington"]; e.CountryCode != "GB" {
		t.Errorf("Darlington (area of): %s %q, want GB", e.Type, e.CountryCode)
	}
	es, _ = resolved(t, `Bins to be collected fortnightly

Darlington Council said on Monday that bins would be emptied every two weeks from April. The new plan for Darlington will save money, the council said.`)
	if e := es["Darlington"]; e.Type != ner.Location || e.CountryCode != "GB" {
		t.Errorf("Darlington (beside Darlington Council): %s %q, want LOCATION GB", e.Type, e.CountryCode)
	}
}

// A place part of a body's name that stands for a side, a club or a
// university (an opponent, a club one signs for, "the Kent captain",
// "students at Leeds", "ranked Warwick first") is not made a place.
func TestPlaceOfBodyActsAsSide(t *testing.T) {
	for _, c := range []struct{ src, name string }{
		{`Celtic beat Hamilton

Celtic beat Hamilton 2-1 on Saturday. Hamilton City Council said the stadium repairs were finished in time.`, "Hamilton"},
		{`Cambridge win Boat Race

Cambridge beat Oxford by three lengths on Sunday. The University of Oxford said it was proud of the crew.`, "Oxford"},
		{`Warwick top league table

The survey ranked Warwick first for teaching. A spokesman for the University of Warwick said staff were delighted.`, "Warwick"},
		{`Surrey sign bowler

The bowler has signed for Surrey on a two-year deal. Surrey County Council said the ground at The Oval would be repaired.`, "Surrey"},
		{`Students at Leeds protest

Students at Leeds have occupied a lecture hall. The University of Leeds said talks would continue. Leeds City Council said the police were not needed.`, "Leeds"},
		{`Kent captain hits century

The Kent captain hit a century against Essex on Monday. Kent County Council praised the win.`, "Kent"},
		{`Hamilton beat Celtic

Hamilton beat Celtic 2-1 on Saturday. Hamilton City Council said the stadium repairs were finished in time.`, "Hamilton"},
		{`Boat Race result

Oxford's crew won by three lengths on Sunday. The University of Oxford said it was proud of them.`, "Oxford"},
		{`Surrey win title

Surrey clinched the title with a win over Kent at The Oval. Kent County Council and Surrey County Council will host a reception.`, "Kent"},
	} {
		es, _ := resolved(t, c.src)
		if e, ok := es[c.name]; !ok || e.Type == ner.Location {
			t.Errorf("%s in %q: %q (found %v), want the side, not a place", c.name, c.src[:strings.IndexByte(c.src, '\n')], e.Type, ok)
		}
	}
	// the place itself still is one
	es, _ := resolved(t, `Flood defences for Hamilton approved

Homes in Hamilton will be protected by the new wall. Hamilton City Council approved the plan on Monday.`)
	if e := es["Hamilton"]; e.Type != ner.Location {
		t.Errorf("Hamilton (homes in): %q, want LOCATION", e.Type)
	}
}

// A detective's rank is one title with the rank after it.
func TestDetectiveRank(t *testing.T) {
	es, _ := resolved(t, `Police appeal after crash

Lancashire Police said on Monday that two people were hurt. Detective Sergeant Ann Ross said witnesses should call. Detective Chief Inspector Tom Hale led the inquiry.`)
	es2, _ := resolved(t, `Sheriff Joe Arpaio said on Monday that the jail would close. Boeing's chief engineer, Sam Ross, said the jet was safe.`)
	for name, want := range map[string]string{"Joe Arpaio": "Sheriff", "Sam Ross": "chief engineer"} {
		if ro := es2[name].Roles; len(ro) != 1 || ro[0].Title != want {
			t.Errorf("%s roles = %+v, want one %q", name, ro, want)
		}
	}
	for name, want := range map[string]string{"Ann Ross": "Detective Sergeant", "Tom Hale": "Detective Chief Inspector"} {
		if ro := es[name].Roles; len(ro) != 1 || ro[0].Title != want {
			t.Errorf("%s roles = %+v, want one %q", name, ro, want)
		}
	}
}

// A headline's head noun that names one body on its own ("Congress") is
// kept with no body of that name in the text; a description's gendered
// head gives the person a gender.
func TestHeadlineSelfNamedAndDescribedGender(t *testing.T) {
	es, _ := resolved(t, `Congress passes budget

Lawmakers voted 220 to 210 on Tuesday to approve the budget. Democrats said the cuts went too far.`)
	if _, ok := es["Congress"]; !ok {
		t.Errorf("the headline's Congress was dropped")
	}
	es, _ = resolved(t, `Library hours cut

Brackley Town Council cut library hours on Monday. The council's spokeswoman, Jo Kerr, said the savings were needed.`)
	if e := es["Jo Kerr"]; e.Gender != 'f' || len(e.Roles) == 0 {
		t.Errorf("Jo Kerr: gender %q roles %+v, want f from spokeswoman", e.Gender, e.Roles)
	}
}

// A description after the name whose title is two heads ("chief
// engineer", "vice president") gives the role; a bare title before the
// name that ends it takes the description's affiliation.
func TestDescriptionTwoHeads(t *testing.T) {
	es, _ := resolved(t, `Harbour board names engineer

The Port Selwyn Harbour Board met on Friday. Engineer Tom Reid, the board's chief engineer, will lead the work. Ann Lee, the board's vice president, agreed.`)
	for name, want := range map[string]string{"Tom Reid": "chief engineer", "Ann Lee": "vice president"} {
		if ro := es[name].Roles; len(ro) != 1 || ro[0] != (entity.Role{Title: want, Affiliation: "Port Selwyn Harbour Board"}) {
			t.Errorf("%s roles = %+v, want one %q of the board", name, ro, want)
		}
	}
}

// A lower-case title word after "to" that follows a verb of trying, or
// after a modal, is a verb ("engineer" of "tried to engineer"); after a
// noun's "to" it is still a title.
func TestTitleWordAsVerb(t *testing.T) {
	es, _ := resolved(t, `Board moves against chairman

Shareholders tried to engineer John Smith's removal as chairman on Monday. Rebels made a bid to engineer Ann Lee's exit too. The union sent a letter to chief executive Tom Hale.`)
	for _, name := range []string{"John Smith", "Ann Lee"} {
		if ro := es[name].Roles; len(ro) != 0 {
			t.Errorf("%s roles = %+v, want none", name, ro)
		}
	}
	if ro := es["Tom Hale"].Roles; len(ro) != 1 || ro[0].Title != "chief executive" {
		t.Errorf("Tom Hale roles = %+v, want chief executive", ro)
	}
}

// A police rank before one word alone stays in the name (a film's
// "Detective Pikachu", "Inspector Gadget"), as before 5385d90 made the
// ranks titles; before a full name it is a title.
func TestStoryRankOneWord(t *testing.T) {
	es, _ := resolved(t, `Detective Pikachu tops box office

Detective Pikachu took $54 million at the box office at the weekend, Warner Bros said. Inspector Gadget was second, and Detective Jo Hart reviewed both.`)
	for _, name := range []string{"Detective Pikachu", "Inspector Gadget"} {
		if _, ok := es[name]; !ok {
			t.Errorf("no entity %q", name)
		}
	}
	if ro := es["Jo Hart"].Roles; len(ro) != 1 || ro[0].Title != "Detective" {
		t.Errorf("Jo Hart roles = %+v, want Detective", ro)
	}
}
