// Command ner trains the named-entity recogniser on CoNLL-2003 train.txt
// and rewrites the embedded model files in internal/ner/model. The POS
// column is replaced by jack-knifed predictions of our own tagger, as at
// run time the tags are predicted too.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/lector-nlp/lector/internal/conll"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/pos"
)

func main() {
	data := flag.String("data", "../shared/data", "datasets directory")
	repo := flag.String("repo", ".", "repository root")
	clusters := flag.Bool("clusters", false, "relearn the word clusters and case ratios from the unlabelled news first")
	caseOnly := flag.Bool("case", false, "recount only the case ratios from the unlabelled news first")
	epochs := flag.Int("epochs", 12, "training epochs")
	groups := flag.Int("groups", ner.FDefault, "feature groups: 1 clusters, 2 gazetteer, 4 document case, 8 second pass, 16 selective second pass, 32 case ratio, 64 more cluster context, 128 neighbours' document types, 256 first mention, 512 GloVe clusters, 1024 neighbours' fine GloVe clusters")
	folds := flag.Int("folds", 5, "jack-knife folds (POS and second pass)")
	foldEpochs := flag.Int("fold-epochs", 8, "epochs of the jack-knifed first-pass models")
	seeds := flag.Int("seeds", 5, "average the weights of this many training shuffles")
	prune := flag.Float64("prune", 1.5, "leave out features whose averaged weights are all below this")
	pruneOnly := flag.Bool("prune-only", false, "only prune the shipped model (-prune) and rewrite it, without training")
	posCache := flag.String("pos-cache", "", "file caching the jack-knifed POS tags of train.txt (optional)")
	dev := flag.Bool("dev", true, "score valid.txt after epochs")
	write := flag.Bool("write", true, "write the model files")
	gloveCache := flag.String("glove-cache", "", "file keeping the GloVe k-means clusters between runs (optional)")
	part := flag.Int("holdout-part", 0, "with -holdout N, hold out the documents i with i%N == this")
	holdout := flag.Int("holdout", 0, "with N > 0, train on the train documents but every Nth and score that held-out part (instead of valid.txt); writes nothing")
	flag.Parse()
	if *clusters {
		if err := buildClusters(*data, *repo); err != nil {
			log.Fatal(err)
		}
	} else if *caseOnly {
		if err := buildCaseOnly(*data, *repo); err != nil {
			log.Fatal(err)
		}
	}
	if *pruneOnly {
		r, err := ner.Load()
		if err != nil {
			log.Fatal(err)
		}
		r = r.Pruned(float32(*prune))
		if err := r.WriteModel(filepath.Join(*repo, "internal/ner/model")); err != nil {
			log.Fatal(err)
		}
		m1, m2 := r.Models()
		log.Printf("pruned: pass 1 %d, pass 2 %d features", m1.Features(), m2.Features())
		return
	}
	docs, err := conll.ReadFile(filepath.Join(*data, "conll2003/train.txt"))
	if err != nil {
		log.Fatal(err)
	}
	if err := jackknifePOS(docs, *folds, *posCache); err != nil {
		log.Fatal(err)
	}
	var devDocs []conll.Document
	if *holdout > 0 {
		var tr []conll.Document
		for i, d := range docs {
			if i%*holdout == *part {
				devDocs = append(devDocs, d)
			} else {
				tr = append(tr, d)
			}
		}
		log.Printf("holdout: training on %d documents, scoring %d held-out train documents", len(tr), len(devDocs))
		docs = tr
		*dev, *write = true, false
	} else if *dev {
		devDocs, err = conll.ReadFile(filepath.Join(*data, "conll2003/valid.txt"))
		if err != nil {
			log.Fatal(err)
		}
		tagger, err := pos.Load()
		if err != nil {
			log.Fatal(err)
		}
		for _, d := range devDocs {
			for i := range d.Sentences {
				s := &d.Sentences[i]
				s.POS = tagger.TagWords(s.Words, nil)
			}
		}
	}
	r, err := ner.Train(docs, ner.TrainOptions{
		Epochs: *epochs, Groups: *groups, Folds: *folds, FoldEpochs: *foldEpochs, Seeds: *seeds, Prune: float32(*prune),
		Seed: 1, Log: log.Printf, Dev: devDocs, GloveCache: *gloveCache,
	})
	if err != nil {
		log.Fatal(err)
	}
	if *dev {
		fmt.Print(ner.Evaluate(r, devDocs).Report())
	}
	if *write {
		dir := filepath.Join(*repo, "internal/ner/model")
		if err := r.WriteModel(dir); err != nil {
			log.Fatal(err)
		}
		m1, m2 := r.Models()
		log.Printf("wrote %s: pass 1 %d features", dir, m1.Features())
		if m2 != nil {
			log.Printf("pass 2 %d features", m2.Features())
		}
	}
}

// jackknifePOS replaces the POS column of docs by tags predicted by taggers
// trained on the other folds.
func jackknifePOS(docs []conll.Document, folds int, cache string) error {
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			for di := range docs {
				for si := range docs[di].Sentences {
					if !sc.Scan() {
						return fmt.Errorf("short POS cache %s", cache)
					}
					docs[di].Sentences[si].POS = strings.Fields(sc.Text())
				}
			}
			log.Printf("POS tags read from %s", cache)
			return nil
		}
	}
	k := max(folds, 2)
	correct, total := 0, 0
	for f := 0; f < k; f++ {
		var exs []pos.Example
		for i, d := range docs {
			if i%k != f {
				for _, s := range d.Sentences {
					exs = append(exs, pos.Example{Words: s.Words, Tags: s.POS})
				}
			}
		}
		t := pos.Train(exs, 6, uint64(f+1), nil)
		for i, d := range docs {
			if i%k == f {
				for j := range d.Sentences {
					s := &d.Sentences[j]
					pred := t.TagWords(s.Words, nil)
					for n := range pred {
						if pred[n] == s.POS[n] {
							correct++
						}
						total++
					}
					s.POS = pred
				}
			}
		}
		log.Printf("POS fold %d/%d", f+1, k)
	}
	log.Printf("jack-knifed POS accuracy on train: %.2f%%", 100*float64(correct)/float64(total))
	if cache != "" {
		f, err := os.Create(cache)
		if err != nil {
			return err
		}
		w := bufio.NewWriter(f)
		for _, d := range docs {
			for _, s := range d.Sentences {
				w.WriteString(strings.Join(s.POS, " ") + "\n")
			}
		}
		w.Flush()
		return f.Close()
	}
	return nil
}
