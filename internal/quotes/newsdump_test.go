//go:build diag

// The quotes of unlabelled news articles, one line each, behind a build
// tag, for reading what a change does to real news (PolNeAR's dev and
// train figures do not show every rule: a speaker where PolNeAR marks no
// source is not scored):
//
//	go test -tags diag ./internal/quotes -run NewsDump -args -out /tmp/before.txt [-set Opt=false] [-glob 'bbc-news/bbc/politics/*.txt']
//	(change the code, run it again with -out /tmp/after.txt)
//	diff /tmp/before.txt /tmp/after.txt
//
// Each article starts with "=== path"; each quote is a line "Q kind
// cue | speaker (entity) | content" in text order. -data is the flag of
// diagnose_test.go.
package quotes

import (
	"flag"
	"fmt"
	"io"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
)

var (
	dumpGlob = flag.String("glob", "", "articles to read, a glob under -data (default: BBC News and Reuters C50 train)")
	dumpOut  = flag.String("out", "", "file to write")
)

func TestNewsDump(t *testing.T) {
	if *dumpOut == "" {
		t.Skip("no -out file")
	}
	o := DefaultOptions
	if err := SetOptions(&o, *diagSet); err != nil {
		t.Fatal(err)
	}
	globs := []string{"bbc-news/bbc/*/*.txt", "unlabeled-news/reuters-c50/C50train/*/*"}
	if *dumpGlob != "" {
		globs = []string{*dumpGlob}
	}
	files := nlptest.NewsFiles(t, *diagData, globs...)
	nlptest.DumpNews(t, *dumpOut, files, func(w io.Writer, p, s string) {
		doc, ms := nlptest.Mentions(t, s)
		ents := entity.Resolve(doc, ms)
		fmt.Fprintf(w, "=== %s\n", p)
		for _, q := range ExtractWith(doc, ents, o) {
			name := ""
			if q.EntityIndex >= 0 {
				name = ents[q.EntityIndex].Name
			}
			fmt.Fprintf(w, "Q %s %s | %s (%s) | %s\n", q.Kind, doc.Text[q.Cue.Start:q.Cue.End],
				doc.Text[q.Speaker.Start:q.Speaker.End], name, doc.Text[q.Content.Start:q.Content.End])
		}
	})
	t.Logf("%d articles", len(files))
}
