package entity

import (
	"context"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

type gold struct {
	s string
	t ner.Type
}

// mentionsOf builds NER mentions for every token-aligned occurrence of the
// given strings, as a recogniser would.
func mentionsOf(doc *text.Document, gs ...gold) []ner.Mention {
	var out []ner.Mention
	for _, g := range gs {
		for off := 0; ; {
			i := strings.Index(doc.Text[off:], g.s)
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(g.s)
			off = end
			first, last := -1, -1
			for k, tk := range doc.Tokens {
				if tk.Start == start {
					first = k
				}
				if tk.End == end {
					last = k + 1
				}
			}
			if first < 0 || last < 0 {
				continue
			}
			sent := 0
			for si, s := range doc.Sentences {
				if first >= s.First && first < s.Last {
					sent = si
				}
			}
			out = append(out, ner.Mention{Type: g.t, Text: g.s, Start: start, End: end, First: first, Last: last, Sentence: sent})
		}
	}
	// drop mentions inside longer ones
	var keep []ner.Mention
	for _, m := range out {
		inside := false
		for _, o := range out {
			if o.Start <= m.Start && m.End <= o.End && o.End-o.Start > m.End-m.Start {
				inside = true
			}
		}
		if !inside {
			keep = append(keep, m)
		}
	}
	return keep
}

func find(es []Entity, name string) *Entity {
	for i := range es {
		if es[i].Name == name {
			return &es[i]
		}
	}
	return nil
}

func mentionTexts(doc *text.Document, e *Entity, k MentionKind) []string {
	var out []string
	for _, m := range e.Mentions {
		if m.Kind == k {
			out = append(out, doc.Text[m.Span.Start:m.Span.End])
		}
	}
	return out
}

const article = `German Foreign Minister Annalena Baerbock met Brazil's Foreign Minister Mauro Vieira in Brasilia on Monday.
Baerbock said the two countries share an interest in protecting the Amazon rainforest.
The German minister added that the European Union (EU) wants to conclude its trade agreement with the Mercosur bloc this year.
She also praised Vieira for his efforts on climate talks.
For his part, Vieira said Brazil welcomed investment from Germany and the EU.
He noted that the Brazilian government had cut deforestation sharply.
Mr. Carlos Lima, a spokesman for the Brazilian Foreign Ministry, told reporters the talks went well.`

func TestResolveArticle(t *testing.T) {
	doc := text.Analyze(article)
	ms := mentionsOf(doc,
		gold{"German", ner.Nationality}, gold{"Annalena Baerbock", ner.Person}, gold{"Brazil", ner.Location},
		gold{"Mauro Vieira", ner.Person}, gold{"Brasilia", ner.Location}, gold{"Baerbock", ner.Person},
		gold{"Amazon", ner.Location}, gold{"European Union", ner.Org}, gold{"EU", ner.Org},
		gold{"Mercosur", ner.Org}, gold{"Vieira", ner.Person}, gold{"Germany", ner.Location},
		gold{"Brazilian", ner.Nationality}, gold{"Carlos Lima", ner.Person}, gold{"Brazilian Foreign Ministry", ner.Org},
	)
	es := Resolve(doc, ms)
	b := find(es, "Annalena Baerbock")
	if b == nil {
		t.Fatalf("no Baerbock entity in %+v", es)
	}
	if got := mentionTexts(doc, b, Proper); len(got) != 2 {
		t.Errorf("Baerbock proper mentions = %q, want 2", got)
	}
	if got := mentionTexts(doc, b, Common); len(got) != 1 || got[0] != "The German minister" {
		t.Errorf("Baerbock common mentions = %q", got)
	}
	if got := mentionTexts(doc, b, Pronoun); len(got) != 1 || got[0] != "She" {
		t.Errorf("Baerbock pronouns = %q", got)
	}
	if len(b.Roles) == 0 || b.Roles[0] != (Role{"Foreign Minister", "Germany"}) {
		t.Errorf("Baerbock roles = %+v", b.Roles)
	}
	v := find(es, "Mauro Vieira")
	if v == nil {
		t.Fatal("no Vieira")
	}
	if len(v.Roles) == 0 || v.Roles[0] != (Role{"Foreign Minister", "Brazil"}) {
		t.Errorf("Vieira roles = %+v", v.Roles)
	}
	if got := mentionTexts(doc, v, Pronoun); len(got) != 3 {
		t.Errorf("Vieira pronouns = %q, want his, his, He", got)
	}
	eu := find(es, "European Union")
	if eu == nil || len(mentionTexts(doc, eu, Proper)) != 3 {
		t.Errorf("EU = %+v", eu)
	}
	if e := find(es, "EU"); e != nil {
		t.Errorf("separate EU entity %+v", e)
	}
	for name, code := range map[string]string{"Brazil": "BR", "German": "DE", "Germany": "DE", "Brasilia": "BR", "Brazilian": "BR"} {
		e := find(es, name)
		if e == nil || e.CountryCode != code {
			t.Errorf("%s: %+v, want code %s", name, e, code)
		}
	}
	if e := find(es, "Brasilia"); e == nil || e.Location == nil || e.Location.Lat > -15 || e.Location.Lat < -16.5 {
		t.Errorf("Brasilia location: %+v", e)
	}
	if e := find(es, "Amazon"); e == nil || e.CountryCode != "" || e.Location != nil {
		t.Errorf("Amazon invented a place: %+v", e)
	}
	l := find(es, "Carlos Lima")
	if l == nil || len(l.Roles) != 1 || l.Roles[0] != (Role{"spokesman", "Brazilian Foreign Ministry"}) {
		t.Errorf("Lima = %+v", l)
	}
	sum := 0.0
	for i, e := range es {
		if e.Salience < 0 || e.Salience > 1 {
			t.Errorf("salience %v out of range", e.Salience)
		}
		if i > 0 && e.Salience > es[i-1].Salience {
			t.Errorf("not sorted by salience")
		}
		sum += e.Salience
	}
	if es[0].Name != "Annalena Baerbock" && es[0].Name != "Mauro Vieira" {
		t.Errorf("most salient = %s", es[0].Name)
	}
}

func TestHeadlineName(t *testing.T) {
	doc := text.Analyze("Ruiz Sees Victory if Harbour Plan Passes\n\nMayor Ana Ruiz said on Monday that the plan would pass. Ruiz thanked the council.")
	es := Resolve(doc, mentionsOf(doc, gold{"Ruiz Sees", ner.Person}, gold{"Ana Ruiz", ner.Person}, gold{"Ruiz", ner.Person}))
	if len(es) != 1 || es[0].Name != "Ana Ruiz" || len(es[0].Mentions) != 3 {
		t.Errorf("got %+v, want one entity Ana Ruiz with 3 mentions", es)
	}
	if len(es) > 0 && (len(es[0].Roles) != 1 || es[0].Roles[0].Title != "Mayor") {
		t.Errorf("roles %+v", es[0].Roles)
	}
}

func TestNominalWithComplement(t *testing.T) {
	doc := text.Analyze("President Amara Diallo opened the session. The president of the chess club then spoke. The president thanked the delegates.")
	es := Resolve(doc, mentionsOf(doc, gold{"Amara Diallo", ner.Person}))
	if len(es) != 1 {
		t.Fatalf("entities %+v", es)
	}
	got := mentionTexts(doc, &es[0], Common)
	if len(got) != 1 || got[0] != "The president" || es[0].Mentions[len(es[0].Mentions)-1].Span.Start < strings.Index(doc.Text, "The president thanked") {
		t.Errorf("descriptions of Diallo = %q, want only the last \"The president\"", got)
	}
}

func TestHonorificGender(t *testing.T) {
	doc := text.Analyze("Hillary Clinton and Bill Clinton arrived in Ohio. Mrs. Clinton spoke first. Mr. Clinton followed her.")
	es := Resolve(doc, mentionsOf(doc, gold{"Hillary Clinton", ner.Person}, gold{"Bill Clinton", ner.Person}, gold{"Clinton", ner.Person}, gold{"Ohio", ner.Location}))
	h, b := find(es, "Hillary Clinton"), find(es, "Bill Clinton")
	if h == nil || b == nil {
		t.Fatalf("entities %+v", es)
	}
	if got := mentionTexts(doc, h, Proper); len(got) != 2 || got[1] != "Clinton" || h.Mentions[1].Span.Start != strings.Index(doc.Text, "Clinton spoke") {
		t.Errorf("Hillary Clinton mentions %+v", h.Mentions)
	}
	if got := mentionTexts(doc, b, Proper); len(got) != 2 || b.Mentions[1].Span.Start != strings.Index(doc.Text, "Clinton followed") {
		t.Errorf("Bill Clinton mentions %+v", b.Mentions)
	}
}

func TestAbbreviatedTitle(t *testing.T) {
	doc := text.Analyze("Sen. Dana Whitfield criticized the bill on Tuesday. The senator said it would raise costs.")
	es := Resolve(doc, mentionsOf(doc, gold{"Dana Whitfield", ner.Person}))
	if len(es) != 1 {
		t.Fatalf("entities %+v", es)
	}
	if got := mentionTexts(doc, &es[0], Common); len(got) != 1 || got[0] != "The senator" {
		t.Errorf("descriptions %q, want The senator", got)
	}
}

func TestRetypeAcronym(t *testing.T) {
	doc := text.Analyze("The ministers said the ZRPA had been violated. Under the ZRPA, sanctions were lifted. " +
		"Troops were sent to the KVRT. Fighting in the KVRT went on.")
	es := Resolve(doc, mentionsOf(doc, gold{"ZRPA", ner.Location}, gold{"KVRT", ner.Location}))
	if e := find(es, "ZRPA"); e == nil || e.Type != ner.Law {
		t.Errorf("ZRPA = %+v, want LAW", e)
	}
	if e := find(es, "KVRT"); e == nil || e.Type != ner.Location {
		t.Errorf("KVRT = %+v, want LOCATION (used as a place)", e)
	}
}

func TestCancelledReturnsNothing(t *testing.T) {
	doc := text.Analyze(article)
	ms := mentionsOf(doc, gold{"Annalena Baerbock", ner.Person}, gold{"Brazil", ner.Location})
	if len(Resolve(doc, ms)) == 0 {
		t.Fatal("no entities before cancelling")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc.WithContext(ctx)
	if es := Resolve(doc, ms); es != nil {
		t.Errorf("cancelled: %d entities, want nil", len(es))
	}
}
