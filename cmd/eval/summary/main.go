// Command summary evaluates the extractive summariser on the CNN/DailyMail dev
// stories with ROUGE-1/2/L F1 (ROUGE-1.5.5 style: Porter-stemmed tokens longer
// than three characters, summary-level union-LCS ROUGE-L). The dev file is the
// only data, so the honest figure is the k-fold cross-validated one (the
// model retrained on k-1 folds with the training command's settings, scored
// on the held-out fold). The embedded model, trained on every story, is also
// scored, marked in-sample.
package main

import (
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/keyphrase/gbdt"
	"github.com/lector-nlp/lector/internal/summary"
	"github.com/lector-nlp/lector/internal/summary/cnndm"
)

func main() {
	data := flag.String("data", "../shared/data", "shared data directory")
	folds := flag.Int("folds", 5, "cross-validation folds (0 or 1: skip)")
	trees := flag.Int("trees", 200, "boosted trees")
	depth := flag.Int("depth", 4, "tree depth")
	limit := flag.Int("limit", 0, "use only the first n stories (0: all)")
	news := flag.Bool("news", false, "count readability defects of the summaries of real news (BBC, Reuters C50) and exit")
	show := flag.Bool("show", false, "with -news, print each defective summary sentence")
	files := flag.String("files", "", "with -news, these comma-separated article files instead of the sample; every summary is printed")
	flag.Parse()
	if *news {
		s, err := summary.Load()
		if err != nil {
			log.Fatal(err)
		}
		if *files != "" {
			newsDefects(s, strings.Split(*files, ","), true)
			return
		}
		newsDefects(s, newsSample(*data, 11, 25), *show)
		return
	}

	stories, err := cnndm.Read(filepath.Join(*data, "cnn-dailymail", "dev.jsonl.gz"))
	if err != nil {
		log.Fatal(err)
	}
	if *limit > 0 && *limit < len(stories) {
		stories = stories[:*limit]
	}
	s, err := summary.Load()
	if err != nil {
		log.Fatal(err)
	}
	var lead, emb cnndm.Mean
	start := time.Now()
	for _, st := range stories {
		lead.Add(st.Score(cnndm.Lead(st, 3)))
		emb.Add(st.Score(s.Select(st.Sentences, 3)))
	}
	el := time.Since(start)
	fmt.Printf("CNN/DailyMail dev (%d stories), ROUGE F1 x100          R-1    R-2    R-L\n", len(stories))
	fmt.Printf("  published LEAD-3, full test set (See et al. 2017)  40.34  17.70  36.57\n")
	fmt.Printf("  published pointer-gen + coverage                   39.53  17.28  36.38\n")
	fmt.Printf("  LEAD-3, this scorer                               %s\n", lead.String())
	fmt.Printf("  embedded model (in-sample, trained on all dev)    %s\n", emb.String())
	if *folds > 1 {
		exs := cnndm.Prepare(stories)
		r := cnndm.CrossValidate(exs, *folds, func(X [][]float64, y []float64) *summary.Model {
			return fit(X, y, *trees, *depth)
		})
		fmt.Printf("  learned scorer, %d-fold CV held-out folds          %s\n", *folds, r.Model.String())
		fmt.Printf("  greedy oracle (upper bound)                       %s\n", r.Oracle.String())
	}
	fmt.Printf("(scoring with the embedded model, incl. ROUGE: %v)\n", el.Round(time.Millisecond))
}

func fit(X [][]float64, y []float64, trees, depth int) *summary.Model {
	return summary.Fit(X, y, gbdt.Options{Trees: trees, Depth: depth, Rate: 0.1, Lambda: 1, MinHess: 10, Bins: 64, Subsample: 0.5})
}
