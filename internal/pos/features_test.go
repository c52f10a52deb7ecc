package pos

import (
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

// The tagger scores wordFeatures, contextFeatures and tagFeatures apart; together
// they must be exactly the features the model was trained on.
func TestFeatureSplit(t *testing.T) {
	if err := loadClusters(); err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(`The ship's captain , Anna Berg , said on Monday that 1,200 containers were lost off Norway in 2019 .`)
	ws := make([]word, len(words))
	prepare(words, ws)
	for i := range words {
		for _, prev := range [][2]int{{-1, -2}, {3, -1}, {7, 12}} {
			want := features(words, ws, i, prev[0], prev[1], nil)
			got := tagFeatures(ws, i, prev[0], prev[1], contextFeatures(ws, i, wordFeatures(words[i], ws[i], nil)))
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("token %d (%s), tags %v: split features differ", i, words[i], prev)
			}
		}
	}
}

// tagRef is the plain greedy tagger: every feature of every token scored
// with Model.Score, one token at a time.
func tagRef(t *Tagger, words []string) []string {
	ws := make([]word, len(words))
	prepare(words, ws)
	var out []string
	prev, prev2 := -1, -2
	for i := range words {
		sc := make([]float32, t.m.NLabels)
		t.m.Score(features(words, ws, i, prev, prev2, nil), sc)
		best := 0
		for j, v := range sc {
			if v > sc[best] {
				best = j
			}
		}
		out = append(out, t.m.Labels[best])
		prev2, prev = prev, best
	}
	return out
}

// Tagging in windows of static sums must give the plain greedy tags, also
// across window boundaries (a sentence of more than two windows).
func TestTagWordsSameAsRef(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for i := 0; len(words) < 2*window+77; i++ {
		words = append(words, strings.Fields(`the harbour board of Ostend said on 3 May that its 1,200 dockers , who struck in 2021 , will vote again ; and`)...)
	}
	for _, n := range []int{1, 2, 5, window - 1, window, window + 1, len(words)} {
		got := tg.TagWords(words[:n], nil)
		if want := tagRef(tg, words[:n]); !slices.Equal(got, want) {
			t.Fatalf("%d words: tags differ from the plain greedy tagger", n)
		}
	}
}

// Tag shares the word sums between the sentences of a document: its tags
// must be those of the plain greedy tagger, sentence by sentence.
func TestTagSameAsRef(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := text.Analyze(`Harbour workers in Ostend voted to strike on Monday. Workers said the vote was close.
"Strike" was the word on every banner, and the harbour board said it would talk. Talk is cheap, a worker said.
Monday's vote follows a 2021 strike; the board of the harbour had offered 3.5 % more.`)
	tg.Tag(doc)
	for _, s := range doc.Sentences {
		var words []string
		for _, tk := range doc.Tokens[s.First:s.Last] {
			words = append(words, canon(tk.Text))
		}
		want := tagRef(tg, words)
		for i, tk := range doc.Tokens[s.First:s.Last] {
			if tk.POS != want[i] {
				t.Errorf("%q: tag %s, the plain tagger says %s", tk.Text, tk.POS, want[i])
			}
		}
	}
}

// The vocabulary's precomputed word sums tag exactly as the word
// features they stand for, and most words of plain news text are in it.
func TestVocabSameTags(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if tg.vocab == nil || tg.vocab.Len() < 10000 {
		t.Fatalf("vocabulary missing or small: %v", tg.vocab)
	}
	plain := New(tg.m)
	plain.vocab = nil
	plain.pool.New = func() any { return new(buffers) }
	s := "The council approved the new tram line on Tuesday after a long debate. " +
		"Residents of the northern suburbs, who commute 45 minutes each way, welcomed it; " +
		"OPPOSITION COUNCILLORS SAID THE COSTS WERE TOO HIGH. Mrs Haverbrook-Quist voted against. " +
		"\"We will see,\" she said, adding that 1,200 jobs could follow by 2029."
	a, b := text.Analyze(s), text.Analyze(s)
	tg.Tag(a)
	plain.Tag(b)
	for i := range a.Tokens {
		if a.Tokens[i] != b.Tokens[i] {
			t.Errorf("token %d: %+v with the vocabulary, %+v without", i, a.Tokens[i], b.Tokens[i])
		}
	}
	hits := 0
	for _, tk := range a.Tokens {
		if tg.vocab.Get(vocabKey(canon(tk.Text))) >= 0 {
			hits++
		}
	}
	if hits < len(a.Tokens)*3/4 {
		t.Errorf("%d of %d tokens in the vocabulary", hits, len(a.Tokens))
	}
}

// The tag rows found once (tagRows) are the rows tagFeatures' three
// tag-only keys find, for every pair of previous tags.
func TestTagRowsFind(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	ws := []word{hashWord("the"), hashWord("cat")}
	n := tg.m.NLabels
	for prev := -1; prev < n; prev++ {
		for prev2 := -2; prev2 < n; prev2++ {
			want := tg.m.Find(tagFeatures(ws, 0, prev, prev2, nil), nil)
			pv := uint64(prev + 3)
			got := tg.m.Find([]uint64{f2(tPrevWord, pv, ws[0].w), f2(tPrevNext, pv, ws[1].w)}, tg.tags.add(nil, prev, prev2))
			if !slices.Equal(got, want) {
				t.Fatalf("prev %d, prev2 %d: rows %v, want %v", prev, prev2, got, want)
			}
		}
	}
}
