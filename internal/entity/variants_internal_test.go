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

// A person's full name is the person, not the company named after them
// ("Ralph Lauren" and "Ralph Lauren Corp."), even when no person of the
// name came before; a one-word name tagged as a person joins the company.
func TestFounderNotCompany(t *testing.T) {
	doc := text.Analyze(`Tessa Marlowe Corp. shares rose on Monday. Tessa Marlowe said she loved the new line.
Vencor Inc. said it would buy a hospital. Vencor said the deal would close in March.`)
	es := Resolve(doc, mentionsOf(doc, gold{"Tessa Marlowe Corp.", ner.Org}, gold{"Tessa Marlowe", ner.Person},
		gold{"Vencor Inc.", ner.Org}, gold{"Vencor", ner.Person}))
	if e := find(es, "Tessa Marlowe Corp."); e == nil || len(mentionTexts(doc, e, Proper)) != 1 {
		t.Errorf("Tessa Marlowe joined her company")
	}
	if e := find(es, "Vencor Inc."); e == nil || len(mentionTexts(doc, e, Proper)) != 2 {
		t.Errorf("Vencor tagged as a person did not join Vencor Inc.")
	}
}

// "& Co." and the legal forms of other countries ("SA", "SE", "AB") end
// a company's name too.
func TestLegalFormAmpersand(t *testing.T) {
	doc := text.Analyze(`J.R. Harwick & Co. and Solvane SA reported results on Monday.
J.R. Harwick rose 2 percent, and Solvane fell.`)
	es := Resolve(doc, mentionsOf(doc, gold{"J.R. Harwick & Co.", ner.Org}, gold{"Solvane SA", ner.Org},
		gold{"J.R. Harwick", ner.Org}, gold{"Solvane", ner.Org}))
	for _, n := range []string{"J.R. Harwick & Co.", "Solvane SA"} {
		if e := find(es, n); e == nil || len(mentionTexts(doc, e, Proper)) != 2 {
			t.Errorf("%s and its short name not one entity", n)
		}
	}
}

// A name that is only a small town's (under 100,000 people) gets the town
// when the text speaks of its country or writes it as a place, and
// nothing otherwise ("Cicero" the Roman author tagged as a place).
func TestSmallTownNeedsEvidence(t *testing.T) {
	for _, tc := range []struct {
		text  string
		gs    []gold
		place bool
	}{
		{"Scholars quote classical authors such as Cicero more often than modern ones.", []gold{{"Cicero", ner.Location}}, false},
		{"Police in Cicero said the road would reopen.", []gold{{"Cicero", ner.Location}}, true},
		{"The mayor of Chicago said Cicero would get new buses.", []gold{{"Chicago", ner.Location}, {"Cicero", ner.Location}}, true},
		{"The camp lies 40 km east of Longyearbyen on the main island.", []gold{{"Longyearbyen", ner.Location}}, true},
		{"The rocket lifted off from the Baikonur cosmodrome at dawn.", []gold{{"Baikonur", ner.Location}}, true},
		// the country's name alone does not place a town of it
		{"Phone makers in the US must cut prices, said Jupiter.", []gold{{"US", ner.Location}, {"Jupiter", ner.Location}}, false},
		{"Phone makers in Texas must cut prices, said Jupiter.", []gold{{"Texas", ner.Location}, {"Jupiter", ner.Location}}, true},
	} {
		doc := text.Analyze(tc.text)
		es := Resolve(doc, mentionsOf(doc, tc.gs...))
		e := find(es, tc.gs[len(tc.gs)-1].s)
		if e == nil || (e.Location != nil) != tc.place || (e.CountryCode != "") != tc.place {
			t.Errorf("%q: %+v, want the town %v", tc.text, e, tc.place)
		}
	}
}

// "the District of Columbia" with only "Columbia" tagged is the region the
// words before complete, not the town of Columbia.
func TestRegionNameCompleted(t *testing.T) {
	doc := text.Analyze("A court in the District of Columbia ruled on Friday.")
	es := Resolve(doc, mentionsOf(doc, gold{"Columbia", ner.Location}))
	if e := find(es, "District of Columbia"); e == nil || e.Region != "US-DC" || e.Location != nil {
		t.Errorf("entities %+v, want the District of Columbia (US-DC)", es)
	}
}

// A party and its state before a member's name tagged as a person are not
// the name: "Ohio Democrat Whitford" is Whitford.
func TestPartyBeforeName(t *testing.T) {
	doc := text.Analyze("Representative Dana Whitford spoke first. Later Ohio Democrat Whitford said the bill would fail.")
	es := Resolve(doc, mentionsOf(doc, gold{"Dana Whitford", ner.Person}, gold{"Ohio Democrat Whitford", ner.Person}))
	if e := find(es, "Dana Whitford"); e == nil || len(mentionTexts(doc, e, Proper)) != 2 {
		t.Errorf("entities %+v, want Dana Whitford twice", es)
	}
}

// A surname that is also a city's name, tagged as the city alone after
// the person's full name and not written as a place, is the person
// ("Washington said"); written as a place it stays the city.
func TestSurnameNotCity(t *testing.T) {
	doc := text.Analyze("The actor Denzel Washington opened the festival. Washington said he loved it.")
	es := Resolve(doc, mentionsOf(doc, gold{"Denzel Washington", ner.Person}, gold{"Washington", ner.Location}))
	if e := find(es, "Denzel Washington"); e == nil || len(mentionTexts(doc, e, Proper)) != 2 {
		t.Errorf("entities %+v, want the actor twice", es)
	}
	doc = text.Analyze("The actor Denzel Washington opened the festival. He flew in from Washington on Friday.")
	es = Resolve(doc, mentionsOf(doc, gold{"Denzel Washington", ner.Person}, gold{"Washington", ner.Location}))
	if e := find(es, "Denzel Washington"); e == nil || len(mentionTexts(doc, e, Proper)) != 1 {
		t.Errorf("entities %+v, want the city apart", es)
	}
}

// "Tunisian-born Abdel Karimi" tagged as one person: the modifier is no
// part of the name.
func TestBornModifierNotInName(t *testing.T) {
	doc := text.Analyze("The prize went to Tunisian-born Abdel Karimi on Friday. Karimi thanked his cast.")
	es := Resolve(doc, mentionsOf(doc, gold{"Tunisian-born Abdel Karimi", ner.Person}, gold{"Karimi", ner.Person}))
	if e := find(es, "Abdel Karimi"); e == nil || e.Type != ner.Person {
		t.Errorf("entities %+v, want Abdel Karimi", es)
	}
}

// A one-word name tagged a person with nothing that makes it one (no
// first name, title, honorific or gender) is an organisation when its
// word's GloVe vector says so clearly (orgvec.go); a surname stays a
// person.
func TestOrgWord(t *testing.T) {
	doc := text.Analyze("Sales of the new console rose in March, said Boeing. Shearer said the team would win.")
	es := Resolve(doc, mentionsOf(doc, gold{"Boeing", ner.Person}, gold{"Shearer", ner.Person}))
	if e := find(es, "Boeing"); e == nil || e.Type != ner.Org {
		t.Errorf("Boeing: %+v", e)
	}
	if e := find(es, "Shearer"); e == nil || e.Type != ner.Person {
		t.Errorf("Shearer: %+v", e)
	}
}

// A name tagged a place now and then beside a company named by it far more
// often joins the company, even when a use reads as a place ("a stake in
// Harbex").
func TestPlaceJoinsFrequentCompany(t *testing.T) {
	doc := text.Analyze("Harbex Plc said profits rose. Harbex expects more growth, and Harbex will hire staff. " +
		"Harbex said its rivals lag. Harbex chief Ann Lee spoke. Harbex shares rose. Analysts hold a stake in Harbex and like Harbex.")
	ms := mentionsOf(doc, gold{"Harbex Plc", ner.Org})
	n := 0
	for k, tk := range doc.Tokens {
		if tk.Text != "Harbex" || k+1 < len(doc.Tokens) && doc.Tokens[k+1].Text == "Plc" {
			continue
		}
		typ := ner.Org
		if n++; n > 5 {
			typ = ner.Location // "in Harbex", "like Harbex"
		}
		ms = append(ms, ner.Mention{Type: typ, Text: tk.Text, Start: tk.Start, End: tk.End, First: k, Last: k + 1, Sentence: sentenceOf(doc, k)})
	}
	es := Resolve(doc, ms)
	for _, e := range es {
		if e.Type == ner.Location {
			t.Errorf("a place left apart: %+v", e)
		}
	}
}

func sentenceOf(doc *text.Document, k int) int {
	for si, s := range doc.Sentences {
		if k >= s.First && k < s.Last {
			return si
		}
	}
	return 0
}
