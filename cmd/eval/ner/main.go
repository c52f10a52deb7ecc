// Command ner prints conlleval-style precision, recall and F1 per type and
// overall of the entity recogniser on CoNLL-2003 valid.txt. The CoNLL
// tokens are used as they are; POS tags come from our tagger.
package main

import (
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/conll"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/pos"
)

func main() {
	data := flag.String("data", "../shared/data", "datasets directory")
	split := flag.String("split", "valid.txt", "CoNLL-2003 file to score")
	errs := flag.Bool("errors", false, "print the sentences with errors (gold vs predicted spans)")
	prune := flag.Float64("prune", 0, "score a copy of the model without features whose weights are all below this")
	raw := flag.Bool("raw", true, "also score the run-time path: detokenised text through text.Analyze, pos.Tag and Recognize")
	sentences := flag.Bool("sentences", false, "also score the run-time path with each sentence sent alone, a short text (where the recogniser's short-text name rules run)")
	flag.Parse()
	t0 := time.Now()
	tagger, err := pos.Load()
	if err != nil {
		log.Fatal(err)
	}
	posLoad := time.Since(t0)
	t0 = time.Now()
	r, err := ner.Load()
	if err != nil {
		log.Fatal(err)
	}
	nerLoad := time.Since(t0)
	if *prune > 0 {
		r = r.Pruned(float32(*prune))
	}
	docs, err := conll.ReadFile(filepath.Join(*data, "conll2003", *split))
	if err != nil {
		log.Fatal(err)
	}
	ntok := 0
	t0 = time.Now()
	for _, d := range docs {
		for i := range d.Sentences {
			s := &d.Sentences[i]
			s.POS = tagger.TagWords(s.Words, nil)
			ntok += len(s.Words)
		}
	}
	posTime := time.Since(t0)
	t0 = time.Now()
	c := ner.Evaluate(r, docs)
	nerTime := time.Since(t0)
	if *errs {
		printErrors(r, docs)
	}
	fmt.Printf("NER on CoNLL-2003 %s (%d tokens, predicted POS):\n", *split, ntok)
	fmt.Print(c.Report())
	if *raw {
		t0 := time.Now()
		rc := evaluateRaw(tagger, r, docs)
		el := time.Since(t0)
		fmt.Printf("Run-time path on detokenised %s (text.Analyze + pos.Tag + Recognize, %.0f tokens/s):\n", *split, float64(ntok)/el.Seconds())
		fmt.Print(rc.Report())
	}
	if *sentences {
		var one []conll.Document
		for _, d := range docs {
			for _, s := range d.Sentences {
				one = append(one, conll.Document{Sentences: []conll.Sentence{s}})
			}
		}
		fmt.Printf("Run-time path, each of the %d sentences of %s sent alone:\n", len(one), *split)
		fmt.Print(evaluateRaw(tagger, r, one).Report())
	}
	m1, m2 := r.Models()
	nf := m1.Features()
	if m2 != nil {
		nf += m2.Features()
	}
	fmt.Printf("load: POS %v, NER %v; features: NER %d; speed on CoNLL tokens: POS %.0f tokens/s, NER %.0f tokens/s\n",
		posLoad.Round(time.Millisecond), nerLoad.Round(time.Millisecond), nf,
		float64(ntok)/posTime.Seconds(), float64(ntok)/nerTime.Seconds())
}

func printErrors(r *ner.Recognizer, docs []conll.Document) {
	for _, d := range docs {
		var words, tags [][]string
		for _, s := range d.Sentences {
			words = append(words, s.Words)
			tags = append(tags, s.POS)
		}
		pred := r.LabelSentences(words, tags)
		for i, s := range d.Sentences {
			g, p := conll.Spans(s.Tags), conll.Spans(pred[i])
			gs, ps := map[conll.Span]bool{}, map[conll.Span]bool{}
			for _, x := range g {
				gs[x] = true
			}
			for _, x := range p {
				ps[x] = true
			}
			span := func(x conll.Span) string { return x.Type + ":" + strings.Join(s.Words[x.Start:x.End], " ") }
			var miss, extra []string
			for _, x := range g {
				if !ps[x] {
					miss = append(miss, span(x))
				}
			}
			for _, x := range p {
				if !gs[x] {
					extra = append(extra, span(x))
				}
			}
			if len(miss)+len(extra) > 0 {
				fmt.Printf("GOLD-ONLY %v | PRED-ONLY %v | %s\n", miss, extra, strings.Join(s.Words, " "))
			}
		}
	}
}
