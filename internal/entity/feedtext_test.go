package entity_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/text"
)

// TestFeedTextReferences: feed text that writes its ampersands and accents
// as HTML character references resolves to the same entities as the
// decoded text, with the names decoded, and the mentions still span the
// caller's bytes.
func TestFeedTextReferences(t *testing.T) {
	escaped := "Harlow &amp; Finch Capital Inc. cut its forecast on Tuesday. " +
		"Analyst Ren&#233;e Marlowe of Harlow &amp; Finch said the outlook for AT&amp;T had weakened. " +
		"Marlowe expects Harlow &amp; Finch Capital to revise its figures again in May."
	summary := func(s string) ([]string, *text.Document, []entity.Entity) {
		doc, es := run(t, s)
		var out []string
		for _, e := range es {
			out = append(out, fmt.Sprintf("%s|%s|%d", e.Name, e.Type, len(e.Mentions)))
		}
		slices.Sort(out)
		return out, doc, es
	}
	got, doc, es := summary(escaped)
	want, _, _ := summary(text.Unescape(escaped))
	if !slices.Equal(got, want) {
		t.Errorf("escaped text: %q\ndecoded text: %q", got, want)
	}
	spans := false
	for _, e := range es {
		if strings.Contains(e.Name, "&amp;") || strings.Contains(e.Name, "&#") {
			t.Errorf("entity name %q not decoded", e.Name)
		}
		for _, m := range e.Mentions {
			spans = spans || strings.Contains(doc.Text[m.Span.Start:m.Span.End], "&amp;")
		}
	}
	if !spans {
		t.Error("no mention spans an escaped ampersand of the caller's text")
	}
}
