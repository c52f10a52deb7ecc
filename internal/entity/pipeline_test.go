package entity_test

import (
	"os"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
)

const summit = `French President Emmanuel Macron met Kenyan President William Ruto in Nairobi on Friday to discuss climate finance.
Macron said France would double its support for the African Development Bank (AfDB) by 2027.
The French president also praised Kenya's record on renewable energy.
Ruto, who hosted the summit, said he welcomed the pledge.
He added that the AfDB would manage the new fund from its offices in Abidjan.`

func TestResolvePipeline(t *testing.T) {
	doc, ms := nlptest.Mentions(t, summit)
	es := entity.Resolve(doc, ms)
	at := func(sp text.Span) string { return doc.Text[sp.Start:sp.End] }
	get := func(name string) *entity.Entity {
		for i := range es {
			if es[i].Name == name {
				return &es[i]
			}
		}
		t.Errorf("no entity %q", name)
		return nil
	}
	if m := get("Emmanuel Macron"); m != nil {
		var common []string
		for _, mm := range m.Mentions {
			if mm.Kind == entity.Common {
				common = append(common, at(mm.Span))
			}
		}
		if len(common) != 1 || common[0] != "The French president" {
			t.Errorf("Macron descriptions = %q", common)
		}
		if len(m.Roles) == 0 || m.Roles[0] != (entity.Role{Title: "President", Affiliation: "France"}) {
			t.Errorf("Macron roles = %+v", m.Roles)
		}
	}
	if r := get("William Ruto"); r != nil {
		var prons []string
		for _, mm := range r.Mentions {
			if mm.Kind == entity.Pronoun {
				prons = append(prons, at(mm.Span))
			}
		}
		if strings.Join(prons, ",") != "he,He" {
			t.Errorf("Ruto pronouns = %q", prons)
		}
		if len(r.Roles) == 0 || r.Roles[0].Affiliation != "Kenya" {
			t.Errorf("Ruto roles = %+v", r.Roles)
		}
	}
	if b := get("African Development Bank"); b != nil {
		var got []string
		for _, mm := range b.Mentions {
			got = append(got, at(mm.Span))
		}
		// "from its offices": the bank is the only organisation around
		if strings.Join(got, ",") != "African Development Bank,AfDB,AfDB,its" {
			t.Errorf("AfDB mentions = %q", got)
		}
	}
	for name, code := range map[string]string{"Nairobi": "KE", "Kenya": "KE", "France": "FR", "French": "FR", "Kenyan": "KE", "Abidjan": "CI"} {
		if e := get(name); e != nil && e.CountryCode != code {
			t.Errorf("%s: code %q, want %s", name, e.CountryCode, code)
		}
	}
	if e := get("Nairobi"); e != nil && (e.Location == nil || e.Location.Lat > 0 || e.Location.Lng < 36) {
		t.Errorf("Nairobi location = %+v", e.Location)
	}
	if t.Failed() {
		for _, e := range es {
			t.Logf("%s %s %.3f %s %+v", e.Name, e.Type, e.Salience, e.CountryCode, e.Roles)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	doc, ms := nlptest.Mentions(b, strings.Repeat(summit+"\n\n", 20))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		entity.Resolve(doc, ms)
	}
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkStage splits the pipeline's entities stage on its 600-word
// benchmark article into the recogniser and Resolve, to see whose the time
// is.
//
//	go test ./internal/entity -run '^$' -bench Stage -cpu 1
func BenchmarkStage(b *testing.B) {
	tg, rec := nlptest.Models(b)
	raw, err := os.ReadFile("../pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Skip(err)
	}
	doc := text.Analyze(string(raw))
	tg.Tag(doc)
	ms := rec.Recognize(doc)
	// cpu-ns/op (the thread's CPU time) is steadier than ns/op on a
	// shared machine
	b.Run("ner", func(b *testing.B) {
		b.ReportAllocs()
		defer cputime.LockThread()()
		t0 := cputime.Thread()
		for b.Loop() {
			rec.Recognize(doc)
		}
		b.ReportMetric(float64((cputime.Thread()-t0).Nanoseconds())/float64(b.N), "cpu-ns/op")
	})
	b.Run("resolve", func(b *testing.B) {
		b.ReportAllocs()
		defer cputime.LockThread()()
		t0 := cputime.Thread()
		for b.Loop() {
			entity.Resolve(doc, ms)
		}
		b.ReportMetric(float64((cputime.Thread()-t0).Nanoseconds())/float64(b.N), "cpu-ns/op")
	})
}
