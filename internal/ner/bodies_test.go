package ner_test

import (
	"slices"
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A name right after a kind of organisation is the organisation's, and so
// are the text's other mentions of it; people and places after such words
// keep their types.
func TestBodyNouns(t *testing.T) {
	checkNames(t, []nameCase{
		{"The report was written by UK think-tank Demos. Demos said broadband was changing habits.", "Demos", ner.Org},
		{"The charity Shelter warned that rents were rising. Shelter said families were struggling.", "Shelter", ner.Org},
		{"Retailer Argos cut its prices on Monday.", "Argos", ner.Org},
		// a person named after the kind of body
		{"The firm John Smith founded in 1990 was sold.", "John Smith", ner.Person},
		{"Comedian and broadcaster Cyril Fletcher has died aged 91.", "Cyril Fletcher", ner.Person},
		{"The head of the dockers union Tomas Breyer said the plan was wrong.", "Tomas Breyer", ner.Person},
	})
	// a body's own name opening with the kind keeps it, and so does one
	// the text writes whole inside a sentence too
	checkNames(t, []nameCase{
		{"Charity Commission chief Alan Reed said the rules would change.", "Charity Commission", ner.Org},
		{"Airline Pilots Association officials said the strike would go ahead.", "Airline Pilots Association", ner.Org},
	})
	_, ms := analyse(t, "Watchdog Tonight returns next week. Viewers of the Watchdog Tonight show wrote in.")
	for _, m := range ms {
		if m.Text == "Tonight" {
			t.Errorf("a name written whole inside a sentence lost its first word: %s", dump(ms))
		}
	}
	// the surname of a person the text names in full stays the person's,
	// and so do its other mentions
	checkNames(t, []nameCase{
		{"Dana Whitcombe spoke to reporters. The firm Whitcombe founded in 1990 was sold. Whitcombe said he was sad.", "Whitcombe", ner.Person},
		{"The lawyer Ann Baker of the firm Baker and Lowe took the case. Asked about it, Baker said nothing.", "Baker", ner.Person},
	})
	// an aircraft carrier is no airline
	_, ms = analyse(t, "The aircraft carrier Invincible sailed from Portsmouth.")
	for _, m := range ms {
		if m.Text == "Invincible" && m.Type == ner.Org {
			t.Errorf("aircraft carrier: %s", dump(ms))
		}
	}
	// the kind of body is no part of the name
	_, ms = analyse(t, "Retailer Argos cut its prices on Monday.")
	for _, m := range ms {
		if m.Text == "Retailer Argos" {
			t.Errorf("mention %q holds the kind of body", m.Text)
		}
	}
}

// A first name that is a common word opening a sentence joins the name
// after it, but not in a question.
func TestSentenceFirstNames(t *testing.T) {
	checkNames(t, []nameCase{
		{"Will Smith co-stars alongside more robots than you can count.", "Will Smith", ner.Person},
		{"May Ellis said the plan was fair.", "May Ellis", ner.Person},
	})
	_, ms := analyse(t, "Will Smith win an award?")
	for _, m := range ms {
		if m.Text == "Will Smith" {
			t.Errorf("question: mention %q", m.Text)
		}
	}
}

// A full name right after a kind of company that is often named after its
// founder is the company's ("investment bank Arthur Penrose"), and so is
// a name the text writes elsewhere with a company's legal form or in
// apposition with a kind of company ("X, its Scottish arm"); a role
// before the name, a clause after "the firm", a fund manager, a broker
// who speaks and a name "who" follows stay people.
func TestFounderCompanies(t *testing.T) {
	checkNames(t, []nameCase{
		{"The deal was arranged by investment bank Arthur Penrose, which advised the buyer.", "Arthur Penrose", ner.Org},
		{"Analysts at brokers Arthur Penrose said the shares were cheap.", "Arthur Penrose", ner.Org},
		{"Bookmaker Arthur Penrose has cut the odds on a white Christmas.", "Arthur Penrose", ner.Org},
		{"Analyst Jean Marceau at broker Pellerin said the shares were cheap.", "Pellerin", ner.Org},
		// a broker that is where the speaker works
		{"Analysts at broker Arthur Penrose said the shares were cheap.", "Arthur Penrose", ner.Org},
		{"An analyst at London broker Hamish Tarrant said the shares were cheap.", "Hamish Tarrant", ner.Org},
		{"The hotels were sold to leisure group Harold Penwick on Monday.", "Harold Penwick", ner.Org},
		// a band named after a kind of group takes "who" and stays one
		{"Leeds group Amber Finch won two prizes. Amber Finch, who were shortlisted three times, played live.", "Amber Finch", ner.Org},
		// the legal form elsewhere in the text
		{"Fines were imposed on Hamish Tarrant Holdings Ltd on Monday. Regulators said Hamish Tarrant had let clients down.", "Hamish Tarrant", ner.Org},
		// an apposition naming a kind of company
		{"Investment bank Arthur Penrose posted higher profits. Hamish Penrose, its Scottish arm, declined to comment.", "Hamish Penrose", ner.Org},
		// people
		{"Bank chief John Ashdown said profits would rise.", "John Ashdown", ner.Person},
		{"John Ashdown, the bank's chief executive, said profits would rise.", "John Ashdown", ner.Person},
		{"Maria Ostrand, the company says, will stay on as chairman.", "Maria Ostrand", ner.Person},
		// an apposition whose head is a name's word or lies past the
		// words read
		{"John Ashdown, a Bank of England economist, said rates would rise.", "John Ashdown", ner.Person},
		{"Maria Ostrand, a former senior US investment bank manager, said the deal was poor.", "Maria Ostrand", ner.Person},
		{"The bank John Ashdown founded in 1990 was sold last year.", "John Ashdown", ner.Person},
		{"The investment bank John Ashdown founded in 1990 was sold last year.", "John Ashdown", ner.Person},
		// the founder of a company named after them
		{"Shares in Kevin Ashford Holdings Ltd fell on Monday. Kevin Ashford, who founded the firm, said he was sad.", "Kevin Ashford", ner.Person},
		{"Shares in Kevin Ashford Holdings Ltd fell on Monday. Kevin Ashford said he was sad. Mr Ashford would stay on.", "Kevin Ashford", ner.Person},
		{"Fund manager Nicola Penrose sold her shares on Monday.", "Nicola Penrose", ner.Person},
		{"Rural voters are a group Thomas Ashdown won easily four years ago.", "Thomas Ashdown", ner.Person},
		{"There was selling pressure, said broker Imran Qadir.", "Imran Qadir", ner.Person},
		{"Retailer Gordon Ashcroft, who owns 400 shops, said sales had slowed.", "Gordon Ashcroft", ner.Person},
		{"Bookmaker Imran Qadir, who has run the shop for years, said the odds had shortened.", "Imran Qadir", ner.Person},
		// "who" after a company named after a person that follows a
		// person is theirs
		{"\"A higher bid will come,\" said Ann Lee at brokers Arthur Penrose, who expects the price to rise.", "Arthur Penrose", ner.Org},
	})
}

// A name right after a maker, producer or supplier with a noun of goods
// before it is a company's ("parts maker X", "steel producer X"), and so
// are the founder's names alone where the company is named after them;
// after a craft ("film maker X", "executive producer X") or alone
// ("producer X") it stays a person's.
func TestMakerCompanies(t *testing.T) {
	checkNames(t, []nameCase{
		{"The faulty pumps were made by car parts maker Ellison Marlow, the report said.", "Ellison Marlow", ner.Org},
		{"The faulty pumps were made by car parts maker Ellison Marlow. Marlow said it would pay for the repairs.", "Marlow", ner.Org},
		{"Polish steel producer Dravokor cut its output by a fifth last year.", "Dravokor", ner.Org},
		{"Customers of broadband provider Nettlefold complained about slow lines.", "Nettlefold", ner.Org},
		{"The order went to jet maker Airbus, which beat its rival.", "Airbus", ner.Org},
		{"Shares in chipmaker Harwick Stroud rose on Monday.", "Harwick Stroud", ner.Org},
		// the kind opening a sentence is no part of the name
		{"Developers Harbour Homes applied on Friday to build 300 flats by the river.", "Harbour Homes", ner.Org},
		{"Distributor Westmere Pictures said the film would open in May.", "Westmere Pictures", ner.Org},
		// people
		{"The prize went to Swedish film maker Lars Lindqvist on Friday.", "Lars Lindqvist", ner.Person},
		{"The show was put together by executive producer Andrew Carver last year.", "Andrew Carver", ner.Person},
		{"The album was recorded with producer Ravi Mehta in London.", "Ravi Mehta", ner.Person},
		{"She met pro-democracy lawmaker Emily Chan on Tuesday.", "Emily Chan", ner.Person},
		{"The villagers bought bread from cheese maker Anna Brodie every week.", "Anna Brodie", ner.Person},
	})
}

// TestTownNamedFirm: a town's name after a kind of company is the firm's
// ("tyre manufacturer X"), as other names are, where the model reads it
// as a place; the town written after "near" or "in" in the same text stays
// a place, and so does a country or a region after the kind ("cocoa
// producer Ghana").
func TestTownNamedFirm(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       []ner.Type // of the name's mentions, in order
	}{
		{"Shares in tyre manufacturer Osaka rose 4 percent on Thursday once the firm lifted its forecast for the year. It will open a new plant near Osaka next spring.",
			"Osaka", []ner.Type{ner.Org, ner.Location}},
		{"Shares in tyre manufacturer Osaka rose 4 percent on Thursday once the firm lifted its forecast for the year. Osaka said demand from carmakers had recovered.",
			"Osaka", []ner.Type{ner.Org, ner.Org}},
		{"Exports by cocoa producer Ghana fell by a tenth over the spring quarter.", "Ghana", []ner.Type{ner.Location}},
		{"Royalties paid to oil producer Alberta rose by a third last year.", "Alberta", []ner.Type{ner.Location}},
	} {
		_, ms := analyse(t, c.text)
		var got []ner.Type
		for _, m := range ms {
			if m.Text == c.name {
				got = append(got, m.Type)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %s is %v, want %v (%s)", c.text, c.name, got, c.want, dump(ms))
		}
	}
}
