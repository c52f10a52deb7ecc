// Command entity measures entity resolution on CoNLL-2003 with a proxy:
// there is no coreference gold here, so it feeds the gold name mentions of
// each document to entity.Resolve (text joined with spaces, one sentence a
// line, tagged by the real POS model) and scores what the names alone
// say:
//
//   - repeats: pairs of gold mentions of one document with the same type
//     and the same words, which must end in one entity (link recall);
//   - surnames: a one-word PER mention that is the last word of exactly one
//     longer PER name earlier in the document must join that person;
//   - merges: pairs of gold mentions that Resolve put in one entity, counted
//     as plausible when their words are equal, one's words are all in the
//     other, one is the other's acronym or a clipping of its first word
//     ("Fed", "Federal Reserve"), or both are the same country, once
//     a hyphenated lower-case last word is left out ("Tripoli-based" is
//     Tripoli) (link precision proxy; the rest are listed with -v);
//   - LAW: gold LOC, ORG or PER mentions whose entity Resolve made a LAW
//     (an unknown acronym used as an agreement): each is an error here;
//     gold MISC made LAW is a refinement ("Peking Protocol");
//   - places: the share of gold LOC mentions (and of MISC demonyms) whose
//     entity carries a country code, and LOC entities with coordinates or
//     a region.
//
// A second pass runs the run-time path (the recogniser's mentions, not the
// gold ones) and scores the entities on the gold mentions whose exact span
// the recogniser found: the share whose entity has the gold type (PER,
// ORG, LOC, the rest MISC) and the gold LOC mentions with a country code.
//
// It also times Resolve alone. Run from the repository root:
//
//	go run ./cmd/eval/entity [-data ../shared/data] [-split valid.txt] [-v]
package main

import (
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/conll"
	"github.com/lector-nlp/lector/internal/corpus"
	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/geo"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

func main() {
	data := flag.String("data", "../shared/data", "datasets folder")
	split := flag.String("split", "valid.txt", "CoNLL-2003 split")
	verbose := flag.Bool("v", false, "list the implausible merges and the missed repeats")
	types := flag.Bool("types", false, "list the run-time path's gold mentions whose entity has another type")
	flag.Parse()
	docs, err := conll.ReadFile(filepath.Join(*data, "conll2003", *split))
	if err != nil {
		log.Fatal(err)
	}
	tg, err := pos.Load()
	if err != nil {
		log.Fatal(err)
	}
	rec, err := ner.Load()
	if err != nil {
		log.Fatal(err)
	}
	rt := runtimeStats{list: *types}
	var s stats
	var elapsed time.Duration
	nTok := 0
	for _, d := range docs {
		doc, ms := build(d)
		tg.Tag(doc)
		t0 := time.Now()
		es := entity.Resolve(doc, ms)
		elapsed += time.Since(t0)
		nTok += len(doc.Tokens)
		s.score(doc, ms, es, *verbose)
		rt.score(doc, ms, entity.Resolve(doc, rec.Recognize(doc)))
	}
	fmt.Printf("CoNLL-2003 %s: %d documents, %d gold name mentions, gold mentions given to entity.Resolve\n", *split, len(docs), s.mentions)
	fmt.Printf("repeats  (same type and words in one entity): %d / %d pairs = %.2f %%\n", s.repeatOK, s.repeats, pct(s.repeatOK, s.repeats))
	fmt.Printf("surnames (one-word PER joins its full name):   %d / %d = %.2f %%\n", s.surOK, s.surnames, pct(s.surOK, s.surnames))
	fmt.Printf("merges   (pairs put in one entity that are plausible): %d / %d = %.2f %%\n", s.mergeOK, s.merges, pct(s.mergeOK, s.merges))
	fmt.Printf("places   LOC mentions with a country code: %d / %d = %.2f %%; demonyms (MISC) with one: %d / %d = %.2f %%\n",
		s.locCode, s.locs, pct(s.locCode, s.locs), s.demCode, s.dems, pct(s.demCode, s.dems))
	fmt.Printf("         LOC entities with coordinates %d, with a region %d, of %d\n", s.locWithLoc, s.locWithRegion, s.locEnts)
	fmt.Printf("pronoun and description mentions added: %d pronouns, %d descriptions\n", s.pronouns, s.commons)
	fmt.Printf("LAW: gold LOC/ORG/PER mentions made LAW (errors) %d; gold MISC mentions refined to LAW %d\n", s.lawWrong, s.lawMisc)
	fmt.Printf("run-time (recogniser's mentions): gold mentions found with their exact span %d / %d; their entity has the gold type %d = %.2f %%; gold LOC mentions with a country code %d / %d = %.2f %%\n",
		rt.found, s.mentions, rt.typed, pct(rt.typed, rt.found), rt.locCode, s.locs, pct(rt.locCode, s.locs))
	fmt.Printf("entity.Resolve: %.0f tokens/s (%d tokens, %v)\n", float64(nTok)/elapsed.Seconds(), nTok, elapsed.Round(time.Millisecond))
}

// runtimeStats scores the entities of the run-time path on the gold
// mentions the recogniser found with their exact span.
type runtimeStats struct {
	found, typed, locCode int
	list                  bool // print the mentions typed wrong (-types)
}

func (rt *runtimeStats) score(doc *text.Document, gold []ner.Mention, es []entity.Entity) {
	type key struct{ start, end int }
	owner := map[key]*entity.Entity{}
	for i := range es {
		for _, m := range es[i].Mentions {
			if m.Kind == entity.Proper {
				owner[key{m.Span.Start, m.Span.End}] = &es[i]
			}
		}
	}
	for _, g := range gold {
		e, ok := owner[key{g.Start, g.End}]
		if !ok {
			continue
		}
		rt.found++
		if conllClass(e.Type) == conllClass(g.Type) {
			rt.typed++
		} else if rt.list {
			fmt.Printf("run-time type: gold %s, entity %q %s: %q\n", g.Type, e.Name, e.Type, g.Text)
		}
		if g.Type == ner.Location && e.CountryCode != "" {
			rt.locCode++
		}
	}
}

// conllClass maps a type to CoNLL's four: PER, ORG, LOC and MISC for the
// rest.
func conllClass(t ner.Type) ner.Type {
	switch t {
	case ner.Person, ner.Org, ner.Location:
		return t
	}
	return ner.Misc
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

var types = map[string]ner.Type{"PER": ner.Person, "ORG": ner.Org, "LOC": ner.Location, "MISC": ner.Misc}

// build joins the document's tokens with spaces, one sentence a line, and
// returns it analysed with the gold mentions on its tokens.
func build(d conll.Document) (*text.Document, []ner.Mention) {
	var b strings.Builder
	type gold struct {
		start, end int
		typ        string
	}
	var gs []gold
	for si, s := range d.Sentences {
		if si > 0 {
			b.WriteByte('\n')
		}
		offs := make([]int, len(s.Words)+1)
		for i, w := range s.Words {
			if i > 0 {
				b.WriteByte(' ')
			}
			offs[i] = b.Len()
			b.WriteString(w)
		}
		offs[len(s.Words)] = b.Len()
		for _, sp := range conll.Spans(s.Tags) {
			end := offs[sp.End-1] + len(s.Words[sp.End-1])
			gs = append(gs, gold{offs[sp.Start], end, sp.Type})
		}
	}
	doc := text.Analyze(b.String())
	x := corpus.NewSpanIndex(doc)
	var ms []ner.Mention
	for _, g := range gs {
		f, l, sent, ok := x.Tokens(g.start, g.end)
		if !ok {
			continue
		}
		ms = append(ms, ner.Mention{Type: types[g.typ], Text: doc.Text[g.start:g.end], Start: g.start, End: g.end, First: f, Last: l, Sentence: sent})
	}
	return doc, ms
}

type stats struct {
	mentions                           int
	repeats, repeatOK, surnames, surOK int
	merges, mergeOK                    int
	locs, locCode, dems, demCode       int
	locEnts, locWithLoc, locWithRegion int
	pronouns, commons                  int
	lawWrong, lawMisc                  int
}

func (s *stats) score(doc *text.Document, ms []ner.Mention, es []entity.Entity, verbose bool) {
	s.mentions += len(ms)
	owner := map[int]int{} // mention start -> entity index
	for i, e := range es {
		for _, m := range e.Mentions {
			switch m.Kind {
			case entity.Proper:
				owner[m.Span.Start] = i
			case entity.Pronoun:
				s.pronouns++
			case entity.Common:
				s.commons++
			}
		}
		if e.Type == ner.Location {
			s.locEnts++
			if e.Location != nil {
				s.locWithLoc++
			}
			if e.Region != "" {
				s.locWithRegion++
			}
		}
	}
	ent := func(m ner.Mention) int {
		// Resolve drops a leading "the" and titles: look inside the span
		for k := m.First; k < m.Last; k++ {
			if i, ok := owner[doc.Tokens[k].Start]; ok {
				return i
			}
		}
		return -1
	}
	words := func(m ner.Mention) []string { return strings.Fields(strings.ToLower(m.Text)) }
	for a := range ms {
		ea := ent(ms[a])
		if ea >= 0 && es[ea].Type == ner.Law && ms[a].Type != ner.Misc {
			s.lawWrong++
			if verbose {
				fmt.Printf("retyped: %s %q -> LAW\n", ms[a].Type, ms[a].Text)
			}
		} else if ea >= 0 && es[ea].Type == ner.Law {
			s.lawMisc++
		}
		switch ms[a].Type {
		case ner.Location:
			s.locs++
			if ea >= 0 && es[ea].CountryCode != "" {
				s.locCode++
			}
		case ner.Misc:
			if _, ok := geo.CountryByDemonym(ms[a].Text); ok {
				s.dems++
				if ea >= 0 && es[ea].CountryCode != "" {
					s.demCode++
				}
			}
		}
		// surname: one-word PER that ends exactly one earlier longer PER
		if ms[a].Type == ner.Person && ms[a].Last-ms[a].First == 1 {
			full, n := -1, 0
			for b := 0; b < a; b++ {
				wb := words(ms[b])
				if ms[b].Type == ner.Person && len(wb) > 1 && wb[len(wb)-1] == strings.ToLower(ms[a].Text) {
					if full < 0 || ms[b].Text != ms[full].Text {
						n++
					}
					full = b
				}
			}
			if n == 1 {
				s.surnames++
				if ea >= 0 && ea == ent(ms[full]) {
					s.surOK++
				}
			}
		}
		for b := a + 1; b < len(ms); b++ {
			eb := ent(ms[b])
			if ms[a].Type == ms[b].Type && ms[a].Text == ms[b].Text {
				s.repeats++
				if ea >= 0 && ea == eb {
					s.repeatOK++
				} else if verbose {
					fmt.Printf("repeat missed: %s %q\n", ms[a].Type, ms[a].Text)
				}
			}
			if ea >= 0 && ea == eb {
				s.merges++
				if plausible(ms[a].Text, ms[b].Text) {
					s.mergeOK++
				} else if verbose {
					fmt.Printf("merge? %q + %q -> %q\n", ms[a].Text, ms[b].Text, es[ea].Name)
				}
			}
		}
	}
}

// plausible reports whether two names can name one thing by their words
// alone.
func plausible(a, b string) bool {
	// "Tripoli-based" mentions Tripoli
	a, b = hyphenHead(a), hyphenHead(b)
	if a == b {
		return true
	}
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if subset(wa, wb) || subset(wb, wa) {
		return true
	}
	if initials(a) == strings.ToUpper(b) || initials(b) == strings.ToUpper(a) {
		return true
	}
	if clipping(wa, wb) || clipping(wb, wa) {
		return true
	}
	ca, okA := geo.CountryByName(a)
	cb, okB := geo.CountryByName(b)
	return okA && okB && ca.Code == cb.Code
}

// hyphenHead is s without a hyphenated lower-case last word ("Tripoli"
// for "Tripoli-based", "China" for "China-").
func hyphenHead(s string) string {
	h := strings.LastIndexByte(s, '-')
	if h <= 0 || strings.TrimLeft(s[h+1:], "abcdefghijklmnopqrstuvwxyz") != "" {
		return s
	}
	return s[:h]
}

func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			found = found || strings.Trim(x, ".,'s") == strings.Trim(y, ".,'s")
		}
		if !found {
			return false
		}
	}
	return len(a) > 0
}

// clipping reports whether a is one word that begins b's first word,
// cut before lower-case letters only ("Fed" of "Federal Reserve").
func clipping(a, b []string) bool {
	if len(a) != 1 || len(b) < 2 || len(a[0]) < 3 || len(a[0]) >= len(b[0]) || !strings.HasPrefix(b[0], a[0]) {
		return false
	}
	return strings.Trim(b[0][len(a[0]):], "abcdefghijklmnopqrstuvwxyz") == ""
}

func initials(s string) string {
	var b []byte
	for _, w := range strings.Fields(s) {
		if c := w[0]; c >= 'A' && c <= 'Z' {
			b = append(b, c)
		}
	}
	return string(b)
}
