// Command quotes learns the cue lexicon of package quotes from the PolNeAR
// train split: every annotated cue (lower-cased words), how often it is a
// cue, and how often the same words occur in the train texts at all. It
// then runs the extractor with that lexicon over the train split and
// records, per cue, how many quotes it made and how many matched an
// annotated content (overlap of half the words), so that cues that mislead
// can be left out (quotes.Options.MinCuePrecision). It writes
// internal/quotes/cues.tsv, which the package embeds.
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

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

func main() {
	data := flag.String("data", "../shared/data", "datasets directory")
	out := flag.String("out", "internal/quotes/cues.tsv", "cue lexicon to write")
	minCount := flag.Int("min-count", 2, "least times a cue must be annotated")
	verbHeads := flag.Bool("verb-heads", false, "count the verbs of multi-word cues as cues")
	minRatio := flag.Float64("min-ratio", 0.05, "least share of the words' occurrences that are cues")
	flag.Parse()
	arts, err := polnear.Load(filepath.Join(*data, "polnear", "train"))
	if err != nil {
		log.Fatal(err)
	}
	cue := map[string]int{}
	var docs [][]string
	tagger, err := pos.Load()
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range arts {
		doc := text.Analyze(a.Text)
		tagger.Tag(doc)
		words := make([]string, len(doc.Tokens))
		for i, t := range doc.Tokens {
			words[i] = strings.ToLower(t.Text)
		}
		docs = append(docs, words)
		for _, at := range a.Attributions {
			var ws, verbs []string
			ok := true
			for _, sp := range at.Cue {
				for _, t := range doc.Tokens {
					if t.Start >= sp.Start && t.End <= sp.End {
						if !isWord(t.Text) {
							ok = false
						}
						ws = append(ws, strings.ToLower(t.Text))
						if strings.HasPrefix(t.POS, "VB") && *verbHeads {
							verbs = append(verbs, strings.ToLower(t.Text))
						}
					}
				}
			}
			if ok && len(ws) > 0 && len(ws) <= 4 {
				cue[strings.Join(ws, " ")]++
			}
			// "is once again questioning": the verbs of a longer cue
			// count as cues on their own
			if len(ws) > 1 {
				for _, v := range verbs {
					if !aux[v] {
						cue[v]++
					}
				}
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
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%d\t%d\n", r.k, r.n, r.total)
	}
	// second pass: run the extractor with this lexicon over the train
	// split and count, per cue, the quotes it made and how many were right
	made, right, err := calibrate(arts, quotes.ParseLexicon(b.String()), tagger)
	if err != nil {
		log.Fatal(err)
	}
	b.Reset()
	fmt.Fprintf(&b, "# cue\tannotated\toccurrences\textracted\tcorrect   (learned by cmd/train/quotes from the PolNeAR train split, %d articles)\n", len(arts))
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%d\t%d\t%d\t%d\n", r.k, r.n, r.total, made[r.k], right[r.k])
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d articles, %d distinct cues, %d kept", len(arts), len(cue), len(rows))
}

// calibrate extracts quotes from the train articles with every learned cue
// allowed and counts per cue the quotes made and those that overlap an
// annotated content.
func calibrate(arts []polnear.Article, lx *quotes.Lexicon, tagger *pos.Tagger) (made, right map[string]int, err error) {
	rec, err := ner.Load()
	if err != nil {
		return nil, nil, err
	}
	opt := quotes.DefaultOptions
	opt.Lexicon = lx
	opt.MinCueRatio, opt.MinCuePrecision = 0, 0
	made, right = map[string]int{}, map[string]int{}
	for _, a := range arts {
		doc := text.Analyze(a.Text)
		tagger.Tag(doc)
		ents := entity.Resolve(doc, rec.Recognize(doc))
		qs := quotes.ExtractWith(doc, ents, opt)
		spans := make([]text.Span, len(qs))
		for i, q := range qs {
			spans[i] = q.Content
		}
		ok := polnear.Matched(doc, a, spans)
		for i, q := range qs {
			if q.Cue.End == 0 {
				continue
			}
			k := strings.Join(strings.Fields(quotes.CueWords(doc, q)), " ")
			made[k]++
			if ok[i] {
				right[k]++
			}
		}
	}
	return made, right, nil
}

var aux = map[string]bool{"is": true, "was": true, "are": true, "were": true, "be": true, "been": true,
	"has": true, "have": true, "had": true, "do": true, "did": true, "does": true, "will": true, "would": true}

func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' && r != '.' {
			return false
		}
	}
	return s != ""
}
