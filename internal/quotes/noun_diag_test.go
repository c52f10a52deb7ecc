//go:build diag

// Session 19's diagnostics of noun cues and of an option's effect:
//
//	go test -tags diag ./internal/quotes -run DiagnoseNounCues -v -args -split train [-noun-only] [-noun-key KEY -examples N]
//	go test -tags diag ./internal/quotes -run DiagnoseOptionDiff -v -args -split train -set-off NounVerb=false
package quotes

import (
	"flag"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

var (
	diagNounOnly = flag.Bool("noun-only", false, "TestDiagnoseNounCues counts only annotated cues with no verb")
	diagNounKey  = flag.String("noun-key", "", "TestDiagnoseNounCues prints the tokens of this pattern key (-examples of them)")
)

// TestDiagnoseNounCues counts, for the tokens tagged as nouns, by pattern
// (the tags and words around, the lemma, lexicon cues, cue-model
// candidates), how many PolNeAR marks as (part of) a cue ("ann"), how many
// of those have their content within three tokens after ("after"), how
// many are the cue of a kept quote ("ours") and how many of those match
// an annotated content ("ok").
func TestDiagnoseNounCues(t *testing.T) {
	arts, _ := diagArticles(t)
	type st struct{ n, ann, annAfter, ours, oursOK int }
	stats := map[string]*st{}
	shown := 0
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.run()
		qs := x.result()
		csp := make([][2]int, len(qs))
		cont := make([]text.Span, len(qs))
		for k, q := range qs {
			a, b := x.tokRange(q.Cue)
			csp[k] = [2]int{a, b}
			cont[k] = q.Content
		}
		ok := polnear.Matched(d.doc, d.art, cont)
		annCue := make([]int, len(x.toks))
		for i := range annCue {
			annCue[i] = -1
		}
		for ai, at := range d.art.Attributions {
			verb := false
			for _, sp := range at.Cue {
				a, b := x.tokRange(sp)
				for k := a; k >= 0 && k < b; k++ {
					verb = verb || strings.HasPrefix(x.pos(k), "VB")
				}
			}
			if verb && *diagNounOnly {
				continue
			}
			for _, sp := range at.Cue {
				a, b := x.tokRange(sp)
				for k := a; k >= 0 && k < b; k++ {
					annCue[k] = ai
				}
			}
		}
		for i := range x.toks {
			p := x.pos(i)
			if !strings.HasPrefix(p, "NN") || x.qAt(i) >= 0 {
				continue
			}
			keys := nounKeys(x, i)
			ann := annCue[i] >= 0
			after := false
			if ann {
				at := d.art.Attributions[annCue[i]]
				if len(at.Content) > 0 {
					ca, _ := x.tokRange(at.Content[0])
					after = ca > i && ca <= i+3
				}
			}
			ours, oursOK := false, false
			for k := range qs {
				if csp[k][0] <= i && i < csp[k][1] {
					ours = true
					oursOK = oursOK || ok[k]
				}
			}
			for _, key := range keys {
				s := stats[key]
				if s == nil {
					s = &st{}
					stats[key] = s
				}
				s.n++
				if ann {
					s.ann++
				}
				if after {
					s.annAfter++
				}
				if ours {
					s.ours++
				}
				if oursOK {
					s.oursOK++
				}
				if key == *diagNounKey && shown < *diagExamples {
					shown++
					a, b := max(0, i-6), min(len(x.toks), i+10)
					sn := ""
					if ann {
						at := d.art.Attributions[annCue[i]]
						sn = fmt.Sprintf(" ANN cue %q content %q", extent(d.doc, at.Cue), extent(d.doc, at.Content))
					}
					if ours {
						sn += " OURS"
						if oursOK {
							sn += "+OK"
						}
					}
					t.Logf("%s: %q%s", x.tok(i), d.doc.Text[x.toks[a].Start:x.toks[b-1].End], sn)
				}
			}
		}
	}
	keys := make([]string, 0, len(stats))
	for k, s := range stats {
		if s.n >= 8 && s.ann >= 2 || s.ann >= 4 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return stats[keys[i]].ann > stats[keys[j]].ann })
	var b strings.Builder
	for _, k := range keys {
		s := stats[k]
		fmt.Fprintf(&b, "\n  %5d ann %4d (%.2f) after %4d ours %4d ok %4d  %s", s.n, s.ann, float64(s.ann)/float64(s.n), s.annAfter, s.ours, s.oursOK, k)
	}
	t.Logf("noun patterns:%s", b.String())
}

// nounKeys are the pattern keys of noun token i.
func nounKeys(x *extractor, i int) []string {
	nx := x.ltok(i + 1)
	np := x.pos(i + 1)
	pp := x.pos(i - 1)
	lem := x.lemma(i)
	next := "next=" + np
	switch nx {
	case "that", "to", "of", "about", "on", "for", "over", "against", "with", ":", "by", ",", ".", "in", "from", "is", "was", "says", "said":
		next = "next=" + nx
	}
	prev := "prev=" + pp
	switch pp {
	case "PRP$", "POS":
		prev = "prev=poss"
	case "NNP", "NNPS", "PRP":
		prev = "prev=name"
	}
	keys := []string{
		"ALL " + x.pos(i),
		next,
		prev + " " + next,
		x.pos(i) + " " + prev + " " + next,
		next + " lemma=" + lem,
	}
	if pp == "PRP$" || pp == "POS" {
		keys = append(keys, "poss lemma="+lem+" "+next)
	}
	lx := x.o.Lexicon
	if lx == nil {
		lx = getLexicon()
	}
	for _, c := range lx.cues(x.ltok(i)) {
		if len(c.words) == 1 && (c.core || c.n >= x.o.MinCueCount && c.ratio >= x.o.MinCueRatio && c.precision() >= x.o.MinCuePrecision) {
			keys = append(keys, "LEX "+x.pos(i)+" "+prev+" "+next, "LEX "+x.pos(i)+" "+prev, "LEX "+x.pos(i)+" "+next, "LEX "+x.pos(i)+" lemma="+x.ltok(i))
			break
		}
	}
	if x.cueCandidate(i) {
		keys = append(keys, "CAND "+next)
	}
	return keys
}

var diagSetOff = flag.String("set-off", "", "TestDiagnoseOptionDiff: Options fields to set for the reading compared with -set's")

// TestDiagnoseOptionDiff prints the quotes that the options of -set make
// and those of -set-off do not, and the reverse, each with whether it
// matches an annotated content.
func TestDiagnoseOptionDiff(t *testing.T) {
	arts, _ := diagArticles(t)
	var gained, gainedOK, lost, lostOK int
	for _, d := range arts {
		off := d.o
		if err := SetOptions(&off, *diagSetOff); err != nil {
			t.Fatal(err)
		}
		a, b := ExtractWith(d.doc, d.ents, d.o), ExtractWith(d.doc, d.ents, off)
		key := func(q Quote) [2]text.Span { return [2]text.Span{q.Content, q.Cue} }
		spans := func(qs []Quote) []text.Span {
			out := make([]text.Span, len(qs))
			for k, q := range qs {
				out[k] = q.Content
			}
			return out
		}
		okA, okB := polnear.Matched(d.doc, d.art, spans(a)), polnear.Matched(d.doc, d.art, spans(b))
		inB := map[[2]text.Span]bool{}
		for _, q := range b {
			inB[key(q)] = true
		}
		inA := map[[2]text.Span]bool{}
		for _, q := range a {
			inA[key(q)] = true
		}
		show := func(tag string, q Quote, ok bool) {
			t.Logf("%s ok=%v cue %q speaker %q: %q", tag, ok, d.doc.Text[q.Cue.Start:q.Cue.End], d.doc.Text[q.Speaker.Start:q.Speaker.End], d.doc.Text[q.Content.Start:q.Content.End])
		}
		for k, q := range a {
			if !inB[key(q)] {
				gained++
				if okA[k] {
					gainedOK++
				}
				show("+", q, okA[k])
			}
		}
		for k, q := range b {
			if !inA[key(q)] {
				lost++
				if okB[k] {
					lostOK++
				}
				show("-", q, okB[k])
			}
		}
	}
	t.Logf("gained %d (%d match), lost %d (%d match)", gained, gainedOK, lost, lostOK)
}
