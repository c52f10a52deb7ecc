package quotes

import (
	"cmp"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
)

// The fast paths of the models (prefix hashes, the weight table, the
// bound that skips a boundary's dynamic features, the cached weights)
// must score exactly as the named features do, with the real models, on
// the bench article and on text written here.
const fastPathText = `Mayor Daniel Reyes said on Tuesday that the bridge would reopen in May, and thanked the engineers for their patience.

"We will not accept this," the union's leader, Ana Ruiz, told reporters outside the plant. She argued that wages had fallen for years while profits rose.

The minister criticized the budget during the debate and left the hall before the vote, according to two aides who asked not to be named.

Critics have long maintained that the tunnel was never safe; the company denies it. ÉCOLE Ministers urged the council to act before the winter.`

func fastPathDocs(t *testing.T) []*extractor {
	t.Helper()
	texts := []string{fastPathText}
	if b, err := os.ReadFile("../pipeline/testdata/bench_600.txt"); err == nil {
		texts = append(texts, string(b))
	}
	var xs []*extractor
	for _, s := range texts {
		doc, ms := nlptest.Mentions(t, s)
		ents := entity.Resolve(doc, ms)
		x := newExtractor(doc, ents, DefaultOptions)
		x.run()
		xs = append(xs, x)
	}
	return xs
}

// template is the name of a feature up to its first "=", the whole name
// when it has none, as endBound reads it.
func template(name string) string {
	if i := strings.IndexByte(name, '='); i >= 0 {
		return name[:i+1]
	}
	return name
}

// templates are the templates of the features of m, with their largest
// weight (at least 0).
func templates(m *Filter) map[string]float64 {
	ts := map[string]float64{}
	for k, v := range m.w {
		ts[template(k)] = max(ts[template(k)], v)
	}
	return ts
}

// known fails when a feature's template is not one of the model's: a
// misspelt prefix would name features the model never weighs.
func known(t *testing.T, model string, ts map[string]float64, names []string) {
	t.Helper()
	for _, n := range names {
		if _, ok := ts[template(n)]; !ok {
			t.Fatalf("%s feature %q: no feature of the model has its template", model, n)
		}
	}
}

// named sums the weights of the named features in their order, as the
// hashed sum does.
func named(m *Filter, z float64, names []string) float64 {
	for _, n := range names {
		z += m.w[n]
	}
	return z
}

func TestEndModelFastPath(t *testing.T) {
	m := getEndModel()
	b := m.endBound()
	ts := templates(m)
	// the largest weight of a template's features by their start type
	stMax := map[string]float64{}
	for k, v := range m.w {
		if t := template(k); strings.HasSuffix(t, "st=") {
			key := t + "*" + k[strings.LastIndexAny(k, "*=")+1:]
			stMax[key] = max(stMax[key], v)
		}
	}
	boundaries := 0
	for _, x := range fastPathDocs(t) {
		heads := []int{-1}
		for i, c := range x.cues {
			if i%4 == 0 {
				heads = append(heads, x.cueHead(c.first, c.last))
			}
		}
		for _, h := range heads {
			x.setEndCue(h)
			for _, s := range x.doc.Sentences {
				for start := s.First; start < s.Last; start++ {
					verb, allNP := x.finite(start), x.npOrOf(start)
					for k := start + 1; k < s.Last && k < start+20; k++ {
						if k > start+1 {
							verb = verb || x.finite(k-1)
							allNP = allNP && x.npOrOf(k-1)
						}
						var st, dyn []string
						x.endStatic(k, &fsink{names: &st})
						x.endDynamic(start, k, verb, allNP, &fsink{names: &dyn})
						known(t, "end model", ts, st)
						known(t, "end model", ts, dyn)
						wantStatic := named(m, 0, st)
						if got := x.endStaticScore(m, k); got != wantStatic {
							t.Fatalf("static score of %d: %v, named %v", k, got, wantStatic)
						}
						sk := fsink{m: m, z: m.bias + x.endStaticScore(m, k)}
						x.endDynamic(start, k, verb, allNP, &sk)
						if want := named(m, m.bias+wantStatic, dyn); sk.sum() != want {
							t.Fatalf("score of [%d, %d): %v, named %v", start, k, sk.sum(), want)
						}
						d := fsink{m: m}
						x.endDynamic(start, k, verb, allNP, &d)
						max := x.endDynamicMax(b, x.startType(start, k), start, k, verb, allNP)
						// the bound holds the largest weight of each template that fires
						need := 0.0
						for _, n := range dyn {
							switch t := template(n); t {
							case "st=", "dist=", "dist*st=":
								need += m.w[n]
							case "w*st=", "pos*st=", "w*next-pos*st=", "cue*st=", "temporal*st=":
								need += stMax[t+"*"+n[strings.LastIndexAny(n, "*=")+1:]]
							default:
								need += ts[t]
							}
						}
						if d.sum() > max || need > max+1e-9 {
							t.Fatalf("dynamic score of [%d, %d) %v, its templates' largest weights %v, above its bound %v", start, k, d.sum(), need, max)
						}
						boundaries++
					}
				}
			}
		}
	}
	if boundaries < 1000 {
		t.Errorf("only %d boundaries", boundaries)
	}
}

func TestFilterAndCueModelFastPath(t *testing.T) {
	f, cm := getFilter(), getCueModel()
	fts, cts := templates(f), templates(cm)
	quotes, tokens := 0, 0
	for _, x := range fastPathDocs(t) {
		x.nesting()
		for i := range x.sorted() {
			fn := featSink{f: map[string]float64{}}
			x.features(i, &fn)
			for k := range fn.f {
				known(t, "filter", fts, []string{k})
			}
			fh := featSink{m: f}
			x.features(i, &fh)
			// a map has no order: the sums may differ in the last bits
			want := 0.0
			for k, v := range fn.f {
				want += f.w[k] * v
			}
			if math.Abs(fh.sum()-want) > 1e-9 {
				t.Errorf("filter score %v, named %v", fh.sum(), want)
			}
			quotes++
		}
		for i := range x.toks {
			if !x.cueCandidate(i) {
				continue
			}
			var names []string
			x.cueFeatures(i, &fsink{names: &names})
			known(t, "cue model", cts, names)
			sk := fsink{m: cm, z: cm.bias}
			x.cueFeatures(i, &sk)
			if want := named(cm, cm.bias, names); sk.sum() != want {
				t.Errorf("cue score of %q: %v, named %v", x.tok(i), sk.sum(), want)
			}
			tokens++
		}
	}
	if quotes < 10 || tokens < 50 {
		t.Errorf("only %d quotes and %d cue candidates", quotes, tokens)
	}
}

func TestLowerAll(t *testing.T) {
	var toks []text.Token
	for _, w := range strings.Fields("The MAYOR said ÉCOLE école iPhone 3D x-Ray ΣΊΣΥΦΟΣ «Hello» ''") {
		toks = append(toks, text.Token{Text: w})
	}
	// texts longer than the first guess of the string's size: it grows
	toks = append(toks, text.Token{Text: ""}, text.Token{Text: strings.Repeat("AbC", 40)}, text.Token{Text: "x"}, text.Token{Text: strings.Repeat("Zz", 70)})
	for i, l := range lowerAll(toks) {
		if want := strings.ToLower(toks[i].Text); l != want {
			t.Errorf("lowerAll(%q) = %q, want %q", toks[i].Text, l, want)
		}
	}
}

func TestCueText(t *testing.T) {
	for _, s := range []string{"said", "Said", "according to", "according  to", " said", "said ", "told\nreporters", "SAID", "dijo\u00a0que", "a\tb", ""} {
		if got, want := cueText(s), strings.Join(strings.Fields(strings.ToLower(s)), " "); got != want {
			t.Errorf("cueText(%q) = %q, want %q", s, got, want)
		}
	}
}

// The bit set of Lexicon.cues never hides a cue.
func TestLexiconCues(t *testing.T) {
	lx := getLexicon()
	for w, cs := range lx.byFirst {
		if got := lx.cues(w); len(got) != len(cs) || &got[0] != &cs[0] {
			t.Errorf("cues(%q): %d cues, want %d", w, len(got), len(cs))
		}
		// each head holds the cue's length and its second word's key
		got, heads := lx.cuesHeads(w)
		if heads == nil && len(w) <= lexWordMax || heads != nil && len(heads) != len(got) {
			t.Errorf("cuesHeads(%q): %d heads for %d cues", w, len(heads), len(got))
			continue
		}
		for j := range heads {
			ws := got[j].words
			n, key := int(heads[j]>>56), heads[j]&(1<<56-1)
			if n != len(ws) || len(ws) > 1 && key != secondKey(ws[1]) || len(ws) == 1 && key != 0 {
				t.Errorf("head of %q: %d words, key %x", ws, n, key)
			}
		}
	}
	// the slot table agrees with the map on words near the keys, and on a
	// first word too long for a slot
	for w := range lx.byFirst {
		for _, v := range []string{w + "s", w[:len(w)-1], w + "x", "x" + w} {
			if got, want := lx.cues(v), lx.byFirst[v]; len(got) != len(want) || len(got) > 0 && &got[0] != &want[0] {
				t.Errorf("cues(%q): %d cues, want %d", v, len(got), len(want))
			}
		}
	}
	long := strings.Repeat("x", lexWordMax+5)
	lx2 := ParseLexicon(long + " about\t5\t10\nsaid\t50\t60\n")
	if got := lx2.cues(long); len(got) != 1 || len(got[0].words) != 2 || got[0].words[1] != "about" {
		t.Errorf("cues of a long first word: %v", got)
	}
	if got := lx2.cues("said"); len(got) != 1 || got[0].n != 50 {
		t.Errorf("cues(said) of a small lexicon: %v", got)
	}
	hidden := 0
	for _, w := range strings.Fields("the of and mayor bridge reopen tunnel engineers quickly 2026 , . “") {
		if lx.cues(w) == nil {
			hidden++
		}
	}
	if hidden == 0 {
		t.Error("the bit set hides no word")
	}
}

// mergeCues orders cues as the stable sort does.
func TestMergeCues(t *testing.T) {
	mk := func(firsts ...int) []cue {
		cs := make([]cue, len(firsts))
		for i, f := range firsts {
			cs[i] = cue{first: f, last: i} // last tells the cues apart
		}
		return cs
	}
	for _, tc := range []struct {
		firsts []int
		n      int
	}{
		{[]int{1, 4, 9, 2, 4, 10}, 3},
		{[]int{5, 6, 1, 2}, 2},
		{[]int{1, 2, 3}, 3},
		{[]int{3, 3, 1, 3}, 2},
		{[]int{7, 2, 5, 1}, 2}, // a run out of order: the stable sort
		{[]int{2}, 0},
	} {
		got, want := mk(tc.firsts...), mk(tc.firsts...)
		mergeCues(got, tc.n)
		sortCues(want)
		for i := range want {
			if got[i].first != want[i].first || got[i].last != want[i].last {
				t.Errorf("mergeCues(%v, %d) = %v, want %v", tc.firsts, tc.n, got, want)
				break
			}
		}
	}
}

// sortMentions orders mentions as the stable sort does.
func TestSortMentions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var tmp []entMention
	for _, n := range []int{0, 1, 2, 3, 7, 16, 33, 150, 1000} {
		ms := make([]entMention, n)
		for i := range ms {
			ms[i] = entMention{span: entity.Mention{Span: text.Span{Start: r.IntN(n/2 + 1)}}, ent: i} // ent tells them apart
		}
		want := slices.Clone(ms)
		slices.SortStableFunc(want, func(a, b entMention) int { return cmp.Compare(a.span.Span.Start, b.span.Span.Start) })
		tmp = sortMentions(ms, tmp)
		if !slices.Equal(ms, want) {
			t.Errorf("sortMentions of %d mentions differs from the stable sort", n)
		}
	}
}
