// Command category evaluates the news-category classifier of
// internal/category with k-fold cross-validation on the data we have:
// AG News (../shared/data/ag-news/train-part.csv, 5,600 items, 4 classes)
// and BBC News (2,225 articles less 98 duplicates, 5 classes), each alone
// and both together (the shipped model's setting), and measures the
// shipped model's size, load time and speed.
//
//	go run ./cmd/eval/category            # 5-fold
//	go run ./cmd/eval/category -k 10
//	go run ./cmd/eval/category -fold-seed 7   # other folds than those the settings were chosen on
//	go run ./cmd/eval/category -untuned ""    # skip the repeats on the untuned fold seeds (7, 11, 13)
//	go run ./cmd/eval/category -bag 1         # a single model instead of the shipped six averaged (TrainOptions.Bag)
//
// "own classes" takes the argmax over the data set's own classes (the
// usual protocol); "open" over all six categories, so an AG World story
// called politics counts as wrong.
package main

import (
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/category"
	"github.com/lector-nlp/lector/internal/text"
)

func main() {
	o := category.DefaultTrainOptions
	data := flag.String("data", "../shared/data", "shared data directory")
	k := flag.Int("k", 5, "folds")
	flag.Int64Var(&o.FoldSeed, "fold-seed", 0, "seed of the fold assignment (0: 42, the folds the settings were chosen on)")
	untuned := flag.String("untuned", "7,11,13", "fold seeds never used for tuning: the combined model's cross-validation is repeated on each")
	flag.IntVar(&o.Bag, "bag", o.Bag, "models averaged, each with its own shuffle seed (1: a single model)")
	flag.Float64Var(&o.LeadWeight, "lead-weight", o.LeadWeight, "weight of the AG-shaped leads of the BBC articles (a setting not shipped)")
	flag.Parse()

	ag, err := category.LoadAG(filepath.Join(*data, "ag-news", "train-part.csv"))
	if err != nil {
		log.Fatal(err)
	}
	bbc, err := category.LoadBBC(filepath.Join(*data, "bbc-news", "bbc"))
	if err != nil {
		log.Fatal(err)
	}
	// The shipped model's features, word vectors included (learnt from
	// unlabelled news only, so they carry no label of either data set).
	t0 := time.Now()
	shipped, err := category.Load()
	if err != nil {
		log.Fatal(err)
	}
	firstLoad := time.Since(t0)
	fz := shipped.Featurizer()
	o.Dense = fz.DenseDim()
	if o.LeadWeight > 0 {
		// AG-shaped leads of the BBC articles, trained on with their
		// article (never tested on)
		category.AddLeads(bbc, category.LeadWords)
	}
	category.Featurize(ag, &fz)
	category.Featurize(bbc, &fz)
	all := append(append([]category.Example(nil), ag...), bbc...)

	fmt.Printf("%d-fold cross-validation, accuracy (%%):\n", *k)
	fmt.Printf("%-22s %12s %12s\n", "trained on", "AG (4)", "BBC (5)")
	a := category.CrossValidate(ag, *k, o)
	b := category.CrossValidate(bbc, *k, o)
	fmt.Printf("%-22s %12.2f %12.2f\n", "own data set only", a.Restricted["ag"], b.Restricted["bbc"])
	c := category.CrossValidate(all, *k, o)
	fmt.Printf("%-22s %12.2f %12.2f   (own classes)\n", "AG + BBC (shipped)", c.Restricted["ag"], c.Restricted["bbc"])
	fmt.Printf("%-22s %12s %12s   (standard deviation over the %d folds)\n", "", spread(c.Folds["ag"]), spread(c.Folds["bbc"]), *k)
	fmt.Printf("%-22s %12.2f %12.2f   (open: argmax over all 6 categories)\n", "", c.Open["ag"], c.Open["bbc"])
	na, nb := float64(c.N["ag"]), float64(c.N["bbc"])
	fmt.Printf("%-22s %12.2f               (AG+BBC items pooled, own classes)\n", "", (c.Restricted["ag"]*na+c.Restricted["bbc"]*nb)/(na+nb))
	fmt.Printf("folds (AG+BBC, own classes): AG %s; BBC %s\n", folds(c.Folds["ag"]), folds(c.Folds["bbc"]))
	fmt.Printf("confidence calibration (combined, open): log-loss %.3f, expected calibration error %.3f; a further temperature of %.2f would minimise the log-loss\n", c.LogLoss, c.ECE, c.BestT)
	if *untuned != "" {
		var ags, bbcs []float64
		for _, f := range strings.Split(*untuned, ",") {
			seed, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
			if err != nil {
				log.Fatalf("-untuned: %v", err)
			}
			ou := o
			ou.FoldSeed = seed
			u := category.CrossValidate(all, *k, ou)
			fmt.Printf("folds of seed %-3d (never used for tuning): AG %.2f %s, BBC %.2f %s (own classes); calibration error %.3f\n", seed, u.Restricted["ag"], spread(u.Folds["ag"]), u.Restricted["bbc"], spread(u.Folds["bbc"]), u.ECE)
			ags, bbcs = append(ags, u.Restricted["ag"]), append(bbcs, u.Restricted["bbc"])
		}
		fmt.Printf("mean over the untuned fold seeds: AG %.2f, BBC %.2f\n", mean(ags), mean(bbcs))
	}
	fmt.Println("\nAnchors (AG News test set, trained on the 120k train split, which we do not have):")
	fmt.Println("fastText bigrams 92.5, n-gram TF-IDF logistic 92.4, BoW logistic 88.8 (Zhang et al. 2015)")
	fmt.Println("Here each fold trains on 4,480 AG items (3.7% of AG's train split).")

	// The shipped model.
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	t0 = time.Now()
	cl, err := category.Load()
	if err != nil {
		log.Fatal(err)
	}
	lt := time.Since(t0)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	st, _ := os.Stat("internal/category/" + category.ModelPath)
	size := 0.0
	if st != nil {
		size = float64(st.Size()) / 1e6
	}
	docs := make([]*text.Document, 0, 200)
	words := 0
	for i := 0; i < len(bbc) && len(docs) < 200; i += 10 {
		d := text.Analyze(bbc[i].Text)
		docs = append(docs, d)
		words += len(d.Tokens)
	}
	t0 = time.Now()
	for _, d := range docs {
		cl.Classify(d)
	}
	el := time.Since(t0)
	fmt.Printf("\nShipped model: %.1f MB file, first load %v (builds the word table from the GloVe vectors), later loads %v, heap %.1f MB, %.0f docs/s, %.0f tokens/s (BBC articles; tokens counted by text.Analyze)\n",
		size, firstLoad.Round(time.Millisecond), lt.Round(time.Millisecond), (float64(ms.HeapAlloc)-float64(before))/1e6, float64(len(docs))/el.Seconds(), float64(words)/el.Seconds())
}

func mean(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m += v
	}
	return m / float64(len(x))
}

// spread formats the standard deviation of per-fold accuracies.
func spread(x []float64) string {
	if len(x) < 2 {
		return "-"
	}
	m := 0.0
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	ss := 0.0
	for _, v := range x {
		ss += (v - m) * (v - m)
	}
	return fmt.Sprintf("± %.2f", math.Sqrt(ss/float64(len(x)-1)))
}

func folds(x []float64) string {
	s := make([]string, len(x))
	for i, v := range x {
		s[i] = fmt.Sprintf("%.1f", v)
	}
	return strings.Join(s, " / ")
}
