package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lector-nlp/lector/internal/corpus"
	"github.com/lector-nlp/lector/internal/langid"
	"github.com/lector-nlp/lector/internal/text"
)

// newsItem is one English text of the news check: a whole item (article,
// AG title and description), its headline, or one of its sentences.
type newsItem struct {
	set  string // "ag", "bbc", "reuters", "cnndm", "conll"
	unit string // "item", "headline", "sentence"
	text string
}

// newsItems reads the English news under dataDir: AG News part (title and
// description), BBC, Reuters C50 (train and test), CNN/DailyMail dev (the
// first maxCNN stories) and CoNLL-2003 (train and valid documents and
// sentences).
func newsItems(dataDir string, maxCNN int) ([]newsItem, error) {
	var out []newsItem
	sentences := func(set, s string) {
		doc := text.Analyze(s)
		for _, se := range doc.Sentences {
			t := strings.TrimSpace(s[se.Start:se.End])
			if letters(t) > 0 {
				out = append(out, newsItem{set, "sentence", t})
			}
		}
	}
	// AG News
	f, err := os.Open(filepath.Join(dataDir, "ag-news", "train-part.csv"))
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if len(r) < 3 {
			continue
		}
		out = append(out, newsItem{"ag", "item", r[1] + "\n" + r[2]}, newsItem{"ag", "headline", r[1]})
		sentences("ag", r[2])
	}
	// BBC and Reuters: one article per file; a BBC file's first line is its headline
	for _, set := range []struct{ name, glob string }{
		{"bbc", "bbc-news/bbc/*/*.txt"},
		{"reuters", "unlabeled-news/reuters-c50/C50*/*/*.txt"},
	} {
		files, err := filepath.Glob(filepath.Join(dataDir, set.glob))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no files %s", set.glob)
		}
		sort.Strings(files)
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			s := strings.TrimSpace(string(b))
			out = append(out, newsItem{set.name, "item", s})
			body := s
			if set.name == "bbc" {
				h, rest, _ := strings.Cut(s, "\n")
				out = append(out, newsItem{set.name, "headline", strings.TrimSpace(h)})
				body = rest
			}
			sentences(set.name, body)
		}
	}
	// CNN/DailyMail dev (lower-cased, tokenised)
	b, err := corpus.ReadGzip(filepath.Join(dataDir, "cnn-dailymail", "dev.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<24)
	for n := 0; sc.Scan() && n < maxCNN; n++ {
		var rec struct{ Article string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, err
		}
		out = append(out, newsItem{"cnndm", "item", rec.Article})
		sentences("cnndm", rec.Article)
	}
	// CoNLL-2003: documents and sentences, tokens joined by spaces
	for _, name := range []string{"train.txt", "valid.txt"} {
		b, err := os.ReadFile(filepath.Join(dataDir, "conll2003", name))
		if err != nil {
			return nil, err
		}
		var doc, sent []string
		flushSent := func() {
			if len(sent) > 0 {
				s := strings.Join(sent, " ")
				if letters(s) > 0 {
					out = append(out, newsItem{"conll", "sentence", s})
				}
				doc = append(doc, s)
				sent = sent[:0]
			}
		}
		flushDoc := func() {
			flushSent()
			if len(doc) > 0 {
				out = append(out, newsItem{"conll", "item", strings.Join(doc, "\n")})
				doc = doc[:0]
			}
		}
		for _, line := range strings.Split(string(b), "\n") {
			fs := strings.Fields(line)
			switch {
			case len(fs) == 0:
				flushSent()
			case fs[0] == "-DOCSTART-":
				flushDoc()
			default:
				sent = append(sent, fs[0])
			}
		}
		flushDoc()
	}
	return out, nil
}

// newsCheck counts the English news items the detector names another
// language, by set and unit, and lists them (with lingua-go's answer when
// lg is not nil).
func newsCheck(items []newsItem, d *langid.Detector, lg detector, list int) {
	type key struct{ set, unit string }
	all := make(map[key]int)
	bad := make(map[key]int)
	badShort := make(map[key]int)
	var fails []newsItem
	var confs []float64
	var codes []string
	for _, it := range items {
		k := key{it.set, it.unit}
		all[k]++
		code, conf := d.Detect(it.text)
		if code == "en" {
			continue
		}
		bad[k]++
		if letters(it.text) < 20 {
			badShort[k]++
		}
		fails = append(fails, it)
		confs = append(confs, conf)
		codes = append(codes, code)
	}
	sure, sum := 0, 0.0
	for _, c := range confs {
		sum += c
		if c >= 0.9 {
			sure++
		}
	}
	fmt.Printf("English news named another language: %d, mean confidence %.3f, %d at 0.9 or more\n",
		len(confs), sum/float64(max(1, len(confs))), sure)
	fmt.Printf("(short: < 20 letters)\n")
	fmt.Printf("%-8s %-9s %8s %7s %7s %8s\n", "set", "unit", "items", "wrong", "short", "wrong %")
	var keys []key
	for k := range all {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].set != keys[j].set {
			return keys[i].set < keys[j].set
		}
		return keys[i].unit < keys[j].unit
	})
	tot := make(map[string][2]int)
	for _, k := range keys {
		fmt.Printf("%-8s %-9s %8d %7d %7d %8.3f\n", k.set, k.unit, all[k], bad[k], badShort[k], 100*float64(bad[k])/float64(all[k]))
		t := tot[k.unit]
		t[0] += all[k]
		t[1] += bad[k]
		tot[k.unit] = t
	}
	for _, u := range []string{"item", "headline", "sentence"} {
		t := tot[u]
		fmt.Printf("%-8s %-9s %8d %7d %7s %8.3f\n", "all", u, t[0], t[1], "", 100*float64(t[1])/float64(max(1, t[0])))
	}
	if lg != nil {
		// lingua-go on every item, for comparison
		lbad := make(map[string]int)
		lall := make(map[string]int)
		for _, it := range items {
			if it.set == "cnndm" && it.unit == "sentence" && lall["cnndm sentence"] >= 20000 {
				continue // (lingua-go is slow: a sample)
			}
			k := it.set + " " + it.unit
			lall[k]++
			if lg(it.text) != "en" {
				lbad[k]++
			}
		}
		fmt.Printf("\nlingua-go high accuracy on the same items (CNN/DM sentences: the first 20,000):\n")
		for _, k := range keys {
			kk := k.set + " " + k.unit
			fmt.Printf("%-8s %-9s %8d %7d %8.3f\n", k.set, k.unit, lall[kk], lbad[kk], 100*float64(lbad[kk])/float64(max(1, lall[kk])))
		}
	}
	if list == 0 {
		return
	}
	fmt.Printf("\nFailures (set unit: ours conf [lingua-go] text):\n")
	for i, it := range fails {
		if i == list {
			fmt.Printf("... %d more\n", len(fails)-list)
			break
		}
		lgs := ""
		if lg != nil {
			lgs = " [" + lg(it.text) + "]"
		}
		t := strings.Join(strings.Fields(it.text), " ")
		if len(t) > 160 {
			t = t[:160] + "..."
		}
		fmt.Printf("%s %s: %s %.2f%s %q\n", it.set, it.unit, codes[i], confs[i], lgs, t)
	}
}

// calibration prints, for several temperatures, how well the confidence
// reads as the probability of being right on items: the mean negative
// log posterior of the gold language (log loss) and the expected
// calibration error of the top confidence (10 bins), by set.
func calibration(items []item, d *langid.Detector) {
	c0 := d.Calibration()
	defer d.SetCalibration(c0)
	fmt.Printf("%6s  %-30s  %-30s\n", "temp", "log loss (sent/pairs/single)", "ECE % (sent/pairs/single)")
	for _, t := range []float32{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8} {
		c := c0
		c.Temp = t
		c.TempMax = max(t, c0.TempMax)
		d.SetCalibration(c)
		var nll, n [3]float64
		var bins [3][10][3]float64 // count, confidence sum, right
		for _, it := range items {
			sc := d.Scores(it.text)
			p := 1e-9
			for _, s := range sc {
				if s.Code == it.lang {
					p = max(p, s.Confidence)
				}
			}
			nll[it.set] -= math.Log(p)
			n[it.set]++
			if len(sc) == 0 {
				continue
			}
			b := min(9, int(sc[0].Confidence*10))
			bins[it.set][b][0]++
			bins[it.set][b][1] += sc[0].Confidence
			if sc[0].Code == it.lang {
				bins[it.set][b][2]++
			}
		}
		var ece [3]float64
		for set := range bins {
			for _, b := range bins[set] {
				if b[0] > 0 {
					ece[set] += math.Abs(b[1]-b[2]) / n[set]
				}
			}
		}
		fmt.Printf("%6.1f  %8.3f %8.3f %8.3f      %8.2f %8.2f %8.2f\n", t,
			nll[0]/n[0], nll[1]/n[1], nll[2]/n[2], 100*ece[0], 100*ece[1], 100*ece[2])
	}
}
