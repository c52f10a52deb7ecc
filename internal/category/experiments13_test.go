//go:build catexp

// Experiments of session 13: person names push local and civic stories
// that quote people toward sport (a council story with "Mayor Paula
// Grant" and "engineering manager Tom Reid" came out sport 38 %; sport
// items name players). Each variant rewrites the person-name words of
// every item, training and test alike, before the features are taken:
// masked to one shared token (nameToken) or dropped. Given names are
// title-case words in the two middle-level word clusters of given names
// (internal/wordclusters 174: Tom, John, Mary, David, Andy ...; 146:
// Paula, Carlos, Boris, Anna ...); surnames (cluster 94 holds surnames,
// places and firms alike) are taken only as the title-case word right
// after a given name. Run from this directory:
//
//	XALLSEEDS=1 [XNER=1] [XBAG=1] nice -n 5 go test -tags catexp -run 'TestNames$' -v -timeout 0 .
//
// 5-fold accuracy AG / BBC (own classes), fold seeds 42 (tuning) and 7,
// 11, 13 (untuned), the mean of the four seeds first. Single model (Bag 0, as the
// earlier experiment files; shipped features 89.87 / 97.24: 89.96 /
// 97.18, 89.88 / 96.99, 89.75 / 97.56, 89.89 / 97.23):
//
//	given names masked          89.87 / 97.33 (89.93/97.27, 89.88/97.09, 89.88/97.65, 89.80/97.32)
//	given + next word masked    89.83 / 97.26 (90.00/97.23, 89.73/97.09, 89.73/97.51, 89.86/97.23)
//	... and later bare surnames 89.69 / 97.26 (89.82/97.23, 89.61/97.18, 89.59/97.41, 89.73/97.23)
//	given + next word dropped   89.83 / 97.07 (90.07/96.94, 89.68/96.94, 89.71/97.37, 89.88/97.04)
//	NER PERSON words masked     89.67 / 97.30 (89.80/97.27, 89.62/97.13, 89.54/97.37, 89.70/97.41)
//	NER PERSON words dropped    89.67 / 97.05 (89.80/97.04, 89.70/96.90, 89.48/97.09, 89.71/97.18)
//
// (NER: internal/ner on each item, an upper bound of what the pipeline's
// names would give; the classifier does not see them.) Masking every
// mention of a person (NER, or later bare surnames) costs AG 0.2: a lone
// surname is real evidence in AG's short sports items. Masking given
// names moves neither figure beyond noise (the fold spread is 1.1 / 0.5).
//
// The shipped setting (XBAG: bag 6; shipped 90.29, 90.29, 89.93, 90.05 /
// 97.23, 97.32, 97.65, 97.27, untuned mean 90.09 / 97.41):
//
//	given names masked          90.04, 90.20, 89.91, 90.02 / 97.41, 97.27, 97.60, 97.32
//	                            (tuning -0.25 / +0.18; untuned mean 90.04 / 97.40)
//	given + next word masked    90.07, 90.05, 89.91, 90.00 / 97.27, 97.37, 97.56, 97.32
//	                            (tuning -0.22 / +0.04; untuned mean 89.99 / 97.42)
//
// No variant gains on CV, so none is shipped.
//
// TestNamesProbe: seven local and civic stories written here (a sanity
// probe, not tuned on), the shipped setting (bag 6) trained on all items;
// TestNamesAblate: the words whose removal lowers sport most with the
// given names masked. Top class, shipped features (the committed model's
// figures) -> given names masked:
// flood defences sport 61 % -> sport 45 % (left: Hamilton +0.16, manager
// +0.10, riverside +0.07, winter +0.04); boil-water notice world 28 % ->
// sport 28 % (Sunday, drinking, pipe); libraries and bus cuts business
// 70 -> 59 %; housing objection politics 31 -> 28 %; hospital business
// 50 -> 59 %; shop break-ins sport 32 -> 27 % (break, owner, Ashby);
// school roof sport 35 -> 38 % (Saturday's, hall). Names are one cause
// among several (a place that is also a driver's surname, "manager",
// weekdays, "break"); no category fits civic news, so the model spreads
// such a story over sport, business and world whatever the names.

package category

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

// nameToken replaces a masked person-name word.
const nameToken = "Personname"

var capWord = regexp.MustCompile(`\p{Lu}[\p{L}'’.-]*\p{L}|\p{Lu}`)

// givenName reports whether w (title case) falls in one of the
// middle-level clusters of given names (174: Tom, John, Mary, David,
// Andy ...; 146: Paula, Carlos, Boris, Anna ...).
func givenName(c *wordclusters.Clusters, w string) bool {
	ids, ok := c.Lookup(wordclusters.KeyOf(w, false))
	return ok && (ids[1] == 174 || ids[1] == 146)
}

// isTitle reports whether w starts with an upper-case letter and has a
// lower-case one (not an all-caps headline word).
func isTitle(w string) bool {
	return strings.ToUpper(w) != w && strings.ToLower(w[:1]) != w[:1]
}

// maskGiven rewrites the given names of s (a title-case word in a
// given-name cluster), with the title-case word after each when surname
// is set, and later bare mentions of those surnames when later is set.
func maskGiven(c *wordclusters.Clusters, s string, surname, later bool, repl string) string {
	locs := capWord.FindAllStringIndex(s, -1)
	var spans [][2]int
	surnames := map[string]bool{}
	for i := 0; i < len(locs); i++ {
		w := s[locs[i][0]:locs[i][1]]
		if !isTitle(w) || !givenName(c, w) {
			continue
		}
		spans = append(spans, [2]int{locs[i][0], locs[i][1]})
		if surname && i+1 < len(locs) {
			gap := s[locs[i][1]:locs[i+1][0]]
			nw := s[locs[i+1][0]:locs[i+1][1]]
			if strings.TrimSpace(gap) == "" && isTitle(nw) {
				spans = append(spans, [2]int{locs[i+1][0], locs[i+1][1]})
				surnames[nw] = true
				i++
			}
		}
	}
	if later && len(surnames) > 0 {
		taken := map[int]bool{}
		for _, sp := range spans {
			taken[sp[0]] = true
		}
		for _, l := range locs {
			if !taken[l[0]] && surnames[s[l[0]:l[1]]] {
				spans = append(spans, [2]int{l[0], l[1]})
			}
		}
	}
	return rewrite(s, spans, repl)
}

// rewrite replaces each span of s by repl (dropping it when repl is "").
func rewrite(s string, spans [][2]int, repl string) string {
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp[0] < at {
			continue
		}
		b.WriteString(s[at:sp[0]])
		if repl == "" {
			b.WriteByte(' ')
		} else {
			b.WriteString(repl)
		}
		at = sp[1]
	}
	b.WriteString(s[at:])
	return b.String()
}

// maskNER rewrites the words of the NER's PERSON mentions (an upper
// bound of what the pipeline's names would give; the classifier does not
// see them today).
func maskNER(r *ner.Recognizer, s string, repl string) string {
	doc := text.Analyze(s)
	var spans [][2]int
	for _, m := range r.Recognize(doc) {
		if m.Type != ner.Person {
			continue
		}
		for _, l := range capWord.FindAllStringIndex(s[m.Start:m.End], -1) {
			spans = append(spans, [2]int{m.Start + l[0], m.Start + l[1]})
		}
	}
	return rewrite(s, spans, repl)
}

// rewritten returns the examples with f applied to each text, featurised
// again by xs's featuriser.
func (xs *xset) rewritten(exs []Example, f func(string) string) []Example {
	out := make([]Example, len(exs))
	for i, e := range exs {
		e.Text = f(e.Text)
		e.Feats = nil
		out[i] = e
	}
	Featurize(out, &xs.fz)
	return out
}

// namesSetup loads the AG and BBC items, featurised, with the training
// options (bag: the shipped six-model average) and the word clusters
// that find given names.
func namesSetup(t *testing.T, bag bool) (*xset, []Example, TrainOptions, *wordclusters.Clusters) {
	xs := xload(t)
	all, o := xs.featurized()
	if bag {
		o.Bag = 6
	}
	cl, err := wordclusters.Default()
	if err != nil {
		t.Fatal(err)
	}
	return xs, all, o, cl
}

// TestNames: each variant on the tuning fold seed (42) and, with
// XALLSEEDS, the untuned ones, single model (Bag 0) unless XBAG is set.
func TestNames(t *testing.T) {
	xs, all, o, cl := namesSetup(t, os.Getenv("XBAG") != "")
	only := os.Getenv("XONLY")
	variants := []struct {
		name string
		f    func(string) string
	}{
		{"given names masked", func(s string) string { return maskGiven(cl, s, false, false, nameToken) }},
		{"given+surname masked", func(s string) string { return maskGiven(cl, s, true, false, nameToken) }},
		{"given+surname+later masked", func(s string) string { return maskGiven(cl, s, true, true, nameToken) }},
		{"given+surname dropped", func(s string) string { return maskGiven(cl, s, true, false, "") }},
	}
	if os.Getenv("XNER") != "" {
		r, err := ner.Load()
		if err != nil {
			t.Fatal(err)
		}
		variants = append(variants,
			struct {
				name string
				f    func(string) string
			}{"NER persons masked", func(s string) string { return maskNER(r, s, nameToken) }},
			struct {
				name string
				f    func(string) string
			}{"NER persons dropped", func(s string) string { return maskNER(r, s, "") }})
	}
	if os.Getenv("XNOBASE") == "" {
		xmulti(t, "shipped features", all, nblrFit(o), xseeds())
	}
	for _, v := range variants {
		if only != "" && !strings.Contains(v.name, only) {
			continue
		}
		exs := xs.rewritten(all, v.f)
		xmulti(t, v.name, exs, nblrFit(o), xseeds())
	}
}

// probeStories are local and civic stories written for this test (not
// from any data set); a sanity probe, not a tuning set.
var probeStories = []string{
	"Council approves new flood defences for Hamilton riverside\nHamilton City Council on Tuesday approved a $12 million plan to raise the riverside walls, after two floods in three years damaged dozens of homes. \"We cannot keep bailing out the same streets every winter,\" Mayor Paula Grant told reporters. The council's engineering manager, Tom Reid, said work would start next spring and take two years.",
	"Boil-water notice issued for Eastfield after pipe burst\nResidents of Eastfield have been told to boil tap water before drinking it after a main burst on Sunday night. Water board spokeswoman Linda Moore said tests had found bacteria in two samples. Schools in the area will stay open but have been sent bottled water, head teacher Mark Ellis said.",
	"County council to close six libraries and cut bus subsidies\nNorthshire County Council voted on Wednesday to close six branch libraries and cut subsidies for rural bus routes to save 4 million pounds next year. Council leader James Carter said the cuts were painful but unavoidable. Campaigner Susan Hill said older people in villages would be cut off.",
	"Residents oppose plan for 300 homes on green belt\nMore than 200 residents packed a village hall on Thursday to object to plans for 300 new homes on fields outside Little Marston. Parish councillor David Brown said roads and schools could not cope. The developer, Oakfield Homes, said a third of the houses would be affordable.",
	"Hospital opens new emergency department\nSt Mary's Hospital in Westbury opened its new emergency department on Monday, doubling the number of beds for urgent cases. Chief executive Karen Walsh said waiting times should fall by a third. Nurse Peter Jones said staff had been working in cramped rooms for years.",
	"Police appeal after break-ins at village shops\nPolice are appealing for witnesses after three shops in Ashby were broken into overnight. Detective Sergeant Mike Turner said cash and cigarettes were taken. Shop owner Anne Clarke said it was the second break-in this year.",
	"School roof to be repaired after storm damage\nRepairs to the roof of Kingsway Primary School will begin next week after Saturday's storm tore off tiles and flooded two classrooms. Head teacher Rachel Green said pupils would be taught in the hall until the work is done. The local education authority said the repairs would cost 80,000 pounds.",
}

// TestNamesProbe trains the shipped setting (bag 6) on all AG and BBC
// items, with and without the rewrite XONLY names, and prints the probe
// stories' categories.
func TestNamesProbe(t *testing.T) {
	xs, all, o, cl := namesSetup(t, true)
	f := func(s string) string { return maskGiven(cl, s, true, false, nameToken) }
	if os.Getenv("XONLY") == "later" {
		f = func(s string) string { return maskGiven(cl, s, true, true, nameToken) }
	}
	show := func(name string, bias, w []float32, rw func(string) string) {
		for i, s := range probeStories {
			ft := xs.fz.Features(&text.Document{Text: rw(s)}, nil)
			p := Softmax(Logits(bias, w, ft))
			type cp struct {
				n string
				p float64
			}
			var cs []cp
			for c, v := range p {
				cs = append(cs, cp{Names[c], v})
			}
			sort.Slice(cs, func(a, b int) bool { return cs[a].p > cs[b].p })
			msg := fmt.Sprintf("%-22s story %d: %s %.0f%%, %s %.0f%%, %s %.0f%%", name, i+1, cs[0].n, 100*cs[0].p, cs[1].n, 100*cs[1].p, cs[2].n, 100*cs[2].p)
			t.Log(msg)
			fmt.Println(msg)
		}
	}
	b, w := Fit(all, o)
	show("shipped features", b, w, func(s string) string { return s })
	for _, v := range []struct {
		name string
		f    func(string) string
	}{
		{"given masked", func(s string) string { return maskGiven(cl, s, false, false, nameToken) }},
		{"given+surname masked", f},
	} {
		exs := xs.rewritten(all, v.f)
		b, w := Fit(exs, o)
		show(v.name, b, w, v.f)
	}
}

// TestNamesAblate trains the shipped setting with the given names masked
// and prints, for each probe story whose top class is sport, the words
// whose removal lowers sport most (what still drives it).
func TestNamesAblate(t *testing.T) {
	xs, all, o, cl := namesSetup(t, true)
	f := func(s string) string { return maskGiven(cl, s, false, false, nameToken) }
	exs := xs.rewritten(all, f)
	b, w := Fit(exs, o)
	sport := labelIndex(Sport)
	p := func(s string) float64 {
		return Softmax(Logits(b, w, xs.fz.Features(&text.Document{Text: f(s)}, nil)))[sport]
	}
	word := regexp.MustCompile(`[\p{L}\p{N}'’]+`)
	for i, s := range probeStories {
		base := p(s)
		type d struct {
			w string
			d float64
		}
		var ds []d
		seen := map[string]bool{}
		for _, m := range word.FindAllString(s, -1) {
			if seen[m] {
				continue
			}
			seen[m] = true
			re := regexp.MustCompile(`\b` + regexp.QuoteMeta(m) + `\b`)
			ds = append(ds, d{m, base - p(re.ReplaceAllString(s, ""))})
		}
		sort.Slice(ds, func(a, b int) bool { return ds[a].d > ds[b].d })
		var parts []string
		for _, x := range ds[:min(10, len(ds))] {
			parts = append(parts, fmt.Sprintf("%s %+.2f", x.w, x.d))
		}
		msg := fmt.Sprintf("story %d sport %.2f: %s", i+1, base, strings.Join(parts, ", "))
		t.Log(msg)
		fmt.Println(msg)
	}
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range probeStories {
		cs := c.ClassifyText(s)
		msg := fmt.Sprintf("committed model story %d: %v", i+1, cs[:3])
		t.Log(msg)
		fmt.Println(msg)
	}
}
