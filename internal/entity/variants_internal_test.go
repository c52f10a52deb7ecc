package entity

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// A country's name tagged as an organisation ("China said" as a
// government) does not join a company whose name begins with it or is it
// with a legal form.
func TestCountryNotCompany(t *testing.T) {
	doc := text.Analyze(`China Construction Bank said profits rose. China said the economy would grow.
Israel Corp. said its shares fell. Israel said it would not change the tax.`)
	es := Resolve(doc, mentionsOf(doc, gold{"China Construction Bank", ner.Org}, gold{"China", ner.Org},
		gold{"Israel Corp.", ner.Org}, gold{"Israel", ner.Org}))
	for _, co := range []string{"China Construction Bank", "Israel Corp."} {
		e := find(es, co)
		if e == nil {
			t.Fatalf("no %s in %+v", co, es)
		}
		if got := mentionTexts(doc, e, Proper); len(got) != 1 {
			t.Errorf("%s mentions %q", co, got)
		}
	}
}
