package ner

import (
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

// The labels do not depend on the size of labelFast's blocks: a document
// scored a few tokens at a time, its sentences cut across blocks (Viterbi
// stepped a block at a time, the blocks the second pass needs looked up
// again), gets the labels it gets as one block, the first pass's and the
// second's.
func TestBlocksSameLabels(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := pos.Load()
	if err != nil {
		t.Fatal(err)
	}
	// a name typed differently across the document (the second pass
	// re-decodes those sentences), a headline, and a long sentence
	s := "The mayor spoke about water prices rising in winter. It rained late this year. " +
		"Marchbank said on Monday that Tovey Marchbank would meet Okafor in Leeds. " +
		"MARCHBANK AND OKAFOR TO MEET IN LEEDS\n" +
		"The council of Leeds, which " + strings.Repeat("Marchbank and Okafor of Halvex Ltd asked about, and ", 12) +
		"voted. The farmers asked for more money. Okafor said Halvex would wait. Leeds Halvex beat Marchbank Rovers 2-1 in Okafor."
	doc := text.Analyze(s)
	tg.Tag(doc)
	run := func(block int) *buffers {
		b := new(buffers)
		b.block = block
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
	one := run(1 << 30)
	longest, again := 0, 0
	for k, s := range one.in.sents {
		longest = max(longest, s[1]-s[0])
		if one.only[k] {
			again++
		}
	}
	if longest < 100 || again == 0 || again == len(one.in.sents) {
		t.Fatalf("the document does not test blocks: longest sentence %d tokens, %d of %d sentences re-decoded",
			longest, again, len(one.in.sents))
	}
	for _, block := range []int{1, 2, 7, 64, longest - 1} {
		b := run(block)
		if !slices.Equal(b.labels, one.labels) {
			t.Errorf("blocks of %d tokens: labels\n%v\nwant (one block)\n%v", block, b.labels, one.labels)
		}
		for i := range b.ts {
			if b.ts[i].lab1 != one.ts[i].lab1 {
				t.Errorf("blocks of %d tokens: first-pass label of token %d (%q) %d, want %d", block, i,
					doc.Tokens[i].Text, b.ts[i].lab1, one.ts[i].lab1)
				break
			}
		}
	}
}
