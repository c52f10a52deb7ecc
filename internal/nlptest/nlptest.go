// Package nlptest gives tests of the analysers the real language core:
// text tokenised and tagged by the embedded POS model, and its named-entity
// mentions from the embedded recogniser. The models load once per test
// binary; a model that fails to load fails the test (they are embedded, so
// that is a bug, never a reason to skip).
package nlptest

import (
	"sync"
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

var (
	once   sync.Once
	tagger *pos.Tagger
	recog  *ner.Recognizer
	err    error
)

// Models returns the tagger and the recogniser, loaded once.
func Models(tb testing.TB) (*pos.Tagger, *ner.Recognizer) {
	tb.Helper()
	once.Do(func() {
		if tagger, err = pos.Load(); err == nil {
			recog, err = ner.Load()
		}
	})
	if err != nil {
		tb.Fatalf("loading the language models: %v", err)
	}
	return tagger, recog
}

// Tagged tokenises s and tags it with parts of speech and lemmas.
func Tagged(tb testing.TB, s string) *text.Document {
	tb.Helper()
	tg, _ := Models(tb)
	doc := text.Analyze(s)
	tg.Tag(doc)
	return doc
}

// Mentions tokenises and tags s and finds its named-entity mentions.
func Mentions(tb testing.TB, s string) (*text.Document, []ner.Mention) {
	tb.Helper()
	_, rec := Models(tb)
	doc := Tagged(tb, s)
	return doc, rec.Recognize(doc)
}
