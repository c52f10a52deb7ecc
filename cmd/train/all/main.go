// Command all retrains every model from the shared data sets and rewrites
// the embedded model files, in dependency order: the tagger before the
// recogniser (trained on its predicted tags), both before the analysers
// that read tags or entities.
//
//	go run ./cmd/train/all [-data ../shared/data] [-only pos,ner]
//
// Each model has its own command too (go run ./cmd/train/NAME); this one
// runs them one after the other and stops at the first failure.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/lector-nlp/lector/cmd/internal/gorun"
)

// steps lists the training commands in the order they must run, and
// whether each reads -data (langid is compiled from lingua-go's models,
// wordvec from the GloVe vectors of a pinned npm package).
var steps = []struct {
	name string
	data bool
}{
	{"wordvec", false},
	{"pos", true},
	{"ner", true},
	{"quotes", true},
	{"sentiment", true},
	{"keyphrase", true},
	{"summary", true},
	{"category", true},
	{"langid", false},
}

func main() {
	data := flag.String("data", "../shared/data", "shared data directory")
	only := flag.String("only", "", "comma-separated models to train (default: all)")
	flag.Parse()
	want := gorun.ParseNames(*only)
	start := time.Now()
	for _, s := range steps {
		if !want.Has(s.name) {
			continue
		}
		var args []string
		if s.data {
			args = []string{"-data", *data}
		}
		if err := gorun.Run("train", s.name, args...); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Printf("models trained in %s; review and commit the changed model files\n", time.Since(start).Round(time.Second))
}
