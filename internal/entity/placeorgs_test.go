package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A town or county the recogniser types an organisation (its training
// text's clubs) is a place, with its country, in a story with no sport in
// it when the text writes it as one: before "mayor", "station",
// "headquarters" or "seat", after "from" or "visit to", a county after a
// town and a comma.
func TestPlaceOrgsInCouncilStories(t *testing.T) {
	const story = `Hartlepool mayor joins rail protest

Hartlepool mayor Stuart Drummond joined commuters at Darlington station on Monday to protest against cuts to the service.
Mr Drummond said the council had written to ministers twice. A commuter from Durham said the trains were always late.
The protest ended outside the operator's Sunderland headquarters, where campaigners handed in a petition signed by residents of Malvern, Worcestershire.`
	_, es := run(t, story)
	for _, name := range []string{"Hartlepool", "Darlington", "Durham", "Sunderland", "Worcestershire"} {
		e := named(es, name)
		if e == nil {
			t.Errorf("no entity %q", name)
			continue
		}
		if e.Type != ner.Location || e.CountryCode != "GB" {
			t.Errorf("%s: %s %q, want a place in GB", name, e.Type, e.CountryCode)
		}
	}
}

// In a sports report the same names are clubs: "moved to Sunderland from
// Hartlepool", "20 appearances at Sunderland" are transfers and games, not
// places.
func TestPlaceOrgsKeepClubs(t *testing.T) {
	const report = `The defender moved to Sunderland from Hartlepool last summer for 1 million pounds.
He made 20 appearances at Sunderland before a knee injury ended his season in March.
Sunderland won 2-1 at home on Saturday and are third in the league.`
	_, es := run(t, report)
	for _, name := range []string{"Hartlepool", "Sunderland"} {
		e := named(es, name)
		if e == nil {
			t.Errorf("no entity %q", name)
			continue
		}
		if e.Type != ner.Org {
			t.Errorf("%s: %s, want the club (an organisation)", name, e.Type)
		}
	}
}

// A town in a list after a placed town, or after one and "to", is a place
// too: "the London to Brighton line", "Paris, Lille and Lyon".
func TestPlaceOrgsBesideTowns(t *testing.T) {
	const story = `Passengers on the London to Brighton line faced delays again on Tuesday after a signal failure.
The operator said new trains would run between Paris, Lille and Lyon from next year.`
	_, es := run(t, story)
	for _, c := range []struct{ name, code string }{{"Brighton", "GB"}, {"Lille", "FR"}} {
		e := named(es, c.name)
		if e == nil {
			t.Errorf("no entity %q", c.name)
			continue
		}
		if e.Type != ner.Location || e.CountryCode != c.code {
			t.Errorf("%s: %s %q, want a place in %s", c.name, e.Type, e.CountryCode, c.code)
		}
	}
}

// Sport that names no "football" or "league" is sport still: a rugby
// report ("fly-half"), a club's owner and players ("the club", "new
// players"), a cricket county bowled out, a transfer ("a fee", "a
// medical"): the towns stay clubs.
func TestPlaceOrgsKeepClubsInShortSport(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{`Cardiff face Bristol at the Arms Park on Saturday. Wales fly-half Stephen Jones will miss the game after picking up an injury at Bristol last week.`, "Bristol"},
		{`Chelsea's owner Roman Abramovich has pledged more money for new players. He bought the London club last year and has spent heavily at Chelsea since.`, "Chelsea"},
		{`Surrey were bowled out for 245 at the Oval after 60 overs. Surrey go to Durham next week.`, "Durham"},
		{`Everton have agreed a fee with Middlesbrough for the Australian. He spent two years at Middlesbrough and will have a medical at Everton on Monday.`, "Middlesbrough"},
	} {
		_, es := run(t, c.text)
		e := named(es, c.name)
		if e == nil {
			t.Errorf("no entity %q in %q", c.name, c.text)
			continue
		}
		if e.Type != ner.Org {
			t.Errorf("%s: %s, want the club (an organisation) in %q", c.name, e.Type, c.text)
		}
	}
}

// A firm named after its town is the firm when the text says so: a
// lender in apposition ("Halifax, the UK's biggest mortgage lender"), its
// economists and its figures ("economists at Halifax", "the figures from
// Halifax").
func TestPlaceOrgsKeepFirms(t *testing.T) {
	const story = `Halifax, the UK's biggest mortgage lender, said house prices rose 1% in March. Economists at Halifax said the market was cooling. The figures from Halifax came a week after those of a rival lender.`
	_, es := run(t, story)
	e := named(es, "Halifax")
	if e == nil {
		t.Fatal("no entity Halifax")
	}
	if e.Type != ner.Org {
		t.Errorf("Halifax: %s %q, want the lender (an organisation)", e.Type, e.CountryCode)
	}
}

// A town that opens a clause with a plural verb is a team ("Wigan have
// won promotion"): the story is sport though it names no league; a town
// after "and" is not ("Both Durham and Sunderland were hit").
func TestPlaceOrgsTeamSubject(t *testing.T) {
	const report = `Wigan have won promotion for the first time. Paul Jewell said his side had been brilliant at Wigan all year, and thanked the fans from Wigan who travelled to Reading.`
	_, es := run(t, report)
	for _, name := range []string{"Wigan", "Reading"} {
		if e := named(es, name); e == nil || e.Type != ner.Org {
			t.Errorf("%s: %v, want the club (an organisation)", name, e)
		}
	}
	const story = `Hartlepool mayor Stuart Drummond said the cuts would hurt. Both Durham and Sunderland were hit by the closures.`
	_, es = run(t, story)
	if e := named(es, "Hartlepool"); e == nil || e.Type != ner.Location {
		t.Errorf("Hartlepool: %v, want a place", e)
	}
}

// A town before a comma and a region is a place ("Lockerbie, Scotland"),
// not when the region is a town that goes on a list of clubs or firms
// ("Leeds, Bradford and Ipswich": Bradford is a district too); a list
// of counties stays places.
func TestPlaceOrgsTownList(t *testing.T) {
	for _, story := range []string{
		`Leeds, Bradford and Ipswich have all gone into administration in the past three years, a report on the finances of the game says.`,
		`Leeds, Bradford, Ipswich and Derby have all gone into administration in the past three years, a report on the finances of the game says.`,
	} {
		_, es := run(t, story)
		if e := named(es, "Leeds"); e == nil || e.Type != ner.Org {
			t.Errorf("Leeds: %v, want an organisation in %q", e, story)
		}
	}
	const mines = `The company plans to close mines across Nottinghamshire, Derbyshire, Leicestershire and Yorkshire next year, the union said.`
	_, es := run(t, mines)
	if e := named(es, "Derbyshire"); e == nil || e.Type != ner.Location {
		t.Errorf("Derbyshire: %v, want a place", e)
	}
}

// A range of days is no score line ("from 24-26 June"), and fans are a
// band's too: a festival story with a season in it is no sports report.
func TestPlaceOrgsFestivalDates(t *testing.T) {
	const story = `Glastonbury returns to Michael Eavis' Somerset farm from 24-26 June after a year off. Fans say the festival season starts there.`
	_, es := run(t, story)
	if e := named(es, "Somerset"); e == nil || e.Type != ner.Location {
		t.Errorf("Somerset: %v, want a place", e)
	}
}

// A firm named after the place it owns ("property group X")
// keeps the mentions that act as the firm when the text also names the
// place ("little to do in X"): the place is an entity of its own.
func TestPlaceOrgsFirmAndItsPlace(t *testing.T) {
	const story = `Shares in property group Canary Wharf fell 3% on Tuesday after it cut the rent two of its largest tenants pay.
Office workers have long complained that there is little to do in Canary Wharf once the shops close.
Canary Wharf, which owns 20 of the towers, said it would add a cinema and more restaurants by 2028.`
	_, es := run(t, story)
	var org, loc int
	for _, e := range es {
		if e.Name != "Canary Wharf" {
			continue
		}
		switch e.Type {
		case ner.Org:
			org = len(e.Mentions)
		case ner.Location:
			loc = len(e.Mentions)
			if e.CountryCode != "GB" {
				t.Errorf("the place Canary Wharf: country %q, want GB", e.CountryCode)
			}
		}
	}
	if org == 0 || loc == 0 {
		t.Errorf("Canary Wharf: %d mentions of the firm, %d of the place; want both", org, loc)
		for _, e := range es {
			t.Logf("%s %s %s %d", e.Type, e.Name, e.CountryCode, len(e.Mentions))
		}
	}
}

// A club named like a first name or a town, which the recogniser types a
// person, is an organisation in a sports report where it takes a plural
// verb or a noun of its people ("Chelsea have", "Bath coach"); a player
// named alone stays a person, and so does a name in a pair ("Watkins and
// Kerr have").
func TestClubPerson(t *testing.T) {
	const report = `Kerr double sends Chelsea top

Chelsea went top of the league on Saturday after a 2-0 win at home.
Chelsea have now won six games in a row, and the Chelsea boss said his players deserved the win.
Kerr scored both goals in the second half. Kerr has eight goals this season.
Watkins and Kerr have played together for three seasons.`
	_, es := run(t, report)
	if e := named(es, "Chelsea"); e == nil || e.Type != ner.Org {
		t.Errorf("Chelsea: %+v, want an organisation", e)
	}
	if e := named(es, "Kerr"); e == nil || e.Type != ner.Person {
		t.Errorf("Kerr: %+v, want a person", e)
	}
}

// A product's name that names its maker ("Airbus said", "Airbus
// Industrie") is the company's; a product that only runs or sells stays
// one ("Windows ... said Ann Lee": the speaker follows).
func TestMakerOfProduct(t *testing.T) {
	for _, tc := range []struct{ text, name string }{
		{`Westmere Air will buy ten jets from Airbus, the airline said on Monday.
The first jet would be delivered in 2028, an Airbus spokesman said. Westmere Air flies Boeing jets on its long routes.`, "Airbus"},
		{`Westmere Air will buy ten jets from Airbus Industrie, the airline said on Monday.
The first would be delivered in 2028. Westmere Air flies Boeing jets on its long routes.`, "Airbus Industrie"},
	} {
		_, es := run(t, tc.text)
		if e := named(es, tc.name); e == nil || e.Type != ner.Org {
			t.Errorf("%s: %+v, want an organisation", tc.name, e)
		}
	}
	_, es := run(t, `Banks move cash machines to new software

Most cash machines in the region will move to Windows by 2028. "It is cheaper to run Windows," said Ann Lee of the Westmere Bank.
Windows runs on most office computers, and the banks say staff know it well.`)
	if e := named(es, "Windows"); e != nil && e.Type == ner.Org {
		t.Errorf("Windows: %+v, want no organisation", e)
	}
}

// A party's plural name that acts as a party ("the Conservatives
// insisted", "the Social Democrats won 40 seats") is an organisation, as
// Labour and the Tories are; the US parties' members alone stay MISC, as
// CoNLL-2003 tags them.
func TestPartyPlurals(t *testing.T) {
	_, es := run(t, `Polls

A poll gave Labour a lead of five points over the Conservatives. But the Conservatives insisted the gap was closing, and the Liberal Democrats said they would gain seats.`)
	if e := named(es, "Conservatives"); e == nil || e.Type != ner.Org {
		t.Errorf("Conservatives: %+v, want an organisation", e)
	}
	_, es = run(t, `Democrats have criticised the plan to cut taxes, saying it would help the rich.
Democrats want the money spent on schools instead.`)
	if e := named(es, "Democrats"); e != nil && e.Type == ner.Org {
		t.Errorf("Democrats: %+v, want MISC", e)
	}
}

// A town the recogniser reads as a person's surname is a place where a
// comma and its region follow ("Carver, Mass.", "Ashdown, Ohio"), even
// a town the gazetteer does not know; not a list of sides or names
// ("three of Leeds, Manchester United and Arsenal").
func TestTownThenStateAsPerson(t *testing.T) {
	_, es := run(t, `Shares in Westmere Software rose on Monday after the Carver, Mass.-based company said profits doubled.
The company employs 300 people and sells software to banks in Europe.
Its chief executive said sales would grow again next year.`)
	if e := named(es, "Carver"); e == nil || e.Type != ner.Location {
		t.Errorf("Carver: %+v, want a place", e)
	}
	_, es = run(t, `Arsenal, Leeds, Manchester United and Liverpool all won on Saturday.
Two of Leeds, Manchester United and Arsenal will play in Europe next season, the league said.`)
	if e := named(es, "Leeds"); e != nil && e.Type == ner.Location {
		t.Errorf("Leeds: %+v, want no place", e)
	}
}

// The maker of a poll or a survey named after "a" ("a Reuter poll of
// economists") is an organisation, not the person the recogniser reads.
func TestPollster(t *testing.T) {
	_, es := run(t, `Economists expect rates to stay on hold next month, a Reuter poll of 20 forecasters showed on Friday.
Most of those polled said the central bank would wait until the spring before it moved again.
The poll also found that most expected inflation to fall below 2 percent by the end of the year.`)
	if e := named(es, "Reuter"); e == nil || e.Type != ner.Org {
		t.Errorf("Reuter: %+v, want an organisation", e)
	}
}

// A band named like a person, written twice with a plural verb ("Amber
// Kessler are", "Amber Kessler were"), is a group; a person who "was" or
// "has" stays a person.
func TestBandPerson(t *testing.T) {
	_, es := run(t, `Amber Kessler are to play three nights at the Westmere Arena in May.
The band sold out their last tour in a day. Amber Kessler were shortlisted for two prizes last year, and their new album comes out in April.`)
	if e := named(es, "Amber Kessler"); e == nil || e.Type != ner.Org {
		t.Errorf("Amber Kessler: %+v, want an organisation", e)
	}
	_, es = run(t, `Ann Kessler was shortlisted for two prizes last year. Ann Kessler has a new album out in April, and her fans are pleased.`)
	if e := named(es, "Ann Kessler"); e == nil || e.Type != ner.Person {
		t.Errorf("Ann Kessler: %+v, want a person", e)
	}
}

// TestTownNamedFirmAndTown: a firm the recogniser names after a town
// ("tyre manufacturer X") keeps its mentions, and the town written as a
// place in the same text ("a plant near X") is a LOCATION of its own.
func TestTownNamedFirmAndTown(t *testing.T) {
	_, es := run(t, `Shares in tyre manufacturer Osaka rose 4 percent on Thursday once the firm lifted its forecast for the year. Osaka said demand from carmakers had recovered. It will open a new plant near Osaka next spring.`)
	var org, loc int
	for _, e := range es {
		if e.Name != "Osaka" {
			continue
		}
		switch e.Type {
		case ner.Org:
			org += len(e.Mentions)
		case ner.Location:
			if e.CountryCode != "JP" {
				t.Errorf("the town: %+v, want JP", e)
			}
			loc += len(e.Mentions)
		}
	}
	if org < 2 || loc != 1 {
		t.Errorf("Osaka: %d mentions of the firm, %d of the town; want 2 or more and 1", org, loc)
	}
}

// A club the recogniser types a person is an organisation in a sports
// report where the words around one mention are a club's: a player's
// position after its possessive ("Chelsea's £9m striker"), "captain of",
// a transfer ("a move to Chelsea"), or a list of other clubs ("Everton,
// Chelsea and Fulham"). A list with a player in it stays one of people.
func TestClubCues(t *testing.T) {
	for _, tc := range []string{
		`Drogan ruled out for a month

Drogan, Chelsea's £9m striker, will miss the next five league games with a knee injury.
The forward limped off in the 3-1 win on Saturday and scans on Monday showed a torn ligament.`,
		`Veteran Harker signs for one more season

Harker, who has played for Everton, Chelsea and Fulham, signed a one-year deal on Friday.
Fulham beat Everton 2-0 in the cup last month, and the midfielder scored in that match.`,
		`Pellow set to leave

The winger Pellow is close to a move to Chelsea, his agent said, and the deal could be done by Monday.
Pellow scored 14 goals in the league last season and won the cup in May.`,
	} {
		_, es := run(t, tc)
		if e := named(es, "Chelsea"); e == nil || e.Type != ner.Org {
			t.Errorf("Chelsea: %+v, want an organisation in %q", e, tc[:30])
		}
	}
}

// In a sports report, a town's name that a side faces or plays ("face
// Chelsea in the final"), or one whose verb is followed by "their" ("Chelsea
// will renew their bid"), is a club.
func TestClubPlayed(t *testing.T) {
	for _, tc := range []string{
		`Rovers through to the final

Rovers will face Chelsea in the cup final next month after a 2-1 win over Hartley on Tuesday night.
Goals from Dunn and Okafor sent the home fans wild, and the manager said his side could win the cup.`,
		`Rovers dismiss talk of a sale

The Rovers captain is staying, the chairman said, although Chelsea could raise their offer for the midfielder in the summer. He has scored nine goals in the league.`,
	} {
		_, es := run(t, tc)
		if e := named(es, "Chelsea"); e == nil || e.Type != ner.Org {
			t.Errorf("Chelsea: %+v, want an organisation in %q", e, tc[:30])
		}
	}
}

// A headline's last word is not a modifier of the name that opens the
// text ("... Cup final" + "Chelsea goalkeeper X"): the club's noun after
// it counts.
func TestClubAfterHeadline(t *testing.T) {
	const report = "Verri out of Cup final\n\nChelsea goalkeeper Aldo Verri will not play in Sunday's League Cup final against Leeds.\n\n" +
		"Verri made 30 saves for Chelsea in the autumn, but the Dane is now second choice."
	_, es := run(t, report)
	if e := named(es, "Chelsea"); e == nil || e.Type != ner.Org {
		t.Errorf("Chelsea: %+v, want an organisation", e)
	}
}
