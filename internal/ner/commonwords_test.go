package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// Common words read as names: a minister's portfolio before the office is
// no organisation, a language is MISC (not a place), a common word in
// capitals is no organisation, a one-word "person" inside a quoted slogan
// in title case and the names inside an unquoted title before "tour" are
// no people (the title is one work), and "Prince" alone before a verb or
// a possessive is a person's name, which its other bare uses follow.
// "Prince" before a name or after an article stays a title; a language
// inside a longer place name keeps its type.
func TestCommonWords(t *testing.T) {
	checkNames(t, []nameCase{
		{"The speech angered Defence Secretary Ann Brody's critics.", "Defence", ""},
		{"Critics said Trade and Industry Secretary Ann Brody was wrong.", "Trade and Industry", ""},
		{"The International Development Minister arrived.", "International Development", ""},
		{"The French Industry Minister Paul Roche spoke.", "French", ner.Nationality},
		{"The French Industry Minister Paul Roche spoke.", "French Industry", ""},
		{"The talks stalled, said British Energy spokesman Ann Brody.", "British Energy", ner.Org},
		{"The motto is Fortis, the Latin for strong.", "Latin", ner.Misc},
		{"She answered the reporters in Mandarin after the match.", "Mandarin", ner.Misc},
		{"The old sign was written in Hebrew and English.", "Hebrew", ner.Misc},
		{"Exports to Latin America rose by a fifth.", "Latin America", ner.Location},
		{"The Welsh Assembly met. It said Welsh patients wait too long.", "Welsh", ner.Nationality},
		{"Exports rose after the Philippines government cut fuel taxes.", "Philippines", ner.Location},
		{"Two guards had gone AWOL before the trial began.", "AWOL", ""},
		{"He said the party leaders had gone AWOL on the issue.", "AWOL", ""},
		{"The firm holds its AGM in May.", "AGM", ""},
		{"Shareholders will vote at the EGM next week.", "EGM", ""},
		{"EBITDA rose by a tenth in the year.", "EBITDA", ""},
		{`"Just Do It" urged the banner outside the ground.`, "Do", ""},
		{"Fans loved their Madly Away from the Sad Hills tour last year.", "Madly Away", ""},
		{"Fans loved their Madly Away from the Sad Hills tour last year.", "Madly Away from the Sad Hills", ner.WorkOfArt},
		{"The band's Madly Away from the Sad Hills tour ended in May.", "Sad Hills", ""},
		{"Prince sold more records than any other singer last year.", "Prince", ner.Person},
		// a rank before a person's name is the person's title, not a
		// person of its own
		{"Egyptian Defence Minister Brigadier General Tarek Hamdi held talks with his Jordanian counterpart in Cairo on Monday.", "Brigadier", ""},
		{"Iraqi Interior Minister Brigadier General Qasim Rahim held a meeting with Turkey's Defence Minister Ali Demir in Baghdad on Sunday.", "Brigadier", ""},
		{"Egyptian Defence Minister Brigadier General Tarek Hamdi held talks with his Jordanian counterpart in Cairo on Monday.", "Tarek Hamdi", ner.Person},
		{"Prime Minister John Major met General Colin Brant.", "John Major", ner.Person},
		// a common word opening a sentence is no name; a club in a table
		// or a fixture, and a party, stay
		{"Shoe sales rose in Spain last year. The firm said its sales rose by a tenth. Born in Leeds, its founder moved to Spain in 1990. It also sold boots in Chile.", "Born", ""},
		{"Results\n\nReading 2 Stoke 2\nBury 4 Bristol City 0\nLeeds 1 Hull 0", "Reading", ner.Org},
		{"Shoe sales rose in Spain last year. The firm said its sales rose by a tenth. Growth was helped by its new brands. It also sold boots in Chile.", "Growth", ""},
		{"Shoe sales rose in Spain last year. The firm said its sales rose by a tenth. Progress had been made on the new plant. It also sold boots in Chile.", "Progress", ""},
		{"Prince's new album sold well in Europe.", "Prince", ner.Person},
		{"Prince Edward opened the hall on Tuesday.", "Prince", ""},
		{"The Lord Chancellor, Lord Ashby, backed the new rules.", "Lord Chancellor", ""},
		{"Critics of the Lord Chancellor say the plan is unfair.", "Lord Chancellor", ""},
		{"The Lord Chancellor, Lord Ashby, backed the new rules.", "Lord Ashby", ner.Person},
		{"The Prince thanked the staff for the visit.", "Prince", ""},
	})
}

// Once "Prince" alone is a name in a text, its other bare uses are the
// same person, before and after the sentence that shows it.
func TestStageNameRepeats(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
	}{
		{"Prince sold more records than any other singer. Fans of Prince queued all night.", 2},
		{"Fans of Prince queued all night. Prince sold more records than any other singer.", 2},
		{"Prince Edward opened the hall. The Prince said he was pleased.", 0},
	} {
		_, ms := analyse(t, c.text)
		n := 0
		for _, m := range ms {
			if m.Text == "Prince" && m.Type == ner.Person {
				n++
			}
		}
		if n != c.n {
			t.Errorf("%q: %d people named Prince, want %d (%s)", c.text, n, c.n, dump(ms))
		}
	}
}

// An office's title is no body's name: before a name ("Oregon Attorney
// General Sam Kettle") the place or the body before the office stays;
// "the Mayor of Bristol" is the place, "the Secretary of Transport"
// nothing, "the Director of Vantorn Rights Watch" the body after "of".
func TestOfficeTitles(t *testing.T) {
	checkNames(t, []nameCase{
		{"Oregon Attorney General Sam Kettle sued the lender on Monday.", "Oregon", ner.Location},
		{"Oregon Attorney General Sam Kettle sued the lender on Monday.", "Oregon Attorney", ""},
		{"The bill was backed by the Mayor of Bristol, Tom Rudd, and by local firms.", "Bristol", ner.Location},
		{"The bill was backed by the Mayor of Bristol, Tom Rudd, and by local firms.", "Mayor of Bristol", ""},
		{`"A judge no more needs to be a banker than the Secretary of Transport needs to be a driver," he said.`, "Secretary of Transport", ""},
		{"The report was written by the Director of Vantorn Rights Watch, Lu Dan.", "Director of Vantorn Rights Watch", ""},
		{"The report was written by the Director of Vantorn Rights Watch, Lu Dan.", "Vantorn Rights Watch", ner.Org},
	})
}
