package main

import (
	"strings"

	"github.com/lector-nlp/lector/internal/conll"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

// detokenise joins CoNLL tokens into plain text the way a news article
// would be written, one CoNLL sentence per line, and returns the byte
// offset of every token.
func detokenise(d conll.Document) (string, [][]int) {
	var b strings.Builder
	offs := make([][]int, len(d.Sentences))
	for si, s := range d.Sentences {
		if si > 0 {
			b.WriteString("\n")
		}
		quote := false
		for i, w := range s.Words {
			if i > 0 && spaceBefore(s.Words[i-1], w, quote) {
				b.WriteByte(' ')
			}
			if w == "\"" {
				quote = !quote
			}
			offs[si] = append(offs[si], b.Len())
			b.WriteString(w)
		}
	}
	return b.String(), offs
}

func spaceBefore(prev, w string, inQuote bool) bool {
	switch w {
	case ",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "%":
		return false
	case "\"":
		return !inQuote
	}
	switch prev {
	case "(", "[", "{", "$":
		return false
	case "\"":
		return !inQuote
	}
	return true
}

var baseType = map[ner.Type]string{
	ner.Person: "PER", ner.Org: "ORG", ner.Location: "LOC", ner.Nationality: "MISC", ner.Event: "MISC",
	ner.Law: "MISC", ner.Product: "MISC", ner.WorkOfArt: "MISC", ner.Misc: "MISC",
}

// evaluateRaw runs the whole run-time path (text.Analyze, pos.Tag,
// Recognize) on detokenised documents and scores the mentions that fall
// on CoNLL token boundaries.
func evaluateRaw(tagger *pos.Tagger, r *ner.Recognizer, docs []conll.Document) *conll.Counts {
	c := conll.NewCounts()
	for _, d := range docs {
		txt, offs := detokenise(d)
		doc := text.Analyze(txt)
		tagger.Tag(doc)
		ms := r.Recognize(doc)
		// token index by start and end offset, per sentence
		type pos2 struct{ s, i int }
		starts, ends := map[int]pos2{}, map[int]pos2{}
		for si, s := range d.Sentences {
			for i, w := range s.Words {
				starts[offs[si][i]] = pos2{si, i}
				ends[offs[si][i]+len(w)] = pos2{si, i}
			}
		}
		pred := make([][]conll.Span, len(d.Sentences))
		for _, m := range ms {
			t, ok := baseType[m.Type]
			if !ok {
				continue
			}
			a, ok1 := starts[m.Start]
			b, ok2 := ends[m.End]
			if !ok1 || !ok2 || a.s != b.s {
				// a mention that does not fall on CoNLL tokens counts as a false positive
				c.Pred[t]++
				continue
			}
			pred[a.s] = append(pred[a.s], conll.Span{Start: a.i, End: b.i + 1, Type: t})
		}
		for si, s := range d.Sentences {
			c.Add(conll.Spans(s.Tags), pred[si])
		}
	}
	return c
}
