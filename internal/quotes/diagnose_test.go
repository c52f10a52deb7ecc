//go:build diag

// The error analysis of the extractor on the PolNeAR dev split, behind a
// build tag (it reads the corpus and takes a few seconds):
//
//	go test -tags diag ./internal/quotes -run Diagnose -v [-args -data DIR -split dev -examples 20 -models DIR -set Name=value]
//
// TestDiagnoseMisses sorts the annotated contents no quote overlaps by
// where they were lost (no candidate cue, a cue the cue model scored low, a
// cue whose content was read wrong, a candidate the filter dropped);
// TestDiagnoseFalseAlarms sorts the quotes that match nothing;
// TestDiagnoseEnds scores the end model from the annotated start of each
// content; TestDiagnoseCueModel scores the cue model per token.
package quotes

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

var (
	diagData      = flag.String("data", "../../../shared/data", "datasets directory")
	diagSplit     = flag.String("split", "dev", "PolNeAR split (train or dev)")
	diagExamples  = flag.Int("examples", 0, "examples to print per test")
	diagMissKind  = flag.String("miss-kind", "", "TestDiagnoseMisses prints examples of this kind of miss: filter, noquote, nocand, low, or a boundary kind (disjoint, shifted, too long at the end, ...)")
	diagMissCue   = flag.String("miss-cue", "", "TestDiagnoseMisses prints the missed contents whose cue is these words (lower-cased), with the quote read from their cue if any")
	diagSet       = flag.String("set", "", "Options fields to set (SetOptions)")
	diagFalseRule = flag.String("false-rule", "", "TestDiagnoseFalseAlarms prints the quotes of this rule that share no word with an annotated content")
	diagModels    = flag.String("models", "", "directory of cues.tsv, cuemodel.tsv, endmodel.tsv and filter.tsv to use instead of the embedded ones (any of them)")
	diagCrossfit  = flag.String("crossfit", "", "directory of per-fold models written by cmd/train/quotes -fold-models: train article i is read with the cue, end and filter models of fold i%5 (those that did not see it) and the lexicon cues.tsv")
)

type diagArticle struct {
	art  polnear.Article
	doc  *text.Document
	ents []entity.Entity
	o    Options // the options (models) the article is read with
}

func diagArticles(t *testing.T) ([]diagArticle, Options) {
	t.Helper()
	if *diagSplit == "test" {
		t.Fatal("the test split is held out")
	}
	arts, err := polnear.Load(filepath.Join(*diagData, "polnear", *diagSplit))
	if err != nil {
		t.Fatal(err)
	}
	o := DefaultOptions
	if err := SetOptions(&o, *diagSet); err != nil {
		t.Fatal(err)
	}
	if *diagModels != "" {
		read := func(name string) (string, bool) {
			b, err := os.ReadFile(filepath.Join(*diagModels, name))
			return string(b), err == nil
		}
		if s, ok := read("cues.tsv"); ok {
			o.Lexicon = ParseLexicon(s)
		}
		if s, ok := read("cuemodel.tsv"); ok {
			o.CueModel = ParseFilter(s)
		}
		if s, ok := read("endmodel.tsv"); ok {
			o.EndModel = ParseFilter(s)
		}
		if s, ok := read("filter.tsv"); ok {
			o.Filter = ParseFilter(s)
		}
	}
	var foldOpts []Options
	if *diagCrossfit != "" {
		read := func(name string) string {
			b, err := os.ReadFile(filepath.Join(*diagCrossfit, name))
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
		lx := ParseLexicon(read("cues.tsv"))
		for k := 0; k < 5; k++ {
			fo := o
			fo.Lexicon = lx
			fo.CueModel = ParseFilter(read(fmt.Sprintf("cue-%d-of-5.tsv", k)))
			fo.EndModel = ParseFilter(read(fmt.Sprintf("end-%d-of-5.tsv", k)))
			fo.Filter = ParseFilter(read(fmt.Sprintf("filter-%d-of-5.tsv", k)))
			foldOpts = append(foldOpts, fo)
		}
	}
	tg, rec := nlptest.Models(t)
	out := make([]diagArticle, len(arts))
	for i, a := range arts {
		doc := text.Analyze(a.Text)
		tg.Tag(doc)
		ao := o
		if foldOpts != nil {
			ao = foldOpts[i%5]
		}
		out[i] = diagArticle{a, doc, entity.Resolve(doc, rec.Recognize(doc)), ao}
	}
	return out, o
}

// metaOf returns the meta of quote q.
func (x *extractor) metaOf(q *Quote) meta {
	for i, r := range x.quotes {
		if r == q {
			return x.metas[i]
		}
	}
	return meta{}
}

// diagCounts logs counts, largest first.
func diagCounts(t *testing.T, name string, m map[string]int) {
	t.Helper()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "\n  %5d  %s", m[k], k)
	}
	t.Logf("%s:%s", name, b.String())
}

func shares(w, g map[int]bool) int {
	n := 0
	for k := range w {
		if g[k] {
			n++
		}
	}
	return n
}

// boundaryKind tells how content w misses annotated content g.
func boundaryKind(w, g map[int]bool) string {
	n := shares(w, g)
	lo := func(m map[int]bool) (a, b int) {
		a, b = math.MaxInt, -1
		for k := range m {
			a, b = min(a, k), max(b, k)
		}
		return a, b
	}
	wa, wb := lo(w)
	ga, gb := lo(g)
	switch {
	case n == 0:
		return "disjoint"
	case n == len(g) && wa < ga && wb > gb:
		return "too long at both ends"
	case n == len(g) && wa < ga:
		return "too long at the start"
	case n == len(g):
		return "too long at the end"
	case n == len(w) && wa > ga && wb < gb:
		return "too short at both ends"
	case n == len(w) && wa > ga:
		return "too short at the start"
	case n == len(w):
		return "too short at the end"
	}
	return "shifted"
}

// extent is the text from the first to the last of the spans.
func extent(doc *text.Document, sp []text.Span) string {
	a, b := len(doc.Text), 0
	for _, s := range sp {
		a, b = min(a, s.Start), max(b, s.End)
	}
	if a >= b {
		return ""
	}
	return doc.Text[a:b]
}

// contentWords is the word set of each quote's content.
// overlapsAny reports whether g overlaps one of ws (polnear.Overlaps).
func overlapsAny(ws []map[int]bool, g map[int]bool) bool {
	for _, w := range ws {
		if polnear.Overlaps(w, g) {
			return true
		}
	}
	return false
}

func contentWords(doc *text.Document, qs []Quote) []map[int]bool {
	var out []map[int]bool
	for _, q := range qs {
		out = append(out, polnear.Words(doc, []text.Span{q.Content}))
	}
	return out
}

func overlapsSpan(a []text.Span, b text.Span) bool {
	return b.End > 0 && len(a) > 0 && b.Start < a[len(a)-1].End && a[0].Start < b.End
}

func TestDiagnoseMisses(t *testing.T) {
	arts, _ := diagArticles(t)
	where := map[string]int{}
	bounds := map[string]int{}
	lowScore := map[string]int{}
	notCandidate := map[string]int{}
	lowLemma := map[string]int{}
	noCandWords := map[string]int{}
	shown, shownKind := 0, 0
	for _, d := range arts {
		final := contentWords(d.doc, ExtractWith(d.doc, d.ents, d.o))
		all := d.o
		all.MinScore = 0
		x := newExtractor(d.doc, d.ents, all)
		x.run()
		inCue := make([]bool, len(x.toks))
		for _, c := range x.cues {
			for k := c.first; k < c.last; k++ {
				inCue[k] = true
			}
		}
		for _, at := range d.art.Attributions {
			g := polnear.Words(d.doc, at.Content)
			if len(g) == 0 {
				continue
			}
			hit := overlapsAny(final, g)
			if hit {
				where["found"]++
				continue
			}
			var cand, cueQuote *Quote
			for _, q := range x.quotes {
				if polnear.Overlaps(polnear.Words(d.doc, []text.Span{q.Content}), g) {
					cand = q
				}
				if cueQuote == nil && overlapsSpan(at.Cue, q.Cue) {
					cueQuote = q
				}
			}
			var cueToks []int
			found := false
			for _, sp := range at.Cue {
				a, b := x.tokRange(sp)
				for k := a; k >= 0 && k < b; k++ {
					cueToks = append(cueToks, k)
					found = found || inCue[k]
				}
			}
			sentOf := func() string {
				a, _ := x.tokRange(at.Content[0])
				if a < 0 {
					return ""
				}
				sn := x.sentence(a)
				return d.doc.Text[x.toks[sn.First].Start:x.toks[sn.Last-1].End]
			}
			kindShown := func(k string) {
				if *diagMissKind == k && shownKind < 60 {
					shownKind++
					t.Logf("[%s] cue %q content %q\n   in: %s", k, extent(d.doc, at.Cue), extent(d.doc, at.Content), sentOf())
				}
			}
			if *diagMissCue != "" && strings.ToLower(extent(d.doc, at.Cue)) == *diagMissCue {
				read := ""
				if cueQuote != nil {
					read = d.doc.Text[cueQuote.Content.Start:cueQuote.Content.End]
				} else if cand != nil {
					read = "(filter) " + d.doc.Text[cand.Content.Start:cand.Content.End]
				}
				t.Logf("[cue %q] content %q\n   read: %q\n   in: %s", *diagMissCue, extent(d.doc, at.Content), read, sentOf())
			}
			switch {
			case cand != nil:
				kindShown("filter")
				where["missed: a candidate the filter dropped (or dedup)"]++
			case cueQuote != nil:
				where["missed: the cue found, its content read wrong"]++
				bk := boundaryKind(polnear.Words(d.doc, []text.Span{cueQuote.Content}), g)
				bounds[bk+" ["+x.metaOf(cueQuote).rule+"]"]++
				if *diagMissKind == bk && shownKind < 60 {
					shownKind++
					t.Logf("[%s, %s] cue %q\n  annotated: %s\n  read:      %s\n  in: %s", bk, x.metaOf(cueQuote).rule, d.doc.Text[cueQuote.Cue.Start:cueQuote.Cue.End],
						extent(d.doc, at.Content), d.doc.Text[cueQuote.Content.Start:cueQuote.Content.End], sentOf())
				}
				if shown < *diagExamples {
					shown++
					t.Logf("content of %q\n  annotated: %s\n  read:      %s", d.doc.Text[cueQuote.Cue.Start:cueQuote.Cue.End],
						extent(d.doc, at.Content), d.doc.Text[cueQuote.Content.Start:cueQuote.Content.End])
				}
			case found:
				kindShown("noquote")
				where["missed: the cue found, no quote made of it"]++
			default:
				best, bk := -1.0, -1
				m := d.o.CueModel
				if m == nil {
					m = getCueModel()
				}
				for _, k := range cueToks {
					if x.cueCandidate(k) {
						if s := x.cueScore(m, k); s > best {
							best, bk = s, k
						}
					}
				}
				if bk < 0 {
					kindShown("nocand")
					where["missed: the cue no candidate token"]++
					var tags []string
					for _, k := range cueToks {
						tags = append(tags, x.pos(k))
					}
					notCandidate[strings.Join(tags, " ")]++
					noCandWords[strings.ToLower(extent(d.doc, at.Cue))]++
				} else {
					kindShown("low")
					where["missed: the cue scored low by the cue model"]++
					lowScore[fmt.Sprintf("%.1f-%.1f", math.Floor(best*10)/10, math.Floor(best*10)/10+0.1)]++
					lowLemma[x.pos(bk)+" "+x.lemma(bk)]++
				}
			}
		}
	}
	diagCounts(t, "annotated contents", where)
	diagCounts(t, "contents read wrong, as the quote of their cue misses them [rule]", bounds)
	diagCounts(t, "cue-model scores of the cues scored low", lowScore)
	diagCounts(t, "tags of the cues no candidate token", notCandidate)
	diagCounts(t, "tag and lemma of the best token of the cues scored low", lowLemma)
	diagCounts(t, "words of the cues no candidate token", noCandWords)
}

func TestDiagnoseFalseAlarms(t *testing.T) {
	arts, _ := diagArticles(t)
	kinds := map[string]int{}
	shown := 0
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.run()
		rules := map[[2]text.Span]string{}
		for _, q := range x.quotes {
			rules[[2]text.Span{q.Content, q.Cue}] = x.metaOf(q).rule
		}
		qs := x.result()
		spans := make([]text.Span, len(qs))
		for i, q := range qs {
			spans[i] = q.Content
		}
		ok := polnear.Matched(d.doc, d.art, spans)
		for i, q := range qs {
			if ok[i] {
				continue
			}
			w := polnear.Words(d.doc, []text.Span{q.Content})
			best, bn := -1, 0
			for gi, at := range d.art.Attributions {
				if n := shares(w, polnear.Words(d.doc, at.Content)); n > bn {
					best, bn = gi, n
				}
			}
			rule := rules[[2]text.Span{q.Content, q.Cue}]
			if best < 0 {
				kinds["no annotated content shares a word ["+rule+"]"]++
				if *diagFalseRule != "" && *diagFalseRule == rule && shown < *diagExamples {
					shown++
					t.Logf("%s [%s] cue %q: %s\n   in: %s", q.Kind, rule, d.doc.Text[q.Cue.Start:q.Cue.End], d.doc.Text[q.Content.Start:q.Content.End], sentenceAround(d.doc, q.Cue))
				}
				continue
			}
			at := d.art.Attributions[best]
			cue := "another cue's"
			if overlapsSpan(at.Cue, q.Cue) {
				cue = "the same cue's"
			}
			kinds[boundaryKind(w, polnear.Words(d.doc, at.Content))+" than "+cue+" content"]++
			if shown < *diagExamples && cue == "another cue's" && *diagFalseRule == "" {
				shown++
				t.Logf("%s [%s] cue %q: %s\n   annotated, cue %q: %s", q.Kind, rule, d.doc.Text[q.Cue.Start:q.Cue.End], d.doc.Text[q.Content.Start:q.Content.End],
					extent(d.doc, at.Cue), extent(d.doc, at.Content))
			}
		}
	}
	diagCounts(t, "quotes that match no annotated content", kinds)
}

func TestDiagnoseEnds(t *testing.T) {
	arts, _ := diagArticles(t)
	c := map[string]int{}
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		x.findCues()
		cueAt := cueTable(x.cues)
		for _, at := range d.art.Attributions {
			if len(at.Content) != 1 || len(at.Cue) == 0 || at.Cue[len(at.Cue)-1].End > at.Content[0].Start {
				continue
			}
			ga, gb := x.tokRange(at.Content[0])
			cf, cl := x.tokRange(at.Cue[len(at.Cue)-1])
			if ga < 0 || gb <= ga || cf < 0 {
				continue
			}
			_, end := x.trim(ga, x.clauseEnd(ga, cueAt))
			_, gold := x.trim(ga, gb)
			x.setEndCue(x.cueHead(cf, cl))
			_, e := x.trim(ga, x.cutEnd(ga, end))
			x.setEndCue(-1)
			c["contents that follow their cue"]++
			switch {
			case e == gold:
				c["ended right"]++
			case end < gold:
				c["the clause ends before the annotated end"]++
			case e < gold:
				c["ended too early"]++
			default:
				c["ended too late"]++
			}
			if polnear.Overlaps(polnear.Words(d.doc, at.Content), polnear.Words(d.doc, []text.Span{x.span(ga, e)})) {
				c["overlap at least half"]++
			}
		}
	}
	diagCounts(t, "the end model from the annotated start", c)
}

func TestDiagnoseCueModel(t *testing.T) {
	arts, _ := diagArticles(t)
	ths := []float64{0.1, 0.2, 0.3, 0.5}
	tp, fp := make([]int, len(ths)), make([]int, len(ths))
	n, pos, loss := 0, 0, 0.0
	for _, d := range arts {
		m := d.o.CueModel
		if m == nil {
			m = getCueModel()
		}
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		for i, tk := range d.doc.Tokens {
			if !x.cueCandidate(i) {
				continue
			}
			y := false
			for _, at := range d.art.Attributions {
				for _, sp := range at.Cue {
					y = y || tk.Start < sp.End && sp.Start < tk.End
				}
			}
			p := x.cueScore(m, i)
			n++
			if y {
				pos++
				loss -= math.Log(max(p, 1e-9))
			} else {
				loss -= math.Log(max(1-p, 1e-9))
			}
			for k, th := range ths {
				if p >= th && y {
					tp[k]++
				} else if p >= th {
					fp[k]++
				}
			}
		}
	}
	t.Logf("%d candidate tokens, %d in an annotated cue; log loss %.4f", n, pos, loss/float64(n))
	for k, th := range ths {
		p, r := float64(tp[k])/float64(max(tp[k]+fp[k], 1)), float64(tp[k])/float64(max(pos, 1))
		t.Logf("score >= %.1f: P %.3f R %.3f F1 %.3f", th, p, r, 2*p*r/max(p+r, 1e-9))
	}
}

// matchWords counts the predicted word sets that overlap (polnear.Overlaps)
// an annotated one, one to one in order, and those equal to one.
func matchWords(pred, gold []map[int]bool) (overlap, exact int) {
	used := make([]bool, len(gold))
	for _, w := range pred {
		for gi, g := range gold {
			if !used[gi] && polnear.Overlaps(w, g) {
				used[gi] = true
				overlap++
				if len(w) == len(g) && shares(w, g) == len(g) {
					exact++
				}
				break
			}
		}
	}
	return overlap, exact
}

// TestDiagnoseAgreement scores the other annotators of the articles that
// several annotated against the first (the annotation Load reads and the
// eval command scores against), with the eval command's content measures,
// and the extractor on the same articles: how far the annotators
// themselves agree.
func TestDiagnoseAgreement(t *testing.T) {
	tg, rec := nlptest.Models(t)
	type score struct{ gold, pred, overlap, exact int }
	var human, system score
	articles := 0
	for _, split := range []string{"train", "dev"} {
		groups, err := polnear.LoadAnnotators(filepath.Join(*diagData, "polnear", split))
		if err != nil {
			t.Fatal(err)
		}
		for _, as := range groups {
			articles++
			doc := text.Analyze(as[0].Text)
			tg.Tag(doc)
			words := func(a polnear.Article) []map[int]bool {
				var out []map[int]bool
				for _, at := range a.Attributions {
					if w := polnear.Words(doc, at.Content); len(w) > 0 {
						out = append(out, w)
					}
				}
				return out
			}
			gold := words(as[0])
			for _, other := range as[1:] {
				pred := words(other)
				o, e := matchWords(pred, gold)
				human.gold, human.pred, human.overlap, human.exact = human.gold+len(gold), human.pred+len(pred), human.overlap+o, human.exact+e
			}
			var pred []map[int]bool
			for _, q := range Extract(doc, entity.Resolve(doc, rec.Recognize(doc))) {
				if w := polnear.Words(doc, []text.Span{q.Content}); len(w) > 0 {
					pred = append(pred, w)
				}
			}
			o, e := matchWords(pred, gold)
			system.gold, system.pred, system.overlap, system.exact = system.gold+len(gold), system.pred+len(pred), system.overlap+o, system.exact+e
		}
	}
	f := func(hit, pred, gold int) string {
		p, r := float64(hit)/float64(max(pred, 1)), float64(hit)/float64(max(gold, 1))
		return fmt.Sprintf("P %.3f R %.3f F1 %.3f", p, r, 2*p*r/max(p+r, 1e-9))
	}
	t.Logf("%d articles with several annotators (train and dev), scored against the first:", articles)
	t.Logf("  other annotators: overlap %s; exact %s", f(human.overlap, human.pred, human.gold), f(human.exact, human.pred, human.gold))
	t.Logf("  the extractor:    overlap %s; exact %s", f(system.overlap, system.pred, system.gold), f(system.exact, system.pred, system.gold))
}

// TestDiagnoseMissClasses sorts the annotated contents no quote overlaps
// by the kind of their cue (its tags), whether the cue or the content lies
// inside a direct quote, whether the content holds a quotation mark, and
// where it stands (the first paragraph, the title).
func TestDiagnoseMissClasses(t *testing.T) {
	arts, _ := diagArticles(t)
	cls := map[string]int{}
	all := map[string]int{}
	words := map[string]int{}
	ctx := map[string]int{}
	shownNoun := 0
	for _, d := range arts {
		final := contentWords(d.doc, ExtractWith(d.doc, d.ents, d.o))
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		for _, at := range d.art.Attributions {
			g := polnear.Words(d.doc, at.Content)
			if len(g) == 0 {
				continue
			}
			hit := overlapsAny(final, g)
			var tags []string
			inQ := false
			for _, sp := range at.Cue {
				a, b := x.tokRange(sp)
				for k := a; k >= 0 && k < b; k++ {
					tags = append(tags, x.pos(k))
					inQ = inQ || x.qAt(k) >= 0
				}
			}
			kind := "no cue"
			if len(tags) > 0 {
				kind = "other"
				for _, p := range tags {
					if strings.HasPrefix(p, "VB") && kind == "other" {
						kind = "verb"
					}
				}
				if kind == "other" {
					switch p := tags[0]; {
					case strings.HasPrefix(p, "NN"):
						kind = "noun"
					case p == "IN" || p == "TO":
						kind = "preposition"
					case strings.HasPrefix(p, "JJ"):
						kind = "adjective"
					case p == "RB":
						kind = "adverb"
					case !isWordTok(x.tok(x.tokAt(at.Cue[0].Start))):
						kind = "punctuation"
					}
				}
			}
			where := ""
			if inQ {
				where += ", cue inside a direct quote"
			}
			ga := x.tokAt(at.Content[0].Start)
			if ga < len(x.toks) && x.qAt(ga) >= 0 {
				where += ", content inside or a direct quote"
			}
			if ga < len(x.toks) && x.tokPara[ga] == 0 {
				where += ", first paragraph"
			}
			if len(at.Content) > 1 {
				where += ", discontinuous"
			}
			if len(at.Source) == 0 {
				where += ", no source"
			}
			key := kind + where
			all[kind]++
			if !hit && (kind == "noun" || kind == "adjective" || kind == "preposition") {
				la, lb := x.tokRange(at.Cue[len(at.Cue)-1])
				fa, _ := x.tokRange(at.Cue[0])
				if la >= 0 && lb > la {
					ctx[kind+" next="+x.ltok(lb)]++
					if kind == "noun" && shownNoun < *diagExamples {
						shownNoun++
						a, b := max(0, fa-4), min(len(x.toks), lb+4)
						t.Logf("noun cue %q in %q; content %q", extent(d.doc, at.Cue), d.doc.Text[x.toks[a].Start:x.toks[b-1].End], extent(d.doc, at.Content))
					}
					ctx[kind+" prev-pos="+x.pos(fa-1)]++
					if len(at.Content) > 0 && at.Content[0].Start >= at.Cue[len(at.Cue)-1].End {
						ctx[kind+" content after"]++
					} else {
						ctx[kind+" content before"]++
					}
				}
			}
			if !hit {
				cls[key]++
				cls["= "+kind]++
				words[strings.ToLower(extent(d.doc, at.Cue))]++
			}
		}
	}
	diagCounts(t, "annotated contents by cue kind", all)
	diagCounts(t, "missed contents by cue kind and place", cls)
	for k, n := range words {
		if n < 3 {
			delete(words, k)
		}
	}
	diagCounts(t, "cues of missed contents (3 or more)", words)
	for k, n := range ctx {
		if n < 5 {
			delete(ctx, k)
		}
	}
	diagCounts(t, "missed noun, adjective and preposition cues: the word after, the tag before (5 or more)", ctx)
}

// TestDiagnoseSpeakers counts the matched quotes with an annotated source
// whose speaker is wrong, by rule, and prints examples (-examples).
func TestDiagnoseSpeakers(t *testing.T) {
	arts, _ := diagArticles(t)
	total, wrong := map[string]int{}, map[string]int{}
	shown := 0
	var ngold, npred, nhit, nspk, nspkOK int
	defer func() {
		p, r := float64(nhit)/float64(max(npred, 1)), float64(nhit)/float64(max(ngold, 1))
		t.Logf("overlap P %.4f R %.4f F1 %.4f (%d of %d found, %d annotated); speaker %.4f (%d of %d)", p, r, 2*p*r/max(p+r, 1e-9), nhit, npred, ngold, float64(nspkOK)/float64(max(nspk, 1)), nspkOK, nspk)
	}()
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.run()
		rules := map[[2]text.Span]string{}
		for _, q := range x.quotes {
			rules[[2]text.Span{q.Content, q.Cue}] = x.metaOf(q).rule
		}
		qs := x.result()
		pw := make([]map[int]bool, len(qs))
		for k, q := range qs {
			pw[k] = polnear.Words(d.doc, []text.Span{q.Content})
		}
		gw := make([]map[int]bool, len(d.art.Attributions))
		for k, at := range d.art.Attributions {
			gw[k] = polnear.Words(d.doc, at.Content)
		}
		npred += len(qs)
		for _, g := range gw {
			if len(g) > 0 {
				ngold++
			}
		}
		for k, g := range polnear.MatchOverlap(pw, gw) {
			if g >= 0 {
				nhit++
			}
			if g < 0 || len(d.art.Attributions[g].Source) == 0 {
				continue
			}
			nspk++
			q := qs[k]
			var ms []text.Span
			if q.EntityIndex >= 0 {
				for _, m := range d.ents[q.EntityIndex].Mentions {
					ms = append(ms, m.Span)
				}
			}
			r := rules[[2]text.Span{q.Content, q.Cue}]
			total[r]++
			if polnear.SpeakerOK(q.Speaker, ms, d.art.Attributions[g].Source) {
				nspkOK++
			} else {
				wrong[r]++
				if shown < *diagExamples && (*diagMissKind == "" || *diagMissKind == r) {
					shown++
					ca, _ := x.tokRange(q.Cue)
					sent := ""
					if ca >= 0 {
						sn := x.sentence(ca)
						sent = d.doc.Text[x.toks[sn.First].Start:x.toks[sn.Last-1].End]
					}
					t.Logf("[%s] cue %q speaker %q (%s), annotated %q\n   content %q\n   in: %s", r, d.doc.Text[q.Cue.Start:q.Cue.End], d.doc.Text[q.Speaker.Start:q.Speaker.End], q.SpeakerName,
						extent(d.doc, d.art.Attributions[g].Source), d.doc.Text[q.Content.Start:q.Content.End], sent)
				}
			}
		}
	}
	both := map[string]int{}
	for r, n := range total {
		both[r] = n
		both[r+" (wrong)"] = wrong[r]
	}
	diagCounts(t, "matched quotes with a source, by rule", both)
}

// sentenceAround is the text of the sentence holding sp's start.
func sentenceAround(doc *text.Document, sp text.Span) string {
	for _, s := range doc.Sentences {
		if sp.Start >= s.Start && sp.Start < s.End {
			return doc.Text[s.Start:s.End]
		}
	}
	return ""
}
