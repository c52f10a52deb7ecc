// Command timex evaluates the time-expression recogniser on the TempEval-3
// training corpora (TimeBank and AQUAINT, TimeML), anchoring each document
// at its creation time, and prints span, type and value scores.
//
//	go run ./cmd/eval/timex [-data ../shared/data] [-v]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/timex"
	"github.com/lector-nlp/lector/internal/timex/tempeval"
)

func main() {
	data := flag.String("data", "../shared/data", "directory holding tempeval3/")
	verbose := flag.Bool("v", false, "print every error")
	dumpAll := flag.Bool("all", false, "print every gold expression with the system's (tab-separated; for error listings)")
	only := flag.String("set", "", "evaluate only this set (TimeBank or AQUAINT)")
	flag.Parse()
	var total tempeval.Score
	for _, set := range []string{"TimeBank", "AQUAINT"} {
		if *only != "" && !strings.EqualFold(*only, set) {
			continue
		}
		dir := filepath.Join(*data, "tempeval3", "TBAQ-cleaned", set)
		files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
		if err != nil || len(files) == 0 {
			fmt.Fprintf(os.Stderr, "timex: no .tml files in %s\n", dir)
			os.Exit(1)
		}
		sort.Strings(files)
		var s tempeval.Score
		var chars int
		var elapsed time.Duration
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				fmt.Fprintln(os.Stderr, "timex:", err)
				os.Exit(1)
			}
			d, err := tempeval.Parse(string(raw))
			if err != nil {
				fmt.Fprintf(os.Stderr, "timex: %s: %v\n", f, err)
				os.Exit(1)
			}
			doc := text.Analyze(d.Text)
			t0 := time.Now()
			got := timex.Extract(doc, d.DCT)
			elapsed += time.Since(t0)
			chars += len(d.Text)
			s.Add(d, got, *verbose, *dumpAll, filepath.Base(f))
		}
		s.Print(fmt.Sprintf("%s (%d docs, %.1f MB/s)", set, len(files), float64(chars)/elapsed.Seconds()/1e6))
		total.Merge(s)
	}
	if *only == "" {
		total.Print("Total")
	}
}
