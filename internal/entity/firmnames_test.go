package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A company's short name written before its full name joins it when the
// full name adds only a legal form, a company noun or "International",
// and introduces the company; a unit named after its parent stays apart.
func TestFirmNamesBefore(t *testing.T) {
	doc, es := run(t, `Quillon shares fell on Monday after the results.
Quillon Airlines Ltd. said its profit fell by a third in the year to March, as fuel costs rose.
The carrier has cut two routes, and Quillon expects more cuts next year.`)
	if a, b := owner(doc, es, "Quillon", 0), owner(doc, es, "Quillon", 2); a == nil || a != b || a.Name != "Quillon Airlines Ltd." {
		t.Errorf("Quillon before Quillon Airlines Ltd. not one entity named in full: %v / %v", a, b)
	}
	doc, es = run(t, `Card group Varrow said on Tuesday it would cut fees for shops.
Varrow International, based in Delaware, runs a network of 20 million cards.
Its rival Pellin has not followed, and Varrow expects to gain share.`)
	if a, b := owner(doc, es, "Varrow", 0), owner(doc, es, "Varrow", 2); a == nil || a != b || a.Name != "Varrow International" {
		t.Errorf("Varrow before Varrow International not one entity named in full")
	}
	// the parent named again and again before its unit: two companies
	doc, es = run(t, `Dunmore said on Friday that profits rose by 12 percent.
The group's chief executive said Dunmore would keep its dividend.
Dunmore owns mines in Chile and Peru, and sells copper in Asia.
Its oil arm, Dunmore Petroleum Ltd., made a loss in the year.`)
	if a, b := owner(doc, es, "Dunmore", 0), owner(doc, es, "Dunmore", 3); a != nil && a == b {
		t.Errorf("Dunmore joined its unit %q", a.Name)
	}
	doc, es = run(t, `Sinter said on Friday that profits rose by 12 percent.
Its unit Sinter Exploration Co. found oil off the coast of Angola, the company said.`)
	if a, b := owner(doc, es, "Sinter", 0), owner(doc, es, "Sinter", 1); a != nil && a == b {
		t.Errorf("Sinter joined its unit %q", a.Name)
	}
}

// A one-word name the recogniser typed a person in one sentence and MISC
// in another is one entity, a thing's; a person's full name stays a
// person.
func TestPersonMiscSplit(t *testing.T) {
	doc, es := run(t, "Shares rose after the launch of the Zorvane phone.\nZorvane has sold two million units, the firm said.\nCritics said Zorvane was too expensive.")
	a, b := owner(doc, es, "Zorvane", 0), owner(doc, es, "Zorvane", 2)
	if a == nil || a != b || a.Type == ner.Person {
		t.Errorf("Zorvane split or a person: %v / %v", a, b)
	}
}
