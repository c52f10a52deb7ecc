package entity_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
)

// mentionsOf returns the text of e's mentions of kind k.
func mentionsOf(text string, e *entity.Entity, k entity.MentionKind) []string {
	var out []string
	for _, m := range e.Mentions {
		if m.Kind == k {
			out = append(out, text[m.Span.Start:m.Span.End])
		}
	}
	return out
}

// A company named with its legal form and later without it is one
// entity, named in full; two companies beginning with the same word keep
// the short name apart.
func TestLegalFormShortName(t *testing.T) {
	doc, es := run(t, `Hallworth Brewing Corp. said on Tuesday it would close two plants in Ohio.
Shares of Hallworth fell 4 percent after the announcement, and Hallworth said it expected more cuts.
Its rival Kestrel Systems Inc. gained on the news, analysts said.
Kestrel has been buying smaller brewers for two years.`)
	for _, c := range []struct{ full, short string }{{"Hallworth Brewing Corp.", "Hallworth"}, {"Kestrel Systems Inc.", "Kestrel"}} {
		full, short := owner(doc, es, c.full, 0), owner(doc, es, c.short, 1)
		if full == nil || full != short {
			t.Errorf("%q and a later %q are not one entity", c.full, c.short)
		} else if full.Name != c.full {
			t.Errorf("entity of %q named %q", c.short, full.Name)
		}
	}
	doc, es = run(t, `Torvane Motor Co. and Torvane Life Insurance Co. are run apart, a spokesman said.
Torvane has not commented on the plan.`)
	if e := owner(doc, es, "Torvane", 2); e != nil && (e.Name == "Torvane Motor Co." || e.Name == "Torvane Life Insurance Co.") {
		t.Errorf("the bare Torvane joined %q, though two companies begin so", e.Name)
	}
}

// The short form before the full name joins it too; so do a party and
// its name without "Party".
func TestLegalFormBefore(t *testing.T) {
	doc, es := run(t, `Microsoft said its new software would ship in June.
Microsoft Corp. shares rose 2 percent in New York trading.
The Labour Party met in Brighton, where Labour leaders said they would fight the plan.`)
	if a, b := owner(doc, es, "Microsoft", 0), owner(doc, es, "Microsoft", 1); a == nil || a != b || a.Name != "Microsoft Corp." {
		t.Errorf("Microsoft and Microsoft Corp. not one entity named in full")
	}
	if a, b := owner(doc, es, "Labour", 0), owner(doc, es, "Labour", 1); a == nil || a != b {
		t.Errorf("Labour Party and Labour not one entity")
	}
}

// Singular and plural of one group ("Catholic", "Catholics") are one
// entity; places are left alone.
func TestPluralVariants(t *testing.T) {
	doc, es := run(t, `Catholics in the city gathered on Sunday to mark the anniversary.
The Catholic bishop told the crowd that Catholics had kept their faith for centuries.
Senate Democrats said on Monday they would block the bill, and one Democrat called it cruel.`)
	if a, b := owner(doc, es, "Catholics", 0), owner(doc, es, "Catholic", 0); a == nil || a != b {
		t.Errorf("Catholics and Catholic not one entity")
	}
	if a, b := owner(doc, es, "Democrats", 0), owner(doc, es, "Democrat", 0); a == nil || a != b {
		t.Errorf("Democrats and Democrat not one entity")
	}
}

// A name does not end in a hyphen or a hyphenated lower-case word: "a
// Brazil- funded project" and "a Brazil-based firm" mention Brazil.
func TestHyphenTail(t *testing.T) {
	doc, es := run(t, `Brazil signed the deal on Monday.
Officials said a Brazil- funded project would start next year, run by a Brazil-based firm.`)
	for _, e := range es {
		if n := e.Name; n[len(n)-1] == '-' || n == "Brazil-based" {
			t.Errorf("entity named %q", n)
		}
	}
	b := named(es, "Brazil")
	if b == nil {
		t.Fatal("no Brazil")
	}
	for _, m := range b.Mentions {
		if s := doc.Text[m.Span.Start:m.Span.End]; m.Kind == entity.Proper && s != "Brazil" {
			t.Errorf("Brazil mention %q", s)
		}
	}
}

// "the Pope" after "Pope Gregory" is a description of him, not a person
// named Pope.
func TestTitleAlone(t *testing.T) {
	doc, es := run(t, `Pope Gregory arrived in Lisbon on Friday for a three-day visit.
Thousands of pilgrims waited for hours in the rain outside the cathedral.
In a speech to bishops, the Pope said the church must do more for the poor.`)
	if e := named(es, "Pope"); e != nil {
		t.Errorf("a person named Pope: %q", mentionsOf(doc.Text, e, entity.Proper))
	}
	g := owner(doc, es, "Gregory", 0)
	if g == nil {
		t.Fatal("no Gregory")
	}
	if c := mentionsOf(doc.Text, g, entity.Common); len(c) != 1 || c[0] != "the Pope" {
		t.Errorf("Gregory's descriptions %q", c)
	}
}

// A company named by its first word and a company's noun ("Varnholt
// Bank", "Osprey Airways") is one entity with its bare first word.
func TestFirmFirstWord(t *testing.T) {
	doc, es := run(t, `Varnholt Bank raised its forecast for German growth on Thursday.
Shares of Varnholt fell 3 percent in Frankfurt after the report.
Osprey Airways cut fares on its domestic routes, and Osprey said bookings rose.`)
	for _, c := range []struct{ full, short string }{{"Varnholt Bank", "Varnholt"}, {"Osprey Airways", "Osprey"}} {
		full, short := owner(doc, es, c.full, 0), owner(doc, es, c.short, 1)
		if full == nil || full != short {
			t.Errorf("%q and a later %q are not one entity", c.full, c.short)
		}
	}
}

// "the Pope" that no description takes (no pope is named) still names
// someone: the mention is not lost.
func TestTitleAloneUnclaimed(t *testing.T) {
	doc, es := run(t, `The Pope said on Sunday that the church must do more for the poor.
Thousands of pilgrims listened in the square. The Pope later met bishops.`)
	for n := 0; n < 2; n++ {
		if owner(doc, es, "Pope", n) == nil {
			t.Errorf("Pope %d has no entity", n)
		}
	}
}

// A company named after a place ("Israel Corp.") does not take the
// place's mentions.
func TestLegalFormNotPlace(t *testing.T) {
	doc, es := run(t, `Israel Corp. said on Monday that profits rose 5 percent.
Israel said it would build more homes in the West Bank.`)
	if co, pl := owner(doc, es, "Israel", 0), owner(doc, es, "Israel", 1); co == nil || pl == nil || co == pl {
		t.Errorf("Israel Corp. and the country Israel are one entity (or none)")
	}
}

// "Mr. Dell" is a man, not the company Dell Inc., even when the
// recogniser tags him as an organisation.
func TestHonorificNotCompany(t *testing.T) {
	doc, es := run(t, `Dell Inc. reported a loss on Tuesday.
Mr. Dell said the company would cut jobs.`)
	co, man := owner(doc, es, "Dell", 0), owner(doc, es, "Dell", 1)
	if co == nil || man == nil || co == man {
		t.Fatalf("Dell Inc. and Mr. Dell are one entity (or none)")
	}
	if man.Type != ner.Person {
		t.Errorf("Mr. Dell is a %s", man.Type)
	}
}

// A one-word organisation whose name ends in s ("The Times") is not the
// plural of another ("Time" magazine); a team of two words is ("Kiwi
// Hawks").
func TestPluralNotName(t *testing.T) {
	doc, es := run(t, `The New York Times reported on Monday that Time Warner would sell Time magazine.
The Times said the deal was worth $1 billion.`)
	if a, b := owner(doc, es, "Times", 1), owner(doc, es, "Time", 1); a != nil && a == b {
		t.Errorf("The Times and Time are one entity %q", a.Name)
	}
	// a team of two words is its members' plural
	doc, es = run(t, `The Kiwi Hawks beat France 30-12 on Saturday.
Kiwi Hawk captain Reuben Tane said the win was deserved.`)
	if a, b := owner(doc, es, "Kiwi Hawks", 0), owner(doc, es, "Kiwi Hawk", 0); a == nil || a != b {
		t.Errorf("Kiwi Hawks and Kiwi Hawk not one entity")
	}
}

// A hyphenated lower-case word is cut from a name in any script
// ("Zürich-based").
func TestHyphenTailUnicode(t *testing.T) {
	doc, es := run(t, `A Zürich-based bank and a São Paulo-based firm bought stakes on Monday.`)
	for _, e := range es {
		if strings.HasSuffix(e.Name, "-based") {
			t.Errorf("entity named %q", e.Name)
		}
		for _, s := range mentionsOf(doc.Text, &e, entity.Proper) {
			if strings.HasSuffix(s, "-based") {
				t.Errorf("mention %q", s)
			}
		}
	}
}

// The lower-case syllable after a hyphen in an Asian given name is part
// of the name ("Kim Dae-jung", not "Kim Dae"); a modifier word is not
// ("Seoul-based").
func TestHyphenGivenName(t *testing.T) {
	_, es := run(t, `South Korean President Kim Dae-jung met UN chief Ban Ki-moon in Seoul on Monday.
Deng Xiao-ping was praised by a Seoul-based paper.`)
	for _, n := range []string{"Kim Dae-jung", "Ban Ki-moon", "Deng Xiao-ping"} {
		if named(es, n) == nil {
			t.Errorf("no entity named %q", n)
		}
	}
	for _, e := range es {
		if strings.HasSuffix(e.Name, "-based") {
			t.Errorf("entity named %q", e.Name)
		}
	}
}

// Whatever the new variants do (cut hyphen tails, late titles, legal
// forms, plurals), mentions stay inside the text, sorted per entity and
// apart from each other, and saliences stay in [0, 1], sorted, summing
// to 1.
func TestVariantInvariants(t *testing.T) {
	doc, es := run(t, `The Pope said on Sunday that a China- funded Zürich-based bank had closed.
Hallworth Brewing Corp. and J.R. Harwick & Co. said Hallworth would buy Harwick; Mr. Hallworth declined to comment.
Catholics and the Catholic bishop of São Paulo-based groups met Kim Dae-jung. The Pope later left for Rome.`)
	type span struct{ a, b int }
	var all []span
	sum := 0.0
	for i, e := range es {
		if e.Salience < 0 || e.Salience > 1 || i > 0 && e.Salience > es[i-1].Salience {
			t.Errorf("%q salience %v", e.Name, e.Salience)
		}
		sum += e.Salience
		for k, m := range e.Mentions {
			if m.Span.Start < 0 || m.Span.End > len(doc.Text) || m.Span.Start >= m.Span.End {
				t.Fatalf("%q mention %+v outside the text", e.Name, m.Span)
			}
			if k > 0 && m.Span.Start < e.Mentions[k-1].Span.Start {
				t.Errorf("%q mentions not sorted", e.Name)
			}
			if s := doc.Text[m.Span.Start:m.Span.End]; strings.HasSuffix(s, "-") || strings.HasSuffix(s, "-based") {
				t.Errorf("%q mention %q", e.Name, s)
			}
			all = append(all, span{m.Span.Start, m.Span.End})
		}
	}
	if len(es) > 0 && (sum < 0.999 || sum > 1.001) {
		t.Errorf("saliences sum to %v", sum)
	}
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			if all[i].a < all[j].b && all[j].a < all[i].b {
				t.Errorf("mentions %q and %q overlap", doc.Text[all[i].a:all[i].b], doc.Text[all[j].a:all[j].b])
			}
		}
	}
}
