package entity

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// A subsidiary abroad whose name holds its parent's ("Sun Kolbrew",
// Russia's brewer, and "Belgium's Kolbrew") is another body than the
// parent: the short form given another country does not join the longer
// name; given none, or the same one, it still does ("Britain's Treasury"
// beside the UK Treasury).
func TestSubsidiaryNamedAfterParent(t *testing.T) {
	doc := text.Analyze(`Harbrew agreed to buy the last outside stake in Sun Kolbrew, Russia's third-largest brewer.
Sun Kolbrew said the deal would close in March. Harbrew was formed when Belgium's Kolbrew bought a Brazilian rival.`)
	es := Resolve(doc, mentionsOf(doc, gold{"Harbrew", ner.Org}, gold{"Sun Kolbrew", ner.Org}, gold{"Kolbrew", ner.Org},
		gold{"Russia", ner.Location}, gold{"Belgium", ner.Location}, gold{"Brazilian", ner.Nationality}))
	sub := find(es, "Sun Kolbrew")
	if sub == nil {
		t.Fatalf("no Sun Kolbrew in %+v", es)
	}
	if got := mentionTexts(doc, sub, Proper); len(got) != 2 {
		t.Errorf("Sun Kolbrew mentions %q, want the two of Sun Kolbrew only", got)
	}
	if find(es, "Kolbrew") == nil {
		t.Errorf("no Kolbrew of its own")
	}

	doc = text.Analyze(`Sun Kolbrew said the deal would close in March. Analysts said Kolbrew had paid too much.`)
	es = Resolve(doc, mentionsOf(doc, gold{"Sun Kolbrew", ner.Org}, gold{"Kolbrew", ner.Org}))
	if e := find(es, "Sun Kolbrew"); e == nil || len(mentionTexts(doc, e, Proper)) != 2 {
		t.Errorf("Kolbrew without a country did not join Sun Kolbrew: %+v", es)
	}

	doc = text.Analyze(`The UK Treasury said borrowing would fall. Critics said Britain's Treasury had been too hopeful.`)
	es = Resolve(doc, mentionsOf(doc, gold{"UK Treasury", ner.Org}, gold{"Treasury", ner.Org}, gold{"Britain", ner.Location}))
	if e := find(es, "UK Treasury"); e == nil || len(mentionTexts(doc, e, Proper)) != 2 {
		t.Errorf("Britain's Treasury did not join the UK Treasury: %+v", es)
	}
}
