package ner

import (
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

// viterbiRef is the plain loop over preds that viterbi unrolls.
func viterbiRef(n int, em, trans, start []float32) []int {
	delta := make([]float32, n*nLabels)
	back := make([]uint8, n*nLabels)
	for y := 0; y < nLabels; y++ {
		delta[y] = em[y] + start[y] + mask[0][y]
	}
	for i := 1; i < n; i++ {
		for y := 0; y < nLabels; y++ {
			best, bi := negInf, uint8(0)
			for _, a := range preds[y] {
				if v := delta[(i-1)*nLabels+int(a)] + trans[int(a)*nLabels+y]; v > best {
					best, bi = v, a
				}
			}
			delta[i*nLabels+y] = best + em[i*nLabels+y]
			back[i*nLabels+y] = bi
		}
	}
	best, bi := negInf, 0
	for y := 0; y < nLabels; y++ {
		if canEnd(y) && delta[(n-1)*nLabels+y] > best {
			best, bi = delta[(n-1)*nLabels+y], y
		}
	}
	lab := make([]int, n)
	lab[n-1] = bi
	for i := n - 1; i > 0; i-- {
		lab[i-1] = int(back[i*nLabels+lab[i]])
	}
	return lab
}

// The unrolled Viterbi must pick the same path as the loop over preds,
// ties included (small integer scores make many ties).
func TestViterbiSameAsPreds(t *testing.T) {
	for y := 0; y < nLabels; y++ {
		var want []uint8
		if slices.Contains(starts[:], uint8(y)) {
			want = closed[:]
		} else {
			want = []uint8{uint8(1 + 4*ltype(y)), uint8(2 + 4*ltype(y))}
		}
		if !slices.Equal(preds[y], want) {
			t.Fatalf("preds[%d] = %v, want %v", y, preds[y], want)
		}
	}
	rng := uint64(7)
	next := func(k int) float32 {
		rng = rng*6364136223846793005 + 1442695040888963407
		return float32(int(rng>>33) % k)
	}
	for trial := 0; trial < 2000; trial++ {
		k := 3 + trial%20 // value range: small k, many ties
		n := 1 + trial%30
		em := make([]float32, n*nLabels)
		trans := make([]float32, nLabels*nLabels)
		start := make([]float32, nLabels)
		for i := range em {
			em[i] = next(k)
		}
		for i := range trans {
			trans[i] = next(k) - float32(k/2)
		}
		for i := range start {
			start[i] = next(k)
		}
		got := viterbi(n, em, trans, start, make([]uint8, n*nLabels), make([]float32, n*nLabels), nil)
		if want := viterbiRef(n, em, trans, start); !slices.Equal(got, want) {
			t.Fatalf("trial %d: viterbi %v, want %v", trial, got, want)
		}
	}
}

func TestCannotStartNumeric(t *testing.T) {
	for s, want := range map[string]bool{
		",": true, "(": true, "Paris": true, "minister": true, "September-October": true,
		"March": false, "may": false, "TWENTY": false, "last": false, "US$5": false, "$": false,
		"5": false, "1990s": false, "€": false, "£20": false, "": false, "naïve": false,
	} {
		if got := cannotStartNumeric(s); got != want {
			t.Errorf("cannotStartNumeric(%q) = %v, want %v", s, got, want)
		}
	}
}

// unigramFeatures and contextFeatures together must be exactly features,
// for every group setting; tokens with equal unigram keys must have equal
// unigram features.
func TestFeatureSplit(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(`THE CUP FINAL IN PARIS . Real Madrid beat Liverpool 1-0 in Paris on Saturday , and Madrid 's coach said the Cup was won in 1998 and 2022 .`)
	in := input{words: words, sents: [][2]int{{0, 6}, {6, len(words)}}}
	for range words {
		in.pos = append(in.pos, "NNP")
	}
	ts := prepare(&in, r.cl, r.gv, sharedCase(), sharedGazetteer(), nil, new(wordTable))
	for i := range ts {
		// GloVe clusters of our own, a function of the word (as are the real ones)
		w := ts[i].word
		ts[i].gv, ts[i].hasGv = [gloveLevels]uint16{uint16(len(w)*31 + int(w[0])), uint16(w[0] % 7), uint16(len(w) % 3)}, len(w)%4 != 0
		ts[i].docPrev, ts[i].docFirst = uint8(1+i%5), uint8(i%3)
	}
	seen := map[unigramKey][]uint64{}
	for _, groups := range []int{FDefault &^ FSecondPass, FDefault, FDefault | FCase | FClusters2 | FDocNeighbours, FDefault &^ FGlove, FDefault | FGloveFine, 0} {
		for i := range ts {
			want := features(ts, i, groups, nil)
			uni := unigramFeatures(&ts[i], groups, nil)
			got := contextFeatures(ts, i, groups, slices.Clone(uni))
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("groups %b, token %d (%s): split features differ", groups, i, ts[i].word)
			}
			if groups == FDefault {
				k := keyOf(&ts[i])
				if prev, ok := seen[k]; ok && !slices.Equal(prev, uni) {
					t.Fatalf("token %d (%s): same unigram key, other features", i, ts[i].word)
				}
				seen[k] = uni
			}
		}
	}
}

// The vocabulary's precomputed sums label exactly as the features they
// stand for, and most tokens of plain news text are in it.
func TestVocabSameLabels(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if r.fast == nil || r.fast.nv < 10000 {
		t.Fatalf("vocabulary missing or small: %v", r.fast)
	}
	fast := newFast(r.raw1, r.raw2, nil, r.gv, r.gz, r.groups&^(FSecondPass|FSelective)) // (no vocabulary)
	plain := &Recognizer{m1: r.m1, m2: r.m2, fast: fast, tr1: r.tr1, tr2: r.tr2, groups: r.groups, cl: r.cl, gv: r.gv, cs: r.cs, gz: r.gz}
	plain.pool.New = func() any { return new(buffers) }
	tg, err := pos.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := "Transport for Yorkshire said on Monday that Ellen Marchbank-Tovey, its chief engineer, would " +
		"meet officials from Siemens and the European Investment Bank in Brussels. " +
		"COUNCIL APPROVES NEW TRAM LINK TO LEEDS BRADFORD AIRPORT\n" +
		"The Green Party's Amara Okafor called the plan \"a 40-year mistake\" and Marchbank-Tovey " +
		"said Yorkshire would wait. Okafor, Siemens and the bank declined to comment."
	doc := text.Analyze(s)
	tg.Tag(doc)
	got, want := r.Recognize(doc), plain.Recognize(doc)
	if !slices.Equal(got, want) {
		t.Errorf("with the vocabulary %v\nwithout %v", got, want)
	}
	b := labelDoc(r, doc)
	n := len(b.ts) * nLabels
	labels, hits := slices.Clone(b.labels), 0
	em, em2 := slices.Clone(b.em[:n]), slices.Clone(b.em2[:n])
	for _, tk := range b.ts {
		if tk.ent >= 0 {
			hits++
		}
	}
	plain.label(b)
	if !slices.Equal(labels, b.labels) {
		t.Errorf("labels %v with the vocabulary, %v without", labels, b.labels)
	}
	if !slices.Equal(em, b.em[:n]) || !slices.Equal(em2, b.em2[:n]) {
		t.Errorf("scores differ with the vocabulary")
	}
	if hits < len(b.ts)*3/4 {
		t.Errorf("%d of %d tokens in the vocabulary", hits, len(b.ts))
	}
}

// BenchmarkViterbi decodes 30-token sentences of random scores.
func BenchmarkViterbi(b *testing.B) {
	rng := uint64(7)
	next := func() float32 {
		rng = rng*6364136223846793005 + 1442695040888963407
		return float32(int(rng>>33)%2000-1000) / 100
	}
	const n = 30
	em := make([]float32, n*nLabels)
	trans := make([]float32, nLabels*nLabels)
	start := make([]float32, nLabels)
	for i := range em {
		em[i] = next()
	}
	for i := range trans {
		trans[i] = next()
	}
	back, delta := make([]uint8, n*nLabels), make([]float32, n*nLabels)
	var out []int
	for b.Loop() {
		out = viterbi(n, em, trans, start, back, delta, out[:0])
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/token")
}

// The first-pass scores of labelFast (unigram sums, vocabulary entries
// and context keys) are those of the first model on features, the keys it
// was trained on.
func TestJointSameAsFeatures(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := pos.Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := text.Analyze("The mayor of Bradford, Ellen Marchbank-Tovey, met Siemens in Brussels on Monday.\n" +
		"NEW TRAM LINK FOR LEEDS\nOkafor said the Green Party would fight the 40-year plan, and Yorkshire agreed.")
	tg.Tag(doc)
	b := labelDoc(r, doc)
	groups := r.groups &^ (FSecondPass | FSelective)
	// (the tokens of vocabulary words lack what their entries stand for)
	ts := prepare(&b.in, r.cl, r.gv, r.cs, r.gz, nil, new(wordTable))
	for i := range b.ts {
		want := make([]float32, nLabels)
		r.m1.Score(features(ts, i, groups, nil), want)
		if got := b.em[i*nLabels : (i+1)*nLabels]; !slices.Equal(got, want) {
			t.Fatalf("token %d %q: scores %v, want %v", i, b.ts[i].word, got, want)
		}
	}
}

// labelDoc runs r's first pass (label) on a tagged document, as Recognize
// does, and returns its buffers.
func labelDoc(r *Recognizer, doc *text.Document) *buffers {
	b := new(buffers)
	for _, tk := range doc.Tokens {
		b.in.words = append(b.in.words, canon(tk.Text))
		b.in.pos = append(b.in.pos, tk.POS)
	}
	for _, s := range doc.Sentences {
		b.in.sents = append(b.in.sents, [2]int{s.First, s.Last})
	}
	r.label(b)
	return b
}
