package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A faith is MISC and has no country or coordinates.
func TestReligionNoPlace(t *testing.T) {
	doc, es := run(t, "The cleric said the book gave a narrow view of Islam. Scholars of Islam and Buddhism met in Cairo on Monday.")
	for _, w := range []string{"Islam", "Buddhism"} {
		e := owner(doc, es, w, 0)
		if e == nil || e.Type != ner.Misc || e.CountryCode != "" || e.Region != "" || e.Location != nil {
			t.Errorf("%s = %+v, want MISC without a place", w, e)
		}
	}
}
