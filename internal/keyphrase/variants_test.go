package keyphrase

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
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

// A story written for this test: a person named in full once, then by
// surname and twice with a title.
const dockStrike = `Dock strike ends in Bergen
BERGEN — The strike at the container docks of Bergen ended on Friday after the port's owner, Marit Halvorsen, agreed to raise wages.
Halvorsen met union leaders for six hours. Ms. Halvorsen said the deal was fair to both sides.
Dock workers had walked out three weeks ago. Halvorsen said the strike had cost the port its busiest month.
The union thanked Ms. Halvorsen for the talks. Halvorsen plans to hire forty more dock workers next year.
Shipping lines said Halvorsen had acted late, but welcomed the end of the strike.`

// checkMentions reports phrases whose mentions are not valid spans of s in
// strictly increasing order.
func checkMentions(t *testing.T, s string, ps []Phrase) {
	t.Helper()
	for _, p := range ps {
		if len(p.Mentions) == 0 {
			t.Errorf("%q: no mentions", p.Text)
		}
		for k, m := range p.Mentions {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Errorf("%q: mention %v outside the text", p.Text, m)
				continue
			}
			if k > 0 && m.Start <= p.Mentions[k-1].Start {
				t.Errorf("%q: mentions %v and %v not in text order or repeated", p.Text, p.Mentions[k-1], m)
			}
		}
	}
}

// TestExtractFullNameNotTitle checks that a surname is written in full with
// the first name, not the title ("Ms. Halvorsen"), and that the title form
// is then no phrase of its own. On the old rule: "Ms. Halvorsen" (the
// surname's occurrences) and "Marit Halvorsen" (once).
func TestExtractFullNameNotTitle(t *testing.T) {
	doc := nlptest.Tagged(t, dockStrike)
	ps := Extract(doc, 10)
	checkMentions(t, dockStrike, ps)
	var got []string
	merged := false
	for _, p := range ps {
		got = append(got, p.Text)
		if strings.HasPrefix(p.Text, "Ms.") {
			t.Errorf("%q: a title for a first name", p.Text)
		}
		for _, m := range p.Mentions {
			if dockStrike[m.Start:m.End] == "Halvorsen" {
				merged = true
				if p.Text != "Marit Halvorsen" {
					t.Errorf("the surname's phrase is %q, want \"Marit Halvorsen\"", p.Text)
				}
				break
			}
		}
	}
	if !merged {
		t.Errorf("no phrase holds the surname alone (the test cannot fail): %q", got)
	}
	t.Logf("top ten: %q", got)
}

// TestChooseFullNameOnce checks that a full name ranked above its surname is
// not written twice when Redundancy is off (the surname's full name is a
// phrase taken before).
func TestChooseFullNameOnce(t *testing.T) {
	e, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := nlptest.Tagged(t, takeover)
	dw := newDocWords(doc, e)
	defer dw.release()
	cands, ments := candidates(doc, dw)
	score := make([]float64, len(cands))
	found := 0
	for i := range cands {
		switch dw.key(cands[i].words) {
		case "ingrid solheim":
			score[i] = 0.9
			found++
		case "solheim":
			score[i] = 0.8
			found++
		default:
			score[i] = 0.1
		}
	}
	if found != 2 {
		t.Fatalf("candidates \"Ingrid Solheim\" and \"Solheim\" not found (%d)", found)
	}
	for _, red := range []bool{true, false} {
		e.Redundancy = red
		ps, _ := e.choose(doc, dw, cands, ments, score, 3)
		seen := map[string]bool{}
		for _, p := range ps {
			if seen[p.Text] {
				t.Errorf("Redundancy %v: %q twice", red, p.Text)
			}
			seen[p.Text] = true
		}
	}
}

// TestExtractNoBareLegalForm checks that a legal form is no phrase alone
// ("Inc"), as it is none at the end of a name.
func TestExtractNoBareLegalForm(t *testing.T) {
	const s = `Microsoft Corp profit rises
Microsoft Corp said profit rose. Microsoft Corp sells software. Microsoft Corp shares rose. Corp profit. Microsoft Corp beat forecasts. Apple Inc and Microsoft Corp compete.`
	ps := Extract(nlptest.Tagged(t, s), 10)
	checkMentions(t, s, ps)
	for _, p := range ps {
		ws := strings.Fields(strings.ToLower(p.Text))
		if roles[strings.TrimSuffix(ws[len(ws)-1], ".")] == roleSuffix {
			t.Errorf("%q ends in a legal form", p.Text)
		}
	}
}

// TestWithFull checks withFull against the obvious quadratic loop, and
// that it is not quadratic itself (a name on every line of a 1 MB text).
func TestWithFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for try := 0; try < 200; try++ {
		var ms, full []text.Span
		for p := 0; p < 60; p += 1 + rng.IntN(3) {
			// tokens of 3 bytes and a space: token k is [4k, 4k+3)
			if rng.IntN(3) == 0 && p > 0 {
				full = append(full, text.Span{Start: 4 * (p - 1), End: 4*p + 3})
			}
			ms = append(ms, text.Span{Start: 4 * p, End: 4*p + 3})
		}
		rng.Shuffle(len(full), func(i, j int) { full[i], full[j] = full[j], full[i] })
		var want []text.Span
		for _, m := range ms {
			if !slices.ContainsFunc(full, func(f text.Span) bool { return f.Start <= m.Start && m.End <= f.End }) {
				want = append(want, m)
			}
		}
		want = append(want, full...)
		got := withFull(slices.Clone(ms), slices.Clone(full))
		cmp := func(a, b text.Span) int { return a.Start - b.Start }
		slices.SortFunc(want, cmp)
		slices.SortFunc(got, cmp)
		if !slices.Equal(got, want) {
			t.Fatalf("withFull(%v, %v) = %v, want %v", ms, full, got, want)
		}
	}
	var ms, full []text.Span
	for k := 0; k < 40000; k++ {
		ms = append(ms, text.Span{Start: 20 * k, End: 20*k + 7})
		if k%2 == 0 {
			full = append(full, text.Span{Start: 20*k - 7, End: 20*k + 7})
		}
	}
	if d := cputime.Run(func() { withFull(ms, full) }); d > 50*time.Millisecond {
		t.Errorf("withFull of 40,000 occurrences took %v of CPU", d)
	}
}

// TestExtractHeadlineVerbIsNoFirstName checks that a verb capitalised in a
// headline before a surname is no first name ("Confirms Halvorsen"), in
// title case and in capitals. On the old rule: "Confirms Halvorsen" and
// "CONFIRMS HALVORSEN" for the surname.
func TestExtractHeadlineVerbIsNoFirstName(t *testing.T) {
	const body = `
OSLO — The parliament on Thursday confirmed the appointment of the new port commissioner after a long debate.
Halvorsen, who ran the Bergen docks for a decade, won 91 votes. Halvorsen will start in March.
Opposition members said Halvorsen had no experience of the northern ports. Halvorsen rejected the criticism.
Halvorsen plans to cut the waiting time of container ships at the ports.`
	for _, head := range []string{"Parliament Confirms Halvorsen As Port Chief", "PARLIAMENT CONFIRMS HALVORSEN"} {
		s := head + body
		ps := Extract(nlptest.Tagged(t, s), 10)
		checkMentions(t, s, ps)
		var got []string
		surname := false
		for _, p := range ps {
			got = append(got, p.Text)
			for _, m := range p.Mentions {
				if s[m.Start:m.End] == "Halvorsen" {
					surname = true
					if p.Text != "Halvorsen" {
						t.Errorf("%s: the surname's phrase is %q, want \"Halvorsen\"", head, p.Text)
					}
					break
				}
			}
		}
		if !surname {
			t.Errorf("%s: no phrase holds the surname alone (the test cannot fail): %q", head, got)
		}
	}
}
