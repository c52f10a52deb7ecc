// Package polnear reads the PolNeAR attribution corpus (brat standoff:
// Source, Cue and Content spans tied by events) for training and
// evaluating package quotes. Offsets are converted from the corpus's
// character offsets to byte offsets of the article text.
package polnear

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/lector-nlp/lector/internal/text"
)

// Attribution is one annotated attribution. Spans may be discontinuous;
// Source is empty when the annotator gave none.
type Attribution struct {
	Source, Cue, Content []text.Span
}

// Article is one annotated article.
type Article struct {
	Name         string
	Text         string
	Attributions []Attribution
}

var (
	spanLine  = regexp.MustCompile(`^(T\d+)\t(\S+) ([\d; ]+)\t`)
	eventLine = regexp.MustCompile(`^E\d+\t(.*)$`)
)

// Load reads the articles of one split directory (dir/text, dir/attributions),
// taking the first annotation file in name order for each article.
func Load(dir string) ([]Article, error) {
	all, err := load(dir, false)
	if err != nil {
		return nil, err
	}
	out := make([]Article, len(all))
	for i, as := range all {
		out[i] = as[0]
	}
	return out, nil
}

// LoadAnnotators reads the articles of one split directory that several
// annotators annotated, one Article per annotation file in name order
// (the first is the one Load reads), for measuring their agreement.
func LoadAnnotators(dir string) ([][]Article, error) {
	all, err := load(dir, true)
	if err != nil {
		return nil, err
	}
	var out [][]Article
	for _, as := range all {
		if len(as) > 1 {
			out = append(out, as)
		}
	}
	return out, nil
}

// load reads the articles of a split, each with its first annotation file
// or, with every set, all of them.
func load(dir string, every bool) ([][]Article, error) {
	files, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	index := map[string]int{}
	texts := map[string]string{}
	var out [][]Article
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".ann")
		i := strings.LastIndexByte(base, '_')
		if i < 0 {
			continue
		}
		name := base[:i]
		k, seen := index[name]
		if seen && !every {
			continue
		}
		txt, ok := texts[name]
		if !ok {
			b, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
			if err != nil {
				return nil, err
			}
			txt = string(b)
			texts[name] = txt
		}
		a, err := parse(name, txt, f)
		if err != nil {
			return nil, err
		}
		if !seen {
			k = len(out)
			index[name] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], a)
	}
	return out, nil
}

func parse(name, txt, annPath string) (Article, error) {
	// character offset -> byte offset
	offs := make([]int, 0, len(txt)+1)
	for i := range txt {
		offs = append(offs, i)
	}
	offs = append(offs, len(txt))
	conv := func(c int) int {
		if c < 0 {
			return 0
		}
		if c >= len(offs) {
			return len(txt)
		}
		return offs[c]
	}
	f, err := os.Open(annPath)
	if err != nil {
		return Article{}, err
	}
	defer f.Close()
	spans := map[string][]text.Span{}
	var events []map[string]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if m := spanLine.FindStringSubmatch(line); m != nil {
			var ss []text.Span
			for _, part := range strings.Split(m[3], ";") {
				fs := strings.Fields(part)
				if len(fs) != 2 {
					continue
				}
				a, _ := strconv.Atoi(fs[0])
				b, _ := strconv.Atoi(fs[1])
				ss = append(ss, text.Span{Start: conv(a), End: conv(b)})
			}
			spans[m[1]] = ss
			continue
		}
		if m := eventLine.FindStringSubmatch(line); m != nil {
			ev := map[string]string{}
			for _, kv := range strings.Fields(m[1]) {
				if k, v, ok := strings.Cut(kv, ":"); ok {
					ev[k] = v
				}
			}
			events = append(events, ev)
		}
	}
	if err := sc.Err(); err != nil {
		return Article{}, err
	}
	a := Article{Name: name, Text: txt}
	for _, ev := range events {
		if ev["Content"] == "" || ev["Cue"] == "" {
			continue
		}
		a.Attributions = append(a.Attributions, Attribution{
			Source:  spans[ev["Source"]],
			Cue:     spans[ev["Cue"]],
			Content: spans[ev["Content"]],
		})
	}
	return a, nil
}

// Words returns the indices of the word tokens (holding a letter or a
// digit) of doc that lie inside the spans.
func Words(doc *text.Document, sp []text.Span) map[int]bool {
	out := map[int]bool{}
	for _, s := range sp {
		lo := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].Start >= s.Start })
		for i := lo; i < len(doc.Tokens) && doc.Tokens[i].End <= s.End; i++ {
			if isWord(doc.Tokens[i].Text) {
				out[i] = true
			}
		}
	}
	return out
}

func isWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Overlaps reports whether two word sets share at least half of the words
// of each.
func Overlaps(a, b map[int]bool) bool {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n > 0 && 2*n >= len(a) && 2*n >= len(b)
}

// Matched tells for each predicted content span whether it overlaps (see
// Overlaps) an annotated content of the article, matching one to one in
// order.
func Matched(doc *text.Document, a Article, contents []text.Span) []bool {
	gold := make([]map[int]bool, len(a.Attributions))
	for i, at := range a.Attributions {
		gold[i] = Words(doc, at.Content)
	}
	used := make([]bool, len(gold))
	out := make([]bool, len(contents))
	for i, c := range contents {
		w := Words(doc, []text.Span{c})
		for gi, g := range gold {
			if !used[gi] && len(g) > 0 && Overlaps(w, g) {
				used[gi], out[i] = true, true
				break
			}
		}
	}
	return out
}
