package corpus

import "github.com/lector-nlp/lector/internal/text"

// SpanIndex finds the tokens of an analysed document that a gold
// annotation, given as a character span of its text, covers exactly.
type SpanIndex struct {
	startTok, endTok map[int]int // token starting / ending (index+1) at a byte
	sentOf           []int       // sentence of each token
}

// NewSpanIndex indexes the tokens and sentences of doc.
func NewSpanIndex(doc *text.Document) *SpanIndex {
	x := &SpanIndex{
		startTok: make(map[int]int, len(doc.Tokens)),
		endTok:   make(map[int]int, len(doc.Tokens)),
		sentOf:   make([]int, len(doc.Tokens)),
	}
	for i, tk := range doc.Tokens {
		x.startTok[tk.Start] = i
		x.endTok[tk.End] = i + 1
	}
	for si, s := range doc.Sentences {
		for i := s.First; i < s.Last && i < len(x.sentOf); i++ {
			x.sentOf[i] = si
		}
	}
	return x
}

// Tokens returns the tokens [first, last) of the span [start, end) and
// the sentence of the first; ok is false where an end of the span falls
// inside a token or between tokens, or the span holds no token.
func (x *SpanIndex) Tokens(start, end int) (first, last, sent int, ok bool) {
	f, ok1 := x.startTok[start]
	l, ok2 := x.endTok[end]
	if !ok1 || !ok2 || f >= l {
		return 0, 0, 0, false
	}
	return f, l, x.sentOf[f], true
}
