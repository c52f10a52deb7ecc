// Command quotes learns the cue lexicon of package quotes from the PolNeAR
// train split: every annotated cue (lower-cased words), how often it is a
// cue, and how often the same words occur in the train texts at all. It
// writes internal/quotes/cues.tsv, which the package embeds.
//
//	go run ./cmd/train/quotes [-data ../shared/data] [-out internal/quotes/cues.tsv]
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

func main() {
	data := flag.String("data", "../shared/data", "datasets directory")
	out := flag.String("out", "internal/quotes/cues.tsv", "cue lexicon to write")
	minCount := flag.Int("min-count", 2, "least times a cue must be annotated")
	minRatio := flag.Float64("min-ratio", 0.05, "least share of the words' occurrences that are cues")
	flag.Parse()
	arts, err := polnear.Load(filepath.Join(*data, "polnear", "train"))
	if err != nil {
		log.Fatal(err)
	}
	cue := map[string]int{}
	var docs [][]string
	for _, a := range arts {
		doc := text.Analyze(a.Text)
		words := make([]string, len(doc.Tokens))
		for i, t := range doc.Tokens {
			words[i] = strings.ToLower(t.Text)
		}
		docs = append(docs, words)
		for _, at := range a.Attributions {
			var ws []string
			ok := true
			for _, sp := range at.Cue {
				for _, t := range doc.Tokens {
					if t.Start >= sp.Start && t.End <= sp.End {
						if !isWord(t.Text) {
							ok = false
						}
						ws = append(ws, strings.ToLower(t.Text))
					}
				}
			}
			if ok && len(ws) > 0 && len(ws) <= 4 {
				cue[strings.Join(ws, " ")]++
			}
		}
	}
	total := map[string]int{}
	for k, n := range cue {
		if n >= *minCount {
			total[k] = 0
		}
	}
	for _, words := range docs {
		for i := range words {
			for n := 1; n <= 4 && i+n <= len(words); n++ {
				k := strings.Join(words[i:i+n], " ")
				if _, ok := total[k]; ok {
					total[k]++
				}
			}
		}
	}
	type row struct {
		k        string
		n, total int
	}
	var rows []row
	for k, t := range total {
		n := cue[k]
		if t == 0 || float64(n)/float64(t) < *minRatio {
			continue
		}
		rows = append(rows, row{k, n, t})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].n != rows[j].n {
			return rows[i].n > rows[j].n
		}
		return rows[i].k < rows[j].k
	})
	var b strings.Builder
	fmt.Fprintf(&b, "# cue\tannotated\toccurrences   (learned by cmd/train/quotes from the PolNeAR train split, %d articles)\n", len(arts))
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%d\t%d\n", r.k, r.n, r.total)
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d articles, %d distinct cues, %d kept", len(arts), len(cue), len(rows))
}

func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' && r != '.' {
			return false
		}
	}
	return s != ""
}
