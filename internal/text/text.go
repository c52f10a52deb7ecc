// Package text holds the shared representation of an analysed text:
// tokens and sentences with exact byte offsets, paragraphs, and the
// conversion of byte offsets to UTF-16 or UTF-32 units.
package text

import (
	"context"
	"slices"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Token is one token of a text. Text is Doc.Text[Start:End], except in a
// token holding an HTML character reference ("AT&amp;T", "&quot;",
// "don&#39;t" → "AT&T", `"`, "n't"): there Text is the decoded form, as
// the token of the decoded text would read, and Start/End still cover the
// reference's bytes in Doc.Text (see Unescape), and in a token holding a
// typographic apostrophe U+2019 (People’s, don’t → "'s", "n't"): there
// Text has the ASCII apostrophe, so analysers read both spellings alike.
type Token struct {
	Text  string
	Start int // byte offset of the first byte
	End   int // byte offset after the last byte
	POS   string
	Lemma string
}

// Sentence is one sentence: its byte range and its tokens,
// Doc.Tokens[First:Last].
type Sentence struct {
	Start, End  int
	First, Last int
}

// Document is a tokenised text.
type Document struct {
	Text       string
	Tokens     []Token
	Sentences  []Sentence
	Paragraphs []Span

	ctx context.Context // set by WithContext; nil means never cancelled
}

// WithContext ties d to ctx: analysers that loop over a long document call
// d.Err between sentences and stop early once ctx is done, so a cancelled
// request stops using CPU promptly. It returns d.
func (d *Document) WithContext(ctx context.Context) *Document {
	d.ctx = ctx
	return d
}

// Err returns the error of the context given to WithContext once it is
// done (context.Canceled or context.DeadlineExceeded), and nil otherwise.
// Analysers that see a non-nil Err return what they have so far; the
// caller discards it and reports the error.
func (d *Document) Err() error {
	if d.ctx == nil {
		return nil
	}
	return d.ctx.Err()
}

// SentenceOf returns the index of the sentence that holds token i (0 when
// there are no sentences).
func (d *Document) SentenceOf(i int) int {
	k, found := slices.BinarySearchFunc(d.Sentences, i, func(s Sentence, i int) int { return s.First - i })
	if !found {
		k--
	}
	return max(k, 0)
}

// SentenceTokens returns the tokens of sentence i.
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Last]
}
