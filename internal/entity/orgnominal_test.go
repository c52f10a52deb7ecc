package entity_test

import "testing"

// TestOrgNominal: "the company", "the firm", "the group", "the airline"
// name the organisation the text is about, not the one it named last: the
// company named and made the subject most often, the one whose spokesman
// speaks in the same sentence, the subject that opens the sentence
// before, the one whose name holds the trade ("Airways" for "the
// airline"); never a newspaper, an exchange, a regulator or a public body
// (unless the text is about the newspaper); a company known by its
// acronym alone is a company; "the Leeds-based company" is a description
// too.
func TestOrgNominal(t *testing.T) {
	for _, c := range []struct {
		text, desc string
		n          int    // occurrence of desc
		want       string // "" for no organisation
	}{
		// the company the text is about, not the analysts named last
		{"Harbour Lane Foods Plc said on Monday its sales rose by a fifth in the year to March. " +
			"Harbour Lane Foods also plans to open six new shops in Wales. " +
			"Analysts at Tidewater Capital Ltd had expected a smaller rise. " +
			"Shares in the company rose 4 percent.", "the company", 0, "Harbour Lane Foods Plc"},
		// the spokesman's company
		{"Harbour Lane Foods Plc said on Monday its sales rose by a fifth in the year to March. " +
			"Harbour Lane Foods also plans to open six new shops in Wales. " +
			"A Brindle Paper Co spokesman said the firm would supply the bags.", "the firm", 0, "Brindle Paper Co"},
		// the subject that opens the sentence before
		{"Harbour Lane Foods Plc and Brindle Paper Co reported results on Monday. " +
			"Harbour Lane Foods said its sales rose by a fifth. Harbour Lane Foods also plans six new shops. " +
			"Brindle Paper said its profit fell after Kestrel Packaging Ltd raised prices. " +
			"The company also cut 200 jobs.", "The company", 0, "Brindle Paper Co"},
		// a newspaper is the source, not the company
		{"Harbour Lane Foods Plc will cut 300 jobs in Leeds, the Northern Evening Gazette reported on Monday. " +
			"The Northern Evening Gazette said the company would close two plants.", "the company", 0, "Harbour Lane Foods Plc"},
		// unless the text is about the newspaper
		{"Revenue at the Northern Evening Gazette fell by a tenth last year as advertisers left. " +
			"The company said it would cut 40 jobs.", "The company", 0, "Northern Evening Gazette"},
		// nor is an exchange
		{"Harbour Lane Foods Plc said on Monday its sales rose by a fifth. " +
			"The Northern Stock Exchange said trading in its shares was heavy. " +
			"The company also plans to open six new shops.", "The company", 0, "Harbour Lane Foods Plc"},
		// a public body named more often is no company
		{"Harbour Lane Foods Plc agreed on Monday to buy Kestrel Packaging Ltd for 40 million pounds. " +
			"The Office of Fair Markets said it would study the deal. The Office of Fair Markets has 30 days to decide. " +
			"The company said it expected the deal to be approved.", "The company", 0, "Harbour Lane Foods Plc"},
		// "the group"
		{"Marlow Leisure Group said on Monday its hotels were full in August. " +
			"Shares in the group rose 5 percent in London.", "the group", 0, "Marlow Leisure Group"},
		// the trade in the name
		{"Orbit Airways ordered ten jets from Harrow Aerospace Corp on Monday. " +
			"Harrow Aerospace said it would deliver them in May. " +
			"The airline said the jets would fly to Spain.", "The airline", 0, "Orbit Airways"},
		// a place's "-based" before the head
		{"Harbour Lane Foods Plc said on Monday its sales rose by a fifth. " +
			"The Leeds-based company also plans to open six new shops.", "The Leeds-based company", 0, "Harbour Lane Foods Plc"},
		// a regulator named more often is no company
		{"Kestrel Motors Corp recalled 9,000 vans on Monday. The Federal Vehicle Safety Administration said the brakes could fail. " +
			"The Federal Vehicle Safety Administration had opened an inquiry in May, and the company now works with regulators.",
			"the company", 0, "Kestrel Motors Corp"},
		// an acronym alone: a company unless a public body's
		{"Shares in KWX rose 5 percent on Monday. KWX said its sales rose by a fifth in the year to March. " +
			"The company also plans to open six new shops.", "The company", 0, "KWX"},
		// nothing fits: no link to the newspaper
		{"The talks broke down on Monday, the Northern Evening Gazette reported. " +
			"The company said it would try again.", "The company", 0, ""},
	} {
		doc, es := run(t, c.text)
		e := owner(doc, es, c.desc, c.n)
		got := ""
		if e != nil {
			got = e.Name
		}
		if got != c.want {
			t.Errorf("%q: %q names %q, want %q", c.text, c.desc, got, c.want)
		}
	}
}
