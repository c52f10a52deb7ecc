package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// An acronym defined in brackets after its name's possessive, or used
// without a definition, joins the name even where the recogniser typed
// the name MISC (its "Olympic", "Football"); the entity is then an
// organisation.
func TestAcronymOfMiscBody(t *testing.T) {
	doc, es := run(t, `The IOC will visit the city next month, officials said.
The team spent a week showing the International Olympic Committee's (IOC) inspectors round the new stadium.
Later the IOC praised the plans, and the mayor said the bid was strong.`)
	a, b := owner(doc, es, "IOC", 0), owner(doc, es, "International Olympic Committee", 0)
	if a == nil || a != b || a.Type != ner.Org {
		t.Errorf("IOC and the International Olympic Committee not one organisation: %v / %v", a, b)
	}
	doc, es = run(t, `Two teams will join the Western Football League next season, its board said on Monday.
The WFL has sixteen clubs, and the new ones will play from March.`)
	a, b = owner(doc, es, "WFL", 0), owner(doc, es, "Western Football League", 0)
	if a == nil || a != b || a.Type != ner.Org {
		t.Errorf("WFL and the Western Football League not one organisation: %v / %v", a, b)
	}
}

// A plural party name after a headline is the party when it opens the
// body's first clause and acts ("The Liberal Democrats have pledged"): the
// headline's last word is no word of its clause.
func TestPartyAfterHeadline(t *testing.T) {
	doc, es := run(t, `Lib Dems back rural rail plan

The Liberal Democrats have pledged to reopen forty rural lines if they win power.

The party's plan would cost about two billion pounds over ten years, its transport spokesman said.`)
	if e := owner(doc, es, "Liberal Democrats", 0); e == nil || e.Type != ner.Org {
		t.Errorf("Liberal Democrats after a headline: %v", e)
	}
}

// An acronym that is also a town's name joins the organisation whose
// initials it spells, and an acronym defined in apposition ("X, the Long
// Name,") joins the name even when it comes first.
func TestAcronymMore(t *testing.T) {
	doc, es := run(t, `The case pits the Associated Boatbuilders Alliance against the regulator.
In 1991, the ABA and six lenders sued again, the court heard.`)
	a, b := owner(doc, es, "ABA", 0), owner(doc, es, "Associated Boatbuilders Alliance", 0)
	if a == nil || a != b {
		t.Errorf("ABA and the Associated Boatbuilders Alliance not one entity: %v / %v", a, b)
	}
	doc, es = run(t, `Members voted to back the WMTC process on Monday.
WMTC, the World Marine Trades Council, has been working on the rules for two years.
The WMTC will publish them in June.`)
	a, b = owner(doc, es, "WMTC", 0), owner(doc, es, "World Marine Trades Council", 0)
	if a == nil || a != b {
		t.Errorf("WMTC and the World Marine Trades Council not one entity: %v / %v", a, b)
	}
}

// An acronym keeps the letters of an acronym inside the name it stands
// for (UK + Independence + Party: UKIP).
func TestAcronymSpelled(t *testing.T) {
	doc, es := run(t, `Delegates of the UK Harbour League met in Leeds on Friday.
The UKHL said fees would rise next year.`)
	a, b := owner(doc, es, "UKHL", 0), owner(doc, es, "UK Harbour League", 0)
	if a == nil || a != b {
		t.Errorf("UKHL and the UK Harbour League not one entity: %v / %v", a, b)
	}
}

// An acronym spells a company's name without its legal form: "GM" after
// "General Motors Corp." is the company; the legal form's own initial
// ("GMC") stays another thing when the text writes both.
func TestAcronymWithoutLegalForm(t *testing.T) {
	doc, es := run(t, `Detroit carmaker Gable Motors Corp. said on Monday it would cut 2,000 jobs at two plants. GM shares fell 3 percent in early trade, and analysts said GM had moved too slowly.`)
	if e := owner(doc, es, "GM", 0); e == nil || e.Name != "Gable Motors Corp." {
		t.Errorf("GM belongs to %v, want Gable Motors Corp.", e)
	}
}

// An acronym the text defines after common words that spell it ("net
// asset value (NAV)", "price earnings ratio (PE)") is a common noun: no
// entity, and "the group" is the company.
func TestAcronymOfCommonWords(t *testing.T) {
	doc, es := run(t, `Investment trust Harlow Capital Plc on Tuesday reported a rise in its net asset value (NAV) per share. NAV rose by 4 percent in the half. The group said its shares traded on a price earnings ratio (PE) of 14, against a PE of 12 last year.`)
	for _, name := range []string{"NAV", "PE"} {
		if e := named(es, name); e != nil {
			t.Errorf("%s is an entity of %d mentions", name, len(e.Mentions))
		}
	}
	if e := owner(doc, es, "The group", 0); e == nil || e.Name != "Harlow Capital Plc" {
		t.Errorf("The group belongs to %v, want Harlow Capital Plc", e)
	}
}
