package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A hyphenated modifier names a place only when its word is one:
// "Java-based tools" are no Indonesian island's, an "Orange-owned"
// network is no Californian town's; "Moscow-backed" and "Ohio-based"
// still name places.
func TestModifierNotPlace(t *testing.T) {
	_, es := run(t, "Sun released new Java-based tools on Monday, and the Orange-owned network bid for the licence.")
	for _, name := range []string{"Java", "Orange"} {
		if e := named(es, name); e != nil && (e.Type == ner.Location || e.Location != nil || e.CountryCode != "") {
			t.Errorf("%s = %+v, want no place", name, e)
		}
	}
	_, es = run(t, "A Moscow-backed group bought the Ohio-based mill on Friday.")
	for _, tc := range []struct{ name, code string }{{"Moscow", "RU"}, {"Ohio", "US"}} {
		if e := named(es, tc.name); e == nil || e.Type != ner.Location || e.CountryCode != tc.code {
			t.Errorf("%s = %+v, want a place in %s", tc.name, e, tc.code)
		}
	}
}
