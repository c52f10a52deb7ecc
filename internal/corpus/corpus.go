// Package corpus reads the raw training corpora under the shared data
// folder for the training and evaluation commands: gzip files and the
// Reuters-21578 SGML collection. It returns bytes as stored; decoding
// (Latin-1, entities) and trimming are each caller's business, so that
// every model keeps the exact text it was trained on.
package corpus

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// ReadGzip returns the decompressed contents of the gzip file at path.
func ReadGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// ReutersBodies returns the raw contents of every <BODY> element of the
// Reuters-21578 files (*.sgm.gz) in dir, in file-name order and then in
// document order. dir is the folder holding the files, e.g.
// <data>/unlabeled-news/reuters21578.
func ReutersBodies(dir string) ([][]byte, error) {
	return ReutersElements(dir, "BODY")
}

// ReutersElements is ReutersBodies for the elements named by tags (e.g.
// "TITLE", "BODY"), returned in the order they stand in the files. An
// element's contents run to the first closing tag of any of the names.
func ReutersElements(dir string, tags ...string) ([][]byte, error) {
	alt := strings.Join(tags, "|")
	re := regexp.MustCompile(`(?s)<(?:` + alt + `)>(.*?)</(?:` + alt + `)>`)
	files, err := filepath.Glob(filepath.Join(dir, "*.sgm.gz"))
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, fn := range files {
		b, err := ReadGzip(fn)
		if err != nil {
			return nil, err
		}
		for _, m := range re.FindAllSubmatch(b, -1) {
			out = append(out, m[1])
		}
	}
	return out, nil
}
