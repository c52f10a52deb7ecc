//go:build diag

package quotes

// Session 21: the annotated contents of a split that the extractor misses,
// bucketed by where they were lost (no cue, a cue the cue model scored
// low and its score and the word after it, a cue with no quote, a quote
// of the cue that reads other words, a candidate the filter dropped) and
// where the content stands to its cue (after it, the gap and the content's
// first word or tag; before it; around it), with TITLE for sentences in
// title case; TestBucketSubConj counts annotated contents that run over
// or stop before a subordinating word, TestBucketTitles the lexicon cues
// in title-case sentences:
//
//	go test -tags diag ./internal/quotes -run 'TestBucket' -v -args -split train -crossfit DIR [-bucket-show "wrong | before"]

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

var bucketShow = flag.String("bucket-show", "", "TestBucketMisses prints up to 30 missed contents of the buckets whose name starts with this")

func TestBucketMisses(t *testing.T) {
	arts, _ := diagArticles(t)
	b := map[string]int{}
	ex := map[string][]string{}
	for _, d := range arts {
		final := contentWords(d.doc, ExtractWith(d.doc, d.ents, d.o))
		all := d.o
		all.MinScore = 0
		x := newExtractor(d.doc, d.ents, all)
		x.run()
		for _, at := range d.art.Attributions {
			g := polnear.Words(d.doc, at.Content)
			if len(g) == 0 || len(at.Cue) == 0 || overlapsAny(final, g) {
				continue
			}
			status := "nocand"
			for _, q := range x.quotes {
				if polnear.Overlaps(polnear.Words(d.doc, []text.Span{q.Content}), g) {
					status = "filter"
				}
			}
			if status != "filter" {
				for _, q := range x.quotes {
					if overlapsSpan(at.Cue, q.Cue) {
						status = "wrong"
					}
				}
			}
			if status == "nocand" {
				for _, c := range x.cues {
					for _, sp := range at.Cue {
						a, bb := x.tokRange(sp)
						if a < c.last && c.first < bb {
							status = "noquote"
						}
					}
				}
			}
			if status == "nocand" {
				m := d.o.CueModel
				if m == nil {
					m = getCueModel()
				}
				best, bk := -1.0, -1
				for _, sp := range at.Cue {
					a, bb := x.tokRange(sp)
					for k := a; k >= 0 && k < bb; k++ {
						if x.cueCandidate(k) {
							if sc := x.cueScore(m, k); sc > best {
								best, bk = sc, k
							}
						}
					}
				}
				if bk >= 0 {
					nx := x.ltok(bk + 1)
					if nx != "that" && nx != "to" {
						nx = x.pos(bk + 1)
					}
					status = fmt.Sprintf("low %.1f next %s", float64(int(best*10))/10, nx)
				}
			}
			cf, _ := x.tokRange(at.Cue[0])
			_, cl := x.tokRange(at.Cue[len(at.Cue)-1])
			ga, _ := x.tokRange(at.Content[0])
			_, gb := x.tokRange(at.Content[len(at.Content)-1])
			if cf < 0 || ga < 0 {
				continue
			}
			pos := ""
			switch {
			case ga >= cl:
				gap := ga - cl
				gs := fmt.Sprint(gap)
				if gap > 3 {
					gs = ">3"
				}
				fw := x.ltok(ga)
				switch {
				case fw == "that":
				case x.markKind(ga) != 0:
					fw = "QUOTE"
				case fw == "to":
				default:
					fw = x.pos(ga)
				}
				pos = "after gap " + gs + " first " + fw
			case gb <= cf:
				pos = "before"
				if gb == cf || gb+1 == cf {
					pos += " adjacent"
				}
			default:
				pos = "around/inside"
			}
			{
				sn := x.sentence(cf)
				caps, words := x.capWords(sn)
				if words >= 4 && caps*10 >= words*8 {
					pos = "TITLE " + pos
				}
			}
			cw := strings.ToLower(extent(d.doc, at.Cue))
			key := status + " | " + pos
			b[key]++
			if *bucketShow != "" && strings.HasPrefix(key, *bucketShow) && len(ex[key]) < 30 {
				ex[key] = append(ex[key], fmt.Sprintf("cue %q content %q", cw, extent(d.doc, at.Content)))
			}
		}
	}
	diagCounts(t, "buckets", b)
	for k, v := range ex {
		t.Logf("%s:\n  %s", k, strings.Join(v, "\n  "))
	}
}

func TestBucketSubConj(t *testing.T) {
	arts, _ := diagArticles(t)
	b := map[string]int{}
	sub := func(w string) bool {
		switch w {
		case "when", "as", "while", "after", "before", "because", "though", "although", "since", "until", "so", "even", "despite", "amid", "if", "where":
			return true
		}
		return false
	}
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		for _, at := range d.art.Attributions {
			if len(at.Content) != 1 || len(at.Cue) == 0 {
				continue
			}
			ga, gb := x.tokRange(at.Content[0])
			_, cl := x.tokRange(at.Cue[len(at.Cue)-1])
			if ga < 0 || gb <= ga || ga < cl || x.qAt(ga) >= 0 {
				continue
			}
			shape := "np"
			if x.ltok(ga) == "that" {
				shape = "that"
			}
			fin := false
			for k := ga; k < gb; k++ {
				if sub(x.ltok(k)) && k > ga {
					kind := shape
					if fin {
						kind += "+finite"
					}
					b["runs over "+kind+" "+x.ltok(k)]++
				}
				if finiteTag(x.pos(k)) {
					fin = true
				}
			}
			if sub(x.ltok(gb)) {
				kind := shape
				if fin {
					kind += "+finite"
				}
				b["stops before "+kind+" "+x.ltok(gb)]++
			}
		}
	}
	diagCounts(t, "subordinators", b)
}

func TestBucketTitles(t *testing.T) {
	arts, _ := diagArticles(t)
	b := map[string]int{}
	lx := getLexicon()
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		gcue := map[int]bool{}
		for _, at := range d.art.Attributions {
			for _, sp := range at.Cue {
				a, bb := x.tokRange(sp)
				for k := a; k >= 0 && k < bb; k++ {
					gcue[k] = true
				}
			}
		}
		for _, sn := range d.doc.Sentences {
			caps, words := x.capWords(sn)
			if words < 4 || caps*10 < words*8 {
				continue
			}
			b["title sentences"]++
			for k := sn.First + 1; k < sn.Last-1; k++ {
				if x.qAt(k) >= 0 || !isCapital(x.tok(k)) {
					continue
				}
				w := x.ltok(k)
				if headlineCue(lx, w) {
					key := "lexicon cue"
					if strings.HasSuffix(w, "s") {
						key += " -s"
					}
					if k-sn.First > 6 {
						key += " far"
					}
					if gcue[k] {
						b[key+" gold"]++
					} else {
						b[key+" not"]++
					}
				}
			}
		}
	}
	diagCounts(t, "titles", b)
}
