package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/nlptest"
)

// A one-word name that the recogniser tags a person once and an
// organisation more often is one organisation: the mentions join, and
// their majority gives the type (no full name says it is someone).
func TestOneWordOrgMajority(t *testing.T) {
	for _, name := range []string{"Corwin", "Velden", "Unison"} {
		doc, es := run(t, "Alan Rudd, general secretary of "+name+", said the pay offer was an insult. "+
			"\"This is a deal that "+name+" will fight. It puts "+name+" on a collision course with ministers,\" he said.")
		e := owner(doc, es, name, 0)
		if e == nil {
			t.Fatalf("no entity for %s", name)
		}
		if e.Type != ner.Org {
			t.Errorf("%s typed %s, want ORGANIZATION", name, e.Type)
		}
		if o := owner(doc, es, name, 2); o == nil || o.Name != e.Name {
			t.Errorf("the mentions of %s are not one entity", name)
		}
		if p := owner(doc, es, "he", 0); p == nil || p.Name != "Alan Rudd" {
			t.Errorf("%s: \"he\" is not Alan Rudd's", name)
		}
	}
	// a surname still joins its person, whatever the tag of its mentions
	doc, es := run(t, "Peter Galloway resigned on Monday. Galloway said he had no regrets.")
	if p := owner(doc, es, "Galloway", 1); p == nil || p.Type != ner.Person || p.Name != "Peter Galloway" {
		t.Errorf("Galloway: %+v", p)
	}
}

// A government's green or white paper is a document, not a body.
func TestPolicyPaper(t *testing.T) {
	doc, es := run(t, "The ministry set out its plans for rail fares in a Green Paper published on Tuesday.")
	e := owner(doc, es, "Green", 0)
	if e != nil && (e.Type == ner.Org || e.Type == ner.Person || e.Type == ner.Location) {
		t.Errorf("Green Paper typed %s", e.Type)
	}
}

// A prize named alone or by its "Awards" is no person and no body; a
// person with the prize's name as a first name stays one.
func TestAwards(t *testing.T) {
	doc, es := run(t, "The actress won her second Oscar on Sunday night. She thanked the director, "+
		"who had hoped for an Oscar himself. The Harbour Guild Awards will be handed out next week.")
	for _, w := range []string{"Oscar", "Harbour"} {
		if e := owner(doc, es, w, 0); e != nil && (e.Type == ner.Person || e.Type == ner.Org || e.Type == ner.Location) {
			t.Errorf("%s: %q typed %s", w, e.Name, e.Type)
		}
	}
	doc, es = run(t, "Oscar Hammond, the novelist, died on Tuesday. Hammond wrote twelve books.")
	if e := owner(doc, es, "Oscar", 0); e == nil || e.Type != ner.Person {
		t.Errorf("Oscar Hammond: %+v", e)
	}
}

// "A price on the head of Rivaldo": no title, the player stays a person.
func TestHeadOfNoTitle(t *testing.T) {
	doc, es := run(t, "The club has put a price on the head of Rivaldo. Rivaldo has scored nine goals this season.")
	if e := owner(doc, es, "Rivaldo", 0); e != nil && e.Type == ner.Org {
		t.Errorf("Rivaldo typed %s", e.Type)
	}
}

// Abbreviations of kinds of things ("PC", "DVD", "RFID") are no
// organisations or places, whatever the recogniser tags them.
func TestTechTerms(t *testing.T) {
	doc := nlptest.Tagged(t, "Sales of the PC fell while RFID tags spread. The DVD comes out in May.")
	ms := []ner.Mention{}
	for k, tk := range doc.Tokens {
		switch tk.Text {
		case "PC", "RFID":
			ms = append(ms, ner.Mention{Type: ner.Org, Text: tk.Text, Start: tk.Start, End: tk.End, First: k, Last: k + 1})
		case "DVD":
			ms = append(ms, ner.Mention{Type: ner.Location, Text: tk.Text, Start: tk.Start, End: tk.End, First: k, Last: k + 1, Sentence: 1})
		}
	}
	for _, e := range entity.Resolve(doc, ms) {
		if e.Type != ner.Misc {
			t.Errorf("%s typed %s", e.Name, e.Type)
		}
	}
}

// A town tagged an organisation before a comma and a state's abbreviation
// is the town ("Decatur, Ill.-based").
func TestTownThenState(t *testing.T) {
	doc := nlptest.Tagged(t, "Shares of the Decatur, Ill.-based feed supplier climbed after its results.")
	var ms []ner.Mention
	for k, tk := range doc.Tokens {
		if tk.Text == "Decatur" {
			ms = append(ms, ner.Mention{Type: ner.Org, Text: tk.Text, Start: tk.Start, End: tk.End, First: k, Last: k + 1})
		}
	}
	es := entity.Resolve(doc, ms)
	if e := named(es, "Decatur"); e == nil || e.Type != ner.Location || e.CountryCode != "US" {
		t.Errorf("Decatur: %+v", e)
	}
}
