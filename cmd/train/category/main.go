// Command category trains the news-category model of internal/category on
// BBC News (2,225 articles, duplicates dropped) and the AG News part we have
// (../shared/data/ag-news/train-part.csv), both together, and writes
// internal/category/model/category.bin.
//
// The model's word vectors are the pretrained GloVe vectors of
// internal/wordvec (wordvec.Default()); the model file holds the word
// clusters and weights only, and the classifier takes the vectors from
// wordvec when it loads. Training takes about a minute.
//
//	go run ./cmd/train/category                              # train and write the model
//	go run ./cmd/train/category -cv 5                        # also print 5-fold cross-validation first
//	go run ./cmd/train/category -cv 5 -cv-sets all -cv-only -dense 3   # try a setting
//	go run ./cmd/train/category -cv 5 -cv-sets all -cv-only -gated-weight 0.5 -fold-seed 7
//	                     # with the gated network mixed in (not shipped; see internal/category/gated.go)
//
// Until session 8 the vectors were learnt by skip-gram on the unlabelled
// news under -data (CNN/DailyMail dev stories, Reuters-21578,
// Reuter_50_50; 9.1 million words; about 10 CPU-minutes on two threads);
// -wordvec=false still does that, -vectors caching them:
//
//	go run ./cmd/train/category -wordvec=false -vectors /tmp/catvec -cv 5 -cv-only
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/category"
	"github.com/lector-nlp/lector/internal/wordvec"
)

func main() {
	o := category.DefaultTrainOptions
	var (
		data = flag.String("data", "../shared/data", "shared data directory")
		out  = flag.String("out", "internal/category/model/category.bin", "output model")
		cv   = flag.Int("cv", 0, "run k-fold cross-validation first (0 = no)")
		only = flag.Bool("cv-only", false, "stop after cross-validation")
		sets = flag.String("cv-sets", "ag,bbc,all", "which cross-validations to run")
		bits = flag.Uint("bits", o.Bits, "hashed feature buckets (log2)")
	)
	flag.IntVar(&o.Epochs, "epochs", o.Epochs, "training epochs")
	flag.Float64Var(&o.Rate, "rate", o.Rate, "AdaGrad learning rate")
	flag.Float64Var(&o.L2, "l2", o.L2, "L2 penalty")
	flag.Float64Var(&o.BBCWeight, "bbc-weight", o.BBCWeight, "weight of BBC examples")
	selfN := flag.Int("self", 0, "self-train on up to N CNN/DailyMail dev stories")
	flag.Float64Var(&o.PseudoMin, "pseudo-min", 0.9, "self-training confidence threshold")
	flag.Float64Var(&o.PseudoWeight, "pseudo-weight", 0.5, "self-training example weight")
	flag.BoolVar(&o.NBLR, "nblr", o.NBLR, "NB-scaled one-vs-rest logistic regression")
	flag.Float64Var(&o.NBAlpha, "nb-alpha", o.NBAlpha, "NB smoothing")
	flag.Float64Var(&o.NBMix, "nb-mix", o.NBMix, "weight of the NB log-count ratios added to the weights")
	flag.Float64Var(&o.Temperature, "temperature", o.Temperature, "softmax temperature")
	flag.IntVar(&o.Bag, "bag", o.Bag, "models averaged, each with its own shuffle seed")
	flag.Float64Var(&o.LeadWeight, "lead-weight", o.LeadWeight, "weight of the AG-shaped leads of the BBC articles (0: none)")
	leadWords := flag.Int("lead-words", category.LeadWords, "least words of a BBC article's lead after the title")
	flag.Int64Var(&o.FoldSeed, "fold-seed", 0, "seed of the cross-validation folds (0: 42, the folds the settings were chosen on)")
	title := flag.Float64("title", float64(category.DefaultFeatures.Title), "weight of title words (0: off)")
	cluster := flag.Float64("cluster", float64(category.DefaultFeatures.Cluster[0]), "weight of word clusters (0: off)")
	dense := flag.Float64("dense", float64(category.DefaultFeatures.Dense), "weight of the word-vector features (0: off)")
	subword := flag.Float64("subword", float64(category.DefaultFeatures.Subword), "weight of the character n-grams of words without a vector or cluster (0: off)")
	sif := flag.Float64("sif", category.DefaultSIF, "weigh word vectors by a/(a+p(word)) (0: off)")
	useWV := flag.Bool("wordvec", true, "dense features from the GloVe vectors of internal/wordvec (false: vectors learnt by skip-gram, -vectors)")
	vecs := flag.String("vectors", "", "with -wordvec=false, word-vector cache (prefix): read when present, else trained and written there")
	vo := category.DefaultVecOptions
	flag.IntVar(&vo.Dim, "vec-dim", vo.Dim, "word-vector dimension (when trained)")
	flag.IntVar(&vo.Window, "vec-window", vo.Window, "skip-gram window (when trained)")
	flag.IntVar(&vo.Epochs, "vec-epochs", vo.Epochs, "skip-gram epochs (when trained)")
	flag.IntVar(&vo.MinCount, "vec-min-count", vo.MinCount, "least count of a word with a vector (when trained)")
	flag.IntVar(&vo.Threads, "vec-threads", vo.Threads, "skip-gram threads (when trained)")
	vecOnly := flag.Bool("vectors-only", false, "stop after training (or reading) the word vectors")
	flag.Float64Var(&o.Gated.Weight, "gated-weight", o.Gated.Weight, "weight of the gated network's logits in the mix (0: no network)")
	flag.IntVar(&o.Gated.Vocab, "gated-vocab", o.Gated.Vocab, "most frequent GloVe words the gated network reads")
	flag.IntVar(&o.Gated.Folded, "gated-folded", o.Gated.Folded, "of those, the most frequent with folded rows in the model (the rest from their vectors at run time)")
	flag.IntVar(&o.Gated.Epochs, "gated-epochs", o.Gated.Epochs, "gated network's training epochs")
	flag.IntVar(&o.Gated.Average, "gated-average", o.Gated.Average, "average the gated network's weights over the steps of its last N epochs (0: the last step's)")
	flag.IntVar(&o.Gated.Nets, "gated-nets", o.Gated.Nets, "average the logits of this many gated networks (cross-validation only)")
	flag.Int64Var(&o.Gated.Seed, "gated-seed", o.Gated.Seed, "gated network's initialisation and shuffle seed")
	clusters := flag.String("clusters", "internal/wordclusters/clusters.txt.gz", "the word clusters' table file (merged into the vectors' table)")
	flag.Parse()
	o.Bits = *bits

	exs, err := load(*data)
	if err != nil {
		log.Fatal(err)
	}
	if o.LeadWeight > 0 {
		category.AddLeads(exs, *leadWords)
	}
	fz, err := category.NewFeaturizer()
	if err != nil {
		log.Fatal(err)
	}
	fz.Bits = o.Bits
	fz.Title, fz.Dense, fz.Subword = float32(*title), float32(*dense), float32(*subword)
	fz.Cluster = [3]float32{float32(*cluster), float32(*cluster), float32(*cluster)}
	if *dense > 0 && *useWV {
		fz.WordVec = wordvec.Default()
	} else if *dense > 0 {
		fz.Vectors, err = vectors(*data, *vecs, *sif, vo)
		if err != nil {
			log.Fatal(err)
		}
		if *vecOnly {
			return
		}
	}
	if fz.Cluster != [3]float32{} {
		// one table for the vectors (if learnt) and the clusters
		f, err := os.Open(*clusters)
		if err != nil {
			log.Fatal(err)
		}
		words, ids, err := category.ReadClusterWords(f)
		f.Close()
		if err != nil {
			log.Fatal(err)
		}
		if fz.Vectors == nil {
			fz.Vectors = category.NewVectors(nil, nil, 0, nil)
		}
		fz.Vectors = fz.Vectors.WithClusters(words, ids)
	}
	if fz.WordVec != nil {
		// the GloVe vectors in the same table (as Decode builds it)
		if fz.Vectors == nil {
			fz.Vectors = category.NewVectors(nil, nil, 0, nil)
		}
		fz.Vectors = fz.Vectors.WithWordVec(fz.WordVec, false)
	}
	o.Dense = fz.DenseDim()
	t0 := time.Now()
	category.Featurize(exs, fz)
	if *selfN > 0 {
		u, err := category.LoadCNNDM(filepath.Join(*data, "cnn-dailymail", "dev.jsonl.gz"), *selfN)
		if err != nil {
			log.Fatal(err)
		}
		category.Featurize(u, fz)
		o.Unlabeled = u
	}
	log.Printf("%d examples featurised in %v", len(exs), time.Since(t0).Round(time.Millisecond))
	if *cv > 0 {
		var ag, bbc []category.Example
		for _, e := range exs {
			if e.Source == "ag" {
				ag = append(ag, e)
			} else {
				bbc = append(bbc, e)
			}
		}
		if strings.Contains(*sets, "ag") {
			fmt.Printf("%d-fold CV, AG alone:   %s\n", *cv, category.FormatCV(category.CrossValidate(ag, *cv, o)))
		}
		if strings.Contains(*sets, "bbc") {
			fmt.Printf("%d-fold CV, BBC alone:  %s\n", *cv, category.FormatCV(category.CrossValidate(bbc, *cv, o)))
		}
		if strings.Contains(*sets, "all") {
			fmt.Printf("%d-fold CV, combined:   %s\n", *cv, category.FormatCV(category.CrossValidate(exs, *cv, o)))
		}
		if *only {
			return
		}
	}
	t0 = time.Now()
	bias, w := category.Fit(exs, o)
	log.Printf("trained in %v", time.Since(t0).Round(time.Millisecond))
	t0 = time.Now()
	net := category.FitNet(exs, o)
	if net != nil {
		log.Printf("gated network trained in %v", time.Since(t0).Round(time.Millisecond))
	}
	var buf bytes.Buffer
	if err := category.EncodeNet(&buf, category.Names, *fz, bias, w, net); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s (%.1f MB)\n", *out, float64(buf.Len())/1e6)
}

func load(data string) ([]category.Example, error) {
	ag, err := category.LoadAG(filepath.Join(data, "ag-news", "train-part.csv"))
	if err != nil {
		return nil, err
	}
	bbc, err := category.LoadBBC(filepath.Join(data, "bbc-news", "bbc"))
	if err != nil {
		return nil, err
	}
	return append(ag, bbc...), nil
}

// vectors reads word vectors from the cache at prefix (prefix.vocab,
// prefix.f32) or trains them on the unlabelled news under data (about 10
// CPU-minutes) and writes the cache when prefix is set.
func vectors(data, prefix string, sif float64, o category.VecOptions) (*category.Vectors, error) {
	var docs [][]string
	if sif > 0 {
		texts, err := category.LoadUnlabelled(data)
		if err != nil {
			return nil, err
		}
		docs = make([][]string, len(texts))
		for i, s := range texts {
			docs[i] = category.Tokens(s)
		}
	}
	weights := func(words []string) []float32 {
		if sif <= 0 {
			return nil
		}
		return category.SIFWeights(words, docs, sif)
	}
	if prefix != "" {
		vb, err1 := os.ReadFile(prefix + ".vocab")
		fb, err2 := os.ReadFile(prefix + ".f32")
		if err1 == nil && err2 == nil {
			words := strings.Split(string(vb), "\n")
			v := make([]float32, len(fb)/4)
			if err := binary.Read(bytes.NewReader(fb), binary.LittleEndian, v); err != nil {
				return nil, err
			}
			log.Printf("read %d word vectors from %s", len(words), prefix)
			return category.NewVectors(words, v, len(v)/len(words), weights(words)), nil
		}
	}
	t0 := time.Now()
	if docs == nil {
		texts, err := category.LoadUnlabelled(data)
		if err != nil {
			return nil, err
		}
		docs = make([][]string, len(texts))
		for i, s := range texts {
			docs[i] = category.Tokens(s)
		}
	}
	words, v := category.TrainVectors(docs, o)
	log.Printf("trained %d word vectors on %d documents in %v", len(words), len(docs), time.Since(t0).Round(time.Second))
	if prefix != "" {
		var buf bytes.Buffer
		binary.Write(&buf, binary.LittleEndian, v)
		if err := os.WriteFile(prefix+".vocab", []byte(strings.Join(words, "\n")), 0o644); err != nil {
			return nil, err
		}
		if err := os.WriteFile(prefix+".f32", buf.Bytes(), 0o644); err != nil {
			return nil, err
		}
	}
	return category.NewVectors(words, v, o.Dim, weights(words)), nil
}
