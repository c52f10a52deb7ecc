package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
)

// FuzzResolve runs the recogniser and Resolve on any text: no panic, and
// every mention of an entity is a span of the text. The seeds reach the
// rules that look at the tokens around a name (short forms at the first
// and last token, a headline's short form, a town before a comma, a work
// after its kind).
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"", "BoE", "the", "Bank", "(", "'s", "Fed.", "the Fed", "FCC approves",
		"The Bank of England held rates. the Bank",
		"BoE holds rates\n\nThe Bank of England held rates. The BoE",
		"the MPC (the Monetary Policy Committee",
		"Claire's Stores", "'s Stores beside Bebe Stores.",
		"General Motors Corp. and GM and GMC",
		"Warwick,", "Jobs in Warwick, Rhode Island,", "The British firm in Warwick, Rhode Island, said the UK",
		"the Xbox game Halo", "the BBC series", "Matrix trilogy", "game Arsenal and",
		"Lyonnaise des Eaux and Cie Generale des Eaux. Eaux",
		// the session 16 rules: a month before a surname, a company after
		// its kind or in apposition, "I, Name", a region's company, a
		// chamber's short form, a faith
		"June Ashdown", "written by April", "June", "investment bank Arthur Penrose", "bank Arthur",
		"Hamish Tarrant, its Scottish arm", "Hamish Tarrant Holdings Ltd. Hamish Tarrant", "said broker Ali Khan",
		"Retailer Gordon Ashcroft, who", "I, Robot", "I,", "Phase I, Boeing", "you and I, Labour", "South West Water",
		"the Lords. The House of Lords", "the Lords", "Islam", "Mr Islam", "Sunni Islam",
		// session 18: bands named like people or places, a town named firm
		"the band Martha Dunmore", "Martha Dunmore frontman", "Martha Dunmore, the", "trio Martha Dunmore (",
		"Martha Dunmore's new album. Martha Dunmore have", "Marble Bay bassist Ann Lee", "band X and",
		"tyre manufacturer Osaka. a plant near Osaka", "cocoa producer Ghana",
		// session 20: titles after "The" / "A", lists of works, models,
		// publications, numbered names, credited people, short names
		// and acronyms
		"in The", "starred in The Aviator", "at The Savoy", "Lee's The Da Vinci Code", "The Hague", "the Liberal",
		"the Liberal Democrats", "Ann Lee's A Quiet Harbour Morning (Matin", "epic, A Very Long Harvest,",
		"games such as", "games such as Halo, Fifa and", "the director behind Glass Harbour, Tin Crown and", "such as Apple's",
		"Audi A3", "the Tamsin Quell SV digital camera", "Rolling Stone magazine", "Amazon.com", "Fathers 4",
		"Fathers 4 Justice", "Zemun 1 Rad (B) 0", "No. 3 Chrysler", "her boyfriend Rufus Bloom", "directed by",
		"the International Olympic Committee's (IOC) team. The IOC", "IASC, the International Accounting",
		"Quillon fell. Quillon Airlines Ltd. said Quillon", "Visa. Visa International",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, ms := nlptest.Mentions(t, s)
		for _, e := range entity.Resolve(doc, ms) {
			for _, m := range e.Mentions {
				if m.Span.Start < 0 || m.Span.End > len(doc.Text) || m.Span.Start > m.Span.End {
					t.Fatalf("%q: mention span %v outside the text", s, m.Span)
				}
			}
		}
	})
}
