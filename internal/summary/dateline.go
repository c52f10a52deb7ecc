package summary

import (
	"github.com/lector-nlp/lector/internal/text"
)

// SentenceSpan returns the span of sentence i of doc as a summary shows
// it: without a news dateline that opens it ("LISBON, March 9 (Reuters) -
// Dock workers ..." reads "Dock workers ..."; "(CNN) -- ..." too). The
// sentence splitter keeps a dateline in the first sentence of its line;
// out of the article's opening it is noise. text.Document.Dateline reads
// the dateline.
func SentenceSpan(doc *text.Document, i int) text.Span {
	sn := doc.Sentences[i]
	if d, ok := doc.Dateline(i); ok {
		return text.Span{Start: doc.Tokens[d.End].Start, End: sn.End}
	}
	return text.Span{Start: sn.Start, End: sn.End}
}
