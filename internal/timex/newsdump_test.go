//go:build diag

// The time expressions of unlabelled news articles, one line each, behind
// a build tag, for comparing the rules' output before and after a change:
//
//	go test -tags diag ./internal/timex -run NewsDump -args -out /tmp/before.txt [-anchor 2005-03-10] [-data DIR]
//	(change the code, run it again with -out /tmp/after.txt)
//	diff /tmp/before.txt /tmp/after.txt
//
// Each line is "path<TAB>start<TAB>text<TAB>type<TAB>value" over the BBC
// News articles and the Reuters C50 train articles, all read as written
// on the anchor's day.
package timex_test

import (
	"flag"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/timex"
)

var (
	dumpData   = flag.String("data", "../../../shared/data", "datasets directory")
	dumpOut    = flag.String("out", "", "file to write")
	dumpAnchor = flag.String("anchor", "2005-03-10", "the day every article is read as written on")
)

func TestNewsDump(t *testing.T) {
	if *dumpOut == "" {
		t.Skip("no -out file")
	}
	anchor, err := time.Parse("2006-01-02", *dumpAnchor)
	if err != nil {
		t.Fatal(err)
	}
	files := nlptest.NewsFiles(t, *dumpData, "bbc-news/bbc/*/*.txt", "unlabeled-news/reuters-c50/C50train/*/*")
	nlptest.DumpNews(t, *dumpOut, files, func(w io.Writer, path, s string) {
		doc := text.Analyze(s)
		for _, e := range timex.Extract(doc, anchor) {
			fmt.Fprintf(w, "%s\t%d\t%q\t%s\t%s\n", path, e.Span.Start, doc.Text[e.Span.Start:e.Span.End], e.Type, e.Value)
		}
	})
	t.Logf("%d articles", len(files))
}
