//go:build diag

// The entities of unlabelled news articles, one line each, behind a build
// tag (it reads 4,630 articles in about 15 s), for comparing the resolver's
// output before and after a change:
//
//	go test -tags diag ./internal/entity -run NewsDump -args -out /tmp/before.txt [-data DIR] [-glob 'bbc-news/bbc/sport/*.txt'] [-geo]
//	(change the code, run it again with -out /tmp/after.txt)
//	diff /tmp/before.txt /tmp/after.txt
//
// Each article starts with "=== path"; each entity is a line "E type
// name offset:mention|...", sorted within its article, so that diff shows
// the entities that changed; with -geo the name is followed by a tab and
// the entity's country code and region.
package entity_test

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
)

var (
	dumpData = flag.String("data", "../../../shared/data", "datasets directory")
	dumpGlob = flag.String("glob", "", "articles to read, a glob under -data (default: BBC News and Reuters C50 train)")
	dumpOut  = flag.String("out", "", "file to write")
	dumpGeo  = flag.Bool("geo", false, "write each entity's country code and region after its name")
)

func TestNewsDump(t *testing.T) {
	if *dumpOut == "" {
		t.Skip("no -out file")
	}
	globs := []string{"bbc-news/bbc/*/*.txt", "unlabeled-news/reuters-c50/C50train/*/*"}
	if *dumpGlob != "" {
		globs = []string{*dumpGlob}
	}
	files := nlptest.NewsFiles(t, *dumpData, globs...)
	var lines []string
	nlptest.DumpNews(t, *dumpOut, files, func(w io.Writer, p, s string) {
		doc, es := run(t, s)
		lines = lines[:0]
		for _, e := range es {
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, fmt.Sprintf("%d:%s", m.Span.Start, doc.Text[m.Span.Start:m.Span.End]))
			}
			name := e.Name
			if *dumpGeo {
				name += "\t" + e.CountryCode + " " + e.Region
			}
			lines = append(lines, fmt.Sprintf("E %s\t%s\t%s", e.Type, name, strings.Join(ms, "|")))
		}
		slices.Sort(lines)
		fmt.Fprintf(w, "=== %s\n", p)
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
	})
	t.Logf("%d articles", len(files))
}
