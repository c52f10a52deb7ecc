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

// "the Lords" and "the Commons" are the chambers the text names as the
// House of Lords and the House of Commons, before or after the full name;
// beside the Law Lords "the Lords" may be either.
func TestChamberShortForms(t *testing.T) {
	doc, es := run(t, "The bill was rejected by the Lords on Tuesday. Ministers said the House of Lords had ignored "+
		"the will of the elected chamber, and the Commons would vote again.\n\nThe House of Commons sits on Monday.")
	if e := owner(doc, es, "Lords", 0); e == nil || e.Name != "House of Lords" {
		t.Errorf("the Lords = %+v, want the House of Lords", e)
	}
	if e := owner(doc, es, "Commons", 0); e == nil || e.Name != "House of Commons" {
		t.Errorf("the Commons = %+v, want the House of Commons", e)
	}
	doc, es = run(t, "The appeal went to the Lords in March. The Law Lords had ruled on a similar case, and "+
		"the House of Lords will debate the bill next week.")
	if e := owner(doc, es, "Lords", 0); e != nil && e.Name == "House of Lords" {
		t.Errorf("the Lords beside the Law Lords joined the House of Lords")
	}
}

// A "House of X" that is no chamber (a club, a store) does not take "the
// X" of the same text as its short form.
func TestHouseOfNoChamber(t *testing.T) {
	doc, es := run(t, "The band played at the House of Blues in Chicago on Friday. On Saturday, Chelsea fans cheered as the Blues won 2-0.")
	if e := owner(doc, es, "Blues", 1); e != nil && e.Name == "House of Blues" {
		t.Errorf("the Blues, a football team, joined the House of Blues")
	}
}
