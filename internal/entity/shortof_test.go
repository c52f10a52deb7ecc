package entity_test

import "testing"

// TestShortOfLaterFirm: a company's bare first word joins the company
// named before it in a form that begins with it, when the text gives the
// company's whole name only later ("merge with X Tokyo ... a deal with X
// ... X Tokyo Financial Group"); not when another organisation's name
// begins with the same word ("X Shipping").
func TestShortOfLaterFirm(t *testing.T) {
	for _, c := range []struct {
		text string
		join bool
	}{
		{"Harbour Lane Bank dropped its bid on Monday, leaving Kestrel Tokyo free to merge with Ostrava Holdings. " +
			"The deal with Kestrel would create the biggest bank in Japan. " +
			"Ostrava had long preferred the offer from Kestrel Tokyo Financial Group, its board said.", true},
		{"Harbour Lane Bank dropped its bid on Monday, leaving Kestrel Tokyo free to merge with Ostrava Holdings. " +
			"The deal with Kestrel would create the biggest bank in Japan, and Kestrel Shipping said it would not take part. " +
			"Ostrava had long preferred the offer from Kestrel Tokyo Financial Group, its board said.", false},
	} {
		doc, es := run(t, c.text)
		short := owner(doc, es, "Kestrel would", 0)
		long := named(es, "Kestrel Tokyo Financial Group")
		if long == nil {
			t.Errorf("%q: no Kestrel Tokyo Financial Group", c.text)
			continue
		}
		if got := short != nil && short.Name == long.Name; got != c.join {
			t.Errorf("%q: Kestrel joins Kestrel Tokyo Financial Group: %v, want %v", c.text, got, c.join)
		}
	}
}
