// Command keyphrase evaluates the key-phrase extractor on the 500N-KPCrowd
// development part (every fifth document, not used in training) and the
// 500-abstract Inspec test split, with micro-averaged F1@5 and F1@10 on
// Porter-stemmed exact match (SIFRank's protocol). It also scores two
// unsupervised rankings over the same candidates (PositionRank, tf-idf).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/keyphrase"
	"github.com/lector-nlp/lector/internal/keyphrase/kpdata"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

func main() {
	data := flag.String("data", "../shared/data", "shared data directory")
	notag := flag.Bool("notag", false, "do not POS-tag (stopword-run candidates)")
	dir := flag.String("dir", "", "read model.json.gz and df.txt.gz from this directory instead of the embedded model")
	lower := flag.Bool("lower", false, "lower-case the texts first (as SIFRank feeds DUC-2001)")
	red := flag.Bool("redundancy", true, "drop phrases contained in better-ranked ones")
	news := flag.String("news", "", "count the defect classes in the top tens of the news articles matching this glob (no labels), and exit")
	newsN := flag.Int("newsn", 200, "with -news, the number of articles")
	show := flag.Bool("show", false, "with -news, print every top ten")
	shapes := flag.Bool("shapes", false, "count the defect classes among the training gold keys, and exit")
	flag.Parse()
	embCol := slices.Index(keyphrase.FeatureNames(), "embDoc")

	ext, err := keyphrase.Load()
	if *dir != "" {
		ext, err = keyphrase.LoadFS(os.DirFS(*dir))
	}
	if err != nil {
		log.Fatal(err)
	}
	ext.Redundancy = *red
	tagger, err := pos.Load()
	if err != nil {
		log.Fatal(err)
	}
	if *news != "" {
		if err := newsDefects(ext, tagger, *news, *newsN, *show, *notag); err != nil {
			log.Fatal(err)
		}
		return
	}
	d, err := kpdata.Load(*data)
	if err != nil {
		log.Fatal(err)
	}
	if *shapes {
		goldShapes(tagger, "500N-KPCrowd train", d.KPCrowdTrain)
		goldShapes(tagger, "Inspec train", d.InspecTrain)
		return
	}
	fmt.Println("micro-averaged F1 (x100), Porter-stemmed exact match        F1@5   F1@10")
	fmt.Println("  (KPCrowd's crowd keys, ~48 a story, are mostly single words and fragments: they rank tf-idf above")
	fmt.Println("   PositionRank, the reverse of DUC-2001, so the ranker is trained on KPCrowd's multi-word keys only)")
	fmt.Println("  anchors, DUC-2001 news F1@5 (SIFRank README): TextRank 13.9, YAKE 10.6, PositionRank 25.0, SIFRank+ 30.9")
	fmt.Println("  anchors, Inspec test F1@5 (SIFRank README): TextRank 24.4, PositionRank 25.2, SIFRank 29.1")
	for _, set := range []struct {
		name string
		docs []kpdata.Doc
	}{{"500N-KPCrowd dev (100 docs)", d.KPCrowdDev}, {"Inspec test (500 abstracts)", d.InspecTest}} {
		var sc kpdata.Scores
		var p5, p10, t5, t10, e5, e10, np5, np10 kpdata.F1
		tokens := 0
		var el time.Duration
		for _, doc := range set.docs {
			t := doc.Text
			if *lower {
				t = strings.ToLower(t)
			}
			td := text.Analyze(t)
			if !*notag {
				tagger.Tag(td)
			}
			tokens += len(td.Tokens)
			start := time.Now()
			ps := ext.Extract(td, 10)
			el += time.Since(start)
			var pred []string
			for _, p := range ps {
				pred = append(pred, p.Text)
			}
			sc.Add(pred, doc.Gold)
			_, texts, X := ext.Candidates(td)
			// the multi-word gold keys among the candidates (noun phrases
			// of the text): the proxy for DUC-2001's indexer phrases
			cand := make(map[string]bool, len(texts))
			for _, t := range texts {
				cand[kpdata.Stem(t)] = true
			}
			var npGold []string
			for _, g := range kpdata.MultiWord(doc.Gold) {
				if cand[kpdata.Stem(g)] {
					npGold = append(npGold, g)
				}
			}
			np5.Add(pred, npGold, 5)
			np10.Add(pred, npGold, 10)
			pr := rank(texts, X, 13)
			p5.Add(pr, doc.Gold, 5)
			p10.Add(pr, doc.Gold, 10)
			tf := rank(texts, X, 11)
			t5.Add(tf, doc.Gold, 5)
			t10.Add(tf, doc.Gold, 10)
			em := rank(texts, X, embCol)
			e5.Add(em, doc.Gold, 5)
			e10.Add(em, doc.Gold, 10)
		}
		fmt.Printf("%s\n", set.name)
		fmt.Printf("  learned ranker (this model)                            %5.1f  %5.1f   (%.0f tokens/s)\n", sc.All5.Value(), sc.All10.Value(), float64(tokens)/el.Seconds())
		fmt.Printf("  learned ranker against the multi-word gold keys only   %5.1f  %5.1f\n", sc.Multi5.Value(), sc.Multi10.Value())
		fmt.Printf("  ... only those that are candidates (noun phrases, NP)  %5.1f  %5.1f\n", np5.Value(), np10.Value())
		fmt.Printf("  PositionRank over the same candidates                  %5.1f  %5.1f\n", p5.Value(), p10.Value())
		fmt.Printf("  tf-idf (background news df) over the same candidates   %5.1f  %5.1f\n", t5.Value(), t10.Value())
		fmt.Printf("  GloVe cosine to the document (EmbedRank-like), same    %5.1f  %5.1f\n", e5.Value(), e10.Value())
	}
}

// rank orders candidate texts by one feature column, descending.
func rank(texts []string, X [][]float64, col int) []string {
	idx := make([]int, len(texts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return X[idx[a]][col] > X[idx[b]][col] })
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = texts[i]
	}
	return out
}
