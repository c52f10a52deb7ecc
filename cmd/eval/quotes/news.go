package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/text"
)

// news reads the quotes of unlabelled articles (files matched by the
// comma-separated globs; at most limit of them, spread evenly over the
// list in name order) and counts
// the classes of defects found by reading real news, each flagged by a
// heuristic over the tags (a flag is a candidate to read, not a verdict):
//
//   - possessive: the speaker is X in "X's lawyer said" (the speaker span
//     ends right before "'s" and a noun); owner-entity: the span is the
//     whole "X's lawyer" but the entity it names is X (also flags "X's
//     statement", where X does speak);
//   - nominal: a cue with no speaker after a common-noun subject ("One
//     analyst said ..."), or a quote with neither cue nor speaker in a
//     sentence where such a subject stands before a reporting verb;
//   - time-content: the content starts with a day ("said on [Thursday it
//     ...]");
//   - place-entity: a place is the entity of a speaker that is a plural
//     noun and a preposition ("Traders in Singapore");
//   - verbless: reported content with no verb whose cue is a verb followed
//     by a preposition ("blamed on its controller"): a noun phrase read as
//     what was said.
//
// With print it prints every quote (speaker, entity, cue, content) and the
// flags.
func news(globs string, limit int, print bool, tagger *pos.Tagger, rec func(*text.Document) []ner.Mention, opt quotes.Options) {
	var files []string
	for _, g := range strings.Split(globs, ",") {
		m, err := filepath.Glob(g)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	if limit > 0 && len(files) > limit {
		// spread over the list (authors, categories)
		picked := make([]string, limit)
		for i := range picked {
			picked[i] = files[i*len(files)/limit]
		}
		files = picked
	}
	flags := map[string]int{}
	nq, nSpk, nEnt := 0, 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		doc := text.Analyze(string(b))
		tagger.Tag(doc)
		ents := entity.Resolve(doc, rec(doc))
		qs := quotes.ExtractWith(doc, ents, opt)
		if print {
			fmt.Printf("## %s\n", f)
		}
		for _, q := range qs {
			nq++
			if q.Speaker.End > q.Speaker.Start {
				nSpk++
			}
			if q.EntityIndex >= 0 {
				nEnt++
			}
			fl := newsFlags(doc, ents, q)
			for _, k := range fl {
				flags[k]++
			}
			if print {
				ent := ""
				if q.EntityIndex >= 0 {
					ent = " -> " + ents[q.EntityIndex].Name
				}
				fmt.Printf("%-8s [%s]%s | %q | %s", q.Kind, doc.Text[q.Speaker.Start:q.Speaker.End], ent,
					doc.Text[q.Cue.Start:q.Cue.End], clip(strings.ReplaceAll(doc.Text[q.Content.Start:q.Content.End], "\n", " ")))
				if len(fl) > 0 {
					fmt.Printf("   <<%s>>", strings.Join(fl, ","))
				}
				fmt.Println()
			}
		}
	}
	var ks []string
	for k := range flags {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	fmt.Printf("news: %d articles, %d quotes, %d with a speaker span, %d with an entity; flags:", len(files), nq, nSpk, nEnt)
	for _, k := range ks {
		fmt.Printf(" %s %d", k, flags[k])
	}
	fmt.Println()
}

func newsFlags(doc *text.Document, ents []entity.Entity, q quotes.Quote) []string {
	var out []string
	toks := doc.Tokens
	at := func(off int) int { // first token starting at or after off
		return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off })
	}
	pos := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].POS
	}
	if q.Speaker.End > q.Speaker.Start {
		e := at(q.Speaker.End)
		if pos(e) == "POS" && strings.HasPrefix(pos(e+1), "NN") {
			out = append(out, "possessive") // "[X]'s lawyer said"
		} else if q.EntityIndex >= 0 {
			// "[X's lawyer] -> X": a mention of the entity inside the
			// span is followed by a possessive and a noun or name there
			for _, m := range ents[q.EntityIndex].Mentions {
				if m.Span.Start < q.Speaker.Start || m.Span.End > q.Speaker.End {
					continue
				}
				if i := at(m.Span.End); pos(i) == "POS" && i+1 < len(toks) && toks[i+1].End <= q.Speaker.End && strings.HasPrefix(pos(i+1), "NN") {
					out = append(out, "owner-entity")
					break
				}
			}
		}
	}
	if c := at(q.Content.Start); c < len(toks) && toks[c].End <= q.Content.End && isDay(toks[c].Text) {
		out = append(out, "time-content") // "said on [Thursday it ...]"
	}
	if q.EntityIndex >= 0 && ents[q.EntityIndex].Type == ner.Location && q.Speaker.End > q.Speaker.Start {
		if f := at(q.Speaker.Start); pos(f) == "NNS" && pos(f+1) == "IN" {
			out = append(out, "place-entity") // "[Traders in Singapore] -> Singapore"
		}
	}
	if q.Speaker.End <= q.Speaker.Start {
		// the words before the cue (or the sentence) hold "DT/CD? JJ* NN" + verb
		c := at(q.Cue.Start)
		if q.Cue.End > q.Cue.Start && c > 0 && (pos(c-1) == "NN" || pos(c-1) == "NNS") {
			out = append(out, "nominal-nospeaker")
		} else if q.Cue.End == 0 {
			out = append(out, "uncued-nospeaker")
		}
	}
	if q.Kind == quotes.Indirect {
		verb := false
		for i := at(q.Content.Start); i < len(toks) && toks[i].End <= q.Content.End; i++ {
			if p := pos(i); strings.HasPrefix(p, "VB") || p == "MD" {
				verb = true
				break
			}
		}
		if !verb {
			ce := at(q.Cue.End) - 1
			if q.Cue.End > 0 && (pos(ce) == "IN" || pos(ce) == "TO" || pos(ce) == "RP") {
				out = append(out, "verbless-prep")
			} else {
				out = append(out, "verbless")
			}
		}
	}
	return out
}

func isDay(w string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
		return true
	}
	return false
}
