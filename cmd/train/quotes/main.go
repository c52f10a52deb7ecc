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
	"math"
	"math/rand/v2"
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
	filterOut := flag.String("filter-out", "internal/quotes/filter.tsv", "filter weights to write")
	epochs := flag.Int("epochs", 10, "passes of the filter's training")
	l2 := flag.Float64("l2", 1e-4, "L2 penalty of the filter")
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
	ps, err := prepare(arts, tagger)
	if err != nil {
		log.Fatal(err)
	}
	made, right := calibrate(ps, quotes.ParseLexicon(b.String()), *minCount)
	b.Reset()
	fmt.Fprintf(&b, "# cue\tannotated\toccurrences\textracted\tcorrect   (learned by cmd/train/quotes from the PolNeAR train split, %d articles)\n", len(arts))
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%d\t%d\t%d\t%d\n", r.k, r.n, r.total, made[r.k], right[r.k])
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	// third pass: the filter over candidate quotes, with the final lexicon
	f := trainFilter(ps, quotes.ParseLexicon(b.String()), *minCount, *epochs, *l2)
	header := fmt.Sprintf("# logistic filter over candidate quotes, trained by cmd/train/quotes on the PolNeAR train split (%d articles)\n", len(arts))
	if err := os.WriteFile(*filterOut, []byte(header+f.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d articles, %d distinct cues, %d kept", len(arts), len(cue), len(rows))
}

// calibrate extracts quotes from the train articles with every learned cue
// allowed and counts per cue the quotes made and those that overlap an
// annotated content.
// prepared is a train article run through the pipeline up to entities.
type prepared struct {
	art  polnear.Article
	doc  *text.Document
	ents []entity.Entity
}

func prepare(arts []polnear.Article, tagger *pos.Tagger) ([]prepared, error) {
	rec, err := ner.Load()
	if err != nil {
		return nil, err
	}
	out := make([]prepared, len(arts))
	for i, a := range arts {
		doc := text.Analyze(a.Text)
		tagger.Tag(doc)
		out[i] = prepared{a, doc, entity.Resolve(doc, rec.Recognize(doc))}
	}
	return out, nil
}

// calibrate extracts quotes from the train articles with every learned cue
// allowed and counts per cue the quotes made and those that overlap an
// annotated content.
func calibrate(ps []prepared, lx *quotes.Lexicon, cueCount int) (made, right map[string]int) {
	opt := quotes.DefaultOptions
	opt.Lexicon = lx
	opt.MinCueRatio, opt.MinCuePrecision, opt.MinScore, opt.MinCueCount = 0, 0, 0, cueCount
	made, right = map[string]int{}, map[string]int{}
	for _, p := range ps {
		qs := quotes.ExtractWith(p.doc, p.ents, opt)
		spans := make([]text.Span, len(qs))
		for i, q := range qs {
			spans[i] = q.Content
		}
		ok := polnear.Matched(p.doc, p.art, spans)
		for i, q := range qs {
			if q.Cue.End == 0 {
				continue
			}
			k := strings.Join(strings.Fields(quotes.CueWords(p.doc, q)), " ")
			made[k]++
			if ok[i] {
				right[k]++
			}
		}
	}
	return made, right
}

// trainFilter fits the logistic filter on the candidates the rules find in
// the train articles, labelled by whether they overlap an annotated content.
func trainFilter(ps []prepared, lx *quotes.Lexicon, cueCount, epochs int, l2 float64) *quotes.Filter {
	opt := quotes.DefaultOptions
	opt.Lexicon = lx
	opt.MinCueCount = cueCount
	type ex struct {
		f map[string]float64
		y float64
	}
	var data []ex
	count := map[string]int{}
	pos := 0
	for _, p := range ps {
		cs := quotes.Candidates(p.doc, p.ents, opt)
		spans := make([]text.Span, len(cs))
		for i, c := range cs {
			spans[i] = c.Quote.Content
		}
		ok := polnear.Matched(p.doc, p.art, spans)
		for i, c := range cs {
			y := 0.0
			if ok[i] {
				y = 1
				pos++
			}
			data = append(data, ex{c.Features, y})
			for k := range c.Features {
				count[k]++
			}
		}
	}
	w := map[string]float64{}
	bias := 0.0
	rng := rand.New(rand.NewPCG(1, 2))
	for e := 0; e < epochs; e++ {
		lr := 0.1 / (1 + float64(e))
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		for _, d := range data {
			z := bias
			for k, v := range d.f {
				if count[k] >= 3 {
					z += w[k] * v
				}
			}
			g := 1/(1+math.Exp(-z)) - d.y
			bias -= lr * g
			for k, v := range d.f {
				if count[k] >= 3 {
					w[k] -= lr * (g*v + l2*w[k])
				}
			}
		}
	}
	log.Printf("filter: %d candidates (%d right), %d features", len(data), pos, len(w))
	return quotes.NewFilter(w, bias)
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
