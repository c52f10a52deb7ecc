package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A name the recogniser typed a person or a place is an organisation in
// a list of three or more whose other names are organisations ("Intel,
// Samsung and X"); a word that names people stays a person's ("Sony, EMI
// and Usher, who took three prizes").
func TestListedOrg(t *testing.T) {
	for _, tc := range []struct{ text, name string }{
		{"The chip was designed with Intel, Samsung and Tressider, the company said on Monday.", "Tressider"},
		{"The network will carry shows from ABC, CBS and Wexley from next year.", "Wexley"},
	} {
		_, es := run(t, tc.text)
		if e := named(es, tc.name); e == nil || e.Type != ner.Org {
			t.Errorf("%s: %+v, want an organisation", tc.name, e)
		}
	}
	_, es := run(t, "Winners on the night included Sony, EMI and Usher, who took three prizes.")
	if e := named(es, "Usher"); e != nil && e.Type == ner.Org {
		t.Errorf("Usher: %+v, want no organisation", e)
	}
}

// The names of a list after "bands like", "bands such as" or "bands
// including" are bands, whatever the recogniser typed them.
func TestBandListed(t *testing.T) {
	const text = "The summer festival will feature bands such as Molly Vance, Keel and the Herons on its main stage."
	_, es := run(t, text)
	for _, name := range []string{"Molly Vance", "Keel", "Herons"} {
		if e := named(es, name); e == nil || e.Type != ner.Org {
			t.Errorf("%s: %+v, want an organisation", name, e)
		}
	}
	_, es = run(t, "It has sold records by bands like Ada Finch, Jenkins and the Lintels.")
	for _, name := range []string{"Ada Finch", "Jenkins", "Lintels"} {
		if e := named(es, name); e == nil || e.Type != ner.Org {
			t.Errorf("%s: %+v, want an organisation", name, e)
		}
	}
}
