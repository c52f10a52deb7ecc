package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/lector-nlp/lector/internal/keyphrase"
	"github.com/lector-nlp/lector/internal/keyphrase/kpdata"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

// The defect classes counted in the top tens of unlabelled news (-news):
// shapes a DUC-2001 indexer does not write. They are counted from the
// words and POS tags of each phrase's first mention.
var (
	pronounWords = set(`i me my you your he him his she her it its we us our they them their this that these those
		everything everyone everybody something someone somebody anything anyone anybody nothing nobody none
		all both each either neither who whom what which whose`)
	indefinite   = set(`everything everyone everybody something someone somebody anything anyone anybody nothing nobody`)
	corpSuffixes = set(`inc inc. corp corp. co co. ltd ltd. plc llc ag sa s.a. nv n.v. bv gmbh spa s.p.a. ab asa oyj
		limited corporation incorporated holdings`)
	genericHeads = set(`experts sources officials analysts people spokesman spokeswoman spokesperson executives
		observers diplomats traders dealers economists`)
	boilerplate = set(`newsroom newsdesk desk`)
	nameStops   = set(`new first`)
)

func proper(tag string) bool { return tag == "NNP" || tag == "NNPS" }

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// shape names the defect class of a phrase from the tokens of a mention
// ("" for none): "verb" (a finite verb, adverb, pronoun, modal,
// preposition or determiner; "US" is no "us"), "participle" (a multi-word
// phrase ending in a word tagged VBG or VBN after a noun), "corp" (a
// corporate suffix),
// "generic" (a generic head), "boilerplate", "name-cut" (a phrase starting
// inside a name after a capitalised stopword: "York transit authority"
// from "New York transit authority").
func shape(doc *text.Document, a, b int) []string {
	toks := doc.Tokens[a:b]
	var out []string
	if toks[0].POS == "VBG" && len(toks) > 1 && a > 0 {
		if p := doc.Tokens[a-1].POS; p == "IN" || p == "TO" || strings.HasPrefix(p, "VB") {
			out = append(out, "verbal-gerund")
		}
	}
	n := len(toks)
	low := func(i int) string { return strings.ToLower(toks[i].Text) }
	if a > 0 && proper(toks[0].POS) && proper(doc.Tokens[a-1].POS) && nameStops[strings.ToLower(doc.Tokens[a-1].Text)] {
		out = append(out, "name-cut")
	}
	bad := false
	for i := range toks {
		t := toks[i].POS
		if strings.HasPrefix(t, "VB") && t != "VBG" && t != "VBN" || strings.HasPrefix(t, "RB") || strings.HasPrefix(t, "PRP") ||
			strings.HasPrefix(t, "W") || t == "MD" || t == "IN" && !ofInName(toks, i) || t == "DT" || pronounWords[low(i)] && toks[i].Text != "US" {
			bad = true
		}
	}
	if bad {
		out = append(out, "verb")
	}
	for i := range toks {
		if indefinite[low(i)] {
			out = append(out, "indefinite")
			break
		}
	}
	if n > 1 {
		last, prev := toks[n-1].POS, toks[n-2].POS
		if (last == "VBG" || last == "VBN") && strings.HasPrefix(prev, "NN") {
			out = append(out, "participle")
			if prev == "NNS" || prev == "NNPS" {
				out = append(out, "participle-after-plural")
			}
		}
	}
	for i := 0; i < n-1; i++ {
		if toks[i].POS == "VBG" {
			out = append(out, "gerund-object")
			break
		}
	}
	if n >= 3 && toks[n-1].POS == "NNP" && toks[n-2].POS == "NNP" {
		out = append(out, "title+name")
	}
	if n > 1 && corpSuffixes[low(n-1)] {
		out = append(out, "corp")
	}
	if genericHeads[low(n-1)] {
		out = append(out, "generic")
	}
	for i := range toks {
		if boilerplate[low(i)] {
			out = append(out, "boilerplate")
			break
		}
	}
	return out
}

// ofInName reports whether toks[i] is "of" between two proper nouns
// ("Bank of England").
func ofInName(toks []text.Token, i int) bool {
	return toks[i].Text == "of" && i > 0 && i+1 < len(toks) && proper(toks[i-1].POS) && proper(toks[i+1].POS)
}

// mentionTokens returns the tokens of doc covered by span s.
func mentionTokens(doc *text.Document, s text.Span) (int, int) {
	a := sort.Search(len(doc.Tokens), func(i int) bool { return doc.Tokens[i].Start >= s.Start })
	b := a
	for b < len(doc.Tokens) && doc.Tokens[b].End <= s.End {
		b++
	}
	return a, b
}

// normName is a phrase's words, lower-case, without a corporate suffix.
func normName(s string) []string {
	ws := strings.Fields(strings.ToLower(s))
	for len(ws) > 1 && corpSuffixes[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	return ws
}

func containsSeq(a, b []string) bool { // b a contiguous part of a
	if len(b) > len(a) {
		return false
	}
	for i := 0; i+len(b) <= len(a); i++ {
		ok := true
		for j := range b {
			if a[i+j] != b[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// newsDefects runs the extractor on up to n articles of the files
// matching glob and counts the defect classes in the top fives and tens.
func newsDefects(ext *keyphrase.Extractor, tagger *pos.Tagger, glob string, n int, show, notag bool) error {
	files, err := filepath.Glob(glob)
	if err != nil {
		return err
	}
	sort.Strings(files)
	// every k-th file, for a spread over the authors
	step := max(1, len(files)/n)
	counts := map[string][2]int{}
	phrases := [2]int{}
	docs := 0
	for i := 0; i < len(files) && docs < n; i += step {
		b, err := os.ReadFile(files[i])
		if err != nil {
			return err
		}
		doc := text.Analyze(string(b))
		if !notag {
			tagger.Tag(doc)
		}
		ps := ext.Extract(doc, 10)
		docs++
		if show {
			fmt.Printf("== %s\n", filepath.Base(filepath.Dir(files[i]))+"/"+filepath.Base(files[i]))
		}
		for r, p := range ps {
			a, b := mentionTokens(doc, p.Mentions[0])
			toks := doc.Tokens[a:b]
			cls := shape(doc, a, b)
			w := normName(p.Text)
			for _, q := range ps[:r] {
				v := normName(q.Text)
				if containsSeq(v, w) || containsSeq(w, v) {
					cls = append(cls, "variant")
					break
				}
			}
			for k := 0; k < 2; k++ {
				if k == 0 && r >= 5 {
					continue
				}
				phrases[k]++
				for _, c := range cls {
					x := counts[c]
					x[k]++
					counts[c] = x
				}
			}
			if show {
				var tags []string
				for _, t := range toks {
					tags = append(tags, t.POS)
				}
				fmt.Printf("  %2d %-40q %.3f %v %v\n", r+1, p.Text, p.Score, tags, cls)
			}
		}
	}
	fmt.Printf("defects in the top 5 / top 10 of %d news articles (%d / %d phrases)\n", docs, phrases[0], phrases[1])
	var names []string
	for c := range counts {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, c := range names {
		fmt.Printf("  %-12s %4d / %4d\n", c, counts[c][0], counts[c][1])
	}
	return nil
}

// goldShapes counts the defect classes among gold keys, from the tokens of
// their first occurrence in the text (keys not found are not counted).
func goldShapes(tagger *pos.Tagger, name string, docs []kpdata.Doc) {
	counts := map[string]int{}
	found, multi := 0, 0
	examples := map[string][]string{}
	for _, d := range docs {
		doc := text.Analyze(d.Text)
		tagger.Tag(doc)
		low := make([]string, len(doc.Tokens))
		for i := range doc.Tokens {
			low[i] = strings.ToLower(doc.Tokens[i].Text)
		}
		for _, g := range d.Gold {
			gw := text.Tokenize(strings.ToLower(g))
			if len(gw) == 0 {
				continue
			}
			at := -1
			for i := 0; i+len(gw) <= len(low) && at < 0; i++ {
				ok := true
				for j := range gw {
					if low[i+j] != gw[j].Text {
						ok = false
						break
					}
				}
				if ok {
					at = i
				}
			}
			if at < 0 {
				continue
			}
			found++
			if len(gw) > 1 {
				multi++
			}
			for _, c := range shape(doc, at, at+len(gw)) {
				k := c
				if len(gw) > 1 {
					k += " (multi)"
				}
				counts[k]++
				if len(examples[k]) < 8 {
					examples[k] = append(examples[k], g)
				}
			}
		}
	}
	fmt.Printf("%s: %d gold keys found in the text (%d multi-word)\n", name, found, multi)
	var names []string
	for c := range counts {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, c := range names {
		fmt.Printf("  %-22s %5d  %q\n", c, counts[c], examples[c])
	}
}
