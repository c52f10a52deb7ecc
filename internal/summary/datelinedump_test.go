//go:build diag

// The datelines SentenceSpan leaves out of unlabelled news articles, one
// line each, behind a build tag, for comparing the dateline reading before
// and after a change:
//
//	go test -tags diag ./internal/summary -run DatelineDump -args -out /tmp/before.txt [-data DIR] [-glob 'polnear/*/text/*']
//	(change the code, run it again with -out /tmp/after.txt)
//	diff /tmp/before.txt /tmp/after.txt
//
// Each line is "path<TAB>sentence<TAB>the dateline's text" for each of the
// first three sentences whose span SentenceSpan shortens.
package summary

import (
	"flag"
	"fmt"
	"io"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
)

var (
	dumpData = flag.String("data", "../../../shared/data", "datasets directory")
	dumpGlob = flag.String("glob", "", "articles to read, a glob under -data (default: BBC News and Reuters C50)")
	dumpOut  = flag.String("out", "", "file to write")
)

func TestDatelineDump(t *testing.T) {
	if *dumpOut == "" {
		t.Skip("no -out file")
	}
	globs := []string{"bbc-news/bbc/*/*.txt", "unlabeled-news/reuters-c50/C50train/*/*", "unlabeled-news/reuters-c50/C50test/*/*"}
	if *dumpGlob != "" {
		globs = []string{*dumpGlob}
	}
	files := nlptest.NewsFiles(t, *dumpData, globs...)
	n := 0
	nlptest.DumpNews(t, *dumpOut, files, func(w io.Writer, path, s string) {
		doc := text.Analyze(s)
		for i := 0; i < 3 && i < len(doc.Sentences); i++ {
			if sp := SentenceSpan(doc, i); sp.Start != doc.Sentences[i].Start {
				fmt.Fprintf(w, "%s\t%d\t%q\n", path, i, doc.Text[doc.Sentences[i].Start:sp.Start])
				n++
			}
		}
	})
	t.Logf("%d articles, %d datelines", len(files), n)
}
