// Command ner prints conlleval-style precision, recall and F1 per type and
// overall of the entity recogniser on CoNLL-2003 valid.txt. The CoNLL
// tokens are used as they are; POS tags come from our tagger.
package main

import (
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"time"

	"github.com/lector-nlp/lector/internal/conll"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/pos"
)

func main() {
	data := flag.String("data", "../shared/data", "datasets directory")
	split := flag.String("split", "valid.txt", "CoNLL-2003 file to score")
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
	fmt.Printf("NER on CoNLL-2003 %s (%d tokens, predicted POS):\n", *split, ntok)
	fmt.Print(c.Report())
	m1, m2 := r.Models()
	nf := m1.Features()
	if m2 != nil {
		nf += m2.Features()
	}
	fmt.Printf("load: POS %v, NER %v; features: NER %d; speed on CoNLL tokens: POS %.0f tokens/s, NER %.0f tokens/s\n",
		posLoad.Round(time.Millisecond), nerLoad.Round(time.Millisecond), nf,
		float64(ntok)/posTime.Seconds(), float64(ntok)/nerTime.Seconds())
}
