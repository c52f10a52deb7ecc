// Command sentiment evaluates Lector's shipped sentiment model on the
// NewsMTSC dev splits (the paper's newsmtsc-mt and newsmtsc-rw dev sets):
// 3-class macro-F1 per target, per-class precision/recall/F1 and accuracy,
// next to the published anchors, plus the throughput of Target and
// Sentences on those sentences. The text is POS-tagged first, as in the
// pipeline (-nopos to measure without tags).
//
// With -pipeline it also scores the targets as a user of the public API
// sees them (see pipeline.go): the sentence analysed as an article by the
// whole pipeline, each target read from the entity whose mention overlaps
// it; coverage and macro-F1 with uncovered targets as neutral, as the
// sentence's class and left out, next to the direct figure mapped through
// the same band. -v lists the targets no entity covers by kind; -variants
// compares ways of scoring the covered targets and other bands; -train
// scores train.jsonl instead of the dev splits (for choosing changes).
//
//	go run ./cmd/eval/sentiment [-data ../shared/data] [-nopos] [-pipeline [-band 0.25] [-v] [-variants] [-train]]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/sentiment"
	"github.com/lector-nlp/lector/internal/sentiment/newsmtsc"
	"github.com/lector-nlp/lector/internal/text"
)

func main() {
	data := flag.String("data", "../shared/data", "folder of the shared data sets")
	noPOS := flag.Bool("nopos", false, "do not POS-tag the text first (the pipeline does)")
	dump := flag.String("dump", "", "write the exact scores (float bits) of every target and sentence of train and both dev splits to this file, to check that a change keeps the outputs identical")
	usePipeline := flag.Bool("pipeline", false, "also score the targets through the whole pipeline, as the public API answers them")
	band := flag.Float64("band", 0.25, "with -pipeline: a score above band is positive, below -band negative, otherwise neutral")
	verbose := flag.Bool("v", false, "with -pipeline: list the targets no entity covers, by kind")
	variants := flag.Bool("variants", false, "with -pipeline: compare ways of scoring the covered targets and other bands")
	onTrain := flag.Bool("train", false, "with -pipeline: score train.jsonl instead of the dev splits")
	flag.Parse()
	tagger, err := pos.Load()
	if err != nil {
		log.Fatal(err)
	}

	start := time.Now()
	m, err := sentiment.Load()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("model loaded in %v\n\n", time.Since(start).Round(time.Millisecond))
	if *dump != "" {
		if err := dumpScores(*dump, *data, m, tagger, *noPOS); err != nil {
			log.Fatal(err)
		}
		return
	}

	var eng *pipeline.Engine
	if *usePipeline {
		if eng, err = pipeline.New(pipeline.Config{}); err != nil {
			log.Fatal(err)
		}
	}
	splits := []string{"dev-mt", "dev-rw"}
	if *onTrain {
		splits = []string{"train"}
	}
	for _, split := range splits {
		path := filepath.Join(*data, "newsmtsc", "train.jsonl")
		if split != "train" {
			path = filepath.Join(*data, "newsmtsc", "paper-split-"+split[4:], "dev.jsonl")
		}
		dev, err := newsmtsc.Read(path)
		if err != nil {
			log.Fatal(err)
		}
		var gold, pred, banded []int
		var probs [][3]float64
		docs := make([]*text.Document, len(dev))
		ntok := 0
		for i, s := range dev {
			docs[i] = text.Analyze(s.Text)
			if !*noPOS {
				tagger.Tag(docs[i])
			}
			ntok += len(docs[i].Tokens)
		}
		t0 := time.Now()
		ntarget := 0
		for i, s := range dev {
			for _, t := range s.Targets {
				p := m.TargetProbs(docs[i], []text.Span{t.Span})
				probs = append(probs, p)
				gold = append(gold, t.Label)
				pred = append(pred, argmax(p))
				banded = append(banded, class(sentiment.ScoreOf(p), *band))
				ntarget++
			}
		}
		targetTime := time.Since(t0)
		t0 = time.Now()
		for _, d := range docs {
			m.Sentences(d)
		}
		sentTime := time.Since(t0)
		r := newsmtsc.Evaluate(gold, pred)
		fmt.Printf("NewsMTSC %s (%s)\n", split, path)
		fmt.Print(r.String())
		fmt.Printf("  confusion [gold][pred] (neg, neu, pos): %v\n", r.Confusion)
		printCalibration(probs, gold)
		fmt.Printf("  throughput: Target %.0f tokens/s (%d targets), Sentences %.0f tokens/s\n\n",
			float64(ntok)*float64(ntarget)/float64(len(dev))/targetTime.Seconds(), ntarget,
			float64(ntok)/sentTime.Seconds())
		if eng != nil {
			fmt.Printf("  direct, score through the band %.2f: macro-F1 %.3f (accuracy %.3f)\n",
				*band, newsmtsc.Evaluate(gold, banded).MacroF1, newsmtsc.Evaluate(gold, banded).Accuracy)
			ts, err := runPipeline(eng, dev)
			if err != nil {
				log.Fatal(err)
			}
			scoreAPI(ts, *band).print(os.Stdout)
			if *variants {
				printVariants(os.Stdout, ts, docs, m, *band)
			}
			if *verbose {
				listUncovered(os.Stdout, ts)
			}
			fmt.Println()
		}
	}
	fmt.Println("Anchors (macro-F1 on the held-out test splits, paper):")
	fmt.Println("  GRU-TSC (RoBERTa + BiGRU): test-rw 83.1, test-mt 82.5; prior SOTA (BERT-based): 81.7 / 81.2")
	fmt.Println("  Aim for Lector without a transformer: 70.0")
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

// dumpScores writes the bits of every target's probabilities and every
// sentence's score of train and both dev splits to path.
func dumpScores(path, data string, m *sentiment.Model, tagger *pos.Tagger, noPOS bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, name := range []string{"train.jsonl", "paper-split-mt/dev.jsonl", "paper-split-rw/dev.jsonl"} {
		sents, err := newsmtsc.Read(filepath.Join(data, "newsmtsc", name))
		if err != nil {
			return err
		}
		for _, s := range sents {
			doc := text.Analyze(s.Text)
			if !noPOS {
				tagger.Tag(doc)
			}
			var spans []text.Span
			for _, t := range s.Targets {
				p := m.TargetProbs(doc, []text.Span{t.Span})
				fmt.Fprintf(w, "t %x %x %x\n", math.Float64bits(p[0]), math.Float64bits(p[1]), math.Float64bits(p[2]))
				spans = append(spans, t.Span)
			}
			sc := m.Target(doc, spans)
			fmt.Fprintf(w, "all %x %x\n", math.Float64bits(sc.Score), math.Float64bits(sc.Magnitude))
			for _, x := range m.Sentences(doc) {
				fmt.Fprintf(w, "s %x %x\n", math.Float64bits(x.Score), math.Float64bits(x.Magnitude))
			}
		}
	}
	return w.Flush()
}

// printCalibration prints the log-loss and the expected calibration error
// (10 bins of the top class's probability) of the target probabilities,
// and both after a temperature T on the log-probabilities for a few T.
func printCalibration(probs [][3]float64, gold []int) {
	for _, temp := range []float64{0.75, 1, 1.5} {
		var nll float64
		var conf, acc [10]float64
		var cnt [10]int
		for i, p := range probs {
			q := tempered(p, temp)
			nll -= math.Log(max(q[gold[i]], 1e-12))
			k := argmax(q)
			b := min(int(q[k]*10), 9)
			conf[b] += q[k]
			if k == gold[i] {
				acc[b]++
			}
			cnt[b]++
		}
		var ece float64
		for b := range cnt {
			if cnt[b] > 0 {
				ece += math.Abs(conf[b]-acc[b]) / float64(len(probs))
			}
		}
		fmt.Printf("  calibration T=%.2f: log-loss %.4f, ECE %.4f\n", temp, nll/float64(len(probs)), ece)
	}
}

// tempered is p with its log-probabilities divided by temp, renormalised.
func tempered(p [3]float64, temp float64) [3]float64 {
	var q [3]float64
	var sum float64
	for c := range p {
		q[c] = math.Pow(max(p[c], 1e-300), 1/temp)
		sum += q[c]
	}
	for c := range q {
		q[c] /= sum
	}
	return q
}
