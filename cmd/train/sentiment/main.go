// Command sentiment trains Lector's sentiment model on NewsMTSC
// (../shared/data/newsmtsc/train.jsonl), prints macro-F1 on the paper's dev
// splits (newsmtsc-mt and newsmtsc-rw), and writes the model to
// internal/sentiment/model/sentiment.bin.gz.
//
//	go run ./cmd/train/sentiment [-data ../shared/data] [-out FILE]
//
// The VADER lexicon is read at training time from the npm package
// vader-sentiment@1.1.3 (fetched with `npm pack` and checked against its
// sha256), or from -vader FILE. Text is POS-tagged with internal/pos first,
// as the pipeline does. The word vectors of the dense network are the
// pretrained GloVe 6B vectors of internal/wordvec (Wikipedia and Gigaword
// news, 100-d, int8) of the 20,000 most frequent words of the unlabelled
// news and the training sentences that it holds (session 8); the model
// keeps only the network's first layer folded into each word's row, not
// the vectors. -wordvec=false copies the vectors of the shipped category
// model instead (skip-gram learnt on the unlabelled news, as before
// session 8), -glove DIR reads GloVe from converted files (experiments),
// and -wordvec=false -catvecs=false -vecdim N trains skip-gram vectors
// here (slower, and worse in our runs).
// Takes about 20 s (5-fold CV: about a minute).
//
// For tuning: -dry trains and evaluates without writing; -cv 5 runs 5-fold
// cross-validation on train and prints the class offsets that would add
// most on top of -offneg/-offpos (the shipped offsets, 0 for negative and
// -0.1 for positive, came from there, not from the dev sets); -seed N
// changes the shuffles and the network's initialisation (dev macro-F1
// moves by about ±0.01 between seeds); -densew sets the weight of the
// dense network (0: the linear model alone; 0.3 and 0.4 gave about the
// same CV, see below),
// -densenets N joins N networks of different initialisations (2 gave the
// same CV; 2 and 3 gave the same with more blocks), -blocks sets the
// mean blocks of its input (3: by side and near the target; 5: also the
// target's clause by side; 6, the default: also the target's own words.
// 5-fold CV, all targets / sentences with several targets, seed 1: 3
// blocks 0.694 / 0.667, 5 blocks 0.694 / 0.674, 6 blocks 0.706 / 0.692;
// 6 blocks, mean of seeds 1-3: 0.702 / 0.688. No gain in CV from: the
// verbs governing the target or the other proper nouns as more blocks,
// 1/distance² or 1/√distance in place of 1/distance, 48 or 64 hidden
// units, dropout 0.3, 15 epochs, -densew 0.4 or 0.5, training the network
// on top of the linear model's cross-fitted scores, the further mentions
// as extra targets, a negation scope of 2 or 8 tokens, 30,000 words with
// vectors; maxima and minima of the context vectors gave the same CV in
// session 3). Session 5, 5-fold CV all / several-target sentences, seed
// 1, against 0.706 / 0.692 (the int16 form of the tables scores the same):
// -densesmooth 0.1 (label smoothing) 0.703 / 0.685; -denseswa 5 (the
// network's weights averaged over its last 5 epochs) 0.703 / 0.690;
// -blockdrop 0.1 and 0.25 (whole mean blocks dropped) 0.703 / 0.687 and
// 0.700 / 0.684; two more blocks, the mean vectors of the polar words
// (learnt or VADER lexicon) on each side, negated ones with weight -1:
// 0.698 / 0.697 (without the sign 0.700 / 0.694); -avg (the linear weights
// averaged over epochs) 0.703 / 0.688; -dropout 0.1 (linear features)
// 0.702 / 0.687; no stem features for words that are their own stem
// 0.703 / 0.686; a target table of 2^21 slots 0.704 / 0.690; -cwp 0.7
// 0.702 / 0.687 (CV-best offsets: the same); -lexthr 0.8 0.703 / 0.690;
// tables of
// 64-byte lines in which a word's features share a line (same CV 0.706 /
// 0.691, dev 0.699 / 0.692, 40 % fewer cache lines per article, yet
// 20-50 us slower per cold article, also with smaller tables, and no
// faster with huge pages: not kept).
// Session 6 (-cv 5 -cvparts N: the networks of each fold kept apart, so
// that one run scores every number of them and every mixing weight; all
// targets / several-target sentences, default offsets). The mixing
// weight, mean of seeds 1-3 (-cvparts 5, 2, 2): 0.3 0.702 / 0.688, 0.35
// 0.704 / 0.692, 0.4 0.704 / 0.693, 0.45 0.701 / 0.692, 0.5 0.698 /
// 0.688 (seed 1 alone: 0.3 0.706 / 0.692, 0.4 0.705 / 0.698). -densew
// 0.4 (with -cv 5 and the folded network: 0.705 / 0.698, against 0.706 /
// 0.692; dev 0.691 / 0.706 against 0.690 / 0.696; dev, mean of seeds 1-3:
// 0.687 / 0.707 against 0.690 / 0.698) was not kept: it does not reach
// 0.70 on dev-mt, and it scores plain reports more positively
// (TestTargetNeutral: mean |score| of its six neutral reports 0.187 ->
// 0.207, over the test's 0.2). Not kept either (seed 1): the logits of 2, 3, 4 or 5 networks averaged (an ensemble of
// independently seeded networks) 0.704, 0.704, 0.704, 0.705 at 0.3 and at
// most 0.706 at any weight (seeds 2 and 3, 2 networks: no better than 1);
// the CV-best class offsets on top of any of these add at most 0.003 and
// vary between seeds; the sentence model's log-probabilities added to the
// mix (weights 0.1-0.5) 0.699-0.704 / 0.680-0.682; character 3-grams of
// the context words by side as a second linear view 0.697 / 0.679 (linear
// model alone 0.677 against 0.688).
// Session 8 (-cv 5 -cvparts 1, unfolded networks, mean of seeds 1-3,
// all targets / several-target sentences, at mixing weight 0.3 and at the
// best of 0.3-0.45): category vectors 0.702 / 0.688, best 0.7035 / 0.694
// (0.35-0.4); GloVe (-glove, float32, 20,000 words) 0.709 / 0.702, best
// 0.710 / 0.704 (0.35-0.4); GloVe through internal/wordvec (int8), seed 1:
// the same as float32 (0.709 against 0.709); GloVe + gates (-gate,
// wordvec, the default) 0.714 / 0.706, best 0.716 / 0.711 at 0.35 (the
// shipped -densew). With the folded int8 network (-cv 5, seeds 1, 2, 3):
// 0.719, 0.712, 0.717 (several-target sentences 0.714, 0.710, 0.708).
// No further gain (mean of seeds 1-3 unless said): 50,000 GloVe words
// (no gates) 0.710 / 0.701, best 0.711 (0.35); gates tied between the
// two sides (-tiegates) 0.713, best 0.716 (0.45); a learnt gate term per
// distance bucket (-distgate) 0.715, best 0.717 (0.4), both within the
// seeds' spread of ±0.004 of -gate, so the simpler -gate ships; GloVe
// vectors with their lengths kept (-rawvecs, with gates) 0.715, best
// 0.716 (0.35); seed 1
// only, against the same seed: 64 hidden units (no gates) 0.708 against
// 0.709; 15 network epochs with gates 0.715 against 0.717.
// Session 12 (-cv 5, seeds 1, 2, 3, all targets; mean; several-target
// sentences' mean): the defaults 0.719, 0.712, 0.716 (0.716; 0.710); no
// setting beyond the seeds' spread: -epochs 8 0.718, 0.713, 0.716
// (0.716); -l2 1e-5 the same as the defaults to three places; -rate 0.02
// 0.715, 0.711, 0.713 (0.713); -seeds 20 0.718, 0.711, 0.716 (0.715);
// -lexthr 1.2 0.716, 0.714, 0.714 (0.715); -denserate 0.002 0.715,
// 0.713, 0.716 (0.715); -densebatch 32 0.718, 0.716, 0.715 (0.716;
// 0.711); -densedrop 0.1 0.714, 0.721, 0.715 (0.717; 0.716); -densedrop
// 0.1 -densebatch 32 0.715, 0.718, 0.716 (0.716; 0.718). The last two
// lift the several-target sentences by 0.006-0.008 but all targets by
// 0.001 or less, seed for seed -0.005 to +0.009: not kept.
// -multiw W weighs
// the targets of sentences with several targets (2: the same CV);
// -off N,M disables feature
// templates (see internal/sentiment/features.go); -errors FILE and -probs
// FILE write the misclassified dev targets and every dev target's class
// probabilities (for error analysis; with -cv, -errors FILE gets every
// held-out prediction on sentences with several targets); -clusters K adds word clusters
// learnt from ../shared/data/unlabeled-news (they did not help: off by
// default).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/lector-nlp/lector/cmd/internal/npmpkg"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/sentiment"
	"github.com/lector-nlp/lector/internal/sentiment/newsmtsc"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordvec"
)

func main() {
	data := flag.String("data", "../shared/data", "folder of the shared data sets")
	out := flag.String("out", "internal/sentiment/model/sentiment.bin.gz", "model file to write")
	dry := flag.Bool("dry", false, "train and evaluate on dev only, write nothing")
	cfg := sentiment.DefaultConfig()
	tb := flag.Uint("tbits", uint(cfg.TargetBits), "log2 target table size")
	sb := flag.Uint("sbits", uint(cfg.SentenceBits), "log2 sentence table size")
	flag.IntVar(&cfg.Epochs, "epochs", cfg.Epochs, "epochs")
	flag.Float64Var(&cfg.Rate, "rate", cfg.Rate, "AdaGrad learning rate")
	flag.Float64Var(&cfg.L2, "l2", cfg.L2, "L2 penalty")
	flag.IntVar(&cfg.LexMinCount, "lexmin", cfg.LexMinCount, "lexicon minimum count")
	flag.Float64Var(&cfg.LexThreshold, "lexthr", cfg.LexThreshold, "lexicon log-ratio threshold")
	flag.IntVar(&cfg.LexFolds, "lexfolds", cfg.LexFolds, "lexicon cross-fitting folds")
	flag.BoolVar(&cfg.NoLexicon, "nolex", false, "no lexicon features")
	flag.Float64Var(&cfg.ClassWeightPower, "cwp", cfg.ClassWeightPower, "class weight power (0 unweighted, 1 balanced)")
	multiW := flag.Float64("multiw", 1, "training weight of targets in sentences with several targets")
	further := flag.Bool("further", false, "also mask the further (coreferent) mentions of training targets")
	flag.Float64Var(&cfg.Dropout, "dropout", cfg.Dropout, "feature dropout in training")
	flag.BoolVar(&cfg.Average, "avg", cfg.Average, "average weights over epochs")
	flag.IntVar(&cfg.Seeds, "seeds", cfg.Seeds, "average the weights of this many shuffles")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed of the shuffles")
	vader := flag.String("vader", "", "vader_lexicon.txt of the npm package "+vaderPackage+" (default: fetched with npm pack)")
	noVader := flag.Bool("novader", false, "train without the general valence lexicon")
	nclus := flag.Int("clusters", 0, "word clusters from unlabelled news (0: none)")
	clusMin := flag.Int("clusmin", 5, "minimum corpus count of a clustered word")
	clusDim := flag.Int("clusdim", 192, "dimensions of the projected PPMI vectors")
	clusCtx := flag.Int("clusctx", 3000, "context words of the PPMI vectors")
	clusCache := flag.String("cluscache", "", "file caching the word clusters (read if present, else written)")
	mix := flag.Float64("mix", 1, "dev only: weight of the target model against the sentence model")
	noPOS := flag.Bool("nopos", false, "do not POS-tag the training and dev text")
	cv := flag.Int("cv", 0, "k-fold cross-validation on train (by sentence), then exit")
	cvNets := flag.Int("cvparts", 0, "with -cv: keep this many dense networks apart and print the CV of each number of them and mixing weight")
	flag.Float64Var(&cfg.TargetOffset[sentiment.Negative], "offneg", cfg.TargetOffset[sentiment.Negative], "class offset of negative in the target model (tuned with -cv)")
	flag.Float64Var(&cfg.TargetOffset[sentiment.Positive], "offpos", cfg.TargetOffset[sentiment.Positive], "class offset of positive in the target model (tuned with -cv)")
	verbose := flag.Bool("v", false, "log epochs")
	off := flag.String("off", "", "comma-separated feature template numbers to disable (ablation)")
	errFile := flag.String("errors", "", "write the misclassified dev targets to this file")
	probFile := flag.String("probs", "", "write the dev targets' class probabilities to this file")
	vecDim := flag.Int("vecdim", 0, "dimensions of skip-gram word vectors for the dense network (0: none)")
	vecWords := flag.Int("vecwords", 20000, "most frequent words kept with vectors (20,000 and 40,000 gave the same 5-fold CV)")
	vecEpochs := flag.Int("vecepochs", 5, "skip-gram epochs")
	vecCache := flag.String("veccache", "", "file caching the word vectors (read if present, else written)")
	catVecs := flag.Bool("catvecs", true, "take the word vectors of the shipped category model (else train skip-gram vectors of -vecdim dimensions)")
	gloveDir := flag.String("glove", "", "take the word vectors from GloVe files in this folder (words.txt, vectors.f32; the first 100,000 words) instead of the category model")
	useWordvec := flag.Bool("wordvec", true, "take the word vectors from internal/wordvec (GloVe 6B, 100-d, int8; else from the category model)")
	vecOnly := flag.Bool("veconly", false, "train the word vectors into -veccache, then exit")
	addStems := flag.Bool("addstems", false, "convert the shipped model to the format with the stems of its word vector rows (their words are those of -catvecs and -vecwords), write it to -out, then exit; the weights do not change")
	flag.Float64Var(&cfg.DenseWeight, "densew", cfg.DenseWeight, "weight of the dense network's scores (0: none)")
	flag.IntVar(&cfg.Dense.Blocks, "blocks", cfg.Dense.Blocks, "mean blocks of the dense network's input (3: by side and near the target; 5: also the target's clause on each side)")
	denseNets := flag.Int("densenets", 0, "dense networks joined (0: the default)")
	denseHid := flag.Int("densehid", cfg.Dense.Hidden, "hidden units of the dense network")
	denseEpochs := flag.Int("denseepochs", cfg.Dense.Epochs, "epochs of the dense network")
	denseBatch := flag.Int("densebatch", cfg.Dense.Batch, "mini-batch of the dense network")
	denseRate := flag.Float64("denserate", cfg.Dense.Rate, "Adam step of the dense network")
	denseDrop := flag.Float64("densedrop", cfg.Dense.Dropout, "dropout of the dense network")
	denseL2 := flag.Float64("densel2", cfg.Dense.L2, "L2 of the dense network")
	flag.Float64Var(&cfg.Dense.Smooth, "densesmooth", cfg.Dense.Smooth, "label smoothing of the dense network")
	flag.IntVar(&cfg.Dense.SWA, "denseswa", cfg.Dense.SWA, "average the dense network's weights over this many last epochs")
	flag.BoolVar(&cfg.Dense.DistGate, "distgate", cfg.Dense.DistGate, "with -gate: learn a gate term per distance bucket from the target")
	flag.BoolVar(&cfg.Dense.TieGates, "tiegates", cfg.Dense.TieGates, "with -gate: the two sides share their gates")
	flag.BoolVar(&cfg.Dense.RawVecs, "rawvecs", cfg.Dense.RawVecs, "keep the word vectors' lengths (else unit length)")
	flag.BoolVar(&cfg.Dense.Gate, "gate", cfg.Dense.Gate, "learn a gate per mean block that weighs each word by exp(gate · its vector)")
	flag.Float64Var(&cfg.Dense.BlockDrop, "blockdrop", cfg.Dense.BlockDrop, "dropout of whole mean blocks of the dense network's input")
	flag.Parse()
	cfg.DenseConfig(*denseHid, *denseEpochs, *denseBatch, *denseRate, *denseDrop, *denseL2)
	if *denseNets > 0 {
		cfg.Dense.Nets = *denseNets
	}
	if err := checkConfig(cfg); err != nil {
		log.Fatal(err)
	}
	cfg.TargetBits, cfg.SentenceBits = uint8(*tb), uint8(*sb)
	for _, f := range strings.Split(*off, ",") {
		if n, err := strconv.Atoi(f); err == nil {
			sentiment.Disable(n)
		}
	}
	if !*noVader {
		v, err := readVader(*vader)
		if err != nil {
			log.Fatal(err)
		}
		// add the lemmas of inflected entries ("lies" gives "lie") where
		// the lexicon has no entry of its own; the runtime looks a word up,
		// then its lemma
		added := map[string][]float64{}
		for w, val := range v {
			for _, tag := range []string{"NNS", "VBZ", "VBD", "VBG", "VBN"} {
				if l := pos.Lemma(w, tag); l != w && l != "" {
					if _, ok := v[l]; !ok {
						added[l] = append(added[l], val)
					}
				}
			}
		}
		for l, vals := range added {
			sort.Float64s(vals) // the same sum whatever the map order
			var sum float64
			for _, x := range vals {
				sum += x
			}
			v[l] = sum / float64(len(vals))
		}
		cfg.Valence = v
	}

	tagger, err := pos.Load()
	if err != nil {
		log.Fatal(err)
	}
	analyze := func(s string) *text.Document {
		d := text.Analyze(s)
		if !*noPOS {
			tagger.Tag(d)
		}
		return d
	}
	dir := filepath.Join(*data, "newsmtsc")
	train, err := newsmtsc.Read(filepath.Join(dir, "train.jsonl"))
	if err != nil {
		log.Fatal(err)
	}
	var exs []sentiment.Example
	for _, s := range train {
		doc := analyze(s.Text)
		for _, t := range s.Targets {
			ms := []text.Span{t.Span}
			if *further {
				ms = append(ms, t.Further...)
			}
			exs = append(exs, sentiment.Example{Doc: doc, Mentions: ms, Label: t.Label, Weight: targetWeight(s, *multiW)})
		}
	}
	if *addStems {
		m, err := sentiment.Load()
		if err != nil {
			log.Fatal(err)
		}
		words, _, _ := categoryVectors(*data, train, 3, *vecWords)
		if len(words) > *vecWords {
			words = words[:*vecWords]
		}
		if err := m.SetStemWords(words); err != nil {
			log.Fatal(err)
		}
		writeModel(m, *out)
		return
	}
	logf := func(string, ...any) {}
	if *verbose {
		logf = log.Printf
	}
	if *nclus > 0 {
		var extra []string
		for _, s := range train {
			extra = append(extra, s.Text)
		}
		if *clusCache != "" {
			cfg.Clusters = readClusters(*clusCache)
		}
		if cfg.Clusters == nil {
			cfg.Clusters = trainClusters(readCorpus(*data, extra), *nclus, *clusMin, *clusCtx, *clusDim, log.Printf)
			if *clusCache != "" {
				writeClusters(*clusCache, cfg.Clusters)
			}
		}
	}
	if (*vecDim > 0 || *catVecs || *useWordvec || *gloveDir != "") && (cfg.DenseWeight > 0 || *vecOnly) {
		var words []string
		var vecs []float32
		dim := 0
		if *vecCache != "" {
			words, vecs, dim = readVectors(*vecCache)
		}
		if words == nil && *gloveDir != "" {
			words, vecs, dim = lookupVectors(*data, train, 3, *vecWords, 100, gloveFiles(*gloveDir, 100000, 100))
		}
		if words == nil && *useWordvec {
			t := wordvec.Default()
			words, vecs, dim = lookupVectors(*data, train, 3, *vecWords, t.Dim(), t.Vector)
		}
		if words == nil && *catVecs {
			words, vecs, dim = categoryVectors(*data, train, 3, *vecWords)
			if *vecCache != "" {
				writeVectors(*vecCache, words, vecs, dim)
			}
		}
		if words == nil {
			dim = *vecDim
			words, vecs = trainVectors(*data, train, dim, *vecWords, *vecEpochs)
			if *vecCache != "" {
				writeVectors(*vecCache, words, vecs, dim)
			}
		}
		if *vecOnly {
			return
		}
		if len(words) > *vecWords {
			words, vecs = words[:*vecWords], vecs[:*vecWords*dim]
		}
		if cfg.DenseWeight > 0 {
			cfg.VecWords, cfg.Vecs, cfg.VecDim = words, vecs, dim
		}
	}
	if *cv > 1 && *cvNets > 0 {
		cvParts(train, analyze, *cv, *cvNets, cfg)
		return
	}
	if *cv > 1 {
		crossValidate(train, analyze, *cv, cfg, *further, *multiW, *errFile)
		return
	}
	m := sentiment.Train(exs, cfg, logf)
	var meanF1 float64
	var errw *bufio.Writer
	if *errFile != "" {
		ef, err := os.Create(*errFile)
		if err != nil {
			log.Fatal(err)
		}
		defer ef.Close()
		errw = bufio.NewWriter(ef)
		defer errw.Flush()
	}
	var probw *bufio.Writer
	if *probFile != "" {
		pf, err := os.Create(*probFile)
		if err != nil {
			log.Fatal(err)
		}
		defer pf.Close()
		probw = bufio.NewWriter(pf)
		defer probw.Flush()
	}
	for _, split := range []string{"mt", "rw"} {
		dev, err := newsmtsc.Read(filepath.Join(dir, "paper-split-"+split, "dev.jsonl"))
		if err != nil {
			log.Fatal(err)
		}
		var gold, pred []int
		for _, s := range dev {
			doc := analyze(s.Text)
			for _, t := range s.Targets {
				p := m.TargetProbs(doc, []text.Span{t.Span})
				if *mix < 1 {
					for si := range doc.Sentences {
						if doc.Sentences[si].End > t.Span.Start {
							q := m.SentenceProbs(doc.SentenceTokens(si))
							for c := range p {
								p[c] = *mix*p[c] + (1-*mix)*q[c]
							}
							break
						}
					}
				}
				gold = append(gold, t.Label)
				pred = append(pred, argmax(p))
				if probw != nil {
					fmt.Fprintf(probw, "%s %d %g %g %g\n", split, t.Label, p[0], p[1], p[2])
				}
				if errw != nil && pred[len(pred)-1] != t.Label {
					fmt.Fprintf(errw, "%s gold %s pred %s %.2f/%.2f/%.2f [%s]\n\t%s\n", split, newsmtsc.ClassNames[t.Label],
						newsmtsc.ClassNames[pred[len(pred)-1]], p[0], p[1], p[2], t.Mention, s.Text)
				}
			}
		}
		r := newsmtsc.Evaluate(gold, pred)
		fmt.Printf("dev-%s macro-F1 %.3f acc %.3f\n", split, r.MacroF1, r.Accuracy)
		meanF1 += r.MacroF1 / 2
		if *verbose {
			fmt.Print(r.String())
			fmt.Println("  confusion [gold][pred]:", r.Confusion)
		}
	}
	fmt.Printf("mean %.3f\n", meanF1)
	if *dry {
		return
	}
	writeModel(m, *out)
}

// writeModel writes m to the file out.
func writeModel(m *sentiment.Model, out string) {
	f, err := os.Create(out)
	if err != nil {
		log.Fatal(err)
	}
	if err := m.WriteFile(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	st, _ := os.Stat(out)
	fmt.Printf("wrote %s (%d bytes)\n", out, st.Size())
}

// foldExamples returns the training examples of fold f of k-fold
// cross-validation by sentence: the targets of the sentences outside the
// fold, with their further mentions when further is set, weighted by
// targetWeight.
func foldExamples(train []newsmtsc.Sentence, docs []*text.Document, k, f int, further bool, multiW float64) []sentiment.Example {
	var exs []sentiment.Example
	for i, s := range train {
		if i%k == f {
			continue
		}
		for _, t := range s.Targets {
			ms := []text.Span{t.Span}
			if further {
				ms = append(ms, t.Further...)
			}
			exs = append(exs, sentiment.Example{Doc: docs[i], Mentions: ms, Label: t.Label, Weight: targetWeight(s, multiW)})
		}
	}
	return exs
}

// several returns the gold and predicted labels of the targets whose
// sentence has several targets (multi[i] set), the items like dev-mt's.
func several(multi []bool, gold, pred []int) (mg, mp []int) {
	for i, ok := range multi {
		if ok {
			mg, mp = append(mg, gold[i]), append(mp, pred[i])
		}
	}
	return mg, mp
}

// targetWeight is the training weight of a target of s: multiW when s
// has several targets, else 1.
func targetWeight(s newsmtsc.Sentence, multiW float64) float64 {
	if len(s.Targets) > 1 {
		return multiW
	}
	return 1
}

func argmax(p [3]float64) int {
	best := 0
	for c := 1; c < 3; c++ {
		if p[c] > p[best] {
			best = c
		}
	}
	return best
}

// The general valence lexicon: VADER (Hutto & Gilbert 2014, MIT) as shipped
// in the npm package vader-sentiment (Apache-2.0), pinned by version and hash.
const (
	vaderPackage = "vader-sentiment@1.1.3"
	vaderSHA256  = "de3c50aee6ffe2bc7929f50a69b0a3905d7b63f6fb103c2397517aff799851d2"
)

// readVader reads word → mean valence from vader_lexicon.txt; with an empty
// path it fetches the pinned npm package into a temporary folder first.
func readVader(path string) (map[string]float64, error) {
	if path == "" {
		dir, cleanup, err := npmpkg.Fetch(vaderPackage, vaderSHA256)
		if err != nil {
			return nil, err
		}
		defer cleanup()
		path = filepath.Join(dir, "vader_lexicon.txt")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lex := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 {
			continue
		}
		v, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			continue
		}
		lex[fields[0]] = v
	}
	if len(lex) < 1000 {
		return nil, fmt.Errorf("%s: only %d entries", path, len(lex))
	}
	return lex, sc.Err()
}

// crossValidate prints the macro-F1 of k-fold cross-validation on the
// training sentences (folds by sentence).
func crossValidate(train []newsmtsc.Sentence, analyze func(string) *text.Document, k int, cfg sentiment.Config, further bool, multiW float64, errFile string) {
	docs := make([]*text.Document, len(train))
	for i, s := range train {
		docs[i] = analyze(s.Text)
	}
	var gold, pred []int
	var probs [][3]float64
	var multi []bool // the target's sentence has several targets
	var errw *bufio.Writer
	if errFile != "" {
		ef, err := os.Create(errFile)
		if err != nil {
			log.Fatal(err)
		}
		defer ef.Close()
		errw = bufio.NewWriter(ef)
		defer errw.Flush()
	}
	for f := 0; f < k; f++ {
		m := sentiment.Train(foldExamples(train, docs, k, f, further, multiW), cfg, nil)
		for i, s := range train {
			if i%k != f {
				continue
			}
			for _, t := range s.Targets {
				gold = append(gold, t.Label)
				p := m.TargetProbs(docs[i], []text.Span{t.Span})
				probs = append(probs, p)
				pred = append(pred, argmax(p))
				multi = append(multi, len(s.Targets) > 1)
				if errw != nil && len(s.Targets) > 1 {
					fmt.Fprintf(errw, "gold %s pred %s %.2f/%.2f/%.2f [%s]\n\t%s\n", newsmtsc.ClassNames[t.Label],
						newsmtsc.ClassNames[argmax(p)], p[0], p[1], p[2], t.Mention, s.Text)
				}
			}
		}
	}
	r := newsmtsc.Evaluate(gold, pred)
	mg, mp := several(multi, gold, pred)
	rm := newsmtsc.Evaluate(mg, mp)
	fmt.Printf("cv%d macro-F1 %.3f acc %.3f; sentences with several targets (%d targets, like dev-mt): macro-F1 %.3f acc %.3f\n",
		k, r.MacroF1, r.Accuracy, len(mg), rm.MacroF1, rm.Accuracy)
	// best log-probability offsets for negative and positive
	best, bn, bp := r.MacroF1, 0.0, 0.0
	for dn := -1.0; dn <= 1.0; dn += 0.1 {
		for dp := -1.0; dp <= 1.0; dp += 0.1 {
			for i, p := range probs {
				pred[i] = argmax([3]float64{math.Log(p[0]) + dn, math.Log(p[1]), math.Log(p[2]) + dp})
			}
			if f1 := newsmtsc.Evaluate(gold, pred).MacroF1; f1 > best+1e-9 {
				best, bn, bp = f1, dn, dp
			}
		}
	}
	fmt.Printf("cv best further offsets (on top of -offneg, -offpos) neg %+.1f pos %+.1f: macro-F1 %.3f\n", bn, bp, best)
}

// checkConfig refuses settings that Train cannot carry out, before the
// data is read: gated networks cannot be joined (-densenets with -gate,
// the default, made Train panic after the linear models were trained).
func checkConfig(cfg sentiment.Config) error {
	if cfg.Dense.Nets > 1 && cfg.Dense.Gate && cfg.DenseWeight > 0 {
		return fmt.Errorf("-densenets %d needs -gate=false: gated networks cannot be joined", cfg.Dense.Nets)
	}
	return nil
}
