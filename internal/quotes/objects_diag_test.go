//go:build diag

// Diagnostics of what the cues act on and of the quotes read from
// unlabelled news, behind the diag tag:
//
//	go test -tags diag ./internal/quotes -run DiagnoseObjects -v -args -split train [-lemmas post,name -obj-show "post figure"]
//	go test -tags diag ./internal/quotes -run DiagnoseNewsCues -v -args -news 'GLOB,GLOB' [-news-limit 100]
//	go test -tags diag ./internal/quotes -run 'DiagnoseSourcePrecision|DiagnoseResultObject|DiagnoseAttributive|DiagnoseCalledName' -v -args -split dev
//
// TestDiagnoseObjects counts, per verb lemma and the class of what follows
// it (a figure, a person, a clause, ...), how often PolNeAR marks the verb
// as a cue: the figures behind Options.ResultObject and the rules not made
// ("appointed" + a person, "hoped for").

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
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

var diagObjShow = flag.String("obj-show", "", "TestDiagnoseObjects: comma-separated \"lemma class\" keys whose occurrences to print")

var diagLemmas = flag.String("lemmas", "post,report,announce,show,see,name,appoint,nominate,hope,gain,rise,open,make,give,send,double,win,beat,lead,score,sign,hire,elect,launch,unveil,issue,publish,release,approve,offer,expect,estimate,forecast,predict,record,reach,set,hit,take,declare,call,welcome,cheer,applaud,continue,wish", "TestDiagnoseObjects: comma-separated verb lemmas")

// TestDiagnoseObjects counts, for each verb lemma of -lemmas, how often a
// verb token with it is (part of) an annotated cue, by what follows it
// (objClass).
func TestDiagnoseObjects(t *testing.T) {
	arts, _ := diagArticles(t)
	want := map[string]bool{}
	for _, l := range strings.Split(*diagLemmas, ",") {
		want[l] = true
	}
	type cnt struct{ n, cue int }
	by := map[string]*cnt{}
	inc := func(k string, y bool) {
		c := by[k]
		if c == nil {
			c = &cnt{}
			by[k] = c
		}
		c.n++
		if y {
			c.cue++
		}
	}
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		for i, tk := range d.doc.Tokens {
			if !strings.HasPrefix(x.pos(i), "VB") || !want[x.lemma(i)] {
				continue
			}
			y := false
			for _, at := range d.art.Attributions {
				for _, sp := range at.Cue {
					y = y || tk.Start < sp.End && sp.Start < tk.End
				}
			}
			oc := x.objClass(i)
			if *diagObjShow != "" && strings.Contains(","+*diagObjShow+",", ","+x.lemma(i)+" "+oc+",") {
				a, b := max(0, i-6), min(len(x.toks), i+10)
				t.Logf("%v %s %s: %s", y, x.lemma(i), oc, strings.ReplaceAll(d.doc.Text[x.toks[a].Start:x.toks[b-1].End], "\n", " "))
			}
			inc(x.lemma(i)+" *", y)
			inc(x.lemma(i)+" "+oc, y)
			inc("ALL "+oc, y)
		}
	}
	var ks []string
	for k := range by {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		c := by[k]
		t.Logf("%-28s %5d %5d %.2f", k, c.n, c.cue, float64(c.cue)/float64(c.n))
	}
}

// objClass names what follows verb i: a figure, a person, a clause ...
func (x *extractor) objClass(i int) string {
	pass := ""
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if l := x.lemma(j); l == "be" || l == "get" {
			if x.pos(i) == "VBN" {
				pass = "pass-"
			}
			break
		}
		if x.pos(j) != "RB" {
			break
		}
	}
	k := i + 1
	for k < len(x.toks) && (x.pos(k) == "RB" || x.pos(k) == "RP") {
		k++
	}
	if k >= len(x.toks) {
		return pass + "end"
	}
	w, p := x.ltok(k), x.pos(k)
	switch {
	case x.markKind(k) != 0:
		return pass + "quote"
	case w == "that" || w == "if" || w == "whether":
		return pass + "that"
	case w == "to":
		return pass + "to"
	case p == "IN":
		return pass + "prep=" + w
	case !isWordTok(w):
		return pass + "punct"
	}
	// the noun phrase after the verb
	fig, person, org := false, false, false
	for j := k; j < len(x.toks) && j < k+8; j++ {
		pj := x.pos(j)
		if strings.HasPrefix(pj, "VB") || pj == "MD" || pj == "," || pj == "." || pj == ":" || x.ltok(j) == "that" || pj == "WDT" || pj == "WP" {
			break
		}
		if pj == "CD" || x.tok(j) == "$" || x.tok(j) == "%" || x.ltok(j) == "percent" || x.ltok(j) == "pct" {
			fig = true
		}
		if j == k || j <= k+3 {
			switch x.entTypeAt(j) {
			case ner.Person:
				person = true
			case ner.Org:
				org = true
			}
		}
	}
	switch {
	case fig:
		return pass + "figure"
	case person:
		return pass + "person"
	case org:
		return pass + "org"
	case p == "PRP":
		return pass + "pron"
	}
	return pass + "np"
}

var (
	diagNews      = flag.String("news", "", "TestDiagnoseNewsCues: comma-separated globs of unlabelled articles")
	diagNewsLimit = flag.Int("news-limit", 100, "TestDiagnoseNewsCues: at most this many articles per glob, spread over the list")
)

// TestDiagnoseNewsCues prints every quote of unlabelled news with its cue's
// lemma, the rule, where the cue came from, the filter's score and what
// follows the cue, then counts the quotes by cue lemma.
func TestDiagnoseNewsCues(t *testing.T) {
	if *diagNews == "" {
		t.Skip("no -news")
	}
	tg, rec := nlptest.Models(t)
	o := DefaultOptions
	if err := SetOptions(&o, *diagSet); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, g := range strings.Split(*diagNews, ",") {
		m, _ := filepath.Glob(g)
		sort.Strings(m)
		if len(m) > *diagNewsLimit {
			p := make([]string, *diagNewsLimit)
			for i := range p {
				p[i] = m[i*len(m) / *diagNewsLimit]
			}
			m = p
		}
		files = append(files, m...)
	}
	f := getFilter()
	lemmas := map[string]int{}
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		doc := text.Analyze(string(b))
		tg.Tag(doc)
		ents := entity.Resolve(doc, rec.Recognize(doc))
		qs := ExtractWith(doc, ents, o)
		cs := Candidates(doc, ents, o)
		x := newExtractor(doc, ents, o)
		x.findQuoteMarks()
		fmt.Printf("## %s\n", fn)
		for _, q := range qs {
			rule, src, sc := "?", "lex", -1.0
			for _, c := range cs {
				if c.Quote.Content == q.Content && c.Quote.Cue == q.Cue {
					for k := range c.Features {
						if strings.HasPrefix(k, "rule=") {
							rule = k[5:]
						}
					}
					if c.Features["cue-learned"] != 0 {
						src = "learned"
					} else if c.Features["cue-core"] != 0 {
						src = "core"
					}
					sc = f.Score(c.Features)
					break
				}
			}
			lem, oc := "-", "-"
			if q.Cue.End > q.Cue.Start {
				c0, c1 := x.tokRange(q.Cue)
				if c0 < 0 || c1 <= c0 {
					c0, c1 = x.tokRangeLoose(q.Cue)
				}
				v := c1 - 1
				for k := v; k >= c0; k-- {
					if strings.HasPrefix(x.pos(k), "VB") {
						v = k
						break
					}
				}
				lem = x.lemma(v)
				oc = x.objClass(v)
			}
			lemmas[lem]++
			ct := strings.ReplaceAll(doc.Text[q.Content.Start:q.Content.End], "\n", " ")
			if len(ct) > 110 {
				ct = ct[:110]
			}
			fmt.Printf("Q\t%s\t%s\t%s\t%.2f\t%s\t[%s]\t%q\t%s\n", lem, rule, src, sc, oc, doc.Text[q.Speaker.Start:q.Speaker.End], doc.Text[q.Cue.Start:q.Cue.End], ct)
		}
	}
	var ks []string
	for k := range lemmas {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		return lemmas[ks[i]] > lemmas[ks[j]] || lemmas[ks[i]] == lemmas[ks[j]] && ks[i] < ks[j]
	})
	for _, k := range ks {
		fmt.Printf("L\t%s\t%d\n", k, lemmas[k])
	}
}

// TestDiagnoseAttributive counts the participles between a determiner or
// adjective and a noun ("the proposed stadium", "a listed company") that
// are (in) an annotated cue, by lemma, and the quotes with such a cue and
// how many of them match an annotated content.
func TestDiagnoseAttributive(t *testing.T) {
	arts, _ := diagArticles(t)
	n, cue := map[string]int{}, map[string]int{}
	quotes, right := 0, 0
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		attr := func(i int) bool {
			p := x.pos(i)
			if p != "VBN" && p != "VBD" && p != "VBG" {
				return false
			}
			pp, np := x.pos(i-1), x.pos(i+1)
			return (pp == "DT" || pp == "JJ" || pp == "JJS" || pp == "PRP$" || pp == "CD" || pp == "POS") && (np == "NN" || np == "NNS" || np == "JJ" && strings.HasPrefix(x.pos(i+2), "NN"))
		}
		for i, tk := range d.doc.Tokens {
			if !attr(i) {
				continue
			}
			y := false
			for _, at := range d.art.Attributions {
				for _, sp := range at.Cue {
					y = y || tk.Start < sp.End && sp.Start < tk.End
				}
			}
			n[x.lemma(i)]++
			if y {
				cue[x.lemma(i)]++
			}
		}
		qs := ExtractWith(d.doc, d.ents, d.o)
		var cs []text.Span
		for _, q := range qs {
			cs = append(cs, q.Content)
		}
		ok := polnear.Matched(d.doc, d.art, cs)
		for qi, q := range qs {
			if q.Cue.End == 0 {
				continue
			}
			c0, c1 := x.tokRangeLoose(q.Cue)
			if c1-c0 == 1 && attr(c0) {
				quotes++
				if ok[qi] {
					right++
				}
				a, b := max(0, c0-5), min(len(x.toks), c0+6)
				t.Logf("%v %q", ok[qi], d.doc.Text[x.toks[a].Start:x.toks[b-1].End])
			}
		}
	}
	t.Logf("quotes with an attributive participle cue: %d, %d right", quotes, right)
	var ks []string
	for k := range n {
		if cue[k] > 0 || n[k] >= 20 {
			ks = append(ks, k)
		}
	}
	sort.Strings(ks)
	for _, k := range ks {
		t.Logf("%-14s %4d %4d", k, n[k], cue[k])
	}
}

// TestDiagnoseCalledName counts "a noun called X" (a participle of
// naming right after a common noun) as an annotated cue or not, and the
// quotes read from such a cue.
func TestDiagnoseCalledName(t *testing.T) {
	arts, _ := diagArticles(t)
	n, y, quotes, right := 0, 0, 0, 0
	for _, d := range arts {
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		naming := func(i int) bool {
			l := x.lemma(i)
			return (l == "call" || l == "name" || l == "dub" || l == "title" || l == "label") && (x.pos(i) == "VBN" || x.pos(i) == "VBD") && (x.pos(i-1) == "NN" || x.pos(i-1) == "NNS")
		}
		for i, tk := range d.doc.Tokens {
			if !naming(i) {
				continue
			}
			n++
			c := false
			for _, at := range d.art.Attributions {
				for _, sp := range at.Cue {
					c = c || tk.Start < sp.End && sp.Start < tk.End
				}
			}
			if c {
				y++
			}
			if *diagExamples > 0 {
				a, b := max(0, i-5), min(len(x.toks), i+6)
				t.Logf("%v %q", c, d.doc.Text[x.toks[a].Start:x.toks[b-1].End])
			}
		}
		qs := ExtractWith(d.doc, d.ents, d.o)
		var cs []text.Span
		for _, q := range qs {
			cs = append(cs, q.Content)
		}
		ok := polnear.Matched(d.doc, d.art, cs)
		for qi, q := range qs {
			if q.Cue.End == 0 {
				continue
			}
			c0, c1 := x.tokRangeLoose(q.Cue)
			if c1-c0 >= 1 && naming(c0) {
				quotes++
				if ok[qi] {
					right++
				}
			}
		}
	}
	t.Logf("noun + naming participle: %d, %d in an annotated cue; quotes %d, %d right", n, y, quotes, right)
}

// TestDiagnoseSourcePrecision counts the quotes and the right ones by
// where their cue came from (learned verb, learned noun, lexicon, core)
// and the filter's score.
func TestDiagnoseSourcePrecision(t *testing.T) {
	arts, o := diagArticles(t)
	f := o.Filter
	if f == nil {
		f = getFilter()
	}
	n, r := map[string]int{}, map[string]int{}
	for _, d := range arts {
		qs := ExtractWith(d.doc, d.ents, d.o)
		cs := Candidates(d.doc, d.ents, d.o)
		var sp []text.Span
		for _, q := range qs {
			sp = append(sp, q.Content)
		}
		ok := polnear.Matched(d.doc, d.art, sp)
		for qi, q := range qs {
			src, sc := "lexicon", -1.0
			for _, c := range cs {
				if c.Quote.Content == q.Content && c.Quote.Cue == q.Cue {
					switch {
					case c.Features["cue-learned"] != 0 && c.Features["noun"] != 0:
						src = "learned-noun"
					case c.Features["cue-learned"] != 0:
						src = "learned"
					case c.Features["cue-core"] != 0:
						src = "core"
					case q.Cue.End == 0:
						src = "none"
					}
					sc = f.Score(c.Features)
					break
				}
			}
			k := fmt.Sprintf("%s %.1f", src, math.Floor(sc*10)/10)
			n[k]++
			if ok[qi] {
				r[k]++
			}
		}
	}
	var ks []string
	for k := range n {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		t.Logf("%-18s %5d %5d %.2f", k, n[k], r[k], float64(r[k])/float64(n[k]))
	}
}

// TestDiagnoseResultObject prints the quotes ResultObject drops and
// whether each matched an annotated content.
func TestDiagnoseResultObject(t *testing.T) {
	arts, _ := diagArticles(t)
	for _, d := range arts {
		off := d.o
		off.ResultObject = false
		qs := ExtractWith(d.doc, d.ents, off)
		var cs []text.Span
		for _, q := range qs {
			cs = append(cs, q.Content)
		}
		ok := polnear.Matched(d.doc, d.art, cs)
		x := newExtractor(d.doc, d.ents, d.o)
		x.findQuoteMarks()
		for qi := range qs {
			if x.resultObject(&qs[qi]) {
				q := qs[qi]
				t.Logf("%v %q | %q", ok[qi], d.doc.Text[q.Cue.Start:q.Cue.End], d.doc.Text[q.Content.Start:q.Content.End])
			}
		}
	}
}
