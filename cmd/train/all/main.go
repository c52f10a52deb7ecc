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
	"os/exec"
	"strings"
	"time"
)

// steps lists the training commands in the order they must run, and
// whether each reads -data (langid is compiled from lingua-go's models).
var steps = []struct {
	name string
	data bool
}{
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
	want := map[string]bool{}
	for _, n := range strings.Split(*only, ",") {
		if n = strings.TrimSpace(n); n != "" {
			want[n] = true
		}
	}
	start := time.Now()
	for _, s := range steps {
		if len(want) > 0 && !want[s.name] {
			continue
		}
		args := []string{"run", "./cmd/train/" + s.name}
		if s.data {
			args = append(args, "-data", *data)
		}
		fmt.Printf("==== train %s: go %s\n", s.name, strings.Join(args, " "))
		t0 := time.Now()
		cmd := exec.Command("go", args...)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "train %s: %v\n", s.name, err)
			os.Exit(1)
		}
		fmt.Printf("==== train %s: done in %s\n", s.name, time.Since(t0).Round(time.Second))
	}
	fmt.Printf("all models trained in %s; review and commit the changed model files\n", time.Since(start).Round(time.Second))
}
