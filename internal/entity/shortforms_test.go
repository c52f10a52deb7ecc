package entity_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
)

// TestShortForms: a later head noun, initialism or clipping of an
// organisation's name joins the one organisation it can only mean; with
// two candidates, or a capitalised common word, it stays apart.
func TestShortForms(t *testing.T) {
	for _, c := range []struct {
		s      string
		full   string // the entity's name
		short  string // a later mention's text
		joined bool
	}{
		{"The Bank of England held interest rates at 4.75% on Thursday. Analysts said the Bank would wait for more data on wages.",
			"Bank of England", "Bank", true},
		{"The Bank of England held interest rates at 4.75% on Thursday. Economists expect the BoE to raise them in the spring.",
			"Bank of England", "BoE", true},
		{"Shares fell after the Federal Reserve raised rates. Traders said the Fed would keep raising them this year.",
			"Federal Reserve", "Fed", true},
		{"The Federal Communications Commission approved the merger of the two carriers. The FCC said prices would fall.",
			"Federal Communications Commission", "FCC", true},
		{"Hearts of Oak beat Kotoko 2-0 in Accra on Sunday. Coach Emmanuel Afranie said Hearts played with great spirit.",
			"Hearts of Oak", "Hearts", true},
		{"The European Commission fined the carmaker on Monday. In a statement the Commission said the fine was fair.",
			"European Commission", "Commission", true},
		// a headline's short form, before the body names it
		{"FCC approves merger of phone carriers\n\nThe Federal Communications Commission approved the merger of the two carriers on Friday, saying prices would fall.",
			"Federal Communications Commission", "FCC", true},
		{"Hearts beat Kotoko to reach final\n\nHearts of Oak beat Kotoko 2-0 in Accra on Sunday to reach the final of the cup.",
			"Hearts of Oak", "Hearts", true},
		// a definition in brackets after the acronym
		{"Analysts expect the MPC (the Monetary Policy Committee) to hold interest rates on Thursday.",
			"Monetary Policy Committee", "MPC", true},
		// two banks: "the Bank" could be either
		{"The Bank of England and the Reserve Bank of Australia held rates on Thursday. Analysts said the Bank would move first.",
			"Bank of England", "Bank", false},
		// another level of body
		{"The State Duma approved the budget on Friday. A day later the regional Duma in Yakutsk rejected the plan.",
			"State Duma", "Duma", false},
		// a channel's number: no short form of BBC Radio
		{"BBC Radio will broadcast the concert live. Radio 2 will repeat it on Sunday.",
			"BBC Radio", "Radio", false},
		// initials that spell the legal form too, in a text that names the
		// company by the initials without it: a brand, not the company
		{"General Motors Corp. said on Monday that GM would raise prices of its Chevrolet and GMC pickup trucks next month.",
			"General Motors Corp.", "GMC", false},
		// a head after another name's possessive is that name's body
		{"Bebe Stores said sales rose 5% in December. Accessory vendor Claire's Stores also suffered as shoppers stayed home.",
			"Bebe Stores", "Stores", false},
		// the head of another name after "des"
		{"Cie Generale des Eaux won the contract on Monday. The bids of Bouygues and Lyonnaise des Eaux were lower.",
			"Cie Generale des Eaux", "Eaux", false},
		// a combining form is no clipping of the word it begins
		{"The European Central Bank held rates on Thursday. The Euro rose against the dollar after the decision.",
			"European Central Bank", "Euro", false},
		{"The International Monetary Fund praised Italy. The Inter defender was sent off in Milan.",
			"International Monetary Fund", "Inter", false},
		// "the Fed" is the Federal Reserve, not another Federal name
		{"Federated Department Stores said sales rose in December. Analysts said the Fed would raise interest rates next week.",
			"Federated Department Stores", "Fed", false},
		{"The Federal Communications Commission approved the deal on Monday. Traders said the Fed would raise interest rates next week.",
			"Federal Communications Commission", "Fed", false},
		{"The Federal Reserve Board raised rates on Tuesday. Traders said the Fed would act again in March.",
			"Federal Reserve Board", "Fed", true},
		// "the Sun" is no clipping of Sunday
		{"The Sunday Telegraph printed the story first. Later the Sun said the minister would resign.",
			"Sunday Telegraph", "Sun", false},
		// a company noun alone, without "the", is the common noun
		{"Continental Airlines cut fares on Monday. Airlines have faced tough conditions since the attacks.",
			"Continental Airlines", "Airlines", false},
		// an acronym with a digit is a model's name, not initials
		{"Delta Comair grounded its fleet on Friday. Before the crash the pilot of a DC3 aircraft reported icing.",
			"Delta Comair", "DC3", false},
		// a common word a name ends in
		{"The firm plans to sell part of its Alta Vista Internet unit. The engine finds pages on the Internet's vast web.",
			"Alta Vista Internet", "Internet", false},
	} {
		doc, ms := nlptest.Mentions(t, c.s)
		es := entity.Resolve(doc, ms)
		var full, short *entity.Entity
		for i := range es {
			for _, m := range es[i].Mentions {
				switch doc.Text[m.Span.Start:m.Span.End] {
				case c.full:
					full = &es[i]
				case c.short:
					short = &es[i]
				}
			}
		}
		if full == nil || short == nil {
			t.Errorf("%q: no entity for %q (%v) or %q (%v)", c.s, c.full, full != nil, c.short, short != nil)
			continue
		}
		if (full == short) != c.joined {
			t.Errorf("%q: %q in %q, %q in %q; want joined %v", c.s, c.full, full.Name, c.short, short.Name, c.joined)
		}
	}
}
