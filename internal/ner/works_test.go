package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// TestWorks checks that titles the text marks as creative works are
// WORK_OF_ART, whatever the model read them as, and that the cues do not
// turn people and places into works.
func TestWorks(t *testing.T) {
	for _, c := range []struct{ in, title string }{
		{"Critics adored the comedy Sideways, which follows two friends on a wine tour.", "Sideways"},
		{"She is starring in Silver Harbour Nights, a drama about a fishing town.", "Silver Harbour Nights"},
		{"Ravenfield Road, directed by Tomas Lindqvist, opens in cinemas next month.", "Ravenfield Road"},
		{"The prize for best director went to Helen Marsh for Winter Orchard on Sunday.", "Winter Orchard"},
		{"The band released the album Northern Echo in March, and Northern Echo sold well.", "Northern Echo"},
		{"Her new novel Glass Mountain is set in a mining village in the 1950s.", "Glass Mountain"},
	} {
		doc, ms := analyse(t, c.in)
		checkInvariants(t, doc, ms)
		if !has(ms, ner.WorkOfArt, c.title) {
			t.Errorf("%q: no WORK_OF_ART %q in %s", c.in, c.title, dump(ms))
		}
		for _, m := range ms {
			if m.Text == c.title && m.Type != ner.WorkOfArt {
				t.Errorf("%q: %q also typed %s", c.in, c.title, m.Type)
			}
		}
	}
	for _, c := range []struct{ in, name string }{
		{"The best actor award went to Daniel Price for his role as a rescue pilot.", "Daniel Price"},
		{"She is starring in London this winter in a revival of an old farce.", "London"},
		{"The film director Ken Morrow said the studio would close in May.", "Ken Morrow"},
		{"He won a medal for Britain at the games in Sydney.", "Britain"},
	} {
		_, ms := analyse(t, c.in)
		for _, m := range ms {
			if m.Text == c.name && m.Type == ner.WorkOfArt {
				t.Errorf("%q: %q made a WORK_OF_ART: %s", c.in, c.name, dump(ms))
			}
		}
		if !has(ms, ner.Person, c.name) && !has(ms, ner.Location, c.name) {
			t.Logf("%q: %q not found as a person or place: %s", c.in, c.name, dump(ms))
		}
	}
}

// TestWorksUnquoted: a kind of work with a modifier before it ("the BBC
// series", "rhythm game", "hit single") makes the unquoted name after it
// a title; "show" as a verb, a name before a verb or before "to"/"up",
// and "play" (a match) leave the name as it is.
func TestWorksUnquoted(t *testing.T) {
	for _, c := range []struct{ in, title string }{
		{"He first found fame in the TV series Harbour Lights and later moved to films.", "Harbour Lights"},
		{"The award went to the GameCube rhythm game Bongo Riot on Thursday.", "Bongo Riot"},
		{"She presented the long-running music show Velvet Jukebox from 1990 to 1998.", "Velvet Jukebox"},
	} {
		doc, ms := analyse(t, c.in)
		checkInvariants(t, doc, ms)
		if !has(ms, ner.WorkOfArt, c.title) {
			t.Errorf("%q: no WORK_OF_ART %q in %s", c.in, c.title, dump(ms))
		}
	}
	for _, c := range []struct{ in, name string }{
		{"Fund figures to June 6 show Meridian up by 56 percent this year.", "Meridian"},
		{"That game is the day after England play Italy in Rome.", "Italy"},
		{"It was one of the evening shows Alan Titchmarsh left to present a garden series.", "Alan Titchmarsh"},
		// the sides of a match after "game"
		{"The Premiership game Arsenal and Chelsea drew was dull.", "Arsenal"},
		{"It was the league game Arsenal v Chelsea that drew the crowd.", "Arsenal"},
		{"In the second game Henman and Federer traded breaks.", "Henman"},
		{"The FA Cup game Chelsea against Newcastle was moved.", "Chelsea"},
		// a race track is a place
		{"He crashed at the race track Imola in 1994.", "Imola"},
		{"Fans flocked to the horse racing track Aintree on Saturday.", "Aintree"},
	} {
		_, ms := analyse(t, c.in)
		for _, m := range ms {
			if m.Text == c.name && m.Type == ner.WorkOfArt {
				t.Errorf("%q: %q typed WORK_OF_ART", c.in, c.name)
			}
		}
	}
}

// TestWorksSeries: a name before "trilogy" is a title; a
// place before it is not ("the Wasps-Leicester trilogy" of matches).
func TestWorksSeries(t *testing.T) {
	for _, c := range []struct{ in, title string }{
		{"Profits rose after the third film in the Kingdom of Ashes trilogy opened in May.", "Kingdom of Ashes"},
		// read as a place by the model, followed by a noun
		{"Profits rose after the third film in the Lord of the Rings trilogy opened in cinemas.", "Lord of the Rings"},
	} {
		doc, ms := analyse(t, c.in)
		checkInvariants(t, doc, ms)
		if !has(ms, ner.WorkOfArt, c.title) {
			t.Errorf("%q: no WORK_OF_ART %q in %s", c.in, c.title, dump(ms))
		}
	}
	_, ms := analyse(t, "Bath won the second game of the Bath-Leicester trilogy on Saturday.")
	for _, m := range ms {
		if m.Type == ner.WorkOfArt {
			t.Errorf("%q typed WORK_OF_ART", m.Text)
		}
	}
}

// "I", a comma and a one-word name make a title ("I, Robot"), not a town
// and its country; an oath's "I, Name, swear" is no title.
func TestPronounTitles(t *testing.T) {
	checkNames(t, []nameCase{
		{"Will Smith stars in I, Robot, a film loosely based on stories about thinking machines.", "I, Robot", ner.WorkOfArt},
		{"DVD review: I, Robot\n\nThe thriller I, Robot has a hero who distrusts machines.", "I, Robot", ner.WorkOfArt},
	})
	_, ms := analyse(t, "The witness stood up. \"I, Penrose, swear to tell the truth,\" he said.")
	for _, m := range ms {
		if m.Type == ner.WorkOfArt {
			t.Errorf("an oath read as a title: %s", dump(ms))
		}
	}
	// a Roman numeral or the pronoun of a pair before the comma opens no
	// title
	for _, s := range []string{
		"In Phase I, Boeing will build ten planes.",
		"After world war I, Germany was forced to pay reparations.",
		"Elizabeth I, Shakespeare and Drake are studied at school.",
		"Between you and I, Labour has lost its way.",
	} {
		_, ms := analyse(t, s)
		for _, m := range ms {
			if m.Type == ner.WorkOfArt {
				t.Errorf("%q: a title %q (%s)", s, m.Text, dump(ms))
			}
		}
	}
	checkNames(t, []nameCase{
		{"Since I, Robot came out, sales of robot toys have doubled.", "I, Robot", ner.WorkOfArt},
		{"Yesterday I, Claudius was shown again on BBC Two.", "I, Claudius", ner.WorkOfArt},
	})
}

// TestWorksCast: a name before a cast member's noun and a person's name
// ("X star Ann Lee", "X actor Tom Price") in a sentence about films is
// the film's title; a place, a nationality, a film industry or a
// sentence with no word of films leaves the name as it is.
func TestWorksCast(t *testing.T) {
	for _, c := range []struct{ in, title string }{
		{"Dana star Laura Pike is the bookmakers' pick for best actor at the ceremony next week.", "Dana"},
		{"Critics praised Marlow actress Jo Tamsin, whose film opened in forty cinemas.", "Marlow"},
	} {
		doc, ms := analyse(t, c.in)
		checkInvariants(t, doc, ms)
		if !has(ms, ner.WorkOfArt, c.title) {
			t.Errorf("%q: no WORK_OF_ART %q in %s", c.in, c.title, dump(ms))
		}
	}
	for _, c := range []struct{ in, name string }{
		{"Leicester star Tom Hale scored twice as his side won the cup final.", "Leicester"},
		{"Dana star Laura Pike said the tour would reach Leeds before the last week of May.", "Dana"},
		{"She was later said to be Native American actress Rosa Vale, not a film director.", "Native American"},
		{"Hollywood star Ben Tarrant will direct a film about the flood.", "Hollywood"},
	} {
		_, ms := analyse(t, c.in)
		if has(ms, ner.WorkOfArt, c.name) {
			t.Errorf("%q: %q made a WORK_OF_ART: %s", c.in, c.name, dump(ms))
		}
	}
}
