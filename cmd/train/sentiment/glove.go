package main

import (
	"bufio"
	"encoding/binary"
	"log"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/lector-nlp/lector/internal/sentiment/newsmtsc"
)

// vecLookup returns the vector of a lower-cased word (nil: none).
type vecLookup func(w string) []float32

// gloveFiles reads the first n words of GloVe vectors converted to
// dir/words.txt (one word a line, most frequent first) and
// dir/vectors.f32 (little-endian float32, dim per word, same order).
// For experiments before the vectors ship (see wordvecLookup).
func gloveFiles(dir string, n, dim int) vecLookup {
	f, err := os.Open(filepath.Join(dir, "words.txt"))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	idx := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() && len(idx) < n {
		if _, ok := idx[sc.Text()]; !ok {
			idx[sc.Text()] = len(idx)
		}
	}
	raw, err := os.ReadFile(filepath.Join(dir, "vectors.f32"))
	if err != nil {
		log.Fatal(err)
	}
	return func(w string) []float32 {
		i, ok := idx[w]
		if !ok || (i+1)*dim*4 > len(raw) {
			return nil
		}
		v := make([]float32, dim)
		for j := range v {
			v[j] = math.Float32frombits(binary.LittleEndian.Uint32(raw[(i*dim+j)*4:]))
		}
		return v
	}
}

// lookupVectors returns the vectors (from look) of the words seen at
// least minCount times in the unlabelled news and the training
// sentences (category.Tokens; words with digits left out, since those
// tokens have their digits replaced), most frequent first, at most n.
func lookupVectors(data string, train []newsmtsc.Sentence, minCount, n, dim int, look vecLookup) ([]string, []float32, int) {
	vocab := newsVocab(data, train, minCount)
	var words []string
	var vecs []float32
	for _, w := range vocab {
		if len(words) == n {
			break
		}
		if strings.ContainsRune(w, '0') {
			continue
		}
		v := look(w)
		if v == nil {
			continue
		}
		words = append(words, w)
		vecs = append(vecs, v...)
	}
	log.Printf("looked-up vectors: %d of %d words (dim %d)", len(words), len(vocab), dim)
	return words, vecs, dim
}
