// Command pos prints the tagger's token accuracy on CoNLL-2003 valid.txt
// (the CoNLL tokens are used as they are).
package main

import (
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"time"

	"github.com/lector-nlp/lector/internal/conll"
	"github.com/lector-nlp/lector/internal/pos"
)

func main() {
	data := flag.String("data", "../shared/data", "datasets directory")
	split := flag.String("split", "valid.txt", "CoNLL-2003 file to score")
	flag.Parse()
	t0 := time.Now()
	t, err := pos.Load()
	if err != nil {
		log.Fatal(err)
	}
	load := time.Since(t0)
	docs, err := conll.ReadFile(filepath.Join(*data, "conll2003", *split))
	if err != nil {
		log.Fatal(err)
	}
	correct, total := 0, 0
	var tags []string
	t0 = time.Now()
	for _, d := range docs {
		for _, s := range d.Sentences {
			tags = t.TagWords(s.Words, tags[:0])
			for i, g := range s.POS {
				if tags[i] == g {
					correct++
				}
				total++
			}
		}
	}
	el := time.Since(t0)
	fmt.Printf("POS token accuracy on %s: %.2f%% (%d/%d tokens)\n", *split, 100*float64(correct)/float64(total), correct, total)
	fmt.Printf("model load %v, tagging %.0f tokens/s, %d features\n", load.Round(time.Millisecond), float64(total)/el.Seconds(), t.Model().Features())
}
