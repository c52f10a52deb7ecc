package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// In a short text a sentence's first word before its verb is a name, also
// with an -ly adverb between them (lyAdverb). Sentences of our own with
// made-up surnames; both fail without the adverb step.
func TestFirstWordBeforeAdverb(t *testing.T) {
	checkNames(t, []nameCase{
		{"Thistlewood bluntly rejected the offer.", "Thistlewood", ner.Person},
		{"Harkavy quietly withdrew the bill on Friday.", "Harkavy", ner.Person},
	})
}
