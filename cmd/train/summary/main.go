// Command summary trains the extractive summariser's sentence scorer on the
// CNN/DailyMail dev stories (greedy ROUGE oracle labels), reports k-fold
// cross-validated ROUGE of the held-out folds next to LEAD-3, and writes the
// model trained on every story to internal/summary/model.json.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/lector-nlp/lector/internal/keyphrase/gbdt"
	"github.com/lector-nlp/lector/internal/summary"
	"github.com/lector-nlp/lector/internal/summary/cnndm"
)

func main() {
	data := flag.String("data", "../shared/data", "shared data directory")
	out := flag.String("out", "internal/summary/model.json", "model file to write (empty: none)")
	folds := flag.Int("folds", 5, "cross-validation folds (0: none)")
	trees := flag.Int("trees", 200, "boosted trees")
	depth := flag.Int("depth", 4, "tree depth")
	limit := flag.Int("limit", 0, "use only the first n stories (0: all)")
	flag.Parse()

	start := time.Now()
	stories, err := cnndm.Read(filepath.Join(*data, "cnn-dailymail", "dev.jsonl.gz"))
	if err != nil {
		log.Fatal(err)
	}
	if *limit > 0 && *limit < len(stories) {
		stories = stories[:*limit]
	}
	exs := cnndm.Prepare(stories)
	log.Printf("%d stories prepared in %v", len(exs), time.Since(start).Round(time.Millisecond))

	if *folds > 1 {
		r := cnndm.CrossValidate(exs, *folds, func(X [][]float64, y []float64) *summary.Model {
			return fit(X, y, *trees, *depth)
		})
		fmt.Printf("%d-fold cross-validation, held-out folds, %d stories   R-1    R-2    R-L\n", *folds, r.Lead.N)
		fmt.Printf("  LEAD-3                                  %s\n", r.Lead.String())
		fmt.Printf("  learned scorer + trigram blocking       %s\n", r.Model.String())
		fmt.Printf("  greedy oracle (upper bound)             %s\n", r.Oracle.String())
	}

	if *out != "" {
		var X [][]float64
		var y []float64
		for _, e := range exs {
			X = append(X, e.Features...)
			y = append(y, e.Labels...)
		}
		m := fit(X, y, *trees, *depth)
		b, err := json.Marshal(m)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s (%d bytes)", *out, len(b))
	}
}

func fit(X [][]float64, y []float64, trees, depth int) *summary.Model {
	return summary.Fit(X, y, gbdt.Options{Trees: trees, Depth: depth, Rate: 0.1, Lambda: 1, MinHess: 10, Bins: 64, Subsample: 0.5})
}
