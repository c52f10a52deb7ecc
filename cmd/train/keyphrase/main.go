// Command keyphrase builds the key-phrase extractor's background document
// frequency table from the unlabelled news and trains its ranker on the
// 500N-KPCrowd training part and the Inspec training abstracts, writing
// internal/keyphrase/df.txt.gz and internal/keyphrase/model.json.gz.
package main

import (
	"bytes"
	"flag"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/keyphrase"
	"github.com/lector-nlp/lector/internal/keyphrase/gbdt"
	"github.com/lector-nlp/lector/internal/keyphrase/kpdata"
	"github.com/lector-nlp/lector/internal/keyphrase/porter"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

func main() {
	data := flag.String("data", "../shared/data", "shared data directory")
	dir := flag.String("dir", "internal/keyphrase", "where to write df.txt.gz and model.json.gz")
	buildDF := flag.Bool("df", false, "rebuild the background df table")
	top := flag.Int("top", 40000, "stems kept in the df table")
	trees := flag.Int("trees", 300, "boosted trees")
	depth := flag.Int("depth", 4, "tree depth")
	rate := flag.Float64("rate", 0.1, "boosting learning rate")
	kpMulti := flag.Bool("kpmulti", true, "train on KPCrowd's multi-word candidates only (its crowd keys are dominated by single words and fragments)")
	newsWeight := flag.Float64("newsweight", 1, "weight of KPCrowd (news) candidates relative to Inspec")
	flag.Parse()

	dfPath := filepath.Join(*dir, "df.txt.gz")
	if *buildDF {
		if err := writeDF(*data, dfPath, *top); err != nil {
			log.Fatal(err)
		}
	}
	f, err := os.Open(dfPath)
	if err != nil {
		log.Fatal(err)
	}
	df, ndocs, err := keyphrase.ReadDF(f)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	ext := keyphrase.New(nil, df, ndocs)
	tagger, err := pos.Load()
	if err != nil {
		log.Fatal(err)
	}
	d, err := kpdata.Load(*data)
	if err != nil {
		log.Fatal(err)
	}
	var X [][]float64
	var y, w []float64
	pos, total := 0, 0
	for k, docs := range [][]kpdata.Doc{d.KPCrowdTrain, d.InspecTrain} {
		wt := 1.0
		if k == 0 {
			wt = *newsWeight
		}
		for _, doc := range docs {
			gold := make(map[string]bool)
			for _, g := range doc.Gold {
				gold[kpdata.Stem(g)] = true
			}
			td := text.Analyze(doc.Text)
			tagger.Tag(td)
			keys, texts, feats := ext.Candidates(td)
			for i, t := range texts {
				if k == 0 && *kpMulti && !strings.Contains(keys[i], " ") {
					continue
				}
				l := 0.0
				if gold[kpdata.Stem(t)] {
					l = 1
					pos++
				}
				X = append(X, feats[i])
				y = append(y, l)
				w = append(w, wt)
				total++
			}
		}
	}
	log.Printf("%d training docs, %d candidates, %d positive", len(d.KPCrowdTrain)+len(d.InspecTrain), total, pos)
	m := keyphrase.Fit(X, y, w, gbdt.Options{Trees: *trees, Depth: *depth, Rate: *rate, Lambda: 1, MinHess: 5, Bins: 64, Subsample: 0.5})
	var buf bytes.Buffer
	if err := keyphrase.WriteModel(&buf, m); err != nil {
		log.Fatal(err)
	}
	out := filepath.Join(*dir, "model.json.gz")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%d bytes)", out, buf.Len())
}

func writeDF(data, path string, top int) error {
	start := time.Now()
	texts, err := kpdata.ReadUnlabeled(filepath.Join(data, "unlabeled-news"))
	if err != nil {
		return err
	}
	counts := make(map[string]int32)
	for _, t := range texts {
		seen := make(map[string]bool)
		for _, tk := range text.Tokenize(t) {
			s := porter.Stem(strings.ToLower(tk.Text))
			if !seen[s] {
				seen[s] = true
				counts[s]++
			}
		}
	}
	// keep the top stems by df (df >= 2)
	type kv struct {
		k string
		v int32
	}
	var all []kv
	for k, v := range counts {
		if v >= 2 {
			all = append(all, kv{k, v})
		}
	}
	keep := make(map[string]int32)
	if len(all) > top {
		// partial selection by threshold
		hist := make(map[int32]int)
		for _, e := range all {
			hist[e.v]++
		}
		th := int32(2)
		for n := 0; ; th++ {
			n = 0
			for _, e := range all {
				if e.v >= th {
					n++
				}
			}
			if n <= top {
				break
			}
		}
		for _, e := range all {
			if e.v >= th {
				keep[e.k] = e.v
			}
		}
	} else {
		for _, e := range all {
			keep[e.k] = e.v
		}
	}
	var buf bytes.Buffer
	if err := keyphrase.WriteDF(&buf, keep, len(texts)); err != nil {
		return err
	}
	log.Printf("df table: %d documents, %d stems kept of %d, %d bytes, %v", len(texts), len(keep), len(counts), buf.Len(), time.Since(start).Round(time.Millisecond))
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
