package keyphrase

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
)

// A story written for this test: a company named with its legal form, a
// person named in full once and then by surname, generic heads of people
// and an agency sign-off.
const takeover = `Norvik Shipping Ltd agrees takeover by Halden Marine Inc
OSLO — Norvik Shipping Ltd said on Monday it had agreed to a takeover by Halden Marine Inc, the container line controlled by the investor Ingrid Solheim.
Solheim, who built Halden Marine from a single ferry, said the deal would create the largest container fleet in the North Sea.
Industry experts said the takeover would face scrutiny from competition regulators in Brussels.
Norvik shareholders will receive cash for each share, and Solheim said Halden Marine would keep the Norvik brand.
Shipping analysts expect container rates to rise after the takeover, and port sources said Solheim had courted Norvik for two years.
Solheim will become chairman of the combined company.
-- Oslo newsroom +47 2200 0000`

func TestExtractNewsVariants(t *testing.T) {
	doc := nlptest.Tagged(t, takeover)
	ps := Extract(doc, 10)
	var got []string
	for _, p := range ps {
		got = append(got, p.Text)
	}
	t.Logf("top ten: %q", got)
	full := false
	for _, p := range ps {
		if p.Text != "Ingrid Solheim" {
			continue
		}
		full = true
		// the full name once, the surname alone four times
		var ms []string
		for k, m := range p.Mentions {
			ms = append(ms, doc.Text[m.Start:m.End])
			if k > 0 && m.Start <= p.Mentions[k-1].Start {
				t.Errorf("Ingrid Solheim: mentions not in text order")
			}
		}
		if len(ms) != 5 || ms[0] != "Ingrid Solheim" || ms[1] != "Solheim" {
			t.Errorf("Ingrid Solheim: mentions %q, want the full name and then the surname four times", ms)
		}
	}
	if !full {
		t.Errorf("no phrase \"Ingrid Solheim\" in %q", got)
	}
	for _, p := range ps {
		ws := strings.Fields(strings.ToLower(p.Text))
		last := strings.TrimSuffix(ws[len(ws)-1], ".")
		switch {
		case len(ws) > 1 && (last == "ltd" || last == "inc"):
			t.Errorf("%q keeps the legal form", p.Text)
		case last == "experts" || last == "analysts" || last == "sources":
			t.Errorf("%q has a generic head", p.Text)
		case last == "newsroom":
			t.Errorf("%q is the agency's sign-off", p.Text)
		case p.Text == "Solheim":
			t.Errorf("%q is not written in full (Ingrid Solheim)", p.Text)
		}
	}
}

// A title-case headline tags its common nouns as names: "ferry" is no
// surname of "Backs Ferry".
const ferry = `Harbour Board Backs Ferry Plan
The harbour board on Thursday backed a plan to run a ferry between the old port and the island of Tarrow.
The ferry would carry up to 300 passengers. Islanders have asked for the ferry for a decade.
The board said the ferry could start in two years, and that the ferry would stop at Kells on the way.
Money for the ferry must come from the regional government, which will decide in the spring.`

func TestExtractHeadlineIsNoName(t *testing.T) {
	ps := Extract(nlptest.Tagged(t, ferry), 10)
	var got []string
	for _, p := range ps {
		got = append(got, p.Text)
		if strings.EqualFold(p.Text, "Backs Ferry") {
			t.Errorf("%q taken for a full name", p.Text)
		}
	}
	t.Logf("top ten: %q", got)
}
