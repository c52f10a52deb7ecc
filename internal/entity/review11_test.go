package entity_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A person named by one word, mentioned as the one a spokesman or an aide
// works for, stays a person; a body a secretary is held in is a body.
func TestPersonalRoleOfPerson(t *testing.T) {
	for _, s := range []string{
		"Tsvangirai told supporters on Sunday that rallies would start soon. A spokesman of Tsvangirai said the dates were set.",
		"Berlusconi arrived late. A close aide of Berlusconi said the meeting had gone well.",
		"Berlusconi scored again. The general secretary of Berlusconi's union complained about the fixtures.",
	} {
		doc, es := run(t, s)
		w := "Tsvangirai"
		if s[0] == 'B' {
			w = "Berlusconi"
		}
		if e := owner(doc, es, w, 0); e == nil || e.Type != ner.Person {
			t.Errorf("%q: %s is %+v, want a person", s, w, e)
		}
	}
}

// "Oscar" alone is the footballer where nothing reads as a prize, and the
// prize after a determiner or "won".
func TestOscarThePerson(t *testing.T) {
	doc, es := run(t, "Oscar scored twice on Saturday as his side came from behind to win 3-2 at home.")
	if e := owner(doc, es, "Oscar", 0); e != nil && e.Type != ner.Person {
		t.Errorf("Oscar the player typed %s", e.Type)
	}
	for _, s := range []string{
		"The veteran actor finally won an Oscar on Sunday, decades after his debut.",
		"The band collected a best album Grammy last year and toured Asia.",
		"The actress keeps her Bafta and Oscar on a shelf in the kitchen.",
		"Oscar-winning composers wrote the score, the studio said.",
	} {
		w := "Oscar"
		if strings.Contains(s, "Grammy") {
			w = "Grammy"
		}
		doc, es = run(t, s)
		if e := owner(doc, es, w, 0); e != nil && e.Type == ner.Person {
			t.Errorf("%q: the prize typed %s", s, e.Type)
		}
	}
}

// An abbreviation that names a kind of thing stays an organisation where
// the text has it act as a company: "CGI won a contract" is the IT firm.
func TestTechTermActingAsCompany(t *testing.T) {
	doc, es := run(t, "CGI won a $500 million contract from the Pentagon, and CGI said it would hire 300 engineers.")
	if e := owner(doc, es, "CGI", 0); e == nil || e.Type != ner.Org {
		t.Errorf("CGI the company: %+v", e)
	}
}

// "Athens, Georgia": the US state that holds a city of the name, not the
// country that "Georgia" alone would name.
func TestTownInAmbiguousState(t *testing.T) {
	doc, es := run(t, "Students in Athens, Georgia, marched to the county courthouse on Monday.")
	if e := owner(doc, es, "Athens", 0); e == nil || e.CountryCode != "US" {
		t.Errorf("Athens, Georgia: %+v", e)
	}
	if e := owner(doc, es, "Georgia", 0); e == nil || e.Region != "US-GA" {
		t.Errorf("Georgia after Athens: %+v", e)
	}
	doc, es = run(t, "Talks in Tbilisi, Georgia, ended on Friday without a deal.")
	if e := owner(doc, es, "Tbilisi", 0); e == nil || e.CountryCode != "GE" {
		t.Errorf("Tbilisi, Georgia: %+v", e)
	}
}

// A plural abbreviation of a thing is a body when it acts as one: it
// wins, takes or loses seats or votes, or does what a party does ("the
// PCs won 40 seats": the Progressive Conservatives), with or without "the";
// sales of PCs, DVDs that sell out and PCs that crash stay things.
func TestPluralAbbreviationAsBody(t *testing.T) {
	for _, tc := range []struct {
		text, name string
		typ        ner.Type
	}{
		{"The PCs won 40 seats in the provincial election on Thursday, and the Liberals won 21.", "PCs", ner.Org},
		{"Ontario voters gave the PCs a majority. The PCs took 76 of the 124 seats.", "PCs", ner.Org},
		{"After the PCs lost their majority, the premier resigned.", "PCs", ner.Org},
		{"The PCs formed a government after the vote.", "PCs", ner.Org},
		{"Sales of PCs fell 5 percent in the third quarter, the research firm said.", "PCs", ner.Misc},
		{"The DVDs sold out in a week, and the PCs crashed often.", "DVDs", ner.Misc},
		{"The DVDs sold out in a week, and the PCs crashed often.", "PCs", ner.Misc},
	} {
		doc, es := run(t, tc.text)
		if e := owner(doc, es, tc.name, 0); e == nil || e.Type != tc.typ {
			t.Errorf("%q: %s %+v, want %s", tc.text, tc.name, e, tc.typ)
		}
	}
}
