package entity_test

import "testing"

// "the House" in a story that names both chambers of Parliament may be
// either ("all sides of the House" in a Commons story that names the
// Lords first); with one chamber named it is that one.
func TestHouseBesideBothChambers(t *testing.T) {
	doc, es := run(t, "Peers set to fight terror bill\n\nMPs backed the bill on Monday, but the House of Lords is expected to oppose it next week. "+
		"The Commons vote was closer than ministers had hoped. The home secretary said the government had not lost the confidence of the House.")
	if e := owner(doc, es, "House", 1); e != nil && e.Name == "House of Lords" {
		t.Errorf("the House of a Commons story joined the House of Lords")
	}
	doc, es = run(t, "Peers set to fight terror bill\n\nThe House of Lords is expected to oppose the bill next week. "+
		"The leader of the peers said the government had lost the confidence of the House.")
	if e := owner(doc, es, "House", 1); e == nil || e.Name != "House of Lords" {
		t.Errorf("the House = %+v, want the House of Lords", e)
	}
}
