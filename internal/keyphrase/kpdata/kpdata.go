// Package kpdata reads the key-phrase datasets (500N-KPCrowd, Inspec), the
// unlabelled news used for background document frequencies, and scores
// ranked phrases with micro-averaged F1@k on Porter-stemmed exact match, as
// SIFRank's evaluation script does.
package kpdata

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lector-nlp/lector/internal/corpus"
	"github.com/lector-nlp/lector/internal/keyphrase/porter"
)

// Doc is one document with its gold key phrases.
type Doc struct {
	ID   string
	Text string
	Gold []string
}

// ReadLIAAD reads a LIAAD-format zip (<name>/docsutf8/<id>.txt, <name>/keys/<id>.key).
func ReadLIAAD(path string) ([]Doc, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	texts := make(map[string]string)
	keys := make(map[string][]string)
	for _, f := range zr.File {
		dir, name := filepath.Split(f.Name)
		var id string
		switch {
		case strings.HasSuffix(dir, "/docsutf8/") && strings.HasSuffix(name, ".txt"):
			id = strings.TrimSuffix(name, ".txt")
		case strings.HasSuffix(dir, "/keys/") && strings.HasSuffix(name, ".key"):
			id = strings.TrimSuffix(name, ".key")
		default:
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(name, ".txt") {
			texts[id] = string(b)
		} else {
			for _, l := range strings.Split(string(b), "\n") {
				if l = Clean(l); l != "" {
					keys[id] = append(keys[id], l)
				}
			}
		}
	}
	var docs []Doc
	for id, t := range texts {
		docs = append(docs, Doc{ID: id, Text: t, Gold: keys[id]})
	}
	sort.Slice(docs, func(a, b int) bool { return docs[a].ID < docs[b].ID })
	return docs, nil
}

// ReadInspecTest reads the 500-abstract Inspec test split (<id>.abstr and
// <id>.uncontr, the uncontrolled keys).
func ReadInspecTest(dir string) ([]Doc, error) {
	ms, err := filepath.Glob(filepath.Join(dir, "*.abstr"))
	if err != nil {
		return nil, err
	}
	var docs []Doc
	for _, m := range ms {
		b, err := os.ReadFile(m)
		if err != nil {
			return nil, err
		}
		k, err := os.ReadFile(strings.TrimSuffix(m, ".abstr") + ".uncontr")
		if err != nil {
			return nil, err
		}
		d := Doc{ID: strings.TrimSuffix(filepath.Base(m), ".abstr"), Text: InspecText(string(b))}
		for _, g := range strings.Split(string(k), ";") {
			if g = Clean(g); g != "" {
				d.Gold = append(d.Gold, g)
			}
		}
		docs = append(docs, d)
	}
	sort.Slice(docs, func(a, b int) bool { return docs[a].ID < docs[b].ID })
	return docs, nil
}

// InspecText keeps the title on its own line and joins the wrapped lines
// of the abstract.
func InspecText(s string) string {
	title, body, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(title) + "\n" + strings.Join(strings.Fields(body), " ")
}

// Clean collapses white space.
func Clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// Stem lower-cases a phrase, splits it on white space and Porter-stems each word.
func Stem(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		ws[i] = porter.Stem(w)
	}
	return strings.Join(ws, " ")
}

// F1 accumulates micro-averaged precision and recall at k.
type F1 struct {
	Correct, Predicted, Gold int
}

// Add scores the top k of a ranked list of predicted phrases against gold.
func (f *F1) Add(pred, gold []string, k int) {
	g := make(map[string]bool)
	for _, x := range gold {
		g[Stem(x)] = true
	}
	f.Gold += len(g)
	seen := make(map[string]bool)
	n := 0
	for _, p := range pred {
		if n == k {
			break
		}
		s := Stem(p)
		if seen[s] {
			continue
		}
		seen[s] = true
		n++
		if g[s] {
			f.Correct++
		}
	}
	f.Predicted += n
}

// Scores are the figures the key-phrase evaluations report for a ranker:
// F1@5 and F1@10 against all gold keys, and against the multi-word ones
// only (MultiWord).
type Scores struct {
	All5, All10, Multi5, Multi10 F1
}

// Add scores one document's ranked predictions against its gold keys.
func (s *Scores) Add(pred, gold []string) {
	s.All5.Add(pred, gold, 5)
	s.All10.Add(pred, gold, 10)
	multi := MultiWord(gold)
	s.Multi5.Add(pred, multi, 5)
	s.Multi10.Add(pred, multi, 10)
}

// MultiWord returns the gold keys of more than one word once cleaned.
func MultiWord(gold []string) []string {
	var multi []string
	for _, g := range gold {
		if strings.Contains(Clean(g), " ") {
			multi = append(multi, g)
		}
	}
	return multi
}

// Value returns F1 ×100.
func (f *F1) Value() float64 {
	if f.Correct == 0 {
		return 0
	}
	p := float64(f.Correct) / float64(f.Predicted)
	r := float64(f.Correct) / float64(f.Gold)
	return 100 * 2 * p * r / (p + r)
}

// ReadUnlabeled returns the texts of the unlabelled news: Reuters-21578
// bodies and the Reuters C50 articles.
func ReadUnlabeled(dir string) ([]string, error) {
	var out []string
	bodies, err := corpus.ReutersBodies(filepath.Join(dir, "reuters21578"))
	if err != nil {
		return nil, err
	}
	for _, b := range bodies {
		out = append(out, strings.ReplaceAll(string(b), "&lt;", "<"))
	}
	err = filepath.WalkDir(filepath.Join(dir, "reuters-c50"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out = append(out, string(b))
		return nil
	})
	return out, err
}

// SplitKPCrowd splits 500N-KPCrowd (sorted by ID) into a training part and a
// development part of every fifth document (100 documents); the corpus has
// no published split of its own.
func SplitKPCrowd(docs []Doc) (train, dev []Doc) {
	for i, d := range docs {
		if i%5 == 4 {
			dev = append(dev, d)
		} else {
			train = append(train, d)
		}
	}
	return train, dev
}

// Data holds every split used for training and evaluation.
type Data struct {
	KPCrowdTrain, KPCrowdDev []Doc
	InspecTrain, InspecTest  []Doc
}

// Load reads the splits from the shared data directory: Inspec training
// documents are the 2,000 LIAAD abstracts minus the 500 of the test split.
func Load(dataDir string) (*Data, error) {
	dir := filepath.Join(dataDir, "keyphrase")
	kp, err := ReadLIAAD(filepath.Join(dir, "500N-KPCrowd-v1.1.zip"))
	if err != nil {
		return nil, err
	}
	d := &Data{}
	d.KPCrowdTrain, d.KPCrowdDev = SplitKPCrowd(kp)
	if d.InspecTest, err = ReadInspecTest(filepath.Join(dir, "Inspec")); err != nil {
		return nil, err
	}
	all, err := ReadLIAAD(filepath.Join(dir, "Inspec-LIAAD-2000docs.zip"))
	if err != nil {
		return nil, err
	}
	test := make(map[string]bool)
	for _, t := range d.InspecTest {
		test[t.ID] = true
	}
	for _, a := range all {
		if !test[a.ID] {
			a.Text = InspecText(a.Text)
			d.InspecTrain = append(d.InspecTrain, a)
		}
	}
	return d, nil
}
