// Command pos trains the part-of-speech tagger on the POS column of
// CoNLL-2003 train.txt and rewrites internal/pos/model.bin.gz.
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/lector-nlp/lector/internal/conll"
	"github.com/lector-nlp/lector/internal/pos"
)

func main() {
	data := flag.String("data", "../shared/data", "datasets directory")
	repo := flag.String("repo", ".", "repository root")
	epochs := flag.Int("epochs", 10, "training epochs")
	prune := flag.Float64("prune", 0.7, "leave out features whose weights are all below this")
	flag.Parse()
	docs, err := conll.ReadFile(filepath.Join(*data, "conll2003/train.txt"))
	if err != nil {
		log.Fatal(err)
	}
	var exs []pos.Example
	for _, d := range docs {
		for _, s := range d.Sentences {
			exs = append(exs, pos.Example{Words: s.Words, Tags: s.POS})
		}
	}
	t := pos.TrainPruned(exs, *epochs, 1, float32(*prune), log.Printf)
	out := filepath.Join(*repo, "internal/pos/model.bin.gz")
	f, err := os.Create(out)
	if err != nil {
		log.Fatal(err)
	}
	if err := t.Model().Write(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fi, _ := os.Stat(out)
	log.Printf("wrote %s: %d features, %d bytes", out, t.Model().Features(), fi.Size())
}
