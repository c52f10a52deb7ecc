package main

import (
	"bufio"
	"log"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/category"
	"github.com/lector-nlp/lector/internal/sentiment/newsmtsc"
	"github.com/lector-nlp/lector/internal/text"
)

// trainVectors learns skip-gram word vectors (category.TrainVectors) on the
// unlabelled news (CNN/DailyMail dev stories, Reuters) and the NewsMTSC
// training sentences, and returns the n most frequent words with their
// vectors.
func trainVectors(data string, train []newsmtsc.Sentence, dim, n, epochs int) ([]string, []float32) {
	docs, err := category.LoadUnlabelled(data)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range train {
		docs = append(docs, s.Text)
	}
	toks := make([][]string, len(docs))
	ntok := 0
	for i, d := range docs {
		toks[i] = category.Tokens(d)
		ntok += len(toks[i])
	}
	log.Printf("vectors: %d documents, %d tokens", len(docs), ntok)
	o := category.DefaultVecOptions
	o.Dim, o.Epochs = dim, epochs
	start := time.Now()
	words, vecs := category.TrainVectors(toks, o)
	log.Printf("vectors: %d words in %v", len(words), time.Since(start).Round(time.Second))
	if len(words) > n {
		words, vecs = words[:n], vecs[:n*dim]
	}
	return words, vecs
}

// readVectors reads a cache written by writeVectors (nil if absent).
func readVectors(path string) ([]string, []float32, int) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, 0
	}
	defer f.Close()
	var words []string
	var vecs []float32
	dim := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			continue
		}
		dim = len(fs) - 1
		words = append(words, fs[0])
		for _, x := range fs[1:] {
			v, err := strconv.ParseFloat(x, 32)
			if err != nil {
				log.Fatalf("%s: %v", path, err)
			}
			vecs = append(vecs, float32(v))
		}
	}
	return words, vecs, dim
}

func writeVectors(path string, words []string, vecs []float32, dim int) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i, wd := range words {
		w.WriteString(wd)
		for _, x := range vecs[i*dim : i*dim+dim] {
			// exact: a model trained from the cache is the one trained without it
			w.WriteByte(' ')
			w.WriteString(strconv.FormatFloat(float64(x), 'g', -1, 32))
		}
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	f.Close()
}

// categoryVectors copies the word vectors of the shipped category model
// (internal/category, read through its Featurizer) for the words seen at
// least minCount times in the unlabelled news and the training sentences,
// most frequent first, at most n.
func categoryVectors(data string, train []newsmtsc.Sentence, minCount, n int) ([]string, []float32, int) {
	c, err := category.Load()
	if err != nil {
		log.Fatal(err)
	}
	fz := c.Featurizer()
	if fz.Vectors == nil {
		log.Fatal("the category model has no word vectors")
	}
	dim := fz.Vectors.Dim
	vocab := newsVocab(data, train, minCount)
	base := uint32(1) << fz.Bits
	var words []string
	var vecs []float32
	var fs []category.Feature
	row := make([]float32, dim)
	for _, w := range vocab {
		if len(words) == n {
			break
		}
		fs = fz.Features(text.Analyze(w), fs[:0])
		clear(row)
		any := false
		for _, f := range fs {
			if f.Index >= base && f.Index < base+uint32(dim) {
				row[f.Index-base] = f.Value
				any = any || f.Value != 0
			}
		}
		if !any {
			continue
		}
		words = append(words, w)
		vecs = append(vecs, row...)
	}
	log.Printf("category vectors: %d of %d words (dim %d)", len(words), len(vocab), dim)
	return words, vecs, dim
}

// newsVocab lists the words (category.Tokens) seen at least minCount times
// in the unlabelled news and the training sentences, most frequent first.
func newsVocab(data string, train []newsmtsc.Sentence, minCount int) []string {
	docs, err := category.LoadUnlabelled(data)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range train {
		docs = append(docs, s.Text)
	}
	freq := map[string]int{}
	for _, d := range docs {
		for _, w := range category.Tokens(d) {
			freq[w]++
		}
	}
	return frequentWords(freq, minCount)
}
