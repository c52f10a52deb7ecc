package wordclusters

import (
	"bufio"
	"html"
	"os"
	"path/filepath"
	"strings"

	"github.com/lector-nlp/lector/internal/corpus"
)

// ReadCorpus reads the unlabelled news under dataDir/unlabeled-news and the
// tokens of dataDir/conll2003/train.txt, one token list per line/sentence.
func ReadCorpus(dataDir string) ([][]string, error) {
	var sents [][]string
	addText := func(s string) {
		for _, line := range strings.Split(s, "\n") {
			toks := Tokenize(line, nil)
			if len(toks) > 0 {
				sents = append(sents, toks)
			}
		}
	}
	bodies, err := corpus.ReutersElements(filepath.Join(dataDir, "unlabeled-news/reuters21578"), "TITLE", "BODY")
	if err != nil {
		return nil, err
	}
	for _, b := range bodies {
		t := html.UnescapeString(string(b))
		t = strings.ReplaceAll(t, "\x03", "")
		t = strings.TrimSuffix(strings.TrimSpace(t), "Reuter")
		addText(t)
	}
	err = filepath.Walk(filepath.Join(dataDir, "unlabeled-news/reuters-c50"), func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		addText(strings.ReplaceAll(string(b), "\r", ""))
		return nil
	})
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dataDir, "conll2003/train.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var cur []string
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "-DOCSTART-") {
			if len(cur) > 0 {
				sents = append(sents, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, strings.Fields(line)[0])
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	for _, s := range sents {
		for i, w := range s {
			s[i] = Norm(w)
		}
	}
	return sents, sc.Err()
}
